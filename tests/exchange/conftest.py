"""A real ledger file per test and helpers that build real workbooks in tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.records import service
from desktop_app.records.specs import spec_for
from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    open_ledger(tmp_path / "x.sqlite")
    yield tmp_path / "x.sqlite"
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

    def _make(key: str, **values) -> int:
        return service.save(spec_for(key), {**defaults.get(key, {}), **values})

    return _make


def workbook(path: Path, rows: list[list], merges: tuple[str, ...] = (), title: str = "Sheet1"):
    """Write rows (lists of cell values, None for empty) as the only sheet of path."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path
