"""Find quoted stretches of text from quotation marks alone (no parse needed).

Handles straight and curly marks, guillemets, NYT-style ````…''``, nested single
quotes, quotes running over several paragraphs (a paragraph that opens a quote
without closing it continues into the next paragraph when that one opens with a
quote mark) and apostrophes that look like single quotes. It never raises on
unbalanced marks: an unclosed quote ends at its paragraph end and is flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The one definition of quotation-mark characters for the quotes package. Straight marks
# serve both ends; two straight singles ('') are an NYT double mark and `` its opener.
OPEN_DOUBLE = "\u201c\u00ab\u201e"  # “ « „
CLOSE_DOUBLE = "\u201d\u00bb"  # ” »
OPEN_SINGLE = "\u2018"  # ‘
CLOSE_SINGLE = "\u2019"  # ’ (also the typographic apostrophe)
DOUBLE_MARKS = '"' + OPEN_DOUBLE + CLOSE_DOUBLE
OPENERS = '"' + OPEN_DOUBLE  # what may open a double quote
# every mark, single and straight ones too, so also every apostrophe: content edges
# (bounds.py) stay away from a stretch holding any of them (PolNeAR train: a head with
# "night’s" or "That's" before a comma-set attribution is mostly not what was said)
ANY_MARKS = DOUBLE_MARKS + "'`" + OPEN_SINGLE + CLOSE_SINGLE
NYT_DOUBLE = ("``", "''")
_BEFORE_OPEN = set(" \t\n\r([{\u2014\u2013-/:;,\u00a0") | set(OPEN_DOUBLE) | {'"'}
_AFTER_CLOSE = set(" \t\n\r)]}.,;:!?\u2014\u2013-\u00a0") | set(CLOSE_DOUBLE) | {'"', "'"}
# a transcript turn ("WALLACE: …") starts a new quote, never continues the last one
_TURN = re.compile(r"[ \t]*[A-Z][A-Z.'\u2019-]+(?:[ \t][A-Z][A-Z.'\u2019-]+){0,2}:\s")
_MAX_SINGLE = 600  # a single-quoted stretch longer than this is almost surely two apostrophes


@dataclass(frozen=True)
class Marked:
    """One quoted stretch.

    Attributes:
        start: offset of the opening mark.
        end: offset just after the closing mark (paragraph end when unclosed).
        pieces: the text inside the marks, one (start, end) per paragraph.
        double: double marks (speech in most styles) or single marks.
        closed: False when the closing mark was missing.
    """

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    double: bool = True
    closed: bool = True

    @property
    def inner_start(self) -> int:
        return self.pieces[0][0]

    @property
    def inner_end(self) -> int:
        return self.pieces[-1][1]


def _around(text: str, i: int, width: int) -> tuple[str, str]:
    """The characters just before and just after a mark of ``width`` at ``i`` (space at the ends)."""
    return (text[i - 1] if i else " "), (text[i + width] if i + width < len(text) else " ")


def _opens(prev: str, nxt: str) -> bool:
    """A straight mark opens after a space or opening punctuation and before a word."""
    return prev in _BEFORE_OPEN and not nxt.isspace()


def _kind_double(text: str, i: int) -> tuple[str, int] | None:
    """('open'|'close'|'either', width) if a double mark starts at i."""
    c = text[i]
    two = text[i : i + 2]
    if two == "``":
        return "open", 2
    if two == "''":
        # NYT style uses '' for both ends (and sometimes `` to open): decide by context
        prev, nxt = _around(text, i, 2)
        if nxt == "'" and not prev.isspace() and prev not in "([{":
            return None  # `one of us,'''`: a single quote closes first, then the double
        return ("open" if _opens(prev, nxt) else "close"), 2
    if c in OPEN_DOUBLE:
        return "open", 1
    if c in CLOSE_DOUBLE:
        return "close", 1
    if c == '"':
        prev, nxt = _around(text, i, 1)
        if _opens(prev, nxt):
            return "open", 1
        if not prev.isspace() and (nxt in _AFTER_CLOSE or nxt.isspace()):
            return "close", 1
        return "either", 1
    return None


def _next_para_opens(text: str, i: int) -> int | None:
    """If the paragraph after the newline at i opens with a double mark, its offset."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text):
        kind = _kind_double(text, j)
        if kind and kind[0] in ("open", "either") and not _TURN.match(text, j + kind[1]):
            return j
    return None


def find_double(text: str) -> list[Marked]:
    """Double-quoted stretches, multi-paragraph quotes joined."""
    out: list[Marked] = []
    open_at: int | None = None  # offset of the opening mark
    piece_start = 0
    pieces: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n" and open_at is not None:
            cont = _next_para_opens(text, i)
            if cont is not None:
                # Multi-paragraph quote: this paragraph's piece ends, the next
                # paragraph's opening mark continues the same quote.
                pieces.append((piece_start, i))
                width = _kind_double(text, cont)[1]  # type: ignore[index]
                piece_start = cont + width
                i = piece_start
                continue
            pieces.append((piece_start, i))
            out.append(Marked(open_at, i, tuple(pieces), True, False))
            open_at, pieces = None, []
            i += 1
            continue
        kind = _kind_double(text, i)
        if kind is None:
            i += 1
            continue
        what, width = kind
        if open_at is None:
            if what in ("open", "either"):
                open_at, piece_start, pieces = i, i + width, []
        elif what in ("close", "either"):
            pieces.append((piece_start, i))
            out.append(Marked(open_at, i + width, tuple(pieces), True, True))
            open_at, pieces = None, []
        # an "open" while open: nested or stray mark, kept inside the quote
        i += width
    if open_at is not None:
        pieces.append((piece_start, n))
        out.append(Marked(open_at, n, tuple(pieces), True, False))
    return [m for m in out if any(b > a for a, b in m.pieces)]


def _single_opens(text: str, i: int) -> bool:
    c = text[i]
    if c not in (OPEN_SINGLE, "'"):
        return False
    prev, nxt = _around(text, i, 1)
    return prev in _BEFORE_OPEN and (nxt.isalnum() or nxt in OPEN_DOUBLE)


def _single_closes(text: str, i: int) -> bool:
    c = text[i]
    if c not in (CLOSE_SINGLE, "'"):
        return False
    prev, nxt = _around(text, i, 1)
    if prev.isspace() or nxt.isalnum():
        return False  # an apostrophe inside a word ("don't") or an opener
    return nxt in _AFTER_CLOSE or nxt.isspace()


def find_single(text: str, skip: list[Marked] = ()) -> list[Marked]:  # type: ignore[assignment]
    """Single-quoted stretches outside the ``skip`` stretches, one paragraph at most.

    An opener pairs with the first plausible closer in its paragraph; an opener
    with no closer is an apostrophe ('90s, 'em) and is dropped.
    """
    blocked = sorted((m.start, m.end) for m in skip)
    out: list[Marked] = []
    b = 0
    i, n = 0, len(text)
    while i < n:
        while b < len(blocked) and blocked[b][1] <= i:
            b += 1
        if b < len(blocked) and blocked[b][0] <= i:
            i = blocked[b][1]
            continue
        if not _single_opens(text, i):
            i += 1
            continue
        limit = min(n, i + _MAX_SINGLE)
        if b < len(blocked):
            limit = min(limit, blocked[b][0])
        j = i + 2
        found = None
        while j < limit and text[j] != "\n":
            if _single_closes(text, j):
                found = j
                break
            j += 1
        if found is None:
            i += 1
            continue
        out.append(Marked(i, found + 1, ((i + 1, found),), False, True))
        i = found + 1
    return out


def has_double_mark(text: str) -> bool:
    """Whether ``text`` holds a double quotation mark: curly, straight, guillemet or NYT."""
    return any(c in DOUBLE_MARKS for c in text) or any(m in text for m in NYT_DOUBLE)


def find_quotes(text: str) -> list[Marked]:
    """All quoted stretches (double, then single ones outside them), by offset."""
    try:
        doubles = find_double(text)
        singles = find_single(text, doubles)
    except Exception:  # noqa: BLE001 - marks must never break the pipeline
        return []
    return sorted(doubles + singles, key=lambda m: m.start)
