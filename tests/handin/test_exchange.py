"""Hand-in packages end to end, on real ledger files: the office sets up a
unit's copy, the unit hands in, the office receives; repeats, order, damage,
conflicts and deletions."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop_app.handin import incoming, outgoing, package, roles, setup
from desktop_app.records import attachments, service
from desktop_app.records.specs import SPECS
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger
from tests.conftest import DEFAULTS

AGRI = "县农业农村局"
TECH = "县科技局"


@contextmanager
def opened(path: Path):
    open_ledger(path)
    try:
        yield
    finally:
        store_db.close()
        store_db.set_operator(None)


def save(key: str, record_id: int | None = None, **values) -> int:
    spec = SPECS[key]
    base = service.load(spec, record_id) if record_id else dict(DEFAULTS.get(key, {}))
    return service.save(spec, {**base, **values}, record_id)


def by_uid(key: str, uid: str):
    model = SPECS[key].model
    return model.get_or_none(model.uid == uid)


@pytest.fixture
def office(tmp_path) -> Path:
    path = tmp_path / "office.sqlite"
    with opened(path):
        agri = save("unit", name=AGRI)
        tech = save("unit", name=TECH)
        nuc = save("institution", name="中北大学", short_name="中北")
        save("activity", title="番茄产业对接", unit=agri, institutions=[nuc])
        meeting = save("meeting", title="联席会议", unit=tech)
        save("task", title="落实番茄项目", unit=agri, meeting=meeting)
        save("activity", title="科技局的活动", unit=tech)
    return path


@pytest.fixture
def unit_copy(office, tmp_path) -> Path:
    out = tmp_path / "agri.sqlite"
    with opened(office):
        made = setup.make_unit_copy(AGRI, out)
    assert (made.unit, made.shared) == (AGRI, 3)  # two units and one institution
    return out


def hand_in(copy: Path, out: Path, period: str = "2023Q3", sender: str = "李明") -> outgoing.Made:
    with opened(copy):
        return outgoing.make_package(period, out, sender)


def receive(office: Path, pkg: Path, **how) -> incoming.Merged:
    with opened(office):
        return incoming.merge(incoming.inspect(pkg), **how)


def test_the_units_copy_holds_the_shared_lists_its_records_and_what_they_point_at(
    office, unit_copy
):
    with opened(office):
        office_uids = {
            (s.key, u) for s in SPECS.values() for (u,) in s.model.select(s.model.uid).tuples()
        }
    with opened(unit_copy):
        copy = roles.unit_copy()
        assert copy is not None and copy.unit_name == AGRI
        have = {(s.key, u) for s in SPECS.values() for (u,) in s.model.select(s.model.uid).tuples()}
        titles = {r.title for r in m.Activity.select()}
        assert titles == {"番茄产业对接"}  # not the other unit's activity
        # The task's meeting belongs to the other unit: it is there, so no link is lost.
        task = m.Task.get()
        assert task.meeting.title == "联席会议"
        assert m.Category.select().count() > 10
    assert have <= office_uids and len(have) == 6


def test_a_hand_in_brings_new_changed_and_attached_records_to_the_office(
    office, unit_copy, tmp_path
):
    doc = tmp_path / "纪要.pdf"
    doc.write_bytes(b"%PDF-1.4 minutes")
    with opened(unit_copy):
        nuc = m.Institution.get().id
        old = m.Activity.get().id
        save("activity", old, title="番茄产业对接（第二次）")
        new = save(
            "activity", title="杂粮深加工座谈", unit=roles.unit_copy().unit_id, institutions=[nuc]
        )
        attachments.add_file("activity", new, doc)
        new_uid = m.Activity.get_by_id(new).uid
        old_uid = m.Activity.get_by_id(old).uid
        made = outgoing.make_package("2023Q3", tmp_path / "p1.cledger", "李明")
    assert (made.seq, made.changed, made.deleted, made.files) == (1, 2, 0, 1)
    with opened(office):
        seen = incoming.inspect(tmp_path / "p1.cledger")
        kinds = sorted((c.kind, c.title) for c in seen.changes)
        assert kinds == [("changed", "番茄产业对接（第二次）"), ("new", "杂粮深加工座谈")]
        assert not seen.conflicts and seen.period == "2023年第三季度"
        done = incoming.merge(seen)
        assert (done.new, done.changed, done.files) == (1, 1, 1)
        assert done.backup is not None and done.backup.exists()
        arrived = by_uid("activity", new_uid)
        assert arrived.title == "杂粮深加工座谈" and arrived.unit.name == AGRI
        linked = service.load(SPECS["activity"], arrived.id)["institutions"]
        assert service.names_of("institution", linked) == {linked[0]: "中北大学"}
        assert by_uid("activity", old_uid).title == "番茄产业对接（第二次）"
        (att,) = attachments.list_for("activity", arrived.id)
        assert attachments.stored_path(att).read_bytes() == b"%PDF-1.4 minutes"
        report = m.LedgerReport.get()
        assert (report.unit.name, report.period, report.status) == (
            AGRI,
            "2023年第三季度",
            "已报送",
        )
        assert report.submitted_date == dt.date.today()
        who = {
            e.operator for e in m.AuditEntry.select().where(m.AuditEntry.record_type == "activity")
        }
        assert "李明（县农业农村局报送 2023年第三季度 第1号）" in who
        # Receiving it again changes nothing, and says so.
        before = m.AuditEntry.select().count()
        again = incoming.inspect(tmp_path / "p1.cledger")
        assert again.already is not None
        incoming.merge(again)
        assert m.AuditEntry.select().count() == before


def test_a_package_altered_in_any_byte_is_refused_and_nothing_is_written(
    office, unit_copy, tmp_path
):
    with opened(unit_copy):
        save("activity", title="新活动", unit=roles.unit_copy().unit_id)
    pkg = tmp_path / "p1.cledger"
    hand_in(unit_copy, pkg)
    # Rewrite one record's title inside the zip, keeping the old signature.
    with zipfile.ZipFile(pkg) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members[package.RECORDS] = members[package.RECORDS].replace(
        "新活动".encode(), "假活动".encode()
    )
    forged = tmp_path / "forged.cledger"
    with zipfile.ZipFile(forged, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    broken = []
    whole = pkg.read_bytes()
    for i, at in enumerate(range(0, len(whole), max(1, len(whole) // 40))):
        data = bytearray(whole)
        data[at] ^= 0xFF  # one byte anywhere: a header, the data, the directory
        broken.append(tmp_path / f"broken{i}.cledger")
        broken[-1].write_bytes(bytes(data))
    with opened(office):
        before = m.AuditEntry.select().count()
        for bad in (forged, *broken):
            with pytest.raises(package.BadPackage):
                incoming.inspect(bad)
        assert m.AuditEntry.select().count() == before
        assert not m.Activity.select().where(m.Activity.title.in_(["新活动", "假活动"])).exists()


def test_a_later_package_carries_everything_an_earlier_one_did(office, unit_copy, tmp_path):
    # Until the office confirms a package (in its next update), each package
    # carries everything since the last confirmed exchange: one lost, refused
    # or received late costs nothing.
    with opened(unit_copy):
        unit_id = roles.unit_copy().unit_id
        save("activity", title="第一批", unit=unit_id)
        outgoing.make_package("2023Q3", tmp_path / "p1.cledger", "李明")
        save("activity", title="第二批", unit=unit_id)
        outgoing.make_package("2023Q4", tmp_path / "p2.cledger", "李明")
    receive(office, tmp_path / "p2.cledger")
    with opened(office):
        assert {"第一批", "第二批"} <= {a.title for a in m.Activity.select()}
        late = incoming.inspect(tmp_path / "p1.cledger")
        assert late.already is not None  # made before the one received: nothing to do
        assert m.HandinReceipt.select().count() == 1
        assert m.Activity.select().where(m.Activity.title == "第一批").count() == 1


def test_a_field_changed_on_both_sides_is_a_conflict_each_side_can_win(office, unit_copy, tmp_path):
    with opened(unit_copy):
        rid = m.Activity.get().id
        save("activity", rid, place="大泉山")
        uid = m.Activity.get_by_id(rid).uid
    with opened(office):
        save("activity", by_uid("activity", uid).id, place="县委党校")
    pkg = tmp_path / "p1.cledger"
    hand_in(unit_copy, pkg)
    with opened(office):
        seen = incoming.inspect(pkg)
        (change,) = seen.conflicts
        (fc,) = [f for f in change.fields if f.name == "place"]
        assert (fc.ours, fc.theirs, fc.conflict) == ("县委党校", "大泉山", True)
        with pytest.raises(incoming.NeedsDecision):
            incoming.merge(seen)
        assert m.HandinReceipt.select().count() == 0  # nothing written
        incoming.merge(seen, choices={(uid, "place"): incoming.OURS})
        assert by_uid("activity", uid).place == "县委党校"


def test_a_record_deleted_at_the_unit_but_changed_at_the_office_is_not_lost(
    office, unit_copy, tmp_path
):
    with opened(unit_copy):
        rid = m.Activity.get().id
        uid = m.Activity.get_by_id(rid).uid
        service.delete(SPECS["activity"], rid)
    with opened(office):
        save("activity", by_uid("activity", uid).id, participants=40)
    pkg = tmp_path / "p1.cledger"
    hand_in(unit_copy, pkg)
    with opened(office):
        seen = incoming.inspect(pkg)
        (change,) = seen.conflicts
        assert (change.kind, change.conflict) == ("deleted", "changed here")
        incoming.merge(seen, take=incoming.OURS)
        assert by_uid("activity", uid).participants == 40
    # Without the office's change, a deletion at the unit deletes (to the bin).
    with opened(unit_copy):
        rid2 = save("activity", title="要删的活动", unit=roles.unit_copy().unit_id)
        uid2 = m.Activity.get_by_id(rid2).uid
        outgoing.make_package("2023Q3", tmp_path / "p2.cledger", "李明")
        service.delete(SPECS["activity"], rid2)
        outgoing.make_package("2023Q3", tmp_path / "p3.cledger", "李明")
    receive(office, tmp_path / "p2.cledger", take=incoming.OURS)  # the office keeps its own
    receive(office, tmp_path / "p3.cledger", take=incoming.OURS)
    with opened(office):
        assert by_uid("activity", uid2) is None
        assert m.DeletedRecord.select().where(m.DeletedRecord.title == "要删的活动").exists()


def test_packages_for_another_office_or_from_an_unknown_unit_are_refused(
    office, unit_copy, tmp_path
):
    other = tmp_path / "other-office.sqlite"
    with opened(other):
        save("unit", name=AGRI)
        roles.office_identity()
    pkg = tmp_path / "p1.cledger"
    hand_in(unit_copy, pkg)
    with opened(other):
        with pytest.raises(incoming.Refused, match="another office"):
            incoming.inspect(pkg)
    with opened(unit_copy):
        with pytest.raises(incoming.Refused, match="unit's copy"):
            incoming.inspect(pkg)


def test_a_package_carrying_another_units_record_is_refused(office, unit_copy, tmp_path):
    # Made with the unit's own key (as a tampered copy could): the signature
    # is good, but the record is not the unit's to hand in.
    with opened(office):
        tech = m.Unit.get(m.Unit.name == TECH)
        theirs = m.Activity.get(m.Activity.unit == tech.id)
        agri = m.Unit.get(m.Unit.name == AGRI)
        key = roles.get(roles.KEY_OF + agri.uid)
        office_uid = roles.get(roles.OFFICE)
        from desktop_app.handin import portable

        values = portable.portable(SPECS["activity"], theirs.id, portable.Uids())
        uid, tech_uid = theirs.uid, tech.uid
    values["title"] = "改了别人的活动"
    manifest = {
        "format": package.FORMAT, "kind": "handin", "office": office_uid, "unit": agri.uid,
        "unit_name": AGRI, "period": "2023Q3", "seq": 1, "sender": "x", "made_at": "",
    }  # fmt: skip
    pkg = tmp_path / "evil.cledger"
    records = [{"type": "activity", "uid": uid, "values": values, "base": None}]
    package.write(package.Package(manifest, records), pkg, key)
    with opened(office):
        with pytest.raises(incoming.Refused, match="another unit"):
            incoming.inspect(pkg)
        assert by_uid("activity", uid).title == "科技局的活动"
    assert values["unit"] == tech_uid
    assert json.loads(json.dumps(manifest))["seq"] == 1


def test_a_refused_package_does_not_leave_the_unit_stuck(office, unit_copy, tmp_path):
    # The office gives the unit's activity to another unit; the unit, not yet
    # told, changes it and adds one: its package is refused. The office's
    # update tells it; the next package brings the new activity.
    with opened(office):
        theirs = m.Activity.get(m.Activity.title == "番茄产业对接")
        save("activity", theirs.id, unit=m.Unit.get(m.Unit.name == TECH).id)
        moved = theirs.uid
    with opened(unit_copy):
        save("activity", by_uid("activity", moved).id, title="番茄产业对接（改）")
        save("activity", title="单位新活动", unit=roles.unit_copy().unit_id)
        outgoing.make_package("2023Q3", tmp_path / "p1.cledger", "李明")
    with opened(office):
        with pytest.raises(incoming.Refused, match="another unit"):
            incoming.inspect(tmp_path / "p1.cledger")
        from desktop_app.handin import updates

        updates.make_update(AGRI, tmp_path / "u1.cledger")
    with opened(unit_copy):
        seen = updates.inspect_update(tmp_path / "u1.cledger")
        updates.merge_update(seen, take=incoming.THEIRS)
        assert by_uid("activity", moved).unit.name == TECH  # now another unit's, read-only
        outgoing.make_package("2023Q3", tmp_path / "p2.cledger", "李明")
    receive(office, tmp_path / "p2.cledger")
    with opened(office):
        assert m.Activity.select().where(m.Activity.title == "单位新活动").count() == 1
        assert by_uid("activity", moved).title == "番茄产业对接"  # the unit's edit is not taken


def test_a_copy_restored_from_a_backup_hands_in_what_it_did_since(office, unit_copy, tmp_path):
    import shutil

    with opened(unit_copy):
        save("activity", title="A1", unit=roles.unit_copy().unit_id)
    backup = tmp_path / "backup.sqlite"
    shutil.copy(unit_copy, backup)
    hand_in(unit_copy, tmp_path / "p1.cledger")
    receive(office, tmp_path / "p1.cledger")
    shutil.copy(backup, unit_copy)  # the unit's PC is restored from an older backup
    with opened(unit_copy):
        save("activity", title="A2", unit=roles.unit_copy().unit_id)
        made = outgoing.make_package("2023Q3", tmp_path / "again.cledger", "李明")
    assert made.seq == 1  # numbered again from the backup's state
    receive(office, tmp_path / "again.cledger")
    with opened(office):
        titles = [a.title for a in m.Activity.select()]
        assert titles.count("A1") == 1 and titles.count("A2") == 1


def test_an_attachment_cannot_be_written_outside_the_ledgers_files(office, unit_copy, tmp_path):
    with opened(office):
        agri = m.Unit.get(m.Unit.name == AGRI)
        key = roles.get(roles.KEY_OF + agri.uid)
        office_uid = roles.get(roles.OFFICE)
    with opened(unit_copy):
        from desktop_app.handin import portable

        rid = save("activity", title="带附件", unit=roles.unit_copy().unit_id)
        values = portable.portable(SPECS["activity"], rid, portable.Uids())
        uid = m.Activity.get_by_id(rid).uid
    evil = "../../../../" + str(tmp_path / "PWNED.txt").lstrip("/")
    manifest = {
        "format": package.FORMAT, "kind": "handin", "office": office_uid, "unit": agri.uid,
        "unit_name": AGRI, "period": "2023Q3", "seq": 1, "sender": "x", "made_at": "2030-01-01",
    }  # fmt: skip
    records = [
        {"type": "activity", "uid": uid, "values": values, "base": None,
         "attachments": [{"file": evil, "name": "x.txt", "size": 3, "description": ""}]}
    ]  # fmt: skip
    pkg = tmp_path / "evil.cledger"
    package.write(package.Package(manifest, records, {evil: b"bad"}), pkg, key)
    with opened(office):
        with pytest.raises(incoming.Refused):
            incoming.merge(incoming.inspect(pkg))
        assert not m.Activity.select().where(m.Activity.title == "带附件").exists()
    assert not (tmp_path / "PWNED.txt").exists()


def test_attachments_added_and_removed_at_the_unit_follow(office, unit_copy, tmp_path):
    first, second = tmp_path / "纪要.pdf", tmp_path / "照片.jpg"
    first.write_bytes(b"%PDF minutes")
    second.write_bytes(b"\xff\xd8 photo")
    with opened(unit_copy):
        rid = m.Activity.get(m.Activity.title == "番茄产业对接").id
        uid = m.Activity.get_by_id(rid).uid
        attachments.add_file("activity", rid, first)
        made = outgoing.make_package("2023Q3", tmp_path / "p1.cledger", "李明")
        assert (made.changed, made.files) == (1, 1)
    receive(office, tmp_path / "p1.cledger")
    with opened(office):
        local = by_uid("activity", uid).id
        assert [a.file_name for a in attachments.list_for("activity", local)] == ["纪要.pdf"]
        from desktop_app.handin import updates

        updates.make_update(AGRI, tmp_path / "u1.cledger")  # confirms package 1
    with opened(unit_copy):
        updates.merge_update(updates.inspect_update(tmp_path / "u1.cledger"))
        (att,) = attachments.list_for("activity", rid)
        attachments.remove(att.id)
        attachments.add_file("activity", rid, second)
        made = outgoing.make_package("2023Q3", tmp_path / "p2.cledger", "李明")
        assert made.changed == 1
    receive(office, tmp_path / "p2.cledger")
    with opened(office):
        assert [a.file_name for a in attachments.list_for("activity", local)] == ["照片.jpg"]


def test_a_units_copy_writes_only_its_own_records_whatever_writes_them(unit_copy, tmp_path):
    from desktop_app import cli
    from desktop_app.records import errors as E

    with opened(unit_copy):
        with pytest.raises(E.ValidationError, match="kept by the talent office"):
            save("institution", name="新大学")
        tech = m.Unit.get(m.Unit.name == TECH).id
        with pytest.raises(E.ValidationError, match="keeps 县农业农村局's records only"):
            save("activity", title="别的单位的活动", unit=tech)
        mine = save("activity", title="本单位的活动", unit=roles.unit_copy().unit_id)
        with pytest.raises(E.ValidationError):
            save("activity", mine, unit=tech)  # nor given away
    book = tmp_path / "inst.csv"
    book.write_text("院校名称\n新大学\n", encoding="utf-8")
    assert cli.main(["import", "institution", str(book), "--db", str(unit_copy)]) != 0
    with opened(unit_copy):
        assert not m.Institution.select().where(m.Institution.name == "新大学").exists()


def test_an_update_confirms_only_the_package_the_office_received(office, unit_copy, tmp_path):
    # The unit restored from a backup numbers a new package 2 again; the
    # office's update names the package 2 it received (the old one) by its
    # signature, so the new one's records are not taken as received.
    import shutil

    from desktop_app.handin import updates

    hand_in(unit_copy, tmp_path / "p1.cledger")
    receive(office, tmp_path / "p1.cledger")
    backup = tmp_path / "backup.sqlite"
    shutil.copy(unit_copy, backup)
    with opened(unit_copy):
        save("activity", title="E", unit=roles.unit_copy().unit_id)
        outgoing.make_package("2023Q3", tmp_path / "p2.cledger", "李明")
    receive(office, tmp_path / "p2.cledger")
    with opened(office):
        updates.make_update(AGRI, tmp_path / "u1.cledger")
    shutil.copy(backup, unit_copy)
    with opened(unit_copy):
        save("activity", title="F", unit=roles.unit_copy().unit_id)
        outgoing.make_package("2023Q3", tmp_path / "p2b.cledger", "李明")  # lost on the way
        updates.merge_update(updates.inspect_update(tmp_path / "u1.cledger"))
        outgoing.make_package("2023Q3", tmp_path / "p3.cledger", "李明")
    receive(office, tmp_path / "p3.cledger")
    with opened(office):
        titles = [a.title for a in m.Activity.select()]
        assert titles.count("E") == 1 and titles.count("F") == 1


def test_a_file_the_office_removed_does_not_come_back_and_a_lost_file_blocks_nothing(
    office, unit_copy, tmp_path
):
    from desktop_app.handin import updates

    doc = tmp_path / "a.pdf"
    doc.write_bytes(b"%PDF a")
    with opened(unit_copy):
        rid = m.Activity.get().id
        uid = m.Activity.get_by_id(rid).uid
        attachments.add_file("activity", rid, doc)
        outgoing.make_package("2023Q3", tmp_path / "p1.cledger", "李明")
    receive(office, tmp_path / "p1.cledger")
    with opened(office):
        local = by_uid("activity", uid).id
        (att,) = attachments.list_for("activity", local)
        attachments.remove(att.id)
        updates.make_update(AGRI, tmp_path / "u1.cledger")
    with opened(unit_copy):
        updates.merge_update(updates.inspect_update(tmp_path / "u1.cledger"))
        save("activity", rid, notes="只改备注")
        (att,) = attachments.list_for("activity", rid)
        attachments.stored_path(att).unlink()  # the file is lost from the unit's folder
        made = outgoing.make_package("2023Q3", tmp_path / "p2.cledger", "李明")
        assert made.changed == 1 and made.missing == ["a.pdf"]  # said, not a failure
    receive(office, tmp_path / "p2.cledger")
    with opened(office):
        assert attachments.list_for("activity", local) == []
        assert by_uid("activity", uid).notes == "只改备注"


def test_a_units_copy_attaches_files_to_its_own_records_only(unit_copy, tmp_path):
    doc = tmp_path / "x.pdf"
    doc.write_bytes(b"%PDF")
    with opened(unit_copy):
        with pytest.raises(PermissionError):
            attachments.add_file("institution", m.Institution.get().id, doc)
        mine = m.Activity.get().id
        assert attachments.add_file("activity", mine, doc).record_id == mine
