"""Column widths from the content: the rules, without Qt (one unit per character)."""

from __future__ import annotations

import pytest

from desktop_app.reports.column_widths import (
    ColumnNeed,
    allot,
    measure_table,
    pieces,
    unbreakable,
)
from desktop_app.reports.model import DATE, INT, TEXT, Column, Table


def test_pieces_keep_numbers_codes_and_words_whole_and_split_chinese():
    assert pieces("中北大学 NUC 13800000216") == ["中", "北", "大", "学", "NUC", "13800000216"]
    assert pieces("2023-02-28 启动") == ["2023-02-28", "启", "动"]
    assert pieces("联系hua@example.edu.cn") == ["联", "系", "hua@example.edu.cn"]


@pytest.mark.parametrize(
    "text, kind, whole",
    [
        ("13800000216", TEXT, True),
        ("14022819900101018X", TEXT, True),
        ("hua@example.edu.cn", TEXT, True),
        ("0352-6621234", TEXT, True),
        ("2023-02-28", DATE, True),
        ("12,345", INT, True),
        ("中北大学", TEXT, False),
        ("138 0000 0216", TEXT, False),  # the writer's own spaces may break
        ("", TEXT, False),
    ],
)
def test_what_is_printed_whole(text, kind, whole):
    assert unbreakable(text, kind) is whole


def _width(text: str, bold: bool) -> float:
    return float(len(text))


def test_measure_takes_the_widest_unbreakable_piece_and_the_widest_line():
    table = Table(
        [Column("No.", INT), Column("Full name", TEXT), Column("Phone", TEXT)],
        [[1, "张三", "13800000216"], [2, "欧阳娜娜", "0352-6621234"]],
    )
    cells = [["1", "张三", "13800000216"], ["2", "欧阳娜娜", "0352-6621234"]]
    no, name, phone = measure_table(table, cells, _width)
    assert (no.hard, no.full, no.header) == (3, 3, 3)  # the header "No." is widest
    assert (name.hard, name.readable, name.full, name.header) == (4, 4, 4, 9)  # "Full" / 欧阳娜娜
    assert (phone.hard, phone.full) == (12, 12)  # 0352-6621234 never breaks


def test_short_cells_get_all_they_want_long_text_the_rest_by_weight():
    number = ColumnNeed(hard=11, readable=11, full=11, header=11)
    name = ColumnNeed(hard=1, readable=3, full=3, header=3)
    note = ColumnNeed(hard=1, readable=4, full=80, header=80)
    widths = allot([number, name, note], [0.5, 0.5, 3.0], room=40)
    assert widths[0] == 11  # whole
    assert widths[1] == pytest.approx(3)  # the name on one line
    assert widths[2] == pytest.approx(26)  # the note wraps in what is left
    assert allot([number, name, note], [1, 1, 1], room=12) is None  # not even 11 + 1 + 1


def test_cells_on_one_line_come_before_headers_on_one_line():
    a = ColumnNeed(hard=5, readable=10, full=20, header=20)
    b = ColumnNeed(hard=5, readable=5, full=5, header=17)  # "Introduction mode"
    widths = allot([a, b], [1, 1], room=30)
    assert widths[0] == pytest.approx(20)  # every cell on one line
    assert widths[1] == pytest.approx(10)  # the header wraps


def test_room_to_spare_follows_the_weights_but_never_below_one_line():
    a = ColumnNeed(hard=2, readable=2, full=2, header=2)
    b = ColumnNeed(hard=2, readable=4, full=30, header=30)
    widths = allot([a, b], [2, 1], room=60)
    assert widths == pytest.approx([30, 30])  # b keeps its one line, a takes the rest
    widths = allot([a, b], [2, 1], room=120)
    assert widths == pytest.approx([80, 40])  # as the weights say


def test_one_long_unbreakable_word_does_not_squeeze_every_other_column():
    # A web address in a 备注 once shrank the other columns of a roster to four characters.
    url = ColumnNeed(hard=600, readable=600, full=640, header=640)
    others = [ColumnNeed(hard=20, readable=60, full=90, header=90) for _ in range(8)]
    widths = allot([url, *others], [1] * 9, room=1000)
    assert widths[0] < 1000 * 0.4  # not 600: the address is cut instead
    assert all(w >= 60 for w in widths[1:])  # everyone else still readable
    assert sum(widths) == pytest.approx(1000)
