"""What a toponym stands for in its sentence.

Roles (``span._.data["role"]``):

- ``literal``: the place itself ("fighting in Terter") — the only role events
  may use as an event location;
- ``metonym``: the place stands for its government, army, team or people
  ("Ankara said", "Moscow's position"); the mention is an actor;
- ``modifier``: the name modifies a noun ("a Baku court", "US officials");
- ``demonym``: a people or adjective of place ("Azerbaijani", "Armenians");
- ``embedded``: part of another name ("Moscow State University").

The word lists are data: ``gazetteers/places_metonymy.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span

from rashomon.nlp import data
from rashomon.nlp.places.geocode import GAZETTEERS, read_table

METONYMY = GAZETTEERS / "places_metonymy.tsv"
_MODIFIER = {"compound", "amod", "nmod"}
_EMBEDDING = {"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
# Only names of polities stand for governments; seas and continents rarely do.
_POLITIES = {"country", "city", "region", "district", "landmark", None}
_PLACE_NOUNS = data.word_list("place_nouns")  # lexicons/word_lists.tsv


@dataclass(frozen=True)
class Lexicon:
    """Verb and noun lists from ``places_metonymy.tsv`` (plus user files)."""

    verbs: frozenset[str]  # passive agents of these are metonyms
    object_verbs: frozenset[str]  # direct objects of these are metonyms
    literal_verbs: frozenset[str]  # subjects of these stay literal
    literal_nouns: frozenset[str]  # possessors of these stay literal


def load_lexicon(extra: tuple[str | Path, ...] = ()) -> Lexicon:
    sets: dict[str, set[str]] = {"verb": set(), "object_verb": set(), "literal_verb": set(),
                                 "literal_noun": set()}
    for path in (METONYMY, *map(Path, extra)):
        for row in read_table(Path(path)):
            sets.setdefault(row.get("kind", "verb").strip(), set()).add(row["lemma"].strip().lower())
    return Lexicon(frozenset(sets["verb"]), frozenset(sets["object_verb"]),
                   frozenset(sets["literal_verb"]), frozenset(sets["literal_noun"]))


def role_of(span: Span, feature: str | None, source: str, ent_label: str, lex: Lexicon) -> str:
    """The role of a toponym span (see module docstring)."""
    if source == "demonym":
        return "demonym"
    if ent_label in _EMBEDDING:
        return "embedded"
    root = span.root
    head = root.head
    if feature in _POLITIES and metonymic(span, lex):
        return "metonym"
    if root.dep_ in _MODIFIER and head.pos_ in ("NOUN", "PROPN") and head.i >= span.end \
            and head.lemma_.lower() not in _PLACE_NOUNS:
        return "modifier"  # "US officials"; but "the Karabakh region" is the place itself
    return "literal"


def metonymic(span: Span, lex: Lexicon) -> bool:
    """Whether the grammar makes the place name a party: the active subject of a verb that
    is no ``literal_verb``, the possessor of a noun that is no ``literal_noun``, the passive
    agent of a ``verb`` or the direct object of an ``object_verb``."""
    # "China and Russia will continue": later conjuncts share the first one's role.
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("nsubj", "csubj") and head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() not in lex.literal_verbs
    if tok.dep_ == "poss" and head.i >= span.end:
        noun = head.lemma_.lower()
        return noun not in lex.literal_nouns and noun not in _PLACE_NOUNS
    if tok.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
        return head.head.lemma_.lower() in lex.verbs
    return tok.dep_ == "dobj" and head.lemma_.lower() in lex.object_verbs
