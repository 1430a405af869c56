"""Find the header row of a sheet and map its columns to a record type's fields.

A ledger kept in Excel rarely starts at A1: a merged title, a "填报单位/填报
日期" line and blank rows come first. The header is the row among the first
ones whose cells name the most fields of the record type, by the field's
label (English or Chinese, from the spec and the translation catalogue) or by
a synonym users write (院校名称, 省内/省外 …).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from desktop_app.exchange.labels import catalogue
from desktop_app.records.specs import FieldSpec, RecordSpec, spec_for

SCAN_ROWS = 30  # non-blank rows searched for the header

# Words users head columns with, by field name, for any record type that has
# the field; a word listed for several fields goes to the first the type has.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("名称",),
    "title": ("标题", "名称", "主题", "内容"),
    "short_name": ("简称", "院校简称", "单位简称"),
    "kind": ("类别", "类型", "性质", "机构类型", "院校类型", "单位类型", "单位性质"),
    "location_class": (
        "所在地类别",
        "省内/省外",
        "省内外",
        "省内省外",
        "省内或省外",
        "地域类别",
        "区域类别",
        "地域",
    ),
    "province": ("省份", "所在省份", "省", "所在省", "省(区市)"),
    "city": ("城市", "所在城市", "市", "地市", "所在地市"),
    "stage": ("合作阶段", "阶段", "对接阶段", "关系阶段", "项目阶段", "推进阶段", "进展阶段"),
    "first_contact": (
        "首次联系日期",
        "首次联系时间",
        "首次对接日期",
        "首次对接时间",
        "首次对接",
        "首次联系",
        "联系日期",
        "对接时间",
        "对接日期",
    ),
    "contact_person": ("联系人", "联系人姓名", "对接人", "联络人"),
    "phone": ("电话", "联系电话", "手机", "手机号", "手机号码", "联系方式", "电话号码"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"),
    "unit": (
        "责任单位",
        "牵头单位",
        "负责单位",
        "承办单位",
        "主办单位",
        "组织单位",
        "报送单位",
        "被考核单位",
        "单位",
    ),
    "notes": ("备注", "说明", "备注说明"),
    "date": (
        "日期",
        "时间",
        "活动日期",
        "活动时间",
        "会议日期",
        "会议时间",
        "成果日期",
        "转化日期",
    ),
    "type": (
        "类型",
        "类别",
        "形式",
        "活动类型",
        "活动形式",
        "协议类型",
        "基地类型",
        "平台类型",
        "成果类型",
        "会议类型",
        "会议类别",
    ),
    "institutions": (
        "合作院校",
        "对接院校",
        "院校",
        "院校名称",
        "合作机构",
        "合作单位",
        "合作院校(机构)",
        "共建院校",
        "签约院校",
        "合作方",
    ),
    "institution": ("合作院校", "院校", "院校名称", "所在院校", "合作机构", "来源院校"),
    "leader": ("带队领导", "领导", "带队人", "参加领导", "出席领导"),
    "place": ("地点", "活动地点", "会议地点", "地址", "所在地", "选址", "基地地点"),
    "participants": ("参加人数", "人数", "参与人数", "参加人员数", "人次", "参加人次"),
    "outcome": ("成效", "活动成效", "取得成效", "对接成效", "成果"),
    "outcome_figures": ("成效数据", "成效数字", "成果数据", "量化成效"),
    "signed_date": ("签约日期", "签订日期", "签约时间", "签订时间"),
    "term_start": ("有效期起", "合作期限起", "起始日期", "期限起"),
    "term_end": ("有效期止", "合作期限止", "到期日期", "期限止", "截止日期"),
    "areas": ("合作领域", "领域"),
    "status": ("状态", "当前状态", "进展状态", "办理状态", "报送状态", "协议状态", "基地状态"),
    "agreement": ("合作协议", "协议", "依托协议", "所属协议", "来源协议"),
    "established_date": ("建立日期", "成立日期", "建成日期", "成立时间", "建立时间", "共建日期"),
    "plaque_date": ("授牌日期", "挂牌日期", "授牌时间", "挂牌时间"),
    "chain": ("产业链", "所属产业", "产业", "产业链条", "所属产业链"),
    "start_date": (
        "开始日期",
        "开始时间",
        "开工日期",
        "启动日期",
        "启动时间",
        "引进时间",
        "来阳时间",
    ),
    "support_items": ("保障事项", "要素保障", "支持事项"),
    "milestones": ("节点进展", "里程碑", "节点", "进展节点"),
    "gender": ("性别",),
    "id_number": ("身份证号", "身份证号码", "身份证", "证件号码", "公民身份号码"),
    "degree": ("学历", "学位", "学历学位", "学历/学位", "最高学历"),
    "field": ("研究领域", "研究方向", "专业", "专业领域", "从事领域"),
    "mode": ("引进方式", "引进形式", "引才方式"),
    "project": ("合作项目", "项目", "项目名称", "所属项目", "依托项目", "来源项目"),
    "base": ("合作基地", "基地", "所在基地", "依托基地", "基地名称"),
    "end_date": ("结束日期", "结束时间", "离开日期", "截止日期"),
    "benefit": ("效益", "经济效益", "成效", "转化效益"),
    "description": ("说明", "描述", "简介", "内容", "成果简介"),
    "attendees": ("参会单位", "参加单位", "出席单位", "参会部门"),
    "topics": ("议题", "会议议题", "主要议题", "研究事项"),
    "decisions": ("议定事项", "会议决定", "决定事项", "会议议定事项"),
    "meeting": ("来源会议", "会议", "所属会议", "会议名称"),
    "owner": ("责任人", "负责人", "经办人", "具体负责人"),
    "deadline": ("完成时限", "时限", "办结时限", "截止日期", "截止时间", "完成期限"),
    "progress": ("进展记录", "进展情况", "推进情况", "进展"),
    "period": ("报送期间", "期间", "所属期间", "报送周期", "期别"),
    "due_date": ("应报日期", "截止日期", "报送截止日期"),
    "submitted_date": ("报送日期", "实报日期", "实际报送日期"),
    "year": ("年度", "年份", "考核年度"),
    "indicator": ("考核指标", "指标", "指标名称"),
    "target": ("目标值", "目标", "任务数", "目标任务"),
    "weight": ("权重", "分值"),
    "actual_override": ("实际值", "完成值", "实际完成"),
    "override_reason": ("调整理由", "调整原因"),
}

# Words that mean a different field in one record type than elsewhere.
TYPE_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "institution": {
        "name": (
            "院校名称",
            "单位名称",
            "机构名称",
            "院校(机构)名称",
            "院校/机构名称",
            "合作院校名称",
            "合作院校",
            "院校",
            "合作机构",
        ),
    },
    "unit": {
        "name": ("单位名称", "单位", "责任单位", "部门", "部门名称", "乡镇", "单位(部门)"),
    },
    "talent": {
        "name": ("姓名", "人才姓名", "专家姓名"),
        "institution": ("工作单位", "所在单位", "派出单位", "单位", "院校"),
        "unit": ("责任单位", "对接单位", "服务单位"),
        "title": ("职称", "专业技术职称", "职务职称"),
    },
    "project": {"name": ("项目名称", "项目")},
    "base": {"name": ("基地名称", "平台名称", "基地(平台)名称", "基地", "平台")},
    "agreement": {"title": ("协议名称", "协议", "合作协议")},
    "activity": {"title": ("活动名称", "活动主题", "活动内容")},
    "achievement": {"title": ("成果名称", "成果")},
    "meeting": {"title": ("会议名称", "会议主题", "会议")},
    "task": {"title": ("事项", "督办事项", "事项名称", "任务", "工作任务", "督办内容")},
}

_PARENTHESES = re.compile(r"[(\[【〔][^)\]】〕]*[)\]】〕]")
_DROP = re.compile(r"[\s*＊※★:：]+")


def normalize(text: Any) -> str:
    """A header as compared: half-width, no spaces, no * or trailing colon, lower case."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text))
    return _DROP.sub("", s).lower()


def _without_notes(norm: str) -> str:
    """日期(年月日) → 日期; 参加人数(人) → 参加人数."""
    return _PARENTHESES.sub("", norm)


def header_words(spec: RecordSpec) -> dict[str, str]:
    """Normalized header word → field name, for one record type."""
    return _header_words(spec.key)


@cache
def _header_words(key: str) -> dict[str, str]:
    spec = spec_for(key)
    zh = catalogue("zh_CN")
    words: dict[str, str] = {}
    fields = {f.name: f for f in spec.fields}

    def add(word: str, name: str) -> None:
        key = normalize(word)
        if key and key not in words:
            words[key] = name

    # Labels first (the form's own words win), then this type's words, then all.
    for f in spec.fields:
        add(f.label, f.name)
        add(zh.get(("Field", f.label), ""), f.name)
    for name, synonyms in TYPE_SYNONYMS.get(spec.key, {}).items():
        for word in synonyms:
            add(word, name)
    for name, synonyms in SYNONYMS.items():
        if name in fields:
            for word in synonyms:
                add(word, name)
    return words


def field_for_header(spec: RecordSpec, text: Any) -> str | None:
    words = header_words(spec)
    norm = normalize(text)
    if not norm:
        return None
    return words.get(norm) or words.get(_without_notes(norm)) or None


@dataclass
class Column:
    index: int  # 0-based position in the row
    header: str  # the header as written in the file
    field: str | None  # the field it fills; None: ignored


@dataclass
class Header:
    row: int  # row number of the header (as Excel shows it)
    columns: list[Column] = field(default_factory=list)

    @cached_property
    def by_field(self) -> dict[str, Column]:
        return {c.field: c for c in self.columns if c.field}

    @property
    def ignored(self) -> list[Column]:
        return [c for c in self.columns if c.field is None and c.header]

    def missing_required(self, spec: RecordSpec) -> list[FieldSpec]:
        mapped = self.by_field
        return [f for f in spec.fields if f.required and f.name not in mapped]


def map_row(spec: RecordSpec, number: int, cells: list[Any]) -> Header:
    """Read cells as a header: each field goes to the first column that names it."""
    header = Header(number)
    taken: set[str] = set()
    for i, cell in enumerate(cells):
        text = "" if cell is None else str(cell).strip()
        name = field_for_header(spec, text)
        if name is not None and name in taken:
            name = None  # a second 备注 column: the first one counts
        if name:
            taken.add(name)
        header.columns.append(Column(i, text, name))
    return header


def find_header(spec: RecordSpec, rows: list[tuple[int, list[Any]]]) -> Header | None:
    """The row among the first ones that names most fields (title rows are skipped).

    A header in two rows (联系人 over 姓名 | 电话) is read as one when that
    names more fields than its upper row alone.
    """
    best: Header | None = None
    best_score = 0
    best_at = 0
    scanned = rows[:SCAN_ROWS]
    for at, (number, cells) in enumerate(scanned):
        header = map_row(spec, number, cells)
        score = len(header.by_field)
        if score > best_score:
            best, best_score, best_at = header, score, at
    if best is None:
        return None
    if best_at + 1 < len(scanned) and scanned[best_at + 1][0] == best.row + 1:
        combined = _two_levels(spec, best, scanned[best_at][1], scanned[best_at + 1][1])
        if len(combined.by_field) > best_score:
            best, best_score = combined, len(combined.by_field)
    if best_score >= 2 or spec.title_field in best.by_field:
        return best
    return None


def _two_levels(spec: RecordSpec, upper: Header, top: list[Any], bottom: list[Any]) -> Header:
    """A header written in two rows: 联系人 across 姓名 | 电话 below it.

    The upper row's word stands over the empty cells to its right (a merge
    across) as long as the lower row has words there. Each column is mapped
    by the two words together (联系人姓名), else the lower (电话), else the upper.
    """
    header = Header(upper.row + 1)
    taken: set[str] = set()
    parent = ""
    for i in range(max(len(top), len(bottom))):
        above = str(top[i]).strip() if i < len(top) and top[i] is not None else ""
        below = str(bottom[i]).strip() if i < len(bottom) and bottom[i] is not None else ""
        if above:
            parent = above
        elif not below:
            parent = ""
        over = above or parent
        if below and over and normalize(below) != normalize(over):
            text = f"{over}/{below}"
            candidates = (over + below, below, over)
        else:
            text = below or over
            candidates = (text,)
        name = None
        for word in candidates:
            found = field_for_header(spec, word)
            if found and found not in taken:
                name = found
                break
        if name:
            taken.add(name)
        header.columns.append(Column(i, text, name))
    return header


def is_header_again(header: Header, cells: list[Any]) -> bool:
    """A row repeating the header (tables printed page by page, then pasted together)."""
    mapped = [c for c in header.columns if c.field]
    first = mapped[0] if mapped else None
    if first is None or first.index >= len(cells) or not isinstance(cells[first.index], str):
        return False
    if normalize(cells[first.index]) != normalize(first.header):
        return False  # the usual case, decided by one cell
    same = sum(
        1
        for c in mapped
        if c.index < len(cells) and normalize(cells[c.index]) == normalize(c.header)
    )
    return same >= max(2, len(mapped) // 2 + 1)
