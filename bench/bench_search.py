"""Benchmark: what the search index costs and what it gives (issue 13).

    python bench/bench_search.py [--repeat 5]

- the index's cost: the 10,000-row activity import of bench_import.py into a
  ledger with the index and into the same ledger without it (its table
  dropped, so nothing is indexed), median of --repeat; one save of an
  activity on the 100,000-activity ledger, with and without; the index's size
  beside the ledger's;
- what it gives: the global search (records/search.py) on the 100,000-activity
  ledger of bench_table.py for a two-character word, a rare word, a common
  word and a pinyin initialism, beside plain sqlite3 running the same FTS5
  MATCH alone (the anchor), median of --repeat after a warm-up.

Results go in docs/benchmarks.md with the machine. A script, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_import  # noqa: E402
import bench_table  # noqa: E402
from bench_reports import median_ms  # noqa: E402
from machine import machine  # noqa: E402

from desktop_app.records import search, search_index, service  # noqa: E402
from desktop_app.records.specs import SPECS  # noqa: E402
from desktop_app.store import db as store_db  # noqa: E402
from desktop_app.store.opening import open_ledger  # noqa: E402

WORDS = {
    "two-character word (番茄)": "番茄",
    "rare word (磁浮)": "磁浮",
    "common word (大学)": "大学",
    "one character (茄)": "茄",
    "one character in most records (大)": "大",
    "digits from inside a word (023)": "023",
    "pinyin initialism (zbdx)": "zbdx",
    "pinyin initialism (shny, 上海农业…)": "shny",
}


def drop_index(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute(f"DROP TABLE IF EXISTS {search_index.TABLE}")
    con.commit()
    con.close()


def import_costs(folder: Path, repeat: int) -> tuple[float, float]:
    book = folder / "activities-10000-shared.xlsx"
    inline = folder / "activities-10000-inline.xlsx"
    base = folder / "base.sqlite"
    bench_import.build_workbook(inline, 10_000)
    bench_import.to_shared_strings(inline, book)
    for suffix in ("", "-wal", "-shm"):
        Path(str(base) + suffix).unlink(missing_ok=True)
    bench_import.build_ledger(base)
    store_db.close()
    bare = folder / "base-no-index.sqlite"
    shutil.copy(base, bare)
    drop_index(bare)
    work = folder / "work.sqlite"
    out = []
    for ledger in (base, bare):
        runs = [sum(bench_import.import_once(book, ledger, work)[:2]) for _ in range(repeat + 1)]
        out.append(statistics.median(runs[1:]) * 1000)
    return out[0], out[1]


def save_costs(big: Path, folder: Path, repeat: int) -> tuple[float, float]:
    out = []
    for with_index in (True, False):
        copy = folder / "save.sqlite"
        store_db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        shutil.copy(big, copy)
        if not with_index:
            drop_index(copy)
        open_ledger(copy)
        inst = service.choices_for_link("institution")[0][0]
        values = {
            "title": "番茄产业座谈会",
            "type": "座谈会",
            "date": "2023-06-01",
            "institutions": [inst],
            "participants": 20,
        }
        out.append(median_ms(lambda v=values: service.save(SPECS["activity"], v), repeat * 4))
        store_db.close()
    return out[0], out[1]


# Run in a child process (its memory alone): the window on the big ledger, a
# list filtered and sorted, and the global search box asked every word.
MEMORY_CHILD = r"""
import os, sys
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from desktop_app.ui import ledger_actions, safety_actions
from desktop_app.ui.main_window import MainWindow

def rss():
    status = Path("/proc/self/status").read_text().splitlines()
    got = {line.split(":")[0]: int(line.split()[1]) for line in status if line.startswith("Vm")}
    return got["VmRSS"] / 1024, got["VmHWM"] / 1024

app = QApplication(sys.argv)
path = Path(sys.argv[1])
assert ledger_actions.open_file(None, path)
window = MainWindow(path)
window.resize(1366, 768)
window.show()
app.processEvents()
opened = rss()
page = window.page("activity")
for word in sys.argv[2:]:
    page.search.setText(word)
    page.refresh()
    app.processEvents()
    window.global_search.box.setText(word)
    window.global_search.run()
    app.processEvents()
page.model.sort(page.spec.list_columns.index("unit"), Qt.SortOrder.DescendingOrder)
app.processEvents()
print("memory %.0f %.0f %.0f" % (opened[0], *rss()))
safety_actions.close_current()
"""


def memory(path: Path, words: list[str]) -> tuple[float, float, float]:
    """(MB resident once the window shows, MB resident after the searches, the
    peak), of the program in a process of its own."""
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(path), *words],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("memory "))
    opened, after, peak = (float(v) for v in line.split()[1:])
    return opened, after, peak


def global_search_rows(path: Path, repeat: int) -> list[tuple[str, float, float, int]]:
    """Each word's global search (ours) beside plain sqlite3 running the same
    FTS5 MATCH alone."""
    open_ledger(path)
    rows = []
    raw = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    for label, word in WORDS.items():
        ours = median_ms(lambda w=word: search.search(w), repeat)
        if word.isalpha() and word.isascii():
            expression = f'pinyin : "{word}"*'
        else:
            expression = search_index.phrase(word)
        anchor = median_ms(
            lambda e=expression: raw.execute(
                f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH ?", (e,)
            ).fetchall(),
            repeat,
        )
        groups = search.search(word)
        hits = sum(g.count for g in groups)
        rows.append((label, ours, anchor, hits))
    raw.close()
    store_db.close()
    return rows


def print_search_rows(rows, what: str) -> None:
    print(f"| global search, {what} | ours (ms) | plain sqlite3 MATCH (ms) | hits |")
    print("|---|---:|---:|---:|")
    for label, ours, anchor, hits in rows:
        print(f"| {label} | {ours:.0f} | {anchor:.1f} | {hits:,} |")


def big_ledger(repeat: int) -> int:
    """The figures at a million activities, 100,000 talents and 10,000
    institutions: global search and the program's memory."""
    os.environ["COOP_LEDGER_HOME"] = str(Path(tempfile.gettempdir()) / "coop-ledger-bench")
    path = bench_table.open_bench_ledger(
        Path(tempfile.gettempdir()) / "coop-ledger-bench",
        1_000_000,
        rebuild=False,
        institutions=10_000,
        talents=100_000,
    )
    store_db.close()
    rows = global_search_rows(path, repeat)
    opened, after, peak = memory(path, list(WORDS.values()))
    print("\n".join(f"- {line}" for line in machine()))
    print()
    print_search_rows(rows, "1,000,000 activities, 100,000 talents, 10,000 institutions")
    print()
    print(
        f"Memory of the program with this ledger open: {opened:.0f} MB resident once the "
        f"window shows; {after:.0f} MB after the activity list was filtered by each word and "
        f"the search box asked each; peak {peak:.0f} MB."
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--big",
        action="store_true",
        help="only the global search and memory, at a million activities, 100,000 talents "
        "and 10,000 institutions (bench_table.py builds that ledger)",
    )
    args = parser.parse_args()
    if args.big:
        return big_ledger(args.repeat)
    folder = Path(tempfile.gettempdir()) / "coop-ledger-bench-search"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["COOP_LEDGER_HOME"] = str(folder)
    big_source = bench_table.open_bench_ledger(
        Path(tempfile.gettempdir()) / "coop-ledger-bench", 100_000, rebuild=False
    )
    store_db.close()
    big = folder / "bench-100000-indexed.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(big) + suffix).unlink(missing_ok=True)
    shutil.copy(big_source, big)
    open_ledger(big)
    t0 = time.perf_counter()
    with store_db.write_transaction():  # what migration 9 and check --rebuild-index do
        search_index.rebuild(store_db.database_proxy.obj)
    built = time.perf_counter() - t0
    store_db.database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store_db.close()
    with_index, without = import_costs(folder, args.repeat)
    save_with, save_without = save_costs(big, folder, args.repeat)
    store_db.close()
    sizes = []
    for keep in (True, False):
        copy = folder / f"size-{keep}.sqlite"
        shutil.copy(big, copy)
        if not keep:
            drop_index(copy)
        con = sqlite3.connect(copy)
        con.execute("VACUUM")
        con.close()
        sizes.append(copy.stat().st_size)
    size_with, size_without = sizes

    rows = global_search_rows(big, args.repeat)

    print("\n".join(f"- {line}" for line in machine()))
    print()
    print(f"The index of the 100,000-activity ledger is built in {built:.1f} s.")
    print()
    print("| cost | with the index | without | added |")
    print("|---|---:|---:|---:|")
    print(
        f"| 10,000-row activity import (ms) | {with_index:.0f} | {without:.0f} "
        f"| {100 * (with_index / without - 1):.0f} % |"
    )
    print(
        f"| one save of an activity, 100,000-activity ledger (ms) | {save_with:.1f} "
        f"| {save_without:.1f} | {save_with - save_without:.1f} ms |"
    )
    print(
        f"| ledger file, 100,000 activities (MB) | {size_with / 2**20:.1f} "
        f"| {size_without / 2**20:.1f} | {100 * (size_with / size_without - 1):.0f} % |"
    )
    print()
    print_search_rows(rows, "100,000 activities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
