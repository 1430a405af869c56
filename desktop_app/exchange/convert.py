"""A cell as the form would hold it: dates, numbers, text, category words, names.

Spreadsheets kept by hand write one date five ways (2023.3.15, 2023年4月2日,
2023/5/16, 2023-6-1, an Excel serial number, 2023年3月 for a month), store
phone numbers as numbers (13812345678.0) and pad text with full-width spaces.
Each converter accepts what it can read without guessing and raises
CellError with a message for the rest; the service then checks the result
with the same rules as the form.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from desktop_app.exchange import messages as M
from desktop_app.records.specs import (
    CHILDREN,
    CHOICE,
    DATE,
    FK,
    FLOAT,
    INT,
    LINKS,
    LONGTEXT,
    MULTICHOICE,
    FieldSpec,
)
from desktop_app.records.values import clean_text

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
SERIAL_MIN, SERIAL_MAX = 18264, 73415  # 1950-01-01 … 2100-12-31 as Excel serial numbers
# What a cell shows when its formula failed; read as text, it is no value.
EXCEL_ERRORS = frozenset(
    ("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!")
)
EXACT_DIGITS = 15  # Excel keeps 15 significant digits of a number
NAME_SEPARATORS = re.compile(r"[、,，;；\n]+")
WORD_SEPARATORS = re.compile(r"[、,，;；/\n]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)

_YMD = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?(?:[\sT].*)?$")
_YM = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_SHOWN_AS_POWER = re.compile(r"^\d(?:\.\d+)?[eE]\+\d{1,3}$")
_NUMBER = re.compile(r"^([-+]?\d+(?:\.\d+)?)(?:人次|人|个|项|次|名|家|场|位|所)?$")
_CHILD = re.compile(
    r"^(\d{4}\s*[-./年]\s*\d{1,2}(?:\s*[-./月]\s*\d{1,2}\s*[日号]?|\s*月)?|\d{8})"
    r"(?:\s*[:：、,，;；\-—–~～]+\s*|\s+|$)(.*)$",  # 2023年6月30日，召开…; 2023.10.15—…
    re.S,
)


class CellError(ValueError):
    """A cell that cannot become a field value; message explains it."""

    def __init__(self, template: str, *args) -> None:
        super().__init__(template)
        self.template = template
        self.args_ = args


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not text:
        return True
    # Zero-width characters are not printable: only then is the slow check needed.
    return not text.isprintable() and not text.translate(_INVISIBLE).strip()


def _half_width(text: str) -> str:
    """Full-width digits and signs as ASCII (１２３ → 123); for dates and numbers only."""
    return unicodedata.normalize("NFKC", text)


# ---------------------------------------------------------------- text


def to_text(value: Any, multiline: bool = False) -> str:
    """Text of a cell: numbers without '.0', dates as 2023-09-04, spaces cleaned."""
    if value is None:
        return ""
    if type(value) is str:  # most cells: straight on
        text = _clean_str(value, multiline)
        if not multiline and text[:1].isdigit() and _SHOWN_AS_POWER.match(text):
            raise CellError(M.DIGITS_LOST)  # "1.40221E+17": Excel's display, saved as text
        return text
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError(M.BAD_NUMBER)
        if value.is_integer():
            if abs(value) >= 10**EXACT_DIGITS:
                # an ID number typed into a number cell: Excel kept 15 digits
                raise CellError(M.DIGITS_LOST)
            return str(int(value))
        return format(value, f".{EXACT_DIGITS}g")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return _clean_str(str(value), multiline)


def _clean_str(text: str, multiline: bool) -> str:
    if not text.isprintable():
        text = text.translate(_INVISIBLE)
    if multiline:
        lines = text.replace("\r\n", "\n").split("\n")
        return "\n".join(clean_text(line) for line in lines).strip()
    return clean_text(text)


# ---------------------------------------------------------------- dates


def to_date(value: Any, epoch: dt.datetime = EXCEL_EPOCH) -> dt.date | None:
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError(M.BAD_DATE)
    if isinstance(value, (int, float)):
        return _from_number(value, epoch)
    text = _half_width(str(value)).translate(_INVISIBLE).strip()
    try:
        if m := _YMD.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _YM.match(text):
            return dt.date(int(m[1]), int(m[2]), 1)  # a month alone: its first day
        if m := _COMPACT.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:  # 2023-02-30, 2023.13.1: written right, but no such day
        raise CellError(M.NO_SUCH_DAY) from None
    if _SERIAL.match(text):
        return _from_number(float(text), epoch)
    raise CellError(M.BAD_DATE)


def _from_number(value: float, epoch: dt.datetime) -> dt.date:
    if float(value).is_integer() and 19000101 <= value <= 21001231:
        try:
            text = str(int(value))
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            raise CellError(M.BAD_DATE) from None
    if SERIAL_MIN <= value <= SERIAL_MAX:
        return (epoch + dt.timedelta(days=int(value))).date()
    raise CellError(M.BAD_DATE)


# ---------------------------------------------------------------- numbers


def to_number(value: Any, integer: bool) -> int | float | None:
    if is_blank(value):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time)):
        raise CellError(M.BAD_NUMBER)
    if isinstance(value, (int, float)):
        number = value
    else:
        text = _half_width(str(value)).translate(_INVISIBLE)
        text = re.sub(r"[\s,]", "", text)
        m = _NUMBER.match(text)
        if not m:
            raise CellError(M.BAD_NUMBER)
        number = float(m[1])
    if number != number or number in (float("inf"), float("-inf")):
        raise CellError(M.BAD_NUMBER)
    if integer:
        if not float(number).is_integer():
            raise CellError(M.BAD_NUMBER)
        return int(number)
    return float(number)


# ---------------------------------------------------------------- words and names


def word_key(text: str) -> str:
    """How category words and names are compared: half-width, no spaces, no case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def split_words(value: Any) -> list[str]:
    """Several category words in one cell (产业发展、乡村振兴)."""
    return [w for w in (clean_text(p) for p in WORD_SEPARATORS.split(to_text(value, True))) if w]


def split_names(value: Any) -> list[str]:
    """Several names in one cell: 中北大学、山西农业大学 (also , ， ; ； or one per line)."""
    seen: list[str] = []
    for part in NAME_SEPARATORS.split(to_text(value, True)):
        name = clean_text(part)
        if name and name not in seen:
            seen.append(name)
    return seen


def _rest_of(line: str, half: str, start: int) -> str:
    """line after the part whose half-width form is half[:start], in its own characters.

    The date is matched on the half-width form (２０２３年５月１日); the entry
    after it keeps its full-width punctuation (签订协议，项目启动（一期）).
    """
    head = half[:start]
    for i in range(max(start - 8, 0), min(len(line), start + 8) + 1):
        if _half_width(line[:i]) == head:
            return line[i:]
    return half[start:]


def to_children(value: Any, epoch: dt.datetime = EXCEL_EPOCH) -> list[tuple[dt.date | None, str]]:
    """Dated entries, one per line: "2023-05-01 飞车首航" (a line without a date keeps none)."""
    if is_blank(value):
        return []
    if isinstance(value, (dt.date, dt.datetime)):
        return [(to_date(value), "")]
    out = []
    for line in to_text(value, True).split("\n"):
        line = line.strip()
        if not line:
            continue
        half = _half_width(line)
        m = _CHILD.match(half)
        if m:
            out.append((to_date(m[1], epoch), clean_text(_rest_of(line, half, m.start(2)))))
        else:
            out.append((None, line))
    return out


def convert(f: FieldSpec, value: Any, epoch: dt.datetime = EXCEL_EPOCH) -> Any:
    """A cell as the value the form would hold for field f (links: a list of names)."""
    if type(value) is str and value[:1] == "#" and value.strip() in EXCEL_ERRORS:
        raise CellError(M.ERROR_CELL, value.strip())
    kind = f.kind
    if kind == DATE:
        return to_date(value, epoch)
    if kind in (INT, FLOAT):
        return to_number(value, kind == INT)
    if kind == LONGTEXT:
        return to_text(value, multiline=True)
    if kind == MULTICHOICE:
        return split_words(value)
    if kind == FK:
        name = to_text(value)
        return [name] if name else []
    if kind == LINKS:
        return split_names(value)
    if kind == CHILDREN:
        return to_children(value, epoch)
    if kind == CHOICE:
        return to_text(value)
    return to_text(value)
