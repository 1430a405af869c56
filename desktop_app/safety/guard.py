"""Opening a ledger safely: check it, lock it, back it up, then open it.

The GUI and the CLI both go through open_guarded(); what it cannot settle by
itself (a damaged file, a file someone else holds) it raises for the caller to
ask the user about.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.safety import backup, integrity
from desktop_app.safety.lock import FileLock, is_network_path
from desktop_app.safety.wal import WalDamage
from desktop_app.store import db as store_db
from desktop_app.store import opening
from desktop_app.store.opening import open_ledger

log = logging.getLogger(__name__)


class DamagedFile(Exception):
    def __init__(self, path: Path, problems: list[str]):
        super().__init__(f"{path}: {problems[:3]}")
        self.path = path
        self.problems = problems


@dataclass
class OpenedLedger:
    path: Path
    read_only: bool
    on_network: bool
    lock: FileLock | None = None
    notes: list[str] = field(default_factory=list)
    # Saves a damaged -wal held beyond the point SQLite could read (kept aside).
    wal_damage: WalDamage | None = None

    def close(self) -> None:
        store_db.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


EMPTY_FILE = "the file is empty (0 bytes)"
# Up to this size a ledger gets SQLite's full integrity_check when it opens
# (0.9 s for the 49 MB, 100,000-activity benchmark ledger; a county's few
# thousand records are 2-5 MB, 40-90 ms); above it the quick_check (0.09 s).
FULL_CHECK_MAX_BYTES = 16 * 1024 * 1024


def writable(path: Path) -> bool:
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return os.access(path.parent if path.parent.exists() else Path.home(), os.W_OK)


def open_guarded(
    path: Path,
    read_only: bool = False,
    daily_backup: bool = True,
    keep: tuple[int, int, int] = (7, 4, 12),
    progress: Callable[[int, int], None] | None = None,
) -> OpenedLedger:
    """Raises DamagedFile, lock.LockHeld, or what open_ledger raises.

    keep: how many daily, weekly and monthly backups the rotation keeps.
    progress: passed to open_ledger (an upgrade's progress).
    """
    path = Path(path)
    # First of all, before any connection: the first SQLite connection to a
    # ledger rebuilds its -shm, whose count of committed frames is what tells
    # a damaged last save from a torn write (safety/wal.py).
    wal_damage = opening.check_wal(path) if path.exists() and not read_only else None
    if path.exists():
        size = path.stat().st_size
        if size > 0:
            # The full check (indexes too) where it costs little; a larger file
            # gets it from the daily backup's check of its copy instead.
            problems = integrity.check_file(path, full=size <= FULL_CHECK_MAX_BYTES)
            if problems:
                raise DamagedFile(path, problems)
        elif newest_good_backup(path) is not None:
            # An empty file where a ledger with backups was: emptied by a
            # failed copy or a sync tool, not a new ledger. Opening it as new
            # would offer the sample data and hide the backups.
            raise DamagedFile(path, [EMPTY_FILE])
    read_only = read_only or not writable(path)
    lock = None
    if not read_only:
        lock = FileLock(path)
        lock.acquire()  # raises LockHeld
    try:
        existed = path.exists() and path.stat().st_size > 0
        open_ledger(path, read_only=read_only, wal_checked=True, progress=progress)
        opened = OpenedLedger(path, read_only, is_network_path(path), lock)
        opened.wal_damage = wal_damage
        if daily_backup and existed and not read_only:
            try:
                made = backup.daily_backup(path, keep=keep)
                if made:
                    opened.notes.append(str(made))
            except backup.BackupCheckFailed as exc:
                # The copy is page for page the ledger: the ledger is damaged.
                # Said now, with the last good backup offered, not only logged
                # while no new backup can be made.
                log.error("daily backup of %s failed its check: %s", path, exc)
                store_db.close()
                store_db.database_proxy.initialize(None)
                raise DamagedFile(path, exc.problems) from exc
            except OSError:
                log.exception("daily backup of %s failed", path)
        return opened
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def newest_good_backup(path: Path) -> backup.BackupInfo | None:
    for b in backup.list_backups(path):
        if not integrity.check_file(b.path):
            return b
    return None
