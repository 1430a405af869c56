"""The ledger's organisation, preparer and phone, set from the window (issue 11)."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from desktop_app import settings
from desktop_app.records import ledger_info, service
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.store import db as store_db
from desktop_app.ui import ledger_actions
from desktop_app.ui.dialogs import ledger_info_dialog
from desktop_app.ui.dialogs.ledger_info_dialog import LedgerInfoDialog
from tests.ui.conftest import answer_next_dialog


def test_the_first_sheet_saved_without_an_organisation_asks_for_it_once(
    window, qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(ledger_info_dialog, "_asked", False)
    service.save(INSTITUTION_SPEC, {"name": "中北大学"})
    page = window.show_reports()
    pdf = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    asked = []

    def fill(dialog):
        asked.append(dialog.windowTitle())
        dialog.edits["organisation"].setText("中共阳高县委组织部")
        dialog.edits["preparer"].setText("王海江")
        dialog.accept()

    answer_next_dialog(fill)
    page.pdf_button.click()
    assert asked == ["Ledger details"]
    assert ledger_info.values()["preparer"] == "王海江"
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "中共阳高县委组织部" in text

    ledger_info.set_value("organisation", "")
    page.pdf_button.click()  # asked once a session: no second dialog
    assert asked == ["Ledger details"]


def test_tools_menu_opens_the_ledger_details(window, qtbot):
    action = next(
        a
        for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
        for a in menu.actions()
        if a.text() == "Ledger details for printed sheets…"
    )

    def fill(dialog):
        assert isinstance(dialog, LedgerInfoDialog)
        dialog.edits["phone"].setText("0352-6621234")
        dialog.accept()

    answer_next_dialog(fill)
    action.trigger()
    assert ledger_info.values()["phone"] == "0352-6621234"


def test_a_read_only_ledger_shows_the_details_but_saves_nothing(qtbot, ledger):
    from desktop_app.store.opening import open_ledger

    ledger_info.set_value("organisation", "中共阳高县委组织部")
    store_db.close()
    open_ledger(ledger, read_only=True)
    dialog = LedgerInfoDialog()
    qtbot.addWidget(dialog)
    assert dialog.edits["organisation"].text() == "中共阳高县委组织部"
    assert dialog.edits["organisation"].isReadOnly()


def test_the_pcs_old_organisation_setting_moves_into_a_ledger_naming_none(qtbot, ledger):
    settings.set_value("organization_name", "阳高县委组织部（旧设置）")
    try:
        store_db.close()
        assert ledger_actions.open_file(None, ledger)
        assert ledger_info.organisation() == "阳高县委组织部（旧设置）"
        ledger_info.set_value("organisation", "中共阳高县委组织部")
        assert ledger_actions.open_file(None, ledger)
        assert ledger_info.organisation() == "中共阳高县委组织部"  # the ledger's own wins
    finally:
        settings.set_value("organization_name", "")
        from desktop_app.ui import safety_actions

        safety_actions.close_current()
