"""The sheets users print, read from the ledger: the catalogue and build_sheet.

Each sheet lives in its own module (summary, registers, record_tables,
assessment); common holds what they share. Names are re-exported here, so
`from desktop_app.reports import sheets; sheets.build_sheet(...)` keeps working.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.reports.model import Period, Sheet
from desktop_app.reports.sheets.assessment import (  # noqa: F401
    assessment_sheet,
    score,
)
from desktop_app.reports.sheets.common import (  # noqa: F401
    ASSESSMENT_LABEL,
    BASES_LABEL,
    DOSSIER_LABEL,
    H_ACHIEVEMENTS,
    H_ACTIVITIES,
    H_AGREEMENTS,
    H_ASSESSMENT,
    H_BASES,
    H_INSTITUTIONS,
    H_LEDGER_REPORTS,
    H_MEETINGS,
    H_PROJECTS,
    H_TALENTS,
    H_TASKS,
    INDICATOR_ACHIEVEMENTS,
    INDICATOR_PROJECTS,
    INDICATOR_TALENTS,
    INSTITUTIONS_LABEL,
    L_ACADEMIC_TITLE,
    L_ACTUAL,
    L_BENEFIT,
    L_CHAIN,
    L_CITY,
    L_CONTACT,
    L_DATE,
    L_DEADLINE,
    L_DEGREE,
    L_DUE,
    L_EMAIL,
    L_ESTABLISHED,
    L_FIELD,
    L_FIELD_OF_WORK,
    L_FIRST_CONTACT,
    L_FULL_NAME,
    L_GENDER,
    L_INDICATOR,
    L_INSTITUTION,
    L_INSTITUTIONS,
    L_KIND,
    L_LOCATION,
    L_MEETING,
    L_MILESTONES,
    L_MODE,
    L_N_ACHIEVEMENTS,
    L_N_ACTIVITIES,
    L_N_AGREEMENTS,
    L_N_BASES,
    L_N_INSTITUTIONS,
    L_N_LINKED,
    L_N_PROJECTS,
    L_N_TALENTS,
    L_NAME,
    L_NO,
    L_NOTE,
    L_NOTES,
    L_OUTCOME_FIGURES,
    L_OWNER,
    L_PARTICIPANTS,
    L_PERIOD,
    L_PHONE,
    L_PLACE,
    L_PLAQUE,
    L_PROGRESS,
    L_PROJECT,
    L_PROVINCE,
    L_PROVINCE_CITY,
    L_REL_STAGE,
    L_SCORE,
    L_SHORT_NAME,
    L_SIGNED,
    L_STAGE,
    L_START,
    L_STATUS,
    L_SUBMITTED,
    L_SUPPORT,
    L_TARGET,
    L_TITLE,
    L_TYPE,
    L_UNIT,
    L_UNIT_PLAIN,
    L_VALUE,
    L_WEIGHT,
    L_YEAR,
    MODE_RESEARCH,
    PROJECTS_LABEL,
    SUMMARY_LABEL,
    TALENTS_LABEL,
    TASKS_LABEL,
    UNIT_LEDGER_LABEL,
    Translate,
    date_text,
    fill,
    identity,
    month_period,
    name_label,
    period_text,
    quarter_period,
    unit_id_by_name,
    year_period,
)
from desktop_app.reports.sheets.record_tables import (  # noqa: F401
    institution_dossier,
    unit_ledger,
)
from desktop_app.reports.sheets.registers import (  # noqa: F401
    base_register,
    institution_register,
    project_progress,
    talent_roster,
    task_list,
)
from desktop_app.reports.sheets.summary import (  # noqa: F401
    summary_sheet,
)

# ---------------------------------------------------------------- the catalogue


@dataclass(frozen=True)
class SheetDef:
    key: str
    label: str  # English source text, context "Sheet"; translate where shown
    build: Callable[..., Sheet]
    uses_period: bool
    uses_unit: bool
    uses_record: str | None = None  # record type key the sheet is about
    uses_year: bool = False
    landscape: bool = False
    unit_required: bool = False
    uses_today: bool = False


SHEETS: dict[str, SheetDef] = {
    d.key: d
    for d in (
        SheetDef("summary", SUMMARY_LABEL, summary_sheet, True, True),
        SheetDef(
            "institutions", INSTITUTIONS_LABEL, institution_register, True, True, landscape=True
        ),
        SheetDef(
            "institution_dossier",
            DOSSIER_LABEL,
            institution_dossier,
            True,
            False,
            uses_record="institution",
        ),
        SheetDef("bases", BASES_LABEL, base_register, True, True, landscape=True),
        SheetDef("projects", PROJECTS_LABEL, project_progress, True, True, landscape=True),
        SheetDef("talents", TALENTS_LABEL, talent_roster, True, True, landscape=True),
        SheetDef("tasks", TASKS_LABEL, task_list, True, True, landscape=True, uses_today=True),
        SheetDef(
            "unit_ledger",
            UNIT_LEDGER_LABEL,
            unit_ledger,
            True,
            True,
            unit_required=True,
            uses_today=True,
        ),
        SheetDef("assessment", ASSESSMENT_LABEL, assessment_sheet, False, True, uses_year=True),
    )
}


def build_sheet(
    key: str,
    *,
    period: Period | None = None,
    unit_id: int | None = None,
    record_id: int | None = None,
    year: int | None = None,
    today: dt.date | None = None,
    t: Translate = identity,
) -> Sheet:
    """Build a sheet by key; arguments a sheet does not use are ignored."""
    d = SHEETS.get(key)
    if d is None:
        raise ValueError(f"Unknown sheet {key!r}; known sheets: {', '.join(SHEETS)}.")
    kwargs: dict[str, Any] = {"t": t}
    if d.uses_period:
        kwargs["period"] = period
    if d.uses_unit:
        if unit_id is None and d.unit_required:
            raise ValueError(f"The sheet {key!r} needs a unit.")
        kwargs["unit_id"] = unit_id
    if d.uses_record:
        if record_id is None:
            raise ValueError(f"The sheet {key!r} needs a {d.uses_record} record.")
        kwargs["record_id"] = record_id
    if d.uses_year:
        if year is None:
            raise ValueError(f"The sheet {key!r} needs a year.")
        kwargs["year"] = year
    if d.uses_today:
        kwargs["today"] = today
    sheet = d.build(**kwargs)
    from desktop_app.reports import signoff

    sheet.signoff = signoff.block(key, today, t)
    return sheet
