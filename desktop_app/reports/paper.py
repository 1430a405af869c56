"""Render a Sheet on paper: PDF files, printers and the print preview.

The sheet is laid out as bands (sheet_bands), cut into pages (pagination) and
painted straight onto the device, line by line: the same code draws the
preview, the printer's pages and the PDF. Each page carries the
organisation's name, the title, the print date and "第 x 页 共 y 页".
Painting directly, rather than through a QTextDocument, makes a 1,000-row
roster about ten times faster and lets rows break between lines of text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from desktop_app.reports.model import Sheet
from desktop_app.reports.pagination import paginate
from desktop_app.reports.pdf_text import mend_text_layer
from desktop_app.reports.sheet_bands import Paragraph, Row, SheetLayout

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
    """Draw the sheet on a PDF writer or printer; returns the page count.
    Each page: the organisation and title above a rule, the body, and below a
    rule the print date, the ledger code and 第 x 页 共 y 页."""
    fonts = sheet_fonts()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("Paper", "Cannot write to the printer or file."))
    try:
        rect = device.pageLayout().paintRectPixels(device.resolution())
        width, height = rect.width(), rect.height()
        furniture_font = print_font(fonts.body)
        furniture_font.setPointSizeF(8.5)
        painter.setFont(furniture_font)
        band = painter.fontMetrics().height() * 2.2  # header and footer bands
        layout = SheetLayout(sheet, device, width, fonts.body, fonts.heading)
        pages = paginate(layout.bands, height - 2 * band, layout.repeats.__getitem__)
        printed = (info.printed_on or dt.date.today()).isoformat()
        left = QCoreApplication.translate("Paper", "Printed %1").replace("%1", printed)
        if info.footer_code:
            left += "　" + QCoreApplication.translate("Paper", "Ledger code %1").replace(
                "%1", info.footer_code
            )
        body = QRectF(0, band, width, height - 2 * band)
        for number, bands in enumerate(pages):
            if number:
                device.newPage()
            top = QRectF(0, 0, width, band)
            _draw_line_text(painter, device, furniture_font, top, info.organization, sheet.title)
            painter.drawLine(QPointF(0, band - 2), QPointF(width, band - 2))
            painter.save()
            painter.setClipRect(body)  # a row taller than a page stays above the footer
            y = band
            rules: list[QLineF] = []
            for item in bands:
                paint_band(painter, item.payload, y, rules)
                y += item.height
            if rules:  # one call a page: ten thousand separate lines took a fifth of the time
                painter.setPen(_pen(layout.rule))
                painter.drawLines(rules)
            painter.restore()
            bottom = QRectF(0, height - band, width, band)
            painter.drawLine(QPointF(0, height - band + 2), QPointF(width, height - band + 2))
            page_text = (
                QCoreApplication.translate("Paper", "Page %1 of %2")
                .replace("%1", str(number + 1))
                .replace("%2", str(len(pages)))
            )
            _draw_line_text(painter, device, furniture_font, bottom, left, "", page_text)
        return len(pages)
    finally:
        painter.end()


def paint_band(painter: QPainter, payload, y: float, rules: list[QLineF]) -> None:
    """One band of the body at y: a paragraph, a table row, or the sign-off rows.
    A row's ruling lines are added to rules, for the caller to draw."""
    if isinstance(payload, Paragraph):
        _paint_paragraph(painter, payload, y)
    elif isinstance(payload, Row):
        _paint_row(painter, payload, y, rules)
    elif isinstance(payload, list):
        for row in payload:
            _paint_row(painter, row, y, rules)
            y += row.height


def _paint_paragraph(painter: QPainter, para: Paragraph, y: float) -> None:
    face = para.face
    painter.setFont(face.font)
    painter.setPen(QColor(para.colour))
    baseline = y + para.top + face.ascent
    for line in para.lines:
        x = (para.width - face.advance(line)) / 2 if para.align == "center" else 0.0
        painter.drawText(QPointF(x, baseline), line)
        baseline += face.line_height


_PENS: dict[float, QPen] = {}


def _pen(width: float) -> QPen:
    pen = _PENS.get(width)
    if pen is None:
        pen = _PENS[width] = QPen(QColor("#000000"), width)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
    return pen


def _paint_row(painter: QPainter, row: Row, y: float, rules: list[QLineF]) -> None:
    grid, face = row.grid, row.face
    top = y + row.top
    bottom = y + row.height
    edges = grid.edges
    if row.fill:
        painter.fillRect(
            QRectF(edges[0], top, edges[-1] - edges[0], bottom - top), QColor(row.fill)
        )
    painter.setFont(face.font)
    painter.setPen(QColor(row.colour))
    if row.span:
        spans = [(edges[0], edges[-1], row.align or "left", row.cells[0])]
    else:
        spans = [
            (edges[i], edges[i + 1], row.align or grid.aligns[i], lines)
            for i, lines in enumerate(row.cells)
        ]
    inner = bottom - top - 2 * grid.pad - grid.rule
    for left, right, align, lines in spans:
        room = right - left - 2 * grid.pad - grid.rule
        x0 = left + grid.rule / 2 + grid.pad
        # Centred in the row's height, as the forms officials fill are.
        baseline = top + grid.rule / 2 + grid.pad + face.ascent
        baseline += (inner - len(lines) * face.line_height) / 2
        for line in lines:
            if line:
                advance = face.advance(line)
                if align == "right":
                    x = x0 + room - advance
                elif align == "center":
                    x = x0 + (room - advance) / 2
                else:
                    x = x0
                painter.drawText(QPointF(x, baseline), line)
            baseline += face.line_height
    if grid.rule:
        if row.top_rule:
            rules.append(QLineF(edges[0], top, edges[-1], top))
        rules.append(QLineF(edges[0], bottom, edges[-1], bottom))
        for x in [edges[0], edges[-1]] if row.span else edges:
            rules.append(QLineF(x, top, x, bottom))


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
