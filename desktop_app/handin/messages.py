"""What the hand-in tells a person, as translatable source strings (context
"Handin", filled in with %1, %2 …; see exchange/messages.Message)."""

from __future__ import annotations

from desktop_app.exchange.messages import Message
from desktop_app.records.specs import QT_TRANSLATE_NOOP

CONTEXT = "Handin"

NOT_A_PACKAGE = QT_TRANSLATE_NOOP("Handin", "%1 is not a hand-in package, or it is damaged (%2).")
OTHER_FORMAT = QT_TRANSLATE_NOOP("Handin", "%1 is not a hand-in package of this program's format.")
DAMAGED = QT_TRANSLATE_NOOP("Handin", "%1 is damaged (%2).")
ALTERED = QT_TRANSLATE_NOOP(
    "Handin",
    "%1 was altered after it was made (its signature does not match its contents), or it was "
    "not made by this unit's copy of the ledger.",
)
INCOMPLETE = QT_TRANSLATE_NOOP("Handin", "%1 is incomplete (%2).")
NOT_HANDIN = QT_TRANSLATE_NOOP("Handin", "%1 is not a unit's hand-in package.")
AT_UNIT = QT_TRANSLATE_NOOP(
    "Handin", "This is a unit's copy of the ledger: packages are received at the office."
)
OTHER_OFFICE = QT_TRANSLATE_NOOP("Handin", "%1 was made for another office's ledger, not this one.")
UNKNOWN_UNIT = QT_TRANSLATE_NOOP(
    "Handin", "%1 comes from a unit this ledger has not set up a copy for (%2)."
)
NO_NUMBER = QT_TRANSLATE_NOOP("Handin", "%1 has no package number.")
SAME_NUMBER = QT_TRANSLATE_NOOP(
    "Handin",
    "A different package numbered %1 from %2 was received on %3; this one was made by a copy "
    "that was restored or copied since. Ask the unit which is right.",
)
OUT_OF_ORDER = QT_TRANSLATE_NOOP(
    "Handin",
    "%1 is package %2 from %3, but package %4 is the next one to receive: receive the packages "
    "in the order they were made.",
)
OFFICE_KIND = QT_TRANSLATE_NOOP("Handin", "%1 carries records of a kind the office keeps (%2).")
NO_IDENTITY = QT_TRANSLATE_NOOP("Handin", "%1 holds a record without a proper identity.")
UNREADABLE = QT_TRANSLATE_NOOP("Handin", "%1 holds a record this program cannot read.")
NOT_THEIRS = QT_TRANSLATE_NOOP(
    "Handin", "%1 carries a record of another unit (%2): %3 may only hand in its own."
)
MISSING_LINK = QT_TRANSLATE_NOOP(
    "Handin", "%1: its %2 is a record the office's ledger does not hold."
)
INVALID = QT_TRANSLATE_NOOP("Handin", "%1: %2")
MISSING_FILE = QT_TRANSLATE_NOOP("Handin", "The package lacks the file %1.")
NOT_UPDATE = QT_TRANSLATE_NOOP("Handin", "%1 is not an update from the talent office.")
NOT_AT_UNIT = QT_TRANSLATE_NOOP(
    "Handin", "%1 is an update for a unit's ledger; open that unit's ledger to receive it."
)


def message(template: str, *args, label_args: tuple[int, ...] = ()) -> Message:
    return Message(template, tuple(args), CONTEXT, label_args)
