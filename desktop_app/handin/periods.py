"""The period a hand-in is for, as the ledger names it (2023年第三季度)."""

from __future__ import annotations

import re

_QUARTERS = "一二三四"
_Q = re.compile(r"^\s*(\d{4})\s*(?:[-_ ]?[Qq]|年\s*第?\s*)([1-4一二三四])\s*(?:季度)?\s*$")
_M = re.compile(r"^\s*(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})\s*月?\s*$")
_Y = re.compile(r"^\s*(\d{4})\s*年?(?:度)?\s*$")


def normalize(text: str) -> str | None:
    """2023Q3, 2023-Q3, 2023年第3季度 and 2023年第三季度 -> 2023年第三季度;
    2023-07 and 2023年7月 -> 2023年7月; 2023 -> 2023年度. None for anything else."""
    text = (text or "").strip()
    year = re.match(r"\s*(\d{4})", text)
    if year is None or not 1900 <= int(year.group(1)) <= 2200:
        return None  # as the sheets take a year
    found = _Q.match(text)
    if found:
        year, q = found.groups()
        number = int(q) if q.isdigit() else _QUARTERS.index(q) + 1
        return f"{year}年第{_QUARTERS[number - 1]}季度"
    found = _M.match(text)
    if found and 1 <= int(found.group(2)) <= 12:
        return f"{found.group(1)}年{int(found.group(2))}月"
    found = _Y.match(text)
    if found:
        return f"{found.group(1)}年度"
    return None
