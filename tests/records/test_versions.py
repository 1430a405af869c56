"""No lost updates: each record counts its saves; a save over a newer one is
caught with the other side's values, on a file and on a server alike."""

from __future__ import annotations

import pytest

from desktop_app.records import conflicts, service
from desktop_app.records.errors import RecordChanged, RecordGone
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from tests import rawdb


def _elsewhere(ledger_path, rid: int, **values) -> None:
    """Another PC saves the record: its own connection, the version moved on."""
    sets = ", ".join(f"{k} = ?" for k in values)
    rawdb.tamper(
        ledger_path,
        (
            f"UPDATE institution SET {sets}, version = version + 1, changed_by = ? WHERE id = ?",
            (*values.values(), "李明", rid),
        ),
    )


def test_each_save_counts_and_a_save_over_a_newer_one_writes_nothing(make, ledger_path):
    rid = make("institution", name="中北大学", phone="0352-6012341")
    assert service.version_of(INSTITUTION_SPEC, rid) == 1
    opened = service.load(INSTITUTION_SPEC, rid)
    service.save(INSTITUTION_SPEC, {**opened, "phone": "0352-6012342"}, rid, expected_version=1)
    assert service.version_of(INSTITUTION_SPEC, rid) == 2

    _elsewhere(ledger_path, rid, city="太原")
    with pytest.raises(RecordChanged) as caught:
        service.save(INSTITUTION_SPEC, {**opened, "phone": "0352-6012343"}, rid, expected_version=2)
    exc = caught.value
    assert (exc.version, exc.changed_by, exc.theirs["city"]) == (3, "李明", "太原")
    row = m.Institution.get_by_id(rid)
    assert (row.phone, row.city, row.version) == ("0352-6012342", "太原", 3)  # nothing of ours

    # Merged: their city, our phone, over their version.
    base = service.load(INSTITUTION_SPEC, rid) | {"city": ""}
    mine = {**base, "phone": "0352-6012343"}
    comparison = conflicts.compare(INSTITUTION_SPEC, base, exc.theirs, mine)
    assert {c.name: c.take for c in comparison.fields} == {"city": "theirs", "phone": "mine"}
    merged = conflicts.merged(INSTITUTION_SPEC, exc.theirs, mine, comparison)
    service.save(INSTITUTION_SPEC, merged, rid, expected_version=exc.version)
    row = m.Institution.get_by_id(rid)
    assert (row.phone, row.city, row.version) == ("0352-6012343", "太原", 4)


def test_a_field_both_changed_is_a_conflict_the_user_decides(make):
    rid = make("institution", name="中北大学", phone="13800000001")
    base = service.load(INSTITUTION_SPEC, rid)
    comparison = conflicts.compare(
        INSTITUTION_SPEC, base, {**base, "phone": "13800000002"}, {**base, "phone": "13800000003"}
    )
    [change] = comparison.conflicts
    assert (change.name, change.theirs, change.mine) == ("phone", "13800000002", "13800000003")


def test_a_record_deleted_meanwhile_is_said(make, ledger_path):
    rid = make("institution", name="中北大学")
    opened = service.load(INSTITUTION_SPEC, rid)
    rawdb.tamper(ledger_path, ("DELETE FROM institution WHERE id = ?", (rid,)))
    with pytest.raises(RecordGone):
        service.save(INSTITUTION_SPEC, opened, rid, expected_version=1)


def test_undo_does_not_throw_away_a_save_made_meanwhile(make, ledger_path):
    rid = make("institution", name="中北大学", phone="13800000001")
    opened = service.load(INSTITUTION_SPEC, rid)
    service.save(INSTITUTION_SPEC, {**opened, "phone": "13800000002"}, rid)
    _elsewhere(ledger_path, rid, city="太原")
    with pytest.raises(RecordChanged):
        service.undo_last()
    assert m.Institution.get_by_id(rid).city == "太原"  # their save stands
    assert service.UNDO.items  # the step is kept for the user to decide


def test_bulk_updates_count_as_saves(make):
    rid = make("institution", name="中北大学")
    values = service.load(INSTITUTION_SPEC, rid)
    clean = service.validate(INSTITUTION_SPEC, {**values, "phone": "13800000009"}, rid)
    service.update_validated(INSTITUTION_SPEC, [(rid, clean)])
    assert service.version_of(INSTITUTION_SPEC, rid) == 2
    store_db.close()
