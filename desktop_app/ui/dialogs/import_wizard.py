"""Import wizard: file → columns → check → import. Nothing is written before the last step.

The work (exchange/importer.py) runs in the GUI thread and reports progress
every few hundred rows; the progress dialog processes events there, so the
window stays responsive and Cancel is honoured. Column choices are remembered
per record type by header text.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings
from desktop_app.exchange import importer
from desktop_app.exchange.messages import Cancelled, ExchangeError
from desktop_app.exchange.report import write_error_report
from desktop_app.records.specs import ALL_SPECS, RecordSpec, spec_for


def tr_any(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _clear_table(table: QTableWidget) -> None:
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            widget = table.cellWidget(row, col)
            if widget is not None:
                table.removeCellWidget(row, col)
                widget.hide()
                widget.deleteLater()
    table.setRowCount(0)


class _Progress:
    """progress(phase, done, total) and cancel() for the importer, shown in a dialog."""

    def __init__(self, parent: QWidget, title: str):
        self.dialog = QProgressDialog(
            title, QCoreApplication.translate("ImportWizard", "Cancel"), 0, 0, parent
        )
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)

    def progress(self, _phase: str, done: int, total: int | None) -> None:
        self.dialog.setMaximum(total or 0)
        self.dialog.setValue(min(done, total or done))
        QApplication.processEvents()

    def cancel(self) -> bool:
        QApplication.processEvents()
        return self.dialog.wasCanceled()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


class ImportWizard(QDialog):
    def __init__(self, spec: RecordSpec | None = None, path: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(900, 620)
        self.plan: importer.ImportPlan | None = None
        self.result: importer.ImportResult | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._file_step(spec, path))
        self.stack.addWidget(self._columns_step())
        self.stack.addWidget(self._check_step())
        self.stack.addWidget(self._done_step())
        self.back_button = QPushButton(self.tr("< Back"), self)
        self.next_button = QPushButton(self.tr("Next >"), self)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack, 1)
        lay.addLayout(buttons)
        self._update_buttons()

    # ---------------------------------------------------------------- steps
    def _file_step(self, spec: RecordSpec | None, path: str | None) -> QWidget:
        page = QWidget(self)
        self.path_edit = QLineEdit(path or "", page)
        browse = QPushButton(self.tr("Choose file…"), page)
        browse.clicked.connect(self._choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.type_combo = QComboBox(page)
        for s in ALL_SPECS:
            self.type_combo.addItem(tr_any("Record", s.label), s.key)
        if spec is not None:
            self.type_combo.setCurrentIndex(self.type_combo.findData(spec.key))
        self.sheet_combo = QComboBox(page)
        self.path_edit.editingFinished.connect(self._list_sheets)
        form = QFormLayout(page)
        form.addRow(QLabel("<h3>" + self.tr("1. The file") + "</h3>", page))
        form.addRow(self.tr("Excel or CSV file"), row)
        form.addRow(self.tr("Records in it"), self.type_combo)
        form.addRow(self.tr("Sheet"), self.sheet_combo)
        form.addRow(
            QLabel(
                self.tr(
                    "Title rows above the header, a 合计 row and blank rows are skipped by themselves."
                ),
                page,
            )
        )
        if path:
            self._list_sheets()
        return page

    def _columns_step(self) -> QWidget:
        page = QWidget(self)
        self.header_spin = QSpinBox(page)
        self.header_spin.setRange(1, 1000)
        self.columns_table = QTableWidget(0, 2, page)
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Goes into")]
        )
        self.columns_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.columns_table.verticalHeader().setVisible(False)
        reread = QPushButton(self.tr("Read again with this header row"), page)
        reread.clicked.connect(lambda: self._make_plan(header_row=self.header_spin.value()))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Header row"), page))
        top.addWidget(self.header_spin)
        top.addWidget(reread)
        top.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel("<h3>" + self.tr("2. Columns") + "</h3>", page))
        lay.addLayout(top)
        lay.addWidget(self.columns_table, 1)
        return page

    def _check_step(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.problems_table = QTableWidget(0, 4, page)
        self.problems_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")]
        )
        self.problems_table.horizontalHeader().setStretchLastSection(True)
        self.problems_table.verticalHeader().setVisible(False)
        self.problems_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dup_table = QTableWidget(0, 3, page)
        self.dup_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Duplicate of"), self.tr("Action")]
        )
        self.dup_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.dup_table.verticalHeader().setVisible(False)
        self.create_missing = QCheckBox(
            self.tr("Create the institutions and units the file names that are not in the ledger"),
            page,
        )
        self.valid_only = QCheckBox(
            self.tr("Import the valid rows only and leave the others out"), page
        )
        self.create_missing.toggled.connect(self._show_check)
        self.valid_only.toggled.connect(self._show_check)
        report = QPushButton(self.tr("Save the problems as Excel…"), page)
        report.clicked.connect(self._save_report)
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel("<h3>" + self.tr("3. Check") + "</h3>", page))
        lay.addWidget(self.summary)
        lay.addWidget(self.problems_table, 2)
        lay.addWidget(
            QLabel(self.tr("Rows that are already in the ledger or twice in the file:"), page)
        )
        lay.addWidget(self.dup_table, 1)
        lay.addWidget(self.create_missing)
        lay.addWidget(self.valid_only)
        lay.addWidget(report, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _done_step(self) -> QWidget:
        page = QWidget(self)
        self.done_label = QLabel(page)
        self.done_label.setWordWrap(True)
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel("<h3>" + self.tr("4. Done") + "</h3>", page))
        lay.addWidget(self.done_label)
        lay.addStretch(1)
        return page

    # ---------------------------------------------------------------- step 1
    def spec(self) -> RecordSpec:
        return spec_for(self.type_combo.currentData())

    def _choose_file(self) -> None:
        start = settings.get_str("last_import_dir", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a file"),
            start,
            self.tr("Excel or CSV (*.xlsx *.xlsm *.xls *.csv);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)
            settings.set_value("last_import_dir", str(Path(path).parent))
            self._list_sheets()

    def _list_sheets(self) -> None:
        self.sheet_combo.clear()
        path = self.path_edit.text().strip()
        if not path or not Path(path).is_file():
            return
        try:
            from desktop_app.exchange.reader import open_source

            with open_source(path) as source:
                names, default = list(source.sheet_names), source.default_sheet
        except ExchangeError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message.text(tr_any))
            return
        self.sheet_combo.addItems(names)
        self.sheet_combo.setCurrentText(default)

    # ---------------------------------------------------------------- planning
    def _remembered(self) -> dict[str, str | None]:
        try:
            return json.loads(settings.get_str(f"import_mapping/{self.spec().key}", "{}"))
        except ValueError:
            return {}

    def _make_plan(
        self, header_row: int | None = None, columns: dict[int, str | None] | None = None
    ) -> bool:
        path = self.path_edit.text().strip()
        if not path or not Path(path).is_file():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose a file to import."))
            return False
        progress = _Progress(self, self.tr("Reading and checking the file…"))
        try:
            plan = importer.plan_import(
                self.spec(),
                path,
                sheet=self.sheet_combo.currentText() or None,
                header_row=header_row,
                columns=columns,
                progress=progress.progress,
                cancel=progress.cancel,
            )
            if columns is None and plan.header is not None:
                remembered = self._remembered()
                wanted = {c.index: remembered.get(c.header, c.field) for c in plan.header.columns}
                if wanted != {c.index: c.field for c in plan.header.columns}:
                    plan = importer.plan_import(
                        self.spec(),
                        path,
                        sheet=self.sheet_combo.currentText() or None,
                        header_row=plan.header.row,
                        columns=wanted,
                        progress=progress.progress,
                        cancel=progress.cancel,
                    )
        except Cancelled:
            return False
        except ExchangeError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message.text(tr_any))
            return False
        finally:
            progress.close()
        self.plan = plan
        self._show_columns()
        self._show_check()
        return True

    def _show_columns(self) -> None:
        plan = self.plan
        spec = self.spec()
        _clear_table(self.columns_table)
        if plan.header is None:
            return
        self.header_spin.setValue(plan.header.row)
        fields = spec.fields
        self.columns_table.setRowCount(len(plan.header.columns))
        for row, col in enumerate(plan.header.columns):
            self.columns_table.setItem(row, 0, QTableWidgetItem(col.header or f"#{col.index + 1}"))
            combo = QComboBox()
            combo.addItem(self.tr("(leave out)"), None)
            for f in fields:
                combo.addItem(tr_any("Field", f.label) + (" *" if f.required else ""), f.name)
            combo.setCurrentIndex(max(combo.findData(col.field), 0))
            combo.setProperty("column_index", col.index)
            self.columns_table.setCellWidget(row, 1, combo)

    def _chosen_columns(self) -> dict[int, str | None]:
        out = {}
        for row in range(self.columns_table.rowCount()):
            combo = self.columns_table.cellWidget(row, 1)
            out[combo.property("column_index")] = combo.currentData()
        return out

    def _remember_columns(self) -> None:
        mapping = self._remembered()
        for row in range(self.columns_table.rowCount()):
            header = self.columns_table.item(row, 0).text()
            mapping[header] = self.columns_table.cellWidget(row, 1).currentData()
        settings.set_value(
            f"import_mapping/{self.spec().key}", json.dumps(mapping, ensure_ascii=False)
        )

    # ---------------------------------------------------------------- step 3
    def _show_check(self) -> None:
        plan = self.plan
        if plan is None:
            return
        create = self.create_missing.isChecked()
        if plan.fatal:
            self.summary.setText("\n".join(m.text(tr_any) for m in plan.problems))
        else:
            invalid = plan.invalid_rows(create)
            self.summary.setText(
                self.tr(
                    "%1 rows read: %2 ready, %3 with problems, %4 duplicates; %5 rows skipped (blank, 合计, notes)."
                )
                .replace("%1", str(len(plan.rows)))
                .replace("%2", str(len(plan.rows) - len(invalid)))
                .replace("%3", str(len(invalid)))
                .replace("%4", str(len(plan.duplicates())))
                .replace("%5", str(len(plan.ignored)))
            )
        problems = plan.errors(create)
        self.problems_table.setRowCount(len(problems))
        spec = self.spec()
        for i, p in enumerate(problems):
            for col, text in enumerate(
                [
                    str(p.row),
                    p.column_text(spec, tr_any),
                    "" if p.value is None else str(p.value),
                    p.reason(tr_any),
                ]
            ):
                self.problems_table.setItem(i, col, QTableWidgetItem(text))
        dups = plan.duplicates()
        _clear_table(self.dup_table)  # drops the previous round's combo boxes
        self.dup_table.setRowCount(len(dups))
        for i, r in enumerate(dups):
            self.dup_table.setItem(i, 0, QTableWidgetItem(str(r.row)))
            message = r.duplicate_message()
            self.dup_table.setItem(i, 1, QTableWidgetItem(message.text(tr_any) if message else ""))
            combo = QComboBox()  # the table takes it over in setCellWidget
            for action in r.allowed_actions:
                combo.addItem(
                    importer.ACTION_LABELS[action]
                    and tr_any("Import", importer.ACTION_LABELS[action]),
                    action,
                )
            combo.setCurrentIndex(max(combo.findData(r.action), 0))
            combo.currentIndexChanged.connect(
                lambda _i, n=r.row, c=combo: self._set_action(n, c.currentData())
            )
            self.dup_table.setCellWidget(i, 2, combo)
        self._update_buttons()

    def _set_action(self, row: int, action: str) -> None:
        self.plan.set_action(row, action)
        self._show_check()

    def _save_report(self) -> None:
        if self.plan is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the problems"),
            str(Path.home() / "import-problems.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            write_error_report(self.plan.all_problems(), path, self.spec(), tr_any)

    # ---------------------------------------------------------------- navigation
    def _update_buttons(self) -> None:
        step = self.stack.currentIndex()
        self.back_button.setEnabled(0 < step < 3)
        self.next_button.setVisible(step < 3)
        if step == 2:
            self.next_button.setText(self.tr("Import"))
            plan = self.plan
            ok = (
                plan is not None
                and not plan.fatal
                and (
                    self.valid_only.isChecked() or not plan.errors(self.create_missing.isChecked())
                )
            )
            self.next_button.setEnabled(ok)
        else:
            self.next_button.setText(self.tr("Next >"))
            self.next_button.setEnabled(True)
        self.close_button.setText(self.tr("Close") if step == 3 else self.tr("Cancel"))

    def back(self) -> None:
        self.stack.setCurrentIndex(max(0, self.stack.currentIndex() - 1))
        self._update_buttons()

    def next(self) -> None:
        step = self.stack.currentIndex()
        if step == 0:
            if not self._make_plan():
                return
        elif step == 1:
            self._remember_columns()
            if not self._make_plan(
                header_row=self.header_spin.value(), columns=self._chosen_columns()
            ):
                return
        elif step == 2:
            if not self._execute():
                return
        self.stack.setCurrentIndex(step + 1)
        self._update_buttons()

    def _execute(self) -> bool:
        options = importer.ImportOptions(
            skip_invalid=self.valid_only.isChecked(), create_missing=self.create_missing.isChecked()
        )
        progress = _Progress(self, self.tr("Importing…"))
        try:
            result = importer.execute(
                self.plan, options, progress=progress.progress, cancel=progress.cancel
            )
        except Cancelled:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Cancelled. Nothing was written.")
            )
            return False
        finally:
            progress.close()
        self.result = result
        if not result.written:
            reason = result.message.text(tr_any) if result.message else ""
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Nothing was written.") + "\n" + reason
            )
            return False
        self.done_label.setText(
            self.tr("%1 new records, %2 updated, %3 rows left out.")
            .replace("%1", str(result.imported))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.skipped))
        )
        return True
