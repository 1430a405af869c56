"""The store tests use the database object of the shared ledger."""

import pytest

from desktop_app.store.db import database_proxy


@pytest.fixture
def ledger(ledger_path):
    return database_proxy.obj
