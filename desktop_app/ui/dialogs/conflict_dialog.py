"""Saved meanwhile on another PC: both versions side by side, field by field.

The user merges (each field one side changed is taken from that side; a
field both changed is chosen in its row), keeps theirs (the form takes their
values, nothing is saved) or keeps mine (the form's values are saved over theirs).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.records import conflicts
from desktop_app.records.specs import RecordSpec
from desktop_app.ui.geometry import remember_geometry

MERGE, KEEP_THEIRS, KEEP_MINE = "merge", "theirs", "mine"


def _label(text: str) -> str:
    return QCoreApplication.translate("Field", text)


class ConflictDialog(QDialog):
    def __init__(
        self,
        spec: RecordSpec,
        comparison: conflicts.Comparison,
        changed_by: str,
        changed_at: str,
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Saved meanwhile on another PC"))
        self.comparison = comparison
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        who = changed_by or self.tr("someone")
        intro = QLabel(
            self.tr(
                "%1 saved this record at %2, after you opened it. Nothing of yours is saved "
                "yet. Fields only one of you changed are taken from that side; choose where "
                "you both changed the same field."
            )
            .replace("%1", who)
            .replace("%2", changed_at)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        headers = [
            self.tr("Field"),
            self.tr("When you opened it"),
            self.tr("Saved by %1").replace("%1", who),
            self.tr("Yours"),
            self.tr("Merge takes"),
        ]
        self.table = QTableWidget(len(comparison.fields), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.combos: dict[str, QComboBox] = {}
        for row, change in enumerate(comparison.fields):
            for col, text in enumerate(
                (_label(change.label), change.base, change.theirs, change.mine)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if change.conflict and col in (2, 3):
                    item.setBackground(Qt.GlobalColor.yellow)
                self.table.setItem(row, col, item)
            if change.conflict:
                combo = QComboBox()
                combo.addItem(self.tr("Theirs"), conflicts.THEIRS)
                combo.addItem(self.tr("Yours"), conflicts.MINE)
                combo.setCurrentIndex(1)
                combo.setAccessibleName(_label(change.label))
                self.table.setCellWidget(row, 4, combo)
                self.combos[change.name] = combo
            else:
                side = self.tr("Yours") if change.take == conflicts.MINE else self.tr("Theirs")
                self.table.setItem(row, 4, QTableWidgetItem(side))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((110, 170, 170, 170, 100)):
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.merge_button = QPushButton(self.tr("Save merged"))
        self.mine_button = QPushButton(self.tr("Keep mine"))
        self.theirs_button = QPushButton(self.tr("Keep theirs"))
        for button, role, choice in (
            (self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole, MERGE),
            (self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole, KEEP_MINE),
            (self.theirs_button, QDialogButtonBox.ButtonRole.AcceptRole, KEEP_THEIRS),
        ):
            buttons.addButton(button, role)
            button.clicked.connect(lambda _c=False, x=choice: self._choose(x))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.merge_button.setDefault(True)
        self.merge_button.setToolTip(
            self.tr("Save their changes and yours together, as chosen in the last column")
        )
        self.mine_button.setToolTip(self.tr("Save what is in your form over their save"))
        self.theirs_button.setToolTip(
            self.tr("Show their save in the form and drop your changes (nothing is saved)")
        )
        layout.addWidget(buttons)
        self.resize(820, 420)
        remember_geometry(self, "conflict_dialog")

    def _choose(self, choice: str) -> None:
        self.choice = choice
        for change in self.comparison.fields:
            combo = self.combos.get(change.name)
            if combo is not None:
                change.take = combo.currentData()
        self.accept()
