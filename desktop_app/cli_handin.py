"""`coop-ledger handin setup|export|import`: hand-in packages from the command line.

- setup (at the office): a unit's copy of the ledger;
- export (on a unit's copy): the package of what changed since the last one;
- import (at the office): check a package, show what it brings, merge it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser(
        "handin",
        help="hand-in packages: set up a unit's copy, make a package, receive one",
        description="Units keep their part of the ledger on their own PC and hand it in "
        "as a package, which the talent office receives and merges.",
    )
    acts = p.add_subparsers(dest="handin_action", required=True)
    s = acts.add_parser("setup", help="(office) make a unit's copy of the ledger")
    s.add_argument("--unit", required=True, metavar="NAME", help="the unit, by its name")
    s.add_argument("--out", required=True, metavar="FILE", help="the copy to write (new file)")
    s.add_argument("--db", metavar="PATH", dest="handin_db", help="the office's ledger")
    e = acts.add_parser("export", help="(unit) make the package of what changed since the last")
    e.add_argument("--period", required=True, help="2023Q3, 2023年第三季度, 2023-07 or 2023")
    e.add_argument("--out", required=True, metavar="FILE", help="the package to write (.cledger)")
    e.add_argument("--sender", default="", help="who sends it (default: the operator's name)")
    e.add_argument("--db", metavar="PATH", dest="handin_db", help="the unit's copy")
    u = acts.add_parser("update", help="(office) make the update for a unit's copy")
    u.add_argument("--unit", required=True, metavar="NAME", help="the unit, by its name")
    u.add_argument("--out", required=True, metavar="FILE", help="the update to write (.cledger)")
    u.add_argument("--sender", default="", help="who sends it (default: the operator's name)")
    u.add_argument("--db", metavar="PATH", dest="handin_db", help="the office's ledger")
    r = acts.add_parser("return", help="(office) send a unit's hand-in back with a comment")
    r.add_argument("--unit", required=True, metavar="NAME", help="the unit, by its name")
    r.add_argument("--period", required=True, help="2023Q3, 2023年第三季度 …")
    r.add_argument("--comment", required=True, help="what the unit is to put right")
    r.add_argument("--db", metavar="PATH", dest="handin_db", help="the office's ledger")
    i = acts.add_parser(
        "import",
        help="check a package (at the office) or an update (on a unit's copy), show it, merge it",
    )
    i.add_argument("file", metavar="FILE", help="the package (.cledger)")
    i.add_argument("--dry-run", action="store_true", help="only show what it brings")
    i.add_argument(
        "--take",
        choices=["theirs", "ours"],
        help="for every conflict, keep the sender's value (theirs) or this ledger's (ours)",
    )
    i.add_argument("--db", metavar="PATH", dest="handin_db", help="the office's ledger")


def _fail(message: str) -> int:
    print(f"coop-ledger handin: error: {message}", file=sys.stderr)
    return 2


def _cannot_write(out: Path) -> str:
    """Why a new file cannot be written at out ("" when it can)."""
    if not out.parent.is_dir():
        return f"no folder {out.parent}"
    if out.exists():
        return f"{out} already exists; name a new file"
    return ""


def run(args: argparse.Namespace) -> int:
    from desktop_app.safety.lock import LockHeld
    from desktop_app.store import db as store_db
    from desktop_app.store.target import exists, lock_for, target_of

    db = target_of(args.handin_db)
    if not exists(db):
        return _fail(f"no ledger file at {db}")
    lock = lock_for(db)
    try:
        lock.acquire()
    except LockHeld as exc:
        return _fail(f"{db} is open in another copy of the program: {exc}")
    try:
        if args.handin_action == "setup":
            return _setup(db, args)
        if args.handin_action == "export":
            return _export(db, args)
        if args.handin_action == "update":
            return _update(db, args)
        if args.handin_action == "return":
            return _return(db, args)
        return _import(db, args)
    finally:
        store_db.close()
        lock.release()


def _setup(db: Path, args) -> int:
    from desktop_app.handin import setup
    from desktop_app.store.opening import open_ledger

    out = Path(args.out)
    if problem := _cannot_write(out):
        return _fail(problem)
    open_ledger(db)
    try:
        made = setup.make_unit_copy(args.unit, out)
    except setup.UnknownUnit as exc:
        return _fail(f"no unit named {exc.name!r}; units: {', '.join(exc.names) or 'none'}")
    except setup.NotTheOffice:
        return _fail(f"{db} is a unit's copy: copies are set up from the office's ledger")
    print(
        f"{out}: the copy for {made.unit}, holding {made.shared} shared record(s) and "
        f"{made.own} of its own; open it on the unit's PC and hand in with "
        "`coop-ledger handin export`"
    )
    return 0


def _export(db: Path, args) -> int:
    from desktop_app.handin import outgoing, package, periods
    from desktop_app.store.opening import open_ledger

    period = periods.normalize(args.period)
    if period is None:
        return _fail(
            f"--period {args.period!r}: write it as 2023Q3, 2023年第三季度, 2023-07 or 2023"
        )
    out = package.named(args.out)
    if problem := _cannot_write(out):
        return _fail(problem)
    open_ledger(db)
    try:
        made = outgoing.make_package(period, out, args.sender)
    except outgoing.NotAUnitCopy:
        return _fail(f"{db} is not a unit's copy: packages are made on a unit's copy")
    print(
        f"{out}: package {made.seq} for {made.period}: {made.changed} new or changed "
        f"record(s), {made.deleted} deleted, {made.files} file(s)"
    )
    if made.missing:
        print(
            "attached files missing from the attachments folder, not in the package: "
            + ", ".join(made.missing),
            file=sys.stderr,
        )
    return 0


def _update(db: Path, args) -> int:
    from desktop_app.handin import incoming, package, updates
    from desktop_app.store.opening import open_ledger

    out = package.named(args.out)
    if problem := _cannot_write(out):
        return _fail(problem)
    open_ledger(db)
    try:
        made = updates.make_update(args.unit, out, args.sender)
    except incoming.Refused as exc:
        return _fail(str(exc))
    print(f"{out}: update {made.seq} for {made.unit}: {made.records} record(s)")
    return 0


def _return(db: Path, args) -> int:
    from desktop_app.handin import returns
    from desktop_app.store.opening import open_ledger

    if not args.comment.strip():
        return _fail("--comment: say what the unit is to put right")
    open_ledger(db)
    try:
        report = returns.find(args.unit, args.period)
        returns.return_hand_in(report, args.comment)
    except returns.NoSuchHandIn as exc:
        return _fail(f"no hand-in of {exc} in {db}")
    except PermissionError as exc:
        return _fail(str(exc))
    print(f"{args.unit}'s hand-in for {args.period} sent back (已退回); the next update carries it")
    return 0


def _import(db: Path, args) -> int:
    from desktop_app.handin import incoming, package, updates
    from desktop_app.store.opening import open_ledger

    path = Path(args.file)
    if path.is_dir():
        return _fail(f"{path} is a folder; give the package file (.cledger)")
    if not path.is_file():
        return _fail(f"no file at {path}")
    open_ledger(db)
    try:
        is_update = package.read_manifest(path).get("kind") == "update"
        seen = updates.inspect_update(path) if is_update else incoming.inspect(path)
    except (incoming.Refused, package.BadPackage) as exc:
        return _fail(f"refused, nothing written: {exc}")
    man = seen.manifest
    if is_update:
        print(
            f"update {man.get('seq')} from the talent office for {seen.unit_name}, "
            f"sent by {man.get('sender') or '?'} at {package.made_at(man)}"
        )
    else:
        print(
            f"package {man.get('seq')} from {seen.unit_name} for {seen.period}, "
            f"sent by {man.get('sender') or '?'} at {package.made_at(man)}"
        )
    if seen.already is True:
        print("already received; nothing changed")
        return 0
    if seen.already is not None:
        print(f"already received on {seen.already.received_at:%Y-%m-%d %H:%M}; nothing changed")
        return 0
    labels = {"new": "new", "changed": "changed", "deleted": "deleted"}
    for c in seen.changes:
        mark = f"  CONFLICT ({c.conflict})" if c.conflict else ""
        print(f"{labels[c.kind]}\t{c.spec.key}\t{c.title}{mark}")
        for fc in c.fields:
            flag = "  CONFLICT" if fc.conflict else ""
            if fc.name == incoming.ATTACHMENTS:
                names = [n for _, n in fc.theirs or []]
                print(f"\tattachments: {', '.join(names) or 'none'}")
                continue
            print(f"\t{fc.name}: office {fc.ours!r} -> unit {fc.theirs!r}{flag}")
    counts = {k: sum(1 for c in seen.changes if c.kind == k) for k in labels}
    print(
        f"{counts['new']} new, {counts['changed']} changed, {counts['deleted']} deleted, "
        f"{len(seen.conflicts)} conflict(s)"
    )
    if args.dry_run:
        print("dry run: nothing written")
        return 0
    try:
        merge = updates.merge_update if is_update else incoming.merge
        done = merge(seen, take=args.take)
    except incoming.NeedsDecision:
        return _fail(
            "conflicts above: choose whose values to keep with --take theirs (the sender's) "
            "or --take ours (this ledger's); nothing written"
        )
    except incoming.Refused as exc:
        return _fail(f"refused, nothing written: {exc}")
    print(
        f"merged: {done.new} new, {done.changed} changed, {done.deleted} deleted, "
        f"{done.kept_ours} kept as they were here, {done.files} file(s); backup {done.backup}"
    )
    if not is_update:
        print(f"{seen.unit_name}'s hand-in for {seen.period} marked 已报送")
    return 0
