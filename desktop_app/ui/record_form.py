"""The record dialog: a form built from the spec, plus linked records and files.

load() fills the editors, check_and_save() validates through the service and
shows each problem at its field; nothing is written while any problem remains.
"""

from __future__ import annotations

import datetime as dt
import logging

import peewee as pw
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.handin import roles
from desktop_app.records import audit, service
from desktop_app.records import errors as E
from desktop_app.records.specs import CHOICE, DATE, INT, RecordSpec, spec_for
from desktop_app.store import categories
from desktop_app.store import db as store_db
from desktop_app.ui.geometry import remember_geometry
from desktop_app.ui.widgets.attachments_view import AttachmentsView
from desktop_app.ui.widgets.dossier_view import DossierView
from desktop_app.ui.widgets.fields import BadValue, UnknownName, make_editor
from desktop_app.ui.widgets.history_view import HistoryTable

log = logging.getLogger(__name__)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class RecordDialog(QDialog):
    def __init__(self, spec: RecordSpec, record_id: int | None = None, parent=None):
        super().__init__(parent)
        self.spec = spec
        self.record_id = record_id
        self.saved = False
        type_label = translate("Record", spec.label)
        self.setWindowTitle(
            self.tr("New %1").replace("%1", type_label)
            if record_id is None
            else self.tr("Edit %1").replace("%1", type_label)
        )
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        # A linked record's dossier the user asked to see: the form closes (asking
        # first if it was changed) and the window opens the page.
        self.dossier_wanted: tuple[str, int] | None = None

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_form(), self.tr("Details"))
        if record_id is not None:
            self.dossier_view = DossierView(spec, record_id, self)
            self.dossier_view.open_requested.connect(self._open_linked)
            self.tabs.addTab(self.dossier_view, self.tr("Linked records"))
            self.attachments_view = AttachmentsView(spec.key, record_id, self)
            self.tabs.addTab(self.attachments_view, self.tr("Attachments"))
            self.history_view = HistoryTable(show_record=False, parent=self)
            self.history_view.show_entries(audit.history(spec.key, record_id))
            self.tabs.addTab(self.history_view, self.tr("History"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.check_and_save)
        # Read-only here: the file, or (in a unit's copy) a shared list or
        # another unit's record.
        self.locked = store_db.is_read_only() or roles.locked_here(spec.key, self._record_unit())
        if self.locked:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(self.buttons)
        self.load()
        self._loaded = self._state()
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)  # Ctrl+S
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self._save_shortcut)
        self.addAction(save)
        remember_geometry(self, f"dialogs/{spec.key}", default_size=(640, 620))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # Typing starts in the first field, as in a spreadsheet's first cell.
        first = self.spec.fields[0].name if self.spec.fields else None
        if first and self.tabs.currentIndex() == 0:
            self.editors[first].setFocus()

    # ---- never lose typing
    def _state(self) -> list:
        """What the form holds now, to tell whether anything was changed."""
        out = []
        for name, editor in self.editors.items():
            try:
                out.append((name, editor.value()))
            except Exception:  # text that does not read yet (a half-typed date)
                out.append((name, ("typed", id(editor), getattr(editor, "text", str)())))
        return out

    def changed(self) -> bool:
        return not self.saved and self._state() != self._loaded

    def _save_shortcut(self) -> None:
        if not self.locked:
            self.check_and_save()

    def _record_unit(self) -> int | None:
        if self.record_id is None or not self.spec.unit_field:
            return None
        column = self.spec.field(self.spec.unit_field).column_name
        record = self.spec.model.get_or_none(self.spec.model.id == self.record_id)
        return getattr(record, column) if record is not None else None

    def _confirm_leaving(self) -> bool:
        """Save / Discard / Cancel when what was typed would be lost."""
        if self.locked or not self.changed():
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        box.setText(self.tr("Save the changes to this record?"))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is save:
            return self.check_and_save()  # closes the form when it saved
        return box.clickedButton() is discard

    def discard(self) -> None:
        """Close, throwing away what was typed (after the user said so)."""
        super().reject()

    def reject(self) -> None:
        # Esc, the Cancel button and the window's close box all come here.
        if self._confirm_leaving():
            if self.saved:
                return  # 保存 in the question saved and accepted: not a cancel
            super().reject()
        # (The close box goes through reject too: QDialog's closeEvent calls it
        # and keeps the form open while it stays visible.)

    # ---- building
    def _build_form(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget(scroll)
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for f in self.spec.fields:
            editor = make_editor(f, inner)
            editor.setObjectName(f"field_{f.name}")
            if hasattr(editor, "dossier_requested"):
                editor.dossier_requested.connect(self._want_dossier)
            error = QLabel(inner)
            error.setObjectName(f"error_{f.name}")
            error.setStyleSheet("color: #b00020")
            error.setWordWrap(True)
            error.hide()
            box = QWidget(inner)
            box_lay = QVBoxLayout(box)
            box_lay.setContentsMargins(0, 0, 0, 0)
            box_lay.setSpacing(2)
            box_lay.addWidget(editor)
            box_lay.addWidget(error)
            label = translate("Field", f.label)
            label_widget = QLabel(
                f"{label} <span style='color:#b00020'>*</span>" if f.required else label
            )
            label_widget.setBuddy(editor)
            form.addRow(label_widget, box)
            self.editors[f.name] = editor
            self.error_labels[f.name] = error
        # Extra height goes below the last field, not between the rows.
        holder = QWidget(scroll)
        outer = QVBoxLayout(holder)
        outer.addWidget(inner)
        outer.addStretch(1)
        scroll.setWidget(holder)
        return scroll

    # ---- load / save
    def load(self) -> None:
        if self.record_id is None:
            values = service.empty_values(self.spec)
            for f in self.spec.fields:
                if f.kind == INT and f.name == "year":
                    values[f.name] = service.latest_data_year() or dt.date.today().year
                elif f.kind == DATE and f.required:
                    values[f.name] = dt.date.today()
                elif f.kind == CHOICE and f.required:
                    # A required list starts at its first word (未开始, 未报送 …).
                    words = categories.words(f.choices)
                    values[f.name] = words[0] if words else ""
            copy = roles.unit_copy()
            if copy is not None and self.spec.unit_field:
                values[self.spec.unit_field] = copy.unit_id  # a unit records its own
        else:
            # What was opened, and its version: a save made meanwhile on another
            # PC is then caught and merged, not written over (ConflictDialog).
            self._version = service.version_of(self.spec, self.record_id)
            values = service.load(self.spec, self.record_id)
            self._base = values
        for name, editor in self.editors.items():
            editor.set_value(values.get(name))

    def values(self) -> tuple[dict, list[E.Problem]]:
        out: dict = {}
        problems: list[E.Problem] = []
        for f in self.spec.fields:
            try:
                out[f.name] = self.editors[f.name].value()
            except UnknownName as exc:
                problems.append(E.Problem(f.name, E.NOT_FOUND, (f.label, exc.text)))
            except BadValue:
                problems.append(E.Problem(f.name, E.NOT_A_DATE, (f.label,)))
        return out, problems

    def show_problems(self, problems: list[E.Problem]) -> None:
        for label in self.error_labels.values():
            label.hide()
        first = None
        for p in problems:
            label = self.error_labels.get(p.field)
            if label is None:
                continue
            label.setText(p.text(translate))
            label.show()
            first = first or p.field
        if first:
            self.tabs.setCurrentIndex(0)
            self.editors[first].setFocus()

    def check_and_save(self) -> bool:
        values, problems = self.values()
        copy = roles.unit_copy()
        if copy is not None and self.spec.unit_field:
            if values.get(self.spec.unit_field) != copy.unit_id:
                problems.append(
                    E.Problem(
                        self.spec.unit_field,
                        E.refusal_template("own", copy.on_server),
                        (copy.unit_name,),
                        0,
                    )
                )
        if problems:
            self.show_problems(problems)
            return False
        try:
            self.record_id = self._save_over_others(values)
            if self.record_id is None:
                return False
        except E.ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except pw.OperationalError as exc:
            # Disk full, read-only file, lost network drive: the transaction was
            # rolled back; keep the form open with everything the user typed.
            log.exception("save failed")
            QMessageBox.critical(
                self,
                self.tr("Not saved"),
                self.tr(
                    "The record could not be saved: %1\n\nWhat you typed is still in the form. "
                    "Free some disk space or check the file, then save again."
                ).replace("%1", str(exc)),
            )
            return False
        self.saved = True
        self.accept()
        return True

    def _save_over_others(self, values: dict) -> int | None:
        """Save; when someone saved the record meanwhile (another PC), let the
        user merge, keep theirs or keep mine. None: nothing was saved."""
        expected = getattr(self, "_version", None) if self.record_id is not None else None
        while True:
            try:
                return service.save(self.spec, values, self.record_id, expected_version=expected)
            except E.RecordGone:
                QMessageBox.warning(
                    self,
                    self.tr("Deleted meanwhile"),
                    self.tr(
                        "This record was deleted on another PC after you opened it. What you "
                        "typed is still in the form: copy what you need, or ask for it to be "
                        "restored from the recycle bin."
                    ),
                )
                return None
            except E.RecordChanged as exc:
                from desktop_app.records import conflicts
                from desktop_app.ui.dialogs.conflict_dialog import (
                    KEEP_THEIRS,
                    MERGE,
                    ConflictDialog,
                )

                base = getattr(self, "_base", None) or exc.theirs
                comparison = conflicts.compare(self.spec, base, exc.theirs, values)
                at = exc.changed_at.strftime("%H:%M:%S") if exc.changed_at else ""
                dialog = ConflictDialog(self.spec, comparison, exc.changed_by, at, self)
                if not dialog.exec() or dialog.choice is None:
                    return None
                if dialog.choice == KEEP_THEIRS:
                    self._base, self._version = exc.theirs, exc.version
                    for name, editor in self.editors.items():
                        editor.set_value(exc.theirs.get(name))
                    self._loaded = self._state()
                    return None
                if dialog.choice == MERGE:
                    values = conflicts.merged(self.spec, exc.theirs, values, comparison)
                self._base, expected = exc.theirs, exc.version

    def _want_dossier(self, key: str, rid: int) -> None:
        self.dossier_wanted = (key, rid)
        self.reject()  # asks 保存 / 放弃 / 取消 when something was typed
        if self.isVisible():  # 取消: stay in the form
            self.dossier_wanted = None

    def _open_linked(self, key: str, rid: int) -> None:
        dialog = RecordDialog(spec_for(key), rid, self)
        if dialog.exec() and dialog.saved:
            # Names shown here may have changed.
            for table in self.dossier_view.tables.values():
                table.record_model().reload()
                table.record_model().fetch_all()
