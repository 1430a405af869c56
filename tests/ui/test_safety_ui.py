"""The safety net in the window: read-only banner, History tab, Recycle bin, Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop_app.records import service
from desktop_app.records.specs import INSTITUTION_SPEC, UNIT_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.record_form import RecordDialog
from tests.ui.conftest import answer_next_dialog


def _texts(page) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_read_only_window_shows_the_banner_and_offers_no_new(qtbot, ledger):
    service.save(UNIT_SPEC, {"name": "县委组织部"})
    store_db.close()
    open_ledger(ledger, read_only=True)

    w = MainWindow(ledger)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # window shortcuts only fire in the active window

    assert w.banner.isVisible()
    assert "Read-only" in w.banner.text() and str(ledger) in w.banner.text()
    page = w.page("unit")
    assert _texts(page) == ["县委组织部"]
    assert not page.new_button.isEnabled() and not page.delete_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.activeModalWidget() is None  # Ctrl+N opened no dialog

    dialog = RecordDialog(UNIT_SPEC, 1, w)  # a record can be looked at, not saved
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    bin_page = w.open_page("recycle_bin")
    assert not bin_page.restore_button.isEnabled() and not bin_page.purge_button.isEnabled()


def test_writable_window_has_no_banner(window):
    assert window.banner.isHidden()
    assert window.page("unit").new_button.isEnabled()


def test_history_tab_lists_a_change(qtbot, ledger):
    store_db.set_operator("王海江")
    try:
        rid = service.save(INSTITUTION_SPEC, {"name": "中北大学", "phone": "0351-3921234"})
        values = service.load(INSTITUTION_SPEC, rid)
        service.save(INSTITUTION_SPEC, {**values, "phone": "0351-3920000"}, rid)
    finally:
        store_db.set_operator(None)

    dialog = RecordDialog(INSTITUTION_SPEC, rid)
    qtbot.addWidget(dialog)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "History" in tabs
    dialog.tabs.setCurrentIndex(tabs.index("History"))
    view = dialog.history_view
    assert view.rowCount() == 2
    newest = [view.item(0, c).text() for c in range(view.columnCount())]
    assert newest[1:] == ["王海江", "changed", "Phone", "0351-3921234", "0351-3920000"]
    assert view.item(1, 2).text() == "created"


def test_recycle_bin_page_restores_a_deleted_record(window, qtbot):
    rid = service.save(INSTITUTION_SPEC, {"name": "中北大学"})
    service.save(INSTITUTION_SPEC, {"name": "山西农业大学"})
    page = window.page("institution")
    page.select_id(rid)
    answer_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.delete_button.click()
    assert _texts(page) == ["山西农业大学"]

    bin_page = window.open_page("recycle_bin")
    assert bin_page.table.rowCount() == 1
    assert bin_page.table.item(0, 1).text() == "中北大学"
    bin_page.table.selectRow(0)
    qtbot.mouseClick(bin_page.restore_button, Qt.MouseButton.LeftButton)
    assert bin_page.table.rowCount() == 0

    page = window.page("institution")
    assert sorted(_texts(page)) == ["中北大学", "山西农业大学"]
    assert page.model.row_of(rid) is not None  # back under its own id
    assert m.Institution.get_by_id(rid).name == "中北大学"


def test_ctrl_z_reverts_an_edit(window, qtbot):
    rid = service.save(UNIT_SPEC, {"name": "县委组织部", "phone": "6621234"})
    page = window.page("unit")

    def rename(dialog):
        dialog.editors["name"].set_value("县委组织部（人才办）")
        dialog.editors["phone"].set_value("6620000")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    answer_next_dialog(rename)
    page.edit_record(rid)
    assert _texts(page) == ["县委组织部（人才办）"]

    # The offscreen platform does not hand activation back when a dialog closes
    # (a window manager does); window shortcuts need the active window.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    told = []  # "nothing to undo" or an error would come as a message box
    answer_next_dialog(lambda box: (told.append(box.text()), box.accept()))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert told == []
    unit = m.Unit.get_by_id(rid)
    assert (unit.name, unit.phone) == ("县委组织部", "6621234")
    assert _texts(window.page("unit")) == ["县委组织部"]


def test_disk_full_keeps_the_form_open_with_what_was_typed(window, qtbot, monkeypatch):
    """SQLite's max_page_count makes the file 'full' as a full disk would."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.records import service as svc
    from desktop_app.records.specs import SPECS as specs
    from desktop_app.store.db import database_proxy
    from desktop_app.ui.record_form import RecordDialog

    pages = database_proxy.execute_sql("PRAGMA page_count").fetchone()[0]
    database_proxy.execute_sql(f"PRAGMA max_page_count = {pages}")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    dialog = RecordDialog(specs["institution"])
    qtbot.addWidget(dialog)
    dialog.editors["name"].set_value("中北大学")
    dialog.editors["notes"].set_value("很长的备注" * 2000)
    assert dialog.check_and_save() is False
    assert shown and "could not be saved" in shown[0]
    assert dialog.editors["name"].value() == "中北大学"  # what the user typed is still there
    database_proxy.execute_sql("PRAGMA max_page_count = 1073741823")
    assert svc.total_records() == 0
    assert dialog.check_and_save() is True  # space again: the same form saves
    assert svc.total_records() == 1


def test_change_log_verify_names_a_record_changed_outside_the_program(qtbot, window, ledger):
    import sqlite3

    rid = service.save(INSTITUTION_SPEC, {"name": "中北大学", "phone": "0351-3921234"})
    con = sqlite3.connect(ledger)
    con.execute("UPDATE institution SET phone = '110' WHERE id = ?", (rid,))
    con.commit()
    con.close()

    page = window.open_page("change_log")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    text = page.status.text()
    assert "1 records differ from their history" in text
    assert f"Institution #{rid} 中北大学: Phone is “110”, its history says “0351-3921234”" in text


def test_opening_a_ledger_with_a_damaged_journal_says_what_was_lost(qtbot, tmp_path):
    from desktop_app.ui import safety_actions
    from tests.safety.test_wal import SAVES, _crashed, _damage_after_commit

    crashed = _crashed(tmp_path)
    _damage_after_commit(crashed, 2)
    seen = {}

    def read_and_close(box):
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        box.accept()

    answer_next_dialog(read_and_close)
    try:
        assert safety_actions.open_interactive(None, crashed)
    finally:
        safety_actions.close_current()
    assert seen["title"] == "Damaged write-ahead log"
    assert "The 2 saves it held before the damage are in the ledger" in seen["text"]
    assert f"the {SAVES - 2} saves after it could not be read" in seen["text"]
    kept = next(crashed.parent.glob("ledger.sqlite.damaged-wal-*"))
    assert str(kept) in seen["text"]


def test_history_shows_values_whole_and_an_unnamed_operator_as_not_set(qtbot, window):
    store_db.set_operator(None)
    long_note = "与中北大学共同实施高速飞车试验线项目，" * 12
    rid = service.save(INSTITUTION_SPEC, {"name": "中北大学"})
    values = service.load(INSTITUTION_SPEC, rid)
    service.save(INSTITUTION_SPEC, {**values, "notes": long_note}, rid)
    dialog = RecordDialog(INSTITUTION_SPEC, rid)
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.show()
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    dialog.tabs.setCurrentIndex(tabs.index("History"))
    view = dialog.history_view
    assert view.item(0, 1).text() == "Not set"  # not the Windows login name
    assert view.item(0, view.columnCount() - 1).text() == long_note.strip()
    assert view.wordWrap()
    qtbot.waitUntil(lambda: view.rowHeight(0) > 3 * view.fontMetrics().lineSpacing())
    page = window.open_page("change_log")
    assert page.operator.itemText(1) == "Not set"


def test_opening_an_older_ledger_shows_the_upgrade_in_a_progress_dialog(qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from desktop_app.records import search_index
    from desktop_app.ui import safety_actions
    from tests.store.test_migrations import _ledger_indexed_by_version_9

    path = tmp_path / "older.sqlite"
    _ledger_indexed_by_version_9(path)
    seen: list[str] = []

    def look() -> None:
        seen.extend(
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        )

    QTimer.singleShot(0, look)  # runs while the upgrade lets the dialog paint
    try:
        assert safety_actions.open_interactive(None, path)
        assert search_index.numbered_by_type(store_db.database_proxy.obj)
    finally:
        safety_actions.close_current()
    assert seen == ["Upgrading the ledger for this version: building the search index…"]
    qtbot.waitUntil(
        lambda: (
            not any(
                isinstance(w, QProgressDialog) and w.isVisible()
                for w in QApplication.topLevelWidgets()
            )
        )
    )
