"""Who is signed in to the open server ledger (None for a ledger file)."""

from __future__ import annotations

import peewee as pw

from desktop_app.server import users

_user: users.User | None = None


class NotAUser(PermissionError):
    """The login opens the server but is no user of this ledger."""


def start(db: pw.Database) -> users.User:
    """After connecting: who this is, from the server's own table."""
    global _user
    found = users.signed_in(db)
    if found is None:
        login = db.execute_sql("SELECT current_user").fetchone()[0]
        raise NotAUser(
            f"{login} is not a user of this ledger: its administrator adds users "
            "(系统 > 用户管理, or coop-ledger server user add)"
        )
    _user = found
    return found


def end() -> None:
    global _user
    _user = None


def current() -> users.User | None:
    return _user
