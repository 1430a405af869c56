"""`coop-ledger server …`: make a ledger on a PostgreSQL server, move one there
and back, and (for scripts) add its users."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser(
        "server",
        help="a ledger shared on a PostgreSQL server: init, upload, download, user add",
        description="The URL names the server, its database and who signs in: "
        "postgresql://USER@HOST:PORT/DB. The password comes from COOP_LEDGER_PASSWORD, "
        "or is asked for on a terminal; it is never written in the URL that is shown.",
    )
    actions = p.add_subparsers(dest="server_action", required=True)
    i = actions.add_parser("init", help="make a ledger in an empty database (the schema)")
    i.add_argument("url", metavar="URL")
    u = actions.add_parser(
        "upload", help="move a ledger file to a server ledger that holds no records yet"
    )
    u.add_argument("file", metavar="LEDGER.sqlite")
    u.add_argument("url", metavar="URL")
    i.add_argument(
        "--admin",
        metavar="NAME",
        help="also add the first administrator, who signs in as NAME (password: "
        "COOP_LEDGER_NEW_PASSWORD, or asked for)",
    )
    d = actions.add_parser("download", help="write a server ledger as a new ledger file")
    d.add_argument("url", metavar="URL")
    d.add_argument("file", metavar="NEW.sqlite")
    user = actions.add_parser("user", help="the ledger's users (for scripts)")
    user_actions = user.add_subparsers(dest="user_action", required=True)
    add = user_actions.add_parser(
        "add",
        help="add a user who signs in as NAME (password: COOP_LEDGER_NEW_PASSWORD, or asked for)",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=["admin", "unit", "viewer"], required=True)
    add.add_argument("--unit", metavar="UNIT", help="the unit a unit's user writes for")
    add.add_argument("--display-name", metavar="TEXT", default="", help="name in the change log")
    add.add_argument("--db", metavar="URL", dest="server_db", required=True)
    remove = user_actions.add_parser("remove", help="the user no longer opens this ledger")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("--db", metavar="URL", dest="server_db", required=True)
    listing = user_actions.add_parser("list", help="the ledger's users and their roles")
    listing.add_argument("--db", metavar="URL", dest="server_db", required=True)


def _fail(message: str) -> int:
    print(f"coop-ledger server: error: {message}", file=sys.stderr)
    return 2


_shown = [0]


def _progress(done: int, total: int) -> None:
    """A line at every tenth of a large copy."""
    step = total // 10
    if total < 20_000 or done < _shown[0] + step and done != total:
        return
    _shown[0] = done
    print(f"  {done:,} / {total:,} rows", file=sys.stderr)


NEW_PASSWORD_VARIABLE = "COOP_LEDGER_NEW_PASSWORD"


def new_password(login: str) -> str:
    """A new user's password: COOP_LEDGER_NEW_PASSWORD, or typed twice."""
    import getpass
    import os

    given = os.environ.get(NEW_PASSWORD_VARIABLE)
    if given:
        return given
    if not (sys.stdin and sys.stdin.isatty()):
        raise ValueError(
            f"no password for {login}: set {NEW_PASSWORD_VARIABLE} (8 characters or more)"
        )
    first = getpass.getpass(f"New password for {login}: ")
    if getpass.getpass("Again: ") != first:
        raise ValueError("the two passwords differ")
    return first


def _user(args: argparse.Namespace) -> int:
    import peewee

    from desktop_app.server import users
    from desktop_app.store import db as store_db
    from desktop_app.store.target import ask_password_if_needed, target_of

    url = target_of(args.server_db)
    if not isinstance(url, str):
        return _fail(f"{args.server_db!r} is not a server URL (postgresql://USER@HOST:PORT/DB)")
    ask_password_if_needed(url)
    try:
        db = store_db.connect_server(url)
    except store_db.ServerUnreachable as exc:
        return _fail(str(exc))
    try:
        if args.user_action == "list":
            for u in users.list_users(db):
                unit = f"\t{u.unit_name}" if u.unit_name else ""
                print(f"{u.login}\t{u.role}{unit}\t{u.display_name}")
            return 0
        if args.user_action == "remove":
            users.remove_user(db, args.name)
            print(f"{args.name}: no longer a user of {url}")
            return 0
        made = users.add_user(
            db,
            args.name,
            args.role,
            new_password(args.name),
            unit=args.unit,
            display_name=args.display_name,
        )
        where = f" of {made.unit_name}" if made.unit_name else ""
        print(f"{made.login}: {made.role}{where}, signs in to {url}")
        return 0
    except ValueError as exc:
        return _fail(str(exc))
    except peewee.DatabaseError as exc:  # the server refused: not an administrator
        return _fail(f"the server refused: {str(exc).strip().splitlines()[0]}")
    finally:
        db.close()


def run(args: argparse.Namespace) -> int:
    from desktop_app.server import setup, transfer
    from desktop_app.store import db as store_db
    from desktop_app.store.target import ask_password_if_needed, target_of

    if args.server_action == "user":
        return _user(args)
    url = target_of(args.url)
    if not isinstance(url, str):
        return _fail(f"{args.url!r} is not a server URL (postgresql://USER@HOST:PORT/DB)")
    ask_password_if_needed(url)
    try:
        if args.server_action == "init":
            secret = new_password(args.admin) if args.admin else None
            version = setup.init(url, admin=args.admin, admin_password=secret)
            print(f"{url}: ledger made (schema version {version})")
            if args.admin:
                print(f"{args.admin}: administrator; signs in with the password given")
            return 0
        if args.server_action == "upload":
            moved = transfer.upload(Path(args.file), url, progress=_progress)
            print(
                f"{url}: {sum(moved.rows.values()):,} row(s) moved from {args.file}, "
                f"{moved.entries:,} change-log entries (head {moved.head[:12]}), "
                f"{moved.files} file(s); counts and chain head checked"
            )
            return 0
        moved = transfer.download(url, Path(args.file), progress=_progress)
        print(
            f"{args.file}: {sum(moved.rows.values()):,} row(s) written from {url}, "
            f"{moved.entries:,} change-log entries, {moved.files} file(s); counts and "
            "chain head checked"
        )
        return 0
    except (
        transfer.TransferError,
        setup.CannotInit,
        store_db.ServerUnreachable,
        ValueError,
    ) as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(str(exc))
