"""A fresh ledger file per test, in tmp_path, and small record factories."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.records import service
from desktop_app.records.specs import spec_for
from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    db = open_ledger(tmp_path / "t.sqlite")
    yield db
    store_db.close()
    store_db.set_operator(None)


@pytest.fixture
def make(ledger):
    """make("institution", name=...) saves a record through the service, returns its id."""

    defaults = {
        "activity": {"date": dt.date(2023, 5, 10), "type": "人才宣介会", "title": "活动"},
        "agreement": {"title": "协议", "type": "全方位战略合作协议"},
        "base": {"name": "基地", "type": "科技研发基地"},
        "achievement": {"title": "成果", "type": "技术推广"},
        "meeting": {"date": dt.date(2023, 6, 1), "type": "联席会议", "title": "会议"},
        "task": {"title": "事项", "status": "未开始"},
    }

    def _make(key: str, *, sample: bool = False, **values) -> int:
        return service.save(spec_for(key), {**defaults.get(key, {}), **values}, sample=sample)

    return _make
