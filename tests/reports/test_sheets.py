"""Every sheet's figures, exactly, on real SQLite files.

A small hand-built ledger (``small``) pins each sheet; the sample data of the
Yanggao report pins the summary's 2023 figures users expect to print.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from playhouse.test_utils import assert_query_count, count_queries

from desktop_app.records import demo, service
from desktop_app.records.specs import SPECS
from desktop_app.reports import sheets as S
from desktop_app.reports.model import DATE, FLOAT, INT, Period, Sheet, Table
from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger

D = dt.date
Y2023 = S.year_period(2023)
EMPTY = S.year_period(2030)


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    db = open_ledger(tmp_path / "r.sqlite")
    yield db
    store_db.close()


def save(key: str, **values) -> int:
    return service.save(SPECS[key], values)


@pytest.fixture
def small(ledger):
    """A few records of every type, some outside 2023, some without a date."""
    ids = SimpleNamespace()
    ids.agri = save("unit", name="县农业农村局", kind="党政部门")
    ids.edu = save("unit", name="县教育科技局", kind="党政部门")
    ids.empty = save("unit", name="龙泉镇", kind="乡镇")

    ids.zhongbei = save(
        "institution",
        name="中北大学",
        short_name="中北",
        kind="高校",
        location_class="省内",
        province="山西",
        city="太原",
        stage="已签约",
        first_contact=D(2023, 1, 10),
        contact_person="华老师",
        phone="13800000217",
        email="hua@example.edu.cn",
        unit=ids.agri,
        notes="全方位战略合作",
    )
    ids.qinghua = save(
        "institution",
        name="清华大学",
        kind="高校",
        location_class="省外",
        province="北京",
        city="北京",
        stage="有意向",
        first_contact=D(2023, 5, 10),
        unit=ids.edu,
    )
    ids.tianjin = save(
        "institution",
        name="天津大学",
        location_class="省外",
        stage="已联系",
        first_contact=D(2022, 11, 1),
        unit=ids.agri,
    )
    ids.anhui = save("institution", name="安徽大学", location_class="省外")  # no date, no unit

    ids.g1 = save(
        "agreement",
        title="战略合作协议",
        type="全方位战略合作协议",
        signed_date=D(2023, 5, 26),
        status="履行中",
        unit=ids.agri,
        institutions=[ids.zhongbei],
    )
    ids.g2 = save(
        "agreement",
        title="远程教学站共建协议",
        type="基地共建协议",
        signed_date=D(2023, 6, 7),
        status="洽谈中",
        unit=ids.edu,
        institutions=[ids.qinghua],
    )
    ids.g3 = save(
        "agreement",
        title="研究生服务站共建协议",
        type="基地共建协议",
        signed_date=D(2023, 7, 1),
        status="履行中",
        unit=ids.edu,
        institutions=[ids.qinghua, ids.zhongbei],
    )
    save("agreement", title="未签项目协议", type="项目合作协议", status="洽谈中", unit=ids.agri)

    ids.b1 = save(
        "base",
        name="基地甲",
        type="科技研发基地",
        institutions=[ids.zhongbei, ids.qinghua],
        unit=ids.agri,
        place="王官屯镇",
        established_date=D(2023, 5, 20),
        plaque_date=D(2023, 6, 1),
        status="运行中",
    )
    ids.b2 = save(
        "base",
        name="基地乙",
        type="科技研发基地",
        institutions=[ids.zhongbei],
        unit=ids.edu,
        established_date=D(2023, 3, 1),
        status="已授牌",
    )
    save(
        "base",
        name="基地丙",
        type="重点实验室",
        institutions=[ids.tianjin],
        unit=ids.agri,
        established_date=D(2022, 12, 1),
    )

    ids.p1 = save(
        "project",
        name="飞车项目",
        chain="新型项目",
        institutions=[ids.zhongbei],
        unit=ids.agri,
        start_date=D(2023, 2, 28),
        stage="推进中",
        support_items=["土地征收", "房屋拆迁"],
        milestones=[(D(2023, 8, 28), "首航"), (D(2023, 2, 28), "启动")],
    )
    ids.p2 = save(
        "project", name="番茄项目", chain="特色农业", unit=ids.edu, start_date=D(2022, 6, 1)
    )
    save("project", name="旅游项目", unit=ids.agri, stage="谋划")  # no start date

    ids.t1 = save(
        "talent",
        name="张三",
        gender="男",
        institution=ids.zhongbei,
        degree="博士",
        title="教授",
        field="材料",
        mode="来阳开展研究",
        project=ids.p1,
        unit=ids.agri,
        start_date=D(2023, 3, 1),
    )
    ids.t2 = save(
        "talent",
        name="李四",
        gender="女",
        institution=ids.zhongbei,
        degree="硕士",
        mode="来阳开展研究",
        project=ids.p1,
        unit=ids.agri,
        start_date=D(2023, 4, 1),
    )
    save(
        "talent",
        name="王五",
        gender="男",
        institution=ids.qinghua,
        degree="博士",
        title="教授",
        mode="柔性引进",
        unit=ids.edu,
        start_date=D(2023, 5, 1),
    )
    save(
        "talent",
        name="赵六",
        institution=ids.tianjin,
        degree="本科",
        mode="全职引进",
        unit=ids.agri,
        start_date=D(2022, 1, 1),
    )

    save(
        "activity",
        date=D(2023, 4, 22),
        type="参观学习",
        title="参观一",
        participants=420,
        unit=ids.agri,
        institutions=[ids.zhongbei],
    )
    save(
        "activity",
        date=D(2023, 5, 13),
        type="参观学习",
        title="参观二",
        participants=286,
        unit=ids.agri,
    )
    save(
        "activity",
        date=D(2023, 3, 23),
        type="人才宣介会",
        title="宣介会",
        participants=150,
        outcome_figures="达成初步意向2人",
        unit=ids.edu,
        institutions=[ids.qinghua],
    )
    save("activity", date=D(2022, 8, 18), type="论坛", title="旧论坛", participants=200)

    save(
        "achievement",
        title="绿色防控推广",
        type="技术推广",
        institution=ids.zhongbei,
        project=ids.p1,
        unit=ids.agri,
        date=D(2023, 7, 20),
        benefit="3000亩",
    )
    save("achievement", title="栽培规程", type="标准", unit=ids.edu, date=D(2023, 8, 25))
    save("achievement", title="未定专利", type="专利转化", unit=ids.agri)  # no date

    ids.m1 = save(
        "meeting",
        date=D(2023, 3, 8),
        type="联席会议",
        title="第一次联席会议",
        unit=ids.agri,
        attendees=[ids.agri, ids.edu],
    )
    save(
        "task",
        title="征地",
        meeting=ids.m1,
        unit=ids.agri,
        owner="吴科长",
        deadline=D(2023, 4, 30),
        status="已办结",
        progress=[(D(2023, 4, 25), "征地完成"), (D(2023, 3, 15), "清点登记")],
    )
    save(
        "task",
        title="周转公寓",
        meeting=ids.m1,
        unit=ids.edu,
        owner="李科长",
        deadline=D(2023, 8, 31),
        status="推进中",
        progress=[(D(2023, 8, 1), "房源筛选"), (None, "未注日期的记录")],
    )
    save(
        "task",
        title="讲解员队伍",
        unit=ids.agri,
        owner="卫主任",
        deadline=D(2023, 9, 30),
        status="推进中",
    )
    save("task", title="第12个基地方案", unit=ids.agri, status="未开始")  # no deadline

    save(
        "ledger_report",
        unit=ids.agri,
        period="2023年第一季度",
        due_date=D(2023, 4, 10),
        submitted_date=D(2023, 4, 9),
        status="已报送",
    )

    def target(unit, indicator, target, weight, year=2023, **kw):
        return save(
            "assessment",
            year=year,
            unit=unit,
            indicator=indicator,
            target=target,
            weight=weight,
            **kw,
        )

    target(ids.agri, "科普讲座", 5, 20)  # user-defined: entered first, printed last
    target(ids.agri, "成果转化", 0, 10)
    target(ids.agri, "人才引进", 2, 30)
    target(ids.agri, "项目合作", 2, 40)
    target(ids.edu, "人才引进", 4, 50, actual_override=3, override_reason="专家3名未入库")
    target(ids.edu, "成果转化", 3, 50)
    target(ids.agri, "项目合作", 1, 100, year=2022)
    return ids


# ---------------------------------------------------------------- helpers


def table(sheet: Sheet, heading: str) -> Table:
    found = [t for t in sheet.tables if t.heading == heading]
    assert len(found) == 1, [t.heading for t in sheet.tables]
    return found[0]


def by_label(tbl: Table) -> dict[str, list]:
    """Rows keyed by their first (label) cell, the label dropped."""
    return {row[0]: row[1:] for row in tbl.rows}


def column(tbl: Table, index: int) -> list:
    return [row[index] for row in tbl.rows]


def labels(tbl: Table) -> list[str]:
    return [c.label for c in tbl.columns]


# ---------------------------------------------------------------- periods and catalogue


def test_periods_and_their_text():
    assert S.year_period(2023) == Period(D(2023, 1, 1), D(2023, 12, 31))
    assert S.quarter_period(2023, 1) == Period(D(2023, 1, 1), D(2023, 3, 31))
    assert S.quarter_period(2024, 4) == Period(D(2024, 10, 1), D(2024, 12, 31))
    assert S.month_period(2024, 2) == Period(D(2024, 2, 1), D(2024, 2, 29))
    assert S.month_period(2023, 2) == Period(D(2023, 2, 1), D(2023, 2, 28))
    with pytest.raises(ValueError):
        S.quarter_period(2023, 5)
    with pytest.raises(ValueError):
        S.month_period(2023, 13)
    assert S.period_text(S.year_period(2023)) == "1 Jan 2023 – 31 Dec 2023"
    assert S.period_text(None) == "All dates"
    assert S.period_text(Period()) == "All dates"
    assert S.period_text(Period(start=D(2023, 7, 1))) == "From 1 Jul 2023"
    assert S.period_text(Period(end=D(2023, 7, 1))) == "Up to 1 Jul 2023"


def test_texts_go_through_t():
    zh = {
        "%3 %4 %1": "%1年%2月%3日",
        "%1 – %2": "%1至%2",
        "Work summary": "工作统计表",
        "Unit: %1": "单位：%1",
        "Total": "合计",
    }

    def t(text: str) -> str:
        return zh.get(text, text)

    assert S.period_text(S.quarter_period(2023, 3), t) == "2023年7月1日至2023年9月30日"
    assert S.date_text(D(2023, 1, 5), t) == "2023年1月5日"
    assert S.date_text(D(2023, 1, 5)) == "5 Jan 2023"
    assert S.fill("%1 %2", "%2", "x") == "%2 x"  # one pass: arguments are not re-read


def test_every_text_a_user_reads_goes_through_t(small):
    """With a marking t, every title, heading, label and note is marked, except
    data values (category words as status columns, unit names as headings)."""

    def t(text: str) -> str:
        return f"«{text}»"

    data_words = {"洽谈中", "履行中", "县农业农村局", "县教育科技局"}

    def marked(text: str) -> bool:
        return text.startswith("«") or text in data_words

    for key in S.SHEETS:
        sheet = S.build_sheet(
            key,
            period=Y2023,
            unit_id=small.agri if key == "unit_ledger" else None,
            record_id=small.zhongbei,
            year=2023,
            today=D(2023, 9, 4),
            t=t,
        )
        texts = [sheet.title, sheet.period_text, *sheet.notes]
        for tbl in sheet.tables:
            texts += [tbl.heading, *(c.label for c in tbl.columns)]
            texts += [tbl.mark_note] if tbl.mark_note else []
            texts += [tbl.total[0]] if tbl.total else []
        assert [x for x in texts if x and not marked(x)] == [], key
    unit = S.build_sheet("unit_ledger", unit_id=small.agri, t=t)
    assert unit.unit_text == "«Unit: %1»".replace("%1", "县农业农村局")
    dossier = S.build_sheet("institution_dossier", record_id=small.zhongbei, t=t)
    assert dossier.tables[0].rows[0] == ["«Name»", "中北大学"]


def test_sheet_catalogue():
    assert list(S.SHEETS) == [
        "summary",
        "institutions",
        "institution_dossier",
        "bases",
        "projects",
        "talents",
        "tasks",
        "unit_ledger",
        "assessment",
    ]
    assert S.SHEETS["summary"].label == "Work summary"
    assert S.SHEETS["institution_dossier"].uses_record == "institution"
    assert S.SHEETS["unit_ledger"].uses_unit and S.SHEETS["unit_ledger"].unit_required
    assert S.SHEETS["assessment"].uses_year and not S.SHEETS["assessment"].uses_period
    assert S.SHEETS["talents"].landscape and not S.SHEETS["summary"].landscape


def test_build_sheet_errors(small):
    with pytest.raises(ValueError, match="Unknown sheet 'nope'"):
        S.build_sheet("nope")
    with pytest.raises(ValueError, match="needs a unit"):
        S.build_sheet("unit_ledger", period=Y2023)
    with pytest.raises(ValueError, match="needs a institution record"):
        S.build_sheet("institution_dossier")
    with pytest.raises(ValueError, match="needs a year"):
        S.build_sheet("assessment")
    with pytest.raises(ValueError, match="no unit with id 9999"):
        S.build_sheet("summary", unit_id=9999)
    with pytest.raises(ValueError, match="no unit with id 9999"):
        S.build_sheet("unit_ledger", unit_id=9999)
    with pytest.raises(ValueError, match="no institution with id 9999"):
        S.build_sheet("institution_dossier", record_id=9999)


def test_unit_id_by_name(small):
    assert S.unit_id_by_name("县农业农村局") == small.agri
    assert S.unit_id_by_name(" 县农业农村局 ") == small.agri
    assert S.unit_id_by_name("不存在") is None


def test_every_sheet_builds_through_build_sheet(small):
    for key in S.SHEETS:
        sheet = S.build_sheet(
            key,
            period=Y2023,
            unit_id=small.agri,
            record_id=small.zhongbei,
            year=2023,
            today=D(2023, 9, 4),
        )
        assert sheet.key == key
        assert sheet.landscape == S.SHEETS[key].landscape


# ---------------------------------------------------------------- 1. summary


def test_summary_2023(small):
    """Each count for the period (本期) and up to its end (累计); undated records
    count in 累计 only, and a note under the table says how many."""
    sheet = S.build_sheet("summary", period=Y2023)
    assert sheet.title == "Work summary"
    assert sheet.period_text == "1 Jan 2023 – 31 Dec 2023"
    assert sheet.unit_text == ""

    inst = table(sheet, "Institutions contacted")
    assert labels(inst) == ["Location class", "This period", "Cumulative"]
    # 天津大学 is 2022 (累计 only), 安徽大学 undated (累计 only, and noted).
    assert inst.rows == [["省内", 1, 1], ["省外", 1, 3]]
    assert inst.total == ["Total", 2, 4]
    stage = table(sheet, "Institutions by relationship stage")
    assert by_label(stage) == {
        "已联系": [0, 1],
        "有意向": [1, 1],
        "已签约": [1, 1],
        "深度合作": [0, 0],
        "(not filled in)": [0, 1],
    }
    assert stage.note == "Records with no date: 1, counted in the cumulative column only."
    assert inst.note == ""  # said once, under the section's last table

    by_type = table(sheet, "Agreements by type")
    assert by_type.rows == [
        ["全方位战略合作协议", 1, 1],
        ["基地共建协议", 2, 2],
        ["项目合作协议", 0, 1],  # not signed: no date, so 累计 only
        ["人才合作协议", 0, 0],
    ]
    by_status = table(sheet, "Agreements by status")
    assert by_label(by_status)["洽谈中"] == [1, 2] and by_label(by_status)["履行中"] == [2, 2]
    assert by_status.total == ["Total", 3, 4]

    bases = table(sheet, "Bases by type")
    assert by_label(bases)["科技研发基地"] == [2, 2]
    assert by_label(bases)["重点实验室"] == [0, 1]
    assert bases.total == ["Total", 2, 3]
    assert "Kinds of base: 1 this period, 2 cumulative." in sheet.notes
    assert (
        "Institutions linked to bases (each counted once): 2 this period, 3 cumulative."
        in sheet.notes
    )

    assert table(sheet, "Projects by stage").rows == [
        ["谋划", 0, 1],
        ["推进中", 1, 1],
        ["建成运行", 0, 0],
        ["已完成", 0, 0],
        ["(not filled in)", 0, 1],
    ]
    degree = table(sheet, "Talents by degree")
    # A talent counts in a period while present: 赵六 came in 2022 and stays.
    assert by_label(degree) == {
        "博士": [2, 2],
        "硕士": [1, 1],
        "本科": [1, 1],
        "专科": [0, 0],
        "其他": [0, 0],
    }
    mode = by_label(table(sheet, "Talents by introduction mode"))
    assert mode["来阳开展研究"] == [2, 2] and mode["柔性引进"] == [1, 1]
    assert mode["全职引进"] == [1, 1]
    research = table(sheet, "Researchers working locally (来阳开展研究)")
    assert by_label(research)["博士"] == [1, 1] and by_label(research)["硕士"] == [1, 1]
    assert research.total == ["Total", 2, 2]

    act = table(sheet, "Activities by type")
    assert labels(act) == [
        "Type",
        "Activities, this period",
        "Participants, this period",
        "Activities, cumulative",
        "Participants, cumulative",
    ]
    assert by_label(act)["参观学习"] == [2, 706, 2, 706]
    assert by_label(act)["人才宣介会"] == [1, 150, 1, 150]
    assert by_label(act)["论坛"] == [0, 0, 1, 200]
    assert act.total == ["Total", 3, 856, 4, 1056]
    assert [c.kind for c in act.columns] == ["text", INT, INT, INT, INT]

    ach = table(sheet, "Achievements by type")
    assert by_label(ach)["技术推广"] == [1, 1] and by_label(ach)["标准"] == [1, 1]
    assert by_label(ach)["专利转化"] == [0, 1]  # undated
    assert ach.total == ["Total", 2, 3]


def test_a_talent_who_left_before_the_period_counts_in_cumulative_only(small):
    save(
        "talent",
        name="钱七",
        degree="博士",
        mode="挂职",
        start_date=D(2021, 3, 1),
        end_date=D(2022, 6, 30),
    )
    degree = by_label(table(S.build_sheet("summary", period=Y2023), "Talents by degree"))
    assert degree["博士"] == [2, 3]
    assert "钱七" not in column(S.build_sheet("talents", period=Y2023).tables[0], 1)


def test_the_roster_lists_the_talents_the_summary_counts_this_period(small):
    # Came in 2021 and still here: present in 2023, so on the 2023 roster too.
    # (The summary's 本期 and the roster once disagreed on who was there.)
    save("talent", name="周九", degree="博士", mode="挂职", start_date=D(2021, 3, 1))
    save("talent", name="孙八", degree="硕士", mode="挂职", start_date=D(2024, 1, 2))
    names = column(S.build_sheet("talents", period=Y2023).tables[0], 1)
    assert "周九" in names and "孙八" not in names
    degree = by_label(table(S.build_sheet("summary", period=Y2023), "Talents by degree"))
    assert sum(v[0] for v in degree.values()) == len(names)


def test_summary_all_dates_and_one_unit(small):
    sheet = S.build_sheet("summary")  # no period: every record, both columns alike
    assert sheet.period_text == "All dates"
    assert table(sheet, "Institutions contacted").rows == [["省内", 1, 1], ["省外", 3, 3]]
    assert table(sheet, "Bases by type").total == ["Total", 3, 3]
    assert "Kinds of base: 2 this period, 2 cumulative." in sheet.notes
    assert table(sheet, "Agreements by type").total == ["Total", 4, 4]

    agri = S.build_sheet("summary", period=Y2023, unit_id=small.agri)
    assert agri.unit_text == "Unit: 县农业农村局"
    assert table(agri, "Institutions contacted").rows == [["省内", 1, 1], ["省外", 0, 1]]
    assert table(agri, "Bases by type").total == ["Total", 1, 2]
    assert (
        "Institutions linked to bases (each counted once): 2 this period, 3 cumulative."
        in agri.notes
    )
    assert table(agri, "Activities by type").total == ["Total", 2, 706, 2, 706]
    assert table(agri, "Talents by degree").total == ["Total", 3, 3]


def test_summary_blank_and_unlisted_words(small):
    save("institution", name="某研究所", location_class="境外", first_contact=D(2023, 2, 1))
    save("institution", name="某企业", first_contact=D(2023, 2, 2))  # no location class
    rows = table(S.build_sheet("summary", period=Y2023), "Institutions contacted").rows
    assert rows == [["省内", 1, 1], ["省外", 1, 3], ["境外", 1, 1], ["(not filled in)", 1, 1]]


def test_summary_of_a_later_year_has_nothing_this_period_but_keeps_the_totals(small):
    sheet = S.build_sheet("summary", period=EMPTY)
    assert len(sheet.tables) == 11
    # Talents are counted while present: none of them has left.
    assert table(sheet, "Talents by degree").total == ["Total", 4, 4]
    for tbl in sheet.tables:
        if tbl.heading.startswith(("Talents", "Researchers")):
            continue
        current = [i for i, c in enumerate(tbl.columns) if "this period" in c.label.lower()]
        assert all(tbl.total[i] == 0 for i in current), tbl.heading
        assert all(row[i] == 0 for row in tbl.rows for i in current), tbl.heading
    assert table(sheet, "Institutions contacted").total == ["Total", 0, 4]


def test_summary_of_a_unit_with_nothing_has_zero_counts(small):
    sheet = S.build_sheet("summary", period=Y2023, unit_id=small.empty)
    for tbl in sheet.tables:
        assert tbl.total is not None and all(v == 0 for v in tbl.total[1:]), tbl.heading
        assert all(v == 0 for row in tbl.rows for v in row[1:]), tbl.heading
        assert tbl.note == ""
    assert "Kinds of base: 0 this period, 0 cumulative." in sheet.notes


def test_summary_sample_data_2023(ledger):
    demo.load_sample_data()
    sheet = S.build_sheet("summary", period=Y2023)

    inst = table(sheet, "Institutions contacted")
    assert by_label(inst) == {"省内": [9, 9], "省外": [16, 16]}
    assert inst.total == ["Total", 25, 25]

    agr = by_label(table(sheet, "Agreements by type"))
    assert agr["全方位战略合作协议"] == [3, 3]

    bases = table(sheet, "Bases by type")
    assert bases.total == ["Total", 11, 11]
    assert "Kinds of base: 11 this period, 11 cumulative." in sheet.notes
    assert any("25 this period" in n for n in sheet.notes)

    research = by_label(table(sheet, "Researchers working locally (来阳开展研究)"))
    assert research["博士"] == [30, 30]
    assert research["硕士"] == [72, 72]
    assert by_label(table(sheet, "Talents by degree"))["博士"] == [32, 32]  # + 2 professors
    assert by_label(table(sheet, "Talents by introduction mode"))["柔性引进"] == [2, 2]

    visits = by_label(table(sheet, "Activities by type"))["参观学习"]
    assert visits[:2] == [7, 1826]
    assert visits[1] >= 1800


# ---------------------------------------------------------------- 2. institutions


def test_institution_register(small):
    sheet = S.build_sheet("institutions")
    assert sheet.landscape and sheet.title == "Institution register"
    (tbl,) = sheet.tables
    assert labels(tbl) == [
        "No.",
        "Name",
        "Short name",
        "Kind",
        "Location class",
        "Province/city",
        "Relationship stage",
        "First contact",
        "Contact person",
        "Phone",
    ]
    assert tbl.columns[7].kind == DATE
    assert column(tbl, 1) == ["安徽大学", "清华大学", "天津大学", "中北大学"]  # pinyin
    assert tbl.rows[3] == [
        4,
        "中北大学",
        "中北",
        "高校",
        "省内",
        "山西太原",
        "已签约",
        D(2023, 1, 10),
        "华老师",
        "13800000217",
    ]
    assert tbl.rows[1][5] == "北京"  # province = city: once
    assert tbl.rows[0][7] is None

    in_2023 = S.build_sheet("institutions", period=Y2023).tables[0]
    assert column(in_2023, 1) == ["清华大学", "中北大学"]
    assert column(in_2023, 0) == [1, 2]
    agri = S.build_sheet("institutions", unit_id=small.agri).tables[0]
    assert column(agri, 1) == ["天津大学", "中北大学"]
    assert S.build_sheet("institutions", period=EMPTY).tables[0].rows == []


# ---------------------------------------------------------------- 3. dossier


def test_institution_dossier(small):
    sheet = S.build_sheet("institution_dossier", record_id=small.zhongbei)
    assert sheet.title == "Institution dossier: 中北大学"
    info = by_label(table(sheet, "Basic information"))
    assert info["Name"] == ["中北大学"]
    assert info["First contact"] == ["2023-01-10"]
    assert info["Responsible unit"] == ["县农业农村局"]
    assert info["E-mail"] == ["hua@example.edu.cn"]
    assert [t.heading for t in sheet.tables] == [
        "Basic information",
        "Activities",
        "Agreements",
        "Bases",
        "Projects",
        "Talents",
        "Achievements",
    ]
    assert table(sheet, "Activities").rows == [[1, D(2023, 4, 22), "参观学习", "参观一", 420, ""]]
    assert column(table(sheet, "Agreements"), 1) == ["战略合作协议", "研究生服务站共建协议"]
    assert column(table(sheet, "Bases"), 1) == ["基地乙", "基地甲"]  # by established date
    assert table(sheet, "Projects").rows == [[1, "飞车项目", "新型项目", D(2023, 2, 28), "推进中"]]
    assert column(table(sheet, "Talents"), 1) == ["李四", "张三"]  # pinyin
    assert labels(table(sheet, "Talents"))[1] == "Full name"  # 姓名, a person's
    assert labels(table(sheet, "Bases"))[1] == "Name"  # 名称, a thing's
    assert table(sheet, "Achievements").rows == [
        [1, "绿色防控推广", "技术推广", D(2023, 7, 20), "3000亩"]
    ]


def test_the_dossier_for_a_period_lists_that_periods_records_and_says_so(small):
    save(
        "activity",
        date=D(2022, 6, 1),
        type="座谈会",
        title="旧座谈",
        institutions=[small.zhongbei],
    )
    save("agreement", title="待签协议", type="项目合作协议", institutions=[small.zhongbei])
    sheet = S.build_sheet("institution_dossier", record_id=small.zhongbei, period=Y2023)
    assert sheet.period_text == "1 Jan 2023 – 31 Dec 2023"
    assert column(table(sheet, "Activities"), 3) == ["参观一"]
    agreements = table(sheet, "Agreements")
    assert column(agreements, 1) == ["战略合作协议", "研究生服务站共建协议"]
    assert agreements.note == "1 linked records have no date and are not listed for the period."
    everything = S.build_sheet("institution_dossier", record_id=small.zhongbei)
    assert column(table(everything, "Activities"), 3) == ["旧座谈", "参观一"]
    assert column(table(everything, "Agreements"), 1)[-1] == "待签协议"


def test_dossier_of_an_unlinked_institution_has_only_its_own_fields(small):
    sheet = S.build_sheet("institution_dossier", record_id=small.anhui)
    assert [t.heading for t in sheet.tables] == ["Basic information"]
    info = by_label(sheet.tables[0])
    assert info["First contact"] == [""] and info["Responsible unit"] == [""]


# ---------------------------------------------------------------- 4. bases


def test_base_register(small):
    sheet = S.build_sheet("bases", period=Y2023)
    assert sheet.landscape
    (tbl,) = sheet.tables
    assert labels(tbl) == [
        "No.",
        "Name",
        "Type",
        "Institutions",
        "Responsible unit",
        "Place",
        "Established",
        "Plaque date",
        "Status",
    ]
    assert tbl.rows == [
        [
            1,
            "基地乙",
            "科技研发基地",
            "中北大学",
            "县教育科技局",
            "",
            D(2023, 3, 1),
            None,
            "已授牌",
        ],
        [
            2,
            "基地甲",
            "科技研发基地",
            "中北大学、清华大学",
            "县农业农村局",
            "王官屯镇",
            D(2023, 5, 20),
            D(2023, 6, 1),
            "运行中",
        ],
    ]
    assert column(S.build_sheet("bases").tables[0], 1) == ["基地丙", "基地乙", "基地甲"]
    assert column(S.build_sheet("bases", unit_id=small.agri).tables[0], 1) == ["基地丙", "基地甲"]
    assert S.build_sheet("bases", unit_id=small.empty).tables[0].rows == []


# ---------------------------------------------------------------- 5. projects


def test_project_progress(small):
    sheet = S.build_sheet("projects")
    (tbl,) = sheet.tables
    assert labels(tbl) == [
        "No.",
        "Name",
        "Industry chain",
        "Institutions",
        "Responsible unit",
        "Start date",
        "Stage",
        "Support items",
        "Milestones",
    ]
    assert column(tbl, 1) == ["番茄项目", "飞车项目", "旅游项目"]  # by start date, undated last
    assert tbl.rows[1] == [
        2,
        "飞车项目",
        "新型项目",
        "中北大学",
        "县农业农村局",
        D(2023, 2, 28),
        "推进中",
        "土地征收、房屋拆迁",
        "2023-02-28 启动\n2023-08-28 首航",
    ]
    assert tbl.rows[0][3] == "" and tbl.rows[0][8] == ""
    assert column(S.build_sheet("projects", period=Y2023).tables[0], 1) == ["飞车项目"]
    assert S.build_sheet("projects", period=EMPTY).tables[0].rows == []


# ---------------------------------------------------------------- 6. talents


def test_talent_roster(small):
    sheet = S.build_sheet("talents", period=Y2023)
    (tbl,) = sheet.tables
    assert labels(tbl) == [
        "No.",
        "Full name",  # 姓名: talents are people (the spec's person_name), not 名称
        "Gender",
        "Institution",
        "Degree",
        "Academic title",
        "Field of work",
        "Introduction mode",
        "Project",
        "Start date",
    ]
    assert tbl.rows == [
        [1, "李四", "女", "中北大学", "硕士", "", "", "来阳开展研究", "飞车项目", D(2023, 4, 1)],
        [2, "王五", "男", "清华大学", "博士", "教授", "", "柔性引进", "", D(2023, 5, 1)],
        [
            3,
            "张三",
            "男",
            "中北大学",
            "博士",
            "教授",
            "材料",
            "来阳开展研究",
            "飞车项目",
            D(2023, 3, 1),
        ],
        # Came in 2022 and stays: present in 2023, as the summary's 本期 counts.
        [4, "赵六", "", "天津大学", "本科", "", "", "全职引进", "", D(2022, 1, 1)],
    ]
    assert len(S.build_sheet("talents").tables[0].rows) == 4
    assert column(S.build_sheet("talents", unit_id=small.edu).tables[0], 1) == ["王五"]
    assert S.build_sheet("talents", unit_id=small.empty).tables[0].rows == []


def test_talent_roster_is_one_query_however_long(ledger):
    unit = save("unit", name="县发展和改革局")
    inst = save("institution", name="中北大学")
    project = save("project", name="飞车项目")
    for i in range(300):
        save(
            "talent",
            name=f"研究员{i:03d}",
            institution=inst if i % 2 else None,
            project=project,
            degree="硕士",
            unit=unit,
            start_date=D(2023, 1 + i % 12, 1),
        )
    roster = S.SHEETS["talents"].build  # the sheet itself, without the sign-off lines
    with assert_query_count(2):  # the roster, and the count of undated talents left out
        sheet = roster(period=Y2023)
    assert len(sheet.tables[0].rows) == 300
    with count_queries() as counter:
        sheet = roster(period=Y2023, unit_id=unit)
    assert counter.count <= 3
    assert len(sheet.tables[0].rows) == 300
    assert sheet.tables[0].rows[1][3] == "中北大学" and sheet.tables[0].rows[0][3] == ""


# ---------------------------------------------------------------- 7. tasks


def test_task_list_marks_overdue(small):
    sheet = S.build_sheet("tasks", today=D(2023, 9, 4))
    (tbl,) = sheet.tables
    assert labels(tbl) == [
        "No.",
        "Title",
        "Source meeting",
        "Responsible unit",
        "Owner",
        "Deadline",
        "Status",
        "Latest progress",
    ]
    assert tbl.rows == [
        [
            1,
            "征地",
            "第一次联席会议",
            "县农业农村局",
            "吴科长",
            D(2023, 4, 30),
            "已办结",
            "2023-04-25 征地完成",
        ],
        [
            2,
            "周转公寓",
            "第一次联席会议",
            "县教育科技局",
            "李科长",
            D(2023, 8, 31),
            "推进中",
            "2023-08-01 房源筛选",
        ],
        [3, "讲解员队伍", "", "县农业农村局", "卫主任", D(2023, 9, 30), "推进中", ""],
        [4, "第12个基地方案", "", "县农业农村局", "", None, "未开始", ""],
    ]
    assert tbl.marked == {1}  # past deadline and not done; done and undated never
    assert tbl.mark_note == "Overdue items are marked"
    assert sheet.notes == ["Overdue as of 4 Sep 2023: 1"]

    later = S.build_sheet("tasks", today=D(2023, 10, 1)).tables[0]
    assert later.marked == {1, 2}
    on_deadline = S.build_sheet("tasks", today=D(2023, 8, 31)).tables[0]
    assert on_deadline.marked == set()  # due today is not yet overdue
    assert on_deadline.mark_note == ""


def test_task_list_period_filters_deadline(small):
    q3 = S.build_sheet("tasks", period=S.quarter_period(2023, 3), today=D(2023, 9, 4))
    assert column(q3.tables[0], 1) == ["周转公寓", "讲解员队伍"]
    assert q3.tables[0].marked == {0}
    agri = S.build_sheet("tasks", unit_id=small.agri, today=D(2023, 9, 4)).tables[0]
    assert column(agri, 1) == ["征地", "讲解员队伍", "第12个基地方案"]
    assert agri.marked == set()
    # A later period holds only what is still not done, carried.
    later = S.build_sheet("tasks", period=EMPTY).tables[0]
    assert column(later, 1) == ["周转公寓", "讲解员队伍"]


def test_an_item_overdue_before_the_period_stays_on_its_list_until_done(small):
    # 周转公寓 (due 31 Aug 2023, 推进中) was missing from the Q4 list it was overdue on.
    q4 = S.build_sheet("tasks", period=S.quarter_period(2023, 4), today=D(2024, 1, 5))
    assert column(q4.tables[0], 1) == ["周转公寓", "讲解员队伍"]
    assert q4.tables[0].marked == {0, 1}
    assert "Including 2 item(s) due before the period and not yet done" in q4.notes
    # 征地 was done: it is not carried.
    q2 = S.build_sheet("tasks", period=S.quarter_period(2023, 3), today=D(2023, 9, 4))
    assert "征地" not in column(q2.tables[0], 1)


# ---------------------------------------------------------------- 8. unit ledger


def test_unit_ledger(small):
    sheet = S.build_sheet("unit_ledger", unit_id=small.agri, period=Y2023, today=D(2026, 5, 1))
    assert sheet.unit_text == "Unit: 县农业农村局"
    # Judged at the period's end, not on the day it is printed.
    assert sheet.notes == ["Overdue as of 31 Dec 2023: 1"]
    assert [t.heading for t in sheet.tables] == [
        "The unit's records",  # 本期 and 累计 of each type first
        "Institutions",
        "Activities",
        "Agreements",
        "Bases",
        "Projects",
        "Talents",
        "Achievements",
        "Meetings",
        "Follow-up tasks",
        "Ledger hand-ins",
        "Assessment targets",
    ]
    assert table(sheet, "Institutions").rows == [[1, "中北大学", "省内", "已签约", D(2023, 1, 10)]]
    assert column(table(sheet, "Activities"), 3) == ["参观一", "参观二"]
    assert column(table(sheet, "Agreements"), 1) == ["战略合作协议"]
    assert column(table(sheet, "Bases"), 1) == ["基地甲"]
    assert column(table(sheet, "Projects"), 1) == ["飞车项目"]
    assert column(table(sheet, "Talents"), 1) == ["李四", "张三", "赵六"]  # 赵六: here since 2022
    assert labels(table(sheet, "Talents"))[1] == "Full name"  # 姓名, a person's
    assert labels(table(sheet, "Institutions"))[1] == "Name"  # 名称, a thing's
    assert column(table(sheet, "Achievements"), 1) == ["绿色防控推广"]
    assert column(table(sheet, "Meetings"), 3) == ["第一次联席会议"]
    assert column(table(sheet, "Follow-up tasks"), 1) == ["征地", "讲解员队伍"]
    assert table(sheet, "Follow-up tasks").marked == {1}  # 讲解员队伍, due 30 Sep, open
    assert table(sheet, "Ledger hand-ins").marked == set()  # handed in on time
    assert table(sheet, "Ledger hand-ins").rows == [
        [1, "2023年第一季度", D(2023, 4, 10), D(2023, 4, 9), "已报送"]
    ]
    targets = table(sheet, "Assessment targets")
    assert column(targets, 1) == [2023] * 4  # the 2022 target is outside the period
    assert targets.columns[3].kind == FLOAT

    counts = {row[0]: row[1:] for row in table(sheet, "The unit's records").rows}
    assert counts["Talents"] == [3, 3] and counts["Institutions"][0] == 1

    edu = S.build_sheet("unit_ledger", unit_id=small.edu, period=Y2023)
    assert [t.heading for t in edu.tables] == [
        "The unit's records",
        "Institutions",
        "Activities",
        "Agreements",
        "Bases",
        "Talents",
        "Achievements",
        "Follow-up tasks",
        "Assessment targets",
    ]  # empty types are left out (番茄项目 started in 2022)


def test_unit_ledger_marks_hand_ins_not_made_by_their_due_date(small):
    save("ledger_report", unit=small.agri, period="2023年第二季度", due_date=D(2023, 7, 10))
    save(
        "ledger_report",
        unit=small.agri,
        period="2023年第三季度",
        due_date=D(2023, 10, 10),
        submitted_date=D(2023, 10, 20),
        status="已报送",
    )
    save("ledger_report", unit=small.agri, period="2023年第四季度", due_date=D(2024, 1, 10))
    sheet = S.build_sheet("unit_ledger", unit_id=small.agri, period=Y2023, today=D(2026, 5, 1))
    hand_ins = table(sheet, "Ledger hand-ins")
    # 第二季度 was never handed in; 第三季度 was, late (late, not 未报).
    assert [hand_ins.rows[i][1] for i in sorted(hand_ins.marked)] == ["2023年第二季度"]
    assert hand_ins.mark_note == "Hand-ins not made by their due date (逾期未报) are marked"
    assert sheet.notes == ["Overdue as of 31 Dec 2023: 2"]


def test_unit_ledger_says_no_records_when_empty(small):
    empty_unit = S.build_sheet("unit_ledger", unit_id=small.empty, period=Y2023)
    assert empty_unit.tables == []
    assert empty_unit.notes == ["No records"]
    before = S.build_sheet("unit_ledger", unit_id=small.agri, period=S.year_period(2000))
    assert before.notes == ["No records"]
    # Nothing in 2000, but the undated records already count in 累计.
    (counts,) = before.tables
    assert all(row[1] == 0 for row in counts.rows) and counts.note.startswith("Records with no")
    # A later period still holds the unit's talents who stay and its open items.
    later = S.build_sheet("unit_ledger", unit_id=small.agri, period=EMPTY)
    assert [tb.heading for tb in later.tables] == [
        "The unit's records",
        "Talents",
        "Follow-up tasks",
    ]


# ---------------------------------------------------------------- 9. assessment


def test_score_rule():
    assert S.score(2, 1, 40) == 20.0
    assert S.score(2, 5, 40) == 40.0  # capped at the weight
    assert S.score(3, 1, 50) == 16.67
    assert S.score(0, 1, 10) == 10.0  # no target: any result earns the weight
    assert S.score(0, 0, 10) == 0.0


def test_assessment_counts_overrides_and_scores(small):
    sheet = S.build_sheet("assessment", year=2023)
    assert sheet.period_text == "Year 2023"
    assert [t.heading for t in sheet.tables] == [
        "县教育科技局",  # pinyin: jiaoyu before nongye
        "县农业农村局",
        "Total scores by unit",
    ]
    agri = table(sheet, "县农业农村局")
    assert labels(agri) == ["Unit", "Indicator", "Target", "Actual", "Weight", "Score", "Note"]
    assert [c.kind for c in agri.columns[2:6]] == [FLOAT] * 4
    assert agri.rows == [
        # projects of the unit started in 2023 (the undated one does not count)
        ["县农业农村局", "项目合作", 2.0, 1.0, 40.0, 20.0, ""],
        # talents of the unit started in 2023 (赵六 started in 2022)
        ["县农业农村局", "人才引进", 2.0, 2.0, 30.0, 30.0, ""],
        # achievements dated in 2023; target 0 with a result earns the weight
        ["县农业农村局", "成果转化", 0.0, 1.0, 10.0, 10.0, ""],
        # a user-defined indicator is not counted
        ["县农业农村局", "科普讲座", 5.0, 0.0, 20.0, 0.0, ""],
    ]
    assert agri.total == ["Total", "", None, None, 100.0, 60.0, ""]
    edu = table(sheet, "县教育科技局")
    assert edu.rows == [
        ["县教育科技局", "人才引进", 4.0, 3.0, 50.0, 37.5, "专家3名未入库"],  # override wins
        ["县教育科技局", "成果转化", 3.0, 1.0, 50.0, 16.67, ""],
    ]
    assert edu.total == ["Total", "", None, None, 100.0, 54.17, ""]
    assert table(sheet, "Total scores by unit").rows == [
        [1, "县农业农村局", 100.0, 60.0],
        [2, "县教育科技局", 100.0, 54.17],
    ]


def test_assessment_one_unit_other_year_and_blank_reason(small):
    one = S.build_sheet("assessment", year=2023, unit_id=small.edu)
    assert one.unit_text == "Unit: 县教育科技局"
    assert [t.heading for t in one.tables] == ["县教育科技局"]  # no ranking for one unit

    old = S.build_sheet("assessment", year=2022)
    (tbl,) = old.tables
    assert tbl.rows == [
        ["县农业农村局", "项目合作", 1.0, 0.0, 100.0, 0.0, ""]
    ]  # 番茄项目 is 县教育科技局's

    save(
        "assessment",
        year=2024,
        unit=small.agri,
        indicator="项目合作",
        target=1,
        weight=100,
        actual_override=0,
    )
    (tbl,) = S.build_sheet("assessment", year=2024).tables
    assert tbl.rows == [
        ["县农业农村局", "项目合作", 1.0, 0.0, 100.0, 0.0, "Actual entered by hand"]
    ]

    none = S.build_sheet("assessment", year=2030)
    assert none.tables == [] and none.notes == ["No records"]
    assert S.build_sheet("assessment", year=2023, unit_id=small.empty).tables == []


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("institutions", "institutions"),
        ("bases", "bases"),
        ("projects", "projects"),
        ("talents", "talents"),
        ("tasks", "tasks"),
    ],
)
def test_registers_end_with_their_count(small, key, words):
    sheet = S.build_sheet(key, period=Y2023)
    rows = len(sheet.tables[0].rows)
    assert rows > 0
    assert sheet.tables[0].note == f"{rows} {words} in all"


def test_a_forms_figure_names_do_not_depend_on_what_was_entered(ledger):
    from desktop_app.reports import figures

    def names() -> set[str]:
        return {name for name, _what, _value in figures.summary_figures(Y2023, None).entries()}

    empty = names()
    assert "累计.人才.学历.未填" in empty and "本期.院校.地域.未填" in empty
    # A talent without a degree, an institution without a class: the same names.
    save("talent", name="甲", mode="挂职", start_date=D(2023, 3, 1))
    save("institution", name="某大学", first_contact=D(2023, 3, 1))
    assert names() == empty


def test_a_register_for_a_period_says_how_many_undated_records_it_leaves_out(ledger):
    save("institution", name="甲大学", first_contact=D(2023, 3, 1))
    save("institution", name="乙大学")  # no first-contact date
    save("institution", name="丙大学")
    sheet = S.build_sheet("institutions", period=Y2023)
    assert column(sheet.tables[0], 1) == ["甲大学"]
    assert any("Not listed: 2 record(s) with no date" in n for n in sheet.notes)
    # Every date (no period): nothing is left out, nothing to say.
    assert not any("Not listed" in n for n in S.build_sheet("institutions").notes)
