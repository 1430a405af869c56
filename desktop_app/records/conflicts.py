"""Two saves of one record: what the form opened with (base), what was saved
meanwhile on another PC (theirs) and what the form holds now (mine).

A field only one side changed takes that side's value; a field both changed
to different values is a conflict the user decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.records import audit
from desktop_app.records.specs import RecordSpec

THEIRS, MINE = "theirs", "mine"


@dataclass
class FieldChange:
    name: str
    label: str
    base: str
    theirs: str
    mine: str
    conflict: bool  # both changed it, differently
    take: str  # THEIRS or MINE: what a merge takes (the user may change a conflict's)


@dataclass
class Comparison:
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def conflicts(self) -> list[FieldChange]:
        return [f for f in self.fields if f.conflict]


def compare(
    spec: RecordSpec, base: dict[str, Any], theirs: dict[str, Any], mine: dict[str, Any]
) -> Comparison:
    """The fields either side changed (compared as people read them)."""
    shown = [audit.display_values(spec, v) for v in (base, theirs, mine)]
    out = Comparison()
    for f in spec.fields:
        b, t, m = (s.get(f.name, "") for s in shown)
        if t == b and m == b:
            continue
        conflict = t != b and m != b and t != m
        take = MINE if (m != b) else THEIRS
        out.fields.append(FieldChange(f.name, f.label, b, t, m, conflict, take))
    return out


def merged(
    spec: RecordSpec, theirs: dict[str, Any], mine: dict[str, Any], comparison: Comparison
) -> dict[str, Any]:
    """Their values, with the fields the comparison takes from mine."""
    out = dict(theirs)
    for change in comparison.fields:
        if change.take == MINE:
            out[change.name] = mine.get(change.name)
    return out
