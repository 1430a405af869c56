"""Server tests: each gets a database of its own on the private cluster."""

from __future__ import annotations

import pytest


@pytest.fixture
def empty_db(pg):
    """The URL of a new, empty database (no ledger in it yet)."""
    return pg.empty_database()


@pytest.fixture
def server_ledger(pg):
    """The URL of a new server ledger (made as `server init` makes one), not open."""
    return pg.new_database()
