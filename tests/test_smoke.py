"""`coop-ledger --smoke`: the self-test the Windows build's CI runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from desktop_app import __version__, i18n, smoke
from desktop_app.reports import paper


@pytest.fixture
def back_to_english():
    """smoke.run() installs the Chinese translators in this process's application."""
    yield
    from PySide6.QtCore import QCoreApplication

    i18n.install(QCoreApplication.instance(), "en")


def test_smoke_passes_and_cleans_up(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--smoke"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=300,
    )
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, err
    assert re.fullmatch(rf"COOP-LEDGER SMOKE OK {re.escape(__version__)} font=\S.*\n", out), out
    assert list(temp.iterdir()) == []  # the ledger, its backups and the sheets are gone


def test_a_wrong_figure_fails(monkeypatch, capsys, back_to_english):
    figures = (("Institutions contacted", "省外", 17),)  # the sample has 16
    monkeypatch.setattr(smoke, "SAMPLE_FIGURES", figures)
    assert smoke.run() == 1
    captured = capsys.readouterr()
    assert "COOP-LEDGER SMOKE OK" not in captured.out
    assert (
        "COOP-LEDGER SMOKE FAILED: 联系院校情况 省外: the ledger gives 16, not 17" in captured.err
    )


def test_no_chinese_font_fails(monkeypatch, capsys, back_to_english):
    monkeypatch.setattr(paper, "covers_chinese", lambda family: False)
    assert smoke.run() == 1
    assert "SMOKE FAILED: no font for Simplified Chinese" in capsys.readouterr().err
