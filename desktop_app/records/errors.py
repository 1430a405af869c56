"""Errors a user can read: each names the field and the reason.

Messages are English source strings marked for translation; the UI translates
them (context "Validation") and fills in %1, %2 … with the arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.records.specs import QT_TRANSLATE_NOOP

V = "Validation"

REQUIRED = QT_TRANSLATE_NOOP("Validation", "%1 is required.")
NOT_UNIQUE = QT_TRANSLATE_NOOP("Validation", '%1 "%2" already exists.')
NEGATIVE = QT_TRANSLATE_NOOP("Validation", "%1 cannot be below %2.")
SHARED_READ_ONLY = QT_TRANSLATE_NOOP(
    "Validation", "This is %1's ledger: this list is kept by the talent office and read here."
)
OWN_UNIT_ONLY = QT_TRANSLATE_NOOP(
    "Validation", "This is %1's ledger: it keeps %1's records only; the others hand in their own."
)
# The same rules for a unit's user signed in to the shared server ledger.
SERVER_SHARED_READ_ONLY = QT_TRANSLATE_NOOP(
    "Validation", "You write for %1: this list is kept by the talent office and read here."
)
SERVER_OWN_UNIT_ONLY = QT_TRANSLATE_NOOP(
    "Validation", "You write for %1: you change %1's records only."
)
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Validation", "%1 must be a number.")
TOO_LARGE = QT_TRANSLATE_NOOP("Validation", "%1 is too large a number.")
NOT_A_DATE = QT_TRANSLATE_NOOP("Validation", "%1 must be a date like 2023-09-04.")
END_BEFORE_START = QT_TRANSLATE_NOOP("Validation", "%1 is earlier than %2.")
NOT_FOUND = QT_TRANSLATE_NOOP("Validation", '%1: no record is named "%2".')
UNKNOWN_LINK = QT_TRANSLATE_NOOP("Validation", "%1: the linked record no longer exists.")
TOO_LONG = QT_TRANSLATE_NOOP("Validation", "%1 is longer than %2 characters.")


def refusal_template(kind: str, on_server: bool) -> str:
    """Why a unit's copy (or a unit's user on a server) may not write: kind is
    "shared" (a list the office keeps) or "own" (another unit's record)."""
    if kind == "shared":
        return SERVER_SHARED_READ_ONLY if on_server else SHARED_READ_ONLY
    return SERVER_OWN_UNIT_ONLY if on_server else OWN_UNIT_ONLY


DELETE_REFUSED = QT_TRANSLATE_NOOP(
    "Validation", '"%1" cannot be deleted because other records depend on it:'
)


@dataclass
class Problem:
    field: str  # field name, "" for the record as a whole
    template: str
    args: tuple = ()
    labels: int = 1  # how many leading args are field labels (translated)

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The message; translate(context, text) localises it (first arg is a field label)."""
        t = translate or (lambda _context, text: text)
        out = t(V, self.template)
        for i, arg in enumerate(self.args, start=1):
            out = out.replace(f"%{i}", t("Field", str(arg)) if i <= self.labels else str(arg))
        return out


@dataclass
class ValidationError(Exception):
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(p.text() for p in self.problems)


@dataclass
class RecordChanged(Exception):
    """Someone saved the record (on another PC) after this form was opened:
    their values beside the version they made, to merge with the form's."""

    spec_key: str
    record_id: int
    theirs: dict
    version: int
    changed_by: str
    changed_at: Any

    def __str__(self) -> str:
        return (
            f"{self.spec_key} #{self.record_id} was saved by {self.changed_by or '?'} at "
            f"{self.changed_at} after it was opened here"
        )


@dataclass
class RecordGone(Exception):
    """The record was deleted (on another PC) after this form was opened."""

    spec_key: str
    record_id: int

    def __str__(self) -> str:
        return f"{self.spec_key} #{self.record_id} was deleted after it was opened here"


@dataclass
class DeleteRefused(Exception):
    title: str
    # (record type label, field label, count, example titles)
    dependents: list[tuple[str, str, int, list[str]]]

    def __str__(self) -> str:
        parts = [
            f"{label}/{flabel}: {n} ({', '.join(ex)})" for label, flabel, n, ex in self.dependents
        ]
        return Problem("", DELETE_REFUSED, (self.title,)).text() + " " + "; ".join(parts)
