"""GUI tests: a real ledger file per test and helpers to drive real dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox


@pytest.fixture
def ledger(ledger_path):
    return ledger_path


@pytest.fixture
def window(qtbot, ledger):
    from desktop_app.ui.main_window import MainWindow

    w = MainWindow(ledger)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)  # window shortcuts only fire in the active window
    return w


_pending: list[list[int]] = []


def answer_next_dialog(handler, interval_ms: int = 50, attempts: int = 60):
    """Run handler(dialog) on the next modal dialog opened (dialogs block exec()).

    Gives up after attempts × interval_ms, and when the test ends, so a dialog
    that never came cannot be answered by a later test's handler.
    """
    left = [attempts]
    _pending.append(left)

    def poll():
        if left[0] <= 0:
            return
        left[0] -= 1
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, (QDialog, QMessageBox)) and dialog.isVisible():
            left[0] = 0
            handler(dialog)
        else:
            QTimer.singleShot(interval_ms, poll)

    QTimer.singleShot(interval_ms, poll)


@pytest.fixture(autouse=True)
def _cancel_pending_answers():
    yield
    for left in _pending:
        left[0] = 0
    _pending.clear()
