"""Dossiers as pages, with Back and Forward (issue 12)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop_app.records import service
from desktop_app.records.specs import SPECS
from desktop_app.ui.dossier_page import DossierPage
from desktop_app.ui.record_page import RecordPage


def _ledger():
    unit = service.save(SPECS["unit"], {"name": "县发展和改革局"})
    inst = service.save(SPECS["institution"], {"name": "中北大学", "city": "太原", "unit": unit})
    service.save(
        SPECS["activity"],
        {"title": "考察", "type": "考察调研", "date": dt.date(2023, 2, 14), "institutions": [inst]},
    )
    service.save(
        SPECS["activity"],
        {"title": "签约", "type": "签约仪式", "date": dt.date(2023, 5, 1), "institutions": [inst]},
    )
    return unit, inst


def test_enter_on_an_institution_opens_its_dossier_page(window, qtbot):
    unit, inst = _ledger()
    page = window.page("institution")
    page.refresh()
    page.select_id(inst)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dossier = window.stack.currentWidget()
    assert isinstance(dossier, DossierPage) and dossier.location() == ("institution", inst)
    assert "中北大学" in dossier.title.text()
    assert [dossier.timeline.item(r, 2).text() for r in range(dossier.timeline.rowCount())] == [
        "签约",
        "考察",
    ]
    assert dossier.tabs.tabText(0) == "Timeline (2)"
    assert page.dossier_button.isVisible() or not page.isVisible()


def test_a_linked_name_opens_its_dossier_and_back_and_forward_return(window, qtbot):
    unit, inst = _ledger()
    window.open_page("institution")
    first = window.open_dossier("institution", inst)
    link = next(
        first.card_grid.itemAt(i).widget()
        for i in range(first.card_grid.count())
        if "县发展和改革局" in first.card_grid.itemAt(i).widget().text()
    )
    link.linkActivated.emit("#")
    second = window.stack.currentWidget()
    assert isinstance(second, DossierPage) and second.location() == ("unit", unit)
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()
    window.back_action.trigger()  # Alt+←
    assert window.stack.currentWidget() is first
    window.forward_action.trigger()  # Alt+→
    assert window.stack.currentWidget() is second
    # The mouse's back button, anywhere in the window.
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.BackButton,
        Qt.MouseButton.BackButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(second.timeline.viewport(), press)
    assert window.stack.currentWidget() is first
    window.back_action.trigger()
    assert isinstance(window.stack.currentWidget(), RecordPage)  # the list it came from


def test_a_deleted_records_dossier_says_so(window, qtbot):
    unit, inst = _ledger()
    page = window.open_dossier("unit", unit)
    service.save(SPECS["institution"], {"name": "中北大学", "unit": None}, inst)
    service.delete(SPECS["unit"], unit)
    page.refresh()
    assert not page.edit_button.isEnabled()
    texts = [page.card_grid.itemAt(i).widget().text() for i in range(page.card_grid.count())]
    assert "This record is no longer in the ledger." in texts


def test_a_talents_dossier_shows_what_the_talent_links_to_and_prints(window, qtbot):
    unit, inst = _ledger()
    project = service.save(
        SPECS["project"], {"name": "高速飞车项目", "start_date": dt.date(2023, 3, 1)}
    )
    talent = service.save(
        SPECS["talent"],
        {
            "name": "李灵芝",
            "institution": inst,
            "project": project,
            "start_date": dt.date(2023, 4, 1),
        },
    )
    page = window.open_dossier("talent", talent)
    titles = [page.timeline.item(r, 2).text() for r in range(page.timeline.rowCount())]
    assert titles == ["高速飞车项目", "中北大学"]  # dated first, the institution has no date
    sheet = page.as_sheet()
    assert sheet.title == "李灵芝 Dossier"
    assert ["Institution", "中北大学"] in sheet.tables[0].rows
    assert [row[2] for row in sheet.tables[1].rows] == titles
    assert page.print_button.isVisible() or not page.isVisible()


def test_a_linked_name_in_a_form_opens_its_dossier(window, qtbot):
    unit, inst = _ledger()
    page = window.page("activity")
    activity = service.save(
        SPECS["activity"],
        {"title": "座谈", "type": "座谈会", "date": dt.date(2023, 6, 1), "institutions": [inst]},
    )

    def view_institution(dialog):
        picker = dialog.editors["institutions"].picker
        assert picker.can_open
        picker.open_requested.emit(inst)  # the token's 查看档案

    from tests.ui.conftest import answer_next_dialog

    answer_next_dialog(view_institution)
    page.edit_record(activity)
    shown = window.stack.currentWidget()
    assert isinstance(shown, DossierPage) and shown.location() == ("institution", inst)
