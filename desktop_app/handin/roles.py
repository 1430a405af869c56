"""Which copy of the ledger this is, and what the copies share.

Kept in the ledger (LedgerInfo rows named handin.*), so a copy carried to
another PC is still the same copy. The office's ledger gets its identity the
first time a unit's copy is made; a unit's copy knows the office's identity,
its own unit, and the key both sides sign its packages with.
"""

from __future__ import annotations

import secrets
from contextlib import contextmanager
from dataclasses import dataclass

from desktop_app.records import ledger_info
from desktop_app.store import models as m
from desktop_app.store.db import write_transaction

ROLE = "handin.role"  # "unit" in a unit's copy; absent in the office's ledger
OFFICE = "handin.office"  # the office ledger's identity (in both)
UNIT = "handin.unit"  # a unit's copy: its unit's uid
KEY = "handin.key"  # a unit's copy: the key its packages are signed with
KEY_OF = "handin.key."  # the office: + a unit's uid -> that unit's key
SENT = "handin.sent"  # a unit's copy: the number of its last package
MARK = "handin.mark"  # a unit's copy: the last change-log entry the office confirmed
MARK_OF = "handin.mark_of."  # a unit's copy: + a package's number -> the entry it went to
UPDATE_SENT_OF = "handin.update_sent."  # the office: + unit uid -> its last update's number
UPDATE_MARK_OF = "handin.update_mark."  # the office: + unit uid -> last change-log entry sent
UPDATE_RECEIVED = "handin.update_received"  # a unit's copy: the last update's number
RESEND_OF = "handin.resend."  # the office: + unit uid -> [type, uid] its next update must send

UNIT_ROLE = "unit"
# What the office keeps and the units read: the lists every copy shares, and
# the office's own records about the units (hand-ins, assessment).
SHARED_TYPES = ("unit", "institution")
OFFICE_TYPES = ("ledger_report", "assessment")


get = ledger_info.get


def put(key: str, value: str) -> None:
    """Store a fact (inside the caller's transaction, or its own), as it is:
    ledger_info.store trims what people type, and a key must stay whole."""
    with write_transaction():
        done = m.LedgerInfo.update(value=value).where(m.LedgerInfo.key == key).execute()
        if not done:
            m.LedgerInfo.insert(key=key, value=value).execute()


def office_identity() -> str:
    """The office ledger's identity, made on first use."""
    found = get(OFFICE)
    if not found:
        found = m.new_uid()
        put(OFFICE, found)
    return found


@dataclass(frozen=True)
class UnitCopy:
    office: str
    unit_uid: str
    unit_id: int
    unit_name: str
    key: str
    # A unit's user signed in to the shared server ledger, not a copy of its own:
    # the same rules, and no packages (the office sees each save at once).
    on_server: bool = False


def unit_copy() -> UnitCopy | None:
    """This ledger as a unit's copy, or None (the office's own ledger). On a
    server ledger: a unit's user signed in is treated as its unit's copy."""
    from desktop_app.server import session

    user = session.current()
    if user is not None:
        if user.role != "unit":
            return None
        unit = m.Unit.get_or_none(m.Unit.id == user.unit_id)
        uid = unit.uid if unit else ""
        return UnitCopy("", uid or "", user.unit_id, user.unit_name, "", on_server=True)
    if get(ROLE) != UNIT_ROLE:
        return None
    uid = get(UNIT)
    unit = m.Unit.get_or_none(m.Unit.uid == uid)
    if unit is None:
        return None
    return UnitCopy(get(OFFICE), uid, unit.id, unit.name, get(KEY))


def new_key() -> str:
    return secrets.token_hex(32)


def owned_by_units(spec_key: str) -> bool:
    """Whether records of this type belong to a unit, which hands them in."""
    return spec_key not in SHARED_TYPES and spec_key not in OFFICE_TYPES


def locked_here(spec_key: str, record_unit_id: int | None = None) -> bool:
    """Whether this copy of the ledger may not change records of this type
    (or this record, of record_unit_id): a unit's copy changes only its own
    unit's records; the shared lists and the office's own records it reads."""
    copy = unit_copy()
    if copy is None:
        return False
    if not owned_by_units(spec_key):
        return True
    return record_unit_id is not None and record_unit_id != copy.unit_id


_office_writing = False


@contextmanager
def office_writes():
    """What the office sends a unit's copy (an update) is written there,
    past the rule that the copy changes only its unit's own records."""
    global _office_writing
    before, _office_writing = _office_writing, True
    try:
        yield
    finally:
        _office_writing = before


def refusal(spec_key: str, unit_ids: list[int | None]) -> tuple[str, str] | None:
    """On a unit's copy, why records of spec_key (of these units) may not be
    written here: (template, unit name); None when they may."""
    if _office_writing:
        return None
    copy = unit_copy()
    if copy is None:
        return None
    if not owned_by_units(spec_key):
        return ("shared", copy.unit_name)
    if any(u != copy.unit_id for u in unit_ids):
        return ("own", copy.unit_name)
    return None
