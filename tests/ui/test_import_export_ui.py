"""The import wizard and the list page's export, driven through the real widgets."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QFileDialog

from desktop_app.records import service
from desktop_app.records.specs import SPECS
from desktop_app.ui.dialogs.import_wizard import ImportWizard


def messy_institutions(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["阳高县合作院校台账"])
    ws.merge_cells("A1:D1")
    ws.append(["填报单位：县委组织部", None, "填报日期：2023年9月4日"])
    ws.append(["序号", "院校名称", "所在地类别", "首次联系日期"])
    ws.append([1, "中北大学 ", "省内", "2023.1.10"])
    ws.append([2, "清华大学", "省外", "2023年5月10日"])
    ws.append([None, None, None, None])
    ws.append(["合计", "2所", None, None])
    wb.save(path)


def test_wizard_imports_a_messy_sheet(qtbot, ledger, tmp_path):
    path = tmp_path / "台账.xlsx"
    messy_institutions(path)
    wizard = ImportWizard(SPECS["institution"], str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # file → columns
    assert wizard.stack.currentIndex() == 1
    assert wizard.header_spin.value() == 3
    mapped = {
        wizard.columns_table.item(r, 0).text(): wizard.columns_table.cellWidget(r, 1).currentData()
        for r in range(wizard.columns_table.rowCount())
    }
    assert mapped["院校名称"] == "name" and mapped["所在地类别"] == "location_class"
    wizard.next()  # columns → check
    assert wizard.stack.currentIndex() == 2
    assert wizard.verdict.text() == "The import will write 2 new record(s) and update 0."
    assert wizard.summary.text().splitlines() == [
        "2 rows read from the sheet.",
        "1 row(s) left out as no records: 1 total row(s) such as 合计 (row 7).",
    ]
    assert service.total_records() == 0  # nothing written before Import
    wizard.next()  # import
    assert wizard.stack.currentIndex() == 3
    assert wizard.done_label.text() == "Written: 2 new record(s)."
    names = dict(service.choices_for_link("institution"))
    assert sorted(names.values()) == ["中北大学", "清华大学"]
    rec = service.load(SPECS["institution"], next(i for i, n in names.items() if n == "中北大学"))
    assert rec["first_contact"] == dt.date(2023, 1, 10) and rec["location_class"] == "省内"


def test_wizard_blocks_import_while_rows_have_errors(qtbot, ledger, tmp_path):
    path = tmp_path / "bad.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["院校名称", "首次联系日期"])
    ws.append(["中北大学", "2023-02-30"])
    ws.append(["山西大学", "2023-03-01"])
    wb.save(path)
    wizard = ImportWizard(SPECS["institution"], str(path))
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    assert wizard.problems_table.rowCount() == 1
    assert wizard.problems_table.item(0, 0).text() == "2"
    assert not wizard.next_button.isEnabled()
    wizard.valid_only.setChecked(True)
    assert wizard.next_button.isEnabled()
    wizard.next()
    assert [n for _, n in service.choices_for_link("institution")] == ["山西大学"]


def test_export_writes_the_rows_shown(window, tmp_path, monkeypatch):
    for name, where in (("中北大学", "省内"), ("清华大学", "省外")):
        service.save(SPECS["institution"], {"name": name, "location_class": where})
    page = window.page("institution")
    page.search.setText("清华")
    page.refresh()
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export_button.click()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][0] == "Name"
    assert [r[0] for r in rows[1:]] == ["清华大学"]


def test_import_makes_a_verified_backup_first(qtbot, ledger, tmp_path):
    from desktop_app.safety.backup import list_backups

    path = tmp_path / "台账.xlsx"
    messy_institutions(path)
    wizard = ImportWizard(SPECS["institution"], str(path))
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    wizard.next()
    reasons = [b.reason for b in list_backups(ledger)]
    assert reasons == ["pre-import"]
    assert list_backups(ledger)[0].record_counts()["institution"] == 0  # taken before writing


def test_a_problem_list_that_cannot_be_saved_says_so(qtbot, ledger, tmp_path, monkeypatch):
    from .conftest import answer_next_dialog

    path = tmp_path / "bad.xlsx"
    wb = Workbook()
    wb.active.append(["院校名称", "首次联系日期"])
    wb.active.append(["中北大学", "2023-02-30"])
    wb.save(path)
    wizard = ImportWizard(SPECS["institution"], str(path))
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    target = tmp_path / "no such folder" / "problems.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen = []

    def read(box):
        seen.append(box.text())
        box.accept()

    answer_next_dialog(read)
    wizard._save_report()
    assert len(seen) == 1
    assert seen[0].startswith("The problem list could not be saved: ")
    assert str(target) in seen[0]
    assert not target.exists()
