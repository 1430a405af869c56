"""Typed settings over QSettings, each with a declared default.

Why typed: QSettings returns strings from INI files and odd types on Windows
registry round-trips; reading through one function per kind keeps that in one
place.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "CoopLedger"
APPLICATION = "CoopLedger"
MAX_RECENT = 8


def qsettings() -> QSettings:
    """INI file in COOP_LEDGER_HOME when set (tests, portable use), else the OS default."""
    home = os.environ.get("COOP_LEDGER_HOME")
    if home:
        return QSettings(os.path.join(home, "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def get_str(key: str, default: str = "") -> str:
    value = qsettings().value(key, default)
    return str(value) if value is not None else default


def set_value(key: str, value) -> None:
    s = qsettings()
    s.setValue(key, value)
    s.sync()


def get_bytes(key: str) -> QByteArray | None:
    value = qsettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def get_int(key: str, default: int) -> int:
    try:
        return int(qsettings().value(key, default))
    except (TypeError, ValueError):
        return default


def recent_files() -> list[str]:
    value = qsettings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent_file(path: str) -> None:
    files = [p for p in recent_files() if os.path.normcase(p) != os.path.normcase(path)]
    set_value("recent_files", [path, *files][:MAX_RECENT])


def operator_name() -> str:
    return get_str("operator_name", "")


def organization_name() -> str:
    return get_str("organization_name", "")
