"""Render a Sheet on paper: PDF files, printers and the print preview.

The sheet becomes a QTextDocument (an HTML table whose <thead> repeats on every
page); each page is then drawn by hand so it can carry the organization's name,
the title, the print date and "第 x 页 共 y 页".
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from desktop_app.reports.column_widths import ColumnNeed, allot, measure_table, unbreakable
from desktop_app.reports.model import DATE, FLOAT, INT, Sheet, Table
from desktop_app.reports.pagination import paginate
from desktop_app.reports.pdf_text import mend_text_layer

# Government documents use 宋体 / 黑体 / 仿宋. Windows' own fonts come first (the
# program's users are on Windows, and these fonts have no Kangxi-radical
# mix-up in the PDF text), then Microsoft YaHei, then the free Noto/Source Han.
SERIF_FAMILIES = (
    "SimSun",
    "宋体",
    "FangSong",
    "仿宋",
    "Microsoft YaHei",
    "微软雅黑",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
)
HEADING_FAMILIES = (
    "SimHei",
    "黑体",
    "Microsoft YaHei",
    "微软雅黑",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Noto Serif CJK SC",
)
MARGIN_MM = 15.0
PDF_DPI = 300
BODY_PT = 10
# The tables' cellpadding and border, in CSS pixels (1/96 inch).
CELL_PADDING_PX = 3
BORDER_PX = 1


def print_font(family: str, points: float | None = None) -> QFont:
    """A font for the page. Its OpenType 'locl' feature is off: with Noto CJK it
    swapped digits after a Latin letter (Printed 2026-11-29, an ID number ending
    in X) for glyphs Qt leaves unnamed in the PDF's text layer, so copying and
    searching lost them. The SC face's own glyphs are the Chinese forms anyway."""
    font = QFont(family) if points is None else QFont(family, points)
    font.setFeature(QFont.Tag("locl"), 0)
    return font


def covers_chinese(family: str) -> bool:
    """Whether the font family has Simplified Chinese glyphs (else boxes on paper)."""
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def choose_family(
    preferred: Sequence[str], installed: Sequence[str], covers: Callable[[str], bool]
) -> str | None:
    """The first preferred family installed, else any installed one that covers
    Chinese (sorted, so the choice does not depend on the font list's order)."""
    present = set(installed)
    for family in preferred:
        if family in present:
            return family
    return next((f for f in sorted(present) if covers(f)), None)


def pick_family(preferred: Sequence[str]) -> str:
    found = choose_family(preferred, QFontDatabase.families(), covers_chinese)
    return found or QFont().family()


@dataclass(frozen=True)
class SheetFonts:
    """The families a sheet is drawn in; callers say which, and warn when it has boxes."""

    body: str
    heading: str

    @property
    def covers_chinese(self) -> bool:
        return covers_chinese(self.body) and covers_chinese(self.heading)


def sheet_fonts() -> SheetFonts:
    """What paint_sheet uses (needs a QGuiApplication for the font database)."""
    return SheetFonts(pick_family(SERIF_FAMILIES), pick_family(HEADING_FAMILIES))


@dataclass
class PageInfo:
    organization: str = ""
    printed_on: dt.date | None = None
    footer_code: str = ""  # e.g. the audit chain head (issue 5)


def format_cell(value, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind == DATE and isinstance(value, dt.date):
        return value.isoformat()
    if kind == FLOAT and isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{int(value):,}"
    if kind == INT and isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    return str(value)


def sheet_html(
    sheet: Sheet,
    body_family: str,
    heading_family: str,
    widths: list[list[float] | None] | None = None,
) -> str:
    """The sheet's body: title, period, tables. Page furniture is drawn separately.
    widths: per table, its columns' widths in percent, sized to the content
    (column_percentages); a table without them is divided by declared weights."""
    out = [
        f"<html><body style=\"font-family:'{body_family}'; font-size:{BODY_PT}pt;\">",
        f"<p align='center' style=\"font-family:'{heading_family}'; font-size:16pt;\">"
        f"<b>{html.escape(sheet.title)}</b></p>",
    ]
    sub = "　".join(x for x in (sheet.period_text, sheet.unit_text) if x)
    if sub:
        out.append(f"<p align='center' style='font-size:10pt;'>{html.escape(sub)}</p>")
    for n, table in enumerate(sheet.tables):
        sized = widths[n] if widths is not None else None
        if table.heading:
            out.append(
                f"<p style=\"font-family:'{heading_family}'; font-size:11pt; margin-top:8px;\">"
                f"<b>{html.escape(table.heading)}</b></p>"
            )
        if sized is None:
            weights = [_min_width(c) for c in table.columns]
            percents = [max(1, round(100 * w / (sum(weights) or 1))) for w in weights]
        else:
            percents = sized
        out.append(
            f"<table width='100%' border='{BORDER_PX}' cellspacing='0' "
            f"cellpadding='{CELL_PADDING_PX}' style='border-collapse:collapse; border-color:#000;'>"
        )
        out.append("<thead><tr>")
        for c, pct in zip(table.columns, percents, strict=True):
            out.append(
                f"<th width='{pct:.3f}%' bgcolor='#e8e8e8' align='center'>"
                f"{html.escape(c.label)}</th>"
            )
        out.append("</tr></thead>")
        # Numbers and codes stay whole only where the columns were sized to hold them.
        keep = sized is not None
        for i, row in enumerate(_cell_texts(table)):
            is_total = table.total is not None and i == len(table.rows)
            marked = not is_total and i in table.marked
            out.append(_row_html(table, row, bold=is_total, marked=marked, keep_whole=keep))
        if not table.rows and table.total is None:
            none = html.escape(QCoreApplication.translate("Paper", "No records"))
            out.append(f"<tr><td colspan='{len(table.columns)}' align='center'>{none}</td></tr>")
        out.append("</table>")
        if table.marked and table.mark_note:
            out.append(f"<p style='font-size:9pt;'>★ {html.escape(table.mark_note)}</p>")
        if table.note:
            out.append(f"<p style='font-size:9pt;'>{html.escape(table.note)}</p>")
    for note in sheet.notes:
        out.append(f"<p style='font-size:10pt;'>{html.escape(note)}</p>")
    if sheet.signoff:
        out.append(signoff_html(sheet.signoff))
    out.append("</body></html>")
    return "".join(out)


def signoff_html(lines: list[tuple[str, str]]) -> str:
    """The sign-off block: two lines a row, as official forms end."""
    cells = [html.escape(label + value) for label, value in lines]
    rows = []
    for i in range(0, len(cells), 2):
        pair = cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2]))
        rows.append("<tr>" + "".join(f"<td width='50%'>{c}</td>" for c in pair) + "</tr>")
    return (
        "<table width='100%' cellspacing='0' cellpadding='6' style='margin-top:14px;'>"
        + "".join(rows)
        + "</table>"
    )


def _min_width(column) -> float:
    """A column's relative width, never narrower than its header or a date needs
    (otherwise 序号 and 学历学位 wrap one character per line)."""
    need = 0.14 * len(column.label) + 0.2
    if column.kind == DATE:
        need = max(need, 0.95)
    return max(column.width, need)


def _cell_texts(table: Table) -> list[list[str]]:
    """The table's rows as printed (the 合计 row last): what is drawn and measured."""
    rows = [*table.rows, *([table.total] if table.total is not None else [])]
    out = []
    for i, row in enumerate(rows):
        texts = [format_cell(v, c.kind) for c, v in zip(table.columns, row, strict=False)]
        if i in table.marked and i < len(table.rows) and texts:
            texts[0] = "★" + texts[0]
        out.append(texts)
    return out


def _row_html(table, texts, *, bold: bool, marked: bool, keep_whole: bool = False) -> str:
    cells = []
    for c, raw in zip(table.columns, texts, strict=False):
        text = html.escape(raw).replace("\n", "<br/>")
        align = "right" if c.kind in (INT, FLOAT) else ("center" if c.kind == DATE else "left")
        if bold:
            text = f"<b>{text}</b>"
        style = "color:#b00020;" if marked else ""
        if keep_whole and unbreakable(raw, c.kind):
            style += "white-space:nowrap;"  # Qt ignores the nowrap attribute
        style = f" style='{style}'" if style else ""
        cells.append(f"<td align='{align}'{style}>{text}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def column_percentages(
    sheet: Sheet, device: QPagedPaintDevice, body_family: str, width: float
) -> list[list[float] | None]:
    """Per table, its columns' widths in percent of the page, sized from the
    content in the body font on this device (see column_widths); None for a
    table whose unbreakable content is wider than the page."""
    font = QFont(body_family)
    font.setPointSizeF(BODY_PT)
    bold = QFont(font)
    bold.setBold(True)
    metrics = {False: QFontMetricsF(font, device), True: QFontMetricsF(bold, device)}
    scale = device.logicalDpiX() / 96
    border = BORDER_PX * scale
    # How Qt lays out a collapsed-border table at width='N%' (measured): a column
    # of N% of (width less about two borders) holds N% minus the padding on both
    # sides and one border, rounded to whole pixels; two borders more for that.
    base = width - 4 * border
    overhead = 2 * CELL_PADDING_PX * scale + 3 * border
    # Tables with the same columns (the assessment's one per unit) line up.
    shared: dict[tuple, list[ColumnNeed]] = {}
    for table in sheet.tables:
        needs = measure_table(
            table, _cell_texts(table), lambda text, b: metrics[b].horizontalAdvance(text)
        )
        seen = shared.setdefault(_columns_key(table), needs)
        for mine, theirs in zip(needs, seen, strict=True):
            for tier in ("hard", "readable", "full", "header"):
                setattr(theirs, tier, max(getattr(mine, tier), getattr(theirs, tier)))
    out: list[list[float] | None] = []
    for table in sheet.tables:
        needs = shared[_columns_key(table)]
        room = base - overhead * len(needs)
        content = allot(needs, [c.width for c in table.columns], room)
        out.append(None if content is None else [100 * (w + overhead) / base for w in content])
    return out


def _columns_key(table: Table) -> tuple:
    return tuple((c.label, c.kind, c.width) for c in table.columns)


def page_layout(sheet: Sheet) -> QPageLayout:
    orientation = (
        QPageLayout.Orientation.Landscape if sheet.landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def paint_sheet(sheet: Sheet, device: QPagedPaintDevice, info: PageInfo) -> int:
    """Draw the sheet on a PDF writer or printer; returns the page count."""
    fonts = sheet_fonts()
    body_family, heading_family = fonts.body, fonts.heading
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("Paper", "Cannot write to the printer or file."))
    try:
        rect = device.pageLayout().paintRectPixels(device.resolution())
        width, height = rect.width(), rect.height()
        furniture_font = print_font(body_family)
        furniture_font.setPointSizeF(8.5)
        painter.setFont(furniture_font)
        band = painter.fontMetrics().height() * 2.2  # header and footer bands
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(print_font(body_family, BODY_PT))
        doc.setDocumentMargin(0)
        widths = column_percentages(sheet, device, body_family, width)
        doc.setHtml(sheet_html(sheet, body_family, heading_family, widths))
        body_h = height - 2 * band
        doc.setTextWidth(width)
        slices = paginate(doc, body_h)
        pages = len(slices)
        printed = (info.printed_on or dt.date.today()).isoformat()
        for page, part in enumerate(slices):
            if page:
                device.newPage()
            top = QRectF(0, 0, width, band)
            _draw_line_text(painter, device, furniture_font, top, info.organization, sheet.title)
            painter.drawLine(QPointF(0, band - 2), QPointF(width, band - 2))
            y = band
            if part.table is not None:  # a table continued from the last page
                t = part.table
                if t.heading:  # its section heading, marked （续）
                    heading_rect = QRectF(0, y, width, t.heading_height)
                    _draw_continued_heading(painter, heading_family, heading_rect, t.heading)
                    y += t.heading_height
                y = _draw_slice(painter, doc, width, t.top, t.header_bottom, y)
            y = _draw_slice(painter, doc, width, part.start, part.end, y)
            if part.open_table is not None:  # the cut row's bottom rule
                painter.drawLine(
                    QPointF(part.open_table.left, y), QPointF(part.open_table.right, y)
                )
            bottom = QRectF(0, height - band, width, band)
            painter.drawLine(QPointF(0, height - band + 2), QPointF(width, height - band + 2))
            left = QCoreApplication.translate("Paper", "Printed %1").replace("%1", printed)
            if info.footer_code:
                left += "　" + QCoreApplication.translate("Paper", "Ledger code %1").replace(
                    "%1", info.footer_code
                )
            page_text = (
                QCoreApplication.translate("Paper", "Page %1 of %2")
                .replace("%1", str(page + 1))
                .replace("%2", str(pages))
            )
            _draw_line_text(painter, device, furniture_font, bottom, left, "", page_text)
        return pages
    finally:
        painter.end()


def _draw_continued_heading(painter: QPainter, family: str, rect: QRectF, heading: str) -> None:
    """A section's heading again at the top of a page its table continues on."""
    painter.save()
    font = print_font(family)
    font.setPointSizeF(11)
    font.setBold(True)
    painter.setFont(font)
    text = QCoreApplication.translate("Paper", "%1 (continued)").replace("%1", heading)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), text)
    painter.restore()


def _draw_slice(
    painter: QPainter, doc: QTextDocument, width: float, top: float, bottom: float, y: float
) -> float:
    """Draw the document's band [top, bottom) at y on the page; returns the new y."""
    painter.save()
    painter.translate(0, y - top)
    band = QRectF(0, top, width, max(bottom - top - 1, 0))
    # drawContents only leaves out what lies wholly outside the band: a table
    # cut at the page's end drew its frame's rule and the next row's border
    # stubs below the cut, and a paragraph crossing the band's top was drawn
    # over the page header. The clip keeps every stroke inside the band.
    painter.setClipRect(band)
    # One device pixel short of the cut: the next row starts exactly there and
    # would otherwise be drawn (clipped, invisible, but still in the PDF's text).
    doc.drawContents(painter, band)
    painter.restore()
    return y + (bottom - top)


def _draw_line_text(
    painter: QPainter, device, font: QFont, rect: QRectF, left: str, right: str, centre: str = ""
) -> None:
    """One line of page furniture (left, centre, right), drawn straight on the page:
    a text document for each (two a page) took a fifth of a long roster's time."""
    painter.save()
    painter.setFont(font)
    w = rect.width()
    middle = Qt.AlignmentFlag.AlignVCenter
    for text, x, width, align in (
        (left, 0.0, 0.42 * w, Qt.AlignmentFlag.AlignLeft),
        (centre, 0.42 * w, 0.16 * w, Qt.AlignmentFlag.AlignHCenter),
        (right, 0.58 * w, 0.42 * w, Qt.AlignmentFlag.AlignRight),
    ):
        if text:
            box = QRectF(rect.left() + x, rect.top(), width, rect.height())
            painter.drawText(box, int(align | middle), text)
    painter.restore()


def write_pdf(sheet: Sheet, path: str | Path, info: PageInfo) -> int:
    """Write the sheet as a PDF file (fonts embedded); returns the page count."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(sheet))
    writer.setTitle(sheet.title)
    writer.setCreator("Cooperation Ledger")
    pages = paint_sheet(sheet, writer, info)
    del writer  # the file is finished when the writer goes
    mend_text_layer(tmp)  # so copying and searching the PDF give 人才, not ⼈才
    tmp.replace(path)
    return pages
