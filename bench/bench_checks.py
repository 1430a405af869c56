"""Benchmark: the integrity checks a ledger gets when it opens.

    python bench/bench_checks.py [--repeat 3]

Times SQLite's quick_check (pages only) and integrity_check (indexes too) on
the 100,000-activity ledger bench/bench_table.py builds (reused if present),
and the whole check open_guarded runs (safety.integrity.check_file, which adds
the foreign-key check). The anchor is the same PRAGMA through plain sqlite3.
safety/guard.py runs the full check on open up to FULL_CHECK_MAX_BYTES.
Medians of --repeat runs; results go in docs/benchmarks.md. A script, not a test.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_table  # noqa: E402
from machine import machine  # noqa: E402

from desktop_app.safety import guard, integrity  # noqa: E402
from desktop_app.store import db as store_db  # noqa: E402


def median_s(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def plain(path: Path, pragma: str) -> None:
    con = sqlite3.connect(str(path))
    try:
        assert con.execute(f"PRAGMA {pragma}").fetchall() == [("ok",)]
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--folder", default=os.path.join(tempfile.gettempdir(), "coop-ledger-bench")
    )
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = bench_table.open_bench_ledger(folder, 100_000, rebuild=False)
    store_db.close()
    size_mb = path.stat().st_size / 2**20
    print("\n".join(machine("peewee")))
    print(
        f"ledger: {path.name}, {size_mb:.0f} MB; full check on open up to "
        f"{guard.FULL_CHECK_MAX_BYTES / 2**20:.0f} MB"
    )
    print("| check | ours (s) | plain sqlite3 (s) |")
    print("|---|---:|---:|")
    for pragma, full in (("quick_check", False), ("integrity_check", True)):
        ours = median_s(lambda f=full: integrity.check_file(path, full=f), args.repeat)
        anchor = median_s(lambda p=pragma: plain(path, p), args.repeat)
        print(f"| {pragma} | {ours:.3f} | {anchor:.3f} |")


if __name__ == "__main__":
    main()
