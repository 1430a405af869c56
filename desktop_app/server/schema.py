"""What a ledger on a server has besides the models' tables.

- stored_file: the attachments' bytes (server/files.py).
- audit_seal: the change log's length and head, kept by a trigger on every
  entry appended, as a ledger file keeps them in its header (store/seal.py):
  deleting the newest entries no longer verifies as an intact chain.
- Each entry appended is announced (NOTIFY coop_ledger, its record type), so
  the window on every other PC refreshes its list within a moment.
- The change log is append-only: a trigger refuses UPDATE, DELETE and
  TRUNCATE on audit_entry for every login, the program's included (it never
  needs them). Only the tables' owner can set the triggers aside, on purpose.
"""

from __future__ import annotations

import peewee as pw

from desktop_app.store import seal

_STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS audit_seal (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        entries BIGINT NOT NULL,
        head VARCHAR(64) NOT NULL)""",
    f"""INSERT INTO audit_seal (id, entries, head)
        SELECT 1, COUNT(*), COALESCE(
            (SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1), '{seal.GENESIS}')
        FROM audit_entry
        ON CONFLICT (id) DO NOTHING""",
    """CREATE OR REPLACE FUNCTION coop_audit_sealed() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            UPDATE audit_seal SET entries = entries + 1, head = NEW.hash WHERE id = 1;
            RETURN NULL;
        END $$""",
    "DROP TRIGGER IF EXISTS audit_entry_sealed ON audit_entry",
    """CREATE TRIGGER audit_entry_sealed AFTER INSERT ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION coop_audit_sealed()""",
    """CREATE OR REPLACE FUNCTION coop_audit_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the change log is append-only: its entries are never changed '
                'or deleted' USING ERRCODE = 'insufficient_privilege';
        END $$""",
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry",
    """CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION coop_audit_append_only()""",
    # Every save appends to the change log: its record type is announced on
    # the channel coop_ledger when the save commits, and the list pages open
    # on other PCs refresh (ui/live_refresh.py).
    """CREATE OR REPLACE FUNCTION coop_announce_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('coop_ledger', NEW.record_type);
            RETURN NULL;
        END $$""",
    "DROP TRIGGER IF EXISTS audit_entry_announced ON audit_entry",
    """CREATE TRIGGER audit_entry_announced AFTER INSERT ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION coop_announce_change()""",
    "DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry",
    """CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
        FOR EACH STATEMENT EXECUTE FUNCTION coop_audit_append_only()""",
)


def create(db: pw.Database) -> None:
    """The server's own tables and triggers (idempotent; inside migrate)."""
    from desktop_app.server import files, users

    files.create(db)
    for sql in _STATEMENTS:
        db.execute_sql(sql)
    _sort_indexes(db)
    users.secure(db)


def _sort_indexes(db: pw.Database) -> None:
    """Lists put records without a value last both ways (records/queries.py).
    PostgreSQL's plain index gives ascending order so; for descending order a
    nullable sort column gets a second index, walked as the list asks."""
    from desktop_app.store import models as m

    for model in m.RECORD_MODELS:
        table = model._meta.table_name
        for f in model._meta.sorted_fields:
            if f.index and f.null and not isinstance(f, pw.ForeignKeyField):
                db.execute_sql(
                    f'CREATE INDEX IF NOT EXISTS "{table}_{f.column_name}_desc" ON "{table}" '
                    f'("{f.column_name}" DESC NULLS LAST, id DESC)'
                )


def read_seal(db: pw.Database) -> tuple[int, str] | None:
    row = db.execute_sql("SELECT entries, head FROM audit_seal WHERE id = 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None
