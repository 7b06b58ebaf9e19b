"""Own voice or quoted voice: whose words a stretch of an article is.

Framing counts a loaded term for the outlet only when the outlet uses it in its own voice;
inside a quote it is the speaker's word. This works on records (``Quote``) and the article
body, so the cross-outlet stage can use it without spaCy:

    voices = Voices(quotes_of_article, body)
    v = voices.at(start, end)
    if v.own: ...            # the outlet's own words
    else: v.speaker, v.kind  # "direct" / "indirect" quote content, or "scare" quote marks

A span counts as quoted when it lies inside a quote's content (any of its segments). With the
body given, a stretch inside quotation marks that no attribution claims (a scare-quoted term,
"so-called 'Artsakh'") is reported as ``scare``: the outlet distances itself from the word.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.nlp.quotes.marks import find_quotes
from rashomon.records import Quote

OWN, DIRECT, INDIRECT, SCARE = "own", "direct", "indirect", "scare"


@dataclass(frozen=True)
class Voice:
    """Whose words a span is: ``kind`` own|direct|indirect|scare."""

    kind: str
    quote: Quote | None = None
    speaker: str | None = None
    speaker_id: str | None = None

    @property
    def own(self) -> bool:
        return self.kind == OWN


class Voices:
    """Index of an article's quotes (and quotation marks, when the body is given)."""

    def __init__(self, quotes: Sequence[Quote], body: str | None = None) -> None:
        pieces: list[tuple[int, int, Quote]] = []
        for q in quotes:
            for s, e in (q.segments or ((q.start, q.end),)):
                pieces.append((s, e, q))
        pieces.sort(key=lambda p: (p[0], -p[1]))
        self._pieces = pieces
        self._starts = [p[0] for p in pieces]
        marks = find_quotes(body) if body else []
        self._marks = sorted((s, e) for m in marks for s, e in m.pieces)
        self._mark_starts = [m[0] for m in self._marks]

    def at(self, start: int, end: int) -> Voice:
        """The voice of ``[start, end)``: the innermost quote whose content holds it."""
        best: tuple[int, int, Quote] | None = None
        k = bisect_right(self._starts, start)
        # quote contents rarely nest more than a few deep: look back a bounded distance
        for s, e, q in reversed(self._pieces[max(0, k - 50):k]):
            if s <= start and end <= e and (best is None or e - s < best[1] - best[0]):
                best = (s, e, q)
        if best is not None:
            q = best[2]
            # a direct quote is the speaker's own wording; indirect content is the outlet's
            # paraphrase of the speaker, still not the outlet's own claim
            return Voice(DIRECT if q.kind == "direct" else INDIRECT, q, q.speaker, q.speaker_id)
        k = bisect_right(self._mark_starts, start)
        for s, e in reversed(self._marks[max(0, k - 5):k]):
            if s <= start and end <= e:
                return Voice(SCARE)
        return Voice(OWN)


def voice_at(quotes: Sequence[Quote], start: int, end: int, body: str | None = None) -> Voice:
    """One-off form of :meth:`Voices.at` (build a :class:`Voices` to ask many times)."""
    return Voices(quotes, body).at(start, end)


__all__ = ["DIRECT", "INDIRECT", "OWN", "SCARE", "Voice", "Voices", "voice_at"]
