"""Old .xls workbooks (Excel 97–2003): read like an .xlsx, and refused safely when they cannot be."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time

import pytest
import xlwt

from desktop_app.exchange import messages as M
from desktop_app.exchange.importer import ImportOptions, execute, plan_import
from desktop_app.exchange.messages import ExchangeError
from desktop_app.exchange.reader import Limits, open_source
from desktop_app.store import models as m

from .conftest import workbook

DATE = xlwt.easyxf(num_format_str="YYYY-MM-DD")
STREAMING = Limits(max_grid_cells=0)  # .xlsx sheets through openpyxl


def ledger_xls(path, far_cell: bool = False):
    """A 院校 ledger as an office saved it from Excel 2003: title, header, merges, an error."""
    wb = xlwt.Workbook(encoding="utf-8")
    note = wb.add_sheet("填报说明")
    note.write(0, 0, "本表由各责任单位填报")
    ws = wb.add_sheet("院校台账")
    ws.write_merge(0, 0, 0, 4, "阳高县合作院校台账")
    for c, text in enumerate(["院校名称", "所在地类别", "联系电话", "首次联系日期", "备注"]):
        ws.write(1, c, text)
    ws.write(2, 0, "中北大学")
    ws.write_merge(2, 4, 1, 1, "省内")  # a category merged down three rows
    ws.write(2, 2, 13812345678)  # a phone number stored as a number
    ws.write(2, 3, dt.date(2023, 3, 15), DATE)
    ws.write(3, 0, "山西农业大学")
    ws.write(3, 3, "2023年4月2日")
    ws.write(4, 0, "大同大学")
    ws.row(4).set_cell_error(3, 0x2A)  # #N/A: a lookup that failed in the sheet
    ws.write(5, 0, "清华大学")
    ws.write(5, 1, "省外")
    ws.write(5, 4, "  全方位战略合作　")
    if far_cell:
        ws.write(65535, 255, "x")
    wb.set_active_sheet(1)
    wb.save(str(path))
    return path


def test_rows_read_as_from_an_xlsx(tmp_path):
    with open_source(ledger_xls(tmp_path / "院校.xls")) as source:
        assert source.kind == "xls"
        assert source.sheet_names == ["填报说明", "院校台账"]
        assert source.default_sheet == "院校台账"  # the sheet it was saved on
        assert source.hidden_sheets == set()
        rows = list(source.rows())
        assert source.size_hint() == 6
    assert rows == [
        (1, ["阳高县合作院校台账"]),  # a title across columns is not copied along
        (2, ["院校名称", "所在地类别", "联系电话", "首次联系日期", "备注"]),
        (3, ["中北大学", "省内", 13812345678, dt.datetime(2023, 3, 15)]),
        (4, ["山西农业大学", "省内", None, "2023年4月2日"]),
        (5, ["大同大学", "省内", None, "#N/A"]),
        (6, ["清华大学", "省外", None, None, "  全方位战略合作　"]),
    ]


def test_an_xls_ledger_imports_with_every_problem_named(tmp_path, ledger):
    path = ledger_xls(tmp_path / "院校.xls")
    plan = plan_import("institution", path)
    assert plan.sheet == "院校台账"
    assert [(p.row, p.field, p.value) for p in plan.errors()] == [(5, "first_contact", "#N/A")]
    result = execute(plan, ImportOptions(skip_invalid=True))
    assert result.imported == 3 and result.skipped == 1
    got = {
        r.name: (r.location_class, r.phone, r.first_contact, r.notes)
        for r in m.Institution.select().order_by(m.Institution.id)
    }
    assert got == {
        "中北大学": ("省内", "13812345678", dt.date(2023, 3, 15), ""),
        "山西农业大学": ("省内", "", dt.date(2023, 4, 2), ""),
        "清华大学": ("省外", "", None, "全方位战略合作"),
    }


def test_cells_spread_over_the_whole_sheet_are_refused_fast(tmp_path, ledger):
    """A1 to IV65536 is a 16.7-million-cell grid (over a gigabyte in calamine): refused unread."""
    path = ledger_xls(tmp_path / "far.xls", far_cell=True)
    start = time.perf_counter()
    with pytest.raises(ExchangeError) as err:
        plan_import("institution", path)
    assert time.perf_counter() - start < 3
    assert err.value.message.template == M.SPREAD_OUT
    assert err.value.message.text().startswith(
        'The cells of sheet "院校台账" are spread over 65536 rows × 256 columns'
    )
    assert m.Institution.select().count() == 0


def test_an_ole_file_that_is_no_workbook(tmp_path):
    path = tmp_path / "fake.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    with pytest.raises(ExchangeError) as err:
        open_source(path)
    assert err.value.message.template == M.NOT_A_WORKBOOK


def test_xls_and_xlsx_give_the_same_rows(tmp_path):
    rows = [["名称", "简称", "人数"], ["中北大学", "中北", 30], ["山西大学", None, 12.5]]
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    wb.save(str(tmp_path / "a.xls"))
    workbook(tmp_path / "a.xlsx", rows)
    with open_source(tmp_path / "a.xls") as old, open_source(tmp_path / "a.xlsx") as new:
        assert list(old.rows()) == list(new.rows())


def _patch_dimensions(path, first_row: int, end_row: int) -> None:
    """Rewrite the first DIMENSIONS record's rows in place (same size, so olefile can)."""
    import struct

    import olefile

    with olefile.OleFileIO(str(path)) as ole:
        stream = bytearray(ole.openstream("Workbook").read())
    pos = 0
    while pos + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, pos)
        if kind == 0x0200:
            struct.pack_into("<II", stream, pos + 4, first_row, end_row)
            break
        pos += 4 + size
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        ole.write_stream("Workbook", bytes(stream))


@pytest.mark.parametrize(
    "first_row, end_row, template",
    [(0, 0xFF000001, M.SPREAD_OUT), (23552, 40, M.DAMAGED_WORKBOOK)],
    ids=["claims billions of rows", "ends before it starts"],
)
def test_a_hostile_dimensions_record_is_refused_not_an_abort(
    tmp_path, first_row, end_row, template
):
    """calamine reserves the claimed grid before reading a cell: such files aborted the process."""
    path = ledger_xls(tmp_path / "dims.xls")
    _patch_dimensions(path, first_row, end_row)
    script = (
        "import sys\n"
        "from desktop_app.exchange.reader import open_source\n"
        "from desktop_app.exchange.messages import ExchangeError\n"
        "try:\n"
        "    with open_source(sys.argv[1]) as s: list(s.rows())\n"
        "except ExchangeError as e: print(e.message.template)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == template


def test_a_workbook_renamed_to_the_other_extension_is_read_by_its_content(tmp_path):
    """Offices rename files freely: an .xls saved as 院校.xlsx, an .xlsx saved as 院校.xls."""
    old = ledger_xls(tmp_path / "real.xls")
    (tmp_path / "old_named.xlsx").write_bytes(old.read_bytes())
    new = workbook(tmp_path / "real.xlsx", [["院校名称"], ["中北大学"]])
    (tmp_path / "new_named.xls").write_bytes(new.read_bytes())
    with open_source(tmp_path / "old_named.xlsx") as source:
        assert source.kind == "xls"
        assert list(source.rows())[2][1][0] == "中北大学"
    with open_source(tmp_path / "new_named.xls") as source:
        assert source.kind == "xlsx"
        assert list(source.rows()) == [(1, ["院校名称"]), (2, ["中北大学"])]
    with open_source(tmp_path / "new_named.xls", STREAMING) as source:  # openpyxl too
        assert list(source.rows()) == [(1, ["院校名称"]), (2, ["中北大学"])]


def test_a_file_calamine_cannot_open_is_a_message(tmp_path):
    from desktop_app.exchange.calamine_sheet import open_calamine

    path = tmp_path / "broken.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(ExchangeError) as err:
        open_calamine(path)
    assert err.value.message.template == M.DAMAGED_WORKBOOK


def test_a_chart_on_the_sheet_does_not_hide_its_merged_cells(tmp_path):
    """A chart is a substream (BOF … EOF) inside the sheet's, written before its merges."""
    import struct

    from xlwt import CompoundDoc

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("院校台账")
    ws.write(0, 0, "院校名称")
    ws.write(0, 1, "类别")
    for r, name in enumerate(["中北大学", "山西大学", "太原理工大学"], start=1):
        ws.write(r, 0, name)
    ws.write_merge(1, 3, 1, 1, "高校")
    stream = bytearray(wb.get_biff_data())

    def records(start):
        pos = start
        while pos + 4 <= len(stream):
            kind, size = struct.unpack_from("<HH", stream, pos)
            yield kind, pos
            pos += 4 + size

    sheet = next(struct.unpack_from("<I", stream, pos + 4)[0] for k, pos in records(0) if k == 0x85)
    merges_at = next(pos for kind, pos in records(sheet) if kind == 0x00E5)
    chart = b"".join(
        struct.pack("<HH", kind, len(body)) + body
        for kind, body in (
            (0x0809, struct.pack("<HHHHII", 0x0600, 0x0020, 0x0DBB, 0x07CC, 0, 6)),  # BOF, chart
            (0x1002, struct.pack("<iiii", 0, 0, 300 << 16, 200 << 16)),  # CHART
            (0x000A, b""),  # the chart's EOF
        )
    )
    stream[merges_at:merges_at] = chart
    CompoundDoc.XlsDoc().save(str(tmp_path / "chart.xls"), bytes(stream))
    with open_source(tmp_path / "chart.xls") as source:
        assert [v[1] for _n, v in list(source.rows())[1:]] == ["高校", "高校", "高校"]
