"""Registers: 合作院校一览表, 合作基地一览表, 合作项目推进表, 人才花名册, 督办事项清单."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import peewee as pw

from desktop_app.records.specs import QT_TRANSLATE_NOOP
from desktop_app.reports.model import DATE, INT, TEXT, Column, Period, Sheet, Table
from desktop_app.reports.sheets.common import (
    BASES_LABEL,
    INSTITUTIONS_LABEL,
    L_ACADEMIC_TITLE,
    L_CHAIN,
    L_CONTACT,
    L_DEADLINE,
    L_DEGREE,
    L_ESTABLISHED,
    L_FIELD_OF_WORK,
    L_FIRST_CONTACT,
    L_GENDER,
    L_INSTITUTION,
    L_INSTITUTIONS,
    L_KIND,
    L_LOCATION,
    L_MEETING,
    L_MILESTONES,
    L_MODE,
    L_NO,
    L_OWNER,
    L_PHONE,
    L_PLACE,
    L_PLAQUE,
    L_PROGRESS,
    L_PROJECT,
    L_PROVINCE_CITY,
    L_REL_STAGE,
    L_SHORT_NAME,
    L_STAGE,
    L_START,
    L_STATUS,
    L_SUPPORT,
    L_TITLE,
    L_TYPE,
    L_UNIT,
    PROJECTS_LABEL,
    TALENTS_LABEL,
    TASKS_LABEL,
    Translate,
    _chronological,
    _filtered,
    _ids,
    _lines,
    _linked_names,
    _unit_text,
    date_text,
    fill,
    identity,
    judged_as_of,
    name_label,
    period_text,
    talent_present,
    tasks_of,
    undated_note,
)
from desktop_app.store import categories
from desktop_app.store import models as m

# ---------------------------------------------------------------- 2. institutions


# Registers end with their count, as paper registers do (共 N 所).
COUNT_INSTITUTIONS = QT_TRANSLATE_NOOP("Sheet", "%1 institutions in all")
COUNT_BASES = QT_TRANSLATE_NOOP("Sheet", "%1 bases in all")
COUNT_PROJECTS = QT_TRANSLATE_NOOP("Sheet", "%1 projects in all")
COUNT_TALENTS = QT_TRANSLATE_NOOP("Sheet", "%1 talents in all")
COUNT_TASKS = QT_TRANSLATE_NOOP("Sheet", "%1 tasks in all")


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
        Column(t(name_label("institution")), TEXT, 2.4),
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
        tables=[Table(columns, rows, note=fill(t(COUNT_INSTITUTIONS), len(rows)))],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
        notes=undated_note(m.Institution, m.Institution.first_contact, period, unit_id, t),
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
        Column(t(name_label("base")), TEXT, 2.4),
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
        tables=[Table(columns, rows, note=fill(t(COUNT_BASES), len(rows)))],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
        notes=undated_note(m.Base, m.Base.established_date, period, unit_id, t),
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
        Column(t(name_label("project")), TEXT, 2.0),
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
        tables=[Table(columns, rows, note=fill(t(COUNT_PROJECTS), len(rows)))],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
        notes=undated_note(m.Project, m.Project.start_date, period, unit_id, t),
    )


# ---------------------------------------------------------------- 6. talents


def talent_roster(
    *, period: Period | None = None, unit_id: int | None = None, t: Translate = identity
) -> Sheet:
    """人才花名册 in pinyin order: one query with joins, however long the roster.
    A period lists the talents present in it (as the summary's 本期 counts
    them), those who came earlier and stayed included."""
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
            None,
            None,
            unit_id,
        )
        .where(talent_present(period)[0])
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
        Column(t(name_label("talent")), TEXT, 0.8),
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
        tables=[Table(columns, rows, note=fill(t(COUNT_TALENTS), len(rows)))],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
        notes=undated_note(m.Talent, m.Talent.start_date, period, unit_id, t),
    )


# ---------------------------------------------------------------- 7. tasks


def task_list(
    *,
    period: Period | None = None,
    unit_id: int | None = None,
    today: dt.date | None = None,
    t: Translate = identity,
) -> Sheet:
    """督办事项清单 by deadline; overdue items (past deadline, not done) are marked,
    as of the period's end for a past period (judged_as_of)."""
    today = judged_as_of(period, today)
    unit_text = _unit_text(unit_id, t)
    k = m.Task
    in_list = tasks_of(period, unit_id)
    query = (
        k.select(k.id, k.title, m.Meeting.title, m.Unit.name, k.owner, k.deadline, k.status)
        .join_from(k, m.Meeting, pw.JOIN.LEFT_OUTER, on=(k.meeting == m.Meeting.id))
        .join_from(k, m.Unit, pw.JOIN.LEFT_OUTER, on=(k.unit == m.Unit.id))
        .where(k.id.in_(in_list))
        .order_by(*_chronological(k.deadline, k))
        .tuples()
    )
    latest: dict[int, tuple] = {}
    tp = m.TaskProgress
    for tid, day, text in (
        tp.select(tp.task, tp.date, tp.text)
        .where(tp.task.in_(in_list))
        .order_by(tp.task, tp.date.is_null(False), tp.date, tp.id)  # undated first, latest last
        .tuples()
    ):
        latest[tid] = (day, text)
    rows = []
    marked: set[int] = set()
    carried = 0
    for n, (tid, title, meeting, unit, owner, deadline, status) in enumerate(query, start=1):
        progress = _lines([latest[tid]]) if tid in latest else ""
        if deadline is not None and deadline < today and status != categories.TASK_DONE:
            marked.add(n - 1)
        if period and period.start and deadline is not None and deadline < period.start:
            carried += 1
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
    table = Table(columns, rows, marked=marked, note=fill(t(COUNT_TASKS), len(rows)))
    if marked:
        table.mark_note = t(QT_TRANSLATE_NOOP("Sheet", "Overdue items are marked"))
    notes = [
        fill(
            t(QT_TRANSLATE_NOOP("Sheet", "Overdue as of %1: %2")), date_text(today, t), len(marked)
        )
    ]
    notes += undated_note(m.Task, m.Task.deadline, period, unit_id, t)
    if carried:
        notes.append(
            fill(
                t(
                    QT_TRANSLATE_NOOP(
                        "Sheet", "Including %1 item(s) due before the period and not yet done"
                    )
                ),
                carried,
            )
        )
    return Sheet(
        key="tasks",
        title=t(TASKS_LABEL),
        tables=[table],
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=True,
        notes=notes,
    )
