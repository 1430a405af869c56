"""Command line: the GUI is the default; demo builds the sample ledger."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop_app import (
    __version__,
    cli_exchange,
    cli_handin,
    cli_ledger,
    cli_report,
    cli_safety,
    cli_search,
    cli_server,
    none_guard,
    running,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        # The Windows build's command is CoopLedger.exe; its help says so.
        prog="CoopLedger.exe" if getattr(sys, "frozen", False) else "coop-ledger",
        description="Cooperation Ledger (合作台账): the county's ledger of cooperation "
        "with universities and research institutes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="ledger file to open (default: the user data folder)"
    )
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"], help="interface language (default: system locale)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="self-test without a window: build the sample ledger in a temporary folder, "
        "write the Chinese summary sheet as PDF and .xlsx, read both back; exit 0 if all is well",
    )
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="build a ledger holding the Yanggao report's sample data")
    demo.add_argument("--db", metavar="PATH", dest="demo_db", help="file to create")
    cli_report.add_parser(sub)
    cli_safety.add_parsers(sub)
    cli_exchange.add_parsers(sub)
    cli_ledger.add_parser(sub)
    cli_search.add_parser(sub)
    cli_handin.add_parser(sub)
    cli_server.add_parser(sub)
    return parser


def make_demo_ledger(path: Path | str) -> int:
    """Open (creating) the ledger at path and write the sample data into it;
    returns the records written, 0 when the sample is already there."""
    from desktop_app.records import demo, service
    from desktop_app.store.opening import open_ledger

    open_ledger(path)
    if service.sample_count():
        return 0
    return demo.load_sample_data()


def cmd_demo(path: Path | str) -> int:
    from desktop_app.safety.lock import FileLock, LockHeld

    if isinstance(path, str):  # a server ledger: the server orders its writers
        return _write_demo(path)

    # The same single-writer lock as the window and `import`: writing the
    # sample into a ledger another copy holds would change it under its feet.
    lock = FileLock(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except LockHeld as exc:
        print(
            f"coop-ledger demo: error: {path} is open in another copy of the program: {exc}",
            file=sys.stderr,
        )
        return 2
    except OSError as exc:
        print(f"coop-ledger demo: error: cannot open {path}: {exc}", file=sys.stderr)
        return 2
    try:
        return _write_demo(path)
    finally:
        lock.release()


def _write_demo(path: Path | str) -> int:
    n = make_demo_ledger(path)
    if not n:
        print(f"{path}: the sample data is already there", file=sys.stderr)
        return 1
    print(f"{path}: {n} sample records written")
    return 0


# Exit code when the reader of stdout went away (`coop-ledger import … | head -1`):
# what the shell reports for a program ended by SIGPIPE, 128 + 13, and none of
# the codes the commands document.
BROKEN_PIPE = 141


def usable_console() -> None:
    """Make print() safe whatever the program was started from.

    A windowed frozen build (PyInstaller console=False, pythonw) has no console:
    sys.stdout and sys.stderr are None and any print or flush raises. A frozen
    Windows program whose output is piped writes cp1252, and the first Chinese
    character (合作台账 in --help) raises UnicodeEncodeError. Pipes and files
    get UTF-8; a real terminal keeps its encoding but never raises.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
            continue
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding in ("utf8", "utf8sig") or not hasattr(stream, "reconfigure"):
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError, AttributeError):  # closed, detached or unusual stream
            pass


def main(argv: list[str] | None = None) -> int:
    from desktop_app.catalogues import CatalogueMissing
    from desktop_app.safety.wal import WalNotKept
    from desktop_app.server.session import NotAUser
    from desktop_app.store.db import BadServerUrl, ServerUnreachable
    from desktop_app.store.opening import NoLedgerOnServer

    usable_console()
    # Before any work with Qt: one PySide6 build loses a reference to None per
    # call, which aborted the process at exit after a long sheet (none_guard).
    none_guard.install()
    running.announce()  # the installer waits while any copy runs
    from desktop_app.store import opening

    _log_to_file()
    opening.wal_damage = None
    opening.upgrade_progress = _UpgradeProgress()
    try:
        code = _main(argv)
        _tell_wal_damage(opening.wal_damage)
        sys.stdout.flush()  # here, not at exit: a closed pipe must raise inside this try
        return code
    except WalNotKept as exc:
        print(f"coop-ledger: error: {exc}", file=sys.stderr)
        return 2
    except (ServerUnreachable, NoLedgerOnServer, NotAUser, BadServerUrl) as exc:
        print(f"coop-ledger: error: {exc}", file=sys.stderr)
        return 2
    except CatalogueMissing as exc:
        # A broken installation: say so, rather than print English with exit 0.
        print(f"coop-ledger: error: {exc}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, SystemExit):
        raise
    except BrokenPipeError:
        return _broken_pipe()
    except Exception as exc:  # never a traceback in a user's face
        refused = _refused_by_server(exc)
        if refused is not None:
            print(f"coop-ledger: error: {refused}", file=sys.stderr)
            return 2
        return _unexpected(exc)


class _UpgradeProgress:
    """An older ledger's upgrade (writing its search index) said on stderr in
    tenths, so a command on a large ledger does not seem to hang."""

    def __init__(self) -> None:
        self.said = -1

    def __call__(self, done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if tenth != self.said:
            if self.said < 0:
                print("coop-ledger: upgrading the ledger for this version …", file=sys.stderr)
            self.said = tenth
            print(f"coop-ledger: search index {done:,} of {total:,} records", file=sys.stderr)


def _log_to_file() -> None:
    """What the commands log goes to the log file in the data folder, not into
    their output (a warning there would repeat what the command says)."""
    try:
        from desktop_app.logfile import setup_logging

        setup_logging()
    except Exception:  # the data folder itself may be what is broken
        pass


def _tell_wal_damage(damage) -> None:
    """The ledger's -wal was damaged when this command opened it (see safety/wal.py)."""
    if damage is None:
        return
    print(
        f"coop-ledger: warning: {damage.wal} was damaged: {damage.lost_saves} save(s) after "
        f"the damage could not be read and are not in the ledger; "
        f"the {damage.good_saves} save(s) it held before the damage are. "
        + (
            f"The ledger and its damaged -wal were kept as they were in {damage.kept}."
            if damage.kept
            else "They could not be copied aside."
        ),
        file=sys.stderr,
    )


def _broken_pipe() -> int:
    # Python's recipe: stop quietly, and point stdout at devnull so that
    # flushing it at exit does not raise (and print) the same error again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is not a real file
        pass
    return BROKEN_PIPE


def _refused_by_server(exc: BaseException) -> str | None:
    """A write the server refused this login (its role, a read-only session, a
    lost connection): the server's sentence, or None for any other error."""
    cause = exc.__cause__ or exc.__context__ or exc
    module = type(cause).__module__ or ""
    if not module.startswith("psycopg2"):
        return None
    code = getattr(cause, "pgcode", None) or ""
    lost = type(cause).__name__ in ("InterfaceError", "OperationalError") and not code
    if lost:
        return "the connection to the server was lost; nothing more was written"
    if code in ("42501", "25006"):  # insufficient privilege, read-only session
        text = str(cause).strip().splitlines()
        return "the server refused: " + (text[0] if text else type(cause).__name__)
    return None


# Exit code of an error no command foresaw; the details go to the log.
UNEXPECTED = 3


def _unexpected(exc: Exception) -> int:
    import logging

    where = ""
    try:
        from desktop_app.logfile import setup_logging

        log_path = setup_logging()
        logging.getLogger("desktop_app").exception("unexpected error in a command")
        where = f" (details in {log_path})"
    except Exception:  # the data folder itself may be what is broken
        pass
    text = str(exc) or type(exc).__name__
    print(f"coop-ledger: error: {text}{where}", file=sys.stderr)
    return UNEXPECTED


# Each command has its own --db (and report its own --lang) so that it can be
# given after the command; given before it, the program-wide one is meant.
_COMMAND_DB = (
    "demo_db",
    "report_db",
    "safety_db",
    "exchange_db",
    "ledger_db",
    "search_db",
    "handin_db",
)


def _inherit_global_options(args: argparse.Namespace) -> None:
    """`coop-ledger --db X report …` used to print from the default ledger."""
    for dest in _COMMAND_DB:
        if hasattr(args, dest) and getattr(args, dest) is None:
            setattr(args, dest, args.db)
    if getattr(args, "report_lang", "") is None:
        args.report_lang = args.lang


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _inherit_global_options(args)
    if args.command == "demo" and not args.demo_db:
        parser.error("demo: --db PATH is required (the file to create)")
    if args.smoke:
        from desktop_app import smoke

        return smoke.run()
    if args.command == "demo":
        from desktop_app.store.target import target_of

        return cmd_demo(target_of(args.demo_db))
    if args.command == "report":
        return cli_report.run(args)
    if args.command in ("backup", "restore", "check", "audit"):
        return cli_safety.run(args)
    if args.command in ("import", "export"):
        return cli_exchange.run(args)
    if args.command == "ledger":
        return cli_ledger.run(args)
    if args.command == "search":
        return cli_search.run(args)
    if args.command == "handin":
        return cli_handin.run(args)
    if args.command == "server":
        return cli_server.run(args)
    from desktop_app.app import run_gui

    return run_gui(args.db, args.lang)
