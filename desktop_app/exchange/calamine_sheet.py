"""Rows of one sheet read by python-calamine, as the other readers give them.

Used by xlsx_source and xls_source once their scans have found the sheet
safe to hold whole (calamine builds a sheet as one dense grid).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.exchange import messages as M
from desktop_app.exchange.messages import ExchangeError
from desktop_app.exchange.reader import Row, _short, os_error

EXACT_INT = 10**15  # whole numbers below this are ints, as openpyxl reads them


def open_calamine(path: Path):
    """A calamine workbook of the file's content, whatever its name says.

    from_path picks the format by the extension, so an .xls saved under an
    .xlsx name (offices rename files freely) failed; a file object is sniffed.
    The bytes are read at once (the file is under Limits.max_bytes).
    """
    from python_calamine import CalamineWorkbook  # noqa: PLC0415

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    except (KeyboardInterrupt, SystemExit):
        raise
    except OSError as exc:
        raise os_error(exc) from None
    except BaseException as exc:  # noqa: BLE001 (a damaged file; a Rust panic is a BaseException)
        raise ExchangeError(M.DAMAGED_WORKBOOK, _short(exc)) from None


def _calamine_value(v: Any) -> Any:
    """A value as openpyxl gives it: "" as None, 3.0 as 3, a date as a datetime."""
    t = type(v)
    if t is str:
        return v if v else None
    if t is float:
        return int(v) if v.is_integer() and -EXACT_INT < v < EXACT_INT else v
    if t is dt.date:
        return dt.datetime(v.year, v.month, v.day)
    return v


def sheet_rows(
    book, name: str, width: int, errors: dict[int, list[tuple[int, str]]] | None = None
) -> Iterator[Row]:
    """(row number, values up to the last non-empty one) of the sheet's non-blank rows.

    errors: texts to put where calamine read an error cell as empty
    (0-based row → [(0-based column, "#N/A")]).
    """
    try:
        sheet = book.get_sheet_by_name(name)
        start = sheet.start
        grid = sheet.to_python() if start is not None else []
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 (a Rust panic is a BaseException)
        raise ExchangeError(M.DAMAGED_WORKBOOK, _short(exc)) from None
    if not grid:
        return
    first_row, first_column = start
    pad: list[Any] = [None] * first_column
    convert = _calamine_value
    for offset, raw in enumerate(grid):
        row = first_row + offset
        values = pad + [convert(v) for v in raw[: max(width - first_column, 0)]]
        if errors:
            for c, text in errors.get(row, ()):
                if c < width:
                    values.extend([None] * (c + 1 - len(values)))
                    values[c] = text
        while values and values[-1] is None:
            values.pop()
        if values:
            yield row + 1, values


def close_quietly(book) -> None:
    if book is not None:
        try:
            book.close()
        except Exception:  # noqa: BLE001 (already closed)
            pass
