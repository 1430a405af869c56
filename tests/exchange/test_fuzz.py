"""Hostile workbooks: a few hundred damaged .xlsx files each give rows or one
clear message (ExchangeError, exit 2 on the command line), never a crash.

The files are made here from one good workbook by flipping bytes, cutting it
short and rewriting zip headers (compression methods 9, 93 and 99: Deflate64,
Zstandard, WinZip AES, which Python's zipfile cannot read). Bounded in count
and time; the seed is fixed so a failure can be replayed.
"""

from __future__ import annotations

import random
import struct
import time

from desktop_app.exchange.importer import plan_import
from desktop_app.exchange.messages import ExchangeError
from tests.exchange.conftest import workbook

FILES = 300
TIME_LIMIT_S = 90


def _mutations(good: bytes, rng: random.Random):
    local_headers = [i for i in range(len(good) - 4) if good[i : i + 4] == b"PK\x03\x04"]
    central = [i for i in range(len(good) - 4) if good[i : i + 4] == b"PK\x01\x02"]
    for n in range(FILES):
        data = bytearray(good)
        kind = n % 4
        if kind == 0:  # bytes flipped anywhere (deflate streams, XML, headers)
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 1:  # cut short
            data = data[: rng.randrange(30, len(data))]
        elif kind == 2:  # a compression method zipfile does not know
            method = rng.choice((9, 93, 99, 12, 14))
            for at in rng.sample(central, k=rng.randint(1, len(central))):
                data[at + 10 : at + 12] = struct.pack("<H", method)
            for at in local_headers:
                data[at + 8 : at + 10] = struct.pack("<H", method)
        else:  # a run of bytes inside one member overwritten
            start = rng.randrange(len(data) - 64)
            data[start : start + 32] = rng.randbytes(32)
        yield n, bytes(data)


def test_damaged_workbooks_give_rows_or_one_message(tmp_path, ledger):
    good = workbook(
        tmp_path / "good.xlsx",
        [["院校名称", "简称", "首次联系日期", "备注"]]
        + [
            [f"测试大学{i}", f"测{i}", f"2023-0{1 + i % 9}-1{i % 9}", "备注" * 3] for i in range(40)
        ],
    ).read_bytes()
    rng = random.Random(20261129)
    started = time.monotonic()
    outcomes = {"rows": 0, "message": 0}
    for n, data in _mutations(good, rng):
        path = tmp_path / f"fuzz-{n}.xlsx"
        path.write_bytes(data)
        try:
            plan = plan_import("institution", path)
            outcomes["rows"] += 1
            assert plan.rows is not None
        except ExchangeError as exc:
            outcomes["message"] += 1
            assert exc.message.text().strip(), n
        except Exception as exc:  # what the test is for
            raise AssertionError(
                f"file {n} ({path.name}) crashed: {type(exc).__name__}: {exc}"
            ) from exc
        path.unlink()
        assert time.monotonic() - started < TIME_LIMIT_S, "the fuzz run took too long"
    print("fuzz outcomes:", outcomes)
    assert sum(outcomes.values()) == FILES
    assert outcomes["message"] > FILES // 4  # the damage was real, and was said


XLS_CHILD = """
import random, sys
from pathlib import Path
from desktop_app.exchange.importer import plan_import
from desktop_app.exchange.messages import ExchangeError
from desktop_app.store.opening import open_ledger

folder = Path(sys.argv[1])
open_ledger(folder / "ledger.sqlite")
good = (folder / "good.xls").read_bytes()
rng = random.Random(int(sys.argv[2]))
rows = messages = 0
for n in range(int(sys.argv[3])):
    data = bytearray(good)
    if n % 2:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    else:
        data = data[: rng.randrange(64, len(data))]
    path = folder / "fuzz.xls"
    path.write_bytes(bytes(data))
    try:
        plan_import("institution", path)
        rows += 1
    except ExchangeError as exc:
        assert exc.message.text().strip()
        messages += 1
print("XLS", rows, messages, flush=True)
"""


def test_damaged_xls_workbooks_give_rows_or_one_message(tmp_path):
    """Old .xls files go through calamine, whose failures can abort the whole
    process (no exception): so they run in a process of their own, and any
    crash fails the test with what it printed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.exchange.test_xls_source import ledger_xls

    ledger_xls(tmp_path / "good.xls")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "COOP_LEDGER_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", XLS_CHILD, str(tmp_path), "20261129", "200"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    _, rows, messages = done.stdout.split()
    assert int(rows) + int(messages) == 200
    assert int(messages) > 0


def _lying_part(good: bytes, member: str, padding: int) -> bytes:
    """The workbook with `member` replaced by a stream that inflates to its real
    text plus `padding` spaces, while its headers declare the real text's size
    and CRC: zipfile would cut it at the declared size, after inflating it all."""
    import io
    import zipfile
    import zlib

    src = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
    data = bytearray(out.getvalue())
    text = src.read(member)
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = deflater.compress(text)
    chunk = b" " * (1 << 20)
    for _ in range(padding >> 20):
        bomb += deflater.compress(chunk)
    bomb += deflater.flush()
    # Rebuild the zip by hand: this member's data swapped, its sizes kept honest
    # for the compressed length and lying for the unpacked one.
    rebuilt = io.BytesIO()
    central = []
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        for info in zf.infolist():
            raw_start = info.header_offset
            zf.fp.seek(raw_start)
            header = zf.fp.read(30)
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            zf.fp.seek(raw_start + 30 + name_len + extra_len)
            payload = zf.fp.read(info.compress_size)
            if info.filename == member:
                payload = bomb
            offset = rebuilt.tell()
            name = info.filename.encode()
            crc = zlib.crc32(text) if info.filename == member else info.CRC
            size = len(text) if info.filename == member else info.file_size
            rebuilt.write(
                struct.pack(
                    "<4s5H3L2H",
                    b"PK\x03\x04",
                    20,
                    0,
                    8,
                    0,
                    0,
                    crc,
                    len(payload),
                    size,
                    len(name),
                    0,
                )
                + name
                + payload
            )
            central.append(
                struct.pack(
                    "<4s6H3L5H2L",
                    b"PK\x01\x02",
                    20,
                    20,
                    0,
                    8,
                    0,
                    0,
                    crc,
                    len(payload),
                    size,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + name
            )
    start = rebuilt.tell()
    for entry in central:
        rebuilt.write(entry)
    end = rebuilt.tell()
    rebuilt.write(
        struct.pack(
            "<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), end - start, start, 0
        )
    )
    return rebuilt.getvalue()


def test_a_small_part_that_lies_about_its_size_is_refused_without_inflating_it(tmp_path, ledger):
    """A 1 MB workbook whose [Content_Types].xml declares its 1 KB but inflates
    to 512 MB: refused as a zip bomb, with memory that stays small."""
    import tracemalloc

    from desktop_app.exchange import messages as M

    good = workbook(tmp_path / "good.xlsx", [["院校名称"], ["中北大学"]]).read_bytes()
    for member in ("[Content_Types].xml", "xl/workbook.xml", "_rels/.rels"):
        path = tmp_path / "bomb.xlsx"
        path.write_bytes(_lying_part(good, member, 512 << 20))
        assert path.stat().st_size < 2 << 20
        tracemalloc.start()
        try:
            plan_import("institution", path)
            raise AssertionError(f"{member}: a lying part was read")
        except ExchangeError as exc:
            assert exc.message.template == M.ZIP_BOMB, (member, exc.message.text())
        finally:
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        assert peak < 64 << 20, f"{member}: peak {peak >> 20} MB"
