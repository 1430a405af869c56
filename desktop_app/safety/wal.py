"""A damaged write-ahead log, found before SQLite replays it.

In WAL mode each save is appended to LEDGER-wal and copied into the ledger
at the next checkpoint. When SQLite opens a ledger whose -wal is left over (the
program was killed, the PC lost power), it replays the frames in order and
stops at the first one whose checksum does not fit: every save after a damaged
frame is dropped without a word, and the next checkpoint overwrites the -wal,
so they are gone for good.

inspect() reads the -wal as SQLite would (the format is in SQLite's
documentation, "WAL File Format") and tells whether saves lie beyond the point
where SQLite would stop. The caller keeps a copy aside (keep_aside) before
opening the ledger for writing, and tells the user.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

MAGIC_LE = 0x377F0682  # checksums over little-endian words
MAGIC_BE = 0x377F0683  # checksums over big-endian words
HEADER = 32
FRAME_HEADER = 24
_MASK = 0xFFFFFFFF


@dataclass(frozen=True)
class WalDamage:
    wal: Path
    good_saves: int  # saves SQLite will replay
    lost_saves: int  # saves after the damage, which SQLite would drop
    kept: Path | None = None  # where the copy was kept aside


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & _MASK
        s1 = (s1 + words[i + 1] + s0) & _MASK
    return s0, s1


def inspect(path: Path) -> WalDamage | None:
    """The damage in path's -wal, or None when SQLite will replay every save in it.

    Read a frame at a time: a -wal a blocked checkpoint let grow to hundreds of
    megabytes is never held in memory whole."""
    wal = wal_path(Path(path))
    try:
        fh = open(wal, "rb")  # noqa: SIM115 (closed below, after the loops)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return None
    with fh:
        header = fh.read(HEADER)
        if len(header) < HEADER:
            return None  # nothing was ever committed to it
        magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", header)
        valid_size = 512 <= page_size <= 65536 and page_size & (page_size - 1) == 0
        if magic not in (MAGIC_LE, MAGIC_BE) or not valid_size:
            return _all_lost(wal, header + fh.read())
        big = magic == MAGIC_BE
        if _checksum(header[:24], 0, 0, big) != (c0, c1):
            return _all_lost(wal, header + fh.read())
        frame = FRAME_HEADER + page_size
        s0, s1 = c0, c1
        good = 0
        index = 0  # frames read so far
        while True:
            data = fh.read(frame)
            if len(data) < frame:
                return None  # every whole frame fitted: nothing lost
            index += 1
            head = data[:FRAME_HEADER]
            _page, commit, f_salt1, f_salt2, f_c0, f_c1 = struct.unpack(">6I", head)
            if (f_salt1, f_salt2) != (salt1, salt2):
                break
            s0, s1 = _checksum(head[:8], s0, s1, big)
            s0, s1 = _checksum(data[FRAME_HEADER:], s0, s1, big)
            if (s0, s1) != (f_c0, f_c1):
                break
            if commit:
                good += 1
        # Beyond the point SQLite stops: frames of this log's generation (its
        # salts) that end a save. Older generations' leftovers carry other salts.
        # A frame torn by a kill is always the last one written: when nothing of
        # this generation follows the bad frame, no confirmed save was lost (its
        # commit had not returned), however the frame's own header reads;
        # unless the -shm says the frame was committed (below).
        commits: list[int] = []  # frame numbers (1-based) of this generation's commits
        later = False
        bad, bad_index = data, index
        bad_commit, bad_salt1, bad_salt2 = struct.unpack(">3I", bad[4:16])
        if bad_commit and (bad_salt1, bad_salt2) == (salt1, salt2):
            commits.append(bad_index)
        data = fh.read(frame)
        while len(data) == frame:
            index += 1
            _page, commit, f_salt1, f_salt2 = struct.unpack(">4I", data[:16])
            if (f_salt1, f_salt2) == (salt1, salt2):
                later = True
                if commit:
                    commits.append(index)
            data = fh.read(frame)
    committed = _committed_frames(path, header[16:24])
    if later:
        lost = len(commits)
    elif committed is not None and committed >= bad_index:
        # The -shm, which SQLite updates only once a save's frames are all
        # written, counts the bad frame as committed: damage, not a torn write.
        lost = max(1, sum(1 for c in commits if c <= committed))
    else:
        lost = 0
    return WalDamage(wal, good, lost) if lost else None


def _committed_frames(path: Path, salts: bytes) -> int | None:
    """The committed frame count the -shm's wal-index header gives (mxFrame),
    when its two copies agree and it belongs to this -wal (same salts)."""
    shm = Path(path).with_name(Path(path).name + "-shm")
    try:
        with open(shm, "rb") as fh:
            head = fh.read(96)
    except OSError:
        return None
    if len(head) < 96 or head[:48] != head[48:96] or head[12] != 1:  # isInit
        return None
    if head[32:40] != salts:
        return None
    return int.from_bytes(head[16:20], sys.byteorder)  # native order, as SQLite wrote it


def _all_lost(wal: Path, data: bytes) -> WalDamage | None:
    """A header SQLite cannot read makes it ignore the whole -wal."""
    if len(data) <= HEADER:
        return None
    return WalDamage(wal, 0, max(1, _commits_guess(data)))


def _commits_guess(data: bytes) -> int:
    # With the header gone the page size is unknown: try each and count the
    # frames whose salts agree with the first frame's and that end a save.
    best = 0
    for size in (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512):
        frame = FRAME_HEADER + size
        if len(data) < HEADER + frame:
            continue
        first = data[HEADER + 8 : HEADER + 16]
        count = 0
        for offset in range(HEADER, len(data) - frame + 1, frame):
            if data[offset + 8 : offset + 16] != first:
                break
            count += struct.unpack(">I", data[offset + 4 : offset + 8])[0] != 0
        best = max(best, count)
    return best


class WalNotKept(OSError):
    """A damaged -wal could not be copied aside (a full disk …): the ledger is
    not opened for writing, which would checkpoint its last copy away."""


def keep_aside(path: Path, damage: WalDamage) -> WalDamage:
    """Copy the ledger and its damaged -wal, as they are, into a folder beside
    it before SQLite opens them for writing; returns damage with the folder."""
    path = Path(path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = path.with_name(f"{path.name}.damaged-wal-{stamp}")
    n = 1
    while folder.exists():
        n += 1
        folder = path.with_name(f"{path.name}.damaged-wal-{stamp}-{n}")
    try:
        folder.mkdir()
        shutil.copy2(path, folder / path.name)
        shutil.copy2(damage.wal, folder / damage.wal.name)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)  # no half copy that looks whole
        raise WalNotKept(
            exc.errno,
            f"the ledger's damaged -wal could not be copied aside into {folder}: "
            f"{exc.strerror or exc}. Free some space and open the ledger again",
        ) from exc
    return WalDamage(damage.wal, damage.good_saves, damage.lost_saves, folder)


def check_before_writing(path: Path) -> WalDamage | None:
    """Before SQLite opens the ledger for writing (and may checkpoint and reuse
    its -wal), keep a damaged -wal aside with the ledger it belongs to.

    Only while no other copy of the program writes: its -wal is live then (a
    save half-appended reads as damage), and that copy checked it when it
    opened. A read-only open never checkpoints, so it need not check.
    Raises WalNotKept when the copy cannot be made."""
    from desktop_app.safety import lock

    path = Path(path)
    if not wal_path(path).is_file():
        return None
    probe = None
    if not lock.held_here(path):
        probe = lock.FileLock(path)
        try:
            probe.acquire()
        except (lock.LockHeld, OSError):
            return None
    try:
        damage = inspect(path)
        if damage is None:
            return None
        damage = keep_aside(path, damage)
        # Take the readable saves into the ledger and start the -wal afresh:
        # left in place, the damaged tail would be found (and reported) again
        # after the next crash, though nothing more was lost.
        con = sqlite3.connect(str(path))
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            con.close()
        return damage
    finally:
        if probe is not None:
            probe.release()
