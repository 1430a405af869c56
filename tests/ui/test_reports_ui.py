"""The Reports page and Ctrl+P printing, driven as a user would."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from desktop_app.records import demo, service
from desktop_app.records.specs import SPECS


def test_reports_page_opens_on_the_sample_year_and_saves_pdf_and_excel(
    window, qtbot, tmp_path, monkeypatch
):
    demo.load_sample_data()
    page = window.show_reports()
    assert page.year.value() == 2023  # latest year with data, not an empty current year
    assert page.sheet is not None and page.sheet.key == "summary"
    first = page.sheet.tables[0]
    assert first.total[-1] == 25  # institutions contacted

    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("talents"))
    assert page.sheet.key == "talents" and page.sheet.row_count == 104

    pdf = tmp_path / "roster.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    page.pdf_button.click()
    assert len(PdfReader(str(pdf)).pages) >= 2

    xlsx = tmp_path / "roster.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    page.xlsx_button.click()
    ws = load_workbook(xlsx).active
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "高灵旺" in values and "李灵芝" in values


def test_unit_ledger_asks_for_a_unit(window):
    page = window.show_reports()
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("unit_ledger"))
    assert page.sheet is None
    assert page.error.text() == "Choose a unit for this sheet."
    assert not page.pdf_button.isEnabled()


def test_print_table_uses_filter_sort_and_visible_columns(window):
    for name, where in (("中北大学", "省内"), ("清华大学", "省外"), ("山西大学", "省内")):
        service.save(SPECS["institution"], {"name": name, "location_class": where})
    page = window.page("institution")
    page.search.setText("大学")
    page.table.horizontalHeader().setSectionHidden(1, True)  # short name
    page.refresh()
    sheet = page.table_sheet()
    labels = [c.label for c in sheet.tables[0].columns]
    assert labels[:2] == ["No.", "Name"] and "Short name" not in labels
    assert [r[1] for r in sheet.tables[0].rows] == ["清华大学", "山西大学", "中北大学"]
    assert "大学" in sheet.period_text


def test_sign_off_lines_are_chosen_per_sheet_on_the_reports_page(window, qtbot):
    from desktop_app.reports import signoff

    demo.load_sample_data()
    page = window.show_reports()
    assert [x[0] for x in page.sheet.signoff][:2] == ["Reporting unit (seal): ", "Prepared by: "]
    page.signoff_checks["reviewer"].setChecked(False)
    assert "Reviewed by: " not in [x[0] for x in page.sheet.signoff]
    assert signoff.chosen_lines("summary") == ("organisation", "preparer", "phone", "date")
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("institution_dossier"))
    assert page.sheet is None or page.sheet.signoff == []  # a dossier: a working sheet
    assert not page.signoff_checks["reviewer"].isChecked()
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("summary"))
    assert not page.signoff_checks["reviewer"].isChecked()  # remembered for the sheet
