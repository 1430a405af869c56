"""Change history: who changed what, when, from which value to which.

Entries are hash-chained. head_code() is a short code for the chain's head:
printed in the footer of every sheet, it ties a paper sheet to the ledger
state it came from. verify() finds the first entry that no longer fits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

import peewee as pw

from desktop_app.records.specs import CHILDREN, DATE, FK, LINKS, MULTICHOICE, RecordSpec, spec_for
from desktop_app.records.values import join_multi
from desktop_app.store import bulk, seal
from desktop_app.store import models as m
from desktop_app.store.db import current_operator

GENESIS = seal.GENESIS


def display_values(
    spec: RecordSpec, values: dict[str, Any], names: NameCache | None = None
) -> dict[str, str]:
    """A record's values as text a person reads in the history (names, not ids).

    names remembers the linked records' names across many calls (an import).
    """
    lookup = names.names if names is not None else _names
    out: dict[str, str] = {}
    for f in spec.fields:
        v = values.get(f.name)
        if f.kind == FK:
            out[f.name] = lookup(f.target, [v])[0] if v else ""
        elif f.kind == LINKS:
            out[f.name] = join_multi(lookup(f.target, list(v or [])))
        elif f.kind == MULTICHOICE:
            out[f.name] = join_multi(list(v or []))
        elif f.kind == CHILDREN:
            out[f.name] = "\n".join(f"{d.isoformat() if d else ''} {t}".strip() for d, t in v or [])
        elif f.kind == DATE:
            # A date column changed behind the program's back may hold any text.
            out[f.name] = v.isoformat() if hasattr(v, "isoformat") else (str(v) if v else "")
        else:
            out[f.name] = "" if v is None else str(v)
    return out


def _names(target: str, ids: list[int]) -> list[str]:
    spec = spec_for(target)
    title = getattr(spec.model, spec.title_field)
    rows = dict(spec.model.select(spec.model.id, title).where(spec.model.id.in_(ids)).tuples())
    return [rows.get(i, f"#{i}") for i in ids]


class NameCache:
    """Names of linked records, each looked up once (for many display_values calls)."""

    def __init__(self) -> None:
        self._known: dict[str, dict[int, str]] = {}

    def names(self, target: str, ids: list[int]) -> list[str]:
        known = self._known.setdefault(target, {})
        missing = [i for i in ids if i not in known]
        if missing:
            known.update(zip(missing, _names(target, missing), strict=True))
        return [known[i] for i in ids]


def _digest(prev: str, e: dict[str, Any]) -> str:
    body = json.dumps(
        [
            prev,
            e["at"],
            e["operator"],
            e["action"],
            e["record_type"],
            e["record_id"],
            e["title"],
            e["field"],
            e["old_value"],
            e["new_value"],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _head() -> str:
    return seal.newest_hash()


def record(
    action: str, spec: RecordSpec, record_id: int, title: str, changes: list[tuple[str, str, str]]
) -> None:
    """Append entries (field, old, new) for one operation; call inside the write transaction."""
    record_many([(action, spec, record_id, title, changes)])


def record_many(
    operations: Iterable[tuple[str, RecordSpec, int, str, list[tuple[str, str, str]]]],
) -> None:
    """record() for many operations (an import): one head lookup, batched inserts."""
    prev = _head()
    at = dt.datetime.now().replace(microsecond=0)
    operator = current_operator()
    at_text = at.isoformat(sep=" ")
    rows = []
    for action, spec, record_id, title, changes in operations:
        for field_name, old, new in changes or [("", "", "")]:
            e = {
                "at": at_text,
                "operator": operator,
                "action": action,
                "record_type": spec.key,
                "record_id": record_id,
                "title": title[:255],
                "field": field_name,
                "old_value": old,
                "new_value": new,
            }
            e["prev_hash"] = prev
            e["hash"] = prev = _digest(prev, e)
            e["at"] = at
            rows.append(e)
    bulk.insert_rows(m.AuditEntry, rows, want_ids=False)
    if rows:
        seal.advance(len(rows), prev)


def diff(old: dict[str, str], new: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(k, old.get(k, ""), v) for k, v in new.items() if old.get(k, "") != v]


def snapshot_text(values: dict[str, str]) -> str:
    return json.dumps({k: v for k, v in values.items() if v}, ensure_ascii=False)


# The entry's text columns, read as bytes: a row changed behind the program's
# back may hold invalid UTF-8, which Python's sqlite3 cannot even read as text.
_TEXT_COLUMNS = (
    "at",
    "operator",
    "action",
    "record_type",
    "title",
    "field",
    "old_value",
    "new_value",
    "prev_hash",
    "hash",
)


class _Unreadable(Exception):
    """A value the program could never have written there."""


def _text(raw: bytes | str | None) -> str | None:
    if raw is None or isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Unreadable from exc


def _raw_entries(where: str = "", params: tuple = ()):
    table = m.AuditEntry._meta.table_name
    db = m.AuditEntry._meta.database
    # PostgreSQL holds valid UTF-8 only: its text is read as text.
    kind = "BLOB" if isinstance(getattr(db, "obj", db), pw.SqliteDatabase) else "TEXT"
    cols = ", ".join(f'CAST("{c}" AS {kind})' for c in _TEXT_COLUMNS)
    sql = f'SELECT id, record_id, {cols} FROM "{table}" {where} ORDER BY id'
    return m.AuditEntry._meta.database.execute_sql(sql, params)


def verify() -> int | None:
    """Id of the first entry whose hash or link is wrong, or None if the chain holds.

    Never raises on a damaged row (invalid UTF-8, a word where a number was):
    such a row is where the chain breaks.
    """
    prev = GENESIS
    for entry_id, record_id, *raw in _raw_entries():
        try:
            values = dict(zip(_TEXT_COLUMNS, map(_text, raw), strict=True))
            if not isinstance(record_id, int):
                raise _Unreadable
            at = m.AuditEntry.at.python_value(values["at"])
        except (_Unreadable, ValueError, TypeError):
            return entry_id
        e = {
            "at": at.isoformat(sep=" ") if isinstance(at, dt.datetime) else str(at),
            "operator": values["operator"],
            "action": values["action"],
            "record_type": values["record_type"],
            "record_id": record_id,
            "title": values["title"],
            "field": values["field"],
            "old_value": values["old_value"],
            "new_value": values["new_value"],
        }
        if values["prev_hash"] != prev or values["hash"] != _digest(prev, e):
            return entry_id
        prev = values["hash"]
    return None


def describe_entry(entry_id: int) -> str:
    """'<time> <operator> <action> <type> #<id>' of one entry, readable even when
    the row is damaged (undecodable bytes shown as �)."""
    rows = list(_raw_entries("WHERE id = ?", (entry_id,)))
    if not rows:
        return f"#{entry_id}"
    _id, record_id, *raw = rows[0]
    values = {
        c: (v.decode("utf-8", errors="replace") if isinstance(v, bytes) else (v or ""))
        for c, v in zip(_TEXT_COLUMNS, raw, strict=True)
    }
    if isinstance(record_id, bytes):
        record_id = record_id.decode("utf-8", errors="replace")
    return (
        f"{values['at']} {values['operator']} {values['action']} "
        f"{values['record_type']} #{record_id}"
    )


def head_code() -> str:
    """Short code of the chain's head, for the footer of printed sheets."""
    return _head()[:10]


def history(record_type: str, record_id: int) -> list[m.AuditEntry]:
    """The record's entries, newest first, from its (latest) creation on.

    Ledgers written before ids were never reused (schema version 6) may hold
    the entries of an earlier, deleted record under the same id; they end
    before this record's "create" entry and are not its history.
    """
    mine = (m.AuditEntry.record_type == record_type) & (m.AuditEntry.record_id == record_id)
    born = (
        m.AuditEntry.select(pw.fn.MAX(m.AuditEntry.id))
        .where(mine & (m.AuditEntry.action == "create"))
        .scalar()
    )
    query = m.AuditEntry.select().where(mine)
    if born is not None:
        query = query.where(m.AuditEntry.id >= born)
    return list(query.order_by(m.AuditEntry.id.desc()))


def change_log(
    start: dt.date | None = None,
    end: dt.date | None = None,
    operator: str | None = None,
    record_type: str | None = None,
    limit: int = 5000,
) -> list[m.AuditEntry]:
    q = m.AuditEntry.select()
    if start:
        q = q.where(m.AuditEntry.at >= dt.datetime.combine(start, dt.time.min))
    if end:
        q = q.where(m.AuditEntry.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
    if operator:
        q = q.where(m.AuditEntry.operator == operator)
    if record_type:
        q = q.where(m.AuditEntry.record_type == record_type)
    return list(q.order_by(m.AuditEntry.id.desc()).limit(limit))


def operators() -> list[str]:
    return [
        r
        for (r,) in m.AuditEntry.select(m.AuditEntry.operator)
        .distinct()
        .order_by(m.AuditEntry.operator)
        .tuples()
    ]
