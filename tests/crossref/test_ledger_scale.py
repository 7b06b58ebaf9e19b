"""The ledger's fast paths give what the straightforward computations give.

The anchor scores are computed for candidate pairs only, cut at ``MIN_ANCHOR`` before the clash
check, both weightings in one pass; a claim's statement takes the centred cosines of its own
units only. Each is checked here against the plain computation it replaces.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.sparse import random as sparse_random

from rashomon.crossref.corpus import Corpus
from rashomon.crossref.ledger import build_ledger, index_corpus, to_align
from rashomon.crossref.ledger.anchors import (
    clashes,
    _sample,
    anchor_scores,
    anchor_scores_both,
    story_anchors,
)
from rashomon.crossref.ledger.cluster import MIN_ANCHOR, centred_vectors
from rashomon.crossref.ledger.rank import central_unit, statement
from rashomon.crossref.ledger.units import Unit, story_units
from tests.crossref.ledger_fixtures import (
    ACTORS,
    KESTRIA,
    MARBEC,
    VALDORA,
    article,
    event,
    story_of,
)


def _told(aid: str, text: str) -> Unit:
    return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text)


UNITS = [
    _told("a", "Marbec sent 300 fighters to Valdora across the northern pass."),
    _told("b", "About 300 fighters from Marbec were flown to Valdora, officials said."),
    _told("c", "Marbec dispatched 500 fighters to Valdora in March."),
    _told("a", "Shelling killed four villagers near Osk on Tuesday."),
    _told("b", "Four villagers died in shelling near Osk."),
    _told("c", "Kestria urged Marbec to withdraw its fighters."),
    _told("d", "Kestria will send aid if Valdora asks for it."),
    _told("d", "Grain prices rose in Valdora as the border stayed shut."),
    _told("a", "Talks between Valdora and Kestria resumed in Tarn."),
    _told("c", "Valdora and Kestria resumed talks in Tarn after a pause."),
]


def _plain_scores(units: list[Unit], share_sets: bool) -> dict[tuple[int, int], float]:
    """Every cross-article pair that shares an informative predicate token (or a near-synonym
    beside a shared informative token) and does not clash, scored one pair at a time."""
    anchors = story_anchors(units)
    gates = anchors.gates or anchors.tokens

    def weights(i: int) -> dict[str, float]:
        n_sets = max(sum(t[0] == "s" for t in anchors.tokens[i]), 1)
        return {t: anchors.idf[t] * (1 / math.sqrt(n_sets) if share_sets and t[0] == "s" else 1.0)
                for t in anchors.tokens[i]}

    def soft(i: int, j: int) -> float:
        return sum(0.5 * anchors.idf[w] * anchors.idf[s] for w in anchors.tokens[i]
                   for s in anchors.synonyms.get(w, ()) if s in anchors.tokens[j])

    out = {}
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            if units[i].article_id == units[j].article_id:
                continue
            pred = {t for t in gates[i] & gates[j] if t[0] in "wst" and t in anchors.informative}
            syn = soft(i, j) + soft(j, i)
            near = syn > 0 and anchors.tokens[i] & anchors.tokens[j] & anchors.informative
            if not (pred or near):
                continue
            if clashes(units, np.array([i]), np.array([j]))[0]:
                continue
            wi, wj = weights(i), weights(j)
            shared = sum(wi[t] * wj[t] for t in wi.keys() & wj.keys()) + 0.5 * syn
            out[(i, j)] = shared / (math.sqrt(sum(v * v for v in wi.values()))
                                    * math.sqrt(sum(v * v for v in wj.values())))
    return out


@pytest.mark.parametrize("share_sets", [True, False])
def test_anchor_scores_match_the_pair_by_pair_computation(share_sets: bool) -> None:
    fast = anchor_scores(UNITS, story_anchors(UNITS), share_sets)
    plain = _plain_scores(UNITS, share_sets)
    assert len(plain) >= 3  # the fixture has candidate pairs to compare
    assert fast.keys() == plain.keys()
    for pair, score in plain.items():
        assert fast[pair] == pytest.approx(score, abs=1e-12)


def test_the_floor_only_drops_pairs_below_it() -> None:
    anchors = story_anchors(UNITS)
    full = anchor_scores_both(UNITS, anchors)
    floored = anchor_scores_both(UNITS, anchors, floor=MIN_ANCHOR)
    for every, cut in zip(full, floored):
        assert cut == {p: s for p, s in every.items() if s >= MIN_ANCHOR}
    assert any(s < MIN_ANCHOR for s in full[0].values())  # the floor has work to do


def test_sparse_lookup_matches_scipy_indexing() -> None:
    m = sparse_random(40, 30, density=0.2, format="csr", random_state=3)
    rng = np.random.default_rng(3)
    a, b = rng.integers(0, 40, 500), rng.integers(0, 30, 500)
    assert np.array_equal(_sample(m.copy(), a, b), np.asarray(m[a, b]).ravel())


def test_statements_match_the_story_wide_cosine_matrix() -> None:
    arts = [
        article("a1", "Harbor Ledger", "Marbec sent hundreds of fighters to Valdora. Shelling "
                "went on near Osk. Kestria has closed its border with Valdora."),
        article("b1", "Northern Wire", "Kestria has accused Marbec of having sent fighters to "
                "Valdora. Kestria closed the border with Valdora on Monday."),
        article("c1", "Plain Dispatch", "Hundreds of Marbec fighters reached Valdora. Kestria "
                "shut its border to Valdora. Shelling continued near Osk."),
    ]
    facts = [
        (0, "Marbec sent hundreds of fighters to Valdora.", "AID", "asserted", MARBEC, VALDORA),
        (0, "Shelling went on near Osk.", "ASSAULT", "asserted", VALDORA, KESTRIA),
        (0, "Kestria has closed its border with Valdora.", "BLOCK", "asserted", KESTRIA, VALDORA),
        (1, "Kestria has accused Marbec of having sent fighters to Valdora.", "AID", "alleged",
         MARBEC, VALDORA),
        (1, "Kestria closed the border with Valdora on Monday.", "BLOCK", "asserted", KESTRIA,
         VALDORA),
        (2, "Hundreds of Marbec fighters reached Valdora.", "AID", "asserted", MARBEC, VALDORA),
        (2, "Kestria shut its border to Valdora.", "BLOCK", "asserted", KESTRIA, VALDORA),
        (2, "Shelling continued near Osk.", "ASSAULT", "asserted", VALDORA, KESTRIA),
    ]
    events = [event(arts[k], s, t, st, src, tgt) for k, s, t, st, src, tgt in facts]
    corpus = Corpus(articles=arts, actors=ACTORS, events=events)
    story = story_of(*arts)
    ledger = build_ledger(story, corpus)
    assert any(len(c.stances) > 1 for c in ledger.claims)  # some claims have units to rank
    units = story_units(index_corpus(corpus, story.article_ids), story.article_ids)
    vecs = centred_vectors([to_align(u) for u in units])
    full = vecs @ vecs.T  # the story-wide matrix the ledger no longer builds
    at = {u.key: i for i, u in enumerate(units)}
    for claim in ledger.claims:
        idx = sorted(at[u.key] for u, _ in ledger.members[claim.id])
        members = [units[i] for i in idx]
        expect = central_unit(members, full[np.ix_(idx, idx)] if len(idx) > 1 else None)
        assert claim.statement == statement(expect)


def _plain_complete_link(units: list[Unit], scores: dict[tuple[int, int], float],
                         cut: float) -> list[int]:
    """Near-complete link checking every member pair at every merge (what the counts replace)."""
    from rashomon.crossref.ledger.cluster import PRECISE_LINK

    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), s in scores.items():
        for a, b in ((i, j), (j, i)):
            if s > best.get((a, units[b].article_id), (-1.0, -1))[0]:
                best[(a, units[b].article_id)] = (s, b)
    label = list(range(len(units)))
    members = {i: [i] for i in range(len(units))}
    articles = {i: {units[i].article_id} for i in range(len(units))}
    for (i, j), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < cut:
            break
        if best[(i, units[j].article_id)][1] != j or best[(j, units[i].article_id)][1] != i:
            continue
        a, b = label[i], label[j]
        cross = [scores.get((min(x, y), max(x, y)), -1.0) >= cut
                 for x in members[a] for y in members[b]]
        if a == b or articles[a] & articles[b] or sum(cross) < PRECISE_LINK * len(cross):
            continue
        keep, gone = min(a, b), max(a, b)
        for x in members[gone]:
            label[x] = keep
        members[keep] += members.pop(gone)
        articles[keep] |= articles.pop(gone)
    return label


@pytest.mark.parametrize("seed", range(6))
def test_complete_link_counts_match_the_member_pair_check(seed: int) -> None:
    from rashomon.crossref.ledger.cluster import complete_link

    rng = np.random.default_rng(seed)
    units = [_told("abcdefgh"[k % 8], f"unit {k}") for k in range(48)]
    # copies of one sentence in many outlets tie: scores on a coarse grid, many pairs missing
    scores = {(i, j): float(rng.choice([0.2, 0.3, 0.4, 0.5, 0.6]))
              for i in range(48) for j in range(i + 1, 48)
              if units[i].article_id != units[j].article_id and rng.random() < 0.5}
    for cut in (0.3, 0.45):
        expect = _plain_complete_link(units, scores, cut)
        assert complete_link(units, scores, cut=cut) == expect
        assert len(set(expect)) < len(units) - 5  # groups of several units were formed
