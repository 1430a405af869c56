"""Find anything: one query over every record type, through the search index.

A query is words separated by spaces, each of which a hit must hold. A word
of Chinese characters is looked up as the phrase of its character pairs in
the index and then confirmed against the records' own fields, exactly as a
list page's filter matches (so the index never adds or loses a hit); a word
of Latin letters is also looked up in the names' pinyin (zbdx, zhongbei); a
single Chinese character, which pairs cannot find, is matched the list pages'
way. Per type: how many records match, and the first of them in name order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import peewee as pw

from desktop_app.records import queries, search_index, service
from desktop_app.records.specs import ALL_SPECS, FK, LINKS, RecordSpec, spec_for
from desktop_app.store.db import database_proxy

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PINYIN = re.compile(r"[A-Za-z]+")
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


def _fts(expression: str) -> dict[str, set[int]]:
    """Record ids per type matching an FTS5 expression."""
    out: dict[str, set[int]] = {}
    sql = f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH ?"
    for (rowid,) in database_proxy.obj.execute_sql(sql, (expression,)):
        key, rid = search_index.record_of(rowid)
        out.setdefault(key, set()).add(rid)
    return out


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _candidates(term: str) -> tuple[dict[str, set[int]] | None, dict[str, set[int]]]:
    """(ids per type the fields may hold the term in, to confirm; or None for
    "match the list pages' way", and ids per type whose pinyin matched)."""
    by_pinyin: dict[str, set[int]] = {}
    if _PINYIN.fullmatch(term):
        by_pinyin = _fts(f"pinyin : {_quoted(term.lower())}*")
    if _CJK.search(term) and len(term) >= 2:
        body = search_index.pairs(term)
        return _fts(f"body : {_quoted(body)}"), by_pinyin
    return None, by_pinyin


def search(text: str, type_key: str | None = None, limit: int = 20) -> list[Group]:
    """Every record type's matches for text (only type_key's when given),
    those found by name first; each with its count and its first `limit` hits."""
    terms = text.split()
    if not terms:
        return []
    specs = [spec_for(type_key)] if type_key else list(ALL_SPECS)
    indexed = search_index.exists(database_proxy.obj)
    # Per term: (candidates to confirm or None, pinyin hits).
    looked_up = [_candidates(t) if indexed else (None, {}) for t in terms]
    spelled: dict[str, set[int]] = {}
    if indexed and len(terms) > 1 and all(_PINYIN.fullmatch(t) for t in terms):
        # "zhong bei": syllables in a row, the last one begun (not each anywhere).
        spelled = _fts(f"pinyin : {_quoted(' '.join(terms).lower())}*")
        looked_up = [(c, {}) for c, _p in looked_up]
    groups = []
    for spec in specs:
        ids: set[int] | None = None  # None: every record so far
        pinyin_only: set[int] = set()
        for term, (candidates, by_pinyin) in zip(terms, looked_up, strict=True):
            pinyin_hits = by_pinyin.get(spec.key, set())
            if candidates is not None:
                wanted = candidates.get(spec.key, set())
                confirmed = _confirm(spec, term, wanted if ids is None else wanted & ids)
            else:
                confirmed = _confirm(spec, term, ids)
            matched = confirmed | (pinyin_hits if ids is None else pinyin_hits & ids)
            pinyin_only |= pinyin_hits - confirmed
            ids = matched
            if not ids:
                break
        by_spelling = spelled.get(spec.key, set())
        pinyin_only |= by_spelling - (ids or set())
        ids = (ids or set()) | by_spelling
        if not ids:
            continue
        ordered = _in_name_order(spec, ids)
        names = service.names_of(spec.key, ordered[:limit])
        hits = [
            Hit(
                spec,
                rid,
                names.get(rid, ""),
                PINYIN if rid in pinyin_only else _where(spec, rid, terms),
            )
            for rid in ordered[:limit]
        ]
        groups.append(Group(spec, len(ids), hits))
    # Records found by their own name first (中北 shows 中北大学 before the 68
    # talents who came from it), then the types with most matches.
    groups.sort(
        key=lambda g: (
            not any(h.where in (g.spec.title_field, PINYIN) for h in g.hits),
            -g.count,
        )
    )
    return groups


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
        keys = dict(model.select(model.id, model.sort_key).where(model.id.in_(out)).tuples())
        out.sort(key=lambda r: (keys.get(r, ""), r))
    return out


def _where(spec: RecordSpec, record_id: int, terms: list[str]) -> str:
    """The first search field (by the spec's order) that holds the first term."""
    term = terms[0]
    record = spec.model.get_or_none(spec.model.id == record_id)
    if record is None:
        return ""
    for name in spec.search_fields:
        f = spec.field(name)
        if f.kind in (FK, LINKS):
            values = service.load(spec, record_id).get(name)
            ids = [values] if isinstance(values, int) else list(values or [])
            linked = service.names_of(f.target, ids)
            if any(term in n for n in linked.values()):
                return name
            continue
        if term in str(getattr(record, name) or ""):
            return name
    return spec.title_field
