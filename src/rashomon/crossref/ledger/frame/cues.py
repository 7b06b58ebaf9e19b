"""Cue words, and the parts of a sentence that are not the outlet's own predication.

Cues come from ``nlp/lexicons/frame_cues.tsv`` by kind ("reportedly" hedges, "officials said" is
an unnamed source, "falling short of" negates). Quoted words, relative clauses set off by commas,
background adjuncts ("amid reports that ...") and hedged descriptions ("what appears to be")
can be blanked, offsets kept, so a cue in them is not read as the outlet's own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rashomon.nlp.data import LEXICONS, cues

LEXICON = LEXICONS / "frame_cues.tsv"
_CASED = {"may", "will"}  # "May 5", "Will Smith": a modal only in lower case
QUOTE_MARKS = "\"“”"


def has_quote_marks(text: str | None) -> bool:
    """Whether the text holds a double quotation mark (straight or curly): someone's own words."""
    return any(mark in (text or "") for mark in QUOTE_MARKS)


PASSIVE = re.compile(r"(?i)\b(?:been|is|was|were|are|being|be)\s+(?:\w+ly\s+)?$")
# Background told in an adjunct: "resigned amid accusations of harassment, which he denied" and
# "quit after reports that he took bribes" state the resignation in the outlet's voice; the
# reports and the denial are about the accusations, not about the sentence's fact.
_BACKGROUND = re.compile(
    r"(?i)\b(?:amid|after|following|over|despite|since|in the wake of|into)\s+(?:\w+\s+){0,3}?"
    r"(?:reports?|allegations?|accusations?|claims?|rumou?rs?|charges?)\b[^;.!?]*")
# A hedge on one noun phrase, not on the sentence: "closed the lanes *in what appeared to be* a
# retribution scheme" tells the closing in the outlet's own voice.
_DESCRIBED = re.compile(r"(?i)\bwhat\s+(?:appears|appeared|seems|seemed)\s+to\s+(?:be|have been)\b")
# A relative clause that tells what a noun is accused of: "fighters from a militia *that has
# fought in Tarn and has been accused of looting*" and "the militia, *which has been accused of
# looting*, seized the bridge" state the fighters and the seizure in the outlet's own voice.
# Not "that" after a verb ("said that X has been accused"): that clause is what is reported.
_ACCUSED_NOUN = re.compile(
    r"(?i)(?<!\bsaid )(?<!\bsays )(?<!\bsay )(?:\b(?:who|which)|(?<![a-z]ed )\bthat)\s+"
    r"(?:[\w'’-]+\s+){0,12}?(?:has|have|had|is|are|was|were)\s+(?:also\s+|long\s+|repeatedly\s+|"
    r"widely\s+|previously\s+)?(?:been\s+)?(?:accused|suspected|alleged)\b[^;.!?]*")


# Words between quotation marks (straight or curly; an unclosed one runs to the end).
QUOTED_WORDS = re.compile(r"[\u201c\"][^\u201c\u201d\"]*(?:[\u201d\"]|$)")


def blank(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with what ``pattern`` matches blanked, offsets kept."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def unquoted(text: str) -> str:
    """``text`` with the words in quotation marks blanked: someone's own words, not the
    outlet's ("'That's just a bunch of malarkey,' Biden said" calls nothing false itself)."""
    return blank(QUOTED_WORDS, text)


# A relative clause set off by commas ("Mr. Cowan, who usually wears a bow tie but opted not to
# for this occasion, is a former aide"): a remark on a noun, not the sentence's predicate.
_ASIDE = re.compile(r"(?i),\s*(?:who|which|whose|whom)\b[^,;:]*,")


# "false" or "fake" before a noun names a kind of thing ("filing false tax returns", "fake
# accounts"), often the charge itself: the outlet calls nothing false by it
NAMED_FALSE = re.compile(r"(?i)\b(?:false|fake)\s+"
                         r"(?!(?:and|or|but|to|in|on|at|by|for|of|that|as)\b)[a-z][\w-]*")


def own_words(text: str) -> str:
    """What the outlet says in its own voice as its main predication: no quoted words, no
    relative clause set off by commas."""
    return blank(_ASIDE, unquoted(text))


def foreground(text: str) -> str:
    """``text`` with its background adjuncts (``_BACKGROUND``), hedged descriptions
    (``_DESCRIBED``) and what a noun is accused of (``_ACCUSED_NOUN``) blanked, offsets kept."""
    for pattern in (_BACKGROUND, _DESCRIBED, _ACCUSED_NOUN):
        text = blank(pattern, text)
    return text


def in_background(sentence: str, at: int) -> bool:
    """Whether character ``at`` lies in a background adjunct ("escalating their probe *into
    allegations that* ...") or a hedged description ("*what appears to be* an unrelated
    inquiry"): neither is the sentence's source."""
    return any(m.start() <= at < m.end() for pattern in (_BACKGROUND, _DESCRIBED)
               for m in pattern.finditer(sentence))



@lru_cache(maxsize=2)
def load_cues(path: Path = LEXICON) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The cue file as (pattern, kind, cue) triples, compiled once."""
    out = []
    for cue, kind, body in cues(path):
        left = "" if cue.startswith("n'") else r"(?<![A-Za-z0-9])"
        flags = 0 if cue in _CASED else re.IGNORECASE
        out.append((re.compile(rf"{left}{body}(?![A-Za-z0-9])", flags), kind, cue))
    return tuple(out)


_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=4096)
def find_cues(text: str) -> dict[str, list[str]]:
    """Cues found in ``text``, by kind (do not mutate the result: it is cached)."""
    text = text.replace("’", "'")
    words = set(_WORDS.findall(text.lower()))
    found: dict[str, list[str]] = {}
    for pattern, kind, cue in load_cues():
        # most cues are one plain word: skip the regex when the text cannot hold it
        if not (cue.endswith("*") or " " in cue or "'" in cue or cue in words):
            continue
        if pattern.search(text):
            found.setdefault(kind, []).append(cue)
    return found


def after_word(text: str, at: int) -> str:
    """What follows the word that ends at or after ``at`` (a cue lemma's inflection included)."""
    m = re.match(r"[\w'’]*", text[max(0, at):])
    return text[max(0, at) + (m.end() if m else 0):]


def verdict_words(text: str) -> str:
    """The words in which the outlet itself could call something false: no quoted words, and
    no "false"/"fake" naming a kind of thing ("filed false tax returns")."""
    return blank(NAMED_FALSE, unquoted(text))
