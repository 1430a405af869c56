"""Which ledger a command or the window opens: a file, or a server ledger.

--db takes either a path or a postgresql:// URL. A password written in the URL
is taken out of it at once (kept in memory for this run, as the password from
COOP_LEDGER_PASSWORD or a prompt is), so the URL that is printed, logged and
remembered never holds it.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from desktop_app.store import db as store_db


class NoLock:
    """A server ledger needs no file lock: the server orders its writers."""

    def acquire(self) -> None:
        pass

    def release(self) -> None:
        pass


def target_of(value: str | os.PathLike | None) -> Path | str:
    """The ledger named on the command line: a Path, or a server URL (str)."""
    if store_db.is_server(value):
        parts = store_db.server_parts(str(value))
        secret = parts["password"] or parts["options"].get("password")
        if secret:
            store_db.set_session_password(str(secret))
        return store_db.display_url(str(value))
    return Path(value) if value else store_db.default_db_path()


def exists(target: Path | str) -> bool:
    """A file is there; a server ledger is found out when it is opened."""
    return True if isinstance(target, str) else Path(target).exists()


def lock_for(target: Path | str):
    from desktop_app.safety.lock import FileLock

    return NoLock() if isinstance(target, str) else FileLock(target)


def ask_password_if_needed(url: str) -> None:
    """On a terminal with no password given for url, ask for it (not echoed)."""
    if store_db.session_password() or os.environ.get(store_db.PASSWORD_VARIABLE):
        return
    if not (sys.stdin and sys.stdin.isatty()):
        return  # a script: libpq may still find PGPASSWORD or ~/.pgpass
    who = store_db.server_parts(url)["user"] or getpass.getuser()
    store_db.set_session_password(getpass.getpass(f"Password for {who} at {url}: "))
