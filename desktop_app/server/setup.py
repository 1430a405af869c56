"""`coop-ledger server init`: make a ledger in an empty PostgreSQL database."""

from __future__ import annotations

from desktop_app.store import db as store_db
from desktop_app.store import migrations


class AlreadyALedger(RuntimeError):
    """The database holds a ledger already."""


def init(
    url: str,
    password: str | None = None,
    admin: str | None = None,
    admin_password: str | None = None,
) -> int:
    """Create the ledger's schema (the models and seed lists, as a new file
    gets them, with the server's roles and policies) in the database at url,
    and its first administrator; returns the schema version. All or nothing.

    The URL's user becomes the tables' owner: it needs CREATEROLE (the
    groups and the users are PostgreSQL roles)."""
    from desktop_app.server import users

    db = store_db.connect_server(url, password)
    try:
        with store_db.using(db):
            if migrations.schema_version() is not None:
                raise AlreadyALedger(f"{store_db.display_url(url)} holds a ledger already")
            with db.atomic():
                version = migrations.migrate()
                if admin:
                    users.add_user(db, admin, users.ADMIN, admin_password or "")
            return version
    finally:
        db.close()
