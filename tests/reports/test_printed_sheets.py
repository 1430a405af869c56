"""Sheets as an official sees them on paper: real PDFs of the sample ledger, read back.

People are headed 姓名; numbers and codes (phone, ID number, e-mail, dates,
counts) never break inside; a register of short rows takes one line a row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

import pytest
from pypdf import PdfReader

from desktop_app import i18n
from desktop_app.cli_report import translated_sheet
from desktop_app.reports import sheets
from desktop_app.reports.model import DATE, INT, TEXT, Column, Sheet, Table
from desktop_app.reports.paper import PageInfo, write_pdf
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger

Y2023 = sheets.year_period(2023)


@pytest.fixture
def chinese(qapp):
    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def sample(demo_db, chinese):
    """The sample ledger of `coop-ledger demo`, open, sheets in Chinese."""
    open_ledger(demo_db)
    yield
    store_db.close()


def page_texts(path) -> list[str]:
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(str(path)).pages]


def printed_lines(path) -> list[str]:
    """Every line of every page as laid out: a row printed on one line is one line."""
    return [
        line
        for p in PdfReader(str(path)).pages
        for line in unicodedata.normalize("NFKC", p.extract_text(extraction_mode="layout"))
        .replace("\t", " ")
        .splitlines()
    ]


def one_line_pages(sheet: Sheet, tmp_path) -> int:
    """The pages the sheet takes when every row is one line: the same rows, each
    text cell cut to one character (numbers and dates as they are)."""

    def cut(table: Table, row: list | None) -> list | None:
        if row is None:
            return None
        return [
            v[:1] if c.kind == TEXT and v else v for c, v in zip(table.columns, row, strict=True)
        ]

    short = dataclasses.replace(
        sheet,
        tables=[
            dataclasses.replace(t, rows=[cut(t, r) for r in t.rows], total=cut(t, t.total))
            for t in sheet.tables
        ],
    )
    return write_pdf(short, tmp_path / "one-line.pdf", PageInfo())


# ---------------------------------------------------------------- 姓名, not 名称


def test_people_are_headed_full_name_where_things_are_headed_name(sample, tmp_path):
    roster = tmp_path / "roster.pdf"
    write_pdf(translated_sheet("talents", period=Y2023), roster, PageInfo())
    for number, text in enumerate(page_texts(roster), start=1):
        assert "姓名" in text and "名称" not in text, f"page {number}"

    unit = sheets.unit_id_by_name("县发展和改革局")
    ledger = tmp_path / "unit.pdf"
    write_pdf(translated_sheet("unit_ledger", unit_id=unit, period=Y2023), ledger, PageInfo())
    text = "".join(page_texts(ledger))
    assert re.search(r"人才\s*序号\s*姓名", text), "the unit ledger's talents"
    assert re.search(r"合作院校\s*序号\s*名称", text), "institutions keep 名称"

    dossier = tmp_path / "dossier.pdf"
    zhongbei = m.Institution.get(m.Institution.name == "中北大学").id
    write_pdf(translated_sheet("institution_dossier", record_id=zhongbei), dossier, PageInfo())
    text = "".join(page_texts(dossier))
    assert re.search(r"人才\s*序号\s*姓名", text), "the dossier's talents"


# ---------------------------------------------------------------- numbers never break


def test_institution_register_prints_each_phone_whole_on_its_row(sample, tmp_path):
    sheet = translated_sheet("institutions", period=Y2023)
    rows = sheet.tables[0].rows
    phones = [(unicodedata.normalize("NFKC", row[1]), row[9]) for row in rows if row[9]]
    assert len(phones) >= 20  # the sample's 25 institutions
    path = tmp_path / "institutions.pdf"
    pages = write_pdf(sheet, path, PageInfo())
    lines = printed_lines(path)
    for name, phone in phones:
        line = next((x for x in lines if phone in x), None)
        assert line is not None, f"{phone} is broken across lines"
        assert name in line, f"{name}'s row takes more than one line"
    # As many pages as one-line rows fill (it was 3 pages for 25 rows).
    assert pages == one_line_pages(sheet, tmp_path)


def test_talent_roster_prints_each_row_on_one_line(sample, tmp_path):
    sheet = translated_sheet("talents", period=Y2023)
    rows = sheet.tables[0].rows
    assert len(rows) > 60
    path = tmp_path / "talents.pdf"
    pages = write_pdf(sheet, path, PageInfo())
    lines = printed_lines(path)
    for row in rows:
        name, start = row[1], row[9].isoformat()
        assert any(name in x and start in x for x in lines), f"{name}'s row is broken"
    assert pages == one_line_pages(sheet, tmp_path)


def test_codes_never_break_even_where_columns_are_tight(qapp, tmp_path):
    """ID numbers, phones, e-mails, dates and counts stay whole where the
    declared weights leave them too little room; the long note wraps instead."""
    columns = [
        Column("序号", INT, 0.4),
        Column("姓名", TEXT, 0.6),
        Column("身份证号", TEXT, 0.8),
        Column("手机", TEXT, 0.8),
        Column("电子邮箱", TEXT, 0.8),
        Column("开始日期", DATE, 0.8),
        Column("参加人数", INT, 0.5),
        Column("备注", TEXT, 3.0),
    ]
    rows = [
        [
            i,
            f"张{i:02d}",
            # No …X and no digit after a letter: there Noto CJK draws digits
            # with alternate glyphs that Qt's PDF text layer leaves unnamed
            # (the page shows them right; the text read back lacks them).
            f"14022819900101{i:04d}",
            f"138{i:08d}",
            f"lab.{'abcdefghij'[i % 10]}{'klmnopqrst'[i // 10]}@nuc.edu.cn",
            dt.date(2023, 1 + i % 12, 1 + i % 28),
            12345 + i,
            "合作内容需要换行显示" * 6 + f"完{i:02d}",
        ]
        for i in range(1, 41)
    ]
    sheet = Sheet("codes", "人员信息", [Table(columns, rows)], landscape=True)
    path = tmp_path / "codes.pdf"
    write_pdf(sheet, path, PageInfo())
    text = "".join(page_texts(path))  # a code broken across lines has a line break inside
    flat = re.sub(r"\s+", "", text)
    for _, _, id_number, phone, email, start, count, note in rows:
        for code in (id_number, phone, email, start.isoformat(), f"{count:,}"):
            assert code in text, f"{code} is broken across lines"
        assert note in flat  # the note wraps, and all of it is printed
