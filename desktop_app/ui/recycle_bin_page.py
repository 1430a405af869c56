"""The Recycle bin page: deleted records, Restore puts them back, Purge removes them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.records import errors as E
from desktop_app.records import recycle, service
from desktop_app.records.specs import SPECS
from desktop_app.safety.backup import backup_before
from desktop_app.store.db import current_path, current_url, is_read_only
from desktop_app.ui.status_notice import announce


class RecycleBinPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Record type"),
                self.tr("Record"),
                self.tr("Deleted at"),
                self.tr("Deleted by"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 120)
        self.table.setColumnWidth(1, 320)
        self.table.setColumnWidth(2, 160)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.purge_button = QPushButton(self.tr("Purge…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        if is_read_only():  # as New and Delete on the list pages: nothing to write with
            self.restore_button.setEnabled(False)
            self.purge_button.setEnabled(False)
        self.count = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h2>" + self.tr("Recycle bin") + "</h2>", self))
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        entries = recycle.entries()
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            spec = SPECS.get(e.record_type)
            label = QCoreApplication.translate("Record", spec.label) if spec else e.record_type
            for col, text in enumerate([label, e.title, str(e.deleted_at)[:19], e.deleted_by]):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                self.table.setItem(row, col, item)
        self.count.setText(self.tr("%1 deleted records").replace("%1", str(len(entries))))

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def restore_selected(self) -> None:
        refused = []
        restored = 0
        for bin_id in self.selected_ids():
            try:
                service.restore_deleted(bin_id)
                restored += 1
            except E.ValidationError as exc:
                refused += [p.text(QCoreApplication.translate) for p in exc.problems]
        self.refresh()
        if restored:
            announce(self, self.tr("Restored %1 record(s)").replace("%1", str(restored)))
        if refused:
            QMessageBox.warning(self, self.tr("Restore"), "\n".join(refused))

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Purge"),
            self.tr("Remove %1 record(s) for good? A backup of the ledger is made first.").replace(
                "%1", str(len(ids))
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        # A server ledger (its URL) is backed up as a SQLite copy.
        backup_before(current_path() or current_url(), "pre-purge")
        service.purge_deleted(ids)
        self.refresh()
