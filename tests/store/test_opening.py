"""Opening a ledger file: a new file gets the whole schema, an old one keeps its data."""

from __future__ import annotations

import peewee as pw
import pytest

from desktop_app.store import categories, migrations
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.categories import SEEDS
from desktop_app.store.opening import open_ledger


def test_new_file_gets_latest_schema_version(ledger):
    assert migrations.schema_version() == migrations.LATEST
    assert not migrations.needs_migration()
    for model in m.ALL_MODELS:
        assert ledger.table_exists(model._meta.table_name), model.__name__


def test_new_file_has_every_model_column(ledger):
    for model in m.ALL_MODELS:
        stored = {c.name for c in ledger.get_columns(model._meta.table_name)}
        declared = {f.column_name for f in model._meta.sorted_fields}
        assert declared <= stored, (model.__name__, declared - stored)


@pytest.mark.sqlite_only
def test_pragmas_wal_and_foreign_keys(ledger):
    assert ledger.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert ledger.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


@pytest.mark.sqlite_only
def test_file_created_at_the_given_path(ledger, tmp_path):
    assert store_db.current_path() == tmp_path / "ledger.sqlite"
    assert (tmp_path / "ledger.sqlite").is_file()


@pytest.mark.sqlite_only
def test_new_file_makes_no_backup(ledger, tmp_path):
    # Nothing to lose in a new file: the pre-migration backup is for old files only.
    assert not (tmp_path / "backups").exists()


def test_categories_seeded_in_order(ledger):
    assert categories.words("activity_type") == [
        "人才宣介会",
        "党政正职访名校",
        "签约仪式",
        "授牌仪式",
        "论坛",
        "培训",
        "考察调研",
        "座谈会",
        "参观学习",
    ]
    for key, seed in SEEDS.items():
        assert categories.words(key) == seed, key


@pytest.mark.sqlite_only
def test_reopening_keeps_data_and_does_not_reseed(ledger, tmp_path):
    path = tmp_path / "ledger.sqlite"
    m.Unit.create(name="县委组织部")
    categories.add_word("activity_type", "招才引智洽谈会")
    categories.set_words("gender", ["女", "男"])
    store_db.close()

    db = open_ledger(path)
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [u.name for u in m.Unit.select()] == ["县委组织部"]
    assert categories.words("activity_type")[-1] == "招才引智洽谈会"
    assert categories.words("gender") == ["女", "男"]
    assert m.SchemaVersion.select().count() == 1
    assert not (tmp_path / "backups").exists()


def test_open_default_path_uses_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path / "home"))
    try:
        open_ledger()
        assert store_db.current_path() == tmp_path / "home" / "ledger.sqlite"
        assert migrations.schema_version() == migrations.LATEST
    finally:
        store_db.close()


def test_foreign_keys_enforced(ledger):
    unit = m.Unit.create(name="县委组织部")
    m.Institution.create(name="中北大学", unit=unit)
    with pytest.raises(pw.IntegrityError):
        unit.delete_instance()


def test_add_word_and_set_words(ledger):
    categories.add_word("degree", "  博士后 ")
    assert categories.words("degree")[-1] == "博士后"
    categories.add_word("degree", "博士后")  # already there: no duplicate
    assert categories.words("degree").count("博士后") == 1
    categories.set_words("degree", ["硕士", " 博士 ", "硕士", ""])
    assert categories.words("degree") == ["硕士", "博士"]


def test_operator_name(ledger):
    store_db.set_operator("  王海江 ")
    assert store_db.current_operator() == "王海江"
    store_db.set_operator("")
    assert store_db.current_operator() == ""  # shown as 未设置, not the login name
