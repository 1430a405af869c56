"""Move a whole ledger between a SQLite file and a PostgreSQL server.

`server upload` copies a ledger file to a server ledger that holds no records
yet; `server download` (and a server's backup) writes a new SQLite file from a
server ledger. Every table is copied row for row with its ids, so links,
children, the recycle bin and the change log's chain (whose hashes name record
ids) arrive unchanged; attachments' bytes go into the server's file table and
back into the folder beside the file. The copy is one transaction on the
receiving side and is checked before it is kept: the same row count in every
table, the same head of the change log.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from desktop_app.records import search_index
from desktop_app.server import files
from desktop_app.store import db as store_db
from desktop_app.store import migrations, seal
from desktop_app.store import models as m

Progress = Callable[[int, int], None]
BATCH = 2000


class TransferError(RuntimeError):
    """Why a ledger could not be moved; nothing was kept on the receiving side."""


@dataclass
class Moved:
    rows: dict[str, int]  # table -> rows copied
    entries: int  # change-log entries
    head: str  # the change log's newest hash
    files: int  # attachment files copied


def _tables() -> list[type[pw.Model]]:
    return pw.sort_models(m.ALL_MODELS)


def _rows(db: pw.Database, model: type[pw.Model]) -> Iterator[list]:
    """The model's rows on db as Python values (the fields' own reading:
    SQLite's 0/1 and date text become booleans and dates)."""
    fields = model._meta.sorted_fields
    names = ", ".join(f'"{f.column_name}"' for f in fields)
    order = '"id"' if "id" in model._meta.fields else "1"
    cursor = db.execute_sql(f'SELECT {names} FROM "{model._meta.table_name}" ORDER BY {order}')
    while True:
        chunk = cursor.fetchmany(BATCH)
        if not chunk:
            return
        for row in chunk:
            yield [f.db_value(f.python_value(v)) for f, v in zip(fields, row, strict=True)]


def _count(db: pw.Database, table: str) -> int:
    return db.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def _head(db: pw.Database) -> str:
    row = db.execute_sql("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else seal.GENESIS


def _highest_ids(db: pw.Database) -> dict[str, int]:
    """table -> the highest id it ever handed out (ids are never reused)."""
    out = {}
    for model in _tables():
        if "id" not in model._meta.fields:
            continue
        table = model._meta.table_name
        out[table] = db.execute_sql(f'SELECT MAX(id) FROM "{table}"').fetchone()[0] or 0
    if isinstance(db, pw.SqliteDatabase):
        for name, seq in db.execute_sql("SELECT name, seq FROM sqlite_sequence"):
            if name in out:
                out[name] = max(out[name], int(seq or 0))
    else:
        for table in out:
            seq = db.execute_sql("SELECT pg_get_serial_sequence(?, 'id')", (table,)).fetchone()[0]
            if seq:
                last, called = db.execute_sql(f"SELECT last_value, is_called FROM {seq}").fetchone()
                out[table] = max(out[table], int(last) if called else 0)
    return out


def _set_highest_ids(db: pw.Database, highest: dict[str, int]) -> None:
    for table, value in highest.items():
        if isinstance(db, pw.SqliteDatabase):
            db.execute_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
            db.execute_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, value))
        else:
            seq = db.execute_sql("SELECT pg_get_serial_sequence(?, 'id')", (table,)).fetchone()[0]
            if seq:
                db.execute_sql("SELECT setval(?, ?, ?)", (seq, max(value, 1), value > 0))


def _copy_tables(source: pw.Database, target: pw.Database, progress: Progress | None) -> None:
    total = sum(_count(source, model._meta.table_name) for model in _tables())
    done = 0
    for model in _tables():
        table = model._meta.table_name
        target.execute_sql(f'DELETE FROM "{table}"')  # a new ledger's seeded lists
        fields = model._meta.sorted_fields
        names = ", ".join(f'"{f.column_name}"' for f in fields)
        marks = ", ".join("?" for _ in fields)
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
        if not isinstance(target, pw.SqliteDatabase):
            sql = store_db.qmarks_to_pyformat(sql)
        batch: list[list] = []
        cursor = target.cursor()
        check = not isinstance(target, pw.SqliteDatabase)
        for values in _rows(source, model):
            if check:
                _fit_for_server(model, fields, values)
            batch.append(values)
            if len(batch) == BATCH:
                cursor.executemany(sql, batch)
                done += len(batch)
                batch = []
                if progress:
                    progress(done, total)
        if batch:
            cursor.executemany(sql, batch)
            done += len(batch)
            if progress:
                progress(done, total)


def _fit_for_server(model: type[pw.Model], fields: list[pw.Field], values: list) -> None:
    """A value a file can hold and a server cannot (a date that is no date, a
    word in a number column, a NUL character) is named, with its row, before
    anything is written: the upload is refused whole."""
    import datetime as dt

    for f, v in zip(fields, values, strict=True):
        problem = None
        if v is None:
            continue
        if isinstance(f, (pw.DateField, pw.DateTimeField)) and not isinstance(
            v, (dt.date, dt.datetime)
        ):
            problem = "is not a date"
        elif isinstance(f, (pw.IntegerField, pw.AutoField)) and not isinstance(v, int):
            problem = "is not a whole number"
        elif isinstance(v, str) and "\x00" in v:
            problem = "holds a NUL character"
        if problem:
            rid = values[0] if fields and fields[0].name == "id" else "?"
            raise TransferError(
                f"table {model._meta.table_name}, row id {rid}, column {f.column_name}: "
                f"{str(v)[:40]!r} {problem}. Mend it in the ledger file (open the record "
                "in the program and save it) and upload again; nothing was written"
            )


def _verify(source: pw.Database, target: pw.Database) -> Moved:
    rows = {}
    for model in _tables():
        table = model._meta.table_name
        have, want = _count(target, table), _count(source, table)
        if have != want:
            raise TransferError(f"table {table}: {have} row(s) arrived of {want}")
        rows[table] = have
    head = _head(target)
    if head != _head(source):
        raise TransferError("the change log's newest entry differs after the copy")
    return Moved(rows, rows.get("audit_entry", 0), head, 0)


def _open_file(path: Path) -> pw.Database:
    """A ledger file on a connection of its own, at this version's schema (an
    older file is backed up and moved up first, as opening it would)."""
    from desktop_app.safety.backup import backup_before

    db = store_db.LedgerDatabase(str(path), pragmas=store_db.SQLITE_PRAGMAS)
    db.connect()
    try:
        with store_db.using(db):
            if migrations.needs_migration():
                backup_before(Path(path), "pre-migration")
            migrations.migrate()
    except BaseException:
        db.close()
        raise
    return db


def _holds_ledger(url: str) -> None:
    if migrations.schema_version() != migrations.LATEST:
        raise TransferError(
            f"{store_db.display_url(url)} holds no ledger of this version: "
            "run coop-ledger server init first"
        )


def upload(
    source_path: Path, url: str, progress: Progress | None = None, password: str | None = None
) -> Moved:
    """Copy the ledger file at source_path into the server ledger at url, which
    must hold no records yet (made by `server init`)."""
    from desktop_app.safety import integrity

    source_path = Path(source_path)
    if not source_path.is_file():
        raise TransferError(f"no ledger file at {source_path}")
    problems = integrity.check_file(source_path, full=True)  # also: not a ledger at all
    if problems:
        raise TransferError(f"{source_path} is damaged or not a ledger: {problems[0]}")
    target = store_db.connect_server(url, password)
    try:
        source = _open_file(source_path)
    except BaseException:
        target.close()
        raise
    try:
        with store_db.using(target):
            _holds_ledger(url)
            held = sum(_count(target, model._meta.table_name) for model in m.RECORD_MODELS)
            held += _count(target, "audit_entry")
            if held:
                raise TransferError(
                    f"{store_db.display_url(url)} already holds {held} record(s) or change(s): "
                    "upload goes to a new server ledger only"
                )
            with target.atomic():
                _copy_tables(source, target, progress)
                _set_highest_ids(target, _highest_ids(source))
                moved = _verify(source, target)
                folder = source_path.parent / f"{source_path.stem}-files"
                moved.files = files.upload_folder(target, source, folder)
                search_index.rebuild(target)
            # Fresh statistics: the planner would take 230,000 new rows for empty tables.
            target.execute_sql("ANALYZE")
        return moved
    finally:
        target.close()
        source.close()


def download(
    url: str, dest: Path, progress: Progress | None = None, password: str | None = None
) -> Moved:
    """Write the server ledger at url as a new SQLite file dest (and its
    attachments into the folder beside it). The ledger open in this program,
    if any, stays open."""
    dest = Path(dest)
    if dest.exists():
        raise TransferError(f"{dest} exists already: give the name of a new file")
    part = dest.with_name(dest.name + ".part")
    leftovers = (part, Path(f"{part}-wal"), Path(f"{part}-shm"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    source = store_db.connect_server(url, password)
    target = None
    try:
        with store_db.using(source):
            _holds_ledger(url)
        target = _open_file(part)
        with source.atomic("REPEATABLE READ"):  # one moment of the server ledger
            with store_db.using(target), target.atomic():
                _copy_tables(source, target, progress)
                _set_highest_ids(target, _highest_ids(source))
                moved = _verify(source, target)
                search_index.rebuild(target)
                seal.seal_from_table()
            moved.files = files.download_folder(
                source, target, dest.with_name(f"{dest.stem}-files")
            )
        # One file, no -wal beside it: a copy that travels and opens anywhere.
        target.execute_sql("PRAGMA journal_mode=DELETE")
        target.close()
        target = None
        os.replace(part, dest)
        return moved
    except BaseException:
        if target is not None:
            target.close()
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        raise
    finally:
        source.close()
