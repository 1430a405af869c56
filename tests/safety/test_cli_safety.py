"""`coop-ledger backup | check | restore`: exit codes and what they print."""

from __future__ import annotations

import pytest

from desktop_app import cli
from desktop_app.records import service
from desktop_app.records.specs import UNIT_SPEC
from desktop_app.safety import backup
from desktop_app.safety.lock import FileLock
from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger
from tests.safety.conftest import count_rows


@pytest.fixture
def two_units(make, ledger):
    make("unit", name="县委组织部")
    make("unit", name="县科技局")
    make("institution", name="中北大学")
    store_db.close()
    return ledger


def test_backup_to_the_backups_folder(two_units, capsys):
    assert cli.main(["backup", "--db", str(two_units)]) == 0
    [made] = backup.list_backups(two_units)
    assert made.reason == "manual"
    assert capsys.readouterr().out.strip() == f"{made.path}: verified backup of {two_units}"
    assert made.record_counts()["unit"] == 2


def test_backup_to_a_folder_or_file(two_units, tmp_path, capsys):
    folder = tmp_path / "usb"
    folder.mkdir()
    assert cli.main(["backup", "--db", str(two_units), "--to", str(folder)]) == 0
    assert (folder / f"{store_db.home_of(two_units).stem}-backup.sqlite").is_file()
    target = tmp_path / "elsewhere" / "copy.sqlite"
    assert cli.main(["backup", "--db", str(two_units), "--to", str(target)]) == 0
    assert count_rows(target, "unit") == 2
    assert f"{target}: verified backup" in capsys.readouterr().out


def test_backup_errors(tmp_path, capsys):
    missing = tmp_path / "nope.sqlite"
    assert cli.main(["backup", "--db", str(missing)]) == 2
    assert "coop-ledger backup: error: no ledger file at" in capsys.readouterr().err
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a ledger" * 1000)
    assert cli.main(["backup", "--db", str(junk)]) == 2  # an error, not a traceback
    assert "coop-ledger backup: error:" in capsys.readouterr().err


def test_check(two_units, tmp_path, capsys):
    assert cli.main(["check", "--db", str(two_units)]) == 0
    assert capsys.readouterr().out.strip() == f"{two_units}: ok"
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a ledger" * 1000)
    assert cli.main(["check", "--db", str(junk)]) == 1
    assert "1 problem(s)" in capsys.readouterr().out
    assert cli.main(["check", "--db", str(tmp_path / "nope.sqlite")]) == 2
    assert "no ledger file" in capsys.readouterr().err


# Restoring over the ledger file (a server is restored to a new database: tests/server).
@pytest.mark.sqlite_only
def test_restore_round_trips_the_record_counts(two_units, capsys):
    saved = backup.backup_before(two_units, "manual")
    open_ledger(two_units)
    service.save(UNIT_SPEC, {"name": "县农业农村局"})
    store_db.close()
    assert count_rows(two_units, "unit") == 3

    assert cli.main(["restore", str(saved), "--db", str(two_units)]) == 0
    out = capsys.readouterr().out
    assert f"{two_units}: restored from {saved}" in out
    assert "previous file kept as" in out and "pre-restore" in out
    assert "institution 1," in out and "unit 2" in out
    assert count_rows(two_units, "unit") == 2
    kept = [b for b in backup.list_backups(two_units) if b.reason == "pre-restore"]
    assert kept[0].record_counts()["unit"] == 3


# Restoring over the ledger file (a server is restored to a new database: tests/server).
@pytest.mark.sqlite_only
def test_restore_errors(two_units, tmp_path, capsys):
    saved = backup.backup_before(two_units, "manual")
    assert cli.main(["restore", str(tmp_path / "nope.sqlite"), "--db", str(two_units)]) == 2
    assert "no backup file at" in capsys.readouterr().err

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a ledger" * 1000)
    assert cli.main(["restore", str(junk), "--db", str(two_units)]) == 2
    assert "the backup is damaged" in capsys.readouterr().err

    held = FileLock(two_units)  # the program has the ledger open
    held.acquire()
    try:
        assert cli.main(["restore", str(saved), "--db", str(two_units)]) == 2
        assert "open in another copy of the program" in capsys.readouterr().err
    finally:
        held.release()
    assert count_rows(two_units, "unit") == 2


# Restoring over the ledger file (a server is restored to a new database: tests/server).
@pytest.mark.sqlite_only
def test_restore_into_a_missing_ledger(two_units, tmp_path, capsys):
    saved = backup.backup_before(two_units, "manual")
    fresh = tmp_path / "new" / "ledger.sqlite"
    fresh.parent.mkdir()
    assert cli.main(["restore", str(saved), "--db", str(fresh)]) == 0
    assert "previous file kept" not in capsys.readouterr().out
    assert count_rows(fresh, "unit") == 2
