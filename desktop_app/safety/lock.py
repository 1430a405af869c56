"""One writer per ledger file: a lock file beside it that names its holder.

The lock file holds host, user, pid and start time, so a second copy of the
program (on this PC or another) can say who has the file open. An OS-level
lock on that file tells a live holder from one that crashed: a crashed
program's OS lock is gone, so its stale lock file is taken over.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import re
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    return text


# Who holds the ledger: user@host (pid …) since <ISO time>.
HELD_BY = QT_TRANSLATE_NOOP("Safety", "%1@%2 (pid %3) since %4")


def _qt_translate(context: str, text: str) -> str:
    """Qt's translation when the program's window has loaded Qt, else the English source.

    No Qt import here: the command line and the safety checks run without it.
    """
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return text
    return qtcore.QCoreApplication.translate(context, text)


@dataclass
class Holder:
    host: str
    user: str
    pid: int
    since: str

    def describe(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The holder in the language of translate(context, text), default Qt's."""
        template = (translate or _qt_translate)("Safety", HELD_BY)
        args = (self.user, self.host, str(self.pid), self.since)
        # One pass: a user or host name holding "%2" must not be filled in again.
        return re.sub(r"%([1-4])", lambda m: args[int(m.group(1)) - 1], template)


class LockHeld(Exception):
    def __init__(self, holder: Holder):
        super().__init__(holder.describe())
        self.holder = holder


def real_path(db_path: Path) -> Path:
    """The ledger's one name: symlinks followed, and on Windows the spelling
    (case, 8.3 short names, drive letter) the file system keeps. Two copies
    opening one file by two names must meet at one lock."""
    try:
        return Path(os.path.realpath(db_path))
    except (OSError, ValueError):
        return Path(db_path).absolute()


def lock_path(db_path: Path) -> Path:
    real = real_path(db_path)
    return real.with_name(real.name + ".lock")


def _try_os_lock(fh) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _same_file(fh, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fh.fileno()), os.stat(path))
    except OSError:
        return False


def read_holder(db_path: Path) -> Holder | None:
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        return Holder(data["host"], data["user"], int(data["pid"]), data["since"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


# How long a copy that lost the race waits for the winner to write its name:
# the winner takes the OS lock first and writes a moment later.
HOLDER_WAIT_S = 2.0
UNKNOWN = Holder("?", "?", 0, "?")


def _wait_for_holder(db_path: Path, timeout: float = HOLDER_WAIT_S) -> Holder:
    deadline = time.monotonic() + timeout
    while True:
        holder = read_holder(db_path)
        if holder is not None or time.monotonic() >= deadline:
            return holder or UNKNOWN
        time.sleep(0.02)


# Lock files this process holds (a second FileLock here would see its own).
_held_here: set[Path] = set()


def held_here(db_path: Path) -> bool:
    """Whether this process holds db_path's lock."""
    return lock_path(db_path) in _held_here


class LinkedFile(OSError):
    """The ledger file has more than one name (hard links)."""


class FileLock:
    """Held while the program has the ledger open for writing."""

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._fh = None

    def acquire(self) -> None:
        # The lock is keyed on the file's name; a hard link is a second name for
        # the same file, whose writer would take a lock of its own (and SQLite
        # keeps its -wal beside each name: saves through one vanish through the
        # other). SQLite's own advice: never give a database two names.
        try:
            links = os.stat(self.db_path).st_nlink
        except OSError:
            links = 1  # not there yet: a new ledger
        if links > 1:
            raise LinkedFile(
                f"{self.db_path} has {links} names (hard links): two copies of the program "
                "could write it through different names and lose saves. Delete the other "
                "names, keep one, and open it again"
            )
        for _attempt in range(5):
            fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held open on purpose)
            if not _try_os_lock(fh):
                fh.close()
                raise LockHeld(_wait_for_holder(self.db_path))
            # A holder releasing at this moment unlinks the file we just locked;
            # a lock on an unlinked file protects nothing, so lock the new one.
            if _same_file(fh, self.path):
                break
            fh.close()
        else:
            raise LockHeld(_wait_for_holder(self.db_path))
        try:
            user = getpass.getuser()
        except Exception:
            user = "unknown"
        holder = {
            "host": socket.gethostname(),
            "user": user,
            "pid": os.getpid(),
            "since": dt.datetime.now().isoformat(timespec="seconds"),
        }
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(holder, ensure_ascii=False))
        fh.flush()
        self._fh = fh
        _held_here.add(self.path)

    def release(self) -> None:
        if self._fh is None:
            return
        fh, self._fh = self._fh, None
        _held_here.discard(self.path)
        try:
            fh.seek(0)
            fh.truncate()
            if sys.platform != "win32":
                # Unlink while still holding the lock: a copy waiting to lock the
                # old file then sees (in acquire) that it is no longer the lock
                # file and retries. Closing first would let two copies hold it.
                self._unlink()
        finally:
            fh.close()
            if sys.platform == "win32":
                self._unlink()  # Windows cannot delete a file that is still open

    def _unlink(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass

    @property
    def held(self) -> bool:
        return self._fh is not None


def is_network_path(path: Path) -> bool:
    """UNC paths, mapped network drives and NFS/SMB mounts (SQLite can corrupt there)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        try:
            import ctypes

            drive = os.path.splitdrive(str(path.resolve()))[0] + "\\"
            return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
        except Exception:
            return False
    try:
        resolved = str(path.resolve())
        best, fstype = "", ""
        with open("/proc/mounts", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 3:
                    continue
                mount = parts[1]
                # Whole path components: an NFS mount at /mnt/nas is not /mnt/nas2's.
                inside = resolved == mount or resolved.startswith(mount.rstrip("/") + "/")
                if inside and len(mount) > len(best):
                    best, fstype = mount, parts[2]
        return fstype in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p"}
    except OSError:
        return False
