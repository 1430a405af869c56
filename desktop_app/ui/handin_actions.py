"""The hand-in as the user meets it: File › 为单位建立台账… and 接收报送包… at
the office, File › 生成报送包… on a unit's copy (see handin/ for the work)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.handin import incoming, outgoing, package, periods, roles, setup, updates
from desktop_app.store import db as store_db
from desktop_app.ui import ledger_actions
from desktop_app.ui.dialogs.handin_dialogs import ExportDialog, ReceiveDialog, SetupDialog


def _say(parent: QWidget, title: str, text: str, warn: bool = False) -> None:
    (QMessageBox.warning if warn else QMessageBox.information)(parent, title, text)


def _refused(parent: QWidget, title: str, exc: incoming.Refused | package.BadPackage) -> None:
    _say(
        parent,
        title,
        QCoreApplication.translate("Handin", "Refused; nothing was written.")
        + "\n\n"
        + exc.message.text(QCoreApplication.translate),
        True,
    )


def _new_file(parent: QWidget, title: str, out: Path) -> Path | None:
    """out when a new file can be written there; else says why and None."""
    if out.exists():
        text = QCoreApplication.translate("Handin", "%1 already exists; choose a new file name.")
        _say(parent, title, text.replace("%1", str(out)), True)
        return None
    if not out.parent.is_dir():
        text = QCoreApplication.translate("Handin", "The folder %1 does not exist.")
        _say(parent, title, text.replace("%1", str(out.parent)), True)
        return None
    return out


def _choose_package(parent: QWidget, title: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        title,
        str((store_db.current_path() or Path.home()).parent),
        QCoreApplication.translate("Handin", "Hand-in packages (*.cledger);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def set_up_unit_copy(parent: QWidget) -> bool:
    """Returns True when a copy was made (the office ledger was reopened)."""
    title = QCoreApplication.translate("Handin", "Set up a unit's ledger")
    if ledger_actions.refuse_if_read_only(parent):
        return False
    if roles.unit_copy() is not None:
        _say(
            parent,
            title,
            QCoreApplication.translate(
                "Handin", "This is a unit's copy: units' ledgers are set up at the office."
            ),
        )
        return False
    folder = (store_db.current_path() or Path.home()).parent
    dialog = SetupDialog(parent, folder)
    if not dialog.unit.count():
        _say(
            parent,
            title,
            QCoreApplication.translate(
                "Handin", "The ledger has no units yet. Add the units first."
            ),
        )
        return False
    if not dialog.exec():
        return False
    out = _new_file(parent, title, dialog.target.path())
    if out is None:
        return False
    made = setup.make_unit_copy(dialog.unit.currentText(), out)
    _say(
        parent,
        title,
        QCoreApplication.translate(
            "Handin",
            "The ledger of %1 is ready: %2\n\nIt holds %3 shared records and %4 of the unit's own. "
            "Give the file to the unit; on its PC it is opened with this program, and its records "
            "come back as hand-in packages (File › Receive hand-in package…).",
        )
        .replace("%1", made.unit)
        .replace("%2", str(made.path))
        .replace("%3", str(made.shared))
        .replace("%4", str(made.own)),
    )
    return True


def make_package(parent: QWidget) -> bool:
    title = QCoreApplication.translate("Handin", "Make hand-in package")
    if ledger_actions.refuse_if_read_only(parent):
        return False
    copy = roles.unit_copy()
    if copy is None:
        _say(
            parent,
            title,
            QCoreApplication.translate(
                "Handin",
                "Hand-in packages are made on a unit's copy of the ledger. The talent office "
                "makes one for each unit with File › Set up a unit's ledger….",
            ),
        )
        return False
    folder = (store_db.current_path() or Path.home()).parent
    dialog = ExportDialog(parent, folder, copy.unit_name)
    if not dialog.exec():
        return False
    period = periods.normalize(dialog.period.currentText())
    if period is None:
        _say(
            parent,
            title,
            QCoreApplication.translate(
                "Handin",
                "“%1” is no period: write it as 2023年第三季度, 2023Q3, 2023年7月 or 2023年度.",
            ).replace("%1", dialog.period.currentText()),
            True,
        )
        return False
    out = _new_file(parent, title, package.named(dialog.target.path()))
    if out is None:
        return False
    made = outgoing.make_package(period, out, dialog.sender.text().strip())
    _say(
        parent,
        title,
        QCoreApplication.translate(
            "Handin",
            "Package no. %1 for %2 is written: %3\n\n%4 new or changed records, %5 deleted, "
            "%6 attached files. Send the file to the talent office.",
        )
        .replace("%1", str(made.seq))
        .replace("%2", made.period)
        .replace("%3", str(made.path))
        .replace("%4", str(made.changed))
        .replace("%5", str(made.deleted))
        .replace("%6", str(made.files))
        + (
            "\n\n"
            + QCoreApplication.translate(
                "Handin", "These attached files are missing from the attachments folder: %1"
            ).replace("%1", "、".join(made.missing))
            if made.missing
            else ""
        ),
    )
    return True


def receive_package(parent: QWidget, path: Path | None = None) -> bool:
    """Returns True when records were merged."""
    title = QCoreApplication.translate("Handin", "Receive hand-in package")
    if ledger_actions.refuse_if_read_only(parent):
        return False
    path = path or _choose_package(parent, title)
    if path is None:
        return False
    try:
        seen = incoming.inspect(path)
    except (incoming.Refused, package.BadPackage) as exc:
        _refused(parent, title, exc)
        return False
    if seen.already is not None:
        _say(
            parent,
            title,
            QCoreApplication.translate(
                "Handin", "Package no. %1 from %2 was received on %3 already; nothing changed."
            )
            .replace("%1", str(seen.manifest.get("seq")))
            .replace("%2", seen.unit_name)
            .replace("%3", f"{seen.already.received_at:%Y-%m-%d %H:%M}"),
        )
        return False
    dialog = ReceiveDialog(parent, seen)
    if not dialog.exec():
        return False
    try:
        done = incoming.merge(seen, choices=dialog.chosen())
    except incoming.Refused as exc:
        _refused(parent, title, exc)
        return False
    _say(
        parent,
        title,
        QCoreApplication.translate(
            "Handin",
            "Merged: %1 new, %2 changed, %3 deleted, %4 kept as the office had them, %5 files. "
            "The hand-in of %6 for %7 is marked 已报送.\n\nBackup made first: %8",
        )
        .replace("%1", str(done.new))
        .replace("%2", str(done.changed))
        .replace("%3", str(done.deleted))
        .replace("%4", str(done.kept_ours))
        .replace("%5", str(done.files))
        .replace("%6", seen.unit_name)
        .replace("%7", seen.period)
        .replace("%8", str(done.backup)),
    )
    return True


def make_update(parent: QWidget) -> bool:
    """At the office: the update for one unit's ledger."""
    title = QCoreApplication.translate("Handin", "Make update for a unit")
    if roles.unit_copy() is not None:
        _say(
            parent,
            title,
            QCoreApplication.translate(
                "Handin", "This is a unit's copy: updates are made at the office."
            ),
        )
        return False
    folder = (store_db.current_path() or Path.home()).parent
    dialog = SetupDialog(parent, folder, update=True)
    if not dialog.unit.count():
        _say(
            parent,
            title,
            QCoreApplication.translate(
                "Handin",
                "No unit has its own ledger yet: set one up with File › Set up a unit's ledger….",
            ),
        )
        return False
    if not dialog.exec():
        return False
    out = _new_file(parent, title, package.named(dialog.target.path()))
    if out is None:
        return False
    made = updates.make_update(dialog.unit.currentText(), out)
    _say(
        parent,
        title,
        QCoreApplication.translate(
            "Handin",
            "Update no. %1 for %2 is written: %3\n\n%4 records. Send the file to the unit.",
        )
        .replace("%1", str(made.seq))
        .replace("%2", made.unit)
        .replace("%3", str(made.path))
        .replace("%4", str(made.records)),
    )
    return True


def receive_update(parent: QWidget, path: Path | None = None) -> bool:
    """On a unit's copy: an update from the office. True when records changed."""
    title = QCoreApplication.translate("Handin", "Receive update from the office")
    if ledger_actions.refuse_if_read_only(parent):
        return False
    path = path or _choose_package(parent, title)
    if path is None:
        return False
    try:
        seen = updates.inspect_update(path)
    except (incoming.Refused, package.BadPackage) as exc:
        _refused(parent, title, exc)
        return False
    if seen.already:
        _say(
            parent,
            title,
            QCoreApplication.translate(
                "Handin", "Update no. %1 was received already; nothing changed."
            ).replace("%1", str(seen.manifest.get("seq"))),
        )
        return False
    dialog = ReceiveDialog(parent, seen)
    if not dialog.exec():
        return False
    done = updates.merge_update(seen, choices=dialog.chosen())
    _say(
        parent,
        title,
        QCoreApplication.translate(
            "Handin",
            "Received: %1 new, %2 changed, %3 deleted, %4 kept as they were here.\n\n"
            "Backup made first: %5",
        )
        .replace("%1", str(done.new))
        .replace("%2", str(done.changed))
        .replace("%3", str(done.deleted))
        .replace("%4", str(done.kept_ours))
        .replace("%5", str(done.backup)),
    )
    return True
