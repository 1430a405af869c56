"""Backups with SQLite's online backup API, fsynced and verified.

Why not VACUUM INTO or a file copy: VACUUM INTO does not fsync, and copying a
WAL-mode file while it is open can miss committed pages.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop_app.safety import integrity
from desktop_app.store.db import home_of, is_server, sqlite3_read_only


def backup_dir_for(db_path: Path | str) -> Path:
    return home_of(db_path).parent / "backups"


class BackupCheckFailed(OSError):
    """The copy failed SQLite's integrity check: the ledger it came from is damaged."""

    def __init__(self, problems: list[str]):
        super().__init__(f"backup failed its integrity check: {problems[0]}")
        self.problems = problems


def backup_file(db_path: Path | str, dest: Path) -> Path:
    """Copy db_path to dest consistently, fsync it and check it opens clean.
    A server ledger (its URL) is written as a SQLite file (see server/transfer)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if is_server(db_path):
        return _server_backup(str(db_path), dest)
    tmp = dest.with_suffix(dest.suffix + ".part")
    try:  # a folder that cannot be written is said so, not blamed on the ledger
        with open(tmp, "wb"):
            pass
    except OSError as exc:
        raise OSError(f"cannot write the backup to {dest.parent}: {exc.strerror or exc}") from exc
    try:
        # Read-only: closing a read-write connection checkpoints the -wal, and a
        # damaged one would lose the saves behind the damage before the next
        # open could keep it aside (safety/wal.py).
        src = sqlite3_read_only(db_path)
    except sqlite3.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise OSError(f"{db_path} cannot be read: {exc}") from exc
    try:
        out = sqlite3.connect(str(tmp))
        try:
            src.backup(out)
            # One self-contained file: a WAL-mode copy grows -wal/-shm files
            # whenever it is read (restore list, checks), and pruning left them.
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    except sqlite3.DatabaseError as exc:
        # A damaged or foreign file: callers handle OSError, and no .part stays behind.
        tmp.unlink(missing_ok=True)
        raise OSError(f"{db_path} cannot be read: {exc}") from exc
    finally:
        src.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    check = sqlite3.connect(str(tmp))
    try:
        result = [row[0] for row in check.execute("PRAGMA integrity_check").fetchall()]
    finally:
        check.close()
    if result != ["ok"]:
        tmp.unlink(missing_ok=True)
        raise BackupCheckFailed(result)
    os.replace(tmp, dest)
    return dest


def _server_backup(url: str, dest: Path) -> Path:
    from desktop_app.server import transfer

    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        transfer.download(url, tmp)
    except transfer.TransferError as exc:
        raise OSError(f"backup of {url} failed: {exc}") from exc
    problems = integrity.check_file(tmp, full=True)
    if problems:
        tmp.unlink(missing_ok=True)
        raise BackupCheckFailed(problems)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    files = tmp.with_name(f"{tmp.stem}-files")
    if files.is_dir():
        os.replace(files, dest.with_name(f"{dest.stem}-files"))
    return dest


def backup_before(db_path: Path | str, reason: str) -> Path:
    """A timestamped backup beside the database, named for why it was made."""
    now = dt.datetime.now()
    folder = backup_dir_for(db_path)
    stem = home_of(db_path).stem
    dest = folder / f"{stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite"
    while dest.exists():  # two backups in one second: step the stamp on
        now += dt.timedelta(seconds=1)
        dest = folder / f"{stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite"
    return backup_file(db_path, dest)


# ---------------------------------------------------------------- rotation

# What follows the ledger's stem in a backup's name. Matched against the whole
# rest of the name: "ledger-2023.sqlite"'s backups also start with "ledger-",
# and must not be listed (and pruned) as backups of "ledger.sqlite".
_NAME = re.compile(r"-(\d{8})-(\d{6})-([a-z-]+)\.sqlite")
COUNTED_TABLES = (
    "institution",
    "activity",
    "agreement",
    "base",
    "project",
    "talent",
    "achievement",
    "meeting",
    "task",
    "unit",
)


@dataclass
class BackupInfo:
    path: Path
    made_at: dt.datetime
    reason: str
    size: int

    def record_counts(self) -> dict[str, int]:
        """Rows per record table, read from the backup without changing it."""
        con = sqlite3_read_only(self.path)
        try:
            out = {}
            for table in COUNTED_TABLES:
                try:
                    out[table] = con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
                except sqlite3.Error:
                    out[table] = 0
            return out
        finally:
            con.close()


def list_backups(db_path: Path | str) -> list[BackupInfo]:
    """This ledger's backups, newest first."""
    folder = backup_dir_for(db_path)
    db_path = home_of(db_path)
    out = []
    if folder.is_dir():
        for p in folder.glob(f"{db_path.stem}-*.sqlite"):
            m = _NAME.fullmatch(p.name[len(db_path.stem) :])
            if not m:
                continue
            made = dt.datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S")
            out.append(BackupInfo(p, made, m[3], p.stat().st_size))
    return sorted(out, key=lambda b: b.made_at, reverse=True)


# A backup in progress is written as NAME.sqlite.part (SQLite adds
# NAME.sqlite.part-journal while it writes). One left older than this was cut
# short by a kill or a power cut: no backup of a county ledger takes this long.
STALE_PART_AGE = dt.timedelta(minutes=10)


def remove_stale_parts(db_path: Path | str, now: dt.datetime | None = None) -> list[Path]:
    """Delete this ledger's unfinished backups left by a killed backup."""
    folder = backup_dir_for(db_path)
    db_path = home_of(db_path)
    if not folder.is_dir():
        return []
    cutoff = ((now or dt.datetime.now()) - STALE_PART_AGE).timestamp()
    removed = []
    for pattern in ("*.sqlite.part", "*.sqlite.part-journal", "*.sqlite.part-wal"):
        for p in folder.glob(f"{db_path.stem}-{pattern}"):
            stem = p.name[len(db_path.stem) :].split(".sqlite.part", 1)[0] + ".sqlite"
            if not _NAME.fullmatch(stem):
                continue  # another ledger whose name starts like this one's
            try:
                if p.stat().st_mtime < cutoff:
                    p.unlink()
                    removed.append(p)
            except OSError:
                continue
    return removed


def daily_backup(
    db_path: Path, today: dt.date | None = None, keep: tuple[int, int, int] = (7, 4, 12)
) -> Path | None:
    """Back up on open, at most once a day; then thin out old backups
    (keep = how many daily, weekly and monthly ones stay). Unfinished backups
    a kill left behind are removed first."""
    remove_stale_parts(db_path)
    today = today or dt.date.today()
    if any(b.made_at.date() == today for b in list_backups(db_path)):
        return None
    made = backup_before(db_path, "daily")
    prune(db_path, *keep)
    return made


def prune(db_path: Path, daily: int = 7, weekly: int = 4, monthly: int = 12) -> list[Path]:
    """Keep the newest backup of each of the last `daily` days, `weekly` ISO
    weeks and `monthly` months; delete the rest. Returns what was deleted."""
    keep: set[Path] = set()
    seen_days, seen_weeks, seen_months = [], [], []
    for b in list_backups(db_path):  # newest first
        day = b.made_at.date()
        week = day.isocalendar()[:2]
        month = (day.year, day.month)
        if day not in seen_days and len(seen_days) < daily:
            seen_days.append(day)
            keep.add(b.path)
        if week not in seen_weeks and len(seen_weeks) < weekly:
            seen_weeks.append(week)
            keep.add(b.path)
        if month not in seen_months and len(seen_months) < monthly:
            seen_months.append(month)
            keep.add(b.path)
    removed = []
    for b in list_backups(db_path):
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def restore_file(backup: Path, db_path: Path) -> Path | None:
    """Replace db_path's contents with backup's, after backing up db_path.

    The caller closes its own connection first. Returns the safety backup made
    (or where a damaged db_path was moved), None when there was no file.
    """
    problems = integrity.check_file(Path(backup), full=True)  # also: not a ledger at all
    if problems:
        raise OSError(f"the backup is damaged: {problems[0]}")
    safety = None
    if Path(db_path).exists():
        # A damaged ledger (the usual reason to restore) cannot be backed up:
        # keep it aside as *.damaged, as opening it in the program does.
        if integrity.check_file(Path(db_path)):
            safety = integrity.quarantine(Path(db_path))
        else:
            safety = backup_before(db_path, "pre-restore")
    src = sqlite3_read_only(backup)  # a backup on a write-protected USB stick or CD
    try:
        dest = sqlite3.connect(str(db_path))
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    return safety
