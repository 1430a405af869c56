"""A printed sheet as plain data: what the renderers (PDF, print, .xlsx) draw.

No Qt here, so every figure can be tested exactly. Strings a user reads are
already translated by the sheet function (it receives a translate callable).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

TEXT, INT, FLOAT, DATE = "text", "int", "float", "date"


@dataclass
class Column:
    label: str
    kind: str = TEXT  # TEXT, INT, FLOAT or DATE: numbers stay numbers in .xlsx
    width: float = 1.0  # relative width on paper; .xlsx widths derive from it


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Any]]
    heading: str = ""  # section heading above the table ('' for none)
    total: list[Any] | None = None  # a 合计 row, printed bold
    marked: set[int] = field(default_factory=set)  # row indexes to mark (overdue …)
    mark_note: str = ""  # what a mark means, printed under the table
    note: str = ""  # printed under the table (records left out of a column, and why)


@dataclass
class Period:
    start: dt.date | None = None
    end: dt.date | None = None

    def contains(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass
class Sheet:
    key: str
    title: str
    tables: list[Table]
    period_text: str = ""
    unit_text: str = ""
    landscape: bool = False
    notes: list[str] = field(default_factory=list)
    # The sign-off block: (label with its colon, value), in order, e.g.
    # ("填报单位（盖章）：", "中共阳高县委组织部").
    signoff: list[tuple[str, str]] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables)
