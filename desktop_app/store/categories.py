"""Editable category lists, seeded with the words of the Yanggao report.

Counties name things differently, so every list is editable; records store the
word itself, and renaming a word here rewrites it in the records that use it.
"""

from __future__ import annotations

import peewee as pw

from desktop_app.store import models as m

# list key -> seed words. Keys are referenced by records/specs.py.
SEEDS: dict[str, list[str]] = {
    "institution_kind": ["高校", "科研院所", "企业", "其他"],
    "location_class": ["省内", "省外"],
    "institution_stage": ["已联系", "有意向", "已签约", "深度合作"],
    "unit_kind": ["党政部门", "乡镇", "企事业单位"],
    "activity_type": [
        "人才宣介会",
        "党政正职访名校",
        "签约仪式",
        "授牌仪式",
        "论坛",
        "培训",
        "考察调研",
        "座谈会",
        "参观学习",
    ],
    "agreement_type": ["全方位战略合作协议", "基地共建协议", "项目合作协议", "人才合作协议"],
    "agreement_status": ["洽谈中", "已签约", "履行中", "已到期", "已终止"],
    "cooperation_area": ["产业发展", "乡村振兴", "生态保护", "文旅融合", "教育培训", "科技创新"],
    "base_type": [
        "农产品直供直销基地",
        "红色教育和国情教育基地",
        "大学生实习实训基地",
        "智库合作基地",
        "乡村振兴研究生服务站",
        "乡村振兴远程教学站",
        "科技研发基地",
        "重点实验室",
        "产业研究院",
        "产学研合作基地",
        "人才培养基地",
        "专家工作站",
    ],
    "base_status": ["筹建中", "已建成", "已授牌", "运行中", "已撤销"],
    "industry_chain": ["特色农业", "新型项目", "文旅康养", "先进制造", "生态环保"],
    "project_stage": ["谋划", "推进中", "建成运行", "已完成"],
    "support_item": ["土地征收", "房屋拆迁", "用地手续", "资金保障", "人才公寓", "政策协调"],
    "gender": ["男", "女"],
    "degree": ["博士", "硕士", "本科", "专科", "其他"],
    "academic_title": ["教授", "副教授", "讲师", "研究员", "副研究员", "高级工程师", "工程师"],
    "intro_mode": ["全职引进", "柔性引进", "来阳开展研究", "挂职", "顾问"],
    "achievement_type": ["技术推广", "专利转化", "新品种", "标准", "智库报告", "科研成果"],
    "meeting_type": ["联席会议", "研判会", "专班会议"],
    "task_status": ["未开始", "推进中", "已办结"],
    "ledger_status": ["未报送", "已报送", "逾期", "已退回"],
    "indicator": ["项目合作", "人才引进", "成果转化"],
}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    return text  # the store does not import Qt; lupdate reads the name


# What each list is called (the category dialog, the import's report).
LIST_LABELS = {
    "institution_kind": QT_TRANSLATE_NOOP("Lists", "Institution kinds"),
    "location_class": QT_TRANSLATE_NOOP("Lists", "Location classes"),
    "institution_stage": QT_TRANSLATE_NOOP("Lists", "Relationship stages"),
    "unit_kind": QT_TRANSLATE_NOOP("Lists", "Unit kinds"),
    "activity_type": QT_TRANSLATE_NOOP("Lists", "Activity types"),
    "agreement_type": QT_TRANSLATE_NOOP("Lists", "Agreement types"),
    "agreement_status": QT_TRANSLATE_NOOP("Lists", "Agreement statuses"),
    "cooperation_area": QT_TRANSLATE_NOOP("Lists", "Cooperation areas"),
    "base_type": QT_TRANSLATE_NOOP("Lists", "Base types"),
    "base_status": QT_TRANSLATE_NOOP("Lists", "Base statuses"),
    "industry_chain": QT_TRANSLATE_NOOP("Lists", "Industry chains"),
    "project_stage": QT_TRANSLATE_NOOP("Lists", "Project stages"),
    "support_item": QT_TRANSLATE_NOOP("Lists", "Support items"),
    "gender": QT_TRANSLATE_NOOP("Lists", "Genders"),
    "degree": QT_TRANSLATE_NOOP("Lists", "Degrees"),
    "academic_title": QT_TRANSLATE_NOOP("Lists", "Academic titles"),
    "intro_mode": QT_TRANSLATE_NOOP("Lists", "Introduction modes"),
    "achievement_type": QT_TRANSLATE_NOOP("Lists", "Achievement types"),
    "meeting_type": QT_TRANSLATE_NOOP("Lists", "Meeting types"),
    "task_status": QT_TRANSLATE_NOOP("Lists", "Task statuses"),
    "ledger_status": QT_TRANSLATE_NOOP("Lists", "Ledger report statuses"),
    "indicator": QT_TRANSLATE_NOOP("Lists", "Assessment indicators"),
}


# Words the program's own logic relies on (overdue tasks, counted indicators).
TASK_DONE = "已办结"
LEDGER_SUBMITTED = "已报送"
LEDGER_PENDING = "未报送"
LEDGER_RETURNED = "已退回"  # handed in, and sent back to the unit with a comment
LEDGER_OVERDUE = "逾期"


def seed_categories() -> None:
    """Insert the seed words of every list that has none yet."""
    for key, words in SEEDS.items():
        if m.Category.select().where(m.Category.list_key == key).exists():
            continue
        m.Category.insert_many(
            [{"list_key": key, "name": w, "sort_order": i} for i, w in enumerate(words)]
        ).execute()


def words(list_key: str) -> list[str]:
    query = (
        m.Category.select(m.Category.name)
        .where(m.Category.list_key == list_key)
        .order_by(m.Category.sort_order, m.Category.id)
    )
    return [c.name for c in query]


def add_word(list_key: str, word: str) -> None:
    word = word.strip()
    if not word:
        raise ValueError("empty word")
    last = (
        m.Category.select(pw.fn.MAX(m.Category.sort_order))
        .where(m.Category.list_key == list_key)
        .scalar()
    )
    m.Category.get_or_create(list_key=list_key, name=word, defaults={"sort_order": (last or 0) + 1})


def set_words(list_key: str, new_words: list[str]) -> None:
    """Replace a list's words, keeping their order (used by the list editor)."""
    m.Category.delete().where(m.Category.list_key == list_key).execute()
    seen: list[str] = []
    for w in new_words:
        w = w.strip()
        if w and w not in seen:
            seen.append(w)
    if seen:
        m.Category.insert_many(
            [{"list_key": list_key, "name": w, "sort_order": i} for i, w in enumerate(seen)]
        ).execute()
