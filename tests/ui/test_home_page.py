"""The workbench (工作台), the first page (issue 12, a first step)."""

from __future__ import annotations

import datetime as dt

from desktop_app.records import demo, service, workbench
from desktop_app.records.specs import TASK_SPEC
from desktop_app.store import categories
from desktop_app.ui.home_page import HomePage, PostponeDialog
from tests.ui.conftest import answer_next_dialog


def test_the_window_opens_on_the_workbench_with_the_years_figures(window):
    demo.load_sample_data()
    home = window.open_page("home")
    assert window.stack.currentWidget() is home and window.nav.currentRow() == window.nav_row(
        "home"
    )
    home.year.setValue(2023)
    cards = {c.title.text(): c for c in home.cards}
    assert cards["Institutions"].value.text() == "25 in 2023"
    assert cards["Institutions"].total.text() == "Cumulative: 25"
    assert "省外 16" in cards["Institutions"].details.text()
    assert "博士 32" in cards["Talents"].details.text()
    assert "on study visits 1826" in cards["Activities"].details.text()


def test_a_card_opens_its_list_filtered_to_the_year(window, qtbot):
    demo.load_sample_data()
    home = window.open_page("home")
    home.year.setValue(2023)
    card = next(c for c in home.cards if c.title.text() == "Talents")
    card.clicked.emit()
    page = window.stack.currentWidget()
    assert page is window.page("talent")
    assert page.year_filter.currentData() == "2023"
    assert page.model.total == 104


def test_tasks_due_are_listed_and_done_or_postponed_from_there(window, qtbot, monkeypatch):
    today = dt.date.today()
    late = service.save(
        TASK_SPEC, {"title": "征地", "deadline": today - dt.timedelta(days=3), "status": "推进中"}
    )
    soon = service.save(
        TASK_SPEC, {"title": "公寓", "deadline": today + dt.timedelta(days=2), "status": "推进中"}
    )
    service.save(
        TASK_SPEC, {"title": "远期", "deadline": today + dt.timedelta(days=30), "status": "推进中"}
    )
    home = window.open_page("home")
    home.refresh()
    assert home.tasks_label.text() == "Follow-up tasks: 1 overdue, 1 due within 7 days"
    titles = [home.tasks.item(r, 1).text() for r in range(home.tasks.rowCount())]
    assert titles == ["征地", "公寓"]
    assert home.tasks.item(0, 0).text().startswith("★ ")

    done = home.tasks.cellWidget(0, 4).findChildren(type(home.tasks.cellWidget(0, 4).children()[1]))
    done[0].click()  # 办结
    assert service.load(TASK_SPEC, late)["status"] == categories.TASK_DONE
    assert [home.tasks.item(r, 1).text() for r in range(home.tasks.rowCount())] == ["公寓"]

    later = today + dt.timedelta(days=20)

    def choose(dialog):
        assert isinstance(dialog, PostponeDialog)
        dialog.date.setDate(dialog.date.date().fromString(later.isoformat(), "yyyy-MM-dd"))
        dialog.accept()

    answer_next_dialog(choose)
    home.tasks.cellWidget(0, 4).findChildren(type(done[0]))[1].click()  # 延期
    assert service.load(TASK_SPEC, soon)["deadline"] == later
    assert home.tasks.rowCount() == 0
    assert workbench.overdue_count() == 0


def test_hand_ins_not_made_and_latest_changes(window):
    demo.load_sample_data()
    home = window.open_page("home")
    home.refresh()
    units = {home.hand_ins.item(r, 1).text() for r in range(home.hand_ins.rowCount())}
    assert len(units) >= 1  # the sample's missing quarterly hand-ins, all overdue by now
    assert home.hand_ins.item(0, 3).text() == "Overdue"
    assert home.changes.rowCount() == 8
    assert home.changes.item(0, 3).text() == "created"
    assert isinstance(home, HomePage)


def test_the_charts_draw_the_years_figures_as_the_ledger_holds_them(window, qtbot):
    import sqlite3

    from desktop_app.store import db as store_db

    demo.load_sample_data()
    home = window.open_page("home")
    home.year.setValue(2023)
    home.resize(1366, 900)
    home.show()
    for chart in (home.chart_month, home.chart_degree, home.chart_province, home.chart_score):
        chart.grab()  # the bars are known once painted
    con = sqlite3.connect(store_db.current_path())
    july = con.execute(
        "SELECT COUNT(*), SUM(participants) FROM activity WHERE date LIKE '2023-07-%'"
    ).fetchone()
    beijing = con.execute("SELECT COUNT(*) FROM institution WHERE province = '北京'").fetchone()[0]
    con.close()
    tips = home.chart_month.bar_tips()
    assert f"7 Mon · Activities: {july[0]}" in tips
    assert f"7 Mon · Participants (hundreds): {july[1] / 100:.1f}" in tips
    assert f"北京: {beijing}" in home.chart_province.bar_tips()
    degrees = dict(t.split(": ") for t in home.chart_degree.bar_tips())
    summary = {w: n for w, n in workbench.charts(2023).degrees}
    assert degrees == {w: str(n) for w, n in summary.items()}
    assert len(home.chart_score.bar_tips()) == 4
    scores = [float(t.split(": ")[1]) for t in home.chart_score.bar_tips()]
    assert scores == sorted(scores, reverse=True)
