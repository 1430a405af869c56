"""The period a hand-in is for, written as users write it."""

import pytest

from desktop_app.handin.periods import normalize


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("2023Q3", "2023年第三季度"),
        ("2023-q1", "2023年第一季度"),
        ("2023 Q4", "2023年第四季度"),
        ("2023年第3季度", "2023年第三季度"),
        ("2023年第二季度", "2023年第二季度"),
        ("2023-07", "2023年7月"),
        ("2023年12月", "2023年12月"),
        ("2023", "2023年度"),
        ("2023年度", "2023年度"),
    ],
)
def test_periods_are_named_as_the_ledger_names_them(typed, named):
    assert normalize(typed) == named


@pytest.mark.parametrize("typed", ["", "三季度", "2023Q5", "2023-13", "23Q3", "2023年第五季度"])
def test_anything_else_is_no_period(typed):
    assert normalize(typed) is None
