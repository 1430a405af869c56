"""Replaying the change log gives the records' current values (issue 10, item 11).

Every way the program changes a record is exercised first and must replay
cleanly; then records are changed behind the program's back (the chain
itself stays intact) and each change is named.
"""

from __future__ import annotations

import csv

import pytest

from desktop_app import cli
from desktop_app.records import replay, service
from desktop_app.records.specs import ACTIVITY_SPEC, INSTITUTION_SPEC, TALENT_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger
from tests import rawdb


def _everything_a_user_does(path, tmp_path) -> None:
    """The sample data, then edits, renames, deletes, restores, undo, imports."""
    assert cli.main(["demo", "--db", str(path)]) == 0
    store_db.close()
    rows = [["院校名称", "简称", "联系电话"], ["晋中学院", "晋中", "0354-1234567"]]
    source = tmp_path / "院校.csv"
    with source.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    assert cli.main(["import", "institution", str(source), "--db", str(path)]) == 0
    rows[1][2] = "0354-7654321"  # the same institution again: an update
    with source.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    assert (
        cli.main(
            ["import", "institution", str(source), "--on-duplicate", "update", "--db", str(path)]
        )
        == 0
    )
    store_db.close()
    open_ledger(path)

    # Rename an institution that activities and talents link to.
    linked = m.ActivityInstitution.select().first().institution_id
    values = service.load(INSTITUTION_SPEC, linked)
    service.save(INSTITUTION_SPEC, {**values, "name": values["name"] + "（新校区）"}, linked)
    # Edit an activity's links, children-free fields and numbers.
    act = m.Activity.select().order_by(m.Activity.id).first().id
    values = service.load(ACTIVITY_SPEC, act)
    others = [i.id for i in m.Institution.select().limit(3)]
    service.save(ACTIVITY_SPEC, {**values, "institutions": others, "participants": None}, act)
    # Category words renamed: a single choice and a multi choice.
    word = m.Activity.get_by_id(act).type
    service.rename_category_word("activity_type", word, word + "（改）")
    area = next(w for (w,) in m.Agreement.select(m.Agreement.areas).tuples() if w).split("、")[0]
    service.rename_category_word("cooperation_area", area, area + "等")
    # Delete and restore; delete and undo; a create undone.
    talent = m.Talent.select().order_by(m.Talent.id.desc()).first().id
    bin_id = service.delete(TALENT_SPEC, talent)
    service.restore_deleted(bin_id)
    other = m.Talent.select().order_by(m.Talent.id).first().id
    service.delete(TALENT_SPEC, other)
    assert service.undo_last()[0] == "delete"
    made = service.save(
        INSTITUTION_SPEC, {**service.empty_values(INSTITUTION_SPEC), "name": "临时"}
    )
    assert service.undo_last() == ("create", "institution", made)
    # The user's own record linked to a sample one keeps it through the removal.
    service.save(ACTIVITY_SPEC, {**service.load(ACTIVITY_SPEC, act), "title": "我的活动"})
    service.remove_sample_data()


def test_every_change_the_program_makes_replays(ledger_path, tmp_path):
    store_db.close()
    _everything_a_user_does(ledger_path, tmp_path)
    found, total = replay.mismatches()
    assert found == [] and total == 0


@pytest.fixture
def worked(ledger_path, tmp_path):
    store_db.close()
    _everything_a_user_does(ledger_path, tmp_path)
    store_db.close()
    return ledger_path


def _tamper(path, *statements) -> None:
    rawdb.tamper(path, *statements)


def test_a_value_changed_behind_the_programs_back_is_named(worked, capsys):
    open_ledger(worked)
    inst = m.Institution.select().order_by(m.Institution.id).first()
    store_db.close()
    _tamper(worked, ("UPDATE institution SET phone = ? WHERE id = ?", ("110", inst.id)))

    assert cli.main(["audit", "verify", "--db", str(worked)]) == 1
    out = capsys.readouterr().out
    assert f"institution #{inst.id} {inst.name}: phone is '110'" in out
    assert f"its history says {inst.phone!r}" in out
    assert "1 record(s) differ from their history" in out


def test_a_record_removed_or_added_behind_the_programs_back_is_named(worked, capsys):
    open_ledger(worked)
    unit = m.Unit.create(name="临时单位", sort_key="")  # written with no history entry
    gone = m.Institution.get(m.Institution.name == "晋中学院")
    store_db.close()
    _tamper(worked, ("DELETE FROM institution WHERE id = ?", (gone.id,)))

    open_ledger(worked, read_only=True)
    found, total = replay.mismatches()
    assert total == 2
    described = [f.describe() for f in found]
    assert (
        f"institution #{gone.id} 晋中学院: the history says it exists, the ledger does not hold it"
        in described
    )
    assert (
        f"unit #{unit.id} 临时单位: it is in the ledger but its history never created it"
        in described
    )


def test_a_renamed_link_behind_the_programs_back_is_named(worked):
    # Pointing an activity at another institution is caught even though both
    # names exist: the logged name is not one the new target ever bore.
    open_ledger(worked)
    act = m.Activity.get(m.Activity.title == "我的活动")
    link = m.ActivityInstitution.select().where(m.ActivityInstitution.activity == act.id).first()
    spare = (
        m.Institution.select()
        .where(m.Institution.id.not_in([link.institution_id]))
        .order_by(m.Institution.id.desc())
        .first()
    )
    store_db.close()
    _tamper(
        worked,
        ("UPDATE activity_institution SET institution_id = ? WHERE id = ?", (spare.id, link.id)),
    )
    open_ledger(worked, read_only=True)
    found, _ = replay.mismatches()
    assert [(f.record_type, f.record_id, f.field) for f in found] == [
        ("activity", act.id, "institutions")
    ]
    assert spare.name in found[0].stored


# A server refuses a date that is no date; only a file can hold one.
@pytest.mark.sqlite_only
def test_a_date_column_holding_text_is_named_not_a_crash(worked, capsys):
    open_ledger(worked)
    act = m.Activity.select().order_by(m.Activity.id).first()
    store_db.close()
    _tamper(worked, ("UPDATE activity SET date = '2024-13-45' WHERE id = ?", (act.id,)))
    assert cli.main(["audit", "verify", "--db", str(worked)]) == 1
    out = capsys.readouterr().out
    assert f"activity #{act.id}" in out and "date is '2024-13-45'" in out
