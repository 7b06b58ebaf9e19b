"""Content edges: what of the sentence around an attribution belongs to what was said.

- **parenthetical attribution**: in "Climate change, Mr. Obama often says, is the greatest
  threat" or "It was, the president said, “a stone where …”" the attribution clause is set
  off by commas inside the content; the words before it are what was said too, a segment
  of their own (the attribution clause stays out).
"""

from __future__ import annotations

from spacy.tokens import Doc

from rashomon.nlp.extensions import sent_bounds_of
from rashomon.nlp.quotes.marks import ANY_MARKS
from rashomon.nlp.quotes.rules import MEDIUM_NOUNS, Attribution

_WHEN = {"as", "when", "while", "after", "before", "during", "since", "until", "once"}
_MAX_TAIL_WORDS = 6  # "…, he told me on Friday, …": words between the cue and its comma


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _clause_start(a: Attribution, text: str) -> int:
    """Where the attribution clause opens: its speaker, or the cue (and an "as" before it)."""
    assert a.cue is not None
    lo = a.cue.idx
    if a.speaker is not None and a.speaker.start_char < lo:
        lo = a.speaker.start_char
    head = text[:lo].rstrip()
    if head[-3:].lower() == " as":
        lo = len(head) - 2
    return lo


def _clause_end(a: Attribution) -> int:
    assert a.cue is not None and a.cue_span is not None
    end = a.cue.doc[a.cue_span[1] - 1]
    hi = end.idx + len(end)
    if a.speaker is not None and a.speaker.start_char >= hi:
        hi = a.speaker.end_char  # "…, said Mr. Jones, …"
    return hi


def wrap_parenthetical(doc: Doc, found: list[Attribution], text: str) -> None:
    """Add the words before a comma-set attribution clause to its content (module doc)."""
    cues = [a.cue.idx for a in found if a.cue is not None]
    for a in found:
        if a.cue is None or a.cue_span is None or not a.content \
                or a.content[0][0] <= a.cue.idx:
            continue
        s = doc[sent_bounds_of(a.cue)[0]].idx
        lo, hi = _clause_start(a, text), _clause_end(a)
        head = text[s:lo].rstrip()
        tail = text[hi:a.content[0][0]]
        if not head.endswith(",") or "," not in tail or _words(tail.split(",")[0]) > _MAX_TAIL_WORDS:
            continue
        comma = hi + tail.index(",")
        if _words(text[comma + 1:a.content[0][0]]) > 1:
            continue  # the content starts well after the clause: not set off by it
        left = head[:-1]
        cut = max(left.rfind(":"), left.rfind(";"))
        start = s + cut + 1
        while start < s + len(left) and text[start].isspace():
            start += 1
        piece = text[start:s + len(left)]
        if not _words(piece) or any(c in ANY_MARKS for c in piece) \
                or any(start <= c < s + len(left) for c in cues):
            continue
        span = doc.char_span(start, s + len(left), alignment_mode="expand")
        if span is None or span[0].tag_ in ("VBG", "VBN") or span[0].lower_ in _WHEN or (
                len(span) == 1 and span[0].pos_ in ("SCONJ", "CCONJ", "ADP")) or any(
                t.lemma_.lower() in MEDIUM_NOUNS for t in span):
            continue  # "Speaking to reporters, …", "In a statement, …", "As a phone rang, …":
            # how or when it was said, not what; "If, as I said, …": a lone link
        right = comma + 1
        while right < a.content[0][0] and text[right].isspace():
            right += 1
        first = (right, a.content[0][1])
        a.content = [(start, s + len(left)), first, *a.content[1:]]
