"""Updates from the office to a unit's copy: shared lists, the office's
records about the unit, corrections; conflicts decided at the unit."""

from __future__ import annotations

import pytest

from desktop_app.handin import incoming, outgoing, setup, updates
from desktop_app.store import models as m
from tests.handin.test_exchange import AGRI, TECH, by_uid, opened, save


@pytest.fixture
def pair(tmp_path):
    office, copy = tmp_path / "office.sqlite", tmp_path / "agri.sqlite"
    with opened(office):
        agri = save("unit", name=AGRI)
        tech = save("unit", name=TECH)
        nuc = save("institution", name="中北大学")
        save("activity", title="番茄产业对接", unit=agri, institutions=[nuc])
        save("activity", title="科技局的活动", unit=tech)
        setup.make_unit_copy(AGRI, copy)
    return office, copy


def test_an_update_brings_shared_lists_office_records_and_corrections(pair, tmp_path):
    office, copy = pair
    with opened(office):
        agri = m.Unit.get(m.Unit.name == AGRI).id
        nuc = m.Institution.get().id
        save("institution", nuc, short_name="中北")
        save("institution", name="山西农业大学")
        activity = m.Activity.get(m.Activity.title == "番茄产业对接")
        save("activity", activity.id, place="县委党校")  # a correction by the office
        save("activity", m.Activity.get(m.Activity.title == "科技局的活动").id, place="别处")
        save(
            "ledger_report", unit=agri, period="2023年第三季度", status="未报送", notes="请补报附件"
        )
        made = updates.make_update(AGRI, tmp_path / "u1.cledger", "王主任")
        uid = activity.uid
    assert made.seq == 1
    with opened(copy):
        seen = updates.inspect_update(tmp_path / "u1.cledger")
        kinds = sorted((c.kind, c.spec.key) for c in seen.changes)
        assert kinds == [
            ("changed", "activity"),
            ("changed", "institution"),
            ("new", "institution"),
            ("new", "ledger_report"),
        ]  # not the other unit's activity
        updates.merge_update(seen)
        assert m.Institution.get(m.Institution.name == "中北大学").short_name == "中北"
        assert m.Institution.select().count() == 2
        assert by_uid("activity", uid).place == "县委党校"
        assert m.LedgerReport.get().notes == "请补报附件"
        # The correction is not handed back as the unit's change.
        made = outgoing.make_package("2023Q3", tmp_path / "p1.cledger", "李明")
        assert (made.changed, made.deleted) == (0, 0)
        # The same update again changes nothing.
        assert updates.inspect_update(tmp_path / "u1.cledger").already


def test_a_field_both_changed_is_decided_at_the_unit_and_its_choice_travels_back(pair, tmp_path):
    office, copy = pair
    with opened(office):
        uid = m.Activity.get(m.Activity.title == "番茄产业对接").uid
        save("activity", by_uid("activity", uid).id, place="县委党校")
        updates.make_update(AGRI, tmp_path / "u1.cledger")
    with opened(copy):
        save("activity", by_uid("activity", uid).id, place="大泉山")
        seen = updates.inspect_update(tmp_path / "u1.cledger")
        (change,) = seen.conflicts
        with pytest.raises(incoming.NeedsDecision):
            updates.merge_update(seen)
        updates.merge_update(seen, take=incoming.OURS)  # the unit keeps its own
        assert by_uid("activity", uid).place == "大泉山"
        outgoing.make_package("2023Q3", tmp_path / "p1.cledger", "李明")
    with opened(office):
        seen = incoming.inspect(tmp_path / "p1.cledger")
        assert not seen.conflicts  # the office changed nothing since its update
        incoming.merge(seen)
        assert by_uid("activity", uid).place == "大泉山"


def test_updates_go_to_the_right_copy_and_a_later_one_carries_all(pair, tmp_path):
    office, copy = pair
    with opened(office):
        save("institution", name="甲大学")
        updates.make_update(AGRI, tmp_path / "u1.cledger")
        save("institution", name="乙大学")
        updates.make_update(AGRI, tmp_path / "u2.cledger")
        with pytest.raises(incoming.Refused, match="open that unit's ledger"):
            updates.inspect_update(tmp_path / "u1.cledger")  # at the office, not the unit
    with opened(copy):
        # The later update carries what the earlier one did (the office has
        # not heard that the unit took it); the earlier then changes nothing.
        updates.merge_update(updates.inspect_update(tmp_path / "u2.cledger"))
        assert {"甲大学", "乙大学"} <= {i.name for i in m.Institution.select()}
        assert updates.inspect_update(tmp_path / "u1.cledger").already


def test_a_change_after_taking_the_offices_correction_is_no_conflict_and_ours_travels_back(
    pair, tmp_path
):
    office, copy = pair
    with opened(copy):
        rid = m.Activity.get(m.Activity.title == "番茄产业对接").id
        uid = m.Activity.get_by_id(rid).uid
        save("activity", rid, notes="A")
        outgoing.make_package("2023Q3", tmp_path / "p1.cledger", "李明")
    with opened(office):
        incoming.merge(incoming.inspect(tmp_path / "p1.cledger"))
        save("activity", by_uid("activity", uid).id, notes="B")  # the office corrects it
        updates.make_update(AGRI, tmp_path / "u1.cledger")
    with opened(copy):
        updates.merge_update(updates.inspect_update(tmp_path / "u1.cledger"))
        assert by_uid("activity", uid).notes == "B"
        save("activity", rid, notes="C")  # after seeing B
        outgoing.make_package("2023Q3", tmp_path / "p2.cledger", "李明")
    with opened(office):
        seen = incoming.inspect(tmp_path / "p2.cledger")
        assert not seen.conflicts
        incoming.merge(seen)
        assert by_uid("activity", uid).notes == "C"
        save("activity", by_uid("activity", uid).id, notes="D")  # both change it again
    with opened(copy):
        save("activity", rid, notes="E")
        outgoing.make_package("2023Q3", tmp_path / "p3.cledger", "李明")
    with opened(office):
        seen = incoming.inspect(tmp_path / "p3.cledger")
        assert len(seen.conflicts) == 1
        incoming.merge(seen, take=incoming.OURS)  # the office keeps D ...
        updates.make_update(AGRI, tmp_path / "u2.cledger")
    with opened(copy):
        updates.merge_update(updates.inspect_update(tmp_path / "u2.cledger"), take=incoming.THEIRS)
        assert by_uid("activity", uid).notes == "D"  # ... and the unit hears of it


def test_a_record_given_to_the_unit_comes_with_what_it_points_at(pair, tmp_path):
    office, copy = pair
    with opened(office):
        tech = m.Unit.get(m.Unit.name == TECH).id
        agri = m.Unit.get(m.Unit.name == AGRI).id
        meeting = save("meeting", title="科技局会议", unit=tech)
        task = save("task", title="科技局事项", unit=tech, meeting=meeting)
        save("task", task, unit=agri)  # given to the unit
        updates.make_update(AGRI, tmp_path / "u1.cledger")
    with opened(copy):
        updates.merge_update(updates.inspect_update(tmp_path / "u1.cledger"))
        assert m.Task.get(m.Task.title == "科技局事项").meeting.title == "科技局会议"


def test_a_unit_restored_from_before_an_update_gets_the_correction_again(pair, tmp_path):
    import shutil

    office, copy = pair
    with opened(office):
        uid = m.Activity.get(m.Activity.title == "番茄产业对接").uid
        save("activity", by_uid("activity", uid).id, notes="office B")
        updates.make_update(AGRI, tmp_path / "u1.cledger")
    backup = tmp_path / "before-u1.sqlite"
    shutil.copy(copy, backup)
    with opened(copy):
        updates.merge_update(updates.inspect_update(tmp_path / "u1.cledger"))
        outgoing.make_package("2023Q3", tmp_path / "p1.cledger", "李明")
    with opened(office):
        incoming.merge(incoming.inspect(tmp_path / "p1.cledger"))
    shutil.copy(backup, copy)  # the unit's PC goes back to before u1
    with opened(copy):
        outgoing.make_package("2023Q3", tmp_path / "p2.cledger", "李明")
    with opened(office):
        incoming.merge(incoming.inspect(tmp_path / "p2.cledger"))
        updates.make_update(AGRI, tmp_path / "u2.cledger")
    with opened(copy):
        updates.merge_update(updates.inspect_update(tmp_path / "u2.cledger"))
        assert by_uid("activity", uid).notes == "office B"


def test_a_units_copy_cannot_bring_back_what_the_office_deleted_from_a_shared_list(pair, tmp_path):
    from desktop_app.records import errors as E
    from desktop_app.records import service
    from desktop_app.records.specs import SPECS

    office, copy = pair
    with opened(office):
        extra = save("institution", name="要删的大学")
        updates.make_update(AGRI, tmp_path / "u1.cledger")
    with opened(copy):
        updates.merge_update(updates.inspect_update(tmp_path / "u1.cledger"))
        assert m.Institution.select().where(m.Institution.name == "要删的大学").exists()
    with opened(office):
        service.delete(SPECS["institution"], extra)
        updates.make_update(AGRI, tmp_path / "u2.cledger")
    with opened(copy):
        updates.merge_update(updates.inspect_update(tmp_path / "u2.cledger"))
        assert not m.Institution.select().where(m.Institution.name == "要删的大学").exists()
        binned = m.DeletedRecord.select().where(m.DeletedRecord.title == "要删的大学")
        assert binned.count() == 1
        for entry in binned:
            with pytest.raises(E.ValidationError):
                service.restore_deleted(entry.id)
        assert service.undo_last() is None  # nor Ctrl+Z the office's update
