"""Replay the change log and compare it with the records as they are now.

The hash chain (audit.verify) and its seal prove the log itself was not
edited. They say nothing about a record changed behind the program's back
(a name rewritten in the SQLite file with another tool): the log is intact,
but it no longer tells how the record came to be. Replaying each record's
entries (its "create" snapshot, then every field update, deletes and
restores) gives the values the record must hold now; any other value, a
record the log says exists but which is gone, or a record that appeared
without a "create" entry, is named.

Linked records are logged by name: a name in the log also fits when the
linked record bore it at some time (it was renamed since).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import peewee as pw

from desktop_app.records import audit
from desktop_app.records.links import child_fk, link_fields
from desktop_app.records.service import display_title
from desktop_app.records.specs import (
    ALL_SPECS,
    CHILDREN,
    FK,
    FLOAT,
    INT,
    LINKS,
    MULTICHOICE,
    RecordSpec,
    spec_for,
)
from desktop_app.records.values import split_multi
from desktop_app.store import models as m

# What a mismatch is about (field is then "").
MISSING = "missing"  # the log says the record exists; the table does not hold it
UNLOGGED = "unlogged"  # the record exists; the log never created it
DELETED = "deleted"  # the log says it was deleted; the table holds it
VALUE = "value"  # a field differs from its history

_CHUNK = 500


def shorten(text: str, limit: int = 80) -> str:
    """A value as a message shows it: long notes cut, so the message stays readable."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Mismatch:
    kind: str
    record_type: str
    record_id: int
    title: str
    field: str = ""
    logged: str = ""
    stored: str = ""

    def describe(self) -> str:
        where = f"{self.record_type} #{self.record_id} {self.title}".rstrip()
        if self.kind == MISSING:
            return f"{where}: the history says it exists, the ledger does not hold it"
        if self.kind == UNLOGGED:
            return f"{where}: it is in the ledger but its history never created it"
        if self.kind == DELETED:
            return f"{where}: its history says it was deleted, yet it is in the ledger"
        return (
            f"{where}: {self.field} is {shorten(self.stored)!r}, "
            f"its history says {shorten(self.logged)!r}"
        )


@dataclass
class _State:
    title: str
    values: dict[str, str] | None  # None: deleted
    unsure: set[str]  # fields the log cannot tell (links dropped by a restore)
    deleted_values: dict[str, str] | None = None


def _snapshot(text: str) -> dict[str, str] | None:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    return {str(k): "" if v is None else str(v) for k, v in data.items()}


def _entries() -> Iterator[tuple]:
    # The fields replay needs, decoded leniently: a damaged row is the chain
    # check's to report; here it must not stop the rest.
    for _id, record_id, *raw in audit._raw_entries():
        at, _op, action, record_type, title, field, old, new = (
            v.decode("utf-8", errors="replace") if isinstance(v, bytes) else (v or "")
            for v in raw[:8]
        )
        yield at, action, record_type, record_id, title, field, old, new


def replay() -> tuple[dict[tuple[str, int], _State], dict[tuple[str, int], set[str]], str | None]:
    """(state per record, every name each record ever had, time of the first entry)."""
    states: dict[tuple[str, int], _State] = {}
    names: dict[tuple[str, int], set[str]] = {}
    first_at: str | None = None
    titles = {spec.key: spec.title_field for spec in ALL_SPECS}
    for at, action, record_type, record_id, title, field, old, new in _entries():
        first_at = first_at or at
        if not isinstance(record_id, int) or record_type not in titles:
            continue
        key = (record_type, record_id)
        title_field = titles[record_type]
        known = names.setdefault(key, set())
        known.add(title)
        if action == "update" and field == titles[record_type]:
            known.update((old, new))  # renamed: also for records older than the log
        state = states.get(key)
        if action == "restore" and (state is None or state.deleted_values is None):
            # Restored under an id the log never created (an older ledger gave
            # it a new id when the old one was taken): its values are unknown.
            states[key] = _State(title, {}, {"*"})
            continue
        if action == "create":
            values = _snapshot(new)
            states[key] = _State(title, values if values is not None else {}, set())
            if values is None:
                states[key].unsure.add("*")
            known.add((values or {}).get(title_field, ""))
        elif state is None:
            continue  # created before the log began: nothing to replay
        elif action == "update":
            if state.values is not None:
                state.values[field] = new
                state.unsure.discard(field)
                state.title = title
        elif action == "delete":
            state.deleted_values = state.values
            logged = _snapshot(old)
            if logged is not None:
                state.deleted_values = logged
            state.values = None
        elif action == "restore":
            state.values = dict(state.deleted_values)
            state.title = title
            if new:  # links or linked records gone since the delete were dropped
                spec = spec_for(record_type)
                state.unsure.update(f.name for f in spec.fields if f.kind in (FK, LINKS))
    return states, names, first_at


def _current(spec: RecordSpec) -> Iterator[tuple[int, dict[str, Any], str]]:
    """Each record's values as service.load gives them, and when it was created
    (as stored text), read a chunk at a time with only the columns needed."""
    model = spec.model
    plain = [f for f in spec.fields if f.kind not in (LINKS, CHILDREN)]
    columns = [getattr(model, f.column_name if f.kind == FK else f.name) for f in plain]
    # The creation time as stored: parsing 100,000 timestamps cost seconds.
    created = model.created_at.cast("TEXT")
    ids = [i for (i,) in model.select(model.id).order_by(model.id).tuples()]
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = {
            row[0]: row
            for row in model.select(model.id, created, *columns).where(model.id.in_(chunk)).tuples()
        }
        links: dict[str, dict[int, list[int]]] = {}
        children: dict[str, dict[int, list]] = {}
        for f in spec.fields:
            if f.kind == LINKS:
                owner_fk, target_fk = link_fields(spec, f.through)
                found: dict[int, list[int]] = {}
                query = (
                    f.through.select(owner_fk, target_fk)
                    .where(owner_fk.in_(chunk))
                    .order_by(f.through.id)
                    .tuples()
                )
                for owner, target in query:
                    found.setdefault(owner, []).append(target)
                links[f.name] = found
            elif f.kind == CHILDREN:
                fk = child_fk(f.child_model, spec)
                kids: dict[int, list] = {}
                query = (
                    f.child_model.select(fk, f.child_model.date, f.child_model.text)
                    .where(fk.in_(chunk))
                    .order_by(f.child_model.date.asc(nulls="first"), f.child_model.id)
                    .tuples()
                )
                for owner, date, text in query:
                    kids.setdefault(owner, []).append((date, text))
                children[f.name] = kids
        for rid in chunk:
            row = rows.get(rid)
            if row is None:
                continue
            values: dict[str, Any] = dict(zip((f.name for f in plain), row[2:], strict=True))
            for f in spec.fields:
                if f.kind == MULTICHOICE:
                    values[f.name] = split_multi(values[f.name])
                elif f.kind == LINKS:
                    values[f.name] = links[f.name].get(rid, [])
                elif f.kind == CHILDREN:
                    values[f.name] = children[f.name].get(rid, [])
            yield rid, values, row[1] or ""


def _same_number(logged: str, stored: str) -> bool:
    # A number left empty is stored as 0 in a column that takes no NULL, and
    # 5 and 5.0 are one value.
    try:
        a = float(logged) if logged else 0.0
        b = float(stored) if stored else 0.0
    except ValueError:
        return False
    return a == b


def _fits_names(logged: str, ids: list[int], target: str, names: dict, now: list[str]) -> bool:
    """Whether logged (names joined by 、) names these linked records, each by
    a name it bears now or bore at some time."""
    pos = 0
    for target_id, current in zip(ids, now, strict=True):
        if pos:
            if not logged.startswith("、", pos):
                return False
            pos += 1
        choices = sorted(
            {current} | names.get((target, target_id), set()) - {""}, key=len, reverse=True
        )
        for name in choices:
            end = pos + len(name)
            if logged.startswith(name, pos) and (end == len(logged) or logged[end] == "、"):
                pos = end
                break
        else:
            return False
    return pos == len(logged)


def mismatches(
    limit: int = 50, progress: Callable[[int, int], None] | None = None
) -> tuple[list[Mismatch], int]:
    """Records whose values differ from the replay of their history:
    (the first `limit` found, how many in all). progress(done, total) is
    called as records are read."""
    states, names, first_at = replay()
    # A ledger made with the log from its start: every record has its "create".
    born_with_log = (m.SchemaVersion.select(pw.fn.MIN(m.SchemaVersion.version)).scalar() or 0) >= 3
    found: list[Mismatch] = []
    total = 0

    def add(item: Mismatch) -> None:
        nonlocal total
        total += 1
        if len(found) < limit:
            found.append(item)

    cache = audit.NameCache()
    records = sum(spec.model.select().count() for spec in ALL_SPECS) if progress else 0
    done = 0
    for spec in ALL_SPECS:
        seen: set[int] = set()
        for rid, values, created_at in _current(spec):
            seen.add(rid)
            done += 1
            if progress is not None and done % 2000 == 0:
                progress(done, records)
            state = states.get((spec.key, rid))
            if state is not None and state.values is None:
                add(Mismatch(DELETED, spec.key, rid, state.title))
                continue
            if state is None:
                # Only records older than the log (it began with schema
                # version 3) may lack a "create" entry.
                if (
                    born_with_log
                    or not created_at
                    or (first_at is not None and created_at[:19] > first_at[:19])
                ):
                    shown = audit.display_values(spec, values, cache)
                    add(Mismatch(UNLOGGED, spec.key, rid, display_title(spec, shown)))
                continue
            shown = audit.display_values(spec, values, cache)
            if "*" in state.unsure:
                continue
            for f in spec.fields:
                logged = state.values.get(f.name, "")
                stored = shown.get(f.name, "")
                if logged == stored:
                    continue
                if f.kind in (INT, FLOAT) and _same_number(logged, stored):
                    continue
                if f.kind == CHILDREN and sorted(logged.splitlines()) == sorted(
                    stored.splitlines()
                ):
                    continue
                if f.name in state.unsure:
                    continue
                if f.kind in (FK, LINKS):
                    ids = values[f.name] if f.kind == LINKS else [values[f.name]]
                    ids = [i for i in ids if i]
                    now = cache.names(f.target, ids) if ids else []
                    if _fits_names(logged, ids, f.target, names, now):
                        continue
                add(Mismatch(VALUE, spec.key, rid, state.title, f.name, logged, stored))
        for (key, rid), state in states.items():
            if key == spec.key and state.values is not None and rid not in seen:
                add(Mismatch(MISSING, key, rid, state.title))
    return found, total
