"""Find actor mentions in a parsed Doc: gazetteer names, compositions, NER leftovers.

:class:`ActorMatcher` compiles its phrase matchers once; :meth:`ActorMatcher.find`
returns :class:`Candidate` mentions (token offsets) for the component to keep.
Pronouns and definite descriptions are resolved afterwards (``coref.py``) because
they need the named mentions first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from rashomon.nlp import data
from rashomon.nlp.actors.gazetteer import Gazetteer, Term, normalize
from rashomon.records import Actor, content_id

# Prepositions after which a capital or region is a place, not its government.
LOCATIVE = frozenset({"in", "at", "to", "into", "near", "from", "across", "toward", "towards",
                      "around", "outside", "inside", "within", "via", "through", "throughout",
                      "over", "on", "onto", "between"})
PLACE_NOUNS = data.word_list("actor_place_nouns")  # lexicons/word_lists.tsv
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
STATE_LIKE = frozenset({"state"})
# Words in an unknown organisation's name that tell what kind of actor it is.
ORG_KINDS: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = (
    (("ministry", "department", "government", "council", "parliament", "assembly", "office",
      "committee", "commission"), "ministry", ("GOV",)),
    (("army", "forces", "brigade", "division", "battalion", "militia", "regiment", "guard"),
     "armed_group", ("REB",)),
    (("news", "agency", "times", "post", "tv", "radio", "press", "television", "channel",
      "journal", "gazette", "herald", "tribune"), "media", ("MED",)),
)
_PRIORITY = {"composite": 3, "name": 2, "ner": 1}


@dataclass
class Candidate:
    """A mention found in the doc (token offsets) and the actor it names."""

    start: int
    end: int
    actor: Actor
    link: str
    priority: int = 2
    data: dict[str, object] = field(default_factory=dict)


@dataclass
class Ref:
    """A gazetteer hit: a name, a capital/region (metonym), a demonym or a people noun."""

    start: int
    end: int
    type: str  # NAME|METONYM|DEMONYM|PEOPLE|SURNAME
    ids: tuple[str, ...]


class ActorMatcher:
    """Compiled matchers over one gazetteer; build once, call :meth:`find` per doc."""

    def __init__(self, make_doc: Callable[[str], Doc], vocab: Vocab, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.names = PhraseMatcher(vocab)  # case-sensitive: "Chad" the country, not "chad"
        self.terms = PhraseMatcher(vocab, attr="LOWER")
        self.surface: dict[str, dict[str, tuple[str, ...]]] = {}
        tables: dict[str, dict[str, tuple[str, ...]]] = {
            "NAME": self._names(),
            "METONYM": {s: (i,) for s, i in gaz.metonyms.items()},
            "DEMONYM": {s: (i,) for s, i in gaz.demonyms.items()},
            "PEOPLE": {s: (i,) for s, i in gaz.people.items()},
            "SURNAME": self._surnames(),
        }
        for label, table in tables.items():
            self.surface[label] = table
            self.names.add(label, [make_doc(s) for s in table])
        self.term_of: dict[str, list[Term]] = {}
        self.place_verbs = frozenset(v for t in gaz.terms if t.type == "place_verb"
                                     for v in t.variants)
        for term in gaz.terms:
            if term.type == "place_verb":
                continue
            for variant in term.variants:
                self.term_of.setdefault(variant, []).append(term)
        self.terms.add("TERM", [make_doc(v) for v in self.term_of])
        people = [a for a in gaz.actors.values() if a.kind == "person"]
        self.fuzzy_people = {normalize(s): a.id for a in people for s in (a.name, *a.aliases)}
        orgs = [a for a in gaz.actors.values() if a.kind not in ("person", "state")]
        self.fuzzy_orgs = {normalize(s): a.id for a in orgs for s in (a.name, *a.aliases)
                           if len(s) > 5}

    def _names(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, set[str]] = {}
        for actor in self.gaz.actors.values():
            for surface in (actor.name, *actor.aliases):
                out.setdefault(surface, set()).add(actor.id)
                if surface.lower().startswith("the "):  # "the Kremlin" also as "Kremlin"
                    out.setdefault(surface[4:], set()).add(actor.id)
        return {s: tuple(sorted(ids)) for s, ids in out.items()}

    def _surnames(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for actor in self.gaz.actors.values():
            if actor.kind != "person":
                continue
            for surface in (actor.name, *actor.aliases):
                last = surface.split()[-1] if " " in surface else ""
                if len(last) >= 4 and last[:1].isupper():
                    out[last] = tuple(sorted(self.gaz.surnames.get(normalize(last), {actor.id})))
        return out

    # -- per doc -----------------------------------------------------------
    def refs(self, doc: Doc) -> list[Ref]:
        """Gazetteer hits, longest first where they overlap."""
        found = []
        for match_id, start, end in self.names(doc):
            label = doc.vocab.strings[match_id]
            ids = self.surface[label].get(doc[start:end].text)
            if ids:
                found.append(Ref(start, end, label, ids))
        return _longest(found)

    def term_spans(self, doc: Doc) -> list[tuple[int, int, list[Term]]]:
        found = [(s, e, self.term_of[doc[s:e].text.lower()]) for _, s, e in self.terms(doc)
                 if doc[s:e].text.lower() in self.term_of]
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        out, last_end = [], -1
        for s, e, terms in found:
            if s >= last_end:
                out.append((s, e, terms))
                last_end = e
        return out

    def actor_of(self, ref: Ref) -> Actor:
        """The actor a ref names; ambiguous names prefer states, then organisations."""
        order = {"state": 0, "igo": 1, "ministry": 2, "military": 3, "person": 5}
        ids = sorted(ref.ids, key=lambda i: order.get(self.gaz.actors[i].kind, 4))
        return self.gaz.actors[ids[0]]

    def person_by_surname(self, ids: tuple[str, ...], in_doc: set[str], date: str | None) -> str:
        """Pick among people sharing a surname: named in the doc, in office at the date, recent."""
        named = [i for i in ids if i in in_doc]
        if named:
            return named[0]

        def score(actor_id: str) -> tuple[int, str]:
            roles = self.gaz.actors[actor_id].roles
            if date:
                active = any((r.start or "") <= date <= (r.end or "9999") for r in roles)
                return (1 if active else 0, max((r.start or "" for r in roles), default=""))
            return (1 if any(r.end is None for r in roles) else 0,
                    max((r.start or "" for r in roles), default=""))

        return max(ids, key=score)

    def fuzzy_person(self, text: str) -> str | None:
        key = normalize(text)
        cutoff = 85 if " " in key else 90
        if len(key) < 5:
            return None
        hit = process.extractOne(key, self.fuzzy_people.keys(), scorer=fuzz.ratio,
                                 score_cutoff=cutoff)
        return self.fuzzy_people[hit[0]] if hit else None

    def fuzzy_org(self, text: str) -> str | None:
        key = normalize(text)
        if len(key) < 6:
            return None
        hit = process.extractOne(key, self.fuzzy_orgs.keys(), scorer=fuzz.ratio, score_cutoff=92)
        return self.fuzzy_orgs[hit[0]] if hit else None


SpanT = TypeVar("SpanT", Candidate, Ref)
_REF_ORDER = {"NAME": 0, "METONYM": 1, "DEMONYM": 2, "PEOPLE": 3, "SURNAME": 4}


def non_overlapping(spans: Iterable[SpanT], key: Callable[[SpanT], Any]) -> list[SpanT]:
    """The spans taken in ``key`` order, each one only where it overlaps none taken
    before it, in text order."""
    taken: set[int] = set()
    out = []
    for span in sorted(spans, key=key):
        if not taken.intersection(range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return sorted(out, key=lambda s: s.start)


def _longest(refs: list[Ref]) -> list[Ref]:
    return non_overlapping(refs, lambda r: (-(r.end - r.start), r.start, _REF_ORDER.get(r.type, 9)))


def is_agentive(doc: Doc, start: int, end: int, place_verbs: frozenset[str] = frozenset()) -> bool:
    """Whether a place name stands for its government here ("Ankara said", not "in Ankara").

    ``place_verbs``: verbs whose object is a place ("shelled Stepanakert").
    """
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ in LOCATIVE:
        return False
    if prev is not None and prev.lower_ == "of" and start > 1 and doc[start - 2].lemma_ in PLACE_NOUNS:
        return False  # "the region of Nagorno-Karabakh"
    if prev is not None and prev.lower_ == "as" and start > 1 and doc[start - 2].lemma_ in (
            "know", "call", "name", "refer"):
        return False  # "known as Artsakh"
    if prev is not None and prev.lower_ == "the" and start > 1 and doc[start - 2].lower_ in LOCATIVE:
        return False
    root = doc[start:end].root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= end:
        # "the Karabakh conflict": a modifier of a thing, unless followed by "-backed"
        return end < len(doc) and doc[end].text == "-"
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return False
    if root.dep_ in ("appos", "compound") and root.head.lemma_ in PLACE_NOUNS:
        return False  # "the regional capital Stepanakert"
    if root.dep_ == "dobj" and root.head.lemma_ in place_verbs:
        return False
    if root.dep_ == "conj" and root.head.i < start:  # "to Lissen and Castelbrune"
        return is_agentive(doc, root.head.i, root.head.i + 1, place_verbs)
    return True


def provisional(name: str, kind: str, sectors: tuple[str, ...] = ()) -> Actor:
    """An actor for an entity the gazetteer lacks; same normalized name, same id."""
    return Actor(id=content_id(normalize(name), prefix="p:"), name=name, kind=kind,
                 sectors=sectors, provisional=True)


def org_kind(name: str) -> tuple[str, tuple[str, ...]]:
    words = set(normalize(name).split())
    for keys, kind, sectors in ORG_KINDS:
        if words.intersection(keys):
            return kind, sectors
    return "other", ()


HONORIFICS = data.word_list("honorifics")  # lexicons/word_lists.tsv


def clean_name(span: Span) -> Span:
    """Drop a leading article/honorific ("Mr.", "Comedian"), a possessive the entity began
    with ("’s son" of "the president’s son") and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct
                               or doc[start].text in POSSESSIVE
                               or (span.label_ == "PERSON"
                                   and doc[start].lower_.rstrip(".") in HONORIFICS)):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


__all__ = [
    "LOCATIVE",
    "POSSESSIVE",
    "ActorMatcher",
    "Candidate",
    "Ref",
    "clean_name",
    "is_agentive",
    "org_kind",
    "provisional",
]
