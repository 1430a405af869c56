"""A damaged -wal is found before SQLite drops the saves behind the damage
(issue 10, item 10): the files are kept aside as they were, and the user told."""

from __future__ import annotations

import hashlib
import shutil
import struct
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.records import service
from desktop_app.records.specs import UNIT_SPEC
from desktop_app.safety import wal
from desktop_app.safety.guard import open_guarded
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger

# About the ledger file itself (its lock, -wal, pages, folder, a killed writer).
pytestmark = pytest.mark.sqlite_only


SAVES = 6


def _frames(data: bytes) -> list[tuple[int, int]]:
    """(offset, commit) of each whole frame."""
    page_size = struct.unpack(">I", data[8:12])[0]
    size = wal.FRAME_HEADER + page_size
    return [
        (o, struct.unpack(">I", data[o + 4 : o + 8])[0])
        for o in range(wal.HEADER, len(data) - size + 1, size)
    ]


def _crashed(tmp_path: Path, saves: int = SAVES, after=None, shm: bool = False) -> Path:
    """A ledger as a killed program leaves it: saves in the -wal, no checkpoint."""
    live = tmp_path / "live" / "ledger.sqlite"
    live.parent.mkdir()
    open_ledger(live)
    db = store_db.database_proxy.obj
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    for i in range(saves):
        service.save(UNIT_SPEC, {"name": f"单位{i}"})
    if after is not None:
        after(db)
    crashed = tmp_path / "crashed" / "ledger.sqlite"
    crashed.parent.mkdir()
    shutil.copy2(live, crashed)
    shutil.copy2(wal.wal_path(live), wal.wal_path(crashed))
    if shm:  # what a killed program also leaves: the wal-index
        shutil.copy2(live.with_name("ledger.sqlite-shm"), crashed.with_name("ledger.sqlite-shm"))
    store_db.close()
    return crashed


def _units() -> list[str]:
    return [u.name for u in m.Unit.select().order_by(m.Unit.id)]


def _damage_after_commit(path: Path, commits: int) -> bytes:
    """Flip a byte in the page of the frame after the given number of saves."""
    target = wal.wal_path(path)
    data = bytearray(target.read_bytes())
    frames = _frames(bytes(data))
    ends = [i for i, (_o, commit) in enumerate(frames) if commit]
    offset = frames[ends[commits - 1] + 1][0]
    data[offset + wal.FRAME_HEADER + 100] ^= 0x01
    target.write_bytes(bytes(data))
    return bytes(data)


def test_an_intact_wal_is_replayed_in_full(tmp_path):
    crashed = _crashed(tmp_path)
    assert wal.inspect(crashed) is None
    opened = open_guarded(crashed, daily_backup=False)
    try:
        assert opened.wal_damage is None
        assert _units() == [f"单位{i}" for i in range(SAVES)]
    finally:
        opened.close()
    assert not list(crashed.parent.glob("*.damaged-wal-*"))


def test_a_damaged_frame_is_found_and_kept_aside_before_sqlite_drops_the_rest(tmp_path):
    crashed = _crashed(tmp_path)
    damaged = _damage_after_commit(crashed, 2)

    found = wal.inspect(crashed)
    assert (found.good_saves, found.lost_saves) == (2, SAVES - 2)

    opened = open_guarded(crashed, daily_backup=False)
    try:
        damage = opened.wal_damage
        assert (damage.good_saves, damage.lost_saves) == (2, SAVES - 2)
        # What SQLite makes of it: the saves before the damage, no others.
        assert _units() == ["单位0", "单位1"]
    finally:
        opened.close()
    kept = damage.kept
    assert kept is not None and kept.parent == crashed.parent
    assert kept.name.startswith("ledger.sqlite.damaged-wal-")
    kept_wal = kept / "ledger.sqlite-wal"
    assert hashlib.sha256(kept_wal.read_bytes()).digest() == hashlib.sha256(damaged).digest()
    assert (kept / "ledger.sqlite").is_file()
    # The copy still holds the lost saves' bytes, for whoever recovers them.
    assert "单位5".encode() in kept_wal.read_bytes()


def test_the_command_line_says_so(tmp_path, capsys):
    crashed = _crashed(tmp_path)
    _damage_after_commit(crashed, 3)
    out_file = tmp_path / "units.csv"
    assert cli.main(["export", "unit", "--csv", str(out_file), "--db", str(crashed)]) == 0
    err = capsys.readouterr().err
    assert f"{wal.wal_path(crashed)} was damaged: {SAVES - 3} save(s) after the damage" in err
    assert "the 3 save(s) it held before the damage are" in err
    assert ".damaged-wal-" in err
    assert out_file.read_text(encoding="utf-8-sig").count("单位") == 3


def test_a_torn_last_frame_is_a_killed_write_not_damage(tmp_path):
    crashed = _crashed(tmp_path)
    target = wal.wal_path(crashed)
    data = target.read_bytes()
    target.write_bytes(data[: len(data) - 1000])  # the last save half written
    assert wal.inspect(crashed) is None
    open_ledger(crashed)
    assert _units() == [f"单位{i}" for i in range(SAVES - 1)]


def test_leftover_frames_of_an_older_cycle_are_not_damage(tmp_path):
    # After a checkpoint SQLite writes the -wal from its start again, under new
    # salts; the older frames stay behind the new ones until overwritten.
    def restart(db):
        db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")
        service.save(UNIT_SPEC, {"name": "新单位"})

    crashed = _crashed(tmp_path, after=restart)
    data = wal.wal_path(crashed).read_bytes()
    salts = {data[o + 8 : o + 16] for o, _c in _frames(data)}
    assert len(salts) == 2  # both cycles are in the file
    assert wal.inspect(crashed) is None
    open_ledger(crashed)
    assert _units()[-1] == "新单位" and len(_units()) == SAVES + 1


def test_a_damaged_header_loses_every_save_and_is_found(tmp_path):
    crashed = _crashed(tmp_path)
    target = wal.wal_path(crashed)
    data = bytearray(target.read_bytes())
    data[20] ^= 0xFF  # salt-2: the header's checksum no longer fits
    target.write_bytes(bytes(data))
    found = wal.inspect(crashed)
    assert found is not None and found.good_saves == 0 and found.lost_saves == SAVES


@pytest.mark.parametrize("size", [0, 10, 32])
def test_an_empty_or_headless_wal_is_not_damage(tmp_path, size):
    crashed = _crashed(tmp_path)
    target = wal.wal_path(crashed)
    target.write_bytes(target.read_bytes()[:size])
    assert wal.inspect(crashed) is None


def test_a_wal_another_copy_is_writing_is_left_alone(tmp_path):
    from desktop_app.safety.lock import FileLock

    crashed = _crashed(tmp_path)
    _damage_after_commit(crashed, 2)
    other = FileLock(crashed)
    other.acquire()  # held by "another copy": its -wal is live, not ours to judge
    try:
        # A command that opens without the lock (a sheet, an export) checks nothing.
        import subprocess
        import sys

        from desktop_app.store import opening

        code = (
            "from desktop_app.store import opening; "
            f"opening.open_ledger({str(crashed)!r}); print(opening.wal_damage)"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.stdout.strip() == "None", out.stderr
        assert opening.wal_damage is None
    finally:
        other.release()
    assert not list(crashed.parent.glob("*.damaged-wal-*"))


def test_a_backup_keeps_the_damaged_wal_aside_and_says_so(tmp_path, capsys):
    crashed = _crashed(tmp_path)
    _damage_after_commit(crashed, 3)
    assert cli.main(["backup", "--db", str(crashed)]) == 0
    err = capsys.readouterr().err
    assert f"{SAVES - 3} save(s) after the damage could not be read" in err
    kept = next(crashed.parent.glob("ledger.sqlite.damaged-wal-*"))
    assert "单位5".encode() in (kept / "ledger.sqlite-wal").read_bytes()
    # Reported once: the readable saves are in the ledger and the -wal starts afresh.
    assert wal.inspect(crashed) is None
    open_ledger(crashed)
    assert _units() == ["单位0", "单位1", "单位2"]


def test_a_second_crash_after_a_reported_damage_is_not_reported_again(tmp_path):
    crashed = _crashed(tmp_path)
    _damage_after_commit(crashed, 2)
    open_ledger(crashed)
    from desktop_app.store import opening

    assert opening.wal_damage is not None
    db = store_db.database_proxy.obj
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    service.save(UNIT_SPEC, {"name": "新单位"})
    again = tmp_path / "again" / "ledger.sqlite"
    again.parent.mkdir()
    shutil.copy2(crashed, again)
    shutil.copy2(wal.wal_path(crashed), wal.wal_path(again))
    store_db.close()
    assert wal.inspect(again) is None
    open_ledger(again)
    assert opening.wal_damage is None
    assert _units() == ["单位0", "单位1", "新单位"]


def test_a_wal_that_cannot_be_kept_aside_stops_the_open_for_writing(tmp_path, monkeypatch, capsys):
    crashed = _crashed(tmp_path)
    before = wal.wal_path(crashed).read_bytes()
    _damage_after_commit(crashed, 2)
    damaged = wal.wal_path(crashed).read_bytes()

    def full_disk(src, dst, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(wal.shutil, "copy2", full_disk)
    assert cli.main(["export", "unit", "--csv", str(tmp_path / "u.csv"), "--db", str(crashed)]) == 2
    err = capsys.readouterr().err
    assert "could not be copied aside" in err and "No space left on device" in err
    assert "Traceback" not in err
    assert not list(crashed.parent.glob("*.damaged-wal-*"))  # no half copy left
    assert wal.wal_path(crashed).read_bytes() == damaged != before  # the saves still there


def test_a_save_torn_by_a_kill_over_an_older_cycle_is_not_damage(tmp_path):
    # The -wal restarted after a checkpoint, so an older cycle's frames lie
    # behind the new ones; a kill tore the newest frame (its page half written).
    def restart(db):
        db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")
        service.save(UNIT_SPEC, {"name": "新单位"})

    crashed = _crashed(tmp_path, after=restart)
    target = wal.wal_path(crashed)
    data = bytearray(target.read_bytes())
    frames = _frames(bytes(data))
    salts = data[16:24]
    current = [o for o, _c in frames if data[o + 8 : o + 16] == salts]
    assert len(current) < len(frames)  # the older cycle is still behind
    data[current[-1] + wal.FRAME_HEADER + 200] ^= 0xFF
    target.write_bytes(bytes(data))
    assert wal.inspect(crashed) is None
    open_ledger(crashed)
    assert "新单位" not in _units()  # that save never returned: nothing confirmed was lost


def test_damage_to_the_last_save_is_found_through_the_shm(tmp_path):
    """A bad last frame alone looks like a torn write; the -shm a killed program
    leaves says whether that save had committed."""
    crashed = _crashed(tmp_path, shm=True)
    shm = crashed.with_name("ledger.sqlite-shm")
    target = wal.wal_path(crashed)
    data = bytearray(target.read_bytes())
    last = _frames(bytes(data))[-1][0]
    data[last + wal.FRAME_HEADER + 300] ^= 0x10
    target.write_bytes(bytes(data))
    found = wal.inspect(crashed)
    assert found is not None and (found.good_saves, found.lost_saves) == (SAVES - 1, 1)
    shm.unlink()  # without it the program cannot tell, and says nothing
    assert wal.inspect(crashed) is None


def test_the_window_finds_damage_to_the_last_save_before_anything_resets_the_shm(tmp_path):
    crashed = _crashed(tmp_path, shm=True)
    target = wal.wal_path(crashed)
    data = bytearray(target.read_bytes())
    last = _frames(bytes(data))[-1][0]
    data[last + wal.FRAME_HEADER + 300] ^= 0x10
    target.write_bytes(bytes(data))
    opened = open_guarded(crashed, daily_backup=False)
    try:
        assert opened.wal_damage is not None and opened.wal_damage.lost_saves == 1
    finally:
        opened.close()
