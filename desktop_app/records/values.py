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


# Place names pypinyin's phrase dictionary reads as common words (长治 is not
# zhang zhi): the names of the institutions and places a ledger holds.
PLACE_READINGS = {
    "长治": "chang zhi",
    "洪洞": "hong tong",
    "解州": "xie zhou",
    "单县": "shan xian",
    "浚县": "xun xian",
    "会稽": "kuai ji",
    "朝阳": "chao yang",
    "乐亭": "lao ting",
    "大城": "dai cheng",
    "蔚县": "yu xian",
    "繁峙": "fan shi",
    "尉氏": "wei shi",
    "六合": "lu he",
    "歙县": "she xian",
    "铅山": "yan shan",
}

# Surnames read otherwise than the character's common reading (单 shan, not
# dan), two-character surnames first. Only a person's name starts with them.
SURNAME_READINGS = {
    "万俟": "mo qi",
    "尉迟": "yu chi",
    "单于": "chan yu",
    "长孙": "zhang sun",
    "澹台": "tan tai",
    "令狐": "ling hu",
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "华": "hua",
    "乐": "yue",
    "缪": "miao",
    "覃": "qin",
    "种": "chong",
    "召": "shao",
    "员": "yun",
    "翟": "zhai",
    "薄": "bo",
    "秘": "bi",
    "折": "she",
    "冼": "xian",
    "洗": "xian",
    "牟": "mu",
    "阚": "kan",
    "繁": "po",
    "句": "gou",
    "隗": "wei",
    "宓": "mi",
    "郇": "huan",
    "卜": "bu",
    "柏": "bai",
    "车": "che",
    "祭": "zhai",
    "能": "nai",
    "都": "du",
    "长": "chang",
    "重": "chong",
    "纪": "ji",
    "任": "ren",
    "沈": "shen",
    "尉": "wei",
    "过": "guo",
    "占": "zhan",
}


@cache
def _pinyin_ready() -> None:
    from pypinyin import load_phrases_dict

    load_phrases_dict({k: [[p] for p in v.split()] for k, v in PLACE_READINGS.items()})


@lru_cache(maxsize=65536)
def _head_pinyin(head: str) -> str:
    from pypinyin import Style, lazy_pinyin  # here: its dictionaries take 0.2 s to load

    _pinyin_ready()
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


def person_sort_key(name: str) -> str:
    """A person's name as people read it: the surname by its surname reading
    (单田芳 sorts under S, 曾 under Z, 解 under X), the given name as usual."""
    name = (name or "").strip()
    for length in (2, 1):
        surname = name[:length]
        if len(surname) == length and surname in SURNAME_READINGS:
            head = SURNAME_READINGS[surname].replace(" ", "")
            return (head + sort_key(name[length:]))[:SORT_KEY_LENGTH]
    return sort_key(name)


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
