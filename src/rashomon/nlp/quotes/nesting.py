"""One attribution per stretch of text: what to do when a cue sits in another's content.

PolNeAR (and a reader) credits the outermost voice: in "Smith said she thinks the plan
failed" Smith says *she thinks the plan failed*; "she thinks" is part of what Smith said,
not a second attribution. Contents never overlap there. Cases:

- **embedded**: the inner cue hangs from the outer content through complements only
  (``ccomp``, ``xcomp``, objects, prepositions): the inner attribution is dropped unless it
  is news of its own (see :func:`_droppable`); a *bridge* cue whose content the inner cue
  opens ("continued to call for X") gives way to the inner one instead;
- **side by side**: the inner cue is a clause of its own joined by a comma, a conjunction or
  a participle ("X said A, adding B", "A said B, while C said D"): the outer content ends
  before it (or starts after it) and both stay.

Direct quotes are never dropped here (their marks decide); an "according to" keeps its
content whole, and a cue after it in that content is part of it ("According to her aides,
the police said …"); a trailing one is cut from the content before it by
``component._cut_nested_sources``.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.nlp.quotes.marks import has_double_mark
from rashomon.nlp.quotes.rules import Attribution

# dependency labels of a complement chain: the inner cue is part of what was said
# ("acl": a participle describing a noun of the content, "She says tweets accusing X are lies")
_EMBED = {"ccomp", "xcomp", "csubj", "pcomp", "pobj", "prep", "dobj", "oprd", "acomp", "attr",
          "nsubj", "nsubjpass", "aux", "mark", "acl"}
# closing quote marks too: `…,” claiming that …` is set off by the comma inside the quote
_SEPARATORS = " \t\u00a0\n,;:.\u2014\u2013-\"\u201d\u2019"
_JOINERS = ("and", "but", "while", "though", "although", "whereas", "as", "before", "after",
            "then", "yet", "so")


# cues that pass the word on: "continued to call for X", "expressed concern that X",
# "offered his thoughts on X", "seemed to think X", "responded by saying X": the inner cue
# opening their content reports X
_BRIDGES = {"continue", "express", "offer", "seem", "appear", "respond"}


def _opens(text: str, a: Attribution, b: Attribution) -> bool:
    """Whether ``b``'s cue opens a segment of ``a``'s content (after "to", "by")."""
    assert b.cue is not None
    lead = b.cue.doc[b.cue.left_edge.i].idx if b.cue.pos_ == "NOUN" else b.cue.idx
    return any(text[s:lead].strip().lower() in ("", "to", "by", "to be")
               for s, _ in a.content if s <= lead)  # "he | seems | to feel X", "deep concern"


_NAMED = {"PERSON", "ORG", "GPE", "NORP"}
_NEWS = {"denial", "accusation", "warning", "criticism"}


def _droppable(a: Attribution, b: Attribution, text: str) -> bool:
    """An inner attribution is dropped unless it is a direct quote or news of its own: a
    named third party's denial, accusation, warning or criticism, a negated cue ("the
    minister said Ruritania never considered …") or words quoted from it ("the agency said
    that Cavusoglu told Lavrov to “warn …”"). A pronoun, a relative pronoun, a common noun
    or the outer speaker again ("Smith said she thinks …") is part of what was said."""
    if b.kind == "direct":
        return False
    if b.speaker is None or b.cue is None:
        return True
    root = b.speaker.root
    named = root.pos_ == "PROPN" or root.ent_type_ in _NAMED
    same = a.speaker is not None and (a.speaker.root.lower_ == root.lower_
                                      or a.speaker.start_char == b.speaker.start_char)
    if not named or same:
        return True
    quoted = any(has_double_mark(text[s:e]) for s, e in b.content)
    negated = any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in b.cue.children)
    return not (b.type in _NEWS or negated or quoted)


def _inside(i: int, segs: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in segs)


def _embedded(inner: Token, outer: Token) -> bool:
    """Whether ``inner`` hangs from ``outer`` through complements only."""
    tok = inner
    for _ in range(12):
        if tok == outer:
            return True
        if tok.dep_ not in _EMBED or tok.head == tok:
            return False
        tok = tok.head
    return False


def _extent(b: Attribution, within: tuple[int, int]) -> tuple[int, int]:
    """First and last character of an attribution: cue, content and the speaker when it
    lies ``within`` the outer content (not a subject shared with the outer cue)."""
    assert b.cue is not None
    starts = [b.cue.idx, b.content[0][0]]
    ends = [b.cue.idx + len(b.cue), b.content[-1][1]]
    if b.speaker is not None and within[0] <= b.speaker.start_char < within[1]:
        starts.append(b.speaker.start_char)
        ends.append(b.speaker.end_char)
    return min(starts), max(ends)


def _back_over_joiner(text: str, lo: int, at: int) -> int:
    """Offset before the separator and joining word in front of ``at`` (not before ``lo``)."""
    i = at
    while i > lo and text[i - 1] in _SEPARATORS:
        i -= 1
    j = i
    while j > lo and text[j - 1].isalpha():
        j -= 1
    if text[j:i].lower() in _JOINERS:
        i = j
        while i > lo and text[i - 1] in _SEPARATORS:
            i -= 1
    return i


def _separated(text: str, lo: int, at: int) -> bool:
    """Whether a comma, semicolon, dash or joining word opens the clause at ``at``."""
    cut = _back_over_joiner(text, lo, at)
    gap = text[cut:at]
    return cut > lo and (any(c in gap for c in ",;.\n\u2014\u2013") or gap.strip().lower() in _JOINERS)


def resolve(found: list[Attribution], text: str) -> list[Attribution]:
    """Attributions whose contents do not hold another attribution's cue (see module doc)."""
    drop: set[int] = set()
    for a in sorted(found, key=lambda x: x.end - x.start, reverse=True):
        if id(a) in drop or a.cue is None or not a.content or a.kind == "direct":
            continue
        if a.lemma == "according to":
            # "According to her aides, the police said …": the whole clause is the aides'
            drop.update(id(b) for b in found if b is not a and b.kind != "direct"
                        and b.cue is not None and _inside(b.cue.idx, a.content)
                        and b.cue.idx > a.cue.idx)
            continue
        for b in found:
            if b is a or id(b) in drop or b.cue is None or not b.content \
                    or not _inside(b.cue.idx, a.content) or not a.content:
                continue
            if _embedded(b.cue, a.cue):
                if a.lemma in _BRIDGES and _opens(text, a, b):
                    drop.add(id(a))  # "refused to disclose X": the disclosure is reported
                    break
                if _droppable(a, b, text):
                    drop.add(id(b))
                continue
            a_lo, a_hi = a.content[0][0], a.content[-1][1]
            if b.cue.tag_ == "VBG" and b.speaker is not None \
                    and a_lo <= b.speaker.start_char < b.cue.idx and _separated(text, a_lo, b.cue.idx):
                # "X said the team trained hard, adding that …": X adds, not the team
                b.speaker = a.speaker
            lo, hi = _extent(b, (a_lo, a_hi))
            if hi >= a_hi - 1 and lo > a_lo and _separated(text, a_lo, lo):
                cut = _back_over_joiner(text, a_lo, lo)
                a.content = [(s, min(e, cut)) for s, e in a.content if s < cut]
            elif lo <= a_lo + 1 and hi < a_hi:
                start = hi
                while start < a_hi and text[start] in _SEPARATORS:
                    start += 1
                a.content = [(max(s, start), e) for s, e in a.content if e > start]
            elif _droppable(a, b, text):
                drop.add(id(b))
    return [x for x in found if id(x) not in drop and x.content]
