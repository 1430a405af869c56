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
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.handin import package, portable, roles
from desktop_app.records import attachments
from desktop_app.records.specs import spec_for
from desktop_app.store import bulk
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
    missing: list[str] = field(default_factory=list)  # attachments whose file is gone


def make_package(period: str, out: Path, sender: str = "") -> Made:
    """Write the package for period to out; the copy then counts it as sent."""
    copy = roles.unit_copy()
    if copy is None:
        raise NotAUnitCopy()
    seq = int(roles.get(roles.SENT) or 0) + 1
    mark = int(roles.get(roles.MARK) or 0)
    last = m.AuditEntry.select(m.AuditEntry.id).order_by(m.AuditEntry.id.desc()).scalar() or 0
    touched: dict[tuple[str, int], None] = {}
    touched_by_log: set[tuple[str, int]] = set()
    for key, rid in (
        m.AuditEntry.select(m.AuditEntry.record_type, m.AuditEntry.record_id)
        .where(m.AuditEntry.id > mark)
        .order_by(m.AuditEntry.id)
        .tuples()
    ):
        if roles.owned_by_units(key):
            touched[(key, rid)] = None
            touched_by_log.add((key, rid))
    # Attachments added or removed leave no entry in the change log: the
    # unit's records holding any, or whose base held any, are looked at too.
    for key, rid in _with_attachments(copy.unit_id):
        touched[(key, rid)] = None
    uids = portable.Uids()
    records, files, bases = [], {}, []
    missing: list[str] = []
    changed = deleted = 0
    by_type: dict[str, list[int]] = {}
    for key, rid in touched:
        by_type.setdefault(key, []).append(rid)
    for key, ids in by_type.items():
        spec = spec_for(key)
        model = spec.model
        known = {
            row.record_id: row
            for start in range(0, len(ids), portable.CHUNK)
            for row in m.HandinBase.select().where(
                (m.HandinBase.record_type == key)
                & m.HandinBase.record_id.in_(ids[start : start + portable.CHUNK])
            )
        }
        # Records sent in a package not yet confirmed: the office may hold them,
        # so a deletion since must travel too.
        sent = {
            row.record_id: row.uid
            for start in range(0, len(ids), portable.CHUNK)
            for row in m.HandinPending.select().where(
                (m.HandinPending.record_type == key)
                & m.HandinPending.record_id.in_(ids[start : start + portable.CHUNK])
            )
        }
        unit_column = getattr(model, spec.field(spec.unit_field).column_name)
        here: dict[int, str] = {}
        for start in range(0, len(ids), portable.CHUNK):
            chunk = ids[start : start + portable.CHUNK]
            here.update(
                model.select(model.id, model.uid)
                .where(model.id.in_(chunk) & (unit_column == copy.unit_id))
                .tuples()
            )
        gone = set(ids) - set(
            r
            for start in range(0, len(ids), portable.CHUNK)
            for (r,) in model.select(model.id)
            .where(model.id.in_(ids[start : start + portable.CHUNK]))
            .tuples()
        )
        for rid in ids:
            if rid in gone and (rid in known or rid in sent):
                # Deleted since: the office deletes it too (unless it changed it).
                uid = known[rid].uid if rid in known else sent[rid]
                base = json.loads(known[rid].values) if rid in known else None
                records.append({"type": key, "uid": uid, "delete": True, "base": base})
                bases.append((key, rid, uid, None))
                deleted += 1
        # (A record made and deleted between packages was never handed in; one
        # of another unit, which the copy holds because the unit's point at
        # it, is not the unit's to hand in.)
        current = portable.portable_many(spec, list(here), uids)
        files_of = _attachments(key, list(here))
        for rid, values in current.items():
            base = json.loads(known[rid].values) if rid in known else None
            values[ATTACHMENTS] = sorted([a.file_hash, a.file_name] for a in files_of.get(rid, []))
            if base is not None:
                base.setdefault(ATTACHMENTS, [])
            if values == base or (base is None and (key, rid) not in touched_by_log):
                continue  # unchanged since the exchange (or only looked at for its files)
            listed = []
            for att in files_of.get(rid, []):
                stored = attachments.stored_path(att)
                if not stored.is_file():
                    # A file gone from the attachments folder: the record
                    # travels without it (and says so) rather than not at all.
                    missing.append(att.file_name)
                    continue
                name = stored.name
                files[name] = stored.read_bytes()
                listed.append(
                    {
                        "file": name,
                        "name": att.file_name,
                        "size": att.size,
                        "description": att.description,
                    }
                )
            records.append(
                {
                    "type": key,
                    "uid": here[rid],
                    "values": values,
                    "base": base,
                    "attachments": listed,
                }
            )
            bases.append((key, rid, here[rid], values))
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
        "made_at": dt.datetime.now().isoformat(sep=" "),  # to the microsecond: an order
        "changed": changed,
        "deleted": deleted,
        # The office's updates this copy has taken: the office sends less then.
        "update_received": int(roles.get(roles.UPDATE_RECEIVED) or 0),
    }
    out = Path(out)
    signature = package.write(package.Package(manifest, records, files), out, copy.key)
    # Counted as sent once the file is whole. The bases stay until the office
    # confirms it (its next update names the last package it received): until
    # then every package carries everything since the last confirmed exchange,
    # so one refused, lost or made again after a restore loses nothing.
    with store_db.write_transaction():
        roles.put(roles.SENT, str(seq))
        roles.put(roles.MARK_OF + signature, f"{seq}:{last}")
        bulk.insert_rows(
            m.HandinPending,
            [
                {
                    "seq": seq,
                    "record_type": key,
                    "record_id": rid,
                    "uid": uid,
                    "values": None
                    if values is None
                    else json.dumps(values, ensure_ascii=False, sort_keys=True),
                }
                for key, rid, uid, values in bases
            ],
            want_ids=False,
        )
    return Made(out, seq, period, changed, deleted, len(files), missing)


ATTACHMENTS = "_attachments"  # in a record's travelling values: [[sha256, name], …]


def _with_attachments(unit_id: int) -> list[tuple[str, int]]:
    """(type, id) of the unit's records that hold attachments or whose base did."""
    out: set[tuple[str, int]] = set()
    for key, rid in m.Attachment.select(m.Attachment.record_type, m.Attachment.record_id).tuples():
        if roles.owned_by_units(key):
            out.add((key, rid))
    for key, rid, values in m.HandinBase.select(
        m.HandinBase.record_type, m.HandinBase.record_id, m.HandinBase.values
    ).tuples():
        if f'"{ATTACHMENTS}": [[' in values:
            out.add((key, rid))
    return sorted(out)


def _attachments(key: str, ids: list[int]) -> dict[int, list[m.Attachment]]:
    out: dict[int, list[m.Attachment]] = {}
    for start in range(0, len(ids), portable.CHUNK):
        chunk = ids[start : start + portable.CHUNK]
        for att in (
            m.Attachment.select()
            .where((m.Attachment.record_type == key) & m.Attachment.record_id.in_(chunk))
            .order_by(m.Attachment.id)
        ):
            out.setdefault(att.record_id, []).append(att)
    return out
