"""Creating, updating and deleting records through the service, on a real file."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.records import errors as E
from desktop_app.records import service
from desktop_app.records.specs import (
    ACTIVITY_SPEC,
    AGREEMENT_SPEC,
    ALL_SPECS,
    ASSESSMENT_SPEC,
    INSTITUTION_SPEC,
    PROJECT_SPEC,
    TALENT_SPEC,
    UNIT_SPEC,
    spec_for,
)
from desktop_app.store import categories
from desktop_app.store import db as store_db
from desktop_app.store import models as m


def problem_fields(exc: E.ValidationError) -> list[str]:
    return [p.field for p in exc.problems]


# ---------------------------------------------------------------- create / update / delete


def test_create_load_update_delete_institution(make):
    unit = make("unit", name="县委组织部", kind="党政部门")
    rid = make(
        "institution",
        name=" 中北大学 ",
        short_name="中北",
        kind="高校",
        location_class="省内",
        province="山西",
        first_contact="2023-03-01",
        unit=unit,
    )
    values = service.load(INSTITUTION_SPEC, rid)
    assert values["name"] == "中北大学"  # trimmed
    assert values["first_contact"] == dt.date(2023, 3, 1)
    assert values["unit"] == unit
    assert values["email"] == ""

    values["stage"] = "已签约"
    values["notes"] = "高速飞车试验线"
    assert service.save(INSTITUTION_SPEC, values, rid) == rid
    again = service.load(INSTITUTION_SPEC, rid)
    assert again["stage"] == "已签约"
    assert again["notes"] == "高速飞车试验线"
    assert m.Institution.select().count() == 1

    service.delete(INSTITUTION_SPEC, rid)
    assert not m.Institution.select().where(m.Institution.id == rid).exists()
    service.delete(UNIT_SPEC, unit)
    assert m.Unit.select().count() == 0


def test_create_update_delete_activity_agreement_talent(make):
    inst = make("institution", name="山西农业大学")
    act = make("activity", title="人才宣介会", participants="35", institutions=[inst])
    agr = make(
        "agreement",
        title="番茄产业合作协议",
        signed_date=dt.date(2023, 6, 1),
        areas="产业发展、乡村振兴",
        institutions=[inst],
    )
    tal = make("talent", name="李灵芝", institution=inst, degree="博士", mode="柔性引进")

    assert service.load(ACTIVITY_SPEC, act)["participants"] == 35
    assert service.load(AGREEMENT_SPEC, agr)["areas"] == ["产业发展", "乡村振兴"]
    assert m.Agreement.get_by_id(agr).areas == "产业发展、乡村振兴"
    assert service.load(TALENT_SPEC, tal)["institution"] == inst

    values = service.load(TALENT_SPEC, tal)
    values["title"] = "教授"
    service.save(TALENT_SPEC, values, tal)
    assert m.Talent.get_by_id(tal).title == "教授"

    for spec, rid in ((TALENT_SPEC, tal), (AGREEMENT_SPEC, agr), (ACTIVITY_SPEC, act)):
        service.delete(spec, rid)
        assert not spec.model.select().where(spec.model.id == rid).exists()
    service.delete(INSTITUTION_SPEC, inst)
    assert m.Institution.select().count() == 0


def test_every_type_saves_its_empty_values_plus_required(make):
    """Every spec's empty form, filled with its required fields, saves and loads back."""
    unit = make("unit", name="县委组织部")
    required = {
        "date": dt.date(2023, 9, 4),
        "year": 2023,
        "unit": unit,
        "period": "2023年第三季度",
    }
    for spec in ALL_SPECS:
        if spec is UNIT_SPEC:
            continue
        values = service.empty_values(spec)
        for f in spec.fields:
            if not f.required:
                continue
            if f.name in required:
                values[f.name] = required[f.name]
            elif f.choices:
                values[f.name] = categories.words(f.choices)[0]
            else:
                values[f.name] = f"{spec.key}记录"
        rid = service.save(spec, values)
        loaded = service.load(spec, rid)
        for f in spec.fields:
            if f.required:
                assert loaded[f.name] == values[f.name], (spec.key, f.name)


def test_missing_required_field_names_it_and_writes_nothing(make):
    with pytest.raises(E.ValidationError) as info:
        service.save(INSTITUTION_SPEC, {"name": "   ", "short_name": "中北"})
    assert problem_fields(info.value) == ["name"]
    assert "Name is required." in str(info.value)
    assert m.Institution.select().count() == 0


def test_missing_several_required_fields_reported_together(make):
    with pytest.raises(E.ValidationError) as info:
        service.save(ACTIVITY_SPEC, {"title": ""})
    assert set(problem_fields(info.value)) == {"date", "type", "title"}
    assert m.Activity.select().count() == 0


def test_failed_update_changes_nothing(make):
    rid = make("institution", name="中北大学", short_name="中北")
    before = m.Institution.get_by_id(rid)
    with pytest.raises(E.ValidationError):
        service.save(INSTITUTION_SPEC, {"name": "", "short_name": "新简称"}, rid)
    after = m.Institution.get_by_id(rid)
    assert (after.name, after.short_name, after.updated_at) == (
        before.name,
        before.short_name,
        before.updated_at,
    )


def test_unique_name(make):
    first = make("institution", name="中北大学")
    with pytest.raises(E.ValidationError) as info:
        make("institution", name="中北大学 ")
    assert problem_fields(info.value) == ["name"]
    assert '"中北大学" already exists' in str(info.value)
    assert m.Institution.select().count() == 1
    # saving a record under its own name is not a clash
    values = service.load(INSTITUTION_SPEC, first)
    values["city"] = "太原"
    service.save(INSTITUTION_SPEC, values, first)
    # renaming another record to a taken name is
    other = make("institution", name="大同大学")
    values = service.load(INSTITUTION_SPEC, other)
    values["name"] = "中北大学"
    with pytest.raises(E.ValidationError):
        service.save(INSTITUTION_SPEC, values, other)
    assert m.Institution.get_by_id(other).name == "大同大学"


def test_negative_participants_refused(make):
    with pytest.raises(E.ValidationError) as info:
        make("activity", participants=-3)
    assert problem_fields(info.value) == ["participants"]
    assert m.Activity.select().count() == 0


@pytest.mark.parametrize("raw", ["abc", "inf", "-inf", "nan", "1e400"])
def test_number_that_is_not_a_number_refused(make, raw):
    with pytest.raises(E.ValidationError) as info:
        make("activity", participants=raw)
    assert info.value.problems[0].field == "participants"
    assert info.value.problems[0].template == E.NOT_A_NUMBER
    assert m.Activity.select().count() == 0


def test_non_finite_float_refused(make):
    unit = make("unit", name="县委组织部")
    for raw in ("nan", "inf"):
        with pytest.raises(E.ValidationError) as info:
            service.save(
                ASSESSMENT_SPEC,
                {"year": 2023, "unit": unit, "indicator": "人才引进", "target": raw},
            )
        assert info.value.problems[0].template == E.NOT_A_NUMBER
    assert m.AssessmentTarget.select().count() == 0


def test_year_below_minimum_refused(make):
    unit = make("unit", name="县委组织部")
    with pytest.raises(E.ValidationError) as info:
        service.save(ASSESSMENT_SPEC, {"year": 23, "unit": unit, "indicator": "人才引进"})
    assert problem_fields(info.value) == ["year"]


def test_empty_number_stored_as_zero_or_null(make):
    rid = make("activity", participants="")
    assert m.Activity.get_by_id(rid).participants == 0
    unit = make("unit", name="县委组织部")
    aid = service.save(ASSESSMENT_SPEC, {"year": 2023, "unit": unit, "indicator": "人才引进"})
    assert m.AssessmentTarget.get_by_id(aid).actual_override is None


def test_bad_date_refused(make):
    with pytest.raises(E.ValidationError) as info:
        make("activity", date="2023年9月")
    assert info.value.problems[0].field == "date"
    assert info.value.problems[0].template == E.NOT_A_DATE


def test_term_end_before_term_start_refused(make):
    with pytest.raises(E.ValidationError) as info:
        make("agreement", term_start="2023-06-01", term_end="2022-06-01")
    assert problem_fields(info.value) == ["term_end"]
    assert "Term end is earlier than Term start." in str(info.value)
    assert m.Agreement.select().count() == 0
    make("agreement", term_start="2023-06-01", term_end="2023-06-01")  # same day is fine


def test_talent_end_before_start_refused(make):
    with pytest.raises(E.ValidationError) as info:
        make("talent", name="高灵旺", start_date="2023-04-01", end_date="2023-03-01")
    assert problem_fields(info.value) == ["end_date"]


def test_unknown_fk_refused(make):
    with pytest.raises(E.ValidationError) as info:
        make("talent", name="高灵旺", institution=999)
    assert problem_fields(info.value) == ["institution"]
    assert m.Talent.select().count() == 0


def test_too_long_text_refused(make):
    with pytest.raises(E.ValidationError) as info:
        make("institution", name="中" * 256)
    assert problem_fields(info.value) == ["name"]


# ---------------------------------------------------------------- links and children


def test_links_saved_in_order_and_replaced(make):
    a = make("institution", name="中北大学")
    b = make("institution", name="航天三院")
    c = make("institution", name="大同大学")
    act = make("activity", institutions=[b, a, b])  # duplicate dropped, order kept
    assert service.load(ACTIVITY_SPEC, act)["institutions"] == [b, a]

    values = service.load(ACTIVITY_SPEC, act)
    values["institutions"] = [c]
    service.save(ACTIVITY_SPEC, values, act)
    assert service.load(ACTIVITY_SPEC, act)["institutions"] == [c]
    assert m.ActivityInstitution.select().count() == 1

    values["institutions"] = []
    service.save(ACTIVITY_SPEC, values, act)
    assert service.load(ACTIVITY_SPEC, act)["institutions"] == []


def test_unknown_link_rolls_back_whole_save(make):
    a = make("institution", name="中北大学")
    act = make("activity", title="原标题", institutions=[a])
    values = service.load(ACTIVITY_SPEC, act)
    values["title"] = "新标题"
    values["institutions"] = [a, 999]
    with pytest.raises(E.ValidationError) as info:
        service.save(ACTIVITY_SPEC, values, act)
    assert problem_fields(info.value) == ["institutions"]
    assert m.Activity.get_by_id(act).title == "原标题"
    assert service.load(ACTIVITY_SPEC, act)["institutions"] == [a]
    with pytest.raises(E.ValidationError):
        make("activity", title="新活动", institutions=[999])
    assert m.Activity.select().count() == 1


def test_meeting_attendee_units(make):
    u1 = make("unit", name="县委组织部")
    u2 = make("unit", name="县科技局")
    mid = make("meeting", unit=u1, attendees=[u1, u2])
    assert service.load(spec_for("meeting"), mid)["attendees"] == [u1, u2]


def test_milestones_saved_sorted_and_replaced(make):
    pid = make(
        "project",
        name="高速飞车试验线",
        milestones=[
            (dt.date(2023, 10, 1), " 飞车首航 "),
            ("2022-05-01", "开工"),
            (None, ""),  # an empty row is dropped
        ],
    )
    assert service.load(PROJECT_SPEC, pid)["milestones"] == [
        (dt.date(2022, 5, 1), "开工"),
        (dt.date(2023, 10, 1), "飞车首航"),
    ]
    values = service.load(PROJECT_SPEC, pid)
    values["milestones"] = [("2024-01-01", "通过验收")]
    service.save(PROJECT_SPEC, values, pid)
    assert service.load(PROJECT_SPEC, pid)["milestones"] == [(dt.date(2024, 1, 1), "通过验收")]
    assert m.ProjectMilestone.select().count() == 1


def test_milestone_bad_date_refused(make):
    with pytest.raises(E.ValidationError) as info:
        make("project", name="番茄产业研究院", milestones=[("明年", "挂牌")])
    assert info.value.problems[0].field == "milestones"
    assert info.value.problems[0].template == E.NOT_A_DATE
    assert m.Project.select().count() == 0


def test_task_progress_children(make):
    tid = make("task", progress=[("2023-09-01", "已对接"), ("2023-09-10", "已办结")])
    assert [t for _, t in service.load(spec_for("task"), tid)["progress"]] == ["已对接", "已办结"]
    service.delete(spec_for("task"), tid)
    assert m.TaskProgress.select().count() == 0


# ---------------------------------------------------------------- delete rules


def test_delete_refused_while_agreement_points_at_institution(make):
    inst = make("institution", name="中北大学")
    make("agreement", title="中北大学全方位战略合作协议", institutions=[inst])
    with pytest.raises(E.DeleteRefused) as info:
        service.delete(INSTITUTION_SPEC, inst)
    refused = info.value
    assert refused.title == "中北大学"
    labels = {(label, flabel): (n, ex) for label, flabel, n, ex in refused.dependents}
    assert labels[("Agreement", "Institutions")] == (1, ["中北大学全方位战略合作协议"])
    assert "中北大学全方位战略合作协议" in str(refused)
    assert m.Institution.select().count() == 1
    assert m.Agreement.select().count() == 1
    assert m.AgreementInstitution.select().count() == 1


def test_delete_refused_lists_fk_dependents(make):
    unit = make("unit", name="县委组织部")
    make("institution", name="中北大学", unit=unit)
    make("activity", title="座谈会", unit=unit)
    with pytest.raises(E.DeleteRefused) as info:
        service.delete(UNIT_SPEC, unit)
    types = {label for label, _, _, _ in info.value.dependents}
    assert types == {"Institution", "Activity"}
    assert m.Unit.select().count() == 1


def test_deleting_activity_removes_links_not_institutions(make):
    a = make("institution", name="中北大学")
    b = make("institution", name="航天三院")
    act = make("activity", institutions=[a, b])
    keep = make("activity", title="另一个活动", institutions=[a])
    service.delete(ACTIVITY_SPEC, act)
    assert m.Institution.select().count() == 2
    assert [(r.activity_id, r.institution_id) for r in m.ActivityInstitution.select()] == [
        (keep, a)
    ]
    # b has no links left, so it can go; a still can't
    service.delete(INSTITUTION_SPEC, b)
    with pytest.raises(E.DeleteRefused):
        service.delete(INSTITUTION_SPEC, a)


def test_deleting_project_removes_milestones_and_attachment_rows(make):
    pid = make("project", name="番茄产业研究院", milestones=[("2023-01-01", "挂牌")])
    m.Attachment.create(record_type="project", record_id=pid, file_hash="x", file_name="a.pdf")
    service.delete(PROJECT_SPEC, pid)
    assert m.ProjectMilestone.select().count() == 0
    assert m.Attachment.select().count() == 0


# ---------------------------------------------------------------- audit columns


def test_changed_by_and_times(make):
    store_db.set_operator("王海江")
    before = dt.datetime.now().replace(microsecond=0)
    rid = make("institution", name="中北大学")
    rec = m.Institution.get_by_id(rid)
    after = dt.datetime.now()
    assert rec.changed_by == "王海江"
    assert before <= rec.created_at <= after
    assert rec.updated_at == rec.created_at
    assert rec.is_sample is False

    store_db.set_operator("李明")
    m.Institution.update(
        created_at=dt.datetime(2020, 1, 1), updated_at=dt.datetime(2020, 1, 1)
    ).execute()
    values = service.load(INSTITUTION_SPEC, rid)
    values["city"] = "太原"
    service.save(INSTITUTION_SPEC, values, rid)
    rec = m.Institution.get_by_id(rid)
    assert rec.changed_by == "李明"
    assert rec.created_at == dt.datetime(2020, 1, 1)  # creation time stays
    assert rec.updated_at >= before


def test_sort_key_is_pinyin(make):
    rid = make("institution", name="中北大学")
    assert m.Institution.get_by_id(rid).sort_key == "zhongbeidaxue"
    values = service.load(INSTITUTION_SPEC, rid)
    values["name"] = "安徽农业大学"
    service.save(INSTITUTION_SPEC, values, rid)
    assert m.Institution.get_by_id(rid).sort_key == "anhuinongyedaxue"
    act = make("activity", title="阳高红番茄论坛")
    assert m.Activity.get_by_id(act).sort_key == "yanggaohongfanqieluntan"


def test_choices_for_link_in_pinyin_order(make):
    names = ["中北大学", "安徽农业大学", "北京航空航天大学"]
    ids = {n: make("institution", name=n) for n in names}
    assert service.choices_for_link("institution") == [
        (ids["安徽农业大学"], "安徽农业大学"),
        (ids["北京航空航天大学"], "北京航空航天大学"),
        (ids["中北大学"], "中北大学"),
    ]
    assert service.names_of("institution", [ids["中北大学"]]) == {ids["中北大学"]: "中北大学"}
    assert service.names_of("institution", []) == {}


# ---------------------------------------------------------------- category words


def test_rename_choice_word_rewrites_records(make):
    a = make("activity", type="论坛", title="番茄产业论坛")
    b = make("activity", type="培训", title="农技培训")
    changed = service.rename_category_word("activity_type", "论坛", "高端论坛")
    assert changed == 1
    assert m.Activity.get_by_id(a).type == "高端论坛"
    assert m.Activity.get_by_id(b).type == "培训"
    assert "高端论坛" in categories.words("activity_type")
    assert "论坛" not in categories.words("activity_type")
    # the renamed word keeps its place in the list
    assert categories.words("activity_type").index("高端论坛") == 4


def test_rename_multichoice_word_rewrites_records(make):
    a = make("agreement", title="协议一", areas=["产业发展", "乡村振兴"])
    b = make("agreement", title="协议二", areas=["乡村振兴"])
    c = make("agreement", title="协议三", areas=["文旅融合"])
    changed = service.rename_category_word("cooperation_area", "乡村振兴", "乡村全面振兴")
    assert changed == 2
    assert m.Agreement.get_by_id(a).areas == "产业发展、乡村全面振兴"
    assert m.Agreement.get_by_id(b).areas == "乡村全面振兴"
    assert m.Agreement.get_by_id(c).areas == "文旅融合"


def test_rename_multichoice_ignores_longer_words_containing_it(make):
    a = make("agreement", title="协议一", areas=["教育培训"])
    categories.add_word("cooperation_area", "教育")
    changed = service.rename_category_word("cooperation_area", "教育", "基础教育")
    assert changed == 0
    assert m.Agreement.get_by_id(a).areas == "教育培训"


def test_rename_word_onto_existing_word_merges(make):
    a = make("activity", type="论坛", title="番茄产业论坛")
    b = make("agreement", title="协议", areas=["乡村振兴", "产业发展"])
    service.rename_category_word("activity_type", "论坛", "座谈会")
    assert m.Activity.get_by_id(a).type == "座谈会"
    assert categories.words("activity_type").count("座谈会") == 1
    assert "论坛" not in categories.words("activity_type")

    service.rename_category_word("cooperation_area", "乡村振兴", "产业发展")
    assert m.Agreement.get_by_id(b).areas == "产业发展"
    assert "乡村振兴" not in categories.words("cooperation_area")


def test_rename_title_choice_updates_sort_key(make):
    unit = make("unit", name="县委组织部")
    aid = service.save(ASSESSMENT_SPEC, {"year": 2023, "unit": unit, "indicator": "人才引进"})
    service.rename_category_word("indicator", "人才引进", "引才引智")
    rec = m.AssessmentTarget.get_by_id(aid)
    assert rec.indicator == "引才引智"
    assert rec.sort_key == "yincaiyinzhi"


# ---------------------------------------------------------------- sample data


def test_remove_sample_data_only_removes_sample_records(make):
    s_unit = make("unit", name="示例单位", sample=True)
    s_inst = make("institution", name="示例大学", unit=s_unit, sample=True)
    s_proj = make(
        "project",
        name="示例项目",
        institutions=[s_inst],
        milestones=[("2023-01-01", "开工")],
        sample=True,
    )
    make("activity", title="示例活动", institutions=[s_inst], unit=s_unit, sample=True)
    make("talent", name="示例人才", institution=s_inst, project=s_proj, sample=True)

    u_unit = make("unit", name="县委组织部")
    u_inst = make("institution", name="中北大学", unit=u_unit)
    u_act = make("activity", title="真实活动", institutions=[u_inst])

    assert service.sample_count() == 5
    removed = service.remove_sample_data()
    assert removed == 5
    assert service.sample_count() == 0
    assert [u.name for u in m.Unit.select()] == ["县委组织部"]
    assert [i.name for i in m.Institution.select()] == ["中北大学"]
    assert [a.id for a in m.Activity.select()] == [u_act]
    assert m.Project.select().count() == 0
    assert m.Talent.select().count() == 0
    assert m.ProjectMilestone.select().count() == 0
    assert service.load(ACTIVITY_SPEC, u_act)["institutions"] == [u_inst]


def test_remove_sample_data_keeps_samples_a_user_record_points_at(make):
    s_unit = make("unit", name="示例单位", sample=True)
    s_inst = make("institution", name="示例大学", unit=s_unit, sample=True)
    s_other = make("institution", name="另一示例大学", sample=True)
    make("activity", title="示例活动", institutions=[s_inst, s_other], sample=True)
    # The user linked a real activity to a sample institution.
    u_act = make("activity", title="真实活动", institutions=[s_inst])

    service.remove_sample_data()
    assert m.Activity.select().count() == 1
    assert service.load(ACTIVITY_SPEC, u_act)["institutions"] == [s_inst]
    # the sample institution the user relies on stays, and so does its unit
    assert [i.name for i in m.Institution.select()] == ["示例大学"]
    assert [u.name for u in m.Unit.select()] == ["示例单位"]


def test_delete_order_puts_targets_first():
    order = [s.key for s in service._delete_order()]
    assert sorted(order) == sorted(s.key for s in ALL_SPECS)
    for spec in ALL_SPECS:
        for f in spec.fields:
            if f.target and f.target != spec.key:
                assert order.index(f.target) < order.index(spec.key), (spec.key, f.name)


def test_rename_word_to_itself_changes_nothing(make):
    a = make("activity", type="论坛", title="番茄产业论坛")
    assert service.rename_category_word("activity_type", "论坛", "论坛") == 0
    assert "论坛" in categories.words("activity_type")
    assert m.Activity.get_by_id(a).type == "论坛"


def test_an_assessment_target_is_named_by_year_unit_and_indicator(make):
    from desktop_app.records import audit

    unit = make("unit", name="县农业农村局")
    rid = make("assessment", year=2023, unit=unit, indicator="项目合作", target=3, weight=40)
    spec = spec_for("assessment")
    assert service.names_of("assessment", [rid]) == {rid: "2023 县农业农村局 项目合作"}
    assert audit.history("assessment", rid)[0].title == "2023 县农业农村局 项目合作"
    service.delete(spec, rid)
    from desktop_app.records import recycle

    assert recycle.entries()[0].title == "2023 县农业农村局 项目合作"


def test_numbers_beyond_any_count_are_refused(make):
    with pytest.raises(E.ValidationError) as refused:
        make("activity", participants="1e19")
    assert refused.value.problems[0].text() == "Participants is too large a number."
    assert service.total_records() == 0


def test_a_multi_choice_word_cannot_hold_a_separator(make):
    import pytest

    from desktop_app.store import categories

    for word in ("研发/中试", "研发、中试", "研发,中试", "研发；中试"):
        with pytest.raises(service.SeparatorInWord):
            service.add_category_word("cooperation_area", word)
        with pytest.raises(service.SeparatorInWord):
            service.rename_category_word("cooperation_area", "产业发展", word)
    assert "研发/中试" not in categories.words("cooperation_area")
    assert "产业发展" in categories.words("cooperation_area")
    service.add_category_word("activity_type", "研发/中试")  # a single choice keeps it whole
    assert "研发/中试" in categories.words("activity_type")


def test_long_text_from_a_form_loses_control_and_bidi_characters_but_keeps_lines(make):
    rid = make("institution", name="甲大学", notes="电话\u202e8731 000\x00\x01\n第二行\t制表")
    assert service.load(INSTITUTION_SPEC, rid)["notes"] == "电话8731 000\n第二行\t制表"


# 30 names whose surname or place a plain character reading gets wrong, with
# the reading people use (issue 12: pinyin order as people read names).
PEOPLE = {
    "单田芳": "shantianfang",
    "曾国藩": "zengguofan",
    "解缙": "xiejin",
    "仇英": "qiuying",
    "区志航": "ouzhihang",
    "查良镛": "zhaliangyong",
    "朴树": "piaoshu",
    "盖叫天": "gejiaotian",
    "乐嘉": "yuejia",
    "缪杰": "miaojie",
    "覃振": "qinzhen",
    "种师道": "chongshidao",
    "召忠": "shaozhong",
    "翟志刚": "zhaizhigang",
    "薄一波": "boyibo",
    "冼星海": "xianxinghai",
    "牟其中": "muqizhong",
    "阚泽": "kanze",
    "尉迟恭": "yuchigong",
    "长孙无忌": "zhangsunwuji",
    "万俟卨": "moqixie",
    "澹台灭明": "tantaimieming",
    "令狐冲": "linghuchong",
    "华罗庚": "hualuogeng",
    "任正非": "renzhengfei",
    "员半千": "yunbanqian",
    "隗嚣": "weixiao",
    "宓妃": "mifei",
    "卜算": "busuan",
    "柏杨": "baiyang",
}
PLACES = {
    "长治学院": "changzhixueyuan",
    "重庆大学": "chongqingdaxue",
    "洪洞县职业中学": "hongtongxianzhiyezhongxue",
    "单县第一中学": "shanxiandiyizhongxue",
}


def test_people_and_places_sort_as_people_read_them(make):
    assert len(PEOPLE) == 30
    for name, key in PEOPLE.items():
        rid = make("talent", name=name)
        assert m.Talent.get_by_id(rid).sort_key == key, name
    for name, key in PLACES.items():
        assert m.Institution.get_by_id(make("institution", name=name)).sort_key == key, name
    # Only a person's name starts with a surname: 单位 in a title is dan.
    act = make("activity", title="单位座谈会")
    assert m.Activity.get_by_id(act).sort_key.startswith("danwei")
    order = [n for (n,) in m.Talent.select(m.Talent.name).order_by(m.Talent.sort_key).tuples()]
    assert order.index("单田芳") < order.index("解缙") < order.index("曾国藩")  # s, x, z
