"""The sample data reproduces the report's figures and can be removed cleanly.

Real SQLite files in tmp_path; assertions are real queries on the models.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from desktop_app.records import demo, service
from desktop_app.records.specs import ALL_SPECS, INSTITUTION_SPEC, UNIT_SPEC
from desktop_app.store import models as m
from desktop_app.store.categories import words

REPORT_DATE = dt.date(2023, 9, 4)
YEAR_START = dt.date(2023, 1, 1)


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_HOME", str(tmp_path))
    from desktop_app.store import db
    from desktop_app.store.opening import open_ledger

    open_ledger(tmp_path / "demo.sqlite")
    yield
    db.close()


@pytest.fixture
def loaded(ledger):
    return demo.load_sample_data()


def _institution_names(through, owner_field, owner_ids) -> set[str]:
    query = (
        m.Institution.select(m.Institution.name)
        .join(through, on=(through.institution == m.Institution.id))
        .where(getattr(through, owner_field).in_(owner_ids))
    )
    return {name for (name,) in query.tuples()}


def test_returns_number_of_records_created(loaded):
    assert loaded == sum(s.model.select().count() for s in ALL_SPECS)
    assert loaded == service.sample_count()


def test_every_record_is_sample(loaded):
    for spec in ALL_SPECS:
        assert spec.model.select().count() > 0, spec.key
        assert not spec.model.select().where(spec.model.is_sample == False).exists(), spec.key  # noqa: E712


def test_institutions_25_of_which_16_out_of_province_and_9_in(loaded):
    inst = m.Institution
    assert inst.select().count() == 25
    assert inst.select().where(inst.location_class == "省外").count() == 16
    assert inst.select().where(inst.location_class == "省内").count() == 9
    in_2023 = inst.select().where(inst.first_contact.between(YEAR_START, REPORT_DATE))
    assert in_2023.count() == 25
    out = {i.name for i in inst.select().where(inst.location_class == "省外")}
    assert {"中国农业大学", "清华大学", "中央财经大学", "北京航空航天大学"} <= out
    assert "中国航天科工集团第三研究院" in out
    casic = inst.get(inst.name == "中国航天科工集团第三研究院")
    assert (casic.short_name, casic.kind) == ("航天三院", "科研院所")
    inside = {i.name for i in inst.select().where(inst.location_class == "省内")}
    assert {"中北大学", "山西大同大学", "山西财经大学", "山西农业大学"} <= inside
    assert inst.get(inst.name == "山西大同大学").short_name == "大同大学"


def test_three_strategic_agreements_with_the_three_universities(loaded):
    ag = m.Agreement
    strategic = list(ag.select().where(ag.type == "全方位战略合作协议"))
    assert len(strategic) == 3
    assert all(a.status == "履行中" and a.signed_date.year == 2023 for a in strategic)
    for a in strategic:
        areas = service.load(service.spec_for("agreement"), a.id)["areas"]
        assert areas == ["产业发展", "乡村振兴", "生态保护", "文旅融合", "教育培训"]
    names = _institution_names(m.AgreementInstitution, "agreement", [a.id for a in strategic])
    assert names == {"中北大学", "山西大同大学", "山西财经大学"}
    other_types = {a.type for a in ag.select().where(ag.type != "全方位战略合作协议")}
    assert {"基地共建协议", "项目合作协议"} <= other_types


def test_eleven_base_types_covering_all_25_institutions(loaded):
    base = m.Base
    types = {t for (t,) in base.select(base.type).distinct().tuples()}
    assert len(types) == 11
    assert types <= set(words("base_type"))
    linked = m.BaseInstitution.select(
        pw.fn.COUNT(m.BaseInstitution.institution.distinct())
    ).scalar()
    assert linked == 25
    red = base.get(base.type == "红色教育和国情教育基地")
    assert "大泉山" in red.place
    station = base.get(base.type == "乡村振兴远程教学站")
    assert station.plaque_date is not None
    assert _institution_names(m.BaseInstitution, "base", [station.id]) == {"清华大学"}
    lab = base.get(base.type == "重点实验室")
    assert {"中北大学", "中国航天科工集团第三研究院"} <= _institution_names(
        m.BaseInstitution, "base", [lab.id]
    )
    tomato = base.get(base.name == "“阳高红”西红柿科技研发基地")
    assert {"中国农业大学", "山西农业大学"} <= _institution_names(
        m.BaseInstitution, "base", [tomato.id]
    )
    institute = base.get(base.type == "产业研究院")
    assert _institution_names(m.BaseInstitution, "base", [institute.id]) == {"山西农业大学"}


def test_researchers_30_phds_and_72_masters_working_locally(loaded):
    t = m.Talent
    local = t.select().where(t.mode == "来阳开展研究")
    assert local.where(t.degree == "博士").count() == 30
    assert local.where(t.degree == "硕士").count() == 72
    assert local.count() == 102
    flying = m.Project.get(m.Project.name == "高速飞车试验线项目")
    assert all(r.project_id == flying.id for r in local)
    institutions = {r.institution.name for r in local}
    assert institutions == {"中北大学", "中国航天科工集团第三研究院"}
    assert all(YEAR_START <= r.start_date <= REPORT_DATE for r in local)


def test_two_flexibly_introduced_professors(loaded):
    t = m.Talent
    flexible = list(t.select().where(t.mode == "柔性引进"))
    assert len(flexible) == 2
    assert all(p.title == "教授" for p in flexible)
    assert {(p.name, p.institution.name) for p in flexible} == {
        ("高灵旺", "中国农业大学"),
        ("李灵芝", "山西农业大学"),
    }


def test_study_visits_at_red_base_exceed_1800(loaded):
    a = m.Activity
    visits = a.select().where(a.type == "参观学习")
    total = visits.select(pw.fn.SUM(a.participants)).scalar()
    assert total > 1800
    assert all(v.date.year == 2023 for v in visits)
    assert all("大泉山" in v.place for v in visits)
    assert m.ActivityInstitution.select().where(
        m.ActivityInstitution.activity.in_([v.id for v in visits])
    ).count() >= len(visits)


def test_named_projects_exist(loaded):
    p = m.Project
    flying = p.get(p.name == "高速飞车试验线项目")
    assert flying.chain == "新型项目"
    assert _institution_names(m.ProjectInstitution, "project", [flying.id]) == {
        "中北大学",
        "中国航天科工集团第三研究院",
    }
    assert set(flying.support_items.split("、")) == {"土地征收", "房屋拆迁", "用地手续"}
    milestones = [ms.text for ms in flying.milestones]
    assert any("首航" in text for text in milestones)
    assert p.get(p.name == "“阳高红”西红柿科技研发项目").chain == "特色农业"
    assert p.get(p.name == "番茄产业研究院共建项目").chain == "特色农业"


def test_named_activities_exist(loaded):
    a = m.Activity
    fair = a.get(a.type == "人才宣介会")
    assert "筑巢引凤·聚才兴同" in fair.title
    assert fair.outcome_figures == "达成初步意向2人"
    assert _institution_names(m.ActivityInstitution, "activity", [fair.id]) == {"中国农业大学"}
    visits = list(a.select().where(a.type == "党政正职访名校"))
    assert all(v.leader == "县长" for v in visits)
    assert _institution_names(m.ActivityInstitution, "activity", [v.id for v in visits]) == {
        "清华大学",
        "中央财经大学",
        "北京航空航天大学",
    }
    assert any("继续教育学院" in v.title for v in visits)
    assert a.select().where((a.type == "授牌仪式") & a.title.contains("远程教学站")).exists()
    assert a.select().where((a.type == "签约仪式") & a.title.contains("远程教学站")).exists()
    assert a.select().where((a.type == "签约仪式") & a.title.contains("战略合作")).exists()
    assert a.get(a.type == "论坛").title == "“阳高红”西红柿产业发展论坛"


def test_event_dates_lie_in_2023_up_to_the_report(loaded):
    dated = [
        (m.Activity, m.Activity.date),
        (m.Agreement, m.Agreement.signed_date),
        (m.Base, m.Base.established_date),
        (m.Project, m.Project.start_date),
        (m.Achievement, m.Achievement.date),
        (m.Meeting, m.Meeting.date),
        (m.ProjectMilestone, m.ProjectMilestone.date),
        (m.TaskProgress, m.TaskProgress.date),
    ]
    for model, column in dated:
        outside = model.select().where(~column.between(YEAR_START, REPORT_DATE))
        assert not outside.exists(), model.__name__


def test_meetings_tasks_reports_and_targets(loaded):
    assert {mt.type for mt in m.Meeting.select()} == {"联席会议", "研判会", "专班会议"}
    for meeting in m.Meeting.select():
        attending = m.MeetingUnit.select().where(m.MeetingUnit.meeting == meeting.id)
        assert attending.count() >= 4, meeting.title
    task = m.Task
    assert task.select().where(task.status == "已办结").exists()
    overdue = task.select().where((task.status != "已办结") & (task.deadline < REPORT_DATE))
    assert overdue.exists()
    assert all(t.progress.exists() for t in overdue)
    report = m.LedgerReport
    assert {r.status for r in report.select()} == {"未报送", "已报送", "逾期"}
    assert {r.period for r in report.select()} == {
        "2023年第一季度",
        "2023年第二季度",
        "2023年第三季度",
    }
    target = m.AssessmentTarget
    assert {t.year for t in target.select()} == {2023}
    assert {t.indicator for t in target.select()} == {"项目合作", "人才引进", "成果转化"}
    assert 3 <= target.select(target.unit).distinct().count() <= 4
    achievement_types = {a.type for a in m.Achievement.select()}
    assert {"技术推广", "科研成果", "智库报告"} <= achievement_types


def test_remove_sample_data_leaves_nothing(loaded):
    removed = service.remove_sample_data()
    assert removed == loaded
    for spec in ALL_SPECS:
        assert spec.model.select().count() == 0, spec.key
    for child in (
        m.ProjectMilestone,
        m.TaskProgress,
        m.ActivityInstitution,
        m.AgreementInstitution,
        m.BaseInstitution,
        m.ProjectInstitution,
        m.MeetingUnit,
    ):
        assert child.select().count() == 0, child.__name__
    assert service.sample_count() == 0
    assert demo.load_sample_data() == loaded  # loads again once removed


def test_loading_twice_is_refused(loaded):
    with pytest.raises(ValueError, match="already loaded"):
        demo.load_sample_data()
    assert service.sample_count() == loaded


def test_users_own_records_survive_removal(ledger):
    unit_id = service.save(UNIT_SPEC, {"name": "县住房和城乡建设局", "kind": "党政部门"})
    inst_id = service.save(
        INSTITUTION_SPEC,
        {"name": "山西传媒学院", "location_class": "省内", "unit": unit_id},
    )
    demo.load_sample_data()
    service.remove_sample_data()
    assert m.Unit.get_by_id(unit_id).name == "县住房和城乡建设局"
    assert m.Institution.get_by_id(inst_id).name == "山西传媒学院"
    assert m.Unit.select().count() == 1
    assert m.Institution.select().count() == 1


def test_users_record_of_same_name_is_reused_not_duplicated(ledger):
    own = service.save(INSTITUTION_SPEC, {"name": "中北大学", "location_class": "省内"})
    created = demo.load_sample_data()
    assert m.Institution.select().count() == 25
    assert created == service.sample_count()
    strategic = m.Agreement.select().where(m.Agreement.type == "全方位战略合作协议")
    ids = {
        r.institution_id
        for r in m.AgreementInstitution.select().where(
            m.AgreementInstitution.agreement.in_([a.id for a in strategic])
        )
    }
    assert own in ids
    service.remove_sample_data()
    survivor = m.Institution.get_by_id(own)
    assert (survivor.name, survivor.is_sample) == ("中北大学", False)
    assert m.Institution.select().count() == 1


def test_failed_load_leaves_nothing(ledger, monkeypatch):
    broken = [*demo.TASKS, {"title": "坏数据", "status": "未开始", "unit": "不存在的单位"}]
    monkeypatch.setattr(demo, "TASKS", broken)
    with pytest.raises(KeyError, match="不存在的单位"):
        demo.load_sample_data()
    for spec in ALL_SPECS:
        assert spec.model.select().count() == 0, spec.key
