"""The import's error report as a workbook: row, column, value, reason.

A person corrects the source file with it open beside, so rows are in the
file's order with the row numbers Excel shows and the headers as the file
writes them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from desktop_app.exchange import messages as M
from desktop_app.exchange.export import (
    discard_streamed,
    replacing,
    safe_sheet_title,
    save_streamed,
)
from desktop_app.exchange.importer import RowProblem
from desktop_app.exchange.messages import Translate
from desktop_app.records.specs import RecordSpec
from desktop_app.reports.xlsx import as_text, excel_text

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FILL = PatternFill("solid", fgColor="E8E8E8")
WIDTHS = (8, 22, 28, 70)


def value_text(value) -> str:
    """A cell's value as the report shows it."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes").removesuffix(" 00:00")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))  # an ID number typed as a number: digits, not 1.4022e+17
    return str(value)


def write_error_report(
    problems: list[RowProblem],
    path: str | os.PathLike,
    spec: RecordSpec,
    translate: Translate | None = None,
) -> int:
    """Write problems to path (.xlsx); returns how many lines it holds.

    Written through export.replacing: a failed write leaves no half file and
    its OSError names path.
    """
    path = Path(path)
    with replacing(path) as fh:
        wb = Workbook(write_only=True)
        try:
            _fill(wb, problems, spec, translate)
        except BaseException:
            discard_streamed(wb)
            raise
        save_streamed(wb, fh)
    return len(problems)


def _fill(
    wb: Workbook, problems: list[RowProblem], spec: RecordSpec, translate: Translate | None
) -> None:
    t = translate or (lambda _context, text: text)
    ws = wb.create_sheet(safe_sheet_title(t(M.CONTEXT, M.REPORT_TITLE)))
    for letter, width in zip("ABCD", WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    head = []
    for text in (M.REPORT_ROW, M.REPORT_COLUMN, M.REPORT_VALUE, M.REPORT_REASON):
        cell = as_text(WriteOnlyCell(ws, value=excel_text(t(M.CONTEXT, text))))
        cell.font, cell.fill, cell.border = Font(bold=True), _FILL, _BORDER
        cell.alignment = Alignment(horizontal="center")
        head.append(cell)
    ws.append(head)
    wrap = Alignment(wrap_text=True, vertical="top")
    for p in sorted(problems, key=lambda p: p.row):
        texts = (p.column_text(spec, translate), value_text(p.value), p.reason(translate))
        cells = [WriteOnlyCell(ws, value=p.row)]
        for text in texts:
            cell = as_text(WriteOnlyCell(ws, value=excel_text(text) if text else None))
            cell.alignment = wrap
            cells.append(cell)
        ws.append(cells)
