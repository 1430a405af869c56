"""Dossiers (what points at a record) and attachments (files stored once by hash)."""

from __future__ import annotations

import pytest

from desktop_app.records import attachments, service
from desktop_app.records.dossier import count_links, dossier
from desktop_app.records.specs import INSTITUTION_SPEC, UNIT_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import models as m


def sections(spec, rid) -> dict[str, list[int]]:
    return {s.spec.key: sorted(s.ids) for s in dossier(spec, rid)}


# ---------------------------------------------------------------- dossier


def test_institution_dossier_lists_everything_pointing_at_it(make):
    nuc = make("institution", name="中北大学")
    other = make("institution", name="大同大学")
    act = make("activity", title="党政正职访名校", institutions=[nuc])
    make("activity", title="别的活动", institutions=[other])
    agr = make("agreement", title="全方位战略合作协议", institutions=[nuc, other])
    base = make("base", name="科技研发基地", institutions=[nuc], agreement=agr)
    proj = make("project", name="高速飞车试验线", institutions=[nuc])
    tal = make("talent", name="高灵旺", institution=nuc, project=proj)
    ach = make("achievement", title="飞车首航", institution=nuc, project=proj)

    got = sections(INSTITUTION_SPEC, nuc)
    assert got == {
        "activity": [act],
        "agreement": [agr],
        "base": [base],
        "project": [proj],
        "talent": [tal],
        "achievement": [ach],
    }
    labels = {s.spec.key: s.field_label for s in dossier(INSTITUTION_SPEC, nuc)}
    assert labels["activity"] == "Institutions"
    assert labels["talent"] == "Institution"
    assert count_links(INSTITUTION_SPEC, nuc) == 6
    assert sections(INSTITUTION_SPEC, other) == {"activity": [act + 1], "agreement": [agr]}


def test_empty_dossier(make):
    rid = make("institution", name="中北大学")
    assert dossier(INSTITUTION_SPEC, rid) == []
    assert count_links(INSTITUTION_SPEC, rid) == 0


def test_unit_dossier_lists_what_it_is_responsible_for(make):
    unit = make("unit", name="县委组织部")
    other = make("unit", name="县科技局")
    inst = make("institution", name="中北大学", unit=unit)
    act = make("activity", title="人才宣介会", unit=unit)
    agr = make("agreement", title="协议", unit=unit)
    proj = make("project", name="番茄产业研究院", unit=unit)
    tal = make("talent", name="李灵芝", unit=unit)
    task = make("task", title="督办事项", unit=unit)
    # a meeting it organised, and one it only attended: one section, no duplicates
    met1 = make("meeting", title="联席会议", unit=unit, attendees=[unit, other])
    met2 = make("meeting", title="研判会", unit=other, attendees=[unit])
    make("meeting", title="别的会议", unit=other, attendees=[other])
    rep = service.save(
        service.spec_for("ledger_report"), {"unit": unit, "period": "2023年第三季度"}
    )

    got = sections(UNIT_SPEC, unit)
    assert got == {
        "institution": [inst],
        "activity": [act],
        "agreement": [agr],
        "project": [proj],
        "talent": [tal],
        "meeting": [met1, met2],
        "task": [task],
        "ledger_report": [rep],
    }


# ---------------------------------------------------------------- attachments


@pytest.fixture
def scan(tmp_path):
    src = tmp_path / "incoming"
    src.mkdir()
    path = src / "协议扫描件.PDF"
    path.write_bytes(b"%PDF-1.4 signed agreement")
    return path


def stored_files(ledger_path) -> list:
    folder = attachments.files_dir()
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_same_content_on_two_records_stored_once(make, scan, tmp_path):
    db_path = store_db.current_path() or store_db.current_url()
    inst = make("institution", name="中北大学")
    agr = make("agreement", title="全方位战略合作协议", institutions=[inst])
    copy = tmp_path / "incoming" / "副本.pdf"
    copy.write_bytes(scan.read_bytes())

    store_db.set_operator("王海江")
    a1 = attachments.add_file("institution", inst, scan, "签约文本")
    a2 = attachments.add_file("agreement", agr, copy)

    files = stored_files(db_path)
    assert len(files) == 1 and files[0].endswith(".pdf")
    home = store_db.home_of(db_path)  # the file, or where this PC keeps a server's files
    assert (home.parent / f"{home.stem}-files") == attachments.files_dir()
    assert a1.file_hash == a2.file_hash
    assert attachments.stored_path(a1).read_bytes() == scan.read_bytes()

    listed = attachments.list_for("institution", inst)
    assert [(a.file_name, a.description, a.size, a.added_by) for a in listed] == [
        ("协议扫描件.PDF", "签约文本", len(scan.read_bytes()), "王海江")
    ]
    assert [a.id for a in attachments.list_for("agreement", agr)] == [a2.id]
    assert attachments.list_for("agreement", agr + 1) == []

    attachments.remove(a1.id)
    assert attachments.list_for("institution", inst) == []
    assert len(stored_files(db_path)) == 1  # the agreement still uses it
    assert attachments.stored_path(a2).exists()

    attachments.remove(a2.id)
    assert stored_files(db_path) == []
    assert m.Attachment.select().count() == 0


def test_same_file_twice_on_one_record(make, scan):
    inst = make("institution", name="中北大学")
    a1 = attachments.add_file("institution", inst, scan)
    a2 = attachments.add_file("institution", inst, scan)
    assert [a.id for a in attachments.list_for("institution", inst)] == [a1.id, a2.id]
    attachments.remove(a1.id)
    assert attachments.stored_path(a2).exists()
    attachments.remove(a2.id)
    assert stored_files(store_db.current_path()) == []


def test_same_content_different_suffix_leaves_no_orphan(make, scan, tmp_path):
    inst = make("institution", name="中北大学")
    photo = tmp_path / "incoming" / "photo.jpg"
    photo.write_bytes(b"same bytes")
    other = tmp_path / "incoming" / "photo.jpeg"
    other.write_bytes(b"same bytes")
    a1 = attachments.add_file("institution", inst, photo)
    a2 = attachments.add_file("institution", inst, other)
    assert len(stored_files(store_db.current_path())) == 2
    attachments.remove(a1.id)
    assert stored_files(store_db.current_path()) == [attachments.stored_path(a2).name]
    attachments.remove(a2.id)
    assert stored_files(store_db.current_path()) == []


def test_missing_source_refused(make, tmp_path):
    inst = make("institution", name="中北大学")
    with pytest.raises(FileNotFoundError):
        attachments.add_file("institution", inst, tmp_path / "nope.pdf")
    assert m.Attachment.select().count() == 0


def test_deleting_record_drops_its_attachment_rows(make, scan):
    inst = make("institution", name="中北大学")
    attachments.add_file("institution", inst, scan)
    service.delete(INSTITUTION_SPEC, inst)
    assert m.Attachment.select().count() == 0
