"""9. 目标责任考核评分表: targets, actuals counted from the ledger, scores."""

from __future__ import annotations

import peewee as pw

from desktop_app.records.specs import QT_TRANSLATE_NOOP
from desktop_app.reports.model import FLOAT, INT, TEXT, Column, Sheet, Table
from desktop_app.reports.sheets.common import (
    _NO_RECORDS,
    _TOTAL,
    ASSESSMENT_LABEL,
    INDICATOR_ACHIEVEMENTS,
    INDICATOR_PROJECTS,
    INDICATOR_TALENTS,
    L_ACTUAL,
    L_INDICATOR,
    L_NO,
    L_NOTE,
    L_SCORE,
    L_TARGET,
    L_UNIT_PLAIN,
    L_WEIGHT,
    Translate,
    _filtered,
    _unit_text,
    fill,
    identity,
    year_period,
)
from desktop_app.store import categories
from desktop_app.store import models as m

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
