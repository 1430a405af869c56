"""`coop-ledger server init`: make a ledger in an empty PostgreSQL database."""

from __future__ import annotations

from desktop_app.store import db as store_db
from desktop_app.store import migrations


class CannotInit(RuntimeError):
    """Why no ledger can be made there (said to the user as it is)."""


class AlreadyALedger(CannotInit):
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
            can = db.execute_sql(
                "SELECT rolcreaterole OR rolsuper FROM pg_catalog.pg_roles "
                "WHERE rolname = current_user"
            ).fetchone()
            if not (can and can[0]):
                raise CannotInit(
                    f"{store_db.display_url(url)}: the URL's user must be allowed to create "
                    "roles (each person who signs in is one): createuser --createrole, or "
                    "ALTER ROLE … CREATEROLE"
                )
            with db.atomic():
                version = migrations.migrate()
                if admin:
                    users.add_user(db, admin, users.ADMIN, admin_password or "")
            return version
    finally:
        db.close()
