"""Reports > Fill a superior's form…: pick the form, see it filled for the
period and unit chosen on the Reports page, save it as .xlsx or PDF, or print it.

The form's {{NAME}} placeholders take the figures of reports/figures.py
(reports/template.py fills them); the preview is the form's own layout
(reports/form_paper.py). Recently used forms are remembered.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings
from desktop_app.reports import form_paper, template
from desktop_app.reports.model import Period

RECENT_KEY = "recent_forms"
MAX_RECENT = 8


def recent_forms() -> list[str]:
    value = settings.qsettings().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v and Path(str(v)).is_file()]


def remember_form(path: str) -> None:
    rest = [p for p in recent_forms() if Path(p) != Path(path)]
    settings.set_value(RECENT_KEY, [path, *rest][:MAX_RECENT])


def _sheet_tr(text: str) -> str:
    return QCoreApplication.translate("Sheet", text)


class TemplateDialog(QDialog):
    def __init__(self, period: Period, unit_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fill a superior's form"))
        self.resize(1100, 720)
        self.period, self.unit_id = period, unit_id
        self.form_path: Path | None = None
        self.filled = None  # the filled workbook, when every placeholder is known
        self.book: form_paper.FormBook | None = None  # its sheets, read for printing
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)

        self.forms = QComboBox(self)
        self.forms.setMinimumWidth(360)
        self.browse = QPushButton(self.tr("Choose a form…"), self)
        self.browse.clicked.connect(self._choose)
        self.forms.activated.connect(lambda _i: self._load(self.forms.currentData()))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Cell"), self.tr("Placeholder"), self.tr("Value")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.paintRequested.connect(self._paint)
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)

        self.save_xlsx = QPushButton(self.tr("Save Excel…"), self)
        self.save_pdf = QPushButton(self.tr("Save PDF…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        close = QPushButton(self.tr("Close"), self)
        self.save_xlsx.clicked.connect(self._save_xlsx)
        self.save_pdf.clicked.connect(self._save_pdf)
        self.print_button.clicked.connect(self._print)
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Form"), self))
        top.addWidget(self.forms, 1)
        top.addWidget(self.browse)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setSizes([380, 720])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.save_xlsx, self.save_pdf, self.print_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self.values = template.values_for(period, unit_id, dt.date.today(), _sheet_tr)[1]
        self._fill_recent()
        if self.forms.count():
            self._load(self.forms.itemData(0))
        else:
            self._show(None)

    # ---- choosing and filling
    def _fill_recent(self) -> None:
        self.forms.clear()
        for path in recent_forms():
            self.forms.addItem(Path(path).name, path)
            self.forms.setItemData(self.forms.count() - 1, path, Qt.ItemDataRole.ToolTipRole)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a form"),
            str(Path(recent_forms()[0]).parent) if recent_forms() else str(Path.home()),
            self.tr("Excel workbooks (*.xlsx *.xlsm)"),
        )
        if path:
            self._load(path)

    def _load(self, path: str | None) -> None:
        if not path:
            return
        self.form_path = Path(path)
        self.filled = self.book = None
        try:
            wb = template.open_form(self.form_path)
            found = template.placeholders(wb)
            template.fill(wb, self.values)
            self.book = form_paper.FormBook(wb=wb)
        except template.TemplateError as exc:
            self._show(exc)
            return
        except ValueError as exc:  # no worksheet to print (only charts, or all hidden)
            self._show(template.TemplateError(f"{self.form_path.name}: {exc}"))
            return
        self.filled = wb
        remember_form(str(self.form_path))
        self._fill_recent()
        self.forms.setCurrentIndex(max(self.forms.findData(str(self.form_path)), 0))
        self._show(None, found)

    def _show(self, error: template.TemplateError | None, found=()) -> None:
        self.table.setRowCount(0)
        unknown = {(u.sheet, u.cell, u.name): u for u in (error.unknown if error else [])}
        if error is not None and not unknown:
            self.status.setText(str(error))
        elif error is not None:
            self.status.setText(
                self.tr(
                    "%1 placeholders name no figure: nothing can be filled until they do."
                ).replace("%1", str(len(unknown)))
            )
            found = list(unknown)
        elif self.form_path is None:
            self.status.setText(self.tr("Choose the form your superiors sent (.xlsx)."))
        else:
            text = self.tr("%1 placeholders filled.").replace("%1", str(len(found)))
            unevaluated = self.book.unevaluated if self.book is not None else []
            if unevaluated:
                cells = "、".join(unevaluated[:6]) + ("…" if len(unevaluated) > 6 else "")
                text += " " + self.tr(
                    "%1 formula cells cannot be worked out here and print empty: %2. "
                    "Excel or WPS work them out when the saved workbook is opened."
                ).replace("%1", str(len(unevaluated))).replace("%2", cells)
            charts = self.book.not_printed if self.book is not None else []
            if charts:
                text += " " + self.tr(
                    "%1 chart(s) are kept in the saved workbook but not drawn in the preview or PDF."
                ).replace("%1", str(len(charts)))
            self.status.setText(text)
        for sheet, cell, name in found:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(f"{sheet}!{cell}"))
            self.table.setItem(row, 1, QTableWidgetItem(name))
            u = unknown.get((sheet, cell, name))
            if u is not None:
                text = self.tr("Unknown; nearest: %1").replace("%1", "、".join(u.nearest) or "—")
                item = QTableWidgetItem(text)
                item.setForeground(Qt.GlobalColor.red)
            else:
                item = QTableWidgetItem(str(self.values.get(name, "")))
            self.table.setItem(row, 2, item)
        self.table.resizeColumnToContents(0)
        ready = self.filled is not None
        for b in (self.save_xlsx, self.save_pdf, self.print_button):
            b.setEnabled(ready)
        self.preview.updatePreview()

    # ---- output
    def _paint(self, printer) -> None:
        if self.book is None:
            return
        printer.setPageLayout(self.book.layout)
        self.book.paint(printer)

    def _target(self, suffix: str, caption: str, filters: str) -> str | None:
        stem = self.form_path.stem if self.form_path else "form"
        start = Path(settings.get_str("last_export_dir", str(Path.home())))
        path, _ = QFileDialog.getSaveFileName(
            self, caption, str(start / f"{stem}（已填）{suffix}"), filters
        )
        if path:
            settings.set_value("last_export_dir", str(Path(path).parent))
        return path or None

    def _save_xlsx(self) -> None:
        # A form with macros (.xlsm) is saved as .xlsm: the copy must be the form's kind.
        suffix = self.form_path.suffix.lower() if self.form_path else ".xlsx"
        filters = (
            self.tr("Excel workbooks with macros (*.xlsm)")
            if suffix == ".xlsm"
            else self.tr("Excel workbooks (*.xlsx)")
        )
        path = self._target(suffix, self.tr("Save Excel"), filters)
        if path:
            try:
                template.fill_file(self.form_path, path, self.values)
            except template.TemplateError as exc:
                QMessageBox.warning(self, self.tr("Save Excel"), str(exc))

    def _save_pdf(self) -> None:
        path = self._target(".pdf", self.tr("Save PDF"), self.tr("PDF files (*.pdf)"))
        if not path:
            return
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            filled = Path(folder) / self.form_path.name
            try:
                template.fill_file(self.form_path, filled, self.values)
                form_paper.write_pdf(filled, path)
            except (template.TemplateError, OSError, ValueError) as exc:
                QMessageBox.warning(self, self.tr("Save PDF"), str(exc))

    def _print(self) -> None:
        dialog = QPrintDialog(self.printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._paint(self.printer)
