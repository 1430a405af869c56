"""What the home page (工作台) shows and does: the year's headline figures,
the follow-up tasks overdue or due soon, the hand-ins not yet made, and the
latest changes. The page draws; this reads and saves through the service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from desktop_app.records import audit, service
from desktop_app.records.specs import QT_TRANSLATE_NOOP, TASK_SPEC
from desktop_app.reports import figures
from desktop_app.reports.sheets.common import year_period
from desktop_app.store import categories
from desktop_app.store import models as m

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class Headline:
    """One figure of the year, as the report tells it."""

    label: str  # English source, context "Home": translated where shown
    record_type: str  # the list a click opens, filtered to the year
    current: int  # 本年
    cumulative: int  # 累计
    # (label, value) beside it: a category word as it is, or a source string
    details: tuple[tuple[str, int], ...] = ()


# What a detail is called when it is not a category word (context "Home").
PARTICIPANTS = QT_TRANSLATE_NOOP("Home", "participants")
VISITORS = QT_TRANSLATE_NOOP("Home", "on study visits")
KINDS = QT_TRANSLATE_NOOP("Home", "kinds")

# (label, record type, figure for 本年 and 累计, details: (figure, label or None))
HEADLINES = (
    (
        QT_TRANSLATE_NOOP("Home", "Institutions"),
        "institution",
        "院校.合计",
        (("院校.省外", None), ("院校.省内", None)),
    ),
    (
        QT_TRANSLATE_NOOP("Home", "Agreements"),
        "agreement",
        "协议.合计",
        (("协议.全方位战略合作协议", None),),
    ),
    (QT_TRANSLATE_NOOP("Home", "Bases"), "base", "基地.合计", (("基地.类型数", KINDS),)),
    (QT_TRANSLATE_NOOP("Home", "Projects"), "project", "项目.合计", (("项目.推进中", None),)),
    (
        QT_TRANSLATE_NOOP("Home", "Talents"),
        "talent",
        "人才.合计",
        (("人才.博士", None), ("人才.硕士", None), ("人才.柔性引进", None)),
    ),
    (
        QT_TRANSLATE_NOOP("Home", "Activities"),
        "activity",
        "活动.次数",
        (("活动.参加人数", PARTICIPANTS), ("活动.参观学习.参加人数", VISITORS)),
    ),
    (QT_TRANSLATE_NOOP("Home", "Achievements"), "achievement", "成果.合计", ()),
)


def headlines(year: int) -> list[Headline]:
    values = figures.summary_figures(year_period(year)).values()

    def now(name: str) -> int:
        return values.get(f"{figures.CURRENT}.{name}", 0)

    return [
        Headline(
            label,
            record_type,
            now(total),
            values.get(f"{figures.CUMULATIVE}.{total}", 0),
            tuple((word or name.split(".")[-1], now(name)) for name, word in details),
        )
        for label, record_type, total, details in HEADLINES
    ]


@dataclass(frozen=True)
class DueTask:
    id: int
    title: str
    unit: str
    owner: str
    deadline: dt.date
    status: str
    overdue: bool


def due_tasks(today: dt.date | None = None, days: int = DUE_SOON_DAYS) -> list[DueTask]:
    """Open follow-up tasks past their deadline or due within `days`, soonest first."""
    today = today or dt.date.today()
    t = m.Task
    rows = (
        t.select(t.id, t.title, m.Unit.name, t.owner, t.deadline, t.status)
        .join(m.Unit, pw.JOIN.LEFT_OUTER, on=(t.unit == m.Unit.id))
        .where(
            t.deadline.is_null(False)
            & (t.deadline <= today + dt.timedelta(days=days))
            & (t.status != categories.TASK_DONE)
        )
        .order_by(t.deadline, t.id)
        .tuples()
    )
    return [
        DueTask(rid, title, unit or "", owner, deadline, status, deadline < today)
        for rid, title, unit, owner, deadline, status in rows
    ]


def overdue_count(today: dt.date | None = None) -> int:
    return sum(1 for task in due_tasks(today, days=0) if task.overdue)


def complete_task(task_id: int) -> None:
    """办结: the task is done (a saved change, with its history entry and undo)."""
    values = service.load(TASK_SPEC, task_id)
    values["status"] = categories.TASK_DONE
    service.save(TASK_SPEC, values, task_id)


def postpone_task(task_id: int, deadline: dt.date) -> None:
    """延期: a new deadline."""
    values = service.load(TASK_SPEC, task_id)
    values["deadline"] = deadline
    service.save(TASK_SPEC, values, task_id)


@dataclass(frozen=True)
class MissingHandIn:
    id: int
    unit: str
    period: str
    due: dt.date | None
    overdue: bool
    returned: bool = False  # handed in and sent back (退回)


def missing_hand_ins(today: dt.date | None = None) -> list[MissingHandIn]:
    """Hand-ins (台账报送) not yet made whose due date has come or comes within a
    month, by due date: who has not handed in."""
    today = today or dt.date.today()
    r = m.LedgerReport
    rows = (
        r.select(r.id, m.Unit.name, r.period, r.due_date, r.status)
        .join(m.Unit, on=(r.unit == m.Unit.id))
        .where(
            r.submitted_date.is_null()
            & (
                (r.due_date.is_null(False) & (r.due_date <= today + dt.timedelta(days=31)))
                | (r.status == categories.LEDGER_RETURNED)
            )
        )
        .order_by(r.due_date, m.Unit.sort_key)
        .tuples()
    )
    return [
        MissingHandIn(
            rid,
            unit,
            period,
            due,
            due is not None and due < today,
            status == categories.LEDGER_RETURNED,
        )
        for rid, unit, period, due, status in rows
    ]


@dataclass(frozen=True)
class PeriodHandIns:
    """One period's hand-ins (台账报送): how many units handed in, are late,
    were sent back, and have yet to hand in before the due date."""

    period: str
    handed_in: int
    late: int
    returned: int
    to_come: int


def hand_ins_by_period(today: dt.date | None = None, periods: int = 2) -> list[PeriodHandIns]:
    """The latest periods that have come due (or come due within a month),
    newest first."""
    today = today or dt.date.today()
    r = m.LedgerReport
    rows = (
        r.select(r.period, r.due_date, r.submitted_date, r.status)
        .where(r.due_date.is_null(False) & (r.due_date <= today + dt.timedelta(days=31)))
        .tuples()
    )
    by_period: dict[str, list[tuple]] = {}
    due_of: dict[str, dt.date] = {}
    for period, due, submitted, status in rows:
        by_period.setdefault(period, []).append((due, submitted, status))
        due_of[period] = max(due, due_of.get(period, due))
    out = []
    for period in sorted(by_period, key=lambda p: due_of[p], reverse=True)[:periods]:
        handed = late = back = coming = 0
        for due, submitted, status in by_period[period]:
            if status == categories.LEDGER_RETURNED:
                back += 1
            elif submitted is not None or status == categories.LEDGER_SUBMITTED:
                handed += 1
            elif due < today:
                late += 1
            else:
                coming += 1
        out.append(PeriodHandIns(period, handed, late, back, coming))
    return out


def latest_changes(limit: int = 8) -> list[m.AuditEntry]:
    return audit.change_log(limit=limit)


# ---------------------------------------------------------------- charts


@dataclass(frozen=True)
class Charts:
    """What the workbench's four charts draw, for one year."""

    months: list[tuple[int, int, int]]  # (month, activities, participants)
    degrees: list[tuple[str, int]]  # talents present in the year, by degree
    provinces: list[tuple[str, int]]  # institutions by province, to the year's end
    scores: list[tuple[str, float]]  # assessment score per unit, highest first

    @property
    def empty(self) -> bool:
        return not (any(n for _m, n, _p in self.months) or self.degrees or self.provinces)


MAX_PROVINCES = 10


def charts(year: int) -> Charts:
    from desktop_app.reports import sheets
    from desktop_app.reports.sheets.common import talent_present

    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    a = m.Activity
    month = a.date.month  # strftime on SQLite, date_part on a server (peewee picks)
    by_month = {
        int(mm): (n, people or 0)
        for mm, n, people in a.select(month, pw.fn.COUNT(a.id), pw.fn.SUM(a.participants))
        .where(a.date.between(start, end))
        .group_by(month)
        .tuples()
    }
    months = [(k, *by_month.get(k, (0, 0))) for k in range(1, 13)]
    t = m.Talent
    present = talent_present(sheets.year_period(year))[0]
    degrees = [
        (word or "", n)
        for word, n in t.select(t.degree, pw.fn.COUNT(t.id))
        .where(present)
        .group_by(t.degree)
        .order_by(pw.fn.COUNT(t.id).desc())
        .tuples()
    ]
    i = m.Institution
    known = i.first_contact.is_null() | (i.first_contact <= end)
    provinces = [
        (word or "", n)
        for word, n in i.select(i.province, pw.fn.COUNT(i.id))
        .where(known)
        .group_by(i.province)
        .order_by(pw.fn.COUNT(i.id).desc(), i.province)
        .tuples()
    ]
    if len(provinces) > MAX_PROVINCES:
        rest = sum(n for _w, n in provinces[MAX_PROVINCES - 1 :])
        provinces = [*provinces[: MAX_PROVINCES - 1], (OTHERS, rest)]
    sheet = sheets.build_sheet("assessment", year=year)
    scores = [
        (table.heading, float(table.total[5] or 0))
        for table in sheet.tables
        if table.total is not None and len(table.total) > 5
    ]
    scores.sort(key=lambda s: -s[1])
    return Charts(months, degrees, provinces, scores)


OTHERS = QT_TRANSLATE_NOOP("Home", "Others")
