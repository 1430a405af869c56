"""What a user expects of the window: remembered layout, keys, files, first start."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from desktop_app.records import attachments, service
from desktop_app.records.specs import SPECS
from desktop_app.ui import ledger_actions
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.record_form import RecordDialog
from desktop_app.ui.widgets.attachments_view import AttachmentsView
from tests.ui.conftest import answer_next_dialog


def test_column_widths_and_sort_order_are_remembered(qtbot, ledger):
    for name in ("中北大学", "北京航空航天大学", "安徽农业大学"):
        service.save(SPECS["institution"], {"name": name})
    first = MainWindow(ledger)
    qtbot.addWidget(first)
    page = first.page("institution")
    page.table.setColumnWidth(1, 333)
    page.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert page.model.index(0, 0).data() == "中北大学"
    first.close()

    second = MainWindow(ledger)
    qtbot.addWidget(second)
    page = second.page("institution")
    assert page.table.columnWidth(1) == 333
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert [page.model.index(r, 0).data() for r in range(3)] == [
        "中北大学",
        "北京航空航天大学",
        "安徽农业大学",
    ]


def test_keyboard_new_and_delete(window, qtbot):
    page = window.page("unit")
    seen = []

    def new_dialog(dialog):
        seen.append(type(dialog).__name__)
        dialog.editors["name"].set_value("县科技局")
        dialog.check_and_save()

    answer_next_dialog(new_dialog)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["RecordDialog"]
    assert page.model.total == 1

    page.table.selectRow(0)
    page.table.setFocus()
    answer_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.total == 0


def test_f5_shows_records_written_elsewhere(window, qtbot):
    page = window.page("unit")
    assert page.model.total == 0
    service.save(SPECS["unit"], {"name": "龙泉镇"})
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    assert page.model.total == 1


def test_unit_dossier_lists_what_it_is_responsible_for(qtbot, ledger):
    unit = service.save(SPECS["unit"], {"name": "县农业农村局"})
    service.save(SPECS["project"], {"name": "番茄产业研究院", "unit": unit})
    service.save(
        SPECS["base"], {"name": "西红柿科技研发基地", "type": "科技研发基地", "unit": unit}
    )
    dialog = RecordDialog(SPECS["unit"], unit)
    qtbot.addWidget(dialog)
    tables = dialog.dossier_view.tables
    assert set(tables) == {"project", "base"}
    assert tables["project"].model().index(0, 0).data() == "番茄产业研究院"


def test_dropped_file_is_attached_and_stored_once(qtbot, ledger, tmp_path):
    inst = service.save(SPECS["institution"], {"name": "中北大学"})
    other = service.save(SPECS["institution"], {"name": "山西大学"})
    scan = tmp_path / "协议扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned agreement")
    view = AttachmentsView("institution", inst)
    qtbot.addWidget(view)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    assert view.list.count() == 1
    assert view.list.item(0).text().startswith("协议扫描件.pdf")
    AttachmentsView("institution", other).add_files([str(scan)])
    stored = [p for p in attachments.files_dir().iterdir() if p.suffix == ".pdf"]
    assert len(stored) == 1
    assert stored[0].read_bytes() == b"%PDF-1.4 scanned agreement"


def test_first_start_offers_sample_data(window, qtbot, ledger):
    def choose_load(box):
        load = next(b for b in box.buttons() if b.text() == "Load sample data")
        load.click()

    answer_next_dialog(choose_load)
    ledger_actions.offer_sample_data(window, ledger)
    assert service.sample_count() > 200
    window.reset_pages()
    assert window.page("institution").model.total == 25

    answer_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert ledger_actions.remove_sample(window)
    assert service.total_records() == 0


def test_start_empty_writes_nothing(window, qtbot, ledger):
    def choose_empty(box):
        next(b for b in box.buttons() if b.text() == "Start empty").click()

    answer_next_dialog(choose_empty)
    ledger_actions.offer_sample_data(window, ledger)
    assert service.total_records() == 0


def test_switching_to_a_new_database(window, qtbot, tmp_path):
    from desktop_app import settings
    from desktop_app.safety.lock import lock_path
    from desktop_app.ui import safety_actions

    service.save(SPECS["unit"], {"name": "龙泉镇"})
    target = tmp_path / "另一个台账.sqlite"

    def start_empty(box):
        next(b for b in box.buttons() if b.text() == "Start empty").click()

    answer_next_dialog(start_empty)
    window.switch_database(target)
    try:
        assert window.db_path == target
        assert window.page("unit").model.total == 0  # the new, empty ledger
        assert lock_path(target).exists()  # this window holds it
        assert str(target) in settings.recent_files()
        assert str(target) in window.path_label.text()
    finally:
        safety_actions.close_current()
    assert not lock_path(target).exists()
