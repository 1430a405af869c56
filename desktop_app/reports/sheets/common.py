"""The sheets users print: shared strings, periods and query helpers.

Every function here only reads (peewee queries on the models) and returns a
reports.model.Sheet, so each figure can be tested exactly; the renderers (PDF,
printer, .xlsx) draw it. No Qt here: strings a user reads are marked with
QT_TRANSLATE_NOOP("Sheet", ...) and passed through the ``t`` callable each
sheet function receives (identity, i.e. English, by default). Data values
(names, category words such as 省外 or 博士) are never translated.

Filters:
- unit: the record's ``unit`` foreign key equals the unit id;
- period: each record type's own date (institutions first_contact, activities
  date, agreements signed_date, bases established_date, projects and talents
  start_date, achievements date, meetings date, tasks deadline, ledger
  hand-ins due_date). A record without that date lies outside any bounded
  period; with no period (or an open one) every record counts.

Counting tables (the summary) list every word of the category list, zeros
included, so the printed form is the same every time; words found in records
but no longer in the list follow, then "(not filled in)" for blanks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable

import peewee as pw

from desktop_app.records.specs import MULTI_SEPARATOR, QT_TRANSLATE_NOOP, spec_for
from desktop_app.reports.model import INT, TEXT, Column, Period, Table
from desktop_app.store import categories
from desktop_app.store import models as m

Translate = Callable[[str], str]


def identity(text: str) -> str:
    return text


# Category words the figures rely on. Like categories.TASK_DONE they are the
# seeded words; a county that renames them renames what these sheets count.
MODE_RESEARCH = "来阳开展研究"  # researchers working locally (the report's "30 PhDs, 70+ masters")
INDICATOR_PROJECTS = "项目合作"
INDICATOR_TALENTS = "人才引进"
INDICATOR_ACHIEVEMENTS = "成果转化"

# ---------------------------------------------------------------- strings

# Sheet titles (SheetDef.label)
SUMMARY_LABEL = QT_TRANSLATE_NOOP("Sheet", "Work summary")
INSTITUTIONS_LABEL = QT_TRANSLATE_NOOP("Sheet", "Institution register")
DOSSIER_LABEL = QT_TRANSLATE_NOOP("Sheet", "Institution dossier")
BASES_LABEL = QT_TRANSLATE_NOOP("Sheet", "Base register")
PROJECTS_LABEL = QT_TRANSLATE_NOOP("Sheet", "Project progress")
TALENTS_LABEL = QT_TRANSLATE_NOOP("Sheet", "Talent roster")
TASKS_LABEL = QT_TRANSLATE_NOOP("Sheet", "Follow-up task list")
UNIT_LEDGER_LABEL = QT_TRANSLATE_NOOP("Sheet", "Unit ledger")
ASSESSMENT_LABEL = QT_TRANSLATE_NOOP("Sheet", "Assessment score sheet")

_BLANK = QT_TRANSLATE_NOOP("Sheet", "(not filled in)")
_TOTAL = QT_TRANSLATE_NOOP("Sheet", "Total")
_NO_RECORDS = QT_TRANSLATE_NOOP("Sheet", "No records")
_UNIT_TEXT = QT_TRANSLATE_NOOP("Sheet", "Unit: %1")

L_NO = QT_TRANSLATE_NOOP("Sheet", "No.")
L_NAME = QT_TRANSLATE_NOOP("Sheet", "Name")
L_FULL_NAME = QT_TRANSLATE_NOOP("Sheet", "Full name")  # of a person: 姓名, not 名称
L_TITLE = QT_TRANSLATE_NOOP("Sheet", "Title")
L_TYPE = QT_TRANSLATE_NOOP("Sheet", "Type")
L_DATE = QT_TRANSLATE_NOOP("Sheet", "Date")
L_STATUS = QT_TRANSLATE_NOOP("Sheet", "Status")
L_STAGE = QT_TRANSLATE_NOOP("Sheet", "Stage")
L_UNIT = QT_TRANSLATE_NOOP("Sheet", "Responsible unit")
L_UNIT_PLAIN = QT_TRANSLATE_NOOP("Sheet", "Unit")
L_PLACE = QT_TRANSLATE_NOOP("Sheet", "Place")
L_INSTITUTION = QT_TRANSLATE_NOOP("Sheet", "Institution")
L_INSTITUTIONS = QT_TRANSLATE_NOOP("Sheet", "Institutions")
L_SHORT_NAME = QT_TRANSLATE_NOOP("Sheet", "Short name")
L_KIND = QT_TRANSLATE_NOOP("Sheet", "Kind")
L_LOCATION = QT_TRANSLATE_NOOP("Sheet", "Location class")
L_PROVINCE = QT_TRANSLATE_NOOP("Sheet", "Province")
L_CITY = QT_TRANSLATE_NOOP("Sheet", "City")
L_PROVINCE_CITY = QT_TRANSLATE_NOOP("Sheet", "Province/city")
L_REL_STAGE = QT_TRANSLATE_NOOP("Sheet", "Relationship stage")
L_FIRST_CONTACT = QT_TRANSLATE_NOOP("Sheet", "First contact")
L_CONTACT = QT_TRANSLATE_NOOP("Sheet", "Contact person")
L_PHONE = QT_TRANSLATE_NOOP("Sheet", "Phone")
L_EMAIL = QT_TRANSLATE_NOOP("Sheet", "E-mail")
L_NOTES = QT_TRANSLATE_NOOP("Sheet", "Notes")
L_ESTABLISHED = QT_TRANSLATE_NOOP("Sheet", "Established")
L_PLAQUE = QT_TRANSLATE_NOOP("Sheet", "Plaque date")
L_CHAIN = QT_TRANSLATE_NOOP("Sheet", "Industry chain")
L_START = QT_TRANSLATE_NOOP("Sheet", "Start date")
L_SUPPORT = QT_TRANSLATE_NOOP("Sheet", "Support items")
L_MILESTONES = QT_TRANSLATE_NOOP("Sheet", "Milestones")
L_GENDER = QT_TRANSLATE_NOOP("Sheet", "Gender")
L_DEGREE = QT_TRANSLATE_NOOP("Sheet", "Degree")
L_ACADEMIC_TITLE = QT_TRANSLATE_NOOP("Sheet", "Academic title")
L_FIELD_OF_WORK = QT_TRANSLATE_NOOP("Sheet", "Field of work")
L_MODE = QT_TRANSLATE_NOOP("Sheet", "Introduction mode")
L_PROJECT = QT_TRANSLATE_NOOP("Sheet", "Project")
L_PARTICIPANTS = QT_TRANSLATE_NOOP("Sheet", "Participants")
L_OUTCOME_FIGURES = QT_TRANSLATE_NOOP("Sheet", "Outcome figures")
L_SIGNED = QT_TRANSLATE_NOOP("Sheet", "Signing date")
L_BENEFIT = QT_TRANSLATE_NOOP("Sheet", "Benefit")
L_MEETING = QT_TRANSLATE_NOOP("Sheet", "Source meeting")
L_OWNER = QT_TRANSLATE_NOOP("Sheet", "Owner")
L_DEADLINE = QT_TRANSLATE_NOOP("Sheet", "Deadline")
L_PROGRESS = QT_TRANSLATE_NOOP("Sheet", "Latest progress")
L_PERIOD = QT_TRANSLATE_NOOP("Sheet", "Period")
L_DUE = QT_TRANSLATE_NOOP("Sheet", "Due date")
L_SUBMITTED = QT_TRANSLATE_NOOP("Sheet", "Submitted date")
L_YEAR = QT_TRANSLATE_NOOP("Sheet", "Year")
L_INDICATOR = QT_TRANSLATE_NOOP("Sheet", "Indicator")
L_TARGET = QT_TRANSLATE_NOOP("Sheet", "Target")
L_ACTUAL = QT_TRANSLATE_NOOP("Sheet", "Actual")
L_WEIGHT = QT_TRANSLATE_NOOP("Sheet", "Weight")
L_SCORE = QT_TRANSLATE_NOOP("Sheet", "Score")
L_NOTE = QT_TRANSLATE_NOOP("Sheet", "Note")
L_FIELD = QT_TRANSLATE_NOOP("Sheet", "Item")
L_VALUE = QT_TRANSLATE_NOOP("Sheet", "Content")
L_N_INSTITUTIONS = QT_TRANSLATE_NOOP("Sheet", "Number of institutions")
L_N_AGREEMENTS = QT_TRANSLATE_NOOP("Sheet", "Number of agreements")
L_N_BASES = QT_TRANSLATE_NOOP("Sheet", "Number of bases")
L_N_LINKED = QT_TRANSLATE_NOOP("Sheet", "Linked institutions")
L_N_PROJECTS = QT_TRANSLATE_NOOP("Sheet", "Number of projects")
L_N_TALENTS = QT_TRANSLATE_NOOP("Sheet", "Number of talents")
L_N_ACTIVITIES = QT_TRANSLATE_NOOP("Sheet", "Number of activities")
L_N_ACHIEVEMENTS = QT_TRANSLATE_NOOP("Sheet", "Number of achievements")

# Headings of record-type sections (dossier, unit ledger).
H_INSTITUTIONS = QT_TRANSLATE_NOOP("Sheet", "Institutions")
H_ACTIVITIES = QT_TRANSLATE_NOOP("Sheet", "Activities")
H_AGREEMENTS = QT_TRANSLATE_NOOP("Sheet", "Agreements")
H_BASES = QT_TRANSLATE_NOOP("Sheet", "Bases")
H_PROJECTS = QT_TRANSLATE_NOOP("Sheet", "Projects")
H_TALENTS = QT_TRANSLATE_NOOP("Sheet", "Talents")
H_ACHIEVEMENTS = QT_TRANSLATE_NOOP("Sheet", "Achievements")
H_MEETINGS = QT_TRANSLATE_NOOP("Sheet", "Meetings")
H_TASKS = QT_TRANSLATE_NOOP("Sheet", "Follow-up tasks")
H_LEDGER_REPORTS = QT_TRANSLATE_NOOP("Sheet", "Ledger hand-ins")
H_ASSESSMENT = QT_TRANSLATE_NOOP("Sheet", "Assessment targets")


def name_label(spec_key: str) -> str:
    """The header of the column that names a record type's records: "Full name"
    (姓名) where the spec declares the name a person's, else "Name" (名称)."""
    spec = spec_for(spec_key)
    return L_FULL_NAME if spec.field(spec.title_field).person_name else L_NAME


def fill(template: str, *args: object) -> str:
    """Put args into %1, %2 … in one pass (an argument holding "%2" stays as is)."""

    def one(match: re.Match) -> str:
        i = int(match.group(1))
        return str(args[i - 1]) if 1 <= i <= len(args) else match.group(0)

    return re.sub(r"%(\d)", one, template)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_text(day: dt.date, t: Translate = identity) -> str:
    """A date for titles and notes: "1 Jan 2023" in English, "2023年1月1日" in
    Chinese (%1 year, %2 month, %3 day, %4 the month's English abbreviation)."""
    return fill(
        t(QT_TRANSLATE_NOOP("Sheet", "%3 %4 %1")),
        day.year,
        day.month,
        day.day,
        _MONTHS[day.month - 1],
    )


# ---------------------------------------------------------------- periods


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))


def quarter_period(year: int, quarter: int) -> Period:
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1 to 4, not {quarter}")
    first = 3 * quarter - 2
    last = 3 * quarter
    return Period(dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1]))


def month_period(year: int, month: int) -> Period:
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, not {month}")
    return Period(
        dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    )


def judged_as_of(period: Period | None, today: dt.date | None = None) -> dt.date:
    """The day overdue is judged on: the period's end for a past period (a 2023
    sheet says what was overdue at the end of 2023), else today."""
    today = today or dt.date.today()
    if period is not None and period.end is not None and period.end < today:
        return period.end
    return today


def _is_open(period: Period | None) -> bool:
    return period is None or (period.start is None and period.end is None)


def period_text(period: Period | None, t: Translate = identity) -> str:
    if _is_open(period):
        return t(QT_TRANSLATE_NOOP("Sheet", "All dates"))
    if period.start is not None and period.end is not None:
        return fill(
            t(QT_TRANSLATE_NOOP("Sheet", "%1 – %2")),
            date_text(period.start, t),
            date_text(period.end, t),
        )
    if period.start is not None:
        return fill(t(QT_TRANSLATE_NOOP("Sheet", "From %1")), date_text(period.start, t))
    return fill(t(QT_TRANSLATE_NOOP("Sheet", "Up to %1")), date_text(period.end, t))


# ---------------------------------------------------------------- query helpers


def _filtered(
    query: pw.ModelSelect,
    model: type[pw.Model],
    date_field: pw.Field | None,
    period: Period | None,
    unit_id: int | None,
) -> pw.ModelSelect:
    """Restrict a query to one unit (unit FK) and to a period (the type's date)."""
    if unit_id is not None:
        query = query.where(model.unit == unit_id)
    if date_field is not None and not _is_open(period):
        query = query.where(date_field.is_null(False))
        if period.start is not None:
            query = query.where(date_field >= period.start)
        if period.end is not None:
            query = query.where(date_field <= period.end)
    return query


def _ids(model: type[pw.Model], date_field, period, unit_id) -> pw.ModelSelect:
    """Sub-select of the ids that pass the filters (used inside IN (...))."""
    return _filtered(model.select(model.id), model, date_field, period, unit_id)


def _linked_names(
    through: type[pw.Model], owner_field: str, owner_ids: pw.ModelSelect
) -> dict[int, str]:
    """owner id -> linked institution names joined with 、, in the order they were linked."""
    owner = getattr(through, owner_field)
    rows = (
        through.select(owner, m.Institution.name)
        .join(m.Institution, on=(through.institution == m.Institution.id))
        .where(owner.in_(owner_ids))
        .order_by(owner, through.id)
        .tuples()
    )
    out: dict[int, list[str]] = defaultdict(list)
    for owner_id, name in rows:
        out[owner_id].append(name)
    return {k: MULTI_SEPARATOR.join(v) for k, v in out.items()}


def _chronological(date_field: pw.Field, model: type[pw.Model]) -> tuple:
    """Earliest first, records without a date last, then by pinyin."""
    return (date_field.is_null(), date_field, model.sort_key, model.id)


def _unit_name(unit_id: int) -> str:
    unit = m.Unit.get_or_none(m.Unit.id == unit_id)
    if unit is None:
        raise ValueError(f"There is no unit with id {unit_id}.")
    return unit.name


def _unit_text(unit_id: int | None, t: Translate) -> str:
    if unit_id is None:
        return ""
    return fill(t(_UNIT_TEXT), _unit_name(unit_id))


def unit_id_by_name(name: str) -> int | None:
    unit = m.Unit.get_or_none(m.Unit.name == (name or "").strip())
    return unit.id if unit is not None else None


def _lines(items: list[tuple[dt.date | None, str]]) -> str:
    return "\n".join(f"{d.isoformat()} {text}" if d else text for d, text in items)


# ---------------------------------------------------------------- counting tables


def _ordered_words(list_key: str, seen: set[str]) -> list[str]:
    """Every word of a category list, then words only the records use, then ''."""
    words = categories.words(list_key)
    extra = sorted(w for w in seen if w and w not in words)
    return words + extra + ([""] if "" in seen else [])


def _label(word: str, t: Translate) -> str:
    return word if word else t(_BLANK)


def _group_count(query: pw.ModelSelect, column: pw.Field, *aggregates) -> dict[str, tuple]:
    """word -> (count, *aggregates) of a filtered query grouped by a text column."""
    rows = query.select(column, pw.fn.COUNT(query.model.id), *aggregates).group_by(column).tuples()
    return {(word or ""): tuple(rest) for word, *rest in rows}


def _count_table(
    heading: str,
    first_label: str,
    count_label: str,
    list_key: str,
    counts: dict[str, int],
    t: Translate,
) -> Table:
    words = _ordered_words(list_key, set(counts))
    rows = [[_label(w, t), counts.get(w, 0)] for w in words]
    return Table(
        columns=[Column(t(first_label), TEXT, 2.0), Column(t(count_label), INT, 1.0)],
        rows=rows,
        heading=t(heading) if heading else "",
        total=[t(_TOTAL), sum(counts.values())],
    )


def talent_present(period: Period | None) -> tuple[pw.Expression, pw.Expression]:
    """(present during the period, present by its end or undated): a talent
    is 本期 from the start date until the end date, not only in the period
    it started; the roster lists the same talents as the summary counts."""
    everything = pw.SQL("1 = 1")
    if _is_open(period):
        return everything, everything
    start, end = m.Talent.start_date, m.Talent.end_date
    current = start.is_null(False)
    if period.end is not None:
        current &= start <= period.end
    if period.start is not None:
        current &= end.is_null() | (end >= period.start)
    cumulative = (start.is_null() | (start <= period.end)) if period.end is not None else everything
    return current, cumulative


def tasks_of(period: Period | None, unit_id: int | None) -> pw.ModelSelect:
    """The ids a period's task list holds: those due in it, and those due
    before it and still not done (an overdue item stays on every later list
    until it is done, as a 督办 list carries it)."""
    k = m.Task
    query = _filtered(k.select(k.id), k, None, None, unit_id)
    if _is_open(period):
        return query
    due = k.deadline.is_null(False)
    if period.end is not None:
        due &= k.deadline <= period.end
    if period.start is not None:
        due &= (k.deadline >= period.start) | (k.status != categories.TASK_DONE)
    return query.where(due)


# The two columns of every count table (summary, unit ledger), and the note of
# the records counted in 累计 only.
L_CURRENT = QT_TRANSLATE_NOOP("Sheet", "This period")
L_CUMULATIVE = QT_TRANSLATE_NOOP("Sheet", "Cumulative")
UNDATED_NOTE = QT_TRANSLATE_NOOP(
    "Sheet", "Records with no date: %1, counted in the cumulative column only."
)

UNDATED_LEFT_OUT = QT_TRANSLATE_NOOP(
    "Sheet",
    "Not listed: %1 record(s) with no date, which no period holds "
    "(the list page's filter “Date not filled in” finds them).",
)


def undated_note(
    model: type[pw.Model],
    date_field: pw.Field,
    period: Period | None,
    unit_id: int | None,
    t: Translate,
) -> list[str]:
    """A register for a period says how many records it leaves out for want of a date."""
    if _is_open(period):
        return []
    query = model.select().where(date_field.is_null())
    if unit_id is not None:
        query = query.where(model.unit == unit_id)
    n = query.count()
    return [fill(t(UNDATED_LEFT_OUT), n)] if n else []
