"""Create, update and delete records with the rules of their spec.

Every write runs in one IMMEDIATE transaction: a save either lands whole
(record, links, child rows) or not at all. Widgets call these functions and
never touch the models directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import peewee as pw

from desktop_app.records import audit, recycle, search_index
from desktop_app.records import errors as E
from desktop_app.records.links import child_fk, link_fields
from desktop_app.records.specs import (
    ALL_SPECS,
    CHILDREN,
    CHOICE,
    FK,
    FLOAT,
    INT,
    LINKS,
    LONGTEXT,
    MULTICHOICE,
    TEXT,
    RecordSpec,
    dependents,
    spec_for,
)
from desktop_app.records.validation import (  # noqa: F401 (callers use service.validate …)
    MAX_LONGTEXT,
    MAX_TEXT,
    BatchChecks,
    Checks,
    validate,
)
from desktop_app.records.values import (
    join_multi,
    person_sort_key,
    sort_key,
    split_multi,
    to_date,
)
from desktop_app.store import bulk, categories
from desktop_app.store import models as m
from desktop_app.store.db import current_operator, database_proxy, on_server, write_transaction


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def title_of(spec: RecordSpec, record: pw.Model) -> str:
    """How a record is named in messages, the history and the recycle bin."""
    if not spec.title_parts:
        return str(getattr(record, spec.title_field) or "")
    parts = []
    for name in spec.title_parts:
        f = spec.field(name)
        if f.kind == FK:
            rid = getattr(record, f.column_name)
            parts.append(names_of(f.target, [rid]).get(rid, "") if rid else "")
        else:
            value = getattr(record, name)
            parts.append("" if value is None else str(value))
    return " ".join(p for p in parts if p)


def display_title(spec: RecordSpec, display: dict[str, str]) -> str:
    """The same name, from audit.display_values (FK ids already turned into names)."""
    if not spec.title_parts:
        return display.get(spec.title_field, "")
    return " ".join(display[p] for p in spec.title_parts if display.get(p))


# ---------------------------------------------------------------- reading


def empty_values(spec: RecordSpec) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in spec.fields:
        if f.kind in (MULTICHOICE, LINKS, CHILDREN):
            out[f.name] = []
        elif f.kind in (TEXT, LONGTEXT, CHOICE):
            out[f.name] = ""
        else:
            out[f.name] = None
    return out


def load(spec: RecordSpec, record_id: int) -> dict[str, Any]:
    """A record's values as the form edits them."""
    rec = spec.model.get_by_id(record_id)
    out: dict[str, Any] = {}
    for f in spec.fields:
        if f.kind == FK:
            out[f.name] = getattr(rec, f.column_name)
        elif f.kind == MULTICHOICE:
            out[f.name] = split_multi(getattr(rec, f.name))
        elif f.kind == LINKS:
            owner_fk, target_fk = link_fields(spec, f.through)
            rows = f.through.select(target_fk).where(owner_fk == record_id).order_by(f.through.id)
            out[f.name] = [getattr(r, target_fk.column_name) for r in rows]
        elif f.kind == CHILDREN:
            fk = child_fk(f.child_model, spec)
            rows = (
                f.child_model.select()
                .where(fk == record_id)
                .order_by(f.child_model.date.asc(nulls="first"), f.child_model.id)
            )
            out[f.name] = [(r.date, r.text) for r in rows]
        else:
            out[f.name] = getattr(rec, f.name)
    return out


def load_many(spec: RecordSpec, ids: list[int]) -> dict[int, dict[str, Any]]:
    """load() of many records of one type, a few queries per 500 of them
    (10,000 one at a time took 15 s)."""
    model = spec.model
    out: dict[int, dict[str, Any]] = {}
    plain = [f for f in spec.fields if f.kind not in (LINKS, CHILDREN)]
    columns = [getattr(model, f.column_name if f.kind == FK else f.name) for f in plain]
    for start in range(0, len(ids), 500):
        chunk = [int(i) for i in ids[start : start + 500]]
        found: dict[int, dict[str, Any]] = {}
        for rid, *row in model.select(model.id, *columns).where(model.id.in_(chunk)).tuples():
            found[rid] = {
                f.name: split_multi(value) if f.kind == MULTICHOICE else value
                for f, value in zip(plain, row, strict=True)
            }
        for f in spec.fields:
            if f.kind == LINKS:
                owner_fk, target_fk = link_fields(spec, f.through)
                for values in found.values():
                    values[f.name] = []
                rows = (
                    f.through.select(owner_fk, target_fk)
                    .where(owner_fk.in_(chunk))
                    .order_by(f.through.id)
                    .tuples()
                )
                for owner, target in rows:
                    if owner in found:
                        found[owner][f.name].append(target)
            elif f.kind == CHILDREN:
                fk = child_fk(f.child_model, spec)
                child = f.child_model
                for values in found.values():
                    values[f.name] = []
                rows = (
                    child.select(fk, child.date, child.text)
                    .where(fk.in_(chunk))
                    .order_by(child.date.asc(nulls="first"), child.id)
                    .tuples()
                )
                for owner, day, text in rows:
                    if owner in found:
                        found[owner][f.name].append((day, text))
        out.update(found)
    return out


def names_of(spec_key: str, ids: list[int]) -> dict[int, str]:
    """Display names of records of one type, by id."""
    if not ids:
        return {}
    spec = spec_for(spec_key)
    if spec.title_parts:
        return {r.id: title_of(spec, r) for r in spec.model.select().where(spec.model.id.in_(ids))}
    title = getattr(spec.model, spec.title_field)
    rows = spec.model.select(spec.model.id, title).where(spec.model.id.in_(ids)).tuples()
    return {rid: name for rid, name in rows}


def choices_for_link(spec_key: str) -> list[tuple[int, str]]:
    """(id, name) of every record a link picker may offer, in pinyin order."""
    spec = spec_for(spec_key)
    title = getattr(spec.model, spec.title_field)
    rows = spec.model.select(spec.model.id, title).order_by(spec.model.sort_key, spec.model.id)
    return list(rows.tuples())


def link_aliases(spec_key: str) -> dict[str, int]:
    """Short names (北航, 中北) that name exactly one record, for pickers."""
    spec = spec_for(spec_key)
    if not hasattr(spec.model, "short_name"):
        return {}
    rows = spec.model.select(spec.model.id, spec.model.short_name).where(
        spec.model.short_name != ""
    )
    found: dict[str, list[int]] = {}
    for rid, short in rows.tuples():
        found.setdefault(short, []).append(rid)
    return {short: ids[0] for short, ids in found.items() if len(ids) == 1}


# ---------------------------------------------------------------- writing


def save(
    spec: RecordSpec,
    values: dict[str, Any],
    record_id: int | None = None,
    *,
    sample: bool = False,
    expected_version: int | None = None,
) -> int:
    """Create (record_id None) or update a record; returns its id.

    expected_version: the version the values were loaded at (version_of);
    when the record has a newer one (saved meanwhile on another PC) nothing
    is written and RecordChanged says by whom, with their values. A record
    deleted meanwhile raises RecordGone."""
    clean = validate(spec, values, record_id)
    columns = _columns(spec, clean)
    creating = record_id is None
    was = None
    if not creating and spec.unit_field:
        record = spec.model.get_or_none(spec.model.id == record_id)
        was = getattr(record, spec.field(spec.unit_field).column_name, None) if record else None
    _guard_unit_copy(spec, [_unit_of(spec, clean)] + ([was] if not creating else []))
    with write_transaction():
        if not creating:
            # Read inside the write lock: no other save can come between.
            columns["version"] = _next_version(spec, record_id, expected_version)
        before = None if creating else load(spec, record_id)
        if creating:
            columns["created_at"] = columns["updated_at"]
            columns["is_sample"] = sample
            record_id = spec.model.insert(**columns).execute()
        else:
            spec.model.update(**columns).where(spec.model.id == record_id).execute()
        for f in spec.fields:
            if f.kind == LINKS:
                _write_links(spec, f, record_id, clean[f.name])
            elif f.kind == CHILDREN:
                _write_children(spec, f, record_id, clean[f.name])
        after = audit.display_values(spec, clean)
        title = display_title(spec, after)
        if creating:
            audit.record("create", spec, record_id, title, [("", "", audit.snapshot_text(after))])
        else:
            changes = audit.diff(audit.display_values(spec, before), after)
            if changes:
                audit.record("update", spec, record_id, title, changes)
        _reindex(spec, [record_id], renamed=not creating and _renamed(spec, before, clean))
    UNDO.push(
        ("create", spec.key, record_id, None)
        if creating
        else ("update", spec.key, record_id, before)
    )
    UNDO.wrote(spec.key, record_id, 1 if creating else columns["version"])
    return record_id


def version_of(spec: RecordSpec, record_id: int) -> int | None:
    """The record's version now (None: it is not there)."""
    return spec.model.select(spec.model.version).where(spec.model.id == record_id).scalar()


def _next_version(spec: RecordSpec, record_id: int, expected: int | None) -> int:
    row = (
        spec.model.select(spec.model.version, spec.model.changed_by, spec.model.updated_at)
        .where(spec.model.id == record_id)
        .tuples()
        .first()
    )
    if row is None:
        raise E.RecordGone(spec.key, record_id)
    current, by, at = row
    current = current or 1
    if expected is not None and current != expected:
        raise E.RecordChanged(spec.key, record_id, load(spec, record_id), current, by, at)
    return current + 1


def _columns(
    spec: RecordSpec,
    clean: dict[str, Any],
    now: dt.datetime | None = None,
    operator: str | None = None,
) -> dict[str, Any]:
    """The stored columns of a validated record (links and child rows aside)."""
    columns: dict[str, Any] = {}
    for f in spec.fields:
        if f.kind in (LINKS, CHILDREN):
            continue
        value = clean[f.name]
        if f.kind == MULTICHOICE:
            value = join_multi(value)
        if f.kind in (INT, FLOAT) and value is None and not spec.model._meta.fields[f.name].null:
            value = 0
        columns[f.column_name if f.kind == FK else f.name] = value
    title = str(clean.get(spec.title_field) or "")
    person = spec.field(spec.title_field).person_name
    columns["sort_key"] = person_sort_key(title) if person else sort_key(title)
    columns["updated_at"] = now or _now()
    columns["changed_by"] = operator or current_operator()
    return columns


def insert_validated(
    spec: RecordSpec, cleaned: list[dict[str, Any]], uids: list[str] | None = None
) -> list[int]:
    """Create records that validate() returned clean; returns their ids in order.

    What save() does for a new record, in batches: an import of 10,000 rows
    through save() took 6.5 s, most of it building one INSERT per record and
    per link. The caller validates (BatchChecks) and holds the transaction;
    this runs inside it, and every record gets its "create" history entry.
    uids: the records' identities, when they come from another copy of the
    ledger (a hand-in package); new ones otherwise.
    """
    if not cleaned:
        return []
    _guard_unit_copy(spec, sorted({_unit_of(spec, c) for c in cleaned}, key=str))
    model = spec.model
    with write_transaction():
        rows = []
        now, operator = _now(), current_operator()
        for i, clean in enumerate(cleaned):
            columns = _columns(spec, clean, now, operator)
            columns["created_at"] = columns["updated_at"]
            columns["is_sample"] = False
            columns["uid"] = uids[i] if uids is not None else m.new_uid()
            rows.append(columns)
        ids = bulk.insert_rows(model, rows)
        for f in spec.fields:
            if f.kind == LINKS:
                _insert_links(
                    spec,
                    f,
                    [
                        (rid, t)
                        for rid, clean in zip(ids, cleaned, strict=True)
                        for t in clean[f.name]
                    ],
                )
            elif f.kind == CHILDREN:
                fk = child_fk(f.child_model, spec)
                children = [
                    {fk.name: rid, "date": d, "text": t}
                    for rid, clean in zip(ids, cleaned, strict=True)
                    for d, t in clean[f.name]
                ]
                bulk.insert_rows(f.child_model, children, want_ids=False)
        names = audit.NameCache()
        shown = [audit.display_values(spec, clean, names) for clean in cleaned]
        audit.record_many(
            ("create", spec, rid, display_title(spec, d), [("", "", audit.snapshot_text(d))])
            for rid, d in zip(ids, shown, strict=True)
        )
        _reindex(spec, ids)
    return ids


def _insert_links(spec: RecordSpec, f, pairs: list[tuple[int, int]]) -> None:
    """(owner id, target id) rows of a link field in bulk, every target
    checked to exist first (a few queries per 500 targets)."""
    owner_fk, target_fk = link_fields(spec, f.through)
    wanted = sorted({t for _, t in pairs})
    target = spec_for(f.target).model
    found: set[int] = set()
    for chunk in _chunks(wanted, 500):
        found |= {r for (r,) in target.select(target.id).where(target.id.in_(chunk)).tuples()}
    if len(found) < len(wanted):
        raise E.ValidationError([E.Problem(f.name, E.UNKNOWN_LINK, (f.label,))])
    bulk.insert_rows(
        f.through, [{owner_fk.name: o, target_fk.name: t} for o, t in pairs], want_ids=False
    )


def update_validated(spec: RecordSpec, changes: list[tuple[int, dict[str, Any]]]) -> None:
    """Update records with values validate() returned clean (for their ids):
    what save() does for an existing record, in batches (a merge of 10,000
    changed records one save at a time took 30 s). Inside the caller's
    transaction; every change gets its "update" history entries."""
    if not changes:
        return
    _guard_unit_copy(spec, sorted({_unit_of(spec, c) for _, c in changes}, key=str))
    ids = [rid for rid, _ in changes]
    with write_transaction():
        before = load_many(spec, ids)
        now, operator = _now(), current_operator()
        bulk.update_rows(
            spec.model, [(rid, _columns(spec, clean, now, operator)) for rid, clean in changes]
        )
        for chunk in _chunks(ids, 500):  # each record saved once more
            spec.model.update(version=spec.model.version + 1).where(
                spec.model.id.in_(chunk)
            ).execute()
        for f in spec.fields:
            if f.kind == LINKS:
                owner_fk, _ = link_fields(spec, f.through)
                for chunk in _chunks(ids, 500):
                    f.through.delete().where(owner_fk.in_(chunk)).execute()
                _insert_links(spec, f, [(rid, t) for rid, clean in changes for t in clean[f.name]])
            elif f.kind == CHILDREN:
                fk = child_fk(f.child_model, spec)
                for chunk in _chunks(ids, 500):
                    f.child_model.delete().where(fk.in_(chunk)).execute()
                bulk.insert_rows(
                    f.child_model,
                    [
                        {fk.name: rid, "date": d, "text": t}
                        for rid, clean in changes
                        for d, t in clean[f.name]
                    ],
                    want_ids=False,
                )
        names = audit.NameCache()
        entries = []
        renamed = False
        for rid, clean in changes:
            after = audit.display_values(spec, clean, names)
            diff = audit.diff(audit.display_values(spec, before[rid], names), after)
            if diff:
                entries.append(("update", spec, rid, display_title(spec, after), diff))
            renamed = renamed or _renamed(spec, before[rid], clean)
        audit.record_many(entries)
        _reindex(spec, ids, renamed=renamed)


def guard_unit_copy(spec: RecordSpec, unit_ids: list[int | None]) -> None:
    """ValidationError when a unit's copy may not write these units' records."""
    _guard_unit_copy(spec, unit_ids)


def _guard_unit_copy(spec: RecordSpec, unit_ids: list[int | None]) -> None:
    """A unit's copy of the ledger writes only its own unit's records (the
    window, the import and scripts alike); the office's updates pass."""
    from desktop_app.handin import roles

    why = roles.refusal(spec.key, unit_ids)
    if why is None:
        return
    kind, unit = why
    template = E.refusal_template(kind, on_server=on_server())
    raise E.ValidationError([E.Problem(spec.unit_field or "", template, (unit,), 0)])


def _unit_of(spec: RecordSpec, values: dict[str, Any]) -> int | None:
    return values.get(spec.unit_field) if spec.unit_field else None


def _renamed(spec: RecordSpec, before: dict | None, after: dict) -> bool:
    """Whether what other records are found by (a name, a short name) changed."""
    if before is None:
        return False
    return any(
        before.get(n) != after.get(n) for n in (spec.title_field, "short_name") if n in after
    )


def _reindex(spec: RecordSpec, ids: list[int], renamed: bool = False) -> None:
    """The search index follows the records, in the same transaction; a renamed
    institution (or unit, project) brings the records found by its name along."""
    search_index.reindex(spec, ids)
    if not renamed:
        return
    for other in ALL_SPECS:
        for name in other.search_fields:
            f = other.field(name)
            if f.target != spec.key or f.kind not in (FK, LINKS):
                continue
            if f.kind == FK:
                column = getattr(other.model, f.column_name)
                linked = other.model.select(other.model.id).where(column.in_(ids))
            else:
                owner_fk, target_fk = link_fields(other, f.through)
                linked = f.through.select(owner_fk).where(target_fk.in_(ids))
            found = [r for (r,) in linked.tuples()]
            search_index.reindex(other, _own_on_server(other, found))


def _own_on_server(spec: RecordSpec, ids: list[int]) -> list[int]:
    """Of these records, those a unit's user signed in to a server may
    reindex: its own (the server refuses the rest; an administrator's next
    save of them, or check --rebuild-index, brings their rows up to date)."""
    from desktop_app.handin import roles

    copy = roles.unit_copy()
    if copy is None or not copy.on_server or not ids:
        return ids
    if not spec.unit_field:
        return []
    column = getattr(spec.model, spec.field(spec.unit_field).column_name)
    return [
        r
        for (r,) in spec.model.select(spec.model.id)
        .where(spec.model.id.in_(ids) & (column == copy.unit_id))
        .tuples()
    ]


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _write_links(spec: RecordSpec, f, record_id: int, ids: list[int]) -> None:
    owner_fk, target_fk = link_fields(spec, f.through)
    f.through.delete().where(owner_fk == record_id).execute()
    if ids:
        target = spec_for(f.target).model
        existing = {r for (r,) in target.select(target.id).where(target.id.in_(ids)).tuples()}
        missing = [i for i in ids if i not in existing]
        if missing:
            raise E.ValidationError([E.Problem(f.name, E.UNKNOWN_LINK, (f.label,))])
        f.through.insert_many(
            [{owner_fk.name: record_id, target_fk.name: i} for i in ids]
        ).execute()


def _write_children(spec: RecordSpec, f, record_id: int, rows: list) -> None:
    fk = child_fk(f.child_model, spec)
    f.child_model.delete().where(fk == record_id).execute()
    if rows:
        f.child_model.insert_many(
            [{fk.name: record_id, "date": d, "text": t} for d, t in rows]
        ).execute()


def dependents_of(spec: RecordSpec, record_id: int) -> list[tuple[str, str, int, list[str]]]:
    """Records that point at this one: (type label, field label, count, examples)."""
    found = []
    for other, f in dependents(spec):
        if f.kind == FK:
            column = getattr(other.model, f.name)
            query = other.model.select().where(column == record_id)
        else:
            owner_fk, target_fk = link_fields(other, f.through)
            query = (
                other.model.select()
                .join(f.through, on=(owner_fk == other.model.id))
                .where(target_fk == record_id)
            )
        count = query.count()
        if count:
            examples = [title_of(other, r) for r in query.limit(3)]
            found.append((other.label, f.label, count, examples))
    return found


def delete(spec: RecordSpec, record_id: int, *, to_bin: bool = True) -> int | None:
    """Delete a record with its own links and child rows; refuse while others depend on it.

    The record goes to the recycle bin (returns the bin entry's id) unless
    to_bin is False (undoing a create).
    """
    record = spec.model.get_by_id(record_id)
    if spec.unit_field:
        _guard_unit_copy(spec, [getattr(record, spec.field(spec.unit_field).column_name)])
    else:
        _guard_unit_copy(spec, [])
    deps = dependents_of(spec, record_id)
    if deps:
        raise E.DeleteRefused(title_of(spec, record), deps)
    bin_id = None
    with write_transaction():
        title = title_of(spec, record)
        snapshot = audit.snapshot_text(audit.display_values(spec, load(spec, record_id)))
        if to_bin:
            bin_id = recycle.store(spec, record_id, title)
        audit.record("delete", spec, record_id, title, [("", snapshot, "")])
        for f in spec.fields:
            if f.kind == LINKS:
                owner_fk, _ = link_fields(spec, f.through)
                f.through.delete().where(owner_fk == record_id).execute()
            elif f.kind == CHILDREN:
                fk = child_fk(f.child_model, spec)
                f.child_model.delete().where(fk == record_id).execute()
        m.Attachment.delete().where(
            (m.Attachment.record_type == spec.key) & (m.Attachment.record_id == record_id)
        ).execute()
        spec.model.delete().where(spec.model.id == record_id).execute()
        search_index.drop_rows(database_proxy.obj, spec.key, [record_id])
    if bin_id is not None:
        UNDO.push(("delete", spec.key, record_id, bin_id))
    return bin_id


def restore_deleted(bin_id: int) -> int:
    """Put a record from the recycle bin back; returns its id."""
    entry = m.DeletedRecord.get_by_id(bin_id)
    spec = _guard_bin_entry(entry)
    with write_transaction():
        spec, record_id, title, skipped = recycle.restore(bin_id)
        note = "; ".join(skipped)
        audit.record("restore", spec, record_id, title, [("", "", note)])
        search_index.reindex(spec, [record_id])
    return record_id


def _guard_bin_entry(entry: m.DeletedRecord) -> RecordSpec:
    """A unit's copy (or a unit's user on a server) restores and purges its own
    unit's records only."""
    spec = spec_for(entry.record_type)
    if spec.unit_field:
        import json

        columns = json.loads(entry.payload).get("columns", {})
        unit = columns.get(spec.unit_field, columns.get(f"{spec.unit_field}_id"))
        _guard_unit_copy(spec, [unit])
    else:
        _guard_unit_copy(spec, [])
    return spec


def purge_deleted(bin_ids: list[int]) -> int:
    """Remove entries from the recycle bin for good (the caller backs up first)."""
    for entry in m.DeletedRecord.select().where(m.DeletedRecord.id.in_(bin_ids)):
        _guard_bin_entry(entry)
    with write_transaction():
        for entry in m.DeletedRecord.select().where(m.DeletedRecord.id.in_(bin_ids)):
            audit.record("purge", spec_for(entry.record_type), entry.record_id, entry.title, [])
        return m.DeletedRecord.delete().where(m.DeletedRecord.id.in_(bin_ids)).execute()


class _UndoStack:
    """The session's saves, newest last, so Ctrl+Z can take the last one back."""

    LIMIT = 50

    def __init__(self) -> None:
        self.items: list[tuple[str, str, int, Any]] = []
        self._database: Any = None  # the connection the items belong to
        # (type, id) -> the version this window's last save of it made.
        self._versions: dict[tuple[str, int], int] = {}

    def wrote(self, key: str, record_id: int, version: int) -> None:
        self.forget_other_ledgers()
        self._versions[(key, record_id)] = version

    def version(self, key: str, record_id: int) -> int | None:
        return self._versions.get((key, record_id))

    def push(self, item: tuple[str, str, int, Any]) -> None:
        self.forget_other_ledgers()
        self.items.append(item)
        del self.items[: -self.LIMIT]

    def forget_other_ledgers(self) -> None:
        """Steps taken in another file (or before a restore) must not replay on
        this one: ids there mean other records here."""
        if self._database is not database_proxy.obj:
            self.items.clear()
            self._versions.clear()
            self._database = database_proxy.obj

    def clear(self) -> None:
        self.items.clear()
        self._versions.clear()


UNDO = _UndoStack()


class Undone(tuple):
    """(action, type, id) of what an undo took back, and the record's name."""

    title: str

    def __new__(cls, action: str, key: str, record_id: int, title: str) -> Undone:
        undone = super().__new__(cls, (action, key, record_id))
        undone.title = title
        return undone


def undo_last() -> Undone | None:
    """Undo the newest save or delete of this session (this window's, in
    order); returns what was undone. The change log gets an "undo" entry
    after the entries of the undo itself, so it reads 撤销."""
    UNDO.forget_other_ledgers()
    while UNDO.items:
        item = UNDO.items.pop()
        action, key, record_id, data = item
        spec = spec_for(key)
        record = spec.model.get_or_none(spec.model.id == record_id)
        exists = record is not None
        title = title_of(spec, record) if record is not None else _binned_title(data)
        try:
            mine = UNDO.version(key, record_id)
            if exists and mine is not None and (record.version or 1) != mine:
                # Saved on another PC since this window last wrote it: undoing
                # would throw their save away unseen.
                raise E.RecordChanged(
                    key,
                    record_id,
                    load(spec, record_id),
                    record.version,
                    record.changed_by,
                    record.updated_at,
                )
            if action == "create" and exists:
                delete(spec, record_id, to_bin=False)  # pushes nothing
            elif action == "update" and exists:
                save(spec, data, record_id, expected_version=mine)
                UNDO.items.pop()  # that save is the undo itself, not a new step
            elif action == "delete" and not exists:
                restore_deleted(data)
            else:
                continue  # the record changed hands since (deleted, restored): skip
        except Exception:
            UNDO.items.append(item)  # refused (e.g. others depend on it): keep the step
            raise
        with write_transaction():
            audit.record("undo", spec, record_id, title, [("", action, "")])
        return Undone(action, key, record_id, title)
    return None


def _binned_title(bin_id) -> str:
    """The name a deleted record had, from the recycle bin."""
    if not isinstance(bin_id, int):
        return ""
    row = m.DeletedRecord.get_or_none(m.DeletedRecord.id == bin_id)
    return row.title if row is not None else ""


def latest_data_year(today: dt.date | None = None) -> int | None:
    """This year if anything is dated in it, else the latest year that has dated
    records (so the Reports page opens on figures, not on an empty year)."""
    today = today or dt.date.today()
    latest = None
    for spec in ALL_SPECS:
        if not spec.year_field:
            continue
        column = getattr(spec.model, spec.year_field)
        value = spec.model.select(pw.fn.MAX(column)).where(column <= today).scalar()
        value = to_date(value) if value else None
        if value and (latest is None or value > latest):
            latest = value
    return latest.year if latest else None


def total_records() -> int:
    return sum(s.model.select().count() for s in ALL_SPECS)


def sample_count() -> int:
    return sum(s.model.select().where(s.model.is_sample == True).count() for s in ALL_SPECS)  # noqa: E712


def sample_records() -> list[tuple[RecordSpec, str]]:
    """(type, name) of every record still marked as sample data."""
    out = []
    for spec in ALL_SPECS:
        for record in spec.model.select().where(spec.model.is_sample == True):  # noqa: E712
            out.append((spec, title_of(spec, record)))
    return out


def remove_sample_data() -> int:
    """Delete every record marked as sample; records users added stay."""
    removed = 0
    with write_transaction():
        # Dependent types first, referenced types (units, institutions) last.
        for spec in reversed(_delete_order()):
            ids = [
                r
                for (r,) in spec.model.select(spec.model.id)
                .where(spec.model.is_sample == True)  # noqa: E712
                .tuples()
            ]
            # A user's record may point at a sample one (a real activity linked to
            # a sample institution): keep that sample record instead of failing
            # the whole removal on a foreign key. Sample dependents are gone by
            # now, so whatever still points at it is the user's.
            ids = [rid for rid in ids if not dependents_of(spec, rid)]
            audit.record_many(
                (
                    "delete",
                    spec,
                    rid,
                    title_of(spec, spec.model.get_by_id(rid)),
                    [("", audit.snapshot_text(audit.display_values(spec, load(spec, rid))), "")],
                )
                for rid in ids
            )
            for rid in ids:
                for f in spec.fields:
                    if f.kind == LINKS:
                        owner_fk, _ = link_fields(spec, f.through)
                        f.through.delete().where(owner_fk == rid).execute()
                    elif f.kind == CHILDREN:
                        fk = child_fk(f.child_model, spec)
                        f.child_model.delete().where(fk == rid).execute()
            m.Attachment.delete().where(
                (m.Attachment.record_type == spec.key) & (m.Attachment.record_id.in_(ids))
            ).execute()
            removed += spec.model.delete().where(spec.model.id.in_(ids)).execute()
            search_index.drop_rows(database_proxy.obj, spec.key, ids)
    return removed


def _delete_order() -> list[RecordSpec]:
    """Specs ordered so each comes after the types it points at."""
    ordered: list[RecordSpec] = []
    pending = list(ALL_SPECS)
    while pending:
        for spec in list(pending):
            targets = {f.target for f in spec.fields if f.kind in (FK, LINKS)} - {spec.key}
            if all(any(o.key == t for o in ordered) for t in targets):
                ordered.append(spec)
                pending.remove(spec)
    return ordered


# A record holds several words of a multi-choice list joined by 、, and a cell
# imported may join them with any of these: a word holding one would come back
# as two words.
MULTI_SEPARATORS = "、,，;；/"


class SeparatorInWord(ValueError):
    """A word for a multi-choice list holds a character that joins words."""


def check_category_word(list_key: str, word: str) -> None:
    """Refuse a word a multi-choice field could not keep whole (SeparatorInWord)."""
    multi = {f.choices for spec in ALL_SPECS for f in spec.fields if f.kind == MULTICHOICE}
    if list_key in multi and any(ch in word for ch in MULTI_SEPARATORS):
        raise SeparatorInWord(word)


def add_category_word(list_key: str, word: str) -> None:
    check_category_word(list_key, word.strip())
    categories.add_word(list_key, word)


def rename_category_word(list_key: str, old: str, new: str) -> int:
    """Rewrite a category word in every record that uses it; returns rows changed."""
    if new == old:
        return 0
    check_category_word(list_key, new)
    changed = 0
    with write_transaction():
        in_list = m.Category.list_key == list_key
        if m.Category.select().where(in_list & (m.Category.name == new)).exists():
            # Renaming onto a word the list already has merges the two words
            # (the unique index would refuse a second row).
            m.Category.delete().where(in_list & (m.Category.name == old)).execute()
        else:
            m.Category.update(name=new).where(in_list & (m.Category.name == old)).execute()
        logged = []
        for spec in ALL_SPECS:
            for f in spec.fields:
                if f.choices != list_key:
                    continue
                column = getattr(spec.model, f.name)
                if f.kind == CHOICE:
                    ids = [
                        i for (i,) in spec.model.select(spec.model.id).where(column == old).tuples()
                    ]
                    update: dict = {column: new}
                    if f.name == spec.title_field:  # keep pinyin order right
                        update[spec.model.sort_key] = sort_key(new)
                    changed += spec.model.update(update).where(column == old).execute()
                    logged += [(spec, i, f.name, old, new) for i in ids]
                elif f.kind == MULTICHOICE:
                    for rec in spec.model.select(spec.model.id, column).where(column.contains(old)):
                        before = split_multi(getattr(rec, f.name))
                        # contains() also matches longer words (教育 in 教育培训)
                        if old not in before:
                            continue
                        words: list[str] = []
                        for w in before:
                            w = new if w == old else w
                            if w not in words:
                                words.append(w)
                        spec.model.update({column: join_multi(words)}).where(
                            spec.model.id == rec.id
                        ).execute()
                        changed += 1
                        logged.append((spec, rec.id, f.name, join_multi(before), join_multi(words)))
        # Each record's History tells of the new word, and replaying the log
        # still gives the values the records hold (records/replay.py).
        audit.record_many(
            (
                "update",
                spec,
                rid,
                title_of(spec, spec.model.get_by_id(rid)),
                [(field_name, before_text, after_text)],
            )
            for spec, rid, field_name, before_text, after_text in logged
        )
        searched: dict[str, tuple[RecordSpec, list[int]]] = {}
        for spec, rid, field_name, _b, _a in logged:
            if field_name in spec.search_fields or field_name == spec.title_field:
                searched.setdefault(spec.key, (spec, []))[1].append(rid)
        for spec, ids in searched.values():
            search_index.reindex(spec, ids)
    return changed
