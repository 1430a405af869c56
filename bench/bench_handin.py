"""Benchmark: hand-in packages of 10,000 records (issue 14).

    python bench/bench_handin.py [--repeat 3] [--rows 10000]

On fresh files each run: an office ledger (20 units, 40 institutions) and the
copy it sets up for one unit, which writes --rows activities (each with two
institutions) and then, for the second case, changes every one of them.

- make: outgoing.make_package on the unit's copy (goal ≤ 3 s);
- merge: incoming.inspect + incoming.merge at the office, its backup
  included (goal ≤ 5 s, and ≤ 3× the anchor);
- anchor: the same rows written by the bulk importer: the unit's activity
  list exported to .xlsx by the program, then plan_import + execute into a
  fresh copy of the office ledger.

Median of --repeat. Results go in docs/benchmarks.md with the machine. A
script, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_import  # noqa: E402
from machine import machine  # noqa: E402

from desktop_app.handin import incoming, outgoing, setup  # noqa: E402
from desktop_app.records import service  # noqa: E402
from desktop_app.records.specs import SPECS  # noqa: E402
from desktop_app.records.validation import BatchChecks, validate  # noqa: E402
from desktop_app.store import db as store_db  # noqa: E402
from desktop_app.store import models as m  # noqa: E402
from desktop_app.store.opening import open_ledger  # noqa: E402

UNIT = bench_import.UNITS[2]  # 县农业农村局


def fresh(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build(folder: Path, rows: int) -> tuple[Path, Path, Path]:
    """(office ledger, the unit's copy holding rows new activities, the same
    copy after every activity was changed)."""
    office, copy, changed = (
        folder / "office.sqlite",
        folder / "unit.sqlite",
        folder / "changed.sqlite",
    )
    for p in (office, copy, changed):
        fresh(p)
    bench_import.build_ledger(office)
    open_ledger(office)
    setup.make_unit_copy(UNIT, copy)
    store_db.close()
    open_ledger(copy)
    unit = m.Unit.get(m.Unit.name == UNIT).id
    schools = [i for (i,) in m.Institution.select(m.Institution.id).tuples()]
    rng = random.Random(14)
    spec = SPECS["activity"]
    checks = BatchChecks()
    cleaned = [
        validate(
            spec,
            {
                "date": dt.date(2023, 7, 1) + dt.timedelta(days=i % 90),
                "type": "座谈会",
                "title": f"番茄产业第{i}次对接座谈",
                "leader": "县长",
                "participants": 10 + i % 40,
                "unit": unit,
                "institutions": rng.sample(schools, 2),
            },
            None,
            checks,
        )
        for i in range(rows)
    ]
    with store_db.write_transaction():
        service.insert_validated(spec, cleaned)
    store_db.database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store_db.close()
    shutil.copy(copy, changed)
    # The second copy hands in once, then changes every record.
    open_ledger(changed)
    outgoing.make_package("2023Q3", folder / "first.cledger", "bench")
    ids = [i for (i,) in m.Activity.select(m.Activity.id).tuples()]
    with store_db.write_transaction():
        for rid in ids:
            values = service.load(spec, rid)
            service.save(spec, {**values, "participants": values["participants"] + 1}, rid)
    store_db.database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store_db.close()
    return office, copy, changed


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run_case(folder: Path, office: Path, copy: Path, repeat: int, before: Path | None):
    """(make seconds, merge seconds, records) medians over repeat fresh runs."""
    makes, merges = [], []
    count = 0
    for i in range(repeat):
        work_copy, work_office = folder / "work-unit.sqlite", folder / "work-office.sqlite"
        for p in (work_copy, work_office):
            fresh(p)
        shutil.copy(copy, work_copy)
        shutil.copy(office, work_office)
        if before is not None:  # the office has the first package already
            open_ledger(work_office)
            incoming.merge(incoming.inspect(before))
            store_db.close()
        pkg = folder / f"run{i}.cledger"
        pkg.unlink(missing_ok=True)
        open_ledger(work_copy)
        makes.append(timed(lambda p=pkg: outgoing.make_package("2023Q4", p, "bench")))
        store_db.close()
        open_ledger(work_office)
        result = {}

        def merge(p=pkg, result=result) -> None:
            seen = incoming.inspect(p)
            result["done"] = incoming.merge(seen)
            result["count"] = len(seen.changes)

        merges.append(timed(merge))
        count = result["count"]
        store_db.close()
    return statistics.median(makes), statistics.median(merges), count


def anchor(folder: Path, office: Path, copy: Path, repeat: int) -> float:
    """The same activities written by the bulk importer into the office."""
    from desktop_app.exchange.export import all_columns, write_export
    from desktop_app.exchange.importer import execute, plan_import
    from desktop_app.records.queries import ListQuery

    book = folder / "activities.xlsx"
    open_ledger(copy)
    spec = SPECS["activity"]
    write_export(ListQuery(spec), book, all_columns(spec))
    store_db.close()
    runs = []
    for _ in range(repeat):
        work = folder / "work-anchor.sqlite"
        fresh(work)
        shutil.copy(office, work)
        open_ledger(work)
        runs.append(timed(lambda: execute(plan_import("activity", book))))
        store_db.close()
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "coop-ledger-bench-handin"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["COOP_LEDGER_HOME"] = str(folder)
    office, copy, changed = build(folder, args.rows)
    new_make, new_merge, new_count = run_case(folder, office, copy, args.repeat, None)
    ch_make, ch_merge, ch_count = run_case(
        folder, office, changed, args.repeat, folder / "first.cledger"
    )
    bulk = anchor(folder, office, copy, args.repeat)
    print("\n".join(f"- {line}" for line in machine("peewee")))
    print()
    print("| package | records | make (s) | merge (s) | merge ÷ bulk import | goal |")
    print("|---|---:|---:|---:|---:|---|")
    for label, make, merge, count in (
        ("new activities", new_make, new_merge, new_count),
        ("every activity changed", ch_make, ch_merge, ch_count),
    ):
        print(
            f"| {label} | {count:,} | {make:.2f} | {merge:.2f} | {merge / bulk:.2f}× "
            "| make ≤ 3 s, merge ≤ 5 s and ≤ 3× |"
        )
    print(
        f"| anchor: the same rows by the bulk importer (.xlsx) | {new_count:,} | | {bulk:.2f} | 1× | |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
