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
from tests import rawdb


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


@pytest.mark.sqlite_only
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


@pytest.mark.sqlite_only
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


@pytest.mark.sqlite_only
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
    rawdb.tamper(
        ledger_path,
        ("UPDATE institution SET id = ? WHERE id = ?", (old, new)),
        (
            "UPDATE audit_entry SET record_id = ? "
            "WHERE record_type = 'institution' AND record_id = ?",
            (old, new),
        ),
    )
    entries = audit.history("institution", old)
    assert [(e.action, e.title) for e in entries] == [("create", "山西农业大学")]


UNIT_COLUMNS = (
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    '"changed_by" VARCHAR(255) NOT NULL, "is_sample" INTEGER NOT NULL, '
    '"sort_key" VARCHAR(255) NOT NULL, "uid" VARCHAR(32), "version" INTEGER NOT NULL, '
    '"name" VARCHAR(255) NOT NULL, '
    '"kind" VARCHAR(255) NOT NULL, '
    '"contact_person" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "notes" TEXT NOT NULL'
)


def _unit_table_as(path: Path, create: str, *extra: str) -> None:
    """The unit table as another tool rewrote it."""
    con = sqlite3.connect(path)
    con.isolation_level = None
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("BEGIN")
    indexes = [
        sql
        for (sql,) in con.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'unit' "
            "AND sql IS NOT NULL"
        )
    ]
    con.execute("CREATE TEMP TABLE keep AS SELECT * FROM unit")
    con.execute("DROP TABLE unit")
    con.execute(create)
    con.execute("INSERT INTO unit SELECT * FROM keep")
    for sql in indexes + list(extra):
        con.execute(sql)
    con.execute("COMMIT")
    con.close()


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "create",
    [
        f'CREATE TABLE "unit" ("id" INTEGER NOT NULL, {UNIT_COLUMNS}, PRIMARY KEY("id"))',
        "CREATE TABLE unit (id INTEGER NOT NULL PRIMARY KEY, "
        + UNIT_COLUMNS.replace('"', "")
        + ")",
        f'CREATE TABLE [unit] ("id" INTEGER PRIMARY KEY, {UNIT_COLUMNS})',
    ],
    ids=["table-level primary key", "unquoted", "brackets, no NOT NULL"],
)
def test_a_table_another_tool_rewrote_is_upgraded_too(v5_file, make, create):
    path, _ids = v5_file
    open_ledger(path)
    kept = make("unit", name="甲局")
    gone = make("unit", name="乙局")
    service.delete(service.spec_for("unit"), gone)
    store_db.close()
    _downgrade_to_v5(path)
    _unit_table_as(
        path,
        create,
        "CREATE VIEW unit_names AS SELECT name FROM unit",  # a user's own view
    )
    db = open_ledger(path)
    assert migrations.schema_version() == migrations.LATEST
    sql = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'unit'").fetchone()[0]
    assert "AUTOINCREMENT" in sql
    assert db.execute_sql("SELECT name FROM unit_names").fetchall() == [("甲局",)]
    assert make("unit", name="丙局") > gone > kept


@pytest.mark.sqlite_only
def test_a_foreign_key_broken_before_is_not_blamed_on_the_upgrade(v5_file):
    path, (a, _b, _gone) = v5_file
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute(
        "UPDATE activity_institution SET institution_id = 999 WHERE institution_id = ?", (a,)
    )
    con.commit()
    con.close()
    open_ledger(path)  # no "foreign keys broken by the rebuild"
    assert migrations.schema_version() == migrations.LATEST
