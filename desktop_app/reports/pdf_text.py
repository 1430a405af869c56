"""Mend the text layer of the PDFs Qt writes with CJK fonts.

Noto CJK (and other CJK fonts) draw 人 and the Kangxi radical ⼈ with one glyph.
When Qt writes the ToUnicode map that turns glyphs back into text, it names
the radical, so copying from the PDF or searching it for 人才 fails, though
the page looks right. This rewrites each ToUnicode map, replacing code points
of the radical blocks with the ordinary characters they stand for (NFKC).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from desktop_app.reports.glyph_names import NAMES

_RADICAL_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


# CJK Radicals Supplement forms that stand for a whole simplified character
# (NFKC leaves this block alone, unlike the Kangxi radicals).
_SUPPLEMENT = dict(
    zip(
        "⺠⺟⺩⻁⻄⻅⻆⻉⻊⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳",
        "民母王虎西见角贝足车长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟",
        strict=True,
    )
)


# CJK fonts draw the em dash (U+2014, what Chinese text uses, doubled as ——)
# and the horizontal bar (U+2015) with one glyph, and Qt names it U+2015; the
# en dash of an English period (1 Jan – 31 Dec) comes back as U+2012 alike.
_DASH, _BAR = 0x2014, 0x2015
_NAMED_AS = {_BAR: _DASH, 0x2012: 0x2013}


def _ordinary(code: int) -> int:
    if code in _NAMED_AS:
        return _NAMED_AS[code]
    if code in NAMES:  # 户 not ⼾ (nor the traditional 戶 NFKC gives), ～ not 〜
        return NAMES[code]
    if any(lo <= code <= hi for lo, hi in _RADICAL_BLOCKS):
        char = chr(code)
        normal = _SUPPLEMENT.get(char) or unicodedata.normalize("NFKC", char)
        if len(normal) == 1:
            return ord(normal)
    return code


# The font's ligatures for two and three em dashes in a row (——, the Chinese
# dash) are named as the single characters ⸺ and ⸻; copying gives them back.
_LIGATURES = {0x2E3A: (_DASH, _DASH), 0x2E3B: (_DASH, _DASH, _DASH)}


def _destination(code: int, single: bool) -> bytes:
    # Only a bfchar line maps one glyph: in a bfrange the destination counts on.
    if single and code in _LIGATURES:
        return b"<" + b"".join(b"%04X" % c for c in _LIGATURES[code]) + b">"
    return b"<%04X>" % _ordinary(code)


def _fix_destinations(segment: bytes, single: bool = False) -> bytes:
    return _HEX.sub(lambda m: _destination(int(m[1], 16), single), segment)


def fix_cmap(data: bytes) -> bytes:
    """Rewrite destinations only: in bfrange lines the first two codes are glyph
    ids, in bfchar lines the first one is."""
    out = []
    section = None
    for line in data.split(b"\n"):
        stripped = line.strip()
        if stripped.endswith(b"beginbfrange"):
            section = "range"
        elif stripped.endswith(b"beginbfchar"):
            section = "char"
        elif stripped in (b"endbfrange", b"endbfchar"):
            section = None
        elif section and stripped.startswith(b"<"):
            keep = 2 if section == "range" else 1
            codes = list(_HEX.finditer(line))
            if len(codes) > keep:
                cut = codes[keep - 1].end()
                # One destination a glyph: a bfchar line, a bfrange with an array
                # of destinations, or a bfrange from a glyph to itself.
                single = (
                    section == "char" or b"[" in line or codes[0][1].upper() == codes[1][1].upper()
                )
                line = line[:cut] + _fix_destinations(line[cut:], single)
        out.append(line)
    return b"\n".join(out)


def mend_text_layer(path: str | Path) -> int:
    """Fix the ToUnicode maps of path in place; returns how many were changed."""
    path = Path(path)
    data = path.read_bytes()
    try:
        mended, changed = mend_bytes(data)
    except _Unexpected:  # not laid out as Qt writes: let pypdf read it
        return _mend_with_pypdf(path)
    if changed:
        tmp = path.with_name(path.name + ".mend")
        tmp.write_bytes(mended)
        tmp.replace(path)
    return changed


class _Unexpected(Exception):
    pass


_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])\s{0,2}")


def mend_bytes(data: bytes) -> tuple[bytes, int]:
    """The mend done on the bytes of a PDF as Qt writes it: one classic xref
    table, ToUnicode maps as plain (unfiltered) streams. Each changed map is
    replaced in place and the xref offsets moved by what it grew; pypdf, which
    takes longer to import than the whole sheet takes to draw, is only the
    fallback for any other layout."""
    tail = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data[-64:])
    if tail is None or data.count(b"startxref") != 1:
        raise _Unexpected
    xref_at = int(tail[1])
    head = re.compile(rb"xref\s+0 (\d+)\s+").match(data, xref_at)
    if head is None:
        raise _Unexpected
    count = int(head[1])
    entries = []
    pos = head.end()
    for _ in range(count):
        entry = _XREF_ENTRY.match(data, pos)
        if entry is None:
            raise _Unexpected
        entries.append([int(entry[1]), entry[2], entry[3]])
        pos = entry.end()
    edits: list[tuple[int, int, bytes]] = []  # (start, end, new bytes)
    for number in sorted({int(n) for n in re.findall(rb"/ToUnicode (\d+) 0 R", data)}):
        if number >= count or entries[number][2] != b"n":
            raise _Unexpected
        start = entries[number][0]
        obj = re.compile(rb"%d 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n" % number).match(
            data, start
        )
        if obj is None:  # a filter or another key: not Qt's plain map
            raise _Unexpected
        body_at = obj.end()
        body_end = body_at + int(obj[1])
        if not re.compile(rb"\r?\n?endstream").match(data, body_end):
            raise _Unexpected
        old = data[body_at:body_end]
        new = fix_cmap(old)
        if new != old:
            header = obj[0].replace(b"/Length " + obj[1], b"/Length %d" % len(new))
            edits.append((start, body_end, header + new))
    if not edits:
        return data, 0
    out = []
    cursor = 0
    shifts: list[tuple[int, int]] = []  # (position in the old file, growth before it)
    growth = 0
    for start, end, new in sorted(edits):
        out += [data[cursor:start], new]
        growth += len(new) - (end - start)
        shifts.append((end, growth))
        cursor = end
    body = b"".join([*out, data[cursor:xref_at]])

    def moved(offset: int) -> int:
        grown = 0
        for end, total in shifts:
            if offset >= end:
                grown = total
        return offset + grown

    table = [b"xref\n0 %d\n" % count]
    for offset, generation, kind in entries:
        new_offset = moved(offset) if kind == b"n" else offset
        table.append(b"%010d %s %s \n" % (new_offset, generation, kind))
    rest = data[pos:]  # the trailer
    rest = re.sub(rb"startxref\s+\d+", b"startxref\n%d" % len(body), rest)
    return body + b"".join(table) + rest, len(edits)


def _mend_with_pypdf(path: Path) -> int:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import IndirectObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(str(path)))
    done: set[int] = set()
    changed = 0
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            tu = font.get("/ToUnicode")
            if tu is None:
                continue
            key = tu.idnum if isinstance(tu, IndirectObject) else id(tu)
            if key in done:
                continue
            done.add(key)
            stream = tu.get_object()
            old = stream.get_data()
            new = fix_cmap(old)
            if new != old:
                stream.set_data(new)
                if NameObject("/Filter") in stream:
                    del stream[NameObject("/Filter")]
                changed += 1
    if changed:
        tmp = path.with_name(path.name + ".mend")
        with open(tmp, "wb") as fh:
            writer.write(fh)
        tmp.replace(path)
    return changed
