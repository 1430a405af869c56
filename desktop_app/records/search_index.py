"""The search index: one SQLite FTS5 row per record, kept with every write.

SQLite's own tokenizers do not serve Chinese: unicode61 makes a whole run of
Chinese characters one token (中北大学 is found only as 中北大学), and trigram
cannot match the two-character words users type (中北, 番茄), besides wanting
SQLite 3.34+ in ways 3.40 still limits. So the text is written as overlapping
character pairs, with the last character of each run alone: 中北大学 is indexed
as 中北 北大 大学 学. A query of two or more Chinese characters is the phrase of
its pairs ("中北 北大" for 中北大) and one character is the prefix query of the
tokens it starts (北*: 北大, or 北 closing a run), which find exactly the records
holding them, as LIKE does (runs of text and fields are kept apart by a
separator token, so a phrase never spans two). Latin words and numbers are
indexed as words and as each of their suffixes (2023 023 23 3), so letters or
digits typed from inside a word are a prefix query too. Each record's name is
indexed in pinyin as well: its syllables (zhong bei da xue), run together
(zhongbeidaxue) and their initials (zbdx), so zbdx, zhongbei and "zhong bei" find 中北大学.

The index lives in the ledger (table search_index) and is written inside the
same transaction as the records (service calls reindex and drop); `coop-ledger
check` compares it with the records and `check --rebuild-index` writes it anew.
A record's row id is its type's number × 2**40 + its id: a save replaces its
row in one seek, and each type's rows are one range of row ids, which FTS5
reads alone (counting 大学 among institutions skips the 770,000 activities
that hold it; with the types interleaved every count read them all).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from functools import lru_cache

import peewee as pw

from desktop_app.records.links import link_fields
from desktop_app.records.specs import FK, LINKS, RecordSpec, spec_for
from desktop_app.store.db import database_proxy

TABLE = "search_index"
# Stable numbers of the record types in row ids: never renumber one.
TYPE_NUMBERS = {
    "institution": 1,
    "activity": 2,
    "agreement": 3,
    "base": 4,
    "project": 5,
    "talent": 6,
    "achievement": 7,
    "meeting": 8,
    "task": 9,
    "ledger_report": 10,
    "assessment": 11,
    "unit": 12,
}
TYPES_BY_NUMBER = {n: key for key, n in TYPE_NUMBERS.items()}
CHUNK = 500
# The types whose names people look up by pinyin: names of places, people and
# things (中北大学, 高灵旺, 番茄产业研究院), not the sentence-long titles of
# activities or tasks, whose pinyin would cost an import a third of its time.
PINYIN_TYPES = ("institution", "unit", "talent", "base", "project", "achievement")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(f"[{_CJK}]+|[^\\s{_CJK}]+")
_HAS_CJK = re.compile(f"[{_CJK}]")


# Room for 2**40 ids of each type; row ids stay far below SQLite's 2**63.
TYPE_SHIFT = 40


def row_id(spec_key: str, record_id: int) -> int:
    return (TYPE_NUMBERS[spec_key] << TYPE_SHIFT) + int(record_id)


def record_of(rowid: int) -> tuple[str, int]:
    return TYPES_BY_NUMBER[rowid >> TYPE_SHIFT], rowid & ((1 << TYPE_SHIFT) - 1)


def base(spec_key: str) -> int:
    """The row id of spec_key's record 0: its records' row ids are base + id."""
    return TYPE_NUMBERS[spec_key] << TYPE_SHIFT


def in_type(spec_key: str) -> str:
    """SQL limiting an index query to spec_key's rows (a range FTS5 seeks)."""
    first = base(spec_key)
    return f"rowid BETWEEN {first} AND {first + (1 << TYPE_SHIFT) - 1}"


def numbered_by_type(db: pw.Database) -> bool:
    """Whether the index's row ids are numbered as above (a ledger indexed by
    the first version numbered them id × 16 + type: migration 10 renumbers)."""
    row = db.execute_sql(f"SELECT MIN(rowid) FROM {TABLE}").fetchone()
    return row[0] is None or row[0] >= (1 << TYPE_SHIFT)


# Written between runs of text and between fields, so that a phrase of pairs
# can only match within one run of Chinese: 甲乙 and 乙丙 side by side are not
# 甲乙丙. A token no query can reach: a private-use character (queries the
# index answers are Chinese characters or ASCII letters and digits).
SEP = "\ue000"
_ASCII_RUN = re.compile(r"[A-Za-z0-9]+")
# Suffixes are cut to this many characters, so an unbroken string of 10,000
# letters costs 10,000 short tokens, not 50 million characters; a term longer
# than this is matched by LIKE.
SUFFIX_LENGTH = 32


@lru_cache(maxsize=16384)
def pairs(text: str, separated: bool = True) -> str:
    """Text as the index stores it: Chinese as overlapping pairs, the rest as
    words, each run apart (separated=False: a query's phrase, without them)."""
    out = []
    for run in _RUNS.findall(text or ""):
        if separated and out:
            out.append(SEP)
        if _HAS_CJK.match(run):
            if len(run) == 1:
                out.append(run)
            else:
                out.extend(run[i : i + 2] for i in range(len(run) - 1))
                if separated:
                    # The last character alone too: every character of the
                    # text then starts a token, so one typed character is
                    # the prefix query 茄* (a pair 茄X, or 茄 closing a run).
                    out.append(run[-1])
        elif separated:
            # Each run of ASCII letters and digits, lower-cased, and each of
            # its suffixes (2023: 023 23 3), at most SUFFIX_LENGTH long: letters
            # or digits typed from inside a word (023, nuc in 0351nuc) are the
            # prefix query of a suffix, found exactly as LIKE finds them (it
            # ignores the case of ASCII letters only). Nothing else of the run
            # is written: the tokenizer's own folding (K for k, ſ for s) and
            # joining (e + a combining accent) would find what LIKE does not.
            for word in _ASCII_RUN.findall(run):
                word = word.lower()
                out.extend(word[i : i + SUFFIX_LENGTH] for i in range(len(word)))
        else:
            out.append(run)
    return " ".join(out)


@lru_cache(maxsize=65536)
def pinyin_forms(name: str, person: bool = False) -> str:
    """A name in pinyin as the index stores it: syllables, run together,
    initials. A person's surname is read as a surname (曾国藩 zeng guo fan,
    单田芳 shan tian fang), as the lists sort them."""
    from pypinyin import Style, lazy_pinyin

    from desktop_app.records.values import SURNAME_READINGS, warm_up

    warm_up()  # the place names' own readings (长治 chang zhi) are loaded
    chinese = "".join(_HAS_CJK.findall(name))
    if not chinese:
        return ""
    head: list[str] = []
    if person:
        for length in (2, 1):
            if len(chinese) > length - 1 and chinese[:length] in SURNAME_READINGS:
                head = SURNAME_READINGS[chinese[:length]].split()
                chinese = chinese[length:]
                break
    rest = lazy_pinyin(chinese, style=Style.NORMAL, errors="ignore") if chinese else []
    syllables = [s.lower() for s in [*head, *rest]]
    if not syllables:
        return ""
    return " ".join([*syllables, "".join(syllables), "".join(s[0] for s in syllables)])


# ---------------------------------------------------------------- the table


def exists(db: pw.Database) -> bool:
    """Whether the ledger has its index (asked once per connection: a list
    filter's count is one query)."""
    if isinstance(db, pw.DatabaseProxy):  # a model's database: the ledger behind it
        db = db.obj
    known = getattr(db, "_has_search_index", None)
    if known is None:
        known = db.table_exists(TABLE)
        db._has_search_index = known
    return known


def create(db: pw.Database) -> None:
    if not isinstance(db, pw.SqliteDatabase):
        _create_on_server(db)
        return
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
        "body, pinyin, tokenize = 'unicode61 remove_diacritics 0')"
    )
    db._has_search_index = True


# ---------------------------------------------------------------- on a server
#
# PostgreSQL holds the same rows (row id, body, pinyin) and beside them their
# tokens as a tsvector, built here from the very tokens FTS5 reads (not by
# PostgreSQL's parser, whose idea of a word differs), under a GIN index. Body
# tokens have weight D and pinyin tokens weight A, so one column answers both
# kinds of query. The program's FTS5 expressions (phrases, prefixes, AND, OR)
# are turned into tsquery text (server_query): one way of asking, two engines.
# Limits of tsvector: positions stop at 16,383 and a token keeps 256 of them,
# so a phrase deep inside a text longer than that is found by LIKE only.


def on_server(db: pw.Database | None = None) -> bool:
    db = db or database_proxy.obj
    if isinstance(db, pw.DatabaseProxy):
        db = db.obj
    return not isinstance(db, pw.SqliteDatabase)


def _create_on_server(db: pw.Database) -> None:
    db.execute_sql(
        f"CREATE TABLE IF NOT EXISTS {TABLE} (rowid BIGINT PRIMARY KEY, body TEXT NOT NULL, "
        "pinyin TEXT NOT NULL, terms TSVECTOR NOT NULL)"
    )
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS {TABLE}_terms ON {TABLE} USING GIN (terms)")
    db._has_search_index = True


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


SERVER_TERMS_MAX = 900_000


def server_terms(body: str, pinyin: str) -> str:
    """The tsvector text of an index row: each body token at its position
    (a separator leaves a gap, so no phrase spans it), then the pinyin's."""
    at: dict[str, list[str]] = {}
    position = 0
    size = 0  # about what PostgreSQL will need: it refuses a tsvector past 1 MB
    for token in body.split(" "):
        position += 1
        if not token or token == SEP:
            continue
        held = at.get(token)
        if held is None:
            if size > SERVER_TERMS_MAX:
                continue  # a text this long is found by its first 900 kB of words
            held = at[token] = []
            size += len(token.encode("utf-8")) + 8
        if len(held) < 256:
            held.append(f"{min(position, 16383)}D")
            size += 6
    position += 1
    for token in pinyin.split():
        position += 1
        at.setdefault(token, []).append(f"{min(position, 16383)}A")
    return " ".join(f"{_lexeme(t)}:{','.join(p[:256])}" for t, p in at.items())


_FTS_PHRASE = re.compile(r'(body|pinyin) : "((?:[^"]|"")*)"(\*?)')


def server_query(expression: str) -> str:
    """An FTS5 expression of this module as PostgreSQL tsquery text."""

    def one(match: re.Match) -> str:
        weight = "A" if match.group(1) == "pinyin" else "D"
        tokens = match.group(2).replace('""', '"').split()
        parts = [f"{_lexeme(t)}:{weight}" for t in tokens]
        if match.group(3):
            parts[-1] = f"{_lexeme(tokens[-1])}:*{weight}"
        return "(" + " <-> ".join(parts) + ")"

    return _FTS_PHRASE.sub(one, expression).replace(" AND ", " & ").replace(" OR ", " | ")


def match_sql(db: pw.Database | None = None) -> str:
    """The condition "this index row matches the expression ?" (see match_param)."""
    if on_server(db):
        return "terms @@ CAST(? AS tsquery)"
    return f"{TABLE} MATCH ?"


def match_param(expression: str, db: pw.Database | None = None) -> str:
    return server_query(expression) if on_server(db) else expression


def drop_rows(db: pw.Database, spec_key: str, ids: Iterable[int]) -> None:
    if not exists(db):
        return
    rowids = [row_id(spec_key, i) for i in ids]
    for start in range(0, len(rowids), CHUNK):
        part = rowids[start : start + CHUNK]
        db.execute_sql(f"DELETE FROM {TABLE} WHERE rowid IN ({','.join('?' * len(part))})", part)


# ---------------------------------------------------------------- what is indexed


def _texts(spec: RecordSpec, ids: list[int]) -> dict[int, tuple[list[str], str]]:
    """id -> (the searchable fields' texts, the name) of these records."""
    model = spec.model
    plain = [spec.field(n) for n in spec.search_fields if spec.field(n).kind not in (FK, LINKS)]
    title = getattr(model, spec.title_field)
    columns = [model.id, title, *(getattr(model, f.name) for f in plain)]
    out: dict[int, tuple[list[str], str]] = {}
    # The ids as one literal list: peewee making a parameter of each of 500
    # ids took a third of an import's indexing.
    literal = pw.SQL("(" + ",".join(str(int(i)) for i in ids) + ")")
    # Raw cursor rows: peewee's conversion of each value cost as much as the
    # queries (these are all text, wanted as text).
    db = model._meta.database
    for row in db.execute(model.select(*columns).where(model.id.in_(literal))):
        texts = [str(v) for v in row[2:] if v not in (None, "")]
        out[row[0]] = (texts, str(row[1] or ""))
    for name in spec.search_fields:
        f = spec.field(name)
        if f.kind not in (FK, LINKS):
            continue
        target = spec_for(f.target)
        tmodel = target.model
        names = [getattr(tmodel, target.title_field)]
        # As a list page matches: linked records (LINKS) by name or short name,
        # a record it belongs to (FK) by name.
        if f.kind == LINKS and hasattr(tmodel, "short_name"):
            names.append(tmodel.short_name)
        if f.kind == FK:
            fk = getattr(model, f.column_name)
            query = (
                model.select(model.id, *names)
                .join(tmodel, on=(fk == tmodel.id))
                .where(model.id.in_(literal))
            )
        else:
            owner_fk, target_fk = link_fields(spec, f.through)
            query = (
                f.through.select(owner_fk, *names)
                .join(tmodel, on=(target_fk == tmodel.id))
                .where(owner_fk.in_(literal))
                # In the order they were linked, whatever plan the database
                # picks: the check compares the text with what was indexed.
                .order_by(f.through.id)
            )
        for rid, *found in db.execute(query):
            if rid in out:
                out[rid][0].extend(str(v) for v in found if v)
    return out


def _rows(spec: RecordSpec, ids: list[int]) -> list[tuple[int, str, str]]:
    """(row id, body, pinyin) of these records, as the index holds them."""
    spelled = spec.key in PINYIN_TYPES
    person = spec.field(spec.title_field).person_name
    rows = []
    for rid, (texts, name) in _texts(spec, ids).items():
        body = f" {SEP} ".join(pairs(t) for t in texts)
        rows.append((row_id(spec.key, rid), body, pinyin_forms(name, person) if spelled else ""))
    return rows


def reindex(spec: RecordSpec, ids: Iterable[int], db: pw.Database | None = None) -> None:
    """Write these records' index rows anew (inside the caller's transaction)."""
    db = db or database_proxy.obj
    if not exists(db):
        return
    ids = [int(i) for i in ids]
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        rows = _rows(spec, part)
        drop_rows(db, spec.key, part)
        if rows and on_server(db):
            db.execute_sql(
                f"INSERT INTO {TABLE}(rowid, body, pinyin, terms) VALUES "
                + ",".join(["(?, ?, ?, CAST(? AS tsvector))"] * len(rows)),
                [v for r in rows for v in (*r, server_terms(r[1], r[2]))],
            )
        elif rows:
            db.execute_sql(
                f"INSERT INTO {TABLE}(rowid, body, pinyin) VALUES "
                + ",".join(["(?, ?, ?)"] * len(rows)),
                [v for r in rows for v in r],
            )


def rebuild(db: pw.Database, progress: Callable[[int, int], None] | None = None) -> int:
    """The whole index written anew; returns the rows written."""
    from desktop_app.records.specs import ALL_SPECS

    if on_server(db):
        # Emptied, not dropped: the table keeps its privileges for each role
        # (and an administrator, who may not create tables, can rewrite it).
        if not db.table_exists(TABLE):
            create(db)
        db.execute_sql(f"TRUNCATE {TABLE}")
    else:
        # Dropped and made anew: deleting a million rows one by one from FTS5
        # costs as much as writing them.
        db.execute_sql(f"DROP TABLE IF EXISTS {TABLE}")
        create(db)
    total = sum(spec.model.select().count() for spec in ALL_SPECS)
    done = 0
    for spec in ALL_SPECS:
        ids = [r for (r,) in spec.model.select(spec.model.id).order_by(spec.model.id).tuples()]
        for start in range(0, len(ids), 5000):
            reindex(spec, ids[start : start + 5000], db)
            done += len(ids[start : start + 5000])
            if progress is not None:
                progress(done, total)
    return done


def problems(con) -> list[str]:
    """What `coop-ledger check` says about the index, read on a plain sqlite3
    connection (read-only): records missing from it, rows for records that are
    gone, an index of an older numbering, a damaged index."""
    present = con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone()
    if present is None:
        return ["the search index is missing (coop-ledger check --rebuild-index writes it)"]
    first = con.execute(f"SELECT MIN(rowid) FROM {TABLE}").fetchone()[0]
    if first is not None and first < (1 << TYPE_SHIFT):
        return [
            "the search index is numbered as an older version numbered it: open the ledger "
            "with this version to upgrade it, or run coop-ledger check --rebuild-index"
        ]
    try:
        # Every entry of the index read once: a damaged page says so here (the
        # records' own check does not read an FTS5 index's contents).
        con.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{TABLE}_terms "
            f"USING fts5vocab(main, '{TABLE}', 'row')"
        )
        con.execute(f"SELECT COUNT(*), SUM(cnt) FROM temp.{TABLE}_terms").fetchone()
    except sqlite3.DatabaseError as exc:
        return [f"the search index is damaged ({exc}): coop-ledger check --rebuild-index"]
    return _compare(
        (r for (r,) in con.execute(f"SELECT rowid FROM {TABLE}")),
        lambda table: {r for (r,) in con.execute(f'SELECT id FROM "{table}"')},
    )


def problems_on_server(db: pw.Database) -> list[str]:
    """problems() for a server ledger, on the program's own connection."""
    if not db.table_exists(TABLE):
        return ["the search index is missing (coop-ledger check --rebuild-index writes it)"]
    return _compare(
        (r for (r,) in db.execute_sql(f"SELECT rowid FROM {TABLE}")),
        lambda table: {r for (r,) in db.execute_sql(f'SELECT id FROM "{table}"')},
    )


def _compare(rowids: Iterable[int], ids_of: Callable[[str], set[int]]) -> list[str]:
    """What differs between the index's row ids and the records' ids."""
    from desktop_app.records.specs import ALL_SPECS

    out = []
    indexed: dict[str, set[int]] = {}
    stray = 0
    for rowid in rowids:
        number = rowid >> TYPE_SHIFT
        if number not in TYPES_BY_NUMBER:
            stray += 1
            continue
        indexed.setdefault(TYPES_BY_NUMBER[number], set()).add(rowid & ((1 << TYPE_SHIFT) - 1))
    if stray:
        out.append(
            f"search index: {stray} row(s) of no record type (coop-ledger check --rebuild-index)"
        )
    for spec in ALL_SPECS:
        have = ids_of(spec.model._meta.table_name)
        mine = indexed.get(spec.key, set())
        if have - mine:
            out.append(
                f"search index: {len(have - mine)} {spec.key} record(s) missing from it "
                "(coop-ledger check --rebuild-index)"
            )
        if mine - have:
            out.append(
                f"search index: {len(mine - have)} row(s) for {spec.key} records that are gone "
                "(coop-ledger check --rebuild-index)"
            )
    return out


STALE_SAMPLE = 2000


def stale(sample: int = STALE_SAMPLE, seed: int = 0) -> list[str]:
    """Records (up to sample of each type, chosen at random) whose index row
    does not hold what they hold now: a record changed behind the program's
    back. On the ledger open now."""
    import random

    from desktop_app.records.specs import ALL_SPECS

    db = database_proxy.obj
    rng = random.Random(seed)
    out = []
    for spec in ALL_SPECS:
        ids = [r for (r,) in spec.model.select(spec.model.id).tuples()]
        chosen = sorted(rng.sample(ids, sample)) if len(ids) > sample else ids
        wrong = 0
        for start in range(0, len(chosen), CHUNK):
            part = chosen[start : start + CHUNK]
            wanted = {rowid: (body, pinyin) for rowid, body, pinyin in _rows(spec, part)}
            marks = ",".join(str(r) for r in wanted)
            if not marks:
                continue
            held = {
                rowid: (body, pinyin)
                for rowid, body, pinyin in db.execute_sql(
                    f"SELECT rowid, body, pinyin FROM {TABLE} WHERE rowid IN ({marks})"
                )
            }
            wrong += sum(1 for rowid, row in wanted.items() if held.get(rowid) != row)
        if wrong:
            whole = "" if len(chosen) == len(ids) else f" of {len(chosen):,} checked"
            out.append(
                f"search index: {wrong} {spec.key} record(s){whole} are indexed with other text "
                "than they hold (changed outside the program?): coop-ledger check --rebuild-index"
            )
    return out


_ALL_CJK = re.compile(f"[{_CJK}]+")


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def phrase(term: str) -> str:
    """The index's query for a term exact() accepts, for an FTS5 MATCH: the
    phrase of its pairs; one Chinese character, the tokens it starts; letters
    or digits, the words and suffixes they start."""
    if _ASCII_WORD.fullmatch(term):
        return f'body : "{term.lower()}"*'
    if len(term) == 1:
        return f'body : "{term}"*'
    return 'body : "' + pairs(term, separated=False).replace('"', '""') + '"'


def exact(term: str) -> bool:
    """Whether the index alone answers term exactly as LIKE does: Chinese
    characters only, or up to SUFFIX_LENGTH ASCII letters and digits (LIKE
    ignores their case, as the index does). A term mixing the two, or holding
    signs, is matched by LIKE."""
    if _ALL_CJK.fullmatch(term):
        return True
    return len(term) <= SUFFIX_LENGTH and bool(_ASCII_WORD.fullmatch(term))


def probeable(term: str) -> bool:
    """Whether asking the index about one record for term is cheap: a phrase
    is; a prefix query (one character, letters or digits) merges every token
    it starts each time."""
    return len(term) >= 2 and bool(_ALL_CJK.fullmatch(term))


# What a search box takes: its first MAX_WORDS words, each cut to MAX_WORD
# characters (90 words overflowed SQLite's parser; a pasted 17,000-character
# word made a LIKE pattern too complex for it).
MAX_WORDS = 30
MAX_WORD = 1000


def words(text: str) -> list[str]:
    """The words of a search, each once, as every search takes them."""
    out: list[str] = []
    for word in (text or "").split():
        word = word[:MAX_WORD]
        if word not in out:
            out.append(word)
        if len(out) == MAX_WORDS:
            break
    return out


_LETTERS = re.compile(r"[A-Za-z]+")


def expression(spec_key: str, terms: list[str]) -> str:
    """The MATCH expression of records of spec_key holding every term (each
    exact()): its phrase or prefix query in the text, and for a word of
    letters also the start of a syllable or of the name's pinyin (zbdx,
    zhongbei, xue) where names are indexed in pinyin."""
    parts = []
    for term in terms:
        part = phrase(term)
        if spec_key in PINYIN_TYPES and _LETTERS.fullmatch(term):
            part = f'{part} OR pinyin : "{term.lower()}"*'
        parts.append(f"({part})")
    return " AND ".join(parts)


def matching_ids(spec_key: str, terms: list[str]) -> pw.Node:
    """The ids of spec_key's records holding every term (each exact()), as a
    sub-select for IN (...)."""
    return pw.SQL(
        f"(SELECT rowid - {base(spec_key)} FROM {TABLE} WHERE {match_sql()} "
        f"AND {in_type(spec_key)})",
        (match_param(expression(spec_key, terms)),),
    )


def count_words(spec_key: str, terms: list[str]) -> int | None:
    """How many of spec_key's records hold every term, counted in the index
    alone; None unless the index answers each term alone."""
    if not terms or not all(exact(t) for t in terms):
        return None
    db = database_proxy.obj
    if not exists(db):
        return None
    row = db.execute_sql(
        f"SELECT COUNT(*) FROM {TABLE} WHERE {match_sql(db)} AND {in_type(spec_key)}",
        (match_param(expression(spec_key, terms), db),),
    ).fetchone()
    return row[0]


# A probe of the index for one record (does it hold the word?) costs about as
# much as taking this many of a word's hits into a list (measured at a
# million activities: 22 µs against 0.16 µs).
PROBE_COST = 150


def probing_cheaper(hits: int, rows: int, wanted: int) -> bool:
    """Whether the first `wanted` records in some order are found faster by
    walking that order and probing the index for each record (wanted × rows /
    hits probes) than by listing all the hits (a common word: 大学 in 770,000
    of a million activities) and keeping those of the walk."""
    return hits > 0 and wanted * rows * PROBE_COST < hits * hits


def holds(spec_key: str, terms: list[str], id_column: pw.Node) -> pw.Node:
    """SQL true when the record whose id is id_column holds every term (one
    probe of the index); each term exact() and probeable()."""
    return pw.NodeList(
        (
            pw.SQL(
                f"EXISTS (SELECT 1 FROM {TABLE} WHERE {match_sql()} AND rowid = ",
                (match_param(expression(spec_key, terms)),),
            ),
            id_column,
            pw.SQL(f" + {base(spec_key)})"),
        ),
        glue="",
    )
