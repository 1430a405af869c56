"""One writer per file: a second copy sees who holds it; a crashed holder's lock
is taken over; read-only mode cannot write; network folders are recognised."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import os
import signal
import socket
import sys
from pathlib import Path, PureWindowsPath

import peewee
import pytest

from desktop_app.records import audit, service
from desktop_app.records.specs import UNIT_SPEC
from desktop_app.safety import lock
from desktop_app.safety.guard import open_guarded
from desktop_app.safety.lock import FileLock, LockHeld, is_network_path, lock_path, read_holder
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger
from tests.safety.conftest import count_rows

# About the ledger file itself (its lock, -wal, pages, folder, a killed writer).
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def closed_ledger(make, ledger):
    """A ledger holding two units, closed in this process."""
    make("unit", name="县委组织部")
    make("unit", name="县科技局")
    store_db.close()
    return ledger


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_second_process_sees_the_lock_then_takes_over_when_it_crashes(closed_ledger, spawn):
    path = closed_ledger
    child = spawn("hold", path)

    with pytest.raises(LockHeld) as exc:
        open_guarded(path)
    holder = exc.value.holder
    assert holder.pid == child.pid
    assert holder.host == socket.gethostname()
    assert holder.user == getpass.getuser()
    since = dt.datetime.fromisoformat(holder.since)
    assert dt.timedelta(0) <= dt.datetime.now() - since < dt.timedelta(minutes=1)
    message = str(exc.value)
    assert holder.user in message and holder.host in message and holder.since in message

    # What the program offers then: read-only, while the other copy keeps writing.
    opened = open_guarded(path, read_only=True)
    try:
        assert opened.read_only and opened.lock is None
        assert store_db.is_read_only()
        assert m.Unit.select().count() == 2
    finally:
        opened.close()
    assert read_holder(path).pid == child.pid  # a reader leaves the holder's lock alone

    os.kill(child.pid, signal.SIGKILL)  # the holder crashes
    child.wait(10)
    assert lock_path(path).exists() and read_holder(path).pid == child.pid  # stale

    opened = open_guarded(path, daily_backup=False)
    try:
        assert not opened.read_only and opened.lock.held
        assert read_holder(path).pid == os.getpid()
        service.save(UNIT_SPEC, {"name": "县农业农村局"})
    finally:
        opened.close()
    assert not lock_path(path).exists()  # released on close
    assert count_rows(path, "unit") == 3


def _held_then_free(first_name: Path, second_name: Path) -> None:
    """Held under first_name, the lock is refused under second_name; released, it is free."""
    first = FileLock(first_name)
    first.acquire()
    try:
        with pytest.raises(LockHeld) as exc:
            FileLock(second_name).acquire()
        assert exc.value.holder.pid == os.getpid()
    finally:
        first.release()
    assert not first.held and not lock_path(first_name).exists()
    second = FileLock(second_name)
    second.acquire()  # free again
    assert second.held
    second.release()


def test_lock_in_this_process_and_release(closed_ledger):
    _held_then_free(closed_ledger, closed_ledger)


def test_stale_lock_file_without_holder_is_taken_over(closed_ledger):
    # A crash can also leave an empty or half-written lock file.
    lock_path(closed_ledger).write_text("{", encoding="utf-8")
    assert read_holder(closed_ledger) is None
    opened = open_guarded(closed_ledger, daily_backup=False)
    try:
        assert read_holder(closed_ledger).pid == os.getpid()
    finally:
        opened.close()


def test_read_only_mode_cannot_write(closed_ledger):
    path = closed_ledger
    entries = count_rows(path, "audit_entry")
    digest = _digest(path)
    open_ledger(path, read_only=True)
    try:
        assert store_db.is_read_only()
        with pytest.raises(peewee.OperationalError):
            service.save(UNIT_SPEC, {"name": "县农业农村局"})
        with pytest.raises(peewee.OperationalError):
            service.save(UNIT_SPEC, {"name": "改名"}, 1)
        with pytest.raises(peewee.OperationalError):
            service.delete(UNIT_SPEC, 1)
        # Nothing to undo: failed saves push no step, and the steps made before
        # the file was opened again (the two units) are not replayed on it.
        assert service.undo_last() is None
        assert [u.name for u in m.Unit.select().order_by(m.Unit.id)] == ["县委组织部", "县科技局"]
        assert audit.verify() is None
    finally:
        store_db.close()
    assert _digest(path) == digest
    assert count_rows(path, "audit_entry") == entries
    assert count_rows(path, "deleted_record") == 0


@pytest.mark.parametrize(
    "text",
    [r"\\fileserver\台账\ledger.sqlite", "//fileserver/share/ledger.sqlite"],
)
def test_unc_paths_are_network_paths(text):
    assert is_network_path(Path(text))
    assert is_network_path(PureWindowsPath(text))


def test_local_file_is_not_a_network_path(closed_ledger):
    assert not is_network_path(closed_ledger)
    opened = open_guarded(closed_ledger, daily_backup=False)
    try:
        assert not opened.on_network
    finally:
        opened.close()


def test_holder_describes_itself():
    holder = lock.Holder("PC-01", "王海江", 4242, "2024-06-01T09:30:00")
    assert holder.describe() == "王海江@PC-01 (pid 4242) since 2024-06-01T09:30:00"
    # A name holding a placeholder is shown as it is, not filled in again.
    odd = lock.Holder("PC-%1", "a%4b", 1, "2024-06-01T09:30:00")
    assert odd.describe() == "a%4b@PC-%1 (pid 1) since 2024-06-01T09:30:00"


ZH_HELD_BY = "%1@%2（进程 %3，自 %4 起）"


def test_holder_described_in_the_language_of_the_caller():
    """The command line passes its own translate (the catalogue read without Qt)."""
    holder = lock.Holder("PC-01", "王海江", 4242, "2024-06-01T09:30:00")
    table = {("Safety", lock.HELD_BY): ZH_HELD_BY}
    described = holder.describe(lambda context, text: table.get((context, text), text))
    assert described == "王海江@PC-01（进程 4242，自 2024-06-01T09:30:00 起）"


def test_holder_described_in_the_windows_language(qapp):
    """In the program's window the message comes through Qt's installed translation,
    also when the lock raises LockHeld (whose text is the description)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Chinese(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return ZH_HELD_BY if (context, source) == ("Safety", lock.HELD_BY) else ""

    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        holder = lock.Holder("PC-01", "王海江", 4242, "2024-06-01T09:30:00")
        assert holder.describe() == "王海江@PC-01（进程 4242，自 2024-06-01T09:30:00 起）"
        assert str(LockHeld(holder)) == holder.describe()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_read_only_open_of_a_folder_with_uri_characters(tmp_path):
    """A folder named like 台账 #2023 must not be cut at '#' when opened read-only."""
    from desktop_app.records import service
    from desktop_app.records.specs import SPECS
    from desktop_app.safety import integrity
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

    folder = tmp_path / "台账 #2023 %20"
    folder.mkdir()
    path = folder / "ledger.sqlite"
    open_ledger(path)
    service.save(SPECS["unit"], {"name": "龙泉镇"})
    store_db.close()
    open_ledger(path, read_only=True)
    try:
        assert [n for _, n in service.choices_for_link("unit")] == ["龙泉镇"]
    finally:
        store_db.close()
    assert integrity.check_file(path) == []


def test_no_attachment_is_copied_into_a_read_only_ledger(tmp_path):
    from desktop_app.records import attachments, service
    from desktop_app.records.specs import SPECS
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

    path = tmp_path / "ro.sqlite"
    open_ledger(path)
    rid = service.save(SPECS["unit"], {"name": "龙泉镇"})
    store_db.close()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF")
    open_ledger(path, read_only=True)
    try:
        with pytest.raises(PermissionError):
            attachments.add_file("unit", rid, scan)
    finally:
        store_db.close()
    assert not (tmp_path / "ro-files").exists() or not any((tmp_path / "ro-files").iterdir())


def test_one_file_by_two_names_meets_one_lock(closed_ledger, tmp_path):
    """A symlink (on Windows: another spelling of the path) is the same ledger."""
    other_name = tmp_path / "elsewhere" / "same-ledger.sqlite"
    other_name.parent.mkdir()
    other_name.symlink_to(closed_ledger)
    _held_then_free(closed_ledger, other_name)
    _held_then_free(other_name, closed_ledger)


def test_a_copy_that_loses_the_race_waits_for_the_winners_name(closed_ledger):
    """The winner takes the OS lock first and writes its name a moment later;
    the loser must not report "?@? (pid 0)" in between."""
    import json
    import threading

    fh = open(lock_path(closed_ledger), "a+", encoding="utf-8")  # noqa: SIM115
    try:
        assert lock._try_os_lock(fh)  # the winner, before it has written anything
        holder = {"host": "办公室电脑", "user": "张三", "pid": 4242, "since": "2026-11-29T09:00:00"}

        def write_name_late() -> None:
            fh.seek(0)
            fh.truncate()
            fh.write(json.dumps(holder, ensure_ascii=False))
            fh.flush()

        timer = threading.Timer(0.3, write_name_late)
        timer.start()
        with pytest.raises(LockHeld) as held:
            FileLock(closed_ledger).acquire()
        timer.join()
        assert held.value.holder == lock.Holder("办公室电脑", "张三", 4242, "2026-11-29T09:00:00")
    finally:
        fh.close()


def test_a_ledger_with_a_second_name_is_not_opened_for_writing(tmp_path, capsys):
    """A hard link would get a lock of its own; SQLite keeps a -wal per name."""
    import os

    from desktop_app import cli
    from desktop_app.safety.lock import FileLock, LinkedFile

    a = tmp_path / "a.sqlite"
    assert cli.main(["demo", "--db", str(a)]) == 0
    b = tmp_path / "b.sqlite"
    os.link(a, b)
    holder = FileLock(a)
    with pytest.raises(LinkedFile, match="has 2 names"):
        holder.acquire()
    source = tmp_path / "units.csv"
    source.write_text("单位名称\n县科技局\n", encoding="utf-8")
    for args in (["import", "unit", str(source)], ["demo"]):
        capsys.readouterr()
        assert cli.main([*args, "--db", str(b)]) == 2
        assert "has 2 names (hard links)" in capsys.readouterr().err
    b.unlink()
    holder.acquire()  # one name again: fine
    holder.release()
