"""Converting field values between the form, the database and text."""

from __future__ import annotations

import datetime as dt
import re

from pypinyin import Style, lazy_pinyin

from desktop_app.records.specs import MULTI_SEPARATOR

_SPACES = re.compile(r"\s+")


def clean_text(value: object) -> str:
    """Trim, turn full-width spaces into plain ones, collapse runs of spaces."""
    if value is None:
        return ""
    text = str(value).replace("\u3000", " ").replace("\xa0", " ")
    return _SPACES.sub(" ", text).strip() if "\n" not in text else text.strip()


def split_multi(value: str | list[str] | None) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        return [clean_text(v) for v in value if clean_text(v)]
    parts = re.split(r"[、,，;；/]", value)
    return [p.strip() for p in parts if p.strip()]


def join_multi(words: list[str]) -> str:
    return MULTI_SEPARATOR.join(words)


def sort_key(text: str) -> str:
    """Pinyin of a name, so names sort as a Chinese user expects (阿 … 中)."""
    return "".join(lazy_pinyin(text or "", style=Style.NORMAL, errors="default")).lower()[:120]


def format_date(value: dt.date | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        return value
    return value.isoformat()


def to_date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
