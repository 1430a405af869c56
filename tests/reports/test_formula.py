"""The simple formulas of a form, worked out for printing it."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from desktop_app.reports import formula


@pytest.fixture
def wb():
    wb = Workbook()
    ws = wb.active
    ws.title = "表1"
    for row, (a, b) in enumerate([(1, 2), (3, 4), (5, "文字"), (2.5, None)], start=1):
        ws.cell(row, 1, a)
        ws.cell(row, 2, b)
    other = wb.create_sheet("其他 表")
    other["A1"] = 100
    other["A2"] = "=A1*2"
    return wb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=A1+B1*2", 5),
        ("=(A1+B1)*2", 6),
        ("=SUM(A1:A3)", 9),
        ("=SUM(A1:B4)", 17.5),  # text and blanks in a range are skipped, as in Excel
        ("=sum(A1:A2, 10)", 14),
        ("=AVERAGE(A1:A3)", 3),
        ("=MIN(A1:A4)", 1),
        ("=MAX(A1:A4)", 5),
        ("=COUNT(A1:B4)", 6),
        ("=ROUND(A4, 0)", 3),  # halves away from zero, not to even
        ("=ROUND(-2.5, 0)", -3),
        ("=-A1+50%", -0.5),
        ("='其他 表'!A2+$A$1", 201),
        ("=B4+1", 1),  # an empty cell is 0
        ("=A1/(B1-2)", formula.DIV0),  # shown as Excel shows it
        ("=B3+1", formula.UNKNOWN),  # text in arithmetic: #VALUE!
        ("=VLOOKUP(A1,A1:B4,2)", formula.UNKNOWN),
        ("=C9", None),
        ("=A1+", formula.UNKNOWN),
        ("=Z1:Z2", formula.UNKNOWN),
    ],
)
def test_values(wb, text, expected):
    wb["表1"]["D1"] = text
    assert formula.Evaluator(wb).value("表1", "D1") == expected


def test_a_circular_reference_is_unknown_not_a_hang(wb):
    wb["表1"]["D1"] = "=D2+1"
    wb["表1"]["D2"] = "=D1+1"
    ev = formula.Evaluator(wb)
    assert ev.value("表1", "D1") is formula.UNKNOWN


def test_a_long_running_total_is_worked_out_not_a_recursion_error():
    from openpyxl import Workbook

    from desktop_app.reports import formula

    wb = Workbook()
    ws = wb.active
    ws.title = "明细"
    ws["C1"] = 0
    for r in range(2, 3002):
        ws[f"B{r}"] = 1
        ws[f"C{r}"] = f"=C{r - 1}+B{r}"
    summary = wb.create_sheet("汇总")
    summary["B1"] = "='明细'!C3001"
    ev = formula.Evaluator(wb)
    assert ev.value("汇总", "B1") == 3000


def test_excel_errors_and_rounding_beyond_range_do_not_crash():
    from openpyxl import Workbook

    from desktop_app.reports import formula

    wb = Workbook()
    ws = wb.active
    ws["A1"] = 5
    ws["A2"] = "=ROUND(A1,30)"
    ws["A3"] = "=ROUND(1E+30,2)"
    ws["A4"] = "=AVERAGE(Z1:Z3)"
    ws["A5"] = "=A4+1"
    ws["A6"] = "=A1/0"
    ev = formula.Evaluator(wb)
    assert ev.value(ws.title, "A2") == 5
    assert ev.value(ws.title, "A3") == 1e30
    assert ev.value(ws.title, "A4") == formula.DIV0
    assert ev.value(ws.title, "A5") == formula.DIV0
    assert ev.value(ws.title, "A6") == formula.DIV0
