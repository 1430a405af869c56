"""`coop-ledger backup | restore | check`: the safety net from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parsers(sub) -> None:
    b = sub.add_parser("backup", help="back up the ledger (verified copy)")
    b.add_argument(
        "--to", metavar="PATH", help="file or folder to write (default: the backups folder)"
    )
    b.add_argument("--db", metavar="PATH", dest="safety_db")
    r = sub.add_parser(
        "restore", help="replace the ledger with a backup (the current file is backed up first)"
    )
    r.add_argument("backup", metavar="BACKUP", help="backup file to restore")
    r.add_argument("--db", metavar="PATH", dest="safety_db")
    c = sub.add_parser(
        "check", help="run SQLite's full integrity check and check the search index; report"
    )
    c.add_argument(
        "--rebuild-index", action="store_true", help="write the search index anew from the records"
    )
    c.add_argument("--db", metavar="PATH", dest="safety_db")
    a = sub.add_parser("audit", help="the change history")
    a.add_argument("action", choices=["verify"], help="verify: check the hash chain")
    a.add_argument("--db", metavar="PATH", dest="safety_db")


def _db(args) -> Path | str:
    from desktop_app.store.target import target_of

    return target_of(args.safety_db)


def _fail(command: str, message: str) -> int:
    print(f"coop-ledger {command}: error: {message}", file=sys.stderr)
    return 2


def _index_problems(db: Path) -> list[str]:
    import sqlite3

    from desktop_app.records import search_index
    from desktop_app.safety.integrity import _connect_ro

    try:
        con = _connect_ro(db)  # as the integrity check reads it: read-only media too
    except sqlite3.Error as exc:
        return [f"search index: {exc}"]
    try:
        found = search_index.problems(con)
    except sqlite3.Error as exc:
        return [f"search index: {exc}"]
    finally:
        con.close()
    if found:
        return found
    # A sample of records read as the program reads them, their index rows compared.
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import NeedsUpgradeReadOnly, open_ledger

    try:
        open_ledger(db, read_only=True)
    except NeedsUpgradeReadOnly:
        return []
    try:
        return search_index.stale()
    except sqlite3.Error as exc:
        return [f"search index: {exc}"]
    finally:
        store_db.close()


def _rebuild_index(db: Path) -> int | str:
    """The index written anew in one transaction; the count, or why not."""
    from desktop_app.records import search_index
    from desktop_app.safety.guard import open_guarded
    from desktop_app.store import db as store_db

    try:
        opened = open_guarded(db, daily_backup=False)
    except Exception as exc:  # held by another copy, read-only, damaged: said by the guard
        return str(exc) or type(exc).__name__
    try:
        if store_db.is_read_only():
            return f"{db} is open read-only here; close the program that holds it first"
        with store_db.write_transaction():
            return search_index.rebuild(store_db.database_proxy.obj)
    finally:
        opened.close()


def _on_server(args: argparse.Namespace, url: str) -> int:
    """check and restore of a server ledger (backup and audit work alike on both)."""
    from desktop_app.records import search_index
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

    if args.command == "restore":
        from desktop_app.server import transfer

        source = Path(args.backup)
        if not source.is_file():
            return _fail("restore", f"no backup file at {source}")
        try:
            moved = transfer.upload(source, url)
        except transfer.TransferError as exc:
            return _fail("restore", str(exc))
        print(f"{url}: restored from {source}: {moved.entries} change(s), {moved.files} file(s)")
        print("  " + ", ".join(f"{k} {v}" for k, v in moved.rows.items() if v))
        return 0
    try:
        if args.rebuild_index:
            open_ledger(url)
            with store_db.write_transaction():
                done = search_index.rebuild(store_db.database_proxy.obj)
            print(f"{url}: search index written for {done} record(s)")
        else:
            open_ledger(url, read_only=True)
        problems = search_index.problems_on_server(store_db.database_proxy.obj)
        if not problems:
            problems = search_index.stale()
    finally:
        store_db.close()
    return _report(url, problems)


def _report(ledger: Path | str, problems: list[str]) -> int:
    """What `check` found, on stdout; exit 1 when anything."""
    if problems:
        print(f"{ledger}: {len(problems)} problem(s)")
        for p in problems[:50]:
            print(f"  {p}")
        return 1
    print(f"{ledger}: ok")
    return 0


def run(args: argparse.Namespace) -> int:
    from desktop_app.safety import backup, integrity
    from desktop_app.store.db import home_of

    db = _db(args)
    on_server = isinstance(db, str)
    if on_server and args.command in ("check", "restore"):
        return _on_server(args, db)
    if not on_server and args.command != "restore" and not db.exists():
        return _fail(args.command, f"no ledger file at {db}")
    if not on_server and args.command in ("backup", "restore") and db.exists():
        # A -wal left damaged by a crash is kept aside first (the main program
        # tells of it); the backup then holds what SQLite can read.
        from desktop_app.safety.wal import WalNotKept
        from desktop_app.store import opening

        try:
            opening.check_wal(db)
        except WalNotKept as exc:
            return _fail(args.command, str(exc))
    if args.command == "backup":
        try:
            if args.to:
                dest = Path(args.to)
                if dest.is_dir():
                    dest = dest / f"{home_of(db).stem}-backup.sqlite"
                made = backup.backup_file(db, dest)
            else:
                made = backup.backup_before(db, "manual")
                if on_server:
                    # A server ledger's backups are made by this command (run
                    # daily by the IT's scheduler): rotated as a file's daily ones.
                    backup.prune(db)
        except OSError as exc:
            return _fail("backup", str(exc))
        print(f"{made}: verified backup of {db}")
        return 0
    if args.command == "check":
        if args.rebuild_index:
            done = _rebuild_index(db)
            if isinstance(done, str):
                return _fail("check", done)
            print(f"{db}: search index written for {done} record(s)")
        problems = integrity.check_file(db, full=True, text=True)
        if not problems:
            problems = _index_problems(db)
        return _report(db, problems)
    if args.command == "audit":
        from desktop_app.records import audit
        from desktop_app.store.opening import NeedsUpgradeReadOnly, open_ledger

        try:
            open_ledger(db, read_only=True)  # verifying must not change the file
        except NeedsUpgradeReadOnly:
            print(f"{db}: open it once with this version of the program before verifying")
            return 2
        from desktop_app.records import verification

        v = verification.verify_ledger(home_of(db))
        if v.broken_entry is not None:
            print(
                f"{db}: the change history is broken at entry {v.broken_entry} "
                f"({v.broken_text}); it was changed outside the program"
            )
            return 1
        if v.cut is not None:
            print(f"{db}: the change history was cut or extended outside the program: {v.cut}")
            return 1
        for d in v.backup_differs:
            print(
                f"{db}: the change history differs from the backup made {d.made_at} "
                f"({d.backup.name}) at or before entry {d.position}: entries were rewritten "
                "outside the program"
            )
        if v.mismatch_count:
            print(
                f"{db}: {v.entries} entries, chain intact, but {v.mismatch_count} record(s) "
                "differ from their history; they were changed outside the program:"
            )
            for item in v.mismatches:
                print(f"  {item.describe()}")
            if v.mismatch_count > len(v.mismatches):
                print(f"  … and {v.mismatch_count - len(v.mismatches)} more")
        if not v.intact:
            return 1
        print(f"{db}: {v.entries} entries, chain intact, head {audit.head_code()}")
        print(
            f"matches the {v.backups_checked} backup(s) since the last restore; "
            "every record matches the replay of its history"
        )
        return 0
    if args.command == "restore":
        source = Path(args.backup)
        if not source.is_file():
            return _fail("restore", f"no backup file at {source}")
        from desktop_app.safety.lock import FileLock, LockHeld

        lock = FileLock(db)
        try:
            lock.acquire()
        except LockHeld as exc:
            return _fail("restore", f"the ledger is open in another copy of the program: {exc}")
        except OSError as exc:
            return _fail("restore", f"cannot write in {db.parent}: {exc.strerror or exc}")
        try:
            safety = backup.restore_file(source, db)
        except OSError as exc:
            return _fail("restore", str(exc))
        finally:
            lock.release()
        counts = backup.BackupInfo(db, None, "", 0).record_counts()
        print(
            f"{db}: restored from {source}"
            + (f" (previous file kept as {safety})" if safety else "")
        )
        print("  " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        return 0
    return 2
