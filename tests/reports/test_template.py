"""A superior's own form filled from the figures (issue 11): placeholders become
numbers or text, and everything else in the workbook stays as it was."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Font, Side
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.reports import template

VALUES = {
    "组织名称": "中共阳高县委组织部",
    "期间": "2023年1月1日至2023年12月31日",
    "本期.院校.合计": 25,
    "累计.院校.合计": 31,
    "累计.院校.省外": 20,
    "本期.活动.参加人数": 1800,
}


def _form(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "统计表"
    ws["A1"] = "2023年度校地合作工作统计表"
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws.merge_cells("A1:D1")
    ws["A2"] = "填报单位：{{组织名称}}　　期间：{{ 期间 }}"
    ws.merge_cells("A2:D2")
    thin = Side(style="thin")
    for col, head in zip("ABCD", ["项目", "本期", "累计", "合计"], strict=True):
        ws[f"{col}3"] = head
        ws[f"{col}3"].border = Border(top=thin, bottom=thin, left=thin, right=thin)
    ws["A4"] = "合作院校（所）"
    ws["B4"] = "{{本期.院校.合计}}"
    ws["C4"] = "{{累计.院校.合计}}"
    ws["D4"] = "=B4+C4"
    ws["B4"].number_format = "0"
    ws["A5"] = "其中省外"
    ws["C5"] = "{{累计.院校.省外}}"
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 11
    ws.row_dimensions[1].height = 30
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "3:3"
    dv = DataValidation(type="list", formula1='"是,否"')
    ws.add_data_validation(dv)
    dv.add("E4")
    other = wb.create_sheet("说明")
    other["A1"] = "本表由县委组织部汇总，不含{{大括号}}以外的内容"
    other["A2"] = 42
    wb.save(path)


def test_placeholders_become_numbers_and_text_and_the_rest_stays(tmp_path):
    form, out = tmp_path / "上级表格.xlsx", tmp_path / "已填.xlsx"
    _form(form)
    values = {**VALUES, "大括号": "{}"}
    filled = template.fill_file(form, out, values)
    assert filled.cells == 5
    assert filled.names[:2] == ("组织名称", "期间")

    ws = load_workbook(out)["统计表"]
    assert ws["B4"].value == 25 and isinstance(ws["B4"].value, int)
    assert ws["C4"].value == 31 and ws["C5"].value == 20
    assert ws["A2"].value == "填报单位：中共阳高县委组织部　　期间：2023年1月1日至2023年12月31日"
    # Kept: formula, merges, fonts, borders, widths, heights, print set-up, validation.
    assert ws["D4"].value == "=B4+C4"
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:D1", "A2:D2"}
    assert ws["A1"].font.name == "宋体" and ws["A1"].font.size == 16 and ws["A1"].font.bold
    assert ws["B3"].border.top.style == "thin"
    assert ws.column_dimensions["A"].width == 24 and ws.row_dimensions[1].height == 30
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$3:$3"
    assert ws["B4"].number_format == "0"
    assert len(ws.data_validations.dataValidation) == 1
    other = load_workbook(out)["说明"]
    assert other["A1"].value == "本表由县委组织部汇总，不含{}以外的内容" and other["A2"].value == 42
    # The form itself is untouched.
    assert load_workbook(form)["统计表"]["B4"].value == "{{本期.院校.合计}}"


def test_an_unknown_name_names_the_cell_and_the_nearest_and_writes_nothing(tmp_path):
    form, out = tmp_path / "form.xlsx", tmp_path / "out.xlsx"
    _form(form)
    wb = load_workbook(form)
    wb["统计表"]["B5"] = "{{本期.院校.省外国}}"
    wb.save(form)
    with pytest.raises(template.TemplateError) as caught:
        template.fill_file(form, out, VALUES)
    message = str(caught.value)
    assert "统计表!B5: unknown name {{本期.院校.省外国}}" in message
    assert "nearest known: " in message and "累计.院校.省外" in message
    assert "{{大括号}}" in message  # every unknown name is listed, not only the first
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a zip at all", "not a workbook"),
        (b"PK\x03\x04" + b"\x00" * 100, "not a workbook"),
    ],
)
def test_a_form_that_is_no_workbook_is_refused_clearly(tmp_path, content, expected):
    form = tmp_path / "form.xlsx"
    form.write_bytes(content)
    with pytest.raises(template.TemplateError, match="form.xlsx: ") as caught:
        template.fill_file(form, tmp_path / "out.xlsx", VALUES)
    assert expected in str(caught.value).lower() or "workbook" in str(caught.value).lower()
    assert not (tmp_path / "out.xlsx").exists()


def test_the_filled_copy_is_never_the_form_itself(tmp_path):
    form = tmp_path / "form.xlsx"
    _form(form)
    with pytest.raises(template.TemplateError, match="another file than the form"):
        template.fill_file(form, form, VALUES)
    with pytest.raises(template.TemplateError, match="must be .xlsx"):
        template.fill_file(form, tmp_path / "out.pdf", VALUES)


def test_full_width_braces_and_the_header_and_footer_are_filled_too(tmp_path):
    form, out = tmp_path / "form.xlsx", tmp_path / "out.xlsx"
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "｛｛本期.院校.合计｝｝"  # typed with a Chinese input method
    ws["A2"] = "填报单位：｛｛组织名称}}"
    ws.oddHeader.center.text = "{{组织名称}}校地合作统计"
    ws.oddFooter.left.text = "期间：{{期间}}"
    wb.save(form)
    filled = template.fill_file(form, out, {**VALUES, "组织名称": "研发&合作办"})
    assert filled.cells == 4
    back = load_workbook(out).active
    assert back["A1"].value == VALUES["本期.院校.合计"]
    assert back["A2"].value == "填报单位：研发&合作办"
    # In a header & starts a code: the name's own ampersand is doubled to print as one.
    assert back.oddHeader.center.text == "研发&&合作办校地合作统计"
    assert back.oddFooter.left.text == f"期间：{VALUES['期间']}"


def test_an_unknown_name_in_the_header_says_where_it_is(tmp_path):
    form, out = tmp_path / "form.xlsx", tmp_path / "out.xlsx"
    wb = Workbook()
    wb.active.oddFooter.right.text = "{{填报人员}}"
    wb.save(form)
    with pytest.raises(template.TemplateError) as caught:
        template.fill_file(form, out, VALUES)
    assert "Sheet!footer (right): unknown name {{填报人员}}" in str(caught.value)
    assert not out.exists()


def test_formatted_words_keep_their_formatting_and_their_placeholders_fill(tmp_path):
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    form, out = tmp_path / "form.xlsx", tmp_path / "out.xlsx"
    wb = Workbook()
    red = InlineFont(b=True, color="FFFF0000", sz=20)
    wb.active["A1"] = CellRichText(["注：", TextBlock(red, "红色加粗"), "普通"])
    wb.active["A2"] = CellRichText(["单位：", TextBlock(red, "{{组织名称}}")])
    wb.save(form)
    template.fill_file(form, out, {**VALUES, "组织名称": "中共阳高县委组织部"})
    back = load_workbook(out, rich_text=True).active
    assert isinstance(back["A1"].value, CellRichText)
    bold = [r for r in back["A1"].value if isinstance(r, TextBlock)]
    assert bold[0].text == "红色加粗" and bold[0].font.b
    filled = [r for r in back["A2"].value if isinstance(r, TextBlock)]
    assert filled[0].text == "中共阳高县委组织部" and filled[0].font.b


def test_a_figure_inside_the_forms_own_formula_keeps_it_a_formula(tmp_path):
    form, out = tmp_path / "form.xlsx", tmp_path / "out.xlsx"
    wb = Workbook()
    wb.active["B4"] = 2
    wb.active["C4"] = "=B4+{{本期.院校.合计}}"
    wb.active["C5"] = "={{组织名称}}"  # text in a formula: kept as text, never run
    wb.save(form)
    template.fill_file(form, out, {**VALUES, "组织名称": "=1+2"})
    back = load_workbook(out).active
    assert back["C4"].value == f"=B4+{VALUES['本期.院校.合计']}"
    assert back["C4"].data_type == "f"
    assert back["C5"].data_type != "f"
