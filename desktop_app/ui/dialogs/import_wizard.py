"""Import wizard: file → columns → check → import. Nothing is written before the last step.

The work (exchange/importer.py) runs in the GUI thread and reports progress
every few hundred rows; the progress dialog processes events there, so the
window stays responsive and Cancel is honoured. Column choices are remembered
per record type by header text.

The check step says what the import will write (new records, updates), what
it will not and why, and which institutions, units and list words it will
add; the last step says what it did. The widget only reads the plan and the
result: the importer does all reading and writing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont
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
from desktop_app.exchange import messages as M
from desktop_app.exchange.convert import word_key
from desktop_app.exchange.messages import Cancelled, ExchangeError
from desktop_app.exchange.report import value_text, write_error_report
from desktop_app.records.specs import ALL_SPECS, CHOICE, MULTICHOICE, RecordSpec, spec_for
from desktop_app.store.categories import LIST_LABELS

PREVIEW_ROWS = 30  # rows of the sheet shown when the header must be picked by hand
PREVIEW_COLUMNS = 20
LISTED_NAMES = 30  # names shown per list; the tooltip holds them all
LISTED_ROWS = 8  # row numbers shown per kind of row left out
WRAPPED_ROWS = 300  # problem tables up to this size grow their rows to the wrapped text


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


def _cell_text(value: Any) -> str:
    """A cell as the preview shows it: 3 not 3.0, a date without 00:00:00."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return str(value)


def _item(text: str) -> QTableWidgetItem:
    """A read-only cell whose tooltip holds the whole text."""
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _plain_label(parent: QWidget) -> QLabel:
    """A wrapping label for text from the file: never read as HTML, selectable to copy."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


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
        self.resize(980, 700)
        self.plan: importer.ImportPlan | None = None
        self.result: importer.ImportResult | None = None
        self._preview_rows: list[int] = []
        self._fit_timer = QTimer(self)  # table heights follow their rows, once per burst
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_tables)
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
        form.addRow(self.tr("Worksheet"), self.sheet_combo)
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
        self.columns_note = _plain_label(page)
        self.columns_note.setStyleSheet("color: #a61b1b;")
        self.columns_note.hide()
        self.header_spin = QSpinBox(page)
        self.header_spin.setRange(1, 1000)
        self.reread_button = QPushButton(self.tr("Read again with this header row"), page)
        self.reread_button.clicked.connect(self._reread)
        self.preview_label = QLabel(
            self.tr("The first rows of the sheet (click the header row to choose it):"), page
        )
        self.preview_table = QTableWidget(0, 0, page)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview_table.horizontalHeader().setDefaultSectionSize(120)
        self.preview_table.setMinimumHeight(90)
        self.preview_table.currentCellChanged.connect(self._preview_row_chosen)
        self.preview_table.cellDoubleClicked.connect(lambda *_: self._reread())
        self.columns_table = QTableWidget(0, 2, page)
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Goes into")]
        )
        self.columns_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.columns_table.verticalHeader().setVisible(False)
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Header row"), page))
        top.addWidget(self.header_spin)
        top.addWidget(self.reread_button)
        top.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel("<h3>" + self.tr("2. Columns") + "</h3>", page))
        lay.addWidget(self.columns_note)
        lay.addLayout(top)
        lay.addWidget(self.preview_label)
        lay.addWidget(self.preview_table, 1)
        lay.addWidget(self.columns_table, 2)
        lay.addStretch(0)  # below a short preview when there are no columns yet
        self.preview_label.hide()
        self.preview_table.hide()
        return page

    def _check_step(self) -> QWidget:
        page = QWidget(self)
        self.verdict = _plain_label(page)
        bold = QFont(self.verdict.font())
        bold.setBold(True)
        self.verdict.setFont(bold)
        self.summary = _plain_label(page)
        self.additions = _plain_label(page)
        self.problems_label = QLabel(self.tr("Problems, row by row:"), page)
        self.problems_table = QTableWidget(0, 4, page)
        self.problems_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")]
        )
        header = self.problems_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(2, 200)
        self.problems_table.setWordWrap(True)
        self.problems_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.problems_table.verticalHeader().setVisible(False)
        self.problems_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_table.setMinimumHeight(90)
        self.problems_table.verticalHeader().sectionResized.connect(
            lambda *_: self._fit_timer.start()  # wrapped rows change height with the width
        )
        self.dup_label = QLabel(
            self.tr("Rows that are already in the ledger or twice in the file:"), page
        )
        self.dup_all_label = QLabel(self.tr("Set every duplicate to:"), page)
        self.dup_all_buttons: dict[str, QPushButton] = {}
        dup_top = QHBoxLayout()
        dup_top.addWidget(self.dup_label)
        dup_top.addStretch(1)
        dup_top.addWidget(self.dup_all_label)
        for action in (importer.SKIP, importer.UPDATE, importer.IMPORT):
            button = QPushButton(tr_any("Import", importer.ACTION_LABELS[action]), page)
            button.clicked.connect(lambda _c=False, a=action: self._set_all_duplicates(a))
            dup_top.addWidget(button)
            self.dup_all_buttons[action] = button
        self.dup_table = QTableWidget(0, 3, page)
        self.dup_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Duplicate of"), self.tr("Action")]
        )
        header = self.dup_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.dup_table.verticalHeader().setVisible(False)
        self.dup_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dup_table.setMinimumHeight(90)
        self.create_missing = QCheckBox(
            self.tr("Create the institutions and units the file names that are not in the ledger"),
            page,
        )
        self.valid_only = QCheckBox(
            self.tr("Import the valid rows only and leave the others out"), page
        )
        self.create_missing.toggled.connect(self._show_check)
        self.valid_only.toggled.connect(self._show_check)
        self.report_button = QPushButton(self.tr("Save the problems as Excel…"), page)
        self.report_button.clicked.connect(self._save_report)
        self.problems_box = QWidget(page)
        box = QVBoxLayout(self.problems_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.problems_label)
        box.addWidget(self.problems_table, 1)
        self.dup_box = QWidget(page)
        box = QVBoxLayout(self.dup_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(dup_top)
        box.addWidget(self.dup_table, 1)
        self.check_layout = lay = QVBoxLayout(page)
        lay.addWidget(QLabel("<h3>" + self.tr("3. Check") + "</h3>", page))
        lay.addWidget(self.verdict)
        lay.addWidget(self.summary)
        lay.addWidget(self.additions)
        lay.addWidget(self.problems_box, 1)
        lay.addWidget(self.dup_box, 1)
        lay.addStretch(1)  # takes the room the tables do not need
        lay.addWidget(self.create_missing)
        lay.addWidget(self.valid_only)
        lay.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _done_step(self) -> QWidget:
        page = QWidget(self)
        self.done_label = _plain_label(page)
        self.done_added = _plain_label(page)
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel("<h3>" + self.tr("4. Done") + "</h3>", page))
        lay.addWidget(self.done_label)
        lay.addWidget(self.done_added)
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
                hidden = set(getattr(source, "hidden_sheets", set()))
        except ExchangeError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message.text(tr_any))
            return
        for name in names:
            # Shown marked, read by its real name (the item's data).
            text = self.tr("%1 (hidden)").replace("%1", name) if name in hidden else name
            self.sheet_combo.addItem(text, name)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(default), 0))

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
                sheet=self.sheet_combo.currentData() or None,
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
                        sheet=self.sheet_combo.currentData() or None,
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

    def _reread(self) -> None:
        if self._make_plan(header_row=self.header_spin.value()):
            self._update_buttons()

    # ---------------------------------------------------------------- step 2
    def _show_columns(self) -> None:
        plan = self.plan
        spec = self.spec()
        _clear_table(self.columns_table)
        needs_pick = plan.header is None or any(
            p.template == M.MISSING_COLUMN for p in plan.problems
        )
        self._show_preview(needs_pick)
        if plan.header is None:
            self.columns_table.hide()
            self._update_columns_note()
            return
        self.columns_table.show()
        self.header_spin.setValue(plan.header.row)
        fields = spec.fields
        self.columns_table.setRowCount(len(plan.header.columns))
        for row, col in enumerate(plan.header.columns):
            self.columns_table.setItem(row, 0, _item(col.header or f"#{col.index + 1}"))
            combo = QComboBox()
            combo.addItem(self.tr("(leave out)"), None)
            for f in fields:
                combo.addItem(tr_any("Field", f.label) + (" *" if f.required else ""), f.name)
            combo.setCurrentIndex(max(combo.findData(col.field), 0))
            combo.setProperty("column_index", col.index)
            combo.currentIndexChanged.connect(self._update_columns_note)
            self.columns_table.setCellWidget(row, 1, combo)
        self._update_columns_note()

    def _show_preview(self, show: bool) -> None:
        """The sheet's first rows, to pick the header row from, when none was found."""
        self.preview_label.setVisible(show)
        self.preview_table.setVisible(show)
        self.preview_table.clear()
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)
        self._preview_rows = []
        if not show:
            return
        try:
            from desktop_app.exchange.reader import open_source

            with open_source(self.plan.path) as source:
                rows = []
                for number, cells in source.rows(self.plan.sheet or None):
                    rows.append((number, cells[:PREVIEW_COLUMNS]))
                    if len(rows) >= PREVIEW_ROWS:
                        break
        except ExchangeError:
            rows = []
        width = max((len(c) for _n, c in rows), default=0)
        self.preview_table.setColumnCount(width)
        self.preview_table.setRowCount(len(rows))
        self.preview_table.setVerticalHeaderLabels([str(n) for n, _c in rows])
        self.preview_table.setHorizontalHeaderLabels([self._column_letter(i) for i in range(width)])
        for i, (_n, cells) in enumerate(rows):
            for j, value in enumerate(cells):
                self.preview_table.setItem(i, j, _item(_cell_text(value)))
        self._preview_rows = [n for n, _c in rows]
        self._fit_timer.start()

    @staticmethod
    def _column_letter(index: int) -> str:
        out = ""
        index += 1
        while index:
            index, rest = divmod(index - 1, 26)
            out = chr(65 + rest) + out
        return out

    def _preview_row_chosen(self, row: int, *_args) -> None:
        if 0 <= row < len(self._preview_rows):
            self.header_spin.setValue(self._preview_rows[row])

    def _unmapped_required(self) -> list:
        chosen = set(self._chosen_columns().values())
        return [f for f in self.spec().fields if f.required and f.name not in chosen]

    def _update_columns_note(self, *_args) -> None:
        """Why the columns cannot be used yet, and what to do."""
        plan = self.plan
        lines: list[str] = []
        if plan is not None and plan.header is None:
            lines += [m.text(tr_any) for m in plan.problems]
            lines.append(
                self.tr(
                    "Choose the row that names the columns: click it in the rows below (or type its number in “Header row”), then press “Read again with this header row”."
                )
            )
        elif plan is not None:
            for f in self._unmapped_required():
                lines.append(
                    self.tr(
                        "No column goes into %1, which is required: choose one under “Goes into”, or choose another header row."
                    ).replace("%1", tr_any("Field", f.label))
                )
        self.columns_note.setText("\n".join(lines))
        self.columns_note.setVisible(bool(lines))
        self._update_buttons()

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
    def _outcome(self) -> dict[str, list]:
        """The rows by what the import will do with them, as the boxes are now ticked."""
        create = self.create_missing.isChecked()
        out: dict[str, list] = {"skipped": [], "invalid": [], "new": [], "update": []}
        for r in self.plan.rows:
            if r.action == importer.SKIP:
                out["skipped"].append(r)
            elif not r.is_valid(create):
                out["invalid"].append(r)
            elif r.action == importer.UPDATE:
                out["update"].append(r)
            else:
                out["new"].append(r)
        return out

    def _will_write(self) -> bool:
        plan = self.plan
        if plan is None or plan.fatal:
            return False
        o = self._outcome()
        return bool(o["new"] or o["update"]) and (not o["invalid"] or self.valid_only.isChecked())

    def _show_check(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.create_missing.setEnabled(bool(plan.missing_links))
        if plan.fatal:
            self.verdict.setText(
                "\n".join(m.text(tr_any) for m in plan.problems)
                + "\n"
                + self.tr("Go back to choose the header row and the columns.")
            )
            self.summary.setText("")
            self.summary.hide()
            self.additions.hide()
        else:
            self._show_counts()
            self._show_additions()
        self._show_problems()
        self._show_duplicates()
        self._arrange_tables()
        self._update_buttons()

    def _show_counts(self) -> None:
        plan = self.plan
        o = self._outcome()
        skipped, invalid = len(o["skipped"]), len(o["invalid"])
        ready = len(o["new"]) + len(o["update"])
        valid_only = self.valid_only.isChecked()
        if not ready:
            if skipped and not invalid:
                verdict = self.tr(
                    "Nothing to import: all %1 rows are duplicates set to Skip. To write some of them, choose another action in the list of duplicates below."
                ).replace("%1", str(skipped))
            elif invalid and not skipped:
                verdict = self.tr(
                    "Nothing to import: all %1 rows have problems (listed below). Correct them in the file and read it again."
                ).replace("%1", str(invalid))
            else:
                verdict = (
                    self.tr(
                        "Nothing to import: %1 row(s) are duplicates set to Skip and %2 row(s) have problems."
                    )
                    .replace("%1", str(skipped))
                    .replace("%2", str(invalid))
                )
        elif invalid and not valid_only:
            verdict = self.tr(
                "Nothing can be imported yet: %1 row(s) have problems (listed below). Correct them in the file and read it again, or tick “Import the valid rows only”."
            ).replace("%1", str(invalid))
        else:
            verdict = (
                self.tr("The import will write %1 new record(s) and update %2.")
                .replace("%1", str(len(o["new"])))
                .replace("%2", str(len(o["update"])))
            )
        self.verdict.setText(verdict)
        lines = [self.tr("%1 rows read from the sheet.").replace("%1", str(len(plan.rows)))]
        lines += [m.text(tr_any) for m in plan.warnings]
        if ready and skipped:
            lines.append(
                self.tr("%1 duplicate row(s) set to Skip will not be written.").replace(
                    "%1", str(skipped)
                )
            )
        if ready and invalid and valid_only:
            lines.append(
                self.tr("%1 row(s) with problems will be left out.").replace("%1", str(invalid))
            )
        ignored = self._ignored_text()
        if ignored:
            lines.append(ignored)
        self.summary.setText("\n".join(lines))
        self.summary.show()

    def _row_numbers(self, numbers: list[int]) -> str:
        shown = [str(n) for n in numbers[:LISTED_ROWS]]
        return self.tr(", ").join(shown) + ("…" if len(numbers) > LISTED_ROWS else "")

    def _ignored_text(self) -> str:
        """The rows below the header that are no records, by why (numbers and words agree)."""
        by_reason: dict[str, list[int]] = {}
        for i in self.plan.ignored:
            by_reason.setdefault(i.reason, []).append(i.row)
        if not by_reason:
            return ""
        phrases = {
            importer.BLANK: self.tr("%1 row(s) with nothing in the imported columns (row %2)"),
            importer.TOTAL: self.tr("%1 total row(s) such as 合计 (row %2)"),
            importer.HEADER_AGAIN: self.tr("%1 repeated header row(s) (row %2)"),
            importer.NOTE: self.tr("%1 note row(s) such as 制表人 or 注： (row %2)"),
        }
        parts = []
        for reason in (importer.BLANK, importer.TOTAL, importer.HEADER_AGAIN, importer.NOTE):
            rows = by_reason.pop(reason, [])
            if rows:
                parts.append(
                    phrases[reason]
                    .replace("%1", str(len(rows)))
                    .replace("%2", self._row_numbers(rows))
                )
        return (
            self.tr("%1 row(s) left out as no records: %2.")
            .replace("%1", str(len(self.plan.ignored)))
            .replace("%2", self.tr("; ").join(parts))
        )

    @staticmethod
    def _counts(*parts: tuple[str, int]) -> list[str]:
        """(template with %1, count) → the filled templates whose count is not 0."""
        return [template.replace("%1", str(n)) for template, n in parts if n]

    def _names(self, names: list[str]) -> tuple[str, bool]:
        """Names joined for a label, cut after LISTED_NAMES; True if cut."""
        sep = self.tr(", ")
        if len(names) <= LISTED_NAMES:
            return sep.join(names), False
        return sep.join(names[:LISTED_NAMES]) + "…", True

    def _additions(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Names to create (target → names) and words to add (list → words) for the rows
        the import writes; what importer.execute will add, read from the plan."""
        plan = self.plan
        spec = plan.spec
        rows = [r for r in plan.rows if r.action != importer.SKIP and r.is_valid(True)]
        keys: dict[str, set[str]] = {}
        for r in rows:
            for name, names in r.missing.items():
                keys.setdefault(spec.field(name).target, set()).update(word_key(n) for n in names)
        missing = {}
        for target, names in plan.missing_links.items():
            kept = [n for n in names if word_key(n) in keys.get(target, ())]
            if kept:
                missing[target] = kept
        create = self.create_missing.isChecked()
        written = [r for r in rows if create or r.is_valid(False)]
        words = {}
        for list_key, new in plan.new_words.items():
            fields = [
                f.name
                for f in spec.fields
                if f.choices == list_key and f.kind in (CHOICE, MULTICHOICE)
            ]
            used: set = set()
            for r in written:
                for name in fields:
                    v = r.values.get(name)
                    used.update(v if isinstance(v, list) else [v])
            kept = [w for w in new if w in used]
            if kept:
                words[list_key] = kept
        return missing, words

    def _name_lines(self, template: str, label: str, names: list[str]) -> tuple[str, str, bool]:
        """template with %1 label, %2 count, %3 names: as shown (cut), in full, and whether cut."""
        start = template.replace("%1", label).replace("%2", str(len(names)))
        shown, cut = self._names(names)
        return start.replace("%3", shown), start.replace("%3", self.tr(", ").join(names)), cut

    def _set_name_lines(self, label: QLabel, lines: list[tuple[str, str, bool]]) -> None:
        """Show the lines; when a list was cut, the tooltip has every name."""
        label.setText("\n".join(shown for shown, _full, _cut in lines))
        cut = any(c for _s, _f, c in lines)
        label.setToolTip("\n".join(full for _s, full, _c in lines) if cut else "")
        label.setVisible(bool(lines))

    def _show_additions(self) -> None:
        missing, words = self._additions()
        if self.create_missing.isChecked():
            template = self.tr("New %1 records to be created (%2): %3")
        else:
            template = self.tr(
                "%1 records not in the ledger (%2): %3. Tick the box below to create them."
            )
        lines = [
            self._name_lines(template, tr_any("Record", spec_for(target).label), names)
            for target, names in missing.items()
        ]
        template = self.tr("New words for the list “%1” (%2): %3")
        lines += [
            self._name_lines(template, tr_any("Lists", LIST_LABELS.get(key, key)), new)
            for key, new in words.items()
        ]
        self._set_name_lines(self.additions, lines)

    def _show_problems(self) -> None:
        plan = self.plan
        create = self.create_missing.isChecked()
        problems = plan.errors(create) if not plan.fatal else []
        spec = self.spec()
        table = self.problems_table
        table.setRowCount(len(problems))
        for i, p in enumerate(problems):
            for col, text in enumerate(
                [
                    str(p.row),
                    p.column_text(spec, tr_any),
                    value_text(p.value),  # an ID number stored as a number: its digits
                    p.reason(tr_any),
                ]
            ):
                table.setItem(i, col, _item(text))
        mode = (
            QHeaderView.ResizeMode.ResizeToContents
            if len(problems) <= WRAPPED_ROWS
            else QHeaderView.ResizeMode.Interactive
        )
        table.verticalHeader().setSectionResizeMode(mode)
        self.problems_box.setVisible(bool(problems))
        self.report_button.setVisible(bool(plan.all_problems()))

    def _show_duplicates(self) -> None:
        plan = self.plan
        dups = plan.duplicates() if not plan.fatal else []
        _clear_table(self.dup_table)  # drops the previous round's combo boxes
        self.dup_table.setRowCount(len(dups))
        offered: set[str] = set()
        for i, r in enumerate(dups):
            self.dup_table.setItem(i, 0, _item(str(r.row)))
            message = r.duplicate_message()
            self.dup_table.setItem(i, 1, _item(message.text(tr_any) if message else ""))
            combo = QComboBox()  # the table takes it over in setCellWidget
            for action in r.allowed_actions:
                combo.addItem(tr_any("Import", importer.ACTION_LABELS[action]), action)
            combo.setCurrentIndex(max(combo.findData(r.action), 0))
            combo.currentIndexChanged.connect(
                lambda _i, n=r.row, c=combo: self._set_action(n, c.currentData())
            )
            self.dup_table.setCellWidget(i, 2, combo)
            offered.update(r.allowed_actions)
        choice = len(offered) > 1  # Skip alone is no choice
        self.dup_all_label.setVisible(choice)
        for action, button in self.dup_all_buttons.items():
            button.setVisible(choice and action in offered)
        self.dup_box.setVisible(bool(dups))

    def _arrange_tables(self) -> None:
        """Room for the tables by their rows; none for an empty one (it is hidden)."""
        lay = self.check_layout
        for box, table in (
            (self.problems_box, self.problems_table),
            (self.dup_box, self.dup_table),
        ):
            # The spacer below has stretch 1: it gets the room the tables cannot use.
            lay.setStretchFactor(box, 100 * min(max(table.rowCount(), 3), 12))
        self._fit_timer.start()

    def _fit_tables(self) -> None:
        """No table taller than its rows: the room goes to the table that needs it."""
        for table in (self.problems_table, self.dup_table, self.preview_table):
            height = 2 * table.frameWidth() + table.verticalHeader().length()
            if not table.horizontalHeader().isHidden():
                height += table.horizontalHeader().sizeHint().height()
            if table.horizontalScrollBar().maximum() > 0:
                height += table.horizontalScrollBar().sizeHint().height()
            table.setMaximumHeight(max(height + 2, table.minimumHeight()))
        for box, table in (
            (self.problems_box, self.problems_table),
            (self.dup_box, self.dup_table),
        ):
            above = box.layout().itemAt(0).sizeHint().height() + box.layout().spacing()
            box.setMaximumHeight(above + table.maximumHeight())

    def _set_action(self, row: int, action: str) -> None:
        self.plan.set_action(row, action)
        self._show_check()

    def _set_all_duplicates(self, action: str) -> None:
        if self.plan is None:
            return
        self.plan.set_all_duplicates(action)
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
        if not path:
            return
        try:
            write_error_report(self.plan.all_problems(), path, self.spec(), tr_any)
        except OSError as exc:  # a read-only folder, a full disk, the file open in Excel
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("The problem list could not be saved: %1").replace("%1", str(exc)),
            )

    # ---------------------------------------------------------------- navigation
    def _update_buttons(self) -> None:
        step = self.stack.currentIndex()
        self.back_button.setEnabled(0 < step < 3)
        self.next_button.setVisible(step < 3)
        if step == 2:
            self.next_button.setText(self.tr("Import"))
            self.next_button.setEnabled(self._will_write())
        else:
            self.next_button.setText(self.tr("Next >"))
            ok = True
            if step == 1:
                ok = (
                    self.plan is not None
                    and self.plan.header is not None
                    and not self._unmapped_required()
                )
            self.next_button.setEnabled(ok)
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
        self._show_done(result)
        return True

    def _show_done(self, result: importer.ImportResult) -> None:
        """What was written and what was left out, naming only the counts that are not 0."""
        sep = self.tr(", ")
        lines = []
        written = self._counts(
            (self.tr("%1 new record(s)"), result.imported),
            (self.tr("%1 record(s) updated"), result.updated),
        )
        if written:
            lines.append(self.tr("Written: %1.").replace("%1", sep.join(written)))
        left_out = self._counts(
            (self.tr("%1 duplicate row(s) set to Skip"), result.skipped - result.invalid),
            (self.tr("%1 row(s) with problems"), result.invalid),
        )
        if left_out:
            lines.append(
                self.tr("%1 row(s) left out: %2.")
                .replace("%1", str(result.skipped))
                .replace("%2", sep.join(left_out))
            )
        self.done_label.setText("\n".join(lines))
        template = self.tr("Created %1 records (%2): %3")
        added = [
            self._name_lines(template, tr_any("Record", spec_for(target).label), names)
            for target, names in result.created.items()
        ]
        template = self.tr("Added to the list “%1” (%2): %3")
        added += [
            self._name_lines(template, tr_any("Lists", LIST_LABELS.get(key, key)), words)
            for key, words in result.added_words.items()
        ]
        self._set_name_lines(self.done_added, added)
