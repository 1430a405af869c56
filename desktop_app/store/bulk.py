"""Insert many rows with one prepared statement, on peewee's own connection.

peewee builds a parameter node for every value of an insert_many(): for
10,000 imported records with their links and history entries that was 2.7 s
of the 3 s the import took, against 0.2 s in SQLite. Here the statement is
written once and each row's values go through the fields' own db_value, so
they are stored exactly as peewee would store them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import peewee as pw


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def insert_rows(model: type[pw.Model], rows: Iterable[Mapping[str, Any]]) -> list[int]:
    """INSERT each row (all with the same keys: field or column names); the new ids in order.

    Run it inside the caller's transaction: a row that breaks a constraint
    raises, and the transaction is what takes the earlier rows back.
    """
    rows = list(rows)
    if not rows:
        return []
    meta = model._meta
    given = [meta.combined[key] for key in rows[0]]
    names = {f.name for f in given}  # by name: a peewee Field's == builds an expression
    # Fields left out get their Python defaults, as peewee's insert gives them.
    defaults = [
        f
        for f in meta.sorted_fields
        if f.name not in names and not f.primary_key and f.default is not None
    ]
    fields = given + defaults
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        _quote(meta.table_name),
        ", ".join(_quote(f.column_name) for f in fields),
        ", ".join("?" for _ in fields),
    )
    keys = list(rows[0])
    converters = [f.db_value for f in given]
    cursor = meta.database.cursor()
    ids = []
    for row in rows:
        params = [conv(row[k]) for conv, k in zip(converters, keys, strict=True)]
        for f in defaults:
            params.append(f.db_value(f.default() if callable(f.default) else f.default))
        cursor.execute(sql, params)
        ids.append(cursor.lastrowid)
    return ids
