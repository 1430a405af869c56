"""The safety net as the user meets it: opening with checks and a lock,
backing up by hand, restoring a backup."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings
from desktop_app.records.specs import SPECS
from desktop_app.safety import backup, integrity
from desktop_app.safety.guard import DamagedFile, OpenedLedger, newest_good_backup, open_guarded
from desktop_app.safety.lock import FileLock, LockHeld
from desktop_app.store import db as store_db

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    return text


# Why a backup was made (the last part of its file name).
REASONS = {
    "daily": QT_TRANSLATE_NOOP("Safety", "daily"),
    "manual": QT_TRANSLATE_NOOP("Safety", "by hand"),
    "pre-migration": QT_TRANSLATE_NOOP("Safety", "before an upgrade"),
    "pre-import": QT_TRANSLATE_NOOP("Safety", "before an import"),
    "pre-restore": QT_TRANSLATE_NOOP("Safety", "before a restore"),
    "pre-purge": QT_TRANSLATE_NOOP("Safety", "before emptying the recycle bin"),
}
_current: OpenedLedger | None = None


def current() -> OpenedLedger | None:
    return _current


def close_current() -> None:
    global _current
    if _current is not None:
        _current.close()
        _current = None
    else:
        store_db.close()


def open_interactive(parent: QWidget | None, path: Path, read_only: bool = False) -> bool:
    """Open path with checks, lock and backup; ask the user what cannot be settled."""
    global _current
    close_current()
    try:
        keep = (
            settings.get_int("backups/keep_daily", 7),
            settings.get_int("backups/keep_weekly", 4),
            settings.get_int("backups/keep_monthly", 12),
        )
        upgrade = _UpgradeProgress(parent)
        try:
            _current = open_guarded(path, read_only=read_only, keep=keep, progress=upgrade)
        finally:
            upgrade.close()
    except LockHeld as exc:
        h = exc.holder
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Safety", "Ledger in use"))
        box.setText(
            QCoreApplication.translate(
                "Safety", "%1 is open in another copy of the program."
            ).replace("%1", str(path))
        )
        box.setInformativeText(
            QCoreApplication.translate("Safety", "Held by %1 on %2 since %3.")
            .replace("%1", h.user)
            .replace("%2", h.host)
            .replace("%3", h.since)
        )
        ro = box.addButton(
            QCoreApplication.translate("Safety", "Open read-only"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("Safety", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        if box.clickedButton() is ro:
            return open_interactive(parent, path, read_only=True)
        return False
    except DamagedFile as exc:
        return _offer_backup_for_damaged(parent, path, exc)
    if _current.wal_damage is not None:
        _tell_wal_damage(parent, _current.wal_damage)
    if _current.on_network:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Safety", "Network folder"),
            QCoreApplication.translate(
                "Safety",
                "%1 is on a network folder. SQLite files on shared folders can be damaged when "
                "two PCs write at once or the connection drops. Keep the ledger on this PC, or ask "
                "for the shared server edition.",
            ).replace("%1", str(path)),
        )
    return True


class _UpgradeProgress:
    """A progress dialog for the upgrade of an older ledger, shown only when
    one runs (writing the search index of a large ledger takes a while)."""

    def __init__(self, parent: QWidget | None):
        self.parent = parent
        self.dialog: QProgressDialog | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.dialog is None:
            self.dialog = QProgressDialog(
                QCoreApplication.translate(
                    "Safety", "Upgrading the ledger for this version: building the search index…"
                ),
                "",
                0,
                max(total, 1),
                self.parent,
            )
            self.dialog.setWindowTitle(QCoreApplication.translate("Safety", "Upgrading"))
            self.dialog.setCancelButton(None)  # a half-done upgrade is rolled back, not kept
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.dialog.setMinimumDuration(0)
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        QCoreApplication.processEvents()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def _tell_wal_damage(parent, damage) -> None:
    """Saves a damaged -wal held beyond the damage are not in the ledger; a copy
    of both files as they were is kept (see safety/wal.py)."""
    text = QCoreApplication.translate(
        "Safety",
        "The ledger's write-ahead log (%1) was damaged, probably when the PC lost power "
        "or the disk failed. The %2 saves it held before the damage are in the ledger; "
        "the %3 saves after it could not be read.",
    )
    text = (
        text.replace("%1", damage.wal.name)
        .replace("%2", str(damage.good_saves))
        .replace("%3", str(damage.lost_saves))
    )
    if damage.kept is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Safety",
            "The ledger and its damaged write-ahead log were kept as they were in %1. Check "
            "the latest records, and keep that folder for whoever can recover more from it.",
        ).replace("%1", str(damage.kept))
    QMessageBox.warning(
        parent, QCoreApplication.translate("Safety", "Damaged write-ahead log"), text
    )


def _offer_backup_for_damaged(parent, path: Path, exc: DamagedFile) -> bool:
    """Ask first; the damaged file is set aside only when a backup replaces it."""
    log.error("damaged ledger %s: %s", path, exc.problems[:5])
    good = newest_good_backup(path)
    text = QCoreApplication.translate("Safety", "%1 is damaged.").replace("%1", str(path))
    if good is None:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Safety", "Damaged ledger"),
            text + "\n\n" + QCoreApplication.translate("Safety", "No good backup was found."),
        )
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Safety", "Damaged ledger"),
        text
        + "\n\n"
        + QCoreApplication.translate(
            "Safety", "Restore the newest good backup, made %1? The damaged file is kept as %2."
        )
        .replace("%1", str(good.made_at))
        .replace("%2", path.name + ".damaged"),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    moved = integrity.quarantine(path)
    log.error("damaged ledger %s moved to %s", path, moved)
    backup.restore_file(good.path, path)
    return open_interactive(parent, path)


def back_up_now(parent: QWidget) -> Path | None:
    # A server ledger (its URL) is written as a SQLite copy (server/transfer.py).
    db_path = store_db.current_path() or store_db.current_url()
    target, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Safety", "Back up now"),
        str(Path.home() / f"{store_db.home_of(db_path).stem}-backup.sqlite"),
        QCoreApplication.translate("Safety", "Ledger files (*.sqlite)"),
    )
    if not target:
        return None
    try:
        made = backup.backup_file(db_path, Path(target))
    except OSError as exc:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Safety", "Back up now"),
            QCoreApplication.translate("Safety", "The backup failed: %1").replace("%1", str(exc)),
        )
        return None
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Safety", "Back up now"),
        QCoreApplication.translate("Safety", "Verified backup written to %1.").replace(
            "%1", str(made)
        ),
    )
    return made


class RestoreDialog(QDialog):
    """Backups with date, size and record counts; restore the chosen one."""

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Safety", "Restore a backup"))
        self.resize(760, 420)
        self.backups = backup.list_backups(db_path)
        self.table = QTableWidget(len(self.backups), 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Safety", "Made"),
                QCoreApplication.translate("Safety", "Why"),
                QCoreApplication.translate("Safety", "Size"),
                QCoreApplication.translate("Safety", "Records"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, b in enumerate(self.backups):
            counts = b.record_counts()
            cells = [
                str(b.made_at),
                QCoreApplication.translate("Safety", REASONS.get(b.reason, b.reason)),
                f"{b.size / 1024:.0f} KB",
                "  ".join(
                    f"{QCoreApplication.translate('Record', SPECS[k].label)} {v}"
                    for k, v in counts.items()
                    if v and k in SPECS
                ),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, col, item)
        self.table.setColumnWidth(0, 150)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Safety", "Restore")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Safety", "Cancel")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "Safety", "The current ledger is backed up before it is replaced."
                ),
                self,
            )
        )
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        if self.backups:
            self.table.selectRow(0)

    def chosen(self) -> backup.BackupInfo | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.backups[min(rows)] if rows else None


def restore_dialog(parent: QWidget, db_path: Path) -> bool:
    if store_db.is_read_only():
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Safety", "Restore a backup"),
            QCoreApplication.translate(
                "Safety",
                "This ledger is open read-only here; restore it from the copy that holds it.",
            ),
        )
        return False
    dialog = RestoreDialog(db_path, parent)
    if not dialog.backups:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Safety", "Restore a backup"),
            QCoreApplication.translate("Safety", "There are no backups of this ledger yet."),
        )
        return False
    if not dialog.exec() or dialog.chosen() is None:
        return False
    chosen = dialog.chosen()
    close_current()
    lock = FileLock(db_path)
    try:
        lock.acquire()  # nobody else may be writing while the file is replaced
    except LockHeld as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Safety", "Restore a backup"),
            QCoreApplication.translate(
                "Safety",
                "The ledger is open in another copy of the program (%1). Close it there first.",
            ).replace("%1", exc.holder.describe()),
        )
        open_interactive(parent, db_path, read_only=True)
        return False
    try:
        backup.restore_file(chosen.path, db_path)
    except OSError as exc:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Safety", "Restore a backup"),
            QCoreApplication.translate("Safety", "The restore failed: %1").replace("%1", str(exc)),
        )
        lock.release()
        open_interactive(parent, db_path)
        return False
    lock.release()
    return open_interactive(parent, db_path)
