"""Facts from pairwise evidence: complete link, one sentence per article per fact.

Within one story every sentence is about the same conflict, so average-link over sentence
similarity chains a story's facts together. Here two units may link only when they share
informative anchors (:mod:`~rashomon.crossref.ledger.anchors`: what the rest of the story does
not share, a predicate they agree on, no clashing numbers or dates); groups join by complete
link, mutual best matches, and at most one unit per article. Referring denials and figures
are joined afterwards by their own rules (``attach_anaphora``, ``join_figures``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from rashomon.crossref.ledger.align import AlignUnit

if TYPE_CHECKING:
    from rashomon.crossref.ledger.anchors import StoryAnchors
    from rashomon.crossref.ledger.units import Unit


CENTRE_SHRINK = 10.0


def centered_cosine(units: Sequence[AlignUnit]) -> np.ndarray:
    """Cosine of sentence vectors centred on the story's mean.

    Every sentence of a story shares its topic; removing the mean leaves what each sentence
    says beyond it, so the cosine ranks retellings of one fact above mere neighbours.
    """
    from rashomon.crossref.embed import sentence_vectors

    vecs = sentence_vectors([u.text for u in units]).astype(np.float32)
    # Shrunk towards no centring for few sentences: the mean of two sentences is mostly
    # themselves, and removing it would make any two sentences opposite.
    vecs -= len(vecs) / (len(vecs) + CENTRE_SHRINK) * vecs.mean(axis=0)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    vecs /= norms
    return np.asarray(vecs @ vecs.T)


ANCHOR_WEIGHT = 1.0  # weight of the anchor overlap against the story-centred sentence cosine
PRECISE_CUT = 0.3
PRECISE_MUTUAL = True
MIN_ANCHOR = 0.1  # the anchor overlap must reach this: the sentence cosine cannot carry a pair


def anchored_scores(units: Sequence[Unit], centred: np.ndarray,
                    pooled: dict[int, list[Unit]] | None = None,
                    anchors: StoryAnchors | None = None) -> dict[tuple[int, int], float]:
    """Scores of the pairs that may be one fact: they share an informative anchor and do not
    clash (:func:`~rashomon.crossref.ledger.anchors.anchor_scores`), mixed with the centred
    sentence cosine (what each says beyond the story's topic)."""
    from rashomon.crossref.ledger.anchors import anchor_scores, story_anchors

    pairs = anchor_scores(units, anchors or story_anchors(units, pooled))
    return {p: ANCHOR_WEIGHT * s + (1 - ANCHOR_WEIGHT) * float(centred[p])
            for p, s in pairs.items() if s >= MIN_ANCHOR}


def complete_link(units: Sequence[Unit], scores: dict[tuple[int, int], float],
                  cut: float = PRECISE_CUT) -> list[int]:
    """Cluster label per unit: one unit per article per fact, mutual best pairs only, best first,
    and two groups join only when *every* cross pair is a scored pair above ``cut`` (complete
    link: no chaining through a shared neighbour)."""
    n = len(units)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), s in scores.items():
        for a, b in ((i, j), (j, i)):
            key = (a, units[b].article_id)
            if s > best.get(key, (-1.0, -1))[0]:
                best[key] = (s, b)
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    articles: dict[int, set[str]] = {i: {units[i].article_id} for i in range(n)}

    def score(i: int, j: int) -> float:
        return scores.get((i, j) if i < j else (j, i), -1.0)

    for (i, j), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < cut:
            break
        if PRECISE_MUTUAL and (best[(i, units[j].article_id)][1] != j
                               or best[(j, units[i].article_id)][1] != i):
            continue
        a, b = label[i], label[j]
        if a == b or articles[a] & articles[b]:
            continue
        if min(score(x, y) for x in members[a] for y in members[b]) < cut:
            continue
        keep, gone = min(a, b), max(a, b)
        for x in members[gone]:
            label[x] = keep
        members[keep] += members.pop(gone)
        articles[keep] |= articles.pop(gone)
    return label


JOIN_CUT = 0.2  # second pass: a unit left alone joins a row it matches this well on average


def _compound(tokens: set[str], informative: set[str]) -> set[str]:
    """The unit's informative word-set pairs ("s:force+move": fighters sent, mercenaries flown):
    a predicate with the class of what it moves, said by no topic sentence of the story."""
    return {t for t in tokens if t.startswith("s:") and "+" in t and t in informative}


def join_rows(units: Sequence[Unit], scores: dict[tuple[int, int], float], labels: list[int],
              anchors: StoryAnchors, cut: float = JOIN_CUT) -> list[int]:
    """Second pass: a unit that complete link left alone joins a row of two or more units when
    it is a candidate for *every* sentence of the row (a shared predicate, no clashing numbers
    or dates), shares a word-set pair with every one of them (the act and the class of what it
    acts on: "deploying jihadists" / "dispatching mercenaries" / "fighters flown out"), and its
    mean score with them reaches ``cut``. One unit per article per row, the best.

    A fact many outlets tell is retold in words that differ more between two retellings than
    each does from the row's closest sentence, so complete link alone leaves them out; the
    compound predicate is what keeps the lower bar from letting in a sentence that only shares
    the row's names and places. Rows are read as the first pass left them, so a newcomer never
    lowers the bar for the next.
    """
    rows: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        rows.setdefault(lab, []).append(i)
    multi = {lab: idx for lab, idx in rows.items() if len(idx) > 1}
    compound = [_compound(ts, anchors.informative) for ts in anchors.tokens]

    def score(i: int, j: int) -> float:
        return scores.get((i, j) if i < j else (j, i), -1.0)

    # only the rows holding a candidate of the unit are read: the cost follows the scored pairs
    near: dict[int, set[int]] = {}
    for i, j in scores:
        if labels[j] in multi:
            near.setdefault(i, set()).add(labels[j])
        if labels[i] in multi:
            near.setdefault(j, set()).add(labels[i])
    offers: list[tuple[float, int, int]] = []
    for i, lab_i in enumerate(labels):
        if len(rows[lab_i]) > 1 or not compound[i]:
            continue
        best: tuple[float, int] | None = None
        for lab in sorted(near.get(i, ())):
            idx = multi[lab]
            if any(units[j].article_id == units[i].article_id for j in idx):
                continue
            pair = [score(i, j) for j in idx]
            if min(pair) < MIN_ANCHOR or not all(compound[i] & compound[j] for j in idx):
                continue
            mean = sum(pair) / len(pair)
            if mean >= cut and (best is None or mean > best[0]):
                best = (mean, lab)
        if best is not None:
            offers.append((best[0], i, best[1]))
    out = list(labels)
    taken: set[tuple[int, str]] = set()
    for _, i, lab in sorted(offers, key=lambda o: (-o[0], o[1])):
        if (lab, units[i].article_id) not in taken:
            taken.add((lab, units[i].article_id))
            out[i] = lab
    return out


__all__ = ["anchored_scores", "centered_cosine", "complete_link", "join_rows"]
