"""The recycle bin: deleted records kept whole (links, child rows, files) until purged."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import peewee as pw
from playhouse.shortcuts import model_to_dict

from desktop_app.records import errors as E
from desktop_app.records.links import child_fk, link_fields
from desktop_app.records.specs import CHILDREN, LINKS, RecordSpec, spec_for
from desktop_app.store import models as m
from desktop_app.store.db import current_operator

_SKIP = {"id"}


def _json_default(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(type(value))


def store(spec: RecordSpec, record_id: int, title: str) -> int:
    """Copy a record and everything that belongs to it into the bin (before deleting it)."""
    record = spec.model.get_by_id(record_id)
    columns = model_to_dict(record, recurse=False)
    links = {}
    children = {}
    for f in spec.fields:
        if f.kind == LINKS:
            owner_fk, target_fk = link_fields(spec, f.through)
            rows = f.through.select(target_fk).where(owner_fk == record_id).order_by(f.through.id)
            links[f.name] = [getattr(r, target_fk.column_name) for r in rows]
        elif f.kind == CHILDREN:
            fk = child_fk(f.child_model, spec)
            rows = f.child_model.select().where(fk == record_id).order_by(f.child_model.id)
            children[f.name] = [(r.date, r.text) for r in rows]
    files = [
        model_to_dict(a)
        for a in m.Attachment.select().where(
            (m.Attachment.record_type == spec.key) & (m.Attachment.record_id == record_id)
        )
    ]
    payload = json.dumps(
        {"columns": columns, "links": links, "children": children, "attachments": files},
        default=_json_default,
        ensure_ascii=False,
    )
    return m.DeletedRecord.insert(
        record_type=spec.key,
        record_id=record_id,
        title=title[:255],
        deleted_by=current_operator(),
        payload=payload,
    ).execute()


def _restore_value(field, value):
    """JSON gave strings back for dates; let the field type parse them."""
    if value is None:
        return None
    # isoformat() wrote "2024-05-10T09:30:00"; peewee's formats have no "T" and
    # would store the string as it is (read back as str, sorted out of order).
    if isinstance(value, str) and isinstance(field, pw.DateTimeField):
        return dt.datetime.fromisoformat(value)
    if isinstance(value, str) and isinstance(field, pw.DateField):
        return dt.date.fromisoformat(value)
    return field.python_value(value) if hasattr(field, "python_value") else value


def restore(bin_id: int) -> tuple[RecordSpec, int, str, list[str]]:
    """Reinsert a binned record with its links; returns (spec, id, title, notes).

    Links to records deleted since are dropped and named in the notes; the
    record keeps its old id unless another record has taken it.
    """
    entry = m.DeletedRecord.get_by_id(bin_id)
    spec = spec_for(entry.record_type)
    data = json.loads(entry.payload)
    fields = spec.model._meta.fields
    columns = {}
    for name, value in data["columns"].items():
        field = fields.get(name) or spec.model._meta.combined.get(name)
        if field is None:
            continue  # a column that no longer exists
        columns[field.name] = _restore_value(field, value)
    notes: list[str] = []
    for name, field in fields.items():  # foreign keys to records deleted since
        if isinstance(field, pw.ForeignKeyField) and columns.get(name):
            target = field.rel_model
            if not target.select().where(target.id == columns[name]).exists():
                notes.append(f"{name} #{columns[name]}")
                columns[name] = None
    for f in spec.fields:  # a unique name taken again since the delete
        if f.unique and columns.get(f.name):
            column = getattr(spec.model, f.name)
            if spec.model.select().where(column == columns[f.name]).exists():
                raise E.ValidationError(
                    [E.Problem(f.name, E.NOT_UNIQUE, (f.label, columns[f.name]))]
                )
    if spec.model.select().where(spec.model.id == entry.record_id).exists():
        columns.pop("id", None)
    uid = columns.get("uid")
    if uid and spec.model.select().where(spec.model.uid == uid).exists():
        # The same record is back already (a unit's hand-in brought it again):
        # this one is restored as a record of its own.
        columns.pop("uid")
    record_id = spec.model.insert(**columns).execute()
    for f in spec.fields:
        if f.kind == LINKS and data["links"].get(f.name):
            owner_fk, target_fk = link_fields(spec, f.through)
            target = spec_for(f.target).model
            wanted = data["links"][f.name]
            alive = {i for (i,) in target.select(target.id).where(target.id.in_(wanted)).tuples()}
            notes += [f"{f.name} #{i}" for i in wanted if i not in alive]
            rows = [{owner_fk.name: record_id, target_fk.name: i} for i in wanted if i in alive]
            if rows:
                f.through.insert_many(rows).execute()
        elif f.kind == CHILDREN and data["children"].get(f.name):
            fk = child_fk(f.child_model, spec)
            f.child_model.insert_many(
                [{fk.name: record_id, "date": d, "text": t} for d, t in data["children"][f.name]]
            ).execute()
    for att in data.get("attachments", []):
        att.pop("id", None)
        att["added_at"] = _restore_value(m.Attachment.added_at, att.get("added_at"))
        att["record_id"] = record_id
        m.Attachment.insert(**att).execute()
    entry.delete_instance()
    return spec, record_id, entry.title, notes


def entries() -> list[m.DeletedRecord]:
    return list(
        m.DeletedRecord.select().order_by(
            m.DeletedRecord.deleted_at.desc(), m.DeletedRecord.id.desc()
        )
    )
