"""Lines of a printed cell: Chinese breaks anywhere, words and numbers stay whole."""

from __future__ import annotations

import random

import pytest

from desktop_app.reports.text_wrap import NO_END, NO_START, wrap


def advance(text: str) -> float:
    """A monospaced stand-in: a CJK character 2 units, anything else 1."""
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def test_text_that_fits_is_one_line_and_new_lines_are_kept():
    assert wrap("中北大学", 8, advance) == ["中北大学"]
    assert wrap("第一行\n第二行", 20, advance) == ["第一行", "第二行"]
    assert wrap("", 5, advance) == [""]


def test_chinese_breaks_between_characters_to_fill_each_line():
    assert wrap("中国航天科工集团第三研究院", 10, advance) == ["中国航天科", "工集团第三", "研究院"]


def test_numbers_codes_and_words_stay_whole():
    lines = wrap("电话 13800000216 邮箱 a@b.cn", 14, advance)
    assert any("13800000216" in line for line in lines)
    assert any("a@b.cn" in line for line in lines)
    assert wrap("magnetic levitation", 12, advance) == ["magnetic", "levitation"]


def test_a_word_wider_than_the_line_is_cut_not_lost():
    lines = wrap("140221199001011233X", 8, advance)
    assert "".join(lines) == "140221199001011233X"
    assert all(advance(line) <= 8 for line in lines)


def test_closing_punctuation_never_starts_a_line_nor_opening_ends_one():
    lines = wrap("甲乙丙丁，戊己", 8, advance)
    assert lines == ["甲乙丙", "丁，戊己"]
    lines = wrap("甲乙丙（丁戊）", 8, advance)
    assert lines[0] == "甲乙丙" and lines[1].startswith("（")


@pytest.mark.parametrize("seed", range(30))
def test_random_text_keeps_every_character_and_fits_where_it_can(seed):
    rnd = random.Random(seed)
    alphabet = "中北大学合作项目研究，。（）、 abc123-@"
    text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 200)))
    width = rnd.randint(4, 40)
    lines = wrap(text, width, advance)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert advance(line) <= width or len(line) == 1 or line[-1] in NO_START | NO_END


def test_a_long_word_after_other_text_is_cut_to_fit_not_run_out_of_the_box():
    url = "https://example.com/" + "abcdefghij" * 5
    lines = wrap("网址：" + url, 20, advance)
    assert "".join(lines) == "网址：" + url
    assert all(advance(line) <= 20 for line in lines)


def test_a_run_of_closing_marks_never_starts_a_line():
    text = "县里印发了《阳高县校地合作管理办法（试行）》。"
    for width in range(8, 40):
        lines = wrap(text, width, advance)
        assert "".join(lines) == text
        assert all(line[0] not in NO_START for line in lines[1:]), (width, lines)


def test_tabs_controls_and_trailing_blank_lines_do_not_print():
    assert wrap("甲\t乙\x07丙\n\n\n", 40, advance) == ["甲 乙丙"]
    assert wrap("甲\u2028乙", 40, advance) == ["甲", "乙"]
