"""Break a cell's text into lines that fit its width, as Chinese typesetting does.

Chinese breaks between any two characters; a Latin word, a number, a date,
an e-mail address stays whole unless it alone is wider than the line (then it
breaks between characters, so nothing is ever cut off). Closing punctuation
（，。、；：？！）」》 never starts a line and opening punctuation never ends
one: the character before moves down with it. No Qt here: advance(text) is the
printed width of text in the font the cell is drawn in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop_app.reports.column_widths import _CJK

# A Latin word with the spaces after it, one CJK character (with any spaces
# after it), or a run of spaces.
_TOKENS = re.compile(f"[^\\s{_CJK}]+\\s*|[{_CJK}]\\s*|\\s+")
NO_START = set("，。、；：？！）」』】》〉”’…—·%,.;:?!)]}")
NO_END = set("（「『【《〈“‘([{")


def wrap(text: str, width: float, advance: Callable[[str], float]) -> list[str]:
    """The lines text is printed on in a box width wide (at least one line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if advance(paragraph) <= width:
            lines.append(paragraph)
            continue
        lines.extend(_wrap_line(paragraph, width, advance))
    return lines


def _wrap_line(text: str, width: float, advance: Callable[[str], float]) -> list[str]:
    tokens = _TOKENS.findall(text)
    lines: list[str] = []
    current: list[str] = []
    for token in tokens:
        candidate = "".join(current) + token
        if not current or advance(candidate.rstrip()) <= width:
            if not current and advance(token.rstrip()) > width:
                pieces = _break_anywhere(token, width, advance)
                lines.extend(pieces[:-1])
                current = [pieces[-1]]
            else:
                current.append(token)
            continue
        # The token starts a new line; keep punctuation rules.
        carried: list[str] = []
        if token[0] in NO_START and len(current) > 1:
            carried = [current.pop()]
        while len(current) > 1 and current[-1].rstrip()[-1:] in NO_END:
            carried.insert(0, current.pop())
        lines.append("".join(current).rstrip())
        current = [*carried, token]
        if advance("".join(current).rstrip()) > width:  # carried text made it too wide
            lines.append("".join(current[:-1]).rstrip())
            current = [token]
    if current:
        lines.append("".join(current).rstrip())
    return [line for line in lines if line] or [""]


def _break_anywhere(token: str, width: float, advance: Callable[[str], float]) -> list[str]:
    """A word wider than the line, cut between characters (at least one a line)."""
    out: list[str] = []
    line = ""
    for char in token:
        if line and advance(line + char) > width:
            out.append(line)
            line = char
        else:
            line += char
    out.append(line)
    return out
