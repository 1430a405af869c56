"""The sign-off block officials sign, and pages that never strand a total or
lose a section's heading (issue 11)."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app import cli
from desktop_app.records import ledger_info, service
from desktop_app.records.specs import SPECS
from desktop_app.reports import sheets as S
from desktop_app.reports import signoff
from desktop_app.reports.model import INT, TEXT, Column, Sheet, Table
from desktop_app.reports.paper import PageInfo, write_pdf


def _pages(pdf) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages]


def test_sheets_that_go_upward_end_with_every_line_working_ones_with_none(ledger_path):
    ledger_info.set_value("organisation", "中共阳高县委组织部")
    ledger_info.set_value("preparer", "王海江")
    summary = S.build_sheet("summary", period=S.year_period(2023))
    assert summary.signoff == [
        ("Reporting unit (seal): ", "中共阳高县委组织部"),
        ("Prepared by: ", "王海江"),
        ("Reviewed by: ", signoff.BLANK),
        ("Contact phone: ", signoff.BLANK),
        ("Date filled in: ", summary.signoff[-1][1]),
    ]
    assert len(S.build_sheet("tasks", period=S.year_period(2023)).signoff) == 5  # 督办清单 too
    nuc = service.save(SPECS["institution"], {"name": "中北大学"})
    assert S.build_sheet("institution_dossier", record_id=nuc).signoff == []  # a working sheet
    signoff.set_lines("summary", ("preparer", "date"))
    signoff.set_lines("tasks", ("reviewer",))
    assert [x[0] for x in S.build_sheet("summary").signoff] == [
        "Prepared by: ",
        "Date filled in: ",
    ]
    assert [x[0] for x in S.build_sheet("tasks").signoff] == ["Reviewed by: "]
    signoff.set_lines("summary", ())
    assert S.build_sheet("summary").signoff == []


def test_the_printed_and_the_excel_summary_carry_the_block(demo_db, tmp_path, capsys, qapp):
    assert cli.main(["ledger", "set", "填报人", "王海江", "--db", str(demo_db)]) == 0
    pdf, xlsx = tmp_path / "s.pdf", tmp_path / "s.xlsx"
    args = ["report", "summary", "--year", "2023", "--lang", "zh_CN"]
    assert cli.main([*args, "--pdf", str(pdf), "--xlsx", str(xlsx), "--db", str(demo_db)]) == 0
    last = _pages(pdf)[-1]
    assert "填报单位（盖章）：中共阳高县委组织部" in last
    assert "填报人：王海江" in last and "审核人：＿＿＿＿＿＿" in last and "填报日期：" in last
    cells = [c for r in load_workbook(xlsx).active.iter_rows(values_only=True) for c in r if c]
    assert "填报单位（盖章）：中共阳高县委组织部" in cells and "填报人：王海江" in cells


def test_a_continued_table_repeats_its_heading_and_never_strands_its_total(qapp, tmp_path):
    rows = [[i, f"行{i:02d}"] for i in range(1, 61)]
    long = Table(
        [Column("序号", INT, 1), Column("名称", TEXT, 4)],
        rows,
        heading="长表",
        total=["合计", 60],
    )
    lines = [("Prepared by: ", "王海江"), ("Reviewed by: ", signoff.BLANK)]
    sheet = Sheet("x", "测试表", [long], signoff=lines)
    pdf = tmp_path / "x.pdf"
    for n in range(40, 61):  # wherever the page falls, the same rules hold
        long.rows = rows[:n]
        long.total = ["合计", n]
        write_pdf(sheet, pdf, PageInfo())
        pages = _pages(pdf)
        for text in pages[1:]:
            if "行" in text or "合计" in text:
                squeezed = text.replace(" ", "")
                continued = "长表(continued)" in squeezed or "长表（续）" in squeezed
                assert continued and "序号" in text, (n, text[:120])
            if "合计" in text:
                assert f"行{n:02d}" in text, n  # the last row stays with the total
        together = [p for p in pages if "Prepared by" in p or "Reviewed by" in p]
        assert len(together) == 1 and "Prepared by" in together[0], n
        assert "Reviewed by" in together[0], n
