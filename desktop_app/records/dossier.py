"""A record's dossier: every record of other types that points at it.

Derived from the specs: whatever has a link or foreign key to an institution
shows in the institution's dossier; whatever names a unit shows in the unit's.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.records.links import link_fields
from desktop_app.records.specs import FK, RecordSpec, dependents


@dataclass
class DossierSection:
    spec: RecordSpec  # the linked record type
    field_label: str  # how it links (its field's label)
    ids: list[int]


def dossier(spec: RecordSpec, record_id: int) -> list[DossierSection]:
    sections: dict[str, DossierSection] = {}
    for other, f in dependents(spec):
        if f.kind == FK:
            query = other.model.select(other.model.id).where(
                getattr(other.model, f.name) == record_id
            )
        else:
            owner_fk, target_fk = link_fields(other, f.through)
            query = f.through.select(owner_fk).where(target_fk == record_id)
        ids = [r for (r,) in query.tuples()]
        if not ids:
            continue
        if other.key in sections:  # same type through two fields: one section
            merged = sections[other.key].ids
            merged += [i for i in ids if i not in merged]
        else:
            sections[other.key] = DossierSection(other, f.label, ids)
    return list(sections.values())


def count_links(spec: RecordSpec, record_id: int) -> int:
    return sum(len(s.ids) for s in dossier(spec, record_id))
