"""Plain units (:attr:`Unit.plain`) join the facts after alignment.

A sentence that names an actor, a place or a date but tells no event, statement or figure the
lexicons know takes no part in the alignment passes; once they are done it attaches to the fact
the first pass puts it with, at a higher cut, or makes a fact with other such sentences from
two articles or more; one left alone may still join a fact it matches often and closely
(:func:`_second_chance`). Facts already aligned are neither split nor joined.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from rashomon.crossref.ledger.anchors import story_anchors
from rashomon.crossref.ledger.cluster import anchored_scores, complete_link
from rashomon.crossref.ledger.joins import is_headline
from rashomon.crossref.ledger.parties import apart_by_party, specific_parties
from rashomon.crossref.ledger.units import Unit, first_full

PLAIN_CUT = 0.4  # the first pass's cut for a sentence that only names an actor
PLAIN_PAIRS = 3  # a plain unit left alone joins a fact with this many scored pairs with it,
PLAIN_LINK = 0.5  # ... this share of the fact's sentences from other articles,
PLAIN_COS = 0.4  # ... and this centred cosine to the fact's mean vector


def attach_plain(every: list[Unit], units: list[Unit], labels: list[int],
                 vecs: np.ndarray | None = None) -> tuple[list[Unit], list[int]]:
    """The story's units with the plain ones (``Unit.plain``) attached, and their labels.

    ``units`` are the aligned units of ``every`` and ``labels`` their fact labels. The first
    passes (anchored scores, complete link) are run again over every unit; a
    plain unit then joins the fact its group holds (the most common label among the group's
    aligned units, unless that fact already has a sentence of its article and the plain unit is
    no headline: a headline tells again the fact its article's lead tells; nor is the lead, as
    its article's first full sentence under a headline the fact holds, told as done rather than
    as to come: "Saints RB Pierre Thomas placed on injured reserve" / "The New Orleans Saints
    placed Pierre Thomas on injured reserve Wednesday"), or, in a group of
    plain units only, makes a fact with them when they come from two or more articles. Facts
    already aligned are neither split nor joined, so a sentence that names an actor and tells
    nothing the lexicons know ("The Saints placed Bush on injured reserve") adds a telling
    without moving what the other passes found. With ``vecs`` (the centred sentence vectors
    of ``every``), a plain unit still alone has a second chance (:func:`_second_chance`).
    """
    anchors = story_anchors(every)
    parties = specific_parties(every, anchors)
    shared, _ = anchored_scores(every, None, anchors)
    scores = apart_by_party(every, shared, anchors, parties)
    first = complete_link(every, scores, PLAIN_CUT)
    leads = first_full(every)
    at = {u.key: k for k, u in enumerate(units)}
    out_units = list(units)
    out = list(labels)
    alone: list[int] = []
    groups: dict[int, list[int]] = {}
    for k, lab in enumerate(first):
        groups.setdefault(lab, []).append(k)
    for group in groups.values():
        plain = [every[k] for k in group if every[k].plain]
        if not plain:
            continue
        facts = Counter(out[at[every[k].key]] for k in group if not every[k].plain)
        if facts:
            fact = min(facts, key=lambda f: (-facts[f], f))
            held = [out_units[k] for k, f in enumerate(out) if f == fact]
            told = {v.article_id for v in held}
            heads = {v.article_id for v in held if is_headline(v)}
            for u in plain:
                # one sentence per article per fact, but for its headline, and for the lead
                # that tells again, as done, the headline the fact holds
                if u.article_id in told and not is_headline(u) and not (
                        u.article_id in heads and u.key in leads
                        and u.frame.modality == "actual"):
                    continue
                told.add(u.article_id)
                out_units.append(u)
                out.append(fact)
        else:
            label = len(out_units)
            if len({u.article_id for u in plain}) < 2:
                alone.extend(range(label, label + len(plain)))
            for u in plain:
                out_units.append(u)
                out.append(label)
    if vecs is not None:
        _second_chance(every, alone, scores, vecs, out_units, out)
    return out_units, out


def _second_chance(every: list[Unit], alone: list[int], scores: dict[tuple[int, int], float],
                   vecs: np.ndarray, units: list[Unit], labels: list[int]) -> None:
    """Plain units the first pass left alone (``alone``: their places in ``units``) join the
    fact of two articles or more with which they make ``PLAIN_PAIRS`` scored pairs, covering
    ``PLAIN_LINK`` of its sentences from other articles, and whose mean centred vector is
    ``PLAIN_COS`` alike (``vecs``: the centred vectors of ``every``). A fact that holds the
    unit's article already takes it as that article's second telling ("Saints place Thomas on
    injured reserve" over an article whose body says "Thomas, one of the stars of last
    season's run, was placed on injured reserve on Wednesday")."""
    row = {u.key: k for k, u in enumerate(every)}
    members: dict[int, list[int]] = {}
    for k, u in enumerate(units):
        members.setdefault(labels[k], []).append(row[u.key])
    fact_of = {row[u.key]: labels[k] for k, u in enumerate(units)}
    left = {row[units[k].key]: k for k in alone}
    partners: dict[int, Counter[int]] = {}
    for i, j in scores:
        for p, q in ((i, j), (j, i)):
            if p in left and q in fact_of and q not in left:
                partners.setdefault(p, Counter())[fact_of[q]] += 1
    for p, k in sorted(left.items()):
        best: tuple[float, int] | None = None
        for fact, n in sorted(partners.get(p, Counter()).items()):
            idx = members[fact]
            others = [x for x in idx if every[x].article_id != every[p].article_id]
            if len({every[x].article_id for x in idx}) < 2 \
                    or n < max(PLAIN_PAIRS, PLAIN_LINK * len(others)):
                continue
            mean = vecs[idx].mean(axis=0)
            cos = float(vecs[p] @ mean / (np.linalg.norm(mean) * np.linalg.norm(vecs[p]) or 1.0))
            if cos >= PLAIN_COS and (best is None or cos > best[0]):
                best = (cos, fact)
        if best is not None:
            labels[k] = best[1]


__all__ = ["PLAIN_CUT", "attach_plain"]
