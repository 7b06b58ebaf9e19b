"""Facts from pairwise evidence: complete link, one sentence per article per fact.

Within one story every sentence is about the same conflict, so average-link over sentence
similarity chains a story's facts together. Here two units may link only when they share
informative anchors (:mod:`~rashomon.crossref.ledger.anchors`: what the rest of the story does
not share, a predicate they agree on, no clashing numbers or dates); groups join by complete
link, mutual best matches, and at most one unit per article. Referring denials and figures
are joined afterwards by their own rules (``attach_anaphora``, ``join_figures``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from rashomon.crossref.ledger.align import AlignUnit
from rashomon.crossref.ledger.days import days_apart

if TYPE_CHECKING:
    from rashomon.crossref.ledger.anchors import StoryAnchors
    from rashomon.crossref.ledger.units import Unit

CENTRE_SHRINK = 10.0


def centred_vectors(units: Sequence[AlignUnit]) -> np.ndarray:
    """Unit sentence vectors centred on the story's mean: the dot product of two rows is their
    centred cosine.

    Every sentence of a story shares its topic; removing the mean leaves what each sentence
    says beyond it, so the cosine ranks retellings of one fact above mere neighbours. Callers
    take the cosines of the few units they compare (one claim's), never the whole story's.
    """
    from rashomon.crossref.embed import sentence_vectors

    return centre(sentence_vectors([u.text for u in units]))


def centre(raw: np.ndarray) -> np.ndarray:
    """:func:`centred_vectors` of sentence vectors already computed (one row per unit)."""
    vecs = raw.astype(np.float32)
    # Shrunk towards no centring for few sentences: the mean of two sentences is mostly
    # themselves, and removing it would make any two sentences opposite.
    vecs -= len(vecs) / (len(vecs) + CENTRE_SHRINK) * vecs.mean(axis=0)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    vecs /= norms
    return vecs


PRECISE_CUT = 0.3
PRECISE_MUTUAL = True
PRECISE_LINK = 0.75  # the share of two groups' cross pairs above the cut for them to join
MIN_ANCHOR = 0.1  # the anchor overlap must reach this: the sentence cosine cannot carry a pair


def anchored_scores(units: Sequence[Unit], pooled: dict[int, list[Unit]] | None = None,
                    anchors: StoryAnchors | None = None,
                    ) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], float]]:
    """Scores of the pairs that may be one fact: they share an informative anchor, do not
    clash and overlap by ``MIN_ANCHOR`` or more
    (:func:`~rashomon.crossref.ledger.anchors.anchor_scores_both`: a unit's word sets weighing
    as one token, and each set counting in full). The sentence cosine plays no part: two
    sentences of one story are close in meaning without telling one fact."""
    from rashomon.crossref.ledger.anchors import anchor_scores_both, story_anchors

    return anchor_scores_both(units, anchors or story_anchors(units, pooled), floor=MIN_ANCHOR)


RETOLD_BONUS = 0.1  # added to a pair that retells one speaker's words or one amount
SAME_SOURCE_WORDS = 2


def retold_bonus(units: Sequence[Unit], scores: dict[tuple[int, int], float],
                 anchors: StoryAnchors) -> dict[tuple[int, int], float]:
    """Scores with ``RETOLD_BONUS`` added to the pairs that retell one thing in its own terms:
    they have one speaker (the same actor id credited, or speaking in a speech act the outlet
    states: "Orsk apologized") and share ``SAME_SOURCE_WORDS`` informative
    content words ("I believe that we can win this," Orsk said / Orsk said he still believed he
    could win), or they share an amount (a number that is no year) and an informative content
    word ("funneling $10,000"). The speaker of a story is often one of its main actors, so the
    rare-token score alone cannot tell these from two sentences that share two words by chance.
    """
    out = dict(scores)
    # the unit's informative amounts: a pair that shares none and credits no one source gets
    # no bonus, and is passed over without reading its tokens
    amounts = [{t for t in ts if t[0] == "n" and t in anchors.informative
                and not _YEAR.fullmatch(t[2:])} for ts in anchors.tokens]
    # who speaks in each unit: the credited source, or the speaker of a speech act the outlet
    # states ("Braley apologized ..." retells "'I apologize ...,' Braley wrote")
    speakers = [{u.frame.source_id, *(q.speaker_id for q in u.quotes)} - {None} for u in units]
    for (i, j), sc in scores.items():
        one_speaker = bool(speakers[i] & speakers[j])
        if not one_speaker and not amounts[i] & amounts[j]:
            continue
        shared = {t for t in anchors.tokens[i] & anchors.tokens[j] if t in anchors.informative}
        words = {t for t in shared if t[0] == "w"}
        same_source = one_speaker and len(words) >= SAME_SOURCE_WORDS
        # one amount and the act done with it ("funneling $10,000"): a year is no amount
        same_amount = words and any(t[0] == "n" and not _YEAR.fullmatch(t[2:]) for t in shared)
        if same_source or same_amount:
            out[(i, j)] = sc + RETOLD_BONUS
    return out


_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def lead_bonus(units: Sequence[Unit], scores: dict[tuple[int, int], float],
               ) -> dict[tuple[int, int], float]:
    """Scores with ``RETOLD_BONUS`` added to the pairs of two articles' leads (each article's
    first unit): a news story tells its main fact first, in words of its own, and two leads
    about one event share the story's common words ("reopen", "re-elected") more than rare
    ones. Only scored pairs (a shared predicate, no clash) get it.
    """
    first: dict[str, int] = {}
    for k, u in enumerate(units):
        if u.article_id not in first or u.start < units[first[u.article_id]].start:
            first[u.article_id] = k
    leads = set(first.values())
    return {p: sc + RETOLD_BONUS if p[0] in leads and p[1] in leads else sc
            for p, sc in scores.items()}


def best_partners(units: Sequence[Unit], scores: dict[tuple[int, int], float],
                   ) -> dict[tuple[int, str], tuple[float, int]]:
    """(unit, other article) -> (score, unit) of that article's best-scored partner."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), s in scores.items():
        for a, b in ((i, j), (j, i)):
            key = (a, units[b].article_id)
            if s > best.get(key, (-1.0, -1))[0]:
                best[key] = (s, b)
    return best


def complete_link(units: Sequence[Unit], scores: dict[tuple[int, int], float],
                  cut: float = PRECISE_CUT) -> list[int]:
    """Cluster label per unit: one unit per article per fact, mutual best pairs only, best first,
    and two groups join only when ``PRECISE_LINK`` of their cross pairs are scored pairs above
    ``cut`` (near-complete link: no chaining through a shared neighbour; three of four lets two
    two-outlet rows of one fact join when one retelling is told in other words)."""
    n = len(units)
    best = best_partners(units, scores)
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    articles: dict[int, set[str]] = {i: {units[i].article_id} for i in range(n)}
    # Between every two groups, how many of their cross pairs are scored and how many of those
    # reach the cut: complete link holds when every cross pair reaches it, read from the counts
    # (an unscored pair scores -1) instead of from each pair of members at every merge.
    scored: dict[int, dict[int, int]] = {}
    good: dict[int, dict[int, int]] = {}
    for (i, j), s in scores.items():
        if i >= j:
            continue  # a pair is read as (lower, higher)
        for counts in (scored, good) if s >= cut else (scored,):
            counts.setdefault(i, {})[j] = counts.get(i, {}).get(j, 0) + 1
            counts.setdefault(j, {})[i] = counts.get(j, {}).get(i, 0) + 1

    def linked(a: int, b: int) -> bool:
        cross = len(members[a]) * len(members[b])
        ok = good.get(a, {}).get(b, 0)
        if cut > -1.0:
            return ok >= PRECISE_LINK * cross
        return scored.get(a, {}).get(b, 0) == ok

    def fold(counts: dict[int, dict[int, int]], keep: int, gone: int) -> None:
        for c, k in counts.pop(gone, {}).items():
            del counts[c][gone]
            if c != keep:
                counts.setdefault(keep, {})[c] = counts.get(keep, {}).get(c, 0) + k
                counts[c][keep] = counts[c].get(keep, 0) + k

    for (i, j), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < cut:
            break
        if PRECISE_MUTUAL and (best[(i, units[j].article_id)][1] != j
                               or best[(j, units[i].article_id)][1] != i):
            continue
        a, b = label[i], label[j]
        if a == b or articles[a] & articles[b]:
            continue
        if not linked(a, b):
            continue
        keep, gone = min(a, b), max(a, b)
        for x in members[gone]:
            label[x] = keep
        members[keep] += members.pop(gone)
        articles[keep] |= articles.pop(gone)
        fold(scored, keep, gone)
        fold(good, keep, gone)
    return label


def apart_by_date(units: Sequence[Unit],
                  scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """The scored pairs without those dated to different days (:func:`days_apart`)."""
    return {(i, j): sc for (i, j), sc in scores.items() if not days_apart(units[i], units[j])}


__all__ = ["anchored_scores", "apart_by_date", "best_partners", "centre", "centred_vectors",
           "complete_link", "lead_bonus", "retold_bonus"]
