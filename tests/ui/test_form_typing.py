"""Forms never lose typing (issue 12): the first field has the focus, Tab goes
field to field, Ctrl+S saves, Esc on a changed form asks 保存 / 放弃 / 取消."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app.records import service
from desktop_app.records.specs import INSTITUTION_SPEC, TALENT_SPEC
from desktop_app.ui.record_form import RecordDialog
from tests.ui.conftest import answer_next_dialog


def _open(qtbot, spec, rid=None) -> RecordDialog:
    dialog = RecordDialog(spec, rid)
    # Closed at the end without the question a changed form asks.
    qtbot.addWidget(dialog, before_close_func=lambda d: d.discard())
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)  # the form's shortcuts work in the active window
    return dialog


def test_typing_starts_in_the_first_field_and_ctrl_s_saves(qtbot, ledger):
    dialog = _open(qtbot, INSTITUTION_SPEC)
    name = dialog.editors["name"]
    focused = dialog.focusWidget()  # the widget that has the focus within the form
    assert focused is name or name.isAncestorOf(focused)
    focused.insert("中北大学")  # as an input method commits it (QTest types ASCII only)
    save = next(a for a in dialog.actions() if a.shortcut().toString() == "Ctrl+S")
    save.trigger()  # what Ctrl+S does (offscreen, key events do not reach shortcuts)
    assert dialog.saved
    assert service.names_of("institution", [dialog.record_id]) == {dialog.record_id: "中北大学"}


def test_tab_skips_the_calendar_buttons(qtbot, ledger):
    dialog = _open(qtbot, TALENT_SPEC)
    start = dialog.editors["start_date"]
    assert start.calendar_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert start.edit.placeholderText() == "yyyy-mm-dd"  # empty looks empty
    assert start.edit.text() == ""


def _answer(qtbot, dialog, button_text: str) -> list[str]:
    asked = []

    def press(box):
        asked.append(box.text())
        chosen = next(b for b in box.buttons() if b.text() == button_text)
        chosen.click()

    answer_next_dialog(press)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    return asked


def test_esc_on_a_changed_form_asks_and_cancel_keeps_the_typing(qtbot, ledger):
    dialog = _open(qtbot, INSTITUTION_SPEC)
    dialog.editors["name"].setText("中北大学")
    asked = _answer(qtbot, dialog, "Cancel")
    assert asked == ["Save the changes to this record?"]
    assert dialog.isVisible() and dialog.editors["name"].text() == "中北大学"
    assert service.total_records() == 0


def test_discard_closes_without_saving_and_save_saves(qtbot, ledger):
    dialog = _open(qtbot, INSTITUTION_SPEC)
    dialog.editors["name"].setText("中北大学")
    _answer(qtbot, dialog, "Discard")
    assert not dialog.isVisible() and service.total_records() == 0

    again = _open(qtbot, INSTITUTION_SPEC)
    again.editors["name"].setText("山西大学")
    _answer(qtbot, again, "Save")
    assert not again.isVisible() and again.saved
    assert service.total_records() == 1
    # Saved from the question: the form ends as accepted, so the list that opened
    # it refreshes, selects the new row and confirms it (it treated it as cancelled).
    assert again.result() == QDialog.DialogCode.Accepted


def test_an_unchanged_form_closes_without_a_question(qtbot, ledger):
    rid = service.save(INSTITUTION_SPEC, {"name": "中北大学"})
    dialog = _open(qtbot, INSTITUTION_SPEC, rid)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), QMessageBox
    )
