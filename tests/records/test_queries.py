"""List queries: search, filters, pinyin sort and paging, all in SQL."""

from __future__ import annotations

import datetime as dt

import pytest
from playhouse.test_utils import count_queries

from desktop_app.records import queries, search_index, service
from desktop_app.records.queries import ListQuery
from desktop_app.records.specs import (
    ACTIVITY_SPEC,
    AGREEMENT_SPEC,
    ASSESSMENT_SPEC,
    INSTITUTION_SPEC,
    PROJECT_SPEC,
    TALENT_SPEC,
)
from desktop_app.store import models as m


def names(q: ListQuery) -> list[str]:
    """Title column of every row (the first list column of these specs)."""
    col = q.spec.list_columns.index(q.spec.title_field) + 1
    return [r[col] for r in queries.fetch_page(q, 0, 1000)]


@pytest.fixture
def schools(make):
    ids = {}
    for name, short, loc, kind in [
        ("中北大学", "中北", "省内", "高校"),
        ("北京航空航天大学", "北航", "省外", "高校"),
        ("安徽农业大学", "安农", "省外", "高校"),
        ("航天三院", "", "省外", "科研院所"),
        ("山西农业大学", "山西农大", "省内", "高校"),
    ]:
        ids[name] = make("institution", name=name, short_name=short, location_class=loc, kind=kind)
    return ids


# ---------------------------------------------------------------- search


def test_two_character_terms_find_zhongbei(schools):
    assert names(ListQuery(INSTITUTION_SPEC, search="中北")) == ["中北大学"]
    assert names(ListQuery(INSTITUTION_SPEC, search="北大")) == ["中北大学"]
    assert names(ListQuery(INSTITUTION_SPEC, search="北")) == [
        "北京航空航天大学",
        "中北大学",
    ]


def test_search_matches_other_search_fields(make, schools):
    make("institution", name="大同大学", contact_person="王老师", notes="共建智库")
    assert names(ListQuery(INSTITUTION_SPEC, search="王老师")) == ["大同大学"]
    assert names(ListQuery(INSTITUTION_SPEC, search="智库")) == ["大同大学"]
    assert names(ListQuery(INSTITUTION_SPEC, search="山西农大")) == ["山西农业大学"]


def test_search_wildcards_are_literal(make):
    make("institution", name="百分之百%大学")
    make("institution", name="普通大学")
    assert names(ListQuery(INSTITUTION_SPEC, search="%")) == ["百分之百%大学"]
    assert names(ListQuery(INSTITUTION_SPEC, search="_")) == []


def test_activity_found_by_linked_institution(make, schools):
    make("activity", title="党政正职访名校", institutions=[schools["中北大学"]])
    make("activity", title="高速飞车座谈", institutions=[schools["航天三院"], schools["中北大学"]])
    make("activity", title="番茄产业论坛", institutions=[schools["山西农业大学"]])
    q = ListQuery(ACTIVITY_SPEC, search="中北", sort_field="title")
    assert sorted(names(q)) == sorted(["党政正职访名校", "高速飞车座谈"])
    assert queries.count(q) == 2
    # by short name of the linked institution
    assert names(ListQuery(ACTIVITY_SPEC, search="山西农大")) == ["番茄产业论坛"]
    # a word in several institutions' names finds each activity once
    assert queries.count(ListQuery(ACTIVITY_SPEC, search="大学")) == 3


def test_talent_found_by_fk_institution(make, schools):
    make("talent", name="高灵旺", institution=schools["中北大学"])
    make("talent", name="李灵芝", institution=schools["山西农业大学"])
    assert names(ListQuery(TALENT_SPEC, search="中北")) == ["高灵旺"]
    # count joins the institution only when a search needs it
    assert queries.count(ListQuery(TALENT_SPEC, search="中北")) == 1
    assert queries.count(ListQuery(TALENT_SPEC)) == 2


def test_terms_are_anded(make, schools):
    make("activity", title="中北大学座谈会", institutions=[schools["中北大学"]])
    make("activity", title="北航座谈会", institutions=[schools["北京航空航天大学"]])
    make("activity", title="中北大学培训", institutions=[schools["中北大学"]])
    assert names(ListQuery(ACTIVITY_SPEC, search="中北 座谈")) == ["中北大学座谈会"]
    # a full-width space (IME) separates terms too
    assert names(ListQuery(ACTIVITY_SPEC, search="中北\u3000座谈")) == ["中北大学座谈会"]
    assert names(ListQuery(ACTIVITY_SPEC, search="中北 论坛")) == []
    assert queries.count(ListQuery(ACTIVITY_SPEC, search="座谈")) == 2


# ---------------------------------------------------------------- filters


def test_year_unit_type_status_filters(make, schools):
    u1 = make("unit", name="县委组织部")
    u2 = make("unit", name="县科技局")
    make("agreement", title="甲", signed_date="2022-12-31", status="已签约", unit=u1)
    make("agreement", title="乙", signed_date="2023-01-01", status="已签约", unit=u1)
    make(
        "agreement",
        title="丙",
        signed_date="2023-12-31",
        status="履行中",
        unit=u2,
        type="基地共建协议",
    )
    make("agreement", title="丁")  # no date: in no year

    def titles(**kw) -> list[str]:
        return sorted(names(ListQuery(AGREEMENT_SPEC, **kw)))

    assert titles() == sorted(["甲", "乙", "丙", "丁"])
    assert titles(year=2023) == sorted(["乙", "丙"])
    assert titles(year=2022) == ["甲"]
    assert titles(unit_id=u1) == sorted(["甲", "乙"])
    assert titles(type_value="基地共建协议") == ["丙"]
    assert titles(status_value="已签约") == sorted(["甲", "乙"])
    assert titles(year=2023, unit_id=u1) == ["乙"]
    assert queries.count(ListQuery(AGREEMENT_SPEC, year=2023, status_value="已签约")) == 1


def test_institution_filters(schools):
    def q(**kw):
        return names(ListQuery(INSTITUTION_SPEC, **kw))

    assert q(type_value="科研院所") == ["航天三院"]
    assert q(type_value="高校", search="农业") == ["安徽农业大学", "山西农业大学"]


def test_year_filter_on_integer_year(make):
    unit = make("unit", name="县委组织部")
    for year in (2022, 2023, 2023):
        service.save(ASSESSMENT_SPEC, {"year": year, "unit": unit, "indicator": "人才引进"})
    assert queries.supports_year(ASSESSMENT_SPEC)
    assert queries.count(ListQuery(ASSESSMENT_SPEC, year=2023)) == 2


def test_ids_restrict(schools):
    q = ListQuery(INSTITUTION_SPEC, ids=[schools["中北大学"], schools["航天三院"]])
    assert names(q) == ["航天三院", "中北大学"]
    assert queries.count(ListQuery(INSTITUTION_SPEC, ids=[])) == 0


# ---------------------------------------------------------------- sort


def test_name_sort_is_pinyin(make):
    for n in ("中北大学", "北京航空航天大学", "安徽农业大学"):
        make("institution", name=n)
    assert names(ListQuery(INSTITUTION_SPEC)) == ["安徽农业大学", "北京航空航天大学", "中北大学"]
    assert names(ListQuery(INSTITUTION_SPEC, sort_field="name", descending=True)) == [
        "中北大学",
        "北京航空航天大学",
        "安徽农业大学",
    ]


def test_default_sort_newest_activity_first_nulls_last(make):
    make("activity", title="旧", date="2022-01-01")
    make("activity", title="新", date="2023-09-04")
    make("activity", title="中", date="2023-01-01")
    assert names(ListQuery(ACTIVITY_SPEC)) == ["新", "中", "旧"]
    assert names(ListQuery(ACTIVITY_SPEC, sort_field="date")) == ["旧", "中", "新"]
    make("project", name="无日期项目")
    make("project", name="有日期项目", start_date="2023-01-01")
    assert names(ListQuery(PROJECT_SPEC)) == ["有日期项目", "无日期项目"]
    assert names(ListQuery(PROJECT_SPEC, sort_field="start_date")) == ["有日期项目", "无日期项目"]


def test_sort_by_fk_column_is_pinyin_of_target(make, schools):
    make("talent", name="甲", institution=schools["中北大学"])
    make("talent", name="乙", institution=schools["安徽农业大学"])
    make("talent", name="丙", institution=schools["北京航空航天大学"])
    assert names(ListQuery(TALENT_SPEC, sort_field="institution")) == ["乙", "丙", "甲"]


def test_rows_hold_list_columns(make, schools):
    unit = make("unit", name="县委组织部")
    aid = make(
        "activity",
        date="2023-09-04",
        type="人才宣介会",
        title="中国农业大学人才宣介会",
        institutions=[schools["中北大学"], schools["航天三院"]],
        leader="县委书记",
        participants=40,
        outcome_figures="达成初步意向2人",
        unit=unit,
    )
    (row,) = queries.fetch_page(ListQuery(ACTIVITY_SPEC), 0, 10)
    assert row == [
        aid,
        dt.date(2023, 9, 4),
        "人才宣介会",
        "中国农业大学人才宣介会",
        "中北大学、航天三院",
        "县委书记",
        40,
        "达成初步意向2人",
        "县委组织部",
    ]


# ---------------------------------------------------------------- paging


def test_pages_are_disjoint_and_cover_all_rows(make):
    for i in range(23):
        make("activity", title=f"活动{i:02d}", date=dt.date(2023, 1, 1) + dt.timedelta(days=i % 5))
    q = ListQuery(ACTIVITY_SPEC)
    total = queries.count(q)
    assert total == 23
    seen: list[int] = []
    for offset in range(0, total, 10):
        page = queries.fetch_page(q, offset, 10)
        assert len(page) == min(10, total - offset)
        seen += [r[0] for r in page]
    assert len(seen) == len(set(seen)) == 23
    assert seen == queries.all_ids(q)
    assert queries.fetch_page(q, 30, 10) == []


def test_count_matches_fetched_rows_with_links(make, schools):
    for i in range(7):
        make("activity", title=f"活动{i}", institutions=[schools["中北大学"], schools["航天三院"]])
    q = ListQuery(ACTIVITY_SPEC, search="中北")
    assert queries.count(q) == 7 == len(queries.fetch_page(q, 0, 100))


def test_fetch_page_query_count_is_bounded(ledger, make, schools):
    unit = make("unit", name="县委组织部")
    inst_ids = list(schools.values())
    rows = [
        {
            "created_at": dt.datetime(2023, 1, 1),
            "updated_at": dt.datetime(2023, 1, 1),
            "date": dt.date(2023, 1, 1) + dt.timedelta(days=i),
            "type": "论坛",
            "title": f"活动{i}",
            "unit": unit,
        }
        for i in range(200)
    ]
    with ledger.atomic():
        m.Activity.insert_many(rows).execute()
        links = [
            {"activity": a.id, "institution": inst_ids[(a.id + k) % len(inst_ids)]}
            for a in m.Activity.select(m.Activity.id)
            for k in range(2)
        ]
        m.ActivityInstitution.insert_many(links).execute()
        # Written past the service: their search index rows too, as it would.
        search_index.reindex(ACTIVITY_SPEC, [a.id for a in m.Activity.select(m.Activity.id)])

    q = ListQuery(ACTIVITY_SPEC)
    with count_queries() as counter:
        page = queries.fetch_page(q, 0, 200)
    assert len(page) == 200
    assert all(row[4].count("、") == 1 for row in page)
    assert 1 <= counter.count <= 3

    with count_queries() as counter:
        queries.fetch_page(q, 0, 20)
    assert 1 <= counter.count <= 3

    with count_queries() as counter:
        assert queries.count(ListQuery(ACTIVITY_SPEC, search="中北 活动")) == 200 * 2 // 5
    assert counter.count == 1


# ---------------------------------------------------------------- sort by a joined column


@pytest.fixture
def units_and_activities(make):
    """Activities of three units (two of them read alike) and some of none,
    half of them holding the word 番茄."""
    units = [
        make("unit", name="县农业农村局"),
        make("unit", name="县教育局"),
        make("unit", name="县教育局（二）"),
    ]
    m.Unit.update(sort_key="xianjiaoyuju").where(m.Unit.id == units[2]).execute()
    ids = []
    for i in range(40):
        unit = None if i % 9 == 4 else units[i % 3]
        title = f"{'番茄' if i % 2 else '杂粮'}调研第{i}次"
        ids.append(make("activity", title=title, unit=unit, date=dt.date(2023, 1, 1 + i % 28)))
    return units, ids


def _expected_by_unit(ids: list[int], descending: bool) -> list[int]:
    keys = dict(m.Unit.select(m.Unit.id, m.Unit.sort_key).tuples())
    units = dict(
        m.Activity.select(m.Activity.id, m.Activity.unit).where(m.Activity.id.in_(ids)).tuples()
    )
    linked = sorted((i for i in ids if units[i]), key=lambda i: (keys[units[i]], units[i], i))
    unlinked = sorted(i for i in ids if not units[i])
    if descending:
        linked.reverse()
        unlinked.reverse()
    return linked + unlinked  # records without a unit last, both ways


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("hits", [None, 5, 10_000])  # few: sorted; many: walked
def test_sorting_by_unit_pages_through_every_record_in_the_units_order(
    units_and_activities, descending, hits
):
    _, ids = units_and_activities
    for word in ("", "番茄"):
        chosen = [i for i in ids if not word or word in m.Activity.get_by_id(i).title]
        q = ListQuery(ACTIVITY_SPEC, search=word, sort_field="unit", descending=descending)
        if hits is not None:
            q.extra["hits"] = hits
        paged = []
        for offset in range(0, 45, 7):  # pages that end inside and past the unitless ones
            paged += [row[0] for row in queries.fetch_page(q, offset, 7)]
        assert paged == _expected_by_unit(chosen, descending), (word, descending, hits)
        assert queries.all_ids(q) == paged
        # The page past the end is empty, not the unitless records again.
        assert queries.fetch_page(q, len(paged), 7) == []


def test_a_page_of_a_common_word_is_the_same_whichever_way_it_is_found(units_and_activities):
    _, ids = units_and_activities
    listed = ListQuery(ACTIVITY_SPEC, search="番茄")
    probed = ListQuery(ACTIVITY_SPEC, search="番茄")
    probed.extra["hits"] = 10**9  # as if nearly every record held it: probe each one
    assert search_index.probing_cheaper(10**9, 40, 7)
    for offset in (0, 7, 14):
        assert queries.fetch_page(probed, offset, 7) == queries.fetch_page(listed, offset, 7)
