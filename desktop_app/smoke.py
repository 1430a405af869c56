"""`coop-ledger --smoke`: the installed program checks itself, without a window.

The Windows build's CI runs it on the installed program: a new ledger in a
folder whose name holds Chinese characters and a space, the sample data, the
summary sheet in Chinese as PDF and .xlsx through the very code `coop-ledger
report` runs, and both files read back. One line on stdout says it passed
(`COOP-LEDGER SMOKE OK <version> font=<family>`); one on stderr says why not.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import traceback
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import __version__

if TYPE_CHECKING:
    from desktop_app.reports.model import Sheet

OK = "COOP-LEDGER SMOKE OK"
FAILED = "COOP-LEDGER SMOKE FAILED"
TITLE = "工作统计表"
YEAR = 2023
# Table headings by their English source (context "Sheet"), the row (None: the
# 合计 row) and the figure the sample holds (records/demo.py): a sheet that
# computes wrong figures fails even when PDF and .xlsx agree with it.
SAMPLE_FIGURES = (
    ("Institutions contacted", None, 25),
    ("Institutions contacted", "省外", 16),
    ("Institutions contacted", "省内", 9),
    ("Agreements by type", "全方位战略合作协议", 3),
)


class SmokeFailed(Exception):
    """A check that did not hold; its message is the reason printed."""


def run() -> int:
    """Run every check; prints the marker line and returns the exit code."""
    try:
        family = _in_temporary_folder()
    except SmokeFailed as exc:
        print(f"{FAILED}: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # any error is a failed smoke test, with details for CI's log
        print(f"{FAILED}: {type(exc).__name__}: {exc}", file=sys.stderr)
        traceback.print_exc()
        return 1
    print(f"{OK} {__version__} font={family}")
    return 0


def _in_temporary_folder() -> str:
    from desktop_app.store import db as store_db

    folder = Path(tempfile.mkdtemp(prefix="台账 资料 "))
    try:
        family = _check(folder)
    finally:
        # Release the file first: Windows does not delete an open file, and
        # peewee would reopen a merely closed database on the next query.
        store_db.close()
        store_db.database_proxy.initialize(None)
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        raise SmokeFailed(f"cannot remove {folder}: a file in it is still open")
    return family


def _check(folder: Path) -> str:
    from desktop_app.cli import make_demo_ledger
    from desktop_app.cli_report import sheet_app, translated_sheet, write_sheet
    from desktop_app.reports.sheets import year_period

    ledger = folder / "合作台账 样例.sqlite"
    if not make_demo_ledger(ledger):
        raise SmokeFailed(f"no sample data was written to {ledger}")
    _app = sheet_app("zh_CN")  # held: Qt needs it while drawing
    sheet = translated_sheet("summary", period=year_period(YEAR), year=YEAR)
    if sheet.title != TITLE:
        raise SmokeFailed(f"the sheet is titled {sheet.title!r}, not {TITLE}")
    expected = _figures(sheet)
    pdf, xlsx = folder / f"{TITLE} {YEAR}.pdf", folder / f"{TITLE} {YEAR}.xlsx"
    fonts = write_sheet(sheet, pdf, xlsx).fonts
    if not fonts.covers_chinese:
        raise SmokeFailed(
            f"no font for Simplified Chinese: the sheet used {fonts.body!r} / {fonts.heading!r}"
        )
    _check_pdf(pdf, expected)
    _check_xlsx(xlsx, expected)
    _check_server_driver()
    return fonts.body


def _check_server_driver() -> None:
    """The PostgreSQL driver and its libpq load (File › Connect to server)."""
    try:
        import psycopg2.extensions
    except ImportError as exc:
        raise SmokeFailed(f"the PostgreSQL driver does not load: {exc}") from exc
    if psycopg2.extensions.libpq_version() < 100000:  # SCRAM sign-in needs libpq 10
        raise SmokeFailed(f"libpq {psycopg2.extensions.libpq_version()} is too old")


def _figures(sheet: Sheet) -> list[tuple[str, str, int]]:
    """(heading, row label, figure) as the ledger gives them, each held against
    the sample's known figure."""
    from PySide6.QtCore import QCoreApplication

    out = []
    for source, label, known in SAMPLE_FIGURES:
        heading = QCoreApplication.translate("Sheet", source)
        table = next((t for t in sheet.tables if t.heading == heading), None)
        if table is None:
            raise SmokeFailed(f"the sheet has no table {heading!r}")
        rows = [table.total] if label is None else [r for r in table.rows if r[0] == label]
        if not rows or rows[0] is None:
            raise SmokeFailed(f"{heading}: no row {label or 'total'!r}")
        row_label, value = rows[0][0], rows[0][1]
        if value != known:
            raise SmokeFailed(f"{heading} {row_label}: the ledger gives {value}, not {known}")
        out.append((heading, row_label, value))
    return out


def _check_pdf(pdf: Path, expected: list[tuple[str, str, int]]) -> None:
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    # NFKC: Qt's text layer may name Kangxi radicals for ordinary ideographs.
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))
    text = " ".join(text.split())  # cells come out one a line or space-separated
    if TITLE not in text:
        raise SmokeFailed(f"the PDF's text has no {TITLE}: {text[:80]!r}")
    for heading, label, value in expected:
        at = text.find(unicodedata.normalize("NFKC", heading))
        pattern = re.escape(unicodedata.normalize("NFKC", label)) + rf"\s+{value}(?!\d)"
        if at < 0 or not re.compile(pattern).search(text, at):
            raise SmokeFailed(f"the PDF does not show {heading} {label} {value}")
    embedded = {
        str(font.get_object().get("/BaseFont"))
        for page in reader.pages
        for font in page.get("/Resources", {}).get("/Font", {}).values()
    }
    if not embedded:
        raise SmokeFailed("the PDF embeds no font")


def _check_xlsx(xlsx: Path, expected: list[tuple[str, str, int]]) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(xlsx)
    rows = [list(r) for r in workbook.active.iter_rows(values_only=True)]
    workbook.close()
    if not rows or rows[0][0] != TITLE:
        raise SmokeFailed(f"the .xlsx title cell reads {rows[0][0] if rows else None!r}")
    for heading, label, value in expected:
        start = next((i for i, r in enumerate(rows) if r[0] == heading), len(rows))
        row = next((r for r in rows[start:] if r[0] == label), None)
        if row is None or row[1] != value:
            raise SmokeFailed(f"the .xlsx has {row!r} for {heading} {label}, not {value}")
