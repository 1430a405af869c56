"""Benchmark: the reliability test of issue 10, rerun after the fixes.

    python bench/bench_reliability.py [--kills 100] [--damaged 400] [--log-edits 200]
        [--starts 40] [--seed 20261129] [--dir FOLDER] [--workers 2]

Four parts, each against real ledger files and real processes:

1. Kills: SIGKILL at random moments while a child saves activities through
   records.service (it prints each id after its save returned) and while a
   child runs `coop-ledger import` of a 2,000-row file. After each kill the
   file must pass integrity_check and the program's full check, hold every
   confirmed save, hold an import whole or not at all, pass `audit verify`
   and open through safety.guard.open_guarded.
2. Damage by kind: damaged copies of a demo ledger (with a good backup beside
   it), each opened as the program does and then checked with `coop-ledger
   check` and `coop-ledger audit verify`; what nobody reports is compared row
   by row with the original.
3. Change-log edits behind the program's back, and what `audit verify` says.
4. Simultaneous starts: processes taking the ledger's FileLock at once.

Parts 2 and 3 run the commands' own code (desktop_app.cli.main) inside worker
processes, not one process per command: a thousand starts of the program would
not fit the time. Parts 1 and 4 use real processes of the program throughout.
Every case worth a look (silent, missed, a traceback) keeps its files in
FOLDER/damage/KIND-N/as-damaged or FOLDER/edits/KIND-N; the others are deleted.

Prints a Markdown section for docs/reliability.md on stdout (progress goes to
stderr). Kill moments depend on the machine's timing. The damage and the edits
follow from --seed, but land on ledgers built afresh each run, whose times
differ: a few outcomes that depend on a record's creation time can differ too.
A script, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import logging
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from machine import machine  # noqa: E402

WRITE_PREFIX = "写入"  # titles of activities the writing child saves
IMPORT_PREFIX = "导入"  # titles of imported activities: 导入007-00042
IMPORT_ROWS = 2000
# A writing child is killed this long at most after it said "ready" (as in
# tests/safety/test_kill.py); a fifth of the kills land while it is starting.
SAVING_S = 0.3
START_KILL_SHARE = 0.2
# A case in a worker that has not answered in this time is reported as hung.
CASE_TIMEOUT_S = 120
# When a kill landed, as told by what the child had printed.
STARTING = "while starting (open_guarded: check, lock)"
SAVING = "while saving"
READING = "while starting or reading the file"
WRITING = "during backup or write"
FINISHED = "after it had finished"
# What `coop-ledger import --lang en` prints once it has read and planned the
# file, before its backup and write ("FILE [SHEET]: header in row 1; columns: …").
PLAN_MARK = "]: header in row "
DONE_LINE = "imported:"  # and this once its transaction has committed
LOCK_HOLD_S = 1.0  # the winner of the all-at-once start holds the lock this long
PAIR_HOLD_S = 0.3

DAMAGE_KINDS: tuple[tuple[str, str, int], ...] = (
    # key, what is done to the copy, share of --damaged (out of 400)
    ("bitflip", "one bit flipped at a random offset", 100),
    ("garbage", "a random page overwritten with random bytes", 50),
    ("zeroed", "a random page zeroed", 40),
    ("truncated", "file cut at a random page boundary", 40),
    ("header", "a byte of the 100-byte header changed", 40),
    ("empty", "0-byte file", 5),
    ("foreign", "not a SQLite file (random, zip, CSV or PDF bytes)", 15),
    ("wal", "saves left in the -wal by a kill, a byte changed in a frame", 40),
    ("utf8", "invalid UTF-8 written into a text column", 30),
    ("logbyte", "a byte changed in a change-log row", 40),
)
EDIT_KINDS: tuple[tuple[str, str], ...] = (
    ("logbyte", "a byte changed in a log row"),
    ("trim", "the newest 1–20 entries deleted"),
    ("wipe", "every entry deleted"),
    ("rehash", "an old entry rewritten, every hash after it recomputed"),
    ("value", "a record's value changed in its table"),
    ("rowdel", "a record row deleted"),
    ("rowins", "a record row inserted"),
)
INSERT_TIMES = ("created_at kept", "dated now", "backdated")
# Beyond the brief: the same rewrite, and the header seal (user_version and
# application_id, store/seal.py) rewritten to fit, as anyone who read the code could.
RESEAL = ("reseal", "as above, and the header seal rewritten to match (beyond the brief)")


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def say(line: str) -> None:
    # One os.write per line: a line in the pipe survives SIGKILL whole.
    os.write(1, (line + "\n").encode())


def coop_ledger() -> list[str]:
    """The installed command. Preferably the script itself rather than a
    version-manager shim, so that the pid we kill is the importing process."""
    beside = Path(sys.executable).with_name("coop-ledger")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("coop-ledger")
    return [found] if found else [sys.executable, "-m", "desktop_app"]


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def ro(path: Path, raw: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection that only reads: the judge is not our code."""
    con = sqlite3.connect(f"file:{quote(path.resolve().as_posix())}?mode=ro", uri=True)
    if raw:
        con.text_factory = bytes  # invalid UTF-8 must be compared, not raise
    return con


def pragma_integrity(path: Path) -> list[str]:
    try:
        con = ro(path, raw=True)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return [str(exc)]
    rows = [r.decode("utf-8", "replace") if isinstance(r, bytes) else str(r) for r in rows]
    return [] if rows == ["ok"] else rows


Dump = dict[str, tuple[tuple[str, ...], dict[Any, tuple]]]


def dump(path: Path) -> Dump:
    """Every table's rows by rowid, text as bytes, and the header's seal."""
    con = ro(path, raw=True)
    try:
        out: Dump = {}
        names = con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        for (name,) in names.fetchall():
            table = name.decode() if isinstance(name, bytes) else name
            cur = con.execute(f'SELECT rowid, * FROM "{table}"')
            columns = tuple(d[0] for d in cur.description[1:])
            out[table] = (columns, {row[0]: row[1:] for row in cur.fetchall()})
        seal = tuple(
            con.execute(f"PRAGMA {p}").fetchone()[0] for p in ("user_version", "application_id")
        )
        out["(header seal)"] = (("user_version", "application_id"), {0: seal})
        return out
    finally:
        con.close()


def short(value: Any, most: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= most else text[: most - 1] + "…"


def differences(before: Dump, after: Dump, most: int = 4) -> list[str]:
    """What differs between two dumps, table by table, a few rows named."""
    out: list[str] = []
    for table in sorted(set(before) | set(after)):
        if table not in after:
            out.append(f"{table}: table gone")
            continue
        if table not in before:
            out.append(f"{table}: new table")
            continue
        columns, rows_a = before[table]
        _, rows_b = after[table]
        if rows_a == rows_b:
            continue
        gone = sorted(rows_a.keys() - rows_b.keys())
        added = sorted(rows_b.keys() - rows_a.keys())
        changed = sorted(k for k in rows_a.keys() & rows_b.keys() if rows_a[k] != rows_b[k])
        bits = []
        if gone:
            bits.append(f"{len(gone)} row(s) gone (rowid {', '.join(map(str, gone[:most]))})")
        if added:
            bits.append(f"{len(added)} row(s) added (rowid {', '.join(map(str, added[:most]))})")
        for k in changed[:most]:
            cols = [
                f"{c} {short(a)} → {short(b)}"
                for c, a, b in zip(columns, rows_a[k], rows_b[k], strict=True)
                if a != b
            ]
            bits.append(f"rowid {k}: " + "; ".join(cols))
        if len(changed) > most:
            bits.append(f"… {len(changed) - most} more changed row(s)")
        out.append(f"{table}: " + "; ".join(bits))
    return out


def run_cli(args: list[str]) -> tuple[int, str]:
    """A coop-ledger command run by its own code in this process: (exit code, output)."""
    from desktop_app import cli
    from desktop_app.store import db as store_db

    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = cli.main(args)
    except BaseException as exc:  # a crash that escaped main is a finding
        import traceback

        code = -1
        out.write(f"escaped main: {type(exc).__name__}: {exc}\n{traceback.format_exc()}")
    finally:
        store_db.close()
    return code, out.getvalue()


def hardlink_tree(source: Path, dest: Path) -> None:
    """Backups beside a copy: linked, not copied (the program only reads them
    there; a prune unlinks its own link)."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        try:
            os.link(item, dest / item.name)
        except OSError:
            shutil.copy2(item, dest / item.name)


# ------------------------------------------------------------------ children


def child_write(db: Path, institutions: list[int]) -> int:
    """Open the ledger as the program does, then save activities until killed."""
    from desktop_app.records import service
    from desktop_app.records.specs import ACTIVITY_SPEC
    from desktop_app.safety.guard import open_guarded
    from desktop_app.store import db as store_db

    store_db.set_operator("bench")
    opened = open_guarded(db)  # checked, locked, daily backup: the program's start
    if opened.read_only:
        say("read-only")
        return 1
    say("ready")
    n = 0
    while True:
        n += 1
        rid = service.save(
            ACTIVITY_SPEC,
            {
                "date": dt.date(2023, 5, 10),
                "type": "人才宣介会",
                "title": f"{WRITE_PREFIX} {os.getpid()}-{n}",
                "institutions": institutions,
                "outcome": "达成合作意向" * 20,
            },
        )
        say(f"saved {rid}")


def child_lock(db: Path, hold_s: float, marker: Path) -> int:
    """Wait for the start signal (stdin closed), then try the ledger's lock once."""
    from desktop_app.safety.lock import FileLock, LockHeld

    say("ready")
    sys.stdin.buffer.read()
    lock = FileLock(db)
    try:
        lock.acquire()
    except LockHeld as exc:
        h = exc.holder
        say(json.dumps({"lost": True, "pid": h.pid, "host": h.host, "user": h.user}))
        return 0
    got = time.monotonic()
    # A second holder at the same time would find this file already there.
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        overlap = False
    except FileExistsError:
        fd, overlap = None, True
    time.sleep(hold_s)
    if fd is not None:
        os.close(fd)
        os.unlink(marker)
    until = time.monotonic()
    lock.release()
    say(
        json.dumps(
            {"lost": False, "pid": os.getpid(), "at": got, "until": until, "overlap": overlap}
        )
    )
    return 0


def child_main(argv: list[str]) -> int:
    logging.disable(logging.CRITICAL)
    if argv[0] == "write":
        return child_write(Path(argv[1]), [int(a) for a in argv[2:]])
    if argv[0] == "lock":
        return child_lock(Path(argv[1]), float(argv[2]), Path(argv[3]))
    raise SystemExit(f"unknown child mode {argv[0]}")


def spawn_child(*args: str, stdin: int | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "child", *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=child_env(),
    )


# ------------------------------------------------------------------ part 1: kills


def ids_present(path: Path, ids: list[int]) -> set[int]:
    con = ro(path)
    try:
        found: set[int] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found |= {
                r for (r,) in con.execute(f"SELECT id FROM activity WHERE id IN ({marks})", chunk)
            }
        return found
    finally:
        con.close()


def not_whole(path: Path) -> int:
    """Bench activities without both institution links or their "create" entry."""
    con = ro(path)
    try:
        return con.execute(
            "SELECT COUNT(*) FROM activity a WHERE (a.title LIKE ? OR a.title LIKE ?) AND ("
            "(SELECT COUNT(*) FROM activity_institution l WHERE l.activity_id = a.id) != 2 "
            "OR NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.record_type = 'activity' "
            "AND e.record_id = a.id AND e.action = 'create'))",
            (f"{WRITE_PREFIX} %", f"{IMPORT_PREFIX}%"),
        ).fetchone()[0]
    finally:
        con.close()


def count_titles(path: Path, pattern: str) -> int:
    con = ro(path)
    try:
        return con.execute(
            "SELECT COUNT(*) FROM activity WHERE title LIKE ?", (pattern,)
        ).fetchone()[0]
    finally:
        con.close()


def write_import_file(path: Path, n: int) -> None:
    header = ["日期", "类型", "标题", "合作院校", "带队领导", "地点", "参加人数", "成效", "备注"]
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for i in range(IMPORT_ROWS):
            out.writerow(
                [
                    f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "论坛",
                    f"{IMPORT_PREFIX}{n:03d}-{i:05d}",
                    "中国农业大学、清华",  # one by name, one by short name
                    "县长",
                    "阳高县",
                    str(10 + i % 300),
                    "提高了合作成效。" * 5,
                    "",
                ]
            )


def timed_lines(
    child: subprocess.Popen, started: float, planned: threading.Event | None = None
) -> list[tuple[float, str]]:
    """Read a child's stdout to its end, each line with when it arrived;
    planned is set once the import has printed its plan (then it writes)."""
    lines = []
    for raw in child.stdout:
        line = raw.decode("utf-8", "replace").rstrip("\n")
        lines.append((time.monotonic() - started, line))
        if planned is not None and PLAN_MARK in line:
            planned.set()
    return lines


def collect_lines(
    child: subprocess.Popen, started: float, planned: threading.Event, into: list
) -> None:
    """timed_lines for a thread: the child must be read while we wait to kill it."""
    into.extend(timed_lines(child, started, planned))


def calibrate_import(folder: Path, work: Path) -> tuple[float, float, float]:
    """Seconds until one import that is not killed has printed its plan, has
    printed its result (written and committed), and has exited; on a copy."""
    copy = work / "kill-calibration"
    copy.mkdir()
    shutil.copy2(folder / "ledger.sqlite", copy / "ledger.sqlite")  # closed: no -wal
    source = work / "kill-calibration.csv"
    write_import_file(source, 999)
    started = time.monotonic()
    child = subprocess.Popen(
        [
            *coop_ledger(),
            "import",
            "activity",
            str(source),
            "--lang",
            "en",
            "--db",
            str(copy / "ledger.sqlite"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=child_env(),
    )
    lines = timed_lines(child, started)
    child.wait()
    ended = time.monotonic() - started
    if child.returncode != 0:
        raise SystemExit(f"the calibration import failed: {lines}")
    planned = next((t for t, line in lines if PLAN_MARK in line), ended / 2)
    wrote = next((t for t, line in lines if line.startswith(DONE_LINE)), ended)
    shutil.rmtree(copy)
    return planned, wrote, ended


class KillRun:
    """One ledger that takes every kill in turn, and what the kills did to it."""

    def __init__(self, work: Path, rng: random.Random) -> None:
        from desktop_app.cli import make_demo_ledger
        from desktop_app.safety.guard import open_guarded
        from desktop_app.store import db as store_db

        self.work, self.rng = work, rng
        self.folder = work / "kill"
        self.folder.mkdir()
        self.path = self.folder / "ledger.sqlite"
        make_demo_ledger(self.path)
        store_db.close()
        open_guarded(self.path).close()  # the program's first start: the daily backup
        con = ro(self.path)
        self.institutions = [r for (r,) in con.execute("SELECT id FROM institution LIMIT 2")]
        con.close()
        self.stats = {"write": Counter(), "import": Counter()}
        self.failures: list[str] = []
        self.parts_seen: set[str] = set()
        self.ready_s: float | None = None  # how long a writer takes to start
        self.timings: list[tuple[float, float, float]] = []

    def kill_writer(self, c: Counter) -> tuple[str, list[int], int] | None:
        """Start a writer, kill it; (phase, ids it confirmed, its pid)."""
        started = time.monotonic()
        child = spawn_child("write", str(self.path), *map(str, self.institutions))
        lines: list[str] = []
        if self.ready_s is not None and self.rng.random() < START_KILL_SHARE:
            time.sleep(self.rng.uniform(0, self.ready_s))  # while it opens: check, lock
        else:
            first = child.stdout.readline().decode().strip()
            if first != "ready":
                child.kill()
                child.wait()
                self.failures.append(f"a writer did not start ({first!r})")
                c["could not start"] += 1
                return None
            self.ready_s = self.ready_s or time.monotonic() - started
            lines.append(first)
            time.sleep(self.rng.uniform(0, SAVING_S))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        lines += child.stdout.read().decode().splitlines()
        child.stdout.close()
        confirmed = [int(line.split()[1]) for line in lines if line.startswith("saved ")]
        return (SAVING if "ready" in lines else STARTING), confirmed, child.pid

    def kill_importer(self, n: int) -> tuple[str, bool]:
        """Start `coop-ledger import`, kill it; (phase, whether it said it was done)."""
        if (n // 2) % 10 == 0:
            # The ledger grows with every kill, and the import's backup, check
            # and write with it: timed again every ten imports.
            self.timings.append(calibrate_import(self.folder, self.work))
            planned, wrote, ended = self.timings[-1]
            progress(
                f"  an unkilled import: plan {planned:.2f} s, result {wrote:.2f} s, exit {ended:.2f} s"
            )
        planned, wrote, ended = self.timings[-1]
        source = self.work / f"kill-import-{n:03d}.csv"
        write_import_file(source, n)
        started = time.monotonic()
        child = subprocess.Popen(
            [
                *coop_ledger(),
                "import",
                "activity",
                str(source),
                "--db",
                str(self.path),
                "--lang",
                "en",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=child_env(),
        )
        said: list[tuple[float, str]] = []
        plan_printed = threading.Event()
        reader = threading.Thread(target=collect_lines, args=(child, started, plan_printed, said))
        reader.start()
        if self.rng.random() < 0.5:  # anywhere in its run
            time.sleep(self.rng.uniform(0, ended * 1.05))
        else:  # after its plan: in the backup or the write transaction
            plan_printed.wait(timeout=ended * 3)
            time.sleep(self.rng.uniform(0, (wrote - planned) * 1.1))
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
        reader.join()
        child.stdout.close()
        source.unlink()
        text = [line for _t, line in said]
        if child.returncode not in (0, -signal.SIGKILL):
            self.failures.append(f"import {n}: exit {child.returncode}: {text[-3:]}")
        finished = any(line.startswith(DONE_LINE) for line in text)
        if child.returncode == 0 or finished:
            return FINISHED, finished
        return (WRITING if any(PLAN_MARK in line for line in text) else READING), False

    def judge(self, c: Counter, where: str, lost: int | None) -> None:
        """What every kill must leave: a sound file that the program opens."""
        from desktop_app.safety import integrity
        from desktop_app.safety.guard import open_guarded

        # First what the kill left behind, before anything opens the file again.
        backups = self.folder / "backups"
        parts = {p.name for p in backups.glob("*.part*")} if backups.is_dir() else set()
        c[".part files left"] += len(parts - self.parts_seen)
        self.parts_seen |= parts
        problems = pragma_integrity(self.path) or integrity.check_file(self.path, full=True)
        if problems:
            c["damaged"] += 1
            self.failures.append(f"{where}: damaged: {problems[:3]}")
        broken = not_whole(self.path)
        if broken:
            c["not whole"] += 1
            self.failures.append(f"{where}: {broken} activities without their links or history")
        verify = subprocess.run(
            [*coop_ledger(), "audit", "verify", "--db", str(self.path)],
            capture_output=True,
            text=True,
            env=child_env(),
        )
        if verify.returncode != 0:
            c["verify failed"] += 1
            said = (verify.stdout + verify.stderr)[:600]
            self.failures.append(f"{where}: audit verify exit {verify.returncode}: {said}")
        try:
            opened = open_guarded(self.path)
        except Exception as exc:  # any refusal here is a finding
            c["not opened"] += 1
            self.failures.append(f"{where}: open_guarded: {type(exc).__name__}: {exc}"[:400])
            return
        if opened.wal_damage is not None:
            c["wal damage reported"] += 1
            damage = opened.wal_damage
            told = (
                f"{where}: -wal damage reported ({damage.good_saves} saves kept, "
                f"{damage.lost_saves} said to be lost; copy in {damage.kept})"
            )
            if lost == 0:
                told += (
                    "; every confirmed save is in the file: the lost one is the save the kill cut"
                )
            self.failures.append(told)
        opened.close()

    def run(self, kills: int) -> None:
        for n in range(kills):
            kind = "write" if n % 2 == 0 else "import"
            c = self.stats[kind]
            c["kills"] += 1
            started = time.monotonic()
            lost: int | None = None  # confirmed saves missing (writers only)
            if kind == "write":
                killed = self.kill_writer(c)
                if killed is None:
                    continue
                phase, confirmed, pid = killed
                c["confirmed"] += len(confirmed)
                present = ids_present(self.path, confirmed)
                lost = len(set(confirmed) - present)
                mine = count_titles(self.path, f"{WRITE_PREFIX} {pid}-%")
                c["lost"] += lost
                c["unconfirmed saves kept"] += mine - len(present)
                if lost or mine > len(confirmed) + 1:  # one save may commit unconfirmed
                    self.failures.append(
                        f"kill {n + 1}: {lost} confirmed save(s) lost, {mine} of {len(confirmed)} in the file"
                    )
                said = f"{len(confirmed)} saves confirmed"
            else:
                phase, finished = self.kill_importer(n)
                rows = count_titles(self.path, f"{IMPORT_PREFIX}{n:03d}-%")
                c["imports finished"] += finished
                if rows not in (0, IMPORT_ROWS) or (finished and rows != IMPORT_ROWS):
                    c["partial"] += 1
                    self.failures.append(f"kill {n + 1} {phase}: {rows} of {IMPORT_ROWS} rows")
                said = f"{rows} rows in the file"
            c[phase] += 1
            self.judge(c, f"kill {n + 1} ({kind}, {phase})", lost)
            progress(f"  kill {n + 1} ({kind}) {phase}: {said}, {time.monotonic() - started:.1f} s")

    def summary(self) -> dict[str, Any]:
        from desktop_app.safety import backup, integrity

        # The parts a kill left are removed only once older than STALE_PART_AGE;
        # a start that much later is simulated with the clock moved on.
        backups = self.folder / "backups"
        parts_now = sorted(p.name for p in backups.glob("*.part*"))
        later = dt.datetime.now() + backup.STALE_PART_AGE + dt.timedelta(minutes=1)
        removed = backup.remove_stale_parts(self.path, now=later)
        return {
            "stats": self.stats,
            "failures": self.failures,
            "parts_after_starts": parts_now,
            "parts_removed_later": len(removed),
            "parts_left_later": sorted(p.name for p in backups.glob("*.part*")),
            "final_check": integrity.check_file(self.path, full=True, text=True),
            "final_verify": run_cli(["audit", "verify", "--db", str(self.path)]),
            "ledger_mb": self.path.stat().st_size / 2**20,
            "calibration": self.timings,
        }


def kill_test(work: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    run = KillRun(work, rng)
    run.run(kills)
    return run.summary()


# ------------------------------------------------------------------ part 2: damage


def damage_base(work: Path) -> tuple[Path, Path]:
    """(folder of the base ledger with its good backup, folder of the same
    ledger as a kill leaves it: saves still in its -wal)."""
    from desktop_app.cli import make_demo_ledger
    from desktop_app.records import service
    from desktop_app.records.specs import ACTIVITY_SPEC, INSTITUTION_SPEC, UNIT_SPEC
    from desktop_app.safety.guard import open_guarded
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

    folder = work / "base"
    folder.mkdir()
    path = folder / "ledger.sqlite"
    make_demo_ledger(path)
    # Some records of our own beyond the sample: new ones, changed ones, deleted
    # ones (in the recycle bin), so the log holds every kind of entry.
    units = [service.save(UNIT_SPEC, {"name": f"测试单位{i:02d}"}) for i in range(10)]
    institutions = [
        service.save(INSTITUTION_SPEC, {"name": f"测试大学{i:02d}", "short_name": f"测大{i:02d}"})
        for i in range(20)
    ]
    activities = []
    for i in range(120):
        activities.append(
            service.save(
                ACTIVITY_SPEC,
                {
                    "date": dt.date(2024, 1 + i % 12, 1 + i % 28),
                    "type": "座谈会",
                    "title": f"测试活动{i:03d}",
                    "institutions": [institutions[i % 20], institutions[(i + 7) % 20]],
                    "unit": units[i % 10],
                    "participants": 10 + i,
                    "outcome": "达成合作意向",
                },
            )
        )
    for rid in activities[:30]:
        values = service.load(ACTIVITY_SPEC, rid)
        values["participants"] = (values["participants"] or 0) + 5
        values["leader"] = "副县长"
        service.save(ACTIVITY_SPEC, values, rid)
    bins = [service.delete(ACTIVITY_SPEC, rid) for rid in activities[-8:]]
    service.restore_deleted(bins[0])
    store_db.close()
    opened = open_guarded(path)  # the daily backup: the good backup offered later
    opened.close()
    assert (
        not (folder / "ledger.sqlite-wal").exists()
        or (folder / "ledger.sqlite-wal").stat().st_size == 0
    )

    # As tests/safety/test_wal.py _crashed: saves in the -wal, never checkpointed.
    live = work / "wal-live"
    live.mkdir()
    shutil.copy2(path, live / "ledger.sqlite")
    open_ledger(live / "ledger.sqlite")
    db = store_db.database_proxy.obj
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    for i in range(4):
        service.save(UNIT_SPEC, {"name": f"崩溃前单位{i}"})
    for rid in activities[30:34]:
        values = service.load(ACTIVITY_SPEC, rid)
        values["title"] += "（改）"
        service.save(ACTIVITY_SPEC, values, rid)
    crashed = work / "wal-base"
    crashed.mkdir()
    shutil.copy2(live / "ledger.sqlite", crashed / "ledger.sqlite")
    shutil.copy2(live / "ledger.sqlite-wal", crashed / "ledger.sqlite-wal")
    # A killed program leaves its wal-index too (SQLite's -shm), which tells
    # how many frames had committed.
    shutil.copy2(live / "ledger.sqlite-shm", crashed / "ledger.sqlite-shm")
    store_db.close()
    shutil.rmtree(live)
    return folder, crashed


def page_size(data: bytes) -> int:
    size = struct.unpack(">H", data[16:18])[0]
    return 65536 if size == 1 else size


def wal_frames(data: bytes) -> list[tuple[int, int]]:
    """(offset, commit) of each whole frame of a -wal."""
    size = 24 + struct.unpack(">I", data[8:12])[0]
    return [
        (o, struct.unpack(">I", data[o + 4 : o + 8])[0])
        for o in range(32, len(data) - size + 1, size)
    ]


def change_log_byte(con: sqlite3.Connection, rng: random.Random) -> tuple[str, int]:
    """Change one byte of one text value of a random change-log row."""
    ids = [r for (r,) in con.execute("SELECT id FROM audit_entry")]
    while True:
        entry = rng.choice(ids)
        from desktop_app.records.audit import _TEXT_COLUMNS

        column = rng.choice(_TEXT_COLUMNS)
        (value,) = con.execute(
            f'SELECT CAST("{column}" AS BLOB) FROM audit_entry WHERE id = ?', (entry,)
        ).fetchone()
        if value:
            break
    data = bytearray(value)
    at = rng.randrange(len(data))
    old = data[at]
    data[at] ^= rng.randrange(1, 256)
    con.execute(
        f'UPDATE audit_entry SET "{column}" = CAST(? AS TEXT) WHERE id = ?', (bytes(data), entry)
    )
    return f"entry {entry} {column}, byte {at}: {old:#04x} → {data[at]:#04x}", entry


def write_bad_utf8(con: sqlite3.Connection, rng: random.Random) -> str:
    """Put bytes that are not UTF-8 into a random text value (not the log's)."""
    candidates = []
    tables = con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name != 'audit_entry' ORDER BY name"
    ).fetchall()
    for (table,) in tables:
        for column in [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]:
            text = f'typeof("{column}") = \'text\' AND length("{column}") > 0'
            if con.execute(f'SELECT 1 FROM "{table}" WHERE {text} LIMIT 1').fetchone():
                candidates.append((table, column, text))
    table, column, text = rng.choice(candidates)
    rowids = [r for (r,) in con.execute(f'SELECT rowid FROM "{table}" WHERE {text}')]
    rowid = rng.choice(rowids)
    (value,) = con.execute(
        f'SELECT CAST("{column}" AS BLOB) FROM "{table}" WHERE rowid = ?', (rowid,)
    ).fetchone()
    chars = value.decode("utf-8")
    at = rng.randrange(len(chars) + 1)
    head, tail = chars[:at].encode(), chars[at:].encode()
    how = rng.choice(
        ("byte 0xff", "a character cut short", "a lone lead byte", "an encoded surrogate")
    )
    wide = [i for i, ch in enumerate(chars) if len(ch.encode()) > 1]
    if how == "a character cut short" and wide:
        i = rng.choice(wide)
        bad = chars[:i].encode() + chars[i].encode()[:-1] + chars[i + 1 :].encode()
    else:
        how = "byte 0xff" if how == "a character cut short" else how
        insert = {
            "byte 0xff": b"\xff",
            "a lone lead byte": b"\xe5",
            "an encoded surrogate": b"\xed\xa0\x80",
        }
        bad = head + insert[how] + tail
    con.execute(f'UPDATE "{table}" SET "{column}" = CAST(? AS TEXT) WHERE rowid = ?', (bad, rowid))
    return f"{table} row {rowid} {column}: {how}"


FOREIGN = {
    "random bytes": lambda rng, size: rng.randbytes(size),
    "an .xlsx renamed": lambda rng, size: b"PK\x03\x04\x14\x00\x06\x00" + rng.randbytes(size - 8),
    "a CSV file": lambda rng, size: (
        "日期,类型,标题\n" + "2023-05-10,座谈会,测试\n" * (size // 30)
    ).encode(),
    "a PDF file": lambda rng, size: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(size - 15),
}


def apply_damage(kind: str, path: Path, rng: random.Random) -> str:
    """Damage the copy at path as `kind` says; returns what was done."""
    if kind in ("utf8", "logbyte"):
        con = sqlite3.connect(path)
        try:
            detail = write_bad_utf8(con, rng) if kind == "utf8" else change_log_byte(con, rng)[0]
            con.commit()
        finally:
            con.close()
        return detail
    if kind == "wal":
        wal = path.with_name(path.name + "-wal")
        data = bytearray(wal.read_bytes())
        frames = wal_frames(bytes(data))
        size = 24 + struct.unpack(">I", data[8:12])[0]
        index = rng.randrange(len(frames))
        at = rng.randrange(size)
        old = data[frames[index][0] + at]
        data[frames[index][0] + at] ^= rng.randrange(1, 256)
        wal.write_bytes(bytes(data))
        commits = sum(1 for _o, c in frames if c)
        done = sum(1 for _o, c in frames[:index] if c)
        part = "frame header" if at < 24 else "page"
        return (
            f"frame {index + 1} of {len(frames)} (after {done} of {commits} saves), "
            f"{part} byte {at if at < 24 else at - 24}: {old:#04x} → {data[frames[index][0] + at]:#04x}"
        )
    data = bytearray(path.read_bytes())
    ps = page_size(bytes(data))
    pages = len(data) // ps
    if kind == "bitflip":
        at, bit = rng.randrange(len(data)), rng.randrange(8)
        data[at] ^= 1 << bit
        detail = f"bit {bit} of byte {at} (page {at // ps + 1} of {pages}, offset {at % ps})"
    elif kind in ("garbage", "zeroed"):
        page = rng.randrange(1, pages + 1)
        data[(page - 1) * ps : page * ps] = rng.randbytes(ps) if kind == "garbage" else bytes(ps)
        detail = f"page {page} of {pages}"
    elif kind == "truncated":
        keep = rng.randrange(1, pages)
        data = data[: keep * ps]
        detail = f"cut to {keep} of {pages} pages"
    elif kind == "header":
        at = rng.randrange(100)
        old = data[at]
        data[at] ^= rng.randrange(1, 256)
        detail = f"header byte {at}: {old:#04x} → {data[at]:#04x}"
    elif kind == "empty":
        data = bytearray()
        detail = "0 bytes"
    elif kind == "foreign":
        what = rng.choice(sorted(FOREIGN))
        data = bytearray(FOREIGN[what](rng, len(data)))
        detail = what
    else:
        raise ValueError(kind)
    path.write_bytes(bytes(data))
    return detail


_STATE: dict[str, Any] = {}


def init_worker(state: dict[str, Any]) -> None:
    logging.disable(logging.CRITICAL)  # the outcome is read from what is returned
    _STATE.update(state)


def safely(case: Callable[[tuple[int, str, str]], dict[str, Any]], task: tuple) -> dict[str, Any]:
    """A case whose own code fails is reported as such; the run goes on."""
    try:
        return case(task)
    except Exception as exc:  # the bench's own failure, reported with the case
        import traceback

        index, kind, seed = task
        text = f"bench error: {type(exc).__name__}: {exc}\n{traceback.format_exc()}"
        return {
            "index": index,
            "kind": kind,
            "seed": seed,
            "outcome": "bench error",
            "detail": "",
            "crash": [],
            "bench_error": text[-1500:],
        }


def damage_case(task: tuple[int, str, str]) -> dict[str, Any]:
    return safely(one_damaged_copy, task)


def edit_case(task: tuple[int, str, str]) -> dict[str, Any]:
    return safely(one_edit, task)


def one_damaged_copy(task: tuple[int, str, str]) -> dict[str, Any]:
    """One damaged copy: make it, open it as the program does, check it."""
    from desktop_app.safety.guard import DamagedFile, newest_good_backup, open_guarded

    index, kind, seed = task
    rng = random.Random(seed)
    work = Path(_STATE["work"])
    source = Path(_STATE["wal_base" if kind == "wal" else "base"])
    case = work / "damage" / f"{kind}-{index:03d}"
    case.mkdir(parents=True)
    path = case / "ledger.sqlite"
    for name in ("ledger.sqlite", "ledger.sqlite-wal", "ledger.sqlite-shm"):
        if (source / name).exists():
            shutil.copy2(source / name, case / name)
    hardlink_tree(Path(_STATE["base"]) / "backups", case / "backups")
    result: dict[str, Any] = {"index": index, "kind": kind, "seed": seed, "crash": []}
    result["detail"] = apply_damage(kind, path, rng)
    kept = case / "as-damaged"
    kept.mkdir()
    for name in ("ledger.sqlite", "ledger.sqlite-wal"):
        if (case / name).exists():
            shutil.copy2(case / name, kept / name)

    original = _STATE["wal_original" if kind == "wal" else "original"]
    try:
        opened = open_guarded(path)
    except DamagedFile as exc:
        result["outcome"] = "refused"
        result["said"] = "; ".join(exc.problems[:2])[:200]
        result["backup offered"] = newest_good_backup(path) is not None
    except Exception as exc:  # what the user would see instead
        result["outcome"] = "open error"
        result["said"] = f"{type(exc).__name__}: {exc}"[:200]
    else:
        damage = opened.wal_damage
        opened.close()
        check = run_cli(["check", "--db", str(path)])
        verify = run_cli(["audit", "verify", "--db", str(path)])
        result["check"], result["verify"] = check, (verify[0], verify[1][:600])
        result["crash"] = [
            f"{name} exit {code}"
            for name, (code, _o) in (("check", check), ("audit verify", verify))
            if code not in (0, 1)
        ]
        try:
            result["diff"] = differences(original, dump(path))
        except sqlite3.Error as exc:
            result["diff"] = [f"cannot be read: {exc}"]
        if damage is not None:
            result["outcome"] = "wal"
            result["said"] = (
                f"{damage.lost_saves} save(s) lost, {damage.good_saves} kept; copy in {damage.kept}"
            )
        elif check[0] == 1:
            result["outcome"] = "check"
            result["said"] = " ".join(check[1].split("\n")[1:2]).strip()
        elif verify[0] == 1:
            result["outcome"] = "audit"
            result["said"] = " ".join(verify[1].split("\n")[:2]).strip()
        elif result["crash"]:
            result["outcome"] = "crash"
        elif not result["diff"]:
            result["outcome"] = "harmless"
        else:
            result["outcome"] = "silent"
    interesting = result["outcome"] in ("silent", "crash", "open error") or result["crash"]
    if result["outcome"] == "refused" and not result["backup offered"]:
        interesting = True
    if interesting:
        result["kept"] = str(kept)
    else:
        shutil.rmtree(case)
    return result


# ------------------------------------------------------------------ part 3: log edits


def rehash_from(con: sqlite3.Connection, rng: random.Random, reseal: bool) -> tuple[str, str]:
    """Rewrite an old entry and recompute every hash after it with the
    program's own digest (records.audit._digest); reseal: fix the header too."""
    from desktop_app.records import audit
    from desktop_app.store import models as m

    rows = con.execute(
        "SELECT id, at, operator, action, record_type, record_id, title, field, "
        "old_value, new_value, prev_hash, hash FROM audit_entry ORDER BY id"
    ).fetchall()
    keys = (
        "id",
        "at",
        "operator",
        "action",
        "record_type",
        "record_id",
        "title",
        "field",
        "old_value",
        "new_value",
        "prev_hash",
        "hash",
    )
    entries = [dict(zip(keys, r, strict=True)) for r in rows]
    j = rng.randrange(max(1, int(len(entries) * 0.8)))
    target = entries[j]
    if target["action"] == "create" and target["new_value"].startswith("{"):
        snapshot = json.loads(target["new_value"])
        name = rng.choice(sorted(snapshot))
        snapshot[name] = f"{snapshot[name]}改"
        target["new_value"] = json.dumps(snapshot, ensure_ascii=False)
        what = f"its snapshot's {name}"
    elif target["action"] == "update":
        target["new_value"] += "改"
        what = f"the new value of {target['field']}"
    else:
        target["title"] += "改"
        what = "its title"
    prev = audit.GENESIS
    for i, e in enumerate(entries):
        at = m.AuditEntry.at.python_value(e["at"])
        e["at"] = at.isoformat(sep=" ") if isinstance(at, dt.datetime) else str(at)
        digest = audit._digest(prev, e)
        if i < j and digest != e["hash"]:
            raise RuntimeError(f"the program's digest does not give entry {e['id']}'s hash")
        if i >= j:
            e["prev_hash"], e["hash"] = prev, digest
            con.execute(
                "UPDATE audit_entry SET title = ?, old_value = ?, new_value = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (e["title"], e["old_value"], e["new_value"], e["prev_hash"], e["hash"], e["id"]),
            )
        prev = e["hash"]
    if reseal:
        con.execute(f"PRAGMA application_id = {int(prev[:7], 16)}")
    where = f"{target['record_type']} #{target['record_id']}"
    return (
        f"entry {target['id']} ({target['action']} {where}): {what}, {len(entries) - j} hashes recomputed",
        where,
    )


def record_tables() -> list[tuple[str, str, list[Any]]]:
    """(spec key, table, stored field specs) of every record type."""
    from desktop_app.records.specs import ALL_SPECS

    return [
        (s.key, s.model._meta.table_name, [f for f in s.fields if f.is_stored_column])
        for s in ALL_SPECS
    ]


def edit_value(con: sqlite3.Connection, rng: random.Random) -> tuple[str, str]:
    from desktop_app.records.specs import DATE, FK, FLOAT, INT, MULTICHOICE, spec_for

    tables = [
        t for t in record_tables() if con.execute(f'SELECT 1 FROM "{t[1]}" LIMIT 1').fetchone()
    ]
    while True:
        key, table, fields = rng.choice(tables)
        rid = rng.choice([r for (r,) in con.execute(f'SELECT id FROM "{table}"')])
        f = rng.choice(fields)
        (old,) = con.execute(
            f'SELECT "{f.column_name}" FROM "{table}" WHERE id = ?', (rid,)
        ).fetchone()
        if f.kind == FK:
            target = spec_for(f.target).model._meta.table_name
            others = [
                r for (r,) in con.execute(f'SELECT id FROM "{target}" WHERE id IS NOT ?', (old,))
            ]
            if not others:
                continue
            new: Any = rng.choice(others)
        elif f.kind == INT:
            new = (old or 0) + 1
        elif f.kind == FLOAT:
            new = (old or 0) + 1.5
        elif f.kind == DATE:
            new = (
                (dt.date.fromisoformat(old[:10]) + dt.timedelta(days=1)).isoformat()
                if old
                else "2020-01-01"
            )
        elif f.kind == MULTICHOICE:
            new = f"{old}、改" if old else "改"
        else:
            new = f"{old or ''}改"
        con.execute(f'UPDATE "{table}" SET "{f.column_name}" = ? WHERE id = ?', (new, rid))
        return f"{key} #{rid} {f.name}: {short(old)} → {short(new)}", f"{key} #{rid}"


def edit_row(con: sqlite3.Connection, rng: random.Random, insert: bool) -> tuple[str, str]:
    tables = [
        t for t in record_tables() if con.execute(f'SELECT 1 FROM "{t[1]}" LIMIT 1').fetchone()
    ]
    key, table, _fields = rng.choice(tables)
    rid = rng.choice([r for (r,) in con.execute(f'SELECT id FROM "{table}"')])
    if not insert:
        con.execute(f'DELETE FROM "{table}" WHERE id = ?', (rid,))
        return f"{key} #{rid} deleted", f"{key} #{rid}"
    columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")') if r[1] != "id"]
    row = dict(
        zip(
            columns,
            con.execute(
                f'SELECT {", ".join(columns)} FROM "{table}" WHERE id = ?', (rid,)
            ).fetchone(),
            strict=True,
        )
    )
    # Unique text columns get a suffix, so the copy is a new record.
    unique = [r[1] for r in con.execute(f'PRAGMA index_list("{table}")') if r[2]]
    for index in unique:
        for column in [r[2] for r in con.execute(f'PRAGMA index_info("{index}")')]:
            if isinstance(row.get(column), str):
                row[column] += "（副本）"
    # Its creation time: kept from the row it copies, as a copy in a SQLite
    # tool would; now; or years back, as a record from before the change log.
    when = rng.choice(INSERT_TIMES)
    if when == "dated now":
        row["created_at"] = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
    elif when == "backdated":
        row["created_at"] = "2015-06-01 09:00:00"
    if when != "created_at kept":
        row["updated_at"] = row["created_at"]
    marks = ", ".join("?" * len(row))
    cur = con.execute(
        f'INSERT INTO "{table}" ({", ".join(row)}) VALUES ({marks})', list(row.values())
    )
    return f"{key} #{cur.lastrowid} inserted: a copy of #{rid}, {when}", f"{key} #{cur.lastrowid}"


def one_edit(task: tuple[int, str, str]) -> dict[str, Any]:
    """One edit behind the program's back, then `audit verify`."""
    index, kind, seed = task
    rng = random.Random(seed)
    case = Path(_STATE["work"]) / "edits" / f"{kind}-{index:03d}"
    case.mkdir(parents=True)
    path = case / "ledger.sqlite"
    shutil.copy2(Path(_STATE["base"]) / "ledger.sqlite", path)
    # Its daily backup beside it, as the program leaves a ledger: audit verify
    # also holds the log against the chain each backup holds.
    hardlink_tree(Path(_STATE["base"]) / "backups", case / "backups")
    result: dict[str, Any] = {"index": index, "kind": kind, "seed": seed}
    con = sqlite3.connect(path)  # foreign keys off: SQLite's default, as any tool
    try:
        if kind == "logbyte":
            detail, entry = change_log_byte(con, rng)
            expect = f"entry {entry} "
        elif kind in ("trim", "wipe"):
            count = con.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0]
            k = count if kind == "wipe" else rng.randint(1, 20)
            con.execute(
                "DELETE FROM audit_entry WHERE id IN (SELECT id FROM audit_entry ORDER BY id DESC LIMIT ?)",
                (k,),
            )
            detail, expect = f"{k} of {count} entries deleted", "cut or extended"
        elif kind in ("rehash", "reseal"):
            detail, where = rehash_from(con, rng, reseal=kind == "reseal")
            expect = "cut or extended" if kind == "rehash" else where
        elif kind == "value":
            detail, expect = edit_value(con, rng)
        else:
            detail, expect = edit_row(con, rng, insert=kind == "rowins")
        con.commit()
    finally:
        con.close()
    result["detail"] = detail
    code, out = run_cli(["audit", "verify", "--db", str(path)])
    result["code"], result["out"] = code, out[:800]
    result["named"] = code == 1 and expect in out
    result["outcome"] = {0: "missed", 1: "reported"}.get(code, "crash")
    if result["outcome"] == "reported" and not result["named"]:
        result["expected"] = expect
    if result["outcome"] != "reported":
        result["kept"] = str(path)
    else:
        shutil.rmtree(case)
    return result


def run_pool(
    fn: Callable, tasks: list, workers: int, state: dict[str, Any], label: str
) -> list[dict[str, Any]]:
    """Run tasks in worker processes; a case that hangs or kills its worker is reported."""
    ctx = multiprocessing.get_context("spawn")
    results: list[dict[str, Any]] = []
    pool = ctx.Pool(workers, initializer=init_worker, initargs=(state,))
    try:
        answers = pool.imap_unordered(fn, tasks)
        for done in range(len(tasks)):
            try:
                results.append(answers.next(timeout=CASE_TIMEOUT_S))
            except multiprocessing.TimeoutError:
                break
            if (done + 1) % 50 == 0:
                progress(f"  {label}: {done + 1} of {len(tasks)}")
    finally:
        pool.terminate()
        pool.join()
    answered = {r["index"] for r in results}
    for index, kind, seed in tasks:
        if index not in answered:
            results.append(
                {
                    "index": index,
                    "kind": kind,
                    "seed": seed,
                    "outcome": "no answer",
                    "crash": ["worker hung or died"],
                }
            )
    return sorted(results, key=lambda r: r["index"])


def spread(total: int, weights: list[int]) -> list[int]:
    """total split in proportion to weights (largest remainders)."""
    exact = [total * w / sum(weights) for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


# ------------------------------------------------------------------ part 4: starts


def race(db: Path, processes: int, hold_s: float, marker: Path) -> list[dict[str, Any]]:
    """Start processes that each try the lock once, released at the same moment."""
    children = [
        spawn_child("lock", str(db), str(hold_s), str(marker), stdin=subprocess.PIPE)
        for _ in range(processes)
    ]
    for child in children:
        if child.stdout.readline().strip() != b"ready":
            raise SystemExit("a lock child did not start")
    for child in children:  # the start signal: stdin closed, all at once
        child.stdin.close()
    out = []
    for child in children:
        line = child.stdout.read().decode().strip()
        child.wait()
        child.stdout.close()
        out.append(json.loads(line) if line else {"lost": None, "exit": child.returncode})
    return out


def start_test(work: Path, starts: int) -> dict[str, Any]:
    from desktop_app.cli import make_demo_ledger
    from desktop_app.store import db as store_db

    folder = work / "starts"
    folder.mkdir()
    db = folder / "ledger.sqlite"
    make_demo_ledger(db)
    store_db.close()
    marker = folder / "inside"
    rounds = {"at once": [race(db, starts, LOCK_HOLD_S, marker)]}
    rounds["in pairs"] = [race(db, 2, PAIR_HOLD_S, marker) for _ in range(starts)]
    summary = {}
    for name, runs in rounds.items():
        c: Counter = Counter(runs=len(runs), processes=sum(len(r) for r in runs))
        for run in runs:
            winners = [r for r in run if r.get("lost") is False]
            winner_pids = {r["pid"] for r in winners}
            c["winners"] += len(winners)
            spans = sorted((r["at"], r["until"]) for r in winners)
            overlaps = sum(1 for a, b in zip(spans, spans[1:], strict=False) if b[0] < a[1])
            c["overlaps"] += overlaps + sum(r["overlap"] for r in winners)
            c["most at once"] = max(c["most at once"], 1 + overlaps if winners else 0)
            for r in run:
                if r.get("lost") is None:
                    c["no answer"] += 1
                elif r["lost"]:
                    c["losers"] += 1
                    if r["pid"] in winner_pids and r["host"] != "?":
                        c["told the winner"] += 1
                    elif r["pid"] == 0 or r["host"] == "?":
                        c["told ?"] += 1
                    else:
                        c["told another"] += 1
        summary[name] = c
    return summary


# ------------------------------------------------------------------ report


def row(cells: Iterable[Any]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def report_kills(k: dict[str, Any]) -> list[str]:
    w, i = k["stats"]["write"], k["stats"]["import"]
    both = w + i

    def line(label: str, key: str, writes: bool = True, imports: bool = True) -> str:
        return row([label, w[key] if writes else "—", i[key] if imports else "—", both[key]])

    first, last = k["calibration"][0], k["calibration"][-1]
    out = [
        "### Kills (SIGKILL) during writes and imports",
        "",
        f"A writing child opens the ledger with `open_guarded` and saves activities through "
        f"`records.service` one at a time, printing each id after its save returned; it is "
        f"killed up to {SAVING_S} s after it is ready, or ({START_KILL_SHARE:.0%} of the "
        f"time) while it starts. An importing child runs `coop-ledger import activity` of a "
        f"{IMPORT_ROWS:,}-row CSV file. Half of those kills fall anywhere in its run, half "
        f"after it printed its plan, within the time its backup and write took. An unkilled "
        f"import, timed every ten import kills as the ledger grows, printed its plan at "
        f"{first[0]:.2f}–{last[0]:.2f} s, its result at {first[1]:.2f}–{last[1]:.2f} s and "
        f"exited at {first[2]:.2f}–{last[2]:.2f} s. One ledger takes all the kills in turn "
        f"({k['ledger_mb']:.1f} MB at the end).",
        "",
        "| | during writes | during imports | all |",
        "|---|---:|---:|---:|",
        line("kills", "kills"),
    ]
    # The moments differ by kind of child: one row pairs the two kinds' phases.
    for label, write_phase, import_phase in (
        ("… while starting (writer: check, lock) / reading the file", STARTING, READING),
        ("… while saving / during the import's backup or write", SAVING, WRITING),
        ("… after the import had finished", None, FINISHED),
    ):
        writes = w[write_phase] if write_phase else 0
        out.append(
            row([label, writes if write_phase else "—", i[import_phase], writes + i[import_phase]])
        )
    out += [
        row(
            [
                "saves confirmed by the child / imports finished",
                w["confirmed"],
                i["imports finished"],
                "—",
            ]
        ),
        line("damaged files (integrity_check or `check_file(full=True)`)", "damaged"),
        line("confirmed saves lost", "lost", imports=False),
        row(
            [
                "saves committed but killed before confirmed (allowed: at most 1 a kill)",
                w["unconfirmed saves kept"],
                "—",
                "—",
            ]
        ),
        line("records without their links or history entry", "not whole"),
        line(f"partial imports (neither 0 nor {IMPORT_ROWS:,} rows)", "partial", writes=False),
        line("`audit verify` failures (exit ≠ 0)", "verify failed"),
        line("not opened by `open_guarded`", "not opened"),
        line("-wal damage reported after a kill", "wal damage reported"),
        line("`*.part` files left in backups/ by the kill", ".part files left"),
    ]
    check = "ok" if not k["final_check"] else f"{len(k['final_check'])} problem(s)"
    code, text = k["final_verify"]
    out += [
        "",
        f"Unfinished backups: {len(k['parts_after_starts'])} `*.part*` file(s) were still in "
        f"backups/ after the last kill and the starts that followed (a start removes only those "
        f"older than {int(k_stale_minutes())} minutes); a start with the clock moved "
        f"{int(k_stale_minutes()) + 1} minutes on removed {k['parts_removed_later']}, leaving "
        f"{len(k['parts_left_later'])}.",
        f"At the end: `coop-ledger check` {check}; `audit verify` exit {code}: "
        f"{text.strip().splitlines()[0] if text.strip() else ''}",
    ]
    return out


def k_stale_minutes() -> float:
    from desktop_app.safety import backup

    return backup.STALE_PART_AGE.total_seconds() / 60


def report_damage(results: list[dict[str, Any]]) -> list[str]:
    labels = {k: label for k, label, _w in DAMAGE_KINDS}
    out = [
        "### Damaged ledgers, by kind of damage",
        "",
        "Each copy is of a demo ledger with 10 units, 20 institutions and 120 activities of "
        "our own added (30 of them changed, 8 deleted, 1 restored), with its good daily backup "
        "beside it. It is "
        "opened with `open_guarded` (the program's start), then `coop-ledger check` and "
        "`coop-ledger audit verify` run on it; the first of these that reports it is its "
        "outcome. Nothing reported: every table is compared row by row with the original "
        "(for the -wal copies: the ledger with its intact -wal).",
        "",
        "| damage | copies | refused at open (backup offered) | other error at open | -wal damage reported | found by check | found by audit verify | harmless | silent | traceback, nothing else said |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    total: Counter = Counter()
    for key, label, _w in DAMAGE_KINDS:
        mine = [r for r in results if r["kind"] == key]
        if not mine:
            continue
        c = Counter(r["outcome"] for r in mine)
        offered = sum(1 for r in mine if r["outcome"] == "refused" and r.get("backup offered"))
        c["copies"], c["offered"] = len(mine), offered
        total += c
        out.append(
            row(
                [
                    label,
                    c["copies"],
                    f"{c['refused']} ({offered})",
                    c["open error"],
                    c["wal"],
                    c["check"],
                    c["audit"],
                    c["harmless"],
                    c["silent"],
                    c["crash"] + c["no answer"],
                ]
            )
        )
    out.append(
        row(
            [
                "**all**",
                total["copies"],
                f"{total['refused']} ({total['offered']})",
                total["open error"],
                total["wal"],
                total["check"],
                total["audit"],
                total["harmless"],
                total["silent"],
                total["crash"] + total["no answer"],
            ]
        )
    )
    crashes = [r for r in results if r.get("crash")]
    errors = sum(r["outcome"] == "bench error" for r in results)
    if errors:
        out += ["", f"The bench's own code failed on {errors} copies, listed below; not counted."]
    out += [
        "",
        f"Tracebacks or exits other than 0/1 from `check` or `audit verify`: {len(crashes)}.",
    ]
    odd = [
        r
        for r in results
        if r["outcome"] in ("silent", "open error", "crash", "no answer", "bench error")
        or r.get("crash")
    ]
    odd += [r for r in results if r["outcome"] == "refused" and not r.get("backup offered")]
    if odd:
        out += ["", "Cases to look at:", ""]
        for r in odd:
            said = r.get("said", "")
            out.append(
                f"- {labels[r['kind']]} #{r['index']} ({r['detail']}): **{r['outcome']}** {said}".rstrip()
            )
            for d in r.get("diff", [])[:5]:
                out.append(f"  - differs: {d}")
            for c in r.get("crash", []):
                out.append(f"  - {c}")
            if r.get("bench_error"):
                out.append(
                    f"  - the bench's own code failed: {r['bench_error'].strip().splitlines()[-1]}"
                )
            if r.get("kept"):
                out.append(f"  - files as damaged: `{r['kept']}`")
    return out


def report_edits(results: list[dict[str, Any]]) -> list[str]:
    labels = dict([*EDIT_KINDS, RESEAL])
    out = [
        "### Change-log edits behind the program's back",
        "",
        "Each edit is made with plain sqlite3 (foreign keys off, as any SQLite tool) on a copy "
        "of the same ledger, its daily backup beside it, then `coop-ledger audit verify` runs. "
        "Reported: exit 1; named: its output names the entry or record edited (for the trims "
        "and the rewrite: the cut).",
        "",
        "| edit | edits | reported (exit 1) | named it | missed (exit 0) | traceback / other exit |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    total: Counter = Counter()
    for key, label in [*EDIT_KINDS, RESEAL]:
        mine = [r for r in results if r["kind"] == key]
        if not mine:
            continue
        c = Counter(r["outcome"] for r in mine)
        c["edits"], c["named"] = len(mine), sum(1 for r in mine if r.get("named"))
        if key != "reseal":
            total += c
        out.append(
            row(
                [
                    label,
                    c["edits"],
                    c["reported"],
                    c["named"],
                    c["missed"],
                    c["crash"] + c["no answer"],
                ]
            )
        )
    out.append(
        row(
            [
                "**all (the brief's seven kinds)**",
                total["edits"],
                total["reported"],
                total["named"],
                total["missed"],
                total["crash"] + total["no answer"],
            ]
        )
    )
    inserts = [r for r in results if r["kind"] == "rowins" and r["outcome"] != "bench error"]
    by_time = []
    for when in INSERT_TIMES:
        mine = [r for r in inserts if r.get("detail", "").endswith(when)]
        missed = sum(r["outcome"] == "missed" for r in mine)
        by_time.append(f"{when} {len(mine)} ({missed} missed)")
    out += [
        "",
        "Row inserts, each a copy of a random row with its unique text changed, by its "
        f"`created_at`: {'; '.join(by_time)}. Backdated means 2015-06-01, before the change "
        "log began. These ledgers were made with the change log (schema version 3 or later "
        "from the start); in an older one `audit verify` still takes a record without a "
        '"create" entry, whose `created_at` is not after the first entry, for a record from '
        "before the log (`records/replay.py`, `mismatches`).",
    ]
    errors = sum(r["outcome"] == "bench error" for r in results)
    if errors:
        out.append(f"The bench's own code failed on {errors} edit(s), listed below; not counted.")
    odd = [r for r in results if r["outcome"] != "reported" or not r.get("named")]
    if odd:
        out += ["", "Not reported, or reported without naming what was edited:", ""]
        for r in odd:
            first = (r.get("out") or "").strip().splitlines()[:1]
            out.append(
                f"- {labels[r['kind']]} #{r['index']}: {r.get('detail', '')}: **{r['outcome']}** (exit {r.get('code')}) {first[0] if first else ''}".rstrip()
            )
            if r.get("bench_error"):
                out.append(
                    f"  - the bench's own code failed: {r['bench_error'].strip().splitlines()[-1]}"
                )
            if r.get("kept"):
                out.append(f"  - edited file: `{r['kept']}`")
    return out


def report_starts(s: dict[str, Counter], starts: int) -> list[str]:
    out = [
        "### Simultaneous starts",
        "",
        f"Processes that each try `FileLock` on one ledger once, released at the same moment "
        f"(stdin closed): {starts} at once (the winner holds it {LOCK_HOLD_S} s), and {starts} "
        f"races of two (held {PAIR_HOLD_S} s). A winner creates a marker file with O_EXCL while "
        f"it holds the lock, so a second holder at the same time would be seen.",
        "",
        '| start | processes | winners | most holding at once | losers | told the winner (user@host, pid) | told "?" | told someone else | no answer |',
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, c in s.items():
        label = f"{starts} at once" if name == "at once" else f"{c['runs']} races of 2"
        out.append(
            row(
                [
                    label,
                    c["processes"],
                    c["winners"],
                    c["most at once"],
                    c["losers"],
                    c["told the winner"],
                    c["told ?"],
                    c["told another"],
                    c["no answer"],
                ]
            )
        )
    return out


def program_version() -> str:
    """The commit the program was at, so the figures can be traced to its code."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "desktop_app"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "Program: not a git checkout"
    return f"Program at commit {commit}" + (
        " with uncommitted changes in desktop_app/" if changed else ""
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        sys.exit(child_main(sys.argv[2:]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--damaged", type=int, default=400)
    parser.add_argument("--log-edits", type=int, default=200)
    parser.add_argument("--starts", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--dir", help="work folder (default: a new one in the temp folder)")
    args = parser.parse_args()
    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="coop-ledger-reliability-"))
    work.mkdir(parents=True, exist_ok=True)
    if any(work.iterdir()):
        raise SystemExit(f"{work} is not empty")
    # Settings, logs and backups of the commands stay in the work folder.
    os.environ["COOP_LEDGER_HOME"] = str(work / "home")
    logging.disable(logging.CRITICAL)
    began = time.monotonic()
    program_at_start = program_version()
    rng = random.Random(args.seed)

    progress("part 1: kills")
    t = time.monotonic()
    kills = kill_test(work, args.kills, random.Random(rng.random()))
    kill_s = time.monotonic() - t

    progress("part 2: damaged ledgers")
    t = time.monotonic()
    base, wal_base = damage_base(work)
    state = {"work": str(work), "base": str(base), "wal_base": str(wal_base)}
    state["original"] = dump(base / "ledger.sqlite")
    intact = work / "wal-intact"
    shutil.copytree(wal_base, intact)
    state["wal_original"] = dump(intact / "ledger.sqlite")
    shutil.rmtree(intact)
    # The base itself must pass everything, or no figure below means anything.
    for command in (["check"], ["audit", "verify"]):
        code, text = run_cli([*command, "--db", str(base / "ledger.sqlite")])
        if code != 0:
            raise SystemExit(f"the undamaged ledger fails {command}: {text}")
    counts = spread(args.damaged, [w for _k, _l, w in DAMAGE_KINDS])
    tasks: list[tuple[int, str, str]] = []
    for (key, _label, _w), count in zip(DAMAGE_KINDS, counts, strict=True):
        for _ in range(count):
            tasks.append((len(tasks), key, f"{args.seed}:damage:{len(tasks)}"))
    damage = run_pool(damage_case, tasks, args.workers, state, "damaged copies")
    damage_s = time.monotonic() - t

    progress("part 3: change-log edits")
    t = time.monotonic()
    kinds = [k for k, _l in EDIT_KINDS]
    edits = [(i, kinds[i % len(kinds)], f"{args.seed}:edit:{i}") for i in range(args.log_edits)]
    extra = max(1, args.log_edits // 10)
    edits += [(args.log_edits + i, RESEAL[0], f"{args.seed}:reseal:{i}") for i in range(extra)]
    edit_results = run_pool(edit_case, edits, args.workers, state, "log edits")
    edit_s = time.monotonic() - t

    progress("part 4: simultaneous starts")
    t = time.monotonic()
    starts = start_test(work, args.starts)
    start_s = time.monotonic() - t
    total_s = time.monotonic() - began

    out = [
        "## The reliability test, rerun (`bench/bench_reliability.py`)",
        "",
        f"    python bench/bench_reliability.py --kills {args.kills} --damaged {args.damaged} "
        f"--log-edits {args.log_edits} --starts {args.starts} --seed {args.seed}",
        "",
        *[f"- {line}" for line in machine("peewee")],
        f"- {program_at_start}"
        + (
            ""
            if program_version() == program_at_start
            else "; other work changed the checkout during the run, now "
            + program_version().removeprefix("Program at ")
        ),
        f"- Run time {total_s:.0f} s: kills {kill_s:.0f} s, damaged copies {damage_s:.0f} s, "
        f"change-log edits {edit_s:.0f} s, starts {start_s:.0f} s ({args.workers} worker processes "
        f"for the copies and edits). Files of every case worth a look are kept in `{work}/`.",
        "",
        *report_kills(kills),
        "",
    ]
    if kills["failures"]:
        out += ["Kill-test failures:", ""] + [f"- {f}" for f in kills["failures"]] + [""]
    out += [
        *report_damage(damage),
        "",
        *report_edits(edit_results),
        "",
        *report_starts(starts, args.starts),
    ]
    print("\n".join(out))


if __name__ == "__main__":
    main()
