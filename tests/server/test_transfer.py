"""A ledger moved to a server and back: every table, the chain, the files."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app import cli
from desktop_app.records import attachments, audit, search, service
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger
from tests import rawdb


def _counts(con_rows) -> dict[str, int]:
    return dict(con_rows)


def _sqlite_counts(path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {
            model._meta.table_name: con.execute(
                f'SELECT COUNT(*) FROM "{model._meta.table_name}"'
            ).fetchone()[0]
            for model in m.ALL_MODELS
        }
    finally:
        con.close()


@pytest.fixture
def demo_with_everything(demo_db, tmp_path):
    """The sample ledger plus a deleted record, an undone save and an attachment."""
    open_ledger(demo_db)
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 agreement scan")
    inst = service.save(INSTITUTION_SPEC, {"name": "上传测试大学"})
    attachments.add_file("institution", inst, scan, "签约文本")
    gone = service.save(INSTITUTION_SPEC, {"name": "将删除学院"})
    service.delete(INSTITUTION_SPEC, gone)
    store_db.close()
    return demo_db


def test_upload_then_download_gives_the_same_ledger(demo_with_everything, server_ledger, tmp_path):
    before = _sqlite_counts(demo_with_everything)
    assert cli.main(["server", "upload", str(demo_with_everything), server_ledger]) == 0

    open_ledger(server_ledger)
    assert service.total_records() == sum(before[x._meta.table_name] for x in m.RECORD_MODELS)
    head = audit.head_code()
    # Found through the server's own search index, in Chinese and in pinyin.
    assert any(g.spec.key == "institution" for g in search.search("上传测试"))
    assert any(g.spec.key == "institution" for g in search.search("sccsdx"))
    # The attachment's bytes came along.
    [att] = m.Attachment.select()
    assert attachments.stored_path(att).read_bytes() == b"%PDF-1.4 agreement scan"
    # New records get ids above every id the file ever handed out.
    highest = max(
        before_id
        for (before_id,) in sqlite3.connect(demo_with_everything).execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'institution'"
        )
    )
    assert service.save(INSTITUTION_SPEC, {"name": "新大学"}) == highest + 1
    store_db.close()

    copy = tmp_path / "back" / "copy.sqlite"
    copy.parent.mkdir()
    assert cli.main(["server", "download", server_ledger, str(copy)]) == 0
    after = _sqlite_counts(copy)
    assert after["institution"] == before["institution"] + 1
    assert after["audit_entry"] == before["audit_entry"] + 1
    assert (copy.parent / "copy-files").is_dir()
    assert cli.main(["audit", "verify", "--db", str(copy)]) == 0
    open_ledger(copy)
    assert audit.head_code() != head  # one save more than when it was uploaded
    assert service.load(INSTITUTION_SPEC, highest + 1)["name"] == "新大学"


def test_upload_refuses_a_server_ledger_holding_records(demo_db, server_ledger, capsys):
    open_ledger(server_ledger)
    service.save(INSTITUTION_SPEC, {"name": "已有大学"})
    store_db.close()
    assert cli.main(["server", "upload", str(demo_db), server_ledger]) == 2
    assert "already holds" in capsys.readouterr().err
    open_ledger(server_ledger)
    assert [r.name for r in m.Institution.select()] == ["已有大学"]  # nothing changed


def test_upload_refuses_a_damaged_file_and_writes_nothing(server_ledger, tmp_path, capsys):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a ledger" * 1000)
    assert cli.main(["server", "upload", str(junk), server_ledger]) == 2
    assert "damaged or not a ledger" in capsys.readouterr().err


def test_a_server_is_backed_up_to_a_verified_file_and_restored_to_a_new_database(
    demo_db, server_ledger, pg, capsys
):
    assert cli.main(["server", "upload", str(demo_db), server_ledger]) == 0
    assert cli.main(["backup", "--db", server_ledger]) == 0
    made = capsys.readouterr().out.strip().splitlines()[-1].split(": verified backup")[0]
    assert made.endswith("-manual.sqlite")
    fresh = pg.new_database()
    assert cli.main(["restore", made, "--db", fresh]) == 0
    open_ledger(fresh)
    assert service.total_records() == sum(
        v
        for k, v in _sqlite_counts(demo_db).items()
        if k in {x._meta.table_name for x in m.RECORD_MODELS}
    )
    store_db.close()
    assert cli.main(["audit", "verify", "--db", fresh]) == 0
    assert "chain intact" in capsys.readouterr().out


def test_the_change_log_on_a_server_is_append_only(server_ledger):
    open_ledger(server_ledger)
    service.save(INSTITUTION_SPEC, {"name": "中北大学"})
    store_db.close()
    import psycopg2

    for sql in (
        "UPDATE audit_entry SET operator = 'x'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
    ):
        with pytest.raises(psycopg2.Error, match="append-only"):
            rawdb.tamper_as_program(server_ledger, (sql, ()))


def test_commands_take_a_server_url(qapp, demo_db, server_ledger, tmp_path, capsys):
    assert cli.main(["server", "upload", str(demo_db), server_ledger]) == 0
    capsys.readouterr()
    assert cli.main(["search", "番茄", "--db", server_ledger]) == 0
    assert "match(es)" in capsys.readouterr().out
    out = tmp_path / "院校.xlsx"
    assert cli.main(["export", "institution", "--xlsx", str(out), "--db", server_ledger]) == 0
    assert out.is_file()
    pdf = tmp_path / "统计表.pdf"
    assert (
        cli.main(["report", "summary", "--year", "2023", "--pdf", str(pdf), "--db", server_ledger])
        == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert cli.main(["check", "--db", server_ledger]) == 0
    assert cli.main(["ledger", "show", "--db", server_ledger]) == 0


def test_a_server_that_cannot_be_reached_is_said_in_a_sentence(capsys):
    assert cli.main(["search", "中北", "--db", "postgresql://nobody@127.0.0.1:1/ledger"]) == 2
    err = capsys.readouterr().err
    assert "cannot open postgresql://nobody@127.0.0.1:1/ledger" in err
    assert "Traceback" not in err


def test_a_database_without_a_ledger_is_said(empty_db, capsys):
    assert cli.main(["search", "中北", "--db", empty_db]) == 2
    assert "holds no ledger" in capsys.readouterr().err


def test_init_makes_the_first_administrator_who_then_signs_in(empty_db, monkeypatch, capsys):
    monkeypatch.setenv("COOP_LEDGER_NEW_PASSWORD", "管理员口令-2023")
    n = empty_db.rsplit("_", 1)[-1]
    assert cli.main(["server", "init", empty_db, "--admin", f"wang{n}"]) == 0
    assert cli.main(["server", "init", empty_db]) == 2  # a second time: refused
    assert "holds a ledger already" in capsys.readouterr().err
    monkeypatch.setenv("COOP_LEDGER_PASSWORD", "管理员口令-2023")
    admin = empty_db.replace("postgres@", f"wang{n}@", 1)
    assert cli.main(["demo", "--db", admin]) == 0
    assert "sample records written" in capsys.readouterr().out
    # The administrator's login (no superuser) searches and rewrites the index.
    assert cli.main(["search", "番茄", "--db", admin]) == 0
    assert cli.main(["check", "--rebuild-index", "--db", admin]) == 0
    assert cli.main(["search", "番茄", "--db", admin]) == 0
    open_ledger(admin)
    assert store_db.current_operator() == f"wang{n}"  # the change log names who signed in
    assert m.AuditEntry.select().where(m.AuditEntry.operator == f"wang{n}").count() > 200


def test_a_short_password_for_a_new_user_is_refused(empty_db, monkeypatch, capsys):
    monkeypatch.setenv("COOP_LEDGER_NEW_PASSWORD", "short")
    assert cli.main(["server", "init", empty_db, "--admin", "shortpw"]) == 2
    assert "8 characters or more" in capsys.readouterr().err
    assert cli.main(["search", "x", "--db", empty_db]) == 2  # all or nothing: no ledger made
    assert "holds no ledger" in capsys.readouterr().err
