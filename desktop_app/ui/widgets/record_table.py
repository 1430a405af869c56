"""A table view set up the way every list in the program wants it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from desktop_app import settings
from desktop_app.ui.table_model import ID_ROLE, RecordTableModel


class RecordTable(QTableView):
    """Fixed row heights and column widths from the spec (never ResizeToContents
    over all rows); Enter or double-click opens the current record."""

    open_requested = Signal(int)
    dossier_requested = Signal(int)  # Enter on a type that has a dossier page
    enter_opens_dossier = False
    delete_requested = Signal()

    def __init__(self, model: RecordTableModel, settings_key: str | None = None, parent=None):
        super().__init__(parent)
        self.settings_key = settings_key
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vh.setVisible(False)
        hh = self.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setStretchLastSection(True)
        hh.setHighlightSections(False)
        header_font = hh.fontMetrics()
        for col, f in enumerate(model.columns):
            # The spec's width suits the data; an English header can be wider
            # (Location class), and a clipped header hides what the column is.
            title = str(model.headerData(col, Qt.Orientation.Horizontal))
            needed = header_font.horizontalAdvance(title) + 24  # the sort arrow and margins
            self.setColumnWidth(col, max(f.width, needed))
        # Sorting goes straight to the model (an SQL ORDER BY). setSortingEnabled
        # would also sort once at set-up, running the query a second time.
        hh.setSortIndicatorShown(True)
        hh.setSectionsClickable(True)
        name, desc = (
            model.query.sort_field or model.spec.default_sort[0],
            (model.query.descending if model.query.sort_field else model.spec.default_sort[1]),
        )
        names = [f.name for f in model.columns]
        if name in names:
            hh.setSortIndicator(
                names.index(name),
                Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder,
            )
        else:
            hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._column_menu)
        self.doubleClicked.connect(self._open_index)
        self.restore_state()
        hh.sortIndicatorChanged.connect(model.sort)

    def _column_menu(self, pos) -> None:
        """Right-click on the header: choose which columns show (and print)."""
        menu = QMenu(self)
        model = self.record_model()
        hh = self.horizontalHeader()
        for col in range(model.columnCount()):
            action = menu.addAction(model.headerData(col, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not hh.isSectionHidden(col))
            action.toggled.connect(lambda on, c=col: self._show_column(c, on))
        menu.exec(hh.mapToGlobal(pos))

    def _show_column(self, col: int, visible: bool) -> None:
        hh = self.horizontalHeader()
        shown = [c for c in range(hh.count()) if not hh.isSectionHidden(c)]
        if not visible and shown == [col]:
            return  # keep at least one column
        hh.setSectionHidden(col, not visible)
        self.save_state()

    def visible_columns(self) -> list[str]:
        """Names of the shown columns in the order the user arranged them."""
        hh = self.horizontalHeader()
        model = self.record_model()
        out = []
        for visual in range(hh.count()):
            logical = hh.logicalIndex(visual)
            if not hh.isSectionHidden(logical):
                out.append(model.columns[logical].name)
        return out

    def record_model(self) -> RecordTableModel:
        return self.model()  # type: ignore[return-value]

    def _open_index(self, index) -> None:
        rid = index.data(ID_ROLE)
        if rid is not None:
            self.open_requested.emit(rid)

    empty_text = ""  # what an empty list says to do next (set by its page)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.empty_text and self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#777777"))
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(area, int(flags | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            rid = self.currentIndex().data(ID_ROLE)
            if rid is not None:
                if self.enter_opens_dossier:
                    self.dossier_requested.emit(rid)
                else:
                    self.open_requested.emit(rid)
            return
        if event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        model = self.record_model()
        return [rid for rid in (model.record_id(r) for r in rows) if rid is not None]

    # ---- remembered widths, order and sort
    def restore_state(self) -> None:
        if not self.settings_key:
            return
        state = settings.get_bytes(f"tables/{self.settings_key}/header")
        if state is not None:
            hh = self.horizontalHeader()
            hh.blockSignals(True)
            hh.restoreState(state)
            hh.blockSignals(False)
            # The restored sort indicator becomes the query's order.
            model = self.record_model()
            col = hh.sortIndicatorSection()
            if 0 <= col < len(model.columns):
                model.query.sort_field = model.columns[col].name
                model.query.descending = hh.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def save_state(self) -> None:
        if self.settings_key:
            settings.set_value(
                f"tables/{self.settings_key}/header", self.horizontalHeader().saveState()
            )
