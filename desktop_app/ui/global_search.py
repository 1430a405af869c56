"""The search box over the whole ledger (Ctrl+K): results as you type.

Grouped by record type with their counts, the matched words in bold, at most
20 a type with 显示全部 opening the type's list filtered to the words. Arrow
keys move through the results and Enter opens one: an institution, a unit or
a talent as its dossier page, anything else in its form. The finding is
records/search.py's; this only shows it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeySequence, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.records import search

DELAY_MS = 200
SHOWN = 20
KIND_ROLE = Qt.ItemDataRole.UserRole + 10  # "hit", "all" or "group"


class _RichDelegate(QStyledItemDelegate):
    """Items whose text is a little HTML (the matched words in bold)."""

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setHtml(opt.text)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        rect = opt.rect.adjusted(4, 0, 0, 0)
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            colour = opt.palette.color(QPalette.ColorRole.HighlightedText)
            context.palette.setColor(QPalette.ColorRole.Text, colour)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))


def highlighted(text: str, words: list[str]) -> str:
    """text as HTML with each of words in bold, found in the text itself
    (ignoring the case of letters) and escaped piece by piece, so a word never
    matches inside an entity or a tag (A&B, a<b>c)."""
    lower = text.lower()
    marked = [False] * len(text)
    for word in {w.lower() for w in words if w}:
        start = lower.find(word)
        while start != -1:
            for i in range(start, start + len(word)):
                marked[i] = True
            start = lower.find(word, start + 1)
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and marked[j] == marked[i]:
            j += 1
        piece = html.escape(text[i:j])
        out.append(f"<b>{piece}</b>" if marked[i] else piece)
        i = j
    return "".join(out)


class GlobalSearch(QWidget):
    """The box and its results list; opened() asks the window to show a record."""

    open_record = Signal(str, int)  # spec key, record id
    show_all = Signal(str, str)  # spec key, the words: the type's list, filtered

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QLineEdit(self)
        self.box.setObjectName("global_search")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Search the whole ledger (Ctrl+K)"))
        self.box.setMinimumWidth(320)
        self.box.setMaximumWidth(520)
        self.results = QTreeWidget(self)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setItemDelegate(_RichDelegate(self.results))
        self.results.setWindowFlags(Qt.WindowType.ToolTip)  # floats over the page
        self.results.setFrameShape(QFrame.Shape.Box)
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)
        self.status = QLabel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._enter)
        self.box.installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)

    @staticmethod
    def shortcut() -> QKeySequence:
        return QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_K)

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()
        if self.box.text().strip():
            self.run()

    # ---- finding
    def run(self) -> None:
        self._timer.stop()
        text = self.box.text().strip()
        self.results.clear()
        if not text:
            self.results.hide()
            return
        words = text.split()
        groups = search.search(text, limit=SHOWN)
        if not groups:
            item = QTreeWidgetItem([html.escape(self.tr("Nothing found"))])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addTopLevelItem(item)
        for group in groups:
            label = QCoreApplication.translate("Record", group.spec.plural or group.spec.label)
            head = QTreeWidgetItem(
                [f"<span style='color:#555'><b>{html.escape(label)}</b> · {group.count}</span>"]
            )
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setData(0, KIND_ROLE, "group")
            self.results.addTopLevelItem(head)
            for hit in group.hits:
                where = (
                    self.tr("pinyin")
                    if hit.where == search.PINYIN
                    else QCoreApplication.translate("Field", hit.spec.field(hit.where).label)
                )
                text_html = (
                    f"&nbsp;&nbsp;{highlighted(hit.title, words)}"
                    f" <span style='color:#888'>· {html.escape(where)}</span>"
                )
                item = QTreeWidgetItem([text_html])
                item.setToolTip(0, f"{hit.title} · {where}")  # a long name is cut in the list
                item.setData(0, Qt.ItemDataRole.UserRole, (hit.spec.key, hit.record_id))
                item.setData(0, KIND_ROLE, "hit")
                self.results.addTopLevelItem(item)
            if group.count > len(group.hits):
                more = QTreeWidgetItem(
                    [
                        "&nbsp;&nbsp;<span style='color:#2f6fb3'>"
                        + html.escape(self.tr("Show all %1").replace("%1", str(group.count)))
                        + "</span>"
                    ]
                )
                more.setData(0, Qt.ItemDataRole.UserRole, (group.spec.key, text))
                more.setData(0, KIND_ROLE, "all")
                self.results.addTopLevelItem(more)
        self._place()
        first = self._next_item(-1, 1)
        if first is not None:
            self.results.setCurrentItem(first)

    def _place(self) -> None:
        """The list under the box, as wide as it or wider, as tall as needed."""
        below = self.box.mapToGlobal(self.box.rect().bottomLeft())
        width = max(self.box.width(), 460)
        rows = self.results.topLevelItemCount()
        row_h = self.results.sizeHintForRow(0) if rows else 24
        height = min(max(rows, 1) * row_h + 8, 520)
        self.results.setGeometry(below.x(), below.y() + 2, width, height)
        self.results.show()

    # ---- moving and opening
    def _selectable(self, item: QTreeWidgetItem | None) -> bool:
        return item is not None and item.data(0, KIND_ROLE) in ("hit", "all")

    def _next_item(self, row: int, step: int) -> QTreeWidgetItem | None:
        count = self.results.topLevelItemCount()
        row += step
        while 0 <= row < count:
            item = self.results.topLevelItem(row)
            if self._selectable(item):
                return item
            row += step
        return None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.isVisible():
                current = self.results.currentItem()
                row = self.results.indexOfTopLevelItem(current) if current else -1
                step = 1 if key == Qt.Key.Key_Down else -1
                found = self._next_item(row, step)
                if found is not None:
                    self.results.setCurrentItem(found)
                return True
            if key == Qt.Key.Key_Escape and self.results.isVisible():
                self.results.hide()
                return True
        if watched is self.box and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(150, self._hide_unless_focused)
        return super().eventFilter(watched, event)

    def _hide_unless_focused(self) -> None:
        if not self.box.hasFocus() and not self.results.underMouse():
            self.results.hide()

    def _enter(self) -> None:
        if self._timer.isActive():
            self.run()
        item = self.results.currentItem()
        if self._selectable(item):
            self._activate(item)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind = item.data(0, KIND_ROLE)
        value = item.data(0, Qt.ItemDataRole.UserRole)
        if kind not in ("hit", "all") or value is None:
            return
        self.results.hide()
        if kind == "hit":
            self.open_record.emit(*value)
        else:
            self.show_all.emit(*value)
