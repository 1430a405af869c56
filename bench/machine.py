"""The machine line every benchmark prints beside its figures."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
from pathlib import Path


def machine(*packages: str) -> list[str]:
    """CPU, cores, OS, Python, SQLite and the versions of the named packages."""
    import importlib

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = ", ".join(f"{p} {importlib.import_module(p).__version__}" for p in packages)
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores",
        f"OS: {platform.platform()}",
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
        + (f", {versions}" if versions else ""),
        f"Date: {dt.date.today().isoformat()}",
    ]
