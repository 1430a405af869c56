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
    QFontMetricsF,
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
from desktop_app.reports.sheet_bands import (
    LAYOUT_DPI,
    Paragraph,
    Row,
    SheetLayout,
    reference_device,
)

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
    rule the print date, the ledger code and 第 x 页 共 y 页.

    The pages are laid out at LAYOUT_DPI whatever the device's resolution (the
    preview's printer has 1200 dpi, the PDF 300), and the painter scaled to the
    device: the preview, the paper and the PDF break lines and pages alike."""
    fonts = sheet_fonts()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("Paper", "Cannot write to the printer or file."))
    try:
        painter.scale(device.logicalDpiX() / LAYOUT_DPI, device.logicalDpiY() / LAYOUT_DPI)
        on_device = FontsOnDevice(LAYOUT_DPI / device.logicalDpiY())
        rect = device.pageLayout().paintRectPixels(LAYOUT_DPI)
        width, height = rect.width(), rect.height()
        furniture = print_font(fonts.body)
        furniture.setPointSizeF(8.5)
        furniture_metrics = QFontMetricsF(furniture, reference_device())
        band = furniture_metrics.height() * 2.2  # header and footer bands
        gap = band * 0.15  # between the header's rule and the body
        layout = SheetLayout(sheet, width, fonts.body, fonts.heading)
        room = height - 2 * band - gap
        pages = paginate(layout.bands, room, layout.repeats.__getitem__)
        printed = (info.printed_on or dt.date.today()).isoformat()
        left = QCoreApplication.translate("Paper", "Printed %1").replace("%1", printed)
        if info.footer_code:
            left += "　" + QCoreApplication.translate("Paper", "Ledger code %1").replace(
                "%1", info.footer_code
            )
        # The clip reaches half a rule past the body, so outer rules are whole.
        half = layout.rule
        body = QRectF(-half, band + gap - half, width + 2 * half, room + 2 * half)
        furniture_pen = _pen(layout.rule)
        for number, bands in enumerate(pages):
            if number:
                device.newPage()
            top = QRectF(0, 0, width, band)
            painter.setPen(QColor("#000000"))
            _draw_line_text(
                painter,
                on_device(furniture),
                furniture_metrics,
                top,
                info.organization,
                sheet.title,
            )
            painter.setPen(furniture_pen)
            painter.drawLine(QPointF(0, band - 2), QPointF(width, band - 2))
            painter.save()
            painter.setClipRect(body)  # a row taller than a page stays above the footer
            y = band + gap
            rules: list[QLineF] = []
            for item in bands:
                paint_band(painter, item.payload, y, rules, on_device)
                y += item.height
            if rules:  # one call a page: ten thousand separate lines took a fifth of the time
                painter.setPen(_pen(layout.rule))
                painter.drawLines(rules)
            painter.restore()
            bottom = QRectF(0, height - band, width, band)
            painter.setPen(furniture_pen)
            painter.drawLine(QPointF(0, height - band + 2), QPointF(width, height - band + 2))
            page_text = (
                QCoreApplication.translate("Paper", "Page %1 of %2")
                .replace("%1", str(number + 1))
                .replace("%2", str(len(pages)))
            )
            painter.setPen(QColor("#000000"))
            _draw_line_text(
                painter, on_device(furniture), furniture_metrics, bottom, left, "", page_text
            )
        return len(pages)
    finally:
        painter.end()


class FontsOnDevice:
    """The fonts to set on a painter scaled from layout units to the device: a
    font's points are turned into pixels by the device's resolution, so under
    the scale they are made that much smaller (a cache, one copy a font)."""

    def __init__(self, factor: float) -> None:
        self.factor = factor
        self._fonts: dict[int, tuple[QFont, QFont]] = {}

    def __call__(self, font: QFont) -> QFont:
        if abs(self.factor - 1) < 1e-9:
            return font
        found = self._fonts.get(id(font))
        if found is None or found[0] is not font:
            scaled = QFont(font)
            scaled.setPointSizeF(font.pointSizeF() * self.factor)
            found = self._fonts[id(font)] = (font, scaled)
        return found[1]


def paint_band(
    painter: QPainter, payload, y: float, rules: list[QLineF], on_device: FontsOnDevice
) -> None:
    """One band of the body at y: a paragraph, a table row, or the sign-off rows.
    A row's ruling lines are added to rules, for the caller to draw."""
    if isinstance(payload, Paragraph):
        _paint_paragraph(painter, payload, y, on_device)
    elif isinstance(payload, Row):
        _paint_row(painter, payload, y, rules, on_device)
    elif isinstance(payload, list):
        for row in payload:
            _paint_row(painter, row, y, rules, on_device)
            y += row.height


def _paint_paragraph(
    painter: QPainter, para: Paragraph, y: float, on_device: FontsOnDevice
) -> None:
    face = para.face
    painter.setFont(on_device(face.font))
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


def _paint_row(
    painter: QPainter, row: Row, y: float, rules: list[QLineF], on_device: FontsOnDevice
) -> None:
    grid, face = row.grid, row.face
    top = y + row.top
    bottom = y + row.height
    edges = grid.edges
    if row.fill:
        painter.fillRect(
            QRectF(edges[0], top, edges[-1] - edges[0], bottom - top), QColor(row.fill)
        )
    painter.setFont(on_device(face.font))
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
    painter: QPainter,
    font: QFont,
    metrics: QFontMetricsF,
    rect: QRectF,
    left: str,
    right: str,
    centre: str = "",
) -> None:
    """One line of page furniture (left, centre, right). The centre keeps the
    middle of the line; left and right share the rest, the longer one taking
    what the other leaves, and what still does not fit ends in …."""
    painter.save()
    painter.setFont(font)
    w = rect.width()
    gap = metrics.horizontalAdvance("国")
    middle = metrics.horizontalAdvance(centre) + 2 * gap if centre else 0.0
    side = (w - middle) / 2
    want_left, want_right = metrics.horizontalAdvance(left), metrics.horizontalAdvance(right)
    if want_left + want_right + gap <= w - middle:
        left_w, right_w = w - middle - want_right - gap, want_right
    elif want_right <= side:
        left_w, right_w = w - middle - want_right - gap, want_right
    elif want_left <= side:
        left_w, right_w = want_left, w - middle - want_left - gap
    else:
        left_w = right_w = side - gap / 2
    elide = Qt.TextElideMode.ElideRight
    vcenter = Qt.AlignmentFlag.AlignVCenter
    for text, x, width, align in (
        (left, 0.0, left_w, Qt.AlignmentFlag.AlignLeft),
        (centre, (w - middle) / 2, middle, Qt.AlignmentFlag.AlignHCenter),
        (right, w - right_w, right_w, Qt.AlignmentFlag.AlignRight),
    ):
        if text and width > 0:
            shown = metrics.elidedText(text, elide, width)
            box = QRectF(rect.left() + x, rect.top(), width, rect.height())
            painter.drawText(box, int(align | vcenter), shown)
    painter.restore()


def write_pdf(sheet: Sheet, path: str | Path, info: PageInfo) -> int:
    """Write the sheet as a PDF file (fonts embedded); returns the page count."""
    path = Path(path)
    if path.is_dir() or not path.name:
        raise IsADirectoryError(f"{path} is a folder")
    tmp = path.with_name(path.name + ".part")
    try:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(page_layout(sheet))
        writer.setTitle(sheet.title)
        writer.setCreator("Cooperation Ledger")
        pages = paint_sheet(sheet, writer, info)
        del writer  # the file is finished when the writer goes
        mend_text_layer(tmp)  # so copying and searching the PDF give 人才, not ⼈才
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)  # a sheet that failed leaves no half file behind
    return pages
