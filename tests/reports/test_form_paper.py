"""A filled form printed as its own layout says (issue 11: the superior's templates)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from pypdf import PdfReader

from desktop_app.reports import form_paper

THIN = Side(style="thin")
BOX = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)


def superior_form(path, rows: int = 6, wide: bool = False) -> None:
    """A city's form: title merged over the columns, a header row repeated on
    every page, bordered rows, a formula total, a footer with page numbers."""
    wb = Workbook()
    ws = wb.active
    ws.title = "附表1"
    ws["A1"] = "{{期间}}校地合作工作情况统计表"
    ws.merge_cells("A1:F1")
    ws["A1"].font = Font(name="方正小标宋简体", size=18)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 36
    ws["A2"] = "填报单位（盖章）：{{组织名称}}"
    for i, head in enumerate(["序号", "指标", "单位", "本期", "累计", "备注"], start=1):
        cell = ws.cell(3, i, head)
        cell.font = Font(name="黑体", size=11)
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center")
    for n in range(1, rows + 1):
        r = 3 + n
        values = [n, f"指标{n}", "所", "{{本期.院校.合计}}", "{{累计.院校.合计}}", f"备注{n}"]
        for i, v in enumerate(values, start=1):
            ws.cell(r, i, v).border = BOX
    total = 4 + rows
    ws.cell(total, 2, "合计")
    ws.cell(total, 4, f"=SUM(D4:D{total - 1})")
    ws.cell(total, 5, "=MEDIAN(E4:E5)")  # not worked out: left empty, and named
    ws.cell(total + 2, 1, "填报人：{{填报人}}")
    widths = [6, 30, 7, 10, 10, 28] if not wide else [6, 60, 20, 30, 30, 60]
    for col, w in zip("ABCDEF", widths, strict=True):
        ws.column_dimensions[col].width = w
    ws.print_title_rows = "3:3"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    wb.save(path)


def _filled(path, tmp_path, **kwargs):
    from desktop_app.reports import template

    form = tmp_path / "form.xlsx"
    superior_form(form, **kwargs)
    values = {
        "期间": "2023年1月1日至2023年12月31日",
        "组织名称": "中共阳高县委组织部",
        "本期.院校.合计": 25,
        "累计.院校.合计": 31,
        "填报人": "王海江",
    }
    template.fill_file(form, path, values)
    return path


def _pages(pdf) -> list[str]:
    return [p.extract_text().replace("\t", " ") for p in PdfReader(str(pdf)).pages]


def test_the_filled_form_prints_with_its_values_title_and_total(qapp, tmp_path):
    filled = _filled(tmp_path / "filled.xlsx", tmp_path)
    pdf = tmp_path / "filled.pdf"
    printed = form_paper.print_form(filled, pdf)
    assert printed.pages == 1
    assert printed.unevaluated == ["附表1!E10"]
    text = _pages(pdf)[0]
    assert "2023年1月1日至2023年12月31日校地合作工作情况统计表" in text
    assert "填报单位（盖章）：中共阳高县委组织部" in text
    assert "填报人：王海江" in text  # runs on over the empty cells beside it
    assert "150" in text  # =SUM over six rows of 25
    assert "第 1 页，共 1 页" in text
    assert "{{" not in text


def test_a_long_form_repeats_its_header_row_on_every_page(qapp, tmp_path):
    filled = _filled(tmp_path / "filled.xlsx", tmp_path, rows=120)
    pdf = tmp_path / "filled.pdf"
    printed = form_paper.print_form(filled, pdf)
    pages = _pages(pdf)
    assert printed.pages == len(pages) >= 3
    for n, text in enumerate(pages, start=1):
        assert "序号" in text and "备注" in text
        assert f"第 {n} 页，共 {len(pages)} 页" in text
    every = "".join(pages)
    assert all(f"指标{n}" in every for n in range(1, 121))
    assert "3000" in pages[-1]  # the total, on the last page


def test_a_form_wider_than_the_paper_is_scaled_not_cut(qapp, tmp_path):
    filled = _filled(tmp_path / "filled.xlsx", tmp_path, wide=True)
    pdf = tmp_path / "filled.pdf"
    assert form_paper.print_form(filled, pdf).pages == 1
    text = _pages(pdf)[0]
    assert "序号" in text and "备注1" in text and "备注6" in text


def test_number_formats():
    assert form_paper.display_text(1826, "General") == "1826"
    assert form_paper.display_text(0.5, "0%") == "50%"
    assert form_paper.display_text(1234.5, "#,##0.00") == "1,234.50"
    assert form_paper.display_text(40.0, "0.##") in ("40", "40.")
    assert form_paper.display_text(2.0 / 3, "General") == "0.6666666667"


def test_columns_stored_as_a_range_keep_their_width_and_hiding(qapp, tmp_path):
    """Excel writes a run of alike columns as one <col min max>."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws["A1"] = "可见"
    ws["B1"] = "宽列"
    ws["E1"] = "秘密E列"
    ws["F2"] = "秘密F列"
    ws.column_dimensions.group("B", "C", hidden=False)
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions.group("D", "F", hidden=True)
    path, pdf = tmp_path / "f.xlsx", tmp_path / "f.pdf"
    wb.save(path)
    form = form_paper.FormPrinter(path)
    assert form.cols == [1, 2, 3]
    assert form.widths[3] == form.widths[2] == form_paper.column_points(30)
    form_paper.write_pdf(path, pdf)
    text = _pages(pdf)[0]
    assert "可见" in text and "秘密" not in text


def test_every_visible_sheet_is_printed_and_a_chart_sheet_never_breaks_it(qapp, tmp_path):
    from openpyxl.chart import BarChart

    path = tmp_path / "book.xlsx"
    wb = Workbook()
    first = wb.active
    first.title = "表一"
    first["A1"] = "表一 院校情况"
    second = wb.create_sheet("表二")
    second["A1"] = "表二 人才情况"
    second.page_setup.orientation = "landscape"
    hidden = wb.create_sheet("说明")
    hidden["A1"] = "填表说明（隐藏）"
    hidden.sheet_state = "hidden"
    chart = wb.create_chartsheet("图表")
    chart.add_chart(BarChart())
    wb.active = wb._sheets.index(chart)  # the form was saved with its chart showing
    wb.save(path)
    pdf = tmp_path / "book.pdf"
    printed = form_paper.print_form(path, pdf)
    texts = _pages(pdf)
    assert printed.pages == len(texts) == 2
    assert "表一 院校情况" in texts[0] and "表二 人才情况" in texts[1]
    assert not any("填表说明" in t for t in texts)
    reader = PdfReader(str(pdf))
    first_box, second_box = (reader.pages[i].mediabox for i in (0, 1))
    assert first_box.width < first_box.height and second_box.width > second_box.height


def test_the_forms_own_header_and_footer_are_printed_with_page_numbers(qapp, tmp_path):
    path = tmp_path / "hf.xlsx"
    wb = Workbook()
    ws = wb.active
    for r in range(1, 120):
        ws.cell(r, 1, f"第{r}行")
    ws.oddHeader.left.text = '&"黑体,加粗"&12填报单位：阳高县'
    ws.oddHeader.right.text = "R&&D 表"
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    wb.save(path)
    pdf = tmp_path / "hf.pdf"
    pages = form_paper.write_pdf(path, pdf)
    texts = _pages(pdf)
    assert pages == len(texts) >= 2
    for n, text in enumerate(texts, start=1):
        assert "填报单位：阳高县" in text and "R&D 表" in " ".join(text.split())
        assert f"第 {n} 页 共 {pages} 页" in text


def test_numbers_are_rounded_as_excel_shows_them():
    assert form_paper.display_text(0.125, "0.00") == "0.13"
    assert form_paper.display_text(2.5, "0") == "3"
    assert form_paper.display_text(-2.5, "0") == "-3"
    assert form_paper.display_text(2.675, "0.00") == "2.68"
    assert form_paper.display_text(0.12345, "0.0%") == "12.3%"
    assert form_paper.display_text(1234567.891, "#,##0.00") == "1,234,567.89"
    assert form_paper.display_text(float("nan"), "0.00") == "NaN"  # shown, never a crash


def test_a3_paper_and_vertical_text_are_kept(qapp, tmp_path):
    path = tmp_path / "a3.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws["A1"] = "竖排标题"
    ws["A1"].alignment = Alignment(textRotation=255)
    ws["B1"] = "向上文字"
    ws["B1"].alignment = Alignment(textRotation=90)
    ws["C1"] = "普通"
    wb.save(path)
    pdf = tmp_path / "a3.pdf"
    form_paper.write_pdf(path, pdf)
    box = PdfReader(str(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 1191)  # A3, points
    text = _pages(pdf)[0]
    lines = [line.strip() for line in text.splitlines()]
    # Stacked: one character a line, in order, and none cut off by the row.
    stacked = [line for line in lines if line in "竖排标题" and line]
    assert "".join(stacked[:4]) == "竖排标题"
    assert "普通" in text and "向上文字" in "".join(text.split())
    form = form_paper.FormPrinter(path)
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    assert form._heights(writer)[1] > 4 * 10  # four characters tall, not one line


def test_a_forms_picture_is_kept_in_the_filled_copy_and_printed(qapp, tmp_path):
    from openpyxl import load_workbook
    from openpyxl.drawing.image import Image as SheetImage
    from PySide6.QtGui import QColor, QImage

    from desktop_app.reports import template

    png = tmp_path / "seal.png"
    red = QImage(120, 120, QImage.Format.Format_RGB32)
    red.fill(QColor("#d00000"))
    red.save(str(png))
    form = tmp_path / "form.xlsx"
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "填报单位：{{组织名称}}"
    ws["A12"] = "（盖章）"
    ws.add_image(SheetImage(str(png)), "C3")
    wb.save(form)
    out = tmp_path / "filled.xlsx"
    template.fill_file(form, out, {"组织名称": "中共阳高县委组织部"})
    assert len(load_workbook(out).active._images) == 1  # the seal is still there
    pdf = tmp_path / "filled.pdf"
    form_paper.write_pdf(out, pdf)
    page = PdfReader(str(pdf)).pages[0]
    assert len(page.images) == 1
    assert "中共阳高县委组织部" in page.extract_text()


def test_the_forms_page_breaks_are_kept_and_empty_sheets_print_no_page(qapp, tmp_path):
    from openpyxl.worksheet.pagebreak import Break

    path = tmp_path / "breaks.xlsx"
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "标题"
    for r in range(2, 61):
        ws.cell(r, 1, f"第{r}行")
    ws.print_title_rows = "1:1"
    ws.row_breaks.append(Break(id=30))  # 插入分页符 under row 30
    wb.create_sheet("表3")  # a spare, empty sheet
    wb.save(path)
    pdf = tmp_path / "breaks.pdf"
    printed = form_paper.print_form(path, pdf)
    texts = _pages(pdf)
    assert printed.pages == len(texts) == 2
    assert "第30行" in texts[0] and "第31行" not in texts[0]
    assert "第31行" in texts[1] and "标题" in texts[1]


def test_a_chart_the_pdf_cannot_draw_is_named(qapp, tmp_path):
    from openpyxl.chart import BarChart, Reference

    path = tmp_path / "chart.xlsx"
    wb = Workbook()
    ws = wb.active
    for r in range(1, 5):
        ws.cell(r, 1, r)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_row=4))
    ws.add_chart(chart, "C2")
    wb.save(path)
    printed = form_paper.print_form(path, tmp_path / "chart.pdf")
    assert printed.not_printed == ["Sheet: chart"]


def test_a_general_number_gives_up_decimals_before_it_shows_hashes(qapp, tmp_path):
    path = tmp_path / "narrow.xlsx"
    wb = Workbook()
    ws = wb.active
    ws["A1"] = 27
    ws["A2"] = "=A1/7"
    ws.column_dimensions["A"].width = 7
    wb.save(path)
    form_paper.write_pdf(path, tmp_path / "narrow.pdf")
    text = _pages(tmp_path / "narrow.pdf")[0]
    assert "3.857" in text and "#" not in text
