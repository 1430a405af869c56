"""`coop-ledger ledger show | set KEY VALUE`: what the ledger says about itself.

The organisation, preparer (填报人) and phone printed on every sheet live in
the ledger file (records/ledger_info.py), so scripts and the window agree.
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.records import ledger_info

LABELS = {
    ledger_info.ORGANISATION: "organisation (组织名称)",
    ledger_info.PREPARER: "preparer (填报人)",
    ledger_info.PHONE: "phone (联系电话)",
}


def add_parser(sub) -> None:
    p = sub.add_parser(
        "ledger",
        help="the organisation, preparer and phone the ledger prints on its sheets",
        description="Show or set what every sheet printed from this ledger carries: "
        "the organisation's name, the preparer (填报人) and the phone (联系电话). "
        "They are kept in the ledger file, so a copy on another PC prints the same.",
    )
    p.add_argument("action", choices=["show", "set"])
    p.add_argument(
        "key",
        nargs="?",
        metavar="KEY",
        help="with set: organisation (组织名称), preparer (填报人), phone (联系电话), or "
        "signoff:SHEET (the sign-off lines that sheet ends with: any of organisation, "
        "preparer, reviewer, phone, date, comma-separated, or none)",
    )
    p.add_argument("value", nargs="?", metavar="VALUE", help="with set: the new value")
    p.add_argument("--db", metavar="PATH", dest="ledger_db")


def _fail(message: str) -> int:
    print(f"coop-ledger ledger: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from desktop_app.safety.lock import LockHeld
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger
    from desktop_app.store.target import exists, lock_for, target_of

    db = target_of(args.ledger_db)
    if not exists(db):
        return _fail(f"no ledger file at {db}")
    if args.action == "show":
        from desktop_app.safety.guard import writable

        open_ledger(db, read_only=not isinstance(db, str) and not writable(db))
        for key, value in ledger_info.values().items():
            print(f"{LABELS[key]}: {value}")
        from desktop_app.reports import sheets, signoff

        for sheet in sheets.SHEETS:
            print(f"signoff:{sheet}: {', '.join(signoff.chosen_lines(sheet)) or 'none'}")
        return 0
    if args.key is None or args.value is None:
        return _fail("set needs a KEY and a VALUE, e.g. ledger set organisation 中共阳高县委组织部")
    signoff_sheet = None
    if args.key.startswith(("signoff:", "signoff.")):
        from desktop_app.reports import sheets, signoff

        signoff_sheet = args.key[len("signoff:") :]
        if signoff_sheet not in sheets.SHEETS:
            return _fail(
                f"unknown sheet {signoff_sheet!r} in {args.key!r}; "
                f"sheets: {', '.join(sheets.SHEETS)}"
            )
        try:
            lines = signoff.parse_lines(args.value)
        except ValueError as exc:
            return _fail(str(exc))
        key = None
    else:
        key = ledger_info.ALIASES.get(args.key.strip().lower(), ledger_info.ALIASES.get(args.key))
        if key is None:
            return _fail(
                f"unknown KEY {args.key!r}; use organisation, preparer, phone or signoff:SHEET"
            )
    lock = lock_for(db)
    try:
        lock.acquire()
    except LockHeld as exc:
        return _fail(f"{db} is open in another copy of the program: {exc}")
    try:
        open_ledger(db)
        if signoff_sheet is not None:
            signoff.set_lines(signoff_sheet, lines)
        else:
            stored = ledger_info.set_value(key, args.value)
    finally:
        store_db.close()
        lock.release()
    if signoff_sheet is not None:
        print(f"{db}: sign-off lines of {signoff_sheet}: {', '.join(lines) or 'none'}")
    else:
        print(f"{db}: {LABELS[key]} set to {stored!r}")
    return 0
