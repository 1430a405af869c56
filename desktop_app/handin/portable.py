"""A record as it travels between copies of the ledger.

Ids differ from copy to copy, so a record's links travel as the uids of the
records they point at; dates as ISO text; every value as JSON can hold it.
The same form compares a record's state in two copies field by field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.records import service
from desktop_app.records.specs import CHILDREN, FK, LINKS, RecordSpec, spec_for


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
    """portable() of many records of one type, a few queries per 500 of them."""
    return {rid: _portable(spec, v, uids) for rid, v in service.load_many(spec, ids).items()}


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
