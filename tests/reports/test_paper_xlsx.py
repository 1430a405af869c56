"""Sheets on paper and in Excel: real PDFs and workbooks, read back."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.reports.model import DATE, FLOAT, INT, TEXT, Column, Sheet, Table
from desktop_app.reports.paper import PageInfo, write_pdf
from desktop_app.reports.xlsx import write_xlsx


def roster(n: int) -> Sheet:
    columns = [
        Column("序号", INT, 0.5),
        Column("姓名", TEXT, 1),
        Column("合作院校", TEXT, 2),
        Column("学历学位", TEXT, 0.8),
        Column("开始日期", DATE, 1),
        Column("补贴", FLOAT, 0.8),
    ]
    rows = [
        [
            i + 1,
            f"研究员{i + 1:04d}",
            "中北大学" if i % 2 else "中国航天科工集团第三研究院",
            "博士",
            dt.date(2023, 1 + i % 12, 1 + i % 28),
            1500.5,
        ]
        for i in range(n)
    ]
    return Sheet(
        "talents", "人才花名册", [Table(columns, rows)], period_text="2023年", landscape=True
    )


@pytest.fixture
def gui_app(qapp):
    return qapp


def test_roster_pdf_repeats_header_and_numbers_pages(gui_app, tmp_path):
    path = tmp_path / "roster.pdf"
    pages = write_pdf(roster(300), path, PageInfo("阳高县委组织部", dt.date(2026, 11, 26)))
    reader = PdfReader(str(path))
    assert len(reader.pages) == pages
    assert 5 <= pages <= 20  # 300 one-line rows on A4 landscape
    seen = []
    for i, page in enumerate(reader.pages, start=1):
        # NFKC: the font maps some ideographs to Kangxi radical code points.
        text = unicodedata.normalize("NFKC", page.extract_text())
        assert "姓名" in text and "合作院校" in text, f"header missing on page {i}"
        assert "阳高县委组织部" in text and "人才花名册" in text
        assert "Page" in text and "of" in text
        seen += [int(m) for m in re.findall(r"研究员(\d{4})", text)]
    assert seen == list(range(1, 301))  # every row once, in order, none clipped


def test_pdf_embeds_a_chinese_font(gui_app, tmp_path):
    path = tmp_path / "s.pdf"
    write_pdf(roster(3), path, PageInfo())
    raw = path.read_bytes()
    assert b"/FontFile2" in raw or b"/FontFile3" in raw
    text = unicodedata.normalize("NFKC", PdfReader(str(path)).pages[0].extract_text())
    assert "中北大学" in text


def test_xlsx_keeps_numbers_dates_and_print_setup(tmp_path):
    path = tmp_path / "roster.xlsx"
    sheet = roster(300)
    sheet.tables[0].rows[0][1] = '=HYPERLINK("http://x")'
    write_xlsx(sheet, path, "阳高县委组织部", dt.date(2026, 11, 26), "第 &P 页 共 &N 页")
    ws = load_workbook(path).active
    assert ws["A1"].value == "人才花名册"
    header_row = next(r for r in range(1, 10) if ws.cell(r, 2).value == "姓名")
    first = header_row + 1
    assert ws.cell(first, 1).value == 1
    formula_like = ws.cell(first, 2)  # text that Excel would take for a formula
    assert formula_like.value.startswith("=") and formula_like.data_type == "s"
    assert formula_like.quotePrefix  # Excel's own mark: shown as text, printed as it is
    assert ws.cell(first, 5).value == dt.datetime(2023, 1, 1)
    assert ws.cell(first, 6).value == 1500.5
    assert ws.cell(first + 299, 1).value == 300
    assert ws.freeze_panes == f"A{first}"
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"


def _page_texts(path) -> list[str]:
    return [
        re.sub(r"\s+", "", unicodedata.normalize("NFKC", p.extract_text()))
        for p in PdfReader(str(path)).pages
    ]


def test_wrapped_rows_are_never_split_across_pages(gui_app, tmp_path):
    columns = [Column("序号", INT, 0.5), Column("说明", TEXT, 2)]
    rows = [[i, f"甲{i:03d}" + "合作内容需要换行显示" * 8 + f"乙{i:03d}"] for i in range(1, 121)]
    path = tmp_path / "long.pdf"
    pages = write_pdf(Sheet("long", "长文本", [Table(columns, rows)]), path, PageInfo())
    texts = _page_texts(path)
    assert pages == len(texts) > 3
    for i in range(1, 121):
        start = next(n for n, t in enumerate(texts) if f"甲{i:03d}" in t)
        assert f"乙{i:03d}" in texts[start], f"row {i} split across pages"
    assert all("序号" in t and "说明" in t for t in texts)  # header on every page


def test_a_heading_stays_with_its_table(gui_app, tmp_path):
    tables = [
        Table([Column(f"列{k}", TEXT)], [[f"值{k}-{j}"] for j in range(9)], heading=f"第{k}节")
        for k in range(12)
    ]
    path = tmp_path / "sections.pdf"
    write_pdf(Sheet("sections", "分节", tables), path, PageInfo())
    for text in _page_texts(path):
        for k in range(12):
            if f"第{k}节" in text:
                assert f"值{k}-0" in text, f"heading {k} left without its table"


def test_pdf_text_layer_gives_ordinary_characters(gui_app, tmp_path):
    """Copying or searching the PDF must give 人才 and 页, not the radicals ⼈ and ⻚."""
    sheet = Sheet(
        "t", "人才花名册", [Table([Column("学历学位"), Column("日期")], [["大学", "第1页"]])]
    )
    path = tmp_path / "t.pdf"
    write_pdf(sheet, path, PageInfo("阳高县委组织部"))
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "人才花名册" in text and "大学" in text and "页" in text
    assert not re.search("[\u2e80-\u2fdf]", text)


def test_the_pdf_text_layer_keeps_the_em_dash(gui_app, tmp_path):
    sheet = Sheet("t", "合作——共建", [Table([Column("名称")], [["中北大学—太原"]])])
    path = tmp_path / "t.pdf"
    write_pdf(sheet, path, PageInfo())
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "合作——共建" in text and "中北大学—太原" in text and "\u2015" not in text


def test_xlsx_reads_well_in_excel_and_wps(tmp_path):
    """Widths from the content, a Chinese face named, floats without a stray
    point, a header on every printed page, ★ where the row is marked."""
    people = Table(
        [
            Column("姓名"),
            Column("电话"),
            Column("补贴", FLOAT),
            Column("备注"),
        ],
        [["高灵旺", "13800000216", 40.0, "短"], ["李灵芝", "0352-6621234", 40.5, "长" * 100]],
        heading="人员",
        marked={1},
        mark_note="逾期",
    )
    counts = Table([Column("类型"), Column("数量", INT)], [["博士", 30]], heading="统计")
    path = tmp_path / "s.xlsx"
    write_xlsx(Sheet("x", "人才花名册", [people, counts]), path, "中共阳高县委组织部")
    ws = load_workbook(path).active
    width = {c: ws.column_dimensions[c].width for c in "ABCD"}
    assert width["B"] >= len("0352-6621234")  # a phone fits on one line
    assert 40 <= width["D"] <= 45  # long notes wrap at a readable width
    assert ws["A4"].value == "人员"
    header_row = 5
    assert (
        ws.cell(header_row, 1).font.name == "宋体"
        and ws.cell(header_row + 1, 1).font.name == "宋体"
    )
    assert ws.cell(header_row + 1, 3).number_format == "General"  # 40, not "40."
    assert ws.cell(header_row + 2, 1).value == "★李灵芝"
    assert ws.freeze_panes is None  # two tables: no pane holds both headers
    assert (
        ws.oddHeader.left.text == "中共阳高县委组织部" and ws.oddHeader.right.text == "人才花名册"
    )


def test_a_title_excel_refuses_as_a_tab_name_is_written(tmp_path):
    """An English dossier of "Inst [A/B]: *Lab?\\" once crashed the .xlsx writer."""
    title = "Institution dossier: Inst [A/B]: *Lab?\\"
    path = tmp_path / "d.xlsx"
    write_xlsx(Sheet("d", title, [Table([Column("Item")], [["x"]])]), path)
    wb = load_workbook(path)
    assert wb.active["A1"].value == title  # the title itself, whole
    assert not set("[]:*?/\\") & set(wb.active.title)


def test_the_pdf_text_layer_keeps_digits_next_to_latin_letters(gui_app, tmp_path):
    """Noto CJK swapped such digits for glyphs the text layer left unnamed."""
    sheet = Sheet(
        "t",
        "Roster",
        [Table([Column("ID"), Column("E-mail")], [["14010519900101130X", "researcher01@x.cn"]])],
    )
    path = tmp_path / "t.pdf"
    write_pdf(sheet, path, PageInfo("Org", dt.date(2026, 11, 29)))
    text = " ".join("".join(p.extract_text() for p in PdfReader(str(path)).pages).split())
    assert "14010519900101130X" in text and "researcher01@x.cn" in text
    assert "2026-11-29" in text


def test_the_pdf_text_layer_keeps_the_en_dash_of_english_periods(gui_app, tmp_path):
    sheet = Sheet("t", "Summary", [], period_text="1 Jan 2023 – 31 Dec 2023")
    path = tmp_path / "t.pdf"
    write_pdf(sheet, path, PageInfo())
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "–" in text and "\u2012" not in text


def test_a_row_taller_than_a_page_goes_on_line_by_line_and_loses_nothing(gui_app, tmp_path):
    # 4,800 characters in one cell (a long 合作内容): once the rows after it vanished.
    markers = [f"〔{k:03d}〕" for k in range(120)]
    long_text = "".join(m + "合作内容需要换行显示合作内容需要换行显示合作内容需要" for m in markers)
    columns = [Column("序号", INT, 0.5), Column("说明", TEXT, 2)]
    rows = [[1, "前一行"], [2, long_text], [3, "后一行"]]
    path = tmp_path / "tall.pdf"
    pages = write_pdf(Sheet("tall", "长单元格", [Table(columns, rows)]), path, PageInfo())
    texts = _page_texts(path)
    assert pages == len(texts) >= 2
    whole = "".join(texts)
    assert [whole.count(m) for m in markers] == [1] * len(markers)
    assert [whole.index(m) for m in markers] == sorted(whole.index(m) for m in markers)
    assert "前一行" in texts[0] and "后一行" in texts[-1]
    assert all("序号" in t and "说明" in t for t in texts)  # the header above each part


def test_the_sign_off_is_never_alone_on_a_page(gui_app, tmp_path):
    path = tmp_path / "signed.pdf"
    for n in range(15, 45):
        rows = [[i, f"行{i:02d}"] for i in range(1, n + 1)]
        table = Table([Column("序号", INT, 1), Column("名称", TEXT, 4)], rows, note=f"共 {n} 项")
        sheet = Sheet("x", "测试表", [table], signoff=[("填报人：", "王海江")])
        write_pdf(sheet, path, PageInfo())
        last = _page_texts(path)[-1]
        assert "填报人:王海江" in last and f"行{n:02d}" in last and f"共{n}项" in last, n


@pytest.mark.parametrize("dpi", [96, 600, 1200])
def test_the_preview_and_the_printer_break_lines_and_pages_as_the_pdf_does(gui_app, tmp_path, dpi):
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.reports.paper import page_layout, paint_sheet

    columns = [Column("序号", INT, 0.4), Column("学历学位", TEXT, 0.5), Column("说明", TEXT, 3)]
    rows = [[i, "博士", "合作内容需要换行显示" * (i % 7 + 1)] for i in range(1, 160)]
    sheet = Sheet("x", "人才花名册", [Table(columns, rows)], landscape=True)
    pdf = tmp_path / "sheet.pdf"
    pages = write_pdf(sheet, pdf, PageInfo("阳高县委组织部", dt.date(2026, 11, 30)))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(dpi)
    printer.setPageLayout(page_layout(sheet))
    assert paint_sheet(sheet, printer, PageInfo("阳高县委组织部", dt.date(2026, 11, 30))) == pages
    del printer
    assert _page_texts(printed) == _page_texts(pdf)  # the same lines on the same pages


def test_the_pdf_text_layer_gives_back_characters_fonts_share_with_radicals(gui_app, tmp_path):
    # Noto CJK draws 户 and the radical ⼾ (and ～ 〜, ／ ∕) with one glyph: copying
    # gave 用戶 (NFKC's traditional form) and 3〜5年, and a search for 户籍 failed.
    text = "用户户籍，客户账户：3～5年，县／市，突兀，辰巳，亻刂氵扌忄犭纟钅讠阝艹"
    columns = [Column("说明", TEXT, 1)]
    path = tmp_path / "shared.pdf"
    write_pdf(Sheet("x", "用户户籍", [Table(columns, [[text]])]), path, PageInfo())
    layer = "".join(PdfReader(str(path)).pages[0].extract_text().split())
    assert text in layer and "用户户籍" in layer


def test_an_xlsx_of_several_tables_breaks_pages_between_tables_not_inside_them(tmp_path):
    tables = [
        Table(
            [Column("类别", TEXT, 2), Column("本期", INT, 1)],
            [[f"词{k}-{j}", j] for j in range(9)],
            heading=f"第{k}节",
            total=["合计", 36],
        )
        for k in range(12)
    ]
    path = tmp_path / "sections.xlsx"
    write_xlsx(Sheet("s", "工作统计表", tables), path, "阳高县委组织部")
    ws = load_workbook(path).active
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks  # 12 tables of 12 rows do not fit one page
    starts = [
        r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("第")
    ]
    for b in breaks:
        assert b + 1 in starts  # every break falls just above a table's heading
