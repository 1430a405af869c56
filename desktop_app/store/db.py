"""The one database connection: a peewee proxy bound when a file is opened.

Why a proxy: models are declared at import time, but which file they talk to is
decided at start-up (default data folder, --db PATH, File > Open).
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

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


# A shared ledger on a PostgreSQL server (issue 15) is named by its URL where a
# file is named by its path: --db postgresql://anna@server/ledger.
SERVER_SCHEMES = ("postgresql://", "postgres://")
PASSWORD_VARIABLE = "COOP_LEDGER_PASSWORD"


def is_server(target: object) -> bool:
    """True for a postgresql:// URL, False for a file path."""
    return isinstance(target, str) and target.strip().lower().startswith(SERVER_SCHEMES)


def server_parts(url: str) -> dict[str, str | int | None]:
    """user, password, host, port and database of a postgresql:// URL."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port or 5432
    except ValueError as exc:  # "Port out of range", a word where the port goes
        raise BadServerUrl(f"{url}: the port must be a number from 1 to 65535") from exc
    return {
        "user": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password is not None else None,
        "host": parts.hostname or "localhost",
        "port": port,
        "database": unquote(parts.path.lstrip("/")) or None,
        # libpq's own settings after ? (sslmode=require …), kept as given.
        "options": dict(parse_qsl(parts.query)),
    }


class BadServerUrl(ValueError):
    """A postgresql:// URL that cannot name a server ledger."""


def _escape(part: str) -> str:
    # Only what would break the URL is escaped: a user name 李明 stays readable.
    return "".join(quote(c, safe="") if c in "%@:/?#[]" else c for c in part)


def server_url(
    host: str,
    port: int | None,
    database: str,
    user: str | None = None,
    options: dict[str, str] | None = None,
) -> str:
    """The URL of a server ledger, without a password."""
    who = f"{_escape(user)}@" if user else ""
    where = f"[{host}]" if ":" in host else host
    query = {k: v for k, v in (options or {}).items() if k.lower() != "password"}
    tail = f"?{urlencode(query)}" if query else ""
    return f"postgresql://{who}{where}:{port or 5432}/{_escape(database)}{tail}"


def display_url(url: str) -> str:
    """The URL as shown to people and in logs: never with its password."""
    p = server_parts(url)
    return server_url(
        str(p["host"]), int(p["port"] or 5432), str(p["database"] or ""), p["user"], p["options"]
    )


_QMARK_OR_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?")


def qmarks_to_pyformat(sql: str) -> str:
    """SQL written with SQLite's ? parameters, as psycopg2 takes it: ? outside
    quotes becomes %s, and a % inside a quoted string is doubled (psycopg2
    reads % everywhere). A %s already there (peewee's own) is kept."""

    def one(match: re.Match) -> str:
        text = match.group(0)
        if text == "?":
            return "%s"
        return text.replace("%", "%%")

    return _QMARK_OR_QUOTED.sub(one, sql)


_session_password: str | None = None


def set_session_password(secret: str | None) -> None:
    """The password signed in with, held in memory for this run only."""
    global _session_password
    _session_password = secret or None


def session_password() -> str | None:
    return _session_password


class ServerUnreachable(ConnectionError):
    """The server could not be reached or refused the sign-in; the message says
    which, and kind sorts it for the window (PASSWORD, UNREACHABLE, NO_DATABASE,
    OTHER) so it can say so in the user's language."""

    def __init__(self, message: str, kind: str = "other", detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail


PASSWORD, UNREACHABLE, NO_DATABASE, OTHER = "password", "unreachable", "no_database", "other"


def problem_kind(detail: str) -> str:
    text = detail.lower()
    if "password" in text or "authentication" in text:
        return PASSWORD
    if "database" in text and "does not exist" in text:
        return NO_DATABASE
    if any(
        w in text
        for w in (
            "could not connect",
            "connection refused",
            "timeout",
            "timed out",
            "could not translate host",
            "no route",
            "network is unreachable",
        )
    ):
        return UNREACHABLE
    return OTHER


def server_problem(url: str, exc: Exception) -> str:
    """What a failed connection means, in a sentence (libpq's first line)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"cannot open {display_url(url)}: {text}"


class LedgerServer(peewee.PostgresqlDatabase):
    """A ledger on a PostgreSQL server.

    The program's own SQL is written once, with ? parameters as SQLite takes
    them; they are turned into psycopg2's %s here (peewee's queries already
    use %s and pass through untouched)."""

    def execute_sql(self, sql, params=None, commit=None):
        # psycopg2 formats every statement peewee passes it (with () when
        # there are no parameters): a % in a quoted string is doubled always.
        # peewee's own statements (no ? and no quoted text) pass untouched.
        if "?" in sql or "'" in sql:
            sql = qmarks_to_pyformat(sql)
        return super().execute_sql(sql, params)


def connect_server(url: str, password: str | None = None) -> LedgerServer:
    """A connection to the server ledger at url (not bound to the models).

    The password: the one given, else COOP_LEDGER_PASSWORD, else the URL's own
    (libpq then also reads PGPASSWORD and ~/.pgpass)."""
    p = server_parts(url)
    if p["database"] is None:
        raise BadServerUrl(
            f"{display_url(url)}: the URL names no database (postgresql://USER@HOST:PORT/DB)"
        )
    secret = password or _session_password or os.environ.get(PASSWORD_VARIABLE) or p["password"]
    params: dict[str, object] = {
        "host": p["host"],
        "port": p["port"],
        "connect_timeout": 10,
        "application_name": "coop-ledger",
    }
    # A save waiting longer than this for the write lock (a stuck session
    # holding it) fails with a message instead of hanging the window.
    params["options"] = "-c lock_timeout=30s"
    params.update(p["options"])
    if p["user"]:
        params["user"] = p["user"]
    if secret:
        params["password"] = secret
    db = LedgerServer(p["database"], **params)
    try:
        db.connect()
    except peewee.OperationalError as exc:
        detail = str(exc).strip()
        raise ServerUnreachable(
            server_problem(url, exc), problem_kind(detail), detail.splitlines()[0] if detail else ""
        ) from exc
    return db


def connect(
    path: str | os.PathLike, read_only: bool = False, password: str | None = None
) -> peewee.Database:
    """Open a SQLite file, or a server ledger by its URL, and bind it to the
    models (schema not touched here)."""
    global _read_only, _path, _url
    close()
    if is_server(path):
        db = connect_server(str(path), password)
        if read_only:
            # The server itself refuses every write on this connection.
            db.execute_sql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        database_proxy.initialize(db)
        _read_only = read_only
        _path = None
        _url = display_url(str(path))
        return db
    _url = None
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
    _path = Path(path)
    return db


_path: Path | None = None
_url: str | None = None


def connect_read_only_again(db: peewee.Database) -> None:
    """The open server connection made read-only (a 查看 user): the server
    refuses every write on it, and the window shows the ledger read-only."""
    global _read_only
    db.execute_sql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    _read_only = True


def stand_in_path(url: str) -> Path:
    """Where this PC keeps what belongs to a server ledger (its backups, its
    attachments' cache), named as if the ledger were a file there."""
    p = server_parts(url)
    where = re.sub(r"[^\w.-]+", "_", f"{p['host']}-{p['port']}")
    name = re.sub(r"[^\w.-]+", "_", str(p["database"] or "ledger"))
    return data_dir() / "servers" / where / f"{name}.sqlite"


def home_of(target: str | os.PathLike) -> Path:
    """The ledger's file, or for a server ledger its stand-in path."""
    return stand_in_path(str(target)) if is_server(target) else Path(target)


@contextmanager
def using(db: peewee.Database):
    """The models bound to db for a while (a copy between two ledgers), then
    to the ledger they were bound to before."""
    before = database_proxy.obj
    database_proxy.initialize(db)
    try:
        yield db
    finally:
        database_proxy.initialize(before)


def on_server() -> bool:
    """The open ledger is on a PostgreSQL server."""
    return isinstance(database_proxy.obj, peewee.PostgresqlDatabase)


def current_url() -> str | None:
    """The open server ledger's URL (no password), or None for a file."""
    return _url if on_server() else None


def is_read_only() -> bool:
    return _read_only


def close() -> None:
    from desktop_app.server import session

    session.end()
    obj = database_proxy.obj
    if obj is not None and not obj.is_closed():
        obj.close()


def current_path() -> Path | None:
    """The open ledger's file; None when none is open or it is on a server."""
    if database_proxy.obj is None or on_server():
        return None
    return _path


WRITE_LOCK = 0x436F6F70  # the server's write lock: "Coop"


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
            # Writers on a server take one lock in turn, as SQLite's writers
            # do: the change log's chain gets one order for all of them, and
            # no two saves can deadlock on each other's rows.
            db.execute_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            yield txn
