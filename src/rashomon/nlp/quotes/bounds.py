"""Content edges: what of the sentence around an attribution belongs to what was said.

- **parenthetical attribution**: in "Climate change, Mr. Obama often says, is the greatest
  threat" or "It was, the president said, “a stone where …”" the attribution clause is set
  off by commas inside the content; the words before it are what was said too, a segment
  of their own (the attribution clause stays out).
- **where it was said**: a phrase closing the content that names the medium ("… in a tweet
  Sunday", "… on the condition of anonymity", "… in an interview with CNN on Sunday") tells
  how it was said, not what; it is cut off.
- **dateline**: where the story was filed ("WASHINGTON —", "KYIV, Ukraine (AP) –") opens
  a line but is neither who spoke nor what was said; a speaker or content the parse ran into
  it starts after it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from rashomon.clean.metadata import DATELINE_PLACE
from rashomon.nlp.extensions import sent_bounds_of
from rashomon.nlp.quotes.marks import ANY_MARKS
from rashomon.nlp.quotes.rules import MEDIUM_NOUNS, Attribution

# an apostrophe inside or closing a word ("the club's", "voters' ") is no quote mark
_APOSTROPHE = re.compile(r"(?<=\w)['\u2019](?=\w)|(?<=s)['\u2019](?=\s)")
_SENTENCE_END = re.compile(r"\w\w[.?!]\s+[A-Z]")  # a sentence the parser ran on
_WHEN = {"as", "when", "while", "after", "before", "during", "since", "until", "once"}
_MAX_TAIL_WORDS = 6  # "…, he told me on Friday, …": words between the cue and its comma
_MAX_BETWEEN_WORDS = 3  # "…, Mr. Obama has often said, …": words between speaker and cue


# a place in capitals, maybe a region or a date after a comma and a wire in brackets, then
# a dash ("WASHINGTON —", "HARTFORD, Conn. --", "KYIV, May 3 (Reuters) - "), opening a line
_DATELINE = re.compile(
    r"[ \t]*" + DATELINE_PLACE
    + r"(?: \([^()\n]{1,40}\))?(?:\s*[\u2014\u2015\u2013]+|\s+--?(?=\s)|--)\s*")


_DATELINE_LINES = 3  # a dateline opens the story: one of its first lines (a title may come first)


def dateline_end(text: str, at: int) -> int | None:
    """Where the dateline that opens the line holding offset ``at`` ends, if ``at`` is inside
    it. The line is one of the text's first lines ("NATO — the alliance …" later on is
    a subject) and goes on in lower case (not a headline in capitals)."""
    line = text.rfind("\n", 0, at) + 1
    m = _DATELINE.match(text, line)
    if m is None or at >= m.end() \
            or sum(1 for x in text[:line].split("\n") if x.strip()) >= _DATELINE_LINES:
        return None
    stop = text.find("\n", m.end())
    rest = text[m.end():stop if stop >= 0 else len(text)]
    return m.end() if any(c.islower() for c in rest) else None


def past_datelines(doc: Doc, found: list[Attribution], text: str) -> None:
    """Speakers and content segments start after a dateline the parse ran them into
    ("WASHINGTON — AARP said" is said by AARP); one wholly inside it is dropped."""
    for a in found:
        if a.speaker is not None:
            end = dateline_end(text, a.speaker.start_char)
            if end is not None:
                first = next((t.i for t in a.speaker if t.idx >= end), None)
                a.speaker = doc[first:a.speaker.end] if first is not None else None
        segs = []
        for s, e in a.content:
            end = dateline_end(text, s)
            segs.append((s, e) if end is None else (end, e))
        a.content = [(s, e) for s, e in segs if s < e]


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


_ADVERBIAL = frozenset({"prep", "npadvmod", "advmod", "advcl", "punct", "cc"})
# a condition is part of the claim ("If she wins, she said, women will …"), PolNeAR keeps it
_CONDITIONS = frozenset({"if", "whether", "unless"})


def _modifies(span: Span, cue: Token) -> bool:
    """Whether every phrase of ``span`` hangs from the cue as an adverbial."""
    roots = [t for t in span if not span.start <= t.head.i < span.end]
    return bool(roots) and all(t.head == cue and t.dep_ in _ADVERBIAL and not any(
        m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in t.children) for t in roots)


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
        if a.speaker is not None and a.speaker.end_char <= a.cue.idx and (
                _words(text[a.speaker.end_char:a.cue.idx]) > _MAX_BETWEEN_WORDS
                or "," in text[a.speaker.end_char:a.cue.idx]):
            continue  # "On Monday, the league came out against it, stating, …": a clause
            # of its own between speaker and cue, not a set-off "X often says"
        comma = hi + tail.index(",")
        if _words(text[comma + 1:a.content[0][0]]) > 1:
            continue  # the content starts well after the clause: not set off by it
        left = head[:-1]
        cut = max(left.rfind(":"), left.rfind(";"))
        start = s + cut + 1
        while start < s + len(left) and text[start].isspace():
            start += 1
        piece = text[start:s + len(left)]
        if not _words(piece) or any(c in ANY_MARKS for c in _APOSTROPHE.sub("", piece)) \
                or _SENTENCE_END.search(piece) \
                or any(start <= c < s + len(left) for c in cues):
            continue
        span = doc.char_span(start, s + len(left), alignment_mode="expand")
        if span is None or span[0].tag_ in ("VBG", "VBN") or span[0].lower_ in _WHEN or (
                span[0].lower_ == "asked") or (
                len(span) == 1 and span[0].pos_ in ("SCONJ", "CCONJ", "ADP")) or any(
                t.lemma_.lower() in MEDIUM_NOUNS for t in span):
            continue  # "Speaking to reporters, …", "In a statement, …", "As a phone rang, …":
            # how or when it was said, not what; "If, as I said, …": a lone link
        if _modifies(span, a.cue):
            continue  # "On Monday, the mayor said, …": when or where the cue happened
        right = comma + 1
        while right < a.content[0][0] and text[right].isspace():
            right += 1
        first = (right, a.content[0][1])
        a.content = [(start, s + len(left)), first, *a.content[1:]]


# a medium named with "a"/"an" ("in a tweet", "at a news conference") or by its name ("on
# Twitter"): not "in interviews", "in the interview last week", "in critical condition"
_SAYING = frozenset({"interview", "statement", "tweet", "post", "op-ed", "book", "memoir",
                     "column", "editorial", "podcast", "briefing", "conference"})
_NAMED_MEDIA = frozenset({"twitter", "facebook", "instagram", "anonymity"})
_AT = frozenset({"in", "on", "at", "during", "via"})


def _medium(obj: Token) -> bool:
    lemma = obj.lemma_.lower()
    if lemma == "condition":  # "on the condition of anonymity"
        return any(p.lower_ == "of" and any(o.lower_ == "anonymity" for o in p.children)
                   for p in obj.children)
    return lemma in _NAMED_MEDIA or lemma in _SAYING and obj.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children)


def _nested(head: Token, span: Span) -> bool:
    """Whether ``head`` sits in a clause below the root of the content ``span``."""
    tok = head
    while span.start <= tok.i < span.end and span.start <= tok.head.i < span.end \
            and tok.head != tok:
        if tok.dep_ in ("advcl", "relcl", "ccomp", "acl", "conj", "pcomp", "xcomp"):
            return True
        tok = tok.head
    return False


def cut_saying_tail(doc: Doc, found: list[Attribution], text: str) -> None:
    """Cut a closing phrase that names where it was said (module doc) off the content."""
    for a in found:
        if not a.content:
            continue
        s, e = a.content[-1]
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for t in span[2:]:
            if t.lower_ not in _AT or t.dep_ != "prep":
                continue
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is None or not _medium(obj):
                continue
            if any(x.pos_ in ("VERB", "AUX") for x in t.subtree) or _nested(t.head, span):
                continue  # a clause hangs from it ("a news conference that he may wait"), or
                # it belongs to a clause inside the content ("… why it was mentioned in a …")
            rest = doc[t.right_edge.i + 1:span.end]
            if any(not (x.is_punct or x.is_space or x.ent_type_ in ("DATE", "TIME")) for x in rest):
                continue  # more content after it
            head = text[s:t.idx]
            if sum(head.count(q) for q in ('"', "\u201c", "\u201d", "``", "''")) % 2:
                continue  # inside a quotation
            cut = len(head.rstrip(" ,;\u2014\u2013-"))
            if _words(head[:cut]) >= 2:
                a.content[-1] = (s, s + cut)
            break
