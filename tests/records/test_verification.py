"""audit verify against what the breaker tried (issue 10, item 11): a rewritten
and rehashed chain is caught by the backups, records slipped in or brought back
behind the program's back are named, and older ledgers raise no false alarm."""

from __future__ import annotations

import datetime as dt
import sqlite3

from desktop_app import cli
from desktop_app.records import audit, replay, service, verification
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger
from tests.store.test_migrations import make_v1_file


def _rewrite_operator_and_rehash(path, entry_id: int) -> None:
    """What someone who knows the format would do: change an old entry, then
    recompute every hash after it and the header's seal."""
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT id, at, operator, action, record_type, record_id, title, field, "
        "old_value, new_value FROM audit_entry ORDER BY id"
    ).fetchall()
    prev = audit.GENESIS
    for i, at, op, action, rt, rid, title, field, old, new in rows:
        if i == entry_id:
            op = "李四"
        e = {
            "at": at,
            "operator": op,
            "action": action,
            "record_type": rt,
            "record_id": rid,
            "title": title,
            "field": field,
            "old_value": old,
            "new_value": new,
        }
        h = audit._digest(prev, e)
        con.execute(
            "UPDATE audit_entry SET operator = ?, prev_hash = ?, hash = ? WHERE id = ?",
            (op, prev, h, i),
        )
        prev = h
    con.execute(f"PRAGMA application_id = {int(prev[:7], 16)}")
    con.commit()
    con.close()


def test_a_rewritten_and_rehashed_chain_is_caught_by_the_backups(demo_db, capsys):
    assert cli.main(["backup", "--db", str(demo_db)]) == 0  # a backup of today's chain
    _rewrite_operator_and_rehash(demo_db, 10)
    capsys.readouterr()
    assert cli.main(["audit", "verify", "--db", str(demo_db)]) == 1
    out = capsys.readouterr().out
    assert "the change history differs from the backup made" in out
    assert "entries were rewritten outside the program" in out


def test_backups_of_an_abandoned_line_raise_no_alarm_after_a_restore(demo_db, capsys):
    folder = demo_db.parent / "backups"
    assert cli.main(["backup", "--db", str(demo_db)]) == 0
    old = next(folder.glob("*.sqlite")).rename(folder / "demo-20261101-090000-daily.sqlite")
    open_ledger(demo_db)
    service.save(INSTITUTION_SPEC, {"name": "新加的大学"})
    store_db.close()
    assert cli.main(["backup", "--db", str(demo_db)]) == 0  # holds the newer line
    newer = next(p for p in folder.glob("*.sqlite") if p != old)
    newer.rename(folder / "demo-20261102-090000-daily.sqlite")
    assert cli.main(["restore", str(old), "--db", str(demo_db)]) == 0
    open_ledger(demo_db)
    service.save(INSTITUTION_SPEC, {"name": "另一所大学"})  # a different line from here
    store_db.close()
    capsys.readouterr()
    assert cli.main(["audit", "verify", "--db", str(demo_db)]) == 0, capsys.readouterr().out


def test_a_record_deleted_in_its_history_but_back_in_the_table_is_named(make, ledger_path):
    rid = make("institution", name="已删大学")
    bin_id = service.delete(INSTITUTION_SPEC, rid)
    row = dict(m.DeletedRecord.get_by_id(bin_id).__data__)
    service.purge_deleted([bin_id])
    db = store_db.database_proxy.obj
    db.execute_sql(
        "INSERT INTO institution (id, created_at, updated_at, changed_by, is_sample, sort_key, "
        "name, short_name, kind, location_class, province, city, stage, contact_person, phone, "
        "email, notes) VALUES (?, '2020-01-01 00:00:00', '2020-01-01 00:00:00', '', FALSE, '', "
        "'已删大学', '', '', '', '', '', '', '', '', '', '')",
        (rid,),
    )
    assert row["record_id"] == rid
    found, total = replay.mismatches()
    assert total == 1
    assert found[0].describe() == (
        f"institution #{rid} 已删大学: its history says it was deleted, yet it is in the ledger"
    )


def test_a_backdated_record_in_a_ledger_born_with_its_log_is_named(make, ledger_path, backend):
    make("institution", name="中北大学")
    db = store_db.database_proxy.obj
    # An empty date: SQLite holds whatever another tool writes; a server refuses it.
    for created in ("2020-01-01 00:00:00", "" if backend == "sqlite" else "2021-01-01 00:00:00"):
        db.execute_sql(
            "INSERT INTO unit (created_at, updated_at, changed_by, is_sample, sort_key, name, "
            "kind, contact_person, phone, notes) VALUES (?, ?, '', FALSE, '', ?, '', '', '', '')",
            (created, created, f"伪造单位{created[:4]}"),
        )
    found, total = replay.mismatches()
    assert total == 2
    assert all(f.kind == replay.UNLOGGED and f.record_type == "unit" for f in found)


def test_records_older_than_the_log_renamed_later_raise_no_alarm(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    path = tmp_path / "old.sqlite"
    make_v1_file(path)  # a unit, an institution, a talent and an activity, before the log
    open_ledger(path)
    act = service.save(
        spec_activity(),
        {
            "title": "新活动",
            "date": dt.date(2024, 3, 1),
            "type": "座谈会",
            "institutions": [1],
            "unit": 1,
        },
    )
    for spec, rid, name in (
        (INSTITUTION_SPEC, 1, "中北大学（新）"),
        (unit_spec(), 1, "县委组织部（新）"),
    ):
        service.save(spec, {**service.load(spec, rid), "name": name}, rid)
    found, total = replay.mismatches()
    assert (found, total) == ([], 0), [f.describe() for f in found]
    assert act
    v = verification.verify_ledger(path)
    assert v.intact


def spec_activity():
    from desktop_app.records.specs import ACTIVITY_SPEC

    return ACTIVITY_SPEC


def unit_spec():
    from desktop_app.records.specs import UNIT_SPEC

    return UNIT_SPEC


def test_a_long_value_is_shortened_in_the_message():
    item = replay.Mismatch(replay.VALUE, "institution", 1, "中北大学", "notes", "短", "长" * 3000)
    text = item.describe()
    assert len(text) < 250 and text.count("长") == 79 and "…" in text
