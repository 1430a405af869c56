"""A damaged file is caught when it is opened, and the newest good backup replaces it."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.records import search_index, service
from desktop_app.records.specs import UNIT_SPEC
from desktop_app.safety import backup, integrity
from desktop_app.safety.guard import DamagedFile, newest_good_backup, open_guarded
from desktop_app.safety.lock import lock_path
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from tests.safety.conftest import count_rows

# About the ledger file itself (its lock, -wal, pages, folder, a killed writer).
pytestmark = pytest.mark.sqlite_only


def overwrite_table_root(path: Path, table: str) -> None:
    """Overwrite the root page of a table with random bytes, as a bad sector would."""
    assert not path.with_name(path.name + "-wal").exists()  # every page is in the file
    con = sqlite3.connect(path)
    try:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        root = root.fetchone()[0]
    finally:
        con.close()
    with open(path, "r+b") as fh:
        fh.seek(page_size * (root - 1))
        fh.write(random.Random(5).randbytes(page_size))


@pytest.fixture
def damaged(ledger):
    """(ledger path, its manual backup holding 200 units); the ledger then gets
    20 more units and has its unit table's root page overwritten."""
    m.Unit.insert_many(
        [{"name": f"单位{i:03}", "notes": "备注" * 100, "sort_key": f"{i:03}"} for i in range(200)]
    ).execute()
    # Written past the service: their search index rows too, as save() would.
    search_index.reindex(UNIT_SPEC, [u.id for u in m.Unit.select(m.Unit.id)])
    made = backup.backup_before(ledger, "manual")
    for i in range(20):
        service.save(UNIT_SPEC, {"name": f"新单位{i}"})
    store_db.close()
    overwrite_table_root(ledger, "unit")
    return ledger, made


def test_overwritten_bytes_are_found_on_open(damaged):
    path, _ = damaged
    assert integrity.check_file(path) != []
    with pytest.raises(DamagedFile) as exc:
        open_guarded(path)
    assert exc.value.path == path and exc.value.problems
    assert not lock_path(path).exists()  # refused before anything was taken


def test_damaged_file_restored_from_newest_good_backup(damaged):
    path, made = damaged
    # a newer backup that is itself damaged is passed over
    newer = backup.backup_dir_for(path) / f"{path.stem}-29991231-235959-daily.sqlite"
    newer.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)

    good = newest_good_backup(path)
    assert good is not None and good.path == made
    expected = good.record_counts()
    assert expected["unit"] == 200

    moved = integrity.quarantine(path)  # what the program does before restoring
    assert moved.name == "ledger.sqlite.damaged" and not path.exists()
    backup.restore_file(good.path, path)
    opened = open_guarded(path, daily_backup=False)
    try:
        assert m.Unit.select().count() == expected["unit"]
        assert integrity.check_file(path, full=True) == []
    finally:
        opened.close()


def test_restore_over_a_damaged_ledger_keeps_it_aside(damaged):
    # A damaged ledger cannot be backed up before it is replaced: it is moved aside.
    path, made = damaged
    kept = backup.restore_file(made, path)
    assert kept.name == "ledger.sqlite.damaged" and kept.exists()
    assert not list(backup.backup_dir_for(path).glob("*.part"))
    assert count_rows(path, "unit") == 200


def test_cli_restore_over_a_damaged_ledger(damaged, capsys):
    path, made = damaged
    assert cli.main(["check", "--db", str(path)]) == 1
    assert "problem(s)" in capsys.readouterr().out

    assert cli.main(["restore", str(made), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"restored from {made}" in out and "ledger.sqlite.damaged" in out
    assert "unit 200" in out
    assert cli.main(["check", "--db", str(path)]) == 0


def test_an_emptied_ledger_with_backups_is_damaged_not_new(make, ledger):
    """A 0-byte file where a ledger with backups was is set aside and the
    newest good backup offered, not opened as a new empty ledger."""
    make("unit", name="县委组织部")
    store_db.close()
    made = backup.backup_before(ledger, "manual")
    ledger.write_bytes(b"")
    with pytest.raises(DamagedFile) as damaged:
        open_guarded(ledger)
    assert damaged.value.problems == ["the file is empty (0 bytes)"]
    assert newest_good_backup(ledger).path == made
    assert not lock_path(ledger).exists()  # refused before the lock was taken


def test_an_empty_file_without_backups_opens_as_a_new_ledger(tmp_path):
    path = tmp_path / "new.sqlite"
    path.write_bytes(b"")
    opened = open_guarded(path)
    try:
        assert count_rows(path, "unit") == 0
    finally:
        opened.close()
        store_db.close()


def _index_damaged_ledger(make, ledger) -> None:
    """Damage only the unit_name index: one index entry's rowid byte is flipped.
    quick_check passes such a file; integrity_check says "row … missing from index"."""
    for i in range(200):
        make("unit", name=f"县单位{i:03d}")
    store_db.database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store_db.close()
    data = bytearray(ledger.read_bytes())
    con = sqlite3.connect(ledger)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'unit_name'").fetchone()[0]
    con.close()
    page = slice(page_size * (root - 1), page_size * root)
    name = "县单位123".encode()
    at = page.start + bytes(data[page]).index(name) + len(name)  # the entry's rowid
    data[at] ^= 0x01
    ledger.write_bytes(bytes(data))
    assert integrity.check_file(ledger) == []  # the quick check alone misses it
    assert integrity.check_file(ledger, full=True)


def test_index_damage_is_caught_when_the_ledger_opens(make, ledger):
    _index_damaged_ledger(make, ledger)
    with pytest.raises(DamagedFile) as damaged:
        open_guarded(ledger, daily_backup=False)
    assert any("missing from index" in p for p in damaged.value.problems)
    assert not lock_path(ledger).exists()


def test_a_large_ledger_whose_daily_backup_fails_its_check_is_reported(make, ledger, monkeypatch):
    """Above the size for a full check on open, the daily backup's check of its
    copy finds the damage: the user is told at once, not only the log."""
    from desktop_app.safety import guard

    _index_damaged_ledger(make, ledger)
    monkeypatch.setattr(guard, "FULL_CHECK_MAX_BYTES", 0)
    with pytest.raises(DamagedFile) as damaged:
        open_guarded(ledger)
    assert any("missing from index" in p for p in damaged.value.problems)
    assert not lock_path(ledger).exists()  # released, and the file is closed
    assert backup.list_backups(ledger) == []  # no damaged copy kept as a backup
    assert not list(backup.backup_dir_for(ledger).glob("*.part"))
    integrity.quarantine(ledger)  # the file is free to be set aside


@pytest.mark.parametrize("offset", [18, 19])
def test_a_damaged_format_version_in_the_header_is_damage(make, ledger, offset):
    """SQLite itself then refuses every write ("attempt to write a readonly
    database") while its checks say ok: the file is damaged, a backup is offered."""
    make("unit", name="县委组织部")
    store_db.database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store_db.close()
    backup.backup_before(ledger, "manual")
    data = bytearray(ledger.read_bytes())
    data[offset] = 3
    ledger.write_bytes(bytes(data))
    with pytest.raises(DamagedFile) as damaged:
        open_guarded(ledger)
    assert damaged.value.problems == [
        "damaged file header: format versions " + ("3/2" if offset == 18 else "2/3")
    ]
    assert newest_good_backup(ledger) is not None
    assert cli.main(["check", "--db", str(ledger)]) == 1


def test_a_file_that_is_not_a_ledger_is_damage(tmp_path):
    path = tmp_path / "ledger.sqlite"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)  # an .xlsx renamed by mistake
    assert integrity.check_file(path) == ["not a ledger file (no SQLite header)"]


def test_invalid_utf8_is_read_and_found_not_a_crash(make, ledger, tmp_path, capsys):
    """Text that is not UTF-8 (written behind the program's back) no longer kills
    a list page, an export or audit verify; `check` names the table and row."""
    from desktop_app.exchange.export import all_columns, write_export
    from desktop_app.records.queries import ListQuery, fetch_page
    from desktop_app.records.specs import spec_for

    rid = make("institution", name="中北大学", short_name="中北")
    make("institution", name="山西农业大学")
    store_db.close()
    con = sqlite3.connect(ledger)
    # 中北大 followed by half of 学: the last character's bytes are cut.
    con.execute(
        "UPDATE institution SET name = CAST(X'E4B8ADE58C97E5A4A7E5AD' AS TEXT) WHERE id = ?", (rid,)
    )
    con.commit()
    con.close()

    assert cli.main(["check", "--db", str(ledger)]) == 1
    out = capsys.readouterr().out
    assert f"institution row {rid}: name is not valid UTF-8 text" in out

    open_guarded(ledger, daily_backup=False).close()
    store_db.close()
    from desktop_app.store.opening import open_ledger

    open_ledger(ledger)
    spec = spec_for("institution")
    cells = [c for row in fetch_page(ListQuery(spec), 0, 200) for c in row]  # the list page
    assert "中北大\ufffd" in cells and "山西农业大学" in cells
    out_file = tmp_path / "院校.xlsx"
    write_export(ListQuery(spec), out_file, all_columns(spec))
    assert out_file.stat().st_size > 0
    store_db.close()
    # The log itself is intact; replaying it names the damaged value.
    assert cli.main(["audit", "verify", "--db", str(ledger)]) == 1
    out = capsys.readouterr().out
    assert "chain intact, but 1 record(s) differ" in out
    assert (
        f"institution #{rid} 中北大学: name is '中北大\ufffd', its history says '中北大学'" in out
    )
