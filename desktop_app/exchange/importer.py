"""Import a sheet of records: plan first (nothing written), then execute.

    plan = plan_import("institution", "院校台账.xlsx")          # read, map, convert,
    for row in plan.rows: ...                                    # resolve, check, dedupe
    plan.set_action(7, UPDATE)                                   # per duplicate row
    result = execute(plan, ImportOptions(create_missing=True))   # one write transaction

plan_import reads the file (reader), finds the header and maps the columns
(header), turns every cell into a field value (convert), resolves names in
link columns, checks each row with service.validate (the form's rules) and
finds duplicates within the file and against the ledger. execute writes the
rows in one IMMEDIATE transaction: with any error nothing is written unless
ImportOptions.skip_invalid says to write the valid rows only. Both take a
progress(phase, done, total) callback and a cancel() poll; cancelling raises
Cancelled and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import peewee as pw

from desktop_app.exchange import messages as M
from desktop_app.exchange.convert import CellError, convert, is_blank, word_key
from desktop_app.exchange.header import (
    Column,
    Header,
    find_header,
    is_header_again,
    map_row,
    normalize,
)
from desktop_app.exchange.messages import Cancelled, ExchangeError, Message, Translate
from desktop_app.exchange.reader import DEFAULT_LIMITS, EXCEL_EPOCH, Limits, open_source
from desktop_app.records import errors as E
from desktop_app.records import service
from desktop_app.records.specs import (
    CHOICE,
    DATE,
    FK,
    LINKS,
    MULTICHOICE,
    FieldSpec,
    RecordSpec,
    spec_for,
)
from desktop_app.store import categories
from desktop_app.store.bulk import collector_paused
from desktop_app.store.db import database_proxy, write_transaction

IMPORT, SKIP, UPDATE = "import", "skip", "update"
ACTION_LABELS = {IMPORT: M.ACTION_IMPORT, SKIP: M.ACTION_SKIP, UPDATE: M.ACTION_UPDATE}

# Phases reported to progress(phase, done, total)
READ, CHECK, WRITE = "read", "check", "write"
PROGRESS_EVERY = 250  # rows between progress reports and cancel polls

Progress = Callable[[str, int, "int | None"], None]
Cancel = Callable[[], bool]

# Why a row below the header is not a record
BLANK, TOTAL, HEADER_AGAIN, NOTE = "blank", "total", "header", "note"
TOTAL_WORDS = {"合计", "总计", "小计", "共计", "累计", "total", "合计数"}
NOTE_STARTS = (
    "制表",
    "填表",
    "填报人",
    "填报单位",
    "填报日期",
    "填报时间",
    "填报说明",
    "审核",
    "负责人",
    "单位负责人",
    "分管领导",
    "联系人：",
    "联系人:",
    "联系电话",
    "日期：",
    "日期:",
    "签字",
    "盖章",
    "（盖章）",
    "(盖章)",
    "注：",
    "注:",
    "说明：",
    "说明:",
    "备注：",
    "备注:",
)
# "合计：2所", "总计 4 所": a total word, then what it counts
_TOTAL_HEAD = re.compile(r"^(?:合计|总计|小计|共计|累计)\s*[：:\s]")


# Record types whose duplicates are not "same title (+ date)"
DEDUPE_FIELDS: dict[str, tuple[str, ...]] = {
    "ledger_report": ("unit", "period"),
    "assessment": ("year", "unit", "indicator"),
}


# ---------------------------------------------------------------- results


@dataclass
class RowProblem:
    """What is wrong with one cell (or one row): row, column, value, reason."""

    row: int  # row number in the sheet, as Excel shows it
    field: str  # field name; "" for the row as a whole
    column: str  # the column's header in the file; "" when the file has no such column
    value: Any  # the cell as read from the file
    message: Message

    def reason(self, translate: Translate | None = None) -> str:
        return self.message.text(translate)

    def column_text(self, spec: RecordSpec, translate: Translate | None = None) -> str:
        """The header as written in the file, else the field's (translated) label."""
        if self.column or not self.field:
            return self.column
        label = spec.field(self.field).label
        return translate("Field", label) if translate else label


@dataclass
class PlannedRow:
    row: int  # row number in the sheet
    cells: dict[str, Any]  # field → the cell as read (for reports)
    values: dict[str, Any]  # field → value as the form holds it; links as ids found
    names: dict[str, list[str]] = field(default_factory=dict)  # link field → names written
    found: dict[str, list[int | None]] = field(default_factory=dict)  # id per name; None: missing
    missing: dict[str, list[str]] = field(default_factory=dict)  # link field → names not found
    cell_problems: list[RowProblem] = field(default_factory=list)  # unreadable cells
    missing_problems: list[RowProblem] = field(default_factory=list)  # names to create
    problems: list[RowProblem] = field(default_factory=list)  # cells + the check for action
    clean: dict | None = None  # what validate() returned for the action (None: not valid)
    duplicate_of: int | None = None  # earlier row of the file with the same key
    existing_id: int | None = None  # record in the ledger with the same key
    existing_title: str = ""
    action: str = IMPORT
    unique_title: bool = False
    # The first row of the file to match existing_id: the only one that may update it
    # (two people of one name and different ID numbers must not both land on it).
    first_claim: bool = True
    matched_by: str = ""  # the identity field's label when it decided the match

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None or self.existing_id is not None

    @property
    def allowed_actions(self) -> tuple[str, ...]:
        out = [SKIP]
        if self.existing_id is not None and self.duplicate_of is None and self.first_claim:
            out.append(
                UPDATE
            )  # the file's first row naming the record; a repeat would update it twice
        if not (self.is_duplicate and self.unique_title):
            out.append(IMPORT)  # a second 中北大学 would break the unique name
        return tuple(out)

    def duplicate_message(self) -> Message | None:
        """What this row duplicates, for the wizard's list of duplicates."""
        if self.duplicate_of is not None:
            return Message(M.DUPLICATE_IN_FILE, (self.duplicate_of,))
        if self.existing_id is not None and self.matched_by:
            return Message(
                M.DUPLICATE_SAME_IDENTITY, (self.existing_title, self.matched_by), label_args=(2,)
            )
        if self.existing_id is not None:
            return Message(M.DUPLICATE_EXISTING, (self.existing_title,))
        return None

    def errors(self, create_missing: bool = False) -> list[RowProblem]:
        """Problems that stop this row from being written as its action says."""
        if self.action == SKIP:
            return []
        return self.problems + ([] if create_missing else self.missing_problems)

    def is_valid(self, create_missing: bool = False) -> bool:
        return not self.errors(create_missing)


@dataclass
class IgnoredRow:
    row: int
    reason: str  # BLANK, TOTAL, HEADER_AGAIN or NOTE


@dataclass
class ImportPlan:
    spec: RecordSpec
    path: Path
    sheet: str
    sheet_names: list[str]
    header: Header | None
    rows: list[PlannedRow] = field(default_factory=list)
    ignored: list[IgnoredRow] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)  # the file as a whole cannot be read
    warnings: list[Message] = field(default_factory=list)  # worth saying, not stopping for
    # target type → names in link columns that match no record (created if asked)
    missing_links: dict[str, list[str]] = field(default_factory=dict)
    # category list → words the file uses that the list lacks (added on import)
    new_words: dict[str, list[str]] = field(default_factory=dict)
    creatable: set[str] = field(default_factory=set)  # target types created when missing
    epoch: dt.datetime = EXCEL_EPOCH
    unique_title: bool = False
    # The ledger's state when the rows were checked: unchanged at execute,
    # the check still holds and is not run a second time.
    checked_state: tuple | None = None
    _by_number: dict[int, PlannedRow] = field(default_factory=dict, repr=False)

    def row(self, number: int) -> PlannedRow:
        """The planned row for a sheet row number."""
        if len(self._by_number) != len(self.rows):
            self._by_number = {r.row: r for r in self.rows}
        return self._by_number[number]

    def errors(self, create_missing: bool = False) -> list[RowProblem]:
        """Every problem that stops a row from being written, in row order."""
        return [p for r in self.rows for p in r.errors(create_missing)]

    def all_problems(self) -> list[RowProblem]:
        """Every problem found, also on rows that will be skipped (for the report)."""
        return [p for r in self.rows for p in r.problems + r.missing_problems]

    def invalid_rows(self, create_missing: bool = False) -> list[PlannedRow]:
        return [r for r in self.rows if not r.is_valid(create_missing)]

    def duplicates(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.is_duplicate]

    def to_write(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action != SKIP]

    def set_action(self, number: int, action: str) -> PlannedRow:
        """Choose Skip / Update / Import anyway for a row; checks it again for that action."""
        r = self.row(number)
        if action not in r.allowed_actions:
            raise ValueError(f"row {number}: {action!r} is not one of {r.allowed_actions}")
        r.action = action
        _check_row(self, r, service.Checks())
        return r

    def set_all_duplicates(self, action: str) -> None:
        """The same choice for every duplicate row that allows it."""
        checks = service.BatchChecks()
        for r in self.duplicates():
            if action in r.allowed_actions:
                r.action = action
                _check_row(self, r, checks)

    @property
    def fatal(self) -> bool:
        return bool(self.problems)


@dataclass
class ImportOptions:
    skip_invalid: bool = False  # write the valid rows and leave the others out
    create_missing: bool = False  # create institutions/units named in link columns
    dry_run: bool = False  # do everything in the transaction, then roll it back


@dataclass
class ImportResult:
    written: bool  # something was (or, in a dry run, would be) committed
    imported: int = 0  # new records
    updated: int = 0  # existing records updated
    unchanged: int = 0  # rows set to Update whose record already holds what they say
    skipped: int = 0  # rows left out: Skip chosen, or errors with skip_invalid
    invalid: int = 0  # rows with errors (left out, or the reason nothing was written)
    ids: list[int] = field(default_factory=list)  # new records' ids
    created: dict[str, list[str]] = field(default_factory=dict)  # target type → names created
    added_words: dict[str, list[str]] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)  # rows not written and why
    message: Message | None = None  # why nothing was written
    dry_run: bool = False


# ---------------------------------------------------------------- planning


@collector_paused()
def plan_import(
    spec: RecordSpec | str,
    path: str | os.PathLike,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    columns: dict[int, str | None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportPlan:
    """Read path and plan the import of its rows as records of spec; writes nothing.

    header_row (as Excel numbers rows) and columns ({0-based column index:
    field name, or None to ignore}) override what is found automatically; the
    header must be among the first 30 non-blank rows. Raises ExchangeError when
    the file cannot be read at all, Cancelled when cancel() turns true.
    """
    spec = spec_for(spec) if isinstance(spec, str) else spec
    report = _Reporter(progress, cancel)
    with open_source(path, limits) as source:
        sheet = sheet or source.default_sheet
        plan = ImportPlan(spec, Path(path), sheet, list(source.sheet_names), None)
        plan.epoch = source.epoch
        total = source.size_hint(sheet)
        if n := source.uncalculated(sheet):
            plan.warnings.append(Message(M.UNCALCULATED, (n,)))
        rows = source.rows(sheet)
        head: list[tuple[int, list[Any]]] = []
        for item in rows:
            head.append(item)
            if len(head) >= 30:
                break
        if header_row is not None:
            cells = next((c for n, c in head if n == header_row), None)
            header = map_row(spec, header_row, cells) if cells is not None else None
        else:
            header = find_header(spec, head)
            if header is None and columns is not None and head:
                header = map_row(spec, head[0][0], head[0][1])  # the user maps it
        if header is None:
            title = spec.field(spec.title_field).label
            plan.problems.append(
                Message(M.NO_HEADER, (spec.label, title), label_args=(2,), record_args=(1,))
            )
            return plan
        if columns is not None:
            header = _override(spec, header, columns)
        plan.header = header
        for f in header.missing_required(spec):
            plan.problems.append(Message(M.MISSING_COLUMN, (f.label,), label_args=(1,)))
        used, unused = len(header.by_field), len(header.ignored)
        if unused >= 3 and unused > used:  # an activity ledger opened as institutions?
            plan.warnings.append(
                Message(M.FEW_COLUMNS, (used, used + unused, spec.label), record_args=(3,))
            )
        pending = [item for item in head if item[0] > header.row]
        readers = _readers(plan)
        plan.unique_title = spec.field(spec.title_field).unique
        count = 0
        for number, cells in _chain(pending, rows):
            count += 1
            if count % PROGRESS_EVERY == 0:
                report(READ, number, total)
            _read_row(plan, readers, number, cells)
        report(READ, count, count)
    if not plan.rows and not plan.problems:
        plan.problems.append(Message(M.NO_ROWS))
    _resolve_links(plan)
    _find_new_words(plan)
    _find_duplicates(plan)
    if plan.fatal:
        # A required column is missing (or no header): said once, not on every row.
        return plan
    checks = service.BatchChecks()
    for i, r in enumerate(plan.rows, start=1):
        if i % PROGRESS_EVERY == 0:
            report(CHECK, i, len(plan.rows))
        _check_row(plan, r, checks)
    report(CHECK, len(plan.rows), len(plan.rows))
    plan.checked_state = _ledger_state()
    return plan


def _ledger_state() -> tuple:
    """Changes by this connection and commits by others: equal means nothing changed."""
    db = database_proxy.obj
    if not isinstance(db, pw.SqliteDatabase):
        # A server: the next transaction id moves on with every write on it.
        (xmax,) = db.execute_sql("SELECT pg_snapshot_xmax(pg_current_snapshot())").fetchone()
        return (id(db), str(xmax))
    version = db.execute_sql("PRAGMA data_version").fetchone()[0]
    return (id(db), db.connection().total_changes, version)


def _chain(first, rest):
    yield from first
    yield from rest


def _override(spec: RecordSpec, header: Header, columns: dict[int, str | None]) -> Header:
    names = {f.name for f in spec.fields}
    out = Header(header.row)
    seen: set[str] = set()
    for c in header.columns:
        wanted = columns.get(c.index, c.field)
        if wanted is not None and wanted not in names:
            raise KeyError(f"{spec.key} has no field {wanted!r}")
        if wanted in seen:  # one column per field: the first keeps it
            wanted = None
        if wanted:
            seen.add(wanted)
        out.columns.append(Column(c.index, c.header, wanted))
    return out


class _Reporter:
    def __init__(self, progress: Progress | None, cancel: Cancel | None):
        self.progress, self.cancel = progress, cancel

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        if self.progress is not None:
            self.progress(phase, done, total)


def _row_kind(
    header: Header, cells: list[Any], mapped: dict[str, Any], title_field: str = ""
) -> str | None:
    """Why this row is no record (BLANK, TOTAL, HEADER_AGAIN, NOTE), or None."""
    texts = [v for v in cells if isinstance(v, str) and v.strip()]
    # The label of a totals row is its first filled cell, or the one after a 序号;
    # "累计：带动增收200万元" further right is a record's notes.
    filled = []
    for v in cells:
        if not is_blank(v):
            filled.append(v)
            if len(filled) == 2:
                break
    labels = filled if filled and not isinstance(filled[0], str) else filled[:1]
    for t in labels:
        if isinstance(t, str) and ("计" in t or "otal" in t):
            if normalize(t) in TOTAL_WORDS or _TOTAL_HEAD.match(t.strip()):
                return TOTAL
    # A footer: every filled cell is a note (填表人：张三 … 审核人：李四)
    if texts and texts[0].lstrip().startswith(NOTE_STARTS):
        filled = [v for v in cells if not is_blank(v)]
        if all(isinstance(v, str) and v.strip().startswith(NOTE_STARTS) for v in filled):
            return NOTE
    if all(is_blank(v) for v in mapped.values()):
        # Nothing where the record's fields are: a 序号 alone is blank, words are a note.
        return NOTE if texts and any(not _numberish(t) for t in texts) else BLANK
    if not texts and is_blank(mapped.get(title_field)):
        numbers = [v for v in cells if v is not None]
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers):
            return TOTAL  # numbers alone, no name: the sums under a table with no 合计 label
    if texts and is_header_again(header, cells):
        return HEADER_AGAIN
    return None


def _numberish(text: str) -> bool:
    return text.strip().replace(".", "", 1).isdigit()


def _readers(plan: ImportPlan) -> list[tuple[str, int, str, Callable[[Any], Any], FieldSpec]]:
    """(field, column index, header, converter, field spec) of every mapped column."""
    epoch = plan.epoch
    out = []
    for name, c in plan.header.by_field.items():
        f = plan.spec.field(name)
        conv = partial(convert, f, epoch=epoch)
        if f.unique and f.name == plan.spec.title_field:
            conv = partial(_one_name, conv)
        out.append((name, c.index, c.header, conv, f))
    return out


def _one_name(conv: Callable[[Any], Any], raw: Any) -> Any:
    """A unique name (an institution, a unit) holding a list: "中北大学、山西大学"."""
    value = conv(raw)
    if isinstance(value, str) and "、" in value:
        raise CellError(M.SEVERAL_NAMES)
    return value


def _read_row(plan: ImportPlan, readers: list, number: int, cells: list[Any]) -> None:
    width = len(cells)
    mapped = {name: (cells[i] if i < width else None) for name, i, _h, _c, _f in readers}
    kind = _row_kind(plan.header, cells, mapped, plan.spec.title_field)
    if kind is not None:
        plan.ignored.append(IgnoredRow(number, kind))
        return
    row = PlannedRow(number, mapped, {}, unique_title=plan.unique_title)
    for name, _i, header, conv, f in readers:
        raw = mapped[name]
        try:
            value = conv(raw)
        except CellError as exc:
            row.cell_problems.append(
                RowProblem(
                    number,
                    name,
                    header,
                    raw,
                    Message(exc.template, (f.label, *exc.args_), label_args=(1,)),
                )
            )
            continue
        if f.kind in (FK, LINKS):
            row.names[name] = value
        else:
            row.values[name] = value
    plan.rows.append(row)


# ---------------------------------------------------------------- names in link columns


class _Index:
    """Records of one type by name (and short name): who "中北" and "中北大学" are."""

    def __init__(self, target: RecordSpec):
        self.by_title: dict[str, set[int]] = {}
        self.by_key: dict[str, set[int]] = {}
        self.by_short: dict[str, set[int]] = {}
        self._found: dict[str, set[int]] = {}
        title = getattr(target.model, target.title_field)
        columns = [target.model.id, title]
        has_short = any(f.name == "short_name" for f in target.fields)
        if has_short:
            columns.append(target.model.short_name)
        for row in target.model.select(*columns).tuples():
            rid, name = row[0], str(row[1] or "")
            self.by_title.setdefault(name, set()).add(rid)
            self.by_key.setdefault(word_key(name), set()).add(rid)
            if has_short and row[2]:
                self.by_short.setdefault(word_key(row[2]), set()).add(rid)

    def find(self, name: str) -> set[int]:
        if name not in self._found:  # a few dozen names, each met hundreds of times
            self._found[name] = self._lookup(name)
        return self._found[name]

    def _lookup(self, name: str) -> set[int]:
        for found in (
            self.by_title.get(name),
            self.by_key.get(word_key(name)),
            self.by_short.get(word_key(name)),
        ):
            if found:
                return found
        return set()


# Reference records an import may create from a name in a link column.
CREATABLE = ("institution", "unit")


def creatable(target: RecordSpec) -> bool:
    """Institutions and units: a name alone makes one valid, and a name is all the cell says."""
    return target.key in CREATABLE and all(
        not f.required or f.name == target.title_field for f in target.fields
    )


def _resolve_links(plan: ImportPlan) -> None:
    spec = plan.spec
    link_fields = [f for f in spec.fields if f.kind in (FK, LINKS)]
    indexes: dict[str, _Index] = {}
    missing: dict[str, dict[str, str]] = {}  # target → word_key → first spelling
    for f in link_fields:
        if f.target not in indexes:
            indexes[f.target] = _Index(spec_for(f.target))
        target = spec_for(f.target)
        if creatable(target):
            plan.creatable.add(f.target)
    columns = plan.header.by_field
    for r in plan.rows:
        for name, names in r.names.items():
            f = spec.field(name)
            column = columns[name].header
            found: list[int | None] = []
            for n in names:
                ids = indexes[f.target].find(n)
                if len(ids) == 1:
                    found.append(next(iter(ids)))
                    continue
                if not ids and f.target in plan.creatable:
                    found.append(None)
                    r.missing.setdefault(name, []).append(n)
                    missing.setdefault(f.target, {}).setdefault(word_key(n), n)
                    template, target = M.NOT_FOUND_CREATE, r.missing_problems
                else:
                    template = M.AMBIGUOUS if ids else M.NOT_FOUND
                    target = r.cell_problems
                target.append(
                    RowProblem(
                        r.row,
                        name,
                        column,
                        r.cells.get(name),
                        Message(template, (f.label, n), label_args=(1,)),
                    )
                )
            r.found[name] = found
            ids_found = [i for i in found if i is not None]
            r.values[name] = (ids_found[0] if ids_found else None) if f.kind == FK else ids_found
    plan.missing_links = {t: list(d.values()) for t, d in missing.items()}


def _find_new_words(plan: ImportPlan) -> None:
    """Category words the file uses that the lists lack; spelled as the list does if close."""
    spec = plan.spec
    for f in spec.fields:
        if f.kind not in (CHOICE, MULTICHOICE) or not f.choices:
            continue
        known = {word_key(w): w for w in categories.words(f.choices)}
        new: dict[str, str] = {}
        for r in plan.rows:
            if f.name not in r.values:
                continue
            value = r.values[f.name]
            words = value if f.kind == MULTICHOICE else ([value] if value else [])
            fixed = []
            for w in words:
                k = word_key(w)
                if k in known:
                    fixed.append(known[k])  # "高 校" → 高校
                else:
                    fixed.append(w)
                    new.setdefault(k, w)
            r.values[f.name] = fixed if f.kind == MULTICHOICE else (fixed[0] if fixed else "")
        if new:
            plan.new_words.setdefault(f.choices, []).extend(
                w for w in new.values() if w not in plan.new_words.get(f.choices, [])
            )


# ---------------------------------------------------------------- duplicates


def dedupe_fields(spec: RecordSpec) -> tuple[str, ...]:
    """The fields two records share when they are the same: the name, plus the date."""
    if spec.key in DEDUPE_FIELDS:
        return DEDUPE_FIELDS[spec.key]
    title = spec.field(spec.title_field)
    if title.unique:
        return (title.name,)
    date = spec.year_field
    if date and spec.field(date).kind == DATE:
        return (title.name, date)
    return (title.name,)


def _key_part(value: Any) -> Any:
    if isinstance(value, str):
        return word_key(value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _identity(value: Any) -> str:
    return word_key(str(value)) if value not in (None, "") else ""


def _find_duplicates(plan: ImportPlan) -> None:
    """Mark rows that repeat an earlier row or a record: same name (and date, …).

    Where the type has an identity field (a talent's ID number) and both sides
    have it, it alone decides: two 张伟 with different ID numbers are two
    people, the same ID number under two spellings of a name is one.
    """
    spec = plan.spec
    names = dedupe_fields(spec)
    if not all(n in plan.header.by_field for n in names if spec.field(n).required):
        return
    model = spec.model
    ident_field = spec.identity_field if spec.identity_field in plan.header.by_field else None
    columns = [model.id] + [
        getattr(model, spec.field(n).column_name if spec.field(n).kind == FK else n) for n in names
    ]
    if ident_field:
        columns.append(getattr(model, ident_field))
    title_column = getattr(model, spec.title_field)
    existing: dict[tuple, list[tuple[int, str, str]]] = {}  # key → (id, title, identity)
    existing_ids: dict[str, tuple[int, str]] = {}
    for row in model.select(*columns, title_column).order_by(model.id).tuples():
        ident = _identity(row[-2]) if ident_field else ""
        key = tuple(_key_part(v) for v in row[1 : 1 + len(names)])
        existing.setdefault(key, []).append((row[0], str(row[-1] or ""), ident))
        if ident:
            existing_ids.setdefault(ident, (row[0], str(row[-1] or "")))
    first: dict[tuple, list[tuple[int, str]]] = {}  # key → (row, identity) of earlier rows
    claimed: dict[int, tuple[int, str]] = {}  # record → (first row matching it, its identity)
    first_ids: dict[str, int] = {}
    for r in plan.rows:
        parts = []
        for n in names:
            v = r.values.get(n)
            if spec.field(n).kind == FK and v is None and r.missing.get(n):
                v = ("new", word_key(r.missing[n][0]))
            parts.append(_key_part(v))
        key = tuple(parts)
        ident = _identity(r.values.get(ident_field)) if ident_field else ""
        if all(p in (None, "") for p in key) and not ident:
            continue
        earlier = first.get(key, [])
        if ident and ident in first_ids:
            r.duplicate_of = first_ids[ident]
        else:
            same = [row for row, other in earlier if not (ident and other)]
            if same:
                r.duplicate_of = same[0]
        first.setdefault(key, []).append((r.row, ident))
        if ident:
            first_ids.setdefault(ident, r.row)
        match = existing_ids.get(ident) if ident else None
        if match is not None:
            r.matched_by = spec.field(ident_field).label
        else:
            same_key = [(i, t) for i, t, other in existing.get(key, []) if not (ident and other)]
            match = same_key[0] if same_key else None
        if match is not None and not r.matched_by and ident:
            earlier_row, earlier_ident = claimed.get(match[0], (None, ""))
            if earlier_ident and earlier_ident != ident:
                # An earlier row gave this name another ID number: the record (which
                # has none) is that person or neither; this one is someone else.
                match = None
        if match is not None:
            r.existing_id, r.existing_title = match
            if r.duplicate_of is None:
                r.first_claim = claimed.setdefault(match[0], (r.row, ident))[0] == r.row
        if r.is_duplicate:
            r.action = SKIP


# ---------------------------------------------------------------- checking


def _values_for(plan: ImportPlan, r: PlannedRow, action: str) -> tuple[dict, int | None]:
    """The values validate() and save() get for a row, and the record it updates."""
    if action == UPDATE and r.existing_id is not None:
        values = service.load(plan.spec, r.existing_id)
        keep = set(dedupe_fields(plan.spec))  # the same by definition: keep its spelling
        for name, value in r.values.items():
            if name not in keep and not is_blank(r.cells.get(name)):
                values[name] = value  # a blank cell keeps what the record has
        return values, r.existing_id
    return dict(r.values), None


def _check_row(plan: ImportPlan, r: PlannedRow, checks: service.Checks) -> None:
    r.problems = list(r.cell_problems)
    r.clean = None
    if r.action == SKIP:
        return  # checked when the user chooses to write it (set_action)
    values, record_id = _values_for(plan, r, r.action)
    bad = {p.field for p in r.cell_problems} | set(r.missing)
    try:
        r.clean = service.validate(plan.spec, values, record_id, checks)
        _check_unit(plan, r, record_id)
    except E.ValidationError as exc:
        for p in exc.problems:
            if p.field in bad:
                continue  # already explained by the cell (or a name to create)
            r.problems.append(_row_problem(plan, r, p, Message.from_problem(p)))


def _check_unit(plan: ImportPlan, r: PlannedRow, record_id: int | None) -> None:
    """A unit's copy (or a unit's user on a server) imports its own unit's
    records only: another unit's row is a problem of that row, as in the form."""
    from desktop_app.handin import roles

    spec = plan.spec
    units = []
    if spec.unit_field and r.clean is not None:
        copy = roles.unit_copy()
        if copy is not None and r.clean.get(spec.unit_field) is None and record_id is None:
            r.clean[spec.unit_field] = copy.unit_id  # a unit records its own, as the form
        units.append(r.clean.get(spec.unit_field))
        if record_id is not None:
            record = spec.model.get_or_none(spec.model.id == record_id)
            if record is not None:
                units.append(getattr(record, spec.field(spec.unit_field).column_name))
    service.guard_unit_copy(spec, units)


# ---------------------------------------------------------------- writing


def _row_problem(plan: ImportPlan, r: PlannedRow, p: E.Problem, message: Message) -> RowProblem:
    """A validation problem of row r, placed at the column the file gave its field."""
    column = plan.header.by_field.get(p.field)
    return RowProblem(
        r.row, p.field, column.header if column else "", r.cells.get(p.field), message
    )


class _DryRun(Exception):
    pass


class _Refused(Exception):
    pass


@collector_paused()
def execute(
    plan: ImportPlan,
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportResult:
    """Write the plan in one transaction; with errors, nothing unless options.skip_invalid."""
    options = options or ImportOptions()
    report = _Reporter(progress, cancel)
    result = ImportResult(written=False, dry_run=options.dry_run)
    if plan.fatal:
        result.message = plan.problems[0]
        result.skipped = len(plan.rows)
        return result
    wanted = plan.to_write()
    invalid = [r for r in wanted if not r.is_valid(options.create_missing)]
    result.invalid = len(invalid)
    result.skipped = len(plan.rows) - len(wanted) + len(invalid)
    result.problems = [p for r in invalid for p in r.errors(options.create_missing)]
    if invalid and not options.skip_invalid:
        result.message = Message(M.REFUSED_ERRORS, (len(invalid),))
        result.skipped = len(plan.rows)
        return result
    todo = [r for r in wanted if r.is_valid(options.create_missing)]
    if todo and not options.dry_run:
        _backup_before_import()
    try:
        with write_transaction():
            _write(plan, todo, options, result, report)
            if options.dry_run:
                raise _DryRun()
    except _DryRun:
        pass
    except _Refused:
        result.message = Message(M.REFUSED_ERRORS, (result.invalid,))
        result.imported = result.updated = 0
        result.skipped = len(plan.rows)
        result.ids, result.created, result.added_words = [], {}, {}
        return result
    result.written = bool(result.imported or result.updated)
    if not options.dry_run:
        service.UNDO.clear()  # Ctrl+Z must not reach behind an import
    return result


def _backup_before_import() -> None:
    """A verified backup before a bulk import, so a wrong import can be rolled back whole."""
    from desktop_app.safety.backup import backup_before
    from desktop_app.store.db import current_path

    path = current_path()
    if path is not None and path.exists():
        backup_before(path, "pre-import")


def _write(
    plan: ImportPlan,
    rows: list[PlannedRow],
    options: ImportOptions,
    result: ImportResult,
    report: _Reporter,
) -> None:
    spec = plan.spec
    unchanged = plan.checked_state is not None and _ledger_state() == plan.checked_state
    # Words first, so the lists offer them on the form as soon as the records exist.
    for list_key, words in _words_used(plan, rows).items():
        for w in words:
            categories.add_word(list_key, w)
        result.added_words[list_key] = words
    created = _create_missing(plan, rows) if options.create_missing else {}
    for target, by_key in created.items():
        result.created[target] = list(by_key)
    checks = service.BatchChecks()
    new: list[dict] = []
    updates: list[tuple[dict, int]] = []
    for i, r in enumerate(rows, start=1):
        if i % PROGRESS_EVERY == 0:
            report(WRITE, i, len(rows))
        record_id = r.existing_id if r.action == UPDATE else None
        if unchanged and r.clean is not None and not r.missing:
            clean = r.clean  # checked against this very state of the ledger
            if record_id is None:
                checks.passed(spec, clean, None)
            new.append(clean) if record_id is None else updates.append((clean, record_id))
            continue
        values, record_id = _values_for(plan, r, r.action)
        _fill_created(plan, r, values, created)
        try:
            clean = service.validate(spec, values, record_id, checks)
        except E.ValidationError as exc:
            # The ledger changed since the plan (a name taken, a record deleted).
            result.invalid += 1
            result.skipped += 1
            for p in exc.problems:
                changed = Message(M.CHANGED_SINCE, (Message.from_problem(p).text(),))
                result.problems.append(_row_problem(plan, r, p, changed))
            if not options.skip_invalid:
                raise _Refused() from None
            continue
        if record_id is None:
            new.append(clean)
        else:
            updates.append((clean, record_id))
    report(WRITE, len(rows), len(rows))
    result.ids = service.insert_validated(spec, new)
    result.imported = len(result.ids)
    for clean, record_id in updates:
        current = service.load(spec, record_id)
        if all(current.get(name) == value for name, value in clean.items()):
            result.unchanged += 1  # no save: its time stamp and history stay as they are
            continue
        service.save(spec, clean, record_id)
        result.updated += 1


def _words_used(plan: ImportPlan, rows: list[PlannedRow]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for list_key, words in plan.new_words.items():
        fields = [
            f for f in plan.spec.fields if f.choices == list_key and f.kind in (CHOICE, MULTICHOICE)
        ]
        used = set()
        for r in rows:
            for f in fields:
                v = r.values.get(f.name)
                used.update(v if isinstance(v, list) else [v])
        keep = [w for w in words if w in used]
        if keep:
            out[list_key] = keep
    return out


def _create_missing(plan: ImportPlan, rows: list[PlannedRow]) -> dict[str, dict[str, int]]:
    """Create the institutions/units the rows name but the ledger lacks: name → id."""
    wanted: dict[str, dict[str, str]] = {}
    for r in rows:
        for name, names in r.missing.items():
            target = plan.spec.field(name).target
            for n in names:
                wanted.setdefault(target, {}).setdefault(word_key(n), n)
    out: dict[str, dict[str, int]] = {}
    for target, by_key in wanted.items():
        tspec = spec_for(target)
        checks = service.BatchChecks()
        cleaned = [
            service.validate(tspec, {tspec.title_field: n}, None, checks) for n in by_key.values()
        ]
        ids = service.insert_validated(tspec, cleaned)
        out[target] = dict(zip(by_key.values(), ids, strict=True))  # name → id
    return out


def _fill_created(
    plan: ImportPlan, r: PlannedRow, values: dict, created: dict[str, dict[str, int]]
) -> None:
    """Put the ids of records just created where the row named them."""
    for name in r.missing:
        f = plan.spec.field(name)
        made = {word_key(n): rid for n, rid in created.get(f.target, {}).items()}
        ids = [
            rid if rid is not None else made.get(word_key(n))
            for n, rid in zip(r.names[name], r.found[name], strict=True)
        ]
        ids = [i for i in ids if i is not None]
        if f.kind == FK:
            if not (values.get(name) and r.action == UPDATE and is_blank(r.cells.get(name))):
                values[name] = ids[0] if ids else None
        else:
            values[name] = ids


def import_file(
    spec: RecordSpec | str,
    path: str | os.PathLike,
    options: ImportOptions | None = None,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[ImportPlan, ImportResult]:
    """plan_import + execute with the default choices (duplicates skipped)."""
    plan = plan_import(spec, path, sheet=sheet, limits=limits, progress=progress, cancel=cancel)
    return plan, execute(plan, options, progress=progress, cancel=cancel)


__all__ = [
    "IMPORT",
    "SKIP",
    "UPDATE",
    "Cancelled",
    "ExchangeError",
    "ImportOptions",
    "ImportPlan",
    "ImportResult",
    "PlannedRow",
    "RowProblem",
    "IgnoredRow",
    "plan_import",
    "execute",
    "import_file",
]
