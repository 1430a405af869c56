"""Versioned schema: each step and its version bump run in one transaction.

A new database gets the current schema at once. An older file is backed up
(by the caller, before calling migrate) and brought forward step by step.
Steps use plain ALTER TABLE statements that SQLite and PostgreSQL both accept.
"""

from __future__ import annotations

from collections.abc import Callable

import peewee as pw

from desktop_app.store import models as m
from desktop_app.store import seal
from desktop_app.store.categories import seed_categories
from desktop_app.store.db import database_proxy


def _v2_talent_id_number(db: pw.Database) -> None:
    # Issue 4 imports rosters holding 18-digit ID numbers; they stay text.
    db.execute_sql("ALTER TABLE talent ADD COLUMN id_number VARCHAR(255) NOT NULL DEFAULT ''")


def _v3_audit_and_recycle_bin(db: pw.Database) -> None:
    # Change history (hash-chained) and the recycle bin (issue 5).
    db.create_tables([m.AuditEntry, m.DeletedRecord], safe=True)


def _v4_activity_sort_indexes(db: pw.Database) -> None:
    # Sorting 100,000 activities by an unindexed column scanned and sorted the
    # whole table (80-100 ms, bench/bench_table.py); with an index it reads
    # one page of entries (0.3 ms). Names as peewee gives them to index=True.
    for column in ("leader", "participants", "outcome_figures"):
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "activity_{column}" ON "activity" ("{column}")')


def _v5_seal_the_change_log(db: pw.Database) -> None:
    # The change log's length and head, kept in the file header too (issue 10).
    seal.seal_from_table()


# version reached -> step. Append only; never edit a step that has shipped.
STEPS: dict[int, Callable[[pw.Database], None]] = {
    2: _v2_talent_id_number,
    3: _v3_audit_and_recycle_bin,
    4: _v4_activity_sort_indexes,
    5: _v5_seal_the_change_log,
}
LATEST = max(STEPS) if STEPS else 1


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer version of the program."""


def schema_version() -> int | None:
    """The file's schema version, or None for a file that holds no ledger yet."""
    db = database_proxy.obj
    if not db.table_exists("schema_version"):
        return None
    value = m.SchemaVersion.select(pw.fn.MAX(m.SchemaVersion.version)).scalar()
    return int(value) if value is not None else None


def needs_migration() -> bool:
    v = schema_version()
    return v is not None and v < LATEST


def migrate() -> int:
    """Create or upgrade the schema; returns the version now in the file."""
    db = database_proxy.obj
    current = schema_version()
    if current is None:
        with db.atomic():
            db.create_tables(m.ALL_MODELS)
            seed_categories()
            m.SchemaVersion.create(version=LATEST)
            seal.seal_from_table()
        return LATEST
    if current > LATEST:
        raise SchemaTooNewError(f"schema version {current} is newer than {LATEST}")
    for version in sorted(v for v in STEPS if v > current):
        with db.atomic():
            STEPS[version](db)
            m.SchemaVersion.create(version=version)
    with db.atomic():
        # Tables added by later versions of the model list, and new seed lists.
        db.create_tables(m.ALL_MODELS, safe=True)
        seed_categories()
    return LATEST
