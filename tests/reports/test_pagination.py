"""Cutting bands into pages: nothing lost, nothing doubled, the keeping rules held."""

from __future__ import annotations

import random

import pytest

from desktop_app.reports.pagination import Band, paginate


def repeat_nothing(table: int) -> list[Band]:
    return []


def test_bands_fill_pages_in_order_and_each_appears_once():
    bands = [Band(10, i) for i in range(25)]
    pages = paginate(bands, 45, repeat_nothing)
    assert [len(p) for p in pages] == [4, 4, 4, 4, 4, 4, 1]
    assert [b.payload for p in pages for b in p] == list(range(25))


def test_a_band_kept_with_the_next_moves_down_with_it():
    bands = [
        Band(10, "a"),
        Band(10, "b"),
        Band(10, "heading", keep_with_next=True),
        Band(10, "row"),
    ]
    pages = paginate(bands, 35, repeat_nothing)
    assert [[b.payload for b in p] for p in pages] == [["a", "b"], ["heading", "row"]]


def test_a_continued_table_starts_its_page_with_its_header():
    header = Band(5, "header")
    bands = [header] + [Band(10, f"row{i}", table=0) for i in range(6)]
    pages = paginate(bands, 30, lambda t: [Band(5, f"header again {t}")])
    assert [b.payload for b in pages[0]] == ["header", "row0", "row1"]
    assert [b.payload for b in pages[1]] == ["header again 0", "row2", "row3"]
    rows = [b.payload for p in pages for b in p if str(b.payload).startswith("row")]
    assert rows == [f"row{i}" for i in range(6)]


def test_a_band_taller_than_a_page_is_split_where_it_allows():
    def split(room, left=95.0):
        first = int(room // 10) * 10
        if first <= 0:
            return None
        rest = Band(left - first, f"rest{left - first:.0f}", table=0)
        rest.split = lambda r, left=left - first: split(r, left)
        return Band(first, f"part{first}", table=0), rest

    tall = Band(95, "tall", table=0, split=split)
    pages = paginate([Band(5, "title"), tall], 40, repeat_nothing)
    assert sum(b.height for p in pages for b in p) == 100
    assert all(sum(b.height for b in p) <= 40 for p in pages)


def test_a_band_that_cannot_be_split_gets_a_page_of_its_own():
    pages = paginate([Band(10, "a"), Band(100, "huge"), Band(10, "b")], 40, repeat_nothing)
    assert [[b.payload for b in p] for p in pages] == [["a"], ["huge"], ["b"]]


@pytest.mark.parametrize("seed", range(40))
def test_random_sheets_lose_and_double_nothing(seed):
    rnd = random.Random(seed)
    bands = [
        Band(rnd.uniform(1, 30), i, keep_with_next=rnd.random() < 0.3, table=rnd.choice([None, 0]))
        for i in range(rnd.randint(1, 80))
    ]
    pages = paginate(bands, 50, lambda t: [Band(4, "header")])
    assert [b.payload for p in pages for b in p if b.payload != "header"] == list(range(len(bands)))
    for page in pages:
        assert sum(b.height for b in page) <= 50 or len(page) <= 2


def _splittable(height: float, name: str, keep: bool = False) -> Band:
    """A row of 10-unit lines that splits between lines."""

    def split(room, left=height):
        lines = int(room // 10)
        if lines < 1 or lines * 10 >= left:
            return None
        return Band(lines * 10, f"{name}-part", table=0), _make(left - lines * 10)

    def _make(left):
        band = Band(left, f"{name}-rest", table=0, keep_with_next=False)
        band.split = lambda room, left=left: split(room, left)
        return band

    band = Band(height, name, table=0, keep_with_next=keep)
    band.split = split
    return band


def test_a_group_too_tall_for_any_page_fills_the_page_instead_of_one_piece_a_page():
    # Title, period and header are kept with a row taller than a page: they
    # once went on three pages of their own before the row began.
    bands = [
        Band(10, "title", keep_with_next=True),
        Band(10, "period", keep_with_next=True),
        Band(10, "header", keep_with_next=True),
        _splittable(440, "tall", keep=True),
        Band(10, "last", table=0),
    ]
    pages = paginate(bands, 100, lambda t: [Band(10, "header again")])
    first = [b.payload for b in pages[0]]
    assert first == ["title", "period", "header", "tall-part"]
    assert sum(b.height for b in pages[0]) == 100


def test_the_last_piece_of_a_split_row_stays_with_the_total():
    bands = [
        Band(10, "header", keep_with_next=True),
        Band(10, "short", table=0),
        _splittable(170, "tall", keep=True),
        Band(10, "total", table=0, keep_with_next=True),
        Band(10, "sign-off"),
    ]
    pages = paginate(bands, 100, lambda t: [Band(10, "header again")])
    last = [b.payload for b in pages[-1]]
    assert last[-2:] == ["total", "sign-off"] and "tall-rest" in last
