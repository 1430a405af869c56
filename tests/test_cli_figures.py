"""`coop-ledger report figures` and `report template` (issue 11)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app import cli
from tests.reports.test_form_paper import superior_form


def _figures(capsys, *args) -> dict[str, tuple[str, str]]:
    assert cli.main(["report", "figures", *args]) == 0
    out = capsys.readouterr().out
    rows = [line.split("\t") for line in out.splitlines()]
    assert all(len(r) == 3 for r in rows)
    return {name: (what, value) for name, what, value in rows}


def test_figures_lists_every_name_with_what_it_counts_and_its_value(demo_db, capsys, qapp):
    got = _figures(capsys, "--year", "2023", "--db", str(demo_db), "--lang", "zh_CN")
    # The report's own figures (Yanggao, 2023).
    assert got["累计.院校.合计"][1] == "25"
    assert got["累计.院校.省外"][1] == "16" and got["累计.院校.省内"][1] == "9"
    assert got["累计.协议.全方位战略合作协议"][1] == "3"
    assert got["累计.基地.类型数"][1] == "11"
    assert got["累计.人才.来阳开展研究.博士"][1] == "30"
    assert got["本期.活动.参观学习.参加人数"][1] == "1826"
    assert got["组织名称"][1] == "中共阳高县委组织部"
    assert got["期间"][1] == "2023年1月1日至2023年12月31日"
    assert "博士" in got["累计.人才.博士"][0]
    # Nothing happened before 2023: 本期 of 2022 is empty, 累计 of 2022 too.
    before = _figures(capsys, "--year", "2022", "--db", str(demo_db))
    assert before["本期.院校.合计"][1] == "0" and before["累计.院校.合计"][1] == "0"


def test_template_fills_the_form_and_prints_it(demo_db, tmp_path, capsys, qapp):
    form = tmp_path / "上级表格.xlsx"
    superior_form(form)
    out_xlsx, out_pdf = tmp_path / "已填.xlsx", tmp_path / "已填.pdf"
    args = ["report", "template", str(form), "--year", "2023", "--lang", "zh_CN"]
    assert (
        cli.main([*args, "--xlsx", str(out_xlsx), "--pdf", str(out_pdf), "--db", str(demo_db)]) == 0
    )
    captured = capsys.readouterr()
    out = captured.out
    assert f"{out_xlsx}: 15 cell(s) filled" in out and f"{out_pdf}: 1 page(s)" in out
    # The MEDIAN the program cannot work out is named, not silently left empty.
    assert "1 formula cell(s) this program cannot work out print empty" in captured.err
    assert "附表1!E10" in captured.err
    ws = load_workbook(out_xlsx)["附表1"]
    assert ws["D4"].value == 25 and ws["E4"].value == 25
    assert ws["A2"].value == "填报单位（盖章）：中共阳高县委组织部"
    text = PdfReader(str(out_pdf)).pages[0].extract_text()
    assert "2023年1月1日至2023年12月31日校地合作工作情况统计表" in text


def test_template_refuses_unknown_names_and_writes_nothing(demo_db, tmp_path, capsys, qapp):
    form = tmp_path / "form.xlsx"
    superior_form(form)
    wb = load_workbook(form)
    wb["附表1"]["F4"] = "{{累计.院校.省外国}}"
    wb.save(form)
    out_xlsx = tmp_path / "out.xlsx"
    code = cli.main(
        [
            "report",
            "template",
            str(form),
            "--year",
            "2023",
            "--xlsx",
            str(out_xlsx),
            "--db",
            str(demo_db),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "附表1!F4: unknown name {{累计.院校.省外国}}" in err and "累计.院校.省外" in err
    assert not out_xlsx.exists()


def test_figures_and_template_usage_errors(demo_db, tmp_path, capsys):
    cases = [
        (["report", "template", "--xlsx", "x.xlsx"], "say which form to fill"),
        (["report", "template", str(tmp_path / "none.xlsx"), "--xlsx", "x.xlsx"], "no form at"),
        (["report", "figures", "--pdf", "x.pdf"], "writes no file"),
        (["report", "summary", "extra", "--pdf", "x.pdf"], "unexpected 'extra'"),
    ]
    for args, message in cases:
        assert cli.main([*args, "--db", str(demo_db)]) == 2
        assert message in capsys.readouterr().err


def test_ledger_text_in_a_form_stays_text_and_the_form_is_never_overwritten(
    demo_db, tmp_path, capsys, qapp
):
    form = tmp_path / "form.xlsx"
    superior_form(form)
    assert cli.main(["ledger", "set", "organisation", "=1+2", "--db", str(demo_db)]) == 0
    out_xlsx, out_pdf = tmp_path / "out.xlsx", tmp_path / "out.pdf"
    args = ["report", "template", str(form), "--year", "2023", "--db", str(demo_db)]
    assert cli.main([*args, "--xlsx", str(out_xlsx), "--pdf", str(out_pdf)]) == 0
    cell = load_workbook(out_xlsx)["附表1"]["A2"]
    assert cell.value == "填报单位（盖章）：=1+2" and cell.data_type == "s"
    wb = load_workbook(form)
    wb["附表1"]["F4"] = "{{组织名称}}"  # the whole cell: it would start with "="
    wb.save(form)
    assert cli.main([*args, "--xlsx", str(out_xlsx), "--pdf", str(out_pdf)]) == 0
    filled = load_workbook(out_xlsx)["附表1"]["F4"]
    assert filled.value == "=1+2" and filled.data_type == "s"
    assert "=1+2" in PdfReader(str(out_pdf)).pages[0].extract_text()  # printed, not 3

    before = form.read_bytes()
    capsys.readouterr()
    assert cli.main([*args, "--pdf", str(form)]) == 2
    assert "is the form itself" in capsys.readouterr().err and form.read_bytes() == before
    assert cli.main([*args, "--xlsx", str(out_xlsx), "--pdf", str(out_xlsx)]) == 2


def test_a_number_too_wide_for_its_column_prints_as_hashes(demo_db, tmp_path, qapp):
    form = tmp_path / "form.xlsx"
    superior_form(form)
    wb = load_workbook(form)
    wb["附表1"]["D5"] = "{{本期.活动.参观学习.参加人数}}"  # 1826
    wb["附表1"].column_dimensions["D"].width = 2
    wb.save(form)
    out_pdf = tmp_path / "out.pdf"
    args = ["report", "template", str(form), "--year", "2023", "--db", str(demo_db)]
    assert cli.main([*args, "--pdf", str(out_pdf)]) == 0
    text = PdfReader(str(out_pdf)).pages[0].extract_text()
    assert "826" not in text and "#" in text  # never a cut number


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--year", "0", "--pdf", "{tmp}/x.pdf"], "--year 0: give a year from 1900 to 2200"),
        (["--pdf", "{tmp}/no/such/x.pdf"], "the folder {tmp}/no/such does not exist"),
        (["--xlsx", "{tmp}"], "cannot write {tmp}: it is a folder"),
    ],
)
def test_a_bad_year_or_output_is_refused_before_any_work(
    demo_db, tmp_path, capsys, qapp, extra, message
):
    form = tmp_path / "form.xlsx"
    superior_form(form)
    extra = [e.replace("{tmp}", str(tmp_path)) for e in extra]
    for args in (["report", "summary"], ["report", "template", str(form)]):
        assert cli.main([*args, *extra, "--db", str(demo_db)]) == 2
        err = capsys.readouterr().err
        assert message.replace("{tmp}", str(tmp_path)) in err
        assert "QPainter" not in err and "Traceback" not in err
