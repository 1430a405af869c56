"""The tool dialogs are forms with room for a long name (issue 12)."""

from __future__ import annotations

from desktop_app.store import db as store_db
from desktop_app.ui.dialogs.ledger_info_dialog import LedgerInfoDialog
from desktop_app.ui.dialogs.operator_dialog import OperatorDialog
from tests.ui.conftest import answer_next_dialog


def test_the_operator_name_is_set_in_a_form_and_written_beside_changes(window, qtbot):
    long_name = "王海江（中共阳高县委组织部人才工作科）"
    seen = {}

    def fill(dialog):
        seen["width"] = dialog.name.width()
        seen["fits"] = dialog.name.fontMetrics().horizontalAdvance(long_name)
        dialog.name.setText(long_name)
        dialog.accept()

    answer_next_dialog(fill)
    window._set_operator()
    assert store_db.current_operator() == long_name
    assert seen["width"] >= seen["fits"]  # the whole name is seen while typing it
    store_db.set_operator(None)


def test_the_ledger_details_form_has_room_for_an_organisation(window, qtbot):
    dialog = LedgerInfoDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.minimumWidth() >= 560
    assert OperatorDialog(window).minimumWidth() >= 480
