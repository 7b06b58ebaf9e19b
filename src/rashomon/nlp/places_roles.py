"""What a toponym stands for in its sentence.

Roles (``span._.data["role"]``):

- ``literal``: the place itself ("fighting in Terter") — the only role events
  may use as an event location;
- ``metonym``: the place stands for its government, army or people ("Ankara
  said", "Moscow's position"); the mention is an actor;
- ``modifier``: the name modifies a noun ("a Baku court", "US officials");
- ``demonym``: a people or adjective of place ("Azerbaijani", "Armenians");
- ``embedded``: part of another name ("Moscow State University").
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Span

from rashomon.nlp.geocode import GAZETTEERS, read_table

METONYMY = GAZETTEERS / "places_metonymy.tsv"
_SUBJECT = {"nsubj", "csubj"}
_MODIFIER = {"compound", "amod", "nmod"}
_EMBEDDING = {"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
_PLACE_FEATURES = {"country", "city", "region", "district"}
_PLACE_NOUNS = {"region", "city", "town", "village", "province", "area", "district", "border",
                "capital", "county", "state", "territory", "zone", "enclave", "frontier", "coast",
                "countryside", "valley", "suburb", "outskirts", "mountains", "highlands", "front"}


def load_lexicon(extra: tuple[str | Path, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """(verbs, nouns) whose subject/possessor place is a metonym."""
    verbs, nouns = set(), set()
    for path in (METONYMY, *map(Path, extra)):
        for row in read_table(Path(path)):
            (verbs if row.get("kind", "verb").strip() == "verb" else nouns).add(row["lemma"].strip())
    return frozenset(verbs), frozenset(nouns)


def role_of(span: Span, feature: str | None, source: str, ent_label: str,
            verbs: frozenset[str], nouns: frozenset[str]) -> str:
    """The role of a toponym span (see module docstring)."""
    if source == "demonym":
        return "demonym"
    if ent_label in _EMBEDDING:
        return "embedded"
    root = span.root
    head = root.head
    if feature in _PLACE_FEATURES or feature is None:
        if root.dep_ in _SUBJECT and head.pos_ in ("VERB", "AUX") and _verb_lemma(head) in verbs:
            return "metonym"
        if root.dep_ == "conj" and head.dep_ in _SUBJECT and _verb_lemma(head.head) in verbs:
            return "metonym"
        if root.dep_ == "poss" and (head.lemma_.lower() in nouns or head.text.lower() in nouns):
            return "metonym"
        if root.dep_ == "pobj" and head.lower_ == "by" and head.head.dep_ == "agent" \
                and _verb_lemma(head.head.head) in verbs:
            return "metonym"
    if root.dep_ in _MODIFIER and head.pos_ in ("NOUN", "PROPN") and head.i >= span.end \
            and head.lemma_.lower() not in _PLACE_NOUNS:
        return "modifier"  # "US officials"; but "the Karabakh region" is the place itself
    return "literal"


def _verb_lemma(tok: object) -> str:
    lemma = getattr(tok, "lemma_", "").lower()
    # "has warned" / "will say": the lemma of the main verb is enough, but an
    # auxiliary head ("Russia is ready") is not a speech act.
    return lemma
