"""Bare group nouns as event arguments: "*insurgents* attacked", "*police* detained".

Event coders code a group named without a country by its agent code and the country the
story is about: "police fired tear gas" in a story set in Liberia is Liberian police (LBR
COP), "rebels shelled the town" the country's rebels (REB). The actors component builds such
actors only with a country in the phrase ("Afghan insurgents"); here a plural group noun
(or "police") that no mention covers becomes an argument-only span (link ``group``), like
the demonym modifiers of :func:`rashomon.nlp.events.args.index_mentions`:

- its kind, name and sectors come from the group rows of the actor terms
  (``gazetteers/actor_terms.tsv``: police → COP, rebels/insurgents → REB, soldiers/troops →
  MIL, protesters/residents → CVL, opposition → OPP);
- its country is the most named one in its sentence (actors with a country and places; not
  a country that only modifies a topic, "the *Russia* investigation"),
  else the country of more than half of the article's country-bearing mentions, else none
  (a country-less actor that keeps its sector: ``---REB``); irregular fighters (``UAF``:
  jihadists, mercenaries, foreign fighters) always take none.

The same article country (now counting the places the actors component could not see) is
the ``affiliation`` of people and organisations left without one ("President X arrived in
*Abidjan*"), see :mod:`rashomon.nlp.actors.affiliation`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data
from rashomon.nlp.actors.affiliation import dominant_country
from rashomon.nlp.actors.gazetteer import Term, load_terms
from rashomon.records import Actor

GROUP_TYPES = {"body", "military", "civilians"}
# Irregular fighters (jihadists, mercenaries): named without a country, they are nobody's
# (``group.UAF``), not the story's country, since they are mostly brought from elsewhere.
IRREGULAR = "UAF"
# Group words too vague to be an actor on their own ("people", "units", "the side").
VAGUE = frozenset({"people", "population", "units", "nationals", "aircraft", "jets",
                   "artillery", "tanks", "helicopters", "gunships", "warplanes", "fighter jets",
                   "warships", "gunboats", "opposition", "prisoners", "detainees", "hostages"})
_CROWDS = {"hundreds", "thousands", "tens", "dozens", "millions", "crowds", "scores"}
_HEAD_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "compound", "attr"}


# Group nouns only events take as actors ("Republicans", "authorities"): lexicons/events_groups.tsv
EVENT_GROUPS = data.LEXICONS / "events_groups.tsv"


def group_terms() -> dict[str, Term]:
    """Group word (one or two lower-case words) -> its actor term, police/rebel/military/
    civilian rows of the actor terms, then the events' own rows (``EVENT_GROUPS``)."""
    out: dict[str, Term] = {}
    for term in [*load_terms(), *load_terms(EVENT_GROUPS)]:
        if term.type in GROUP_TYPES and term.sectors:
            for variant in term.variants:
                if variant not in VAGUE and len(variant.split()) <= 2:
                    out.setdefault(variant, term)
    return out


def add_groups(doc: Doc, index: dict[int, Span], terms: Mapping[str, Term],
               places: Mapping[str, Actor]) -> list[Span]:
    """Argument-only spans for the bare group nouns of ``doc`` (added to ``index``, the
    events' token → mention index); ``places`` maps ISO alpha-2 codes to country actors."""
    actors = dict(doc._.actors or {})
    added: list[Span] = []
    article = _countries(doc, index, actors, places, None)
    dominant = dominant_country(article)
    by_code = {a.country: a for a in actors.values() if a.kind == "state" and a.country}
    by_code.update({a.country: a for a in places.values() if a.country and a.country not in by_code})
    home = by_code.get(dominant) if dominant else None
    if home is not None and _affiliate(doc, actors, home):
        actors.setdefault(home.id, home)
        doc._.actors = actors
    for sent in doc.sents:
        for tok in sent:
            found = _group_word(tok, index, terms)
            if found is None:
                continue
            start, term = found
            other = _other_side(tok)
            local = _countries(doc, index, actors, places, sent, other)
            code = local.most_common(1)[0][0] if local else (dominant if not other else
                dominant_country(_countries(doc, index, actors, places, None, other)))
            if IRREGULAR in term.sectors:
                code = None  # "foreign fighters via X": fighters come from elsewhere
            actor = _group_actor(term, by_code.get(code) if code else None, actors)
            span = Span(doc, start, tok.i + 1, label="ACTOR")
            span._.actor_id = actor.id
            span._.link = "group"
            for i in range(start, tok.i + 1):
                index[i] = span
            actors.setdefault(actor.id, actor)
            added.append(span)
    if added:
        doc._.actors = actors
    return added


def _affiliate(doc: Doc, actors: Mapping[str, Actor], home: Actor) -> bool:
    """Give the country-less people and organisations the actors component could not place
    (no office, no ``affiliation``) the article's country, now that the places are known
    ("President X arrived in *Abidjan*"); True when one was placed."""
    placed = False
    for span in doc.spans.get("rashomon_mentions", []):
        actor = actors.get(span._.actor_id)
        data = span._.data or {}
        if actor is None or actor.kind not in {"person", "other"} or actor.country \
                or data.get("office") or data.get("affiliation") \
                or span._.link in ("pronoun", "description"):
            continue
        span._.data = {**data, "affiliation": home.id}
        placed = True
    return placed


def _group_word(tok: Token, index: Mapping[int, Span], terms: Mapping[str, Term]
                ) -> tuple[int, Term] | None:
    """(first token, term) when ``tok`` heads a bare group noun phrase no mention covers."""
    known = index.get(tok.i)
    guessed = known is not None and known._.link == "provisional" and len(known) == 1
    if (known is not None and not guessed) or tok.pos_ not in {"NOUN", "PROPN"} \
            or tok.dep_ not in _HEAD_DEPS:
        return None
    if tok.dep_ == "compound" and tok.head.lower_ in terms:
        return None  # "riot *police*" is found at its head
    if any(c.dep_ == "poss" or c.i in index and c.dep_ != "conj" for c in tok.children):
        return None  # "their soldiers", "Afghan troops": the actors component's phrase
        # (not "*lawmakers* and Gov. X": a name conjoined is a second party, no modifier)
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.head.i == tok.i and prev.dep_ in {"compound", "amod"} \
            and f"{prev.lower_} {tok.lower_}" in terms:
        return prev.i, terms[f"{prev.lower_} {tok.lower_}"]
    term = terms.get(tok.lower_) or (terms.get("civilians") if tok.lower_ == "people" and (
        any(c.dep_ == "nummod" for c in tok.children) or _counted(tok)) else None)
    if guessed and (term is None or not _named_body(tok, term)):
        return None  # a name the linker guessed at stays, unless it is a body's ("the *House*")
    if term is None or (tok.tag_ not in {"NNS", "NNPS"} and tok.lower_ not in {"police", "people"}
                        and not _named_body(tok, term)):
        return None  # plural groups only: "a rebel", "the army" name no group of the story
    if IRREGULAR in term.sectors and any(c.dep_ == "prep" and c.lower_ == "from"
                                         for c in tok.children):
        return None  # "fighters from terror groups including X": the phrase names who
    return tok.i, term


def _named_body(tok: Token, term: Term) -> bool:
    """A body of state called by its capitalized name alone ("*Congress* cut funding", "the
    *Senate* voted"): the story's country's own, like a plural group."""
    return term.type == "body" and tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _counted(tok: Token) -> bool:
    """ "thousands *of people*": people counted by a quantity are a crowd, not anyone."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in _CROWDS


# Dependents of a clause that name the other party of what a group does ("rebels freed *a
# French hostage*", "police clashed *with Kenyan protesters*"), not where the group is from.
_OTHER_DEPS = {"dobj", "dative", "oprd", "attr", "agent"}
_OTHER_PREPS = {"with", "against", "to", "on", "upon", "into", "toward", "towards", "for"}


def _other_side(tok: Token) -> frozenset[int]:
    """Token indices of the other parties of the clause ``tok`` (a group noun) is an argument
    of: its objects when the group is the subject, its subject when the group is the object.
    A place named with "in X", the group's own phrase ("rebels *in Mali*") and the rest of the
    sentence still say where the group is from."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    verb, role = tok.head, tok.dep_
    if role == "pobj" and verb.dep_ == "prep":
        verb, role = verb.head, "dobj"
    if verb.i == tok.i or verb.pos_ not in {"VERB", "AUX"}:
        return frozenset()
    out: set[int] = set()
    for c in verb.children:
        if c.i in range(tok.left_edge.i, tok.right_edge.i + 1):
            continue
        if role in {"nsubj", "nsubjpass"}:
            other = c.dep_ in _OTHER_DEPS or (c.dep_ == "prep" and c.lower_ in _OTHER_PREPS)
        else:
            other = c.dep_ in {"nsubj", "nsubjpass", "agent"}
        if other:
            out.update(range(c.left_edge.i, c.right_edge.i + 1))
    return frozenset(out)


def _countries(doc: Doc, index: Mapping[int, Span], actors: Mapping[str, Actor],
               places: Mapping[str, Actor], sent: Span | None,
               skip: frozenset[int] = frozenset()) -> Counter[str]:
    """Countries named in ``sent`` (or the whole doc) outside the tokens ``skip``: actors with
    one, and places."""
    lo, hi = (sent.start, sent.end) if sent is not None else (0, len(doc))
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for i in range(lo, hi):
        span = index.get(i)
        if span is None or id(span) in seen or span._.link == "group" or i in skip:
            continue
        seen.add(id(span))
        if _topic_modifier(span, index):
            continue
        actor = actors.get(span._.actor_id)
        if actor is not None and actor.country:
            counts[actor.country] += 1
    for place in doc.spans.get("rashomon_places", []):
        data = place._.data or {}
        if lo <= place.start < hi and place.start not in index and place.start not in skip \
                and data.get("role") == "literal":
            country = places.get(str(data.get("country") or ""))
            if country is not None and country.country:
                counts[country.country] += 1
    return counts


def _topic_modifier(span: Span, index: Mapping[int, Span]) -> bool:
    """Whether a mention only modifies a common noun that names no one ("the *Russia*
    investigation", "*Russian* activity"): what the sentence is about, not where its groups
    are from."""
    root = span.root
    head = root.head
    return root.dep_ in {"compound", "amod"} and head.i != root.i and head.pos_ == "NOUN" \
        and head.i not in index and not head.ent_type_


def _group_actor(term: Term, country: Actor | None, actors: Mapping[str, Actor]) -> Actor:
    """The country's group (its police, rebels, forces, civilians), or a country-less one."""
    if country is None:
        return Actor(id=f"group.{term.key}", name=term.name.format(name="").strip(),
                     kind=term.kind or "other", sectors=term.sectors)
    actor_id = f"{country.id}.{term.key}"
    if actor_id in actors:
        return actors[actor_id]
    return Actor(id=actor_id, name=term.name.format(name=country.name), kind=term.kind or "other",
                 country=country.country, sectors=term.sectors, parent_id=country.id)


__all__ = ["add_groups", "group_terms"]
