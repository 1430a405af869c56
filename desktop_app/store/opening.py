"""Open a ledger file: connect, back up if the schema must move, migrate."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import peewee as pw

from desktop_app.safety import wal
from desktop_app.safety.backup import backup_before
from desktop_app.safety.wal import WalDamage
from desktop_app.store import db as store_db
from desktop_app.store import migrations

log = logging.getLogger(__name__)


class NeedsUpgradeReadOnly(RuntimeError):
    """A read-only file whose schema is older than this program's."""


class NoLedgerOnServer(RuntimeError):
    """A server database that `server init` has not made a ledger of."""


# Told how an upgrade goes when open_ledger's caller gives no progress of its
# own (the command line prints it; see cli.main).
upgrade_progress: Callable[[int, int], None] | None = None

# What the last open_ledger() found in the ledger's -wal (None: nothing wrong).
# The window and the command line tell the user; the copy is already aside.
wal_damage: WalDamage | None = None


def open_ledger(
    path: str | os.PathLike | None = None,
    read_only: bool = False,
    *,
    wal_checked: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> pw.SqliteDatabase:
    """Open (creating if needed) the ledger at path, default the data folder.

    wal_checked: the caller ran check_wal already (open_guarded, before any
    connection): its -wal is not read a second time.
    progress(done, total): how an upgrade of an older ledger goes (only called
    when one runs a long step)."""
    if store_db.is_server(path):
        return _open_server(str(path), read_only, progress)
    target = Path(path) if path else store_db.default_db_path()
    if read_only:
        db = store_db.connect(target, read_only=True)
        if migrations.schema_version() != migrations.LATEST:
            store_db.close()
            store_db.database_proxy.initialize(None)
            raise NeedsUpgradeReadOnly(str(target))
        return db
    target.parent.mkdir(parents=True, exist_ok=True)
    if not wal_checked:
        check_wal(target)
    db = store_db.connect(target)
    try:
        if migrations.needs_migration():
            store_db.close()
            backup_before(target, "pre-migration")
            db = store_db.connect(target)
        migrations.migrate(progress or upgrade_progress)
    except BaseException:
        # A file we refuse (too new, failed step) must not stay bound to the
        # models: peewee reconnects a closed database on the next query, so
        # the next save would write into it.
        store_db.close()
        store_db.database_proxy.initialize(None)
        raise
    return db


def _open_server(
    url: str, read_only: bool, progress: Callable[[int, int], None] | None
) -> pw.Database:
    """A server ledger: its schema is created by `server init` and brought
    forward here (PostgreSQL rolls a failed step back whole, DDL included)."""
    from desktop_app.server import session, users

    db = store_db.connect(url, read_only=read_only)
    try:
        version = migrations.schema_version()
        if version is None:
            raise NoLedgerOnServer(
                f"{store_db.display_url(url)} holds no ledger: "
                "coop-ledger server init makes one there"
            )
        if version != migrations.LATEST:
            if read_only:
                raise NeedsUpgradeReadOnly(store_db.display_url(url))
            # Only the tables' owner can move the schema on; anyone else is
            # told so by the server.
            migrations.migrate(progress or upgrade_progress)
        user = session.start(db)
        store_db.set_operator(user.display_name or user.login)
        if user.role == users.VIEWER and not read_only:
            store_db.connect_read_only_again(db)
    except BaseException:
        store_db.close()
        store_db.database_proxy.initialize(None)
        raise
    return db


def check_wal(target: Path) -> WalDamage | None:
    """Keep a damaged -wal aside before the ledger is opened for writing (see
    safety/wal.py); remembered in wal_damage for the caller to tell the user."""
    global wal_damage
    wal_damage = None
    damage = wal.check_before_writing(target)
    if damage is not None:
        log.warning(
            "damaged -wal of %s: %d save(s) replayed, %d after the damage dropped; kept in %s",
            target,
            damage.good_saves,
            damage.lost_saves,
            damage.kept,
        )
    wal_damage = damage
    return damage
