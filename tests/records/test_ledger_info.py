"""The organisation, preparer and phone live in the ledger (issue 11)."""

from __future__ import annotations

import shutil

from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app import cli
from desktop_app.records import ledger_info
from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger


def test_set_and_read_back(ledger_path):
    assert ledger_info.values() == {"organisation": "", "preparer": "", "phone": ""}
    ledger_info.set_value("organisation", "  中共阳高县委组织部\x07 ")
    ledger_info.set_value("phone", "0352-6621234")
    ledger_info.set_value("phone", "0352-6620000")  # changed, not added twice
    assert ledger_info.values() == {
        "organisation": "中共阳高县委组织部",
        "preparer": "",
        "phone": "0352-6620000",
    }
    store_db.close()
    open_ledger(ledger_path)
    assert ledger_info.organisation() == "中共阳高县委组织部"


def test_the_sample_ledger_names_the_reports_office(demo_db):
    open_ledger(demo_db, read_only=True)
    assert ledger_info.organisation() == "中共阳高县委组织部"


def _pdf_text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_a_copy_on_another_pc_prints_the_same_organisation(tmp_path, monkeypatch, capsys, qapp):
    ledger = tmp_path / "pc1" / "ledger.sqlite"
    assert cli.main(["demo", "--db", str(ledger)]) == 0
    assert (
        cli.main(["ledger", "set", "organisation", "中共某某县委组织部", "--db", str(ledger)]) == 0
    )
    assert cli.main(["ledger", "set", "填报人", "王海江", "--db", str(ledger)]) == 0
    store_db.close()
    # Another PC: another data folder and settings, the same file.
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path / "pc2-home"))
    copy = tmp_path / "pc2" / "ledger.sqlite"
    copy.parent.mkdir()
    shutil.copy2(ledger, copy)
    capsys.readouterr()
    assert cli.main(["ledger", "show", "--db", str(copy)]) == 0
    shown = capsys.readouterr().out
    assert "organisation (组织名称): 中共某某县委组织部" in shown
    assert "preparer (填报人): 王海江" in shown
    pdf, xlsx = tmp_path / "s.pdf", tmp_path / "s.xlsx"
    args = ["report", "summary", "--year", "2023", "--pdf", str(pdf), "--xlsx", str(xlsx)]
    assert cli.main([*args, "--db", str(copy)]) == 0
    assert "warning" not in capsys.readouterr().err
    assert "中共某某县委组织部" in _pdf_text(pdf)
    cells = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row]
    assert any(isinstance(c, str) and "中共某某县委组织部" in c for c in cells)


def test_the_command_line_warns_when_no_organisation_is_set(tmp_path, capsys, qapp):
    ledger = tmp_path / "ledger.sqlite"
    assert cli.main(["demo", "--db", str(ledger)]) == 0
    assert cli.main(["ledger", "set", "organisation", "", "--db", str(ledger)]) == 0
    capsys.readouterr()
    pdf = tmp_path / "s.pdf"
    assert (
        cli.main(["report", "summary", "--year", "2023", "--pdf", str(pdf), "--db", str(ledger)])
        == 0
    )
    err = capsys.readouterr().err
    assert "names no organisation" in err and "coop-ledger ledger set organisation NAME" in err
    assert pdf.stat().st_size > 0


def test_bad_keys_and_missing_values_are_refused(tmp_path, capsys):
    ledger = tmp_path / "ledger.sqlite"
    assert cli.main(["demo", "--db", str(ledger)]) == 0
    capsys.readouterr()
    assert cli.main(["ledger", "set", "colour", "red", "--db", str(ledger)]) == 2
    assert "unknown KEY 'colour'; use organisation, preparer, phone" in capsys.readouterr().err
    assert cli.main(["ledger", "set", "phone", "--db", str(ledger)]) == 2
    assert "set needs a KEY and a VALUE" in capsys.readouterr().err
    assert cli.main(["ledger", "show", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "no ledger file at" in capsys.readouterr().err
