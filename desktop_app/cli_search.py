"""`coop-ledger search TEXT`: what the window's search box finds, for scripts."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    p = sub.add_parser(
        "search",
        help="find records of every type by their text or their name's pinyin",
        description="Print the records that hold TEXT (every word of it), by type: "
        "type, id, name, and the field it matched in (pinyin: by the name's pinyin).",
    )
    p.add_argument("text", metavar="TEXT", help="what to find: 中北, 番茄 育种, zbdx, zhongbei")
    p.add_argument("--type", dest="search_type", metavar="TYPE", help="only this record type")
    p.add_argument(
        "--limit", type=int, default=20, metavar="N", help="hits shown per type (default 20)"
    )
    p.add_argument("--db", metavar="PATH", dest="search_db", help="ledger file")


def _fail(message: str) -> int:
    print(f"coop-ledger search: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from desktop_app.records.specs import SPECS
    from desktop_app.store.db import default_db_path
    from desktop_app.store.opening import NeedsUpgradeReadOnly, open_ledger

    if args.search_type and args.search_type not in SPECS:
        return _fail(f"unknown type {args.search_type!r}; choose one of: {', '.join(SPECS)}")
    if args.limit < 1:
        return _fail("--limit must be 1 or more")
    from desktop_app.store.target import target_of

    db = target_of(args.search_db) if args.search_db else default_db_path()
    if not isinstance(db, str):  # a file (a server ledger is found out when opened)
        if not db.exists():
            return _fail(f"no ledger file at {db}")
        if db.is_dir():
            return _fail(f"{db} is a folder; give the ledger file")
        if db.stat().st_size == 0:
            return _fail(f"{db} is empty: not a ledger")
    try:
        open_ledger(db, read_only=True)  # finding changes nothing
    except NeedsUpgradeReadOnly:
        return _fail(f"{db}: open it once with this version of the program first")
    from desktop_app.records import search

    groups = search.search(args.text, args.search_type, args.limit)
    if not groups:
        print(f"no record holds {args.text!r}")
        return 1
    for group in groups:
        print(f"{group.spec.key}: {group.count} match(es)")
        for hit in group.hits:
            print(f"{hit.spec.key}\t{hit.record_id}\t{hit.title}\t{hit.where}")
    return 0
