"""One editor widget per field kind, built from a FieldSpec.

Each editor has value() and set_value(); the form knows nothing about kinds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop_app.exchange.convert import CellError
from desktop_app.exchange.convert import to_date as to_date_flexible
from desktop_app.records import service
from desktop_app.records.specs import (
    CHILDREN,
    CHOICE,
    DATE,
    FK,
    FLOAT,
    INT,
    LINKS,
    LONGTEXT,
    MULTICHOICE,
    FieldSpec,
)
from desktop_app.records.timeline import DOSSIER_TYPES
from desktop_app.records.values import to_date
from desktop_app.store import categories
from desktop_app.ui.widgets.token_picker import TokenPicker


class UnknownName(ValueError):
    """A link field holds text that names no record."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


class TextEditor(QLineEdit):
    def value(self) -> str:
        return self.text()

    def set_value(self, v: Any) -> None:
        self.setText("" if v is None else str(v))


class LongTextEditor(QPlainTextEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, v: Any) -> None:
        self.setPlainText("" if v is None else str(v))


class BadValue(ValueError):
    """An editor holds text that cannot be read as its kind (e.g. a date)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def parse_date_text(text: str) -> dt.date | None:
    """A date typed the ways people type them: 2023-06-01, 2023.6.1, 2023/6/1,
    2023年6月1日, 20230601. Raises BadValue for anything else."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit() and len(text) != 8:
        raise BadValue(text)  # a bare number is not a date a person typed
    try:
        return to_date_flexible(text)
    except (CellError, ValueError):
        raise BadValue(text) from None


class DateEditor(QWidget):
    """A date typed as text (any common spelling) or picked from a calendar.

    Why not QDateEdit: it cannot be empty, and typing into it section by
    section silently turned 2023-06-01 into 2026-06-01.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        # An empty date looks empty: a grey sample date read as a date filled in.
        self.edit.setPlaceholderText(self.tr("yyyy-mm-dd"))
        self.edit.editingFinished.connect(self._tidy)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Pick a date from the calendar"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.calendar_button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(lambda d: (self._set_qdate(d), menu.close()))
        self.calendar.activated.connect(lambda d: (self._set_qdate(d), menu.close()))
        self.calendar_button.setMenu(menu)
        # Tab goes from field to field; the calendar is for the mouse (or F4).
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.calendar_button)
        self.setFocusProxy(self.edit)

    def _sync_calendar(self) -> None:
        try:
            d = parse_date_text(self.edit.text())
        except BadValue:
            d = None
        self.calendar.setSelectedDate(QDate(d.year, d.month, d.day) if d else QDate.currentDate())

    def _set_qdate(self, d: QDate) -> None:
        self.edit.setText(f"{d.year():04d}-{d.month():02d}-{d.day():02d}")

    def _tidy(self) -> None:
        """Show what was understood in one spelling (2023.6.1 → 2023-06-01)."""
        try:
            d = parse_date_text(self.edit.text())
        except BadValue:
            return
        if d is not None:
            self.edit.setText(d.isoformat())

    def value(self) -> dt.date | None:
        return parse_date_text(self.edit.text())

    def set_value(self, v: Any) -> None:
        d = to_date(v) if v else None
        self.edit.setText(d.isoformat() if d else "")


class IntEditor(QSpinBox):
    def __init__(self, minimum: int, parent=None):
        super().__init__(parent)
        self.setRange(minimum, 2_000_000_000)
        self.setGroupSeparatorShown(False)

    def value(self) -> int:  # type: ignore[override]
        return super().value()

    def set_value(self, v: Any) -> None:
        self.setValue(int(v) if v not in (None, "") else self.minimum())


class FloatEditor(QDoubleSpinBox):
    """A number that may be left empty (shown blank at the minimum)."""

    def __init__(self, minimum: float, parent=None):
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(minimum - 1, 1e12)
        self.setSpecialValueText(" ")
        self.setValue(self.minimum())

    def value(self) -> float | None:  # type: ignore[override]
        v = super().value()
        return None if v == self.minimum() else v

    def set_value(self, v: Any) -> None:
        self.setValue(float(v) if v not in (None, "") else self.minimum())


class ChoiceEditor(QComboBox):
    def __init__(self, list_key: str, parent=None):
        super().__init__(parent)
        self.addItem("")
        self.addItems(categories.words(list_key))

    def value(self) -> str:
        return self.currentText()

    def set_value(self, v: Any) -> None:
        v = v or ""
        if self.findText(v) < 0:
            self.addItem(v)  # a word removed from the list stays visible on old records
        self.setCurrentIndex(self.findText(v))


class MultiChoiceEditor(QListWidget):
    def __init__(self, list_key: str, parent=None):
        super().__init__(parent)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        for w in categories.words(list_key):
            self._add(w)

    def _add(self, word: str) -> QListWidgetItem:
        item = QListWidgetItem(word, self)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def value(self) -> list[str]:
        return [
            self.item(i).text()
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, v: Any) -> None:
        chosen = list(v or [])
        for word in chosen:
            if not self.findItems(word, Qt.MatchFlag.MatchExactly):
                self._add(word)
        for i in range(self.count()):
            item = self.item(i)
            checked = item.text() in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def _contains_completer(names: list[str], parent) -> QCompleter:
    """Type-ahead that matches anywhere in a name (中北 finds 中北大学), IME friendly."""
    completer = QCompleter(QStringListModel(names, parent), parent)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(12)
    return completer


class ForeignKeyEditor(QComboBox):
    """One linked record, picked from a list or typed with type-ahead; its
    right-click menu opens the record's dossier page (查看档案)."""

    dossier_requested = Signal(str, int)

    def __init__(self, target: str, parent=None):
        super().__init__(parent)
        self.target = target
        self.setEditable(True)
        if target in DOSSIER_TYPES:
            self.lineEdit().installEventFilter(self)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", None)
        choices = service.choices_for_link(target)
        for rid, name in choices:
            self.addItem(name, rid)
        names = {n for _, n in choices}
        self._aliases = {
            a: rid for a, rid in service.link_aliases(target).items() if a not in names
        }
        self.setCompleter(_contains_completer([n for _, n in choices] + list(self._aliases), self))

    def value(self) -> int | None:
        text = self.currentText().strip()
        if not text:
            return None
        i = self.findText(text, Qt.MatchFlag.MatchExactly)
        if i >= 0:
            return self.itemData(i)
        if text in self._aliases:  # a short name: 北航
            return self._aliases[text]
        raise UnknownName(text)

    def set_value(self, v: Any) -> None:
        i = self.findData(v) if v else 0
        self.setCurrentIndex(max(i, 0))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ContextMenu and watched is self.lineEdit():
            menu = watched.createStandardContextMenu()
            try:
                rid = self.value()
            except UnknownName:
                rid = None
            if rid is not None:
                first = menu.actions()[0] if menu.actions() else None
                view = QAction(self.tr("View dossier"), menu)
                view.triggered.connect(lambda: self.dossier_requested.emit(self.target, rid))
                menu.insertAction(first, view)
                menu.insertSeparator(first)
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return super().eventFilter(watched, event)


class LinksEditor(QWidget):
    """Several linked records as removable tokens (widgets/token_picker.py)."""

    changed = Signal()
    dossier_requested = Signal(str, int)  # a token's record: its dossier page

    def __init__(self, target: str, parent=None):
        super().__init__(parent)
        self.picker = TokenPicker(
            service.choices_for_link(target), service.link_aliases(target), self
        )
        self.picker.changed.connect(self.changed)
        self.picker.can_open = target in DOSSIER_TYPES
        self.picker.open_requested.connect(lambda rid: self.dossier_requested.emit(target, rid))
        self.input = self.picker.input
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.picker)
        self.setFocusProxy(self.input)

    def add_id(self, rid: int) -> None:
        self.picker.add_id(rid)

    def pending_text(self) -> str:
        return self.input.text().strip()

    def value(self) -> list[int]:
        text = self.pending_text()
        if text and not self.picker.add_text(text):
            # Text typed but not added, naming no record: say so at the field.
            raise UnknownName(text)
        return self.picker.ids()

    def set_value(self, v: Any) -> None:
        for rid in self.picker.ids():
            self.picker.remove_id(rid)
        for rid in v or []:
            self.picker.add_id(rid)


class ChildrenEditor(QWidget):
    """Dated entries (milestones, progress log) as a small editable table."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Entry")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 110)
        self.table.verticalHeader().setVisible(False)
        self.table.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 20)
        self.add_button = QPushButton(self.tr("Add entry"), self)
        self.add_button.clicked.connect(self._add_today)
        self.remove_button = QPushButton(self.tr("Remove entry"), self)
        self.remove_button.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)

    def _add_today(self) -> None:
        self._append(dt.date.today().isoformat(), "")
        self.table.setCurrentCell(self.table.rowCount() - 1, 1)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 1))

    def _append(self, date: str, text: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(date))
        self.table.setItem(row, 1, QTableWidgetItem(text))

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.table.removeRow(r)

    def value(self) -> list[tuple[str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            date = (self.table.item(r, 0).text() if self.table.item(r, 0) else "").strip()
            text = self.table.item(r, 1).text() if self.table.item(r, 1) else ""
            out.append((date.replace("/", "-").replace(".", "-"), text))
        return out

    def set_value(self, v: Any) -> None:
        self.table.setRowCount(0)
        for date, text in v or []:
            self._append(date.isoformat() if date else "", text or "")


def make_editor(f: FieldSpec, parent=None) -> QWidget:
    if f.kind == LONGTEXT:
        return LongTextEditor(parent)
    if f.kind == DATE:
        return DateEditor(parent)
    if f.kind == INT:
        return IntEditor(int(f.year_min if f.year_min is not None else f.minimum), parent)
    if f.kind == FLOAT:
        return FloatEditor(f.minimum, parent)
    if f.kind == CHOICE:
        return ChoiceEditor(f.choices, parent)
    if f.kind == MULTICHOICE:
        return MultiChoiceEditor(f.choices, parent)
    if f.kind == FK:
        return ForeignKeyEditor(f.target, parent)
    if f.kind == LINKS:
        return LinksEditor(f.target, parent)
    if f.kind == CHILDREN:
        return ChildrenEditor(parent)
    return TextEditor(parent)
