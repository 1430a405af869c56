"""Export a list's rows (its ListQuery: search, filters, sort) to .xlsx or .csv.

The rows are the list page's, in its order, with the columns asked for (the
visible ones, or every field for a full export that import can read back).
In .xlsx numbers stay numbers and dates dates, text stays text (an 18-digit
ID number too), the header is styled and frozen and the widths are set. Text
that Excel would take for a formula (= + - @ tab CR first) is neutralised
with a leading apostrophe in both formats; import takes it off again.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.exchange.messages import Cancelled, Translate
from desktop_app.records.links import child_fk
from desktop_app.records.queries import ListQuery, all_ids, fetch_page
from desktop_app.records.specs import CHILDREN, DATE, FLOAT, INT, RecordSpec
from desktop_app.reports.xlsx import (
    FORMULA_STARTS,
    as_text,
    excel_text,
    safe_sheet_title,
    safe_text,
)

BATCH = 500  # records per query: under old SQLite's 999 parameters
PIXELS_PER_CHAR = 7  # FieldSpec.width is in pixels; Excel widths are in characters

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
_HEADER_FONT = Font(bold=True)
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def all_columns(spec: RecordSpec) -> list[str]:
    """Every field, in form order: the export that import reads back whole."""
    return [f.name for f in spec.fields]


def export_rows(q: ListQuery, columns: list[str] | None = None) -> Iterator[list[Any]]:
    """The list's rows in its order: values of columns (field names), names for links."""
    spec = q.spec
    columns = list(columns or spec.list_columns)
    fields = [spec.field(c) for c in columns]
    plain = tuple(c for c, f in zip(columns, fields, strict=True) if f.kind != CHILDREN)
    # The list query over a copy of the spec whose columns are the ones asked for:
    # FK names, link names, category words and dates come out as the list shows them.
    view = dataclasses.replace(spec, list_columns=plain)
    ids = all_ids(q)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        page_query = ListQuery(view, ids=chunk, sort_field=q.sort_field, descending=q.descending)
        rows = fetch_page(page_query, 0, len(chunk)) if plain else [[i] for i in chunk]
        children = {f.name: _children(spec, f, chunk) for f in fields if f.kind == CHILDREN}
        for row in rows:
            by_name = dict(zip(plain, row[1:], strict=True))
            yield [by_name[c] if c in by_name else children[c].get(row[0], "") for c in columns]


def _children(spec: RecordSpec, f, ids: list[int]) -> dict[int, str]:
    """Dated entries of each record as lines "2023-05-01 飞车首航"."""
    fk = child_fk(f.child_model, spec)
    model = f.child_model
    query = (
        model.select(fk, model.date, model.text)
        .where(fk.in_(ids))
        .order_by(fk, model.date.asc(nulls="first"), model.id)
        .tuples()
    )
    out: dict[int, list[str]] = {}
    for owner, date, text in query:
        day = date.isoformat() if isinstance(date, dt.date) else (date or "")
        out.setdefault(owner, []).append(f"{day} {text or ''}".strip())
    return {k: "\n".join(v) for k, v in out.items()}


def headers(spec: RecordSpec, columns: list[str], translate: Translate | None) -> list[str]:
    t = translate or (lambda _context, text: text)
    return [t("Field", spec.field(c).label) for c in columns]


def _xlsx_value(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    if kind in (INT, FLOAT) and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if kind == DATE and isinstance(value, dt.date):
        return value
    return excel_text(str(value))


def _csv_value(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == DATE and isinstance(value, dt.date):
        return value.isoformat()
    if kind in (INT, FLOAT) and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return safe_text(str(value))


def write_export(
    q: ListQuery,
    path: str | os.PathLike,
    columns: list[str] | None = None,
    *,
    translate: Translate | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Write the list to path (.xlsx, or .csv in UTF-8 with BOM); returns the rows written.

    Written through replacing(): a cancelled or failed export leaves no half
    file behind (Cancelled is raised), and an OSError names path.
    """
    path = Path(path)
    spec = q.spec
    columns = list(columns or spec.list_columns)
    kinds = [spec.field(c).kind for c in columns]
    if path.suffix.lower() == ".csv":
        # utf-8-sig: Excel on a Chinese Windows reads a CSV without BOM as GBK.
        with replacing(path, "w", encoding="utf-8-sig", newline="") as fh:
            total = len(all_ids(q)) if progress else 0
            return _write_csv(q, fh, columns, kinds, translate, progress, cancel, total)
    with replacing(path) as fh:
        total = len(all_ids(q)) if progress else 0
        return _write_xlsx(q, fh, columns, kinds, translate, progress, cancel, total)


@contextlib.contextmanager
def replacing(path: str | os.PathLike, mode: str = "wb", **kwargs) -> Iterator[IO]:
    """A file open for writing that becomes path when the block ends without an error.

    It is path + ".part" beside the target, opened before anything is written
    (a folder that is missing or read-only fails at once) and renamed over path
    at the end; on any error or cancel it is deleted, so no half file is left.
    An OSError names path, the file the user chose, not the temporary one.
    """
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        try:
            with open(tmp, mode, **kwargs) as fh:
                yield fh
            tmp.replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        if exc.errno is None or exc.filename == str(path):
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def save_streamed(wb: Workbook, fh: IO[bytes]) -> None:
    """Save a write-only workbook; on failure end its sheets' row streams first.

    An unfinished stream is a generator openpyxl keeps open: left to the
    garbage collector it writes to a closed file and Python prints
    "Exception ignored … I/O operation on closed file".
    """
    try:
        wb.save(fh)
    except BaseException:
        discard_streamed(wb)
        raise


def discard_streamed(wb: Workbook) -> None:
    """End the row streams of a write-only workbook that will not be saved."""
    for ws in wb.worksheets:
        if not ws.closed:
            with contextlib.suppress(Exception):
                ws.close()
        writer = getattr(ws, "_writer", None)  # its temporary file, else removed only at exit
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def _tick(count, progress, cancel, total) -> None:
    if count % BATCH == 0:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(count, total)


def _write_csv(q, fh, columns, kinds, translate, progress, cancel, total) -> int:
    count = 0
    writer = csv.writer(fh)
    writer.writerow([safe_text(h) for h in headers(q.spec, columns, translate)])
    for row in export_rows(q, columns):
        writer.writerow([_csv_value(v, k) for v, k in zip(row, kinds, strict=True)])
        count += 1
        _tick(count, progress, cancel, total)
    if progress is not None:
        progress(count, total)
    return count


def _write_xlsx(q, fh, columns, kinds, translate, progress, cancel, total) -> int:
    wb = Workbook(write_only=True)  # streamed: memory stays flat for 100,000 rows
    try:
        count = _fill_xlsx(wb, q, columns, kinds, translate, progress, cancel, total)
    except BaseException:
        discard_streamed(wb)
        raise
    save_streamed(wb, fh)
    if progress is not None:
        progress(count, total)
    return count


def _fill_xlsx(wb, q, columns, kinds, translate, progress, cancel, total) -> int:
    spec = q.spec
    ws = wb.create_sheet(
        safe_sheet_title(translate("Record", spec.label) if translate else spec.label)
    )
    for i, c in enumerate(columns, start=1):
        f = spec.field(c)
        chars = max(f.width / PIXELS_PER_CHAR, len(headers(spec, [c], translate)[0]) * 2 + 2)
        ws.column_dimensions[get_column_letter(i)].width = min(max(chars, 6), 60)
    ws.freeze_panes = "A2"
    head = []
    for text in headers(spec, columns, translate):
        cell = as_text(WriteOnlyCell(ws, value=excel_text(text)))
        cell.font, cell.fill, cell.border, cell.alignment = (
            _HEADER_FONT,
            _HEADER_FILL,
            _BORDER,
            _HEADER_ALIGN,
        )
        head.append(cell)
    ws.append(head)
    count = _xlsx_rows(ws, q, columns, kinds, progress, cancel, total)
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{count + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    return count


def _xlsx_rows(ws, q, columns, kinds, progress, cancel, total) -> int:
    count = 0
    for row in export_rows(q, columns):
        out = []
        for value, kind in zip(row, kinds, strict=True):
            v = _xlsx_value(value, kind)
            if kind == DATE and isinstance(v, dt.date):
                cell = WriteOnlyCell(ws, value=v)
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            elif isinstance(v, str) and ("\n" in v or len(v) > 40):
                cell = as_text(WriteOnlyCell(ws, value=v))
                cell.alignment = _WRAP
                out.append(cell)
            elif isinstance(v, str) and v.startswith(FORMULA_STARTS):
                out.append(as_text(WriteOnlyCell(ws, value=v)))
            else:
                out.append(v)
        ws.append(out)
        count += 1
        _tick(count, progress, cancel, total)
    return count
