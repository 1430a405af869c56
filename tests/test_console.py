"""Output never fails: no console at all (windowed build) or a cp1252 pipe."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop_app import cli
from desktop_app.store import db as store_db


@pytest.mark.parametrize(
    "args, expected", [(["--help"], "合作台账"), (["import", "--help"], "院校台账.xlsx")]
)
def test_help_through_a_cp1252_pipe_is_utf8(args, expected, tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8")  # raises if it is not UTF-8
    assert expected in out


def test_no_console_at_all(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        assert cli.main(["demo", "--db", str(tmp_path / "d.sqlite")]) == 0
        print("合作台账", file=sys.stderr)  # what the program writes later goes nowhere
        assert sys.stdout is not None and sys.stderr is not None
    finally:
        store_db.close()
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.close()
