"""The one database connection: a peewee proxy bound when a file is opened.

Why a proxy: models are declared at import time, but which file they talk to is
decided at start-up (default data folder, --db PATH, File > Open).
"""

from __future__ import annotations

import functools
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import peewee
from platformdirs import user_data_dir

APP_NAME = "CoopLedger"

database_proxy = peewee.DatabaseProxy()

_operator: str | None = None

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -16000,
}


def data_dir() -> Path:
    """Per-user data folder; COOP_LEDGER_HOME overrides it (tests, portable use)."""
    override = os.environ.get("COOP_LEDGER_HOME")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "ledger.sqlite"


def set_operator(name: str | None) -> None:
    """Name written to changed_by ("" when none is set)."""
    global _operator
    _operator = (name or "").strip() or None


def current_operator() -> str:
    """The name the user gave (Tools > Your name), or "" until they do: the
    change log then shows 未设置, not a Windows login name nobody recognises."""
    return _operator or ""


_read_only = False


def read_only_uri(path: str | os.PathLike, immutable: bool = False) -> str:
    """A SQLite URI that opens path read-only; '#', '?' and '%' in folder names
    (台账#2023) are escaped so they are not read as URI syntax.

    immutable: the file cannot change while it is open, so SQLite needs no
    -shm beside it (see can_be_immutable)."""
    text = Path(path).resolve().as_posix()
    if not text.startswith("/"):
        text = "/" + text  # C:/… → /C:/…, the form SQLite expects on Windows
    return "file:" + quote(text, safe="/:") + "?mode=ro" + ("&immutable=1" if immutable else "")


def can_be_immutable(path: str | os.PathLike) -> bool:
    """A ledger in a folder nobody can write (a CD, a write-protected share or
    USB stick) cannot be opened read-only in WAL mode: SQLite wants to create
    its -shm file there. With no -wal beside it, every committed page is in the
    file itself and nothing can change it, so it can be opened as immutable."""
    p = Path(path)
    return p.is_file() and not p.with_name(p.name + "-wal").exists()


def _open_read_only(path: str | os.PathLike, open_uri):
    """open_uri(uri) opens and probes a connection; a folder nobody can write
    gets a second try as immutable (see can_be_immutable)."""
    try:
        return open_uri(read_only_uri(path))
    except (sqlite3.OperationalError, peewee.OperationalError):
        if not can_be_immutable(path):
            raise
    return open_uri(read_only_uri(path, immutable=True))


def sqlite3_read_only(path: str | os.PathLike) -> sqlite3.Connection:
    """A plain sqlite3 connection that only reads path, also in a read-only folder."""

    def open_uri(uri: str) -> sqlite3.Connection:
        con = sqlite3.connect(uri, uri=True)
        try:
            con.execute("PRAGMA schema_version").fetchone()
        except sqlite3.OperationalError:
            con.close()
            raise
        return con

    return _open_read_only(path, open_uri)


# Text that is not valid UTF-8 (written behind the program's back, or by a
# damaged disk) made Python's sqlite3 raise on read, so one bad row killed a
# whole list page, an export or `audit verify`. Read it with U+FFFD for the bad
# bytes instead; `coop-ledger check` names the row. A C-level callable: no
# Python frame per value.
LENIENT_TEXT = functools.partial(str, encoding="utf-8", errors="replace")


class LedgerDatabase(peewee.SqliteDatabase):
    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        super()._add_conn_hooks(conn)
        conn.text_factory = LENIENT_TEXT


def connect(path: str | os.PathLike, read_only: bool = False) -> peewee.SqliteDatabase:
    """Open a SQLite file and bind it to the models (schema not touched here)."""
    global _read_only
    close()
    if read_only:
        # mode=ro: SQLite itself refuses every write, whatever the code tries.
        pragmas = {
            k: v for k, v in SQLITE_PRAGMAS.items() if k not in ("journal_mode", "synchronous")
        }

        def open_uri(uri: str) -> LedgerDatabase:
            db = LedgerDatabase(uri, uri=True, pragmas=pragmas, check_same_thread=False)
            try:
                db.connect()
                db.execute_sql("PRAGMA schema_version").fetchone()
            except peewee.OperationalError:
                db.close()
                raise
            return db

        db = _open_read_only(path, open_uri)
    else:
        db = LedgerDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)
        db.connect()
    database_proxy.initialize(db)
    _read_only = read_only
    global _path
    _path = Path(path)
    return db


_path: Path | None = None


def is_read_only() -> bool:
    return _read_only


def close() -> None:
    obj = database_proxy.obj
    if obj is not None and not obj.is_closed():
        obj.close()


def current_path() -> Path | None:
    if database_proxy.obj is None:
        return None
    return _path


@contextmanager
def write_transaction():
    """A write transaction that takes the write lock at BEGIN.

    A deferred transaction that reads first and writes later can fail with
    SQLITE_BUSY when another connection wrote in between; IMMEDIATE avoids it.
    """
    db = database_proxy.obj
    if isinstance(db, peewee.SqliteDatabase):
        with db.atomic("IMMEDIATE") as txn:
            yield txn
    else:
        with database_proxy.atomic() as txn:
            yield txn
