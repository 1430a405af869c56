"""A form saved over a save made meanwhile on another PC: merge, keep theirs, keep mine."""

from __future__ import annotations

import pytest

from desktop_app.records import service
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.store import models as m
from desktop_app.ui.dialogs.conflict_dialog import ConflictDialog
from desktop_app.ui.record_form import RecordDialog
from tests import rawdb
from tests.ui.conftest import answer_next_dialog


def _open(qtbot, rid):
    dialog = RecordDialog(INSTITUTION_SPEC, rid)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.discard())
    dialog.show()
    return dialog


def _meanwhile(ledger, rid, **values):
    sets = ", ".join(f"{k} = ?" for k in values)
    rawdb.tamper(
        ledger,
        (
            f"UPDATE institution SET {sets}, version = version + 1, changed_by = '李明' "
            "WHERE id = ?",
            (*values.values(), rid),
        ),
    )


@pytest.mark.parametrize(
    "button, wanted",
    [
        ("merge_button", ("0352-6012349", "太原", "中北大学（新）")),
        ("mine_button", ("0352-6012349", "太原", "中北大学")),
        ("theirs_button", ("0352-6012341", "", "中北大学（新）")),
    ],
)
def test_saving_over_a_save_made_meanwhile(qtbot, ledger, button, wanted):
    rid = service.save(INSTITUTION_SPEC, {"name": "中北大学", "phone": "0352-6012341", "city": ""})
    dialog = _open(qtbot, rid)
    dialog.editors["phone"].set_value("0352-6012349")
    dialog.editors["city"].set_value("太原")
    _meanwhile(ledger, rid, name="中北大学（新）", city="忻州")
    seen = {}

    def answer(box):
        assert isinstance(box, ConflictDialog)
        seen["rows"] = box.table.rowCount()
        seen["conflicts"] = sorted(box.combos)
        seen["who"] = box.table.horizontalHeaderItem(2).text()
        getattr(box, button).click()

    answer_next_dialog(answer)
    saved = dialog.check_and_save()
    assert seen == {"rows": 3, "conflicts": ["city"], "who": "Saved by 李明"}
    row = m.Institution.get_by_id(rid)
    if button == "theirs_button":
        assert not saved and dialog.isVisible()  # their save shown, nothing written
        assert dialog.editors["city"].value() == "忻州"
        assert (row.phone, row.city, row.name) == ("0352-6012341", "忻州", "中北大学（新）")
        return
    assert saved
    assert (row.phone, row.city, row.name) == wanted
