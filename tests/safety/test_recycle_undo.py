"""The recycle bin (delete, restore, purge) and Ctrl+Z's undo_last."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.records import attachments, audit, recycle, service
from desktop_app.records import errors as E
from desktop_app.records.specs import INSTITUTION_SPEC, PROJECT_SPEC, UNIT_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger

MILESTONES = [(dt.date(2024, 1, 2), "签约"), (dt.date(2024, 3, 15), "试验线开工")]


@pytest.fixture
def project(make):
    """A project linked to two institutions, with two milestones and a unit."""
    unit = make("unit", name="县发改局")
    a = make("institution", name="中北大学")
    b = make("institution", name="山西农业大学")
    rid = make(
        "project",
        name="高速飞车试验线",
        unit=unit,
        institutions=[a, b],
        start_date=dt.date(2024, 1, 1),
        milestones=MILESTONES,
    )
    return rid, a, b


def _actions(key: str, rid: int) -> list[str]:
    return [e.action for e in reversed(audit.history(key, rid))]


def test_delete_puts_the_record_in_the_bin_with_its_links(project):
    rid, a, b = project
    before = service.load(PROJECT_SPEC, rid)
    bin_id = service.delete(PROJECT_SPEC, rid)

    assert not m.Project.select().where(m.Project.id == rid).exists()
    assert m.ProjectInstitution.select().count() == 0
    assert m.ProjectMilestone.select().count() == 0
    [entry] = recycle.entries()
    assert (entry.id, entry.record_type, entry.record_id, entry.title) == (
        bin_id,
        "project",
        rid,
        "高速飞车试验线",
    )
    payload = json.loads(entry.payload)
    assert payload["links"] == {"institutions": [a, b]}
    assert payload["children"] == {
        "milestones": [["2024-01-02", "签约"], ["2024-03-15", "试验线开工"]]
    }
    assert _actions("project", rid) == ["create", "delete"]
    deleted = audit.history("project", rid)[0]
    assert json.loads(deleted.old_value)["milestones"] == "2024-01-02 签约\n2024-03-15 试验线开工"
    assert before["institutions"] == [a, b]


def test_restore_deleted_brings_back_record_links_and_milestones_same_id(project):
    rid, a, b = project
    before = service.load(PROJECT_SPEC, rid)
    stamps = m.Project.get_by_id(rid).created_at, m.Project.get_by_id(rid).updated_at
    bin_id = service.delete(PROJECT_SPEC, rid)

    assert service.restore_deleted(bin_id) == rid

    assert service.load(PROJECT_SPEC, rid) == before
    assert before["milestones"] == MILESTONES and before["institutions"] == [a, b]
    restored = m.Project.get_by_id(rid)
    # the stamps come back as the datetimes they were, not as "…T…" text
    assert (restored.created_at, restored.updated_at) == stamps
    assert isinstance(restored.created_at, dt.datetime)
    assert recycle.entries() == []
    assert _actions("project", rid) == ["create", "delete", "restore"]
    assert audit.verify() is None
    # and it is a full record again: its links hold, its institutions cannot go
    with pytest.raises(E.DeleteRefused):
        service.delete(INSTITUTION_SPEC, a)


def test_restore_drops_links_to_records_deleted_since(project):
    rid, a, b = project
    bin_id = service.delete(PROJECT_SPEC, rid)
    service.delete(INSTITUTION_SPEC, b)  # nothing links to it any more

    service.restore_deleted(bin_id)

    assert service.load(PROJECT_SPEC, rid)["institutions"] == [a]
    restore_entry = audit.history("project", rid)[0]
    assert restore_entry.action == "restore" and f"institutions #{b}" in restore_entry.new_value


def test_restore_keeps_attachments_and_their_files(project, tmp_path):
    rid, a, _ = project
    scan = tmp_path / "协议扫描.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    att = attachments.add_file("project", rid, scan, "签约协议")
    same_file_elsewhere = attachments.add_file("institution", a, scan)
    bin_id = service.delete(PROJECT_SPEC, rid)
    # the same bytes, removed from the other record while this one is in the bin
    attachments.remove(same_file_elsewhere.id)

    service.restore_deleted(bin_id)

    [back] = attachments.list_for("project", rid)
    assert (back.file_name, back.description, back.file_hash) == (
        "协议扫描.pdf",
        "签约协议",
        att.file_hash,
    )
    assert back.added_at == att.added_at and isinstance(back.added_at, dt.datetime)
    assert attachments.path_of(back.id).read_bytes() == b"%PDF-1.4 scan"


def test_purge_removes_for_good(project):
    rid, _, _ = project
    unit = m.Unit.get().id
    first = service.delete(PROJECT_SPEC, rid)
    second = service.delete(UNIT_SPEC, unit)  # free now that the project is gone
    assert len(recycle.entries()) == 2

    assert service.purge_deleted([first]) == 1

    assert [e.id for e in recycle.entries()] == [second]
    assert _actions("project", rid) == ["create", "delete", "purge"]
    assert audit.history("project", rid)[0].title == "高速飞车试验线"
    with pytest.raises(m.DeletedRecord.DoesNotExist):
        service.restore_deleted(first)
    assert not m.Project.select().exists()
    assert audit.verify() is None


# ---------------------------------------------------------------- undo


def test_undo_create_update_delete_newest_first(make):
    uid = make("unit", name="县委组织部", phone="6621234")
    values = service.load(UNIT_SPEC, uid)
    service.save(UNIT_SPEC, {**values, "name": "县委组织部（人才办）", "phone": "6620000"}, uid)
    other = make("unit", name="县科技局")
    service.delete(UNIT_SPEC, other)

    assert service.undo_last() == ("delete", "unit", other)
    assert m.Unit.get_by_id(other).name == "县科技局" and recycle.entries() == []

    assert service.undo_last() == ("create", "unit", other)
    assert not m.Unit.select().where(m.Unit.id == other).exists()
    assert recycle.entries() == []  # undoing a create leaves nothing in the bin

    assert service.undo_last() == ("update", "unit", uid)
    unit = m.Unit.get_by_id(uid)
    assert (unit.name, unit.phone) == ("县委组织部", "6621234")

    assert service.undo_last() == ("create", "unit", uid)
    assert m.Unit.select().count() == 0
    assert service.undo_last() is None
    steps = [(e.action, e.field) for e in m.AuditEntry.select().order_by(m.AuditEntry.id)]
    assert steps == [
        ("create", ""),
        ("update", "name"),
        ("update", "phone"),
        ("create", ""),
        ("delete", ""),
        ("restore", ""),  # undo of the delete
        ("undo", ""),  # each undo is marked: the change log shows 撤销
        ("delete", ""),  # undo of the second create
        ("undo", ""),
        ("update", "name"),  # undo of the update
        ("update", "phone"),
        ("undo", ""),
        ("delete", ""),  # undo of the first create
        ("undo", ""),
    ]
    assert audit.verify() is None


def test_undo_skips_steps_whose_record_changed_hands(make):
    uid = make("unit", name="县委组织部")
    service.delete(UNIT_SPEC, uid)
    service.restore_deleted(recycle.entries()[0].id)  # restored by hand from the bin
    # the delete step is moot (the record exists): undo goes on to the create
    assert service.undo_last() == ("create", "unit", uid)
    assert m.Unit.select().count() == 0


def test_undo_does_not_replay_another_ledgers_steps(tmp_path):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    open_ledger(second)
    service.save(UNIT_SPEC, {"name": "县科技局"})
    open_ledger(first)
    service.save(UNIT_SPEC, {"name": "县委组织部"})  # id 1 here, and id 1 in b too
    open_ledger(second)
    try:
        assert service.undo_last() is None
        assert [u.name for u in m.Unit.select()] == ["县科技局"]
    finally:
        store_db.close()


def test_restoring_a_record_whose_name_was_taken_again_is_refused(ledger):
    from desktop_app.records import errors as E
    from desktop_app.records import recycle
    from desktop_app.records import service as svc
    from desktop_app.records.specs import SPECS as specs

    rid = svc.save(specs["institution"], {"name": "中北大学"})
    bin_id = svc.delete(specs["institution"], rid)
    svc.save(specs["institution"], {"name": "中北大学"})
    with pytest.raises(E.ValidationError) as refused:
        svc.restore_deleted(bin_id)
    assert refused.value.problems[0].text() == 'Name "中北大学" already exists.'
    assert [e.id for e in recycle.entries()] == [bin_id]  # still in the bin


def test_an_undo_that_is_refused_keeps_its_step(ledger):
    from desktop_app.records import errors as E
    from desktop_app.records import service as svc
    from desktop_app.records.specs import SPECS as specs

    svc.UNDO.clear()
    inst = svc.save(specs["institution"], {"name": "中北大学"})
    svc.save(
        specs["activity"],
        {"title": "座谈", "type": "座谈会", "date": "2023-05-01", "institutions": [inst]},
    )
    svc.UNDO.items.pop()  # leave the institution's creation as the last step
    with pytest.raises(E.DeleteRefused):
        svc.undo_last()
    assert svc.UNDO.items and svc.UNDO.items[-1][0] == "create"
