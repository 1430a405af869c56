"""Tools > Ledger details…: the organisation, preparer and phone every sheet
printed from this ledger carries (stored in the ledger, records/ledger_info.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.records import ledger_info
from desktop_app.store import db as store_db


class LedgerInfoDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, reason: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ledger details"))
        self.setMinimumWidth(560)  # room for a 组织部 name of thirty characters
        form = QFormLayout(self)
        if reason:
            note = QLabel(reason, self)
            note.setWordWrap(True)
            form.addRow(note)
        current = ledger_info.values()
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            ledger_info.ORGANISATION: self.tr("Organisation (填报单位)"),
            ledger_info.PREPARER: self.tr("Prepared by (填报人)"),
            ledger_info.PHONE: self.tr("Phone (联系电话)"),
        }
        for key in ledger_info.KEYS:
            edit = QLineEdit(current[key], self)
            edit.setMaxLength(ledger_info.MAX_LENGTH)
            edit.setReadOnly(store_db.is_read_only())
            self.edits[key] = edit
            form.addRow(labels[key], edit)
        self.edits[ledger_info.ORGANISATION].setPlaceholderText(self.tr("e.g. 中共阳高县委组织部"))
        hint = QLabel(
            self.tr(
                "Printed at the top and in the sign-off block of every sheet. Kept in the "
                "ledger file, so a copy on another PC prints the same."
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not store_db.is_read_only())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.edits[ledger_info.ORGANISATION].setFocus()

    def accept(self) -> None:
        for key, edit in self.edits.items():
            ledger_info.set_value(key, edit.text())
        super().accept()


_asked = False


def ask_once_if_missing(parent: QWidget | None) -> None:
    """The first sheet printed or saved with no organisation asks for it, once a session."""
    global _asked
    if _asked or store_db.is_read_only() or ledger_info.organisation():
        return
    _asked = True
    LedgerInfoDialog(
        parent,
        LedgerInfoDialog.tr(
            "This ledger does not yet name its organisation. Every sheet prints it at the "
            "top; enter it once here."
        ),
    ).exec()
