"""Open a workbook or CSV file and hand out its rows, refusing what could hurt.

Checks before anything is parsed: the file's size, what it really is (a zip
for .xlsx/.xlsm, an OLE container for an encrypted workbook or an old .xls,
text for CSV), and every zip member's declared unpacked size (Python's zipfile
never unpacks more than a member declares, so a zip bomb is caught by the
declaration). Sheets are read by xlsx_source (calamine, or openpyxl streaming
for sheets calamine cannot hold safely), with the sheet's <dimension> claim
ignored (a sheet may claim 1,048,576 × 16,384 cells and hold ten), at most
Limits.max_columns columns and max_rows rows.

Merged cells: the <mergeCell> refs are scanned from the sheet's XML and the
top-left value is copied into the whole range (a category merged down
several rows applies to each row).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.exchange import messages as M
from desktop_app.exchange.messages import ExchangeError
from desktop_app.reports.xlsx import FORMULA_STARTS

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
EPOCH_1904 = dt.datetime(1904, 1, 1)  # Excel for Mac's old date system

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
    # A sheet calamine may hold whole (see xlsx_source): its XML, and the grid
    # its cells span (a grid cell costs calamine some 32 bytes: 4 M ≈ 128 MB).
    max_fast_xml: int = 64 * MB
    max_grid_cells: int = 4_000_000


DEFAULT_LIMITS = Limits()


class Source:
    """An opened file: its sheets and their rows."""

    kind = ""
    path: Path
    sheet_names: list[str]
    default_sheet: str
    epoch: dt.datetime = EXCEL_EPOCH  # day 0 of Excel serial dates in this file
    hidden_sheets: frozenset[str] = frozenset()  # sheets Excel does not show

    def rows(self, sheet: str | None = None) -> Iterator[Row]:
        raise NotImplementedError

    def _set_sheets(self, sheets: list[Any], active: str | None, date1904: bool) -> None:
        """The workbook's sheets (each with .name and .state) in order, for both readers.

        The default is the sheet the file was saved on, if it is shown; else
        the first one shown.
        """
        if not sheets:
            raise ExchangeError(M.NO_SHEETS)
        self._by_name = {s.name: s for s in sheets}
        self.sheet_names = [s.name for s in sheets]
        visible = [s.name for s in sheets if s.state == "visible"]
        self.hidden_sheets = frozenset(s.name for s in sheets if s.state != "visible")
        self.default_sheet = active if active in visible else (visible or self.sheet_names)[0]
        self.epoch = EPOCH_1904 if date1904 else EXCEL_EPOCH

    def _sheet_named(self, sheet: str | None) -> Any:
        name = sheet or self.default_sheet
        if name not in self._by_name:
            raise ExchangeError(M.NO_SUCH_SHEET, name)
        return self._by_name[name]

    def size_hint(self, sheet: str | None = None) -> int | None:
        """Rows the sheet says it has (a hint for progress, not to be trusted)."""
        return None

    def uncalculated(self, sheet: str | None = None) -> int:
        """Formula cells the file holds no value for (written by a program, never opened)."""
        return 0

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
        raise os_error(exc) from None
    if size == 0:
        raise ExchangeError(M.EMPTY_FILE)
    if size > limits.max_bytes:
        raise ExchangeError(M.TOO_BIG, _mb(size), _mb(limits.max_bytes))
    if head.startswith(ZIP_MAGICS):
        from desktop_app.exchange.xlsx_source import XlsxSource  # noqa: PLC0415 (imports us)

        return XlsxSource(path, limits)
    if head.startswith(OLE_MAGIC):
        # Excel's "password to open" wraps the .xlsx in an OLE container with an
        # EncryptedPackage stream; other OLE files are .xls workbooks (or not
        # workbooks at all: a .doc), which xls_source tells apart.
        if _contains(path, "EncryptedPackage".encode("utf-16-le")):
            raise ExchangeError(M.ENCRYPTED)
        from desktop_app.exchange.xls_source import XlsSource  # noqa: PLC0415 (imports us)

        return XlsSource(path, limits)
    if path.suffix.lower() in CSV_SUFFIXES:
        return CsvSource(path, limits)
    # Named .xlsx or .xls but text: a CSV renamed, or a web page that a web
    # system "exports to Excel" (an HTML table named .xls).
    try:
        source = CsvSource(path, limits)
    except ExchangeError:
        raise ExchangeError(M.NOT_A_WORKBOOK) from None
    if re.match(r"\s*<(?:!doctype|html|table|\?xml|meta|head)", source.text_head, re.I):
        raise ExchangeError(M.WEB_PAGE)
    first_line = next((ln for ln in source.text_head.splitlines() if ln.strip()), "")
    if not any(d in first_line for d in ",\t;，"):
        raise ExchangeError(M.NOT_A_WORKBOOK)  # text, but no table in it
    return source


def os_error(exc: OSError) -> ExchangeError:
    """The system's reason in the program's words (its own text is English only)."""
    if isinstance(exc, FileNotFoundError):
        return ExchangeError(M.NO_SUCH_FILE)
    if isinstance(exc, IsADirectoryError):
        return ExchangeError(M.IS_A_FOLDER)
    if isinstance(exc, PermissionError):
        return ExchangeError(M.NO_PERMISSION)
    return ExchangeError(M.CANNOT_OPEN, exc.strerror or str(exc))


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


# What reading a damaged or unusual zip member raises: a corrupt deflate
# stream (zlib.error), a compression method zipfile does not know
# (NotImplementedError: Deflate64, Zstandard, WinZip AES), an encrypted member
# (RuntimeError), a lying header (BadZipFile, EOFError, ValueError …, and
# struct.error when a member's local header lies past the file's end).
UNREADABLE_ZIP = (
    zipfile.BadZipFile,
    struct.error,
    zipfile.LargeZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    OSError,
    EOFError,
    ValueError,
    KeyError,
)


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip member's local file header, 30 bytes


def _inflates_within(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bool:
    """Whether the member really unpacks to no more than limit bytes.

    zipfile stops a member at the size its header declares, but zf.read()
    first inflates the whole stream in one go: a 1 MB part that declares 100
    bytes and inflates to 1 GiB costs 1 GiB of memory before it is cut, in
    openpyxl's reads too. So each member is inflated here a megabyte at a time
    and counted, and nothing reads it whole before it has passed.
    """
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size <= limit
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise NotImplementedError(f"compression method {info.compress_type}")
    fp = zf.fp
    fp.seek(info.header_offset)
    header = _LOCAL_HEADER.unpack(fp.read(_LOCAL_HEADER.size))
    if header[0] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local file header")
    fp.seek(info.header_offset + _LOCAL_HEADER.size + header[9] + header[10])
    inflater = zlib.decompressobj(-15)
    left, total, pending = info.compress_size, 0, b""
    while left > 0 or pending:
        if not pending:
            pending = fp.read(min(MB, left))
            if not pending:
                break  # cut short: zipfile's own read says so later
            left -= len(pending)
        total += len(inflater.decompress(pending, MB))
        pending = inflater.unconsumed_tail
        if total > limit:
            return False
        if inflater.eof:
            break
    return True


def check_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a zip whose members would unpack to too much, before opening it."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except UNREADABLE_ZIP:
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
    content_types = None
    try:
        with zipfile.ZipFile(path) as zf:
            # Every member must unpack to no more than it declares (which the
            # caps above bound): checked streaming, before anything reads one whole.
            if any(not _inflates_within(zf, i, i.file_size) for i in infos):
                raise ExchangeError(M.ZIP_BOMB, _mb(limits.max_unpacked))
            if "[Content_Types].xml" in {i.filename for i in infos}:
                content_types = zf.read("[Content_Types].xml")
    except UNREADABLE_ZIP:
        raise ExchangeError(M.NOT_A_WORKBOOK) from None
    if content_types is None or not (
        b"spreadsheetml" in content_types or b"ms-excel" in content_types
    ):
        raise ExchangeError(M.NOT_A_WORKBOOK)  # a .docx, a plain zip …


def fill_merges(cells: Iterator[Row], merges: list[tuple[int, int, int, int]]) -> Iterator[Row]:
    """Copy each merged range's top-left value into the range's other cells, row by row."""
    merges = sorted(merges)
    next_merge = 0
    active: list[tuple[tuple[int, int, int, int], Any]] = []
    for number, values in cells:
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
        yield number, values


def finish_rows(
    cells: Iterator[Row], merges: list[tuple[int, int, int, int]], limits: Limits
) -> Iterator[Row]:
    """A workbook sheet's rows as every reader hands them out.

    Ranges merged down several rows (a category) fill each row, cut to the
    columns read; a title merged across one row is left alone. More than
    limits.max_rows rows is an error.
    """
    width = limits.max_columns
    kept = [
        (r1, c1, r2, min(c2, width))
        for r1, c1, r2, c2 in merges[: limits.max_merges]
        if c1 <= width and r2 > r1
    ]
    counted = 0
    for number, values in fill_merges(cells, kept):
        counted += 1
        if counted > limits.max_rows:
            raise ExchangeError(M.TOO_MANY_ROWS, limits.max_rows)
        yield number, values


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


def _unquoted(value: str) -> str:
    """Take off the apostrophe a CSV export puts before text Excel would run as
    a formula ('=1+1, '+86 352), and only that one: a workbook keeps a real
    apostrophe, since our .xlsx exports mark such cells instead."""
    if value[:1] == "'" and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


class CsvSource(Source):
    kind = "csv"

    def __init__(self, path: Path, limits: Limits):
        self.path = path
        self.limits = limits
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise os_error(exc) from None
        self._text = decode_text(data)
        self.text_head = self._text[:200]
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
                values = [_unquoted(v) if v != "" else None for v in row[:width]]
                if all(v is None or not v.strip() for v in values):
                    continue
                counted += 1
                if counted > self.limits.max_rows:
                    raise ExchangeError(M.TOO_MANY_ROWS, self.limits.max_rows)
                yield number, values
        except csv.Error as exc:
            raise ExchangeError(M.BAD_CSV, _short(exc)) from None
