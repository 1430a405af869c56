"""Cooperation Ledger (合作台账)."""

from __future__ import annotations

import logging
import os
from importlib.resources import files
from pathlib import Path

__version__ = "0.1.0"


def _resources_dir() -> Path:
    # The files are package data: inside the wheel, and at the same place under
    # the package in a PyInstaller build, so they are found however we run.
    # Qt's loaders want a file name, and every way the program is installed
    # (editable, wheel, frozen) keeps the package as files on disk.
    return Path(os.fspath(files(__name__) / "resources"))


RESOURCES: Path = _resources_dir()


def resource(*parts: str) -> Path:
    """A file shipped with the program: resource("icons", "coop-ledger.png")."""
    return RESOURCES.joinpath(*parts)


# A library's records go where the program sets up logging (the log file), and
# never to stderr through logging's last-resort handler.
logging.getLogger(__name__).addHandler(logging.NullHandler())
