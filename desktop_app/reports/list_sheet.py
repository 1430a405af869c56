"""Any list page as a sheet: its filter, its sort and its visible columns."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.records import queries
from desktop_app.records.specs import DATE as F_DATE
from desktop_app.records.specs import FLOAT as F_FLOAT
from desktop_app.records.specs import INT as F_INT
from desktop_app.records.specs import QT_TRANSLATE_NOOP
from desktop_app.reports.model import DATE, FLOAT, INT, TEXT, Column, Sheet, Table

_KINDS = {F_DATE: DATE, F_INT: INT, F_FLOAT: FLOAT}
PAGE = 2000


def list_sheet(
    query: queries.ListQuery,
    column_names: list[str],
    t: Callable[[str, str], str] = lambda _c, s: s,
) -> Sheet:
    """column_names: the visible columns in the order shown."""
    spec = query.spec
    index = {f.name: i for i, f in enumerate(spec.columns, start=1)}
    fields = [spec.field(n) for n in column_names]
    columns = [Column(t("Sheet", QT_TRANSLATE_NOOP("Sheet", "No.")), INT, 0.35)]
    columns += [
        Column(t("Field", f.label), _KINDS.get(f.kind, TEXT), max(0.5, f.width / 100))
        for f in fields
    ]
    rows: list[list] = []
    offset = 0
    while True:
        page = queries.fetch_page(query, offset, PAGE)
        for r in page:
            rows.append([len(rows) + 1, *(r[index[f.name]] for f in fields)])
        if len(page) < PAGE:
            break
        offset += PAGE
    title = t("Record", spec.label)
    filters = []
    if query.search:
        filters.append(
            t("Sheet", QT_TRANSLATE_NOOP("Sheet", "Search: %1")).replace("%1", query.search)
        )
    if query.year:
        filters.append(
            t("Sheet", QT_TRANSLATE_NOOP("Sheet", "Year: %1")).replace("%1", str(query.year))
        )
    for value in (query.type_value, query.status_value):
        if value:
            filters.append(value)
    width = sum(c.width for c in columns)
    return Sheet(
        key=f"list_{spec.key}",
        title=title,
        tables=[Table(columns, rows)],
        period_text="　".join(filters),
        landscape=width > 8,
    )
