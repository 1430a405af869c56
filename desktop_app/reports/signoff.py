"""The sign-off block under a sheet meant for handing in: 填报单位（盖章）,
填报人, 审核人, 联系电话, 填报日期, as official forms end.

Its values come from the ledger (records/ledger_info.py) and the day it is
printed; the reviewer signs by hand. Which lines a sheet shows is a per-sheet
choice kept in the ledger too, with these defaults: every line on the sheets
that go upward (summary, unit ledger, assessment, the registers and the task
list), none on the dossier, a working sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop_app.records import ledger_info
from desktop_app.records.specs import QT_TRANSLATE_NOOP

ORGANISATION, PREPARER, REVIEWER, PHONE, DATE = (
    "organisation",
    "preparer",
    "reviewer",
    "phone",
    "date",
)
LINES = (ORGANISATION, PREPARER, REVIEWER, PHONE, DATE)
LABELS = {
    ORGANISATION: QT_TRANSLATE_NOOP("Sheet", "Reporting unit (seal)"),
    PREPARER: QT_TRANSLATE_NOOP("Sheet", "Prepared by"),
    REVIEWER: QT_TRANSLATE_NOOP("Sheet", "Reviewed by"),
    PHONE: QT_TRANSLATE_NOOP("Sheet", "Contact phone"),
    DATE: QT_TRANSLATE_NOOP("Sheet", "Date filled in"),
}
LABEL_COLON = QT_TRANSLATE_NOOP("Sheet", "%1: ")  # 填报人：, as Chinese forms write it

# What the command line accepts for each line, beside its English name.
ALIASES = {
    "填报单位": ORGANISATION,
    "填报单位（盖章）": ORGANISATION,
    "填报人": PREPARER,
    "审核人": REVIEWER,
    "联系电话": PHONE,
    "填报日期": DATE,
    "organization": ORGANISATION,
}
HANDED_IN = (
    "summary",
    "unit_ledger",
    "assessment",
    "institutions",
    "bases",
    "projects",
    "talents",
    "tasks",  # 督办事项清单 goes to the 督查室 too
)
BLANK = "＿＿＿＿＿＿"  # room to write by hand


def _key(sheet_key: str) -> str:
    return f"signoff:{sheet_key}"


def default_lines(sheet_key: str) -> tuple[str, ...]:
    return LINES if sheet_key in HANDED_IN else ()


def chosen_lines(sheet_key: str) -> tuple[str, ...]:
    stored = ledger_info.get(_key(sheet_key))
    if not stored:
        return default_lines(sheet_key)
    if stored == "none":
        return ()
    wanted = set(stored.split(","))
    return tuple(line for line in LINES if line in wanted)


def parse_lines(text: str) -> tuple[str, ...]:
    """'填报人, 审核人' or 'preparer,reviewer' or 'none'; ValueError naming a wrong one."""
    text = text.strip()
    if text.lower() in ("none", "无", ""):
        return ()
    lines = []
    for word in text.replace("，", ",").replace("、", ",").split(","):
        word = word.strip()
        line = word.lower() if word.lower() in LINES else ALIASES.get(word)
        if line is None:
            raise ValueError(
                f"unknown sign-off line {word!r}; use {', '.join(LINES)} "
                "(or 填报单位, 填报人, 审核人, 联系电话, 填报日期), or none"
            )
        lines.append(line)
    return tuple(x for x in LINES if x in lines)


def set_lines(sheet_key: str, lines: tuple[str, ...]) -> None:
    ledger_info.store(_key(sheet_key), ",".join(lines) if lines else "none")


def block(
    sheet_key: str, printed_on: dt.date | None, t: Callable[[str], str]
) -> list[tuple[str, str]]:
    """(label, value) of each line the sheet shows, in the form's order."""
    lines = chosen_lines(sheet_key)
    if not lines:
        return []
    from desktop_app.reports.sheets.common import date_text

    info = ledger_info.values()
    values = {
        ORGANISATION: info[ledger_info.ORGANISATION],
        PREPARER: info[ledger_info.PREPARER],
        REVIEWER: "",
        PHONE: info[ledger_info.PHONE],
        DATE: date_text(printed_on or dt.date.today(), t),
    }
    colon = t(LABEL_COLON)
    return [(colon.replace("%1", t(LABELS[line])), values[line] or BLANK) for line in lines]
