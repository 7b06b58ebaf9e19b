"""Merge provisional actors across the articles of a corpus.

Per article, a bare surname already joins the full name met in the same article.
Across articles, "Comey" in one outlet and "James Comey" in another are still two
provisional actors; :func:`merge_provisional` maps the short one onto the full one when
that is unambiguous. The cross-outlet stage applies the mapping to mentions (and drops
the merged actors); ids stay stable because the mapping is a pure function of the
corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rashomon.nlp.actors.gazetteer import normalize, surname
from rashomon.records import Actor, Mention


def merge_provisional(actors: Iterable[Actor], mentions: Iterable[Mention] = ()) -> dict[str, str]:
    """``{provisional id: id to use instead}`` for one-word provisional people.

    A one-word provisional person ("Comey") maps to the one person, provisional or from
    the gazetteer, whose multi-word name ends with that word ("James Comey"). When
    several people share the surname, the one mentioned most often wins only if it has
    at least twice the mentions of the next; otherwise nothing is merged.
    """
    actors = list(actors)
    counts: dict[str, int] = defaultdict(int)
    for mention in mentions:
        counts[mention.actor_id] += 1
    by_surname: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        if actor.kind != "person":
            continue
        for name in (actor.name, *actor.aliases):
            if len(normalize(name).split()) > 1:
                by_surname[surname(name)].add(actor.id)
    out: dict[str, str] = {}
    for actor in actors:
        words = normalize(actor.name).split()
        if not actor.provisional or actor.kind != "person" or len(words) != 1:
            continue
        full = sorted(by_surname.get(words[0], ()), key=lambda i: -counts[i])
        if len(full) == 1 or (len(full) > 1 and counts[full[0]] >= 2 * max(counts[full[1]], 1)):
            out[actor.id] = full[0]
    return out


__all__ = ["merge_provisional"]
