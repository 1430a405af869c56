"""Roles on a server ledger, refused by the server itself: at the SQL level
(a psql session of that login) and through the program."""

from __future__ import annotations

import datetime as dt

import psycopg2
import pytest

from desktop_app import cli
from desktop_app.records import service
from desktop_app.records.errors import ValidationError
from desktop_app.records.specs import spec_for
from desktop_app.server import users
from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger

PASSWORD = "口令-secret-1"


def as_user(url: str, login: str) -> str:
    return url.replace("postgres@", f"{login}@", 1)


@pytest.fixture
def office(server_ledger, monkeypatch):
    """A server ledger with two units, an activity of each, and three users."""
    open_ledger(server_ledger)
    unit = spec_for("unit")
    mine = service.save(unit, {"name": "县科技局"})
    other = service.save(unit, {"name": "县农业农村局"})
    activity = spec_for("activity")
    values = {"date": dt.date(2023, 5, 10), "type": "人才宣介会"}
    own_act = service.save(activity, {**values, "title": "科技局活动", "unit": mine})
    other_act = service.save(activity, {**values, "title": "农业局活动", "unit": other})
    db = store_db.database_proxy.obj
    suffix = server_ledger.rsplit("_", 1)[-1]
    names = {"admin": f"anna{suffix}", "unit": f"li{suffix}", "viewer": f"zhao{suffix}"}
    users.add_user(db, names["admin"], users.ADMIN, PASSWORD, display_name="王海江")
    users.add_user(db, names["unit"], users.UNIT, PASSWORD, unit="县科技局")
    users.add_user(db, names["viewer"], users.VIEWER, PASSWORD)
    store_db.close()
    monkeypatch.setenv("COOP_LEDGER_PASSWORD", PASSWORD)
    return {
        "url": server_ledger,
        "names": names,
        "units": (mine, other),
        "activities": (own_act, other_act),
    }


def _psql(office, role: str):
    con = psycopg2.connect(as_user(office["url"], office["names"][role]), password=PASSWORD)
    con.autocommit = True
    return con


def test_a_wrong_password_is_refused_in_a_sentence(office, monkeypatch, capsys):
    monkeypatch.setenv("COOP_LEDGER_PASSWORD", "not-the-password")
    url = as_user(office["url"], office["names"]["unit"])
    assert cli.main(["search", "活动", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "password authentication failed" in err and "Traceback" not in err


def test_passwords_are_kept_as_scram_verifiers(office, pg):
    con = psycopg2.connect(pg.url)
    try:
        cur = con.cursor()
        cur.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (office["names"]["unit"],)
        )
        (kept,) = cur.fetchone()
    finally:
        con.close()
    assert kept.startswith("SCRAM-SHA-256$4096:") and PASSWORD not in kept


def test_a_units_login_writes_its_own_records_only_at_the_sql_level(office):
    con = _psql(office, "unit")
    cur = con.cursor()
    own, other = office["activities"]
    mine, theirs = office["units"]
    cur.execute("UPDATE activity SET title = 'x' WHERE id = %s", (other,))
    assert cur.rowcount == 0  # another unit's row is not there to change
    cur.execute("DELETE FROM activity WHERE id = %s", (other,))
    assert cur.rowcount == 0
    cur.execute("UPDATE activity SET title = '科技局活动（改）' WHERE id = %s", (own,))
    assert cur.rowcount == 1
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
        cur.execute("UPDATE activity SET unit_id = %s WHERE id = %s", (theirs, own))
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
        cur.execute(
            "INSERT INTO activity (created_at, updated_at, changed_by, is_sample, sort_key, "
            "date, type, title, unit_id, leader, participants, outcome_figures, notes) "
            "SELECT created_at, updated_at, changed_by, is_sample, sort_key, date, type, "
            "'冒名', %s, leader, participants, outcome_figures, notes FROM activity WHERE id = %s",
            (theirs, own),
        )
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute("UPDATE institution SET name = 'x'")  # a shared list: read-only
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute("UPDATE unit SET name = 'x'")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute("DELETE FROM app_user")
    cur.execute("SELECT COUNT(*) FROM activity")
    assert cur.fetchone()[0] == 2  # reads everything
    con.close()


def test_a_viewers_login_reads_only_at_the_sql_level(office):
    con = _psql(office, "viewer")
    cur = con.cursor()
    cur.execute("SELECT COUNT(*) FROM activity")
    assert cur.fetchone()[0] == 2
    for sql in (
        "UPDATE activity SET title = 'x'",
        "DELETE FROM activity",
        "INSERT INTO audit_entry (at) VALUES (now())",
    ):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute(sql)
    con.close()


def test_through_the_program_a_unit_saves_its_own_and_is_refused_the_rest(office):
    own, other = office["activities"]
    mine, theirs = office["units"]
    open_ledger(as_user(office["url"], office["names"]["unit"]))
    activity = spec_for("activity")
    values = service.load(activity, own)
    service.save(activity, {**values, "title": "科技局活动（改）"}, own)
    new = service.save(
        activity,
        {"date": dt.date(2023, 6, 1), "type": "座谈会", "title": "新活动", "unit": mine},
    )
    assert service.load(activity, new)["unit"] == mine
    from desktop_app.records import search

    assert [h.record_id for g in search.search("新活动") for h in g.hits] == [new]
    with pytest.raises(ValidationError, match="You write for 县科技局"):
        service.save(activity, {**service.load(activity, other), "title": "改别人的"}, other)
    with pytest.raises(ValidationError, match="kept by the talent office"):
        service.save(spec_for("institution"), {"name": "新院校"})
    store_db.close()
    open_ledger(office["url"])
    entries = [
        e.operator
        for e in __import__("desktop_app.store.models", fromlist=["m"]).AuditEntry.select()
    ]
    assert office["names"]["unit"] in entries  # the change log names who saved


def test_a_viewer_opens_the_ledger_read_only(office):
    open_ledger(as_user(office["url"], office["names"]["viewer"]))
    assert store_db.is_read_only()
    activity = spec_for("activity")
    own, _ = office["activities"]
    with pytest.raises(Exception, match="read-only"):
        service.save(activity, {**service.load(activity, own), "title": "x"}, own)


def test_an_administrator_adds_users_and_a_stranger_is_not_let_in(office, capsys, monkeypatch):
    admin_url = as_user(office["url"], office["names"]["admin"])
    suffix = office["url"].rsplit("_", 1)[-1]
    monkeypatch.setenv("COOP_LEDGER_NEW_PASSWORD", "另一个口令-2-secret")
    assert (
        cli.main(
            [
                "server",
                "user",
                "add",
                f"wang{suffix}",
                "--role",
                "unit",
                "--unit",
                "县农业农村局",
                "--db",
                admin_url,
            ]
        )
        == 0
    )
    assert "unit of 县农业农村局" in capsys.readouterr().out
    # A unit's user cannot add users.
    unit_url = as_user(office["url"], office["names"]["unit"])
    assert (
        cli.main(["server", "user", "add", f"evil{suffix}", "--role", "admin", "--db", unit_url])
        == 2
    )
    assert "refused" in capsys.readouterr().err
    assert cli.main(["server", "user", "list", "--db", admin_url]) == 0
    listed = capsys.readouterr().out
    assert f"wang{suffix}\tunit\t县农业农村局" in listed and f"evil{suffix}" not in listed


def test_a_unit_attaches_deletes_restores_and_undoes_its_own_records(office, tmp_path):
    from desktop_app.records import attachments, recycle

    own, other = office["activities"]
    open_ledger(as_user(office["url"], office["names"]["unit"]))
    scan = tmp_path / "签到表.pdf"
    scan.write_bytes(b"%PDF-1.4 sign-in sheet")
    att = attachments.add_file("activity", own, scan, "签到表")
    assert attachments.stored_path(att).read_bytes() == scan.read_bytes()
    with pytest.raises(PermissionError):
        attachments.add_file("activity", other, scan)
    activity = spec_for("activity")
    bin_id = service.delete(activity, own)
    assert [e.id for e in recycle.entries()] == [bin_id]
    service.restore_deleted(bin_id)
    assert service.load(activity, own)["title"] == "科技局活动"
    assert [a.file_name for a in attachments.list_for("activity", own)] == ["签到表.pdf"]
    service.delete(activity, own)
    assert service.undo_last() == ("delete", "activity", own)
    with pytest.raises(ValidationError):
        service.delete(activity, other)
    store_db.close()
    # A viewer reads the file the unit attached (fetched from the server).
    open_ledger(as_user(office["url"], office["names"]["viewer"]))
    [att] = attachments.list_for("activity", own)
    for cached in attachments.files_dir().iterdir():  # as on another PC: nothing cached
        cached.unlink()
    assert attachments.stored_path(att).read_bytes() == b"%PDF-1.4 sign-in sheet"


def test_a_units_login_cannot_forge_history_ids_bins_files_or_the_index(office):
    from desktop_app.records import search_index

    own, other = office["activities"]
    # A bin entry of another unit's record, made by the office.
    open_ledger(office["url"])
    activity = spec_for("activity")
    bin_id = service.delete(activity, other)
    store_db.close()
    con = _psql(office, "unit")
    cur = con.cursor()
    unit = office["names"]["unit"]
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
        cur.execute(
            "INSERT INTO audit_entry (at, operator, action, record_type, record_id, title, "
            "field, old_value, new_value, prev_hash, hash) VALUES (now(), '王海江', 'undo', "
            "'activity', %s, 'x', '', '', '', '', '')",
            (other,),
        )
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute("SELECT setval(pg_get_serial_sequence('activity', 'id'), 1)")
    cur.execute("UPDATE deleted_record SET title = '伪造' WHERE id = %s", (bin_id,))
    assert cur.rowcount == 0
    cur.execute("DELETE FROM deleted_record WHERE id = %s", (bin_id,))
    assert cur.rowcount == 0
    cur.execute("DELETE FROM search_index")
    cur.execute("SELECT COUNT(*) FROM search_index")
    left = cur.fetchone()[0]
    assert left >= 1  # the rows of records not its own stay
    cur.execute(
        "SELECT COUNT(*) FROM search_index WHERE rowid = %s",
        (search_index.row_id("unit", office["units"][1]),),
    )
    assert cur.fetchone()[0] == 1
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
        cur.execute(
            "INSERT INTO stored_file (name, data) VALUES (%s, %s)",
            ("a" * 64 + ".txt", psycopg2.Binary(b"not what the name says")),
        )
    con.close()
    assert unit  # the login the refusals were made to


def test_a_removed_administrator_keeps_no_power_and_none_can_take_the_owners(office):
    admin = office["names"]["admin"]
    con = _psql(office, "admin")
    cur = con.cursor()
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute(f'GRANT postgres TO "{admin}"')
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute('CREATE ROLE "sneaky"')
    with pytest.raises(psycopg2.Error, match="keeps for itself"):
        cur.execute("SELECT coop_set_password('postgres', 'x')")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute("UPDATE app_user SET role = 'admin'")
    con.close()
    # Another administrator removes this one: nothing of the role is left.
    open_ledger(office["url"])
    db = store_db.database_proxy.obj
    n = office["url"].rsplit("_", 1)[-1]
    users.add_user(db, f"second{n}", users.ADMIN, PASSWORD)
    users.remove_user(db, admin)
    store_db.close()
    con = _psql(office, "admin")
    cur = con.cursor()
    for sql in ("UPDATE institution SET name = 'x'", "SET ROLE coop_admin"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute(sql)
    con.close()


def test_a_unit_imports_its_own_rows_and_each_other_units_row_is_named(office, tmp_path):
    from desktop_app.exchange import importer as imp
    from desktop_app.store import models as m

    path = tmp_path / "活动.csv"
    path.write_text(
        "日期,类型,标题,责任单位\r\n"
        "2023-07-01,座谈会,本单位导入活动,县科技局\r\n"
        "2023-07-02,座谈会,冒名导入活动,县农业农村局\r\n"
        "2023-07-03,座谈会,未写单位的活动,\r\n",
        encoding="utf-8",
    )
    open_ledger(as_user(office["url"], office["names"]["unit"]))
    plan, result = imp.import_file("activity", path)
    assert result.imported == 0 and result.invalid == 1  # all or nothing: refused
    assert [p.row for r in plan.rows for p in r.problems] == [3]
    plan, result = imp.import_file("activity", path, options=imp.ImportOptions(skip_invalid=True))
    assert result.imported == 2
    mine = office["units"][0]
    titles = {
        a.title: a.unit_id
        for a in m.Activity.select().where(
            m.Activity.title.contains("导入活动") | m.Activity.title.contains("未写单位")
        )
    }
    assert titles == {"本单位导入活动": mine, "未写单位的活动": mine}


def test_temporary_tables_cannot_stand_in_for_the_ledgers_own(office):
    own, other = office["activities"]
    theirs = office["units"][1]
    con = _psql(office, "unit")
    cur = con.cursor()
    try:  # refused outright on a ledger made by server init; a test copy allows it
        cur.execute(
            "CREATE TEMP TABLE app_user (login text, role text, unit_id integer, display_name text)"
        )
        cur.execute(
            "INSERT INTO pg_temp.app_user VALUES (current_user, 'unit', %s, '王海江')", (theirs,)
        )
    except psycopg2.errors.InsufficientPrivilege:
        pass
    cur.execute("UPDATE activity SET title = 'x' WHERE id = %s", (other,))
    assert cur.rowcount == 0  # still its own unit, whatever a temporary table says
    con.close()


def test_an_administrator_cannot_take_over_another_login(office, pg, capsys, monkeypatch):
    pg.admin("DROP ROLE IF EXISTS other_app")
    pg.admin("CREATE ROLE other_app LOGIN PASSWORD 'theirs-12345'")
    monkeypatch.setenv("COOP_LEDGER_NEW_PASSWORD", "taken-over-123")
    admin_url = as_user(office["url"], office["names"]["admin"])
    assert (
        cli.main(["server", "user", "add", "other_app", "--role", "viewer", "--db", admin_url]) == 2
    )
    assert "has a login named other_app already" in capsys.readouterr().err
    with pytest.raises(psycopg2.OperationalError):  # its password is still its own
        psycopg2.connect(as_user(office["url"], "other_app"), password="taken-over-123").close()


def test_a_viewer_backs_the_ledger_up(office, tmp_path, capsys):
    viewer = as_user(office["url"], office["names"]["viewer"])
    assert cli.main(["backup", "--db", viewer, "--to", str(tmp_path / "copy.sqlite")]) == 0
    assert "verified backup" in capsys.readouterr().out


def test_init_says_the_owner_must_be_allowed_to_create_roles(pg, capsys, monkeypatch):
    pg.admin("DROP ROLE IF EXISTS plain_owner")
    pg.admin("CREATE ROLE plain_owner LOGIN PASSWORD 'plain-owner-1'")
    empty = pg.empty_database("coop_norole")
    pg.admin(f"ALTER DATABASE {empty.rsplit('/', 1)[1]} OWNER TO plain_owner")
    monkeypatch.setenv("COOP_LEDGER_PASSWORD", "plain-owner-1")
    url = empty.replace("postgres@", "plain_owner@", 1)
    assert cli.main(["server", "init", url]) == 2
    assert "must be allowed to create roles" in capsys.readouterr().err
