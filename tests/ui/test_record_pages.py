"""The list pages and record dialogs, driven as a user drives them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.records import service
from desktop_app.records.specs import SPECS
from desktop_app.ui.record_form import RecordDialog
from desktop_app.ui.table_model import RecordTableModel
from tests.ui.conftest import answer_next_dialog


def _fill(dialog: RecordDialog, **values) -> None:
    for name, value in values.items():
        editor = dialog.editors[name]
        if name == "institutions":
            for text in value:
                editor.input.setText(text)
                editor.input.returnPressed.emit()
        elif hasattr(editor, "setCurrentText") and not hasattr(editor, "setText"):
            editor.setCurrentText(value)
        else:
            editor.set_value(value)


def _save(dialog: RecordDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _table_texts(page, column: int = 0) -> list[str]:
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_create_edit_delete_institution(window, qtbot):
    page = window.page("institution")

    def fill_new(dialog):
        _fill(dialog, name="中北大学", short_name="中北", location_class="省内")
        _save(dialog)

    answer_next_dialog(fill_new)
    page.new_button.click()
    assert _table_texts(page) == ["中北大学"]
    assert page.count_label.text().startswith("1")
    assert window.notice.plain == "Saved Institution 中北大学 · Undo"

    page.table.selectRow(0)
    page.table.setCurrentIndex(page.model.index(0, 0))

    def rename(dialog):
        assert dialog.editors["name"].value() == "中北大学"
        _fill(dialog, name="中北大学（太原）")
        _save(dialog)

    answer_next_dialog(rename)
    page.edit_button.click()
    assert _table_texts(page) == ["中北大学（太原）"]
    columns = [f.name for f in page.model.columns]
    assert page.model.index(0, columns.index("location_class")).data() == "省内"

    page.table.selectRow(0)
    answer_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.delete_button.click()
    assert _table_texts(page) == []
    assert page.count_label.text().startswith("0")
    assert window.notice.plain == ("Deleted Institution 中北大学（太原） to the recycle bin · Undo")
    # 撤销 in the status bar takes the delete back and says what it undid.
    window.notice.linkActivated.emit("undo")
    assert _table_texts(window.page("institution")) == ["中北大学（太原）"]
    assert window.notice.plain == "Undone: deleting Institution 中北大学（太原）"
    log = window.open_page("change_log")
    actions = [log.table.item(r, 2).text() for r in range(log.table.rowCount())]
    assert "undone" in actions


def test_missing_name_shows_message_at_field_and_saves_nothing(window, qtbot):
    page = window.page("institution")
    seen = {}

    def try_empty(dialog):
        _fill(dialog, short_name="无名")
        _save(dialog)
        label = dialog.error_labels["name"]
        seen["visible"] = label.isVisible()
        seen["text"] = label.text()
        seen["open"] = dialog.isVisible()
        dialog.discard()  # what was typed is dropped, as the user chose

    answer_next_dialog(try_empty)
    page.new_button.click()
    assert seen["open"] is True
    assert seen["visible"] is True
    assert "Name" in seen["text"] and "required" in seen["text"]
    assert service.total_records() == 0


def test_activity_with_two_institutions_in_table_and_both_dossiers(window, qtbot):
    spec = SPECS["institution"]
    a = service.save(spec, {"name": "中北大学"})
    b = service.save(spec, {"name": "中国航天科工集团第三研究院", "short_name": "航天三院"})
    page = window.page("activity")

    def fill(dialog):
        _fill(dialog, title="高速飞车试验线对接座谈", type="座谈会", date="2023-05-10")
        _fill(dialog, institutions=["中北大学", "中国航天科工集团第三研究院"])
        _save(dialog)

    answer_next_dialog(fill)
    page.new_button.click()
    assert page.model.total == 1
    columns = [f.name for f in page.model.columns]
    assert (
        page.model.index(0, columns.index("institutions")).data()
        == "中北大学、中国航天科工集团第三研究院"
    )

    page.search.setText("航天三院")  # found through the linked institution's short name
    page.refresh()
    assert _table_texts(page, columns.index("title")) == ["高速飞车试验线对接座谈"]
    page.search.setText("清华")
    page.refresh()
    assert page.model.total == 0

    for rid in (a, b):
        dialog = RecordDialog(spec, rid)
        qtbot.addWidget(dialog)
        table = dialog.dossier_view.tables["activity"]
        titles = [
            table.model().index(r, columns.index("title")).data()
            for r in range(table.model().rowCount())
        ]
        assert titles == ["高速飞车试验线对接座谈"]


def test_delete_refused_for_institution_with_agreement(window, qtbot):
    inst = service.save(SPECS["institution"], {"name": "山西财经大学"})
    service.save(
        SPECS["agreement"],
        {
            "title": "全方位战略合作协议（山西财经大学）",
            "type": "全方位战略合作协议",
            "institutions": [inst],
        },
    )
    page = window.page("institution")
    page.table.selectRow(0)
    messages = []

    def confirm(box):
        answer_next_dialog(refusal)
        box.button(QMessageBox.StandardButton.Yes).click()

    def refusal(box):
        messages.append(box.text())
        box.accept()

    answer_next_dialog(confirm)
    page.delete_button.click()
    qtbot.waitUntil(lambda: bool(messages))
    assert "山西财经大学" in messages[0]
    assert "全方位战略合作协议（山西财经大学）" in messages[0]
    assert _table_texts(page) == ["山西财经大学"]


def test_search_finds_two_character_chinese_word(window, qtbot):
    for name in ("中北大学", "山西大同大学", "北京航空航天大学"):
        service.save(SPECS["institution"], {"name": name})
    page = window.page("institution")
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page.search.setText("中北")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    assert _table_texts(page) == ["中北大学"]


def test_names_sort_by_pinyin(window):
    for name in ("中北大学", "北京航空航天大学", "安徽农业大学"):
        service.save(SPECS["institution"], {"name": name})
    page = window.page("institution")
    page.model.sort(0, Qt.SortOrder.AscendingOrder)
    assert _table_texts(page) == ["安徽农业大学", "北京航空航天大学", "中北大学"]


def test_table_model_passes_qt_model_checks(qtmodeltester, ledger):
    for i in range(450):
        service.save(SPECS["unit"], {"name": f"单位{i:03d}"})
    model = RecordTableModel(SPECS["unit"])
    model.reload()
    assert model.rowCount() == 200 and model.total == 450
    qtmodeltester.check(model)
    model.fetch_all()
    assert model.rowCount() == 450


def test_dates_typed_the_usual_ways_and_bad_ones_refused(window, qtbot):
    dialog = RecordDialog(SPECS["activity"])
    qtbot.addWidget(dialog)
    date = dialog.editors["date"]
    for typed in ("2023.6.1", "2023/6/1", "2023年6月1日", "20230601", "2023-06-01"):
        date.edit.setText(typed)
        date.edit.editingFinished.emit()
        assert date.edit.text() == "2023-06-01"
    date.edit.setText("2023-13-01")
    _fill(dialog, title="座谈", type="座谈会")
    assert dialog.check_and_save() is False
    assert dialog.error_labels["date"].text() == "Date must be a date like 2023-09-04."
    assert service.total_records() == 0


def test_short_name_picks_the_institution(window, qtbot):
    service.save(SPECS["institution"], {"name": "北京航空航天大学", "short_name": "北航"})
    dialog = RecordDialog(SPECS["activity"])
    qtbot.addWidget(dialog)
    _fill(
        dialog,
        title="党政正职访名校",
        type="党政正职访名校",
        date="2023-06-09",
        institutions=["北航"],
    )
    assert dialog.check_and_save() is True
    assert service.load(SPECS["activity"], dialog.record_id)["institutions"] == [1]


def test_end_before_start_names_both_fields(window, qtbot):
    dialog = RecordDialog(SPECS["agreement"])
    qtbot.addWidget(dialog)
    _fill(dialog, title="协议", type="项目合作协议", term_start="2024-01-01", term_end="2023-01-01")
    assert dialog.check_and_save() is False
    assert dialog.error_labels["term_end"].text() == "Term end is earlier than Term start."


def test_the_year_filter_finds_records_with_no_date(window):
    import datetime as dt

    service.save(SPECS["institution"], {"name": "中北大学", "first_contact": dt.date(2023, 3, 1)})
    service.save(SPECS["institution"], {"name": "安徽大学"})  # no first-contact date
    page = window.page("institution")
    combo = page.year_filter
    assert combo.itemText(1) == "Date not filled in"
    combo.setCurrentIndex(1)
    assert _table_texts(page) == ["安徽大学"]
    combo.setCurrentIndex(combo.findData("2023"))
    assert _table_texts(page) == ["中北大学"]
    assert window.page("assessment").year_filter.findData("undated") == -1  # a year, not a date


def test_phone_email_and_id_number_are_checked_with_the_message_at_the_field(window, qtbot):
    dialog = RecordDialog(SPECS["talent"])
    qtbot.addWidget(dialog, before_close_func=lambda d: d.discard())
    _fill(dialog, name="李灵芝", id_number="110101199003077759", phone="1380000021")
    assert dialog.check_and_save() is False
    assert dialog.error_labels["id_number"].text() == (
        "ID number: the last character should be 8 for the first 17 (check the number)."
    )
    assert dialog.error_labels["phone"].text().startswith("Phone: 1380000021 is not a phone")
    assert service.total_records() == 0
    _fill(dialog, id_number="110101199003077758", phone="１３８ ００００ ０２１６")
    assert dialog.check_and_save() is True
    saved = service.load(SPECS["talent"], dialog.record_id)
    assert (saved["id_number"], saved["phone"]) == ("110101199003077758", "13800000216")


def test_linked_records_are_tokens_found_by_name_or_short_name_once(window, qtbot):
    beihang = service.save(SPECS["institution"], {"name": "北京航空航天大学", "short_name": "北航"})
    nuc = service.save(SPECS["institution"], {"name": "中北大学", "short_name": "中北"})
    dialog = RecordDialog(SPECS["activity"])
    qtbot.addWidget(dialog, before_close_func=lambda d: d.discard())
    picker = dialog.editors["institutions"].picker
    # Each record once in the suggestions, with its short name beside it.
    suggestions = picker.input.completer().model().stringList()
    assert suggestions == ["北京航空航天大学（北航）", "中北大学（中北）"]
    picker.input.setText("北航")
    picker.input.returnPressed.emit()
    picker.input.setText("中北大学（中北）")
    picker.input.returnPressed.emit()
    assert picker.token_texts() == ["北京航空航天大学", "中北大学"]
    assert picker.input.text() == ""
    token = next(t for t in picker.tokens() if t.property("record_id") == beihang)
    token.click()  # its ✕
    assert picker.ids() == [nuc]
    qtbot.keyClick(picker.input, Qt.Key.Key_Backspace)  # in the empty box: the last token goes
    assert picker.ids() == []


def test_an_empty_list_says_what_to_do_next(window, qtbot):
    page = window.page("institution")
    page.refresh()
    assert page.table.empty_text.startswith("No records yet. Click New")
    assert not page.table.grab().isNull()  # painted with its hint
    service.save(SPECS["institution"], {"name": "中北大学"})
    page.search.setText("清华")
    page.refresh()
    assert page.model.rowCount() == 0
    assert page.table.empty_text == "No record matches these filters."
