"""The summary's figures for a period: 本期 (within it) and 累计 (up to its end).

Chinese statistical sheets give each count for the period and to the period's
end. One function counts both, and everything that shows a figure takes it
from here: the summary sheet, `coop-ledger report figures`, and the
placeholders of a superior's form (reports/template.py), whose names are the
dotted paths this module gives: 本期.院校.合计, 累计.人才.博士,
本期.活动.参观学习.参加人数 …

Rules:
- 本期 counts a record dated within the period. 累计 counts every record dated
  on or before the period's end, and every record with no date at all (it is
  in the ledger, so it is part of the standing total); how many had no date is
  given too (累计.院校.未填日期), for the note under the sheet's table.
- A talent is counted 本期 when present during the period: started on or
  before its end, and not ended before its start.
- With no period (all dates), 本期 and 累计 are the same: every record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import peewee as pw

from desktop_app.records.specs import QT_TRANSLATE_NOOP
from desktop_app.reports.model import Period
from desktop_app.reports.sheets.common import (
    MODE_RESEARCH,
    _is_open,
    _ordered_words,
    talent_present,
)
from desktop_app.store import models as m

Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


_IN_PERIOD = QT_TRANSLATE_NOOP("Sheet", "in the period")
_TO_END = QT_TRANSLATE_NOOP("Sheet", "up to the period's end, undated records included")
_TOTAL = QT_TRANSLATE_NOOP("Sheet", "Total")
_COUNT = QT_TRANSLATE_NOOP("Sheet", "number of activities")
_PARTICIPANTS = QT_TRANSLATE_NOOP("Sheet", "participants")
_UNDATED = QT_TRANSLATE_NOOP("Sheet", "Records with no date")
_EXTRA = {
    "基地.类型数": QT_TRANSLATE_NOOP("Sheet", "Kinds of base"),
    "基地.合作院校数": QT_TRANSLATE_NOOP("Sheet", "Institutions linked to bases"),
}

CURRENT = "本期"
CUMULATIVE = "累计"
TOTAL = "合计"
UNDATED = "未填日期"
BLANK = "未填"  # the word of records whose category is empty


@dataclass
class Line:
    word: str  # a category word, '' for records that have none
    current: int = 0
    cumulative: int = 0


@dataclass
class Group:
    """One breakdown: a record type counted by one category list (a summary table)."""

    section: str  # 院校, 协议 … (the dotted names' second part)
    dimension: str  # 地域, 阶段 … (the qualified names' third part)
    heading: str  # what the sheet heads the table with (QT_TRANSLATE_NOOP source)
    list_key: str
    lines: list[Line]
    total: Line
    measure: str = ""  # '' counts records; 参加人数 sums participants
    flat: bool = True  # also named without the dimension (累计.人才.博士)


@dataclass
class Figures:
    period: Period | None
    unit_id: int | None
    groups: list[Group]
    undated: dict[str, int] = field(default_factory=dict)  # section -> records with no date
    extra: dict[str, Line] = field(default_factory=dict)  # 基地.类型数, 基地.合作院校数 …

    def values(self) -> dict[str, int]:
        """Every figure by every name it has, both periods."""
        out: dict[str, int] = {}
        for names, _what, value in self._figures(_identity):
            for name in names:
                out.setdefault(name, value)
        return out

    def entries(self, t: Translate = _identity) -> list[tuple[str, str, int]]:
        """(name, what it counts, value) of every figure, in the summary's order;
        each by its shortest name (累计.人才.博士, not also 累计.人才.学历.博士)."""
        return [(names[0], what, value) for names, what, value in self._figures(t)]

    def _figures(self, t: Translate) -> list[tuple[list[str], str, int]]:
        out: dict[str, tuple[list[str], str, int]] = {}
        flat_words: dict[str, dict[str, int]] = {}
        # Every group names its 未填 figure, used or not: a form's {{累计.人才.学历.未填}}
        # must not become an unknown name the year no record leaves it empty.
        lines_of = {
            id(g): g.lines if any(x.word == "" for x in g.lines) else [*g.lines, Line("", 0, 0)]
            for g in self.groups
        }
        for g in self.groups:
            if g.flat and not g.measure:
                seen = flat_words.setdefault(g.section, {})
                for line in lines_of[id(g)]:
                    seen[line.word] = seen.get(line.word, 0) + 1
        spans = ((CURRENT, t(_IN_PERIOD)), (CUMULATIVE, t(_TO_END)))
        for g in self.groups:
            heading = t(g.heading).replace("%1", MODE_RESEARCH)
            for line in [*lines_of[id(g)], g.total]:
                word = line.word or BLANK
                for (span, span_text), value in zip(
                    spans, (line.current, line.cumulative), strict=True
                ):
                    if line is g.total:
                        what = f"{heading}, {t(_TOTAL)}"
                        if not g.flat:
                            names = [f"{span}.{g.section}.{g.dimension}.{TOTAL}"]
                        elif g.measure:
                            names = [
                                f"{span}.{g.section}.{g.measure}",
                                f"{span}.{g.section}.{TOTAL}",
                            ]
                        else:
                            names = [f"{span}.{g.section}.{TOTAL}"]
                    elif g.measure:
                        what = f"{heading}, {word}"
                        names = [f"{span}.{g.section}.{word}.{g.measure}"]
                    else:
                        what = f"{heading}, {word}"
                        names = [f"{span}.{g.section}.{g.dimension}.{word}"]
                        if g.flat and flat_words[g.section].get(line.word) == 1:
                            names.insert(0, f"{span}.{g.section}.{word}")
                    if g.measure:
                        what += f" ({t(_COUNT if g.measure == '次数' else _PARTICIPANTS)})"
                    names = [name for name in names if name not in out]
                    if names:
                        out[names[0]] = (names, f"{what}, {span_text}", value)
        for name, line in self.extra.items():
            what = t(_EXTRA[name])
            for (span, span_text), value in zip(
                spans, (line.current, line.cumulative), strict=True
            ):
                out[f"{span}.{name}"] = ([f"{span}.{name}"], f"{what}, {span_text}", value)
        for section, n in self.undated.items():
            name = f"{CUMULATIVE}.{section}.{UNDATED}"
            out[name] = ([name], f"{t(_UNDATED)} ({section})", n)
        return list(out.values())


def _dated(date_field: pw.Field, period: Period | None) -> tuple[pw.Expression, pw.Expression]:
    """(本期, 累计) conditions on a record's date."""
    everything = pw.SQL("1 = 1")
    if _is_open(period):
        return everything, everything
    current = date_field.is_null(False)
    if period.start is not None:
        current &= date_field >= period.start
    if period.end is not None:
        current &= date_field <= period.end
    cumulative = (
        (date_field.is_null() | (date_field <= period.end))
        if period.end is not None
        else everything
    )
    return current, cumulative


def _counts(
    model: type[pw.Model],
    column: pw.Field,
    where: tuple[pw.Expression, pw.Expression],
    unit_id: int | None,
    *values: pw.Node | None,
) -> list[tuple[dict[str, int], dict[str, int]]]:
    """For each value (None: count records), word -> its sum for 本期 and for
    累计; every value in one pass over the table."""
    current, cumulative = where
    base = pw.SQL("1 = 1") if unit_id is None else (model.unit == unit_id)
    whats = [v if v is not None else pw.SQL("1") for v in values or (None,)]
    sums = [
        pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(condition, what)], 0)), 0)
        for what in whats
        for condition in (current, cumulative)
    ]
    rows = model.select(column, *sums).where(base).group_by(column).tuples()
    out: list[tuple[dict[str, int], dict[str, int]]] = [({}, {}) for _ in whats]
    for word, *sums_row in rows:
        key = word or ""
        for (now, total), a, b in zip(out, sums_row[0::2], sums_row[1::2], strict=True):
            now[key] = now.get(key, 0) + int(a)
            total[key] = total.get(key, 0) + int(b)
    return out


def _count_by(
    model: type[pw.Model],
    column: pw.Field,
    where: tuple[pw.Expression, pw.Expression],
    unit_id: int | None,
) -> tuple[dict[str, int], dict[str, int]]:
    """word -> records for 本期 and for 累计."""
    return _counts(model, column, where, unit_id)[0]


def _group(
    section: str,
    dimension: str,
    heading: str,
    list_key: str,
    counts: tuple[dict[str, int], dict[str, int]],
    *,
    measure: str = "",
    flat: bool = True,
) -> Group:
    now, total = counts
    seen = {w for w, n in total.items() if n} | {w for w, n in now.items() if n}
    lines = [Line(w, now.get(w, 0), total.get(w, 0)) for w in _ordered_words(list_key, seen)]
    return Group(
        section,
        dimension,
        heading,
        list_key,
        lines,
        Line("", sum(now.values()), sum(total.values())),
        measure,
        flat,
    )


def _undated(model: type[pw.Model], date_field: pw.Field, period, unit_id) -> int:
    if _is_open(period) or period.end is None:
        return 0
    query = model.select().where(date_field.is_null())
    if unit_id is not None:
        query = query.where(model.unit == unit_id)
    return query.count()


def summary_figures(period: Period | None = None, unit_id: int | None = None) -> Figures:
    """The figures of the work summary (工作统计表) for a period and optionally one unit."""
    groups: list[Group] = []
    undated: dict[str, int] = {}
    extra: dict[str, Line] = {}

    inst = _dated(m.Institution.first_contact, period)
    groups.append(
        _group(
            "院校",
            "地域",
            QT_TRANSLATE_NOOP("Sheet", "Institutions contacted"),
            "location_class",
            _count_by(m.Institution, m.Institution.location_class, inst, unit_id),
        )
    )
    groups.append(
        _group(
            "院校",
            "阶段",
            QT_TRANSLATE_NOOP("Sheet", "Institutions by relationship stage"),
            "institution_stage",
            _count_by(m.Institution, m.Institution.stage, inst, unit_id),
        )
    )
    undated["院校"] = _undated(m.Institution, m.Institution.first_contact, period, unit_id)

    agr = _dated(m.Agreement.signed_date, period)
    groups.append(
        _group(
            "协议",
            "类型",
            QT_TRANSLATE_NOOP("Sheet", "Agreements by type"),
            "agreement_type",
            _count_by(m.Agreement, m.Agreement.type, agr, unit_id),
        )
    )
    groups.append(
        _group(
            "协议",
            "状态",
            QT_TRANSLATE_NOOP("Sheet", "Agreements by status"),
            "agreement_status",
            _count_by(m.Agreement, m.Agreement.status, agr, unit_id),
        )
    )
    undated["协议"] = _undated(m.Agreement, m.Agreement.signed_date, period, unit_id)

    base = _dated(m.Base.established_date, period)
    bases = _group(
        "基地",
        "类型",
        QT_TRANSLATE_NOOP("Sheet", "Bases by type"),
        "base_type",
        _count_by(m.Base, m.Base.type, base, unit_id),
    )
    groups.append(bases)
    extra["基地.类型数"] = Line(
        "",
        sum(1 for x in bases.lines if x.word and x.current),
        sum(1 for x in bases.lines if x.word and x.cumulative),
    )
    extra["基地.合作院校数"] = Line(
        "", *(_linked_institutions(condition, unit_id) for condition in base)
    )
    undated["基地"] = _undated(m.Base, m.Base.established_date, period, unit_id)

    proj = _dated(m.Project.start_date, period)
    groups.append(
        _group(
            "项目",
            "阶段",
            QT_TRANSLATE_NOOP("Sheet", "Projects by stage"),
            "project_stage",
            _count_by(m.Project, m.Project.stage, proj, unit_id),
        )
    )
    undated["项目"] = _undated(m.Project, m.Project.start_date, period, unit_id)

    present = talent_present(period)
    groups.append(
        _group(
            "人才",
            "学历",
            QT_TRANSLATE_NOOP("Sheet", "Talents by degree"),
            "degree",
            _count_by(m.Talent, m.Talent.degree, present, unit_id),
        )
    )
    groups.append(
        _group(
            "人才",
            "方式",
            QT_TRANSLATE_NOOP("Sheet", "Talents by introduction mode"),
            "intro_mode",
            _count_by(m.Talent, m.Talent.mode, present, unit_id),
        )
    )
    research = tuple(c & (m.Talent.mode == MODE_RESEARCH) for c in present)
    groups.append(
        _group(
            "人才",
            MODE_RESEARCH,
            QT_TRANSLATE_NOOP("Sheet", "Researchers working locally (%1)"),
            "degree",
            _count_by(m.Talent, m.Talent.degree, research, unit_id),
            flat=False,
        )
    )
    undated["人才"] = _undated(m.Talent, m.Talent.start_date, period, unit_id)

    act = _dated(m.Activity.date, period)
    count, people = _counts(
        m.Activity, m.Activity.type, act, unit_id, None, m.Activity.participants
    )
    heading = QT_TRANSLATE_NOOP("Sheet", "Activities by type")
    groups.append(_group("活动", "次数", heading, "activity_type", count, measure="次数"))
    groups.append(_group("活动", "参加人数", heading, "activity_type", people, measure="参加人数"))
    undated["活动"] = _undated(m.Activity, m.Activity.date, period, unit_id)

    ach = _dated(m.Achievement.date, period)
    groups.append(
        _group(
            "成果",
            "类型",
            QT_TRANSLATE_NOOP("Sheet", "Achievements by type"),
            "achievement_type",
            _count_by(m.Achievement, m.Achievement.type, ach, unit_id),
        )
    )
    undated["成果"] = _undated(m.Achievement, m.Achievement.date, period, unit_id)
    return Figures(period, unit_id, groups, undated, extra)


def _linked_institutions(condition: pw.Expression, unit_id: int | None) -> int:
    """Distinct institutions linked to the bases that meet condition."""
    query = m.Base.select(m.Base.id).where(condition)
    if unit_id is not None:
        query = query.where(m.Base.unit == unit_id)
    return (
        m.BaseInstitution.select(pw.fn.COUNT(m.BaseInstitution.institution.distinct()))
        .where(m.BaseInstitution.base.in_(query))
        .scalar()
    ) or 0
