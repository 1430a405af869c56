"""Sample records carry a visible 示例 mark, and removing them says what stays."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.records import demo, service
from desktop_app.records.specs import SPECS
from desktop_app.store import models as m
from desktop_app.ui import ledger_actions
from desktop_app.ui.table_model import SAMPLE_ROLE
from tests.ui.conftest import answer_next_dialog


def test_sample_rows_are_marked_and_the_users_own_are_not(window):
    demo.load_sample_data()
    mine = service.save(SPECS["institution"], {"name": "我自己录入的大学"})
    page = window.page("institution")
    page.refresh()
    model = page.model
    marks = {}
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        marks[index.data()] = (index.data(SAMPLE_ROLE), index.data(Qt.ItemDataRole.DecorationRole))
    assert marks["中北大学"][0] is True and not marks["中北大学"][1].isNull()
    assert marks["我自己录入的大学"] == (False, None)
    assert mine


def test_removing_sample_data_names_what_it_keeps_and_why(window, qtbot):
    demo.load_sample_data()
    nuc = m.Institution.get(m.Institution.name == "中北大学").id
    service.save(
        SPECS["activity"],
        {
            "title": "我的考察",
            "type": "考察调研",
            "date": dt.date(2024, 3, 1),
            "institutions": [nuc],
        },
    )
    said = []

    def note(box):
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    answer_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    answer_next_dialog(note, interval_ms=200)
    assert ledger_actions.remove_sample(window)
    assert said and "records you entered link to them" in said[0] and "中北大学" in said[0]
    # 中北大学 stays, and so does the sample unit it names.
    kept = {(spec.key, title) for spec, title in service.sample_records()}
    assert kept == {("institution", "中北大学"), ("unit", "县发展和改革局")}
