"""The office sends a unit an update (单位更新包), received on the unit's copy.

It holds what changed at the office since the last update to that unit: the
shared lists (units, institutions) and the category words, the office's own
records about the unit (its hand-ins, 退回 with their comments, its assessment
targets), and corrections the office made to the unit's records. On the
unit's copy the shared and office records are taken as they come; the unit's
own records are compared with what the copy last exchanged, so a field both
sides changed is a conflict the unit decides, as the office does for a
hand-in. Signed with the same key, numbered, received in order, once.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.handin import incoming, package, portable, roles
from desktop_app.handin import messages as M
from desktop_app.handin.incoming import Refused
from desktop_app.records import service
from desktop_app.records.specs import FK, LINKS, spec_for
from desktop_app.store import bulk
from desktop_app.store import db as store_db
from desktop_app.store import models as m


@dataclass
class Made:
    path: Path
    seq: int
    unit: str
    records: int


def make_update(unit_name: str, out: Path, sender: str = "") -> Made:
    """At the office: the update for unit_name written to out."""
    if roles.unit_copy() is not None:
        raise Refused(M.message(M.AT_UNIT))
    unit = m.Unit.get_or_none(m.Unit.name == unit_name.strip())
    key = roles.get(roles.KEY_OF + unit.uid) if unit is not None else ""
    if unit is None or not key:
        raise Refused(M.message(M.UNKNOWN_UNIT, unit_name, unit_name))
    seq = int(roles.get(roles.UPDATE_SENT_OF + unit.uid) or 0) + 1
    mark = int(roles.get(roles.UPDATE_MARK_OF + unit.uid) or 0)
    last = m.AuditEntry.select(m.AuditEntry.id).order_by(m.AuditEntry.id.desc()).scalar() or 0
    touched: dict[str, set[int]] = {}
    for kind, rid in (
        m.AuditEntry.select(m.AuditEntry.record_type, m.AuditEntry.record_id)
        .where(m.AuditEntry.id > mark)
        .tuples()
    ):
        touched.setdefault(kind, set()).add(rid)
    # Records the office gave to another unit since: the unit's copy must
    # hear of it, or it would keep handing them in as its own.
    moved_away: dict[str, set[int]] = {}
    for kind, rid in (
        m.AuditEntry.select(m.AuditEntry.record_type, m.AuditEntry.record_id)
        .where(
            (m.AuditEntry.id > mark)
            & (m.AuditEntry.field == "unit")
            & m.AuditEntry.old_value.in_(_names_of(unit))
        )
        .tuples()
    ):
        moved_away.setdefault(kind, set()).add(rid)
    uids = portable.Uids()
    # Records whose conflict the office settled with its own values.
    for kind, uid in json.loads(roles.get(roles.RESEND_OF + unit.uid) or "[]"):
        rid = uids.id(kind, uid)
        if rid is not None:
            touched.setdefault(kind, set()).add(rid)
    records: list[dict[str, Any]] = []
    for spec in incoming.creation_order():
        ids = sorted(touched.get(spec.key, ()))
        if not ids:
            continue
        current = portable.portable_many(spec, ids, uids)
        for rid in ids:
            values = current.get(rid)
            if values is None:
                uid = _deleted_uid(spec.key, rid)
                if uid:
                    records.append({"type": spec.key, "uid": uid, "delete": True})
                continue
            if (
                spec.key not in roles.SHARED_TYPES
                and values.get(spec.unit_field) != unit.uid
                and rid not in moved_away.get(spec.key, set())
            ):
                continue  # another unit's: not this unit's business
            records.append({"type": spec.key, "uid": uids.uid(spec.key, rid), "values": values})
    records = _with_what_they_point_at(records, uids)
    words = list(
        m.Category.select(m.Category.list_key, m.Category.name, m.Category.sort_order).tuples()
    )
    manifest = {
        "format": package.FORMAT,
        "kind": "update",
        "office": roles.office_identity(),
        "unit": unit.uid,
        "unit_name": unit.name,
        "seq": seq,
        "sender": sender or store_db.current_operator(),
        "made_at": dt.datetime.now().isoformat(sep=" "),  # to the microsecond: an order
        "categories": words,
        # The unit's newest package received, by its signature (a copy
        # restored from a backup numbers again): the unit's bases move to it.
        "received_signature": _newest_signature(unit.uid),
    }
    package.write(package.Package(manifest, records), Path(out), key)
    # The mark moves when the unit says it took this update (its next
    # hand-in names it): until then each update carries all since the last.
    with store_db.write_transaction():
        roles.put(roles.UPDATE_SENT_OF + unit.uid, str(seq))
        roles.put(roles.UPDATE_MARK_OF + f"{unit.uid}.{seq}", str(last))
        _remember_sent(unit.uid, seq, records)
    return Made(Path(out), seq, unit.name, len(records))


def _with_what_they_point_at(records: list[dict[str, Any]], uids: portable.Uids) -> list:
    """The records sent and every (not shared) record they point at, so the
    unit's copy holds what a record given to it links (another unit's
    meeting), in the order records point at each other."""
    have = {(e["type"], e["uid"]) for e in records}
    queue = [e for e in records if not e.get("delete")]
    extra: list[dict[str, Any]] = []
    while queue:
        entry = queue.pop()
        spec = spec_for(entry["type"])
        for f in spec.fields:
            if f.kind not in (FK, LINKS) or f.target in roles.SHARED_TYPES:
                continue
            value = entry["values"].get(f.name)
            for uid in value if isinstance(value, list) else [value]:
                if not uid or (f.target, uid) in have:
                    continue
                rid = uids.id(f.target, uid)
                if rid is None:
                    continue
                have.add((f.target, uid))
                target = spec_for(f.target)
                linked = {
                    "type": f.target,
                    "uid": uid,
                    "values": portable.portable(target, rid, uids),
                }
                extra.append(linked)
                queue.append(linked)
    order = {spec.key: i for i, spec in enumerate(incoming.creation_order())}
    return sorted(records + extra, key=lambda e: order[e["type"]])


def _remember_sent(unit_uid: str, seq: int, records: list[dict[str, Any]]) -> None:
    """What this update sends of the unit's own records: the base of its next
    hand-in, once it says it took this update (so a field it changes after
    taking the office's correction is no conflict)."""
    rows = m.HandinReceived
    uids = portable.Uids()
    for entry in records:
        if entry.get("delete") or not roles.owned_by_units(entry["type"]):
            continue
        # The record's files as the office holds them: the unit's next hand-in
        # adds or removes files against these (updates carry no files).
        rid = uids.id(entry["type"], entry["uid"])
        files = sorted(
            [a.file_hash, a.file_name]
            for a in m.Attachment.select().where(
                (m.Attachment.record_type == entry["type"]) & (m.Attachment.record_id == rid)
            )
        )
        sent = json.dumps(
            {**entry["values"], incoming.ATTACHMENTS: files}, ensure_ascii=False, sort_keys=True
        )
        where = (
            (rows.unit_uid == unit_uid)
            & (rows.record_type == entry["type"])
            & (rows.uid == entry["uid"])
        )
        if not rows.update(sent_seq=seq, sent_values=sent).where(where).execute():
            rows.insert(
                unit_uid=unit_uid,
                record_type=entry["type"],
                uid=entry["uid"],
                values=sent,
                sent_seq=seq,
                sent_values=sent,
            ).execute()


def _names_of(unit: m.Unit) -> list[str]:
    """Every name the unit has had (the change log names a unit by its name)."""
    names = {unit.name}
    for old, new in (
        m.AuditEntry.select(m.AuditEntry.old_value, m.AuditEntry.new_value)
        .where(
            (m.AuditEntry.record_type == "unit")
            & (m.AuditEntry.record_id == unit.id)
            & (m.AuditEntry.field == "name")
        )
        .tuples()
    ):
        names.update(n for n in (old, new) if n)
    return sorted(names)


def _newest_signature(unit_uid: str) -> str:
    r = m.HandinReceipt
    newest = r.select(r.signature).where(r.unit_uid == unit_uid).order_by(r.made_at.desc()).scalar()
    return str(newest or "")


def _deleted_uid(key: str, record_id: int) -> str | None:
    """The uid of a deleted record, from the recycle bin."""
    for entry in (
        m.DeletedRecord.select()
        .where((m.DeletedRecord.record_type == key) & (m.DeletedRecord.record_id == record_id))
        .order_by(m.DeletedRecord.id.desc())
    ):
        try:
            return json.loads(entry.payload)["columns"].get("uid")
        except (ValueError, KeyError, TypeError):
            return None
    return None


def inspect_update(path: Path) -> incoming.Inspection:
    """On a unit's copy: read and check an update from the office."""
    path = Path(path)
    manifest = package.read_manifest(path)
    copy = roles.unit_copy()
    if manifest.get("kind") != "update":
        raise Refused(M.message(M.NOT_UPDATE, path.name))
    if copy is None:
        raise Refused(M.message(M.NOT_AT_UNIT, path.name))
    if manifest.get("office") != copy.office or manifest.get("unit") != copy.unit_uid:
        raise Refused(M.message(M.OTHER_OFFICE, path.name))
    pkg, signature = package.read(path, copy.key)
    seq = pkg.manifest.get("seq")
    if not isinstance(seq, int) or seq < 1:
        raise Refused(M.message(M.NO_NUMBER, path.name))
    seen = incoming.Inspection(
        path, pkg.manifest, signature, copy.unit_id, copy.unit_name, "", [], pkg.files
    )
    last = int(roles.get(roles.UPDATE_RECEIVED) or 0)
    if seq <= last:
        seen.already = True  # or superseded: a later update carried it all
        return seen
    seen.records = pkg.records
    # The bases as they are once this update confirms the unit's packages.
    bases = {(row.record_type, row.uid): json.loads(row.values) for row in m.HandinBase.select()}
    confirmed = _confirmed_seq(pkg.manifest.get("received_signature"))
    if confirmed:
        pending = m.HandinPending
        for row in (
            pending.select().where(pending.seq <= confirmed).order_by(pending.seq, pending.id)
        ):
            if row.values is None:
                bases.pop((row.record_type, row.uid), None)
            else:
                bases[(row.record_type, row.uid)] = json.loads(row.values)
    seen.changes = incoming._changes(pkg.records, None, path.name, bases)
    return seen


def merge_update(
    seen: incoming.Inspection,
    take: str | None = None,
    choices: dict[tuple[str, str], str] | None = None,
) -> incoming.Merged:
    """Write the update on the unit's copy (after a backup, in one transaction)."""
    from desktop_app.safety.backup import backup_before

    if seen.already:
        return incoming.Merged()
    side = incoming.decider(seen, take, choices)
    done = incoming.Merged()
    path = store_db.current_path()
    if path is not None:
        done.backup = backup_before(Path(path), "pre-update")
    operator = store_db.current_operator()
    store_db.set_operator(
        f"{seen.manifest.get('sender') or '?'}（人才办更新 第{seen.manifest['seq']}号）"[:255]
    )
    try:
        with store_db.write_transaction(), roles.office_writes():
            _confirm(seen.manifest.get("received_signature"))
            incoming._apply(seen, side, done)
            _take_categories(seen.manifest.get("categories") or [])
            _move_bases(seen)
            roles.put(roles.UPDATE_RECEIVED, str(seen.manifest["seq"]))
    finally:
        store_db.set_operator(operator)
        service.UNDO.clear()  # Ctrl+Z must not take back what the office sent
    return done


def _confirm(signature) -> None:
    """The office received this copy's package of that signature (its
    newest): the records of it and of the packages before it have their bases
    moved to what they carried, and the next package starts from there. A
    signature this copy did not make (it was restored from a backup since)
    confirms nothing."""
    received = _confirmed_seq(signature)
    if not received:
        return
    mark = int(roles.get(roles.MARK_OF + signature).split(":", 1)[1])
    pending = m.HandinPending
    rows = pending.select().where(pending.seq <= received).order_by(pending.seq, pending.id)
    for row in rows:
        m.HandinBase.delete().where(
            (m.HandinBase.record_type == row.record_type) & (m.HandinBase.uid == row.uid)
        ).execute()
        if row.values is not None:
            m.HandinBase.insert(
                record_type=row.record_type, record_id=row.record_id, uid=row.uid, values=row.values
            ).execute()
    pending.delete().where(pending.seq <= received).execute()
    roles.put(roles.MARK, str(mark))


def _confirmed_seq(signature) -> int:
    """The number of this copy's package of that signature (0: none of ours)."""
    if not isinstance(signature, str) or not signature:
        return 0
    seq_mark = roles.get(roles.MARK_OF + signature)
    if not seq_mark or ":" not in seq_mark:
        return 0
    return int(seq_mark.split(":", 1)[0])


def _take_categories(words: list) -> None:
    """The office's category words added where missing (a word the unit uses
    stays, so none of its records loses its word)."""
    have = set(m.Category.select(m.Category.list_key, m.Category.name).tuples())
    new = [
        {"list_key": k, "name": n, "sort_order": o}
        for k, n, o in (tuple(w) for w in words if isinstance(w, list) and len(w) == 3)
        if (k, n) not in have
    ]
    if new:
        bulk.insert_rows(m.Category, new, want_ids=False)


def _move_bases(seen: incoming.Inspection) -> None:
    """The unit's records the update touched are now as the office sent them
    (a field the unit kept its own value of differs from that, so its next
    hand-in carries it back)."""
    uids = portable.Uids()
    for change in seen.changes:
        spec = change.spec
        if not roles.owned_by_units(spec.key):
            continue
        m.HandinBase.delete().where(
            (m.HandinBase.record_type == spec.key) & (m.HandinBase.uid == change.uid)
        ).execute()
        rid = uids.id(spec.key, change.uid)
        values = change.entry.get("values")
        if rid is None or values is None:
            continue
        m.HandinBase.insert(
            record_type=spec.key,
            record_id=rid,
            uid=change.uid,
            values=json.dumps(values, ensure_ascii=False, sort_keys=True),
        ).execute()
