"""Rows of an old .xls workbook (Excel 97–2003, BIFF8), read by calamine after a scan.

Offices keep years of ledgers in .xls. calamine reads them, but like an
.xlsx sheet it builds each sheet as one dense grid from the first cell to the
last: two cells in A1 and IV65536 make 16.7 million grid cells, over a
gigabyte. So the workbook stream is walked first (olefile opens the
container; the records are read here), and for each sheet:

- the cells' rows and columns, and the DIMENSIONS record's claim, give the
  grid; calamine builds every sheet when it opens the file, so all sheets'
  grids together must stay under Limits.max_grid_cells, else the file is
  refused with a message naming the sheet (there is no streaming reader for
  .xls to fall back on);
- error cells (#N/A, #DIV/0!), which calamine reads as empty, are collected
  so the rows carry them as text, as openpyxl gives them from an .xlsx;
- merged ranges, the 1904 date system, the active sheet and each sheet's
  state come from their records.

A FILEPASS record means a password: refused as encrypted. A "Book" stream
without "Workbook" is Excel 95 (BIFF5): refused with the advice to save as
.xlsx.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.exchange import messages as M
from desktop_app.exchange.calamine_sheet import close_quietly, open_calamine, sheet_rows
from desktop_app.exchange.messages import ExchangeError
from desktop_app.exchange.reader import Limits, Row, Source, _short, finish_rows

# BIFF8 record types
BOF, EOF = 0x0809, 0x000A
BOUNDSHEET, DATEMODE, FILEPASS, WINDOW1 = 0x0085, 0x0022, 0x002F, 0x003D
MERGEDCELLS, DIMENSIONS, SST = 0x00E5, 0x0200, 0x00FC
NUMBER, RK, LABELSST, LABEL, RSTRING, BLANK = 0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6, 0x0201
BOOLERR, FORMULA, MULRK, MULBLANK = 0x0205, 0x0006, 0x00BD, 0x00BE
SINGLE_CELLS = {NUMBER, RK, LABELSST, LABEL, RSTRING, BLANK, BOOLERR, FORMULA}

ERROR_TEXT = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}
STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}
_HEAD = struct.Struct("<HH")


@dataclass
class XlsSheet:
    name: str
    state: str
    offset: int  # where its BOF record starts in the workbook stream
    top: int | None = None  # 0-based bounds of its cells
    bottom: int = 0
    left: int = 0
    right: int = 0
    errors: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # row → (col, text)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based
    claimed: tuple[int, int] = (0, 0)  # rows and columns the DIMENSIONS record claims

    def add(self, row: int, first: int, last: int) -> None:
        if self.top is None:
            self.top, self.bottom, self.left, self.right = row, row, first, last
            return
        self.top, self.bottom = min(self.top, row), max(self.bottom, row)
        self.left, self.right = min(self.left, first), max(self.right, last)

    @property
    def span(self) -> tuple[int, int]:
        """Rows and columns of the grid calamine would build (or reserve) for the sheet."""
        cells = (
            (self.bottom - self.top + 1, self.right - self.left + 1)
            if self.top is not None
            else (0, 0)
        )
        return max(cells, self.claimed, key=lambda rc: rc[0] * rc[1])


def _sheet_name(data: bytes) -> str:
    """A BOUNDSHEET's name: a byte count, a flag (UTF-16 or Latin-1), the characters."""
    count, flags = data[6], data[7]
    if flags & 1:
        return data[8 : 8 + 2 * count].decode("utf-16-le", "replace")
    return data[8 : 8 + count].decode("latin-1")


def _records(stream: bytes, start: int) -> Iterator[tuple[int, int, bytes, int]]:
    """(type, offset, body, depth) of each record from start to the end of its substream.

    A chart drawn on a sheet is a substream of its own inside the sheet's
    (BOF … EOF), and Excel writes it before the sheet's merged cells: depth 1
    is the sheet's own records, and only its EOF ends the walk.
    """
    pos, end = start, len(stream)
    unpack = _HEAD.unpack_from
    depth = 0
    while pos + 4 <= end:
        kind, size = unpack(stream, pos)
        body = stream[pos + 4 : pos + 4 + size]
        if kind == BOF:
            depth += 1
        yield kind, pos, body, depth
        pos += 4 + size
        if kind == EOF:
            depth -= 1
            if depth <= 0:
                return


@dataclass
class XlsLayout:
    sheets: list[XlsSheet]
    active: int
    date1904: bool


def scan_workbook(stream: bytes) -> XlsLayout:
    """Walk the workbook globals and every worksheet's cell records."""
    sheets: list[XlsSheet] = []
    active, date1904 = 0, False
    first = True
    for kind, _pos, body, _depth in _records(stream, 0):
        if first:
            if kind != BOF or len(body) < 4 or _HEAD.unpack_from(body)[0] != 0x0600:
                raise ExchangeError(M.OLD_XLS)  # not BIFF8: Excel 95 or older
            first = False
        elif kind == FILEPASS:
            raise ExchangeError(M.ENCRYPTED)
        elif kind == DATEMODE and len(body) >= 2:
            date1904 = body[0] == 1
        elif kind == WINDOW1 and len(body) >= 12:
            active = struct.unpack_from("<H", body, 10)[0]
        elif kind == SST and len(body) >= 8:
            # calamine reserves room for the strings the record claims: a claim
            # beyond what the stream could hold is a damaged (or hostile) file.
            total, unique = struct.unpack_from("<II", body)
            if unique > len(stream) or total > len(stream) * 8:
                raise ValueError(f"the string table claims {unique:,} strings")
        elif kind == BOUNDSHEET and len(body) >= 8:
            offset, state, sheet_type = struct.unpack_from("<IBB", body)
            if sheet_type == 0:  # a worksheet (not a chart or a macro sheet)
                sheets.append(XlsSheet(_sheet_name(body), STATES.get(state & 3, "hidden"), offset))
            else:
                sheets.append(XlsSheet("", "chart", offset))  # kept for the active index
    for sheet in sheets:
        if sheet.state != "chart":
            _scan_sheet(stream, sheet)
    return XlsLayout(sheets, active, date1904)


def _scan_sheet(stream: bytes, sheet: XlsSheet) -> None:
    if not 0 <= sheet.offset < len(stream):
        raise ValueError(f"sheet {sheet.name!r} starts outside the file")
    unpack = _HEAD.unpack_from
    for kind, _pos, body, depth in _records(stream, sheet.offset):
        if depth != 1:
            continue  # a chart's own records
        if kind in SINGLE_CELLS and len(body) >= 4:
            row, col = unpack(body)
            sheet.add(row, col, col)
            if kind == BOOLERR and len(body) >= 8 and body[7] == 1:
                sheet.errors.setdefault(row, []).append((col, ERROR_TEXT.get(body[6], "#ERROR")))
            elif (
                kind == FORMULA and len(body) >= 14 and body[6] == 2 and body[12:14] == b"\xff\xff"
            ):
                sheet.errors.setdefault(row, []).append((col, ERROR_TEXT.get(body[8], "#ERROR")))
        elif kind in (MULRK, MULBLANK) and len(body) >= 6:
            row, col = unpack(body)
            last = struct.unpack_from("<H", body, len(body) - 2)[0]
            sheet.add(row, col, max(col, last))
        elif kind == DIMENSIONS and len(body) >= 12:
            # calamine sizes the sheet from this claim before it reads a cell.
            first_row, end_row, first_col, end_col = struct.unpack_from("<IIHH", body)
            if end_row < first_row or end_col < first_col:
                raise ValueError("the sheet's dimensions end before they start")
            sheet.claimed = (end_row - first_row, end_col - first_col)
        elif kind == MERGEDCELLS and len(body) >= 2:
            count = struct.unpack_from("<H", body)[0]
            for i in range(min(count, (len(body) - 2) // 8)):
                r1, r2, c1, c2 = struct.unpack_from("<HHHH", body, 2 + 8 * i)
                sheet.merges.append((r1 + 1, c1 + 1, r2 + 1, c2 + 1))


def _workbook_stream(path: Path) -> bytes:
    import olefile  # noqa: PLC0415

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptedPackage"):  # a password-protected .xlsx
                raise ExchangeError(M.ENCRYPTED)
            if ole.exists("Workbook"):
                return ole.openstream("Workbook").read()
            if ole.exists("Book"):
                raise ExchangeError(M.OLD_XLS)  # Excel 95
    except ExchangeError:
        raise
    except Exception:  # noqa: BLE001 (olefile raises many kinds on a damaged container)
        raise ExchangeError(M.NOT_A_WORKBOOK) from None
    raise ExchangeError(M.NOT_A_WORKBOOK)  # a Word file, a .msg …


class XlsSource(Source):
    kind = "xls"

    def __init__(self, path: Path, limits: Limits):
        self.path = path
        self.limits = limits
        self._calamine = None
        stream = _workbook_stream(path)
        try:
            layout = scan_workbook(stream)
        except ExchangeError:
            raise
        except Exception as exc:  # a record cut short, an offset out of the stream …
            raise ExchangeError(M.DAMAGED_WORKBOOK, _short(exc)) from None
        worksheets = [s for s in layout.sheets if s.state != "chart"]
        active = layout.sheets[layout.active].name if layout.active < len(layout.sheets) else None
        self._set_sheets(worksheets, active, layout.date1904)
        # calamine reads every sheet of an .xls when it opens the file, so every
        # sheet's grid counts, the one the user picks or not.
        largest = max(worksheets, key=lambda w: w.span[0] * w.span[1])
        if sum(w.span[0] * w.span[1] for w in worksheets) > limits.max_grid_cells:
            rows, columns = largest.span
            raise ExchangeError(M.SPREAD_OUT, largest.name, rows, columns, limits.max_grid_cells)

    def size_hint(self, sheet: str | None = None) -> int | None:
        s = self._sheet_named(sheet)
        return None if s.top is None else s.bottom - s.top + 1

    def rows(self, sheet: str | None = None) -> Iterator[Row]:
        s = self._sheet_named(sheet)
        if s.top is None:
            return
        if self._calamine is None:
            self._calamine = open_calamine(self.path)
        cells = sheet_rows(self._calamine, s.name, self.limits.max_columns, s.errors)
        yield from finish_rows(cells, s.merges, self.limits)

    def close(self) -> None:
        close_quietly(self._calamine)
        self._calamine = None
