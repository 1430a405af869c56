"""Change history as a table: a record's History tab and the Change log page."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop_app.records.specs import SPECS


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    return text


ACTIONS = {
    "create": QT_TRANSLATE_NOOP("History", "created"),
    "update": QT_TRANSLATE_NOOP("History", "changed"),
    "delete": QT_TRANSLATE_NOOP("History", "deleted"),
    "restore": QT_TRANSLATE_NOOP("History", "restored"),
    "purge": QT_TRANSLATE_NOOP("History", "purged"),
    "undo": QT_TRANSLATE_NOOP("History", "undone"),
}


def _readable(spec, value: str) -> str:
    """A whole-record snapshot ({"name": …}) as 名称：…；类别：… in the user's language."""
    if spec is None or not value.startswith("{"):
        return value
    try:
        data = json.loads(value)
    except ValueError:
        return value
    parts = []
    for name, text in data.items():
        try:
            label = translate("Field", spec.field(name).label)
        except KeyError:
            label = name
        parts.append(f"{label}：{text}")
    return "；".join(parts)


NOT_SET = QT_TRANSLATE_NOOP("History", "Not set")


def operator_label(name: str) -> str:
    """Who made a change, as shown: 未设置 until the user has given a name."""
    return name or translate("History", NOT_SET)


class HistoryTable(QTableWidget):
    def __init__(self, show_record: bool, parent=None):
        super().__init__(parent)
        self.show_record = show_record
        labels = [self.tr("Time"), self.tr("Operator"), self.tr("Action")]
        if show_record:
            labels += [self.tr("Record type"), self.tr("Record")]
        labels += [self.tr("Field"), self.tr("Old value"), self.tr("New value")]
        self.setColumnCount(len(labels))
        self.setHorizontalHeaderLabels(labels)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        for col, width in enumerate(
            [140, 80, 60] + ([90, 180] if show_record else []) + [100, 200]
        ):
            self.setColumnWidth(col, width)
        if not show_record:
            # A record's own history is short: its old and new values are shown
            # whole, wrapped, not cut off at the column's edge.
            self.setWordWrap(True)
            self.setTextElideMode(Qt.TextElideMode.ElideNone)
            self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header = self.horizontalHeader()
            for col in (len(labels) - 2, len(labels) - 1):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

    def show_entries(self, entries) -> None:
        self.setRowCount(len(entries))
        for row, e in enumerate(entries):
            spec = SPECS.get(e.record_type)
            field_label = ""
            if e.field and spec is not None:
                try:
                    field_label = translate("Field", spec.field(e.field).label)
                except KeyError:
                    field_label = e.field
            cells = [
                str(e.at)[:19],
                operator_label(e.operator),
                translate("History", ACTIONS.get(e.action, e.action)),
            ]
            if self.show_record:
                cells += [translate("Record", spec.label) if spec else e.record_type, e.title]
            cells += [field_label, _readable(spec, e.old_value), _readable(spec, e.new_value)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, col, item)
