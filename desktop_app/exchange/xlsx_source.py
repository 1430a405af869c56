"""Rows of an .xlsx/.xlsm sheet: calamine when the sheet is safe to hold whole, else openpyxl.

python-calamine (Rust) reads a sheet about ten times faster than openpyxl,
but it builds the sheet as one dense grid from its first cell to its last:
one stray cell in XFD1048576 asks for 17 billion cells, and the process
aborts (a failed Rust allocation is no Python exception to catch). So before
calamine sees a sheet, the sheet's XML is scanned (about 25 ms for 10,000
rows) for:

- the grid its cell references span, which must stay under
  Limits.max_grid_cells;
- cells without a reference (placed by position, which the scan does not
  follow);
- error cells (#N/A, #REF!): calamine reads them as empty, and a person must
  hear that a cell held an error rather than find it blank.

A sheet that passes is read by calamine; any other sheet, and any sheet whose
XML is over Limits.max_fast_xml, goes through openpyxl's streaming parser,
which holds one row at a time. Both give the same values: numbers that are
whole as int, dates as datetime, empty cells as None (as openpyxl gives them).

The workbook's own parts (sheet names and states, the active tab, the 1904
date system, where each sheet's XML lives) are read with defusedxml, so
choosing a sheet costs neither reader anything.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as SafeET

from desktop_app.exchange import messages as M
from desktop_app.exchange.calamine_sheet import close_quietly, open_calamine, sheet_rows
from desktop_app.exchange.messages import ExchangeError
from desktop_app.exchange.reader import (
    MB,
    UNREADABLE_ZIP,
    Limits,
    Row,
    Source,
    _short,
    check_zip,
    finish_rows,
)

WORKSHEET_REL = "/worksheet"
OFFICE_DOCUMENT_REL = "/officeDocument"

_MERGE = re.compile(
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})\""
)
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s/>]")
# A formula with no value after it (none, <v/> or <v></v>) before the cell ends.
_NO_VALUE = re.compile(
    rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_CELL_REF = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,3})(\d{1,7})\"")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element, name: str) -> str | None:
    """An attribute by local name, whatever its namespace (r:id, strict OOXML …)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def column_number(letters: bytes | str) -> int:
    """A1-style column letters as a number: A → 1, Z → 26, AA → 27."""
    n = 0
    for ch in letters.encode() if isinstance(letters, str) else letters:
        n = n * 26 + ch - 64
    return n


@dataclass
class SheetEntry:
    name: str
    state: str  # visible, hidden or veryHidden
    member: str  # the sheet's XML inside the zip


@dataclass
class WorkbookParts:
    sheets: list[SheetEntry] = field(default_factory=list)
    active: str | None = None  # the name of the sheet Excel opens on
    date1904: bool = False


def _read_xml(zf: zipfile.ZipFile, name: str):
    return SafeET.fromstring(zf.read(name), forbid_dtd=True)


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target resolved to a member name) of part."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    out: dict[str, tuple[str, str]] = {}
    try:
        root = _read_xml(zf, rels_name)
    except KeyError:
        return out
    for rel in root:
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External":
            continue
        if target.startswith("/"):
            member = target.lstrip("/")
        else:
            member = posixpath.normpath(posixpath.join(folder, target))
            if member not in zf.NameToInfo and target in zf.NameToInfo:
                member = target  # some writers give the path from the zip's root
        out[rel.get("Id") or ""] = (rel.get("Type") or "", member)
    return out


def read_parts(zf: zipfile.ZipFile) -> WorkbookParts:
    """The workbook's sheets (worksheets only, in order), active sheet and date system."""
    book = "xl/workbook.xml"
    for _type, member in (v for v in _rels(zf, "").values() if v[0].endswith(OFFICE_DOCUMENT_REL)):
        book = member
    root = _read_xml(zf, book)
    rels = _rels(zf, book)
    parts = WorkbookParts()
    all_names: list[str] = []
    active_tab = 0
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "workbookPr":
            parts.date1904 = (element.get("date1904") or "").lower() in ("1", "true")
        elif tag == "workbookView" and (element.get("activeTab") or "").isdigit():
            active_tab = int(element.get("activeTab"))
        elif tag == "sheet":
            name = element.get("name") or ""
            all_names.append(name)
            rel_type, member = rels.get(_attr(element, "id") or "", ("", ""))
            if rel_type.endswith(WORKSHEET_REL) and member in zf.NameToInfo:
                state = element.get("state") or "visible"
                parts.sheets.append(SheetEntry(name, state, member))
    if 0 <= active_tab < len(all_names):
        parts.active = all_names[active_tab]
    return parts


@dataclass
class SheetScan:
    """What the sheet's XML says about its cells, before any reader builds them."""

    fast: bool  # calamine may read it
    rows: int | None  # rows the references span (a hint for progress)
    merges: list[tuple[int, int, int, int]]
    uncalculated: int = 0  # formula cells without a stored value


def merges_in(data: bytes) -> Iterator[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of each <mergeCell> in data."""
    for m in _MERGE.finditer(data):
        c1, r1, c2, r2 = column_number(m[1]), int(m[2]), column_number(m[3]), int(m[4])
        yield (min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))


SCAN_BLOCK = 4 * MB


def _blocks(zf: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    """The member's XML a few megabytes at a time, each cut after a whole tag."""
    with zf.open(member) as fh:
        carry = b""
        while block := fh.read(SCAN_BLOCK):
            data = carry + block
            cut = data.rfind(b"<")  # a tag cut in two goes whole into the next block
            if cut <= 0:
                carry = data
                continue
            carry = data[cut:]
            yield data[:cut]
        if carry:
            yield carry


def scan_sheet(zf: zipfile.ZipFile, member: str, limits: Limits) -> SheetScan:
    """Where the sheet's cells lie and whether calamine may hold them; memory: one block."""
    info = zf.getinfo(member)
    if info.file_size > limits.max_fast_xml:
        return SheetScan(False, None, stream_merges(zf, member, limits))
    merges: set[tuple[int, int, int, int]] = set()
    top = left = None
    bottom = right = 0
    fast = True
    letters: set[bytes] = set()
    uncalculated = 0
    for data in _blocks(zf, member):
        if len(merges) <= limits.max_merges:
            merges.update(merges_in(data))
        if b"<f" in data or b":f" in data:
            uncalculated += len(_NO_VALUE.findall(data))
        if not fast:
            continue
        refs = _CELL_REF.findall(data)
        # Plain <c …> tags counted fast; a prefixed or odd spelling takes the regex.
        tags = data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/>")
        if tags != len(refs):
            tags = len(_CELL_TAG.findall(data))
        if tags != len(refs) or b't="e"' in data:
            fast = False  # cells placed by position, or error cells
            continue
        if refs:
            numbers = [int(r) for _c, r in refs]
            low, high = min(numbers), max(numbers)
            top = low if top is None else min(top, low)
            bottom = max(bottom, high)
            letters.update(c for c, _r in refs)
    merged = sorted(merges)[: limits.max_merges + 1]
    if not fast:
        return SheetScan(False, None, merged, uncalculated)
    if top is None:
        return SheetScan(True, 0, merged, uncalculated)
    columns = [column_number(c) for c in letters]
    left, right = min(columns), max(columns)
    grid = (bottom - top + 1) * (right - left + 1)
    return SheetScan(grid <= limits.max_grid_cells, bottom - top + 1, merged, uncalculated)


def stream_merges(
    zf: zipfile.ZipFile, member: str, limits: Limits
) -> list[tuple[int, int, int, int]]:
    """merges_in() over a sheet too big to hold, a megabyte at a time."""
    found: set[tuple[int, int, int, int]] = set()
    with zf.open(member) as fh:
        tail = b""
        while block := fh.read(MB):
            data = tail + block
            found.update(merges_in(data))
            if len(found) > limits.max_merges:
                break
            tail = data[-300:]
    return sorted(found)


class XlsxSource(Source):
    kind = "xlsx"

    def __init__(self, path: Path, limits: Limits):
        check_zip(path, limits)
        self.path = path
        self.limits = limits
        self._scans: dict[str, SheetScan] = {}
        self._calamine = None
        self._openpyxl = None
        try:
            with zipfile.ZipFile(path) as zf:
                parts = read_parts(zf)
        except ExchangeError:
            raise
        except Exception as exc:  # a workbook.xml that is no XML, a missing part …
            raise ExchangeError(M.DAMAGED_WORKBOOK, _short(exc)) from None
        self._set_sheets(parts.sheets, parts.active, parts.date1904)

    def _scan(self, entry: SheetEntry) -> SheetScan:
        if entry.name not in self._scans:
            try:
                with zipfile.ZipFile(self.path) as zf:
                    self._scans[entry.name] = scan_sheet(zf, entry.member, self.limits)
            except UNREADABLE_ZIP as exc:
                raise ExchangeError(M.DAMAGED_WORKBOOK, _short(exc)) from None
        return self._scans[entry.name]

    def size_hint(self, sheet: str | None = None) -> int | None:
        rows = self._scan(self._sheet_named(sheet)).rows
        return rows if rows is not None and rows <= self.limits.max_rows * 2 else None

    def uncalculated(self, sheet: str | None = None) -> int:
        return self._scan(self._sheet_named(sheet)).uncalculated

    def merged_ranges(self, sheet: str | None = None) -> list[tuple[int, int, int, int]]:
        """(first row, first column, last row, last column) of every merged range."""
        return self._scan(self._sheet_named(sheet)).merges

    def rows(self, sheet: str | None = None) -> Iterator[Row]:
        entry = self._sheet_named(sheet)
        scan = self._scan(entry)
        if scan.fast:
            cells = sheet_rows(self._calamine_book(), entry.name, self.limits.max_columns)
        else:
            cells = self._openpyxl_cells(entry)
        try:
            yield from finish_rows(cells, scan.merges, self.limits)
        except ExchangeError:
            raise
        except Exception as exc:  # broken XML inside the sheet, a bad number …
            raise ExchangeError(M.DAMAGED_WORKBOOK, _short(exc)) from None

    # ------------------------------------------------------------ calamine

    def _calamine_book(self):
        if self._calamine is None:
            self._calamine = open_calamine(self.path)
        return self._calamine

    # ------------------------------------------------------------ openpyxl

    def _openpyxl_cells(self, entry: SheetEntry) -> Iterator[Row]:
        """(row number, values up to the last non-empty cell) of the rows the XML holds.

        openpyxl's own iter_rows pads every row to the widest column and yields
        an empty row for every gap (a stray cell in row 1,048,576 means a
        million of them); its parser gives the stored rows alone.
        """
        width = self.limits.max_columns
        wb = self._openpyxl_book()
        ws = wb[entry.name]
        try:
            from openpyxl.worksheet._reader import WorkSheetParser  # noqa: PLC0415
        except ImportError:  # a future openpyxl: the public way, trimmed
            ws.reset_dimensions()
            for number, row in enumerate(ws.iter_rows(max_col=width, values_only=True), 1):
                values = list(row)
                while values and values[-1] is None:
                    values.pop()
                if values:
                    yield number, values
            return
        with ws._get_source() as src:
            parser = WorkSheetParser(
                src,
                ws._shared_strings,
                data_only=True,
                epoch=wb.epoch,
                date_formats=wb._date_formats,
                timedelta_formats=wb._timedelta_formats,
            )
            for number, cells in parser.parse():
                last = 0
                for cell in cells:
                    if cell["value"] is not None and last < cell["column"] <= width:
                        last = cell["column"]
                if not last:
                    continue
                values: list[Any] = [None] * last
                for cell in cells:
                    column = cell["column"]
                    if column <= last:
                        values[column - 1] = cell["value"]
                yield number, values

    def _openpyxl_book(self):
        if self._openpyxl is None:
            import openpyxl  # noqa: PLC0415 (a second or so of import, only when needed)

            try:
                # From a file object: openpyxl refuses a path named .xls by its name.
                self._openpyxl = openpyxl.load_workbook(
                    io.BytesIO(self.path.read_bytes()),
                    read_only=True,
                    data_only=True,
                    keep_links=False,
                )
            except Exception as exc:  # openpyxl raises many kinds on a damaged file
                raise ExchangeError(M.DAMAGED_WORKBOOK, _short(exc)) from None
        return self._openpyxl

    def close(self) -> None:
        if self._openpyxl is not None:
            self._openpyxl.close()
            self._openpyxl = None
        close_quietly(self._calamine)
        self._calamine = None
