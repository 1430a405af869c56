"""The import wizard says what it will write and why not, names what it adds, and
lets the user pick a header row and an action for all duplicates: driven through
the real dialog on real .xlsx files and a real ledger file."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHeaderView

from desktop_app.records import service
from desktop_app.records.specs import SPECS
from desktop_app.store import categories
from desktop_app.ui.dialogs.import_wizard import ImportWizard


def workbook(path, rows):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def open_wizard(qtbot, key, path):
    wizard = ImportWizard(SPECS[key], str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def to_check_step(qtbot, key, path):
    wizard = open_wizard(qtbot, key, path)
    wizard.next()  # file → columns
    wizard.next()  # columns → check
    assert wizard.stack.currentIndex() == 2
    return wizard


def shown(widget) -> bool:
    return not widget.isHidden()


def duplicate_actions(wizard) -> list[str]:
    return [
        wizard.dup_table.cellWidget(r, 2).currentText() for r in range(wizard.dup_table.rowCount())
    ]


def test_the_sheet_is_called_a_worksheet(qtbot, ledger, tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["院校名称"], ["中北大学"]])
    wizard = open_wizard(qtbot, "institution", path)
    form = wizard.stack.widget(0).layout()
    assert isinstance(form, QFormLayout)
    assert form.labelForField(wizard.sheet_combo).text() == "Worksheet"
    assert wizard.sheet_combo.currentText() == "Sheet"  # openpyxl's name for the sheet


def test_all_duplicates_skipped_says_why_nothing_is_written(qtbot, make, tmp_path):
    make("institution", name="中北大学", city="太原")
    make("institution", name="清华大学")
    path = workbook(
        tmp_path / "a.xlsx",
        [["院校名称", "城市"], ["中北大学", "太原市"], ["清华大学", "北京"]],
    )
    wizard = to_check_step(qtbot, "institution", path)
    assert wizard.verdict.text() == (
        "Nothing to import: all 2 rows are duplicates set to Skip. To write some of them, "
        "choose another action in the list of duplicates below."
    )
    assert not wizard.next_button.isEnabled()
    assert "ready" not in wizard.summary.text()
    assert not shown(wizard.problems_box)  # no empty problem table taking the page
    assert shown(wizard.dup_box) and wizard.dup_table.rowCount() == 2
    # A second 中北大学 would break the unique name: no "Import anyway" for all.
    offered = [b.text() for b in wizard.dup_all_buttons.values() if shown(b)]
    assert offered == ["Skip", "Update"]

    wizard.dup_all_buttons["update"].click()
    assert duplicate_actions(wizard) == ["Update", "Update"]
    assert wizard.verdict.text() == "The import will write 0 new record(s) and update 2."
    assert wizard.next_button.isEnabled()
    wizard.dup_all_buttons["skip"].click()
    assert duplicate_actions(wizard) == ["Skip", "Skip"]
    assert not wizard.next_button.isEnabled()
    wizard.dup_all_buttons["update"].click()
    wizard.next()
    assert wizard.stack.currentIndex() == 3
    assert wizard.done_label.text() == "Written: 2 record(s) updated."
    names = {n: i for i, n in service.choices_for_link("institution")}
    assert service.load(SPECS["institution"], names["清华大学"])["city"] == "北京"


def test_duplicates_within_the_file_offer_no_choice_for_all(qtbot, ledger, tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["院校名称"], ["中北大学"], ["中北大学"]])
    wizard = to_check_step(qtbot, "institution", path)
    assert wizard.verdict.text() == "The import will write 1 new record(s) and update 0."
    assert "1 duplicate row(s) set to Skip will not be written." in wizard.summary.text()
    assert duplicate_actions(wizard) == ["Skip"]
    assert not shown(wizard.dup_all_label)
    assert not any(shown(b) for b in wizard.dup_all_buttons.values())


def test_rows_with_problems_block_the_import_and_say_so(qtbot, ledger, tmp_path):
    path = workbook(
        tmp_path / "a.xlsx",
        [["院校名称", "首次联系日期"], ["中北大学", "2023-02-30"], ["山西大学", "2023-03-01"]],
    )
    wizard = to_check_step(qtbot, "institution", path)
    assert wizard.verdict.text() == (
        "Nothing can be imported yet: 1 row(s) have problems (listed below). Correct them in "
        "the file and read it again, or tick “Import the valid rows only”."
    )
    assert not wizard.next_button.isEnabled()
    wizard.valid_only.setChecked(True)
    assert wizard.verdict.text() == "The import will write 1 new record(s) and update 0."
    assert "1 row(s) with problems will be left out." in wizard.summary.text()
    assert wizard.next_button.isEnabled()


def test_when_every_row_has_problems_ticking_valid_only_does_not_help(qtbot, ledger, tmp_path):
    path = workbook(
        tmp_path / "a.xlsx",
        [["院校名称", "首次联系日期"], ["中北大学", "2023-02-30"], ["山西大学", "去年"]],
    )
    wizard = to_check_step(qtbot, "institution", path)
    expected = (
        "Nothing to import: all 2 rows have problems (listed below). "
        "Correct them in the file and read it again."
    )
    assert wizard.verdict.text() == expected
    wizard.valid_only.setChecked(True)
    assert wizard.verdict.text() == expected
    assert not wizard.next_button.isEnabled()
    assert not shown(wizard.dup_box)


def test_rows_left_out_are_counted_by_what_they_are(qtbot, ledger, tmp_path):
    path = workbook(
        tmp_path / "a.xlsx",
        [
            ["阳高县合作院校台账"],
            ["序号", "院校名称", "所在地类别"],
            [1, "中北大学", "省内"],
            [None, None, None],  # wholly blank: not a row of the sheet at all
            [2, "清华大学", "省外"],
            [3, None, None],  # a 序号 and nothing else
            ["合计", "2所", None],
            ["制表人：王某"],
        ],
    )
    wizard = to_check_step(qtbot, "institution", path)
    assert wizard.summary.text().splitlines() == [
        "2 rows read from the sheet.",
        "3 row(s) left out as no records: 1 row(s) with nothing in the imported columns "
        "(row 6); 1 total row(s) such as 合计 (row 7); 1 note row(s) such as 制表人 or 注： "
        "(row 8).",
    ]


def activities(path):
    return workbook(
        path,
        [
            ["日期", "活动类型", "活动名称", "合作院校", "责任单位"],
            ["2023-05-16", "云端招聘会", "线上招聘", "中北大学", "县委组织部"],
            ["2023-06-01", "论坛", "乡村振兴论坛", "太原理工大学、中北大学", "县人社局"],
            ["2023-06-02", "产业对接会", "黄花对接", "山西农业大学", "县委组织部"],
        ],
    )


def test_check_and_done_steps_name_what_the_import_adds(qtbot, make, tmp_path):
    make("institution", name="中北大学")
    make("unit", name="县委组织部")
    wizard = to_check_step(qtbot, "activity", activities(tmp_path / "活动.xlsx"))
    assert wizard.create_missing.isEnabled()
    assert wizard.additions.text().splitlines() == [
        "Institution records not in the ledger (2): 太原理工大学, 山西农业大学. "
        "Tick the box below to create them.",
        "Unit records not in the ledger (1): 县人社局. Tick the box below to create them.",
        "New words for the list “Activity types” (1): 云端招聘会",  # rows 3, 4 wait for the box
    ]
    assert not wizard.next_button.isEnabled()
    wizard.create_missing.setChecked(True)
    assert wizard.verdict.text() == "The import will write 3 new record(s) and update 0."
    assert wizard.additions.text().splitlines() == [
        "New Institution records to be created (2): 太原理工大学, 山西农业大学",
        "New Unit records to be created (1): 县人社局",
        "New words for the list “Activity types” (2): 云端招聘会, 产业对接会",
    ]
    assert not shown(wizard.problems_box)
    wizard.next()
    assert wizard.stack.currentIndex() == 3
    assert wizard.done_label.text() == "Written: 3 new record(s)."
    assert wizard.done_added.text().splitlines() == [
        "Created Institution records (2): 太原理工大学, 山西农业大学",
        "Created Unit records (1): 县人社局",
        "Added to the list “Activity types” (2): 云端招聘会, 产业对接会",
    ]
    assert [n for _i, n in service.choices_for_link("unit")] == ["县人社局", "县委组织部"]
    assert {"云端招聘会", "产业对接会"} <= set(categories.words("activity_type"))


def test_names_of_rows_left_out_are_not_promised(qtbot, make, tmp_path):
    """With only the valid rows imported, the lists name only what those rows add."""
    make("institution", name="中北大学")
    make("unit", name="县委组织部")
    path = workbook(
        tmp_path / "a.xlsx",
        [
            ["日期", "活动类型", "活动名称", "合作院校", "参加人数"],
            ["2023-05-16", "云端招聘会", "线上招聘", "太原理工大学", 30],
            ["2023-06-01", "产业对接会", "黄花对接", "山西农业大学", "三十左右"],
        ],
    )
    wizard = to_check_step(qtbot, "activity", path)
    wizard.create_missing.setChecked(True)
    wizard.valid_only.setChecked(True)
    assert wizard.additions.text().splitlines() == [
        "New Institution records to be created (1): 太原理工大学",
        "New words for the list “Activity types” (1): 云端招聘会",
    ]
    wizard.next()
    assert wizard.done_label.text().splitlines() == [
        "Written: 1 new record(s).",
        "1 row(s) left out: 1 row(s) with problems.",
    ]
    assert wizard.done_added.text().splitlines() == [
        "Created Institution records (1): 太原理工大学",
        "Added to the list “Activity types” (1): 云端招聘会",
    ]


def test_nothing_missing_leaves_the_create_box_off_and_no_list(qtbot, ledger, tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["院校名称", "所在地类别"], ["中北大学", "省内"]])
    wizard = to_check_step(qtbot, "institution", path)
    assert not wizard.create_missing.isEnabled()
    assert not shown(wizard.additions)


def test_no_header_row_says_why_and_lets_the_user_pick_it(qtbot, ledger, tmp_path):
    path = workbook(
        tmp_path / "a.xlsx",
        [["2023年对接名单"], ["学校", "地方"], ["中北大学", "太原"], ["大同大学", "大同"]],
    )
    wizard = open_wizard(qtbot, "institution", path)
    wizard.next()
    assert wizard.stack.currentIndex() == 1
    note = wizard.columns_note.text()
    assert shown(wizard.columns_note)
    assert note.startswith("No header row found")
    assert "Choose the row that names the columns" in note
    assert not shown(wizard.columns_table)
    assert not wizard.next_button.isEnabled()
    preview = wizard.preview_table
    assert shown(preview)
    assert [preview.verticalHeaderItem(r).text() for r in range(preview.rowCount())] == [
        "1",
        "2",
        "3",
        "4",
    ]
    assert [preview.item(1, c).text() for c in range(2)] == ["学校", "地方"]

    rect = preview.visualRect(preview.model().index(1, 0))
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wizard.header_spin.value() == 2
    wizard.reread_button.click()
    assert shown(wizard.columns_table)
    assert [wizard.columns_table.item(r, 0).text() for r in range(2)] == ["学校", "地方"]
    assert wizard.columns_note.text() == (
        "No column goes into Name, which is required: choose one under “Goes into”, "
        "or choose another header row."
    )
    assert not wizard.next_button.isEnabled()

    combo = wizard.columns_table.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData("name"))
    assert not shown(wizard.columns_note)
    assert wizard.next_button.isEnabled()
    wizard.next()
    assert wizard.stack.currentIndex() == 2
    assert wizard.verdict.text() == "The import will write 2 new record(s) and update 0."


def test_problem_texts_are_whole(qtbot, ledger, tmp_path):
    long_value = "三十人左右（含线上参会的专家、学生代表和各乡镇分管负责同志，具体以签到表为准）"
    path = workbook(
        tmp_path / "a.xlsx",
        [["日期", "活动类型", "活动名称", "参加人数"], ["2023-05-16", "论坛", "论坛", long_value]],
    )
    wizard = to_check_step(qtbot, "activity", path)
    table = wizard.problems_table
    assert table.rowCount() == 1
    reason = "Participants: cannot read this as a number."
    assert [table.item(0, c).text() for c in range(4)] == ["2", "参加人数", long_value, reason]
    assert table.item(0, 2).toolTip() == long_value
    assert table.item(0, 3).toolTip() == reason
    header = table.horizontalHeader()
    assert header.sectionResizeMode(3) == QHeaderView.ResizeMode.Stretch
    assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
    qtbot.waitUntil(lambda: table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing())
    assert not shown(wizard.dup_box)


def test_formulas_never_calculated_are_mentioned(qtbot, ledger, tmp_path):
    path = workbook(tmp_path / "made.xlsx", [["院校名称", "备注"], ["中北大学", "=A2"]])
    wizard = to_check_step(qtbot, "institution", path)
    assert wizard.summary.text().splitlines()[:2] == [
        "1 rows read from the sheet.",
        "1 cell(s) hold formulas that were never calculated (the file was last saved by "
        "another program), so they read as empty. Open the file in Excel or WPS, save it, "
        "and read it again.",
    ]


# ---------------------------------------------------------------- what a user review found


def test_an_id_number_stored_as_a_number_shows_its_digits(qtbot, ledger, tmp_path):
    path = workbook(
        tmp_path / "人才.xlsx",
        [["姓名", "身份证号"], ["李灵芝", 1.401021980010112e17]],  # typed into a number cell
    )
    wizard = to_check_step(qtbot, "talent", path)
    table = wizard.problems_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["2", "身份证号", "140102198001011200"]
    assert table.item(0, 2).toolTip() == "140102198001011200"
    assert "e+17" not in table.item(0, 3).text()


def test_the_done_page_names_only_counts_that_are_not_zero(qtbot, make, tmp_path):
    make("institution", name="中北大学")
    make("institution", name="清华大学")
    path = workbook(
        tmp_path / "a.xlsx",
        [
            ["院校名称", "首次联系日期"],
            ["中北大学", "2023-03-01"],  # in the ledger: Skip
            ["清华大学", "2023-03-02"],  # in the ledger: Update
            ["山西大学", "2023-02-30"],  # a problem
            ["大同大学", "2023-03-03"],
        ],
    )
    wizard = to_check_step(qtbot, "institution", path)
    wizard.dup_table.cellWidget(1, 2).setCurrentIndex(1)  # 清华大学: Update
    assert duplicate_actions(wizard) == ["Skip", "Update"]
    wizard.valid_only.setChecked(True)
    wizard.next()
    assert wizard.stack.currentIndex() == 3
    assert wizard.done_label.text().splitlines() == [
        "Written: 1 new record(s), 1 record(s) updated.",
        "2 row(s) left out: 1 duplicate row(s) set to Skip, 1 row(s) with problems.",
    ]


def test_a_done_page_with_nothing_left_out_says_only_what_was_written(qtbot, ledger, tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["院校名称"], ["中北大学"], ["山西大学"]])
    wizard = to_check_step(qtbot, "institution", path)
    wizard.next()
    assert wizard.done_label.text() == "Written: 2 new record(s)."


def hidden_sheets_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "院校"
    ws.append(["院校名称"])
    ws.append(["中北大学"])
    old = wb.create_sheet("旧表")
    old.append(["院校名称"])
    old.append(["山西大学"])
    old.append(["大同大学"])
    old.sheet_state = "hidden"
    spare = wb.create_sheet("备用")
    spare.append(["院校名称"])
    spare.sheet_state = "veryHidden"
    wb.create_sheet("说明")
    wb.save(path)
    return path


@pytest.fixture(params=["told", "read"])
def hidden_sheets(request, monkeypatch):
    """Sources that name their hidden sheets: told so here, or (once the reader
    has it) as the reader finds them in the file."""
    from desktop_app.exchange import reader

    if request.param == "told":
        hidden = {"旧表", "备用"}
        monkeypatch.setattr(reader.Source, "hidden_sheets", hidden, raising=False)
    elif not hasattr(reader.Source, "hidden_sheets"):
        pytest.skip("the reader does not name hidden sheets yet (Source.hidden_sheets)")


def test_hidden_sheets_are_marked_and_read_by_their_names(qtbot, ledger, tmp_path, hidden_sheets):
    path = hidden_sheets_workbook(tmp_path / "a.xlsx")
    wizard = open_wizard(qtbot, "institution", path)
    combo = wizard.sheet_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "院校",
        "旧表 (hidden)",
        "备用 (hidden)",
        "说明",
    ]
    assert [combo.itemData(i) for i in range(combo.count())] == ["院校", "旧表", "备用", "说明"]
    assert combo.currentText() == "院校"  # the sheet Excel opens on
    combo.setCurrentIndex(1)
    wizard.next()  # file → columns
    wizard.next()  # columns → check
    assert wizard.plan.sheet == "旧表"
    assert wizard.verdict.text() == "The import will write 2 new record(s) and update 0."
    wizard.next()
    assert sorted(n for _i, n in service.choices_for_link("institution")) == [
        "大同大学",
        "山西大学",
    ]
