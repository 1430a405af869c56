"""Benchmark: importing 10,000 activity rows from Excel, beside merely reading the file.

Run from the repository root:

    python bench/bench_import.py [--rows 10000] [--repeat 5] [--dir FOLDER] [--write]

It builds a ledger holding 20 units and 40 institutions, and a workbook of
--rows activities as an office keeps them: a title row, a header, dates typed
in five ways, two or three institutions per cell (by name or short name),
head-counts, a responsible unit. The workbook exists twice: as openpyxl writes
it (every text inline in the sheet) and as Excel and WPS write it (texts in a
shared-strings table), which reads faster.

For each it times, as the median of --repeat runs after one warm-up:

- openpyxl read: openpyxl.load_workbook(read_only=True, data_only=True) and
  every row with iter_rows(values_only=True): what reading costs with the
  reader most Python code uses;
- calamine read: python-calamine's to_python() of the sheet, the reader the
  import now uses (after a scan of the sheet's XML, see xlsx_source);
- import: exchange.importer.plan_import + execute into a fresh copy of the
  ledger (read, map, convert, resolve names, check every row with the form's
  rules, find duplicates, write in one transaction with history entries).

The goal is an import under 3 s and at most 2× the openpyxl read. --write puts the
table into docs/benchmarks.md under its own heading (replacing an earlier
run's). This is a script, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine as shared_machine  # noqa: E402

GOAL_SECONDS = 3.0
GOAL_RATIO = 2.0
HEADING = "## Importing 10,000 rows from Excel"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
SEED = 20230904

UNITS = ["县委组织部（人才办）", "县发展和改革局", "县农业农村局", "县教育科技局", "县文化和旅游局"]
UNITS += [
    f"{name}镇" for name in "龙泉 罗文皂 王官屯 大白登 古城 东小村 友宰 许家园 下深井".split()
]
UNITS += [
    "县工业和信息化局",
    "县商务局",
    "县卫生健康局",
    "县科学技术协会",
    "县自然资源局",
    "县人社局",
]
SCHOOLS = [
    ("中北大学", "中北"),
    ("山西大学", "山大"),
    ("山西农业大学", "山农大"),
    ("山西财经大学", "山西财大"),
    ("大同大学", "大同大学"),
    ("太原理工大学", "太原理工"),
    ("中国农业大学", "中国农大"),
    ("清华大学", "清华"),
    ("北京大学", "北大"),
    ("中央财经大学", "中财"),
    ("北京航空航天大学", "北航"),
    ("中国科学院", "中科院"),
]
SCHOOLS += [(f"第{i}研究院", f"{i}院") for i in range(1, 29)]
TYPES = [
    "人才宣介会",
    "党政正职访名校",
    "签约仪式",
    "授牌仪式",
    "论坛",
    "培训",
    "考察调研",
    "座谈会",
]
TOPICS = ["番茄产业", "高速飞车", "乡村振兴", "红色教育", "智库合作", "研究生服务站", "远程教学"]


def _date_cell(day: dt.date, i: int):
    """Dates as offices type them: a real date, 2023.3.15, 2023年3月15日, 2023/3/15, a serial."""
    kind = i % 5
    if kind == 0:
        return day
    if kind == 1:
        return f"{day.year}.{day.month}.{day.day}"
    if kind == 2:
        return f"{day.year}年{day.month}月{day.day}日"
    if kind == 3:
        return f"{day.year}/{day.month}/{day.day}"
    return (day - dt.date(1899, 12, 30)).days  # a serial number in a General cell


def build_workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(SEED)
    wb = Workbook()
    ws = wb.active
    ws.title = "对接活动"
    ws.append(["阳高县对接活动台账"])
    ws.merge_cells("A1:I1")
    ws.append(
        [
            "序号",
            "日期",
            "活动类型",
            "活动名称",
            "合作院校",
            "带队领导",
            "参加人数",
            "成效",
            "责任单位",
        ]
    )
    start = dt.date(2021, 1, 1)
    for i in range(rows):
        day = start + dt.timedelta(days=rng.randrange(1500))
        picks = rng.sample(SCHOOLS, rng.choice((1, 2, 3)))
        names = "、".join(short if rng.random() < 0.3 else name for name, short in picks)
        kind = rng.choice(TYPES)
        ws.append(
            [
                i + 1,
                _date_cell(day, i),
                kind,
                f"{picks[0][1]}{rng.choice(TOPICS)}{kind}（第{i + 1}场）",
                names,
                rng.choice(["张县长", "李书记", "王部长", ""]),
                rng.randrange(5, 200),
                rng.choice(["达成初步意向2人", "签订协议1份", "", "引进博士1名"]),
                rng.choice(UNITS),
            ]
        )
    wb.save(path)


def to_shared_strings(source: Path, target: Path) -> None:
    """The same workbook with its texts in xl/sharedStrings.xml, as Excel writes it."""
    with zipfile.ZipFile(source) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode("utf-8")
    index: dict[str, int] = {}
    strings: list[str] = []

    def shared(m: re.Match) -> str:
        ref, style, text = m[1], m[2], m[3]
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return f'<c r="{ref}"{style} t="s"><v>{index[text]}</v></c>'

    sheet = re.sub(
        r'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>',
        shared,
        sheet,
        flags=re.S,
    )
    sst = "".join(f'<si><t xml:space="preserve">{s}</t></si>' for s in strings)
    members["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>'
    ).encode()
    members["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    types = members["[Content_Types].xml"].decode("utf-8")
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    members["[Content_Types].xml"] = types.encode("utf-8")
    rels = members["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>",
    )
    members["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def build_ledger(path: Path) -> None:
    from desktop_app.records import service
    from desktop_app.records.specs import spec_for
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

    open_ledger(path)
    for name in UNITS:
        service.save(spec_for("unit"), {"name": name, "kind": "党政部门"})
    for name, short in SCHOOLS:
        service.save(spec_for("institution"), {"name": name, "short_name": short})
    store_db.close()


def read_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    try:
        return len(wb.get_sheet_by_index(0).to_python())
    finally:
        wb.close()


def read_only(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()


def import_once(book: Path, base: Path, work: Path) -> tuple[float, float, int]:
    """(plan seconds, execute seconds, records written) into a fresh copy of the ledger."""
    from desktop_app.exchange.importer import execute, plan_import
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

    store_db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    shutil.copy(base, work)
    open_ledger(work)
    t0 = time.perf_counter()
    plan = plan_import("activity", book)
    t1 = time.perf_counter()
    result = execute(plan)
    t2 = time.perf_counter()
    store_db.close()
    if result.message is not None or result.invalid:
        raise SystemExit(f"the import failed: {result.message and result.message.text()}")
    return t1 - t0, t2 - t1, result.imported


def machine() -> list[str]:
    from importlib.metadata import version

    return shared_machine("openpyxl", "peewee") + [f"python-calamine {version('python-calamine')}"]


def measure(books: dict[str, Path], base: Path, work: Path, repeat: int) -> list[tuple]:
    results = []
    for label, book in books.items():
        read_only(book)  # warm-up
        read_calamine(book)
        import_once(book, base, work)
        reads, fast_reads, plans, executes = [], [], [], []
        rows = 0
        for _ in range(repeat):  # in turns, so drifting load falls on all alike
            t = time.perf_counter()
            rows = read_only(book)
            reads.append(time.perf_counter() - t)
            t = time.perf_counter()
            read_calamine(book)
            fast_reads.append(time.perf_counter() - t)
            p, e, written = import_once(book, base, work)
            plans.append(p)
            executes.append(e)
        totals = [p + e for p, e in zip(plans, executes, strict=True)]
        results.append(
            (
                label,
                rows,
                written,
                statistics.median(reads),
                statistics.median(fast_reads),
                statistics.median(plans),
                statistics.median(executes),
                statistics.median(totals),
            )
        )
    return results


def table(results: list[tuple]) -> str:
    lines = [
        "| workbook | openpyxl read (s) | calamine read (s) | plan (s) | write (s) "
        "| import (s) | import ÷ openpyxl read | import ÷ calamine read | goal met? |",
        "|---|---:|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for label, _rows, _written, read, fast_read, plan, write, total in results:
        ratio = total / read
        parts = []
        parts.append("yes" if total < GOAL_SECONDS else "**no**")
        parts.append("yes" if ratio <= GOAL_RATIO else "**no**")
        met = f"{parts[0]} (< {GOAL_SECONDS:.0f} s), {parts[1]} (≤ {GOAL_RATIO:.0f}×)"
        lines.append(
            f"| {label} | {read:.2f} | {fast_read:.3f} | {plan:.2f} | {write:.2f} | {total:.2f} "
            f"| {ratio:.2f}× | {total / fast_read:.1f}× | {met} |"
        )
    return "\n".join(lines)


def write_docs(section: str) -> None:
    """Put section under HEADING in docs/benchmarks.md, replacing an earlier run's."""
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    if HEADING in text:
        start = text.index(HEADING)
        rest = text[start + len(HEADING) :]
        m = re.search(r"^## ", rest, flags=re.M)
        end = start + len(HEADING) + (m.start() if m else len(rest))
        text = text[:start] + section + ("\n" + text[end:] if m else "")
    else:
        text = (text.rstrip() + "\n\n" if text.strip() else "") + section
    tmp = DOCS.with_name(DOCS.name + ".part")
    tmp.write_text(text.rstrip() + "\n", encoding="utf-8")
    tmp.replace(DOCS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000, help="activity rows (10,000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (5)")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "coop-ledger-bench-import",
        help="folder for the workbooks and ledger files",
    )
    parser.add_argument(
        "--write", action="store_true", help="write the table into docs/benchmarks.md"
    )
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    os.environ["COOP_LEDGER_HOME"] = str(args.dir)  # backups and settings stay in here

    inline = args.dir / f"activities-{args.rows}-inline.xlsx"
    shared = args.dir / f"activities-{args.rows}-shared.xlsx"
    base = args.dir / "base.sqlite"
    build_workbook(inline, args.rows)
    to_shared_strings(inline, shared)
    for suffix in ("", "-wal", "-shm"):
        Path(str(base) + suffix).unlink(missing_ok=True)
    build_ledger(base)
    books = {
        "as Excel/WPS save it (shared strings)": shared,
        "as openpyxl saves it (inline strings)": inline,
    }
    results = measure(books, base, args.dir / "work.sqlite", args.repeat)
    lines = machine()
    print("\n".join(lines))
    print()
    print(f"{args.rows:,} rows, median of {args.repeat} runs after one warm-up\n")
    print(table(results))
    if args.write:
        write_docs(section(args, lines, results))
        print(f"\nwritten to {DOCS}")
    return 0


def section(args, machine_lines: list[str], results: list[tuple]) -> str:
    return f"""{HEADING}

`bench/bench_import.py` imports {args.rows:,} activity rows from a workbook into
a ledger holding 20 units and 40 institutions, and times merely reading the
same workbook beside it. Each time is the median of {args.repeat} runs after one
warm-up, all taken in turns.

- **openpyxl read**: `openpyxl.load_workbook(read_only=True, data_only=True)`
  and every row through `iter_rows(values_only=True)`: reading with the
  library most Python code uses for .xlsx.
- **calamine read**: `python_calamine.CalamineWorkbook.from_path(...)` and the
  sheet's `to_python()`: the reader the import now uses.
- **plan**: `exchange.importer.plan_import`: scan the sheet's XML (is it safe
  for calamine?), read it, find the header under a title row, map the
  columns, convert each cell (five date spellings, "30人", names), resolve
  1–3 institution names per row (by name or short name) and the unit, check
  every row with `service.validate`, look for duplicates.
- **write**: `exchange.importer.execute`: a verified backup, then one
  IMMEDIATE transaction: records, institution links and a history entry per
  record.
- **import** = plan + write, what the user waits for.

The rows: a title row, the header, then dates typed five ways (a date cell,
2023.3.15, 2023年3月15日, 2023/3/15, a serial number), 8 activity types, a
title, one to three institutions per cell (three in ten by short name), a
leader, a head-count, an outcome and a unit. The same workbook is timed
twice: as openpyxl saves it (every text inline in the sheet XML, slower to
read) and as Excel and WPS save it (texts in a shared-strings table).

**Goal:** the import takes under {GOAL_SECONDS:.0f} s and at most {GOAL_RATIO:.0f}× merely reading the
workbook with openpyxl.

### How to run it

```
python bench/bench_import.py [--rows 10000] [--repeat 5] [--dir FOLDER] [--write]
```

### Machine

{chr(10).join("- " + line for line in machine_lines)}

### Results

{table(results)}

### What it took

The first version took 9.7 s (each row through `service.save`); the previous
one 1.44–1.63 s, 2.5–2.9× the openpyxl read. Now:

- **Reading with calamine** (`exchange/xlsx_source.py`): ten times faster than
  openpyxl. calamine builds a sheet as one dense grid from its first cell to
  its last, so a stray cell in XFD1048576 would ask for 17 billion cells and
  abort the process. The sheet's XML is scanned first (about 25 ms here): a
  sheet whose cells span more than 4 million grid cells, has cells without a
  reference, or holds error cells (#N/A, which calamine reads as blank) goes
  through openpyxl's streaming parser instead, as before. The scan reads the
  XML 4 MB at a time: reading a dense 100,000 × 20 sheet (60 MB of XML) peaks
  at 175 MB for the whole process (measured once with `/usr/bin/time -v`).
  Sheet names and the 1904 date system come from `workbook.xml`, so listing
  sheets opens neither reader.
- **One `executemany`** per table in `store.bulk.insert_rows`, the new ids read
  back under the write lock; values already of the column's type skip
  peewee's `db_value` (300,000 calls).
- **The cycle collector is paused** during `plan_import` and `execute`: it
  kept walking the hundred thousand objects an import holds, a sixth of the
  time, to find no garbage.
- Earlier: batch checks (`service.BatchChecks`, one query per unique column
  instead of one per row), names in link columns looked up once each, pinyin
  sort keys from a per-character cache, no second check when the ledger is
  unchanged since the plan.

### What the import does beyond reading

Against calamine's own read, the import is still many times slower: the
read is 0.05 s, and the rest is Python work per row that a faster reader
cannot remove. For the 10,000 rows, measured with a profiler and scaled to
the unprofiled time: converting and checking about ten cells a row with the
form's rules, resolving names and finding duplicates about 0.25 s; writing
10,000 records, about 20,000 links and 10,000 history entries (a JSON
snapshot and a SHA-256 link each) about 0.35 s, of which SQLite itself,
keeping the activity table's nine indexes, takes 0.15 s and the commit's
fsync 0.04 s.
"""


if __name__ == "__main__":
    raise SystemExit(main())
