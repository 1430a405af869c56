"""Size a table's columns from what they hold, as a typesetter would.

Measured in the font the sheet is printed in, each column wants, in turn:
- hard: its widest piece that no line may be broken inside. A number, a
  date, a phone or ID number, an e-mail address, a Latin word is one piece;
  Chinese may break between any two characters, so there a piece is one
  character; a header breaks only at spaces (序号 never becomes 序 / 号);
- readable: free text at least a few characters wide;
- full: every cell on one line;
- header: its header on one line too (a header wraps once a page, a cell
  once a row).

allot gives every column its hard width, then each want in turn as far as
the room goes. A want that cannot be met in full is shared out by level:
short cells (a name, a category) get all they want, long free text the rest
in proportion to the sheet's declared weights, and wraps. Room to spare
after all of them is shared by weight.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop_app.reports.model import DATE, FLOAT, INT, Table

# Scripts that break between characters (CJK ideographs, kana, hangul, full-width forms).
_CJK = "\u2e80-\u2fdf\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_PIECES = re.compile(f"[^\\s{_CJK}]+|[{_CJK}]")
_HAS_BREAK = re.compile(f"[\\s{_CJK}]")


def pieces(line: str) -> list[str]:
    """The parts of a line of free text that must stay on one line."""
    return _PIECES.findall(line)


def unbreakable(text: str, kind: str) -> bool:
    """Whether a cell is printed on one line whatever the column's width:
    numbers and dates, and text with nowhere to break (13800000216, an ID
    number, a@b.cn). Such text is broken by Qt only when the column is too
    narrow, and then anywhere, which is what this module prevents."""
    return kind in (INT, FLOAT, DATE) or (bool(text) and not _HAS_BREAK.search(text))


# Free text narrower than this many characters reads one word a line.
READABLE_CHARS = 4


@dataclass
class ColumnNeed:
    hard: float = 0.0  # widest unbreakable piece, header words included
    readable: float = 0.0  # free text READABLE_CHARS wide, or its full width if less
    full: float = 0.0  # widest cell on one line (at least readable)
    header: float = 0.0  # the header on one line (at least full)


def measure_table(
    table: Table,
    cells: Sequence[Sequence[str]],
    advance: Callable[[str, bool], float],
) -> list[ColumnNeed]:
    """cells: the table's rows as printed text (total row last, if any);
    advance(text, bold) is the printed width of text."""
    cache: dict[tuple[str, bool], float] = {}

    def width(text: str, bold: bool) -> float:
        key = (text, bold)
        if key not in cache:
            cache[key] = advance(text, bold)
        return cache[key]

    needs = []
    total_index = len(cells) - 1 if table.total is not None else -1
    readable = READABLE_CHARS * width("国", False)
    for i, column in enumerate(table.columns):
        need = ColumnNeed()
        free_text = False
        for word in column.label.split():  # headers are bold
            need.hard = max(need.hard, width(word, True))
        for r, row in enumerate(cells):
            text = row[i] if i < len(row) else ""
            if not text:
                continue
            bold = r == total_index
            for line in text.split("\n"):
                full = width(line, bold)
                need.full = max(need.full, full)
                if unbreakable(line, column.kind):
                    need.hard = max(need.hard, full)
                else:
                    free_text = True
                    if full <= need.hard:  # no piece of it can be wider
                        continue
                    for piece in pieces(line):
                        need.hard = max(need.hard, width(piece, bold))
        need.full = max(need.full, need.hard)
        need.readable = max(need.hard, min(need.full, readable)) if free_text else need.hard
        need.header = max(need.full, width(column.label, True))
        needs.append(need)
    return needs


# No column's unbreakable content may claim more than this share of the row:
# one long web address in a 备注 once squeezed every other column of a roster
# to four characters (and 6 pages to 17); beyond it such a word is cut.
HARD_SHARE = 0.3


def allot(needs: Sequence[ColumnNeed], weights: Sequence[float], room: float) -> list[float] | None:
    """Content widths that add up to room, the wants met in the order the module
    describes; None when not even the hard widths fit."""
    if sum(n.hard for n in needs) > room:
        return None
    cap = room * HARD_SHARE if len(needs) > 1 else room
    hard = [min(n.hard, cap) for n in needs]
    readable = [max(h, min(n.readable, cap)) for h, n in zip(hard, needs, strict=True)]
    tiers = [
        hard,
        readable,
        [max(r, n.full) for r, n in zip(readable, needs, strict=True)],
        [max(r, n.header) for r, n in zip(readable, needs, strict=True)],
    ]
    weights = [max(w, 0.01) for w in weights]
    for low, high in zip(tiers, tiers[1:], strict=False):
        if sum(high) > room:
            return _level(
                lambda lv, low=low, high=high: [
                    a + min(b - a, lv * w) for a, b, w in zip(low, high, weights, strict=True)
                ],
                room,
            )
    top = tiers[-1]
    return _level(lambda lv: [max(a, lv * w) for a, w in zip(top, weights, strict=True)], room)


def _level(widths_at: Callable[[float], list[float]], room: float) -> list[float]:
    """widths_at(level) for the level at which they add up to room (they grow with it)."""
    low, high = 0.0, 1.0
    while sum(widths_at(high)) < room and high < 1e12:
        high *= 2
    for _ in range(60):
        mid = (low + high) / 2
        if sum(widths_at(mid)) < room:
            low = mid
        else:
            high = mid
    return widths_at(high)
