"""Converting field values between the form, the database and text."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from desktop_app.records.specs import MULTI_SEPARATOR

_SPACES = re.compile(r"\s+")
# Never meant as text: control characters other than tab, newline and carriage
# return (Excel refuses them: one in a ledger made every .xlsx export of its
# record type fail), and the bidi overrides that make text display in another
# order than it is stored (a name or a phone number that reads differently).
HOSTILE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def strip_hostile(text: str) -> str:
    """text without control characters and bidi overrides."""
    return HOSTILE_CHARACTERS.sub("", text)


def clean_text(value: object) -> str:
    """Trim, turn full-width spaces into plain ones, collapse runs of spaces."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    # Most cells are clean already: no tab, newline or odd space (none is
    # printable), no double space, nothing to trim.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    text = strip_hostile(text).replace("\u3000", " ").replace("\xa0", " ")
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


SORT_KEY_LENGTH = 120
_HEAD = 6  # characters read as phrases: where polyphones decide the order (重庆 → chong)


def warm_up() -> None:
    """Load the pinyin dictionaries now (0.2 s), so the first save after an idle
    start does not wait for them; commands that never sort never load them."""
    _head_pinyin("预热")


@lru_cache(maxsize=65536)
def _head_pinyin(head: str) -> str:
    from pypinyin import Style, lazy_pinyin  # here: its dictionaries take 0.2 s to load

    return "".join(lazy_pinyin(head, style=Style.NORMAL, errors="default")).lower()


@cache
def _char_pinyin(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(char, style=Style.NORMAL, errors="default")).lower()


def sort_key(text: str) -> str:
    """Pinyin of a name, so names sort as a Chinese user expects (阿 … 中).

    The head is read with pypinyin's phrase dictionary (重庆大学 sorts under C);
    the rest a character at a time from a cache, which rarely changes an order
    and makes a 10,000-row import's keys 10× cheaper.
    """
    text = text or ""
    key = _head_pinyin(text[:_HEAD]) + "".join(_char_pinyin(c) for c in text[_HEAD:SORT_KEY_LENGTH])
    return key[:SORT_KEY_LENGTH]


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
