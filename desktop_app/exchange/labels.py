"""Field labels in the languages the program speaks, read without Qt.

The translations live in desktop_app/resources/i18n/*.ts (Qt Linguist's XML). Import maps
headers typed in Chinese, and the command line exports Chinese headers, both
without a QApplication, so the catalogue is read here as plain XML.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from defusedxml import ElementTree

from desktop_app.catalogues import CatalogueMissing, require


@cache
def catalogue(language: str = "zh_CN") -> dict[tuple[str, str], str]:
    """(context, source) → finished translation; raises CatalogueMissing when the
    catalogue is gone or unreadable (Chinese headers would silently go unmatched)."""
    _qm, path = require(language)
    out: dict[tuple[str, str], str] = {}
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        raise CatalogueMissing(language, [path]) from None
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            tr = message.find("translation")
            if source is None or tr is None or tr.get("type") in ("unfinished", "obsolete"):
                continue
            text = "".join(tr.itertext())
            if text:
                out[(name, source)] = text
    return out


def translator(language: str = "zh_CN") -> Callable[[str, str], str]:
    """translate(context, text) for language, falling back to the English source."""
    if language == "en":
        return lambda _context, text: text
    table = catalogue(language)
    return lambda context, text: table.get((context, text), text)
