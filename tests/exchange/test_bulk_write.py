"""The import's write path stores exactly what save() stores, only faster."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.records import audit, service
from desktop_app.records import errors as E
from desktop_app.records.specs import spec_for
from desktop_app.store import bulk
from desktop_app.store import models as m
from desktop_app.store.db import write_transaction

D = dt.date
PROJECT = spec_for("project")
INSTITUTION = spec_for("institution")


def stored(model, rid) -> dict:
    row = model.select().where(model.id == rid).dicts().get()
    for k in ("id", "created_at", "updated_at", "uid"):  # each record its own uid
        row.pop(k)
    return row


def test_insert_validated_stores_what_save_stores(make):
    unit = make("unit", name="县农业农村局")
    inst = make("institution", name="山西农业大学")
    values = {
        "name": "番茄产业研究院",
        "chain": "特色农业",
        "institutions": [inst],
        "unit": unit,
        "start_date": "2023-03-01",
        "stage": "推进中",
        "support_items": ["土地征收", "资金保障"],
        "milestones": [(D(2023, 5, 1), "挂牌"), (None, "二期")],
        "notes": "阳高红",
    }
    saved = service.save(PROJECT, values)
    with write_transaction():
        [bulk_id] = service.insert_validated(PROJECT, [service.validate(PROJECT, values)])
    assert stored(m.Project, bulk_id) == stored(m.Project, saved)
    assert service.load(PROJECT, bulk_id) == service.load(PROJECT, saved)
    entries = {
        rid: [(e.action, e.field, e.new_value) for e in audit.history("project", rid)]
        for rid in (saved, bulk_id)
    }
    assert entries[saved] == entries[bulk_id]
    assert audit.verify() is None


def test_batch_checks_answer_as_the_database_does(make):
    unit = make("unit", name="县委组织部")
    make("institution", name="中北大学")
    checks = service.BatchChecks()
    cases = [
        {"name": "中北大学"},  # taken in the ledger
        {"name": "大同大学", "unit": unit},
        {"name": "大同大学"},  # taken by the row before, in this batch
        {"name": "清华大学", "unit": 999},  # no such unit
        {"name": "北京大学", "first_contact": "2023-13-01"},
    ]
    got = []
    for values in cases:
        try:
            service.validate(INSTITUTION, values, None, checks)
            got.append("ok")
        except E.ValidationError as exc:
            got.append([p.template for p in exc.problems])
    assert got == [[E.NOT_UNIQUE], "ok", [E.NOT_UNIQUE], [E.UNKNOWN_LINK], [E.NOT_A_DATE]]
    # one query per unique column and per linked record, not per row
    assert len(checks._owners) == 1 and len(checks._exists) == 2


def test_an_update_may_keep_its_own_unique_name(make):
    rid = make("institution", name="中北大学")
    checks = service.BatchChecks()
    assert service.validate(INSTITUTION, {"name": "中北大学"}, rid, checks)["name"] == "中北大学"


def test_bulk_insert_fills_defaults_and_raises_on_constraints(make):
    with write_transaction():
        [rid] = bulk.insert_rows(m.Category, [{"list_key": "gender", "name": "未说明"}])
    assert m.Category.get_by_id(rid).sort_order == 0  # the field's default
    with pytest.raises(Exception), write_transaction():  # noqa: B017 (sqlite3's IntegrityError)
        bulk.insert_rows(m.Category, [{"list_key": "gender", "name": "男"}])
    assert m.Category.select().where(m.Category.name == "男").count() == 1
