"""The office makes a unit's copy of the ledger (为单位建立台账).

The copy holds the lists every copy shares (units, institutions, the category
words), the unit's own records, and the records those point at (a meeting
another unit held, say) so no link is lost; the key its packages are signed
with, which the office keeps too; and which office ledger and unit it is for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.handin import portable, roles
from desktop_app.records import ledger_info, service
from desktop_app.records.specs import FK, LINKS, RecordSpec
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger


class UnknownUnit(LookupError):
    def __init__(self, name: str, names: list[str]):
        super().__init__(name)
        self.name, self.names = name, names


@dataclass
class Made:
    path: Path
    unit: str
    shared: int  # units and institutions
    own: int  # the unit's records (and those they point at)


def creation_order() -> list[RecordSpec]:
    """Record types ordered so each comes after the types it points at."""
    return service._delete_order()


def make_unit_copy(unit_name: str, out: Path) -> Made:
    """Write the copy for unit_name at out (a new file) from the office ledger
    open now, which is open again when this returns."""
    out = Path(out)
    if out.exists():
        raise FileExistsError(str(out))
    office_path = store_db.current_path()
    if office_path is None:
        raise RuntimeError("no ledger is open")
    if roles.unit_copy() is not None:
        raise NotTheOffice()
    unit = m.Unit.get_or_none(m.Unit.name == unit_name.strip())
    if unit is None:
        names = [n for (n,) in m.Unit.select(m.Unit.name).order_by(m.Unit.sort_key).tuples()]
        raise UnknownUnit(unit_name, names)
    office = roles.office_identity()
    key = roles.new_key()
    records = _records_for(unit.id)
    categories = list(
        m.Category.select(m.Category.list_key, m.Category.name, m.Category.sort_order).tuples()
    )
    unit_uid, name = unit.uid, unit.name
    office_last = _last_entry()  # the copy holds the office's ledger as of this entry
    out.parent.mkdir(parents=True, exist_ok=True)
    operator = store_db.current_operator()
    store_db.close()
    try:
        open_ledger(out)
        try:
            own = _write_copy(records, categories)
            roles.put(roles.ROLE, roles.UNIT_ROLE)
            roles.put(roles.OFFICE, office)
            roles.put(roles.UNIT, unit_uid)
            roles.put(roles.KEY, key)
            roles.put(roles.SENT, "0")
            ledger_info.set_value(ledger_info.ORGANISATION, name)
            # What the copy was made with is not the unit's to hand in again.
            roles.put(roles.MARK, str(_last_entry()))
        finally:
            store_db.close()
    except BaseException:
        for suffix in ("", "-wal", "-shm"):  # no half-made copy is left to be handed out
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        raise
    finally:
        open_ledger(office_path)
        store_db.set_operator(operator)
    # The office keeps the key once the copy is whole; its updates to the unit
    # start from what the copy holds.
    with store_db.write_transaction():
        roles.put(roles.KEY_OF + unit_uid, key)
        roles.put(roles.UPDATE_MARK_OF + unit_uid, str(office_last))
        roles.put(roles.UPDATE_MARK_OF + f"{unit_uid}.0", str(office_last))  # "took none yet"
    shared = sum(1 for spec, _, _ in records if spec.key in roles.SHARED_TYPES)
    return Made(out, name, shared, own)


class NotTheOffice(RuntimeError):
    """A unit's copy cannot set up copies of its own."""


def _last_entry() -> int:
    return m.AuditEntry.select(m.AuditEntry.id).order_by(m.AuditEntry.id.desc()).scalar() or 0


def _records_for(unit_id: int) -> list[tuple[RecordSpec, str, dict[str, Any]]]:
    """(spec, uid, portable values) of what the copy holds, in creation order."""
    uids = portable.Uids()
    wanted: dict[str, set[int]] = {}
    for spec in creation_order():
        model = spec.model
        if spec.key in roles.SHARED_TYPES:
            ids = {i for (i,) in model.select(model.id).tuples()}
        else:
            # The unit's records, and the office's about it (its hand-ins,
            # its assessment), which its copy shows read-only.
            unit_fk = getattr(model, spec.field(spec.unit_field).column_name)
            ids = {i for (i,) in model.select(model.id).where(unit_fk == unit_id).tuples()}
        wanted[spec.key] = ids
    # And what those point at, so no link is lost (followed until nothing new).
    grew = True
    while grew:
        grew = False
        for spec in creation_order():
            for rid in list(wanted[spec.key]):
                values = service.load(spec, rid)
                for f in spec.fields:
                    if f.kind not in (FK, LINKS) or f.target in roles.SHARED_TYPES:
                        continue
                    targets = values[f.name] if f.kind == LINKS else [values[f.name]]
                    for t in targets:
                        if t is not None and t not in wanted[f.target]:
                            wanted[f.target].add(t)
                            grew = True
    out = []
    for spec in creation_order():
        for rid in sorted(wanted[spec.key]):
            out.append((spec, uids.uid(spec.key, rid), portable.portable(spec, rid, uids)))
    return out


def _write_copy(records, categories) -> int:
    """Write the records into the open (new) copy; returns how many were not shared."""
    db = store_db.database_proxy.obj
    own = 0
    with store_db.write_transaction():
        m.Category.delete().execute()
        m.Category.insert_many(
            [{"list_key": k, "name": n, "sort_order": o} for k, n, o in categories]
        ).execute()
        uids = portable.Uids()
        for spec, uid, values in records:
            record_id = write_new(spec, uid, values, uids)
            if roles.owned_by_units(spec.key):
                own += 1
                m.HandinBase.insert(
                    record_type=spec.key,
                    record_id=record_id,
                    uid=uid,
                    values=json.dumps(values, ensure_ascii=False, sort_keys=True),
                ).execute()
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return own


def write_new(spec: RecordSpec, uid: str, values: dict[str, Any], uids: portable.Uids) -> int:
    """A travelling record written as a new record of this copy, keeping its uid."""
    record_id = service.save(spec, portable.local(spec, values, uids))
    spec.model.update(uid=uid).where(spec.model.id == record_id).execute()
    uids.learn(spec.key, record_id, uid)
    return record_id
