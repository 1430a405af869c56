"""Lists that follow the server: a save on another PC shows here by itself.

The server announces each save (server/listening.py); a QSocketNotifier on
the listening connection wakes the window at once, and the pages of the
record types saved refresh in place, keeping the selection and the scroll
position. Should the listening connection fail, a timer asks every few
seconds whether the change log grew, so a change still shows within 10 s.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from desktop_app.store import db as store_db

log = logging.getLogger(__name__)

POLL_MS = 5000  # the fallback's interval, when nothing can be listened to
SETTLE_MS = 300  # announcements arriving together refresh once


class LiveRefresh(QObject):
    changed = Signal(object)  # set of record types saved elsewhere

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: set[str] = set()
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._emit)
        self._listener = None
        self._notifier = None
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._poll_log)
        self._last_entry = self._newest_entry()
        try:
            from desktop_app.server.listening import Listener

            self._listener = Listener(url)
            self._notifier = QSocketNotifier(
                self._listener.fileno(), QSocketNotifier.Type.Read, self
            )
            self._notifier.activated.connect(self._readable)
        except Exception:
            log.exception("cannot listen to %s; asking every %d ms", url, POLL_MS)
            self._poll.start()

    def _readable(self, *_args) -> None:
        try:
            kinds = self._listener.drain()
        except Exception:
            log.exception("the listening connection failed; asking every %d ms", POLL_MS)
            self._notifier.setEnabled(False)
            self._poll.start()
            return
        if kinds:
            self._pending |= kinds
            self._settle.start()

    @staticmethod
    def _newest_entry() -> int:
        try:
            db = store_db.database_proxy.obj
            return db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").fetchone()[0]
        except Exception:
            return 0

    def _poll_log(self) -> None:
        newest = self._newest_entry()
        if newest != self._last_entry:
            self._last_entry = newest
            self._pending.add("*")
            self._settle.start()

    def _emit(self) -> None:
        kinds, self._pending = self._pending, set()
        self.changed.emit(kinds)

    def stop(self) -> None:
        self._poll.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
