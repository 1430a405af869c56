"""Phone numbers, e-mail addresses and ID numbers as offices type them."""

from __future__ import annotations

import pytest

from desktop_app.records import formats
from desktop_app.records.formats import FormatError


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("13800000216", "13800000216"),
        ("138 0000 0216", "13800000216"),
        ("１３８０００００２１６", "13800000216"),  # full-width, from an input method
        ("+86 138-0000-0216", "13800000216"),
        ("0352-6012345", "0352-6012345"),
        ("03526012345", "0352-6012345"),
        ("(0352) 601 2345", "0352-6012345"),
        ("010-62781234", "010-62781234"),
        ("6012345", "6012345"),
        ("0352-6012345 转 8001", "0352-6012345 转 8001"),
        ("0352-6012345、13800000216", "0352-6012345、13800000216"),
        ("0352-6012345，13800000216", "0352-6012345、13800000216"),
        ("400-810-8888", "400-810-8888"),
        ("", ""),
    ],
)
def test_phone_numbers_as_people_write_them_are_kept_tidy(typed, kept):
    assert formats.clean_phone(typed) == kept


@pytest.mark.parametrize(
    "typed", ["1380000021", "138000002160", "0352-1", "电话待定", "13800000216abc", "12345678901"]
)
def test_what_cannot_be_a_phone_number_is_refused_with_what_it_should_look_like(typed):
    with pytest.raises(FormatError) as refused:
        formats.clean_phone(typed)
    assert refused.value.message == formats.BAD_PHONE


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("wang@nuc.edu.cn", "wang@nuc.edu.cn"), ("Wang＠NUC.edu.CN", "Wang@nuc.edu.cn"), ("", "")],
)
def test_email_addresses(typed, kept):
    assert formats.clean_email(typed) == kept


@pytest.mark.parametrize("typed", ["wang", "wang@", "wang@nuc", "@nuc.edu.cn", "a b@nuc.cn"])
def test_what_is_no_email_address_is_refused(typed):
    with pytest.raises(FormatError):
        formats.clean_email(typed)


def test_id_numbers_are_checked_by_length_birth_date_and_check_digit():
    formats.check_id_number("110101199003077758")  # the GB 11643 example's kind
    formats.check_id_number("14022119800101128X")
    formats.check_id_number("140221800101123")  # a 15-digit first-generation card
    formats.check_id_number("")
    for number, message in [
        ("11010119900307775", formats.BAD_ID_LENGTH),
        ("1101011990030777A8", formats.BAD_ID_CHARS),
        ("110101199002307758", formats.BAD_ID_BIRTH),  # 30 February
        ("110101199003077759", formats.BAD_ID_CHECK),
    ]:
        with pytest.raises(FormatError) as refused:
            formats.check_id_number(number)
        assert refused.value.message == message, number
    with pytest.raises(FormatError) as refused:
        formats.check_id_number("110101199003077759")
    assert refused.value.args_after_label == ("8",)
