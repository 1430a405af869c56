"""The sheets users print: their figures, read from the ledger.

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
from dataclasses import dataclass
from typing import Any

import peewee as pw

from desktop_app.records.dossier import dossier
from desktop_app.records.specs import INSTITUTION_SPEC, MULTI_SEPARATOR, QT_TRANSLATE_NOOP
from desktop_app.reports.model import DATE, FLOAT, INT, TEXT, Column, Period, Sheet, Table
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


def fill(template: str, *args: object) -> str:
    """Put args into %1, %2 … in one pass (an argument holding "%2" stays as is)."""

    def one(match: re.Match) -> str:
        i = int(match.group(1))
        return str(args[i - 1]) if 1 <= i <= len(args) else match.group(0)

    return re.sub(r"%(\d)", one, template)


def date_text(day: dt.date, t: Translate = identity) -> str:
    """A date for titles and notes: "2023-1-1" in English, "2023年1月1日" in Chinese."""
    return fill(t(QT_TRANSLATE_NOOP("Sheet", "%1-%2-%3")), day.year, day.month, day.day)


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


def _is_open(period: Period | None) -> bool:
    return period is None or (period.start is None and period.end is None)


def period_text(period: Period | None, t: Translate = identity) -> str:
    if _is_open(period):
        return t(QT_TRANSLATE_NOOP("Sheet", "All dates"))
    if period.start is not None and period.end is not None:
        return fill(
            t(QT_TRANSLATE_NOOP("Sheet", "%1 to %2")),
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


# ---------------------------------------------------------------- 1. summary


def summary_sheet(
    *, period: Period | None = None, unit_id: int | None = None, t: Translate = identity
) -> Sheet:
    """工作统计表: the report's own figures for a period and optionally one unit."""
    unit_text = _unit_text(unit_id, t)
    tables: list[Table] = []
    notes: list[str] = []

    # (a) institutions contacted
    inst = _filtered(
        m.Institution.select(), m.Institution, m.Institution.first_contact, period, unit_id
    )
    by_class = {k: v[0] for k, v in _group_count(inst, m.Institution.location_class).items()}
    tables.append(
        _count_table(
            QT_TRANSLATE_NOOP("Sheet", "Institutions contacted"),
            L_LOCATION,
            L_N_INSTITUTIONS,
            "location_class",
            by_class,
            t,
        )
    )
    by_stage = {k: v[0] for k, v in _group_count(inst, m.Institution.stage).items()}
    tables.append(
        _count_table(
            QT_TRANSLATE_NOOP("Sheet", "Institutions by relationship stage"),
            L_REL_STAGE,
            L_N_INSTITUTIONS,
            "institution_stage",
            by_stage,
            t,
        )
    )

    # (b) agreements by type × status
    agr = _filtered(m.Agreement.select(), m.Agreement, m.Agreement.signed_date, period, unit_id)
    cells: dict[tuple[str, str], int] = {}
    for typ, status, n in (
        agr.select(m.Agreement.type, m.Agreement.status, pw.fn.COUNT(m.Agreement.id))
        .group_by(m.Agreement.type, m.Agreement.status)
        .tuples()
    ):
        cells[(typ or "", status or "")] = n
    types = _ordered_words("agreement_type", {k[0] for k in cells})
    statuses = [
        s
        for s in _ordered_words("agreement_status", {k[1] for k in cells})
        if any(k[1] == s for k in cells)
    ]
    rows = []
    for typ in types:
        by_status = [cells.get((typ, s), 0) for s in statuses]
        rows.append([_label(typ, t), sum(by_status), *by_status])
    total = [t(_TOTAL), sum(cells.values())]
    total += [sum(n for (_, s), n in cells.items() if s == status) for status in statuses]
    tables.append(
        Table(
            columns=[Column(t(L_TYPE), TEXT, 2.4), Column(t(L_N_AGREEMENTS), INT, 1.0)]
            + [Column(_label(s, t), INT, 0.8) for s in statuses],
            rows=rows,
            heading=t(QT_TRANSLATE_NOOP("Sheet", "Agreements by type and status")),
            total=total,
        )
    )

    # (c) bases by type, with the distinct institutions linked to them
    base_ids = _ids(m.Base, m.Base.established_date, period, unit_id)
    base_counts = {
        k: v[0]
        for k, v in _group_count(
            _filtered(m.Base.select(), m.Base, m.Base.established_date, period, unit_id),
            m.Base.type,
        ).items()
    }
    linked = {
        (typ or ""): n
        for typ, n in m.BaseInstitution.select(
            m.Base.type, pw.fn.COUNT(m.BaseInstitution.institution.distinct())
        )
        .join(m.Base, on=(m.BaseInstitution.base == m.Base.id))
        .where(m.BaseInstitution.base.in_(base_ids))
        .group_by(m.Base.type)
        .tuples()
    }
    all_linked = (
        m.BaseInstitution.select(pw.fn.COUNT(m.BaseInstitution.institution.distinct()))
        .where(m.BaseInstitution.base.in_(base_ids))
        .scalar()
    ) or 0
    words = _ordered_words("base_type", set(base_counts))
    tables.append(
        Table(
            columns=[
                Column(t(L_TYPE), TEXT, 2.4),
                Column(t(L_N_BASES), INT, 1.0),
                Column(t(L_N_LINKED), INT, 1.0),
            ],
            rows=[[_label(w, t), base_counts.get(w, 0), linked.get(w, 0)] for w in words],
            heading=t(QT_TRANSLATE_NOOP("Sheet", "Bases by type")),
            total=[t(_TOTAL), sum(base_counts.values()), all_linked],
        )
    )
    kinds = sum(1 for w, n in base_counts.items() if w and n)
    notes.append(fill(t(QT_TRANSLATE_NOOP("Sheet", "Kinds of base: %1")), kinds))
    notes.append(
        fill(
            t(QT_TRANSLATE_NOOP("Sheet", "Institutions linked to bases: %1")),
            all_linked,
        )
    )

    # (d) projects by stage
    proj = _filtered(m.Project.select(), m.Project, m.Project.start_date, period, unit_id)
    tables.append(
        _count_table(
            QT_TRANSLATE_NOOP("Sheet", "Projects by stage"),
            L_STAGE,
            L_N_PROJECTS,
            "project_stage",
            {k: v[0] for k, v in _group_count(proj, m.Project.stage).items()},
            t,
        )
    )

    # (e) talents by degree, by introduction mode, and researchers working locally
    tal = _filtered(m.Talent.select(), m.Talent, m.Talent.start_date, period, unit_id)
    tables.append(
        _count_table(
            QT_TRANSLATE_NOOP("Sheet", "Talents by degree"),
            L_DEGREE,
            L_N_TALENTS,
            "degree",
            {k: v[0] for k, v in _group_count(tal, m.Talent.degree).items()},
            t,
        )
    )
    tables.append(
        _count_table(
            QT_TRANSLATE_NOOP("Sheet", "Talents by introduction mode"),
            L_MODE,
            L_N_TALENTS,
            "intro_mode",
            {k: v[0] for k, v in _group_count(tal, m.Talent.mode).items()},
            t,
        )
    )
    researchers = tal.where(m.Talent.mode == MODE_RESEARCH)
    research_table = _count_table(
        "",
        L_DEGREE,
        L_N_TALENTS,
        "degree",
        {k: v[0] for k, v in _group_count(researchers, m.Talent.degree).items()},
        t,
    )
    # Heading names the mode: the report's "30 PhDs" are degree 博士 *and* this mode.
    research_table.heading = fill(
        t(QT_TRANSLATE_NOOP("Sheet", "Researchers working locally (%1)")), MODE_RESEARCH
    )
    tables.append(research_table)

    # (f) activities by type, with participants
    act = _filtered(m.Activity.select(), m.Activity, m.Activity.date, period, unit_id)
    by_type = _group_count(
        act, m.Activity.type, pw.fn.COALESCE(pw.fn.SUM(m.Activity.participants), 0)
    )
    words = _ordered_words("activity_type", set(by_type))
    tables.append(
        Table(
            columns=[
                Column(t(L_TYPE), TEXT, 2.0),
                Column(t(L_N_ACTIVITIES), INT, 1.0),
                Column(t(L_PARTICIPANTS), INT, 1.0),
            ],
            rows=[
                [_label(w, t), by_type.get(w, (0, 0))[0], int(by_type.get(w, (0, 0))[1])]
                for w in words
            ],
            heading=t(QT_TRANSLATE_NOOP("Sheet", "Activities by type")),
            total=[
                t(_TOTAL),
                sum(v[0] for v in by_type.values()),
                int(sum(v[1] for v in by_type.values())),
            ],
        )
    )

    # (g) achievements by type
    ach = _filtered(m.Achievement.select(), m.Achievement, m.Achievement.date, period, unit_id)
    tables.append(
        _count_table(
            QT_TRANSLATE_NOOP("Sheet", "Achievements by type"),
            L_TYPE,
            L_N_ACHIEVEMENTS,
            "achievement_type",
            {k: v[0] for k, v in _group_count(ach, m.Achievement.type).items()},
            t,
        )
    )

    return Sheet(
        key="summary",
        title=t(SUMMARY_LABEL),
        tables=tables,
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=False,
        notes=notes,
    )


# ---------------------------------------------------------------- 2. institutions


def institution_register(
    *, period: Period | None = None, unit_id: int | None = None, t: Translate = identity
) -> Sheet:
    """合作院校一览表: every institution (first contact in the period, if one is given)."""
    unit_text = _unit_text(unit_id, t)
    i = m.Institution
    query = _filtered(
        i.select(
            i.name,
            i.short_name,
            i.kind,
            i.location_class,
            i.province,
            i.city,
            i.stage,
            i.first_contact,
            i.contact_person,
            i.phone,
        ),
        i,
        i.first_contact,
        period,
        unit_id,
    ).order_by(i.sort_key, i.id)
    rows = []
    for n, (name, short, kind, loc, prov, city, stage, first, person, phone) in enumerate(
        query.tuples(), start=1
    ):
        place = prov if not city or city == prov else f"{prov}{city}"
        rows.append([n, name, short, kind, loc, place, stage, first, person, phone])
    columns = [
        Column(t(L_NO), INT, 0.4),
        Column(t(L_NAME), TEXT, 2.4),
        Column(t(L_SHORT_NAME), TEXT, 1.2),
        Column(t(L_KIND), TEXT, 0.8),
        Column(t(L_LOCATION), TEXT, 0.7),
        Column(t(L_PROVINCE_CITY), TEXT, 1.0),
        Column(t(L_REL_STAGE), TEXT, 0.8),
        Column(t(L_FIRST_CONTACT), DATE, 1.0),
        Column(t(L_CONTACT), TEXT, 0.8),
        Column(t(L_PHONE), TEXT, 1.1),
    ]
    return Sheet(
        key="institutions",
        title=t(INSTITUTIONS_LABEL),
        tables=[Table(columns, rows)],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
    )


# ---------------------------------------------------------------- brief record tables


@dataclass(frozen=True)
class _Brief:
    """A record type shown in a few key columns (dossier sections, unit ledger)."""

    model: type[pw.Model]
    heading: str
    columns: tuple[tuple[str, str, str, float], ...]  # (label, field, kind, width)
    date_field: str | None  # the type's period date
    order: str  # "date" (chronological on date_field) or "name" (pinyin)


_BRIEFS: dict[str, _Brief] = {
    "institution": _Brief(
        m.Institution,
        H_INSTITUTIONS,
        (
            (L_NAME, "name", TEXT, 2.4),
            (L_LOCATION, "location_class", TEXT, 0.8),
            (L_REL_STAGE, "stage", TEXT, 0.9),
            (L_FIRST_CONTACT, "first_contact", DATE, 1.0),
        ),
        "first_contact",
        "name",
    ),
    "activity": _Brief(
        m.Activity,
        H_ACTIVITIES,
        (
            (L_DATE, "date", DATE, 1.0),
            (L_TYPE, "type", TEXT, 1.2),
            (L_TITLE, "title", TEXT, 3.0),
            (L_PARTICIPANTS, "participants", INT, 0.7),
            (L_OUTCOME_FIGURES, "outcome_figures", TEXT, 1.4),
        ),
        "date",
        "date",
    ),
    "agreement": _Brief(
        m.Agreement,
        H_AGREEMENTS,
        (
            (L_TITLE, "title", TEXT, 3.0),
            (L_TYPE, "type", TEXT, 1.6),
            (L_SIGNED, "signed_date", DATE, 1.0),
            (L_STATUS, "status", TEXT, 0.7),
        ),
        "signed_date",
        "date",
    ),
    "base": _Brief(
        m.Base,
        H_BASES,
        (
            (L_NAME, "name", TEXT, 2.8),
            (L_TYPE, "type", TEXT, 1.8),
            (L_ESTABLISHED, "established_date", DATE, 1.0),
            (L_STATUS, "status", TEXT, 0.7),
        ),
        "established_date",
        "date",
    ),
    "project": _Brief(
        m.Project,
        H_PROJECTS,
        (
            (L_NAME, "name", TEXT, 2.8),
            (L_CHAIN, "chain", TEXT, 1.0),
            (L_START, "start_date", DATE, 1.0),
            (L_STAGE, "stage", TEXT, 0.8),
        ),
        "start_date",
        "date",
    ),
    "talent": _Brief(
        m.Talent,
        H_TALENTS,
        (
            (L_NAME, "name", TEXT, 0.9),
            (L_DEGREE, "degree", TEXT, 0.6),
            (L_ACADEMIC_TITLE, "title", TEXT, 0.8),
            (L_MODE, "mode", TEXT, 1.1),
            (L_START, "start_date", DATE, 1.0),
        ),
        "start_date",
        "name",
    ),
    "achievement": _Brief(
        m.Achievement,
        H_ACHIEVEMENTS,
        (
            (L_TITLE, "title", TEXT, 2.8),
            (L_TYPE, "type", TEXT, 1.0),
            (L_DATE, "date", DATE, 1.0),
            (L_BENEFIT, "benefit", TEXT, 1.8),
        ),
        "date",
        "date",
    ),
    "meeting": _Brief(
        m.Meeting,
        H_MEETINGS,
        (
            (L_DATE, "date", DATE, 1.0),
            (L_TYPE, "type", TEXT, 0.9),
            (L_TITLE, "title", TEXT, 3.0),
        ),
        "date",
        "date",
    ),
    "task": _Brief(
        m.Task,
        H_TASKS,
        (
            (L_TITLE, "title", TEXT, 3.0),
            (L_OWNER, "owner", TEXT, 0.8),
            (L_DEADLINE, "deadline", DATE, 1.0),
            (L_STATUS, "status", TEXT, 0.7),
        ),
        "deadline",
        "date",
    ),
    "ledger_report": _Brief(
        m.LedgerReport,
        H_LEDGER_REPORTS,
        (
            (L_PERIOD, "period", TEXT, 1.6),
            (L_DUE, "due_date", DATE, 1.0),
            (L_SUBMITTED, "submitted_date", DATE, 1.0),
            (L_STATUS, "status", TEXT, 0.7),
        ),
        "due_date",
        "date",
    ),
    "assessment": _Brief(
        m.AssessmentTarget,
        H_ASSESSMENT,
        (
            (L_YEAR, "year", INT, 0.6),
            (L_INDICATOR, "indicator", TEXT, 1.2),
            (L_TARGET, "target", FLOAT, 0.7),
            (L_WEIGHT, "weight", FLOAT, 0.7),
        ),
        None,  # by year, see _brief_table
        "date",
    ),
}


def _brief_table(
    key: str,
    t: Translate,
    *,
    ids: list[int] | None = None,
    period: Period | None = None,
    unit_id: int | None = None,
) -> Table:
    brief = _BRIEFS[key]
    model = brief.model
    fields = [getattr(model, name) for _, name, _, _ in brief.columns]
    date_field = getattr(model, brief.date_field) if brief.date_field else None
    query = _filtered(model.select(*fields), model, date_field, period, unit_id)
    if model is m.AssessmentTarget and not _is_open(period):
        if period.start is not None:
            query = query.where(model.year >= period.start.year)
        if period.end is not None:
            query = query.where(model.year <= period.end.year)
    if ids is not None:
        query = query.where(model.id.in_(ids))
    if model is m.AssessmentTarget:
        query = query.order_by(model.year, model.id)
    elif brief.order == "name":
        query = query.order_by(model.sort_key, model.id)
    else:
        query = query.order_by(*_chronological(date_field, model))
    rows = [[n, *values] for n, values in enumerate(query.tuples(), start=1)]
    columns = [Column(t(L_NO), INT, 0.4)]
    columns += [Column(t(label), kind, width) for label, _, kind, width in brief.columns]
    return Table(columns, rows, heading=t(brief.heading))


# ---------------------------------------------------------------- 3. dossier

_DOSSIER_TYPES = ("activity", "agreement", "base", "project", "talent", "achievement")


def institution_dossier(*, record_id: int, t: Translate = identity) -> Sheet:
    """合作院校档案: one institution's own fields, then every record linked to it."""
    inst = m.Institution.get_or_none(m.Institution.id == record_id)
    if inst is None:
        raise ValueError(f"There is no institution with id {record_id}.")
    unit = m.Unit.get_or_none(m.Unit.id == inst.unit_id) if inst.unit_id else None
    own = [
        (L_NAME, inst.name),
        (L_SHORT_NAME, inst.short_name),
        (L_KIND, inst.kind),
        (L_LOCATION, inst.location_class),
        (L_PROVINCE, inst.province),
        (L_CITY, inst.city),
        (L_REL_STAGE, inst.stage),
        (L_FIRST_CONTACT, inst.first_contact.isoformat() if inst.first_contact else ""),
        (L_CONTACT, inst.contact_person),
        (L_PHONE, inst.phone),
        (L_EMAIL, inst.email),
        (L_UNIT, unit.name if unit else ""),
        (L_NOTES, inst.notes),
    ]
    tables = [
        Table(
            columns=[Column(t(L_FIELD), TEXT, 1.0), Column(t(L_VALUE), TEXT, 4.0)],
            rows=[[t(label), value or ""] for label, value in own],
            heading=t(QT_TRANSLATE_NOOP("Sheet", "Basic information")),
        )
    ]
    sections = {s.spec.key: s.ids for s in dossier(INSTITUTION_SPEC, record_id)}
    for key in _DOSSIER_TYPES:
        if sections.get(key):
            tables.append(_brief_table(key, t, ids=sections[key]))
    return Sheet(
        key="institution_dossier",
        title=fill(t(QT_TRANSLATE_NOOP("Sheet", "Institution dossier: %1")), inst.name),
        tables=tables,
        landscape=False,
    )


# ---------------------------------------------------------------- 4. bases


def base_register(
    *, period: Period | None = None, unit_id: int | None = None, t: Translate = identity
) -> Sheet:
    """合作基地一览表, in order of establishment."""
    unit_text = _unit_text(unit_id, t)
    b = m.Base
    query = (
        _filtered(
            b.select(
                b.id,
                b.name,
                b.type,
                m.Unit.name,
                b.place,
                b.established_date,
                b.plaque_date,
                b.status,
            ).join(m.Unit, pw.JOIN.LEFT_OUTER, on=(b.unit == m.Unit.id)),
            b,
            b.established_date,
            period,
            unit_id,
        )
        .order_by(*_chronological(b.established_date, b))
        .tuples()
    )
    names = _linked_names(m.BaseInstitution, "base", _ids(b, b.established_date, period, unit_id))
    rows = []
    for n, (bid, name, typ, unit, place, est, plaque, status) in enumerate(query, start=1):
        rows.append([n, name, typ, names.get(bid, ""), unit or "", place, est, plaque, status])
    columns = [
        Column(t(L_NO), INT, 0.4),
        Column(t(L_NAME), TEXT, 2.4),
        Column(t(L_TYPE), TEXT, 1.6),
        Column(t(L_INSTITUTIONS), TEXT, 2.6),
        Column(t(L_UNIT), TEXT, 1.3),
        Column(t(L_PLACE), TEXT, 1.1),
        Column(t(L_ESTABLISHED), DATE, 1.0),
        Column(t(L_PLAQUE), DATE, 1.0),
        Column(t(L_STATUS), TEXT, 0.7),
    ]
    return Sheet(
        key="bases",
        title=t(BASES_LABEL),
        tables=[Table(columns, rows)],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
    )


# ---------------------------------------------------------------- 5. projects


def project_progress(
    *, period: Period | None = None, unit_id: int | None = None, t: Translate = identity
) -> Sheet:
    """合作项目推进表, with every milestone of each project."""
    unit_text = _unit_text(unit_id, t)
    p = m.Project
    query = (
        _filtered(
            p.select(
                p.id, p.name, p.chain, m.Unit.name, p.start_date, p.stage, p.support_items
            ).join(m.Unit, pw.JOIN.LEFT_OUTER, on=(p.unit == m.Unit.id)),
            p,
            p.start_date,
            period,
            unit_id,
        )
        .order_by(*_chronological(p.start_date, p))
        .tuples()
    )
    ids = _ids(p, p.start_date, period, unit_id)
    names = _linked_names(m.ProjectInstitution, "project", ids)
    milestones: dict[int, list] = defaultdict(list)
    ms = m.ProjectMilestone
    for pid, day, text in (
        ms.select(ms.project, ms.date, ms.text)
        .where(ms.project.in_(ids))
        .order_by(ms.project, ms.date.is_null(), ms.date, ms.id)
        .tuples()
    ):
        milestones[pid].append((day, text))
    rows = []
    for n, (pid, name, chain, unit, start, stage, support) in enumerate(query, start=1):
        rows.append(
            [
                n,
                name,
                chain,
                names.get(pid, ""),
                unit or "",
                start,
                stage,
                support,
                _lines(milestones.get(pid, [])),
            ]
        )
    columns = [
        Column(t(L_NO), INT, 0.4),
        Column(t(L_NAME), TEXT, 2.0),
        Column(t(L_CHAIN), TEXT, 0.8),
        Column(t(L_INSTITUTIONS), TEXT, 1.6),
        Column(t(L_UNIT), TEXT, 1.2),
        Column(t(L_START), DATE, 1.0),
        Column(t(L_STAGE), TEXT, 0.7),
        Column(t(L_SUPPORT), TEXT, 1.2),
        Column(t(L_MILESTONES), TEXT, 3.6),
    ]
    return Sheet(
        key="projects",
        title=t(PROJECTS_LABEL),
        tables=[Table(columns, rows)],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
    )


# ---------------------------------------------------------------- 6. talents


def talent_roster(
    *, period: Period | None = None, unit_id: int | None = None, t: Translate = identity
) -> Sheet:
    """人才花名册 in pinyin order: one query with joins, however long the roster."""
    unit_text = _unit_text(unit_id, t)
    tl = m.Talent
    inst = m.Institution.alias("roster_institution")
    proj = m.Project.alias("roster_project")
    query = (
        _filtered(
            tl.select(
                tl.name,
                tl.gender,
                inst.name,
                tl.degree,
                tl.title,
                tl.field,
                tl.mode,
                proj.name,
                tl.start_date,
            )
            .join_from(tl, inst, pw.JOIN.LEFT_OUTER, on=(tl.institution == inst.id))
            .join_from(tl, proj, pw.JOIN.LEFT_OUTER, on=(tl.project == proj.id)),
            tl,
            tl.start_date,
            period,
            unit_id,
        )
        .order_by(tl.sort_key, tl.id)
        .tuples()
    )
    rows = []
    for n, (name, gender, institution, degree, title, fld, mode, project, start) in enumerate(
        query, start=1
    ):
        rows.append(
            [n, name, gender, institution or "", degree, title, fld, mode, project or "", start]
        )
    columns = [
        Column(t(L_NO), INT, 0.4),
        Column(t(L_NAME), TEXT, 0.8),
        Column(t(L_GENDER), TEXT, 0.4),
        Column(t(L_INSTITUTION), TEXT, 1.8),
        Column(t(L_DEGREE), TEXT, 0.5),
        Column(t(L_ACADEMIC_TITLE), TEXT, 0.8),
        Column(t(L_FIELD_OF_WORK), TEXT, 1.5),
        Column(t(L_MODE), TEXT, 1.1),
        Column(t(L_PROJECT), TEXT, 1.8),
        Column(t(L_START), DATE, 1.0),
    ]
    return Sheet(
        key="talents",
        title=t(TALENTS_LABEL),
        tables=[Table(columns, rows)],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
    )


# ---------------------------------------------------------------- 7. tasks


def task_list(
    *,
    period: Period | None = None,
    unit_id: int | None = None,
    today: dt.date | None = None,
    t: Translate = identity,
) -> Sheet:
    """督办事项清单 by deadline; overdue items (past deadline, not done) are marked."""
    today = today or dt.date.today()
    unit_text = _unit_text(unit_id, t)
    k = m.Task
    query = (
        _filtered(
            k.select(k.id, k.title, m.Meeting.title, m.Unit.name, k.owner, k.deadline, k.status)
            .join_from(k, m.Meeting, pw.JOIN.LEFT_OUTER, on=(k.meeting == m.Meeting.id))
            .join_from(k, m.Unit, pw.JOIN.LEFT_OUTER, on=(k.unit == m.Unit.id)),
            k,
            k.deadline,
            period,
            unit_id,
        )
        .order_by(*_chronological(k.deadline, k))
        .tuples()
    )
    latest: dict[int, tuple] = {}
    tp = m.TaskProgress
    for tid, day, text in (
        tp.select(tp.task, tp.date, tp.text)
        .where(tp.task.in_(_ids(k, k.deadline, period, unit_id)))
        .order_by(tp.task, tp.date.is_null(False), tp.date, tp.id)  # undated first, latest last
        .tuples()
    ):
        latest[tid] = (day, text)
    rows = []
    marked: set[int] = set()
    for n, (tid, title, meeting, unit, owner, deadline, status) in enumerate(query, start=1):
        progress = _lines([latest[tid]]) if tid in latest else ""
        if deadline is not None and deadline < today and status != categories.TASK_DONE:
            marked.add(n - 1)
        rows.append([n, title, meeting or "", unit or "", owner, deadline, status, progress])
    columns = [
        Column(t(L_NO), INT, 0.4),
        Column(t(L_TITLE), TEXT, 2.4),
        Column(t(L_MEETING), TEXT, 2.0),
        Column(t(L_UNIT), TEXT, 1.3),
        Column(t(L_OWNER), TEXT, 0.7),
        Column(t(L_DEADLINE), DATE, 1.0),
        Column(t(L_STATUS), TEXT, 0.7),
        Column(t(L_PROGRESS), TEXT, 2.6),
    ]
    table = Table(columns, rows, marked=marked)
    if marked:
        table.mark_note = t(QT_TRANSLATE_NOOP("Sheet", "Overdue items are marked"))
    notes = [
        fill(
            t(QT_TRANSLATE_NOOP("Sheet", "Overdue as of %1: %2")), date_text(today, t), len(marked)
        )
    ]
    return Sheet(
        key="tasks",
        title=t(TASKS_LABEL),
        tables=[table],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
        notes=notes,
    )


# ---------------------------------------------------------------- 8. unit ledger

_LEDGER_TYPES = (
    "institution",
    "activity",
    "agreement",
    "base",
    "project",
    "talent",
    "achievement",
    "meeting",
    "task",
    "ledger_report",
    "assessment",
)


def unit_ledger(*, unit_id: int, period: Period | None = None, t: Translate = identity) -> Sheet:
    """单位台账: one unit's records of every type in the period; empty types are left out."""
    unit_text = _unit_text(unit_id, t)
    tables = []
    for key in _LEDGER_TYPES:
        table = _brief_table(key, t, period=period, unit_id=unit_id)
        if table.rows:
            tables.append(table)
    return Sheet(
        key="unit_ledger",
        title=t(UNIT_LEDGER_LABEL),
        tables=tables,
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=False,
        notes=[] if tables else [t(_NO_RECORDS)],
    )


# ---------------------------------------------------------------- 9. assessment


def score(target: float, actual: float, weight: float) -> float:
    """weight × min(actual / target, 1); with no target, full weight for any result."""
    if target > 0:
        value = weight * min(actual / target, 1.0)
    else:
        value = weight if actual > 0 else 0.0
    return round(value, 2)


def _counted(model: type[pw.Model], date_field: pw.Field, year: int) -> dict[int, int]:
    """unit id -> records of that unit dated in the year."""
    period = year_period(year)
    rows = (
        _filtered(model.select(model.unit, pw.fn.COUNT(model.id)), model, date_field, period, None)
        .where(model.unit.is_null(False))
        .group_by(model.unit)
        .tuples()
    )
    return dict(rows)


def assessment_sheet(*, year: int, unit_id: int | None = None, t: Translate = identity) -> Sheet:
    """目标责任考核评分表: one table per unit (pinyin order) with a total row each,
    plus a ranking of the units' total scores when the sheet covers several units.
    """
    unit_text = _unit_text(unit_id, t)
    counts = {
        INDICATOR_PROJECTS: _counted(m.Project, m.Project.start_date, year),
        INDICATOR_TALENTS: _counted(m.Talent, m.Talent.start_date, year),
        INDICATOR_ACHIEVEMENTS: _counted(m.Achievement, m.Achievement.date, year),
    }
    a = m.AssessmentTarget
    query = (
        a.select(
            a.unit,
            m.Unit.name,
            a.indicator,
            a.target,
            a.weight,
            a.actual_override,
            a.override_reason,
            a.id,
        )
        .join(m.Unit, on=(a.unit == m.Unit.id))
        .where(a.year == year)
    )
    if unit_id is not None:
        query = query.where(a.unit == unit_id)
    order = {w: i for i, w in enumerate(categories.words("indicator"))}
    by_unit: dict[int, list[tuple]] = {}
    unit_names: dict[int, str] = {}
    for row in query.order_by(m.Unit.sort_key, m.Unit.id, a.id).tuples():
        by_unit.setdefault(row[0], []).append(row)
        unit_names[row[0]] = row[1]
    columns = [
        Column(t(L_UNIT_PLAIN), TEXT, 1.6),
        Column(t(L_INDICATOR), TEXT, 1.1),
        Column(t(L_TARGET), FLOAT, 0.7),
        Column(t(L_ACTUAL), FLOAT, 0.7),
        Column(t(L_WEIGHT), FLOAT, 0.7),
        Column(t(L_SCORE), FLOAT, 0.7),
        Column(t(L_NOTE), TEXT, 2.2),
    ]
    tables = []
    totals: list[tuple[str, float, float]] = []
    for uid, targets_of_unit in by_unit.items():
        targets_of_unit.sort(key=lambda r: (order.get(r[2], len(order)), r[7]))
        rows = []
        for _, unit, indicator, target, weight, override, reason, _ in targets_of_unit:
            target = float(target or 0)
            weight = float(weight or 0)
            if override is not None:
                actual = float(override)
                note = reason or t(QT_TRANSLATE_NOOP("Sheet", "Actual entered by hand"))
            else:
                actual = float(counts.get(indicator, {}).get(uid, 0))
                note = ""
            rows.append(
                [unit, indicator, target, actual, weight, score(target, actual, weight), note]
            )
        weight_sum = round(sum(r[4] for r in rows), 2)
        score_sum = round(sum(r[5] for r in rows), 2)
        tables.append(
            Table(
                columns,
                rows,
                heading=unit_names[uid],
                total=[t(_TOTAL), "", None, None, weight_sum, score_sum, ""],
            )
        )
        totals.append((unit_names[uid], weight_sum, score_sum))
    if len(totals) > 1:
        ranked = sorted(totals, key=lambda x: -x[2])  # stable: ties keep pinyin order
        tables.append(
            Table(
                [
                    Column(t(L_NO), INT, 0.4),
                    Column(t(L_UNIT_PLAIN), TEXT, 2.0),
                    Column(t(L_WEIGHT), FLOAT, 0.8),
                    Column(t(L_SCORE), FLOAT, 0.8),
                ],
                [[n, name, w, s] for n, (name, w, s) in enumerate(ranked, start=1)],
                heading=t(QT_TRANSLATE_NOOP("Sheet", "Total scores by unit")),
            )
        )
    return Sheet(
        key="assessment",
        title=t(ASSESSMENT_LABEL),
        tables=tables,
        period_text=fill(t(QT_TRANSLATE_NOOP("Sheet", "Year %1")), year),
        unit_text=unit_text,
        landscape=False,
        notes=[] if tables else [t(_NO_RECORDS)],
    )


# ---------------------------------------------------------------- the catalogue


@dataclass(frozen=True)
class SheetDef:
    key: str
    label: str  # English source text, context "Sheet"; translate where shown
    build: Callable[..., Sheet]
    uses_period: bool
    uses_unit: bool
    uses_record: str | None = None  # record type key the sheet is about
    uses_year: bool = False
    landscape: bool = False
    unit_required: bool = False
    uses_today: bool = False


SHEETS: dict[str, SheetDef] = {
    d.key: d
    for d in (
        SheetDef("summary", SUMMARY_LABEL, summary_sheet, True, True),
        SheetDef(
            "institutions", INSTITUTIONS_LABEL, institution_register, True, True, landscape=True
        ),
        SheetDef(
            "institution_dossier",
            DOSSIER_LABEL,
            institution_dossier,
            False,
            False,
            uses_record="institution",
        ),
        SheetDef("bases", BASES_LABEL, base_register, True, True, landscape=True),
        SheetDef("projects", PROJECTS_LABEL, project_progress, True, True, landscape=True),
        SheetDef("talents", TALENTS_LABEL, talent_roster, True, True, landscape=True),
        SheetDef("tasks", TASKS_LABEL, task_list, True, True, landscape=True, uses_today=True),
        SheetDef("unit_ledger", UNIT_LEDGER_LABEL, unit_ledger, True, True, unit_required=True),
        SheetDef("assessment", ASSESSMENT_LABEL, assessment_sheet, False, True, uses_year=True),
    )
}


def build_sheet(
    key: str,
    *,
    period: Period | None = None,
    unit_id: int | None = None,
    record_id: int | None = None,
    year: int | None = None,
    today: dt.date | None = None,
    t: Translate = identity,
) -> Sheet:
    """Build a sheet by key; arguments a sheet does not use are ignored."""
    d = SHEETS.get(key)
    if d is None:
        raise ValueError(f"Unknown sheet {key!r}; known sheets: {', '.join(SHEETS)}.")
    kwargs: dict[str, Any] = {"t": t}
    if d.uses_period:
        kwargs["period"] = period
    if d.uses_unit:
        if unit_id is None and d.unit_required:
            raise ValueError(f"The sheet {key!r} needs a unit.")
        kwargs["unit_id"] = unit_id
    if d.uses_record:
        if record_id is None:
            raise ValueError(f"The sheet {key!r} needs a {d.uses_record} record.")
        kwargs["record_id"] = record_id
    if d.uses_year:
        if year is None:
            raise ValueError(f"The sheet {key!r} needs a year.")
        kwargs["year"] = year
    if d.uses_today:
        kwargs["today"] = today
    return d.build(**kwargs)
