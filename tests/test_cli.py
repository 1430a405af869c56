"""The command line: demo, report and its error messages."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app import cli
from desktop_app.store import db as store_db


def test_report_help_lists_the_sheets(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["report", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for name in ("summary", "institutions", "talents", "tasks", "unit_ledger", "assessment"):
        assert name in out


def test_report_writes_pdf_and_xlsx(demo_db, tmp_path, capsys):
    pdf, xlsx = tmp_path / "s.pdf", tmp_path / "s.xlsx"
    code = cli.main(
        [
            "report",
            "summary",
            "--year",
            "2023",
            "--db",
            str(demo_db),
            "--pdf",
            str(pdf),
            "--xlsx",
            str(xlsx),
            "--lang",
            "en",
        ]
    )
    assert code == 0
    assert len(PdfReader(str(pdf)).pages) >= 1
    values = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row]
    assert "Institutions contacted" in values and 16 in values and 9 in values


@pytest.mark.parametrize(
    "args, message",
    [
        (["report", "nosuch", "--pdf", "x.pdf"], "unknown sheet 'nosuch'"),
        (
            ["report", "summary", "--from", "2023-02-30", "--to", "2023-03-01", "--pdf", "x.pdf"],
            "bad date '2023-02-30'",
        ),
        (
            ["report", "summary", "--from", "2023-03-01", "--pdf", "x.pdf"],
            "--from and --to go together",
        ),
        (
            ["report", "summary", "--unit", "不存在的单位", "--pdf", "x.pdf"],
            "unknown unit '不存在的单位'",
        ),
        (["report", "summary"], "--pdf FILE and/or --xlsx FILE"),
    ],
)
def test_report_errors_are_clear_and_nonzero(demo_db, tmp_path, capsys, args, message):
    code = cli.main([*args, "--db", str(demo_db)])
    assert code != 0
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_dossier_by_short_name(demo_db, tmp_path):
    pdf = tmp_path / "d.pdf"
    code = cli.main(
        [
            "report",
            "institution_dossier",
            "--institution",
            "中北",
            "--db",
            str(demo_db),
            "--pdf",
            str(pdf),
            "--lang",
            "en",
        ]
    )
    assert code == 0
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    import unicodedata

    assert "中北大学" in unicodedata.normalize("NFKC", text)


def test_demo_refuses_a_ledger_another_copy_holds(tmp_path, capsys):
    from desktop_app.safety.lock import FileLock

    path = tmp_path / "held.sqlite"
    holder = FileLock(path)
    holder.acquire()
    try:
        assert cli.main(["demo", "--db", str(path)]) == 2
    finally:
        holder.release()
        store_db.close()
    assert "open in another copy of the program" in capsys.readouterr().err
    assert not path.exists()  # nothing was written


def _ledger_of_talents(path, n: int) -> None:
    """A ledger holding n talents who started in 2023 (written in one batch)."""
    import datetime as dt

    from desktop_app.records import service
    from desktop_app.records.specs import SPECS
    from desktop_app.store.opening import open_ledger

    open_ledger(path)
    try:
        unit = service.save(SPECS["unit"], {"name": "县委组织部（人才办）"})
        inst = service.save(SPECS["institution"], {"name": "中北大学"})
        talent = SPECS["talent"]
        values = (
            {
                "name": f"研究员{i:04d}",
                "gender": "男女"[i % 2],
                "institution": inst,
                "degree": ("博士", "硕士")[i % 2],
                "mode": "来阳开展研究",
                "unit": unit,
                "start_date": dt.date(2023, 3, 1),
                "field": "磁悬浮与直线驱动",
            }
            for i in range(1, n + 1)
        )
        service.insert_validated(talent, [service.validate(talent, v) for v in values])
    finally:
        store_db.close()


def test_report_of_1000_talents_exits_0_in_the_real_command(tmp_path):
    """The roster of 1,000 was written and then the process aborted at exit
    ("Fatal Python error: none_dealloc", exit 134): see desktop_app/none_guard.py."""
    import os
    import re
    import subprocess
    import sys
    import unicodedata
    from pathlib import Path

    ledger, pdf = tmp_path / "roster.sqlite", tmp_path / "roster.pdf"
    _ledger_of_talents(ledger, 1000)
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    args = ["report", "talents", "--year", "2023", "--db", str(ledger), "--pdf", str(pdf)]
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", *args, "--lang", "zh_CN"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Fatal Python error" not in done.stderr
    printed = int(re.search(r"roster\.pdf: (\d+) page\(s\)", done.stdout)[1])
    pages = [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(str(pdf)).pages]
    assert printed == len(pages) > 1
    names = [int(n) for text in pages for n in re.findall(r"研究员(\d{4})", text)]
    assert names == list(range(1, 1001))  # every talent once, in order
    for number, text in enumerate(pages, start=1):
        assert "人才花名册" in text and "姓名" in text, f"page {number}"


def test_the_ledger_and_language_given_before_the_command_are_used(demo_db, tmp_path, capsys, qapp):
    # `coop-ledger --db X report …` once printed from the default ledger, silently.
    xlsx = tmp_path / "s.xlsx"
    code = cli.main(
        ["--db", str(demo_db), "--lang", "en", "report", "summary", "--year", "2023"]
        + ["--xlsx", str(xlsx)]
    )
    assert code == 0
    values = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row]
    assert "Institutions contacted" in values and 16 in values
    store_db.close()
    assert cli.main(["--db", str(demo_db), "check"]) == 0
    assert str(demo_db) in capsys.readouterr().out
    fresh = tmp_path / "new.sqlite"
    assert cli.main(["--db", str(fresh), "demo"]) == 0
    store_db.close()
    assert fresh.exists()
