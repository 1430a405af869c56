"""A dossier's timeline: everything linked to a record, newest first."""

from __future__ import annotations

import datetime as dt

from desktop_app.records import service, timeline
from desktop_app.records.specs import SPECS


def test_everything_linked_to_an_institution_newest_first_undated_last(ledger_path):
    inst = service.save(SPECS["institution"], {"name": "中北大学"})
    service.save(
        SPECS["activity"],
        {"title": "考察", "type": "考察调研", "date": dt.date(2023, 2, 14), "institutions": [inst]},
    )
    service.save(
        SPECS["activity"],
        {"title": "签约", "type": "签约仪式", "date": dt.date(2023, 5, 1), "institutions": [inst]},
    )
    service.save(SPECS["talent"], {"name": "李灵芝", "institution": inst})  # no start date
    service.save(SPECS["institution"], {"name": "山西农业大学"})  # not linked
    entries = timeline.timeline(SPECS["institution"], inst)
    assert [(e.spec.key, e.title, e.date, e.kind) for e in entries] == [
        ("activity", "签约", dt.date(2023, 5, 1), "签约仪式"),
        ("activity", "考察", dt.date(2023, 2, 14), "考察调研"),
        ("talent", "李灵芝", None, ""),
    ]
