"""`coop-ledger import` and `coop-ledger export`: spreadsheets in and out.

Exit codes: 0 the import wrote what was asked (or, with --dry-run, would);
1 nothing was written because rows have errors (also when --skip-invalid left
every row out); 2 the command could not run: a file that cannot be read or is
unusable as a whole (no header row, no rows, a required column missing), an
unknown type, no ledger file for --dry-run, an output file (--errors, export)
that cannot be written or is not named .xlsx/.csv as its format, a ledger held
by another copy of the program.

A --db file that did not exist is created for the import; when the import then
writes nothing (exit 1 or 2), the files the command made are removed again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.records.specs import ALL_SPECS, QT_TRANSLATE_NOOP

TYPES = [s.key for s in ALL_SPECS]
DUPLICATE_CHOICES = {"skip": "skip", "update": "update", "import": "import"}

# What `coop-ledger import` prints, in the language of --lang or the system.
CLI = "ImportCli"
ERROR = QT_TRANSLATE_NOOP("ImportCli", "error: %1")
WARNING = QT_TRANSLATE_NOOP("ImportCli", "warning: %1")
LEDGER_HELD = QT_TRANSLATE_NOOP(
    "ImportCli", "the ledger is open in another copy of the program: %1"
)
CANNOT_OPEN_LEDGER = QT_TRANSLATE_NOOP("ImportCli", "cannot open the ledger: %1")
NOTHING_IMPORTED = QT_TRANSLATE_NOOP("ImportCli", "nothing was imported")
NOTHING_IMPORTED_BECAUSE = QT_TRANSLATE_NOOP("ImportCli", "nothing was imported: %1")
NO_HEADER_ROW = QT_TRANSLATE_NOOP("ImportCli", "%1: no header row found")
HEADER_IN_ROW = QT_TRANSLATE_NOOP("ImportCli", "%1: header in row %2; columns: %3")
IGNORED_COLUMNS = QT_TRANSLATE_NOOP("ImportCli", "ignored columns: %1")
NOT_RECORDS = QT_TRANSLATE_NOOP("ImportCli", "not records (%1): row(s) %2")
ROWS_READ = QT_TRANSLATE_NOOP("ImportCli", "rows read: %1")
IMPORTED = QT_TRANSLATE_NOOP("ImportCli", "imported: %1 (%2 new, %3 updated)")
WOULD_IMPORT = QT_TRANSLATE_NOOP("ImportCli", "would import: %1 (%2 new, %3 updated)")
SKIPPED = QT_TRANSLATE_NOOP("ImportCli", "skipped: %1 (%2 duplicate(s), %3 with errors)")
UNCHANGED = QT_TRANSLATE_NOOP(
    "ImportCli", "unchanged: %1 record(s) already hold what the file says; not saved again"
)
WOULD_SKIP = QT_TRANSLATE_NOOP("ImportCli", "would skip: %1 (%2 duplicate(s), %3 with errors)")
# All or nothing: one row with an error keeps every row out, so no breakdown adds up.
SKIPPED_ALL = QT_TRANSLATE_NOOP(
    "ImportCli",
    "skipped: all %1 row(s), because %2 row(s) have errors and nothing is written while any row has an error",
)
WOULD_SKIP_ALL = QT_TRANSLATE_NOOP(
    "ImportCli",
    "would skip: all %1 row(s), because %2 row(s) have errors and nothing is written while any row has an error",
)
SAME_AS_ROW = QT_TRANSLATE_NOOP(
    "ImportCli", "duplicate: row %1 is the same as row %2 of the file; skipped"
)
SAME_AS_RECORD = QT_TRANSLATE_NOOP(
    "ImportCli", 'duplicate: row %1 is the same as "%2" in the ledger; skipped'
)
WOULD_SKIP_SAME_AS_ROW = QT_TRANSLATE_NOOP(
    "ImportCli", "duplicate: row %1 is the same as row %2 of the file; would be skipped"
)
WOULD_SKIP_SAME_AS_RECORD = QT_TRANSLATE_NOOP(
    "ImportCli", 'duplicate: row %1 is the same as "%2" in the ledger; would be skipped'
)
UNIQUE_NOT_IMPORTED = QT_TRANSLATE_NOOP(
    "ImportCli", "%1 duplicate(s) skipped, not imported: %2 names must be unique"
)
WOULD_SKIP_UNIQUE = QT_TRANSLATE_NOOP(
    "ImportCli", "%1 duplicate(s) would be skipped, not imported: %2 names must be unique"
)
CREATED = QT_TRANSLATE_NOOP("ImportCli", "created %1 records: %2")
WOULD_CREATE = QT_TRANSLATE_NOOP("ImportCli", "would create %1 records: %2")
ADDED_WORDS = QT_TRANSLATE_NOOP("ImportCli", "added to the list %1: %2")
WOULD_ADD_WORDS = QT_TRANSLATE_NOOP("ImportCli", "would add to the list %1: %2")
AT_ROW = QT_TRANSLATE_NOOP("ImportCli", "row %1")
WHERE_WHAT = QT_TRANSLATE_NOOP("ImportCli", "%1: %2")
AT_ROW_COLUMN = QT_TRANSLATE_NOOP("ImportCli", "row %1, %2")
ERROR_REPORT = QT_TRANSLATE_NOOP("ImportCli", "error report: %1")
CANNOT_WRITE_REPORT = QT_TRANSLATE_NOOP("ImportCli", "cannot write the error report %1: %2")
NO_FOLDER = QT_TRANSLATE_NOOP("ImportCli", "the folder %1 does not exist")
IS_A_FOLDER = QT_TRANSLATE_NOOP("ImportCli", "%1 is a folder")
NO_ERRORS_NO_REPORT = QT_TRANSLATE_NOOP(
    "ImportCli", "no errors, so no error report was written (%1)"
)
NOTHING_IMPORTED_LEFT_OUT = QT_TRANSLATE_NOOP(
    "ImportCli", "nothing was imported: %1 row(s) have errors and were left out"
)
NOTHING_IMPORTED_ERRORS = QT_TRANSLATE_NOOP(
    "ImportCli",
    "nothing was imported: %1 row(s) have errors (correct them, or add --skip-invalid to import the valid rows only)",
)
# A dry run never imports: it says what a real import would do.
WOULD_WRITE_NOTHING = QT_TRANSLATE_NOOP(
    "ImportCli",
    "a real import would write nothing: %1 row(s) have errors (correct them, or add --skip-invalid to import the valid rows only)",
)
WOULD_WRITE_NOTHING_LEFT_OUT = QT_TRANSLATE_NOOP(
    "ImportCli",
    "a real import would write nothing: %1 row(s) have errors and would be left out",
)
REPORT_NOT_XLSX = QT_TRANSLATE_NOOP(
    "ImportCli",
    "--errors %1: the error report is an Excel workbook; give a file name ending in .xlsx",
)
CREATE_MISSING_HINT = QT_TRANSLATE_NOOP(
    "ImportCli",
    "hint: %1 name(s) match no %2 record in the ledger; --create-missing would create them",
)
NO_LEDGER = QT_TRANSLATE_NOOP("ImportCli", "no ledger file at %1")
NEW_LEDGER = QT_TRANSLATE_NOOP("ImportCli", "a new ledger was created at %1")
ROW_KINDS = {
    "blank": QT_TRANSLATE_NOOP("ImportCli", "blank"),
    "total": QT_TRANSLATE_NOOP("ImportCli", "a total"),
    "header": QT_TRANSLATE_NOOP("ImportCli", "the header again"),
    "note": QT_TRANSLATE_NOOP("ImportCli", "a note"),
}


def add_parsers(sub) -> None:
    types = ", ".join(TYPES)
    p = sub.add_parser(
        "import",
        help="import records from an .xlsx/.xlsm/.xls or .csv file",
        description=f"Import records of one type. Types: {types}. The header row and the "
        "columns are found by their names; every row is checked with the form's rules and "
        "nothing is written while any row has an error (see --skip-invalid).",
        epilog="Example: coop-ledger import institution 院校台账.xlsx --create-missing",
    )
    p.add_argument("type", metavar="TYPE", help=f"one of: {types}")
    p.add_argument("file", metavar="FILE", help=".xlsx, .xlsm, .xls or .csv (UTF-8 or GBK)")
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
    p.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        dest="exchange_lang",
        help="language of what is printed (default: the system's)",
    )
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


def _fail(command: str, message: str, code: int = 2, prefixed: bool = False) -> int:
    """Print the error to stderr; prefixed: message already says "error: …" in its language."""
    print(f"coop-ledger {command}: {message if prefixed else 'error: ' + message}", file=sys.stderr)
    return code


def _db_path(args) -> Path | str:
    from desktop_app.store.target import target_of

    return target_of(args.exchange_db)


def run(args: argparse.Namespace) -> int:
    if args.type not in TYPES:
        return _fail(args.command, f"unknown type {args.type!r}; choose one of: {', '.join(TYPES)}")
    if args.command == "import":
        return run_import(args)
    return run_export(args)


# What `coop-ledger export` prints (same context: one catalogue for the command line).
CSV_SUFFIX = QT_TRANSLATE_NOOP("ImportCli", "--csv FILE must end in .csv")
XLSX_SUFFIX = QT_TRANSLATE_NOOP("ImportCli", "--xlsx FILE must end in .xlsx")
CANNOT_WRITE = QT_TRANSLATE_NOOP("ImportCli", "cannot write %1: %2")
CANNOT_OPEN_LEDGER_AT = QT_TRANSLATE_NOOP("ImportCli", "cannot open the ledger %1: %2")
EXPORTED = QT_TRANSLATE_NOOP("ImportCli", "%1: %2 row(s)")


def _system_language() -> str:
    from desktop_app.i18n import pick_language

    return pick_language(None)  # the command line has no window: --lang, else the system's


class _Say:
    """The import's lines in one language: say(TEMPLATE, args…) → text."""

    def __init__(self, language: str) -> None:
        from desktop_app.exchange.labels import translator

        self.translate = translator(language)

    def __call__(self, template: str, *args, record_args: tuple[int, ...] = ()) -> str:
        from desktop_app.exchange.messages import Message

        return Message(template, args, CLI, record_args=record_args).text(self.translate)

    def message(self, message) -> str:
        return message.text(self.translate)


def _language(args: argparse.Namespace) -> str:
    """The import's --lang, else the one before the command, else the system's."""
    return args.exchange_lang or args.lang or _system_language()


def run_import(args: argparse.Namespace) -> int:
    import sqlite3

    from peewee import PeeweeException

    from desktop_app.exchange import importer as imp
    from desktop_app.exchange.messages import ExchangeError
    from desktop_app.records.specs import spec_for
    from desktop_app.safety.lock import LockHeld
    from desktop_app.store import db as store_db
    from desktop_app.store.migrations import SchemaTooNewError
    from desktop_app.store.opening import open_ledger
    from desktop_app.store.target import lock_for

    say = _Say(_language(args))
    spec = spec_for(args.type)
    source = Path(args.file)
    db_path = _db_path(args)
    on_server = isinstance(db_path, str)
    lock = lock_for(db_path)

    def fail(text: str, code: int = 2) -> int:
        return _fail("import", say(ERROR, text), code, prefixed=True)

    # Checked before anything is read or written: a report that cannot be
    # written stops the import before it starts, not after it has written.
    report = Path(args.errors) if args.errors else None
    if report is not None and report.suffix.lower() != ".xlsx":
        return fail(say(REPORT_NOT_XLSX, report))
    if report is not None and (problem := _unwritable(report)) is not None:
        return fail(say(CANNOT_WRITE_REPORT, report, say(*problem)))
    if args.dry_run and not on_server and not db_path.exists():
        return fail(say(NO_LEDGER, db_path))  # a mistyped --db: create nothing
    folders = [] if on_server else _missing_folders(db_path.parent)
    try:
        if not on_server:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except LockHeld as exc:
        _remove_folders(folders)
        return fail(say(LEDGER_HELD, exc.holder.describe(say.translate)))
    except OSError as exc:
        _remove_folders(folders)
        return fail(say(CANNOT_OPEN_LEDGER, exc))
    # Known under the lock: no other copy of the program creates the file meanwhile.
    new_files = (
        []
        if on_server or db_path.exists()
        else [p for p in _ledger_files(db_path) if not p.exists()]
    )
    wrote = False  # the import wrote to the ledger: a new ledger stays
    try:
        try:
            open_ledger(db_path)
        except (PeeweeException, sqlite3.Error, SchemaTooNewError, OSError) as exc:
            return fail(say(CANNOT_OPEN_LEDGER, exc))  # not a ledger, or a newer program's
        try:
            plan = imp.plan_import(spec, source, sheet=args.sheet)
        except ExchangeError as exc:
            return fail(f"{source}: {say.message(exc.message)}")
        action = DUPLICATE_CHOICES[args.on_duplicate]
        if action != imp.SKIP:
            plan.set_all_duplicates(action)
        options = imp.ImportOptions(
            skip_invalid=args.skip_invalid,
            create_missing=args.create_missing,
            dry_run=args.dry_run,
        )
        _describe_plan(plan, say)
        if plan.fatal:  # the file as a whole cannot be imported: could not run
            for message in plan.problems:
                print(say(ERROR, say.message(message)))
            return fail(say(NOTHING_IMPORTED), 2)
        try:
            result = imp.execute(plan, options)
        except (PeeweeException, sqlite3.Error) as exc:  # rolled back: nothing written
            return fail(say(NOTHING_IMPORTED_BECAUSE, exc), 2)
        wrote = not result.dry_run and bool(result.written or result.created or result.added_words)
        if new_files and wrote:
            print(say(NEW_LEDGER, db_path))
        # Refused as a whole: one row with an error keeps every row out.
        refused = bool(result.invalid) and not options.skip_invalid
        _describe_result(plan, result, say, requested=action, refused=refused)
        code = 0
        if report is not None:
            code = _write_report(result, report, spec, say)
        if not options.create_missing:
            _hint_create_missing(plan, say)
        if result.dry_run and refused:  # a dry run imports nothing: say what a real one would
            return max(code, fail(say(WOULD_WRITE_NOTHING, result.invalid), 1))
        if refused:  # the importer's own message names the wizard's choice, not the option
            return max(code, fail(say(NOTHING_IMPORTED_ERRORS, result.invalid), 1))
        if result.message is not None:
            return max(code, fail(say.message(result.message), 1))
        written_or_skipped = result.imported + result.updated + result.skipped - result.invalid
        if result.invalid and not written_or_skipped:  # --skip-invalid left out every row
            left_out = WOULD_WRITE_NOTHING_LEFT_OUT if result.dry_run else NOTHING_IMPORTED_LEFT_OUT
            return max(code, fail(say(left_out, result.invalid), 1))
        return code
    finally:
        store_db.close()
        if new_files and not wrote:
            # The command made this ledger and wrote nothing into it: leave no empty
            # ledger behind (removed while the lock still keeps other copies out).
            _remove_files(new_files)
        lock.release()
        if new_files and not wrote:
            _remove_folders(folders)


def _ledger_files(db_path: Path) -> list[Path]:
    """The ledger file and the files SQLite keeps beside it."""
    return [db_path] + [
        db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")
    ]


def _missing_folders(folder: Path) -> list[Path]:
    """The folders of folder's path that do not exist yet, deepest first."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_files(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def _remove_folders(folders: list[Path]) -> None:
    """Remove the folders the command made, deepest first; never one that holds anything."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


def _unwritable(path: Path) -> tuple[str, Path] | None:
    """Why a file cannot be written at path, as (template, argument), found without writing."""
    folder = path.parent
    if not folder.is_dir():
        return NO_FOLDER, folder
    if path.is_dir():
        return IS_A_FOLDER, path
    return None


def _write_report(result, path: Path, spec, say: _Say) -> int:
    """Write the rows' problems to path (--errors); 2 when it cannot be written."""
    from desktop_app.exchange.report import write_error_report

    if not result.problems:
        print(say(NO_ERRORS_NO_REPORT, path))
        return 0
    try:
        write_error_report(result.problems, path, spec, translate=say.translate)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _fail("import", say(ERROR, say(CANNOT_WRITE_REPORT, path, reason)), prefixed=True)
    print(say(ERROR_REPORT, path))
    return 0


def _hint_create_missing(plan, say: _Say) -> None:
    """Rows to import name institutions/units the ledger lacks: say --create-missing makes them."""
    from desktop_app.exchange import importer as imp
    from desktop_app.exchange.convert import word_key
    from desktop_app.records.specs import spec_for

    missing: dict[str, set[str]] = {}  # target type → names, as the import would create them
    for r in plan.rows:
        if r.action == imp.SKIP:
            continue
        for name, names in r.missing.items():
            target = plan.spec.field(name).target
            missing.setdefault(target, set()).update(word_key(n) for n in names)
    if missing:
        count = sum(len(names) for names in missing.values())
        kinds = "/".join(say.translate("Record", spec_for(t).label) for t in missing)
        print(say(CREATE_MISSING_HINT, count, kinds))


def _describe_plan(plan, say: _Say) -> None:
    header = plan.header
    where = f"{plan.path.name} [{plan.sheet}]"
    if header is None:
        print(say(NO_HEADER_ROW, where))
        return
    mapped = ", ".join(
        f"{c.header} → {say.translate('Field', plan.spec.field(c.field).label)}"
        for c in header.columns
        if c.field
    )
    print(say(HEADER_IN_ROW, where, header.row, mapped))
    for message in plan.warnings:
        print(say(WARNING, say.message(message)))
    if header.ignored:
        print(say(IGNORED_COLUMNS, ", ".join(c.header for c in header.ignored)))
    kinds: dict[str, list[str]] = {}
    for ignored in plan.ignored:
        kinds.setdefault(ignored.reason, []).append(str(ignored.row))
    for reason, rows in kinds.items():
        kind = say.translate(CLI, ROW_KINDS.get(reason, reason))
        print(say(NOT_RECORDS, kind, ", ".join(rows)))


def _describe_result(
    plan, result, say: _Say, requested: str = "skip", refused: bool = False
) -> None:
    """What the import did (or, in a dry run, would do); refused: rows with errors kept
    every row out."""
    from desktop_app.exchange import importer as imp
    from desktop_app.exchange.report import value_text
    from desktop_app.records.specs import spec_for
    from desktop_app.store.categories import LIST_LABELS

    dry = result.dry_run
    duplicates = [r for r in plan.rows if r.is_duplicate and r.action == imp.SKIP]
    print(say(ROWS_READ, len(plan.rows)))
    done = WOULD_IMPORT if dry else IMPORTED
    print(say(done, result.imported + result.updated, result.imported, result.updated))
    if result.unchanged:
        print(say(UNCHANGED, result.unchanged))
    if refused:
        print(say(WOULD_SKIP_ALL if dry else SKIPPED_ALL, len(plan.rows), result.invalid))
    else:
        print(say(WOULD_SKIP if dry else SKIPPED, result.skipped, len(duplicates), result.invalid))
    same_as_row = WOULD_SKIP_SAME_AS_ROW if dry else SAME_AS_ROW
    same_as_record = WOULD_SKIP_SAME_AS_RECORD if dry else SAME_AS_RECORD
    for r in duplicates:
        if r.duplicate_of is not None:
            print(say(same_as_row, r.row, r.duplicate_of))
        else:
            print(say(same_as_record, r.row, r.existing_title))
    if requested == imp.IMPORT:
        # --on-duplicate import cannot import a second record of a unique name.
        kept_out = [r for r in duplicates if imp.IMPORT not in r.allowed_actions]
        if kept_out:
            unique = WOULD_SKIP_UNIQUE if dry else UNIQUE_NOT_IMPORTED
            print(say(unique, len(kept_out), plan.spec.label, record_args=(2,)))
    created = WOULD_CREATE if result.dry_run else CREATED
    for target, names in result.created.items():
        print(say(created, spec_for(target).label, "、".join(names), record_args=(1,)))
    added = WOULD_ADD_WORDS if result.dry_run else ADDED_WORDS
    for list_key, words in result.added_words.items():
        label = say.translate("Lists", LIST_LABELS.get(list_key, list_key))
        print(say(added, label, "、".join(words)))
    for p in result.problems:
        column = p.column_text(plan.spec, say.translate)
        where = say(AT_ROW_COLUMN, p.row, column) if column else say(AT_ROW, p.row)
        value = value_text(p.value)
        if value:
            where += f' "{value}"'
        print(say(ERROR, say(WHERE_WHAT, where, p.reason(say.translate))))


def run_export(args: argparse.Namespace) -> int:
    import sqlite3

    from peewee import PeeweeException

    from desktop_app.exchange.export import all_columns, write_export
    from desktop_app.exchange.labels import translator
    from desktop_app.exchange.messages import Cancelled
    from desktop_app.records.queries import ListQuery
    from desktop_app.records.specs import spec_for
    from desktop_app.store import db as store_db
    from desktop_app.store.migrations import SchemaTooNewError
    from desktop_app.store.opening import open_ledger

    say = _Say(args.lang or _system_language())
    spec = spec_for(args.type)
    target = Path(args.xlsx or args.csv)

    def fail(text: str) -> int:
        return _fail("export", say(ERROR, text), 2, prefixed=True)

    if args.csv and target.suffix.lower() != ".csv":
        return fail(say(CSV_SUFFIX))
    if args.xlsx and target.suffix.lower() != ".xlsx":
        return fail(say(XLSX_SUFFIX))
    problem = _unwritable(target)
    if problem is not None:
        return fail(say(CANNOT_WRITE, target, say(*problem)))
    db_path = _db_path(args)
    if not isinstance(db_path, str) and not db_path.exists():
        return fail(say(NO_LEDGER, db_path))
    try:
        try:
            open_ledger(db_path)
        except (PeeweeException, sqlite3.Error, SchemaTooNewError) as exc:
            return fail(say(CANNOT_OPEN_LEDGER_AT, db_path, exc))
        count = write_export(
            ListQuery(spec), target, all_columns(spec), translate=translator(args.exchange_lang)
        )
    except OSError as exc:  # names target, not the temporary file written first
        return fail(say(CANNOT_WRITE, target, exc.strerror or exc))
    except Cancelled as exc:
        return fail(say(CANNOT_WRITE, target, exc))
    finally:
        store_db.close()
    print(say(EXPORTED, target, count))
    return 0
