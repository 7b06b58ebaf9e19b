"""Which articles of a story leave a fact out.

An article leaves out a multi-outlet fact when it tells none of it: not an article published
before the first one that tells it (a preview cannot leave out the announcement), and not one
with a sentence that *touches* the fact in words alignment did not join, or gives one of its
specific numbers. Alignment is precision
first, so an outlet's telling in other words may sit in another row; a fresh audit found 6 of
the seeds' 13 multi-outlet rows listing an outlet that does tell the fact.
"""

from __future__ import annotations

import numpy as np

from rashomon.crossref.ledger.units import ArticleRecords, Unit

# A sentence touches a fact at this story-centred cosine with the mean of the fact's tellings,
# when it shares a content word with one of them. On the development gold, omissions listed
# for articles that tell the fact 11 -> 3 of 36; the 6 omissions the gold marks all stay
# listed (0.4 kept 8 false ones, 0.35 lost a right one).
TOUCH_COS = 0.3


def said(u: Unit) -> set[str]:
    """The sentence's content-word stems outside its attribution frame."""
    from rashomon.crossref.ledger.anchors import content_stems, frame_stems

    return content_stems(u.text)[0] - frame_stems(u.text)


class Omissions:
    """The story's sentences, read once, against which each fact's omissions are found.

    Args:
        every: every unit of the story (plain units too).
        vectors: their sentence vectors centred on the story, one row per unit (None for a
            story of one sentence).
        records: the story's articles, by id.
        present: the ids of the story's articles, sorted.
    """

    def __init__(self, every: list[Unit], vectors: np.ndarray | None,
                 records: dict[str, ArticleRecords], present: list[str]) -> None:
        self.every, self.vectors, self.records, self.present = every, vectors, records, present
        self.row = {u.key: k for k, u in enumerate(every)}
        self.of_article: dict[str, list[int]] = {}
        for k, u in enumerate(every):
            self.of_article.setdefault(u.article_id, []).append(k)
        self._words: dict[tuple[str, int, int], set[str]] = {}
        self._amounts: dict[tuple[str, int, int], set[str]] = {}

    def words(self, u: Unit) -> set[str]:
        if u.key not in self._words:
            self._words[u.key] = said(u)
        return self._words[u.key]

    def amounts(self, u: Unit) -> set[str]:
        if u.key not in self._amounts:
            self._amounts[u.key] = amounts_in(u)
        return self._amounts[u.key]

    def left_out(self, members: list[Unit]) -> tuple[str, ...]:
        """The articles that leave out the fact ``members`` tell (undated articles count)."""
        told = {u.article_id for u in members}
        dates = [u.published[:10] for u in members if u.published]
        first = min(dates) if len(dates) == len(members) else None
        candidates = [a for a in self.present if a not in told and not (
            first and (day := (self.records[a].article.published or "")[:10]) and day < first)]
        if not candidates or self.vectors is None:
            return tuple(candidates)
        mean = self.vectors[[self.row[u.key] for u in members]].mean(axis=0)
        close = self.vectors @ (mean / (np.linalg.norm(mean) or 1.0)) >= TOUCH_COS
        words = set().union(*(self.words(m) for m in members))
        amounts = set().union(*(self.amounts(m) for m in members))
        return tuple(a for a in candidates if not any(
            close[k] and self.words(self.every[k]) & words or amounts & self.amounts(self.every[k])
            for k in self.of_article.get(a, ())))


SPECIFIC = 100.0  # a number this large (no year) is specific enough to name what it counts


def amounts_in(u: Unit) -> set[str]:
    """The sentence's specific numbers: an article that gives the fact's "$200,000" or "$5.4
    million" in some other sentence touches the fact, however it tells the rest."""
    return {n for n in u.numbers if _value(n) >= SPECIFIC}


def _value(n: str) -> float:
    try:
        return float(n)
    except ValueError:
        return 0.0


__all__ = ["SPECIFIC", "TOUCH_COS", "Omissions", "amounts_in"]
