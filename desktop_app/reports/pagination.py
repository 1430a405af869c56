"""Cut a laid-out sheet into pages without breaking a table row.

QTextDocument's own pagination breaks inside rows (a wrapped cell's last
line lands alone on the next page) and leaves a heading at the foot of a page
with its table on the next. Here the document is laid out once as one long
page; the allowed cut points are the tops of top-level paragraphs and of
table data rows, except between a heading and its table and between a
table's header and its first row. Each page is a contiguous slice of the
long page; a page that starts inside a table gets the table's header drawn
above its rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextDocument, QTextTable


@dataclass
class TableBand:
    top: float  # the table's top (its header starts here)
    header_bottom: float  # first data row's top
    bottom: float
    left: float
    right: float
    heading: str = ""  # the section heading above it, repeated with （续） on later pages
    heading_height: float = 0.0


@dataclass
class PageSlice:
    start: float
    end: float
    table: TableBand | None = None  # the table whose header is repeated above the slice
    open_table: TableBand | None = None  # the table cut at the slice's end (draw its bottom line)


def _layout(doc: QTextDocument) -> tuple[list[float], list[TableBand], float]:
    """Allowed cut points, tables, and the document's height."""
    layout = doc.documentLayout()
    cuts: list[float] = []
    tables: list[TableBand] = []
    it = doc.rootFrame().begin()
    heading_pending = False
    heading: tuple[str, float] | None = None  # (text, top) of the heading just seen
    while not it.atEnd():
        frame = it.currentFrame()
        if isinstance(frame, QTextTable):
            rect = layout.frameBoundingRect(frame)
            row_tops = []
            for r in range(frame.rows()):
                tops = [
                    layout.blockBoundingRect(frame.cellAt(r, c).firstCursorPosition().block()).top()
                    for c in range(frame.columns())
                ]
                row_tops.append(min(tops))
            if not heading_pending:
                cuts.append(rect.top())
            cuts.append(rect.bottom())
            if frame.format().border() <= 0:
                # A borderless table is a block of text (the sign-off lines):
                # kept whole, never continued.
                heading_pending = False
                heading = None
                it += 1
                continue
            header_rows = max(frame.format().headerRowCount(), 0)
            first_data = row_tops[header_rows] if header_rows < len(row_tops) else rect.bottom()
            band = TableBand(rect.top(), first_data, rect.bottom(), rect.left(), rect.right())
            if heading_pending and heading is not None:
                band.heading, band.heading_height = heading[0], rect.top() - heading[1]
            tables.append(band)
            # No cut between the header and the first data row, nor before the
            # last row (the total, never left alone at the top of a page).
            cuts += row_tops[header_rows + 1 : -1]
            heading_pending = False
            heading = None
        elif frame is None:
            block = it.currentBlock()
            if block.text().strip():
                top = layout.blockBoundingRect(block).top()
                if not heading_pending:
                    cuts.append(top)
                # A bold paragraph right before a table is its heading: keep them together.
                heading_pending = _is_heading(block)
                heading = (block.text().strip(), top) if heading_pending else None
        it += 1
    height = doc.size().height()
    cuts.append(height)
    return sorted(set(cuts)), tables, height


def _is_heading(block) -> bool:
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid() and fragment.text().strip():
            return fragment.charFormat().fontWeight() >= 600
        it += 1
    return False


def _table_at(tables: list[TableBand], y: float) -> TableBand | None:
    """The table whose data rows y cuts (not one that only starts there)."""
    for t in tables:
        if t.header_bottom <= y < t.bottom and t.top < y:
            return t
    return None


def paginate(doc: QTextDocument, page_height: float) -> list[PageSlice]:
    cuts, tables, height = _layout(doc)
    pages: list[PageSlice] = []
    start = 0.0
    while start < height - 0.5:
        table = _table_at(tables, start) if start > 0 else None
        repeated = (table.header_bottom - table.top + table.heading_height) if table else 0
        room = page_height - repeated
        fitting = [c for c in cuts if start < c <= start + room]
        end = fitting[-1] if fitting else min(start + room, height)  # one unit taller than a page
        if end <= start:
            end = min(start + room, height)
        pages.append(PageSlice(start, end, table, _table_at(tables, end)))
        start = end
    return pages or [PageSlice(0.0, height)]
