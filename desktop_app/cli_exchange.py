"""`coop-ledger import` and `coop-ledger export`: spreadsheets in and out.

Exit codes: 0 the import wrote what was asked (or, with --dry-run, would);
1 nothing was written because rows have errors; 2 the command could not run
(bad file, unknown type, ledger held by another copy of the program).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.records.specs import ALL_SPECS

TYPES = [s.key for s in ALL_SPECS]
DUPLICATE_CHOICES = {"skip": "skip", "update": "update", "import": "import"}


def add_parsers(sub) -> None:
    types = ", ".join(TYPES)
    p = sub.add_parser(
        "import",
        help="import records from an .xlsx/.xlsm or .csv file",
        description=f"Import records of one type. Types: {types}. The header row and the "
        "columns are found by their names; every row is checked with the form's rules and "
        "nothing is written while any row has an error (see --skip-invalid).",
        epilog="Example: coop-ledger import institution 院校台账.xlsx --create-missing",
    )
    p.add_argument("type", metavar="TYPE", help=f"one of: {types}")
    p.add_argument("file", metavar="FILE", help=".xlsx, .xlsm or .csv (UTF-8 or GBK)")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the active one)")
    p.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    p.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows, leave the others out"
    )
    p.add_argument(
        "--create-missing",
        action="store_true",
        help="create institutions and units named in link columns that the ledger lacks",
    )
    p.add_argument(
        "--on-duplicate",
        choices=list(DUPLICATE_CHOICES),
        default="skip",
        help="rows that match a record (same name, and date where the type has one): "
        "skip them (default), update the record, or import them anyway",
    )
    p.add_argument("--errors", metavar="FILE", help="write the error report here (.xlsx)")
    p.add_argument("--db", metavar="PATH", dest="exchange_db", help="ledger file")

    e = sub.add_parser(
        "export",
        help="export every record of a type to .xlsx or .csv",
        description=f"Export all records of one type with all their fields. Types: {types}.",
        epilog="Example: coop-ledger export activity --xlsx 对接活动.xlsx",
    )
    e.add_argument("type", metavar="TYPE", help=f"one of: {types}")
    where = e.add_mutually_exclusive_group(required=True)
    where.add_argument("--xlsx", metavar="FILE", help="write an Excel workbook")
    where.add_argument("--csv", metavar="FILE", help="write CSV (UTF-8 with BOM)")
    e.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        default="zh_CN",
        dest="exchange_lang",
        help="language of the column headers (default: zh_CN)",
    )
    e.add_argument("--db", metavar="PATH", dest="exchange_db", help="ledger file")


def _fail(command: str, message: str, code: int = 2) -> int:
    print(f"coop-ledger {command}: error: {message}", file=sys.stderr)
    return code


def _db_path(args) -> Path:
    from desktop_app.store.db import default_db_path

    return Path(args.exchange_db) if args.exchange_db else default_db_path()


def run(args: argparse.Namespace) -> int:
    if args.type not in TYPES:
        return _fail(args.command, f"unknown type {args.type!r}; choose one of: {', '.join(TYPES)}")
    if args.command == "import":
        return run_import(args)
    return run_export(args)


def run_import(args: argparse.Namespace) -> int:
    import sqlite3

    from peewee import PeeweeException

    from desktop_app.exchange import importer as imp
    from desktop_app.exchange.messages import ExchangeError
    from desktop_app.exchange.report import write_error_report
    from desktop_app.records.specs import spec_for
    from desktop_app.safety.lock import FileLock, LockHeld
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

    spec = spec_for(args.type)
    source = Path(args.file)
    db_path = _db_path(args)
    lock = FileLock(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except LockHeld as exc:
        return _fail("import", f"the ledger is open in another copy of the program: {exc}")
    except OSError as exc:
        return _fail("import", f"cannot open the ledger: {exc}")
    try:
        open_ledger(db_path)
        try:
            plan = imp.plan_import(spec, source, sheet=args.sheet)
        except ExchangeError as exc:
            return _fail("import", f"{source}: {exc.message.text()}")
        action = DUPLICATE_CHOICES[args.on_duplicate]
        if action != imp.SKIP:
            plan.set_all_duplicates(action)
        options = imp.ImportOptions(
            skip_invalid=args.skip_invalid,
            create_missing=args.create_missing,
            dry_run=args.dry_run,
        )
        _describe_plan(plan)
        if plan.fatal:
            for message in plan.problems:
                print(f"error: {message.text()}")
            return _fail("import", "nothing was imported", 1)
        try:
            result = imp.execute(plan, options)
        except (PeeweeException, sqlite3.Error) as exc:  # rolled back: nothing written
            return _fail("import", f"nothing was imported: {exc}", 1)
        _describe_result(plan, result)
        if args.errors and result.problems:
            try:
                write_error_report(result.problems, args.errors, spec)
                print(f"error report: {args.errors}")
            except OSError as exc:
                print(f"cannot write the error report: {exc}", file=sys.stderr)
        if result.message is not None:
            return _fail("import", result.message.text(), 1)
        return 0
    finally:
        store_db.close()
        lock.release()


def _describe_plan(plan) -> None:
    header = plan.header
    where = f"{plan.path.name} [{plan.sheet}]"
    if header is None:
        print(f"{where}: no header row found")
        return
    mapped = ", ".join(
        f"{c.header} → {plan.spec.field(c.field).label}" for c in header.columns if c.field
    )
    print(f"{where}: header in row {header.row}; columns: {mapped}")
    if header.ignored:
        print("ignored columns: " + ", ".join(c.header for c in header.ignored))
    kinds = {}
    for ignored in plan.ignored:
        kinds.setdefault(ignored.reason, []).append(str(ignored.row))
    for reason, rows in kinds.items():
        print(f"not records ({reason}): row {', '.join(rows)}")


def _describe_result(plan, result) -> None:
    from desktop_app.exchange import importer as imp

    duplicates = sum(1 for r in plan.rows if r.is_duplicate and r.action == imp.SKIP)
    print(f"rows read: {len(plan.rows)}")
    verb = "would import" if result.dry_run else "imported"
    print(
        f"{verb}: {result.imported + result.updated} "
        f"({result.imported} new, {result.updated} updated)"
    )
    print(f"skipped: {result.skipped} ({duplicates} duplicate(s), {result.invalid} with errors)")
    for r in plan.rows:
        if r.is_duplicate and r.action == imp.SKIP:
            what = (
                f"row {r.duplicate_of} of the file"
                if r.duplicate_of is not None
                else f'"{r.existing_title}" in the ledger'
            )
            print(f"duplicate: row {r.row} is the same as {what}; skipped")
    for target, names in result.created.items():
        print(f"created {target}: {'、'.join(names)}")
    for list_key, words in result.added_words.items():
        print(f"added to the list {list_key}: {'、'.join(words)}")
    from desktop_app.exchange.report import value_text

    for p in result.problems:
        column = p.column_text(plan.spec)
        where = f"row {p.row}" + (f", {column}" if column else "")
        value = value_text(p.value)
        if value:
            where += f' "{value}"'
        print(f"error: {where}: {p.reason()}")


def run_export(args: argparse.Namespace) -> int:
    from desktop_app.exchange.export import all_columns, write_export
    from desktop_app.exchange.labels import translator
    from desktop_app.exchange.messages import Cancelled
    from desktop_app.records.queries import ListQuery
    from desktop_app.records.specs import spec_for
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

    spec = spec_for(args.type)
    target = Path(args.xlsx or args.csv)
    if args.csv and target.suffix.lower() != ".csv":
        return _fail("export", "--csv FILE must end in .csv")
    if args.xlsx and target.suffix.lower() != ".xlsx":
        return _fail("export", "--xlsx FILE must end in .xlsx")
    db_path = _db_path(args)
    if not db_path.exists():
        return _fail("export", f"no ledger file at {db_path}")
    try:
        open_ledger(db_path)
        count = write_export(
            ListQuery(spec), target, all_columns(spec), translate=translator(args.exchange_lang)
        )
    except (OSError, Cancelled) as exc:
        return _fail("export", f"cannot write {target}: {exc}")
    finally:
        store_db.close()
    print(f"{target}: {count} row(s)")
    return 0
