"""Cut a sheet's bands into pages, as a typesetter does.

A sheet is laid out as a column of bands: the title, a table's heading, its
header row, each data row, a note, the sign-off block. Pages are filled band
by band with these rules:
- a band marked keep_with_next goes on the same page as the band after it
  (a heading with its table, a header with its first row, the row before the
  last so that a total is never alone, the last row with the sign-off);
- a page that continues a table starts with that table's heading, marked
  （续）, and its header row (repeat(table) gives those bands);
- a band taller than a whole page is split where its split() says (a row
  between two lines of its text), never sliced through a line.
No Qt here: bands carry their height and what the painter needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Band:
    height: float
    payload: Any = None  # what the painter draws
    keep_with_next: bool = False
    table: int | None = None  # a data row of this table: a new page repeats its header
    # Split to fit a height: (the part that fits, the rest), or None if it cannot.
    split: Callable[[float], tuple[Band, Band] | None] | None = field(default=None, repr=False)


@dataclass
class Page:
    bands: list[Band] = field(default_factory=list)
    used: float = 0.0
    fresh: bool = True  # holds nothing but the repeated header of a table

    def add(self, band: Band, *, repeated: bool = False) -> None:
        self.bands.append(band)
        self.used += band.height
        self.fresh = self.fresh and repeated


def paginate(
    bands: list[Band], page_height: float, repeat: Callable[[int], list[Band]]
) -> list[list[Band]]:
    """The bands of each page, in order (at least one page)."""
    pages: list[Page] = []

    def repeated(band: Band) -> list[Band]:
        return repeat(band.table) if band.table is not None and pages else []

    def new_page(next_band: Band) -> Page:
        page = Page()
        for b in repeated(next_band):
            page.add(b, repeated=True)
        pages.append(page)
        return page

    page = Page()
    pages.append(page)
    i = 0
    queue = list(bands)
    while i < len(queue):
        j = i
        while j < len(queue) - 1 and queue[j].keep_with_next:
            j += 1
        height = sum(b.height for b in queue[i : j + 1])
        room = page_height - page.used
        if height <= room:
            for b in queue[i : j + 1]:
                page.add(b)
            i = j + 1
            continue
        band = queue[i]
        # The room a new page would give (less the header it repeats).
        fresh_room = page_height - sum(b.height for b in repeated(band))
        if height <= fresh_room and not page.fresh:
            page = new_page(band)
            continue
        # Kept together it fits no page: fill this one band by band instead.
        if band.height <= room:
            if band.keep_with_next and band.split is not None and band.table is not None:
                # Leave a piece of the row for what it is kept with (a total never alone).
                parts = band.split(min(room, band.height - 0.001))
                if parts is not None:
                    first, rest = parts
                    rest.keep_with_next = True
                    page.add(first)
                    queue[i] = rest
                    page = new_page(rest)
                    continue
            page.add(band)
            i += 1
            continue
        if band.height <= fresh_room and not page.fresh:
            page = new_page(band)
            continue
        # Taller than a page: split where this page ends, or on a new one.
        parts = band.split(room) if band.split is not None else None
        if parts is not None:
            first, rest = parts
            rest.keep_with_next = band.keep_with_next  # the total stays with the last part
            page.add(first)
            queue[i] = rest
            page = new_page(rest)
            continue
        if not page.fresh:
            page = new_page(band)
            continue
        page.add(band)  # nothing to split at: it runs past the page's foot, clipped
        i += 1
        if i < len(queue):
            page = new_page(queue[i])
    return [p.bands for p in pages if p.bands] or [[]]
