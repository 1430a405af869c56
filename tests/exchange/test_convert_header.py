"""Cells to field values, and headers to fields: no database needed."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.exchange import messages as M
from desktop_app.exchange.convert import (
    CellError,
    split_names,
    split_words,
    to_children,
    to_date,
    to_number,
    to_text,
)
from desktop_app.exchange.header import field_for_header, find_header, normalize
from desktop_app.exchange.labels import catalogue, translator
from desktop_app.exchange.messages import Message, format_message
from desktop_app.records.specs import ALL_SPECS, spec_for

D = dt.date


@pytest.mark.parametrize(
    "cell, day",
    [
        ("2023.3.15", D(2023, 3, 15)),
        ("2023年4月2日", D(2023, 4, 2)),
        ("2023/5/16", D(2023, 5, 16)),
        ("2023-6-1", D(2023, 6, 1)),
        ("2023-06-01 00:00:00", D(2023, 6, 1)),
        ("2023年3月", D(2023, 3, 1)),  # a month alone: its first day
        ("2023.03", D(2023, 3, 1)),
        ("20230904", D(2023, 9, 4)),
        ("２０２３－０９－０４", D(2023, 9, 4)),  # full-width, typed with an IME
        (" 2023. 3 .15 ", D(2023, 3, 15)),
        (45000, D(2023, 3, 15)),  # an Excel serial number in a General cell
        (45000.75, D(2023, 3, 15)),
        ("45000", D(2023, 3, 15)),
        (20230904, D(2023, 9, 4)),
        (dt.datetime(2023, 9, 4, 10, 30), D(2023, 9, 4)),
        (D(2023, 9, 4), D(2023, 9, 4)),
        (None, None),
        ("  ", None),
    ],
)
def test_dates_typed_every_way(cell, day):
    assert to_date(cell) == day


@pytest.mark.parametrize("cell", ["下周", "3", 12, True, "2023年"])
def test_not_a_date(cell):
    with pytest.raises(CellError) as err:
        to_date(cell)
    assert err.value.template == M.BAD_DATE


@pytest.mark.parametrize("cell", ["2023.13.45", "2023-02-30", "2023年2月29日"])
def test_written_as_a_date_but_no_such_day(cell):
    with pytest.raises(CellError) as err:
        to_date(cell)
    assert err.value.template == M.NO_SUCH_DAY


def test_serial_numbers_follow_the_workbook_epoch():
    mac = dt.datetime(1904, 1, 1)
    assert to_date(43538, mac) == D(2023, 3, 15)


@pytest.mark.parametrize(
    "cell, text",
    [
        (13812345678.0, "13812345678"),  # a phone number stored as a number
        (13812345678, "13812345678"),
        ("110101199001011237", "110101199001011237"),  # an ID typed as text stays text
        ("　中北大学　 ", "中北大学"),  # full-width and trailing spaces
        ("中北\u00a0 大学", "中北 大学"),
        ("\u200b中北大学", "中北大学"),
        (3.5, "3.5"),
        (0.1 + 0.2, "0.3"),
        (dt.datetime(2023, 3, 1), "2023-03-01"),
        (True, "是"),
        ("'=1+1", "'=1+1"),  # a real apostrophe in a workbook stays (issue 10, item 4)
        ("'+86 138", "'+86 138"),
        ("'单引号", "'单引号"),
        (None, ""),
    ],
)
def test_text(cell, text):
    assert to_text(cell) == text


def test_long_id_number_stored_as_a_number_lost_digits():
    with pytest.raises(CellError) as err:
        to_text(1.10101199001012e17)
    assert err.value.template == M.DIGITS_LOST


@pytest.mark.parametrize(
    "cell, number",
    [(30, 30), (30.0, 30), ("30", 30), ("30人", 30), ("1,800", 1800), ("３０", 30), ("", None)],
)
def test_integers(cell, number):
    assert to_number(cell, integer=True) == number


@pytest.mark.parametrize("cell", ["三十", "30.5", "约30人", dt.date(2023, 1, 1), True, "nan"])
def test_not_integers(cell):
    with pytest.raises(CellError):
        to_number(cell, integer=True)


def test_several_names_in_a_cell():
    cell = "中北大学、山西农业大学，大同大学,清华大学; 北京航空航天大学；中北大学\n中国农业大学"
    assert split_names(cell) == [
        "中北大学",
        "山西农业大学",
        "大同大学",
        "清华大学",
        "北京航空航天大学",
        "中国农业大学",
    ]
    assert split_words("产业发展、乡村振兴/教育培训") == ["产业发展", "乡村振兴", "教育培训"]


def test_dated_entries():
    cell = "2023-05-01 飞车首航\n2023年6月：完成验收\n\n待定事项"
    assert to_children(cell) == [
        (D(2023, 5, 1), "飞车首航"),
        (D(2023, 6, 1), "完成验收"),
        (None, "待定事项"),
    ]


@pytest.mark.parametrize(
    "line, day, text",
    [
        ("2023年6月30日，召开专题会议（第三次）", D(2023, 6, 30), "召开专题会议（第三次）"),
        ("2023-06-30，验收", D(2023, 6, 30), "验收"),
        ("2023.10.15—试运行", D(2023, 10, 15), "试运行"),
        ("20230510；签约", D(2023, 5, 10), "签约"),
    ],
)
def test_a_dated_entry_whatever_follows_its_date(line, day, text):
    assert to_children(line) == [(day, text)]


def test_dated_entries_keep_their_full_width_punctuation():
    cell = "２０２３年５月１日：签订协议，项目启动（一期）；\n2023-06-01 试运行！"
    assert to_children(cell) == [
        (D(2023, 5, 1), "签订协议，项目启动（一期）；"),
        (D(2023, 6, 1), "试运行！"),
    ]


# ---------------------------------------------------------------- headers


def test_every_field_maps_from_its_english_and_chinese_label():
    zh = catalogue("zh_CN")
    for spec in ALL_SPECS:
        for f in spec.fields:
            assert field_for_header(spec, f.label) == f.name, (spec.key, f.label)
            assert field_for_header(spec, zh[("Field", f.label)]) == f.name, (spec.key, f.name)


@pytest.mark.parametrize(
    "key, header, name",
    [
        ("institution", "院校名称", "name"),
        ("institution", "单位名称", "name"),
        ("institution", "名称", "name"),
        ("institution", "省内/省外", "location_class"),
        ("institution", "省内／省外", "location_class"),
        ("institution", "所在地类别", "location_class"),
        ("institution", "联系电话", "phone"),
        ("institution", "*院校名称", "name"),  # required marker
        ("institution", "首次联系日期（年月日）", "first_contact"),  # a hint in brackets
        ("institution", "备\n注", "notes"),
        ("institution", "E-mail", "email"),
        ("activity", "院校名称", "institutions"),
        ("activity", "活动名称", "title"),
        ("activity", "参加人数(人)", "participants"),
        ("unit", "单位名称", "name"),
        ("talent", "姓名", "name"),
        ("talent", "工作单位", "institution"),
        ("talent", "身份证号码", "id_number"),
        ("institution", "首次对接", "first_contact"),
        ("task", "督办事项", "title"),
        ("institution", "序号", None),
        ("institution", "填报单位：县委组织部", None),
    ],
)
def test_synonyms(key, header, name):
    assert field_for_header(spec_for(key), header) == name


def test_header_found_below_title_rows():
    rows = [
        (1, ["阳高县合作院校台账"] * 6),  # a merged title, filled across
        (2, ["填报单位：县委组织部", None, None, "填报日期：2023年9月4日"]),
        (4, ["序号", "院校名称", "省内/省外", "首次联系日期", "联系电话", "备注"]),
        (5, [1, "中北大学", "省内", "2023.3.15", 13812345678, None]),
    ]
    header = find_header(spec_for("institution"), rows)
    assert header.row == 4
    assert [(c.header, c.field) for c in header.columns] == [
        ("序号", None),
        ("院校名称", "name"),
        ("省内/省外", "location_class"),
        ("首次联系日期", "first_contact"),
        ("联系电话", "phone"),
        ("备注", "notes"),
    ]
    assert [c.header for c in header.ignored] == ["序号"]


def test_no_header_in_an_unrelated_sheet():
    rows = [(1, ["本表填报说明"]), (2, ["请按时报送"])]
    assert find_header(spec_for("institution"), rows) is None


def test_a_second_column_for_one_field_is_ignored():
    header = find_header(spec_for("institution"), [(1, ["名称", "备注", "院校名称", "备注"])])
    assert [c.field for c in header.columns] == ["name", "notes", None, None]


def test_normalize():
    assert normalize("  院校 名称：") == "院校名称"
    assert normalize("Ｅ－ｍａｉｌ") == "e-mail"


# ---------------------------------------------------------------- messages


def test_messages_take_a_translate_callable():
    message = Message(M.NOT_FOUND, ("Institutions", "中北大学"), label_args=(1,))
    assert message.text() == 'Institutions: no record is named "中北大学".'
    calls = []

    def translate(context, text):
        calls.append((context, text))
        return {"Institutions": "合作院校", M.NOT_FOUND: "%1：没有名为“%2”的记录。"}.get(text, text)

    assert format_message(message, translate) == "合作院校：没有名为“中北大学”的记录。"
    assert ("Import", M.NOT_FOUND) in calls and ("Field", "Institutions") in calls


def test_translator_reads_the_catalogue_without_qt():
    t = translator("zh_CN")
    assert t("Field", "Location class") == "所在地类别"
    assert t("Field", "No such label") == "No such label"
    assert translator("en")("Field", "Name") == "Name"


def test_import_messages_have_chinese():
    message = Message(M.BAD_DATE, ("First contact date",), label_args=(1,))
    assert message.text(translator("zh_CN")) == (
        "首次联系日期：无法识别为日期，请写成 2023-09-04 或 2023年9月4日 这样的格式。"
    )
