"""A list page for one record type: search, filters, table, New/Edit/Delete."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings
from desktop_app.handin import roles
from desktop_app.records import errors as E
from desktop_app.records import queries, service
from desktop_app.records.specs import RecordSpec
from desktop_app.records.timeline import DOSSIER_TYPES
from desktop_app.reports.list_sheet import list_sheet
from desktop_app.store import categories
from desktop_app.store import db as store_db
from desktop_app.ui import printing
from desktop_app.ui.messages import refusal_text
from desktop_app.ui.record_form import RecordDialog
from desktop_app.ui.status_notice import announce
from desktop_app.ui.table_model import RecordTableModel
from desktop_app.ui.widgets.record_table import RecordTable

SEARCH_DELAY_MS = 250
FIRST_YEAR = 2015


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


UNDATED = "undated"  # the year filter's choice for records with no date


class RecordPage(QWidget):
    dossier_requested = Signal(str, int)  # spec key, record id

    def __init__(self, spec: RecordSpec, parent=None):
        super().__init__(parent)
        self.spec = spec
        self.model = RecordTableModel(spec, self)
        self.table = RecordTable(self.model, settings_key=spec.key, parent=self)
        self.table.open_requested.connect(self.edit_record)
        self.table.delete_requested.connect(self.delete_selected)
        self.has_dossier = spec.key in DOSSIER_TYPES
        if self.has_dossier:
            # Enter opens the dossier page (档案); a double click, or Edit, the form.
            self.table.enter_opens_dossier = True
            self.table.dossier_requested.connect(
                lambda rid: self.dossier_requested.emit(spec.key, rid)
            )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        self.year_filter = (
            self._combo("year", self.tr("All years"), [str(y) for y in self._years()])
            if queries.supports_year(spec)
            else None
        )
        if self.year_filter is not None and spec.year_field:
            # Records without a date count in no year: find them to fill it in.
            self.year_filter.insertItem(1, self.tr("Date not filled in"), UNDATED)
        self.unit_filter = self._unit_combo() if spec.unit_field else None
        self.type_filter = self._category_combo(spec.type_field, self.tr("All types"))
        self.status_filter = self._category_combo(spec.status_field, self.tr("All statuses"))
        for combo in (self.year_filter, self.unit_filter, self.type_filter, self.status_filter):
            if combo is not None:
                filters.addWidget(combo, 1)

        self.new_button = QPushButton(self.tr("New"), self)
        self.new_button.setToolTip(self.tr("New record (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.setToolTip(
            self.tr("Edit the selected record (double-click)")
            if spec.key in DOSSIER_TYPES
            else self.tr("Edit the selected record (Enter)")
        )
        self.edit_button.clicked.connect(lambda: self.edit_record(self.table.current_id()))
        self.dossier_button = QPushButton(self.tr("Dossier"), self)
        self.dossier_button.setToolTip(self.tr("Open the selected record's dossier page (Enter)"))
        self.dossier_button.clicked.connect(self._open_dossier)
        self.dossier_button.setVisible(self.has_dossier)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected records (Del)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setToolTip(self.tr("Bring records in from an Excel or CSV file"))
        self.import_button.clicked.connect(self.import_records)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Save the rows shown as .xlsx or .csv"))
        self.export_button.clicked.connect(self.export_rows)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setToolTip(self.tr("Print this table as shown (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_table)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.dossier_button, self.delete_button):
            buttons.addWidget(b)
        self.return_button = None
        if spec.key == "ledger_report" and not store_db.is_read_only() and not roles.unit_copy():
            # The office sends a hand-in back (退回) with what to put right.
            self.return_button = QPushButton(self.tr("Send back…"), self)
            self.return_button.clicked.connect(self.send_back)
            buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.count_label)

        # Read-only here: the file, or (in a unit's copy) a list the office keeps.
        self.locked = store_db.is_read_only() or roles.locked_here(spec.key)
        if self.locked:
            self.new_button.setEnabled(False)
            self.delete_button.setEnabled(False)
            self.import_button.setEnabled(False)
        title = QLabel(f"<h2>{translate('Record', spec.plural or spec.label)}</h2>", self)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)

        self._add_action(QKeySequence.StandardKey.New, self.new_record)
        self._add_action(QKeySequence.StandardKey.Find, self._focus_search)
        self._add_action(QKeySequence(Qt.Key.Key_F5), self.refresh)
        self._add_action(QKeySequence.StandardKey.Print, self.print_table)
        self.refresh()

    # ---- construction helpers
    def _add_action(self, keys, slot) -> None:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def _years(self) -> list[int]:
        return list(range(dt.date.today().year + 1, FIRST_YEAR - 1, -1))

    def _combo(self, name: str, all_text: str, items: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{name}")
        combo.addItem(all_text, None)
        for item in items:
            combo.addItem(item, item)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def _category_combo(self, field_name: str | None, all_text: str) -> QComboBox | None:
        if not field_name:
            return None
        f = self.spec.field(field_name)
        if not f.choices:
            return None
        return self._combo(field_name, all_text, categories.words(f.choices))

    def _unit_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("filter_unit")
        self._fill_units(combo)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def _fill_units(self, combo: QComboBox) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All units"), None)
        for rid, name in service.choices_for_link("unit"):
            combo.addItem(name, rid)
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---- query
    def current_query(self) -> queries.ListQuery:
        q = self.model.query
        q.search = self.search.text().strip()
        chosen = self.year_filter.currentData() if self.year_filter else None
        q.undated = chosen == UNDATED
        q.year = int(chosen) if chosen and chosen != UNDATED else None
        q.unit_id = self.unit_filter.currentData() if self.unit_filter else None
        q.type_value = self.type_filter.currentData() if self.type_filter else None
        q.status_value = self.status_filter.currentData() if self.status_filter else None
        return q

    def refresh(self) -> None:
        self._search_timer.stop()
        selected = self.table.current_id()
        q = self.current_query()
        self.model.set_query(q)
        self._update_count()
        if selected is not None:
            self.select_id(selected)
        filtered = bool(
            q.search or q.year or q.undated or q.unit_id or q.type_value or q.status_value
        )
        self.table.empty_text = (
            self.tr("No record matches these filters.")
            if filtered
            else self.tr(
                "No records yet. Click New to enter one, or Import… to bring them in from Excel."
            )
        )

    def refresh_in_place(self) -> None:
        """Saves made on another PC: the list anew, at the same selection and
        scroll position (a row the others deleted leaves no selection)."""
        bar = self.table.verticalScrollBar()
        position = bar.value()
        selected = self.table.current_id()
        self.model.set_query(self.current_query())
        self._update_count()
        if selected is not None and self.model.row_of(selected) is not None:
            self.select_id(selected)
        bar.setValue(min(position, bar.maximum()))

    def reload_choices(self) -> None:
        """Units or category words may have changed elsewhere."""
        if self.unit_filter is not None:
            self._fill_units(self.unit_filter)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%1 records").replace("%1", str(self.model.total)))

    def select_id(self, rid: int) -> bool:
        row = self.model.row_of(rid)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # ---- operations
    def _open_dossier(self) -> None:
        rid = self.table.current_id()
        if rid is not None:
            self.dossier_requested.emit(self.spec.key, rid)

    def _context_menu(self, pos) -> None:
        rid = self.table.current_id()
        if rid is None:
            return
        menu = QMenu(self)
        if self.has_dossier:
            menu.addAction(self.tr("View dossier"), self._open_dossier)
        menu.addAction(self.tr("Edit…"), lambda: self.edit_record(rid))
        if not self.locked:
            menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def new_record(self) -> None:
        if self.locked:
            return
        dialog = RecordDialog(self.spec, None, self)
        saved = dialog.exec() and dialog.saved
        dialog.deleteLater()
        if saved:
            self.refresh()
            self.select_id(dialog.record_id)
            self._announce_saved(dialog.record_id)
        if dialog.dossier_wanted:
            self.dossier_requested.emit(*dialog.dossier_wanted)

    def edit_record(self, rid: int | None) -> None:
        if rid is None:
            return
        dialog = RecordDialog(self.spec, rid, self)
        dialog.exec()
        dialog.deleteLater()
        self.refresh()  # linked records or attachments may have changed too
        if dialog.saved:
            self._announce_saved(rid)
        if dialog.dossier_wanted:
            self.dossier_requested.emit(*dialog.dossier_wanted)

    def send_back(self) -> None:
        """退回: the selected hand-in goes back to its unit with a comment."""
        from PySide6.QtWidgets import QInputDialog

        from desktop_app.handin import returns

        rid = self.table.current_id()
        if rid is None:
            return
        name = service.names_of(self.spec.key, [rid]).get(rid, "")
        comment, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Send back"),
            self.tr("Send %1 back to the unit. What is to be put right?").replace("%1", name),
        )
        if not ok or not comment.strip():
            return
        returns.return_hand_in(rid, comment)
        self.refresh()
        announce(self, self.tr("Sent back: %1").replace("%1", name), can_undo=True)

    def _announce_saved(self, rid: int) -> None:
        name = service.names_of(self.spec.key, [rid]).get(rid, "")
        kind = translate("Record", self.spec.label)
        text = self.tr("Saved %1 %2").replace("%1", kind).replace("%2", name)
        announce(self, text, can_undo=True)

    def delete_selected(self) -> None:
        if self.locked:
            return
        ids = self.table.selected_ids()
        if not ids:
            return
        copy = roles.unit_copy()
        if copy is not None and self.spec.unit_field:
            column = getattr(self.spec.model, self.spec.field(self.spec.unit_field).column_name)
            model = self.spec.model
            others = model.select().where(model.id.in_(ids) & (column != copy.unit_id)).count()
            if others:
                QMessageBox.information(
                    self,
                    self.tr("Delete"),
                    self.tr(
                        "This is %1's ledger: records of other units cannot be deleted here."
                    ).replace("%1", copy.unit_name),
                )
                return
        names = service.names_of(self.spec.key, ids)
        shown = "\n".join(names.get(i, "") for i in ids[:10])
        if len(ids) > 10:
            shown += "\n…"
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete %1 record(s)?").replace("%1", str(len(ids))) + "\n\n" + shown,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        refused: list[str] = []
        deleted = 0
        for rid in ids:
            try:
                service.delete(self.spec, rid)
                deleted += 1
            except E.DeleteRefused as exc:
                refused.append(refusal_text(exc))
        self.refresh()
        if deleted:
            kind = translate("Record", self.spec.label)
            text = (
                self.tr("Deleted %1 %2 to the recycle bin")
                .replace("%1", kind)
                .replace("%2", names[ids[0]])
                if deleted == 1 and ids[0] in names
                else self.tr("Deleted %1 record(s) to the recycle bin").replace("%1", str(deleted))
            )
            announce(self, text, can_undo=True)
        if refused:
            QMessageBox.warning(self, self.tr("Cannot delete"), "\n\n".join(refused))

    def table_sheet(self):
        """This table as a sheet: same filter, sort and visible columns."""
        return list_sheet(self.current_query(), self.table.visible_columns(), translate)

    def import_records(self) -> None:
        if self.locked:
            return
        from desktop_app.ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.spec, parent=self)
        wizard.exec()
        wizard.deleteLater()
        self.reload_choices()
        self.refresh()

    def export_rows(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export"),
            str(
                Path(settings.get_str("last_export_dir", str(Path.home())))
                / f"{translate('Record', self.spec.label)}.xlsx"
            ),
            self.tr("Excel workbooks (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if not path:
            return
        from desktop_app.exchange.export import write_export
        from desktop_app.exchange.messages import Cancelled

        dialog = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            QApplication.processEvents()

        try:
            n = write_export(
                self.current_query(),
                path,
                self.table.visible_columns(),
                translate=translate,
                progress=progress,
                cancel=dialog.wasCanceled,
            )
        except Cancelled:
            return
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Export"), str(exc))
            return
        finally:
            dialog.close()
            dialog.deleteLater()
        settings.set_value("last_export_dir", str(Path(path).parent))
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                self.tr("%1 rows written to %2").replace("%1", str(n)).replace("%2", path), 8000
            )

    def print_table(self) -> None:
        printing.preview(self, self.table_sheet())

    def closeEvent(self, event) -> None:  # noqa: N802
        self.table.save_state()
        super().closeEvent(event)
