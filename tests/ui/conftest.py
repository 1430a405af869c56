"""GUI tests: a real ledger file per test and helpers to drive real dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "ledger.sqlite"
    open_ledger(path)
    yield path
    store_db.close()


@pytest.fixture
def window(qtbot, ledger):
    from desktop_app.ui.main_window import MainWindow

    w = MainWindow(ledger)
    qtbot.addWidget(w)
    w.show()
    return w


def answer_next_dialog(handler, timeout_ms: int = 50):
    """Run handler(dialog) on the next modal dialog opened (dialogs block exec())."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, (QDialog, QMessageBox)):
            handler(dialog)
        else:
            QTimer.singleShot(timeout_ms, poll)

    QTimer.singleShot(timeout_ms, poll)
