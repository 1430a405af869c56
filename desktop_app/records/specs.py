"""The declaration of every record type: one place, every screen.

A RecordSpec names the fields (label, kind, rules, category list, link target),
the list columns, the search fields and the filters. Forms, list pages,
validation, search and dossiers are all derived from it.

No Qt here: labels are marked with QT_TRANSLATE_NOOP (a local no-op that
lupdate recognises) and translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import peewee as pw

from desktop_app.store import models as m


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    return text


# Field kinds
TEXT, LONGTEXT, DATE, INT, FLOAT = "text", "longtext", "date", "int", "float"
CHOICE, MULTICHOICE, FK, LINKS, CHILDREN = "choice", "multichoice", "fk", "links", "children"
MULTI_SEPARATOR = "、"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str = TEXT
    required: bool = False
    unique: bool = False
    choices: str | None = None  # category list key for CHOICE / MULTICHOICE
    target: str | None = None  # record type key for FK / LINKS
    through: type[pw.Model] | None = None  # link table for LINKS
    child_model: type[pw.Model] | None = None  # child table for CHILDREN
    width: int = 120  # default list column width in pixels
    minimum: float = 0  # numbers cannot go below this
    year_min: int | None = None  # for integer years
    # One person's name: spaces between Chinese characters only align it on a
    # form (赵　六), so they are dropped (赵六); "John Smith" keeps its space.
    person_name: bool = False
    # An identifier (an ID number): no spaces, half-width, upper case (…123x → …123X).
    identifier: bool = False
    # What the text must look like: "phone", "email" or "id_card" (records/formats.py).
    format: str = ""

    @property
    def is_stored_column(self) -> bool:
        return self.kind not in (LINKS, CHILDREN)

    @property
    def column_name(self) -> str:
        return f"{self.name}_id" if self.kind == FK else self.name


@dataclass(frozen=True)
class RecordSpec:
    key: str  # English name in lower case (CLI, settings keys)
    model: type[pw.Model]
    label: str  # singular, e.g. 合作院校
    title_field: str  # the field that names a record
    fields: tuple[FieldSpec, ...]
    list_columns: tuple[str, ...]
    search_fields: tuple[str, ...]
    default_sort: tuple[str, bool] = ("id", False)  # (field, descending)
    year_field: str | None = None
    # A record that lasts (a talent's stay): in a year's list while present,
    # from year_field until this field's date, as the sheets count it.
    until_field: str | None = None
    type_field: str | None = None
    status_field: str | None = None
    unit_field: str | None = "unit"
    # Fields that together name a record when the title field alone does not
    # (an assessment target is "2023 县农业农村局 项目合作", not "项目合作").
    title_parts: tuple[str, ...] = ()
    plural: str = ""  # the list page's title in English (Institutions); Chinese has one form
    # A field that, when two records both have it, alone says whether they are
    # the same (a talent's ID number: two 张伟 are two people).
    identity_field: str | None = None
    extra: dict = field(default_factory=dict)

    def field(self, name: str) -> FieldSpec:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"{self.key} has no field {name!r}") from None

    @cached_property
    def _by_name(self) -> dict[str, FieldSpec]:
        # An import asks for a field per cell: a dict, not a walk through the tuple.
        return {f.name: f for f in self.fields}

    @property
    def columns(self) -> list[FieldSpec]:
        return [self.field(n) for n in self.list_columns]


def _f(name: str, label: str, kind: str = TEXT, **kw) -> FieldSpec:
    return FieldSpec(name, label, kind, **kw)


NOTES = _f("notes", QT_TRANSLATE_NOOP("Field", "Notes"), LONGTEXT)
UNIT = _f("unit", QT_TRANSLATE_NOOP("Field", "Responsible unit"), FK, target="unit", width=160)


def _institutions(through: type[pw.Model]) -> FieldSpec:
    return _f(
        "institutions",
        QT_TRANSLATE_NOOP("Field", "Institutions"),
        LINKS,
        target="institution",
        through=through,
        width=220,
    )


UNIT_SPEC = RecordSpec(
    key="unit",
    model=m.Unit,
    label=QT_TRANSLATE_NOOP("Record", "Unit"),
    plural=QT_TRANSLATE_NOOP("Record", "Units"),
    title_field="name",
    fields=(
        _f("name", QT_TRANSLATE_NOOP("Field", "Name"), required=True, unique=True, width=200),
        _f("kind", QT_TRANSLATE_NOOP("Field", "Kind"), CHOICE, choices="unit_kind"),
        _f("contact_person", QT_TRANSLATE_NOOP("Field", "Contact person")),
        _f("phone", QT_TRANSLATE_NOOP("Field", "Phone"), format="phone"),
        NOTES,
    ),
    list_columns=("name", "kind", "contact_person", "phone"),
    search_fields=("name", "contact_person", "phone"),
    default_sort=("name", False),
    type_field="kind",
    unit_field=None,
)

INSTITUTION_SPEC = RecordSpec(
    key="institution",
    model=m.Institution,
    label=QT_TRANSLATE_NOOP("Record", "Institution"),
    plural=QT_TRANSLATE_NOOP("Record", "Institutions"),
    title_field="name",
    fields=(
        _f("name", QT_TRANSLATE_NOOP("Field", "Name"), required=True, unique=True, width=200),
        _f("short_name", QT_TRANSLATE_NOOP("Field", "Short name")),
        _f(
            "kind", QT_TRANSLATE_NOOP("Field", "Kind"), CHOICE, choices="institution_kind", width=90
        ),
        _f(
            "location_class",
            QT_TRANSLATE_NOOP("Field", "Location class"),
            CHOICE,
            choices="location_class",
            width=80,
        ),
        _f("province", QT_TRANSLATE_NOOP("Field", "Province"), width=80),
        _f("city", QT_TRANSLATE_NOOP("Field", "City"), width=80),
        _f(
            "stage",
            QT_TRANSLATE_NOOP("Field", "Relationship stage"),
            CHOICE,
            choices="institution_stage",
        ),
        _f("first_contact", QT_TRANSLATE_NOOP("Field", "First contact date"), DATE),
        _f("contact_person", QT_TRANSLATE_NOOP("Field", "Contact person")),
        _f("phone", QT_TRANSLATE_NOOP("Field", "Phone"), format="phone"),
        _f("email", QT_TRANSLATE_NOOP("Field", "E-mail"), format="email"),
        UNIT,
        NOTES,
    ),
    list_columns=(
        "name",
        "short_name",
        "kind",
        "location_class",
        "province",
        "stage",
        "first_contact",
        "contact_person",
        "phone",
    ),
    search_fields=(
        "name",
        "short_name",
        "province",
        "city",
        "contact_person",
        "phone",
        "email",
        "notes",
    ),
    default_sort=("name", False),
    year_field="first_contact",
    type_field="kind",
    status_field="stage",
)

ACTIVITY_SPEC = RecordSpec(
    key="activity",
    model=m.Activity,
    label=QT_TRANSLATE_NOOP("Record", "Activity"),
    plural=QT_TRANSLATE_NOOP("Record", "Activities"),
    title_field="title",
    fields=(
        _f("date", QT_TRANSLATE_NOOP("Field", "Date"), DATE, required=True, width=100),
        _f(
            "type",
            QT_TRANSLATE_NOOP("Field", "Type"),
            CHOICE,
            required=True,
            choices="activity_type",
        ),
        _f("title", QT_TRANSLATE_NOOP("Field", "Title"), required=True, width=260),
        _institutions(m.ActivityInstitution),
        _f("leader", QT_TRANSLATE_NOOP("Field", "Leader")),
        _f("place", QT_TRANSLATE_NOOP("Field", "Place")),
        _f("participants", QT_TRANSLATE_NOOP("Field", "Participants"), INT, width=70),
        _f("outcome", QT_TRANSLATE_NOOP("Field", "Outcome"), LONGTEXT),
        _f("outcome_figures", QT_TRANSLATE_NOOP("Field", "Outcome figures")),
        UNIT,
        NOTES,
    ),
    list_columns=(
        "date",
        "type",
        "title",
        "institutions",
        "leader",
        "participants",
        "outcome_figures",
        "unit",
    ),
    search_fields=("title", "leader", "place", "outcome", "institutions"),
    default_sort=("date", True),
    year_field="date",
    type_field="type",
)

AGREEMENT_SPEC = RecordSpec(
    key="agreement",
    model=m.Agreement,
    label=QT_TRANSLATE_NOOP("Record", "Agreement"),
    plural=QT_TRANSLATE_NOOP("Record", "Agreements"),
    title_field="title",
    fields=(
        _f("title", QT_TRANSLATE_NOOP("Field", "Title"), required=True, width=260),
        _f(
            "type",
            QT_TRANSLATE_NOOP("Field", "Type"),
            CHOICE,
            required=True,
            choices="agreement_type",
            width=160,
        ),
        _institutions(m.AgreementInstitution),
        _f("signed_date", QT_TRANSLATE_NOOP("Field", "Signing date"), DATE),
        _f("term_start", QT_TRANSLATE_NOOP("Field", "Term start"), DATE),
        _f("term_end", QT_TRANSLATE_NOOP("Field", "Term end"), DATE),
        _f(
            "areas",
            QT_TRANSLATE_NOOP("Field", "Cooperation areas"),
            MULTICHOICE,
            choices="cooperation_area",
            width=200,
        ),
        _f(
            "status",
            QT_TRANSLATE_NOOP("Field", "Status"),
            CHOICE,
            choices="agreement_status",
            width=80,
        ),
        UNIT,
        NOTES,
    ),
    list_columns=("title", "type", "institutions", "signed_date", "areas", "status", "unit"),
    search_fields=("title", "areas", "notes", "institutions"),
    default_sort=("signed_date", True),
    year_field="signed_date",
    type_field="type",
    status_field="status",
)

BASE_SPEC = RecordSpec(
    key="base",
    model=m.Base,
    label=QT_TRANSLATE_NOOP("Record", "Base"),
    plural=QT_TRANSLATE_NOOP("Record", "Bases"),
    title_field="name",
    fields=(
        _f("name", QT_TRANSLATE_NOOP("Field", "Name"), required=True, width=240),
        _f(
            "type",
            QT_TRANSLATE_NOOP("Field", "Type"),
            CHOICE,
            required=True,
            choices="base_type",
            width=180,
        ),
        _institutions(m.BaseInstitution),
        _f("agreement", QT_TRANSLATE_NOOP("Field", "Agreement"), FK, target="agreement", width=200),
        UNIT,
        _f("place", QT_TRANSLATE_NOOP("Field", "Place")),
        _f("established_date", QT_TRANSLATE_NOOP("Field", "Established"), DATE),
        _f("plaque_date", QT_TRANSLATE_NOOP("Field", "Plaque date"), DATE),
        _f("status", QT_TRANSLATE_NOOP("Field", "Status"), CHOICE, choices="base_status", width=80),
        NOTES,
    ),
    list_columns=(
        "name",
        "type",
        "institutions",
        "unit",
        "place",
        "established_date",
        "plaque_date",
        "status",
    ),
    search_fields=("name", "place", "notes", "institutions"),
    default_sort=("established_date", True),
    year_field="established_date",
    type_field="type",
    status_field="status",
)

PROJECT_SPEC = RecordSpec(
    key="project",
    model=m.Project,
    label=QT_TRANSLATE_NOOP("Record", "Project"),
    plural=QT_TRANSLATE_NOOP("Record", "Projects"),
    title_field="name",
    fields=(
        _f("name", QT_TRANSLATE_NOOP("Field", "Name"), required=True, width=240),
        _f("chain", QT_TRANSLATE_NOOP("Field", "Industry chain"), CHOICE, choices="industry_chain"),
        _institutions(m.ProjectInstitution),
        UNIT,
        _f("start_date", QT_TRANSLATE_NOOP("Field", "Start date"), DATE),
        _f("stage", QT_TRANSLATE_NOOP("Field", "Stage"), CHOICE, choices="project_stage", width=80),
        _f(
            "support_items",
            QT_TRANSLATE_NOOP("Field", "Support items"),
            MULTICHOICE,
            choices="support_item",
            width=180,
        ),
        _f(
            "milestones",
            QT_TRANSLATE_NOOP("Field", "Milestones"),
            CHILDREN,
            child_model=m.ProjectMilestone,
        ),
        NOTES,
    ),
    list_columns=("name", "chain", "institutions", "unit", "start_date", "stage", "support_items"),
    search_fields=("name", "notes", "institutions"),
    default_sort=("start_date", True),
    year_field="start_date",
    type_field="chain",
    status_field="stage",
)

TALENT_SPEC = RecordSpec(
    key="talent",
    model=m.Talent,
    label=QT_TRANSLATE_NOOP("Record", "Talent"),
    plural=QT_TRANSLATE_NOOP("Record", "Talents"),
    title_field="name",
    fields=(
        _f(
            "name",
            QT_TRANSLATE_NOOP("Field", "Full name"),
            required=True,
            width=90,
            person_name=True,
        ),
        _f("gender", QT_TRANSLATE_NOOP("Field", "Gender"), CHOICE, choices="gender", width=50),
        _f(
            "id_number",
            QT_TRANSLATE_NOOP("Field", "ID number"),
            identifier=True,
            format="id_card",
        ),
        _f(
            "institution",
            QT_TRANSLATE_NOOP("Field", "Institution"),
            FK,
            target="institution",
            width=180,
        ),
        _f("degree", QT_TRANSLATE_NOOP("Field", "Degree"), CHOICE, choices="degree", width=60),
        _f(
            "title",
            QT_TRANSLATE_NOOP("Field", "Academic title"),
            CHOICE,
            choices="academic_title",
            width=80,
        ),
        _f("field", QT_TRANSLATE_NOOP("Field", "Field of work")),
        _f("mode", QT_TRANSLATE_NOOP("Field", "Introduction mode"), CHOICE, choices="intro_mode"),
        _f("project", QT_TRANSLATE_NOOP("Field", "Project"), FK, target="project", width=180),
        _f("base", QT_TRANSLATE_NOOP("Field", "Base"), FK, target="base", width=180),
        UNIT,
        _f("start_date", QT_TRANSLATE_NOOP("Field", "Start date"), DATE),
        _f("end_date", QT_TRANSLATE_NOOP("Field", "End date"), DATE),
        _f("phone", QT_TRANSLATE_NOOP("Field", "Phone"), format="phone"),
        NOTES,
    ),
    list_columns=(
        "name",
        "gender",
        "institution",
        "degree",
        "title",
        "field",
        "mode",
        "project",
        "start_date",
    ),
    search_fields=("name", "id_number", "field", "phone", "institution"),
    default_sort=("name", False),
    identity_field="id_number",
    year_field="start_date",
    until_field="end_date",
    type_field="mode",
    status_field="degree",
)

ACHIEVEMENT_SPEC = RecordSpec(
    key="achievement",
    model=m.Achievement,
    label=QT_TRANSLATE_NOOP("Record", "Achievement"),
    plural=QT_TRANSLATE_NOOP("Record", "Achievements"),
    title_field="title",
    fields=(
        _f("title", QT_TRANSLATE_NOOP("Field", "Title"), required=True, width=240),
        _f(
            "type",
            QT_TRANSLATE_NOOP("Field", "Type"),
            CHOICE,
            required=True,
            choices="achievement_type",
        ),
        _f(
            "institution",
            QT_TRANSLATE_NOOP("Field", "Institution"),
            FK,
            target="institution",
            width=180,
        ),
        _f("project", QT_TRANSLATE_NOOP("Field", "Project"), FK, target="project", width=180),
        UNIT,
        _f("date", QT_TRANSLATE_NOOP("Field", "Date"), DATE),
        _f("benefit", QT_TRANSLATE_NOOP("Field", "Benefit")),
        _f("description", QT_TRANSLATE_NOOP("Field", "Description"), LONGTEXT),
    ),
    list_columns=("title", "type", "institution", "project", "unit", "date", "benefit"),
    search_fields=("title", "benefit", "description", "institution"),
    default_sort=("date", True),
    year_field="date",
    type_field="type",
)

MEETING_SPEC = RecordSpec(
    key="meeting",
    model=m.Meeting,
    label=QT_TRANSLATE_NOOP("Record", "Meeting"),
    plural=QT_TRANSLATE_NOOP("Record", "Meetings"),
    title_field="title",
    fields=(
        _f("date", QT_TRANSLATE_NOOP("Field", "Date"), DATE, required=True, width=100),
        _f(
            "type",
            QT_TRANSLATE_NOOP("Field", "Type"),
            CHOICE,
            required=True,
            choices="meeting_type",
        ),
        _f("title", QT_TRANSLATE_NOOP("Field", "Title"), required=True, width=240),
        _f("place", QT_TRANSLATE_NOOP("Field", "Place")),
        _f("unit", QT_TRANSLATE_NOOP("Field", "Organizing unit"), FK, target="unit", width=160),
        _f(
            "attendees",
            QT_TRANSLATE_NOOP("Field", "Attending units"),
            LINKS,
            target="unit",
            through=m.MeetingUnit,
            width=220,
        ),
        _f("topics", QT_TRANSLATE_NOOP("Field", "Topics"), LONGTEXT, width=200),
        _f("decisions", QT_TRANSLATE_NOOP("Field", "Decisions"), LONGTEXT, width=200),
    ),
    list_columns=("date", "type", "title", "unit", "attendees", "topics", "decisions"),
    search_fields=("title", "topics", "decisions", "place"),
    default_sort=("date", True),
    year_field="date",
    type_field="type",
)

TASK_SPEC = RecordSpec(
    key="task",
    model=m.Task,
    label=QT_TRANSLATE_NOOP("Record", "Task"),
    plural=QT_TRANSLATE_NOOP("Record", "Tasks"),
    title_field="title",
    fields=(
        _f("title", QT_TRANSLATE_NOOP("Field", "Title"), required=True, width=240),
        _f(
            "meeting", QT_TRANSLATE_NOOP("Field", "Source meeting"), FK, target="meeting", width=180
        ),
        _f("project", QT_TRANSLATE_NOOP("Field", "Project"), FK, target="project", width=160),
        _f("agreement", QT_TRANSLATE_NOOP("Field", "Agreement"), FK, target="agreement", width=160),
        UNIT,
        _f("owner", QT_TRANSLATE_NOOP("Field", "Owner"), width=80),
        _f("deadline", QT_TRANSLATE_NOOP("Field", "Deadline"), DATE),
        _f(
            "status",
            QT_TRANSLATE_NOOP("Field", "Status"),
            CHOICE,
            required=True,
            choices="task_status",
            width=80,
        ),
        _f(
            "progress",
            QT_TRANSLATE_NOOP("Field", "Progress log"),
            CHILDREN,
            child_model=m.TaskProgress,
        ),
        NOTES,
    ),
    list_columns=("title", "meeting", "unit", "owner", "deadline", "status"),
    search_fields=("title", "owner", "notes"),
    default_sort=("deadline", False),
    year_field="deadline",
    status_field="status",
)

LEDGER_REPORT_SPEC = RecordSpec(
    key="ledger_report",
    model=m.LedgerReport,
    label=QT_TRANSLATE_NOOP("Record", "Ledger report"),
    plural=QT_TRANSLATE_NOOP("Record", "Ledger reports"),
    title_field="period",
    fields=(
        _f("unit", QT_TRANSLATE_NOOP("Field", "Unit"), FK, required=True, target="unit", width=160),
        _f("period", QT_TRANSLATE_NOOP("Field", "Period"), required=True),
        _f("due_date", QT_TRANSLATE_NOOP("Field", "Due date"), DATE),
        _f("submitted_date", QT_TRANSLATE_NOOP("Field", "Submitted date"), DATE),
        _f(
            "status",
            QT_TRANSLATE_NOOP("Field", "Status"),
            CHOICE,
            choices="ledger_status",
            width=80,
        ),
        NOTES,
    ),
    list_columns=("unit", "period", "due_date", "submitted_date", "status"),
    search_fields=("period", "notes", "unit"),
    default_sort=("due_date", True),
    year_field="due_date",
    status_field="status",
    title_parts=("unit", "period"),
)

ASSESSMENT_SPEC = RecordSpec(
    key="assessment",
    model=m.AssessmentTarget,
    label=QT_TRANSLATE_NOOP("Record", "Assessment target"),
    plural=QT_TRANSLATE_NOOP("Record", "Assessment targets"),
    title_field="indicator",
    fields=(
        _f("year", QT_TRANSLATE_NOOP("Field", "Year"), INT, required=True, year_min=2000, width=60),
        _f("unit", QT_TRANSLATE_NOOP("Field", "Unit"), FK, required=True, target="unit", width=160),
        _f(
            "indicator",
            QT_TRANSLATE_NOOP("Field", "Indicator"),
            CHOICE,
            required=True,
            choices="indicator",
        ),
        _f("target", QT_TRANSLATE_NOOP("Field", "Target"), FLOAT, width=70),
        _f("weight", QT_TRANSLATE_NOOP("Field", "Weight"), FLOAT, width=70),
        _f("actual_override", QT_TRANSLATE_NOOP("Field", "Actual (override)"), FLOAT, width=90),
        _f("override_reason", QT_TRANSLATE_NOOP("Field", "Override reason")),
        NOTES,
    ),
    list_columns=("year", "unit", "indicator", "target", "weight", "actual_override"),
    search_fields=("indicator", "override_reason", "unit"),
    default_sort=("year", True),
    type_field="indicator",
    title_parts=("year", "unit", "indicator"),
)

# Navigation order: the work first, the reference lists after.
ALL_SPECS: tuple[RecordSpec, ...] = (
    INSTITUTION_SPEC,
    ACTIVITY_SPEC,
    AGREEMENT_SPEC,
    BASE_SPEC,
    PROJECT_SPEC,
    TALENT_SPEC,
    ACHIEVEMENT_SPEC,
    MEETING_SPEC,
    TASK_SPEC,
    LEDGER_REPORT_SPEC,
    ASSESSMENT_SPEC,
    UNIT_SPEC,
)
SPECS: dict[str, RecordSpec] = {s.key: s for s in ALL_SPECS}
BY_MODEL: dict[type[pw.Model], RecordSpec] = {s.model: s for s in ALL_SPECS}


def spec_for(key: str) -> RecordSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise KeyError(f"unknown record type {key!r}; known: {', '.join(SPECS)}") from None


def dependents(spec: RecordSpec) -> list[tuple[RecordSpec, FieldSpec]]:
    """(record type, field) pairs that point at records of spec: FKs and links."""
    out = []
    for other in ALL_SPECS:
        for f in other.fields:
            if f.kind in (FK, LINKS) and f.target == spec.key:
                out.append((other, f))
    return out
