"""Every record's identity across copies of the ledger (uid, issue 14)."""

from __future__ import annotations

import re

from desktop_app.records import service
from desktop_app.records.specs import SPECS
from desktop_app.store import models as m


def _uid(key: str, record_id: int) -> str:
    model = SPECS[key].model
    return model.get_by_id(record_id).uid


def test_a_record_keeps_its_identity_through_edits_deletion_restore_and_undo(ledger_path):
    spec = SPECS["institution"]
    rid = service.save(spec, {"name": "中北大学"})
    uid = _uid("institution", rid)
    assert re.fullmatch("[0-9a-f]{32}", uid)
    service.save(spec, {**service.load(spec, rid), "short_name": "中北"}, rid)
    assert _uid("institution", rid) == uid
    bin_id = service.delete(spec, rid)
    assert service.restore_deleted(bin_id) == rid
    assert _uid("institution", rid) == uid  # the same record, not a new one
    service.delete(spec, rid)
    undone = service.undo_last()
    assert undone is not None
    assert _uid("institution", rid) == uid


def test_records_written_in_bulk_each_get_their_own(ledger_path):
    spec = SPECS["unit"]
    from desktop_app.records.validation import validate

    cleaned = [validate(spec, {"name": f"单位{i}"}) for i in range(50)]
    ids = service.insert_validated(spec, cleaned)
    uids = {u for (u,) in m.Unit.select(m.Unit.uid).where(m.Unit.id.in_(ids)).tuples()}
    assert len(uids) == 50


def test_a_binned_record_whose_identity_came_back_is_restored_as_its_own(ledger_path):
    spec = SPECS["institution"]
    rid = service.save(spec, {"name": "中北大学"})
    uid = _uid("institution", rid)
    bin_id = service.delete(spec, rid)
    other = service.save(spec, {"name": "中北大学（新）"})
    m.Institution.update(uid=uid).where(m.Institution.id == other).execute()  # as a merge would
    restored = service.restore_deleted(bin_id)
    assert _uid("institution", restored) not in (uid, None)
    assert _uid("institution", other) == uid
