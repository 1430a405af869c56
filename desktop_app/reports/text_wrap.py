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


# Characters that would print as boxes or jump to tab stops: a tab is a space,
# the Unicode line and paragraph separators are new lines, other controls go.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    """A cell's text as it is printed: tabs as spaces, line separators as new
    lines, other control characters dropped, no blank lines at its end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n").replace("\t", " ")
    return _CONTROLS.sub("", text).rstrip()


def wrap(text: str, width: float, advance: Callable[[str], float]) -> list[str]:
    """The lines text is printed on in a box width wide (at least one line)."""
    lines: list[str] = []
    width += 0.01  # a box sized to a text exactly must hold it, whatever the rounding
    for paragraph in printable(text).split("\n"):
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
        # The token starts a new line; keep punctuation rules: the characters
        # before a run of closing marks (）》。) come down with it, and an
        # opening mark (（《) never ends a line.
        carried: list[str] = []
        if token[0] in NO_START:
            while len(current) > 1 and (not carried or carried[0][0] in NO_START):
                carried.insert(0, current.pop())
        while len(current) > 1 and current[-1].rstrip()[-1:] in NO_END:
            carried.insert(0, current.pop())
        if carried and advance("".join([*carried, token]).rstrip()) > width:
            current += carried  # the rules cannot be kept here: keep the text whole instead
            carried = []
        lines.append("".join(current).rstrip())
        current = [*carried]
        if advance(token.rstrip()) > width:  # a word wider than a line, after other text
            pieces = _break_anywhere(token, width, advance)
            if current:
                lines.append("".join(current).rstrip())
            lines.extend(pieces[:-1])
            current = [pieces[-1]]
        else:
            current.append(token)
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
