"""An unexpected error: written to the log in the data folder and shown as a dialog."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from desktop_app import app


def test_unexpected_error_is_logged_and_shown(qapp, monkeypatch, _own_home):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append((a[1], a[2])))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    log_path = app.setup_logging()
    app.install_excepthook(log_path)
    try:
        raise RuntimeError("磁盘已拔出")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert shown and shown[0][0] == "Unexpected error"
    assert "磁盘已拔出" in shown[0][1] and str(log_path) in shown[0][1]
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "RuntimeError: 磁盘已拔出" in text and "Traceback" in text
    assert log_path.parent == _own_home


def test_program_icon_has_every_size(qapp):
    from desktop_app import resource

    sizes = {s.width() for s in app.program_icon().availableSizes()}
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes
    ico = resource("icons", "coop-ledger.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0" and int.from_bytes(ico[4:6], "little") == 7
