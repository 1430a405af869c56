"""1. 工作统计表: the period summary."""

from __future__ import annotations

import peewee as pw

from desktop_app.records.specs import QT_TRANSLATE_NOOP
from desktop_app.reports.model import INT, TEXT, Column, Period, Sheet, Table
from desktop_app.reports.sheets.common import (
    _TOTAL,
    L_DEGREE,
    L_LOCATION,
    L_MODE,
    L_N_ACHIEVEMENTS,
    L_N_ACTIVITIES,
    L_N_AGREEMENTS,
    L_N_BASES,
    L_N_INSTITUTIONS,
    L_N_LINKED,
    L_N_PROJECTS,
    L_N_TALENTS,
    L_PARTICIPANTS,
    L_REL_STAGE,
    L_STAGE,
    L_TYPE,
    MODE_RESEARCH,
    SUMMARY_LABEL,
    Translate,
    _count_table,
    _filtered,
    _group_count,
    _ids,
    _label,
    _ordered_words,
    _unit_text,
    fill,
    identity,
    period_text,
)
from desktop_app.store import models as m

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
