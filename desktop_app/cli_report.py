"""`coop-ledger report`: any sheet to PDF and/or .xlsx from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

    from desktop_app.reports.model import Period, Sheet
    from desktop_app.reports.paper import SheetFonts

_DATE = re.compile(r"^\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?\s*$")


def parse_date(text: str) -> dt.date:
    m = _DATE.match(text)
    if not m:
        raise ValueError(f"bad date {text!r}: write it as YYYY-MM-DD, e.g. 2023-09-04")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise ValueError(f"bad date {text!r}: {exc}") from None


def add_parser(sub) -> None:
    from desktop_app.reports import sheets

    names = ", ".join(sheets.SHEETS)
    p = sub.add_parser(
        "report",
        help="write a sheet as PDF and/or .xlsx, list the figures, or fill a form",
        description=f"Write one sheet. Sheets: {names}. 'report figures' lists every "
        "figure by the name a form's {{NAME}} placeholder uses; 'report template FORM.xlsx' "
        "fills a copy of a superior's form with them.",
        epilog="Examples: coop-ledger report summary --year 2023 --pdf summary.pdf; "
        "coop-ledger report figures --year 2023; "
        "coop-ledger report template 上级表格.xlsx --year 2023 --xlsx 已填.xlsx --pdf 已填.pdf",
    )
    p.add_argument(
        "sheet",
        metavar="SHEET",
        help=f"one of: {names}; or 'figures' (list every figure a form can use) "
        "or 'template FORM.xlsx' (fill a superior's form)",
    )
    p.add_argument("form", nargs="?", metavar="FORM", help="with template: the form to fill")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--year", type=int, help="the calendar year (default: this year)")
    when.add_argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD")
    p.add_argument("--unit", metavar="NAME", help="only this responsible unit")
    p.add_argument("--institution", metavar="NAME", help="the institution (institution_dossier)")
    p.add_argument("--pdf", metavar="FILE", help="write a PDF here")
    p.add_argument("--xlsx", metavar="FILE", help="write an Excel workbook here")
    p.add_argument(
        "--db", metavar="PATH", dest="report_db", help="ledger file (default: the data folder)"
    )
    p.add_argument(
        "--lang", choices=["zh_CN", "en"], dest="report_lang", help="language of the sheet"
    )


def _fail(message: str) -> int:
    print(f"coop-ledger report: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from desktop_app.reports import sheets

    if args.sheet in ("figures", "template"):
        from desktop_app import cli_figures

        return cli_figures.run(args)
    if args.sheet not in sheets.SHEETS:
        return _fail(f"unknown sheet {args.sheet!r}; choose one of: {', '.join(sheets.SHEETS)}")
    if args.form is not None:
        return _fail(f"unexpected {args.form!r} after the sheet's name")
    if args.pdf and args.xlsx and Path(args.pdf).resolve() == Path(args.xlsx).resolve():
        return _fail("--xlsx and --pdf name the same file")
    if not args.pdf and not args.xlsx:
        return _fail("say where to write the sheet: --pdf FILE and/or --xlsx FILE")
    try:
        period, year = period_of(args)
    except ValueError as exc:
        return _fail(str(exc))
    problem = output_problem(args.pdf, args.xlsx)
    if problem:
        return _fail(problem)
    from desktop_app.store.target import exists, target_of

    db_path = target_of(args.report_db) if args.report_db else None
    if db_path is not None and not exists(db_path):
        return _fail(f"no ledger file at {db_path}")

    from PySide6.QtCore import QCoreApplication

    from desktop_app.records import service

    _app = sheet_app(args.report_lang)  # held: Qt needs it while drawing
    problem = open_for_sheets(db_path)
    if problem:
        return _fail(problem)
    unit_id = record_id = None
    if args.unit:
        try:
            unit_id = unit_of(args.unit)
        except ValueError as exc:
            return _fail(str(exc))
    if args.institution:
        wanted = args.institution.strip()
        choices = service.choices_for_link("institution")
        record_id = next((rid for rid, name in choices if name == wanted), None)
        if record_id is None:
            record_id = service.link_aliases("institution").get(wanted)  # short name: 中北
        if record_id is None:
            close = [(rid, name) for rid, name in choices if wanted in name]
            if len(close) != 1:
                hint = f"; did you mean: {'、'.join(n for _, n in close[:10])}" if close else ""
                return _fail(f"unknown institution {wanted!r}{hint}")
            record_id = close[0][0]
    try:
        sheet = translated_sheet(
            args.sheet, period=period, unit_id=unit_id, record_id=record_id, year=year
        )
    except ValueError as exc:
        return _fail(str(exc))
    try:
        written = write_sheet(sheet, args.pdf, args.xlsx)
    except OSError as exc:
        return _fail(f"cannot write: {exc}")
    if args.pdf:
        print(f"{args.pdf}: {written.pages} page(s)")
        print(f"font: {font_line(written.fonts)}")
        if not written.fonts.covers_chinese:
            # Exit 0 all the same: the file is written, and an English sheet is fine.
            warning = QCoreApplication.translate(
                "ReportCli",
                "warning: no font for Simplified Chinese is installed, so the sheet's "
                "Chinese characters are drawn as empty boxes. Install one (SimSun comes "
                "with Chinese Windows; on Linux: fonts-noto-cjk) and write the sheet again.",
            )
            print(f"coop-ledger report: {warning}", file=sys.stderr)
    if args.xlsx:
        print(f"{args.xlsx}: {sheet.row_count} row(s)")
    return 0


def period_of(args: argparse.Namespace) -> tuple[Period, int]:
    """The period --year or --from/--to name (default: this year), and its year.
    Raises ValueError with the message for the user."""
    from desktop_app.reports import sheets
    from desktop_app.reports.model import Period

    if args.date_from or args.date_to:
        if not (args.date_from and args.date_to):
            raise ValueError("--from and --to go together")
        period = Period(parse_date(args.date_from), parse_date(args.date_to))
        if period.end < period.start:
            raise ValueError("--to is earlier than --from")
        return period, period.start.year
    year = args.year if args.year is not None else dt.date.today().year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"--year {year}: give a year from {FIRST_YEAR} to {LAST_YEAR}")
    return sheets.year_period(year), year


FIRST_YEAR, LAST_YEAR = 1900, 2200


def output_problem(*paths: str | None) -> str | None:
    """Why a file cannot be written there, before any work is done (a PDF to a
    missing folder once printed Qt's painter warnings and then failed)."""
    for path in paths:
        if not path:
            continue
        folder = Path(path).parent
        if not folder.is_dir():
            return f"cannot write {path}: the folder {folder} does not exist"
        if Path(path).is_dir():
            return f"cannot write {path}: it is a folder"
    return None


def open_for_sheets(db_path: Path | None) -> str | None:
    """Open the ledger a sheet is drawn from; a message when it cannot be."""
    import peewee

    from desktop_app.store.opening import NeedsUpgradeReadOnly, open_ledger

    try:
        open_ledger(db_path)
    except peewee.OperationalError:
        # A ledger on a write-protected disk or share: a sheet only reads it.
        try:
            open_ledger(db_path, read_only=True)
        except NeedsUpgradeReadOnly:
            return f"{db_path} is read-only and was written by an older version"
    return None


def unit_of(name: str) -> int:
    """The id of the unit named; ValueError naming the units there are."""
    from desktop_app.records import service
    from desktop_app.reports import sheets

    unit_id = sheets.unit_id_by_name(name)
    if unit_id is None:
        known = "、".join(n for _, n in service.choices_for_link("unit")[:20])
        raise ValueError(f"unknown unit {name!r}; units in this ledger: {known}")
    return unit_id


# What the command line and `coop-ledger --smoke` share: the smoke test checks
# the very code a user's `coop-ledger report` runs.


def sheet_app(language: str | None) -> QGuiApplication:
    """The Qt application sheets are drawn with (fonts, translators); no window.
    Raises CatalogueMissing when the language's catalogue is not installed."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from desktop_app import i18n

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    i18n.install(app, i18n.pick_language(language))
    return app


def translated_sheet(key: str, **kwargs) -> Sheet:
    """sheets.build_sheet in the installed language (kwargs: period, unit_id, …)."""
    from PySide6.QtCore import QCoreApplication

    from desktop_app.reports import sheets

    return sheets.build_sheet(key, t=lambda s: QCoreApplication.translate("Sheet", s), **kwargs)


def font_line(fonts: SheetFonts) -> str:
    """Which font a sheet was drawn in, for the line `font: …`."""
    if fonts.heading == fonts.body:
        return fonts.body
    return f"{fonts.body} (headings: {fonts.heading})"


@dataclass
class Written:
    pages: int  # of the PDF, 0 when none was written
    fonts: SheetFonts  # what the PDF was drawn in


def write_sheet(
    sheet: Sheet, pdf: str | Path | None, xlsx: str | Path | None, today: dt.date | None = None
) -> Written:
    """Write the sheet as PDF and/or .xlsx with the ledger's organisation name."""
    from PySide6.QtCore import QCoreApplication

    from desktop_app.records import audit, ledger_info
    from desktop_app.reports.paper import PageInfo, sheet_fonts, write_pdf

    organization = ledger_info.organisation()
    if not organization:
        print(
            "coop-ledger report: warning: this ledger names no organisation, so the sheet "
            "has none at its top; set it with: coop-ledger ledger set organisation NAME",
            file=sys.stderr,
        )
    today = today or dt.date.today()
    pages = 0
    if pdf:
        pages = write_pdf(sheet, pdf, PageInfo(organization, today, audit.head_code()))
    if xlsx:
        from desktop_app.reports.xlsx import write_xlsx  # openpyxl: 0.2 s to import

        footer = QCoreApplication.translate("Printing", "Page &P of &N")
        write_xlsx(sheet, xlsx, organization, today, footer)
    return Written(pages, sheet_fonts())
