"""Print a filled form (.xlsx) to PDF as its own layout says.

A superior's form is laid out in Excel: column widths, row heights, merged
title rows, borders, fonts, alignment, its print set-up (orientation,
margins, rows repeated on every page, fit to width). This draws the first
worksheet's print area that way, page by page, with the program's Chinese
fonts, so an office without Excel or WPS prints the filled form as its
superior designed it. A form wider than the paper is scaled to fit its width
rather than cut. Simple formulas (arithmetic, SUM, AVERAGE, MIN, MAX, COUNT,
ROUND over cells and ranges) are worked out; any other is shown empty and
named in FormPrint.unevaluated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import column_index_from_string, range_boundaries
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextOption,
)

from desktop_app.reports import formula
from desktop_app.reports.paper import PDF_DPI, covers_chinese, print_font, sheet_fonts
from desktop_app.reports.pdf_text import mend_text_layer

PT_PER_PX = 0.75  # Excel measures columns in pixels at 96 dpi
DEFAULT_COL_WIDTH = 8.43  # characters
DEFAULT_ROW_PT = 15.0
DEFAULT_FONT_PT = 11.0
PEN_PT = {
    "hair": 0.25,
    "thin": 0.5,
    "dotted": 0.5,
    "dashed": 0.5,
    "dashDot": 0.5,
    "dashDotDot": 0.5,
    "medium": 1.0,
    "mediumDashed": 1.0,
    "mediumDashDot": 1.0,
    "mediumDashDotDot": 1.0,
    "slantDashDot": 1.0,
    "thick": 1.5,
    "double": 1.5,
}
# Excel's paper size codes the forms offices receive use, as Qt's page sizes.
PAPER_SIZES = {
    1: QPageSize.PageSizeId.Letter,
    5: QPageSize.PageSizeId.Legal,
    8: QPageSize.PageSizeId.A3,
    9: QPageSize.PageSizeId.A4,
    11: QPageSize.PageSizeId.A5,
    12: QPageSize.PageSizeId.JisB4,
    13: QPageSize.PageSizeId.JisB5,
}
STACKED = 255  # Excel's text rotation for characters stacked one under another (竖排)
HEI = ("黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "等线", "DengXian")


@dataclass
class FormPrint:
    pages: int
    unevaluated: list[str] = field(default_factory=list)  # cells whose formula was not worked out
    not_printed: list[str] = field(default_factory=list)  # charts the PDF leaves out


def column_points(width: float | None) -> float:
    """An Excel column width (characters of the default font) in points."""
    chars = DEFAULT_COL_WIDTH if width is None else width
    return (int(chars * 7 + 5) if chars > 0 else 0) * PT_PER_PX


def _fixed(value: float, decimals: int, grouping: bool = False) -> str:
    """value with so many decimals, rounded as Excel shows it: half away from
    zero on the decimal digits (0.125 shows 0.13 and 2.5 shows 3, where
    Python's float formatting gives 0.12 and 2)."""
    try:
        exact = Decimal(repr(float(value)))
        shown = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, OverflowError):  # nan, inf, beyond Decimal's range
        return str(value)
    return f"{shown:,.{decimals}f}" if grouping else f"{shown:.{decimals}f}"


def _number_text(value: float, fmt: str) -> str:
    fmt = (fmt or "General").split(";")[0]
    if fmt.endswith("%"):
        decimals = len(fmt.split(".")[1]) - 1 if "." in fmt else 0
        return _fixed(value * 100, decimals) + "%"
    grouping = "," in fmt
    match = re.search(r"0\.(0+)", fmt)
    if match:
        return _fixed(value, len(match.group(1)), grouping)
    if fmt != "General" and "0" in fmt or "#" in fmt:
        return _fixed(value, 0, grouping)
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


def display_text(value, fmt: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return _number_text(float(value), fmt)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        if "年" in (fmt or ""):
            return f"{value.year}年{value.month}月{value.day}日"
        return value.isoformat()
    return str(value)


def _rotation(cell) -> int:
    align = cell.alignment
    return int(align.textRotation or 0) if align is not None else 0


def _family(name: str | None, body: str, heading: str) -> str:
    if name and name in QFontDatabase.families() and covers_chinese(name):
        return name
    return heading if name in HEI else body


def _font(cell, body: str, heading: str, scale: float) -> QFont:
    f = cell.font
    font = print_font(_family(f.name if f else None, body, heading))
    font.setPointSizeF(max(1.0, float(f.sz or DEFAULT_FONT_PT) if f else DEFAULT_FONT_PT) * scale)
    font.setBold(bool(f and f.b))
    font.setItalic(bool(f and f.i))
    font.setUnderline(bool(f and f.u))
    return font


def _rows_of(spec: str | None) -> set[int]:
    """Rows named by print_title_rows ('$3:$4' or '3:3')."""
    if not spec:
        return set()
    found = re.findall(r"\$?(\d+)", spec)
    if len(found) < 2:
        return set()
    first, last = int(found[0]), int(found[1])
    return set(range(first, last + 1))


def write_pdf(path: str | Path, pdf: str | Path, sheet_name: str | None = None) -> int:
    """Print the workbook (every visible worksheet, or the one named); returns the page count."""
    return print_form(path, pdf, sheet_name).pages


def print_form(path: str | Path, pdf: str | Path, sheet_name: str | None = None) -> FormPrint:
    """Write the form as a PDF (fonts embedded, text layer mended)."""
    book = FormBook(path, sheet_name)
    pdf = Path(pdf)
    if not pdf.parent.is_dir():
        raise FileNotFoundError(f"the folder {pdf.parent} does not exist")
    tmp = pdf.with_name(pdf.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(book.layout)
    writer.setTitle(book.title)
    writer.setCreator("Cooperation Ledger")
    pages = book.paint(writer)
    del writer  # the file is finished when the writer goes
    mend_text_layer(tmp)
    tmp.replace(pdf)
    return FormPrint(pages, book.unevaluated, book.not_printed)


def printable_sheets(wb) -> list:
    """The worksheets a printed form holds: every visible one, in the workbook's
    order (a form sent as 表一, 表二 prints both). Chart sheets and hidden
    sheets (lists, notes for the filler) are left out."""
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]


class FormBook:
    """A workbook's printable worksheets, drawn one after another on any paged
    device, each in its own page set-up, pages numbered through the book."""

    def __init__(self, path: str | Path | None = None, sheet_name: str | None = None, wb=None):
        wb = wb if wb is not None else load_workbook(path)
        if sheet_name:
            sheets = [wb[sheet_name]]
        else:
            sheets = printable_sheets(wb)
        if not sheets:
            raise ValueError("the workbook has no visible worksheet to print")
        forms = [FormPrinter(wb=wb, ws=ws) for ws in sheets]
        # An empty sheet (a spare 表3) prints no blank page.
        self.forms = [f for f in forms if f.has_content()] or forms[:1]
        self.layout = self.forms[0].layout
        self.title = self.forms[0].title
        self.unevaluated = [cell for form in self.forms for cell in form.unevaluated]
        self.not_printed = [item for form in self.forms for item in form.not_printed]
        self.not_printed += [
            f"{sheet.title}: chart sheet"
            for sheet in getattr(wb, "chartsheets", [])
            if sheet.sheet_state == "visible"
        ]

    def paint(self, device) -> int:
        """Draw every page on device; returns the page count."""
        plans = []
        for form in self.forms:
            device.setPageLayout(form.layout)  # measured on the page it is drawn on
            heights = form._heights(device)
            plans.append(
                (
                    heights,
                    _paginate(form.rows, heights, form.titles, form.merged, form.room, form.breaks),
                )
            )
        total = sum(len(pages) for _h, pages in plans)
        painter = QPainter()
        number = 0
        try:
            for form, (heights, pages) in zip(self.forms, plans, strict=True):
                device.setPageLayout(form.layout)
                for page_rows in pages:
                    if number:
                        device.newPage()
                    elif not painter.isActive() and not painter.begin(device):
                        raise OSError("cannot write to the printer or file")
                    number += 1
                    form.paint_page(painter, device, page_rows, heights, number, total)
        finally:
            if painter.isActive():
                painter.end()
        return total


class FormPrinter:
    """One worksheet read for printing; paint() draws it on any paged device
    (a PDF writer, a printer, the preview)."""

    def __init__(
        self, path: str | Path | None = None, sheet_name: str | None = None, wb=None, ws=None
    ):
        wb = wb if wb is not None else load_workbook(path)
        if ws is None:
            ws = wb[sheet_name] if sheet_name else wb.active
        if ws is None or ws not in wb.worksheets:  # the active sheet is a chart
            visible = printable_sheets(wb)
            if not visible:
                raise ValueError("the workbook has no visible worksheet to print")
            ws = visible[0]
        self.ws = ws
        self.title = str(ws["A1"].value or ws.title)
        values = formula.Evaluator(wb)
        if ws.print_area:
            area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
            min_col, min_row, max_col, max_row = range_boundaries(area.split("!")[-1])
        else:
            min_col, min_row = ws.min_column, ws.min_row
            max_col, max_row = ws.max_column, ws.max_row
            # A picture (a seal beside the sign-off) is part of the used range too.
            for image in getattr(ws, "_images", []):
                start = getattr(image.anchor, "_from", None)
                if start is None:
                    continue
                end = getattr(image.anchor, "to", None)
                ext = getattr(image.anchor, "ext", None)
                last_col, last_row = start.col + 1, start.row + 1
                if end is not None:
                    last_col, last_row = end.col + 1, end.row + 1
                elif ext is not None:  # about 64 x 20 pixels a default cell
                    last_col += int(ext.width / EMU_PER_POINT / 48)
                    last_row += int(ext.height / EMU_PER_POINT / 15)
                min_col, min_row = min(min_col, start.col + 1), min(min_row, start.row + 1)
                max_col, max_row = max(max_col, last_col), max(max_row, last_row)
        # Excel stores a run of alike columns as one <col min max>: openpyxl keys
        # it by its first letter only, so each column is looked up by range.
        dims = {}
        for dim in ws.column_dimensions.values():
            first = dim.min or column_index_from_string(dim.index)
            for c in range(first, (dim.max or first) + 1):
                dims[c] = dim
        self.cols = [c for c in range(min_col, max_col + 1) if not (c in dims and dims[c].hidden)]
        self.rows = [r for r in range(min_row, max_row + 1) if not ws.row_dimensions[r].hidden]
        default_width = ws.sheet_format.defaultColWidth or None
        self.widths = {}
        for c in self.cols:
            dim = dims.get(c)
            custom = dim is not None and dim.customWidth
            self.widths[c] = column_points(dim.width if custom else default_width)
        default_height = ws.sheet_format.defaultRowHeight or DEFAULT_ROW_PT
        self.base_heights = {r: ws.row_dimensions[r].height or default_height for r in self.rows}

        self.merged: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        self.inside: set[tuple[int, int]] = set()
        for rng in ws.merged_cells.ranges:
            top_left = (rng.min_row, rng.min_col)
            self.merged[top_left] = (rng.min_row, rng.min_col, rng.max_row, rng.max_col)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != top_left:
                        self.inside.add((r, c))

        setup = ws.page_setup
        margins = ws.page_margins
        self.layout = QPageLayout(
            QPageSize(PAPER_SIZES.get(setup.paperSize or 9, QPageSize.PageSizeId.A4)),
            QPageLayout.Orientation.Landscape
            if setup.orientation == "landscape"
            else QPageLayout.Orientation.Portrait,
            QMarginsF(
                (margins.left or 0.7) * 72,
                (margins.top or 0.75) * 72,
                (margins.right or 0.7) * 72,
                (margins.bottom or 0.75) * 72,
            ),
            QPageLayout.Unit.Point,
        )
        page = self.layout.paintRect(QPageLayout.Unit.Point)
        total_width = sum(self.widths.values()) or 1.0
        self.scale = (setup.scale or 100) / 100
        if total_width * self.scale > page.width():  # fit to width: never cut a column off
            self.scale = page.width() / total_width
        self.room = page.height() / self.scale
        self.fonts = sheet_fonts()

        self.texts: dict[tuple[int, int], str] = {}
        self.numeric: set[tuple[int, int]] = set()  # general alignment puts numbers right
        self.unevaluated: list[str] = []
        for r in self.rows:
            for c in self.cols:
                if (r, c) in self.inside:
                    continue
                cell = ws.cell(r, c)
                value = cell.value
                if cell.data_type == "f":  # a formula (text kept as text is "s")
                    value = values.value(ws.title, cell.coordinate)
                    if value is formula.UNKNOWN:
                        self.unevaluated.append(f"{ws.title}!{cell.coordinate}")
                        value = None
                self.texts[(r, c)] = display_text(value, cell.number_format)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    self.numeric.add((r, c))
        self.titles = [r for r in self.rows if r in _rows_of(ws.print_title_rows)]
        # Rows with a manual page break under them (Excel's 插入分页符).
        self.breaks = frozenset(b.id for b in ws.row_breaks.brk if b.id)
        # What the PDF leaves out, for the caller to say: charts are not drawn.
        self.not_printed = [f"{ws.title}: chart"] * len(getattr(ws, "_charts", []))

    def has_content(self) -> bool:
        return any(self.texts.values()) or bool(getattr(self.ws, "_images", []))

    def _heights(self, device) -> dict[int, float]:
        """Rows grow to hold wrapped text, as Excel's auto height does (rows the
        form gave a height keep it)."""
        heights = dict(self.base_heights)
        dpi = device.logicalDpiY()
        for (r, c), text in self.texts.items():
            cell = self.ws.cell(r, c)
            if not text or self.ws.row_dimensions[r].customHeight or (r, c) in self.merged:
                continue
            rotation = _rotation(cell)
            if rotation:
                # Vertical text stands as tall as its characters stacked, or as its line is long.
                metrics = QFontMetricsF(
                    _font(cell, self.fonts.body, self.fonts.heading, 1.0), device
                )
                tall = (
                    len(text) * metrics.lineSpacing()
                    if rotation == STACKED
                    else metrics.horizontalAdvance(text)
                )
                heights[r] = max(heights[r], tall * 72 / dpi + 6)
                continue
            if not (cell.alignment and cell.alignment.wrap_text):
                continue
            metrics = QFontMetricsF(_font(cell, self.fonts.body, self.fonts.heading, 1.0), device)
            box = metrics.boundingRect(
                QRectF(0, 0, max(self.widths[c] - 4, 1) * dpi / 72, 1e6),
                int(Qt.TextFlag.TextWordWrap),
                text,
            )
            heights[r] = max(heights[r], box.height() * 72 / dpi + 4)
        return heights

    def paint(self, device) -> int:
        """Draw this sheet's pages on device (its page layout already set)."""
        heights = self._heights(device)
        pages = _paginate(self.rows, heights, self.titles, self.merged, self.room, self.breaks)
        painter = QPainter(device)
        try:
            for number, page_rows in enumerate(pages, start=1):
                if number > 1:
                    device.newPage()
                self.paint_page(painter, device, page_rows, heights, number, len(pages))
        finally:
            painter.end()
        return len(pages)

    def paint_page(self, painter, device, page_rows, heights, number: int, count: int) -> None:
        dots = device.logicalDpiX() / 72 * self.scale  # device pixels per form point
        painter.save()
        painter.scale(dots, dots)
        _paint_rows(
            painter,
            self.ws,
            page_rows,
            self.cols,
            self.widths,
            heights,
            self.merged,
            self.inside,
            self.texts,
            self.numeric,
            self.fonts,
            dots,
            self.scale,
        )
        painter.restore()
        _header_footer(painter, self.ws, number, count, device, self.fonts.body)


def _paginate(rows, heights, titles, merged, room: float, breaks=frozenset()) -> list[list[int]]:
    """Rows per page: the title rows on every page, a merge spanning rows never
    cut, and a new page after each row the form puts a page break under."""
    title_height = sum(heights[r] for r in titles)
    blocks: list[list[int]] = []
    spans = {top: bottom for (top, _c), (_t, _l, bottom, _r) in merged.items() if bottom > top}
    i = 0
    while i < len(rows):
        r = rows[i]
        end = spans.get(r, r)
        block = [x for x in rows[i:] if x <= end]
        blocks.append(block)
        i += len(block)
    pages: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    for block in blocks:
        if block[0] in titles and not pages:
            current += block
            used += sum(heights[r] for r in block)
            continue
        height = sum(heights[r] for r in block)
        if current and used + height > room and any(r not in titles for r in current):
            pages.append(current)
            current = [r for r in titles]
            used = title_height
        current += [r for r in block if r not in current]
        used += height
        if block[-1] in breaks:  # 分页符: the form's own page break
            pages.append(current)
            current = [r for r in titles]
            used = title_height
    if current and any(r not in titles for r in current):
        pages.append(current)
    return pages or [[]]


def _paint_rows(
    painter,
    ws,
    page_rows,
    cols,
    widths,
    heights,
    merged,
    inside,
    texts,
    numeric,
    fonts,
    dots,
    scale,
):
    x_of: dict[int, float] = {}
    x = 0.0
    for c in cols:
        x_of[c] = x
        x += widths[c]
    y_of: dict[int, float] = {}
    y = 0.0
    for r in page_rows:
        y_of[r] = y
        y += heights[r]
    on_page = set(page_rows)
    for r in page_rows:
        for c in cols:
            if (r, c) in inside:
                continue
            top, left, bottom, right = merged.get((r, c), (r, c, r, c))
            rect = QRectF(
                x_of[c],
                y_of[r],
                sum(widths[k] for k in cols if left <= k <= right),
                sum(heights[k] for k in page_rows if top <= k <= bottom and k in on_page),
            )
            cell = ws.cell(r, c)
            fill = cell.fill
            if fill is not None and fill.fill_type == "solid":
                rgb = fill.fgColor.rgb if isinstance(fill.fgColor.rgb, str) else None
                if rgb and len(rgb) >= 6 and rgb[-6:].upper() != "FFFFFF":
                    painter.fillRect(rect, QColor("#" + rgb[-6:]))
            text = texts.get((r, c), "")
            if not text:
                continue
            horizontal = _horizontal(cell, (r, c) in numeric)
            wraps = bool(cell.alignment and cell.alignment.wrap_text)
            clip = QRectF(rect)
            if (r, c) not in merged and not wraps and (r, c) not in numeric:
                # Text too long for its cell runs on over empty neighbours, as in Excel.
                def empty(k: int, row: int = r) -> bool:
                    return (
                        (row, k) not in inside
                        and (row, k) not in merged
                        and not texts.get((row, k))
                    )

                index = cols.index(c)
                if horizontal in ("left", "center"):
                    for k in cols[index + 1 :]:
                        if not empty(k):
                            break
                        clip.setRight(x_of[k] + widths[k])
                if horizontal in ("right", "center"):
                    for k in reversed(cols[:index]):
                        if not empty(k):
                            break
                        clip.setLeft(x_of[k])
            is_number = (r, c) in numeric
            _text(painter, cell, rect, clip, text, horizontal, fonts, dots, scale, is_number)
    # Borders last, over fills: every cell's own, merged cells' included.
    for r in page_rows:
        for c in cols:
            cell = ws.cell(r, c)
            b = cell.border
            if b is None:
                continue
            rect = QRectF(x_of[c], y_of[r], widths[c], heights[r])
            for side, line in (
                (b.top, (rect.topLeft(), rect.topRight())),
                (b.bottom, (rect.bottomLeft(), rect.bottomRight())),
                (b.left, (rect.topLeft(), rect.bottomLeft())),
                (b.right, (rect.topRight(), rect.bottomRight())),
            ):
                if side is None or not side.style:
                    continue
                pen = QPen(QColor("black"))
                pen.setWidthF(PEN_PT.get(side.style, 0.5))
                if side.style in ("dotted", "hair"):
                    pen.setStyle(Qt.PenStyle.DotLine)
                elif "dash" in side.style.lower():
                    pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(*line)
    _paint_images(painter, ws, x_of, y_of)


EMU_PER_POINT = 12700


def _image_box(anchor, x_of: dict[int, float], y_of: dict[int, float]) -> QRectF | None:
    """Where an image anchored to cells lies on this page, in form points (None
    when its top-left cell is not on it)."""
    start = getattr(anchor, "_from", None)
    if start is None:  # an absolute anchor, or one openpyxl did not read
        return None
    col, row = start.col + 1, start.row + 1
    if col not in x_of or row not in y_of:
        return None
    left = x_of[col] + start.colOff / EMU_PER_POINT
    top = y_of[row] + start.rowOff / EMU_PER_POINT
    end = getattr(anchor, "to", None)
    if end is not None and (end.col + 1) in x_of and (end.row + 1) in y_of:
        right = x_of[end.col + 1] + end.colOff / EMU_PER_POINT
        bottom = y_of[end.row + 1] + end.rowOff / EMU_PER_POINT
        return QRectF(left, top, right - left, bottom - top)
    ext = getattr(anchor, "ext", None)
    if ext is None:
        return None
    return QRectF(left, top, ext.width / EMU_PER_POINT, ext.height / EMU_PER_POINT)


def _paint_images(painter, ws, x_of: dict[int, float], y_of: dict[int, float]) -> None:
    """The form's pictures (a logo, a printed seal), where the form places them."""
    for image in getattr(ws, "_images", []):
        box = _image_box(image.anchor, x_of, y_of)
        if box is None or box.width() <= 0 or box.height() <= 0:
            continue
        try:
            data = image._data()
        except Exception:  # a picture openpyxl kept but cannot give back: skip it
            continue
        picture = QImage.fromData(data)
        if not picture.isNull():
            painter.drawImage(box, picture)


def _horizontal(cell, is_number: bool) -> str:
    align = cell.alignment
    horizontal = (align.horizontal if align else None) or "general"
    if horizontal == "general":
        return "right" if is_number else "left"
    return horizontal


def _text(
    painter,
    cell,
    rect: QRectF,
    clip: QRectF,
    text: str,
    horizontal: str,
    fonts,
    dots: float,
    scale: float,
    numeric: bool = False,
) -> None:
    if isinstance(cell, MergedCell):
        return
    align = cell.alignment
    vertical = (align.vertical if align else None) or "bottom"
    flags = {
        "left": Qt.AlignmentFlag.AlignLeft,
        "center": Qt.AlignmentFlag.AlignHCenter,
        "centerContinuous": Qt.AlignmentFlag.AlignHCenter,
        "right": Qt.AlignmentFlag.AlignRight,
        "justify": Qt.AlignmentFlag.AlignJustify,
        "distributed": Qt.AlignmentFlag.AlignJustify,
        "fill": Qt.AlignmentFlag.AlignLeft,
    }.get(horizontal, Qt.AlignmentFlag.AlignLeft)
    flags |= {
        "top": Qt.AlignmentFlag.AlignTop,
        "center": Qt.AlignmentFlag.AlignVCenter,
        "distributed": Qt.AlignmentFlag.AlignVCenter,
        "justify": Qt.AlignmentFlag.AlignVCenter,
    }.get(vertical, Qt.AlignmentFlag.AlignBottom)
    # Fonts are sized in device pixels: draw unscaled so glyphs keep their hinting.
    painter.save()
    painter.scale(1 / dots, 1 / dots)
    wide = clip if clip.width() > rect.width() else rect
    if wide is not rect and horizontal == "left":
        wide = QRectF(rect.left(), rect.top(), clip.right() - rect.left(), rect.height())
    elif wide is not rect and horizontal == "right":
        wide = QRectF(clip.left(), rect.top(), rect.right() - clip.left(), rect.height())
    target = QRectF(
        (wide.left() + 2) * dots, wide.top() * dots, (wide.width() - 4) * dots, wide.height() * dots
    )
    font = _font(cell, fonts.body, fonts.heading, scale)
    painter.setFont(font)
    fits = painter.fontMetrics().horizontalAdvance
    if numeric and fits(text) > target.width() and (cell.number_format or "General") == "General":
        # Excel's General format gives up decimals before it gives up the number
        # (3.857142857 in a narrow column shows 3.857143, or 3.86).
        text = _fewer_decimals(text, lambda t: fits(t) <= target.width())
    if numeric and fits(text) > target.width():
        # A number too wide for its column is never cut to other digits: as
        # Excel does, the cell shows ### (1826 once printed as 826).
        sign = max(1, int(target.width() // max(painter.fontMetrics().horizontalAdvance("#"), 1)))
        text = "#" * sign
    painter.setPen(QColor("black"))
    option = QTextOption(flags)
    if align is not None and align.wrap_text:
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    else:
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
    painter.setClipRect(
        QRectF(clip.left() * dots, clip.top() * dots, clip.width() * dots, clip.height() * dots)
    )
    rotation = _rotation(cell)
    if rotation == STACKED:  # 竖排: one character a line, centred
        option.setAlignment(Qt.AlignmentFlag.AlignCenter)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        text = "\n".join(ch for ch in text if ch != "\n")
    elif rotation:
        # Excel: 1-90 turns the text counter-clockwise, 91-180 clockwise by (value - 90).
        angle = -rotation if rotation <= 90 else rotation - 90
        centre = target.center()
        painter.translate(centre)
        painter.rotate(angle)
        painter.translate(-centre)
        if abs(angle) == 90:  # the box turns with the text
            target = QRectF(
                centre.x() - target.height() / 2,
                centre.y() - target.width() / 2,
                target.height(),
                target.width(),
            )
    painter.drawText(target, text, option)
    painter.restore()


# Excel's header and footer codes: &P page, &N pages, &D date, &T time, &A
# sheet name, &F file name; &"font,style", &12 (size), &B &I &U &S &X &Y &K
# (formatting) are dropped, && is an ampersand.
_FORMATTING = re.compile(r'&"[^"]*"|&\d+|&K[0-9A-Fa-f]{6}|&[BIUSXYEHOZG]')


def header_footer_text(code: str, number: int, count: int, sheet: str, today=None) -> str:
    """What one part of an Excel header or footer prints."""
    today = today or dt.date.today()
    text = code.replace("&&", "\x00")
    text = _FORMATTING.sub("", text)
    for key, value in (
        ("&P", str(number)),
        ("&N", str(count)),
        ("&D", today.isoformat()),
        ("&T", dt.datetime.now().strftime("%H:%M")),
        ("&A", sheet),
        ("&F", ""),
        ("&Z", ""),
    ):
        text = text.replace(key, value)
    return text.replace("\x00", "&")


def _fewer_decimals(text: str, fits) -> str:
    """The number in text with as many decimals as fit (never fewer than none)."""
    try:
        value = float(text)
    except ValueError:
        return text
    if "." not in text or "e" in text.lower():
        return text
    for decimals in range(len(text.split(".")[1]) - 1, -1, -1):
        shorter = f"{value:.{decimals}f}"
        if "." in shorter:
            shorter = shorter.rstrip("0").rstrip(".")
        if fits(shorter):
            return shorter
    return text


def _header_footer(painter, ws, number: int, count: int, device, family: str) -> None:
    """The form's own header and footer (left, centre, right), in the margins."""
    layout = device.pageLayout()
    dpi = device.logicalDpiX()
    full = layout.fullRectPixels(dpi)
    paint = layout.paintRectPixels(dpi)
    # The painter's origin is the paint rectangle's corner (inside the margins).
    bands = (
        (
            ws.oddHeader,
            QRectF(0, full.top() - paint.top(), paint.width(), paint.top() - full.top()),
        ),
        (ws.oddFooter, QRectF(0, paint.height(), paint.width(), full.bottom() - paint.bottom())),
    )
    painter.save()
    font = print_font(family)
    font.setPointSizeF(9)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    for part, rect in bands:
        if part is None or rect.height() <= 0:
            continue
        for side, align in (
            (part.left, Qt.AlignmentFlag.AlignLeft),
            (part.center, Qt.AlignmentFlag.AlignHCenter),
            (part.right, Qt.AlignmentFlag.AlignRight),
        ):
            if side is None or not side.text:
                continue
            text = header_footer_text(side.text, number, count, ws.title)
            painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
    painter.restore()
