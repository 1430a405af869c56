"""Write a Sheet as an .xlsx workbook users can hand in or keep working on.

Numbers stay numbers and dates stay dates; the header row is styled, frozen
and repeated on every printed page; the page is A4, fitted to width.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from desktop_app.records.values import strip_hostile
from desktop_app.reports.model import DATE, FLOAT, INT, Sheet

# The face Chinese offices' Excel and WPS print forms in; without one named,
# Excel falls back to its Latin default and LibreOffice picks any CJK face.
CJK_FONT = "宋体"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
_MARK_FONT = Font(name=CJK_FONT, color="B00020")


def _font(**kwargs) -> Font:
    return Font(name=CJK_FONT, **kwargs)


def text_width(text: str) -> float:
    """Columns a text needs in Excel's units: a CJK character takes two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_TEXT_WIDTH = 40  # a text column wider than this wraps its longest cells


def excel_text(value: str) -> str:
    """Text without the characters Excel refuses (a ledger from before they
    were stopped at the door may hold them)."""
    return strip_hostile(value) if not value.isprintable() else value


def safe_sheet_title(text: str) -> str:
    """A sheet name Excel accepts: 31 characters, none of \\ / ? * [ ] :."""
    for ch in "\\/?*[]:":
        text = text.replace(ch, " ")
    return text.strip()[:31] or "Sheet1"


def safe_text(value: str) -> str:
    """For CSV, which has no cell types: text that Excel would run as a formula
    gets a leading apostrophe (the CSV reader takes exactly that one off again)."""
    value = excel_text(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def as_text(cell):
    """A cell holding text that Excel would take for a formula (= + - @ …) is
    stored as text with Excel's own quote-prefix mark, as when a user types an
    apostrophe first: the value itself stays exactly the ledger's text, so it
    reads back unchanged and nothing is added to what officials print."""
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _text_cell(ws, row: int, column: int, text: str):
    """A cell of the sheet's own text (title, headings, notes)."""
    cell = as_text(ws.cell(row, column, excel_text(text)))
    cell.font = _font()
    return cell


def _header_text(text: str) -> str:
    # & starts a code in Excel's header text: a literal one is written &&.
    return excel_text(text).replace("&", "&&")


def _cell_value(value, kind: str):
    if value is None:
        return None
    if kind in (INT, FLOAT) and isinstance(value, (int, float)):
        return value
    if kind == DATE and isinstance(value, dt.date):
        return value
    return excel_text(str(value))


# A4 less Excel's default margins, header and footer, in points.
_PRINTABLE = {False: (595 - 101, 842 - 130), True: (842 - 101, 595 - 130)}
_ROW_PT = 15.0


def _break_between_tables(ws, spans, widths: dict[int, float], landscape: bool) -> None:
    """Page breaks so that a table that would be cut by the page's end, and
    fits on a page, starts on the next one: a sheet of several tables has no
    header a printer can repeat, so a cut table's rows went on without one."""
    from openpyxl.worksheet.pagebreak import Break

    page_w, page_h = _PRINTABLE[landscape]
    total_w = sum((min(max(w, 6), 60) * 7 + 5) * 0.75 for w in widths.values()) or 1.0
    page = page_h / min(1.0, page_w / total_w)  # fitted to width: rows grow shorter
    used = 3 * _ROW_PT  # the title, the period and a blank row
    for first, last in spans:
        height = (last - first + 2) * _ROW_PT  # the rows and the blank row after
        if used + height > page and height <= page:
            ws.row_breaks.append(Break(id=first - 1))
            used = 0.0
        used = (used + height) % page if height > page else used + height


def write_xlsx(
    sheet: Sheet,
    path: str | Path,
    organization: str = "",
    printed_on: dt.date | None = None,
    page_footer: str = "&P / &N",
) -> None:
    """page_footer holds Excel's codes, e.g. the translated "第 &P 页 共 &N 页"."""
    wb = Workbook()
    ws = wb.active
    # A tab name Excel accepts: an English dossier's institution may hold []:*?/\.
    ws.title = safe_sheet_title(excel_text(sheet.title))
    width = max((len(t.columns) for t in sheet.tables), default=1)
    row = 1
    _text_cell(ws, row, 1, sheet.title).font = _font(bold=True, size=16)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(width, 1))
    ws.cell(row, 1).alignment = Alignment(horizontal="center")
    row += 1
    sub = "　".join(x for x in (organization, sheet.period_text, sheet.unit_text) if x)
    if sub:
        _text_cell(ws, row, 1, sub)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(width, 1))
        ws.cell(row, 1).alignment = Alignment(horizontal="center")
        row += 1
    row += 1
    widths: dict[int, float] = {}
    first_header_row = None
    spans: list[tuple[int, int]] = []  # (first row, last row) of each table, for page breaks
    for table in sheet.tables:
        start = row
        if table.heading:
            _text_cell(ws, row, 1, table.heading).font = _font(bold=True, size=12)
            row += 1
        for c, col in enumerate(table.columns, start=1):
            cell = _text_cell(ws, row, c, col.label)
            cell.font = _font(bold=True)
            cell.fill = _HEADER_FILL
            cell.border = _BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            # Headers on one line: a wrapped one needs a taller row, which
            # LibreOffice does not give it (it clips the second line).
            widths[c] = max(widths.get(c, 0), min(text_width(col.label) + 2, MAX_TEXT_WIDTH))
        if first_header_row is None:
            first_header_row = row
        row += 1
        body = [(r, False, i in table.marked) for i, r in enumerate(table.rows)]
        if table.total is not None:
            body.append((table.total, True, False))
        for values, bold, marked in body:
            for c, (col, value) in enumerate(zip(table.columns, values, strict=False), start=1):
                if marked and c == 1:
                    # ★ as on paper: a black-and-white printer drops the colour.
                    text = "" if value is None else str(_cell_value(value, col.kind))
                    cell = as_text(ws.cell(row, c, "★" + excel_text(text)))
                    cell.border = _BORDER
                    cell.font = _MARK_FONT
                    cell.alignment = Alignment(vertical="top")
                    widths[c] = max(widths.get(c, 0), text_width(cell.value) + 2)
                    continue
                cell = as_text(ws.cell(row, c, _cell_value(value, col.kind)))
                cell.border = _BORDER
                if col.kind == DATE:
                    cell.number_format = "yyyy-mm-dd"
                    cell.alignment = Alignment(horizontal="center", vertical="top")
                    need = 12.0
                elif col.kind in (INT, FLOAT):
                    # General: 40 and 40.5, never "40." as the format 0.## shows 40.
                    cell.number_format = "0" if col.kind == INT else "General"
                    cell.alignment = Alignment(vertical="top")
                    need = len(str(cell.value)) + 2 if cell.value is not None else 0
                else:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    # Long text wraps: a column grows up to a readable width.
                    longest = max((text_width(x) for x in str(value or "").split("\n")), default=0)
                    need = min(longest + 2, MAX_TEXT_WIDTH)
                widths[c] = max(widths.get(c, 0), need)
                if bold:
                    cell.font = _font(bold=True)
                elif marked:
                    # Marked in words too (★): a black-and-white printer drops the colour.
                    cell.font = _MARK_FONT
                else:
                    cell.font = _font()
            row += 1
        if table.marked and table.mark_note:
            _text_cell(ws, row, 1, "★ " + table.mark_note).font = _MARK_FONT
            row += 1
        if table.note:
            _text_cell(ws, row, 1, table.note)
            row += 1
        spans.append((start, row - 1))
        row += 1
    for note in sheet.notes:
        _text_cell(ws, row, 1, note)
        row += 1
    if sheet.signoff:
        # Two lines a row, the second starting half way across, as on paper.
        row += 1
        second = max(2, (width + 1) // 2 + 1)
        for i, (label, value) in enumerate(sheet.signoff):
            _text_cell(ws, row, 1 if i % 2 == 0 else second, label + value)
            if i % 2 == 1:
                row += 1
        row += len(sheet.signoff) % 2
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = min(max(w, 6), 60)
    if len(spans) > 1:
        _break_between_tables(ws, spans, widths, sheet.landscape)
    if first_header_row is not None and len(sheet.tables) == 1:
        # One table: its header stays in view and is printed on every page. A
        # sheet of several tables has a header each, which no pane can hold.
        ws.freeze_panes = ws.cell(first_header_row + 1, 1)
        ws.print_title_rows = f"{first_header_row}:{first_header_row}"
    # Pages after the first carry the organisation and the title, as on paper.
    ws.oddHeader.left.text = _header_text(organization)
    ws.oddHeader.right.text = _header_text(sheet.title)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = page_footer
    if printed_on:
        ws.oddFooter.left.text = printed_on.isoformat()
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
