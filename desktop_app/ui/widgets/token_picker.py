"""Several linked records picked as tokens: 中北大学 ✕  清华大学 ✕  [type to add…].

Typing finds a record by its name or its short name, each record once (北京航空
航天大学（北航）, not a second entry 北航); Enter or a click on the suggestion adds
it as a token; a token's ✕, or Backspace in the empty box, removes it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
)


class FlowLayout(QLayout):
    """Children left to right, wrapping to the next line, as words in a text."""

    def __init__(self, parent=None, spacing: int = 4):
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        space = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            if x + width > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + space, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + space
            line = max(line, hint.height())
        return y + line - rect.y()


class TokenPicker(QFrame):
    changed = Signal()
    open_requested = Signal(int)  # a token's record, to see (its dossier)
    can_open = False  # whether a token offers 查看档案 (the target has a dossier page)

    def __init__(self, choices: list[tuple[int, str]], aliases: dict[str, int], parent=None):
        super().__init__(parent)
        self.setObjectName("token_picker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._names = dict(choices)
        shorts: dict[int, str] = {}
        for short, rid in aliases.items():
            if short != self._names.get(rid):
                shorts.setdefault(rid, short)
        # What the suggestion list shows: each record once, with its short name.
        self._shown = {
            (f"{name}（{shorts[rid]}）" if rid in shorts else name): rid
            for rid, name in self._names.items()
        }
        self._by_text = {name: rid for rid, name in self._names.items()}
        for short, rid in aliases.items():
            self._by_text.setdefault(short, rid)
        self._by_text.update(self._shown)
        self._ids: list[int] = []
        self.input = QLineEdit(self)
        self.input.setFrame(False)
        self.input.setMinimumWidth(160)
        self.input.setPlaceholderText(self.tr("Type a name or short name to add…"))
        completer = QCompleter(QStringListModel(list(self._shown), self), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.input.setCompleter(completer)
        completer.activated.connect(self.add_text)
        self.input.returnPressed.connect(lambda: self.add_text(self.input.text()))
        self.input.installEventFilter(self)
        self.flow = FlowLayout()
        self.flow.addWidget(self.input)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(self.flow)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusProxy(self.input)

    # ---- tokens
    def add_text(self, text: str) -> bool:
        rid = self._by_text.get(text.strip())
        if rid is None:
            return False
        self.add_id(rid)
        self.input.clear()
        return True

    def add_id(self, rid: int) -> None:
        if rid in self._ids:
            return
        self._ids.append(rid)
        token = QToolButton(self)
        token.setObjectName("token")
        token.setText(f"{self._names.get(rid, str(rid))}  ✕")
        token.setToolTip(self.tr("Remove"))
        token.setProperty("record_id", rid)
        token.setStyleSheet(
            "#token { background:#e8f0fb; border:1px solid #b8cde8; border-radius:9px;"
            " padding:1px 8px; }"
        )
        token.clicked.connect(lambda _c=False, r=rid: self.remove_id(r))
        token.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        token.customContextMenuRequested.connect(
            lambda pos, r=rid, t=token: self._token_menu(t, r, pos)
        )
        self.flow.takeAt(self.flow.count() - 1)  # the input stays last
        self.flow.addWidget(token)
        self.flow.addWidget(self.input)
        self.updateGeometry()
        self.changed.emit()

    def _token_menu(self, token: QToolButton, rid: int, pos) -> None:
        menu = QMenu(self)
        if self.can_open:
            menu.addAction(self.tr("View dossier"), lambda: self.open_requested.emit(rid))
        menu.addAction(self.tr("Remove"), lambda: self.remove_id(rid))
        menu.exec(token.mapToGlobal(pos))
        menu.deleteLater()

    def remove_id(self, rid: int) -> None:
        if rid not in self._ids:
            return
        self._ids.remove(rid)
        for token in self.tokens():
            if token.property("record_id") == rid:
                self.flow.removeWidget(token)
                token.deleteLater()
        self.updateGeometry()
        self.changed.emit()

    def tokens(self) -> list[QToolButton]:
        return [w for w in self.findChildren(QToolButton, "token") if w.property("record_id")]

    def ids(self) -> list[int]:
        return list(self._ids)

    def token_texts(self) -> list[str]:
        return [self._names.get(rid, str(rid)) for rid in self._ids]

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # Backspace in the empty box takes back the last token, as in a mail client.
        if watched is self.input and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key.Key_Backspace and not self.input.text() and self._ids:
                self.remove_id(self._ids[-1])
                return True
        return super().eventFilter(watched, event)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self.flow.heightForWidth(width - 8) + 8 + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802
        width = max(self.width(), 300)
        return QSize(width, self.heightForWidth(width))
