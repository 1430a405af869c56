"""What the ledger says about itself: the organisation that keeps it and who
fills in and answers for its sheets.

Kept in the ledger file (store.models.LedgerInfo), not in one PC's settings,
so a ledger copied to another PC prints the same header and sign-off.
"""

from __future__ import annotations

from desktop_app.records.values import clean_text
from desktop_app.store import models as m
from desktop_app.store.db import write_transaction

ORGANISATION = "organisation"
PREPARER = "preparer"  # 填报人
PHONE = "phone"  # 联系电话
KEYS = (ORGANISATION, PREPARER, PHONE)

# What the command line accepts for each key (English, and the sheet's words).
ALIASES = {
    "organisation": ORGANISATION,
    "organization": ORGANISATION,
    "组织名称": ORGANISATION,
    "填报单位": ORGANISATION,
    "preparer": PREPARER,
    "填报人": PREPARER,
    "phone": PHONE,
    "联系电话": PHONE,
}
MAX_LENGTH = 200


def get(key: str) -> str:
    row = m.LedgerInfo.get_or_none(m.LedgerInfo.key == key)
    return row.value if row is not None else ""


def values() -> dict[str, str]:
    found = dict(m.LedgerInfo.select(m.LedgerInfo.key, m.LedgerInfo.value).tuples())
    return {key: found.get(key, "") for key in KEYS}


def set_value(key: str, value: str) -> str:
    """Store one fact (stripped of control characters); returns what was stored."""
    if key not in KEYS:
        raise KeyError(key)
    return store(key, value)


def store(key: str, value: str) -> str:
    """Store any of the ledger's own settings (a sheet's sign-off lines …)."""
    text = clean_text(value or "").strip()[:MAX_LENGTH]
    with write_transaction():
        updated = m.LedgerInfo.update(value=text).where(m.LedgerInfo.key == key).execute()
        if not updated:
            m.LedgerInfo.insert(key=key, value=text).execute()
    return text


def organisation() -> str:
    return get(ORGANISATION)
