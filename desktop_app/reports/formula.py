"""Work out the simple formulas a form holds, for printing it (form_paper.py).

openpyxl keeps a formula's text, not its value, and a filled form has no
cached values. Offices' forms add up their rows: arithmetic, SUM, AVERAGE,
MIN, MAX, COUNT and ROUND over numbers, cells and ranges, on this sheet or
another ('其他表'!B3). Anything else is UNKNOWN, and the printout leaves the
cell empty and says so, rather than print a wrong number.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from openpyxl.utils import range_boundaries
from openpyxl.workbook.workbook import Workbook

UNKNOWN = object()

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)
    | (?P<ref>(?:(?:'[^']+'|[^\s'!(),:+\-*/^&=<>]+)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)
    | (?P<func>[A-Za-z][A-Za-z0-9.]*)\s*\(
    | (?P<op>[-+*/(),%])
    )""",
    re.X,
)
_FUNCTIONS = {"SUM", "AVERAGE", "MIN", "MAX", "COUNT", "ROUND"}


class _Unknown(Exception):
    pass


# How deep one evaluation may follow references before it starts over from the
# deepest cell it reached: a running total down 5,000 rows (C5000 = C4999 + B5000)
# would otherwise overflow Python's stack (a RecursionError, exit 3).
MAX_DEPTH = 50
DIV0 = "#DIV/0!"  # what Excel shows for a division by zero, and an AVERAGE of nothing


class _TooDeep(Exception):
    def __init__(self, key: tuple[str, str]):
        super().__init__(key)
        self.key = key


class Evaluator:
    def __init__(self, wb: Workbook):
        self.wb = wb
        self._done: dict[tuple[str, str], Any] = {}
        self._busy: set[tuple[str, str]] = set()
        self._depth = 0

    def value(self, sheet: str, coordinate: str) -> Any:
        """The cell's value, its formula worked out; UNKNOWN when it cannot be."""
        key = (sheet, coordinate.replace("$", "").upper())
        if key in self._done:
            return self._done[key]
        if self._depth:
            return self._eval(key)
        # From the top: a chain too deep is worked out from its far end first.
        pending = [key]
        for _ in range(100_000):
            if not pending:
                break
            try:
                self._eval(pending[-1])
                pending.pop()
            except _TooDeep as deep:
                if deep.key in pending:  # no progress: give that cell up
                    self._done[deep.key] = UNKNOWN
                else:
                    pending.append(deep.key)
        return self._done.get(key, UNKNOWN)

    def _eval(self, key: tuple[str, str]) -> Any:
        if key in self._done:
            return self._done[key]
        if key in self._busy:
            return UNKNOWN  # a circular reference
        try:
            raw = self.wb[key[0]][key[1]].value
        except KeyError:
            return UNKNOWN
        if not (isinstance(raw, str) and raw.startswith("=")):
            return raw
        if self._depth >= MAX_DEPTH:
            raise _TooDeep(key)
        self._busy.add(key)
        self._depth += 1
        try:
            result = _Parser(self, key[0], raw[1:]).parse()
        except ZeroDivisionError:
            result = DIV0
        except (_Unknown, ArithmeticError, ValueError, IndexError):
            result = UNKNOWN  # decimal's InvalidOperation (ROUND(1E+30, 2)) among them
        finally:
            self._busy.discard(key)
            self._depth -= 1
        self._done[key] = result
        return result


class _Parser:
    def __init__(self, ev: Evaluator, sheet: str, text: str):
        self.ev = ev
        self.sheet = sheet
        self.tokens = []
        pos = 0
        text = text.strip()
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise _Unknown
            kind = m.lastgroup
            self.tokens.append((kind, m.group(kind)))
            pos = m.end()
        self.i = 0

    def parse(self) -> Any:
        value = self._sum()
        if self.i != len(self.tokens):
            raise _Unknown
        return _scalar(value)

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take(self, text: str) -> bool:
        tok = self._peek()
        if tok and tok[0] == "op" and tok[1] == text:
            self.i += 1
            return True
        return False

    def _sum(self) -> Any:
        value = self._product()
        while True:
            if self._take("+"):
                value = _num(value) + _num(self._product())
            elif self._take("-"):
                value = _num(value) - _num(self._product())
            else:
                return value

    def _product(self) -> Any:
        value = self._unary()
        while True:
            if self._take("*"):
                value = _num(value) * _num(self._unary())
            elif self._take("/"):
                value = _num(value) / _num(self._unary())
            else:
                return value

    def _unary(self) -> Any:
        if self._take("-"):
            return -_num(self._unary())
        if self._take("+"):
            return _num(self._unary())
        value = self._atom()
        if self._take("%"):
            return _num(value) / 100
        return value

    def _atom(self) -> Any:
        tok = self._peek()
        if tok is None:
            raise _Unknown
        kind, text = tok
        self.i += 1
        if kind == "number":
            return float(text)
        if kind == "ref":
            return self._ref(text)
        if kind == "func":
            name = text.upper()
            if name not in _FUNCTIONS:
                raise _Unknown
            args = []
            if not self._take(")"):
                while True:
                    args.append(self._sum())
                    if self._take(")"):
                        break
                    if not self._take(","):
                        raise _Unknown
            return _call(name, args)
        if kind == "op" and text == "(":
            value = self._sum()
            if not self._take(")"):
                raise _Unknown
            return value
        raise _Unknown

    def _ref(self, text: str) -> Any:
        sheet = self.sheet
        if "!" in text:
            sheet, text = text.rsplit("!", 1)
            sheet = sheet.strip("'")
        min_col, min_row, max_col, max_row = range_boundaries(text.replace("$", ""))
        if (min_col, min_row) == (max_col, max_row) and ":" not in text:
            return self._cell(sheet, min_row, min_col)
        return [
            self._cell(sheet, r, c)
            for r in range(min_row, max_row + 1)
            for c in range(min_col, max_col + 1)
        ]

    def _cell(self, sheet: str, row: int, col: int) -> Any:
        from openpyxl.utils import get_column_letter

        value = self.ev.value(sheet, f"{get_column_letter(col)}{row}")
        if value is UNKNOWN:
            raise _Unknown
        if value == DIV0:
            raise ZeroDivisionError  # an error spreads to what uses it, as in Excel
        return value


def _scalar(value: Any) -> Any:
    if isinstance(value, list):
        raise _Unknown
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _num(value: Any) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, list):
        raise _Unknown
    raise _Unknown  # text in arithmetic: Excel's #VALUE!


def _numbers(args: list[Any]) -> list[float]:
    out = []
    for a in args:
        if isinstance(a, list):
            out += [float(x) for x in a if isinstance(x, (int, float)) and not isinstance(x, bool)]
        else:
            out.append(_num(a))
    return out


def _call(name: str, args: list[Any]) -> Any:
    if name == "ROUND":
        if len(args) != 2:
            raise _Unknown
        # Excel rounds halves away from zero (2.5 -> 3), Python's round to even.
        digits = int(_num(args[1]))
        with localcontext() as context:
            context.prec = 400  # ROUND(1E+30, 2) and ROUND(x, 30) need more than 28 digits
            exact = Decimal(repr(_num(args[0]))).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
        return float(exact)
    numbers = _numbers(args)
    if name == "SUM":
        return sum(numbers)
    if name == "COUNT":
        return float(len(numbers))
    if not numbers:
        if name == "AVERAGE":
            raise ZeroDivisionError  # Excel: #DIV/0!
        return 0.0
    if name == "AVERAGE":
        return sum(numbers) / len(numbers)
    if name == "MIN":
        return min(numbers)
    return max(numbers)
