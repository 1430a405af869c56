"""`audit verify` and the change-log page's Verify, in one place.

Four checks, read in one snapshot (a copy saving meanwhile cannot make a
consistent ledger look tampered with):
1. the hash chain: every entry fits the one before (audit.verify);
2. the seal: the chain's length and head as the file header keeps them (seal);
3. the backups: the chain as each backup made since the last restore ended
   must still be the start of this one; rewriting an old entry and recomputing
   every hash after it (and the header) cannot reach copies made before;
4. the records: replaying each record's history gives its current values (replay).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.records import audit, replay
from desktop_app.store import models as m
from desktop_app.store import seal
from desktop_app.store.db import database_proxy, sqlite3_read_only

Progress = Callable[[int, int], None]


@dataclass
class BackupDiffers:
    backup: Path
    made_at: str
    position: int  # the entry (1-based, in order) where the two chains part


@dataclass
class Verdict:
    entries: int = 0
    broken_entry: int | None = None
    broken_text: str = ""
    cut: str | None = None
    backups_checked: int = 0
    backup_differs: list[BackupDiffers] = field(default_factory=list)
    mismatches: list[replay.Mismatch] = field(default_factory=list)
    mismatch_count: int = 0

    @property
    def intact(self) -> bool:
        return (
            self.broken_entry is None
            and self.cut is None
            and not self.backup_differs
            and not self.mismatch_count
        )


def _backup_head(path: Path) -> tuple[int, str] | None:
    """(entries, hash of the newest) of a backup's chain; None when it has none."""
    try:
        con = sqlite3_read_only(path)
    except sqlite3.Error:
        return None
    try:
        row = con.execute(
            "SELECT COUNT(*), (SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1) "
            "FROM audit_entry"
        ).fetchone()
    except sqlite3.Error:
        return None  # older than the change log, or not a ledger
    finally:
        con.close()
    return (int(row[0]), str(row[1])) if row and row[0] else None


def compare_backups(db_path: Path) -> tuple[int, list[BackupDiffers]]:
    """(backups compared, those whose chain is not the start of the ledger's)."""
    from desktop_app.safety.backup import list_backups

    backups = list_backups(db_path)
    # A restore puts an older state back: the backups made between that state
    # and the restore belong to the abandoned line and differ rightly. Compare
    # only those made after the newest restore ("pre-restore" marks it).
    restores = [b.made_at for b in backups if b.reason == "pre-restore"]
    since = max(restores) if restores else None
    checked = 0
    differs = []
    for b in backups:
        if b.reason == "pre-restore" or (since is not None and b.made_at <= since):
            continue
        head = _backup_head(b.path)
        if head is None:
            continue
        checked += 1
        count, newest = head
        ours = (
            m.AuditEntry.select(m.AuditEntry.hash)
            .order_by(m.AuditEntry.id)
            .offset(count - 1)
            .limit(1)
            .scalar()
        )
        if ours != newest:
            differs.append(BackupDiffers(b.path, b.made_at.isoformat(sep=" "), count))
    return checked, differs


def verify_ledger(
    db_path: Path | None, limit: int = 20, progress: Progress | None = None
) -> Verdict:
    """Every check on the open ledger (db_path: where its backups are)."""
    verdict = Verdict()
    with database_proxy.atomic():  # one snapshot for all four checks
        verdict.entries = m.AuditEntry.select().count()
        verdict.broken_entry = audit.verify()
        if verdict.broken_entry is not None:
            verdict.broken_text = audit.describe_entry(verdict.broken_entry)
            return verdict
        verdict.cut = seal.mismatch()
        if verdict.cut is not None:
            return verdict
        if db_path is not None:
            verdict.backups_checked, verdict.backup_differs = compare_backups(Path(db_path))
        verdict.mismatches, verdict.mismatch_count = replay.mismatches(limit, progress)
    return verdict
