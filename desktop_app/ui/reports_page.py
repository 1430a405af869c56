"""The Reports page: pick a sheet, a period and a unit; see it; print or save it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.records import service
from desktop_app.reports import sheets, signoff
from desktop_app.reports.model import Period, Sheet
from desktop_app.reports.paper import paint_sheet
from desktop_app.store import db as store_db
from desktop_app.ui import printing


def sheet_tr(text: str) -> str:
    return QCoreApplication.translate("Sheet", text)


class ReportsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.sheet: Sheet | None = None
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)

        self.sheet_combo = QComboBox(self)
        for key, sd in sheets.SHEETS.items():
            self.sheet_combo.addItem(sheet_tr(sd.label), key)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(service.latest_data_year() or dt.date.today().year)
        self.span = QComboBox(self)
        self.span.addItem(self.tr("Whole year"), ("year", 0))
        for q in range(1, 5):
            self.span.addItem(self.tr("Quarter %1").replace("%1", str(q)), ("quarter", q))
        for m in range(1, 13):
            self.span.addItem(self.tr("Month %1").replace("%1", str(m)), ("month", m))
        self.span.addItem(self.tr("Custom dates"), ("custom", 0))
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.unit = QComboBox(self)
        self.record = QComboBox(self)
        self.record.setEditable(True)
        self.record.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        form = QFormLayout()
        form.addRow(self.tr("Sheet"), self.sheet_combo)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Time span"), self.span)
        form.addRow(self.tr("Start date"), self.date_from)
        form.addRow(self.tr("End date"), self.date_to)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Institution"), self.record)

        self.print_button = QPushButton(self.tr("Print…"), self)
        self.pdf_button = QPushButton(self.tr("Save PDF…"), self)
        self.xlsx_button = QPushButton(self.tr("Save Excel…"), self)
        self.print_button.clicked.connect(lambda: self.sheet and printing.preview(self, self.sheet))
        self.pdf_button.clicked.connect(lambda: self.sheet and printing.save_pdf(self, self.sheet))
        self.xlsx_button.clicked.connect(
            lambda: self.sheet and printing.save_xlsx(self, self.sheet)
        )

        side = QVBoxLayout()
        side.addWidget(QLabel("<h2>" + self.tr("Reports") + "</h2>", self))
        side.addLayout(form)
        side.addWidget(self.error)
        self.org_hint = QLabel(self)
        self.org_hint.setWordWrap(True)
        self.org_hint.setStyleSheet("color: #664d03")
        side.addWidget(self.org_hint)
        for b in (self.print_button, self.pdf_button, self.xlsx_button):
            side.addWidget(b)
        self.template_button = QPushButton(self.tr("Fill a superior's form…"), self)
        self.template_button.clicked.connect(self._fill_form)
        side.addWidget(self.template_button)
        # Which sign-off lines this sheet ends with (kept in the ledger, per sheet).
        self.signoff_box = QGroupBox(self.tr("Sign-off lines"), self)
        box_layout = QVBoxLayout(self.signoff_box)
        self.signoff_checks: dict[str, QCheckBox] = {}
        for line in signoff.LINES:
            check = QCheckBox(sheet_tr(signoff.LABELS[line]), self.signoff_box)
            check.toggled.connect(self._signoff_changed)
            box_layout.addWidget(check)
            self.signoff_checks[line] = check
        side.addWidget(self.signoff_box)
        side.addStretch(1)
        side_widget = QWidget(self)
        side_widget.setLayout(side)
        side_widget.setFixedWidth(300)

        # The preview keeps a pointer to the printer: hold a reference for its lifetime.
        self.printer = printing.make_printer(Sheet("", "", []))
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.paintRequested.connect(self._paint)
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        lay = QHBoxLayout(self)
        lay.addWidget(side_widget)
        lay.addWidget(self.preview, 1)

        self.reload_choices()
        self._sync_dates()
        for signal in (
            self.sheet_combo.currentIndexChanged,
            self.unit.currentIndexChanged,
            self.record.currentIndexChanged,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
        ):
            signal.connect(self.rebuild)
        self.year.valueChanged.connect(self._sync_dates)
        self.span.currentIndexChanged.connect(self._sync_dates)
        self.rebuild()

    # ---- choices
    def reload_choices(self) -> None:
        for combo, key, all_text in (
            (self.unit, "unit", self.tr("All units")),
            (self.record, "institution", None),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if all_text:
                combo.addItem(all_text, None)
            for rid, name in service.choices_for_link(key):
                combo.addItem(name, rid)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _sync_dates(self) -> None:
        kind, n = self.span.currentData()
        y = self.year.value()
        custom = kind == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            period = {
                "year": lambda: sheets.year_period(y),
                "quarter": lambda: sheets.quarter_period(y, n),
                "month": lambda: sheets.month_period(y, n),
            }[kind]()
            for edit, day in ((self.date_from, period.start), (self.date_to, period.end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.rebuild()

    def current_key(self) -> str:
        return self.sheet_combo.currentData()

    def current_period(self) -> Period:
        a, b = self.date_from.date(), self.date_to.date()
        return Period(dt.date(a.year(), a.month(), a.day()), dt.date(b.year(), b.month(), b.day()))

    def _fill_form(self) -> None:
        from desktop_app.ui.dialogs.template_dialog import TemplateDialog

        unit = self.unit.currentData() if self.unit.isEnabled() else None
        dialog = TemplateDialog(self.current_period(), unit, self)
        dialog.exec()
        dialog.deleteLater()

    def _show_signoff(self) -> None:
        chosen = signoff.chosen_lines(self.current_key())
        for line, check in self.signoff_checks.items():
            check.blockSignals(True)
            check.setChecked(line in chosen)
            check.setEnabled(not store_db.is_read_only())
            check.blockSignals(False)

    def _signoff_changed(self) -> None:
        lines = tuple(line for line, check in self.signoff_checks.items() if check.isChecked())
        signoff.set_lines(self.current_key(), lines)
        self.rebuild()

    # ---- building
    def rebuild(self) -> None:
        key = self.current_key()
        self._show_signoff()
        sd = sheets.SHEETS[key]
        self.unit.setEnabled(sd.uses_unit)
        self.record.setEnabled(bool(sd.uses_record))
        self.span.setEnabled(sd.uses_period)
        try:
            if sd.unit_required and self.unit.currentData() is None:
                raise ValueError(self.tr("Choose a unit for this sheet."))
            if sd.uses_period and self.date_to.date() < self.date_from.date():
                raise ValueError(self.tr("The end date is earlier than the start date."))
            if sd.uses_record and self.record.currentData() is None:
                raise ValueError(self.tr("Choose an institution for this sheet."))
            self.sheet = sheets.build_sheet(
                key,
                period=self.current_period() if sd.uses_period else None,
                unit_id=self.unit.currentData() if sd.uses_unit else None,
                record_id=self.record.currentData() if sd.uses_record else None,
                year=self.year.value() if sd.uses_year else None,
                t=sheet_tr,
            )
            self.error.clear()
        except ValueError as exc:
            self.sheet = None
            self.error.setText(str(exc))
        for b in (self.print_button, self.pdf_button, self.xlsx_button):
            b.setEnabled(self.sheet is not None)
        if self.sheet is not None:
            self.preview.setOrientation(
                QPageLayout.Orientation.Landscape
                if self.sheet.landscape
                else QPageLayout.Orientation.Portrait
            )
        self.preview.updatePreview()

    def _paint(self, printer) -> None:
        if self.sheet is not None:
            printer.setPageLayout(printing.make_printer(self.sheet).pageLayout())
            paint_sheet(self.sheet, printer, printing.page_info())

    def refresh(self) -> None:
        self.reload_choices()
        self.rebuild()

    def showEvent(self, event) -> None:  # noqa: N802
        # Sheets carry the organisation's name; say where to set it while it is empty.
        from desktop_app.records import ledger_info

        self.org_hint.setText(
            ""
            if ledger_info.organisation()
            else self.tr(
                "This ledger names no organisation to print on its sheets: "
                "Tools > Ledger details for printed sheets…"
            )
        )
        super().showEvent(event)
