"""Reports > Fill a superior's form…, driven as a user would (issue 11)."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from desktop_app.records import demo
from desktop_app.reports import sheets as S
from desktop_app.ui.dialogs.template_dialog import TemplateDialog
from tests.reports.test_form_paper import superior_form


def test_pick_a_form_see_it_filled_and_save_it(window, qtbot, tmp_path, monkeypatch):
    demo.load_sample_data()
    form = tmp_path / "上级表格.xlsx"
    superior_form(form)
    dialog = TemplateDialog(S.year_period(2023), None, window)
    qtbot.addWidget(dialog)
    assert not dialog.save_xlsx.isEnabled()  # nothing chosen yet
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(form), ""))
    dialog.browse.click()
    assert dialog.save_xlsx.isEnabled() and dialog.print_button.isEnabled()
    assert dialog.status.text() == (
        "15 placeholders filled. 1 formula cells cannot be worked out here and print empty: "
        "附表1!E10. Excel or WPS work them out when the saved workbook is opened."
    )
    cells = {
        dialog.table.item(r, 1).text(): dialog.table.item(r, 2).text()
        for r in range(dialog.table.rowCount())
    }
    assert cells["本期.院校.合计"] == "25" and cells["组织名称"] == "中共阳高县委组织部"

    out = tmp_path / "已填.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.save_xlsx.click()
    assert load_workbook(out)["附表1"]["D4"].value == 25
    pdf = tmp_path / "已填.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    dialog.save_pdf.click()
    assert pdf.stat().st_size > 0

    again = TemplateDialog(S.year_period(2023), None, window)  # the form is remembered
    qtbot.addWidget(again)
    assert again.forms.itemData(0) == str(form) and again.save_xlsx.isEnabled()


def test_a_form_naming_an_unknown_figure_says_which_and_saves_nothing(
    window, qtbot, tmp_path, monkeypatch
):
    form = tmp_path / "form.xlsx"
    superior_form(form)
    wb = load_workbook(form)
    wb["附表1"]["F4"] = "{{累计.院校.省外国}}"
    wb.save(form)
    dialog = TemplateDialog(S.year_period(2023), None, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(form), ""))
    dialog.browse.click()
    assert dialog.status.text().startswith("1 placeholders name no figure")
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "附表1!F4"
    assert "累计.院校.省外" in dialog.table.item(0, 2).text()
    assert not dialog.save_xlsx.isEnabled() and not dialog.save_pdf.isEnabled()


def test_a_macro_form_is_saved_as_a_macro_workbook(window, qtbot, tmp_path, monkeypatch):
    form = tmp_path / "上级表格.xlsm"
    superior_form(tmp_path / "plain.xlsx")
    (tmp_path / "plain.xlsx").rename(form)
    dialog = TemplateDialog(S.year_period(2023), None, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(form), ""))
    dialog.browse.click()
    asked = {}

    def save_name(parent, caption, start, filters):
        asked.update(start=start, filters=filters)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    dialog.save_xlsx.click()
    assert asked["start"].endswith("（已填）.xlsm") and "*.xlsm" in asked["filters"]


def test_a_form_with_nothing_printable_says_so(window, qtbot, tmp_path, monkeypatch):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart

    form = tmp_path / "only-a-chart.xlsx"
    wb = Workbook()
    wb.active["A1"] = "{{组织名称}}"
    wb.active.sheet_state = "hidden"  # the data behind the chart
    wb.create_chartsheet("图表").add_chart(BarChart())
    wb.active = 1
    wb.save(form)
    dialog = TemplateDialog(S.year_period(2023), None, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(form), ""))
    dialog.browse.click()
    assert "no visible worksheet to print" in dialog.status.text()
    assert not dialog.save_pdf.isEnabled()
