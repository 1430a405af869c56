"""Backups: verified copies, rotation, once a day, restore, and before migrating."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop_app.records import service
from desktop_app.records.specs import INSTITUTION_SPEC, UNIT_SPEC
from desktop_app.safety import backup, integrity
from desktop_app.safety.guard import newest_good_backup, open_guarded
from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.opening import open_ledger
from tests.safety.conftest import count_rows
from tests.store.test_migrations import make_v1_file


def fake_backup(db_path: Path, when: dt.datetime, reason: str = "daily") -> Path:
    """An (empty) file named as backup_before names its backups."""
    folder = backup.backup_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stem = store_db.home_of(db_path).stem
    path = folder / f"{stem}-{when:%Y%m%d-%H%M%S}-{reason}.sqlite"
    path.write_bytes(b"")
    return path


# ---------------------------------------------------------------- rotation


def test_prune_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    db = tmp_path / "ledger.sqlite"
    last = dt.date(2024, 6, 30)  # a Sunday: ISO week 26 is 24–30 June
    for n in range(400):  # a morning and an evening backup on each of 400 days
        day = last - dt.timedelta(days=n)
        fake_backup(db, dt.datetime.combine(day, dt.time(8, 0)))
        fake_backup(db, dt.datetime.combine(day, dt.time(18, 30)), "manual")

    removed = backup.prune(db)

    kept_days = sorted(b.made_at.date() for b in backup.list_backups(db))
    daily = [dt.date(2024, 6, d) for d in range(24, 31)]
    weekly = [dt.date(2024, 6, 9), dt.date(2024, 6, 16), dt.date(2024, 6, 23)]  # + week 26
    monthly = [  # the last day of each of the 12 months up to June 2024 (June: above)
        dt.date(2023, 7, 31),
        dt.date(2023, 8, 31),
        dt.date(2023, 9, 30),
        dt.date(2023, 10, 31),
        dt.date(2023, 11, 30),
        dt.date(2023, 12, 31),
        dt.date(2024, 1, 31),
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 31),
        dt.date(2024, 4, 30),
        dt.date(2024, 5, 31),
    ]
    assert kept_days == sorted(daily + weekly + monthly)
    # the newest backup of each kept day: the evening one
    assert {b.made_at.time() for b in backup.list_backups(db)} == {dt.time(18, 30)}
    assert len(removed) == 800 - 21
    assert not any(p.exists() for p in removed)


def test_prune_with_few_backups_keeps_them_all(tmp_path):
    db = tmp_path / "ledger.sqlite"
    made = [fake_backup(db, dt.datetime(2024, 6, d, 9)) for d in (1, 10, 20)]
    assert backup.prune(db) == []
    assert all(p.exists() for p in made)


def test_another_ledgers_backups_are_not_listed_or_pruned(tmp_path):
    # "ledger-2023.sqlite" beside "ledger.sqlite": its backups start "ledger-" too.
    db = tmp_path / "ledger.sqlite"
    other = tmp_path / "ledger-2023.sqlite"
    theirs = [fake_backup(other, dt.datetime(2023, 1, 1) + dt.timedelta(days=n)) for n in range(30)]
    ours = [fake_backup(db, dt.datetime(2024, 1, 1) + dt.timedelta(days=n)) for n in range(30)]

    assert {b.path for b in backup.list_backups(db)} == set(ours)
    assert {b.path for b in backup.list_backups(other)} == set(theirs)
    backup.prune(db)
    assert all(p.exists() for p in theirs)
    assert len(backup.list_backups(db)) < 30


def test_list_backups_reads_stamp_and_reason_newest_first(tmp_path):
    db = tmp_path / "ledger.sqlite"
    fake_backup(db, dt.datetime(2024, 3, 1, 9, 0, 5), "pre-migration")
    fake_backup(db, dt.datetime(2024, 3, 2, 17, 45, 0), "manual")
    (backup.backup_dir_for(db) / "ledger-notes.sqlite").write_bytes(b"")  # not a backup name
    found = backup.list_backups(db)
    assert [(b.made_at, b.reason) for b in found] == [
        (dt.datetime(2024, 3, 2, 17, 45, 0), "manual"),
        (dt.datetime(2024, 3, 1, 9, 0, 5), "pre-migration"),
    ]


# ---------------------------------------------------------------- making backups


def test_backup_file_is_a_verified_complete_copy(make, ledger, tmp_path):
    for name in ("县委组织部", "县科技局", "县农业农村局"):
        make("unit", name=name)
    make("institution", name="中北大学")
    dest = tmp_path / "copies" / "copy.sqlite"

    assert backup.backup_file(ledger, dest) == dest  # while the ledger is open

    assert integrity.check_file(dest, full=True) == []
    assert not list(dest.parent.glob("*.part"))
    counts = backup.BackupInfo(dest, dt.datetime.now(), "", 0).record_counts()
    assert counts["unit"] == 3 and counts["institution"] == 1


def test_reading_backups_leaves_no_side_files(make, ledger):
    make("unit", name="县委组织部")
    made = backup.backup_before(ledger, "manual")
    assert newest_good_backup(ledger).path == made
    assert backup.list_backups(ledger)[0].record_counts()["unit"] == 1
    # a backup is one self-contained file, also after it was read (no -wal, -shm)
    assert [p.name for p in backup.backup_dir_for(ledger).iterdir()] == [made.name]


def test_daily_backup_at_most_once_a_day(make, ledger):
    make("unit", name="县委组织部")
    yesterday = dt.datetime.now() - dt.timedelta(days=1)
    fake_backup(ledger, yesterday.replace(hour=12))

    first = backup.daily_backup(ledger)
    assert first is not None and first.exists() and "-daily" in first.name
    assert backup.daily_backup(ledger) is None
    make("unit", name="县科技局")
    assert backup.daily_backup(ledger) is None  # a change does not make a second one today

    today = [b for b in backup.list_backups(ledger) if b.made_at.date() == dt.date.today()]
    assert [b.path for b in today] == [first]


# Opening or replacing the ledger file itself (a server is restored to a new database).
@pytest.mark.sqlite_only
def test_opening_twice_a_day_backs_up_once(make, ledger):
    make("unit", name="县委组织部")
    store_db.close()
    first = open_guarded(ledger)
    first.close()
    second = open_guarded(ledger)
    second.close()
    assert len(first.notes) == 1 and second.notes == []
    assert [b.reason for b in backup.list_backups(ledger)] == ["daily"]


def test_backing_up_a_damaged_file_fails_cleanly(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a ledger" * 500)
    with pytest.raises(OSError):
        backup.backup_before(bad, "manual")
    assert not list(backup.backup_dir_for(bad).glob("*"))  # no .part, no half backup


# ---------------------------------------------------------------- restoring


# Opening or replacing the ledger file itself (a server is restored to a new database).
@pytest.mark.sqlite_only
def test_restore_file_round_trips_the_record_counts(make, ledger):
    for name in ("县委组织部", "县科技局"):
        make("unit", name=name)
    make("institution", name="中北大学")
    saved = backup.backup_before(ledger, "manual")
    make("unit", name="县农业农村局")
    make("institution", name="山西农业大学")
    make("institution", name="大同大学")
    store_db.close()

    safety = backup.restore_file(saved, ledger)

    assert "pre-restore" in safety.name
    later = backup.BackupInfo(safety, dt.datetime.now(), "", 0).record_counts()
    assert (later["unit"], later["institution"]) == (3, 3)  # what was replaced is kept
    assert (count_rows(ledger, "unit"), count_rows(ledger, "institution")) == (2, 1)
    info = next(b for b in backup.list_backups(ledger) if b.path == saved)
    assert info.record_counts()["unit"] == 2 and info.record_counts()["institution"] == 1
    open_ledger(ledger)
    assert sorted(service.names_of("unit", [1, 2, 3]).values()) == ["县委组织部", "县科技局"]
    assert service.total_records() == 3
    service.save(UNIT_SPEC, {"name": "县农业农村局"})  # and the restored file takes writes


# Opening or replacing the ledger file itself (a server is restored to a new database).
@pytest.mark.sqlite_only
def test_restore_refuses_a_damaged_backup_and_keeps_the_ledger(make, ledger, tmp_path):
    make("unit", name="县委组织部")
    store_db.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    before = ledger.read_bytes()
    with pytest.raises(OSError, match="damaged"):
        backup.restore_file(bad, ledger)
    assert ledger.read_bytes() == before
    assert count_rows(ledger, "unit") == 1


# ---------------------------------------------------------------- migration


def test_migration_backup_restores_to_the_old_file(tmp_path):
    """What tests/store/test_migrations.py does not cover: the pre-migration
    backup is listed, counts what the old file held, and restoring it gives
    back a file the program upgrades again without losing anything."""
    path = tmp_path / "old.sqlite"
    make_v1_file(path)
    open_ledger(path)
    service.save(INSTITUTION_SPEC, {"name": "山西农业大学"})  # a change after upgrading
    store_db.close()

    [made] = backup.list_backups(path)
    assert made.reason == "pre-migration"
    assert integrity.check_file(made.path, full=True) == []
    counts = made.record_counts()
    assert (counts["unit"], counts["institution"], counts["talent"], counts["activity"]) == (
        1,
        1,
        1,
        1,
    )

    backup.restore_file(made.path, path)
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 1
    finally:
        con.close()
    open_ledger(path)
    try:
        assert migrations.schema_version() == migrations.LATEST
        assert service.names_of("institution", [1, 2]) == {1: "中北大学"}
    finally:
        store_db.close()
    assert [b.reason for b in backup.list_backups(path)].count("pre-migration") == 2


# Opening or replacing the ledger file itself (a server is restored to a new database).
@pytest.mark.sqlite_only
def test_unfinished_backups_a_kill_left_are_removed_on_the_next_open(make, ledger):
    """A kill during a backup leaves NAME.sqlite.part and its -journal; the next
    open removes them, but not a backup still being written, nor another
    ledger's files."""
    import os

    make("unit", name="县委组织部")
    store_db.close()
    folder = backup.backup_dir_for(ledger)
    folder.mkdir(parents=True, exist_ok=True)
    stem = ledger.stem
    killed = [
        folder / f"{stem}-20261128-101010-daily.sqlite.part",
        folder / f"{stem}-20261128-101010-daily.sqlite.part-journal",
    ]
    in_progress = folder / f"{stem}-20261129-090000-manual.sqlite.part"
    other_ledger = folder / f"{stem}-2023-20261128-101010-daily.sqlite.part"
    an_hour_ago = (dt.datetime.now() - dt.timedelta(hours=1)).timestamp()
    for p in (*killed, in_progress, other_ledger):
        p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    for p in (*killed, other_ledger):
        os.utime(p, (an_hour_ago, an_hour_ago))

    opened = open_guarded(ledger)
    opened.close()
    assert not any(p.exists() for p in killed)
    assert in_progress.exists() and other_ledger.exists()
    assert [b.reason for b in backup.list_backups(ledger)] == ["daily"]  # a real one was made
