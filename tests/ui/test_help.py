"""Help: the user guide opens offline with its pictures (F1); About names the file."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.ui.dialogs.help_dialog import HelpDialog, about_text


def test_the_guide_opens_from_the_help_menu_with_its_pictures(window, qtbot):
    action = next(
        a for a in window.menuBar().actions()[-1].menu().actions() if a.text() == "User guide"
    )
    assert action.shortcut().toString() == "F1"
    action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog))
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "合作台账 使用说明" in text and "工作台" in text and "档案" in text
    html = dialog.browser.toHtml()
    for picture in ("home.png", "dossier.png", "form.png", "reports.png", "list.png"):
        assert picture in html
        image = dialog.browser.document().resource(
            QTextDocument.ResourceType.ImageResource, dialog.browser.source().resolved(picture)
        )
        assert image is not None and not image.isNull(), picture


def test_about_names_the_version_the_ledger_and_its_size(ledger):
    text = about_text(ledger)
    assert f"Version {__version__}" in text
    assert f"Ledger file: {ledger}" in text
    assert "Size: " in text and "KB" in text
