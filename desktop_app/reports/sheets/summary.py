"""1. 工作统计表: the period summary, each count for the period (本期) and to
its end (累计), drawn from reports/figures.py (which a superior's form uses too)."""

from __future__ import annotations

from desktop_app.records.specs import QT_TRANSLATE_NOOP
from desktop_app.reports import figures as F
from desktop_app.reports.model import INT, TEXT, Column, Period, Sheet, Table
from desktop_app.reports.sheets.common import (
    _TOTAL,
    L_CUMULATIVE,
    L_CURRENT,
    L_DEGREE,
    L_LOCATION,
    L_MODE,
    L_REL_STAGE,
    L_STAGE,
    L_STATUS,
    L_TYPE,
    MODE_RESEARCH,
    SUMMARY_LABEL,
    UNDATED_NOTE,
    Translate,
    _label,
    _unit_text,
    fill,
    identity,
    period_text,
)

L_COUNT_CURRENT = QT_TRANSLATE_NOOP("Sheet", "Activities, this period")
L_PEOPLE_CURRENT = QT_TRANSLATE_NOOP("Sheet", "Participants, this period")
L_COUNT_CUMULATIVE = QT_TRANSLATE_NOOP("Sheet", "Activities, cumulative")
L_PEOPLE_CUMULATIVE = QT_TRANSLATE_NOOP("Sheet", "Participants, cumulative")
KINDS_NOTE = QT_TRANSLATE_NOOP("Sheet", "Kinds of base: %1 this period, %2 cumulative.")
LINKED_NOTE = QT_TRANSLATE_NOOP(
    "Sheet",
    "Institutions linked to bases (each counted once): %1 this period, %2 cumulative.",
)

# The first column's label of each breakdown (section, dimension).
_FIRST = {
    ("院校", "地域"): L_LOCATION,
    ("院校", "阶段"): L_REL_STAGE,
    ("协议", "类型"): L_TYPE,
    ("协议", "状态"): L_STATUS,
    ("基地", "类型"): L_TYPE,
    ("项目", "阶段"): L_STAGE,
    ("人才", "学历"): L_DEGREE,
    ("人才", "方式"): L_MODE,
    ("人才", MODE_RESEARCH): L_DEGREE,
    ("活动", "次数"): L_TYPE,
    ("成果", "类型"): L_TYPE,
}


def summary_sheet(
    *, period: Period | None = None, unit_id: int | None = None, t: Translate = identity
) -> Sheet:
    """工作统计表: the report's own figures for a period and optionally one unit."""
    unit_text = _unit_text(unit_id, t)
    figures = F.summary_figures(period, unit_id)
    groups = figures.groups
    tables: list[Table] = []
    notes: list[str] = []
    i = 0
    while i < len(groups):
        g = groups[i]
        if g.measure == "次数":  # activities: counts and participants side by side
            people = groups[i + 1]
            tables.append(_activities(g, people, t))
            i += 2
        else:
            tables.append(_counts(g, t))
            i += 1
        last_of_section = i >= len(groups) or groups[i].section != g.section
        undated = figures.undated.get(g.section, 0)
        if last_of_section and undated:
            tables[-1].note = fill(t(UNDATED_NOTE), undated)
        if last_of_section and g.section == "基地":
            kinds = figures.extra["基地.类型数"]
            linked = figures.extra["基地.合作院校数"]
            notes.append(fill(t(KINDS_NOTE), kinds.current, kinds.cumulative))
            notes.append(fill(t(LINKED_NOTE), linked.current, linked.cumulative))
    return Sheet(
        key="summary",
        title=t(SUMMARY_LABEL),
        tables=tables,
        period_text=period_text(period, t),
        unit_text=unit_text,
        landscape=False,
        notes=notes,
    )


def _counts(g: F.Group, t: Translate) -> Table:
    heading = t(g.heading)
    if g.dimension == MODE_RESEARCH:
        heading = fill(heading, MODE_RESEARCH)
    return Table(
        columns=[
            Column(t(_FIRST[(g.section, g.dimension)]), TEXT, 2.4),
            Column(t(L_CURRENT), INT, 1.0),
            Column(t(L_CUMULATIVE), INT, 1.0),
        ],
        rows=[[_label(x.word, t), x.current, x.cumulative] for x in g.lines],
        heading=heading,
        total=[t(_TOTAL), g.total.current, g.total.cumulative],
    )


def _activities(counts: F.Group, people: F.Group, t: Translate) -> Table:
    by_word = {x.word: x for x in people.lines}
    rows = []
    for x in counts.lines:
        p = by_word.get(x.word, F.Line(x.word))
        rows.append([_label(x.word, t), x.current, p.current, x.cumulative, p.cumulative])
    return Table(
        columns=[
            Column(t(L_TYPE), TEXT, 2.0),
            Column(t(L_COUNT_CURRENT), INT, 1.0),
            Column(t(L_PEOPLE_CURRENT), INT, 1.0),
            Column(t(L_COUNT_CUMULATIVE), INT, 1.0),
            Column(t(L_PEOPLE_CUMULATIVE), INT, 1.0),
        ],
        rows=rows,
        heading=t(counts.heading),
        total=[
            t(_TOTAL),
            counts.total.current,
            people.total.current,
            counts.total.cumulative,
            people.total.cumulative,
        ],
    )
