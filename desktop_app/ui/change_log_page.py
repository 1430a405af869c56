"""The Change log page: every change, filterable by date, operator and record type."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.records import audit, replay, verification
from desktop_app.records.specs import ALL_SPECS, spec_for
from desktop_app.store import db as store_db
from desktop_app.ui.widgets.history_view import HistoryTable, operator_label


class ChangeLogPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.dateChanged.connect(self.refresh)
        self.operator = QComboBox(self)
        self.record_type = QComboBox(self)
        self.record_type.addItem(self.tr("All record types"), None)
        for spec in ALL_SPECS:
            self.record_type.addItem(QCoreApplication.translate("Record", spec.label), spec.key)
        self.operator.currentIndexChanged.connect(self.refresh)
        self.record_type.currentIndexChanged.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("Verify the chain"), self)
        self.verify_button.clicked.connect(self.verify)
        self.status = QLabel(self)
        # Wrapped: a long message (a record's whole notes) must not widen the window.
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table = HistoryTable(show_record=True, parent=self)
        bar = QHBoxLayout()
        for label, w in (
            (self.tr("From"), self.date_from),
            (self.tr("To"), self.date_to),
            (self.tr("Operator"), self.operator),
            (self.tr("Record type"), self.record_type),
        ):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h2>" + self.tr("Change log") + "</h2>", self))
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)
        self.refresh()

    def _fill_operators(self) -> None:
        current = self.operator.currentData()
        self.operator.blockSignals(True)
        self.operator.clear()
        self.operator.addItem(self.tr("All operators"), None)
        for name in audit.operators():
            self.operator.addItem(operator_label(name), name)
        self.operator.setCurrentIndex(max(self.operator.findData(current), 0))
        self.operator.blockSignals(False)

    def refresh(self) -> None:
        self._fill_operators()
        a, b = self.date_from.date(), self.date_to.date()
        entries = audit.change_log(
            dt.date(a.year(), a.month(), a.day()),
            dt.date(b.year(), b.month(), b.day()),
            self.operator.currentData(),
            self.record_type.currentData(),
        )
        self.table.show_entries(entries)
        self.status.setText(
            self.tr("%1 changes shown. Ledger code %2")
            .replace("%1", str(len(entries)))
            .replace("%2", audit.head_code())
        )

    def _describe(self, item: replay.Mismatch) -> str:
        spec = spec_for(item.record_type)
        where = f"{QCoreApplication.translate('Record', spec.label)} #{item.record_id} {item.title}"
        if item.kind == replay.DELETED:
            text = self.tr("%1: its history says it was deleted, yet it is in the ledger")
        elif item.kind == replay.MISSING:
            text = self.tr("%1: the history says it exists, the ledger does not hold it")
        elif item.kind == replay.UNLOGGED:
            text = self.tr("%1: it is in the ledger but its history never created it")
        else:
            text = (
                self.tr("%1: %2 is “%3”, its history says “%4”")
                .replace("%2", QCoreApplication.translate("Field", spec.field(item.field).label))
                .replace("%3", replay.shorten(item.stored))
                .replace("%4", replay.shorten(item.logged))
            )
        return text.replace("%1", where.strip())

    def verify(self) -> None:
        # Replaying reads every record: seconds on a 100,000-record ledger.
        wait = QProgressDialog(self.tr("Verifying the change history…"), "", 0, 0, self)
        wait.setWindowTitle(self.tr("Verify the chain"))
        wait.setCancelButton(None)
        wait.setMinimumDuration(300)
        wait.setWindowModality(Qt.WindowModality.WindowModal)

        def progress(done: int, total: int) -> None:
            wait.setMaximum(total)
            wait.setValue(done)

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            v = verification.verify_ledger(store_db.current_path(), limit=1, progress=progress)
        finally:
            QApplication.restoreOverrideCursor()
            wait.close()
            wait.deleteLater()
        if v.broken_entry is not None:
            text = self.tr(
                "The change history was altered outside the program, from entry %1 on."
            ).replace("%1", str(v.broken_entry))
        elif v.cut is not None:
            text = self.tr("The change history was cut or extended outside the program.")
        elif v.backup_differs:
            text = (
                self.tr(
                    "The change history differs from the backup made %1: entries were "
                    "rewritten outside the program."
                )
            ).replace("%1", v.backup_differs[0].made_at)
        elif v.mismatch_count:
            text = (
                self.tr(
                    "%1 records differ from their history: they were changed outside "
                    "the program. The first: %2"
                )
                .replace("%1", str(v.mismatch_count))
                .replace("%2", self._describe(v.mismatches[0]))
            )
        else:
            text = self.tr("The change history is intact. Ledger code %1").replace(
                "%1", audit.head_code()
            )
        self.status.setText(text)
