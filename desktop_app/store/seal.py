"""The change log's length and head, kept in the file header as well.

Deleting, adding or rewriting rows of audit_entry cannot reach SQLite's
header fields user_version and application_id, so `audit verify` compares
the table with them: trimming the newest entries, or all of them, no longer
verifies as an intact chain. Backups copy the header with the rest of the file.
"""

from __future__ import annotations

import peewee as pw

from desktop_app.store import models as m
from desktop_app.store.db import database_proxy

GENESIS = "0" * 64  # the head of an empty chain


def _sqlite() -> pw.Database | None:
    db = database_proxy.obj
    return db if isinstance(db, pw.SqliteDatabase) else None  # a server keeps it elsewhere


def newest_hash() -> str:
    """The hash of the newest entry in the table: the chain's head."""
    last = m.AuditEntry.select(m.AuditEntry.hash).order_by(m.AuditEntry.id.desc()).first()
    return last.hash if last else GENESIS


def table_head() -> tuple[int, str]:
    """(entries, newest hash) as the table holds them."""
    return m.AuditEntry.select().count(), newest_hash()


def write(count: int, head: str) -> None:
    db = _sqlite()
    if db is None:
        return
    db.execute_sql(f"PRAGMA user_version = {int(count) & 0x7FFFFFFF}")
    db.execute_sql(f"PRAGMA application_id = {int(head[:7], 16)}")


def read() -> tuple[int, int] | None:
    """(entries, the head's first 28 bits) as sealed; None when nothing is."""
    db = _sqlite()
    if db is None:
        return _read_on_server()
    count = db.execute_sql("PRAGMA user_version").fetchone()[0]
    head = db.execute_sql("PRAGMA application_id").fetchone()[0]
    return int(count), int(head)


def _read_on_server() -> tuple[int, int] | None:
    # A server keeps the seal in its table audit_seal, which a trigger
    # advances with every entry appended (server/schema.py).
    from desktop_app.server import schema

    db = database_proxy.obj
    if db is None or not db.table_exists("audit_seal"):
        return None
    sealed = schema.read_seal(db)
    return (sealed[0], int(sealed[1][:7], 16)) if sealed else None


def advance(added: int, head: str) -> None:
    """After `added` entries were appended in this transaction, ending at head."""
    if _sqlite() is None:
        return  # the server's trigger has advanced it already
    sealed = read()
    if sealed is not None:
        write(sealed[0] + added, head)


def seal_from_table() -> None:
    """Seal the chain as the table holds it now: a new ledger, or an older file."""
    write(*table_head())


def mismatch() -> str | None:
    """How the table differs from its seal, or None."""
    sealed = read()
    if sealed is None:
        return None
    count, head = table_head()
    if count != sealed[0]:
        return f"the file records {sealed[0]} entries, the table holds {count}"
    if int(head[:7], 16) != sealed[1]:
        return "the newest entry is not the one the file records"
    return None
