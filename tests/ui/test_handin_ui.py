"""Hand-ins in the window: set up a unit's ledger, make a package on it,
receive it at the office with a conflict decided in the preview."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop_app.handin import outgoing, roles
from desktop_app.records import service
from desktop_app.records.specs import SPECS
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger
from desktop_app.ui import handin_actions
from desktop_app.ui.dialogs.handin_dialogs import ExportDialog, ReceiveDialog, SetupDialog
from tests.conftest import DEFAULTS
from tests.ui.conftest import answer_next_dialog

AGRI = "县农业农村局"


def _office_records() -> None:
    agri = service.save(SPECS["unit"], {"name": AGRI})
    service.save(SPECS["unit"], {"name": "县科技局"})
    service.save(SPECS["activity"], {**DEFAULTS["activity"], "title": "番茄产业对接", "unit": agri})


def test_the_office_sets_up_a_unit_and_merges_its_package_choosing_in_a_conflict(
    qtbot, window, ledger, tmp_path
):
    _office_records()
    copy = tmp_path / "agri.sqlite"
    told = {}

    def fill_setup(dialog):
        assert isinstance(dialog, SetupDialog)
        dialog.unit.setCurrentText(AGRI)
        dialog.target.edit.setText(str(copy))
        answer_next_dialog(lambda box: (told.setdefault("setup", box.text()), box.accept()))
        dialog.accept()

    answer_next_dialog(fill_setup)
    window._set_up_unit()
    assert copy.exists() and f"The ledger of {AGRI} is ready" in told["setup"]
    assert m.Activity.select().count() == 1  # the office's ledger is open again
    uid = m.Activity.get().uid
    # At the unit (its own PC): a change, handed in; meanwhile the office changes the same field.
    store_db.close()
    open_ledger(copy)
    rid = m.Activity.get(m.Activity.uid == uid).id
    service.save(
        SPECS["activity"], {**service.load(SPECS["activity"], rid), "place": "大泉山"}, rid
    )
    service.save(
        SPECS["activity"],
        {**DEFAULTS["activity"], "title": "杂粮座谈", "unit": roles.unit_copy().unit_id},
    )
    pkg = tmp_path / "q3.cledger"
    outgoing.make_package("2023Q3", pkg, "李明")
    store_db.close()
    open_ledger(ledger)
    office_id = m.Activity.get(m.Activity.uid == uid).id
    service.save(
        SPECS["activity"],
        {**service.load(SPECS["activity"], office_id), "place": "县委党校"},
        office_id,
    )
    seen = {}

    def preview(dialog):
        assert isinstance(dialog, ReceiveDialog)
        table = dialog.table
        rows = [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())]
        seen["rows"] = rows
        assert len(dialog.choices) == 1  # the place, changed on both sides
        keep_ours = next(
            b for b in dialog.findChildren(QPushButton) if "this ledger's values" in b.text()
        )
        keep_ours.click()
        answer_next_dialog(lambda box: (seen.setdefault("done", box.text()), box.accept()))
        dialog.accept()

    answer_next_dialog(preview)
    assert handin_actions.receive_package(window, pkg)
    places = {r[3]: (r[4], r[5]) for r in seen["rows"] if r[3]}
    assert places["Place"] == ("县委党校", "大泉山")
    assert any(r[1] == "杂粮座谈" and r[2] == "new" for r in seen["rows"])
    assert "Merged: 1 new, 1 changed, 0 deleted, 1 kept as the office had them" in seen["done"]
    assert m.Activity.get_by_id(office_id).place == "县委党校"
    assert m.LedgerReport.get().status == "已报送"
    # The same package again: said, nothing changed.
    said = {}
    answer_next_dialog(lambda box: (said.setdefault("text", box.text()), box.accept()))
    assert not handin_actions.receive_package(window, pkg)
    assert "was received on" in said["text"] and "nothing changed" in said["text"]


def test_a_unit_makes_its_package_from_the_file_menu(qtbot, ledger, tmp_path):
    from desktop_app.handin import setup
    from desktop_app.ui.main_window import MainWindow

    _office_records()
    copy = tmp_path / "agri.sqlite"
    setup.make_unit_copy(AGRI, copy)
    store_db.close()
    open_ledger(copy)
    service.save(
        SPECS["activity"],
        {**DEFAULTS["activity"], "title": "新的活动", "unit": roles.unit_copy().unit_id},
    )
    w = MainWindow(copy)
    qtbot.addWidget(w)
    w.show()
    out = tmp_path / "out" / "交件"
    out.parent.mkdir()
    told = {}

    def fill(dialog):
        assert isinstance(dialog, ExportDialog)
        dialog.period.setCurrentText("2023Q3")
        dialog.target.edit.setText(str(out))
        answer_next_dialog(lambda box: (told.setdefault("text", box.text()), box.accept()))
        dialog.accept()

    answer_next_dialog(fill)
    w._make_package()
    assert (tmp_path / "out" / "交件.cledger").exists()
    assert "Package no. 1 for 2023年第三季度 is written" in told["text"]
    assert "1 new or changed records" in told["text"]


def test_a_damaged_package_is_refused_with_its_reason(qtbot, window, tmp_path):
    junk = tmp_path / "junk.cledger"
    junk.write_bytes(b"PK\x03\x04 not really")
    said = {}

    def read(box):
        assert isinstance(box, QMessageBox)
        said["text"] = box.text()
        box.accept()

    answer_next_dialog(read)
    assert not handin_actions.receive_package(window, junk)
    assert said["text"].startswith("Refused; nothing was written.")
    assert "junk.cledger is not a hand-in package" in said["text"]


def test_a_units_copy_keeps_the_shared_lists_read_only_and_records_its_own(qtbot, ledger, tmp_path):
    from desktop_app.handin import setup
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.record_form import RecordDialog

    _office_records()
    tech = m.Unit.get(m.Unit.name == "县科技局").id
    meeting = service.save(
        SPECS["meeting"], {**DEFAULTS["meeting"], "title": "科技局的会议", "unit": tech}
    )
    agri = m.Unit.get(m.Unit.name == AGRI).id
    service.save(
        SPECS["task"], {**DEFAULTS["task"], "title": "落实", "unit": agri, "meeting": meeting}
    )
    copy = tmp_path / "agri.sqlite"
    setup.make_unit_copy(AGRI, copy)
    store_db.close()
    open_ledger(copy)
    w = MainWindow(copy)
    qtbot.addWidget(w)
    w.show()
    assert w.banner.isVisible() and f"This is {AGRI}'s ledger" in w.banner.text()
    assert not w.page("institution").new_button.isEnabled()
    assert not w.page("unit").delete_button.isEnabled()
    assert w.page("activity").new_button.isEnabled()
    # A new record is the unit's own, and cannot be given to another unit.
    new = RecordDialog(SPECS["activity"], None, w)
    qtbot.addWidget(new, before_close_func=lambda d: d.discard())
    assert new.editors["unit"].value() == roles.unit_copy().unit_id
    # The other unit's meeting (there because the unit's task points at it) is read-only.
    other = m.Meeting.get(m.Meeting.title == "科技局的会议").id
    shown = RecordDialog(SPECS["meeting"], other, w)
    qtbot.addWidget(shown, before_close_func=lambda d: d.discard())
    assert shown.locked
    assert not shown.buttons.button(shown.buttons.StandardButton.Save).isEnabled()


def test_the_office_sends_a_hand_in_back_from_its_list(qtbot, window):
    from PySide6.QtWidgets import QInputDialog

    agri = service.save(SPECS["unit"], {"name": AGRI})
    rid = service.save(
        SPECS["ledger_report"],
        {
            "unit": agri,
            "period": "2023年第三季度",
            "status": "已报送",
            "submitted_date": "2023-10-08",
        },
    )
    page = window.page("ledger_report")
    page.refresh()
    page.select_id(rid)
    assert page.return_button is not None  # the office's list has 退回…

    def answer(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("缺少活动照片")
        dialog.accept()

    answer_next_dialog(answer)
    page.send_back()
    report = m.LedgerReport.get_by_id(rid)
    assert (report.status, report.submitted_date) == ("已退回", None)
    assert "缺少活动照片" in report.notes
