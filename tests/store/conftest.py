"""A fresh ledger file per test, in tmp_path; no mocks of the store."""

from __future__ import annotations

import pytest

from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    db = open_ledger(tmp_path / "t.sqlite")
    yield db
    store_db.close()
    store_db.set_operator(None)
