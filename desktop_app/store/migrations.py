"""Versioned schema: each step and its version bump run in one transaction.

A new database gets the current schema at once. An older file is backed up
(by the caller, before calling migrate) and brought forward step by step.
Steps use plain ALTER TABLE statements that SQLite and PostgreSQL both accept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import contextmanager

import peewee as pw

from desktop_app.store import categories, seal
from desktop_app.store import models as m
from desktop_app.store.categories import seed_categories
from desktop_app.store.db import database_proxy


def _v2_talent_id_number(db: pw.Database) -> None:
    # Issue 4 imports rosters holding 18-digit ID numbers; they stay text.
    db.execute_sql("ALTER TABLE talent ADD COLUMN id_number VARCHAR(255) NOT NULL DEFAULT ''")


def _v3_audit_and_recycle_bin(db: pw.Database) -> None:
    # Change history (hash-chained) and the recycle bin (issue 5).
    db.create_tables([m.AuditEntry, m.DeletedRecord], safe=True)


def _v4_activity_sort_indexes(db: pw.Database) -> None:
    # Sorting 100,000 activities by an unindexed column scanned and sorted the
    # whole table (80-100 ms, bench/bench_table.py); with an index it reads
    # one page of entries (0.3 ms). Names as peewee gives them to index=True.
    for column in ("leader", "participants", "outcome_figures"):
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "activity_{column}" ON "activity" ("{column}")')


def _v5_seal_the_change_log(db: pw.Database) -> None:
    # The change log's length and head, kept in the file header too (issue 10).
    seal.seal_from_table()


# Record tables as this step found them, with the key their history entries,
# recycle-bin entries and attachments name them by. Frozen with the step.
_V6_TABLES = {
    "unit": "unit",
    "institution": "institution",
    "activity": "activity",
    "agreement": "agreement",
    "base": "base",
    "project": "project",
    "talent": "talent",
    "achievement": "achievement",
    "meeting": "meeting",
    "task": "task",
    "ledger_report": "ledger_report",
    "assessment_target": "assessment",
}
# The id column as peewee and older versions wrote it, whatever the quoting
# (a DB tool may rewrite "id" as id, [id] or `id`, and drop NOT NULL).
_ID_COLUMN = re.compile(
    r'((?:"id"|\[id\]|`id`|\bid\b)\s+INTEGER\s+(?:NOT\s+NULL\s+)?PRIMARY\s+KEY)'
    r"(?!\s+AUTOINCREMENT)",
    re.I,
)
_TABLE_NAME = r'^\s*CREATE\s+TABLE\s+(?:"{0}"|\[{0}\]|`{0}`|{0}\b)'


def _v6_ids_never_reused(db: pw.Database) -> None:
    # Deleting the newest record freed its id for the next new one, whose
    # History tab then showed the deleted record's entries (issue 10). SQLite
    # can only add AUTOINCREMENT by rebuilding the table (its documented
    # twelve-step procedure; foreign keys are off around this step, see
    # FOREIGN_KEYS_OFF). A PostgreSQL sequence never goes back: nothing to do.
    if not isinstance(db, pw.SqliteDatabase):
        return
    broken_before = len(db.execute_sql("PRAGMA foreign_key_check").fetchall())
    # Views and triggers naming a record table stop a rename while it is
    # rebuilt: set them aside, and put them back at the end.
    others = db.execute_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') "
        "AND sql IS NOT NULL"
    ).fetchall()
    for kind, name, _sql in others:
        db.execute_sql(f'DROP {kind.upper()} IF EXISTS "{name}"')
    for table, key in _V6_TABLES.items():
        _rebuild_with_autoincrement(db, table)
        # The next id is above every id this type ever had: those still in the
        # table, and those only the history, the recycle bin or an attachment
        # remembers (a record deleted before this version).
        highest = db.execute_sql(
            f"""SELECT MAX(n) FROM (
                SELECT MAX(id) AS n FROM "{table}"
                UNION ALL SELECT MAX(record_id) FROM audit_entry WHERE record_type = ?
                UNION ALL SELECT MAX(record_id) FROM deleted_record WHERE record_type = ?
                UNION ALL SELECT MAX(record_id) FROM attachment WHERE record_type = ?)""",
            (key, key, key),
        ).fetchone()[0]
        db.execute_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
        db.execute_sql(
            "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, int(highest or 0))
        )
    for _kind, _name, sql in others:
        if db.execute_sql("SELECT 1 FROM sqlite_master WHERE sql = ?", (sql,)).fetchone() is None:
            db.execute_sql(sql)
    broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if len(broken) > broken_before:  # damage already there is the check's to report
        raise RuntimeError(f"foreign keys broken by the rebuild: {broken[:5]}")


def _rebuild_with_autoincrement(db: pw.Database, table: str) -> None:
    """Recreate table with AUTOINCREMENT on its id, keeping rows, indexes and triggers.

    The table's own CREATE statement is kept with the keyword added; one this
    cannot read (a table-level PRIMARY KEY, as some DB tools write it) is
    recreated from the model, when that has every column the table has.
    Raises rather than leave a table whose ids could be reused."""
    row = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE", (table,)
    ).fetchone()
    if row is None:
        return  # not in this file: created whole, from the model, further on
    if re.search(r"\bAUTOINCREMENT\b", row[0], re.I):
        return  # done already
    temporary = f"{table}__v6"
    named = re.compile(_TABLE_NAME.format(re.escape(table)), re.I)
    create = None
    if _ID_COLUMN.search(row[0]) and named.search(row[0]):
        create = named.sub(
            f'CREATE TABLE "{temporary}"',
            _ID_COLUMN.sub(r"\1 AUTOINCREMENT", row[0], count=1),
            count=1,
        )
    columns = [name for _cid, name, *_ in db.execute_sql(f'PRAGMA table_info("{table}")')]
    if create is None:
        model = next(x for x in m.ALL_MODELS if x._meta.table_name == table)
        known = {f.column_name for f in model._meta.sorted_fields}
        unknown = [c for c in columns if c not in known]
        if unknown:
            raise RuntimeError(
                f"table {table} has columns this version does not know ({', '.join(unknown)}) "
                "and a form of its id column it cannot upgrade; restore a backup made by "
                "the program"
            )
        sql, _params = model._schema._create_table(safe=False).query()
        create = re.sub(rf'^CREATE TABLE "{re.escape(table)}"', f'CREATE TABLE "{temporary}"', sql)
    extras = [
        sql
        for (sql,) in db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND tbl_name = ? COLLATE NOCASE AND sql IS NOT NULL",
            (table,),
        )
    ]
    quoted = ", ".join(f'"{c}"' for c in columns)
    db.execute_sql(create)
    db.execute_sql(f'INSERT INTO "{temporary}" ({quoted}) SELECT {quoted} FROM "{table}"')
    db.execute_sql(f'DROP TABLE "{table}"')
    db.execute_sql(f'ALTER TABLE "{temporary}" RENAME TO "{table}"')
    for sql in extras:
        db.execute_sql(sql)
    done = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    if done is None or not re.search(r"\bAUTOINCREMENT\b", done[0], re.I):
        raise RuntimeError(f"table {table} could not be given ids that are never reused")


def _v7_ledger_info(db: pw.Database) -> None:
    # The organisation, preparer and phone printed on sheets belong to the
    # ledger, not to one PC's settings (issue 11).
    db.create_tables([m.LedgerInfo], safe=True)


def _v8_names_read_as_people_read_them(db: pw.Database) -> None:
    # Pinyin order (issue 12): a person's surname by its surname reading (单 shan,
    # 曾 zeng) and place names by theirs (长治 chang zhi). Only the keys that
    # change are rewritten: every talent, and records naming such a place.
    from functools import reduce

    from desktop_app.records.values import PLACE_READINGS, person_sort_key, sort_key

    for row in m.Talent.select(m.Talent.id, m.Talent.name).tuples().iterator():
        m.Talent.update(sort_key=person_sort_key(row[1])).where(m.Talent.id == row[0]).execute()
    for model in m.ALL_MODELS:
        if model is m.Talent or "sort_key" not in model._meta.fields:
            continue
        column = model._meta.fields.get("name") or model._meta.fields.get("title")
        if column is None:
            continue
        names_a_place = reduce(
            lambda a, b: a | b, (column.contains(place) for place in PLACE_READINGS)
        )
        for rid, text in model.select(model.id, column).where(names_a_place).tuples():
            model.update(sort_key=sort_key(text or "")).where(model.id == rid).execute()


def _v9_search_index(db: pw.Database) -> None:
    # One search box over the whole ledger (issue 13): the FTS5 index of every
    # record, written here for the records an older version kept.
    from desktop_app.records import search_index

    search_index.rebuild(db, progress=_progress)


def _v10_search_index_by_type(db: pw.Database) -> None:
    # The index's row ids numbered type × 2**40 + id, so each type's rows are
    # one range FTS5 reads alone (a common word's count in one type no longer
    # reads every type's hits). An index already so numbered is kept.
    from desktop_app.records import search_index

    if not search_index.exists(db) or not search_index.numbered_by_type(db):
        search_index.rebuild(db, progress=_progress)


def _v11_record_uids(db: pw.Database) -> None:
    # Every record gets its identity across copies of the ledger (hand-in
    # packages from the units, issue 14), then the unique index the model
    # declares. ALTER TABLE cannot give each row its own default: filled here.
    for model in m.RECORD_MODELS:
        table = model._meta.table_name
        columns = {c.name for c in db.get_columns(table)}
        if "uid" not in columns:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN uid VARCHAR(32)')
        ids = [r for (r,) in db.execute_sql(f'SELECT id FROM "{table}" WHERE uid IS NULL')]
        cursor = db.cursor()
        cursor.executemany(
            f'UPDATE "{table}" SET uid = ? WHERE id = ?', [(m.new_uid(), i) for i in ids]
        )
        db.execute_sql(f'CREATE UNIQUE INDEX IF NOT EXISTS "{table}_uid" ON "{table}" (uid)')


def _v12_returned_hand_ins(db: pw.Database) -> None:
    # The office sends a hand-in back (退回, issue 14): the hand-in list's word
    # for it, where a ledger's list lacks it.
    word = categories.LEDGER_RETURNED
    have = m.Category.select().where(m.Category.list_key == "ledger_status")
    if have.exists() and not have.where(m.Category.name == word).exists():
        last = have.select(pw.fn.MAX(m.Category.sort_order)).scalar() or 0
        m.Category.insert(list_key="ledger_status", name=word, sort_order=last + 1).execute()


def _v13_record_versions(db: pw.Database) -> None:
    # Each record counts its saves, so a save over a newer one is caught
    # (issue 15: several PCs on one server ledger).
    for model in m.RECORD_MODELS:
        table = model._meta.table_name
        if "version" not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN version INTEGER NOT NULL DEFAULT 1')


# version reached -> step. Append only; never edit a step that has shipped.
STEPS: dict[int, Callable[[pw.Database], None]] = {
    2: _v2_talent_id_number,
    3: _v3_audit_and_recycle_bin,
    4: _v4_activity_sort_indexes,
    5: _v5_seal_the_change_log,
    6: _v6_ids_never_reused,
    7: _v7_ledger_info,
    8: _v8_names_read_as_people_read_them,
    9: _v9_search_index,
    10: _v10_search_index_by_type,
    11: _v11_record_uids,
    12: _v12_returned_hand_ins,
    13: _v13_record_versions,
}
# Steps that rebuild tables others point at: SQLite's foreign keys must be off
# around their transaction, or dropping the old table would cascade-delete
# the rows that point at it (PRAGMA foreign_keys is ignored inside one).
FOREIGN_KEYS_OFF = {6}
LATEST = max(STEPS) if STEPS else 1


@contextmanager
def _foreign_keys_off(db: pw.Database, wanted: bool):
    if not (wanted and isinstance(db, pw.SqliteDatabase)):
        yield
        return
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        if db.execute_sql("PRAGMA foreign_keys").fetchone()[0]:
            # Inside a transaction SQLite ignores the pragma; going on would
            # cascade the drop into the link tables.
            raise RuntimeError("foreign keys could not be turned off for the migration")
        yield
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer version of the program."""


def schema_version() -> int | None:
    """The file's schema version, or None for a file that holds no ledger yet."""
    db = database_proxy.obj
    if not db.table_exists("schema_version"):
        return None
    value = m.SchemaVersion.select(pw.fn.MAX(m.SchemaVersion.version)).scalar()
    return int(value) if value is not None else None


def needs_migration() -> bool:
    v = schema_version()
    return v is not None and v < LATEST


# What a long step reports its progress to (done, total), during migrate().
_progress: Callable[[int, int], None] | None = None


def migrate(progress: Callable[[int, int], None] | None = None) -> int:
    """Create or upgrade the schema; returns the version now in the file.

    progress(done, total) is called as the long steps (writing the search
    index of every record) go."""
    global _progress
    _progress = progress
    try:
        return _migrate()
    finally:
        _progress = None


def _migrate() -> int:
    db = database_proxy.obj
    current = schema_version()
    if current is None:
        with db.atomic():
            db.create_tables(m.ALL_MODELS)
            from desktop_app.records import search_index

            search_index.create(db)
            _server_tables(db)
            seed_categories()
            m.SchemaVersion.create(version=LATEST)
            seal.seal_from_table()
        return LATEST
    if current > LATEST:
        raise SchemaTooNewError(f"schema version {current} is newer than {LATEST}")
    for version in sorted(v for v in STEPS if v > current):
        with _foreign_keys_off(db, version in FOREIGN_KEYS_OFF), db.atomic():
            STEPS[version](db)
            m.SchemaVersion.create(version=version)
    with db.atomic():
        # Tables added by later versions of the model list, and new seed lists.
        db.create_tables(m.ALL_MODELS, safe=True)
        _server_tables(db)
        seed_categories()
    return LATEST


def _server_tables(db: pw.Database) -> None:
    """What a ledger on a server has besides (its attachments' bytes)."""
    if isinstance(db, pw.SqliteDatabase):
        return
    from desktop_app.server import schema

    schema.create(db)
