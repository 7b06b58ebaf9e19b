"""Which term hits carry the framing sense, and whose voice they are in.

- A hit inside a technical phrase ("ceasefire regime") or after a hyphen prefix
  ("anti-terrorist") is another sense: not counted (``nlp/lexicons/framing_senses.tsv``).
- A hit qualified by a group name that only one outlet uses for that term ("Kurdish rebels"
  in a story whose rebels are someone else) names another referent: not counted.
- A hit inside a quote is the speaker's word, not the outlet's: it is counted for the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from rashomon.records import Quote

SENSES = Path(__file__).resolve().parents[2] / "nlp" / "lexicons" / "framing_senses.tsv"
_QUALIFIER = re.compile(r"([A-Z][a-z]+(?:an|ian|ese|ish|ic|i|en))\s+$")


@lru_cache(maxsize=2)
def load_senses(path: Path = SENSES) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(phrases, prefixes) from the data file."""
    phrases, prefixes = [], []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:
        pattern, kind = line.split("\t")[:2]
        (prefixes if kind.strip() == "prefix" else phrases).append(pattern.strip().lower())
    return tuple(phrases), tuple(prefixes)


def other_sense(text: str, start: int, end: int) -> bool:
    """Whether the hit text[start:end] is used in a non-framing sense."""
    phrases, prefixes = load_senses()
    before = text[max(0, start - 20):start].lower()
    if before.endswith("-") and any(re.search(rf"(?<![a-z]){p}-$", before) for p in prefixes):
        return True
    window = text[max(0, start - 40):min(len(text), end + 40)].lower()
    offset = start - max(0, start - 40)
    word = text[start:end].lower()
    for phrase in phrases:
        at = phrase.find(word.split()[0]) if word else -1
        if at < 0:
            continue
        i = window.find(phrase)
        while i >= 0:
            if i + at <= offset < i + len(phrase):
                return True
            i = window.find(phrase, i + 1)
    return False


def qualifier(text: str, start: int) -> str | None:
    """The group adjective right before a hit ("Kurdish" in "Kurdish rebels")."""
    m = _QUALIFIER.search(text[max(0, start - 30):start])
    return m.group(1) if m else None


def foreign_referents(hits: list[tuple[str, str, int, int]], texts: dict[str, str]) -> set[int]:
    """Indexes of hits whose qualifier only one outlet uses while others name it otherwise.

    ``hits`` are (outlet, article id, start, end) for one term group.
    """
    quals = [qualifier(texts[a], s) for _, a, s, _ in hits]
    users: dict[str | None, set[str]] = defaultdict(set)
    for (outlet, *_), q in zip(hits, quals):
        users[q].add(outlet)
    out = set()
    for i, ((outlet, *_), q) in enumerate(zip(hits, quals)):
        others = {o for k, v in users.items() if k != q for o in v} - {outlet}
        if q and users[q] == {outlet} and others:
            out.add(i)
    return out


class QuoteIndex:
    """Direct-quote spans of one article, for "is this offset inside a quote, and whose".

    Only direct quotes: their words are the speaker's; an indirect quote is the outlet's
    paraphrase, so its word choice stays the outlet's. Quotes that credit no one ("evidence
    has shown", "X has been accused of") do not count as the speaker's words either.
    """

    def __init__(self, quotes: list[Quote], body: str = "") -> None:
        from rashomon.crossref.ledger.frame.credit import credits_speaker

        spans = sorted({(s, e, q.speaker or q.speaker_text or "unnamed speaker")
                        for q in quotes if q.kind == "direct" and credits_speaker(q, body)
                        for s, e in (q.segments or ((q.start, q.end),))})
        self.starts = [s for s, _, _ in spans]
        self.spans = spans

    def speaker_at(self, start: int, end: int) -> str | None:
        i = bisect_right(self.starts, start)
        for s, e, who in self.spans[max(0, i - 8):i]:
            if s <= start and end <= e:
                return who
        return None


__all__ = ["QuoteIndex", "foreign_referents", "load_senses", "other_sense", "qualifier"]
