"""Fill a superior department's own form (.xlsx) from the ledger's figures.

The city or province sends an office its form: merged title rows, fixed rows
and columns, its fonts and borders. The office writes {{NAME}} where a figure
goes; NAME is one of reports.figures (本期.院校.合计, 累计.人才.博士, 组织名称 …).
A cell holding only a placeholder becomes the number itself; a placeholder
inside text (填报单位：{{组织名称}}) is replaced in the text.

Everything else in the workbook (other cells, merges, styles, widths, heights,
formulas, print set-up, other sheets) is what openpyxl reads and writes back
unchanged. Any unknown name is an error naming the cell and the nearest known
names, and then nothing is written.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.workbook.workbook import Workbook

from desktop_app.reports.xlsx import as_text

# {{NAME}}; full-width braces (｛｛NAME｝｝, what a Chinese input method types) too.
PLACEHOLDER = re.compile(r"[{｛]{2}\s*([^{}｛｝]*?)\s*[}｝]{2}")
_OPENS = ("{{", "｛｛", "{｛", "｛{")


def _has_placeholder(text) -> bool:
    return isinstance(text, str) and any(o in text for o in _OPENS)


# Where a header or footer part lives: (attribute of the worksheet, its name in messages).
_HEADERS_FOOTERS = (
    ("oddHeader", "header"),
    ("oddFooter", "footer"),
    ("evenHeader", "even-page header"),
    ("evenFooter", "even-page footer"),
    ("firstHeader", "first-page header"),
    ("firstFooter", "first-page footer"),
)


def _header_parts(ws):
    """(where, part) for each header and footer part of ws that holds text."""
    for attr, where in _HEADERS_FOOTERS:
        hf = getattr(ws, attr, None)
        if hf is None:
            continue
        for side in ("left", "center", "right"):
            part = getattr(hf, side, None)
            if part is not None and part.text:
                yield f"{where} ({side})", part


@dataclass(frozen=True)
class Unknown:
    sheet: str
    cell: str
    name: str
    nearest: tuple[str, ...]

    def describe(self) -> str:
        hint = f"; nearest known: {', '.join(self.nearest)}" if self.nearest else ""
        return f"{self.sheet}!{self.cell}: unknown name {{{{{self.name}}}}}{hint}"


class TemplateError(Exception):
    """The form cannot be filled; .unknown lists every unknown placeholder."""

    def __init__(self, message: str, unknown: list[Unknown] | None = None):
        super().__init__(message)
        self.unknown = unknown or []


@dataclass(frozen=True)
class Filled:
    cells: int  # cells that held a placeholder
    names: tuple[str, ...]  # the names used, in the order first met


# The names beside the figures, for a form's header and sign-off lines.
ORGANISATION = "组织名称"
UNIT = "单位"
PERIOD = "期间"
DATE = "填报日期"
PREPARER = "填报人"
PHONE = "联系电话"


def values_for(
    period, unit_id: int | None, today: dt.date, t: Callable[[str], str]
) -> tuple[list, dict[str, Any]]:
    """(the figures' entries, every name a form can use -> its value)."""
    from desktop_app.records import ledger_info
    from desktop_app.reports import figures, sheets
    from desktop_app.reports.sheets.common import date_text, period_text

    entries = figures.summary_figures(period, unit_id).entries(t)
    info = ledger_info.values()
    unit = sheets.common._unit_name(unit_id) if unit_id is not None else ""
    header = [
        (ORGANISATION, info[ledger_info.ORGANISATION]),
        (UNIT, unit),
        (PERIOD, period_text(period, t)),
        (DATE, date_text(today, t)),
        (PREPARER, info[ledger_info.PREPARER]),
        (PHONE, info[ledger_info.PHONE]),
    ]
    values: dict[str, Any] = dict(header)
    values.update((name, value) for name, _what, value in entries)
    return [(name, "", value) for name, value in header] + entries, values


def open_form(path: str | Path) -> Workbook:
    """The form as openpyxl reads it, after the same checks an import gets
    (a zip bomb or a file that is no workbook is refused with a clear message)."""
    from desktop_app.exchange.messages import ExchangeError
    from desktop_app.exchange.reader import check_zip

    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise TemplateError(f"{path.name}: a form must be an .xlsx workbook")
    try:
        check_zip(path)
        # rich_text: a cell with a red, bold word keeps its formatting in the copy.
        return load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", rich_text=True)
    except ExchangeError as exc:
        reason = str(exc)
        if "CSV" in reason:  # the importer's words name .xls and CSV, which a form cannot be
            reason = "not a workbook this program can read as a form (an .xlsx or .xlsm file)"
        raise TemplateError(f"{path.name}: {reason}") from exc
    except OSError as exc:
        raise TemplateError(f"{path.name}: {exc.strerror or exc}") from exc
    except Exception as exc:  # openpyxl's many ways of finding a part it cannot read
        raise TemplateError(f"{path.name}: not a workbook this program can read ({exc})") from exc


def placeholders(wb: Workbook) -> list[tuple[str, str, str]]:
    """(sheet, cell, name) of every placeholder, sheet by sheet, row by row."""
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = str(cell.value) if isinstance(cell.value, CellRichText) else cell.value
                if _has_placeholder(value):
                    for name in PLACEHOLDER.findall(value):
                        found.append((ws.title, cell.coordinate, name))
        for where, part in _header_parts(ws):
            for name in PLACEHOLDER.findall(part.text):
                found.append((ws.title, where, name))
    return found


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def fill(wb: Workbook, values: Mapping[str, Any]) -> Filled:
    """Replace every placeholder in wb; raises TemplateError (wb untouched) on unknown names."""
    unknown = [
        Unknown(sheet, cell, name, tuple(difflib.get_close_matches(name, values, 3, 0.5)))
        for sheet, cell, name in placeholders(wb)
        if name not in values
    ]
    if unknown:
        raise TemplateError("\n".join(u.describe() for u in unknown), unknown)
    cells = 0
    names: dict[str, None] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                text = cell.value
                if isinstance(text, CellRichText):
                    cells += _fill_rich(cell, values, names)
                    continue
                if not _has_placeholder(text):
                    continue
                alone = PLACEHOLDER.fullmatch(text.strip())
                if alone:
                    # A number stays a number: the form's sums and formats work on it.
                    cell.value = values[alone.group(1)]
                    names[alone.group(1)] = None
                else:
                    used = PLACEHOLDER.findall(text)
                    for name in used:
                        names[name] = None
                    cell.value = PLACEHOLDER.sub(lambda m: _as_text(values[m.group(1)]), text)
                    if text.startswith("=") and all(_is_number(values[n]) for n in used):
                        # =B4+{{本期.院校.合计}}: the form's own formula, a figure in it.
                        cells += 1
                        continue
                if isinstance(cell.value, str):
                    # The ledger's text stays text: an organisation typed as
                    # "=1+2" or =HYPERLINK(…) must not become a live formula.
                    as_text(cell)
                cells += 1
        for _where, part in _header_parts(ws):
            if PLACEHOLDER.search(part.text):
                for name in PLACEHOLDER.findall(part.text):
                    names[name] = None
                # An ampersand starts a code in a header: the ledger's text keeps its own.
                part.text = PLACEHOLDER.sub(
                    lambda m: _as_text(values[m.group(1)]).replace("&", "&&"), part.text
                )
                cells += 1
    return Filled(cells, tuple(names))


def _fill_rich(cell, values: Mapping[str, Any], names: dict[str, None]) -> int:
    """Placeholders in a cell of formatted runs, each filled in its own run."""
    if not _has_placeholder(str(cell.value)):
        return 0
    runs = []
    for run in cell.value:
        text = run.text if isinstance(run, TextBlock) else str(run)
        if _has_placeholder(text):
            for name in PLACEHOLDER.findall(text):
                names[name] = None
            text = PLACEHOLDER.sub(lambda m: _as_text(values[m.group(1)]), text)
        runs.append(TextBlock(run.font, text) if isinstance(run, TextBlock) else text)
    cell.value = CellRichText(runs)
    return 1


def fill_file(form: str | Path, out: str | Path, values: Mapping[str, Any]) -> Filled:
    """Fill a copy of form into out (written whole or not at all)."""
    from desktop_app.exchange.export import replacing

    form, out = Path(form), Path(out)
    if out.suffix.lower() != form.suffix.lower():
        raise TemplateError(
            f"{out.name}: the filled copy must be {form.suffix.lower()} as the form"
        )
    try:
        if out.exists() and out.resolve() == form.resolve():
            raise TemplateError(f"{out.name}: write the filled copy to another file than the form")
    except OSError:
        pass
    wb = open_form(form)
    filled = fill(wb, values)
    try:
        with replacing(out) as fh:
            wb.save(fh)
    except OSError as exc:
        raise TemplateError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return filled
