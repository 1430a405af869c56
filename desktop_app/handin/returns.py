"""The office sends a hand-in back to the unit (退回) with a comment.

The unit's 台账报送 for the period becomes 已退回, its submitted date is cleared
(so the workbench lists it again among the hand-ins to come), and the comment
is added to its notes with the date; the next update to the unit carries it.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.handin import periods, roles
from desktop_app.records import service
from desktop_app.records.specs import spec_for
from desktop_app.store import categories
from desktop_app.store import models as m


class NoSuchHandIn(LookupError):
    """The unit has no hand-in for that period."""


def find(unit_name: str, period: str) -> int:
    """The id of unit_name's hand-in for period (as typed: 2023Q3 …)."""
    named = periods.normalize(period) or period.strip()
    r = m.LedgerReport
    found = (
        r.select(r.id)
        .join(m.Unit, on=(r.unit == m.Unit.id))
        .where((m.Unit.name == unit_name.strip()) & (r.period == named))
        .scalar()
    )
    if found is None:
        raise NoSuchHandIn(f"{unit_name} {named}")
    return found


def return_hand_in(report_id: int, comment: str, today: dt.date | None = None) -> None:
    """Send the hand-in back with comment (at the office)."""
    if roles.unit_copy() is not None:
        raise PermissionError("hand-ins are sent back by the office")
    spec = spec_for("ledger_report")
    values = service.load(spec, report_id)
    line = f"退回（{(today or dt.date.today()).isoformat()}）：{comment.strip()}"
    values["notes"] = f"{values['notes']}\n{line}" if values.get("notes") else line
    values["status"] = categories.LEDGER_RETURNED
    values["submitted_date"] = None
    service.save(spec, values, report_id)
