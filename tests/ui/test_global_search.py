"""The search box over the whole ledger (Ctrl+K), driven as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.records import demo
from desktop_app.store import models as m
from desktop_app.ui.dossier_page import DossierPage
from desktop_app.ui.global_search import highlighted
from desktop_app.ui.record_page import RecordPage


def _texts(search) -> list[str]:
    tree = search.results
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_results_come_grouped_with_counts_and_the_words_in_bold(window, qtbot):
    demo.load_sample_data()
    search = window.global_search
    window.search_action.trigger()  # Ctrl+K
    assert search.box.hasFocus() or not window.isActiveWindow()
    search.box.setText("番茄")
    search.run()
    texts = _texts(search)
    assert any("Achievements" in t and "· 2" in t for t in texts)
    assert any("<b>番茄</b>" in t for t in texts)


def test_arrow_keys_and_enter_open_an_institution_as_its_dossier(window, qtbot):
    demo.load_sample_data()
    search = window.global_search
    search.box.setText("zbdx")
    search.run()
    first = search.results.currentItem()
    assert first is not None and "中北大学" in first.text(0) or "中北" in first.text(0)
    # Down to the institution 中北大学 itself, then Enter.
    nuc = m.Institution.get(m.Institution.name == "中北大学").id
    for _ in range(search.results.topLevelItemCount()):
        if search.results.currentItem().data(0, Qt.ItemDataRole.UserRole) == ("institution", nuc):
            break
        qtbot.keyClick(search.box, Qt.Key.Key_Down)
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    assert isinstance(page, DossierPage) and page.location() == ("institution", nuc)


def test_show_all_opens_the_list_filtered_to_the_words(window, qtbot):
    demo.load_sample_data()
    search = window.global_search
    search.box.setText("北")
    search.run()
    more = next(
        search.results.topLevelItem(i)
        for i in range(search.results.topLevelItemCount())
        if "Show all" in search.results.topLevelItem(i).text(0)
    )
    key, words = more.data(0, Qt.ItemDataRole.UserRole)
    search._activate(more)
    page = window.stack.currentWidget()
    assert isinstance(page, RecordPage) and page.spec.key == key
    assert page.search.text() == words == "北" and page.model.rowCount() > 20


def test_highlighting_escapes_what_it_shows():
    assert highlighted("<中北>大学", ["中北"]) == "&lt;<b>中北</b>&gt;大学"


def test_highlighting_never_breaks_a_name_holding_signs():
    assert highlighted("A&B 研究所", ["a", "b"]) == "<b>A</b>&amp;<b>B</b> 研究所"
    assert highlighted("中北大学", ["b", "中"]) == "<b>中</b>北大学"
    assert highlighted("a<b>c 中心", ["b", "中"]) == "a&lt;<b>b</b>&gt;c <b>中</b>心"
    assert highlighted("Nuc 中北", ["nuc"]) == "<b>Nuc</b> 中北"
