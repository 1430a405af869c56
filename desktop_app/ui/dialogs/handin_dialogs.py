"""The hand-in dialogs: set up a unit's copy (office), make a package (unit),
and the preview of a received package with a choice per conflict (office)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings
from desktop_app.handin import incoming, package, portable, roles
from desktop_app.records import service
from desktop_app.records.specs import CHILDREN, FK, LINKS, spec_for
from desktop_app.store import models as m


class _PathRow(QWidget):
    """A file name with a 浏览… button that asks where to save it."""

    def __init__(self, parent: QWidget, title: str, suggested: Path, pattern: str):
        super().__init__(parent)
        self.title, self.pattern = title, pattern
        self.edit = QLineEdit(str(suggested), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(browse)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.title, self.edit.text(), self.pattern)
        if path:
            self.edit.setText(path)

    def path(self) -> Path:
        return Path(self.edit.text().strip())


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SetupDialog(QDialog):
    """文件 › 为单位建立台账… (update=False) and 生成单位更新包… (update=True):
    which unit, and where to write its ledger or its update."""

    def __init__(self, parent: QWidget, folder: Path, update: bool = False):
        super().__init__(parent)
        if update:
            self.setWindowTitle(self.tr("Make update for a unit"))
            text = self.tr(
                "Makes the update for one unit's ledger: what changed at the office since the "
                "last update (units, institutions, category words, the unit's hand-ins and "
                "assessment, corrections to its records). The unit receives it with File › "
                "Receive update from the office…."
            )
            units = [
                name
                for name, uid in m.Unit.select(m.Unit.name, m.Unit.uid)
                .order_by(m.Unit.sort_key)
                .tuples()
                if roles.get(roles.KEY_OF + (uid or ""))
            ]
            pattern, ok = self.tr("Update packages (*.cledger)"), self.tr("Make the update")
        else:
            self.setWindowTitle(self.tr("Set up a unit's ledger"))
            text = self.tr(
                "Makes a ledger file for one unit: the shared lists (units, institutions, "
                "category words) and the unit's own records. Give the file to the unit; it opens "
                "it with this program on its own PC, keeps its records there and hands them in "
                "with File › Make hand-in package…."
            )
            units = [n for (n,) in m.Unit.select(m.Unit.name).order_by(m.Unit.sort_key).tuples()]
            pattern, ok = self.tr("Ledger files (*.sqlite)"), self.tr("Make the unit's ledger")
        self.setMinimumWidth(560)
        note = QLabel(text, self)
        note.setWordWrap(True)
        self.unit = QComboBox(self)
        self.unit.addItems(units)
        self.target = _PathRow(self, self.windowTitle(), folder / "unit.sqlite", pattern)

        def suggest(name: str) -> None:
            stem = f"{name}更新包{package.SUFFIX}" if update else f"{name}台账.sqlite"
            self.target.edit.setText(str(folder / stem))

        self.unit.currentTextChanged.connect(suggest)
        suggest(self.unit.currentText())
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Save as"), self.target)
        form.addRow(_buttons(self, ok))


def quarter_names(today: dt.date) -> list[str]:
    """This quarter and the three before it, newest first (2023年第三季度 …)."""
    names = []
    year, quarter = today.year, (today.month - 1) // 3 + 1
    for _ in range(4):
        names.append(f"{year}年第{'一二三四'[quarter - 1]}季度")
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return names


class ExportDialog(QDialog):
    """文件 › 生成报送包…: the period, who sends it, where to write it."""

    def __init__(self, parent: QWidget, folder: Path, unit_name: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make hand-in package"))
        self.setMinimumWidth(560)
        note = QLabel(
            self.tr(
                "The package holds every record of %1 added, changed or deleted since the last "
                "package, with their attachments. Send it to the talent office by e-mail or on a "
                "USB stick; it is signed, so any change to it on the way is found."
            ).replace("%1", unit_name),
            self,
        )
        note.setWordWrap(True)
        self.period = QComboBox(self)
        self.period.setEditable(True)
        self.period.addItems(quarter_names(dt.date.today()))
        # The quarter just ended is the one usually handed in.
        self.period.setCurrentIndex(1)
        self.sender = QLineEdit(settings.operator_name(), self)
        self.target = _PathRow(
            self,
            self.windowTitle(),
            folder / f"{unit_name}报送包{package.SUFFIX}",
            self.tr("Hand-in packages (*.cledger)"),
        )
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Sent by"), self.sender)
        form.addRow(self.tr("Save as"), self.target)
        form.addRow(_buttons(self, self.tr("Make the package")))


def _kind_label(kind: str) -> str:
    return {
        "new": QCoreApplication.translate("Handin", "new"),
        "changed": QCoreApplication.translate("Handin", "changed"),
        "deleted": QCoreApplication.translate("Handin", "deleted"),
    }[kind]


def _conflict_label(conflict: str) -> str:
    return {
        "fields": QCoreApplication.translate("Handin", "changed on both sides"),
        "deleted here": QCoreApplication.translate("Handin", "deleted here, changed by the sender"),
        "changed here": QCoreApplication.translate("Handin", "changed here, deleted by the sender"),
    }.get(conflict, "")


def shown(spec_key: str, name: str, value: Any, uids: portable.Uids) -> str:
    """A travelling value as a person reads it (linked records by name)."""
    f = spec_for(spec_key).field(name)
    if value in (None, "", []):
        return ""
    if f.kind in (FK, LINKS):
        ids = [uids.id(f.target, u) for u in (value if f.kind == LINKS else [value])]
        names = service.names_of(f.target, [i for i in ids if i])
        return "、".join(
            names.get(i, "") if i else QCoreApplication.translate("Handin", "(new)") for i in ids
        )
    if f.kind == CHILDREN:
        return "；".join(f"{d or ''} {t}".strip() for d, t in value)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


class ReceiveDialog(QDialog):
    """文件 › 接收报送包…: what the package brings, and whose value to keep
    where both sides changed the same thing."""

    def __init__(self, parent: QWidget, seen: incoming.Inspection):
        super().__init__(parent)
        self.seen = seen
        self.setWindowTitle(self.tr("Receive hand-in package"))
        self.resize(980, 560)
        man = seen.manifest
        counts = {
            k: sum(1 for c in seen.changes if c.kind == k) for k in ("new", "changed", "deleted")
        }
        if man.get("kind") == "update":
            self.setWindowTitle(self.tr("Receive update from the office"))
            template = self.tr(
                "<b>Update from the talent office</b> for %1%2, no. %3, sent by %4 at %5.<br>"
                "%6 new, %7 changed, %8 deleted; %9 conflict(s) with changes made here."
            )
        else:
            template = self.tr(
                "<b>%1</b>, %2, package no. %3, sent by %4 at %5.<br>"
                "%6 new, %7 changed, %8 deleted; %9 conflict(s)."
            )
        head = QLabel(
            template.replace("%1", seen.unit_name)
            .replace("%2", seen.period)
            .replace("%3", str(man.get("seq")))
            .replace("%4", str(man.get("sender") or "?"))
            .replace("%5", package.made_at(man))
            .replace("%6", str(counts["new"]))
            .replace("%7", str(counts["changed"]))
            .replace("%8", str(counts["deleted"]))
            .replace("%9", str(len(seen.conflicts))),
            self,
        )
        head.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Type"),
                self.tr("Record"),
                self.tr("Change"),
                self.tr("Field"),
                self.tr("Here now"),
                self.tr("Sent"),
                self.tr("Keep"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.choices: dict[tuple[str, str], QComboBox] = {}
        uids = portable.Uids()
        for change in seen.changes:
            self._add(change, uids)
        self.table.resizeColumnsToContents()
        for column, most in ((1, 260), (4, 200), (5, 200)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
        # The record's name takes the room the window has to spare.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        all_theirs = QPushButton(self.tr("Keep the sender's values in all conflicts"), self)
        all_ours = QPushButton(self.tr("Keep this ledger's values in all conflicts"), self)
        all_theirs.clicked.connect(lambda: self._all(0))
        all_ours.clicked.connect(lambda: self._all(1))
        for b in (all_theirs, all_ours):
            b.setEnabled(bool(self.choices))
        buttons = _buttons(self, self.tr("Merge into the ledger"))
        row = QHBoxLayout()
        row.addWidget(all_theirs)
        row.addWidget(all_ours)
        row.addStretch(1)
        row.addWidget(buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.table, 1)
        note = QLabel(
            self.tr(
                "The ledger is backed up first, and the merge is one step: all of it is written, "
                "or none. Each change is recorded in the change log as made by the sender."
            ),
            self,
        )
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addLayout(row)

    def _add(self, change: incoming.Change, uids: portable.Uids) -> None:
        kind = QCoreApplication.translate("Record", change.spec.label)
        lines = change.fields or [None]
        for fc in lines:
            r = self.table.rowCount()
            self.table.insertRow(r)
            what = _kind_label(change.kind)
            if change.conflict and (fc is None or fc.conflict):
                what += " · " + _conflict_label(change.conflict)
            cells = [kind, change.title, what, "", "", ""]
            if fc is not None and fc.name == incoming.ATTACHMENTS:
                cells[3] = self.tr("Attachments")
                cells[4] = "、".join(name for _, name in fc.ours or [])
                cells[5] = "、".join(name for _, name in fc.theirs or [])
            elif fc is not None:
                label = change.spec.field(fc.name).label
                cells[3] = QCoreApplication.translate("Field", label)
                cells[4] = shown(change.spec.key, fc.name, fc.ours, uids)
                cells[5] = shown(change.spec.key, fc.name, fc.theirs, uids)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if change.conflict and (fc is None or fc.conflict):
                    item.setBackground(Qt.GlobalColor.yellow)
                self.table.setItem(r, c, item)
            if change.conflict and (fc is None or fc.conflict):
                pick = QComboBox(self.table)
                pick.addItems([self.tr("the sender's"), self.tr("this ledger's")])
                self.table.setCellWidget(r, 6, pick)
                self.choices[(change.uid, fc.name if fc else "")] = pick

    def _all(self, index: int) -> None:
        for pick in self.choices.values():
            pick.setCurrentIndex(index)

    def chosen(self) -> dict[tuple[str, str], str]:
        return {
            key: (incoming.THEIRS if pick.currentIndex() == 0 else incoming.OURS)
            for key, pick in self.choices.items()
        }
