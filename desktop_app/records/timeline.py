"""A record's story in time: everything linked to it, newest first.

What an institution, a unit or a talent's dossier page shows: each linked
record (an activity, an agreement, a base, a project, a talent, an
achievement, a meeting, a task …) with the date it is dated by, its kind and
its title. Derived from the specs, as the dossier's sections are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.records.dossier import dossier
from desktop_app.records.specs import FK, LINKS, RecordSpec, spec_for

# Record types that open as a dossier page rather than only as a form.
DOSSIER_TYPES = ("institution", "unit", "talent")


@dataclass(frozen=True)
class Entry:
    spec: RecordSpec
    record_id: int
    date: dt.date | None
    kind: str  # the record's type word (参观学习, 全方位战略合作协议 …), or ""
    title: str


def _outgoing(spec: RecordSpec, record_id: int) -> list[tuple[RecordSpec, list[int]]]:
    """What the record itself links to (a talent's institution and project),
    units left out: a unit is whose record it is, not part of its story."""
    found = []
    values = None
    for f in spec.fields:
        if f.kind not in (FK, LINKS) or f.target in (None, "unit"):
            continue
        if values is None:
            from desktop_app.records import service

            values = service.load(spec, record_id)
        ids = values.get(f.name)
        ids = [ids] if isinstance(ids, int) else list(ids or [])
        if ids:
            found.append((spec_for(f.target), ids))
    return found


def timeline(spec: RecordSpec, record_id: int) -> list[Entry]:
    """The records linked to one record, both ways: dated ones newest first,
    then undated."""
    entries: list[Entry] = []
    sections = [(s.spec, s.ids) for s in dossier(spec, record_id)]
    sections += _outgoing(spec, record_id)
    seen: set[tuple[str, int]] = set()
    for other, ids in sections:
        ids = [i for i in ids if (other.key, i) not in seen]
        seen.update((other.key, i) for i in ids)
        if not ids:
            continue
        section_ids = ids
        model = other.model
        columns = [model.id, getattr(model, other.title_field)]
        columns.append(getattr(model, other.year_field) if other.year_field else model.created_at)
        kind = getattr(model, other.type_field) if other.type_field else None
        if kind is not None:
            columns.append(kind)
        for row in model.select(*columns).where(model.id.in_(section_ids)).tuples():
            rid, title, when = row[0], row[1], row[2]
            if isinstance(when, dt.datetime):
                when = when.date()
            word = row[3] if kind is not None else ""
            entries.append(Entry(other, rid, when, str(word or ""), str(title or "")))
    dated = sorted((e for e in entries if e.date), key=lambda e: (e.date, e.record_id))
    undated = [e for e in entries if not e.date]
    return [*reversed(dated), *undated]
