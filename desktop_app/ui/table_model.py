"""One table model for every record type, paging rows from SQL.

It keeps a count and the rows fetched so far; the view asks for more through
fetchMore as the user scrolls. Sorting asks the database for a new order
instead of sorting in Python, so 100,000 rows sort as fast as 100.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPixmap

from desktop_app.records import queries
from desktop_app.records.specs import DATE, FLOAT, INT, RecordSpec
from desktop_app.store.categories import TASK_DONE

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SAMPLE_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200
_OVERDUE = QBrush(QColor(190, 30, 30))

Index = QModelIndex | QPersistentModelIndex


_BADGE: list[QPixmap] = []


def sample_badge() -> QPixmap:
    """示例 on a small grey tag, beside a sample record's first column."""
    if not _BADGE:
        text = QCoreApplication.translate("RecordTable", "Sample")
        font = QFont()
        font.setPixelSize(11)
        width = QFontMetrics(font).horizontalAdvance(text) + 8
        pixmap = QPixmap(width, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e7e9ee"))
        painter.drawRoundedRect(0, 0, width, 16, 3, 3)
        painter.setPen(QColor("#555b66"))
        painter.setFont(font)
        painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()
        _BADGE.append(pixmap)
    return _BADGE[0]


def format_value(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == DATE:
        return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]
    if kind == FLOAT:
        return f"{value:g}"
    return str(value)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, spec: RecordSpec, parent=None):
        super().__init__(parent)
        self.spec = spec
        self.columns = spec.columns
        self.query = queries.ListQuery(spec)
        self._rows: list[list[Any]] = []
        self._samples: set[int] = set()  # ids of sample records on the pages fetched
        self._total = 0
        # The overdue mark needs these two columns; found once, not per cell.
        names = [f.name for f in self.columns]
        self._deadline_col = names.index("deadline") + 1 if "deadline" in names else None
        self._status_col = names.index("status") + 1 if "status" in names else None
        # The 示例 tag goes beside the record's name (a wide column), not a date.
        self._title_col = names.index(spec.title_field) if spec.title_field in names else 0

    # ---- loading
    def set_query(self, query: queries.ListQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = queries.count(self.query)
        self.query.extra["hits"] = self._total  # lets the page query pick its plan
        self._rows = queries.fetch_page(self.query, 0, PAGE_SIZE) if self._total else []
        self._samples = queries.sample_ids(self.spec, [r[0] for r in self._rows])
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = queries.fetch_page(self.query, len(self._rows), PAGE_SIZE)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self._samples |= queries.sample_ids(self.spec, [r[0] for r in more])
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # ---- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        f = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return format_value(row[index.column() + 1], f.kind)
        if role == ID_ROLE:
            return row[0]
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.column() == self._title_col
            and row[0] in self._samples
        ):
            return sample_badge()
        if role == SAMPLE_ROLE:
            return row[0] in self._samples
        if role == Qt.ItemDataRole.TextAlignmentRole and f.kind in (INT, FLOAT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._is_overdue(row):
            return _OVERDUE
        return None

    def _is_overdue(self, row: list[Any]) -> bool:
        if self._deadline_col is None or self._status_col is None:
            return False
        deadline = row[self._deadline_col]
        return bool(deadline) and deadline < dt.date.today() and row[self._status_col] != TASK_DONE

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return QCoreApplication.translate("Field", self.columns[section].label)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        name = self.columns[column].name
        if not queries.sortable(self.spec, name):
            return
        self.query.sort_field = name
        self.query.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # ---- helpers for pages
    def record_id(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r[0] == record_id:
                return i
        return None
