"""Open a workbook or CSV file and hand out its rows, refusing what could hurt.

Checks before anything is parsed: the file's size, what it really is (a zip
for .xlsx/.xlsm, an OLE container for an encrypted workbook or an old .xls,
text for CSV), and every zip member's declared unpacked size (Python's zipfile
never unpacks more than a member declares, so a zip bomb is caught by the
declaration). Sheets are read with openpyxl in read-only mode, streaming, with
the sheet's <dimension> claim ignored (a sheet may claim 1,048,576 × 16,384
cells and hold ten), at most Limits.max_columns columns and max_rows rows.

Merged cells: read-only openpyxl does not report them, so the <mergeCell>
refs are scanned from the sheet's XML and the top-left value is copied into
the whole range (a category merged down several rows applies to each row).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.exchange import messages as M
from desktop_app.exchange.messages import ExchangeError

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)

Row = tuple[int, list[Any]]  # (row number as Excel shows it, cell values)


@dataclass(frozen=True)
class Limits:
    """How much a file may ask of us; the defaults suit a county office's ledgers."""

    max_bytes: int = 50 * MB  # the file on disk
    max_rows: int = 100_000  # non-blank rows of one sheet
    max_columns: int = 100  # columns read per row; the rest is ignored
    max_sheet_xml: int = 256 * MB  # one worksheet's XML, unpacked (read streaming)
    max_strings_xml: int = 64 * MB  # the shared strings, which openpyxl keeps in memory
    max_part_xml: int = 16 * MB  # any other XML part (styles, workbook …)
    max_unpacked: int = 400 * MB  # all members together
    max_ratio: int = 100  # unpacked ÷ packed, for members over 8 MB (sheets pack ≈ 10×)
    max_members: int = 5000
    max_merges: int = 20_000


DEFAULT_LIMITS = Limits()


class Source:
    """An opened file: its sheets and their rows."""

    kind = ""
    path: Path
    sheet_names: list[str]
    default_sheet: str
    epoch: dt.datetime = EXCEL_EPOCH  # day 0 of Excel serial dates in this file

    def rows(self, sheet: str | None = None) -> Iterator[Row]:
        raise NotImplementedError

    def size_hint(self, sheet: str | None = None) -> int | None:
        """Rows the sheet says it has (a hint for progress, not to be trusted)."""
        return None

    def close(self) -> None:
        pass

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_source(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Open path as a workbook or CSV file; raises ExchangeError with a message."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ExchangeError(M.CANNOT_OPEN, exc.strerror or str(exc)) from None
    if size == 0:
        raise ExchangeError(M.EMPTY_FILE)
    if size > limits.max_bytes:
        raise ExchangeError(M.TOO_BIG, _mb(size), _mb(limits.max_bytes))
    if head.startswith(ZIP_MAGICS):
        return XlsxSource(path, limits)
    if head.startswith(OLE_MAGIC):
        # Excel's "password to open" wraps the .xlsx in an OLE container with an
        # EncryptedPackage stream; any other OLE file here is a BIFF .xls (or .et).
        if _contains(path, "EncryptedPackage".encode("utf-16-le")):
            raise ExchangeError(M.ENCRYPTED)
        raise ExchangeError(M.OLD_XLS)
    if path.suffix.lower() in CSV_SUFFIXES:
        return CsvSource(path, limits)
    raise ExchangeError(M.NOT_A_WORKBOOK)


def _mb(size: int) -> str:
    return f"{size / MB:.0f}" if size >= 10 * MB else f"{size / MB:.1f}"


def _contains(path: Path, needle: bytes, chunk: int = MB) -> bool:
    with path.open("rb") as fh:
        tail = b""
        while block := fh.read(chunk):
            if needle in tail + block:
                return True
            tail = block[-len(needle) :]
    return False


# ---------------------------------------------------------------- .xlsx / .xlsm


def check_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a zip whose members would unpack to too much, before opening it."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            content_types = None
            if "[Content_Types].xml" in names:
                info = zf.getinfo("[Content_Types].xml")
                if info.file_size <= limits.max_part_xml:
                    content_types = zf.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise ExchangeError(M.NOT_A_WORKBOOK) from None
    except NotImplementedError:  # a compression method zipfile does not know
        raise ExchangeError(M.NOT_A_WORKBOOK) from None
    if len(infos) > limits.max_members:
        raise ExchangeError(M.ZIP_BOMB, _mb(limits.max_unpacked))
    total = 0
    for info in infos:
        name = info.filename.lower()
        size = info.file_size
        total += size
        if name.endswith(".xml") or name.endswith(".rels"):
            if name.startswith("xl/worksheets/"):
                cap = limits.max_sheet_xml
            elif name.endswith("sharedstrings.xml"):
                cap = limits.max_strings_xml
            else:
                cap = limits.max_part_xml
            if size > cap:
                raise ExchangeError(M.ZIP_BOMB, _mb(cap))
        if size > 8 * MB and size > limits.max_ratio * max(info.compress_size, 1):
            raise ExchangeError(M.ZIP_BOMB, _mb(limits.max_unpacked))
    if total > limits.max_unpacked:
        raise ExchangeError(M.ZIP_BOMB, _mb(limits.max_unpacked))
    if content_types is None or not (
        b"spreadsheetml" in content_types or b"ms-excel" in content_types
    ):
        raise ExchangeError(M.NOT_A_WORKBOOK)  # a .docx, a plain zip …


_MERGE = re.compile(
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})\""
)


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class XlsxSource(Source):
    kind = "xlsx"

    def __init__(self, path: Path, limits: Limits):
        check_zip(path, limits)
        import openpyxl  # noqa: PLC0415 (a second or so of import, only when needed)

        self.path = path
        self.limits = limits
        try:
            self._wb = openpyxl.load_workbook(
                path, read_only=True, data_only=True, keep_links=False
            )
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise ExchangeError(M.DAMAGED_WORKBOOK, _short(exc)) from None
        self._sheets = {ws.title: ws for ws in self._wb.worksheets}
        if not self._sheets:
            self.close()
            raise ExchangeError(M.NO_SHEETS)
        self.sheet_names = list(self._sheets)
        visible = [n for n, ws in self._sheets.items() if ws.sheet_state == "visible"]
        active = self._wb.active
        if active is not None and getattr(active, "title", None) in visible:
            self.default_sheet = active.title
        else:
            self.default_sheet = (visible or self.sheet_names)[0]
        self.epoch = getattr(self._wb, "epoch", EXCEL_EPOCH)

    def _sheet(self, sheet: str | None):
        name = sheet or self.default_sheet
        if name not in self._sheets:
            raise ExchangeError(M.NO_SUCH_SHEET, name)
        return self._sheets[name]

    def size_hint(self, sheet: str | None = None) -> int | None:
        ws = self._sheet(sheet)
        rows = ws.max_row if ws.max_row and ws.max_row <= self.limits.max_rows * 2 else None
        return rows

    def merged_ranges(self, sheet: str | None = None) -> list[tuple[int, int, int, int]]:
        """(first row, first column, last row, last column) of every merged range."""
        ws = self._sheet(sheet)
        member = getattr(ws, "_worksheet_path", None)
        if not member:
            return []
        found: set[tuple[int, int, int, int]] = set()
        try:
            with zipfile.ZipFile(self.path) as zf, zf.open(member) as fh:
                tail = b""
                while block := fh.read(MB):
                    data = tail + block
                    for m in _MERGE.finditer(data):
                        c1, r1, c2, r2 = (
                            _column_number(m[1]),
                            int(m[2]),
                            _column_number(m[3]),
                            int(m[4]),
                        )
                        found.add((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
                        if len(found) > self.limits.max_merges:
                            return sorted(found)
                    tail = data[-300:]
        except (KeyError, zipfile.BadZipFile, OSError, EOFError):
            return []
        return sorted(found)

    def _cells(self, ws) -> Iterator[tuple[int, list[Any]]]:
        """(row number, values up to the last non-empty cell) of the rows the XML holds.

        openpyxl's own iter_rows pads every row to the widest column and yields
        an empty row for every gap (a stray cell in row 1,048,576 means a
        million of them); its parser gives the stored rows alone.
        """
        width = self.limits.max_columns
        wb = self._wb
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

    def rows(self, sheet: str | None = None) -> Iterator[Row]:
        ws = self._sheet(sheet)
        width = self.limits.max_columns
        merges = [
            (r1, c1, r2, min(c2, width))
            for r1, c1, r2, c2 in self.merged_ranges(sheet)
            if c1 <= width and r2 > r1  # ranges down several rows; a title across is one row
        ]
        merges.sort()
        next_merge = 0
        active: list[tuple[tuple[int, int, int, int], Any]] = []
        counted = 0
        try:
            for number, values in self._cells(ws):
                if active or (next_merge < len(merges) and merges[next_merge][0] <= number):
                    active = [(rng, v) for rng, v in active if rng[2] >= number]
                    while next_merge < len(merges) and merges[next_merge][0] <= number:
                        rng = merges[next_merge]
                        next_merge += 1
                        if rng[2] < number:
                            continue
                        top = rng[0] == number and rng[1] <= len(values)
                        active.append((rng, values[rng[1] - 1] if top else None))
                    for (_r1, c1, _r2, c2), value in active:
                        if value is None:
                            continue
                        if len(values) < c2:
                            values.extend([None] * (c2 - len(values)))
                        for c in range(c1, c2 + 1):
                            if values[c - 1] is None:
                                values[c - 1] = value
                counted += 1
                if counted > self.limits.max_rows:
                    raise ExchangeError(M.TOO_MANY_ROWS, self.limits.max_rows)
                yield number, values
        except ExchangeError:
            raise
        except Exception as exc:  # broken XML inside the sheet, a bad number …
            raise ExchangeError(M.DAMAGED_WORKBOOK, _short(exc)) from None

    def close(self) -> None:
        wb = getattr(self, "_wb", None)
        if wb is not None:
            wb.close()
            self._wb = None


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"


# ---------------------------------------------------------------- .csv


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030; else ExchangeError."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        if b"\x00" in data:
            raise ExchangeError(M.NOT_TEXT)
        encodings = ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:100_000] if ch < " " and ch not in "\t\r\n")
        if controls > max(2, len(text[:100_000]) // 200):
            raise ExchangeError(M.NOT_TEXT)
        return text
    raise ExchangeError(M.NOT_TEXT)


def _delimiter(text: str) -> str:
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    best, best_score = ",", 0
    for d in (",", "\t", ";"):
        counts = [ln.count(d) for ln in lines]
        score = sorted(counts)[len(counts) // 2] if counts else 0  # the median line
        if score > best_score:
            best, best_score = d, score
    return best


class CsvSource(Source):
    kind = "csv"

    def __init__(self, path: Path, limits: Limits):
        self.path = path
        self.limits = limits
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ExchangeError(M.CANNOT_OPEN, exc.strerror or str(exc)) from None
        self._text = decode_text(data)
        if not self._text.strip():
            raise ExchangeError(M.EMPTY_FILE)
        self.sheet_names = [path.stem]
        self.default_sheet = path.stem

    def size_hint(self, sheet: str | None = None) -> int | None:
        return self._text.count("\n") + 1

    def rows(self, sheet: str | None = None) -> Iterator[Row]:
        if sheet not in (None, self.default_sheet):
            raise ExchangeError(M.NO_SUCH_SHEET, sheet)
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=_delimiter(self._text))
        counted = 0
        width = self.limits.max_columns
        try:
            for number, row in enumerate(reader, start=1):
                values = [v if v != "" else None for v in row[:width]]
                if all(v is None or not v.strip() for v in values):
                    continue
                counted += 1
                if counted > self.limits.max_rows:
                    raise ExchangeError(M.TOO_MANY_ROWS, self.limits.max_rows)
                yield number, values
        except csv.Error as exc:
            raise ExchangeError(M.BAD_CSV, _short(exc)) from None
