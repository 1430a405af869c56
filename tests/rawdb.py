"""Writing to a ledger behind the program's back, as another tool would: a
connection of its own to the file or the server, ? parameters on both."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def tamper_as_program(url: str, *statements: tuple[str, tuple]) -> None:
    """Run statements on a server ledger as any login would, triggers in force."""
    tamper(url, *statements, owner=False)


def tamper(target: Path | str, *statements: tuple[str, tuple], owner: bool = True) -> None:
    """Run each (sql, params) and commit, outside the program (on a server as
    the tables' owner, its triggers set aside, unless owner=False)."""
    from desktop_app.store import db as store_db

    if store_db.is_server(target):
        import psycopg2

        con = psycopg2.connect(str(target))
        try:
            cur = con.cursor()
            # As the tables' owner with a tool of their own: the server's
            # triggers (the append-only change log, its seal) set aside.
            if owner:
                cur.execute("SET session_replication_role = replica")
            for sql, params in statements:
                cur.execute(store_db.qmarks_to_pyformat(sql), params)
            con.commit()
        finally:
            con.close()
        return
    con = sqlite3.connect(target)
    try:
        for sql, params in statements:
            con.execute(sql, params)
        con.commit()
    finally:
        con.close()
