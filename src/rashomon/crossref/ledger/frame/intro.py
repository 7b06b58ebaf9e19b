"""Text an outlet introduces with a colon: an excerpt, a statement, a list of talking points.

"Here's an excerpt from the Times report:", "A set of response points were circulated by
Democrats close to the campaign:", "Politico reports:" end their paragraph with a colon and
hand the next paragraph (or the list under them) to someone else: what follows is that
source's text, which the outlet quotes, not its own voice. The sentence-level frame cannot see
it (the excerpt names no speaker), so :func:`introduced` finds the introductions in an article
body and the spans they govern, each with who is credited.

What an introduction governs: the list items right under it (paragraphs opening with "-",
"•", "*" or "1."), all of them; else the one paragraph under it, and the paragraphs after it
that a quotation opened there runs over (up to ``MAX_QUOTED_PARAGRAPHS``). A paragraph that itself ends
with a colon, or an "UPDATE:" line, governs nothing of the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_INTRO = 300  # characters: an introduction is one short paragraph
MAX_GOVERNED = 4000  # characters an introduction may hand over (a long list is cut there)
MAX_QUOTED_PARAGRAPHS = 6  # paragraphs one quotation under an introduction may run over

_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile("[\"\u201c\u201d]")
_LIST_ITEM = re.compile(r"^\s*(?:[-\u2022*\u2013\u2014\u00b7]|\d{1,2}[.)])\s*\S")
_UPDATE = re.compile(r"(?i)^\s*(?:update|editor'?s note|correction)\b")
# The document an introduction hands over, and the verbs that hand it over.
_DOCUMENT = (r"(?:excerpts?|statements?|transcripts?|letters?|points|text|memos?|reports?|release|"
             r"e-?mails?|posts?|tweets?|remarks|comments?|responses?|passages?|lines|update)")
_INTRO = re.compile(
    rf"(?i)\b(?:here(?:'s|\u2019s| is| are)|below (?:is|are)|the following|as follows|{_DOCUMENT}"
    r"\b|(?:says|said|wrote|writes|reports|reported|reads|read|stated|states|added|tweeted|posted|"
    r"circulated|released|issued|continued|explained)\b)")
# Who is credited: the owner of the document ("from the Times report", "by Democrats close to
# X"), else the subject before the verb ("Politico reports", "One Facebook user ... posted").
_OWNER = re.compile(r"(?i)\b(?:from|by)\s+((?:the\s+)?[^,:;]+?)(?:'s|\u2019s)?"
                    rf"(?:\s+{_DOCUMENT})?\s*:\s*$")
_SUBJECT = re.compile(r"(?i)^\s*(?:(?:on|in|at|late|early)\s+[^,]+,\s*)?(.+?)\s+(?:has\s+|had\s+)?"
                      r"(?:says|said|wrote|writes|reports|reported|stated|states|added|tweeted|"
                      r"posted|circulated|released|issued)\b")
_RELATIVE = re.compile(r"(?i),?\s+(?:who|which|that)\b.*$")
_ADVERBS = re.compile(r"(?:\s+[a-z]+ly)+$")
_OPENER = re.compile(r"(?i)^(?:\w+ing|in|on|at|after|before|during|with|since|asked|when|while|as)\b")
_NOT_SOURCES = frozenset({"here", "this", "it", "the following", "below", "there"})


@dataclass(frozen=True)
class Introduced:
    """A span of the body that an introduction hands to a source."""

    start: int
    end: int
    source: str  # who the introduction credits, as written
    cue: str  # the introduction's verb or document word
    intro_start: int  # where the introduction itself is in the body
    intro_end: int
    listed: bool  # a list of points (each the source's), not one paragraph of text


def introduced(body: str) -> list[Introduced]:
    """The spans of ``body`` introduced by a colon-ended paragraph, with who is credited."""
    paragraphs = [(m.start(), m.end(), m.group()) for m in _PARAGRAPH.finditer(body)
                  if m.group().strip()]
    out = []
    for k, (at, stop, text) in enumerate(paragraphs[:-1]):
        intro = text.strip()
        if not intro.endswith(":") or len(intro) > MAX_INTRO or _LIST_ITEM.match(intro):
            continue
        said = _source(intro)
        if said is None:
            continue
        governed = _governed(paragraphs[k + 1:])
        if governed is not None:
            out.append(Introduced(governed[0], governed[1], *said, at, stop,
                                  bool(_LIST_ITEM.match(paragraphs[k + 1][2]))))
    return out


def _source(intro: str) -> tuple[str, str] | None:
    """(who, cue) of an introduction, or None when it hands nothing over or names no one."""
    cue = _INTRO.search(intro)
    if cue is None:
        return None
    owner = _OWNER.search(intro) or _SUBJECT.search(intro)
    if owner is None:
        return None
    who = _RELATIVE.sub("", owner.group(1)).strip(" ,")
    # an opening phrase is not the source ("Reacting to the firing, the president tweeted"), nor
    # an aside after it ("Mediaite, in a response to the post, writes"), nor an adverb
    # ("Politics Daily recently reported")
    parts = [p.strip() for p in who.split(",") if p.strip()]
    who = parts[-1] if parts and _OPENER.match(parts[0]) else (parts or [""])[0]
    who = _ADVERBS.sub("", who).strip(" ,")
    if not who or who.lower() in _NOT_SOURCES or len(who.split()) > 8:
        return None
    return who, cue.group().lower()


@dataclass
class _Marks:
    """How many quotations are open after the text read so far. A mark opens one where it
    follows the start, a space or another opening mark, and closes one elsewhere, whichever
    its shape ("“Okay … on Iran."" opens curly and closes straight); the mark that opens a
    paragraph of a quotation still open goes on with it."""

    depth: int = 0

    def read(self, text: str) -> _Marks:
        lead = len(text) - len(text.lstrip())
        for m in _MARK.finditer(text):
            if m.start() == lead and self.depth:
                continue  # a paragraph of a long quote opens with a mark: the same quotation
            before = text[m.start() - 1] if m.start() else " "
            if m.group() == "\u201c" or (m.group() == '"' and (before.isspace() or before in "\"\u201c([")):
                self.depth += 1
            else:
                self.depth = max(0, self.depth - 1)
        return self

    @property
    def open(self) -> bool:
        return self.depth > 0


def _governed(after: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """(start, end) of what an introduction hands over: its list, else its next paragraph."""
    first = after[0][2]
    if first.strip().endswith(":") or _UPDATE.match(first):
        return None
    if not _LIST_ITEM.match(first):
        # one paragraph, or as many as a quotation opened in it runs over (each paragraph of
        # a long quote opens with a mark; only the last one closes it)
        end, marks = after[0][1], _Marks().read(first)
        for _, stop, text in after[1:MAX_QUOTED_PARAGRAPHS]:
            if not marks.open or stop - after[0][0] > MAX_GOVERNED:
                break
            end = stop
            marks.read(text)
        return after[0][0], end
    end = after[0][1]
    for start, stop, text in after[1:]:
        if not _LIST_ITEM.match(text) or stop - after[0][0] > MAX_GOVERNED:
            break
        end = stop
    return after[0][0], end


__all__ = ["Introduced", "introduced"]
