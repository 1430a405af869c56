"""Benchmark: report sheets at scale (issue 3's goals).

    python bench/bench_reports.py [--repeat 5]

- the year summary (工作统计表) over the 100,000-activity ledger that
  bench/bench_table.py builds (reused if present), goal under 1 s;
- the PDF of a 1,000-row talent roster (人才花名册), goal under 3 s.

Each figure is the median of --repeat runs after one warm-up. Results go in
docs/benchmarks.md. A script, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_table  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from desktop_app import none_guard  # noqa: E402
from desktop_app.records import service  # noqa: E402
from desktop_app.records.specs import SPECS  # noqa: E402
from desktop_app.reports import sheets  # noqa: E402
from desktop_app.reports.paper import PageInfo, write_pdf  # noqa: E402
from desktop_app.store import db as store_db  # noqa: E402
from desktop_app.store.opening import open_ledger  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    none_guard.install()  # as coop-ledger does: see none_guard for the crash at exit
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    folder = Path(tempfile.gettempdir()) / "coop-ledger-bench"
    os.environ["COOP_LEDGER_HOME"] = str(folder)
    big = bench_table.open_bench_ledger(folder, 100_000, rebuild=False)
    open_ledger(big)
    summary_ms = median_ms(
        lambda: sheets.build_sheet("summary", period=sheets.year_period(2023)), args.repeat
    )
    store_db.close()

    roster_db = folder / "roster-1000.sqlite"
    if not roster_db.exists():
        open_ledger(roster_db)
        unit = service.save(SPECS["unit"], {"name": "县委组织部（人才办）"})
        inst = service.save(SPECS["institution"], {"name": "中北大学"})
        for i in range(1000):
            service.save(
                SPECS["talent"],
                {
                    "name": f"研究员{i:04d}",
                    "gender": "男女"[i % 2],
                    "institution": inst,
                    "degree": "博士硕士"[i % 2 * 2 : i % 2 * 2 + 2],
                    "mode": "来阳开展研究",
                    "unit": unit,
                    "start_date": "2023-03-01",
                    "field": "磁悬浮与直线驱动",
                },
            )
        store_db.close()
    open_ledger(roster_db)
    sheet = sheets.build_sheet("talents", period=sheets.year_period(2023))
    out = folder / "roster-1000.pdf"
    pages = write_pdf(sheet, out, PageInfo("阳高县委组织部"))
    pdf_ms = median_ms(
        lambda: write_pdf(
            sheets.build_sheet("talents", period=sheets.year_period(2023)),
            out,
            PageInfo("阳高县委组织部"),
        ),
        args.repeat,
    )
    store_db.close()
    print("| operation | median (ms) | goal | met? |")
    print("|---|---:|---:|:---:|")
    print(
        f"| year summary (工作统计表) over 100,000 activities | {summary_ms:.0f} | < 1000 | {'yes' if summary_ms < 1000 else 'no'} |"
    )
    print(
        f"| PDF of a 1,000-row talent roster ({pages} pages, build + render) | {pdf_ms:.0f} | < 3000 | {'yes' if pdf_ms < 3000 else 'no'} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
