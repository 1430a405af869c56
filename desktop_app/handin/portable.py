"""A record as it travels between copies of the ledger.

Ids differ from copy to copy, so a record's links travel as the uids of the
records they point at; dates as ISO text; every value as JSON can hold it.
The same form compares a record's state in two copies field by field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.records import service
from desktop_app.records.links import child_fk, link_fields
from desktop_app.records.specs import CHILDREN, FK, LINKS, MULTICHOICE, RecordSpec, spec_for
from desktop_app.records.values import split_multi


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Uids:
    """uid <-> id of the records of each type, read as needed and kept."""

    def __init__(self) -> None:
        self._by_id: dict[str, dict[int, str]] = {}
        self._by_uid: dict[str, dict[str, int]] = {}

    def _load(self, key: str) -> None:
        if key in self._by_id:
            return
        model = spec_for(key).model
        rows = list(model.select(model.id, model.uid).tuples())
        self._by_id[key] = {i: u for i, u in rows}
        self._by_uid[key] = {u: i for i, u in rows if u}

    def uid(self, key: str, record_id: int | None) -> str | None:
        if record_id is None:
            return None
        self._load(key)
        return self._by_id[key].get(record_id)

    def id(self, key: str, uid: str | None) -> int | None:
        if not uid:
            return None
        self._load(key)
        return self._by_uid[key].get(uid)

    def learn(self, key: str, record_id: int, uid: str) -> None:
        self._load(key)
        self._by_id[key][record_id] = uid
        self._by_uid[key][uid] = record_id

    def forget(self, key: str, record_id: int) -> None:
        self._load(key)
        uid = self._by_id[key].pop(record_id, None)
        if uid:
            self._by_uid[key].pop(uid, None)


def portable(spec: RecordSpec, record_id: int, uids: Uids) -> dict[str, Any]:
    """The record's values, its links as uids (field name -> value)."""
    return _portable(spec, service.load(spec, record_id), uids)


def _portable(spec: RecordSpec, values: dict[str, Any], uids: Uids) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in spec.fields:
        value = values[f.name]
        if f.kind == FK:
            out[f.name] = uids.uid(f.target, value)
        elif f.kind == LINKS:
            out[f.name] = [uids.uid(f.target, v) for v in value]
        elif f.kind == CHILDREN:
            out[f.name] = [[_plain(d), t] for d, t in value]
        else:
            out[f.name] = _plain(value)
    return out


CHUNK = 500


def portable_many(spec: RecordSpec, ids: list[int], uids: Uids) -> dict[int, dict[str, Any]]:
    """portable() of many records of one type, a few queries per 500 of them
    (one record at a time, 10,000 took 15 s)."""
    model = spec.model
    out: dict[int, dict[str, Any]] = {}
    plain = [f for f in spec.fields if f.kind not in (LINKS, CHILDREN)]
    columns = [getattr(model, f.column_name if f.kind == FK else f.name) for f in plain]
    for start in range(0, len(ids), CHUNK):
        chunk = [int(i) for i in ids[start : start + CHUNK]]
        found: dict[int, dict[str, Any]] = {}
        for rid, *row in model.select(model.id, *columns).where(model.id.in_(chunk)).tuples():
            values = {}
            for f, value in zip(plain, row, strict=True):
                values[f.name] = split_multi(value) if f.kind == MULTICHOICE else value
            found[rid] = values
        for f in spec.fields:
            if f.kind == LINKS:
                owner_fk, target_fk = link_fields(spec, f.through)
                rows = (
                    f.through.select(owner_fk, target_fk)
                    .where(owner_fk.in_(chunk))
                    .order_by(f.through.id)
                    .tuples()
                )
                for values in found.values():
                    values[f.name] = []
                for owner, target in rows:
                    if owner in found:
                        found[owner][f.name].append(target)
            elif f.kind == CHILDREN:
                fk = child_fk(f.child_model, spec)
                child = f.child_model
                rows = (
                    child.select(fk, child.date, child.text)
                    .where(fk.in_(chunk))
                    .order_by(child.date, child.id)
                    .tuples()
                )
                for values in found.values():
                    values[f.name] = []
                for owner, day, text in rows:
                    if owner in found:
                        found[owner][f.name].append((day, text))
        for rid, values in found.items():
            out[rid] = _portable(spec, values, uids)
    return out


class MissingLink(LookupError):
    """A travelling record points at a record this copy does not hold."""

    def __init__(self, field: str, target: str, uid: str):
        super().__init__(f"{field} -> {target} {uid}")
        self.field, self.target, self.uid = field, target, uid


def local(spec: RecordSpec, values: dict[str, Any], uids: Uids) -> dict[str, Any]:
    """A travelling record's values for service.save in this copy (links as
    this copy's ids); raises MissingLink for a link to a record not here."""
    out = service.empty_values(spec)
    for f in spec.fields:
        if f.name not in values:
            continue
        value = values[f.name]
        if f.kind == FK:
            out[f.name] = _local_id(f.name, f.target, value, uids)
        elif f.kind == LINKS:
            out[f.name] = [_local_id(f.name, f.target, v, uids) for v in value or []]
        elif f.kind == CHILDREN:
            out[f.name] = [(d, t) for d, t in value or []]
        else:
            out[f.name] = value
    return out


def _local_id(field: str, target: str, uid: str | None, uids: Uids) -> int | None:
    if not uid:
        return None
    found = uids.id(target, uid)
    if found is None:
        raise MissingLink(field, target, uid)
    return found


def title(spec: RecordSpec, values: dict[str, Any], uids: Uids) -> str:
    """How the change log and the preview name a travelling record."""
    if spec.title_parts:
        parts = []
        for name in spec.title_parts:
            f = spec.field(name)
            value = values.get(name)
            if f.kind == FK:
                rid = uids.id(f.target, value)
                value = service.names_of(f.target, [rid]).get(rid, "") if rid else ""
            parts.append(str(value or ""))
        return " ".join(p for p in parts if p)
    return str(values.get(spec.title_field) or "")
