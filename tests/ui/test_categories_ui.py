"""The category list editor: words added, renamed (records follow), removed."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop_app.records import service
from desktop_app.records.specs import SPECS
from desktop_app.store import categories
from desktop_app.ui.dialogs.categories_dialog import CategoriesDialog


def _select_list(dialog, key):
    for row in range(dialog.lists.count()):
        if dialog.lists.item(row).data(0x0100) == key:
            dialog.lists.setCurrentRow(row)
            return
    raise AssertionError(key)


def test_rename_a_word_and_the_records_follow(qtbot, ledger, monkeypatch):
    rid = service.save(
        SPECS["activity"], {"title": "番茄论坛", "type": "论坛", "date": "2023-08-18"}
    )
    dialog = CategoriesDialog()
    qtbot.addWidget(dialog)
    _select_list(dialog, "activity_type")
    words = [dialog.words.item(i).text() for i in range(dialog.words.count())]
    dialog.words.setCurrentRow(words.index("论坛"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("产业论坛", True))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    dialog.rename_button.click()
    assert "产业论坛" in categories.words("activity_type")
    assert "论坛" not in categories.words("activity_type")
    assert service.load(SPECS["activity"], rid)["type"] == "产业论坛"
    assert told and told[0].startswith("1 ")


def test_add_and_remove_words(qtbot, ledger, monkeypatch):
    dialog = CategoriesDialog()
    qtbot.addWidget(dialog)
    _select_list(dialog, "degree")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("博士后", True))
    dialog.add_button.click()
    assert categories.words("degree")[-1] == "博士后"
    dialog.words.setCurrentRow(dialog.words.count() - 1)
    dialog.remove_button.click()
    assert "博士后" not in categories.words("degree")


def test_a_word_holding_a_separator_is_refused_with_a_reason(qtbot, ledger, monkeypatch):
    dialog = CategoriesDialog()
    qtbot.addWidget(dialog)
    _select_list(dialog, "cooperation_area")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("研发/中试", True))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    dialog.add_button.click()
    assert "研发/中试" not in categories.words("cooperation_area")
    assert warned and "cannot hold 、 , ， ; ； /" in warned[0]
