"""List queries: search, filters, sort and paging, all in SQL.

The table model asks for a count and then for pages of rows; nothing here
loads every row into Python, so a list of 100,000 records opens as fast as
one of 100.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

import peewee as pw

from desktop_app.records import search_index
from desktop_app.records.links import link_fields
from desktop_app.records.specs import DATE, FK, INT, LINKS, MULTICHOICE, RecordSpec, spec_for
from desktop_app.records.values import join_multi, split_multi
from desktop_app.store.db import database_proxy


@dataclass
class ListQuery:
    spec: RecordSpec
    search: str = ""
    year: int | None = None
    unit_id: int | None = None
    type_value: str | None = None
    status_value: str | None = None
    sort_field: str | None = None
    descending: bool = False
    ids: list[int] | None = None  # restrict to these records (dossiers)
    undated: bool = False  # only records whose date is not filled in (year_field empty)
    extra: dict[str, Any] = field(default_factory=dict)


class _Plan:
    """The columns and joins of one list query (aliases made once)."""

    def __init__(self, spec: RecordSpec):
        self.spec = spec
        self.model = spec.model
        self.aliases: dict[str, type[pw.Model]] = {}
        for f in spec.fields:
            if f.kind == FK and (f.name in spec.list_columns or f.name in spec.search_fields):
                self.aliases[f.name] = spec_for(f.target).model.alias(f"fk_{f.name}")

    def fk_title(self, name: str) -> pw.Field:
        f = self.spec.field(name)
        target = spec_for(f.target)
        return getattr(self.aliases[name], target.title_field)

    def base_select(
        self, *columns, joins: list[str] | None = None, inner: str | None = None
    ) -> pw.ModelSelect:
        """Select columns, LEFT JOINed to the FK targets named in joins (default
        all); inner: the one FK target INNER JOINed, first (see _fk_page)."""
        if inner is not None:
            # The target first, CROSS JOINed: SQLite then keeps it the outer
            # loop (the walk along its sort index) instead of weighing the
            # other order, which it took for some column lists and which sorts
            # the whole table (1 s at a million activities). Elsewhere a CROSS
            # JOIN with its condition in WHERE is the same inner join.
            alias = self.aliases[inner]
            fk = getattr(self.model, f"{inner}_id")
            query = (
                alias.select(*columns)
                .join_from(alias, self.model, pw.JOIN.CROSS)
                .where(fk == alias.id)
            )
        else:
            query = self.model.select(*columns)
        for name, alias in self.aliases.items():
            if name == inner or (joins is not None and name not in joins):
                continue
            query = query.join_from(
                self.model,
                alias,
                pw.JOIN.LEFT_OUTER,
                on=(getattr(self.model, f"{name}_id") == alias.id),
            )
        return query

    def display_columns(self) -> list[pw.Node]:
        out: list[pw.Node] = [self.model.id]
        for f in self.spec.columns:
            if f.kind == FK:
                out.append(self.fk_title(f.name))
            elif f.kind == LINKS:
                out.append(pw.SQL("NULL"))  # filled per page, see fetch_page
            else:
                out.append(getattr(self.model, f.name))
        return out


# Above this many hits a page is found by walking the sorted rows, below it by
# fetching the hits (a rare word's 427 hits would leave a walk of a million rows).
MANY_HITS = 5_000


def _filtered(
    plan: _Plan, q: ListQuery, query: pw.ModelSelect, wanted: int | None = None
) -> pw.ModelSelect:
    """query limited to q's records; wanted: how many rows the caller takes in
    its order (offset + limit of a page), None for all of them."""
    spec, model = q.spec, plan.model
    hits = q.extra.get("hits", 0)
    terms = search_index.words(q.search)
    indexed = bool(terms) and search_index.exists(model._meta.database)
    found = [t for t in terms if indexed and search_index.exact(t)]
    if found:
        # Words of Chinese characters (or of ASCII letters and digits): the
        # index holds exactly the records whose search fields (or linked names)
        # hold them, as LIKE would find; a scan of a million rows took 0.7 s,
        # the index a few milliseconds. All of them in one MATCH.
        if (
            wanted is not None
            and all(search_index.probeable(t) for t in found)
            and search_index.probing_cheaper(hits, _rows_estimate(model), wanted)
        ):
            # A word most records hold (大学 in 770,000 of a million): the
            # page walks its order and asks the index about each record it
            # passes (10 ms), rather than listing every hit first (120 ms).
            query = query.where(search_index.holds(spec.key, found, model.id))
        elif hits > MANY_HITS:
            # Many hits: walk the sort's own index and keep the rows found
            # (+ keeps SQLite from fetching each hit by its id and sorting
            # them all: 110 ms for 57,709 hits, against 19 ms).
            ids = search_index.matching_ids(spec.key, found)
            query = query.where(pw.NodeList((pw.SQL("+"), model.id), glue="").in_(ids))
        else:
            query = query.where(model.id.in_(search_index.matching_ids(spec.key, found)))
    for term in terms:
        if term in found:
            continue
        query = query.where(
            reduce(operator.or_, [_matches(plan, name, term) for name in spec.search_fields])
        )
    if q.year and (spec.year_field or _has_year(spec)):
        if spec.year_field and spec.until_field:
            # Present in the year: started by its end, not ended before its start.
            start, until = getattr(model, spec.year_field), getattr(model, spec.until_field)
            query = query.where(
                (start < dt.date(q.year + 1, 1, 1))
                & (until.is_null() | (until >= dt.date(q.year, 1, 1)))
            )
        elif spec.year_field:
            column = getattr(model, spec.year_field)
            query = query.where(
                (column >= dt.date(q.year, 1, 1)) & (column < dt.date(q.year + 1, 1, 1))
            )
        else:
            query = query.where(model.year == q.year)
    if q.undated and spec.year_field:
        # The records a period's sheet counts in 累计 only: found to be dated.
        query = query.where(getattr(model, spec.year_field).is_null())
    if q.unit_id and spec.unit_field:
        query = query.where(getattr(model, f"{spec.unit_field}_id") == q.unit_id)
    if q.type_value and spec.type_field:
        query = query.where(getattr(model, spec.type_field) == q.type_value)
    if q.status_value and spec.status_field:
        query = query.where(getattr(model, spec.status_field) == q.status_value)
    if q.ids is not None:
        query = query.where(model.id.in_(q.ids or [0]))
    return query


def _rows_estimate(model: type[pw.Model]) -> int:
    """About how many records the table holds (its highest id: one seek)."""
    return model.select(pw.fn.MAX(model.id)).scalar() or 0


def _has_year(spec: RecordSpec) -> bool:
    return any(f.name == "year" and f.kind == INT for f in spec.fields)


def supports_year(spec: RecordSpec) -> bool:
    return bool(spec.year_field) or _has_year(spec)


def _matches(plan: _Plan, name: str, term: str) -> pw.Expression:
    spec, model = plan.spec, plan.model
    f = spec.field(name)
    if f.kind == FK:
        return plan.fk_title(name).contains(term)
    if f.kind == LINKS:
        target = spec_for(f.target)
        owner_fk, target_fk = link_fields(spec, f.through)
        matching = getattr(target.model, target.title_field).contains(term)
        if hasattr(target.model, "short_name"):
            matching |= target.model.short_name.contains(term)
        # The few matching targets are found once (an uncorrelated list); each
        # record then costs one seek in the link table's (owner, target) index.
        # Joining the target per record and matching its name there was 1.5×
        # slower over 100,000 records. The unary + keeps SQLite from walking
        # the index by (owner, target) for every listed target instead, which
        # took seconds when a word matches most targets (大学).
        sub = f.through.select(pw.SQL("1")).where(
            (owner_fk == model.id)
            & pw.NodeList((pw.SQL("+"), target_fk), glue="").in_(
                target.model.select(target.model.id).where(matching)
            )
        )
        return pw.fn.EXISTS(sub)
    return getattr(model, name).contains(term)


RARE_HITS = 2000  # searches with at most this many hits sort the hits, not the index


def _order(plan: _Plan, q: ListQuery) -> list[pw.Node]:
    spec, model = q.spec, plan.model
    name, desc = (q.sort_field, q.descending) if q.sort_field else spec.default_sort
    f = spec.field(name) if name != "id" else None
    if f is None:
        column = model.id
    elif f.kind == FK:
        column = plan.aliases[name].sort_key
    elif f.kind == LINKS:
        column = model.id
    elif name == spec.title_field:
        column = model.sort_key  # pinyin
    else:
        column = getattr(model, name)
    if (q.search or "").split() and q.extra.get("hits", RARE_HITS + 1) <= RARE_HITS:
        # A rare word: walking the sort index visits nearly every row to find its
        # few hits (260 ms at 100k rows); one scan and a sort of the hits is
        # faster. COALESCE(x, NULL) is x, but no index serves it. Common words
        # fill a page early on the index, so they keep it.
        column = pw.fn.COALESCE(column, None)
    # A joined column's ties (two units of one reading) are kept apart by the
    # unit's id, as the page walk in _fk_page orders them.
    columns = [column, plan.aliases[name].id] if f is not None and f.kind == FK else [column]
    if desc:
        return [*(c.desc(nulls=_nulls_last(c)) for c in columns), model.id.desc()]
    return [*(c.asc(nulls=_nulls_last(c)) for c in columns), model.id.asc()]


def _nulls_last(column: pw.Node) -> str | None:
    """Records without a value come last, both ways. SQLite is told so always;
    PostgreSQL only where a column can be NULL: a NULLS clause it need not
    honour keeps it from walking the column's index (80 ms for a page of
    100,000 activities instead of a few)."""
    if isinstance(database_proxy.obj, pw.SqliteDatabase):
        return "LAST"
    # A joined table's column (FieldAlias) is NULL where the record has no link.
    if isinstance(column, pw.Field) and not isinstance(column, pw.FieldAlias) and not column.null:
        return None
    return "LAST"


def _sorted_by_link(plan: _Plan, q: ListQuery) -> str | None:
    """The FK field q sorts by, when a page is best found by walking its
    target's sort index (see _fk_page); None otherwise."""
    name = q.sort_field or q.spec.default_sort[0]
    if name == "id" or name not in plan.aliases or q.spec.field(name).kind != FK:
        return None
    if (q.search or "").split() and q.extra.get("hits", RARE_HITS + 1) <= RARE_HITS:
        return None  # a rare word: its few hits are sorted as they are
    return name


def _fk_page(plan: _Plan, q: ListQuery, name: str, offset: int, limit: int) -> list[tuple]:
    """A page sorted by a joined column (the unit's name) without sorting the
    whole table: the records with a unit are walked unit by unit along the
    unit's sort index and each unit's own index into the records (2 ms for a
    page of a million activities, where sorting the join took 700 ms); the
    records without one come after them, as NULLS LAST puts them."""
    model, alias = plan.model, plan.aliases[name]
    fk = getattr(model, f"{name}_id")
    desc = q.descending if q.sort_field else q.spec.default_sort[1]
    key = (alias.sort_key, alias.id, model.id)
    linked = _filtered(
        plan, q, plan.base_select(*plan.display_columns(), inner=name), offset + limit
    ).order_by(*(k.desc() if desc else k.asc() for k in key))
    rows = list(model._meta.database.execute(linked.offset(offset).limit(limit)))
    if len(rows) == limit:
        return rows
    # The page reaches past the linked records: the unlinked ones follow in id order.
    before = offset + len(rows)
    if not rows:
        counted = plan.base_select(pw.fn.COUNT(pw.SQL("*")), inner=name)
        before = _filtered(plan, q, counted).scalar() or 0
    unlinked = (
        _filtered(plan, q, plan.base_select(*plan.display_columns()))
        .where(fk.is_null())
        .order_by(model.id.desc() if desc else model.id.asc())
    )
    rest = unlinked.offset(max(offset - before, 0)).limit(limit - len(rows))
    return rows + list(model._meta.database.execute(rest))


def sortable(spec: RecordSpec, name: str) -> bool:
    return spec.field(name).kind != LINKS


def count(q: ListQuery) -> int:
    terms = search_index.words(q.search)
    only_words = not (q.year or q.undated or q.unit_id or q.type_value or q.status_value)
    if terms and only_words and q.ids is None:
        # Only words, each one the index answers: count there (5 ms for 57,709
        # hits in a million activities, against 90 ms probing each record).
        counted = search_index.count_words(q.spec.key, terms)
        if counted is not None:
            return counted
    plan = _Plan(q.spec)
    # Only the joins a search needs: a LEFT JOIN on a primary key never changes
    # the count, but SQLite still visits the joined row for every record
    # (2.7 ms over 100,000 activities, against 0.01 ms for a bare COUNT(*)).
    searched = (
        [n for n in plan.aliases if n in q.spec.search_fields] if (q.search or "").split() else []
    )
    query = plan.base_select(pw.fn.COUNT(pw.SQL("*")), joins=searched)
    return _filtered(plan, q, query).scalar() or 0


def fetch_page(q: ListQuery, offset: int, limit: int) -> list[list[Any]]:
    """Rows [id, column values…] of one page, in list-column order."""
    plan = _Plan(q.spec)
    by_link = _sorted_by_link(plan, q)
    if by_link is not None:
        found = _fk_page(plan, q, by_link, offset, limit)
    else:
        query = _filtered(plan, q, plan.base_select(*plan.display_columns()), wanted=offset + limit)
        query = query.order_by(*_order(plan, q)).offset(offset).limit(limit)
        found = plan.model._meta.database.execute(query)
    # Plain cursor rows: peewee's per-value conversion cost more than the query
    # itself for a page of 200; only dates need converting here.
    rows = [list(r) for r in found]
    if rows:
        _fill_links(q.spec, rows)
        for i, f in enumerate(q.spec.columns, start=1):
            if f.kind == MULTICHOICE:
                for r in rows:
                    r[i] = join_multi(split_multi(r[i]))
            elif f.kind == DATE:
                for r in rows:
                    r[i] = _as_date(r[i])
    return rows


def sample_ids(spec: RecordSpec, ids: list[int]) -> set[int]:
    """Which of these records are sample data (shown with a 示例 mark)."""
    if not ids:
        return set()
    model = spec.model
    literal = pw.SQL("(" + ",".join(str(int(i)) for i in ids) + ")")
    query = model.select(model.id).where(model.id.in_(literal) & (model.is_sample == True))  # noqa: E712
    return {rid for (rid,) in query.tuples()}


def _as_date(value: Any) -> Any:
    """A stored date as dt.date; text that is no date stays as it is (as in peewee)."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _fill_links(spec: RecordSpec, rows: list[list[Any]]) -> None:
    """One query per link column for the whole page, not one per row."""
    # The ids are integers from the database, written into the SQL as literals:
    # peewee builds and converts one parameter node per id, which cost more
    # than the query for a page of 200.
    ids = pw.SQL("(" + ",".join(str(int(r[0])) for r in rows) + ")")
    for i, f in enumerate(spec.columns, start=1):
        if f.kind != LINKS:
            continue
        target = spec_for(f.target)
        owner_fk, target_fk = link_fields(spec, f.through)
        title = getattr(target.model, target.title_field)
        query = (
            f.through.select(owner_fk, title)
            .join(target.model, on=(target_fk == target.model.id))
            .where(owner_fk.in_(ids))
            .order_by(f.through.id)
        )
        names: dict[int, list[str]] = {}
        for owner_id, name in f.through._meta.database.execute(query):
            names.setdefault(owner_id, []).append(name)
        for r in rows:
            r[i] = join_multi(names.get(r[0], []))


def all_ids(q: ListQuery) -> list[int]:
    plan = _Plan(q.spec)
    query = _filtered(plan, q, plan.base_select(plan.model.id)).order_by(*_order(plan, q))
    return [r for (r,) in query.tuples()]
