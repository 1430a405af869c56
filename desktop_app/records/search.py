"""Find anything: one query over every record type, through the search index.

A query is words separated by spaces, each of which a hit must hold:
- a word of Chinese characters is the phrase of its character pairs in the
  index (one character: the pairs it starts), which holds it exactly when a
  field does (the index keeps runs of text and fields apart), so it finds
  what a list page's filter finds, without reading the records;
- a word of Latin letters or digits is found inside the text's words (as
  LIKE finds it: 023 in 2023), or as the start of the name's pinyin (zbdx,
  zhongbei; "zhong bei" as syllables in a row);
- a word mixing Chinese with other characters is matched the list pages' way
  (LIKE) among the records the index offers, and punctuation alone the lists'
  way.
Per type: how many records match, and the first of them in name order (the
newest first when more than NAME_ORDER_MAX match).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import peewee as pw

from desktop_app.records import queries, search_index, service
from desktop_app.records.links import link_fields
from desktop_app.records.specs import ALL_SPECS, FK, LINKS, RecordSpec, spec_for
from desktop_app.store.db import database_proxy

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[A-Za-z0-9]+")
_LETTERS = re.compile(r"[A-Za-z]+")
PINYIN = "pinyin"  # where a hit matched, when it was by its name's pinyin


@dataclass
class Hit:
    spec: RecordSpec
    record_id: int
    title: str
    where: str  # the field's name (title, notes …) or PINYIN


@dataclass
class Group:
    spec: RecordSpec
    count: int
    hits: list[Hit] = field(default_factory=list)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _plan(terms: list[str]) -> tuple[str, list[str]]:
    """(the FTS5 expression all hits satisfy, '' for none; the words to match
    the lists' way, among the expression's hits when there is one)."""
    parts: list[str] = []
    like: list[str] = []
    if len(terms) > 1 and all(_LETTERS.fullmatch(t) and search_index.exact(t) for t in terms):
        # "zhong bei": the name's syllables in a row, or every word in the text.
        spelled = _quoted(" ".join(terms).lower())
        words = " AND ".join(f"({search_index.phrase(t)})" for t in terms)
        return f"(pinyin : {spelled}*) OR ({words})", []
    for term in terms:
        if _WORD.fullmatch(term) and search_index.exact(term):
            # Inside any word of the text (as the lists find it), or the start
            # of a syllable or of the name's pinyin.
            part = search_index.phrase(term)
            if _LETTERS.fullmatch(term):
                part += f" OR pinyin : {_quoted(term.lower())}*"
            parts.append(f"({part})")
        elif search_index.exact(term):
            parts.append(search_index.phrase(term))
        elif _CJK.search(term):
            # Chinese with other characters (5G基站): the index offers the
            # records holding each Chinese run (基站), LIKE decides. (The whole
            # as one phrase would find nothing: the index keeps runs apart.)
            parts.extend(search_index.phrase(run) for run in _CJK_RUN.findall(term))
            like.append(term)
        else:
            like.append(term)  # Latin within a word, or punctuation: the lists' way
    return " AND ".join(f"({p})" for p in parts), like


def search(text: str, type_key: str | None = None, limit: int = 20) -> list[Group]:
    """Every record type's matches for text (only type_key's when given),
    those found by name first; each with its count and its first `limit` hits."""
    terms = search_index.words(text)
    if not terms:
        return []
    specs = [spec_for(type_key)] if type_key else list(ALL_SPECS)
    db = database_proxy.obj
    if search_index.exists(db):
        expression, like = _plan(terms)
    else:  # an index not yet built: every word the lists' way
        expression, like = "", terms
    groups = []
    # A prefix query (茄*, 023*) merges every token it starts each time it is
    # run, whatever the range of row ids: its hits are gathered by type in
    # one pass (12 queries of 茄* over a million activities took 150 ms).
    gathered = _gather(expression) if expression and not like and "*" in expression else None
    for spec in specs:
        if gathered is not None:
            count, ids = gathered.get(spec.key, (0, []))
            if not count:
                continue
            first = _first(spec, count, ids, limit)
        elif expression and not like:
            count, first = _by_index(spec, expression, limit)
        else:
            found = None
            if expression:
                found = _index_ids(spec, expression)
            for term in like:
                found = _confirm(spec, term, found)
            if not found:
                continue
            count, first = len(found), _first(spec, len(found), sorted(found), limit)
        if not count:
            continue
        names = service.names_of(spec.key, first)
        where = _wheres(spec, first, terms)
        hits = [Hit(spec, rid, names.get(rid, ""), where[rid]) for rid in first]
        groups.append(Group(spec, count, hits))
    # Records found by their own name first (中北 shows 中北大学 before the 68
    # talents who came from it), then the types with most matches.
    groups.sort(
        key=lambda g: (
            not any(h.where in (g.spec.title_field, PINYIN) for h in g.hits),
            -g.count,
        )
    )
    return groups


def _match() -> str:
    """The index rows matching the expression ?, in row id order (FTS5 gives
    them so; PostgreSQL's bitmap scan gives them as they lie)."""
    sql = f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.match_sql()}"
    return sql + " ORDER BY rowid" if search_index.on_server() else sql


# Up to this many hits of a type are shown in name order; more, the newest
# first (the index gives those at once, where putting 57,709 hits in name
# order to show 20 took 100 ms at a million activities).
NAME_ORDER_MAX = 2000


def _gather(expression: str) -> dict[str, tuple[int, list[int]]]:
    """type -> (hits, their ids, or the newest NAME_ORDER_MAX+ of them when
    there are more), in one pass over the index's answer (row ids ascend,
    type by type: a type ends where the next one's range begins)."""
    out: dict[str, tuple[int, list[int]]] = {}
    first, rowids, end = 0, [], -1

    def close() -> None:
        if rowids:
            key, _ = search_index.record_of(rowids[0])
            base = search_index.base(key)
            out[key] = (first + len(rowids), [r - base for r in rowids])

    for (rowid,) in database_proxy.obj.execute_sql(
        _match(), (search_index.match_param(expression),)
    ):
        if rowid > end:
            close()
            first, rowids = 0, []
            end = ((rowid >> search_index.TYPE_SHIFT) + 1 << search_index.TYPE_SHIFT) - 1
        rowids.append(rowid)
        if len(rowids) > 2 * NAME_ORDER_MAX:  # only the newest are shown of so many
            first += NAME_ORDER_MAX
            del rowids[:NAME_ORDER_MAX]
    close()
    return out


def _first(spec: RecordSpec, count: int, ids: list[int], limit: int) -> list[int]:
    """The hits shown: in name order when few, else the newest (ids ascending)."""
    if count <= NAME_ORDER_MAX:
        return _in_name_order(spec, set(ids))[:limit]
    return sorted(ids, reverse=True)[:limit]


def _by_index(spec: RecordSpec, expression: str, limit: int) -> tuple[int, list[int]]:
    """(count, the hits shown) of one type, straight from the index."""
    db = database_proxy.obj
    model = spec.model
    table = model._meta.table_name
    base = search_index.base(spec.key)
    within = search_index.in_type(spec.key)
    count = db.execute_sql(
        f"SELECT COUNT(*) FROM {search_index.TABLE} WHERE {search_index.match_sql()} AND {within}",
        (search_index.match_param(expression),),
    ).fetchone()[0]
    if not count:
        return 0, []
    if count > NAME_ORDER_MAX:
        sql = (
            f"SELECT rowid - {base} FROM {search_index.TABLE} WHERE {search_index.match_sql()} "
            f"AND {within} ORDER BY rowid DESC LIMIT ?"
        )
    else:
        sql = (
            f'SELECT id FROM "{table}" WHERE id IN (SELECT rowid - {base} FROM '
            f"{search_index.TABLE} WHERE {search_index.match_sql()} AND {within}) "
            "ORDER BY sort_key, id LIMIT ?"
        )
    return count, [r for (r,) in db.execute_sql(sql, (search_index.match_param(expression), limit))]


def _index_ids(spec: RecordSpec, expression: str) -> set[int]:
    rows = database_proxy.obj.execute_sql(
        f"SELECT rowid - {search_index.base(spec.key)} FROM {search_index.TABLE} "
        f"WHERE {search_index.match_sql()} AND {search_index.in_type(spec.key)}",
        (search_index.match_param(expression),),
    )
    return {r for (r,) in rows}


def _confirm(spec: RecordSpec, term: str, ids: set[int] | None) -> set[int]:
    """The records (of ids, or of all) whose fields hold term, as a list page
    matches it (LIKE on the search fields and the names of linked records)."""
    if ids is None:
        return set(queries.all_ids(queries.ListQuery(spec, search=term)))
    found: set[int] = set()
    chosen = sorted(ids)
    for start in range(0, len(chosen), 10_000):  # within SQLite's limit of variables
        q = queries.ListQuery(spec, search=term, ids=chosen[start : start + 10_000])
        found.update(queries.all_ids(q))
    return found


def _in_name_order(spec: RecordSpec, ids: set[int]) -> list[int]:
    model = spec.model
    chosen = sorted(ids)
    out: list[int] = []
    for start in range(0, len(chosen), 5000):
        part = chosen[start : start + 5000]
        literal = pw.SQL("(" + ",".join(str(i) for i in part) + ")")
        out += [
            r
            for (r,) in model.select(model.id)
            .where(model.id.in_(literal))
            .order_by(model.sort_key, model.id)
            .tuples()
        ]
    if len(chosen) > 5000:  # chunks each in order: order the whole
        keys = {}
        for start in range(0, len(out), 5000):
            part = out[start : start + 5000]
            keys.update(model.select(model.id, model.sort_key).where(model.id.in_(part)).tuples())
        out.sort(key=lambda r: (keys.get(r, ""), r))
    return out


def _wheres(spec: RecordSpec, ids: list[int], terms: list[str]) -> dict[int, str]:
    """For each record, the first search field (by the spec's order) that holds
    the first term; PINYIN when none does (the name's pinyin matched). Read
    for all the records at once: one query per field kind, not per record."""
    term = terms[0].lower()
    model = spec.model
    values: dict[int, dict[str, list[str]]] = {rid: {} for rid in ids}
    literal = pw.SQL("(" + ",".join(str(int(i)) for i in ids) + ")")
    plain = [n for n in spec.search_fields if spec.field(n).kind not in (FK, LINKS)]
    columns = [getattr(model, n) for n in plain]
    for rid, *found in model.select(model.id, *columns).where(model.id.in_(literal)).tuples():
        for name, value in zip(plain, found, strict=True):
            values[rid][name] = [str(value or "")]
    for name in spec.search_fields:
        f = spec.field(name)
        if f.kind not in (FK, LINKS):
            continue
        target = spec_for(f.target)
        title = getattr(target.model, target.title_field)
        if f.kind == FK:
            fk = getattr(model, f.column_name)
            query = (
                model.select(model.id, title)
                .join(target.model, on=(fk == target.model.id))
                .where(model.id.in_(literal))
            )
        else:
            # As the lists match: a linked record by its name or short name.
            names = [title]
            if hasattr(target.model, "short_name"):
                names.append(target.model.short_name)
            owner_fk, target_fk = link_fields(spec, f.through)
            query = (
                f.through.select(owner_fk, *names)
                .join(target.model, on=(target_fk == target.model.id))
                .where(owner_fk.in_(literal))
            )
        for rid, *linked in query.tuples():
            values[rid].setdefault(name, []).extend(str(v or "") for v in linked)
    spelled = spec.key in search_index.PINYIN_TYPES and _LETTERS.fullmatch(terms[0])
    fallback = PINYIN if spelled else spec.title_field
    out = {}
    for rid in ids:
        out[rid] = next(
            (
                name
                for name in spec.search_fields
                if any(term in v.lower() for v in values[rid].get(name, []))
            ),
            fallback,
        )
    return out
