"""Lay a Sheet out as bands for the page: measured, wrapped, ready to draw.

Everything is measured in the fonts the sheet is printed in, on the device it
is printed on (a PDF writer or a printer), so the preview, the paper and the
PDF are the same pages. Columns are sized from their content (column_widths);
cells wrap as Chinese typesetting does (text_wrap); pagination cuts between
bands (pagination). Painting the bands is paper.py's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPaintDevice

from desktop_app.reports.column_widths import ColumnNeed, allot, measure_table
from desktop_app.reports.model import DATE, FLOAT, INT, Sheet, Table
from desktop_app.reports.pagination import Band
from desktop_app.reports.text_wrap import wrap

BODY_PT = 10
# The tables' cell padding and rule, in CSS pixels (1/96 inch).
CELL_PADDING_PX = 3
BORDER_PX = 1
HEADER_FILL = "#e8e8e8"
MARK_COLOUR = "#b00020"


@dataclass
class Face:
    """A font with its measures on the device."""

    font: QFont
    line_height: float
    ascent: float
    _advance: Callable[[str], float]
    _cache: dict[str, float] = field(default_factory=dict)

    def advance(self, text: str) -> float:
        width = self._cache.get(text)
        if width is None:
            width = self._cache[text] = self._advance(text)
        return width


# Sheets are laid out in pixels of this resolution, whatever they are drawn on.
LAYOUT_DPI = 300
_REFERENCE: list[QImage] = []


def reference_device() -> QImage:
    """A paint device of LAYOUT_DPI that fonts are measured on (one, kept)."""
    if not _REFERENCE:
        image = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(LAYOUT_DPI / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        _REFERENCE.append(image)
    return _REFERENCE[0]


def make_face(font: QFont, device: QPaintDevice) -> Face:
    metrics = QFontMetricsF(font, device)
    return Face(font, metrics.lineSpacing(), metrics.ascent(), metrics.horizontalAdvance)


@dataclass
class Paragraph:
    lines: list[str]
    face: Face
    align: str = "left"  # left or center
    top: float = 0.0  # space above the first line
    bottom: float = 0.0  # space below the last line
    colour: str = "#000000"
    width: float = 0.0  # the line's width, for centring

    @property
    def height(self) -> float:
        return self.top + len(self.lines) * self.face.line_height + self.bottom


@dataclass
class Grid:
    """A table's columns: their edges from left to right, and each one's alignment."""

    edges: list[float]
    aligns: list[str]
    pad: float
    rule: float  # the ruling lines' width (0: a borderless block such as the sign-off)


@dataclass
class Row:
    grid: Grid
    cells: list[list[str]]  # each cell's lines; one cell spanning all columns if span
    face: Face
    fill: str | None = None
    colour: str = "#000000"
    align: str | None = None  # overrides the columns' (headers are centred)
    span: bool = False
    top_rule: bool = False  # the first row of a table (on each page) draws the top rule
    top: float = 0.0  # space above the row (outside the table)

    @property
    def content_height(self) -> float:
        most = max((len(c) for c in self.cells), default=1)
        return max(most, 1) * self.face.line_height

    @property
    def height(self) -> float:
        return self.top + self.content_height + 2 * self.grid.pad + self.grid.rule


def paragraph_band(para: Paragraph, *, keep: bool = False) -> Band:
    """A paragraph's band; one taller than a page goes on between two of its lines."""
    band = Band(para.height, para, keep_with_next=keep)
    band.split = lambda room: _split_paragraph(para, room)
    return band


def _split_paragraph(para: Paragraph, room: float) -> tuple[Band, Band] | None:
    lines = int((room - para.top) // para.face.line_height)
    if lines < 1 or lines >= len(para.lines):
        return None
    first = replace(para, lines=para.lines[:lines], bottom=0.0)
    rest = replace(para, lines=para.lines[lines:], top=0.0)
    return Band(first.height, first), paragraph_band(rest)


def row_band(row: Row, *, table: int | None = None, keep: bool = False) -> Band:
    band = Band(row.height, row, keep_with_next=keep, table=table)
    if table is not None:
        band.split = lambda room: _split_row(row, room, table)
    return band


def _split_row(row: Row, room: float, table: int) -> tuple[Band, Band] | None:
    """A row taller than a page, cut between two lines of its text."""
    lines = int((room - row.top - 2 * row.grid.pad - row.grid.rule) // row.face.line_height)
    most = max(len(c) for c in row.cells)
    if lines < 1 or lines >= most:
        return None
    first = replace(row, cells=[c[:lines] for c in row.cells])
    rest = replace(row, cells=[c[lines:] for c in row.cells], top=0.0, top_rule=False)
    return Band(first.height, first, table=table), row_band(rest, table=table)


def format_cell(value, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind == DATE and hasattr(value, "isoformat"):
        return value.isoformat()
    if kind == INT and isinstance(value, float) and value.is_integer():
        value = int(value)
    if kind == FLOAT and isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{int(value):,}"
        return "0" if text == "-0" else text  # -0.001 rounds to 0, not to "-0"
    if kind in (INT, FLOAT) and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    return str(value)


def cell_texts(table: Table) -> list[list[str]]:
    """The table's rows as printed (the 合计 row last): what is drawn and measured."""
    rows = [*table.rows, *([table.total] if table.total is not None else [])]
    out = []
    for i, row in enumerate(rows):
        texts = [format_cell(v, c.kind) for c, v in zip(table.columns, row, strict=False)]
        texts += [""] * (len(table.columns) - len(texts))
        if i in table.marked and i < len(table.rows) and texts:
            texts[0] = "★" + texts[0]
        out.append(texts)
    return out


def _min_width(column) -> float:
    """A column's relative width when the content cannot be fitted: never
    narrower than its header or a date needs."""
    need = 0.14 * len(column.label) + 0.2
    if column.kind == DATE:
        need = max(need, 0.95)
    return max(column.width, need)


def _columns_key(table: Table) -> tuple:
    return tuple((c.label, c.kind, c.width) for c in table.columns)


class SheetLayout:
    """The sheet's bands in layout units, and the header repeated on continuation pages."""

    def __init__(self, sheet: Sheet, width: float, body: str, heading: str) -> None:
        from desktop_app.reports.paper import print_font  # the fonts' one definition

        device = reference_device()
        self.sheet = sheet
        self.width = width
        px = LAYOUT_DPI / 96  # layout pixels per CSS pixel
        self.px = px
        self.pad = CELL_PADDING_PX * px
        self.rule = BORDER_PX * px

        def face(family: str, points: float, bold: bool = False) -> Face:
            font = print_font(family, points)
            font.setBold(bold)
            return make_face(font, device)

        self.body = face(body, BODY_PT)
        self.bold = face(body, BODY_PT, True)
        self.title = face(heading, 16, True)
        self.section = face(heading, 11, True)
        self.small = face(body, 9)
        self.repeats: dict[int, list[Band]] = {}
        self.bands: list[Band] = []
        self._build()

    # -------------------------------------------------------------- building

    def _paragraph(self, text: str, face: Face, **kw) -> Paragraph:
        return Paragraph(wrap(text, self.width, face.advance), face, width=self.width, **kw)

    def _build(self) -> None:
        sheet, px = self.sheet, self.px
        out = self.bands
        title = self._paragraph(sheet.title, self.title, align="center", bottom=6 * px)
        out.append(paragraph_band(title, keep=True))
        sub = "　".join(x for x in (sheet.period_text, sheet.unit_text) if x)
        if sub:
            para = self._paragraph(sub, self.body, align="center", bottom=4 * px)
            out.append(paragraph_band(para, keep=True))
        grids = self._grids()
        last_table = len(sheet.tables) - 1
        for n, table in enumerate(sheet.tables):
            # The last table's end stays with the sign-off: officials sign under the figures.
            ends_sheet = n == last_table and bool(sheet.signoff)
            self._table(n, table, grids[n], ends_sheet)
        for note in sheet.notes:
            para = self._paragraph(note, self.body, top=4 * px)
            out.append(paragraph_band(para, keep=bool(sheet.signoff)))
        if sheet.signoff:
            out.append(self._signoff())

    def _table(self, n: int, table: Table, grid: Grid, ends_sheet: bool) -> None:
        px, out = self.px, self.bands
        if table.heading:
            para = self._paragraph(table.heading, self.section, top=8 * px, bottom=3 * px)
            out.append(paragraph_band(para, keep=True))
        header = self._row(
            grid, [c.label for c in table.columns], self.bold, fill=HEADER_FILL, align="center"
        )
        header.top_rule = True
        out.append(row_band(header, keep=True))
        repeat = []
        if table.heading:
            text = QCoreApplication.translate("Paper", "%1 (continued)").replace(
                "%1", table.heading
            )
            para = self._paragraph(text, self.section, bottom=3 * px)
            repeat.append(paragraph_band(para, keep=True))
        repeat.append(Band(header.height, header, keep_with_next=True))
        self.repeats[n] = repeat
        texts = cell_texts(table)
        rows = []
        for i, row_text in enumerate(texts):
            is_total = table.total is not None and i == len(table.rows)
            marked = not is_total and i in table.marked
            face = self.bold if is_total else self.body
            rows.append(self._row(grid, row_text, face, colour=MARK_COLOUR if marked else None))
        if not texts:
            none = QCoreApplication.translate("Paper", "No records")
            row = Row(grid, [wrap(none, self.width, self.body.advance)], self.body, span=True)
            row.align = "center"
            rows.append(row)
        notes = []
        if table.marked and table.mark_note:
            notes.append(self._paragraph("★ " + table.mark_note, self.small, top=3 * px))
        if table.note:
            notes.append(self._paragraph(table.note, self.small, top=3 * px))
        for i, row in enumerate(rows):
            last = i == len(rows) - 1
            # Never a lone last row (the 合计) at a page's top.
            keep = i == len(rows) - 2 or (last and (bool(notes) or ends_sheet))
            out.append(row_band(row, table=n, keep=keep))
        for para in notes:
            out.append(paragraph_band(para, keep=ends_sheet))

    def _row(self, grid: Grid, texts: list[str], face: Face, **kw) -> Row:
        cells = []
        for i, text in enumerate(texts):
            room = grid.edges[i + 1] - grid.edges[i] - 2 * grid.pad - grid.rule
            cells.append(wrap(text, room, face.advance) if text else [""])
        colour = kw.pop("colour", None) or "#000000"
        return Row(grid, cells, face, colour=colour, **kw)

    def _signoff(self) -> Band:
        """Two lines a row, borderless, as official forms end; kept whole."""
        half = self.width / 2
        grid = Grid([0.0, half, self.width], ["left", "left"], 6 * self.px, 0.0)
        texts = [label + value for label, value in self.sheet.signoff]
        rows = []
        for i in range(0, len(texts), 2):
            pair = texts[i : i + 2] + [""] * (2 - len(texts[i : i + 2]))
            rows.append(self._row(grid, pair, self.body))
        rows[0].top = 10 * self.px
        return Band(sum(r.height for r in rows), rows)

    # -------------------------------------------------------------- columns

    def _grids(self) -> list[Grid]:
        """Each table's column edges: content-sized where the unbreakable
        content fits the page (tables with the same columns line up), else
        divided by the declared weights."""
        overhead = 2 * self.pad + self.rule
        shared: dict[tuple, list[ColumnNeed]] = {}
        faces = {False: self.body, True: self.bold}
        for table in self.sheet.tables:
            needs = measure_table(table, cell_texts(table), lambda t, b: faces[b].advance(t))
            seen = shared.setdefault(_columns_key(table), needs)
            for mine, theirs in zip(needs, seen, strict=True):
                for tier in ("hard", "readable", "full", "header"):
                    setattr(theirs, tier, max(getattr(mine, tier), getattr(theirs, tier)))
        grids = []
        for table in self.sheet.tables:
            needs = shared[_columns_key(table)]
            room = self.width - overhead * len(needs)
            content = allot(needs, [c.width for c in table.columns], room)
            if content is None:
                weights = [_min_width(c) for c in table.columns]
                widths = [self.width * w / sum(weights) for w in weights]
            else:
                widths = [w + overhead for w in content]
            edges = [0.0]
            for w in widths:
                edges.append(edges[-1] + w)
            edges[-1] = self.width  # rounding never leaves a sliver
            aligns = [
                "right" if c.kind in (INT, FLOAT) else "center" if c.kind == DATE else "left"
                for c in table.columns
            ]
            grids.append(Grid(edges, aligns, self.pad, self.rule))
        return grids
