"""Eight PCs on one server ledger at once, and a writer killed mid-save."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.records import service
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger

CLIENT = Path(__file__).with_name("client_process.py")
CLIENTS = 8
SECONDS = float(os.environ.get("COOP_LEDGER_CONCURRENCY_SECONDS", "60"))


def _start(url: str, name: str, mode: str, log: Path) -> subprocess.Popen:
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, str(CLIENT), url, name, mode, str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    line = child.stdout.readline()
    assert line == b"ready\n", child.stderr.read().decode(errors="replace")
    return child


def _entries(logs: list[Path]) -> list[dict]:
    out = []
    for log in logs:
        for line in log.read_text(encoding="utf-8").splitlines():
            out.append(json.loads(line))
    return out


def test_eight_pcs_writing_for_a_minute_lose_nothing(server_ledger, tmp_path, capsys):
    open_ledger(server_ledger)
    hot = [service.save(INSTITUTION_SPEC, {"name": f"共享院校{i}"}) for i in range(12)]
    store_db.close()
    logs = [tmp_path / f"client{i}.jsonl" for i in range(CLIENTS)]
    children = [_start(server_ledger, f"客户{i}", str(SECONDS), log) for i, log in enumerate(logs)]
    for child in children:
        _, err = child.communicate(timeout=SECONDS + 120)
        assert child.returncode == 0, err.decode(errors="replace")
    entries = _entries(logs)
    kinds = defaultdict(int)
    for e in entries:
        kinds[e["op"]] += 1
    assert kinds["error"] == 0 and kinds["gone"] == 0
    assert kinds["create"] > 50 and kinds["update"] > 100 and kinds["conflict"] > 0

    open_ledger(server_ledger)
    # Every confirmed create is there unless it was deleted; every delete took.
    deleted = {e["id"] for e in entries if e["op"] == "delete"}
    for e in entries:
        if e["op"] == "create":
            row = m.Institution.get_or_none(m.Institution.id == e["id"])
            assert (row is None) == (e["id"] in deleted), e
            if row is not None:
                assert row.name == e["name"]
    # No lost update: each confirmed save of a shared record made its own
    # version, and the record holds the last one's value.
    by_record = defaultdict(list)
    for e in entries:
        if e["op"] == "update":
            by_record[e["id"]].append(e)
    for rid in hot:
        saves = by_record[rid]
        versions = [e["version"] for e in saves]
        assert len(versions) == len(set(versions)), rid
        row = m.Institution.get_by_id(rid)
        assert row.version == 1 + len(saves)
        if saves:
            assert row.notes == max(saves, key=lambda e: e["version"])["notes"]
    store_db.close()
    assert cli.main(["audit", "verify", "--db", server_ledger]) == 0
    assert "chain intact" in capsys.readouterr().out


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_writer_killed_mid_save_leaves_no_partial_write(server_ledger, tmp_path, capsys):
    log = tmp_path / "killed.jsonl"
    child = _start(server_ledger, "被杀", "kill", log)
    while child.stdout.readline() != b"batch 3\n":
        pass
    time.sleep(0.37)  # somewhere inside a later batch's transaction
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    child.stdout.close()
    child.stderr.close()
    confirmed = max(e["n"] for e in _entries([log]))
    open_ledger(server_ledger)
    count = m.Institution.select().count()
    assert count % 200 == 0 and count // 200 >= confirmed  # whole batches only
    assert m.AuditEntry.select().count() == count  # each record its create entry
    store_db.close()
    assert cli.main(["audit", "verify", "--db", server_ledger]) == 0
    capsys.readouterr()
