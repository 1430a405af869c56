"""Reading and updating many records at once gives what one at a time gives."""

from __future__ import annotations

import datetime as dt

from desktop_app.records import audit, demo, queries, service
from desktop_app.records.specs import ALL_SPECS, SPECS
from desktop_app.records.validation import BatchChecks, validate


def test_load_many_reads_every_record_as_load_does(ledger_path):
    demo.load_sample_data()
    for spec in ALL_SPECS:
        ids = [r for (r,) in spec.model.select(spec.model.id).tuples()]
        assert service.load_many(spec, ids) == {rid: service.load(spec, rid) for rid in ids}, (
            spec.key
        )


def test_update_validated_changes_fields_links_and_rows_with_their_history(ledger_path):
    spec = SPECS["project"]
    a = service.save(SPECS["institution"], {"name": "中北大学"})
    b = service.save(SPECS["institution"], {"name": "山西农业大学"})
    ids = [
        service.save(
            spec,
            {
                "name": f"番茄育种项目{i}",
                "institutions": [a],
                "milestones": [(dt.date(2023, 1, 1), "立项")],
            },
        )
        for i in range(3)
    ]
    checks = BatchChecks()
    changes = []
    for i, rid in enumerate(ids):
        values = service.load(spec, rid)
        values["name"] = f"杂粮深加工项目{i}"
        values["institutions"] = [b, a]
        values["milestones"] = [(dt.date(2023, 1, 1), "立项"), (dt.date(2023, 6, 1), "中期检查")]
        changes.append((rid, validate(spec, values, rid, checks)))
    service.update_validated(spec, changes)
    for i, rid in enumerate(ids):
        got = service.load(spec, rid)
        assert got["name"] == f"杂粮深加工项目{i}"
        assert got["institutions"] == [b, a]
        assert [t for _, t in got["milestones"]] == ["立项", "中期检查"]
        changed = {e.field for e in audit.history("project", rid) if e.action == "update"}
        assert {"name", "institutions", "milestones"} <= changed
    found = queries.all_ids(queries.ListQuery(spec, search="杂粮"))
    assert sorted(found) == sorted(ids)  # the search index follows
    assert queries.all_ids(queries.ListQuery(spec, search="番茄")) == []
