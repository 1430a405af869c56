"""Which font a sheet is drawn in, and a warning when none covers Chinese."""

from __future__ import annotations

import pytest

from desktop_app import cli, cli_report
from desktop_app.reports import paper
from desktop_app.reports.paper import HEADING_FAMILIES, SERIF_FAMILIES, choose_family


def _cjk(family: str) -> bool:
    return "CJK" in family or family in ("SimSun", "SimHei", "Microsoft YaHei")


@pytest.mark.parametrize(
    "families, installed, chosen",
    [
        (SERIF_FAMILIES, ["Noto Serif CJK SC", "Microsoft YaHei", "SimSun"], "SimSun"),
        (SERIF_FAMILIES, ["Noto Serif CJK SC", "Microsoft YaHei"], "Microsoft YaHei"),
        (SERIF_FAMILIES, ["DejaVu Sans", "Noto Serif CJK SC"], "Noto Serif CJK SC"),
        (HEADING_FAMILIES, ["Noto Sans CJK SC", "SimHei", "Microsoft YaHei"], "SimHei"),
        (HEADING_FAMILIES, ["Noto Sans CJK SC", "Microsoft YaHei"], "Microsoft YaHei"),
        (SERIF_FAMILIES, ["Zeta CJK", "DejaVu Sans", "Alpha CJK"], "Alpha CJK"),
        (SERIF_FAMILIES, ["DejaVu Sans", "Liberation Serif"], None),
    ],
)
def test_family_preference(families, installed, chosen):
    assert choose_family(families, installed, _cjk) == chosen


def _report(demo_db, pdf) -> int:
    args = ["report", "summary", "--year", "2023", "--lang", "en", "--db", str(demo_db)]
    return cli.main([*args, "--pdf", str(pdf)])


def test_report_names_its_font(demo_db, tmp_path, capsys, qapp):
    assert _report(demo_db, tmp_path / "s.pdf") == 0
    out, err = capsys.readouterr()
    fonts = paper.sheet_fonts()
    assert f"font: {cli_report.font_line(fonts)}" in out.splitlines()
    assert fonts.covers_chinese and "warning" not in err


def test_report_warns_without_a_chinese_font(demo_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(paper, "covers_chinese", lambda family: False)
    pdf = tmp_path / "s.pdf"
    assert _report(demo_db, pdf) == 0  # the file is still written
    out, err = capsys.readouterr()
    assert pdf.exists() and "font: " in out
    assert "warning: no font for Simplified Chinese is installed" in err


def test_window_warns_once_without_a_chinese_font(qapp, monkeypatch):
    from desktop_app import app

    shown = []
    monkeypatch.setattr(app.QMessageBox, "warning", lambda *a: shown.append(a))
    monkeypatch.setattr(paper, "covers_chinese", lambda family: True)
    assert app.warn_without_chinese_font() is False and shown == []
    monkeypatch.setattr(paper, "covers_chinese", lambda family: False)
    assert app.warn_without_chinese_font() is True
    assert len(shown) == 1 and "Simplified Chinese" in shown[0][2]


def test_chinese_warning_keeps_the_english_text():
    """Without a Chinese font the Chinese half is boxes: the English must be there too."""
    from desktop_app.exchange.labels import catalogue

    warnings = [v for (c, k), v in catalogue("zh_CN").items() if c == "App" and "No font" in k]
    assert warnings and all("简体中文" in v and "Simplified Chinese" in v for v in warnings)
