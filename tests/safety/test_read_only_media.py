"""A ledger or a backup on write-protected media (a CD, a locked USB stick, a
read-only share): reading commands work, writing ones say what is wrong."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desktop_app import cli
from desktop_app.store import db as store_db

# About the ledger file itself (its lock, -wal, pages, folder, a killed writer).
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def read_only_folder(tmp_path):
    """(writable source folder, the same folder mounted read-only) holding a sample ledger."""
    src, ro = tmp_path / "src", tmp_path / "只读 介质"
    src.mkdir()
    ro.mkdir()
    assert cli.main(["demo", "--db", str(src / "台账.sqlite")]) == 0
    store_db.close()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    bind = subprocess.run(["mount", "--bind", str(src), str(ro)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip("bind mounts need root: " + bind.stderr.decode(errors="replace"))
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], check=True)
        yield src, ro
    finally:
        store_db.close()
        subprocess.run(["umount", "-l", str(ro)], check=False)


def test_reading_commands_work_on_a_read_only_ledger(read_only_folder, tmp_path, capsys):
    _src, ro = read_only_folder
    ledger = ro / "台账.sqlite"
    assert cli.main(["check", "--db", str(ledger)]) == 0
    assert cli.main(["audit", "verify", "--db", str(ledger)]) == 0
    store_db.close()
    out = tmp_path / "统计表.xlsx"
    assert (
        cli.main(["report", "summary", "--year", "2023", "--db", str(ledger), "--xlsx", str(out)])
        == 0
    )
    store_db.close()
    assert out.exists()
    text = capsys.readouterr().out
    assert "chain intact" in text and "problem" not in text


def test_restore_from_a_read_only_backup(read_only_folder, tmp_path, capsys):
    _src, ro = read_only_folder
    target = tmp_path / "恢复.sqlite"
    assert cli.main(["restore", str(ro / "台账.sqlite"), "--db", str(target)]) == 0
    assert "institution 25" in capsys.readouterr().out


def test_writing_into_a_read_only_folder_says_so(read_only_folder, capsys):
    src, ro = read_only_folder
    assert cli.main(["restore", str(src / "台账.sqlite"), "--db", str(ro / "新.sqlite")]) == 2
    assert "cannot write in" in capsys.readouterr().err
    assert cli.main(["backup", "--db", str(src / "台账.sqlite"), "--to", str(ro / "b.sqlite")]) == 2
    err = capsys.readouterr().err
    assert "cannot write the backup to" in err and "台账.sqlite cannot be read" not in err
