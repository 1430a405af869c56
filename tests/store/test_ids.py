"""Record ids are never handed out twice (issue 10, item 15)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from desktop_app.records import audit, service
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger


def test_deleted_newest_id_is_not_given_to_the_next_record(make):
    make("institution", name="中北大学")
    newest = make("institution", name="山西农业大学")
    service.delete(INSTITUTION_SPEC, newest)

    again = make("institution", name="太原理工大学")

    assert again > newest
    history = audit.history("institution", again)
    assert [(e.action, e.title) for e in history] == [("create", "太原理工大学")]


def test_undone_ids_stay_used(make):
    first = make("institution", name="中北大学")
    assert service.undo_last() == ("create", "institution", first)  # deletes the row outright
    assert not m.Institution.select().where(m.Institution.id == first).exists()
    second = make("institution", name="中北大学")
    assert second > first


def _downgrade_to_v5(path: Path) -> None:
    """Make a current file look like one written before version 6: record
    tables without AUTOINCREMENT and no sqlite_sequence rows."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("BEGIN")
        for table in migrations._V6_TABLES:
            create = con.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()[0]
            extras = [
                sql
                for (sql,) in con.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                    "AND sql IS NOT NULL",
                    (table,),
                )
            ]
            plain = create.replace(" AUTOINCREMENT", "").replace(
                f'CREATE TABLE "{table}"', f'CREATE TABLE "{table}_old"'
            )
            con.execute(plain)
            con.execute(f'INSERT INTO "{table}_old" SELECT * FROM "{table}"')
            con.execute(f'DROP TABLE "{table}"')
            con.execute(f'ALTER TABLE "{table}_old" RENAME TO "{table}"')
            for sql in extras:
                con.execute(sql)
        con.execute("DELETE FROM sqlite_sequence")
        con.execute("UPDATE schema_version SET version = 5")
        con.execute("COMMIT")
        assert "AUTOINCREMENT" not in " ".join(
            sql for (sql,) in con.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
        )
    finally:
        con.close()


@pytest.fixture
def v5_file(ledger_path, make):
    """A version-5 ledger whose newest institution was deleted (its id free
    under the old rules) while an activity links the other two."""
    path = ledger_path
    a = make("institution", name="中北大学")
    b = make("institution", name="山西农业大学")
    gone = make("institution", name="太原理工大学")
    make("activity", title="中北大学座谈会", institutions=[a, b])
    service.delete(INSTITUTION_SPEC, gone)
    store_db.close()
    _downgrade_to_v5(path)
    yield path, (a, b, gone)
    store_db.close()


def test_upgrade_makes_ids_never_reused(v5_file):
    path, (a, b, gone) = v5_file
    db = open_ledger(path)
    assert migrations.schema_version() == migrations.LATEST
    for table in migrations._V6_TABLES:
        create = db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()[0]
        assert re.search(r'"id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT', create), table
    # Nothing cascaded away when the old tables were dropped.
    assert sorted(r.institution_id for r in m.ActivityInstitution.select()) == [a, b]
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The index the unique name needs is back.
    with pytest.raises(Exception, match="UNIQUE"):
        m.Institution.insert(name="中北大学", sort_key="").execute()

    # The deleted record's id lives on in its history and the recycle bin only;
    # the next institution still does not take it.
    new = service.save(INSTITUTION_SPEC, {**service.load(INSTITUTION_SPEC, a), "name": "山西大学"})
    assert new > gone
    assert [e.action for e in audit.history("institution", new)] == ["create"]


def test_upgrade_keeps_every_row_and_column(v5_file):
    path, _ = v5_file
    con = sqlite3.connect(path)
    try:
        before = {
            t: con.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall()
            for t in migrations._V6_TABLES
        }
    finally:
        con.close()
    db = open_ledger(path)
    for table, rows in before.items():
        assert db.execute_sql(f'SELECT * FROM "{table}" ORDER BY id').fetchall() == rows


def test_failed_rebuild_leaves_the_old_file(v5_file, monkeypatch):
    path, (a, b, _gone) = v5_file

    def broken(db):
        migrations._rebuild_with_autoincrement(db, "institution")
        raise RuntimeError("disk full")

    monkeypatch.setitem(migrations.STEPS, 6, broken)
    with pytest.raises(RuntimeError):
        open_ledger(path)
    store_db.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 5
        create = con.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'institution'"
        ).fetchone()[0]
        assert "AUTOINCREMENT" not in create
        assert con.execute(
            "SELECT institution_id FROM activity_institution ORDER BY 1"
        ).fetchall() == [(a,), (b,)]
    finally:
        con.close()


def test_history_of_a_reused_id_starts_at_its_own_creation(make, ledger_path):
    # What an older ledger holds: a record deleted, and its id taken by the next.
    old = make("institution", name="中北大学")
    service.delete(INSTITUTION_SPEC, old)
    new = make("institution", name="山西农业大学")
    db = store_db.database_proxy.obj
    db.execute_sql("UPDATE institution SET id = ? WHERE id = ?", (old, new))
    db.execute_sql(
        "UPDATE audit_entry SET record_id = ? WHERE record_type = 'institution' AND record_id = ?",
        (old, new),
    )
    entries = audit.history("institution", old)
    assert [(e.action, e.title) for e in entries] == [("create", "山西农业大学")]
