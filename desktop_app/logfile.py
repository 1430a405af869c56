"""The rotating log in the user's data folder (no Qt: the command line uses it too)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from desktop_app.store import db as store_db


def setup_logging() -> Path:
    """Rotating log in the user's data folder; it is what support asks for."""
    path = store_db.data_dir() / "coop-ledger.log"
    root = logging.getLogger()
    for h in list(root.handlers):
        # Another data folder than the one set up before (a second ledger's
        # --db in one process, tests): log where this one is.
        if isinstance(
            h, logging.handlers.RotatingFileHandler
        ) and h.baseFilename != os.path.abspath(path):
            root.removeHandler(h)
            h.close()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
