"""Upgrading an old ledger file: a backup first, then every step, and no data lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from desktop_app.records import service
from desktop_app.records.specs import TALENT_SPEC
from desktop_app.store import categories, migrations
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger

SCHEMA_V1 = Path(__file__).parent / "fixtures" / "schema_v1.sql"

RECORD_COLUMNS = "created_at, updated_at, changed_by, is_sample, sort_key"
STAMP = "'2024-01-15 09:30:00', '2024-01-15 09:30:00', '王海江', 0"


def make_v1_file(path: Path) -> None:
    """A version-1 ledger holding a unit, an institution, a talent and a linked activity."""
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA_V1.read_text(encoding="utf-8"))
        con.executescript(
            f"""
            PRAGMA foreign_keys = ON;
            BEGIN;
            INSERT INTO unit (id, {RECORD_COLUMNS}, name, kind, contact_person, phone, notes)
            VALUES (1, {STAMP}, 'xianweizuzhibu', '县委组织部', '党政部门', '李明',
                    '0352-6621234', '');
            INSERT INTO institution (id, {RECORD_COLUMNS}, name, short_name, kind,
                location_class, province, city, stage, first_contact, contact_person, phone,
                email, unit_id, notes)
            VALUES (1, {STAMP}, 'zhongbeidaxue', '中北大学', '中北', '高校', '省内', '山西',
                    '太原', '已签约', '2023-03-01', '张老师', '0351-3921234',
                    'coop@nuc.edu.cn', 1, '高速飞车试验线');
            INSERT INTO talent (id, {RECORD_COLUMNS}, name, gender, institution_id, degree,
                title, field, mode, project_id, base_id, unit_id, start_date, end_date,
                phone, notes)
            VALUES (1, {STAMP}, 'gaolingwang', '高灵旺', '男', 1, '博士', '教授', '植物保护',
                    '柔性引进', NULL, NULL, 1, '2023-04-01', NULL, '13800000000', '');
            INSERT INTO activity (id, {RECORD_COLUMNS}, date, type, title, leader, place,
                participants, outcome, outcome_figures, unit_id, notes)
            VALUES (1, {STAMP}, 'zhongbeidaxuezuotanhui', '2023-05-10', '座谈会',
                    '中北大学座谈会', '县长', '太原', 12, '达成合作意向', '达成初步意向2人', 1, '');
            INSERT INTO activity_institution (activity_id, institution_id) VALUES (1, 1);
            COMMIT;
            """
        )
    finally:
        con.close()


def test_v1_fixture_is_really_version_1(tmp_path):
    path = tmp_path / "old.sqlite"
    make_v1_file(path)
    con = sqlite3.connect(path)
    try:
        columns = {row[1] for row in con.execute("PRAGMA table_info(talent)")}
        version = con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    finally:
        con.close()
    assert "id_number" not in columns
    assert "name" in columns
    assert version == 1
    assert migrations.LATEST > 1


@pytest.fixture
def upgraded(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "old.sqlite"
    make_v1_file(path)
    db = open_ledger(path)
    yield db, path
    store_db.close()
    store_db.set_operator(None)


def test_v1_upgrades_to_latest(upgraded):
    db, _ = upgraded
    assert migrations.schema_version() == migrations.LATEST
    assert not migrations.needs_migration()
    versions = [v.version for v in m.SchemaVersion.select().order_by(m.SchemaVersion.version)]
    assert versions == list(range(1, migrations.LATEST + 1))
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_v1_data_survives(upgraded):
    unit = m.Unit.get_by_id(1)
    assert (unit.name, unit.kind, unit.contact_person, unit.phone) == (
        "县委组织部",
        "党政部门",
        "李明",
        "0352-6621234",
    )
    inst = m.Institution.get_by_id(1)
    assert inst.name == "中北大学"
    assert inst.short_name == "中北"
    assert inst.location_class == "省内"
    assert inst.first_contact.isoformat() == "2023-03-01"
    assert inst.email == "coop@nuc.edu.cn"
    assert inst.unit_id == 1
    assert inst.notes == "高速飞车试验线"
    assert inst.changed_by == "王海江"
    assert inst.created_at.isoformat(sep=" ") == "2024-01-15 09:30:00"

    talent = m.Talent.get_by_id(1)
    assert (talent.name, talent.degree, talent.title, talent.mode) == (
        "高灵旺",
        "博士",
        "教授",
        "柔性引进",
    )
    assert talent.institution_id == 1
    assert talent.start_date.isoformat() == "2023-04-01"
    assert talent.end_date is None

    act = m.Activity.get_by_id(1)
    assert (act.title, act.type, act.participants, act.outcome_figures) == (
        "中北大学座谈会",
        "座谈会",
        12,
        "达成初步意向2人",
    )
    links = [(r.activity_id, r.institution_id) for r in m.ActivityInstitution.select()]
    assert links == [(1, 1)]
    assert m.Unit.select().count() == 1
    assert m.Institution.select().count() == 1
    assert m.Talent.select().count() == 1
    assert m.Activity.select().count() == 1


def test_v2_column_added_empty_for_old_rows(upgraded):
    db, _ = upgraded
    columns = {c.name for c in db.get_columns("talent")}
    assert "id_number" in columns
    assert m.Talent.get_by_id(1).id_number == ""
    # and it is usable: an 18-digit ID number stays text
    values = service.load(TALENT_SPEC, 1)
    values["id_number"] = "140000199001011230"
    service.save(TALENT_SPEC, values, 1)
    raw = db.execute_sql("SELECT id_number, typeof(id_number) FROM talent WHERE id = 1")
    assert raw.fetchone() == ("140000199001011230", "text")


ACTIVITY_SORT_INDEXES = {"activity_leader", "activity_participants", "activity_outcome_figures"}


def _index_names(db, table: str) -> set[str]:
    return {i.name for i in db.get_indexes(table)}


def test_upgrade_adds_activity_sort_indexes(upgraded):
    db, _ = upgraded
    assert ACTIVITY_SORT_INDEXES <= _index_names(db, "activity")
    plan = db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM activity ORDER BY participants DESC, id DESC LIMIT 200"
    ).fetchall()
    assert "activity_participants" in " ".join(str(row) for row in plan)


def test_activity_sort_index_step_is_safe_to_repeat(upgraded):
    db, _ = upgraded
    for name in ACTIVITY_SORT_INDEXES:
        db.execute_sql(f'DROP INDEX "{name}"')
    migrations._v4_activity_sort_indexes(db)
    migrations._v4_activity_sort_indexes(db)  # IF NOT EXISTS: no error, no duplicate
    assert ACTIVITY_SORT_INDEXES <= _index_names(db, "activity")


def test_new_file_has_the_same_activity_indexes(upgraded, tmp_path):
    db, _ = upgraded
    upgraded_names = _index_names(db, "activity")
    store_db.close()
    open_ledger(tmp_path / "new.sqlite")
    assert _index_names(store_db.database_proxy.obj, "activity") == upgraded_names


def test_upgrade_seeds_categories(upgraded):
    # The v1 fixture holds no category rows; lists with no words get the seed.
    assert categories.words("activity_type")[0] == "人才宣介会"


def test_backup_written_before_migrating(upgraded):
    _, path = upgraded
    backups = list((path.parent / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith("old-") and "pre-migration" in backup.name
    assert not list((path.parent / "backups").glob("*.part"))
    con = sqlite3.connect(backup)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 1
        columns = {row[1] for row in con.execute("PRAGMA table_info(talent)")}
        assert "id_number" not in columns
        assert con.execute("SELECT name FROM institution").fetchall() == [("中北大学",)]
        assert con.execute("SELECT name FROM talent").fetchall() == [("高灵旺",)]
        assert con.execute("SELECT title FROM activity").fetchall() == [("中北大学座谈会",)]
        assert con.execute(
            "SELECT activity_id, institution_id FROM activity_institution"
        ).fetchall() == [(1, 1)]
    finally:
        con.close()


def test_reopening_upgraded_file_makes_no_new_backup(upgraded):
    _, path = upgraded
    store_db.close()
    open_ledger(path)
    assert migrations.schema_version() == migrations.LATEST
    assert len(list((path.parent / "backups").glob("*.sqlite"))) == 1
    assert m.Talent.get_by_id(1).name == "高灵旺"


def test_newer_schema_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "new.sqlite"
    open_ledger(path)
    m.SchemaVersion.create(version=migrations.LATEST + 1)
    store_db.close()

    with pytest.raises(migrations.SchemaTooNewError):
        open_ledger(path)
    # The refused file is not left bound to the models (peewee would reconnect
    # a merely closed database on the next query and write into it).
    assert store_db.current_path() is None
    with pytest.raises(AttributeError, match="uninitialized"):
        m.Unit.create(name="县委组织部")
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == (
            migrations.LATEST + 1
        )
    finally:
        con.close()


def test_failed_step_rolls_back_and_keeps_version(tmp_path, monkeypatch):
    """A step that fails leaves the file at its old version, data intact."""
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "old.sqlite"
    make_v1_file(path)

    def broken(db):
        db.execute_sql("ALTER TABLE talent ADD COLUMN id_number VARCHAR(255) NOT NULL DEFAULT ''")
        raise RuntimeError("disk full")

    monkeypatch.setitem(migrations.STEPS, 2, broken)
    with pytest.raises(RuntimeError):
        open_ledger(path)
    store_db.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 1
        columns = {row[1] for row in con.execute("PRAGMA table_info(talent)")}
        assert "id_number" not in columns
        assert con.execute("SELECT name FROM talent").fetchall() == [("高灵旺",)]
    finally:
        con.close()


def test_an_older_ledger_reads_names_as_people_read_them_after_the_upgrade(tmp_path, monkeypatch):
    # Version 7 wrote 单 as dan and 长治 as zhang zhi; version 8 rewrites those keys.
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "v7.sqlite"
    open_ledger(path)
    m.Talent.insert(name="单田芳", sort_key="dantianfang", changed_by="x").execute()
    m.Institution.insert(name="长治学院", sort_key="zhangzhixueyuan", changed_by="x").execute()
    m.Institution.insert(name="中北大学", sort_key="kept-as-it-was", changed_by="x").execute()
    m.SchemaVersion.update(version=7).where(m.SchemaVersion.version == migrations.LATEST).execute()
    store_db.close()
    open_ledger(path)
    try:
        assert migrations.schema_version() == migrations.LATEST >= 8
        keys = dict(m.Talent.select(m.Talent.name, m.Talent.sort_key).tuples())
        assert keys["单田芳"] == "shantianfang"
        places = dict(m.Institution.select(m.Institution.name, m.Institution.sort_key).tuples())
        assert places["长治学院"] == "changzhixueyuan"
        assert places["中北大学"] == "kept-as-it-was"  # only keys that change are rewritten
    finally:
        store_db.close()


def _ledger_indexed_by_version_9(path: Path) -> None:
    """A ledger at version 9, its index rows numbered id × 16 + type."""
    from desktop_app.records import search_index, service
    from desktop_app.records.specs import SPECS

    open_ledger(path)
    service.save(SPECS["institution"], {"name": "中北大学", "short_name": "中北"})
    service.save(SPECS["talent"], {"name": "高灵旺", "institution": 1})
    db = store_db.database_proxy.obj
    rows = db.execute_sql(f"SELECT rowid, body, pinyin FROM {search_index.TABLE}").fetchall()
    db.execute_sql(f"DELETE FROM {search_index.TABLE}")
    for rowid, body, pinyin in rows:
        key, rid = search_index.record_of(rowid)
        old = rid * 16 + search_index.TYPE_NUMBERS[key]
        db.execute_sql(
            f"INSERT INTO {search_index.TABLE}(rowid, body, pinyin) VALUES (?, ?, ?)",
            (old, body, pinyin),
        )
    m.SchemaVersion.update(version=9).where(m.SchemaVersion.version == migrations.LATEST).execute()
    store_db.close()


def test_an_index_of_the_first_numbering_is_renumbered_by_type_with_progress(tmp_path, monkeypatch):
    # Version 10 numbers the index by type first, so each type's rows are one
    # range. A list search after the upgrade finds what it found before, and
    # the upgrade reports its progress.
    from desktop_app.records import queries, search_index
    from desktop_app.records.specs import SPECS

    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "v9.sqlite"
    _ledger_indexed_by_version_9(path)
    seen: list[tuple[int, int]] = []
    open_ledger(path, progress=lambda done, total: seen.append((done, total)))
    try:
        assert migrations.schema_version() == migrations.LATEST >= 10
        db = store_db.database_proxy.obj
        assert search_index.numbered_by_type(db)
        assert seen and seen[-1][0] == seen[-1][1] >= 2  # every record, counted
        found = queries.all_ids(queries.ListQuery(SPECS["talent"], search="中北"))
        assert found == [1]  # the talent, through its institution's name
        assert queries.count(queries.ListQuery(SPECS["institution"], search="中北")) == 1
        con = sqlite3.connect(path)
        try:
            assert search_index.problems(con) == []
        finally:
            con.close()
    finally:
        store_db.close()


def test_a_command_says_how_the_upgrade_goes(tmp_path, monkeypatch, capsys):
    from desktop_app import cli

    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "v9.sqlite"
    _ledger_indexed_by_version_9(path)
    assert cli.main(["demo", "--db", str(path)]) == 0
    err = capsys.readouterr().err
    assert "upgrading the ledger" in err
    assert "search index 2 of 2 records" in err


def test_check_on_a_ledger_not_yet_upgraded_says_so_instead_of_failing(
    tmp_path, monkeypatch, capsys
):
    from desktop_app import cli

    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "v9.sqlite"
    _ledger_indexed_by_version_9(path)
    code = cli.main(["check", "--db", str(path)])
    out = capsys.readouterr()
    assert code in (0, 1) and "error" not in out.err
    assert "numbered as an older version numbered it" in out.out


def test_records_of_an_older_ledger_get_their_own_identity(tmp_path, monkeypatch):
    # Version 11 gives every record a uid (its identity in every copy of the
    # ledger, issue 14): 32 hex digits, different for each, kept unique.
    import re

    from desktop_app.records import service
    from desktop_app.records.specs import SPECS

    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "v10.sqlite"
    open_ledger(path)
    service.save(SPECS["unit"], {"name": "县农业农村局"})
    service.save(SPECS["unit"], {"name": "县科技局"})
    service.save(SPECS["institution"], {"name": "中北大学"})
    service.save(SPECS["talent"], {"name": "高灵旺", "institution": 1, "unit": 1})
    db = store_db.database_proxy.obj
    for model in m.RECORD_MODELS:
        table = model._meta.table_name
        db.execute_sql(f'DROP INDEX "{table}_uid"')
        db.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN uid')
    m.SchemaVersion.update(version=10).where(m.SchemaVersion.version == migrations.LATEST).execute()
    store_db.close()
    open_ledger(path)
    try:
        uids = [u for model in m.RECORD_MODELS for (u,) in model.select(model.uid).tuples()]
        assert len(uids) == 4 == len(set(uids))
        assert all(re.fullmatch("[0-9a-f]{32}", u) for u in uids)
        other = m.Unit.get_by_id(2).uid
        with pytest.raises(pw.IntegrityError):  # the index keeps them unique
            m.Unit.update(uid=other).where(m.Unit.id == 1).execute()
    finally:
        store_db.close()


def test_an_older_ledger_gets_the_word_for_a_hand_in_sent_back(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "v11.sqlite"
    open_ledger(path)
    m.Category.delete().where(
        (m.Category.list_key == "ledger_status") & (m.Category.name == "已退回")
    ).execute()
    m.SchemaVersion.update(version=11).where(m.SchemaVersion.version == migrations.LATEST).execute()
    store_db.close()
    open_ledger(path)
    try:
        assert categories.words("ledger_status") == ["未报送", "已报送", "逾期", "已退回"]
    finally:
        store_db.close()
