"""Plain units (:attr:`Unit.plain`) join the facts after alignment.

A sentence that names an actor, a place or a date but tells no event, statement or figure the
lexicons know takes no part in the alignment passes; once they are done it attaches to the fact
the first pass puts it with, at a higher cut, or makes a fact with other such sentences from
two articles or more. Facts already aligned are neither split nor joined.
"""

from __future__ import annotations

from collections import Counter

from rashomon.crossref.ledger.anchors import story_anchors
from rashomon.crossref.ledger.cluster import (
    anchored_scores,
    apart_by_party,
    complete_link,
    specific_parties,
)
from rashomon.crossref.ledger.joins import is_headline
from rashomon.crossref.ledger.units import Unit

PLAIN_CUT = 0.4  # the first pass's cut for a sentence that only names an actor


def attach_plain(every: list[Unit], units: list[Unit], labels: list[int],
                 ) -> tuple[list[Unit], list[int]]:
    """The story's units with the plain ones (``Unit.plain``) attached, and their labels.

    ``units`` are the aligned units of ``every`` and ``labels`` their fact labels. The first
    passes (anchored scores, complete link) are run again over every unit; a
    plain unit then joins the fact its group holds (the most common label among the group's
    aligned units, unless that fact already has a sentence of its article and the plain unit is
    no headline: a headline tells again the fact its article's lead tells), or, in a group of
    plain units only, makes a fact with them when they come from two or more articles. Facts
    already aligned are neither split nor joined, so a sentence that names an actor and tells
    nothing the lexicons know ("The Saints placed Bush on injured reserve") adds a telling
    without moving what the other passes found.
    """
    anchors = story_anchors(every)
    parties = specific_parties(every, anchors)
    shared, _ = anchored_scores(every, None, anchors)
    scores = apart_by_party(every, shared, anchors, parties)
    first = complete_link(every, scores, PLAIN_CUT)
    at = {u.key: k for k, u in enumerate(units)}
    out_units = list(units)
    out = list(labels)
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
            told = {out_units[k].article_id for k, f in enumerate(out) if f == fact}
            for u in plain:
                if u.article_id in told and not is_headline(u):
                    continue  # one sentence per article per fact, but for its headline
                told.add(u.article_id)
                out_units.append(u)
                out.append(fact)
        else:
            label = len(out_units)
            for u in plain:
                out_units.append(u)
                out.append(label)
    return out_units, out


__all__ = ["PLAIN_CUT", "attach_plain"]
