"""Every user-visible string has its Simplified Chinese translation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desktop_app import i18n

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import update_translations  # noqa: E402


def test_every_source_string_has_a_zh_cn_translation():
    missing = update_translations.check()
    assert missing == [], f"strings without a zh_CN translation: {missing[:20]}"


def test_compiled_catalogue_is_current():
    ts, qm = update_translations.TS, update_translations.QM
    assert qm.exists(), "run python tools/update_translations.py"
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 1, "the .qm is older than the .ts"


@pytest.fixture
def chinese(qapp):
    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


def test_chinese_labels_in_the_window(chinese, qtbot, tmp_path):
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger
    from desktop_app.ui.main_window import MainWindow

    open_ledger(tmp_path / "l.sqlite")
    try:
        window = MainWindow(tmp_path / "l.sqlite")
        qtbot.addWidget(window)
        nav = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert nav[:5] == ["工作台", "台账", "合作院校", "对接活动", "合作协议"]
        page = window.page("institution")
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "名称"
        assert page.new_button.text() == "新建"
        assert page.count_label.text() == "共 0 条"
    finally:
        store_db.close()


def test_language_follows_request_and_falls_back_to_english():
    assert i18n.pick_language("en") == "en"
    assert i18n.pick_language("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("Record", "No such string") == "No such string"
