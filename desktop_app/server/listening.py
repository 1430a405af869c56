"""Hearing of saves made on other PCs: LISTEN on the server's channel.

A connection of its own (the program's connection is busy with its queries);
the caller watches its socket (ui/live_refresh.py does, with Qt) and calls
drain() when it is readable. Every save appends to the change log, whose
trigger announces the record type (server/schema.py).
"""

from __future__ import annotations

from desktop_app.store import db as store_db

CHANNEL = "coop_ledger"


class Listener:
    def __init__(self, url: str) -> None:
        self.db = store_db.connect_server(url)
        self.connection = self.db.connection()
        self.connection.autocommit = True
        self.connection.cursor().execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return self.connection.fileno()

    def drain(self) -> set[str]:
        """The record types announced since the last drain (empty: none)."""
        self.connection.poll()
        kinds = {n.payload for n in self.connection.notifies}
        self.connection.notifies.clear()
        return kinds

    def close(self) -> None:
        try:
            self.db.close()
        except Exception:  # a server gone away: nothing to close
            pass
