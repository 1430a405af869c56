"""Link and child tables of a record type, found from the spec."""

from __future__ import annotations

import peewee as pw

from desktop_app.records.specs import RecordSpec


def link_fields(spec: RecordSpec, through: type[pw.Model]) -> tuple[pw.Field, pw.Field]:
    """(owner FK, target FK) of a link table."""
    owner_fk = getattr(through, spec.model.__name__.lower())
    target_fk = next(
        f
        for f in through._meta.refs
        if f is not owner_fk  # the other foreign key
    )
    return owner_fk, target_fk


def child_fk(field_model: type[pw.Model], spec: RecordSpec) -> pw.Field:
    return getattr(field_model, spec.model.__name__.lower())
