"""Exporting lists to .xlsx and .csv, and reading the files back into an empty ledger."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gc
import sys

import pytest
from openpyxl import load_workbook

from desktop_app.exchange.export import all_columns, export_rows, write_export
from desktop_app.exchange.importer import ImportOptions, import_file
from desktop_app.exchange.labels import translator
from desktop_app.exchange.messages import Cancelled
from desktop_app.records import service
from desktop_app.records.queries import ListQuery
from desktop_app.records.specs import FK, LINKS, spec_for
from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger

D = dt.date
ZH = translator("zh_CN")
DANGEROUS = ['=HYPERLINK("http://x")', "+86 352", "-5%", "@SUM(A1)"]


@pytest.fixture
def filled(make):
    """A small ledger: units, institutions with every field, activities with links."""
    u1 = make("unit", name="县委组织部（人才办）", kind="党政部门", phone="0352-6666666")
    u2 = make("unit", name="县农业农村局", kind="党政部门")
    zb = make(
        "institution",
        name="中北大学",
        short_name="中北",
        kind="高校",
        location_class="省内",
        province="山西",
        city="太原",
        stage="已签约",
        first_contact=D(2023, 3, 15),
        contact_person="王老师",
        phone="13812345678",
        email="wang@nuc.edu.cn",
        unit=u1,
        notes="高速飞车试验线\n第二行",
    )
    qh = make(
        "institution", name="清华大学", kind="高校", location_class="省外", phone="010-62785001"
    )
    nd = make("institution", name="山西农业大学", short_name="山农大", first_contact=D(2023, 4, 2))
    make(
        "activity",
        date=D(2023, 3, 15),
        type="人才宣介会",
        title="中国农业大学人才宣介会",
        institutions=[nd, zb],
        leader="张县长",
        place="北京",
        participants=30,
        outcome="达成初步意向2人",
        outcome_figures="2人",
        unit=u1,
        notes="=1+1",
    )
    make("activity", date=D(2023, 4, 2), type="党政正职访名校", title="访清华", institutions=[qh])
    make("activity", date=D(2023, 5, 16), type="签约仪式", title="三校签约", unit=u2)
    return {"u1": u1, "zb": zb, "qh": qh, "nd": nd}


def test_xlsx_types_styles_and_neutralised_formulas(tmp_path, make):
    unit = make("unit", name="县委组织部")
    for i, text in enumerate(DANGEROUS):
        make("institution", name=f"院校{i}", notes=text, unit=unit)
    make("institution", name="院校9", phone="13812345678", first_contact=D(2023, 9, 4))
    spec = spec_for("institution")
    path = tmp_path / "out.xlsx"
    assert (
        write_export(ListQuery(spec, sort_field="name"), path, all_columns(spec), translate=ZH) == 5
    )
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["名称", "简称", "类别", "所在地类别"]
    assert all(c.font.b for c in ws[1]) and ws["A1"].fill.fgColor.rgb.endswith("E8E8E8")
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width > 20 and ws.auto_filter.ref == "A1:M6"
    notes = [ws.cell(r, header.index("备注") + 1) for r in range(2, 6)]
    assert [c.value for c in notes] == DANGEROUS  # the ledger's text, nothing added
    assert all(c.data_type == "s" and c.quotePrefix for c in notes)  # text, never a formula
    last = {h: ws.cell(6, i + 1) for i, h in enumerate(header)}
    assert last["电话"].value == "13812345678" and last["电话"].data_type == "s"
    assert last["首次联系日期"].is_date and last["首次联系日期"].number_format == "yyyy-mm-dd"
    assert last["首次联系日期"].value.date() == D(2023, 9, 4)


@pytest.mark.parametrize("text", DANGEROUS + ["\tTAB", "\rCR", "-"])
def test_formula_starts_neutralised_in_both_formats(text):
    from desktop_app.exchange.export import _csv_value, _xlsx_value

    assert _xlsx_value(text, "text") == text  # marked as text on its cell instead
    assert _csv_value(text, "longtext") == "'" + text
    assert _xlsx_value(-5, "int") == -5 and _csv_value(-5.5, "float") == "-5.5"


def test_numbers_stay_numbers_and_id_numbers_text(tmp_path, make):
    make("talent", name="李灵芝", id_number="110101199001011237", phone="13912345678")
    make("activity", title="论坛", participants=1800)
    make(
        "assessment", year=2023, unit=make("unit", name="龙泉镇"), indicator="人才引进", weight=0.3
    )
    for key, checks in {
        "talent": {"身份证号": ("110101199001011237", "s")},
        "activity": {"参加人数": (1800, "n")},
        "assessment": {"年度": (2023, "n"), "权重": (0.3, "n")},
    }.items():
        spec = spec_for(key)
        path = tmp_path / f"{key}.xlsx"
        write_export(ListQuery(spec), path, all_columns(spec), translate=ZH)
        ws = load_workbook(path).active
        header = [c.value for c in ws[1]]
        for label, (value, data_type) in checks.items():
            cell = ws.cell(2, header.index(label) + 1)
            assert (cell.value, cell.data_type) == (value, data_type)


def test_csv_is_utf8_with_bom_and_neutralised(tmp_path, filled):
    spec = spec_for("activity")
    path = tmp_path / "a.csv"
    assert write_export(ListQuery(spec), path, all_columns(spec), translate=ZH) == 3
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == [
        "日期",
        "类型",
        "标题",
        "合作院校",
        "带队领导",
        "地点",
        "参加人数",
        "成效",
        "成效数据",
        "责任单位",
        "备注",
    ]
    assert rows[3] == [
        "2023-03-15",
        "人才宣介会",
        "中国农业大学人才宣介会",
        "山西农业大学、中北大学",
        "张县长",
        "北京",
        "30",
        "达成初步意向2人",
        "2人",
        "县委组织部（人才办）",
        "'=1+1",
    ]


def test_the_list_as_shown_filter_sort_and_visible_columns(tmp_path, filled):
    spec = spec_for("institution")
    q = ListQuery(spec, search="大学", sort_field="name", descending=True, year=2023)
    assert list(export_rows(q, ["name", "unit", "first_contact"])) == [
        ["中北大学", "县委组织部（人才办）", D(2023, 3, 15)],
        ["山西农业大学", None, D(2023, 4, 2)],
    ]
    path = tmp_path / "visible.xlsx"
    write_export(q, path, ["name", "first_contact"])
    ws = load_workbook(path).active
    assert [[c.value for c in r] for r in ws.iter_rows(max_row=1)] == [
        ["Name", "First contact date"]
    ]
    assert ws.max_row == 3
    # the list's own columns when none are given
    assert len(next(export_rows(ListQuery(spec)))) == len(spec.list_columns)


def test_cancelled_export_leaves_no_file(tmp_path, make):
    for i in range(1200):
        make("unit", name=f"单位{i}")
    path = tmp_path / "u.xlsx"
    with pytest.raises(Cancelled):
        write_export(ListQuery(spec_for("unit")), path, cancel=lambda: True)
    assert not path.exists() and not list(tmp_path.glob("u.xlsx*"))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_failed_export_names_the_users_file_and_leaves_nothing(tmp_path, make, suffix):
    make("unit", name="县委组织部")
    seen = []
    hook, sys.unraisablehook = sys.unraisablehook, lambda u: seen.append(u.exc_value)
    try:
        missing = tmp_path / "nosuch" / f"u{suffix}"
        with pytest.raises(FileNotFoundError) as exc:
            write_export(ListQuery(spec_for("unit")), missing)
        assert exc.value.filename == str(missing)  # not the temporary u.xlsx.part
        assert not missing.parent.exists()
        target = tmp_path / f"u{suffix}"
        (tmp_path / f"u{suffix}.part").mkdir()  # the temporary file cannot be made
        with pytest.raises(IsADirectoryError) as exc:
            write_export(ListQuery(spec_for("unit")), target)
        assert exc.value.filename == str(target)
        assert not target.exists()
        del exc
        gc.collect()  # an unfinished openpyxl row stream would complain here
    finally:
        sys.unraisablehook = hook
    assert seen == []


def test_failed_error_report_names_the_users_file_and_leaves_nothing(tmp_path, make):
    from desktop_app.exchange.importer import RowProblem
    from desktop_app.exchange.messages import Message
    from desktop_app.exchange.report import write_error_report

    problems = [RowProblem(3, "name", "名称", "", Message("%1: required", ("Name",)))]
    spec = spec_for("unit")
    out = tmp_path / "out"
    out.mkdir()
    seen = []
    hook, sys.unraisablehook = sys.unraisablehook, lambda u: seen.append(u.exc_value)
    try:
        missing = out / "nosuch" / "e.xlsx"
        with pytest.raises(FileNotFoundError) as exc:
            write_error_report(problems, missing, spec)
        assert exc.value.filename == str(missing)
        target = out / "e.xlsx"
        (out / "e.xlsx.part").mkdir()
        with pytest.raises(IsADirectoryError) as exc:
            write_error_report(problems, target, spec)
        assert exc.value.filename == str(target)
        assert not target.exists() and not missing.parent.exists()
        del exc
        gc.collect()
    finally:
        sys.unraisablehook = hook
    assert seen == []
    (out / "e.xlsx.part").rmdir()
    assert write_error_report(problems, target, spec) == 1
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows == [("Row", "Column", "Value", "Reason"), (3, "名称", None, "Name: required")]
    assert list(out.iterdir()) == [target]  # no .part left


# ---------------------------------------------------------------- round trip


def snapshot(key: str) -> dict:
    """Every record of a type as the form shows it, links by name, keyed by title and date."""
    spec = spec_for(key)
    out = {}
    for rid in spec.model.select(spec.model.id).order_by(spec.model.id).tuples():
        values = service.load(spec, rid[0])
        for f in spec.fields:
            if f.kind == FK and values[f.name]:
                values[f.name] = service.names_of(f.target, [values[f.name]])[values[f.name]]
            elif f.kind == LINKS:
                names = service.names_of(f.target, values[f.name])
                values[f.name] = [names[i] for i in values[f.name]]
        out[(values[spec.title_field], values.get(spec.year_field or ""))] = values
    return out


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_into_an_empty_ledger(tmp_path, filled, make, suffix):
    make(
        "project",
        name="高速飞车试验线",
        chain="新型项目",
        institutions=[filled["zb"]],
        support_items=["土地征收", "用地手续"],
        milestones=[(D(2023, 5, 1), "飞车首航"), (None, "二期谋划")],
    )
    keys = ["unit", "institution", "activity", "project"]
    before = {k: snapshot(k) for k in keys}
    files = {}
    for key in keys:
        spec = spec_for(key)
        files[key] = tmp_path / f"{key}{suffix}"
        write_export(ListQuery(spec), files[key], all_columns(spec), translate=ZH)
    store_db.close()
    open_ledger(tmp_path / "empty.sqlite")
    for key in keys:  # referenced types first, links by name
        _plan, result = import_file(key, files[key])
        assert result.message is None and result.invalid == 0, key
    after = {k: snapshot(k) for k in keys}
    assert after == before


def test_round_trip_with_english_headers_and_missing_links_created(tmp_path, filled):
    spec = spec_for("activity")
    path = tmp_path / "a.xlsx"
    write_export(ListQuery(spec), path, all_columns(spec))  # English headers
    before = snapshot("activity")
    store_db.close()
    open_ledger(tmp_path / "empty.sqlite")
    _plan, result = import_file("activity", path, ImportOptions(create_missing=True))
    assert result.created == {  # in the order the rows name them (newest activity first)
        "institution": ["清华大学", "山西农业大学", "中北大学"],
        "unit": ["县农业农村局", "县委组织部（人才办）"],
    }
    assert snapshot("activity") == before


HOSTILE = "\x00\x07\x1b\x7f\u202e\u2066"


def test_control_characters_and_bidi_overrides_are_stopped_at_the_door(tmp_path, make):
    """From a form (service.save) and from an import, they never reach the ledger."""
    from desktop_app.store import models as m

    rid = make(
        "institution", name="中北\x07大学", short_name="中\u202e北", phone="0351\x00-6012345"
    )
    row = m.Institution.get_by_id(rid)
    assert (row.name, row.short_name, row.phone) == ("中北大学", "中北", "0351-6012345")

    path = tmp_path / "院校.csv"
    path.write_text("名称,简称\n山西\x1b农业\u2066大学,山西\x7f农大\n", encoding="utf-8")
    _plan, result = import_file("institution", path)
    assert result.imported == 1
    assert m.Institution.get(m.Institution.short_name == "山西农大").name == "山西农业大学"


# NUL and other bytes only an old SQLite ledger can hold (a server refuses them).
@pytest.mark.sqlite_only
def test_export_survives_an_old_ledger_that_holds_them(tmp_path, make):
    """A ledger written before the door was shut may hold them: the export drops
    them instead of failing for the whole record type."""
    from desktop_app.store import models as m

    rid = make("institution", name="中北大学", notes="备注")
    # Behind the program's back, as an old version could have stored it.
    m.Institution.update(name="中北" + HOSTILE + "大学", notes="=1+1" + HOSTILE).where(
        m.Institution.id == rid
    ).execute()
    spec = spec_for("institution")
    out = tmp_path / "院校.xlsx"
    write_export(ListQuery(spec), out, all_columns(spec))
    values = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert "中北大学" in values
    assert "=1+1" in values  # stored as text (the formula-like cell is marked)
    assert not any(isinstance(v, str) and any(ch in v for ch in HOSTILE) for v in values)


def test_a_real_leading_apostrophe_survives_and_formulas_round_trip(tmp_path, make):
    """Import undoes only what export wrote (issue 10, item 4): an .xlsx export
    marks formula-like cells instead of adding an apostrophe, so a workbook's
    own '+86 138 stays as it is; the CSV export's apostrophe is taken off."""
    from desktop_app.store import models as m
    from tests.exchange.conftest import workbook

    for i, text in enumerate(DANGEROUS):
        make("institution", name=f"院校{i}", notes=text)
    spec = spec_for("institution")
    xlsx, csv_file = tmp_path / "out.xlsx", tmp_path / "out.csv"
    write_export(ListQuery(spec), xlsx, all_columns(spec))
    write_export(ListQuery(spec), csv_file, all_columns(spec))
    for source in (xlsx, csv_file):
        m.Institution.delete().execute()
        _plan, result = import_file("institution", source)
        assert result.imported == len(DANGEROUS), source.name
        assert sorted(r.notes for r in m.Institution.select()) == sorted(DANGEROUS)

    typed = workbook(tmp_path / "typed.xlsx", [["名称", "联系人"], ["中北大学", "'+86 138"]])
    m.Institution.delete().execute()
    _plan, result = import_file("institution", typed)
    assert result.imported == 1
    assert m.Institution.get().contact_person == "'+86 138"
