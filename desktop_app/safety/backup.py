"""Backups with SQLite's online backup API, fsynced and verified.

Why not VACUUM INTO or a file copy: VACUUM INTO does not fsync, and copying a
WAL-mode file while it is open can miss committed pages.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_file(db_path: Path, dest: Path) -> Path:
    """Copy db_path to dest consistently, fsync it and check it opens clean."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    src = sqlite3.connect(str(db_path))
    try:
        out = sqlite3.connect(str(tmp))
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    check = sqlite3.connect(str(tmp))
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        tmp.unlink(missing_ok=True)
        raise OSError(f"backup failed its integrity check: {result}")
    os.replace(tmp, dest)
    return dest


def backup_before(db_path: Path, reason: str) -> Path:
    """A timestamped backup beside the database, named for why it was made."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = backup_dir_for(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    return backup_file(db_path, dest)
