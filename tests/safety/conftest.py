"""Real ledger files in tmp_path, and real second processes; no mocks of our code."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("child_process.py")


@pytest.fixture
def ledger(ledger_path):
    """Path of a new ledger, open in this process (no lock, as the records tests)."""
    return ledger_path


def count_rows(path: Path, table: str) -> int:
    """Rows in a table, read with a connection of its own (read-only)."""
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def spawn(tmp_path):
    """spawn(mode, db, *args) starts child_process.py and waits for its "ready" line."""
    children: list[subprocess.Popen] = []

    def _spawn(mode: str, db: Path, *args) -> subprocess.Popen:
        err = open(tmp_path / f"child-{len(children)}.err", "wb")  # noqa: SIM115
        child = subprocess.Popen(
            [sys.executable, str(CHILD), mode, str(db), *map(str, args)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=err,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        err.close()
        children.append(child)
        line = child.stdout.readline()
        if line != b"ready\n":
            child.wait(10)
            raise AssertionError(
                f"child did not start: {line!r}\n{Path(err.name).read_text(errors='replace')}"
            )
        return child

    yield _spawn
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(10)
        for stream in (child.stdin, child.stdout):
            stream.close()
