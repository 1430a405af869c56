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
