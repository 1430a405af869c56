"""Integrity checks: a quick one whenever a file opens, a full one on demand."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.store.db import sqlite3_read_only


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3_read_only(path)


SQLITE_MAGIC = b"SQLite format 3\x00"


def header_problems(path: Path) -> list[str]:
    """Damage in the 100-byte file header that SQLite's checks do not report.

    Bytes 18 and 19 are the write and read format versions (1 legacy, 2 WAL).
    Anything above 2 makes SQLite refuse every write ("attempt to write a
    readonly database") while quick_check and integrity_check say ok.
    """
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return [f"cannot read the file: {exc.strerror or exc}"]
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return ["not a ledger file (no SQLite header)"]
    write_version, read_version = header[18], header[19]
    if write_version not in (1, 2) or read_version not in (1, 2):
        return [f"damaged file header: format versions {write_version}/{read_version}"]
    return []


def _is_bad_utf8(value: bytes | None) -> int:
    try:
        if value is not None:
            value.decode("utf-8")
        return 0
    except UnicodeDecodeError:
        return 1


def invalid_text(con: sqlite3.Connection, most: int = 20) -> list[str]:
    """Rows whose text is not valid UTF-8, as 'TABLE row ID: column COL …'.

    The program reads such text with U+FFFD in place of the bad bytes, so
    nothing crashes; this says where it is. It reads every text value once
    (about 1 s for the 50 MB benchmark ledger), so only the full check runs it.
    """
    con.create_function("bad_utf8", 1, _is_bad_utf8, deterministic=True)
    out: list[str] = []
    tables = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            # The search index is derived from the records (and rebuilt from
            # them); its virtual table and FTS5's own tables hold no user text.
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'search_index_%'"
        )
    ]
    for table in tables:
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        for column in columns:
            rows = con.execute(
                f'SELECT rowid FROM "{table}" WHERE typeof("{column}") = \'text\' '
                f'AND bad_utf8(CAST("{column}" AS BLOB)) LIMIT ?',
                (most - len(out),),
            ).fetchall()
            out += [f"{table} row {r[0]}: {column} is not valid UTF-8 text" for r in rows]
            if len(out) >= most:
                return out
    return out


def check_file(path: Path, full: bool = False, text: bool = False) -> list[str]:
    """Problems found in a ledger file; an empty list means it is sound.

    quick_check reads every page but skips index contents (fast enough for
    every open); integrity_check also verifies the indexes. text: also look
    for text that is not valid UTF-8 (what `coop-ledger check` does).
    """
    problems: list[str] = header_problems(path)
    if problems:
        return problems
    try:
        con = _connect_ro(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}").fetchall()]
        if rows != ["ok"]:
            problems += rows
        for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"{table} row {rowid}: missing {parent} record")
        if text and not problems:
            problems += invalid_text(con)
    except sqlite3.DatabaseError as exc:
        problems.append(str(exc))
    finally:
        con.close()
    return problems


def quarantine(path: Path) -> Path:
    """Rename a damaged file (and its WAL) to *.damaged so nothing writes to it."""
    target = path.with_name(path.name + ".damaged")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged{n}")
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target
