"""A unit's copy makes its hand-in package (生成报送包).

The package holds every record of the unit created, changed or deleted since
its last package (found in the change log after the mark the last package
left), each with its values and with the values it had at the last exchange
(the base the office measures both sides' changes from), the attachments of
those records, the unit, the period, the sender and the time.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from desktop_app.handin import package, portable, roles
from desktop_app.records import attachments
from desktop_app.records.specs import spec_for
from desktop_app.store import db as store_db
from desktop_app.store import models as m


class NotAUnitCopy(RuntimeError):
    """Packages are made on a unit's copy of the ledger, not the office's."""


@dataclass
class Made:
    path: Path
    seq: int
    period: str
    changed: int
    deleted: int
    files: int


def make_package(period: str, out: Path, sender: str = "") -> Made:
    """Write the package for period to out; the copy then counts it as sent."""
    copy = roles.unit_copy()
    if copy is None:
        raise NotAUnitCopy()
    seq = int(roles.get(roles.SENT) or 0) + 1
    mark = int(roles.get(roles.MARK) or 0)
    last = m.AuditEntry.select(m.AuditEntry.id).order_by(m.AuditEntry.id.desc()).scalar() or 0
    touched: dict[tuple[str, int], None] = {}
    for key, rid in (
        m.AuditEntry.select(m.AuditEntry.record_type, m.AuditEntry.record_id)
        .where(m.AuditEntry.id > mark)
        .order_by(m.AuditEntry.id)
        .tuples()
    ):
        if roles.owned_by_units(key):
            touched[(key, rid)] = None
    uids = portable.Uids()
    records, files, bases = [], {}, []
    changed = deleted = 0
    for key, rid in touched:
        spec = spec_for(key)
        base_row = m.HandinBase.get_or_none(
            (m.HandinBase.record_type == key) & (m.HandinBase.record_id == rid)
        )
        base = json.loads(base_row.values) if base_row is not None else None
        record = spec.model.get_or_none(spec.model.id == rid)
        if record is None:
            if base_row is None:
                continue  # made and deleted between packages: never handed in
            records.append({"type": key, "uid": base_row.uid, "delete": True, "base": base})
            bases.append((key, rid, base_row.uid, None))
            deleted += 1
            continue
        if getattr(record, spec.field(spec.unit_field).column_name) != copy.unit_id:
            continue  # not the unit's record (another unit's meeting it points at)
        values = portable.portable(spec, rid, uids)
        if values == base:
            continue  # changed and changed back
        listed = []
        for att in attachments.list_for(key, rid):
            name = attachments.stored_path(att).name
            files[name] = attachments.stored_path(att).read_bytes()
            listed.append(
                {
                    "file": name,
                    "name": att.file_name,
                    "size": att.size,
                    "description": att.description,
                }
            )
        records.append(
            {"type": key, "uid": record.uid, "values": values, "base": base, "attachments": listed}
        )
        bases.append((key, rid, record.uid, values))
        changed += 1
    manifest = {
        "format": package.FORMAT,
        "kind": "handin",
        "office": copy.office,
        "unit": copy.unit_uid,
        "unit_name": copy.unit_name,
        "period": period,
        "seq": seq,
        "sender": sender or store_db.current_operator(),
        "made_at": dt.datetime.now().replace(microsecond=0).isoformat(sep=" "),
        "changed": changed,
        "deleted": deleted,
    }
    out = Path(out)
    package.write(package.Package(manifest, records, files), out, copy.key)
    # Counted as sent once the file is whole: the bases move to what it holds.
    with store_db.write_transaction():
        roles.put(roles.SENT, str(seq))
        roles.put(roles.MARK, str(last))
        for key, rid, uid, values in bases:
            m.HandinBase.delete().where(
                (m.HandinBase.record_type == key) & (m.HandinBase.uid == uid)
            ).execute()
            if values is not None:
                m.HandinBase.insert(
                    record_type=key,
                    record_id=rid,
                    uid=uid,
                    values=json.dumps(values, ensure_ascii=False, sort_keys=True),
                ).execute()
    return Made(out, seq, period, changed, deleted, len(files))
