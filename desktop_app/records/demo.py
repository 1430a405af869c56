"""Sample data: the Yanggao report of 2023-09-04 as a filled-in ledger.

Loading it lets a new user see every list, sheet and dossier with realistic
content, and lets the summary sheet for 2023 print the report's own figures:

- institutions contacted: 25, of which 省外 16 and 省内 9 (all first contacted in 2023);
- 全方位战略合作协议: 3, with 中北大学, 山西大同大学 (大同大学) and 山西财经大学;
- bases: 11 bases of 11 distinct types, whose linked institutions are all 25
  (the plan of 12 is mentioned in a base's notes and in a not-started task);
- researchers working locally (mode 来阳开展研究): 30 with degree 博士 and 72
  with degree 硕士 ("70余名"), all on the flying-train project;
- flexibly introduced (mode 柔性引进): 2 professors, 高灵旺 (中国农业大学) and
  李灵芝 (山西农业大学). Both hold a 博士 degree, so the ledger holds 32 博士 in all:
  the report's "30名博士" is read as degree 博士 *and* mode 来阳开展研究;
- study visits (参观学习) at the 大泉山 red-education base: 1,826 participants.

Dates of things that happened lie between 2023-01-01 and 2023-09-04 (the report's
date). Dates that are naturally later are: agreement term ends, some task
deadlines and the due date of the third-quarter ledger hand-in (2023-10-10,
still 未报送 on the report's date).

Every record is written through service.save(..., sample=True), all in one
transaction, so a failed load leaves nothing behind and
service.remove_sample_data() removes everything loaded here. If the ledger
already holds a user's own unit or institution of the same name, that record is
used instead of creating a duplicate (names are unique) and is never removed.
Phone numbers are obviously fake (138 0000 xxxx); e-mails use example.edu.cn.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from desktop_app.records import ledger_info, service
from desktop_app.records.specs import (
    ACHIEVEMENT_SPEC,
    ACTIVITY_SPEC,
    AGREEMENT_SPEC,
    ASSESSMENT_SPEC,
    BASE_SPEC,
    FK,
    INSTITUTION_SPEC,
    LEDGER_REPORT_SPEC,
    LINKS,
    MEETING_SPEC,
    PROJECT_SPEC,
    TALENT_SPEC,
    TASK_SPEC,
    UNIT_SPEC,
    RecordSpec,
)
from desktop_app.store.db import write_transaction

# ---------------------------------------------------------------- the data

ORG = "县委组织部（人才办）"
SAMPLE_ORGANISATION = "中共阳高县委组织部"
NDRC = "县发展和改革局"
AGRI = "县农业农村局"
EDU = "县教育科技局"
TOUR = "县文化和旅游局"
LAND = "县自然资源局"
HR = "县人力资源和社会保障局"
DAQUANSHAN = "大泉山景区管理中心"

FLYING_TRAIN = "高速飞车试验线项目"
TOMATO_RD = "“阳高红”西红柿科技研发项目"
TOMATO_INSTITUTE = "番茄产业研究院共建项目"
RED_TOUR = "大泉山红色研学旅游线路开发"

RED_BASE = "大泉山生态治理红色教育和国情教育基地"
LAB_BASE = "高速飞车试验线联合重点实验室"
TOMATO_BASE = "“阳高红”西红柿科技研发基地"

FIVE_AREAS = ["产业发展", "乡村振兴", "生态保护", "文旅融合", "教育培训"]

# (name, kind, contact person, phone)
UNITS: list[tuple[str, str, str, str]] = [
    (ORG, "党政部门", "王主任", "13800000101"),
    (NDRC, "党政部门", "李科长", "13800000102"),
    (AGRI, "党政部门", "赵站长", "13800000103"),
    (EDU, "党政部门", "孙股长", "13800000104"),
    (TOUR, "党政部门", "周股长", "13800000105"),
    (LAND, "党政部门", "吴科长", "13800000106"),
    (HR, "党政部门", "郑股长", "13800000107"),
    ("龙泉镇", "乡镇", "冯委员", "13800000108"),
    ("罗文皂镇", "乡镇", "陈委员", "13800000109"),
    ("王官屯镇", "乡镇", "褚委员", "13800000110"),
    (DAQUANSHAN, "企事业单位", "卫主任", "13800000111"),
]

_OUT, _IN = "省外", "省内"

INSTITUTIONS: list[dict[str, Any]] = [
    # ---- 省外 (16)
    {
        "name": "中国农业大学",
        "short_name": "中国农大",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "深度合作",
        "first_contact": "2023-03-01",
        "contact_person": "张老师",
        "phone": "13800000201",
        "email": "zhang@example.edu.cn",
        "unit": AGRI,
        "notes": "“筑巢引凤·聚才兴同”人才宣介会举办高校；柔性引进高灵旺教授，推广设施蔬菜绿色防控技术。",
    },
    {
        "name": "清华大学",
        "short_name": "清华",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-05-10",
        "contact_person": "刘老师",
        "phone": "13800000202",
        "email": "liu@example.edu.cn",
        "unit": ORG,
        "notes": "对接单位：清华大学继续教育学院。共建乡村振兴远程教学站（大同市首家授牌县区）和乡村振兴研究生服务站。",
    },
    {
        "name": "中央财经大学",
        "short_name": "中央财大",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-05-12",
        "contact_person": "陈老师",
        "phone": "13800000203",
        "unit": ORG,
        "notes": "党政正职访名校；签订智库合作基地共建协议。",
    },
    {
        "name": "北京航空航天大学",
        "short_name": "北航",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-05-15",
        "contact_person": "杨老师",
        "phone": "13800000204",
        "unit": HR,
        "notes": "党政正职访名校；签订大学生实习实训基地共建协议。",
    },
    {
        "name": "中国航天科工集团第三研究院",
        "short_name": "航天三院",
        "kind": "科研院所",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "深度合作",
        "first_contact": "2023-01-10",
        "contact_person": "黄工",
        "phone": "13800000205",
        "unit": NDRC,
        "notes": "与中北大学共同实施高速飞车试验线项目，共建重点实验室。",
    },
    {
        "name": "中国人民大学",
        "short_name": "人大",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-05-18",
        "contact_person": "吴老师",
        "phone": "13800000206",
        "unit": ORG,
        "notes": "参与智库合作基地，开展县域经济课题研究。",
    },
    {
        "name": "北京林业大学",
        "short_name": "北林",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-04-06",
        "contact_person": "郑老师",
        "phone": "13800000207",
        "unit": DAQUANSHAN,
        "notes": "大泉山生态治理经验研究；组织师生参观学习。",
    },
    {
        "name": "北京理工大学",
        "short_name": "北理工",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-03-20",
        "contact_person": "王老师",
        "phone": "13800000208",
        "unit": NDRC,
        "notes": "参与高速飞车联合重点实验室控制系统研究。",
    },
    {
        "name": "中国农业科学院蔬菜花卉研究所",
        "short_name": "中国农科院蔬菜所",
        "kind": "科研院所",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-04-12",
        "contact_person": "冯老师",
        "phone": "13800000209",
        "unit": AGRI,
        "notes": "番茄品种选育与设施栽培技术支持。",
    },
    {
        "name": "天津大学",
        "short_name": "天大",
        "kind": "高校",
        "location_class": _OUT,
        "province": "天津",
        "city": "天津",
        "stage": "已签约",
        "first_contact": "2023-04-20",
        "contact_person": "何老师",
        "phone": "13800000210",
        "unit": EDU,
        "notes": "产学研合作；农产品进校园直供。",
    },
    {
        "name": "河北农业大学",
        "short_name": "河北农大",
        "kind": "高校",
        "location_class": _OUT,
        "province": "河北",
        "city": "保定",
        "stage": "已签约",
        "first_contact": "2023-05-22",
        "contact_person": "许老师",
        "phone": "13800000211",
        "unit": AGRI,
        "notes": "选派研究生入驻乡村振兴研究生服务站。",
    },
    {
        "name": "内蒙古农业大学",
        "short_name": "内蒙古农大",
        "kind": "高校",
        "location_class": _OUT,
        "province": "内蒙古",
        "city": "呼和浩特",
        "stage": "已签约",
        "first_contact": "2023-06-01",
        "contact_person": "吕老师",
        "phone": "13800000212",
        "unit": AGRI,
        "notes": "畜牧、杂粮方向研究生服务乡村振兴。",
    },
    {
        "name": "西北农林科技大学",
        "short_name": "西农",
        "kind": "高校",
        "location_class": _OUT,
        "province": "陕西",
        "city": "咸阳",
        "stage": "已签约",
        "first_contact": "2023-06-12",
        "contact_person": "施老师",
        "phone": "13800000213",
        "unit": AGRI,
        "notes": "旱作农业、杏果产业技术服务。",
    },
    {
        "name": "北京交通大学",
        "short_name": "北交大",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-06-15",
        "contact_person": "孔老师",
        "phone": "13800000214",
        "unit": AGRI,
        "notes": "高校食堂农产品直供直销合作。",
    },
    {
        "name": "中国矿业大学（北京）",
        "short_name": "矿大（北京）",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-06-19",
        "contact_person": "曹老师",
        "phone": "13800000215",
        "unit": AGRI,
        "notes": "高校食堂农产品直供直销合作。",
    },
    {
        "name": "北京第二外国语学院",
        "short_name": "北二外",
        "kind": "高校",
        "location_class": _OUT,
        "province": "北京",
        "city": "北京",
        "stage": "已签约",
        "first_contact": "2023-07-03",
        "contact_person": "严老师",
        "phone": "13800000216",
        "unit": TOUR,
        "notes": "文旅人才培养；大泉山红色研学线路策划。",
    },
    # ---- 省内 (9)
    {
        "name": "中北大学",
        "short_name": "中北",
        "kind": "高校",
        "location_class": _IN,
        "province": "山西",
        "city": "太原",
        "stage": "深度合作",
        "first_contact": "2023-01-10",
        "contact_person": "华老师",
        "phone": "13800000217",
        "email": "hua@example.edu.cn",
        "unit": NDRC,
        "notes": "签订全方位战略合作协议；与航天三院实施高速飞车试验线项目，共建重点实验室。",
    },
    {
        "name": "山西大同大学",
        "short_name": "大同大学",
        "kind": "高校",
        "location_class": _IN,
        "province": "山西",
        "city": "大同",
        "stage": "深度合作",
        "first_contact": "2023-02-16",
        "contact_person": "金老师",
        "phone": "13800000218",
        "unit": ORG,
        "notes": "签订全方位战略合作协议；实习实训、人才培养、红色教育合作。",
    },
    {
        "name": "山西财经大学",
        "short_name": "山西财大",
        "kind": "高校",
        "location_class": _IN,
        "province": "山西",
        "city": "太原",
        "stage": "深度合作",
        "first_contact": "2023-03-02",
        "contact_person": "魏老师",
        "phone": "13800000219",
        "unit": ORG,
        "notes": "签订全方位战略合作协议；智库合作。",
    },
    {
        "name": "山西农业大学",
        "short_name": "山西农大",
        "kind": "高校",
        "location_class": _IN,
        "province": "山西",
        "city": "晋中",
        "stage": "深度合作",
        "first_contact": "2023-02-22",
        "contact_person": "陶老师",
        "phone": "13800000220",
        "unit": AGRI,
        "notes": "柔性引进李灵芝教授；共建番茄产业研究院和“阳高红”西红柿科技研发基地。",
    },
    {
        "name": "太原理工大学",
        "short_name": "太原理工",
        "kind": "高校",
        "location_class": _IN,
        "province": "山西",
        "city": "太原",
        "stage": "已签约",
        "first_contact": "2023-03-14",
        "contact_person": "姜老师",
        "phone": "13800000221",
        "unit": EDU,
        "notes": "产学研合作；农产品进校园直供。",
    },
    {
        "name": "山西大学",
        "short_name": "山大",
        "kind": "高校",
        "location_class": _IN,
        "province": "山西",
        "city": "太原",
        "stage": "已签约",
        "first_contact": "2023-03-28",
        "contact_person": "戚老师",
        "phone": "13800000222",
        "unit": ORG,
        "notes": "组织师生参观学习；农产品进校园直供。",
    },
    {
        "name": "山西师范大学",
        "short_name": "山西师大",
        "kind": "高校",
        "location_class": _IN,
        "province": "山西",
        "city": "太原",
        "stage": "已签约",
        "first_contact": "2023-04-18",
        "contact_person": "谢老师",
        "phone": "13800000223",
        "unit": EDU,
        "notes": "师范生实习与教师培训；组织师生参观学习。",
    },
    {
        "name": "太原科技大学",
        "short_name": "太原科大",
        "kind": "高校",
        "location_class": _IN,
        "province": "山西",
        "city": "太原",
        "stage": "已签约",
        "first_contact": "2023-05-08",
        "contact_person": "邹老师",
        "phone": "13800000224",
        "unit": EDU,
        "notes": "机械装备方向产学研合作；接收实习学生。",
    },
    {
        "name": "山西医科大学",
        "short_name": "山西医大",
        "kind": "高校",
        "location_class": _IN,
        "province": "山西",
        "city": "太原",
        "stage": "已签约",
        "first_contact": "2023-06-05",
        "contact_person": "喻老师",
        "phone": "13800000225",
        "unit": AGRI,
        "notes": "高校食堂农产品直供直销合作。",
    },
]

_STRATEGIC = {
    "type": "全方位战略合作协议",
    "signed_date": "2023-05-26",
    "term_start": "2023-05-26",
    "term_end": "2028-05-25",
    "areas": FIVE_AREAS,
    "status": "履行中",
    "unit": ORG,
    "notes": "本着“优势互补、共谋发展、互惠互利、实现双赢”的原则签订。",
}

AGREEMENTS: list[dict[str, Any]] = [
    {
        **_STRATEGIC,
        "title": "阳高县人民政府—中北大学全方位战略合作协议",
        "institutions": ["中北大学"],
    },
    {
        **_STRATEGIC,
        "title": "阳高县人民政府—山西大同大学全方位战略合作协议",
        "institutions": ["山西大同大学"],
    },
    {
        **_STRATEGIC,
        "title": "阳高县人民政府—山西财经大学全方位战略合作协议",
        "institutions": ["山西财经大学"],
    },
    {
        "title": "高速飞车试验线项目合作协议",
        "type": "项目合作协议",
        "institutions": ["中北大学", "航天三院"],
        "signed_date": "2023-02-28",
        "term_start": "2023-02-28",
        "term_end": "2026-12-31",
        "areas": ["产业发展", "科技创新"],
        "status": "履行中",
        "unit": NDRC,
        "notes": "县里负责土地征收、房屋拆迁、项目用地手续办理等保障工作。",
    },
    {
        "title": "设施蔬菜专家柔性引进合作协议",
        "type": "人才合作协议",
        "institutions": ["中国农业大学", "山西农业大学"],
        "signed_date": "2023-04-20",
        "term_start": "2023-04-20",
        "term_end": "2025-04-19",
        "areas": ["产业发展", "乡村振兴", "科技创新"],
        "status": "履行中",
        "unit": AGRI,
        "notes": "柔性引进高灵旺教授、李灵芝教授，指导设施蔬菜发展和绿色防控技术推广。",
    },
    {
        "title": "清华大学乡村振兴远程教学站共建协议",
        "type": "基地共建协议",
        "institutions": ["清华大学"],
        "signed_date": "2023-06-07",
        "term_start": "2023-06-07",
        "term_end": "2026-06-06",
        "areas": ["乡村振兴", "教育培训"],
        "status": "履行中",
        "unit": EDU,
        "notes": "高校为全县各领域人才持续开展专题培训。",
    },
    {
        "title": "乡村振兴研究生服务站共建协议",
        "type": "基地共建协议",
        "institutions": ["清华大学"],
        "signed_date": "2023-06-07",
        "term_start": "2023-06-07",
        "term_end": "2026-06-06",
        "areas": ["乡村振兴", "教育培训"],
        "status": "履行中",
        "unit": AGRI,
        "notes": "",
    },
    {
        "title": "智库合作基地共建协议",
        "type": "基地共建协议",
        "institutions": ["中央财经大学"],
        "signed_date": "2023-06-08",
        "term_start": "2023-06-08",
        "term_end": "2026-06-07",
        "areas": ["产业发展", "文旅融合"],
        "status": "履行中",
        "unit": ORG,
        "notes": "",
    },
    {
        "title": "大学生实习实训基地共建协议",
        "type": "基地共建协议",
        "institutions": ["北京航空航天大学"],
        "signed_date": "2023-06-09",
        "term_start": "2023-06-09",
        "term_end": "2026-06-08",
        "areas": ["教育培训"],
        "status": "履行中",
        "unit": HR,
        "notes": "",
    },
    {
        "title": "番茄产业研究院共建协议",
        "type": "基地共建协议",
        "institutions": ["山西农业大学"],
        "signed_date": "2023-06-28",
        "term_start": "2023-06-28",
        "term_end": "2028-06-27",
        "areas": ["产业发展", "乡村振兴", "科技创新"],
        "status": "履行中",
        "unit": AGRI,
        "notes": "以县校合作带动产教融合，推动农业产业项目升级。",
    },
]

# Eleven bases of eleven types; together they link all 25 institutions.
BASES: list[dict[str, Any]] = [
    {
        "name": "阳高县农产品直供直销基地",
        "type": "农产品直供直销基地",
        "institutions": [
            "中国农业大学",
            "北京交通大学",
            "中国矿业大学（北京）",
            "天津大学",
            "太原理工大学",
            "山西大学",
            "山西医科大学",
        ],
        "unit": AGRI,
        "place": "王官屯镇",
        "established_date": "2023-07-06",
        "status": "运行中",
        "notes": "向高校食堂直供“阳高红”西红柿、杏脯、小米等农产品。",
    },
    {
        "name": RED_BASE,
        "type": "红色教育和国情教育基地",
        "institutions": [
            "山西大同大学",
            "中北大学",
            "山西财经大学",
            "山西师范大学",
            "北京林业大学",
            "山西大学",
            "山西农业大学",
        ],
        "unit": DAQUANSHAN,
        "place": "大泉山",
        "established_date": "2023-04-15",
        "plaque_date": "2023-04-15",
        "status": "已授牌",
        "notes": "依托大泉山生态治理红色资源建立，今年累计1800余名师生参观学习，接受思想政治教育。",
    },
    {
        "name": "阳高县大学生实习实训基地",
        "type": "大学生实习实训基地",
        "institutions": ["北京航空航天大学", "山西大同大学", "太原科技大学"],
        "agreement": "大学生实习实训基地共建协议",
        "unit": HR,
        "place": "县城",
        "established_date": "2023-06-09",
        "status": "运行中",
        "notes": "",
    },
    {
        "name": "阳高县省校合作智库合作基地",
        "type": "智库合作基地",
        "institutions": ["中央财经大学", "山西财经大学", "中国人民大学"],
        "agreement": "智库合作基地共建协议",
        "unit": ORG,
        "place": "县委组织部",
        "established_date": "2023-06-08",
        "status": "运行中",
        "notes": "",
    },
    {
        "name": "阳高县乡村振兴研究生服务站",
        "type": "乡村振兴研究生服务站",
        "institutions": ["清华大学", "河北农业大学", "内蒙古农业大学", "西北农林科技大学"],
        "agreement": "乡村振兴研究生服务站共建协议",
        "unit": AGRI,
        "place": "罗文皂镇",
        "established_date": "2023-07-10",
        "status": "运行中",
        "notes": "",
    },
    {
        "name": "清华大学乡村振兴远程教学站（阳高县）",
        "type": "乡村振兴远程教学站",
        "institutions": ["清华大学"],
        "agreement": "清华大学乡村振兴远程教学站共建协议",
        "unit": EDU,
        "place": "县委党校",
        "established_date": "2023-06-07",
        "plaque_date": "2023-06-07",
        "status": "已授牌",
        "notes": "阳高县成为大同市首家获得授牌的县区。",
    },
    {
        "name": TOMATO_BASE,
        "type": "科技研发基地",
        "institutions": ["中国农业大学", "山西农业大学", "中国农科院蔬菜所"],
        "agreement": "设施蔬菜专家柔性引进合作协议",
        "unit": AGRI,
        "place": "王官屯镇设施蔬菜园区",
        "established_date": "2023-05-20",
        "status": "运行中",
        "notes": "高灵旺教授、李灵芝教授领衔，发展设施蔬菜，推广绿色防控技术。",
    },
    {
        "name": LAB_BASE,
        "type": "重点实验室",
        "institutions": ["中北大学", "航天三院", "北京理工大学"],
        "agreement": "高速飞车试验线项目合作协议",
        "unit": NDRC,
        "place": "高速飞车试验线",
        "established_date": "2023-05-30",
        "status": "运行中",
        "notes": "开展产学研合作研究，承接科研成果转化和人才培养。",
    },
    {
        "name": "阳高县番茄产业研究院",
        "type": "产业研究院",
        "institutions": ["山西农业大学"],
        "agreement": "番茄产业研究院共建协议",
        "unit": AGRI,
        "place": "县城",
        "established_date": "2023-06-28",
        "status": "已建成",
        "notes": "揭牌仪式筹备中。",
    },
    {
        "name": "阳高县产学研合作基地",
        "type": "产学研合作基地",
        "institutions": ["太原理工大学", "天津大学", "太原科技大学", "中北大学"],
        "unit": EDU,
        "place": "县城",
        "established_date": "2023-07-20",
        "status": "运行中",
        "notes": "",
    },
    {
        "name": "阳高县文旅人才培养基地",
        "type": "人才培养基地",
        "institutions": ["北京第二外国语学院", "山西大同大学", "山西师范大学"],
        "unit": TOUR,
        "place": "县文化和旅游局",
        "established_date": "2023-08-08",
        "status": "已建成",
        "notes": "全县“12大基地”建设计划中的第11个基地；第12个（专家工作站）正在谋划。",
    },
]

PROJECTS: list[dict[str, Any]] = [
    {
        "name": FLYING_TRAIN,
        "chain": "新型项目",
        "institutions": ["中北大学", "航天三院"],
        "unit": NDRC,
        "start_date": "2023-02-28",
        "stage": "推进中",
        "support_items": ["土地征收", "房屋拆迁", "用地手续"],
        "milestones": [
            ("2023-02-28", "签订项目合作协议，项目启动"),
            ("2023-03-06", "成立项目服务专班，专人对接中北大学、航天三院"),
            ("2023-04-25", "完成项目用地土地征收"),
            ("2023-05-30", "完成沿线房屋拆迁；联合重点实验室投入运行"),
            ("2023-06-28", "项目用地手续办理完毕"),
            ("2023-08-28", "飞车“首航”成功"),
        ],
        "notes": "截至目前已有30名博士、70余名硕士相继来阳开展研究；承接京津冀协同发展人才溢出效应。",
    },
    {
        "name": TOMATO_RD,
        "chain": "特色农业",
        "institutions": ["中国农业大学", "山西农业大学"],
        "unit": AGRI,
        "start_date": "2023-04-20",
        "stage": "推进中",
        "support_items": ["资金保障"],
        "milestones": [
            ("2023-04-20", "签订设施蔬菜专家柔性引进合作协议"),
            ("2023-05-20", "建立“阳高红”西红柿科技研发基地"),
            ("2023-07-20", "设施番茄绿色防控技术示范推广"),
            ("2023-08-18", "召开“阳高红”西红柿产业发展论坛"),
        ],
        "notes": "发展设施蔬菜，推广绿色防控技术，提高乡土农产品影响力和竞争力。",
    },
    {
        "name": TOMATO_INSTITUTE,
        "chain": "特色农业",
        "institutions": ["山西农业大学"],
        "unit": AGRI,
        "start_date": "2023-06-28",
        "stage": "推进中",
        "support_items": ["资金保障", "政策协调"],
        "milestones": [
            ("2023-06-28", "签订番茄产业研究院共建协议"),
            ("2023-08-25", "发布“阳高红”番茄设施栽培技术规程"),
        ],
        "notes": "以县校合作带动产教融合，助力农业增效、农民增收。",
    },
    {
        "name": RED_TOUR,
        "chain": "文旅康养",
        "institutions": ["北京第二外国语学院", "山西大同大学"],
        "unit": TOUR,
        "start_date": "2023-08-08",
        "stage": "谋划",
        "support_items": ["资金保障"],
        "milestones": [("2023-08-08", "与北京第二外国语学院商定线路策划方案")],
        "notes": "",
    },
]

PROFESSORS: list[dict[str, Any]] = [
    {
        "name": "高灵旺",
        "gender": "男",
        "institution": "中国农业大学",
        "degree": "博士",
        "title": "教授",
        "field": "植物保护（设施蔬菜绿色防控）",
        "mode": "柔性引进",
        "project": TOMATO_RD,
        "base": TOMATO_BASE,
        "unit": AGRI,
        "start_date": "2023-04-20",
        "end_date": "2025-04-19",
        "notes": "柔性引进高端人才，推广绿色防控技术。",
    },
    {
        "name": "李灵芝",
        "gender": "女",
        "institution": "山西农业大学",
        "degree": "博士",
        "title": "教授",
        "field": "蔬菜学（设施番茄栽培）",
        "mode": "柔性引进",
        "project": TOMATO_RD,
        "base": TOMATO_BASE,
        "unit": AGRI,
        "start_date": "2023-04-20",
        "end_date": "2025-04-19",
        "notes": "柔性引进高端人才，指导“阳高红”西红柿科技研发。",
    },
]

# Researchers on the flying-train project: names are drawn from these lists in a
# fixed order, so every load gives the same roster.
RESEARCHER_COUNTS = {"博士": 30, "硕士": 72}
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱郭何马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
# (given name, gender)
GIVEN_NAMES: list[tuple[str, str]] = [
    ("浩然", "男"),
    ("雨桐", "女"),
    ("志强", "男"),
    ("建华", "男"),
    ("思琪", "女"),
    ("俊杰", "男"),
    ("晓东", "男"),
    ("佳怡", "女"),
    ("文博", "男"),
    ("振宇", "男"),
    ("晓雪", "女"),
    ("明哲", "男"),
    ("鹏飞", "男"),
    ("欣悦", "女"),
    ("海涛", "男"),
    ("立新", "男"),
    ("梦瑶", "女"),
    ("思远", "男"),
    ("嘉诚", "男"),
    ("静怡", "女"),
    ("一鸣", "男"),
    ("宇航", "男"),
    ("诗涵", "女"),
    ("晨阳", "男"),
    ("子健", "男"),
    ("雅婷", "女"),
    ("伟", "男"),
    ("磊", "男"),
    ("婧", "女"),
    ("涛", "男"),
    ("国栋", "男"),
]
RESEARCH_FIELDS = [
    "磁悬浮与直线驱动",
    "低真空管道技术",
    "车辆动力学",
    "电力电子与电能变换",
    "控制科学与工程",
    "结构工程",
    "通信与信号",
    "材料科学与工程",
    "机械设计及理论",
    "测控技术与仪器",
]
RESEARCH_INSTITUTIONS = ["中北大学", "中北大学", "航天三院"]
DOCTOR_TITLES = {
    "中北大学": ["副教授", "讲师", "教授", "讲师", "副教授"],
    "航天三院": ["研究员", "高级工程师", "副研究员", "工程师"],
}

# Activities of 2023 (participants of the 参观学习 visits sum to 1,826).
_RED_VISIT = {
    "type": "参观学习",
    "leader": "",
    "place": "大泉山红色教育和国情教育基地",
    "outcome": "重温大泉山生态治理历史，接受思想政治教育。",
    "unit": DAQUANSHAN,
}
RED_VISITS: list[tuple[str, str, int]] = [
    ("2023-04-22", "山西大同大学", 420),
    ("2023-05-13", "中北大学", 286),
    ("2023-05-27", "山西财经大学", 198),
    ("2023-06-17", "山西师范大学", 236),
    ("2023-07-08", "北京林业大学", 146),
    ("2023-07-22", "山西大学", 312),
    ("2023-08-12", "山西农业大学", 228),
]

_LEADER_VISIT = {
    "type": "党政正职访名校",
    "leader": "县长",
    "participants": 8,
    "unit": ORG,
}

ACTIVITIES: list[dict[str, Any]] = [
    {
        "date": "2023-02-14",
        "type": "考察调研",
        "title": "中北大学、航天三院专家来阳考察高速飞车试验线选址",
        "institutions": ["中北大学", "航天三院"],
        "leader": "分管副县长",
        "place": "阳高县",
        "participants": 12,
        "outcome": "初步确定试验线选址，商定项目合作框架。",
        "unit": NDRC,
    },
    {
        "date": "2023-03-23",
        "type": "人才宣介会",
        "title": "“筑巢引凤·聚才兴同”人才宣介会",
        "institutions": ["中国农业大学"],
        "leader": "县委常委、组织部部长",
        "place": "北京·中国农业大学",
        "participants": 150,
        "outcome": "详细介绍了阳高的历史文化、区位优势、文旅康养、农业优势、工业基础等情况。",
        "outcome_figures": "达成初步意向2人",
        "unit": ORG,
    },
    {
        "date": "2023-04-11",
        "type": "座谈会",
        "title": "与山西农业大学共建番茄产业研究院座谈会",
        "institutions": ["山西农业大学"],
        "leader": "分管副县长",
        "place": "山西农业大学",
        "participants": 25,
        "outcome": "商定共建番茄产业研究院和柔性引进专家事宜。",
        "unit": AGRI,
    },
    {
        "date": "2023-05-26",
        "type": "签约仪式",
        "title": "阳高县与中北大学、山西大同大学、山西财经大学全方位战略合作协议签约仪式",
        "institutions": ["中北大学", "山西大同大学", "山西财经大学"],
        "leader": "县委书记",
        "place": "县委会议室",
        "participants": 80,
        "outcome": "在产业发展、乡村振兴、生态保护、文旅融合、教育培训等方面开展广泛合作。",
        "outcome_figures": "签订全方位战略合作协议3份",
        "unit": ORG,
    },
    {
        **_LEADER_VISIT,
        "date": "2023-06-07",
        "title": "县长带队赴清华大学继续教育学院开展“党政正职访名校”活动",
        "institutions": ["清华大学"],
        "place": "北京·清华大学继续教育学院",
        "outcome": "商定共建乡村振兴远程教学站和乡村振兴研究生服务站。",
        "outcome_figures": "签订协议2份",
    },
    {
        "date": "2023-06-07",
        "type": "签约仪式",
        "title": "清华大学乡村振兴远程教学站签约仪式",
        "institutions": ["清华大学"],
        "leader": "县长",
        "place": "北京·清华大学继续教育学院",
        "participants": 20,
        "outcome": "签订乡村振兴远程教学站、乡村振兴研究生服务站共建协议。",
        "unit": ORG,
    },
    {
        "date": "2023-06-07",
        "type": "授牌仪式",
        "title": "清华大学乡村振兴远程教学站授牌仪式",
        "institutions": ["清华大学"],
        "leader": "县长",
        "place": "北京·清华大学继续教育学院",
        "participants": 20,
        "outcome": "阳高县成为大同市首家获得授牌的县区。",
        "outcome_figures": "授牌1块",
        "unit": ORG,
    },
    {
        **_LEADER_VISIT,
        "date": "2023-06-08",
        "title": "县长带队赴中央财经大学开展“党政正职访名校”活动",
        "institutions": ["中央财经大学"],
        "place": "北京·中央财经大学",
        "outcome": "签订智库合作基地共建协议，邀请师生来阳开展合作交流。",
        "outcome_figures": "签订协议1份",
    },
    {
        **_LEADER_VISIT,
        "date": "2023-06-09",
        "title": "县长带队赴北京航空航天大学开展“党政正职访名校”活动",
        "institutions": ["北京航空航天大学"],
        "place": "北京·北京航空航天大学",
        "outcome": "签订大学生实习实训基地共建协议。",
        "outcome_figures": "签订协议1份",
    },
    {
        "date": "2023-07-14",
        "type": "培训",
        "title": "乡村振兴远程教学站首期专题培训",
        "institutions": ["清华大学"],
        "leader": "",
        "place": "县委党校",
        "participants": 160,
        "outcome": "通过远程教学站为全县乡村振兴干部开展专题培训。",
        "unit": EDU,
    },
    {
        "date": "2023-08-18",
        "type": "论坛",
        "title": "“阳高红”西红柿产业发展论坛",
        "institutions": ["中国农业大学", "山西农业大学", "中国农科院蔬菜所"],
        "leader": "县长",
        "place": "阳高县",
        "participants": 200,
        "outcome": "提高了乡土农产品影响力和竞争力。",
        "unit": AGRI,
    },
] + [
    {
        **_RED_VISIT,
        "date": date,
        "title": f"{name}师生赴大泉山红色教育和国情教育基地参观学习",
        "institutions": [name],
        "participants": count,
    }
    for date, name, count in RED_VISITS
]

ACHIEVEMENTS: list[dict[str, Any]] = [
    {
        "title": "设施番茄病虫害绿色防控技术推广",
        "type": "技术推广",
        "institution": "中国农业大学",
        "project": TOMATO_RD,
        "unit": AGRI,
        "date": "2023-07-20",
        "benefit": "示范推广设施番茄3000亩",
        "description": "高灵旺教授团队指导，推广绿色防控技术，减少化学农药使用。",
    },
    {
        "title": "高速飞车试验线实现“首航”",
        "type": "科研成果",
        "institution": "航天三院",
        "project": FLYING_TRAIN,
        "unit": NDRC,
        "date": "2023-08-28",
        "benefit": "科研成果在阳转化",
        "description": "与中北大学和航天三院在科研成果转化和人才培养方面持续走深走实。",
    },
    {
        "title": "《阳高县文旅融合发展研究》智库报告",
        "type": "智库报告",
        "institution": "山西财经大学",
        "unit": TOUR,
        "date": "2023-08-15",
        "benefit": "为县委县政府决策提供参考",
        "description": "依托智库合作基地完成。",
    },
    {
        "title": "“阳高红”番茄设施栽培技术规程",
        "type": "标准",
        "institution": "山西农业大学",
        "project": TOMATO_INSTITUTE,
        "unit": AGRI,
        "date": "2023-08-25",
        "benefit": "统一生产标准，提升品牌品质",
        "description": "番茄产业研究院首项成果。",
    },
]

_ATTENDING_ALL = [
    ORG,
    NDRC,
    AGRI,
    EDU,
    TOUR,
    LAND,
    HR,
    "龙泉镇",
    "罗文皂镇",
    "王官屯镇",
    DAQUANSHAN,
]

MEETINGS: list[dict[str, Any]] = [
    {
        "date": "2023-03-06",
        "type": "专班会议",
        "title": "高速飞车试验线项目服务专班第一次会议",
        "place": "县政府第二会议室",
        "unit": NDRC,
        "attendees": [NDRC, LAND, "龙泉镇", ORG],
        "topics": "研究试验线项目土地征收、房屋拆迁、用地手续办理等保障工作。",
        "decisions": "成立工作专班，专人对接中北大学、航天三院；明确各项保障工作完成时限。",
    },
    {
        "date": "2023-03-08",
        "type": "联席会议",
        "title": "2023年第一季度省校合作暨人才工作联席会议",
        "place": "县委第一会议室",
        "unit": ORG,
        "attendees": _ATTENDING_ALL,
        "topics": "部署全年省校合作工作；通报台账报送制度。",
        "decisions": "各单位每季度结束后10日内报送工作台账；制定与战略合作高校年度任务清单。",
    },
    {
        "date": "2023-06-20",
        "type": "研判会",
        "title": "上半年省校合作工作研判会",
        "place": "县委第一会议室",
        "unit": ORG,
        "attendees": [ORG, NDRC, AGRI, EDU, TOUR],
        "topics": "研判上半年对接成效，分析远程教学站、番茄产业研究院建设进展。",
        "decisions": "7月底前开展远程教学站首期专题培训；加快番茄产业研究院揭牌筹备。",
    },
    {
        "date": "2023-07-12",
        "type": "联席会议",
        "title": "2023年第二季度省校合作暨人才工作联席会议",
        "place": "县委第一会议室",
        "unit": ORG,
        "attendees": _ATTENDING_ALL,
        "topics": "通报第二季度台账报送情况；研究来阳科研人员服务保障。",
        "decisions": "8月底前建成科研人员周转公寓；加强大泉山红色教育基地讲解员队伍建设。",
    },
]

TASKS: list[dict[str, Any]] = [
    {
        "title": "完成试验线项目用地土地征收",
        "meeting": "高速飞车试验线项目服务专班第一次会议",
        "project": FLYING_TRAIN,
        "unit": LAND,
        "owner": "吴科长",
        "deadline": "2023-04-30",
        "status": "已办结",
        "progress": [
            ("2023-03-15", "完成地上附着物清点登记"),
            ("2023-04-25", "征收补偿款全部兑付，土地征收完成"),
        ],
    },
    {
        "title": "完成试验线沿线房屋拆迁",
        "meeting": "高速飞车试验线项目服务专班第一次会议",
        "project": FLYING_TRAIN,
        "unit": "龙泉镇",
        "owner": "冯委员",
        "deadline": "2023-05-31",
        "status": "已办结",
        "progress": [
            ("2023-04-10", "入户签订拆迁补偿协议"),
            ("2023-05-30", "沿线房屋全部拆除"),
        ],
    },
    {
        "title": "办理试验线项目用地手续",
        "meeting": "高速飞车试验线项目服务专班第一次会议",
        "project": FLYING_TRAIN,
        "unit": LAND,
        "owner": "吴科长",
        "deadline": "2023-06-30",
        "status": "已办结",
        "progress": [
            ("2023-05-12", "用地报批材料上报"),
            ("2023-06-28", "取得用地批复"),
        ],
    },
    {
        "title": "制定与战略合作高校年度任务清单",
        "meeting": "2023年第一季度省校合作暨人才工作联席会议",
        "agreement": "阳高县人民政府—中北大学全方位战略合作协议",
        "unit": ORG,
        "owner": "王主任",
        "deadline": "2023-06-30",
        "status": "已办结",
        "progress": [("2023-06-15", "与三所高校分别确定年度合作任务清单")],
    },
    {
        "title": "开展乡村振兴远程教学站首期专题培训",
        "meeting": "上半年省校合作工作研判会",
        "agreement": "清华大学乡村振兴远程教学站共建协议",
        "unit": EDU,
        "owner": "孙股长",
        "deadline": "2023-07-31",
        "status": "已办结",
        "progress": [("2023-07-14", "首期专题培训举办，160人参训")],
    },
    {
        "title": "番茄产业研究院揭牌筹备",
        "meeting": "上半年省校合作工作研判会",
        "project": TOMATO_INSTITUTE,
        "agreement": "番茄产业研究院共建协议",
        "unit": AGRI,
        "owner": "赵站长",
        "deadline": "2023-07-31",
        "status": "推进中",
        "progress": [
            ("2023-07-05", "研究院办公场地完成装修"),
            ("2023-08-20", "与山西农业大学商定揭牌时间"),
        ],
    },
    {
        "title": "建成来阳科研人员周转公寓",
        "meeting": "2023年第二季度省校合作暨人才工作联席会议",
        "project": FLYING_TRAIN,
        "unit": NDRC,
        "owner": "李科长",
        "deadline": "2023-08-31",
        "status": "推进中",
        "progress": [("2023-08-01", "完成房源筛选，正在配置家具家电")],
    },
    {
        "title": "加强大泉山红色教育基地讲解员队伍建设",
        "meeting": "2023年第二季度省校合作暨人才工作联席会议",
        "unit": DAQUANSHAN,
        "owner": "卫主任",
        "deadline": "2023-09-30",
        "status": "推进中",
        "progress": [("2023-08-05", "招募讲解员6名，开展岗前培训")],
    },
    {
        "title": "谋划第12个基地（专家工作站）建设方案",
        "meeting": "2023年第二季度省校合作暨人才工作联席会议",
        "unit": ORG,
        "owner": "王主任",
        "deadline": "2023-12-31",
        "status": "未开始",
        "progress": [],
    },
]

# Quarterly ledger hand-ins: unit -> (status, submitted date) for Q1, Q2, Q3 of 2023.
QUARTERS: list[tuple[str, str]] = [
    ("2023年第一季度", "2023-04-10"),
    ("2023年第二季度", "2023-07-10"),
    ("2023年第三季度", "2023-10-10"),
]
_Q3_PENDING = ("未报送", None)
LEDGER_REPORTS: dict[str, list[tuple[str, str | None]]] = {
    NDRC: [("已报送", "2023-04-06"), ("已报送", "2023-07-07"), _Q3_PENDING],
    AGRI: [("已报送", "2023-04-10"), ("已报送", "2023-07-05"), _Q3_PENDING],
    EDU: [("已报送", "2023-04-07"), ("逾期", "2023-07-18"), _Q3_PENDING],
    TOUR: [("逾期", "2023-04-17"), ("已报送", "2023-07-10"), _Q3_PENDING],
    LAND: [("已报送", "2023-04-04"), ("已报送", "2023-07-06"), _Q3_PENDING],
    HR: [("已报送", "2023-04-10"), ("已报送", "2023-07-03"), _Q3_PENDING],
    "龙泉镇": [("已报送", "2023-04-09"), ("逾期", None), _Q3_PENDING],
    "罗文皂镇": [("逾期", "2023-04-20"), ("逾期", None), _Q3_PENDING],
    "王官屯镇": [("已报送", "2023-04-10"), ("已报送", "2023-07-10"), _Q3_PENDING],
    DAQUANSHAN: [("已报送", "2023-04-08"), ("已报送", "2023-07-04"), _Q3_PENDING],
}

# 2023 targets: unit -> [(indicator, target, weight)]; weights of a unit sum to 100.
ASSESSMENT_YEAR = 2023
ASSESSMENT_TARGETS: dict[str, list[tuple[str, float, float]]] = {
    NDRC: [("项目合作", 2, 40), ("人才引进", 100, 30), ("成果转化", 1, 30)],
    AGRI: [("项目合作", 3, 40), ("人才引进", 2, 30), ("成果转化", 2, 30)],
    EDU: [("项目合作", 1, 30), ("人才引进", 5, 30), ("成果转化", 1, 40)],
    TOUR: [("项目合作", 1, 40), ("人才引进", 2, 30), ("成果转化", 1, 30)],
}
# (unit, indicator) -> (actual, reason): a figure counted outside the ledger.
ASSESSMENT_OVERRIDES: dict[tuple[str, str], tuple[float, str]] = {
    (EDU, "人才引进"): (3, "远程教学站聘请授课专家3名，未录入人才库"),
}


def researchers() -> list[dict[str, Any]]:
    """The flying-train researchers (mode 来阳开展研究), generated deterministically."""
    out: list[dict[str, Any]] = []
    i = 0
    for degree, count in RESEARCHER_COUNTS.items():
        for k in range(count):
            given, gender = GIVEN_NAMES[(i * 7 + i // len(SURNAMES)) % len(GIVEN_NAMES)]
            institution = RESEARCH_INSTITUTIONS[i % len(RESEARCH_INSTITUTIONS)]
            if degree == "博士":
                titles = DOCTOR_TITLES[institution]
                title = titles[k % len(titles)]
            else:
                title = "工程师" if institution == "航天三院" and k % 4 == 0 else ""
            out.append(
                {
                    "name": SURNAMES[i % len(SURNAMES)] + given,
                    "gender": gender,
                    "institution": institution,
                    "degree": degree,
                    "title": title,
                    "field": RESEARCH_FIELDS[i % len(RESEARCH_FIELDS)],
                    "mode": "来阳开展研究",
                    "project": FLYING_TRAIN,
                    "base": LAB_BASE,
                    "unit": NDRC,
                    "start_date": f"2023-{3 + i % 6:02d}-{1 + (i * 5) % 28:02d}",
                    "notes": "参与高速飞车试验线科研攻关"
                    + ("" if degree == "博士" else "（硕士研究生）"),
                }
            )
            i += 1
    return out


# ---------------------------------------------------------------- loading


class _Loader:
    """Saves records in dependency order, turning names into ids on the way."""

    def __init__(self) -> None:
        self.ids: dict[str, dict[str, int]] = defaultdict(dict)
        self.created = 0

    def _resolve(self, spec: RecordSpec, values: dict[str, Any]) -> dict[str, Any]:
        out = dict(values)
        for f in spec.fields:
            value = out.get(f.name)
            if f.kind == FK and isinstance(value, str):
                out[f.name] = self._id(f.target, value)
            elif f.kind == LINKS and value:
                out[f.name] = [self._id(f.target, v) if isinstance(v, str) else v for v in value]
        return out

    def _id(self, spec_key: str, name: str) -> int:
        try:
            return self.ids[spec_key][name]
        except KeyError:
            raise KeyError(f"sample data refers to an unknown {spec_key} {name!r}") from None

    def add(self, spec: RecordSpec, values: dict[str, Any], *aliases: str) -> int:
        record_id = service.save(spec, self._resolve(spec, values), sample=True)
        self.created += 1
        self._remember(spec, record_id, values[spec.title_field], *aliases)
        return record_id

    def reuse_or_add(self, spec: RecordSpec, values: dict[str, Any], *aliases: str) -> int:
        """Use a user's own record of the same (unique) name, else create a sample one."""
        title = values[spec.title_field]
        existing = spec.model.get_or_none(getattr(spec.model, spec.title_field) == title)
        if existing is None:
            return self.add(spec, values, *aliases)
        self._remember(spec, existing.id, title, *aliases)
        return existing.id

    def _remember(self, spec: RecordSpec, record_id: int, *names: str) -> None:
        for name in names:
            if name:
                self.ids[spec.key].setdefault(name, record_id)

    def run(self) -> None:
        for name, kind, person, phone in UNITS:
            values = {"name": name, "kind": kind, "contact_person": person, "phone": phone}
            self.reuse_or_add(UNIT_SPEC, values)
        for values in INSTITUTIONS:
            self.reuse_or_add(INSTITUTION_SPEC, values, values.get("short_name", ""))
        for values in AGREEMENTS:
            self.add(AGREEMENT_SPEC, values)
        for values in BASES:
            self.add(BASE_SPEC, values)
        for values in PROJECTS:
            self.add(PROJECT_SPEC, values)
        for values in PROFESSORS + researchers():
            self.add(TALENT_SPEC, values)
        for values in ACTIVITIES:
            self.add(ACTIVITY_SPEC, values)
        for values in ACHIEVEMENTS:
            self.add(ACHIEVEMENT_SPEC, values)
        for values in MEETINGS:
            self.add(MEETING_SPEC, values)
        for values in TASKS:
            self.add(TASK_SPEC, values)
        for unit, hand_ins in LEDGER_REPORTS.items():
            for (period, due), (status, submitted) in zip(QUARTERS, hand_ins, strict=True):
                values = {
                    "unit": unit,
                    "period": period,
                    "due_date": due,
                    "submitted_date": submitted,
                    "status": status,
                    "notes": "逾期未报送，已电话催报" if status == "逾期" and not submitted else "",
                }
                self.add(LEDGER_REPORT_SPEC, values)
        for unit, targets in ASSESSMENT_TARGETS.items():
            for indicator, target, weight in targets:
                actual, reason = ASSESSMENT_OVERRIDES.get((unit, indicator), (None, ""))
                values = {
                    "year": ASSESSMENT_YEAR,
                    "unit": unit,
                    "indicator": indicator,
                    "target": target,
                    "weight": weight,
                    "actual_override": actual,
                    "override_reason": reason,
                }
                self.add(ASSESSMENT_SPEC, values)


def load_sample_data() -> int:
    """Fill the open ledger with the sample records; returns how many were created.

    Refuses (ValueError) while sample records are present: remove them first.
    """
    present = service.sample_count()
    if present > 0:
        raise ValueError(
            f"Sample data is already loaded ({present} records). "
            "Remove the sample data before loading it again."
        )
    loader = _Loader()
    with write_transaction():
        loader.run()
        # The report's office, printed on the sample's sheets; a ledger that
        # already names its own organisation keeps it.
        if not ledger_info.organisation():
            ledger_info.set_value(ledger_info.ORGANISATION, SAMPLE_ORGANISATION)
    return loader.created
