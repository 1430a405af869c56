"""Pulling the plug on the program: a writer killed with SIGKILL mid-work.

What is asserted after each kill, and why:
- integrity_check reports nothing (integrity.check_file(full=True)).
- before + confirmed <= after <= before + confirmed + 1, where before/after are
  the activities in the file before the child started and after it died, and
  confirmed is the number of "saved ID" lines it wrote. The child writes a
  line only after service.save has returned, i.e. after COMMIT: in WAL mode a
  committed transaction survives the death of the process (synchronous=NORMAL
  gives up only the last commits on power loss, which this is not), so no
  confirmed save may be missing. The child saves one record at a time, so at
  most one save can have committed and been killed before its line was
  written: hence + 1, and never more.
- every confirmed id is in the file, and every activity has both of its links
  and its "create" history entry: a save lands whole or not at all.
At the end the history chain is intact, and the program opens the file,
taking over the lock the last killed child left behind.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time

import pytest

from desktop_app.records import audit, service
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.safety import integrity, lock
from desktop_app.safety.guard import open_guarded
from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger
from tests.safety.conftest import count_rows

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILLS = 32
LONGEST_RUN_S = 0.2  # each child is killed this long at most after it is ready


def _whole_saves_only(path) -> tuple[int, int]:
    """(activities missing a link, activities without their create entry)."""
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        unlinked = con.execute(
            "SELECT COUNT(*) FROM activity a WHERE "
            "(SELECT COUNT(*) FROM activity_institution l WHERE l.activity_id = a.id) != 2"
        ).fetchone()[0]
        unaudited = con.execute(
            "SELECT COUNT(*) FROM activity a WHERE NOT EXISTS (SELECT 1 FROM audit_entry e "
            "WHERE e.record_type = 'activity' AND e.record_id = a.id AND e.action = 'create')"
        ).fetchone()[0]
        return unlinked, unaudited
    finally:
        con.close()


def _ids_present(path, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        marks = ",".join("?" * len(ids))
        return {r for (r,) in con.execute(f"SELECT id FROM activity WHERE id IN ({marks})", ids)}
    finally:
        con.close()


def test_killed_writer_keeps_every_confirmed_save(tmp_path, spawn):
    path = tmp_path / "ledger.sqlite"
    open_ledger(path)
    a = service.save(INSTITUTION_SPEC, {"name": "中北大学"})
    b = service.save(INSTITUTION_SPEC, {"name": "山西农业大学"})
    store_db.close()

    seed = int(os.environ.get("KILL_TEST_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    confirmed_total = 0
    for kill in range(KILLS):
        where = f"kill {kill + 1} of {KILLS} (KILL_TEST_SEED={seed})"
        before = count_rows(path, "activity")
        child = spawn("write", path, a, b)
        time.sleep(rng.uniform(0, LONGEST_RUN_S))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        assert child.returncode == -signal.SIGKILL, where
        assert lock.read_holder(path).pid == child.pid, where  # it took the last one's lock
        lines = child.stdout.read().decode().splitlines()
        ids = [int(line.split()[1]) for line in lines if line.startswith("saved ")]
        assert len(ids) == len(lines), (where, lines[-3:])  # no torn lines
        confirmed_total += len(ids)

        assert integrity.check_file(path, full=True) == [], where
        after = count_rows(path, "activity")
        assert before + len(ids) <= after <= before + len(ids) + 1, (where, before, ids, after)
        assert _ids_present(path, ids) == set(ids), where
        assert _whole_saves_only(path) == (0, 0), where

    assert confirmed_total > KILLS, "the children were killed before they wrote anything"
    # The last child's lock file is still there; its OS lock died with it.
    assert lock.read_holder(path) is not None
    opened = open_guarded(path, daily_backup=False)
    try:
        assert lock.read_holder(path).pid == os.getpid()
        assert audit.verify() is None
        assert service.total_records() >= 2 + confirmed_total
    finally:
        opened.close()
