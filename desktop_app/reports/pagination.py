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
    while not it.atEnd():
        frame = it.currentFrame()
        if isinstance(frame, QTextTable):
            rect = layout.frameBoundingRect(frame)
            header_rows = max(frame.format().headerRowCount(), 0)
            row_tops = []
            for r in range(frame.rows()):
                tops = [
                    layout.blockBoundingRect(frame.cellAt(r, c).firstCursorPosition().block()).top()
                    for c in range(frame.columns())
                ]
                row_tops.append(min(tops))
            first_data = row_tops[header_rows] if header_rows < len(row_tops) else rect.bottom()
            band = TableBand(rect.top(), first_data, rect.bottom(), rect.left(), rect.right())
            tables.append(band)
            if not heading_pending:
                cuts.append(rect.top())
            # No cut between the header and the first data row: from the second on.
            cuts += row_tops[header_rows + 1 :]
            cuts.append(rect.bottom())
            heading_pending = False
        elif frame is None:
            block = it.currentBlock()
            if block.text().strip():
                top = layout.blockBoundingRect(block).top()
                if not heading_pending:
                    cuts.append(top)
                # A bold paragraph right before a table is its heading: keep them together.
                heading_pending = _is_heading(block)
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
    for t in tables:
        if t.header_bottom <= y < t.bottom:
            return t
    return None


def paginate(doc: QTextDocument, page_height: float) -> list[PageSlice]:
    cuts, tables, height = _layout(doc)
    pages: list[PageSlice] = []
    start = 0.0
    while start < height - 0.5:
        table = _table_at(tables, start) if start > 0 else None
        room = page_height - ((table.header_bottom - table.top) if table else 0)
        fitting = [c for c in cuts if start < c <= start + room]
        end = fitting[-1] if fitting else min(start + room, height)  # one unit taller than a page
        if end <= start:
            end = min(start + room, height)
        pages.append(PageSlice(start, end, table, _table_at(tables, end)))
        start = end
    return pages or [PageSlice(0.0, height)]
