"""Benchmark: the workbench (工作台) opening on the 100,000-activity ledger.

    python bench/bench_home.py [--repeat 5]

Times building the home page (the year's headline figures, tasks due,
hand-ins not made, latest changes) on the ledger bench/bench_table.py builds
(reused if present); goal under 300 ms (issue 12). The anchor is plain
sqlite3 running the heaviest query the page needs (the activities' 本期 and
累计 counts and participants by type). Medians; results go in
docs/benchmarks.md. A script, not a test.
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
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app import none_guard  # noqa: E402

ANCHOR = """
SELECT type,
       SUM(CASE WHEN date BETWEEN '2023-01-01' AND '2023-12-31' THEN 1 ELSE 0 END),
       SUM(CASE WHEN date IS NULL OR date <= '2023-12-31' THEN 1 ELSE 0 END),
       SUM(CASE WHEN date BETWEEN '2023-01-01' AND '2023-12-31' THEN participants ELSE 0 END),
       SUM(CASE WHEN date IS NULL OR date <= '2023-12-31' THEN participants ELSE 0 END)
FROM activity GROUP BY type
"""


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up: the first read of the file
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    none_guard.install()
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    folder = Path(tempfile.gettempdir()) / "coop-ledger-bench"
    os.environ["COOP_LEDGER_HOME"] = str(folder)
    path = bench_table.open_bench_ledger(folder, 100_000, rebuild=False)

    from desktop_app.ui.home_page import HomePage

    def build() -> None:
        # As the window opens it: the newest year with data, built once.
        HomePage(lambda *a: None, lambda *a: None).deleteLater()

    ours = median_ms(build, args.repeat)
    con = sqlite3.connect(str(path))
    try:
        plain = median_ms(lambda: con.execute(ANCHOR).fetchall(), args.repeat)
    finally:
        con.close()
    print("\n".join(f"- {line}" for line in machine()))
    print("| step | ours (ms) | plain sqlite3, the activities' query alone (ms) |")
    print("|---|---:|---:|")
    print(f"| workbench page built, 100,000 activities | {ours:.0f} | {plain:.0f} |")


if __name__ == "__main__":
    main()
