"""None outlives any number of Qt calls, whichever PySide6 build runs them.

PySide6 6.12.0 on CPython 3.10/3.11 loses a reference to None with each call
that returns nothing; enough calls (a long sheet) and the interpreter aborts
with "Fatal Python error: none_dealloc" (exit 134). On a sound build (6.11,
or CPython 3.12+, where None is immortal) these tests pass without the guard.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app import none_guard

ROOT = Path(__file__).resolve().parents[1]


def test_the_command_line_keeps_none_alive_through_any_number_of_qt_calls(tmp_path):
    script = (
        "from desktop_app import cli\n"
        "code = cli.main(['report', 'summary'])  # any command: start-up, then an error\n"
        "from PySide6.QtCore import QPointF\n"
        "point = QPointF()\n"
        "for _ in range(300_000):  # each may lose a reference to None\n"
        "    point.setX(1.0)\n"
        "print('done', code)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done 2"


def test_none_is_pinned_exactly_where_the_qt_build_loses_references():
    losing = sys.version_info < (3, 12) and none_guard.none_references_lost_per_call() > 0
    assert none_guard.install() is losing  # conftest installed it; the answer stays
    if losing:
        assert sys.getrefcount(None) > 1 << 61
