"""Starting the window: closing it during the first-start question ends the program."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a process of its own, as a user's start is: the program quits its
# event loop, which a shared test QApplication cannot recover from.
CHILD = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from desktop_app.app import run_gui

    app = QApplication(sys.argv)
    seen = []

    def close_everything():
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(50, close_everything)  # the question is not up yet
            return
        seen.extend(b.windowTitle() for b in boxes)
        for w in QApplication.topLevelWidgets():  # as Windows' WM_CLOSE to each window
            if w.isVisible():
                w.close()

    def give_up():
        print("STILL RUNNING", flush=True)
        os._exit(9)

    QTimer.singleShot(50, close_everything)
    QTimer.singleShot(20_000, give_up)
    code = run_gui(sys.argv[1], "en")
    print("SEEN", seen, "CODE", code, flush=True)
    sys.exit(code)
    """
)


def test_closing_every_window_during_the_welcome_question_ends_the_program(tmp_path):
    """As Windows does at log-off or from the task manager: the program must end
    and release the ledger, not linger unseen holding it."""
    ledger = tmp_path / "新台账.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COOP_LEDGER_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(ledger)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "STILL RUNNING" not in done.stdout, "the program kept running with no window"
    assert "SEEN ['Welcome'] CODE 0" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0
    assert ledger.exists()
    assert not ledger.with_name(ledger.name + ".lock").exists()  # the ledger was released
