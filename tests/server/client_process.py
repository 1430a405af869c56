"""One PC writing to a server ledger, for the concurrency and kill tests.

    python client_process.py URL NAME SECONDS LOG.jsonl   (mode "mixed")
    python client_process.py URL NAME kill LOG.jsonl      (imports batches until killed)

Each confirmed operation is written to LOG as one JSON line, after its
transaction committed: what the server must hold at the end.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time

from desktop_app.records import service
from desktop_app.records.errors import RecordChanged, RecordGone
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.store.opening import open_ledger

BATCH = 200


def _log(fh, **entry) -> None:
    fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    fh.flush()
    os.fsync(fh.fileno())


def mixed(name: str, seconds: float, fh) -> None:
    """Creates, updates of shared records (which collide) and deletes of its own."""
    rng = random.Random(name)
    hot = [
        r.id
        for r in INSTITUTION_SPEC.model.select().where(
            INSTITUTION_SPEC.model.name.startswith("共享院校")
        )
    ]
    mine: list[int] = []
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        roll = rng.random()
        try:
            if roll < 0.3:
                rid = service.save(INSTITUTION_SPEC, {"name": f"{name}院校{n}"})
                mine.append(rid)
                _log(fh, op="create", id=rid, name=f"{name}院校{n}")
            elif roll < 0.85:
                rid = rng.choice(hot)
                version = service.version_of(INSTITUTION_SPEC, rid)
                values = service.load(INSTITUTION_SPEC, rid)
                time.sleep(rng.random() * 0.01)  # someone typing
                note = f"{name}-{n}"
                service.save(
                    INSTITUTION_SPEC, {**values, "notes": note}, rid, expected_version=version
                )
                _log(fh, op="update", id=rid, notes=note, version=version + 1)
            elif mine:
                rid = mine.pop(rng.randrange(len(mine)))
                service.delete(INSTITUTION_SPEC, rid)
                _log(fh, op="delete", id=rid)
        except RecordChanged:
            _log(fh, op="conflict")
        except RecordGone:
            _log(fh, op="gone")


def imports(name: str, fh) -> None:
    """Batches of BATCH records, each in one transaction, until killed."""
    n = 0
    while True:
        n += 1
        clean = [
            service.validate(INSTITUTION_SPEC, {"name": f"{name}批{n}-{i}"}) for i in range(BATCH)
        ]
        service.insert_validated(INSTITUTION_SPEC, clean)
        _log(fh, op="batch", n=n)
        print("batch", n, flush=True)


def main() -> int:
    url, name, mode, log_path = sys.argv[1:5]
    open_ledger(url)
    with open(log_path, "a", encoding="utf-8") as fh:
        print("ready", flush=True)
        if mode == "kill":
            imports(name, fh)
        else:
            try:
                mixed(name, float(mode), fh)
            except Exception as exc:  # counted by the test: only conflicts are allowed
                _log(fh, op="error", error=f"{type(exc).__name__}: {exc}")
                raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
