"""The office receives a unit's hand-in package (接收报送包).

inspect() reads and checks it and lists what it brings against the office's
ledger: new records, changed ones (field by field, the office's value beside
the unit's), deleted ones, and conflicts (a field both sides changed since
the last exchange, or a record one side deleted and the other changed).
merge() writes it after a verified backup, in one transaction, with the
unit, sender and period in the change log as who made each change; the
hand-in (台账报送) of that unit and period is marked 已报送.

A package is refused, with its reason and nothing written, when it is
damaged or altered, made for another office ledger, from a unit this ledger
has not set up, out of order, or carries records the unit does not own.
Receiving a package again changes nothing and says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.exchange.messages import Message
from desktop_app.handin import messages as M
from desktop_app.handin import package, periods, portable, roles
from desktop_app.handin.setup import creation_order
from desktop_app.records import attachments, service
from desktop_app.records import errors as E
from desktop_app.records.errors import ValidationError
from desktop_app.records.specs import (
    CHILDREN,
    FLOAT,
    INT,
    LINKS,
    MULTICHOICE,
    RecordSpec,
    spec_for,
)
from desktop_app.records.validation import BatchChecks, validate
from desktop_app.store import bulk, categories
from desktop_app.store import db as store_db
from desktop_app.store import models as m

THEIRS, OURS = "theirs", "ours"
ATTACHMENTS = "_attachments"  # a record's files in its travelling values (see outgoing)
_UID = re.compile("[0-9a-f]{32}")


class Refused(ValueError):
    """The package cannot be received; the message says why."""

    def __init__(self, message: Message):
        super().__init__(message.text())
        self.message = message


class NeedsDecision(ValueError):
    """Conflicts are left without a choice of whose value to keep."""


@dataclass
class FieldChange:
    name: str
    base: Any
    ours: Any
    theirs: Any
    conflict: bool


@dataclass
class Change:
    kind: str  # "new", "changed", "deleted"
    spec: RecordSpec
    uid: str
    title: str
    local_id: int | None
    fields: list[FieldChange] = field(default_factory=list)
    conflict: str = ""  # "", "fields", "deleted here", "changed here"
    entry: dict[str, Any] = field(default_factory=dict)


@dataclass
class Inspection:
    path: Path
    manifest: dict[str, Any]
    signature: str
    unit_id: int
    unit_name: str
    period: str
    changes: list[Change]
    files: dict[str, bytes]
    already: Any = None
    records: list = field(
        default_factory=list
    )  # the package's records as they came  # the receipt (or True) of a package received before

    @property
    def conflicts(self) -> list[Change]:
        return [c for c in self.changes if c.conflict]


def inspect(path: Path) -> Inspection:
    """Read and check the package; raises Refused or package.BadPackage."""
    path = Path(path)
    manifest = package.read_manifest(path)
    if manifest.get("kind") != "handin":
        raise Refused(M.message(M.NOT_HANDIN, path.name))
    if roles.unit_copy() is not None:
        raise Refused(M.message(M.AT_UNIT))
    office = roles.get(roles.OFFICE)
    if not office or manifest.get("office") != office:
        raise Refused(M.message(M.OTHER_OFFICE, path.name))
    unit_uid = str(manifest.get("unit") or "")
    unit = m.Unit.get_or_none(m.Unit.uid == unit_uid)
    key = roles.get(roles.KEY_OF + unit_uid)
    if unit is None or not key:
        raise Refused(M.message(M.UNKNOWN_UNIT, path.name, manifest.get("unit_name") or unit_uid))
    pkg, signature = package.read(path, key)
    seq = pkg.manifest.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise Refused(M.message(M.NO_NUMBER, path.name))
    raw_period = pkg.manifest.get("period")
    period = periods.normalize(raw_period) if isinstance(raw_period, str) else None
    if period is None or not isinstance(pkg.records, list):
        raise Refused(M.message(M.UNREADABLE, path.name))
    inspection = Inspection(
        path, pkg.manifest, signature, unit.id, unit.name, period, [], pkg.files
    )
    inspection.records = pkg.records
    r = m.HandinReceipt
    received = r.get_or_none((r.unit_uid == unit_uid) & (r.signature == signature))
    if received is None:
        # A package carries everything since the exchange the office last
        # confirmed, so one made after the newest received supersedes those
        # before it, whatever its number (a copy restored from a backup
        # numbers again from there); one made before it came with it.
        newest = (
            r.select()
            .where(r.unit_uid == unit_uid)
            .order_by(r.made_at.desc(), r.seq.desc())
            .first()
        )
        made = str(pkg.manifest.get("made_at") or "")
        # Newer: made later (a copy restored from a backup numbers again), or
        # numbered higher (a unit whose clock runs behind).
        if newest is not None and newest.made_at >= made and newest.seq >= seq:
            received = newest
    if received is not None:
        inspection.already = received
        return inspection
    took = pkg.manifest.get("update_received")
    took = took if isinstance(took, int) and not isinstance(took, bool) else 0
    held = {
        # What the unit last saw of the record: the office's update when the
        # package says the unit took it, else what the office took from it.
        (row.record_type, row.uid): json.loads(
            row.sent_values if row.sent_seq and took >= row.sent_seq else row.values
        )
        for row in m.HandinReceived.select().where(m.HandinReceived.unit_uid == unit_uid)
    }
    inspection.changes = _changes(pkg.records, unit, path.name, held)
    return inspection


def _changes(
    records: list,
    unit: m.Unit | None,
    name: str,
    bases: dict[tuple[str, str], dict[str, Any]] | None = None,
) -> list[Change]:
    """What the package's records change here. unit: the unit handing in (its
    package may touch its own records only, each with the base it carries);
    None for an update from the office, whose records are all taken, with
    bases (type, uid) -> values this copy last exchanged for its own records."""
    uids = portable.Uids()
    kinds = {s.key for s in creation_order()}
    entries: list[tuple[RecordSpec, str, dict[str, Any], int | None]] = []
    seen = set()
    for entry in records if isinstance(records, list) else []:
        if not isinstance(entry, dict):
            raise Refused(M.message(M.UNREADABLE, name))
        key = entry.get("type")
        uid = entry.get("uid")
        if key not in kinds or (unit is not None and not roles.owned_by_units(key)):
            raise Refused(M.message(M.OFFICE_KIND, name, key))
        if not isinstance(uid, str) or not _UID.fullmatch(uid) or (key, uid) in seen:
            raise Refused(M.message(M.NO_IDENTITY, name))
        seen.add((key, uid))
        entries.append((spec_for(key), uid, entry, uids.id(key, uid)))
    # The office's side of every record the package touches, read in batches.
    ours_of: dict[tuple[str, int], dict[str, Any]] = {}
    for spec in creation_order():
        here = [local for s, _, _, local in entries if s is spec and local is not None]
        for rid, values in portable.portable_many(spec, here, uids).items():
            ours_of[(spec.key, rid)] = values
    out = []
    for spec, uid, entry, local in entries:
        ours = ours_of.get((spec.key, local)) if local is not None else None
        if unit is not None and ours is not None and ours.get(spec.unit_field) != unit.uid:
            title = portable.title(spec, ours, uids)
            raise Refused(M.message(M.NOT_THEIRS, name, title, unit.name))
        # The base: what this side last took of the record from the other
        # (the office: its last merged package; a unit: its last exchange),
        # else what the package says it was.
        base = (bases or {}).get((spec.key, uid), entry.get("base") if unit is not None else None)
        if entry.get("delete"):
            if ours is None:
                continue  # deleted on both sides
            change = Change(
                "deleted", spec, uid, portable.title(spec, ours, uids), local, entry=entry
            )
            fields_then = {k: v for k, v in (base or {}).items() if k != ATTACHMENTS}
            if base is not None and ours != fields_then:
                change.conflict = "changed here"
            out.append(change)
            continue
        values = entry.get("values")
        if not _readable(spec, values, entry.get("attachments")):
            raise Refused(M.message(M.UNREADABLE, name))
        if unit is not None and values.get(spec.unit_field) != unit.uid:
            title = portable.title(spec, values, uids)
            raise Refused(M.message(M.NOT_THEIRS, name, title, unit.name))
        title = portable.title(spec, values, uids)
        if ours is None:
            change = Change("new", spec, uid, title, None, entry=entry)
            if base is not None:
                change.conflict = "deleted here"  # the office deleted what the unit changed
            out.append(change)
            continue
        fields = []
        for f in spec.fields:
            if f.name not in values:
                continue
            theirs, mine = values[f.name], ours.get(f.name)
            was = base.get(f.name, mine) if isinstance(base, dict) else mine
            if theirs == was or theirs == mine:
                continue  # the unit did not change it, or both made the same change
            fields.append(FieldChange(f.name, was, mine, theirs, mine != was))
        files = values.get(ATTACHMENTS)
        files_before = (base or {}).get(ATTACHMENTS, []) if isinstance(base, dict) else []
        if files is not None and files != files_before:
            # Files added or removed at the unit: taken as they come.
            fields.append(FieldChange(ATTACHMENTS, files_before, files_before, files, False))
        if fields:
            change = Change("changed", spec, uid, title, local, fields, entry=entry)
            if any(fc.conflict for fc in fields):
                change.conflict = "fields"
            out.append(change)
    return out


def _remember(unit_uid: str, inspection: Inspection) -> None:
    """What the package carried is the office's base for the unit's next one;
    the updates the unit says it received are confirmed."""
    rows = m.HandinReceived
    by_type: dict[str, list[str]] = {}
    for entry in inspection.records:
        by_type.setdefault(entry.get("type"), []).append(entry.get("uid"))
    for key, uids in by_type.items():
        for start in range(0, len(uids), 500):
            rows.delete().where(
                (rows.unit_uid == unit_uid)
                & (rows.record_type == key)
                & rows.uid.in_(uids[start : start + 500])
            ).execute()
    bulk.insert_rows(
        rows,
        [
            {
                "unit_uid": unit_uid,
                "record_type": entry.get("type"),
                "uid": entry.get("uid"),
                "values": json.dumps(entry.get("values"), ensure_ascii=False, sort_keys=True),
            }
            for entry in inspection.records
            if not entry.get("delete")
        ],
        want_ids=False,
    )
    got = inspection.manifest.get("update_received")
    if isinstance(got, int) and not isinstance(got, bool) and got >= 0:
        # The unit's next update starts after the newest it says it took,
        # even an older one (a copy restored from before an update).
        mark = roles.get(roles.UPDATE_MARK_OF + f"{unit_uid}.{got}")
        if mark:
            roles.put(roles.UPDATE_MARK_OF + unit_uid, mark)


def _readable(spec: RecordSpec, values: Any, listed: Any) -> bool:
    """Whether a travelling record's values have the shapes its fields take
    (a signed package can still be made wrong by hand)."""
    if not isinstance(values, dict) or not isinstance(listed, (list, type(None))):
        return False
    if any(not isinstance(a, dict) for a in listed or []):
        return False

    def text(v: Any) -> bool:
        return v is None or isinstance(v, str)

    files = values.get(ATTACHMENTS)
    if files is not None and not (
        isinstance(files, list)
        and all(
            isinstance(x, list) and len(x) == 2 and all(isinstance(y, str) for y in x)
            for x in files
        )
    ):
        return False
    for f in spec.fields:
        v = values.get(f.name)
        if f.kind in (INT, FLOAT):
            ok = v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))
        elif f.kind in (MULTICHOICE, LINKS):
            ok = isinstance(v, (list, type(None))) and all(isinstance(x, str) for x in v or [])
        elif f.kind == CHILDREN:
            ok = isinstance(v, (list, type(None))) and all(
                isinstance(x, list) and len(x) == 2 and text(x[0]) and isinstance(x[1], str)
                for x in v or []
            )
        else:
            ok = text(v)
        if not ok:
            return False
    return True


@dataclass
class Merged:
    new: int = 0
    changed: int = 0
    deleted: int = 0
    kept_ours: int = 0
    kept: list = field(default_factory=list)  # (type, uid) kept as this side had them
    files: int = 0
    backup: Path | None = None
    report_id: int | None = None


def merge(
    inspection: Inspection,
    take: str | None = None,
    choices: dict[tuple[str, str], str] | None = None,
) -> Merged:
    """Write what the package brings. take: THEIRS or OURS for every conflict;
    choices: (uid, field name or "") -> THEIRS/OURS for single ones (they win
    over take). Raises NeedsDecision when a conflict has neither."""
    from desktop_app.safety.backup import backup_before

    if inspection.already is not None:
        return Merged()
    side = decider(inspection, take, choices)
    done = Merged()
    path = store_db.current_path()
    if path is not None:
        done.backup = backup_before(Path(path), "pre-handin")
    man = inspection.manifest
    origin = f"{man.get('sender') or '?'}（{inspection.unit_name}报送 {inspection.period} 第{man['seq']}号）"
    operator = store_db.current_operator()
    store_db.set_operator(origin[:255])
    try:
        with store_db.write_transaction():
            try:
                _apply(inspection, side, done)
            except E.DeleteRefused as exc:
                raise Refused(M.message(M.INVALID, "", exc)) from exc
            except (TypeError, ValueError, AttributeError, KeyError) as exc:
                if isinstance(exc, (Refused, NeedsDecision)):
                    raise
                raise Refused(M.message(M.UNREADABLE, inspection.path.name)) from exc
            done.report_id = _mark_report(inspection)
            _remember(man["unit"], inspection)
            if done.kept:
                # The unit still holds its own values of these: the next update
                # sends the office's, whether or not the office edits them again.
                key = roles.RESEND_OF + man["unit"]
                before = json.loads(roles.get(key) or "[]")
                roles.put(key, json.dumps(sorted({*map(tuple, before), *done.kept})))
            m.HandinReceipt.insert(
                unit_uid=man["unit"],
                unit_name=inspection.unit_name,
                seq=man["seq"],
                period=inspection.period,
                sender=str(man.get("sender") or ""),
                made_at=str(man.get("made_at") or ""),
                received_by=operator,
                signature=inspection.signature,
                records=len(inspection.changes),
            ).execute()
    finally:
        store_db.set_operator(operator)
        service.UNDO.clear()  # Ctrl+Z must not take back one merged record
    return done


def decider(inspection: Inspection, take: str | None, choices: dict[tuple[str, str], str] | None):
    """side(uid, field) -> THEIRS or OURS, as chosen for that conflict (or the
    whole record, or all: take); raises NeedsDecision, before anything is
    written, when a conflict of the inspection has no choice."""
    choices = choices or {}

    def side(uid: str, name: str = "") -> str:
        found = choices.get((uid, name)) or choices.get((uid, "")) or take
        if found not in (THEIRS, OURS):
            raise NeedsDecision(uid)
        return found

    for change in inspection.conflicts:
        for fc in change.fields or [None]:
            if fc is None or fc.conflict:
                side(change.uid, fc.name if fc else "")
    return side


def _apply(inspection: Inspection, side, done: Merged) -> None:
    """New records of each type written in one batch (in the order types point
    at each other), then the changed ones, then the deletions."""
    uids = portable.Uids()
    checks = BatchChecks()
    deletions = []
    for spec in creation_order():
        mine = [c for c in inspection.changes if c.spec is spec]
        new = [c for c in mine if c.kind == "new"]
        for change in [c for c in new if c.conflict and side(c.uid) == OURS]:
            new.remove(change)  # the office deleted it and keeps it deleted
            done.kept_ours += 1
        cleaned = []
        for change in new:
            values = _local(change, change.entry["values"], uids)
            try:
                cleaned.append(validate(spec, values, None, checks))
            except ValidationError as exc:
                raise Refused(M.message(M.INVALID, change.title, exc)) from exc
        ids = service.insert_validated(spec, cleaned, [c.uid for c in new])
        for change, record_id in zip(new, ids, strict=True):
            uids.learn(spec.key, record_id, change.uid)
            done.new += 1
            done.files += _attach(spec, record_id, change.entry, inspection.files)
        back = [c.uid for c in new if c.conflict]
        if back:
            # Deleted here and brought back by the sender: its copy in the
            # recycle bin is gone for good, or restoring it would make two.
            _forget_binned(spec.key, back)
        edits = [c for c in mine if c.kind == "changed"]
        current = portable.portable_many(spec, [c.local_id for c in edits], uids)
        updates = []
        for change in edits:
            values = current[change.local_id]
            for fc in change.fields:
                if fc.conflict and side(change.uid, fc.name) == OURS:
                    done.kept_ours += 1
                    done.kept.append((spec.key, change.uid))
                    continue
                values[fc.name] = fc.theirs
            try:
                clean = validate(spec, _local(change, values, uids), change.local_id, checks)
            except ValidationError as exc:
                raise Refused(M.message(M.INVALID, change.title, exc)) from exc
            updates.append((change.local_id, clean))
        service.update_validated(spec, updates)
        for change in edits:
            done.changed += 1
            for fc in change.fields:
                if fc.name == ATTACHMENTS:
                    # Only what the sender added or removed since the exchange:
                    # a file the office removed meanwhile does not come back.
                    added = {tuple(x) for x in fc.theirs} - {tuple(x) for x in fc.base or []}
                    done.files += _attach(
                        spec, change.local_id, change.entry, inspection.files, added
                    )
                    _detach(spec, change.local_id, fc.base, fc.theirs)
        deletions += [c for c in mine if c.kind == "deleted"]
    for change in reversed(deletions):  # what points at others goes first
        if change.conflict and side(change.uid) == OURS:
            done.kept_ours += 1
            done.kept.append((change.spec.key, change.uid))
            continue
        service.delete(change.spec, change.local_id)
        done.deleted += 1


def _forget_binned(key: str, uids: list[str]) -> None:
    import json

    wanted = set(uids)
    gone = []
    for entry in m.DeletedRecord.select().where(m.DeletedRecord.record_type == key):
        try:
            uid = json.loads(entry.payload)["columns"].get("uid")
        except (ValueError, KeyError, TypeError):
            continue
        if uid in wanted:
            gone.append(entry.id)
    if gone:
        service.purge_deleted(gone)


def _local(change: Change, values: dict[str, Any], uids: portable.Uids) -> dict[str, Any]:
    try:
        return portable.local(change.spec, values, uids)
    except portable.MissingLink as exc:
        label = change.spec.field(exc.field).label
        raise Refused(M.message(M.MISSING_LINK, change.title, label, label_args=(2,))) from exc


_STORED_NAME = re.compile(r"[0-9a-f]{64}(\.[A-Za-z0-9]{1,10})?")


def _attach(
    spec: RecordSpec,
    record_id: int,
    entry: dict,
    files: dict[str, bytes],
    only: set[tuple] | None = None,
) -> int:
    """The record's attachments from the package (a file already attached is
    kept once; only: just these (sha256, name)). A file is stored under its
    own SHA-256, never under a name the package gives."""
    added = 0
    listed = entry.get("attachments") or []
    if not listed:
        return 0
    have = {(a.file_hash, a.file_name) for a in attachments.list_for(spec.key, record_id)}
    for item in listed:
        stored = str(item.get("file"))
        data = files.get(stored)
        if data is None:
            raise Refused(M.message(M.MISSING_FILE, str(item.get("name"))[:200]))
        digest = hashlib.sha256(data).hexdigest()
        if not _STORED_NAME.fullmatch(stored) or not stored.startswith(digest):
            raise Refused(M.message(M.MISSING_FILE, str(item.get("name"))[:200]))
        name = str(item.get("name") or stored)[:255]
        if only is not None and (digest, name) not in only:
            continue
        if (digest, name) in have:
            continue
        target = attachments.files_dir() / stored
        if not target.exists():
            tmp = target.with_suffix(target.suffix + ".part")
            tmp.write_bytes(data)
            tmp.replace(target)
        m.Attachment.create(
            record_type=spec.key,
            record_id=record_id,
            file_hash=digest,
            file_name=name,
            size=len(data),
            description=str(item.get("description") or "")[:255],
            added_by=store_db.current_operator(),
        )
        added += 1
    return added


def _detach(spec: RecordSpec, record_id: int, before: list, after: list) -> None:
    """Attachments the sender removed since the last exchange, removed here."""
    gone = {tuple(x) for x in before or []} - {tuple(x) for x in after or []}
    for att in attachments.list_for(spec.key, record_id):
        if (att.file_hash, att.file_name) in gone:
            attachments.remove(att.id)


def _mark_report(inspection: Inspection) -> int:
    """The unit's hand-in for the period marked 已报送 today (made if missing)."""
    spec = spec_for("ledger_report")
    model = spec.model
    found = model.get_or_none(
        (model.unit == inspection.unit_id) & (model.period == inspection.period)
    )
    values = (
        service.load(spec, found.id)
        if found is not None
        else {**service.empty_values(spec), "unit": inspection.unit_id, "period": inspection.period}
    )
    values["status"] = categories.LEDGER_SUBMITTED
    values["submitted_date"] = dt.date.today()
    return service.save(spec, values, found.id if found is not None else None)
