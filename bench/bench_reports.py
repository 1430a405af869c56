"""Benchmark: report sheets at scale (issue 3's goals).

    python bench/bench_reports.py [--repeat 5]

- the year summary (工作统计表) over the 100,000-activity ledger that
  bench/bench_table.py builds (reused if present), goal under 1 s;
- the PDF of a 1,000-row talent roster (人才花名册), goal under 3 s;
- the whole `coop-ledger report talents --pdf` process on that roster beside
  the anchor, LibreOffice's `soffice --headless --convert-to pdf` on the
  program's own 1,000-row roster .xlsx, run alternately in one run; goal: the
  program in at most half LibreOffice's time.

Each figure is the median of --repeat runs after one warm-up. The processes
run as installed programs do, with their compiled bytecode cached
(PYTHONDONTWRITEBYTECODE is unset for them). Results go in
docs/benchmarks.md. A script, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_table  # noqa: E402
from machine import machine  # noqa: E402
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
    program_ms, office_ms = side_by_side(roster_db, folder, args.repeat)
    ratio = program_ms / office_ms if office_ms else float("nan")
    print("\n".join(f"- {line}" for line in machine("PySide6")))
    office = shutil.which("soffice")
    if office:
        version = subprocess.run([office, "--version"], capture_output=True, text=True).stdout
        print(f"- {version.strip()}")
    print()
    print("| operation | median (ms) | goal | met? |")
    print("|---|---:|---:|:---:|")
    print(
        f"| year summary (工作统计表) over 100,000 activities | {summary_ms:.0f} | < 1000 | {'yes' if summary_ms < 1000 else 'no'} |"
    )
    print(
        f"| PDF of a 1,000-row talent roster ({pages} pages, build + render) | {pdf_ms:.0f} | < 3000 | {'yes' if pdf_ms < 3000 else 'no'} |"
    )
    if office_ms:
        print(
            f"| `coop-ledger report talents --pdf`, 1,000 rows, whole process | {program_ms:.0f} "
            f"| ≤ 0.5 × LibreOffice | {'yes' if ratio <= 0.5 else 'no'} |"
        )
        print(
            f"| anchor: `soffice --headless --convert-to pdf` on its roster .xlsx | {office_ms:.0f} "
            f"| | ratio {ratio:.2f} |"
        )
    else:
        print(f"| `coop-ledger report talents --pdf` (no soffice here) | {program_ms:.0f} | | |")
    return 0


def side_by_side(roster_db: Path, folder: Path, repeat: int) -> tuple[float, float]:
    """Median wall time of the program's process and of LibreOffice's, alternating."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    program = [sys.executable, "-m", "desktop_app", "--db", str(roster_db), "--lang", "zh_CN"]
    report = [*program, "report", "talents", "--year", "2023"]
    xlsx = folder / "roster-1000.xlsx"
    subprocess.run([*report, "--xlsx", str(xlsx)], check=True, env=env, capture_output=True)
    pdf = folder / "roster-1000-cli.pdf"
    office = shutil.which("soffice") or shutil.which("libreoffice")
    profile = folder / "soffice-profile"
    office_cmd = [
        office or "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder / "soffice-out"),
        str(xlsx),
    ]

    def timed(cmd: list[str]) -> float:
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, capture_output=True)
        return (time.perf_counter() - t0) * 1000

    ours, theirs = [], []
    timed([*report, "--pdf", str(pdf)])  # warm-up: bytecode cached, fonts in the OS cache
    if office:
        timed(office_cmd)  # warm-up: LibreOffice makes its profile on the first run
    for _ in range(repeat):
        ours.append(timed([*report, "--pdf", str(pdf)]))
        if office:
            theirs.append(timed(office_cmd))
    return statistics.median(ours), (statistics.median(theirs) if theirs else 0.0)


if __name__ == "__main__":
    sys.exit(main())
