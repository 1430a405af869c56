"""Opening files: what is read, and every bad file refused quickly with a message."""

from __future__ import annotations

import codecs
import random
import re
import struct
import time
import tracemalloc
import zipfile

import pytest

from desktop_app.exchange import messages as M
from desktop_app.exchange.importer import plan_import
from desktop_app.exchange.messages import ExchangeError
from desktop_app.exchange.reader import MB, Limits, open_source
from desktop_app.store import models as m

from .conftest import workbook


def refused(path, template, limits=Limits()):
    """open_source(path) raises ExchangeError with template; returns its message."""
    start = time.perf_counter()
    with pytest.raises(ExchangeError) as err:
        with open_source(path, limits) as source:
            for _ in source.rows():
                pass
    assert time.perf_counter() - start < 3, "a bad file must be refused within seconds"
    assert err.value.message.template == template, err.value.message.text()
    return err.value.message


def nothing_written():
    return m.Institution.select().count() == 0 and m.AuditEntry.select().count() == 0


# ---------------------------------------------------------------- what is read


def test_rows_come_with_excel_row_numbers_and_blank_rows_dropped(tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["名称", "电话"], [], ["中北大学", 13812345678], [None]])
    with open_source(path) as source:
        assert source.kind == "xlsx"
        assert list(source.rows()) == [(1, ["名称", "电话"]), (3, ["中北大学", 13812345678])]


def test_merged_category_is_filled_down_and_title_merge_left_alone(tmp_path):
    rows = [
        ["院校台账", None, None],
        ["名称", "所在地类别", "备注"],
        ["中北大学", "省内", None],
        ["大同大学", None, None],
        ["山西农业大学", None, "x"],
        ["清华大学", "省外", None],
    ]
    path = workbook(tmp_path / "m.xlsx", rows, merges=("A1:C1", "B3:B5"))
    with open_source(path) as source:
        got = list(source.rows())
    assert got[0] == (1, ["院校台账"])  # a title across columns is not copied
    assert [r[1][1] for r in got[2:]] == ["省内", "省内", "省内", "省外"]


def test_second_sheet_selectable_and_active_sheet_is_the_default(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表填报说明"])
    data = wb.create_sheet("院校")
    data.append(["名称"])
    data.append(["中北大学"])
    wb.active = 1
    wb.save(tmp_path / "two.xlsx")
    with open_source(tmp_path / "two.xlsx") as source:
        assert source.sheet_names == ["说明", "院校"]
        assert source.default_sheet == "院校"
        assert list(source.rows("说明")) == [(1, ["本表填报说明"])]
        assert list(source.rows("院校"))[-1] == (2, ["中北大学"])
        with pytest.raises(ExchangeError) as err:
            list(source.rows("没有"))
        assert err.value.message.template == M.NO_SUCH_SHEET


@pytest.mark.parametrize(
    "encoding, bom",
    [("gbk", b""), ("utf-8", codecs.BOM_UTF8), ("utf-8", b""), ("gb18030", b"")],
)
def test_csv_in_gbk_and_utf8(tmp_path, encoding, bom):
    text = "院校名称,所在地类别\r\n中北大学,省内\r\n“清华”大学,省外\r\n"
    path = tmp_path / "a.csv"
    path.write_bytes(bom + text.encode(encoding))
    with open_source(path) as source:
        assert source.kind == "csv"
        assert list(source.rows()) == [
            (1, ["院校名称", "所在地类别"]),
            (2, ["中北大学", "省内"]),
            (3, ["“清华”大学", "省外"]),
        ]


def test_csv_tab_separated_utf16_as_excel_saves_unicode_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("名称\t电话\n中北大学\t0352-1234567\n".encode("utf-16"))
    with open_source(path) as source:
        assert list(source.rows()) == [(1, ["名称", "电话"]), (2, ["中北大学", "0352-1234567"])]


def test_row_cap(tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["名称"]] + [[f"大学{i}"] for i in range(60)])
    message = refused(path, M.TOO_MANY_ROWS, Limits(max_rows=50))
    assert "50" in message.text()


# ---------------------------------------------------------------- bad files


def test_random_bytes_named_xlsx(tmp_path, ledger):
    path = tmp_path / "x.xlsx"
    path.write_bytes(random.Random(1).randbytes(64 * 1024))
    refused(path, M.NOT_A_WORKBOOK)
    with pytest.raises(ExchangeError):
        plan_import("institution", path)
    assert nothing_written()


def test_random_bytes_named_csv(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(random.Random(2).randbytes(64 * 1024))
    refused(path, M.NOT_TEXT)


def test_empty_file(tmp_path, ledger):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    refused(path, M.EMPTY_FILE)
    (tmp_path / "empty.csv").write_bytes(codecs.BOM_UTF8 + b"\r\n \r\n")
    refused(tmp_path / "empty.csv", M.EMPTY_FILE)
    assert nothing_written()


def _ole(path, stream_names: list[str]):
    """A compound file header followed by directory entries naming the streams."""
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    for name in stream_names:
        entry = name.encode("utf-16-le").ljust(64, b"\0") + struct.pack("<H", len(name) * 2 + 2)
        body += entry.ljust(128, b"\0")
    path.write_bytes(bytes(body) + bytes(4096))
    return path


def test_encrypted_workbook(tmp_path, ledger):
    path = _ole(tmp_path / "secret.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    message = refused(path, M.ENCRYPTED)
    assert "password" in message.text()
    assert nothing_written()


def test_a_broken_ole_container_is_no_workbook(tmp_path):
    """Stream names but no allocation table: nothing a reader can open (real .xls: test_xls_source)."""
    refused(_ole(tmp_path / "old.xls", ["Workbook", "SummaryInformation"]), M.NOT_A_WORKBOOK)


def test_a_zip_that_is_no_workbook(tmp_path):
    path = tmp_path / "report.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml" PartName="/word/document.xml"/></Types>',
        )
        zf.writestr("word/document.xml", "<w:document/>")
    refused(path, M.NOT_A_WORKBOOK)


def test_truncated_workbook(tmp_path):
    good = workbook(tmp_path / "good.xlsx", [["名称"], ["中北大学"]])
    data = good.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    refused(tmp_path / "cut.xlsx", M.NOT_A_WORKBOOK)


def _replace_member(path, member: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, content in items:
            zf.writestr(info.filename, data if info.filename == member else content)


def test_zip_bomb_by_compression_ratio(tmp_path, ledger):
    path = workbook(tmp_path / "bomb.xlsx", [["名称"], ["中北大学"]])
    # 64 MB of one repeated row: packs to about 100 KB, a ratio no sheet has
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
    body = row * (64 * MB // len(row))
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    _replace_member(path, "xl/worksheets/sheet1.xml", sheet + body + b"</sheetData></worksheet>")
    assert path.stat().st_size < 2 * MB
    tracemalloc.start()
    try:
        refused(path, M.ZIP_BOMB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * MB
    assert nothing_written()


def test_zip_bomb_by_declared_size(tmp_path):
    """A member that says it unpacks to 3.9 GB is refused before a byte is unpacked."""
    path = workbook(tmp_path / "claims.xlsx", [["名称"], ["中北大学"]])
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    # a central directory entry: signature, uncompressed size at +24, name at +46
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_len] == name:
            struct.pack_into("<I", data, at + 24, 0xF0000000)
            break
        at += 4
    path.write_bytes(bytes(data))
    refused(path, M.ZIP_BOMB)


def test_sheet_claiming_every_cell_of_excel(tmp_path, ledger):
    """<dimension ref="A1:XFD1048576"/> and a stray cell at the far corner: read in a blink."""
    path = workbook(tmp_path / "huge.xlsx", [["名称", "简称"], ["中北大学", "中北"], ["大同大学"]])
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    xml = re.sub(r'<dimension ref="[^"]+"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml)
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>end</t></is></c></row>'
    xml = xml.replace("</sheetData>", far + "</sheetData>")
    _replace_member(path, "xl/worksheets/sheet1.xml", xml.encode())
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with open_source(path) as source:
            rows = list(source.rows())
        plan = plan_import("institution", path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - start < 3
    assert peak < 30 * MB
    assert rows == [(1, ["名称", "简称"]), (2, ["中北大学", "中北"]), (3, ["大同大学"])]
    assert [r.values["name"] for r in plan.rows] == ["中北大学", "大同大学"]


def test_200_mb_file_refused_by_its_size(tmp_path, ledger):
    path = tmp_path / "big.xlsx"
    with path.open("wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(200 * MB)  # sparse: 200 MB to the program, nothing on disk
    message = refused(path, M.TOO_BIG)
    assert message.text() == (
        "The file is 200 MB; files over 50 MB are not imported. Split it into smaller files."
    )
    assert nothing_written()


def test_size_cap_is_a_parameter(tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["名称"]] + [[f"大学{i}"] for i in range(2000)])
    refused(path, M.TOO_BIG, Limits(max_bytes=path.stat().st_size - 1))


def test_missing_file(tmp_path):
    message = refused(tmp_path / "nope.xlsx", M.NO_SUCH_FILE)
    assert message.text() == "The file does not exist (was it moved or renamed?)."
    refused(tmp_path, M.IS_A_FOLDER)


def test_text_under_an_excel_name(tmp_path):
    """A CSV renamed .xlsx is read as CSV; a web page "exported to Excel" is named as one."""
    (tmp_path / "csv.xlsx").write_bytes("院校名称,所在地类别\r\n中北大学,省内\r\n".encode("gbk"))
    with open_source(tmp_path / "csv.xlsx") as source:
        assert source.kind == "csv"
        assert list(source.rows()) == [(1, ["院校名称", "所在地类别"]), (2, ["中北大学", "省内"])]
    (tmp_path / "web.xls").write_text("<html><table><tr><td>院校名称</td></tr></table></html>")
    refused(tmp_path / "web.xls", M.WEB_PAGE)
    (tmp_path / "words.xlsx").write_text("not a workbook at all")
    refused(tmp_path / "words.xlsx", M.NOT_A_WORKBOOK)


def test_a_member_whose_header_lies_past_the_end_is_refused(tmp_path, ledger):
    """The fuzz test found it: a central directory pointing a member's local
    header at the file's last bytes made zipfile raise struct.error."""
    from openpyxl import Workbook

    good = tmp_path / "good.xlsx"
    wb = Workbook()
    wb.active["A1"] = "名称"
    wb.save(good)
    data = bytearray(good.read_bytes())
    central = data.rfind(b"PK\x01\x02")  # the last member's central entry
    data[central + 42 : central + 46] = struct.pack("<L", len(data) - 10)
    path = tmp_path / "x.xlsx"
    path.write_bytes(bytes(data))
    refused(path, M.NOT_A_WORKBOOK)
    assert nothing_written()
