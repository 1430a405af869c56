"""Reading .xlsx sheets: calamine and openpyxl give the same rows, and each sheet goes where it is safe."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from desktop_app.exchange.importer import plan_import
from desktop_app.exchange.reader import Limits, open_source

from .conftest import workbook

# A grid of no cells: every sheet goes through openpyxl's streaming parser.
STREAMING = Limits(max_grid_cells=0)


def _rewrite_sheet(path, change) -> None:
    """Apply change(xml text) → xml text to the first sheet of the workbook at path."""
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members[member] = change(members[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _messy(path):
    rows = [
        ["阳高县合作院校台账", None, None, None, None, None, None],
        ["名称", "电话", "身份证号", "日期", "人数", "比例", "时间"],
        ["中北大学", 13812345678, "140221199001011233", dt.datetime(2023, 3, 15), 30, 0.25, None],
        ["  山西大学　", 3.5, None, "2023年4月2日", 12, None, dt.time(9, 30)],
        [None, None, None, None, None, None, None],
        ["大同大学", None, None, 45000, True, 1e20, None],
    ]
    path = workbook(path, rows, merges=("A1:G1", "E4:E6"))
    return path


def _read(path, limits=Limits()):
    with open_source(path, limits) as source:
        return list(source.rows())


def test_calamine_and_openpyxl_read_the_same_rows(tmp_path):
    path = _messy(tmp_path / "messy.xlsx")
    fast, streamed = _read(path), _read(path, STREAMING)
    assert fast == streamed
    assert fast[0] == (1, ["阳高县合作院校台账"])
    assert fast[2] == (
        3,
        ["中北大学", 13812345678, "140221199001011233", dt.datetime(2023, 3, 15), 30, 0.25],
    )
    assert fast[3] == (4, ["  山西大学　", 3.5, None, "2023年4月2日", 12, None, dt.time(9, 30)])
    # row 5 is blank and dropped; the merge E4:E6 carries 12 down to row 6
    assert fast[4] == (6, ["大同大学", None, None, 45000, 12, 1e20])
    assert type(fast[2][1][1]) is int  # a phone number stored as a number, whole


def test_a_far_stray_cell_goes_to_the_streaming_reader_not_a_crash(tmp_path):
    """calamine would build a 17-billion-cell grid and abort the process; a child proves we don't."""
    path = workbook(tmp_path / "far.xlsx", [["名称"], ["中北大学"]])
    # column CV (100) is still read: a grid of 1,048,576 × 100 cells
    far = '<row r="1048576"><c r="CV1048576" t="inlineStr"><is><t>end</t></is></c></row>'
    _rewrite_sheet(path, lambda xml: xml.replace("</sheetData>", far + "</sheetData>"))
    script = (
        "import sys; from desktop_app.exchange.reader import open_source\n"
        "with open_source(sys.argv[1]) as s: print(len(list(s.rows())))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "3"  # 名称, 中北大学 and the far cell's row


def test_error_cells_are_reported_not_read_as_blank(tmp_path, ledger):
    rows = [["日期", "活动类型", "活动名称", "参加人数"], ["2023-3-15", "论坛", "番茄产业论坛", 30]]
    path = workbook(tmp_path / "err.xlsx", rows)
    _rewrite_sheet(
        path,
        lambda xml: re.sub(
            r'<c r="D2"([^>]*)><v>30</v></c>', r'<c r="D2" t="e"><v>#N/A</v></c>', xml
        ),
    )
    assert _read(path)[1] == (2, ["2023-3-15", "论坛", "番茄产业论坛", "#N/A"])
    plan = plan_import("activity", path)
    problems = plan.rows[0].errors()
    assert [(p.row, p.field, p.value) for p in problems] == [(2, "participants", "#N/A")]


def test_cells_without_references_are_placed_by_position(tmp_path):
    path = workbook(tmp_path / "noref.xlsx", [["名称", "简称"], ["中北大学", "中北"]])
    _rewrite_sheet(path, lambda xml: re.sub(r'(<c) r="[A-Z]+\d+"', r"\1", xml))
    assert _read(path) == [(1, ["名称", "简称"]), (2, ["中北大学", "中北"])]


def test_serial_dates_follow_a_1904_workbook(tmp_path, ledger):
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["活动名称", "日期", "活动类型"])
    ws.append(
        ["番茄产业对接会", 43538, "论坛"]
    )  # a serial number in a General cell: 1904 + 43,538 days
    ws.append(["高速飞车座谈会", dt.datetime(2023, 5, 16), "座谈会"])  # a date cell
    wb.save(tmp_path / "mac.xlsx")
    with open_source(tmp_path / "mac.xlsx") as source:
        assert source.epoch == dt.datetime(1904, 1, 1)
    plan = plan_import("activity", tmp_path / "mac.xlsx")
    assert [r.values["date"] for r in plan.rows] == [dt.date(2023, 3, 15), dt.date(2023, 5, 16)]


def test_hidden_sheet_is_not_the_default_and_chart_sheets_are_not_listed(tmp_path):
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.sheet_state = "hidden"
    data = wb.create_sheet("院校")
    data.append(["名称"])
    chart = wb.create_chartsheet("图表")
    assert chart is not None
    wb.active = 0
    wb.save(tmp_path / "h.xlsx")
    with open_source(tmp_path / "h.xlsx") as source:
        assert source.sheet_names == ["说明", "院校"]
        assert source.default_sheet == "院校"
        assert source.hidden_sheets == {"说明"}


def test_formulas_never_calculated_are_counted_and_said(tmp_path, ledger, capsys):
    """A workbook written by a program holds formulas without values: they read as empty."""
    from desktop_app import cli

    wb = Workbook()
    ws = wb.active
    ws.append(["院校名称", "联系电话", "备注"])
    ws.append(["中北大学", "0351-6012345", '=CONCATENATE("首批","对接")'])
    ws.append(["山西大学", "=B2", None])
    wb.save(tmp_path / "made.xlsx")
    with open_source(tmp_path / "made.xlsx") as source:
        assert source.uncalculated() == 2
        assert list(source.rows())[1] == (2, ["中北大学", "0351-6012345"])
    plan = plan_import("institution", tmp_path / "made.xlsx")
    assert [m.text() for m in plan.warnings] == [
        "2 cell(s) hold formulas that were never calculated (the file was last saved by "
        "another program), so they read as empty. Open the file in Excel or WPS, save it, "
        "and read it again."
    ]
    code = cli.main(
        [
            "--lang",
            "en",
            "import",
            "institution",
            str(tmp_path / "made.xlsx"),
            "--dry-run",
            "--db",
            str(ledger),
        ]
    )
    assert code == 0
    assert "warning: 2 cell(s) hold formulas that were never calculated" in capsys.readouterr().out
    # Excel's own files store the value after the formula: nothing to say
    workbook(tmp_path / "plain.xlsx", [["院校名称"], ["中北大学"]])
    _rewrite_sheet(
        tmp_path / "plain.xlsx",
        lambda xml: xml.replace(
            "</row></sheetData>", '<c r="B2"><f>1+1</f><v>2</v></c></row></sheetData>'
        ),
    )
    with open_source(tmp_path / "plain.xlsx") as source:
        assert source.uncalculated() == 0
