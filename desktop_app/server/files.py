"""Attachments of a server ledger: their bytes live in the database.

On one PC the files lie beside the ledger file; PCs sharing a server share no
folder, so a server ledger keeps each file's bytes in its table stored_file
(named <sha256><suffix>, as in the folder), written in the same transaction as
the attachment row. Each PC keeps what it has opened in a cache folder of its
own, filled on first use.
"""

from __future__ import annotations

import re
from pathlib import Path

import peewee as pw

TABLE = "stored_file"
_STORED_NAME = re.compile(r"[0-9a-f]{64}(\.[^./\\]{1,16})?")


def create(db: pw.Database) -> None:
    db.execute_sql(
        f"CREATE TABLE IF NOT EXISTS {TABLE} (name VARCHAR(100) PRIMARY KEY, data BYTEA NOT NULL)"
    )


def put(db: pw.Database, name: str, data: bytes) -> None:
    """Store a file's bytes once (inside the caller's transaction)."""
    import psycopg2

    db.execute_sql(
        f"INSERT INTO {TABLE} (name, data) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING",
        (name, psycopg2.Binary(data)),
    )


def fetch(db: pw.Database, name: str, dest: Path) -> bool:
    """Write the stored file to dest; False when the server has no such file."""
    import hashlib

    row = db.execute_sql(f"SELECT data FROM {TABLE} WHERE name = %s", (name,)).fetchone()
    if row is None:
        return False
    data = bytes(row[0])
    if hashlib.sha256(data).hexdigest() != name[:64]:
        # Bytes that are not the file the name promises (written past the
        # program): never shown as that attachment.
        raise ValueError(f"the server's copy of {name} does not match its checksum")
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    part.write_bytes(data)
    part.replace(dest)
    return True


def drop(db: pw.Database, name: str) -> None:
    db.execute_sql(f"DELETE FROM {TABLE} WHERE name = %s", (name,))


def upload_folder(target: pw.Database, source: pw.Database, folder: Path) -> int:
    """The files of a ledger file's folder that its attachments or its recycle
    bin name, stored on the server; returns how many."""
    if not folder.is_dir():
        return 0
    hashes = {h for (h,) in source.execute_sql("SELECT DISTINCT file_hash FROM attachment")}
    payloads = " ".join(p for (p,) in source.execute_sql("SELECT payload FROM deleted_record"))
    done = 0
    for path in sorted(folder.iterdir()):
        if not (path.is_file() and _STORED_NAME.fullmatch(path.name)):
            continue
        digest = path.name[:64]
        if digest in hashes or digest in payloads:
            put(target, path.name, path.read_bytes())
            done += 1
    return done


def download_folder(source: pw.Database, target: pw.Database, folder: Path) -> int:
    """Every file the server stores, written into folder; returns how many."""
    names = [n for (n,) in source.execute_sql(f"SELECT name FROM {TABLE} ORDER BY name")]
    for name in names:
        if _STORED_NAME.fullmatch(name) and not (folder / name).exists():
            fetch(source, name, folder / name)
    return len(names)
