"""Brief tables of any record type: one institution's dossier and one unit's ledger."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from desktop_app.records.dossier import dossier
from desktop_app.records.specs import INSTITUTION_SPEC, QT_TRANSLATE_NOOP
from desktop_app.reports.model import DATE, FLOAT, INT, TEXT, Column, Period, Sheet, Table
from desktop_app.reports.sheets.common import (
    _NO_RECORDS,
    H_ACHIEVEMENTS,
    H_ACTIVITIES,
    H_AGREEMENTS,
    H_ASSESSMENT,
    H_BASES,
    H_INSTITUTIONS,
    H_LEDGER_REPORTS,
    H_MEETINGS,
    H_PROJECTS,
    H_TALENTS,
    H_TASKS,
    L_ACADEMIC_TITLE,
    L_BENEFIT,
    L_CHAIN,
    L_CITY,
    L_CONTACT,
    L_CUMULATIVE,
    L_CURRENT,
    L_DATE,
    L_DEADLINE,
    L_DEGREE,
    L_DUE,
    L_EMAIL,
    L_ESTABLISHED,
    L_FIELD,
    L_FIRST_CONTACT,
    L_INDICATOR,
    L_KIND,
    L_LOCATION,
    L_MODE,
    L_NO,
    L_NOTES,
    L_OUTCOME_FIGURES,
    L_OWNER,
    L_PARTICIPANTS,
    L_PERIOD,
    L_PHONE,
    L_PROVINCE,
    L_REL_STAGE,
    L_SHORT_NAME,
    L_SIGNED,
    L_STAGE,
    L_START,
    L_STATUS,
    L_SUBMITTED,
    L_TARGET,
    L_TITLE,
    L_TYPE,
    L_UNIT,
    L_VALUE,
    L_WEIGHT,
    L_YEAR,
    UNDATED_NOTE,
    UNIT_LEDGER_LABEL,
    Translate,
    _chronological,
    _filtered,
    _is_open,
    _unit_text,
    date_text,
    fill,
    identity,
    judged_as_of,
    name_label,
    period_text,
    talent_present,
    tasks_of,
)
from desktop_app.store import categories
from desktop_app.store import models as m

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
            (name_label("institution"), "name", TEXT, 2.4),
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
            (name_label("base"), "name", TEXT, 2.8),
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
            (name_label("project"), "name", TEXT, 2.8),
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
            (name_label("talent"), "name", TEXT, 0.9),
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
    if model is m.Task:  # open items due earlier are carried, as on the task list
        query = _filtered(model.select(*fields), model, None, None, unit_id)
        query = query.where(model.id.in_(tasks_of(period, unit_id)))
    elif model is m.Talent:  # present in the period, as the summary counts
        query = _filtered(model.select(*fields), model, None, None, unit_id)
        query = query.where(talent_present(period)[0])
    else:
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


def institution_dossier(
    *, record_id: int, period: Period | None = None, t: Translate = identity
) -> Sheet:
    """合作院校档案: one institution's own fields, then the records linked to it
    (those dated within the period, when one is given)."""
    inst = m.Institution.get_or_none(m.Institution.id == record_id)
    if inst is None:
        raise ValueError(f"There is no institution with id {record_id}.")
    unit = m.Unit.get_or_none(m.Unit.id == inst.unit_id) if inst.unit_id else None
    own = [
        (name_label("institution"), inst.name),
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
            table = _brief_table(key, t, ids=sections[key], period=period)
            undated = _undated_count(key, sections[key], period)
            if undated:
                table.note = fill(t(UNDATED_NOT_LISTED), undated)
            if table.rows or undated:
                tables.append(table)
    return Sheet(
        key="institution_dossier",
        title=fill(t(QT_TRANSLATE_NOOP("Sheet", "Institution dossier: %1")), inst.name),
        tables=tables,
        period_text=period_text(period, t),
        landscape=False,
    )


UNDATED_NOT_LISTED = QT_TRANSLATE_NOOP(
    "Sheet", "%1 linked records have no date and are not listed for the period."
)


def _undated_count(key: str, ids: list[int], period: Period | None) -> int:
    brief = _BRIEFS[key]
    if _is_open(period) or not brief.date_field:
        return 0
    model = brief.model
    return (
        model.select().where(model.id.in_(ids) & getattr(model, brief.date_field).is_null()).count()
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


UNIT_COUNTS = QT_TRANSLATE_NOOP("Sheet", "The unit's records")
L_RECORD_TYPE = QT_TRANSLATE_NOOP("Sheet", "Record type")


def _unit_counts(unit_id: int, period: Period | None, t: Translate) -> Table:
    """本期 and 累计 of each record type the unit holds, as the summary counts
    them (a talent while present, an open task until done), undated ones in 累计."""
    rows, undated = [], 0
    end = period.end if period is not None and not _is_open(period) else None
    for key in _LEDGER_TYPES:
        brief = _BRIEFS[key]
        model = brief.model
        if model is m.AssessmentTarget or not brief.date_field:
            continue
        mine = model.unit == unit_id
        date = getattr(model, brief.date_field)
        if model is m.Task:
            current = model.select().where(model.id.in_(tasks_of(period, unit_id))).count()
        elif model is m.Talent:
            current = model.select().where(mine & talent_present(period)[0]).count()
        else:
            current = _filtered(model.select(), model, date, period, unit_id).count()
        to_end = model.select().where(mine)
        if end is not None:
            to_end = to_end.where(date.is_null() | (date <= end))
        cumulative = to_end.count()
        undated += model.select().where(mine & date.is_null()).count()
        if current or cumulative:
            rows.append([t(brief.heading), current, cumulative])
    table = Table(
        [
            Column(t(L_RECORD_TYPE), TEXT, 2.0),
            Column(t(L_CURRENT), INT, 1.0),
            Column(t(L_CUMULATIVE), INT, 1.0),
        ],
        rows,
        heading=t(UNIT_COUNTS),
    )
    if undated:
        table.note = fill(t(UNDATED_NOTE), undated)
    return table


OVERDUE_TASKS = QT_TRANSLATE_NOOP("Sheet", "Overdue items are marked")
OVERDUE_HAND_INS = QT_TRANSLATE_NOOP(
    "Sheet", "Hand-ins not made by their due date (逾期未报) are marked"
)
OVERDUE_AS_OF = QT_TRANSLATE_NOOP("Sheet", "Overdue as of %1: %2")


def unit_ledger(
    *,
    unit_id: int,
    period: Period | None = None,
    today: dt.date | None = None,
    t: Translate = identity,
) -> Sheet:
    """单位台账: one unit's records of every type in the period; empty types are
    left out. Overdue tasks and hand-ins are marked as in the task list."""
    unit_text = _unit_text(unit_id, t)
    as_of = judged_as_of(period, today)
    tables = []
    overdue = 0
    counts = _unit_counts(unit_id, period, t)
    if counts.rows:
        tables.append(counts)
    for key in _LEDGER_TYPES:
        table = _brief_table(key, t, period=period, unit_id=unit_id)
        if not table.rows:
            continue
        if key == "task":  # [n, title, owner, deadline, status]
            table.marked = {
                i
                for i, row in enumerate(table.rows)
                if row[3] is not None and row[3] < as_of and row[4] != categories.TASK_DONE
            }
            table.mark_note = t(OVERDUE_TASKS)
        elif key == "ledger_report":  # [n, period, due, submitted, status]
            table.marked = {
                i
                for i, row in enumerate(table.rows)
                # Due before the day judged on and not handed in by then; one
                # handed in late is late, not 未报.
                if row[2] is not None and row[2] < as_of and (row[3] is None or row[3] > as_of)
            }
            table.mark_note = t(OVERDUE_HAND_INS)
        overdue += len(table.marked)
        tables.append(table)
    listed = [tb for tb in tables if tb is not counts]
    notes = [] if listed else [t(_NO_RECORDS)]
    if any(tb.mark_note for tb in tables):
        notes.append(fill(t(OVERDUE_AS_OF), date_text(as_of, t), overdue))
    return Sheet(
        key="unit_ledger",
        title=t(UNIT_LEDGER_LABEL),
        tables=tables,
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=False,
        notes=notes,
    )
