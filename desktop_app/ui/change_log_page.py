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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.records import audit, replay
from desktop_app.records.specs import ALL_SPECS, spec_for
from desktop_app.store import seal
from desktop_app.ui.widgets.history_view import HistoryTable


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
            self.operator.addItem(name, name)
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
        if item.kind == replay.MISSING:
            text = self.tr("%1: the history says it exists, the ledger does not hold it")
        elif item.kind == replay.UNLOGGED:
            text = self.tr("%1: it is in the ledger but its history never created it")
        else:
            text = (
                self.tr("%1: %2 is “%3”, its history says “%4”")
                .replace("%2", QCoreApplication.translate("Field", spec.field(item.field).label))
                .replace("%3", item.stored)
                .replace("%4", item.logged)
            )
        return text.replace("%1", where.strip())

    def verify(self) -> None:
        broken = audit.verify()
        if broken is None and seal.mismatch() is not None:
            self.status.setText(
                self.tr("The change history was cut or extended outside the program.")
            )
            return
        if broken is None:
            # Replaying reads every record: seconds on a 100,000-record ledger.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                differ, count = replay.mismatches(limit=1)
            finally:
                QApplication.restoreOverrideCursor()
            if count:
                self.status.setText(
                    self.tr(
                        "%1 records differ from their history: they were changed outside "
                        "the program. The first: %2"
                    )
                    .replace("%1", str(count))
                    .replace("%2", self._describe(differ[0]))
                )
                return
            self.status.setText(
                self.tr("The change history is intact. Ledger code %1").replace(
                    "%1", audit.head_code()
                )
            )
        else:
            self.status.setText(
                self.tr(
                    "The change history was altered outside the program, from entry %1 on."
                ).replace("%1", str(broken))
            )
