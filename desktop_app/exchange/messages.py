"""What import and export tell a person, as translatable source strings.

Each message is an English source string marked with QT_TRANSLATE_NOOP in the
context "Import" and filled in with %1, %2 …; Message.text(translate) renders
it, translate(context, text) being QCoreApplication.translate in the GUI and
nothing (English) on the command line. Validation problems from the service
keep their own context ("Validation") and field labels ("Field").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.records import errors as E
from desktop_app.records.specs import QT_TRANSLATE_NOOP

CONTEXT = "Import"
Translate = Callable[[str, str], str]

# ---------------------------------------------------------------- the file
EMPTY_FILE = QT_TRANSLATE_NOOP("Import", "The file is empty.")
TOO_BIG = QT_TRANSLATE_NOOP(
    "Import", "The file is %1 MB; files over %2 MB are not imported. Split it into smaller files."
)
NOT_A_WORKBOOK = QT_TRANSLATE_NOOP(
    "Import", "This is not an Excel workbook (.xlsx, .xlsm, .xls) or a CSV file."
)
DAMAGED_WORKBOOK = QT_TRANSLATE_NOOP(
    "Import", "The workbook cannot be read (%1). Open it in Excel or WPS and save it again."
)
ENCRYPTED = QT_TRANSLATE_NOOP(
    "Import",
    "The workbook is protected with a password. Open it in Excel or WPS, remove the password and save it again.",
)
WEB_PAGE = QT_TRANSLATE_NOOP(
    "Import",
    "The file is a web page saved under an Excel name. Open it in Excel or WPS and save it as .xlsx.",
)
OLD_XLS = QT_TRANSLATE_NOOP(
    "Import",
    "The file is in the Excel 95 (or older) format. Open it in Excel or WPS and save it as .xlsx.",
)
SPREAD_OUT = QT_TRANSLATE_NOOP(
    "Import",
    'The cells of sheet "%1" are spread over %2 rows × %3 columns, more than the %4 cells an .xls workbook may span here. Delete the stray cells far from the table, or save the file as .xlsx.',
)
ZIP_BOMB = QT_TRANSLATE_NOOP(
    "Import", "The workbook unpacks to more than %1 MB; it is refused as too large or damaged."
)
TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "Import", "The sheet has more than %1 rows. Split it into smaller files."
)
NOT_TEXT = QT_TRANSLATE_NOOP(
    "Import", "The CSV file is not text in UTF-8 or GBK. Save it again as CSV (UTF-8)."
)
BAD_CSV = QT_TRANSLATE_NOOP("Import", "The CSV file cannot be read: %1")
NO_SUCH_SHEET = QT_TRANSLATE_NOOP("Import", 'The workbook has no sheet named "%1".')
NO_SHEETS = QT_TRANSLATE_NOOP("Import", "The workbook has no worksheet.")
CANNOT_OPEN = QT_TRANSLATE_NOOP("Import", "The file cannot be opened: %1")
NO_SUCH_FILE = QT_TRANSLATE_NOOP("Import", "The file does not exist (was it moved or renamed?).")
IS_A_FOLDER = QT_TRANSLATE_NOOP("Import", "This is a folder, not a file.")
NO_PERMISSION = QT_TRANSLATE_NOOP(
    "Import", "The file cannot be read: permission denied. Is it open in another program?"
)

# ---------------------------------------------------------------- the table
NO_HEADER = QT_TRANSLATE_NOOP(
    "Import", "No header row found: none of the first rows names the columns of %1, such as %2."
)
MISSING_COLUMN = QT_TRANSLATE_NOOP("Import", "The file has no column for %1, which is required.")
NO_ROWS = QT_TRANSLATE_NOOP("Import", "The sheet has no rows below the header.")
FEW_COLUMNS = QT_TRANSLATE_NOOP(
    "Import",
    "Only %1 of the %2 columns match the fields of %3. Is this the right kind of record?",
)
SEVERAL_NAMES = QT_TRANSLATE_NOOP(
    "Import", "%1: the cell holds several names; give each its own row."
)
UNCALCULATED = QT_TRANSLATE_NOOP(
    "Import",
    "%1 cell(s) hold formulas that were never calculated (the file was last saved by another program), so they read as empty. Open the file in Excel or WPS, save it, and read it again.",
)

# ---------------------------------------------------------------- a cell
BAD_DATE = QT_TRANSLATE_NOOP(
    "Import", "%1: cannot read this as a date; write it like 2023-09-04 or 2023年9月4日."
)
NO_SUCH_DAY = QT_TRANSLATE_NOOP(
    "Import", "%1: there is no such day in the calendar; check the month and the day."
)
BAD_NUMBER = QT_TRANSLATE_NOOP("Import", "%1: cannot read this as a number.")
ERROR_CELL = QT_TRANSLATE_NOOP(
    "Import", "%1: the cell shows the Excel error %2, not a value; correct it in the sheet."
)
DIGITS_LOST = QT_TRANSLATE_NOOP(
    "Import",
    "%1: the number was stored as a number and lost its last digits in Excel; format the column as text and type it again.",
)
NOT_FOUND = QT_TRANSLATE_NOOP("Import", '%1: no record is named "%2".')
NOT_FOUND_CREATE = QT_TRANSLATE_NOOP(
    "Import", '%1: the ledger has no record named "%2" (it can be created during the import).'
)
AMBIGUOUS = QT_TRANSLATE_NOOP(
    "Import", '%1: several records are named "%2"; rename one of them first.'
)

# ---------------------------------------------------------------- a row
DUPLICATE_IN_FILE = QT_TRANSLATE_NOOP("Import", "The same record as row %1 of the file.")
DUPLICATE_EXISTING = QT_TRANSLATE_NOOP("Import", 'The ledger already has "%1".')
DUPLICATE_SAME_IDENTITY = QT_TRANSLATE_NOOP(
    "Import", 'The ledger already has "%1", with the same %2.'
)
CHANGED_SINCE = QT_TRANSLATE_NOOP("Import", "The ledger changed since the preview: %1")

# ---------------------------------------------------------------- the outcome
REFUSED_ERRORS = QT_TRANSLATE_NOOP(
    "Import",
    "Nothing was imported: %1 row(s) have errors. Correct them, or choose to import the valid rows only.",
)
CANCELLED = QT_TRANSLATE_NOOP("Import", "Cancelled; nothing was imported.")

# ---------------------------------------------------------------- the error report
REPORT_TITLE = QT_TRANSLATE_NOOP("Import", "Import errors")
REPORT_ROW = QT_TRANSLATE_NOOP("Import", "Row")
REPORT_COLUMN = QT_TRANSLATE_NOOP("Import", "Column")
REPORT_VALUE = QT_TRANSLATE_NOOP("Import", "Value")
REPORT_REASON = QT_TRANSLATE_NOOP("Import", "Reason")

# ---------------------------------------------------------------- actions on a duplicate
ACTION_IMPORT = QT_TRANSLATE_NOOP("Import", "Import anyway")
ACTION_SKIP = QT_TRANSLATE_NOOP("Import", "Skip")
ACTION_UPDATE = QT_TRANSLATE_NOOP("Import", "Update")


def _plain(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """A translatable message: template with %1 … and its arguments.

    label_args are the positions (1-based) of arguments that are field labels,
    translated in the "Field" context as the form shows them; record_args
    those that name a record type ("Record").
    """

    template: str
    args: tuple = ()
    context: str = CONTEXT
    label_args: tuple[int, ...] = ()
    record_args: tuple[int, ...] = ()  # record type labels, context "Record"

    def text(self, translate: Translate | None = None) -> str:
        return format_message(self, translate)

    @classmethod
    def from_problem(cls, problem: E.Problem) -> Message:
        """A validation problem of the service (first argument: a field label)."""
        return cls(problem.template, tuple(problem.args), E.V, (1,) if problem.args else ())


def format_message(message: Message, translate: Translate | None = None) -> str:
    t = translate or _plain
    out = t(message.context, message.template)
    # Highest number first: %1 must not eat the start of %10.
    for i in range(len(message.args), 0, -1):
        arg = message.args[i - 1]
        if i in message.label_args:
            text = t("Field", str(arg))
        elif i in message.record_args:
            text = t("Record", str(arg))
        else:
            text = str(arg)
        out = out.replace(f"%{i}", text)
    return out


class ExchangeError(Exception):
    """A file that cannot be imported at all; .message says why."""

    def __init__(self, template: str, *args) -> None:
        self.message = Message(template, args)
        super().__init__(self.message.text())


class Cancelled(Exception):
    """The user cancelled; nothing was written."""
