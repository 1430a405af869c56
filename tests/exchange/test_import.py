"""Importing messy ledgers as offices keep them, row by row, into a real ledger file."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.exchange import importer as imp
from desktop_app.exchange import messages as M
from desktop_app.exchange.importer import ImportOptions, execute, plan_import
from desktop_app.exchange.messages import Cancelled
from desktop_app.exchange.report import write_error_report
from desktop_app.records import audit, queries, service
from desktop_app.records.queries import ListQuery
from desktop_app.records.specs import spec_for
from desktop_app.store import categories
from desktop_app.store import db as store_db
from desktop_app.store import models as m

from .conftest import workbook

D = dt.date
INSTITUTION = spec_for("institution")
ACTIVITY = spec_for("activity")

HEADER = [
    "序号",
    "院校名称",
    "简称",
    "省内/省外",
    "首次联系日期",
    "联系电话",
    "合作阶段",
    "责任单位",
    "备注",
]


def messy_institutions(path):
    """The ledger of the issue: title rows, merged categories, dates typed every way,
    phone numbers as numbers, a duplicate, a totals row, a note, on the second sheet."""
    wb = Workbook()
    notes = wb.active
    notes.title = "填报说明"
    notes.append(["请于每月5日前报送"])
    ws = wb.create_sheet("院校台账")
    rows = [
        ["阳高县合作院校台账"],
        ["填报单位：县委组织部（人才办）", None, None, None, "填报日期：2023年9月4日"],
        [],
        HEADER,
        [
            1,
            "中北大学",
            "中北",
            "省内",
            "2023.3.15",
            13812345678.0,
            "已签约",
            "县委组织部",
            "　高速飞车 ",
        ],
        [
            2,
            "山西农业大学",
            "山农大",
            None,
            "2023年4月2日",
            "0352-7654321",
            "深度合作",
            "县农业农村局",
        ],
        [3, "大同大学", None, None, "2023/5/16", None, "有意向", None],
        [4, "清华大学", "清华", "省外", 45000, None, "已联系", None],
        [5, "中国农业大学", "中国农大", None, "2023年3月", None, "有意向"],
        [6, " 北京航空航天大学　", "北航", None, "2023-6-1", 13912345678],
        [],
        [7, "中北大学", None, "省内", "2023.3.15"],
        [8, "山西财经大学", "山西财大", "省内", "2023-08-08", 13712345678, "已签约"],
        [9, "坏日期学院", None, "省内", "2023.13.45"],
        [10, None, "无名", "省外", "2023-07-01"],
        ["合计", "10所"],
        ["制表人：张三"],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A1:I1")
    ws.merge_cells("D5:D7")  # 省内 for three rows
    ws.merge_cells("D8:D10")  # 省外 for three rows
    wb.save(path)
    return path


@pytest.fixture
def existing(make):
    unit = make("unit", name="县委组织部", kind="党政部门")
    caida = make("institution", name="山西财经大学", kind="高校", notes="老记录", unit=unit)
    return {"unit": unit, "caida": caida}


def by_row(plan):
    return {r.row: r for r in plan.rows}


def reasons(problems):
    return [(p.row, p.column, p.value, p.reason()) for p in problems]


def test_messy_institution_ledger_plan(tmp_path, existing):
    path = messy_institutions(tmp_path / "院校.xlsx")
    plan = plan_import("institution", path, sheet="院校台账")
    assert plan.sheet_names == ["填报说明", "院校台账"]
    assert plan.header.row == 4
    assert [c.field for c in plan.header.columns] == [
        None,
        "name",
        "short_name",
        "location_class",
        "first_contact",
        "phone",
        "stage",
        "unit",
        "notes",
    ]
    assert [(i.row, i.reason) for i in plan.ignored] == [(16, imp.TOTAL), (17, imp.NOTE)]
    rows = by_row(plan)
    assert list(rows) == [5, 6, 7, 8, 9, 10, 12, 13, 14, 15]

    r = rows[5].values
    assert (r["name"], r["short_name"], r["location_class"]) == ("中北大学", "中北", "省内")
    assert r["first_contact"] == D(2023, 3, 15)
    assert r["phone"] == "13812345678"  # a number cell, no '.0'
    assert (r["stage"], r["unit"], r["notes"]) == ("已签约", existing["unit"], "高速飞车")
    assert rows[6].values["location_class"] == "省内"  # merged down
    assert rows[6].values["phone"] == "0352-7654321"
    assert rows[6].missing == {"unit": ["县农业农村局"]}
    assert rows[7].values["location_class"] == "省内"
    assert rows[7].values["first_contact"] == D(2023, 5, 16)
    assert rows[8].values["first_contact"] == D(2023, 3, 15)  # serial number 45000
    assert rows[8].values["location_class"] == "省外"
    assert rows[9].values["first_contact"] == D(2023, 3, 1)  # month only
    assert rows[9].values["location_class"] == "省外"
    assert rows[10].values["name"] == "北京航空航天大学"  # full-width and trailing spaces
    assert rows[10].values["first_contact"] == D(2023, 6, 1)

    # duplicates: in the file, and against the ledger
    assert rows[12].duplicate_of == 5 and rows[12].existing_id is None
    assert rows[12].action == imp.SKIP and rows[12].allowed_actions == (imp.SKIP,)
    assert rows[13].existing_id == existing["caida"] and rows[13].duplicate_of is None
    assert rows[13].action == imp.SKIP
    assert rows[13].allowed_actions == (imp.SKIP, imp.UPDATE)
    assert [r.row for r in plan.duplicates()] == [12, 13]

    assert reasons(plan.errors()) == [
        (
            6,
            "责任单位",
            "县农业农村局",
            'Responsible unit: the ledger has no record named "县农业农村局" '
            "(it can be created during the import).",
        ),
        (
            14,
            "首次联系日期",
            "2023.13.45",
            "First contact date: there is no such day in the calendar; check the month and the day.",
        ),
        (15, "院校名称", None, "Name is required."),
    ]
    assert [p.row for p in plan.errors(create_missing=True)] == [14, 15]
    assert plan.missing_links == {"unit": ["县农业农村局"]}
    assert m.Institution.select().count() == 1  # planning writes nothing


def test_all_or_nothing_by_default(tmp_path, existing):
    plan = plan_import("institution", messy_institutions(tmp_path / "a.xlsx"), sheet="院校台账")
    audit_before = m.AuditEntry.select().count()
    for options in (ImportOptions(), ImportOptions(create_missing=True)):
        result = execute(plan, options)
        assert not result.written
        assert result.message.template == M.REFUSED_ERRORS
        assert result.imported == result.updated == 0
    assert result.invalid == 2 and result.skipped == len(plan.rows)
    assert "2 row(s) have errors" in result.message.text()
    assert m.Institution.select().count() == 1
    assert m.Unit.select().count() == 1
    assert m.AuditEntry.select().count() == audit_before


def test_valid_rows_only_when_asked(tmp_path, existing):
    plan = plan_import("institution", messy_institutions(tmp_path / "a.xlsx"), sheet="院校台账")
    result = execute(plan, ImportOptions(skip_invalid=True, create_missing=True))
    assert result.written
    assert (result.imported, result.updated, result.invalid) == (6, 0, 2)
    assert result.skipped == 4  # two duplicates, two rows with errors
    assert result.created == {"unit": ["县农业农村局"]}
    assert [p.row for p in result.problems] == [14, 15]
    stored = {i.name: i for i in m.Institution.select().where(m.Institution.id.in_(result.ids))}
    assert list(stored) == [
        "中北大学",
        "山西农业大学",
        "大同大学",
        "清华大学",
        "中国农业大学",
        "北京航空航天大学",
    ]
    nongda = stored["山西农业大学"]
    assert nongda.unit.name == "县农业农村局"
    assert (nongda.location_class, nongda.first_contact, nongda.stage) == (
        "省内",
        D(2023, 4, 2),
        "深度合作",
    )
    zhongbei = stored["中北大学"]
    assert (zhongbei.phone, zhongbei.notes, zhongbei.unit_id) == (
        "13812345678",
        "高速飞车",
        existing["unit"],
    )
    assert zhongbei.sort_key == "zhongbeidaxue"  # what save() writes
    # No operator named: 未设置 (on a server, the signed-in user is the operator).
    assert zhongbei.changed_by == store_db.current_operator() and zhongbei.created_at
    assert stored["清华大学"].first_contact == D(2023, 3, 15)
    assert m.Institution.get_by_id(existing["caida"]).notes == "老记录"  # skipped duplicate
    # every new record has its history entry, and the chain holds
    created = m.AuditEntry.select().where(
        (m.AuditEntry.action == "create") & (m.AuditEntry.record_type == "institution")
    )
    assert {e.record_id for e in created} >= set(result.ids)
    assert audit.verify() is None


def test_update_a_duplicate_keeps_what_the_file_leaves_blank(tmp_path, existing):
    plan = plan_import("institution", messy_institutions(tmp_path / "a.xlsx"), sheet="院校台账")
    plan.set_action(13, imp.UPDATE)
    with pytest.raises(ValueError):
        plan.set_action(12, imp.IMPORT)  # a second 中北大学 cannot be
    result = execute(plan, ImportOptions(skip_invalid=True, create_missing=True))
    assert (result.imported, result.updated) == (6, 1)
    caida = m.Institution.get_by_id(existing["caida"])
    assert (caida.short_name, caida.first_contact, caida.phone, caida.stage) == (
        "山西财大",
        D(2023, 8, 8),
        "13712345678",
        "已签约",
    )
    assert caida.kind == "高校" and caida.notes == "老记录"  # not in the file / blank: kept
    assert caida.unit_id == existing["unit"]
    history = audit.history("institution", existing["caida"])
    assert history[0].action == "update"


def test_first_sheet_without_a_table_says_so(tmp_path, existing):
    plan = plan_import("institution", messy_institutions(tmp_path / "a.xlsx"))
    assert plan.sheet == "填报说明" and plan.fatal
    assert plan.problems[0].text() == (
        "No header row found: none of the first rows names the columns of Institution, "
        "such as Name."
    )
    result = execute(plan)
    assert not result.written and result.message.template == M.NO_HEADER


def test_error_report_saved_as_xlsx(tmp_path, existing):
    plan = plan_import("institution", messy_institutions(tmp_path / "a.xlsx"), sheet="院校台账")
    out = tmp_path / "errors.xlsx"
    assert write_error_report(plan.errors(), out, INSTITUTION) == 3
    ws = load_workbook(out).active
    assert ws.freeze_panes == "A2"
    assert [list(r) for r in ws.iter_rows(values_only=True)] == [
        ["Row", "Column", "Value", "Reason"],
        [
            6,
            "责任单位",
            "县农业农村局",
            'Responsible unit: the ledger has no record named "县农业农村局" '
            "(it can be created during the import).",
        ],
        [
            14,
            "首次联系日期",
            "2023.13.45",
            "First contact date: there is no such day in the calendar; check the month and the day.",
        ],
        [15, "院校名称", None, "Name is required."],
    ]
    zh = {
        M.REPORT_ROW: "行号",
        M.REPORT_COLUMN: "列",
        M.REPORT_VALUE: "值",
        M.REPORT_REASON: "原因",
        "Name": "名称",
        "%1 is required.": "请填写%1。",
    }
    write_error_report(plan.errors(), out, INSTITUTION, lambda c, t: zh.get(t, t))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("行号", "列", "值", "原因")
    assert rows[3] == (15, "院校名称", None, "请填写名称。")


@pytest.mark.parametrize("encoding, bom", [("gbk", b""), ("utf-8", codecs.BOM_UTF8)])
def test_csv_import(tmp_path, existing, encoding, bom):
    text = (
        "院校名称,省内/省外,首次联系日期,联系电话,责任单位\r\n"
        "中北大学,省内,2023.3.15,13812345678,县委组织部\r\n"
        "清华大学,省外,2023年4月2日,,\r\n"
        "合计,2所,,,\r\n"
    )
    path = tmp_path / "院校.csv"
    path.write_bytes(bom + text.encode(encoding))
    plan, result = imp.import_file("institution", path)
    assert (result.imported, result.invalid, result.message) == (2, 0, None)
    assert [(i.row, i.reason) for i in plan.ignored] == [(4, imp.TOTAL)]
    got = [
        (i.name, i.location_class, i.first_contact, i.phone, i.unit_id)
        for i in m.Institution.select().where(m.Institution.id.in_(result.ids))
    ]
    assert got == [
        ("中北大学", "省内", D(2023, 3, 15), "13812345678", existing["unit"]),
        ("清华大学", "省外", D(2023, 4, 2), "", None),
    ]


# ---------------------------------------------------------------- activities and links


@pytest.fixture
def partners(make):
    ids = {
        name: make("institution", name=name, short_name=short)
        for name, short in [
            ("中北大学", "中北"),
            ("清华大学", "清华"),
            ("大同大学", ""),
            ("山西农业大学", "山农大"),
            ("中国农业大学", "中国农大"),
        ]
    }
    ids["unit"] = make("unit", name="县委组织部")
    ids["old"] = make(
        "activity",
        date=D(2023, 3, 15),
        type="人才宣介会",
        title="中国农业大学人才宣介会",
        leader="原带队",
        outcome="原成效",
        institutions=[ids["中国农业大学"]],
    )
    return ids


ACTIVITY_ROWS = [
    ["对接活动台账"],
    ["日期", "活动类型", "活动名称", "合作院校", "带队领导", "参加人数", "责任单位"],
    [
        "2023.3.15",
        "人才宣介会",
        "中国农业大学人才宣介会",
        "中国农大",
        "张县长",
        "30人",
        "县委组织部",
    ],
    ["2023年4月2日", None, "党政正职访名校", "清华大学、中北", "李书记", 12, None],
    [
        "2023/5/16",
        "签约仪式",
        "三校签约",
        "中北大学,大同大学；山西农业大学",
        None,
        None,
        "县委组织部",
    ],
    ["2023-6-1", None, "新院校对接", "未知学院，清华", None, "三十", None],
    ["2023-6-2", "座 谈会", "座谈", "中北大学", None, 5, None],
    ["2023-6-3", "参观交流", "参观", None, None, None, None],
    ["2023-06-04", None, None, "清华", None, None, None],
    ["2023.3.15", "人才宣介会", "中国农业大学人才宣介会", None, None, None, None],
]


def test_activities_with_links(tmp_path, partners):
    path = workbook(tmp_path / "活动.xlsx", ACTIVITY_ROWS, merges=("B4:B4", "B5:B6"))
    plan = plan_import("activity", path)
    rows = by_row(plan)
    p = partners
    assert rows[3].values["institutions"] == [p["中国农业大学"]]  # by short name
    assert rows[3].values["participants"] == 30
    assert rows[3].existing_id == p["old"]  # same title and date as a record
    assert rows[3].action == imp.SKIP
    assert rows[3].allowed_actions == (imp.SKIP, imp.UPDATE, imp.IMPORT)
    assert rows[4].values["institutions"] == [p["清华大学"], p["中北大学"]]
    assert rows[4].values["type"] == ""  # nothing merged over it
    assert rows[5].values["institutions"] == [p["中北大学"], p["大同大学"], p["山西农业大学"]]
    assert rows[5].values["type"] == "签约仪式"
    assert rows[6].values["type"] == "签约仪式"  # merged down from row 5
    assert rows[6].missing == {"institutions": ["未知学院"]}
    assert rows[6].values["institutions"] == [p["清华大学"]]
    assert rows[7].values["type"] == "座谈会"  # the list's spelling
    assert rows[10].duplicate_of == 3 and rows[10].existing_id == p["old"]
    assert plan.new_words == {"activity_type": ["参观交流"]}
    assert reasons(plan.errors(create_missing=True)) == [
        (4, "活动类型", None, "Type is required."),
        (6, "参加人数", "三十", "Participants: cannot read this as a number."),
        (9, "活动类型", None, "Type is required."),
        (9, "活动名称", None, "Title is required."),
    ]


def test_activities_written_with_their_links(tmp_path, partners):
    rows = [r for r in ACTIVITY_ROWS]
    rows[3] = [
        "2023年4月2日",
        "党政正职访名校",
        "党政正职访名校",
        "清华大学、中北",
        "李书记",
        12,
        None,
    ]
    rows[5] = ["2023-6-1", "论坛", "新院校对接", "未知学院，清华", None, "３０", None]
    path = workbook(tmp_path / "活动.xlsx", rows[:8] + rows[9:])
    plan = plan_import("activity", path)
    plan.set_action(3, imp.UPDATE)
    plan.set_action(9, imp.IMPORT)  # "Import anyway": a second record of that day
    result = execute(plan, ImportOptions(create_missing=True))
    assert result.message is None, reasons(result.problems)
    assert (result.imported, result.updated) == (6, 1)
    assert result.created == {"institution": ["未知学院"]}
    assert result.added_words == {"activity_type": ["参观交流"]}
    assert "参观交流" in categories.words("activity_type")
    new = m.Institution.get(m.Institution.name == "未知学院")
    got = {}
    for rid in result.ids:
        values = service.load(ACTIVITY, rid)
        got[values["title"]] = values
    assert got["新院校对接"]["institutions"] == [new.id, partners["清华大学"]]  # cell order
    assert got["新院校对接"]["participants"] == 30
    assert got["三校签约"]["unit"] == partners["unit"]
    assert got["党政正职访名校"]["date"] == D(2023, 4, 2)
    old = service.load(ACTIVITY, partners["old"])
    assert (old["leader"], old["participants"], old["outcome"]) == ("张县长", 30, "原成效")
    assert old["institutions"] == [partners["中国农业大学"]]
    twice = m.Activity.select().where(m.Activity.title == "中国农业大学人才宣介会").count()
    assert twice == 2
    assert audit.verify() is None


def test_a_name_two_records_share_is_an_error(tmp_path, make):
    make("project", name="番茄产业研究院")
    make("project", name="番茄产业研究院")
    path = workbook(tmp_path / "t.xlsx", [["姓名", "合作项目"], ["李灵芝", "番茄产业研究院"]])
    plan = plan_import("talent", path)
    assert reasons(plan.errors(create_missing=True)) == [
        (
            2,
            "合作项目",
            "番茄产业研究院",
            'Project: several records are named "番茄产业研究院"; rename one of them first.',
        )
    ]


def test_links_to_types_a_name_cannot_make_are_never_created(tmp_path, ledger):
    path = workbook(
        tmp_path / "t.xlsx",
        [["姓名", "合作基地", "合作院校"], ["高灵旺", "无此基地", "中国农业大学"]],
    )
    plan = plan_import("talent", path)
    assert plan.creatable == {"institution", "unit"}
    assert plan.missing_links == {"institution": ["中国农业大学"]}
    assert reasons(plan.errors(create_missing=True)) == [
        (2, "合作基地", "无此基地", 'Base: no record is named "无此基地".')
    ]


def test_column_mapping_can_be_overridden(tmp_path, ledger):
    path = workbook(tmp_path / "a.xlsx", [["学校", "地方"], ["中北大学", "太原"]])
    plan = plan_import("institution", path)
    assert plan.fatal  # no column is recognised
    plan = plan_import("institution", path, columns={0: "name", 1: "city"})
    assert [(r.values["name"], r.values["city"]) for r in plan.rows] == [("中北大学", "太原")]
    assert execute(plan).imported == 1


def test_missing_required_column(tmp_path, ledger):
    path = workbook(tmp_path / "a.xlsx", [["活动名称", "日期"], ["对接", "2023-01-01"]])
    plan = plan_import("activity", path)
    assert [p.text() for p in plan.problems] == [
        "The file has no column for Type, which is required."
    ]
    assert plan.errors() == []  # said once above, not again on every row
    assert not execute(plan).written


def test_repeated_header_rows_are_skipped(tmp_path, ledger):
    rows = [["名称", "简称"], ["中北大学", "中北"], ["名称", "简称"], ["大同大学", None]]
    plan = plan_import("institution", workbook(tmp_path / "a.xlsx", rows))
    assert [r.values["name"] for r in plan.rows] == ["中北大学", "大同大学"]
    assert [(i.row, i.reason) for i in plan.ignored] == [(3, imp.HEADER_AGAIN)]


# ---------------------------------------------------------------- progress, cancel, changes


def _many(tmp_path, n=1200):
    rows = [["名称", "简称"]] + [[f"大学{i:04d}", f"简{i}"] for i in range(n)]
    return workbook(tmp_path / "many.xlsx", rows)


def test_progress_is_reported(tmp_path, ledger):
    calls = []
    plan = plan_import("institution", _many(tmp_path), progress=lambda *a: calls.append(a))
    result = execute(plan, progress=lambda *a: calls.append(a))
    assert result.imported == 1200
    phases = [c[0] for c in calls]
    assert phases.index(imp.READ) < phases.index(imp.CHECK) < phases.index(imp.WRITE)
    assert (imp.READ, 1200, 1200) in calls and (imp.WRITE, 1200, 1200) in calls
    assert all(done <= total for _, done, total in calls if total)


def test_cancel_while_reading(tmp_path, ledger):
    with pytest.raises(Cancelled):
        plan_import("institution", _many(tmp_path), cancel=lambda: True)


def test_cancel_while_writing_writes_nothing(tmp_path, ledger, make):
    make("unit", name="县委组织部")
    plan = plan_import("institution", _many(tmp_path))
    audit_before = m.AuditEntry.select().count()
    polls = []

    def cancel():
        polls.append(1)
        return len(polls) > 2  # half way through

    with pytest.raises(Cancelled):
        execute(plan, cancel=cancel)
    assert m.Institution.select().count() == 0
    assert m.AuditEntry.select().count() == audit_before
    assert execute(plan).imported == 1200  # the plan is still good


def test_the_ledger_changed_since_the_plan(tmp_path, make):
    unit = make("unit", name="县农业农村局")
    path = workbook(
        tmp_path / "a.xlsx",
        [["名称", "责任单位"], ["中北大学", "县农业农村局"], ["大同大学", None]],
    )
    plan = plan_import("institution", path)
    assert plan.errors() == []
    service.delete(spec_for("unit"), unit)  # meanwhile, on the form
    result = execute(plan)
    assert not result.written and result.message.template == M.REFUSED_ERRORS
    assert m.Institution.select().count() == 0
    assert [(p.row, p.reason()) for p in result.problems] == [
        (
            2,
            "The ledger changed since the preview: Responsible unit: the linked record no longer exists.",
        )
    ]
    result = execute(plan, ImportOptions(skip_invalid=True))
    assert (result.imported, result.invalid) == (1, 1)


def test_dry_run_writes_nothing(tmp_path, ledger):
    plan = plan_import("institution", _many(tmp_path, 10))
    result = execute(plan, ImportOptions(dry_run=True))
    assert result.dry_run and result.imported == 10
    assert m.Institution.select().count() == 0


def test_a_unique_name_taken_within_the_file_and_the_ledger(tmp_path, make):
    make("institution", name="中北大学")
    path = workbook(tmp_path / "a.xlsx", [["名称"], ["中北 大学"], ["中北大学"]])
    plan = plan_import("institution", path)
    assert [(r.row, r.existing_id is not None, r.duplicate_of) for r in plan.rows] == [
        (2, True, None),
        (3, True, 2),
    ]
    plan.set_all_duplicates(imp.UPDATE)
    # the file's first row updates the record; its repeat would update it twice
    assert [(r.row, r.action) for r in plan.rows] == [(2, imp.UPDATE), (3, imp.SKIP)]
    result = execute(plan)
    assert (result.imported, result.updated, result.unchanged) == (0, 0, 1)  # nothing new in it
    assert [i.name for i in m.Institution.select()] == ["中北大学"]  # its spelling kept


def test_a_choice_after_the_ledger_changed_does_not_hide_the_change(tmp_path, make):
    unit = make("unit", name="县农业农村局")
    make("institution", name="大同大学")
    path = workbook(
        tmp_path / "a.xlsx",
        [["名称", "责任单位"], ["中北大学", "县农业农村局"], ["大同大学", None]],
    )
    plan = plan_import("institution", path)
    service.delete(spec_for("unit"), unit)
    plan.set_action(3, imp.UPDATE)  # checks row 3 again, not row 2
    result = execute(plan)
    assert result.message.template == M.REFUSED_ERRORS
    assert [p.row for p in result.problems] == [2]
    assert m.Institution.select().count() == 1


def test_id_numbers_stay_text_and_numbers_that_lost_digits_are_caught(tmp_path, ledger):
    rows = [
        ["人才花名册"],
        ["姓名", "性别", "身份证号", "联系电话", "学历", "开始日期"],
        ["高灵旺", "男", "110101199001011237", 13812345678.0, "博士", "2023年3月"],
        ["李灵芝", "女", 110101199001012344.0, "0352-1234567", "博士", 45017],
    ]
    plan = plan_import("talent", workbook(tmp_path / "t.xlsx", rows))
    first, second = plan.rows
    assert first.values["id_number"] == "110101199001011237"
    assert first.values["phone"] == "13812345678"
    assert first.values["start_date"] == D(2023, 3, 1)
    assert second.values["start_date"] == D(2023, 4, 1)
    assert [(p.row, p.column) for p in plan.errors()] == [(4, "身份证号")]
    assert "lost its last digits" in plan.errors()[0].reason()
    result = execute(plan, ImportOptions(skip_invalid=True))
    assert m.Talent.get_by_id(result.ids[0]).id_number == "110101199001011237"


# ---------------------------------------------------------------- what a review found


def test_two_people_of_one_name_are_told_apart_by_their_id_numbers(tmp_path, make):
    zhang = make("talent", name="张伟", id_number="140221198001011239")
    rows = [
        ["姓名", "身份证号", "研究领域"],
        ["张伟", "140221199202022342", "番茄育种"],  # another 张伟
        ["张  伟", "140221198001011239", "高速飞车"],  # the one in the ledger
        ["张伟", "140221199202022342", "重复一行"],  # the other one again
        ["张伟", None, "没填身份证号"],  # cannot tell: the same name, so flagged
    ]
    plan = plan_import("talent", workbook(tmp_path / "t.xlsx", rows))
    assert [(r.row, r.existing_id, r.duplicate_of) for r in plan.rows] == [
        (2, None, None),
        (3, zhang, None),
        (4, None, 2),
        (5, zhang, 2),
    ]
    plan.set_all_duplicates(imp.UPDATE)
    result = execute(plan)
    assert (result.imported, result.updated) == (1, 1)
    got = {(t.id_number, t.field) for t in m.Talent.select()}
    assert got == {("140221198001011239", "高速飞车"), ("140221199202022342", "番茄育种")}


def test_a_name_aligned_with_a_full_width_space_is_one_name(tmp_path, ledger):
    path = workbook(tmp_path / "t.xlsx", [["姓名", "性别"], ["赵　六", "男"], ["John Smith", "男"]])
    execute(plan_import("talent", path))
    assert sorted(t.name for t in m.Talent.select()) == ["John Smith", "赵六"]
    again = plan_import("talent", workbook(tmp_path / "again.xlsx", [["姓名"], ["赵六"]]))
    assert again.rows[0].existing_title == "赵六"


def test_excel_error_cells_are_problems_not_text(tmp_path, ledger):
    rows = [["院校名称", "联系电话"], ["中北大学", "#N/A"], ["#REF!", "0352-6012345"]]
    plan = plan_import("institution", workbook(tmp_path / "e.xlsx", rows))
    assert [(p.row, p.column, p.value, p.reason()) for p in plan.errors()] == [
        (
            2,
            "联系电话",
            "#N/A",
            "Phone: the cell shows the Excel error #N/A, not a value; correct it in the sheet.",
        ),
        (
            3,
            "院校名称",
            "#REF!",
            "Name: the cell shows the Excel error #REF!, not a value; correct it in the sheet.",
        ),
    ]


def test_footer_lines_and_totals_with_counts_are_not_records(tmp_path, ledger):
    rows = [
        ["序号", "院校名称", "所在地类别"],
        [1, "中北大学", "省内"],
        ["合计：1所"],
        [None, "合计 1 所", None],
        ["填表人：张三", None, "审核人：李四"],
        ["联系电话：0352-6612345"],  # in the 序号 column, which no field takes
        [2],  # a 序号 alone
    ]
    plan = plan_import("institution", workbook(tmp_path / "f.xlsx", rows))
    assert [r.values["name"] for r in plan.rows] == ["中北大学"]
    assert [(i.row, i.reason) for i in plan.ignored] == [
        (3, imp.TOTAL),
        (4, imp.TOTAL),
        (5, imp.NOTE),
        (6, imp.NOTE),
        (7, imp.BLANK),
    ]


def test_a_header_in_two_rows(tmp_path, ledger):
    rows = [
        ["院校名称", "联系人", None, "所在地类别"],
        [None, "姓名", "电话", None],
        ["中北大学", "王老师", "0351-3920000", "省内"],
    ]
    path = workbook(tmp_path / "two.xlsx", rows, merges=("A1:A2", "B1:C1", "D1:D2"))
    plan = plan_import("institution", path)
    assert plan.header.row == 2
    assert [(c.header, c.field) for c in plan.header.columns] == [
        ("院校名称", "name"),
        ("联系人/姓名", "contact_person"),
        ("联系人/电话", "phone"),
        ("所在地类别", "location_class"),
    ]
    assert [r.values for r in plan.rows][0] == {
        "name": "中北大学",
        "contact_person": "王老师",
        "phone": "0351-3920000",
        "location_class": "省内",
    }


def test_a_total_is_its_label_not_a_word_in_a_record(tmp_path, ledger):
    rows = [
        ["序号", "院校名称", "备注"],
        [1, "中北大学", "累计：对接5次"],  # a record whose notes count something
        [2, "山西大学", "合计 2 场之一"],
        [None, None, 2],  # sums with no label at all
        ["合计", 2, None],
    ]
    plan = plan_import("institution", workbook(tmp_path / "t.xlsx", rows))
    assert [(r.row, r.values["notes"]) for r in plan.rows] == [
        (2, "累计：对接5次"),
        (3, "合计 2 场之一"),
    ]
    assert [(i.row, i.reason) for i in plan.ignored] == [(4, imp.TOTAL), (5, imp.TOTAL)]


def test_two_people_cannot_both_update_one_record_without_an_id(tmp_path, make):
    only = make("talent", name="张伟", field="番茄育种")
    rows = [
        ["姓名", "身份证号", "研究领域"],
        ["张伟", "140221198001011239", "高速飞车"],
        ["张伟", "140221199202022342", "智库"],
    ]
    plan = plan_import("talent", workbook(tmp_path / "t.xlsx", rows))
    # The first 张伟 may be the one in the ledger; the second, with another ID
    # number, is then someone else: a new record, not a second update of it.
    assert [(r.row, r.existing_id, r.action) for r in plan.rows] == [
        (2, only, imp.SKIP),
        (3, None, imp.IMPORT),
    ]
    plan.set_all_duplicates(imp.UPDATE)
    result = execute(plan)
    assert (result.imported, result.updated) == (1, 1)
    assert sorted((t.id_number, t.field) for t in m.Talent.select()) == [
        ("140221198001011239", "高速飞车"),
        ("140221199202022342", "智库"),
    ]


def test_id_numbers_are_kept_in_one_spelling_and_matches_by_them_say_so(tmp_path, make):
    make("talent", name="张伟", id_number="14022119800101128X")
    rows = [
        ["姓名", "身份证号"],
        ["刘备", "1402 2119 8001 0112 8x"],
        ["王红", "１４０２２１１９９２０２０２２３４２"],
    ]
    plan = plan_import("talent", workbook(tmp_path / "t.xlsx", rows))
    assert plan.rows[0].duplicate_message().text() == (
        'The ledger already has "张伟", with the same ID number.'
    )
    execute(plan)
    assert sorted(t.id_number for t in m.Talent.select()) == [
        "14022119800101128X",
        "140221199202022342",
    ]
    found = queries.fetch_page(ListQuery(spec_for("talent"), search="199202022342"), 0, 10)
    assert [row[1] for row in found] == ["王红"]  # the list page finds people by ID number


def test_a_number_excel_showed_as_a_power_of_ten_in_a_csv_is_caught(tmp_path, ledger):
    path = tmp_path / "t.csv"
    path.write_bytes("姓名,身份证号\r\n王红,1.40221E+17\r\n".encode("gbk"))
    plan = plan_import("talent", path)
    assert [(p.row, p.value, p.message.template) for p in plan.errors()] == [
        (2, "1.40221E+17", M.DIGITS_LOST)
    ]


def test_an_activity_sheet_imported_as_institutions_is_questioned(tmp_path, ledger):
    rows = [
        ["日期", "活动类型", "活动名称", "合作院校", "带队领导", "参加人数", "成效"],
        ["2023-3-15", "论坛", "番茄产业论坛", "中北大学、山西大学", "张县长", 30, "签约1份"],
    ]
    plan = plan_import("institution", workbook(tmp_path / "a.xlsx", rows))
    assert [m.text() for m in plan.warnings] == [
        "Only 1 of the 7 columns match the fields of Institution. Is this the right kind of record?"
    ]
    assert [(p.row, p.value, p.reason()) for p in plan.errors()] == [
        (2, "中北大学、山西大学", "Name: the cell holds several names; give each its own row.")
    ]


def test_updating_a_record_with_what_it_already_holds_saves_nothing(tmp_path, make):
    zhongbei = make("institution", name="中北大学", location_class="省内")
    stamp = m.Institution.get_by_id(zhongbei).updated_at
    history = m.AuditEntry.select().count()
    path = workbook(tmp_path / "a.xlsx", [["院校名称", "所在地类别"], ["中北大学", "省内"]])
    plan = plan_import("institution", path)
    plan.set_all_duplicates(imp.UPDATE)
    result = execute(plan)
    assert (result.updated, result.unchanged) == (0, 1)
    assert m.Institution.get_by_id(zhongbei).updated_at == stamp
    assert m.AuditEntry.select().count() == history
