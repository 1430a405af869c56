"""Phone numbers, e-mail addresses and ID numbers: cleaned and checked.

Offices type these from business cards and old spreadsheets, often with a
Chinese input method: full-width digits (１３８…), full-width ＠, spaces and
dashes where people put them, two numbers in one cell (0352-6012345、13800000216),
an extension (转 8001). All of that is accepted and tidied. What is refused is
what cannot be a number at all: a mobile number with 10 or 12 digits, letters,
an e-mail without a domain, an 18-digit ID number whose check digit or birth
date is wrong. No Qt here; messages are translated by the caller.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from desktop_app.records.specs import QT_TRANSLATE_NOOP

PHONE, EMAIL, ID_CARD = "phone", "email", "id_card"

BAD_PHONE = QT_TRANSLATE_NOOP(
    "Validation",
    "%1: %2 is not a phone number (a mobile has 11 digits starting with 1, "
    "a landline looks like 0352-6012345).",
)
BAD_EMAIL = QT_TRANSLATE_NOOP(
    "Validation", "%1: %2 is not an e-mail address (it looks like name@example.cn)."
)
BAD_ID_LENGTH = QT_TRANSLATE_NOOP(
    "Validation", "%1 must have 18 characters (or 15 digits for an old card); it has %2."
)
BAD_ID_CHARS = QT_TRANSLATE_NOOP(
    "Validation", "%1 may hold only digits, with X as the last character."
)
BAD_ID_BIRTH = QT_TRANSLATE_NOOP(
    "Validation", "%1: the date of birth in it (characters 7 to 14, %2) is not a real date."
)
BAD_ID_CHECK = QT_TRANSLATE_NOOP(
    "Validation", "%1: the last character should be %2 for the first 17 (check the number)."
)


class FormatError(ValueError):
    """A value that cannot be what its field holds: the message and its arguments
    after the field's label."""

    def __init__(self, message: str, *args: object) -> None:
        super().__init__(message)
        self.message = message
        self.args_after_label = args


# One number: digits with the separators people write between them.
_SEPARATORS = re.compile(r"\s*(?:[,，、;；/]|\s{2,})\s*")
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})$", re.I)


def clean_phone(text: str) -> str:
    """The phone numbers in text, tidied; raises FormatError for one that is none."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return ""
    numbers = [n for n in _SEPARATORS.split(text) if n]
    return "、".join(_one_phone(n) for n in numbers)


def _one_phone(number: str) -> str:
    extension = ""
    found = _EXTENSION.search(number)
    if found:
        extension = f" 转 {found.group(1)}"
        number = number[: found.start()]
    if re.search(r"[^\d\s()+\-]", number):
        raise FormatError(BAD_PHONE, number)
    digits = re.sub(r"\D", "", number)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif number.strip().startswith("+86") or (digits.startswith("86") and len(digits) == 13):
        digits = digits[2:]
    if re.fullmatch(r"1[3-9]\d{9}", digits):  # a mobile
        return digits + extension
    if re.fullmatch(r"0\d{9,11}", digits):  # area code and local number
        area = 3 if digits[:2] in _TWO_DIGIT_AREAS else 4
        return f"{digits[:area]}-{digits[area:]}" + extension
    if re.fullmatch(r"[2-9]\d{6,7}", digits):  # a local number without its area code
        return digits + extension
    if re.fullmatch(r"(400|800)\d{7}", digits):  # service numbers
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if re.fullmatch(r"1\d{4}", digits):  # 12345 and other short service numbers
        return digits
    raise FormatError(BAD_PHONE, number.strip())


# Area codes 010 and 020-029 (Beijing, Shanghai, Tianjin, Chongqing and other
# big cities) have three digits with the 0; all others four (0352 Datong).
_TWO_DIGIT_AREAS = {"01", "02"}


_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


def clean_email(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return ""
    if not _EMAIL.fullmatch(text):
        raise FormatError(BAD_EMAIL, text)
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """The check character of an 18-digit resident ID (GB 11643, ISO 7064 MOD 11-2)."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def check_id_number(number: str) -> None:
    """Raise FormatError unless number (already cleaned: no spaces, upper case) is
    a well-formed resident ID number. Empty passes."""
    if not number:
        return
    if len(number) not in (15, 18):
        raise FormatError(BAD_ID_LENGTH, len(number))
    if not re.fullmatch(r"\d{17}[\dX]|\d{15}", number):
        raise FormatError(BAD_ID_CHARS)
    birth = number[6:14] if len(number) == 18 else "19" + number[6:12]
    try:
        born = dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
    except ValueError:
        raise FormatError(BAD_ID_BIRTH, birth) from None
    if born.year < 1900 or born > dt.date.today():
        raise FormatError(BAD_ID_BIRTH, birth)
    if len(number) == 18 and number[17] != id_check_digit(number[:17]):
        raise FormatError(BAD_ID_CHECK, id_check_digit(number[:17]))
