"""Tools > 设置操作人姓名: the name written beside every change this PC makes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app import settings


class OperatorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your name"))
        self.setMinimumWidth(480)
        note = QLabel(
            self.tr(
                "Written beside every change you make, in the change log and in each "
                "record's history. Until it is set, changes show “Not set”."
            ),
            self,
        )
        note.setWordWrap(True)
        self.name = QLineEdit(settings.operator_name(), self)
        self.name.setMaxLength(60)
        self.name.setPlaceholderText(self.tr("e.g. 王海江 (人才办)"))
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Name"), self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
