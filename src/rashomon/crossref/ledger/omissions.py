"""Which articles of a story leave a fact out.

An article leaves out a multi-outlet fact when it tells none of it: not an article published
before the first one that tells it (a preview cannot leave out the announcement), and not one
with a sentence that *touches* the fact in words alignment did not join, or gives one of its
specific numbers. Alignment is precision
first, so an outlet's telling in other words may sit in another row; a fresh audit found 6 of
the seeds' 13 multi-outlet rows listing an outlet that does tell the fact.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rashomon.crossref.ledger.units import ArticleRecords, Unit

# A sentence touches a fact at this story-centred cosine with the mean of the fact's tellings,
# when it shares a content word with one of them. On the development gold, omissions listed
# for articles that tell the fact 11 -> 3 of 36; the 6 omissions the gold marks all stay
# listed (0.4 kept 8 false ones, 0.35 lost a right one).
TOUCH_COS = 0.3
# A cosine this near the cut is read from the product with every sentence of the story (as it
# always was): a few rows multiplied alone may differ from it in the last bit.
NEAR_CUT = 1e-4


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
        self.day = {a: (records[a].article.published or "")[:10] for a in present}
        self.arts = {a: i for i, a in enumerate(dict.fromkeys(u.article_id for u in every))}
        self.art_names = list(self.arts)
        self.art_of = np.array([self.arts[u.article_id] for u in every], dtype=np.int64)
        # the articles that give each specific number, so a fact's numbers find them at once
        self.giving: dict[str, set[str]] = {}
        for u in every:
            for amount in amounts_in(u):
                self.giving.setdefault(amount, set()).add(u.article_id)
        self._said: tuple[list[set[str]], dict[str, int], Any] | None = None

    def _words(self) -> tuple[list[set[str]], dict[str, int], Any]:
        """Each unit's :func:`said` words, their vocabulary, and a words × units matrix (CSR)
        whose rows list the units that say a word; read once, on the first fact that needs it."""
        if self._said is None:
            from scipy.sparse import csr_matrix

            words = [said(u) for u in self.every]
            vocab: dict[str, int] = {}
            cols = [vocab.setdefault(w, len(vocab)) for ws in words for w in ws]
            rows = np.repeat(np.arange(len(words)), [len(ws) for ws in words])
            matrix = csr_matrix((np.ones(len(cols), dtype=np.int8), (cols, rows)),
                                shape=(len(vocab), len(words)))
            self._said = (words, vocab, matrix)
        return self._said

    def left_out(self, members: list[Unit]) -> tuple[str, ...]:
        """The articles that leave out the fact ``members`` tell (undated articles count).

        An article touches the fact by a sentence close to it that shares a word, or by a
        sentence that gives one of its specific numbers. Only the sentences of the articles
        still open that share a word are scored, not every sentence of the story per fact."""
        told = {u.article_id for u in members}
        dates = [u.published[:10] for u in members if u.published]
        first = min(dates) if len(dates) == len(members) else None
        candidates = [a for a in self.present if a not in told and not (
            first and (day := self.day[a]) and day < first)]
        if not candidates or self.vectors is None:
            return tuple(candidates)
        open_ = set(candidates)
        for amount in set().union(*(amounts_in(m) for m in members)):
            open_ -= self.giving.get(amount, set())
        if open_:
            open_ -= self._close(members, open_)
        return tuple(a for a in candidates if a in open_)

    def _close(self, members: list[Unit], open_: set[str]) -> set[str]:
        """The articles of ``open_`` with a sentence that shares a word with the fact's tellings
        at a centred cosine of ``TOUCH_COS`` or more with their mean."""
        words, vocab, matrix = self._words()
        rows = [self.row[u.key] for u in members]
        said_ = sorted({vocab[w] for k in rows for w in words[k]})
        if not said_:
            return set()
        hit = np.unique(matrix[said_].indices)  # the units sharing a word with the fact
        codes = [self.arts[a] for a in open_ if a in self.arts]
        hit = hit[np.isin(self.art_of[hit], codes)]
        if not len(hit):
            return set()
        mean = self.vectors[rows].mean(axis=0)
        unit = mean / (np.linalg.norm(mean) or 1.0)
        cos = self.vectors[hit] @ unit
        near = np.abs(cos - TOUCH_COS) < NEAR_CUT
        if near.any():  # the story-wide product decides a sentence this near the cut, to the bit
            cos[near] = (self.vectors @ unit)[hit[near]]
        return {self.art_names[i] for i in self.art_of[hit[cos >= TOUCH_COS]].tolist()}


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
