"""The country a person or unknown organisation acts for, when the text gives it only around
the name.

Event coders code "President Laurent Gbagbo" in a story about Ivory Coast as an Ivorian
actor, and "Salaheddine Sidhoum, Algeria's leading human rights activist" as Algerian. A
mention whose actor has no country (and no office, see ``link.py``) gets
``span._.data["affiliation"]``, the id of a country actor, from:

1. its own phrase: a country, demonym or capital in the title words before the name, in
   an appositive or an "of" phrase after it ("*French* National Assembly president X", "X,
   a member of the *Syrian* parliament", "King X *of Morocco*");
2. else the article's context: the country of more than half of the article's mentions that
   carry one and of the places no mention covers ("arrived in *Abidjan*"): a domestic story
   names its own country most.

The actor record is not changed (the same person may appear in another story); consumers
(event coding) read the mention's affiliation.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from rashomon.records import Actor

_AFFILIATED_KINDS = {"person", "other"}
_TITLE_DEPS = {"compound", "amod", "appos", "nmod"}


def assign_affiliations(doc: Doc, spans: list[Span], actors: dict[str, Actor],
                        places: dict[str, Actor]) -> dict[str, Actor]:
    """Set ``affiliation`` on country-less mentions; returns the country actors used.

    Args:
        spans: the doc's actor mentions.
        actors: ``{actor_id: Actor}`` of the doc.
        places: demonyms, capitals and country names -> their country actor.
    """
    country_actor: dict[str, Actor] = {}
    counts: Counter[str] = Counter()
    for span in spans:
        actor = actors.get(span._.actor_id)
        if actor is not None and actor.country:
            counts[actor.country] += 1
            if actor.kind == "state":
                country_actor.setdefault(actor.country, actor)
    for actor in places.values():
        if actor.country:
            country_actor.setdefault(actor.country, actor)
    covered = {i for span in spans for i in range(span.start, span.end)}
    for ent in doc.ents:  # places no mention covers: "arrived in *Abidjan*"
        place = places.get(ent.text) if ent.label_ == "GPE" else None
        if place is not None and place.country and ent.start not in covered:
            counts[place.country] += 1
    context = dominant_country(counts)
    used: dict[str, Actor] = {}
    by_token = {i: s for s in spans for i in range(s.start, s.end)}
    for span in spans:
        actor = actors.get(span._.actor_id)
        data = span._.data or {}
        if actor is None or actor.kind not in _AFFILIATED_KINDS or actor.country \
                or data.get("office") or span._.link in ("pronoun", "description"):
            continue
        country = _in_phrase(span, by_token, actors, places) or context
        target = country_actor.get(country) if country else None
        if target is None:
            continue
        span._.data = {**data, "affiliation": target.id}
        used[target.id] = target
    return used


def dominant_country(counts: Counter[str]) -> str | None:
    """The country of more than half of the mentions that carry one."""
    total = sum(counts.values())
    if not total:
        return None
    country, n = counts.most_common(1)[0]
    return country if 2 * n > total else None


def _in_phrase(span: Span, by_token: dict[int, Span], actors: dict[str, Actor],
               places: dict[str, Actor]) -> str | None:
    """A country named in the title words or appositive around the name."""
    root = span.root
    phrase: list[Token] = []
    for child in root.children:
        if child.dep_ in _TITLE_DEPS and not span.start <= child.i < span.end:
            phrase += list(child.subtree)
    for child in root.children:  # "King Hassan *of Morocco*"
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
            phrase += [t for t in child.subtree if t.dep_ == "pobj" or t.head.dep_ == "pobj"]
    if root.dep_ == "appos":  # "the Syrian parliament member, X": the head names the title
        phrase += [t for t in root.head.subtree if t.i < root.i and t.i not in range(
            span.start, span.end)]
    for tok in sorted(phrase, key=lambda t: t.i):
        other = by_token.get(tok.i)
        if other is not None and other is not span:
            actor = actors.get(other._.actor_id)
            if actor is not None and actor.country and actor.kind != "person":
                return actor.country
        place = places.get(tok.text)
        if place is not None and place.country:
            return place.country
    return None


__all__ = ["assign_affiliations"]
