"""Overdue tasks in the navigation and at start-up (issue 12)."""

from __future__ import annotations

import datetime as dt

from desktop_app.records import service, workbench
from desktop_app.records.specs import TASK_SPEC
from desktop_app.ui import overdue_notice


def _task(title: str, deadline: dt.date) -> int:
    return service.save(TASK_SPEC, {"title": title, "deadline": deadline, "status": "推进中"})


def test_the_navigation_counts_overdue_tasks(window):
    today = dt.date.today()
    _task("征地", today - dt.timedelta(days=1))
    _task("公寓", today - dt.timedelta(days=9))
    _task("远期", today + dt.timedelta(days=9))
    window.open_page("home")
    row = window.nav_row("task")
    assert window.nav.item(row).text() == "Tasks (2)"
    done = workbench.due_tasks()[0]
    workbench.complete_task(done.id)
    window.open_page("task")
    assert window.nav.item(row).text() == "Tasks (1)"


def test_start_up_names_what_fell_overdue_since_the_last_start(ledger, qtbot):
    first = dt.date(2024, 3, 1)
    _task("早已逾期", dt.date(2024, 1, 10))
    told = overdue_notice.fell_overdue_since_last_start(ledger, first)
    assert [t.title for t in told] == ["早已逾期"]  # the first start: every overdue task
    assert overdue_notice.fell_overdue_since_last_start(ledger, first) == []  # again: nothing new
    _task("新近逾期", dt.date(2024, 3, 5))
    later = overdue_notice.fell_overdue_since_last_start(ledger, dt.date(2024, 3, 8))
    assert [t.title for t in later] == ["新近逾期"]
