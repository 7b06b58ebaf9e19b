"""``rashomon_actors``: link every mention of a person, government, armed group or
organisation to one canonical actor.

Public interface (other components rely on it):

- ``doc.spans["rashomon_mentions"]``: mention spans with ``span._.actor_id`` and
  ``span._.link`` (gazetteer|alias|surname|fuzzy|metonym|demonym|possessive|
  compound|of|role|pronoun|description|provisional) and ``span._.data``
  (``locative`` for place-like country mentions, ``title``/``office`` a title the
  doc gives a person, ``affiliation`` the country a country-less person or unknown
  organisation acts for (``affiliation.py``), ``antecedent`` (start_char, end_char) for
  pronouns and descriptions);
- ``doc._.actors``: ``{actor_id: Actor}`` for every actor mentioned (and their parents);
- :func:`mention_at` and :func:`resolve_speaker`.

Actors come from the gazetteer (``gazetteer.py``; users add files through the
``extra`` config key or ``RASHOMON_ACTORS``); entities it lacks become provisional
actors whose id is a hash of the normalized name, so they merge across articles.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.attrs import DEP, LOWER
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data
from rashomon.nlp.actors.affiliation import assign_affiliations
from rashomon.nlp.actors.coref import (
    PERSON_COMMON,
    PERSON_NOUNS,
    PRONOUNS,
    SUBJECT_DEPS,
    Known,
    Resolver,
    is_subject,
)
from rashomon.nlp.actors.descriptions import described, is_party_noun
from rashomon.nlp.actors.gazetteer import load_gazetteer, user_paths
from rashomon.nlp.actors.link import Pending, find_mentions
from rashomon.nlp.actors.match import ActorMatcher, Candidate
from rashomon.nlp.actors.ruler import RULER, ruler_patterns
from rashomon.nlp.actors.spans import containing, linked
from rashomon.nlp.extensions import MENTIONS, sentence_bounds
from rashomon.nlp.registry import collector
from rashomon.records import Actor, Mention, content_id

SPANS_KEY = MENTIONS


@Language.factory(
    "rashomon_actors",
    default_config={"extra": []},
    requires=["doc._.article_id", "doc.ents", "token.dep", "token.tag", "token.lemma", "doc.sents",
              "doc._.published", "doc._.outlet", "doc._.data"],
    assigns=["doc.spans", "doc._.rashomon_mentions", "span._.actor_id", "span._.link", "span._.data",
             "doc._.actors", "doc._.demonyms", "doc._.data"],
)
def make_actors(nlp: Language, name: str, extra: list[str]) -> ActorLinker:
    """Args: extra: actor files added to the gazetteer (format: ``docs/actors.md``)."""
    return ActorLinker(nlp, extra)


class ActorLinker:
    """Links mentions to actors; matchers are compiled once, here."""

    def __init__(self, nlp: Language, extra: Sequence[str] = ()) -> None:
        paths = user_paths(extra)
        self.gaz = load_gazetteer(paths)
        self.matcher = ActorMatcher(nlp.make_doc, nlp.vocab, self.gaz)
        # demonym/metonym -> country actor, published on every doc for event coding
        self.demonyms = {d: self.gaz.actors[i] for table in (self.gaz.metonyms, self.gaz.demonyms)
                         for d, i in table.items() if i in self.gaz.actors}
        if extra and RULER in nlp.pipe_names:  # a ruler built without these files
            ruler = nlp.get_pipe(RULER)
            seen = {(p["label"], p["pattern"]) for p in ruler_patterns(load_gazetteer(user_paths()))}
            new = [p for p in ruler_patterns(self.gaz) if (p["label"], p["pattern"]) not in seen]
            if new and isinstance(ruler, EntityRuler):
                ruler.add_patterns(new)  # type: ignore[arg-type]

    def __call__(self, doc: Doc) -> Doc:
        cands, descriptions, hidden = find_mentions(self.matcher, doc)
        cands += self.resolve_references(doc, cands, descriptions, hidden)
        self.set_annotations(doc, cands)
        return doc

    def resolve_references(self, doc: Doc, cands: list[Candidate], descriptions: list[Pending],
                           hidden: Sequence[Candidate] = ()) -> list[Candidate]:
        """Subject pronouns and definite descriptions, in text order."""
        resolver = Resolver(doc)
        for c in (*cands, *hidden):
            title = c.data.get("title")
            resolver.add(Known(c.start, c.end, c.actor, is_subject(doc, c.start, c.end),
                               resolver.sent(c.start), title if isinstance(title, str) else None))
        jobs: list[tuple[int, Token | Pending]] = [(d.start, d) for d in descriptions]
        covered = {i for d in descriptions for i in range(d.start, d.end)}
        covered |= {i for c in cands for i in range(c.start, c.end)}
        jobs += [(i, doc[i]) for i in _subject_pronouns(doc) if i not in covered]
        out = []
        for _, job in sorted(jobs, key=lambda j: j[0]):
            if isinstance(job, Pending) and job.term.type != "description":
                owner = resolver.possessor(job.start)
                if owner is None or owner.actor.kind != "state":
                    continue
                child = self.gaz.child(owner.actor.id, job.term)
                a = doc[owner.start:owner.end]
                out.append(Candidate(job.start, job.end, child, "possessive", 1,
                                     {"antecedent": (a.start_char, a.end_char)}))
                resolver.add(Known(job.start, job.end, child, is_subject(doc, job.start, job.end),
                                   resolver.sent(job.start)))
                continue
            if isinstance(job, Pending):
                title = job.term.key if job.term.kind == "person" else None
                kind = job.term.kind or job.term.key
                hit = resolver.description(job.start, kind, job.term.key, title)
                start, end, link = job.start, job.end, "description"
            else:
                hit = resolver.pronoun(job)
                start, end, link = job.i, job.i + 1, "pronoun"
            if hit is None:
                continue
            a = doc[hit.start:hit.end]
            cand = Candidate(start, end, hit.actor, link, 1,
                             {"antecedent": (a.start_char, a.end_char)})
            out.append(cand)
            resolver.add(Known(start, end, hit.actor, is_subject(doc, start, end),
                               resolver.sent(start), hit.title))
        return out

    def set_annotations(self, doc: Doc, cands: list[Candidate]) -> None:
        actors: dict[str, Actor] = dict(doc._.actors or {})
        spans = []
        for cand in sorted(cands, key=lambda c: (c.start, c.end)):
            span = Span(doc, cand.start, cand.end, label="ACTOR")
            span._.actor_id = cand.actor.id
            span._.link = cand.link
            span._.data = {"kind": cand.actor.kind, **cand.data}
            spans.append(span)
            actor: Actor | None = cand.actor
            office = cand.data.get("office")
            if isinstance(office, str) and office in self.gaz.actors and office not in actors:
                # the office a titled person holds ("Iraqi President X"): consumers such as
                # event coding take a country-less person's country from it
                actors[office] = self.gaz.actors[office]
            while actor is not None and actor.id not in actors:
                actors[actor.id] = actor
                actor = self.gaz.actors.get(actor.parent_id or "")
        for actor in assign_affiliations(doc, spans, actors, self.demonyms).values():
            actors.setdefault(actor.id, actor)
        doc.spans[SPANS_KEY] = spans
        doc._.actors = actors
        doc._.demonyms = self.demonyms


def _subject_pronouns(doc: Doc) -> list[int]:
    """Token indices of pronouns to resolve: he/she/it as subjects; him/her and reflexives
    anywhere but as possessives ("it" elsewhere is mostly a thing: "if Baku requests it").
    Found on arrays, since iterating Tokens is slow."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    subject_only = [strings.add(w) for w in ("he", "she", "it")]
    # Possessives ("his", "her", "its") are left out: they sit inside another phrase ("his
    # Turkish counterpart X"), where other components look for the phrase's own actor;
    # "its" + a body or force is handled as a phrase.
    anywhere = [strings.add(w) for w in PRONOUNS if w not in ("he", "she", "it", "its", "his")]
    deps = [strings.add(d) for d in SUBJECT_DEPS]
    arr = doc.to_array([LOWER, DEP])
    not_poss = arr[:, 1] != strings.add("poss")
    hits = (numpy.isin(arr[:, 0], subject_only) & numpy.isin(arr[:, 1], deps)) | \
        (numpy.isin(arr[:, 0], anywhere) & not_poss)
    return numpy.nonzero(hits)[0].tolist()


def mention_at(doc: Doc, start_char: int, end_char: int) -> Span | None:
    """The mention overlapping ``[start_char, end_char)`` (longest first), if any."""
    best = None
    for span in doc.spans.get(SPANS_KEY, []):
        overlaps = span.start_char < end_char and start_char < span.end_char
        if overlaps and (best is None or len(span) > len(best)):
            best = span
    return best


def resolve_speaker(doc: Doc, token: Token | Span, previous: Span | None = None) -> Span | None:
    """The mention a subject (name, title, pronoun or its phrase) refers to.

    A person noun with a named appositive ("the director of X, Sergei Naryshkin,") is
    that person, and a noun with a name right after it is that name ("the website X.com");
    a common noun a person owns ("Grimm's lawyer") is none, never the owner (their
    spokesman is their voice). A token inside a mention gets that mention (pronouns and
    descriptions carry the actor they were resolved to). A phrase whose head is in no
    mention: "they" is ``previous`` (the last quote's speaker mention) when that is a group
    or state named in this sentence or the one before, and a definite description ("the
    presumptive Republican nominee", "the congressman", "the site") the one actor the
    article described so before (see :func:`~rashomon.nlp.actors.descriptions.described`). Otherwise the mention nearest
    the phrase's head within its subtree ("Turkey's top diplomat, who ..." -> the
    diplomat's mention), and for a pronoun the component did not resolve (not a
    subject), a fresh resolution.
    """
    if isinstance(token, Span):
        root = token.root
        if _follows(root):
            return None
        hit = _appositive_person(doc, root) or containing(doc, root) \
            or _close_apposition(doc, root)
        if hit is None and _someone_of(doc, root):
            return None  # "Grimm's lawyer said": the lawyer speaks, not Grimm
        if hit is None and root.lower_ == "they":
            hit = _resolve_they(doc, root, previous)
        if hit is None and (root.pos_ == "NOUN" or is_party_noun(root)):
            hit = described(doc, root)
        if hit is None and _named_group(root):
            return None  # "House Republicans": the Republicans speak, not the House
        return hit or mention_at(doc, token.start_char, token.end_char)
    hit = containing(doc, token)
    if hit is not None:
        return hit
    if token.lower_ in PRONOUNS and token.lower_ not in ("his", "its") and token.dep_ != "poss":
        return _resolve_pronoun(doc, token)  # possessives name another phrase's owner
    hit = _appositive_person(doc, token)
    if hit is not None:
        return hit
    if _follows(token):
        return None
    left, right = token.left_edge.i, token.right_edge.i + 1
    inside = [s for s in doc.spans.get(SPANS_KEY, []) if left <= s.start and s.end <= right]
    if not inside:
        return None
    return min(inside, key=lambda s: (min(abs(s.start - token.i), abs(s.end - 1 - token.i)), -len(s)))


FOLLOWER_NOUNS = data.word_list("follower_nouns")  # lexicons/word_lists.tsv


def _named_group(head: Token) -> bool:
    """A phrase headed by a group's own name ("House Republicans", "Senate Democrats") is
    that group, whatever names modify it."""
    return head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS")


_SPEAKS_FOR = frozenset({"representative", "office", "campaign", "press", "secretary"})


def _someone_of(doc: Doc, head: Token) -> bool:
    """A common noun owned by a person ("Mr. Lind's lawyer", "the senator's wife"): someone
    named by whose they are, never that person; but a spokesman, a representative, an office
    or a campaign is that person's voice ("Ola Brandt's spokesman said")."""
    if head.pos_ != "NOUN" or head.lemma_.lower().startswith("spokes") \
            or head.lemma_.lower() in _SPEAKS_FOR:
        return False  # "Ola Brandt's spokesman said": the one's own voice
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    mention = mention_at(doc, owner.idx, owner.idx + len(owner)) if owner is not None else None
    actor = (doc._.actors or {}).get(mention._.actor_id) if mention is not None else None
    return actor is not None and (actor.kind == "person" or owner.ent_type_ == "PERSON")


def _follows(head: Token) -> bool:
    """A group named by whom it backs or fights ("McCarthy supporters", "critics of the plan",
    "allies of Mr. Orsk"): it speaks for itself, not for the one it is named after."""
    return head.pos_ == "NOUN" and (head.lemma_.lower() in FOLLOWER_NOUNS
                                    or head.lower_ in FOLLOWER_NOUNS)


# Possessives that name a person, and the gender their antecedent may have.
_PERSON_POSSESSIVES = {"his": "m", "her": "f"}


def resolve_possessive(doc: Doc, token: Token) -> Span | None:
    """The owner a possessive pronoun before an event noun names ("*his* refusal"): for
    his/her the latest person of that gender (subjects first, this sentence then up to
    three back), for their/its the subject of the sentence or of the one before when it
    names no person; None when nothing fits. Not a mention of the actors' span group."""
    word = token.lower_
    if word in _PERSON_POSSESSIVES:
        return _resolve_pronoun(doc, token)
    if word not in ("their", "its"):
        return None
    actors = doc._.actors or {}
    sent = token.sent
    sents = [sent]
    if sent.start > 0:
        sents.append(doc[sent.start - 1].sent)
    for s in sents:
        for span in doc.spans.get(SPANS_KEY, []):
            if not (s.start <= span.start < s.end) or span.start >= token.i \
                    or not is_subject(doc, span.start, span.end):
                continue
            actor = actors.get(span._.actor_id)
            if actor is not None and actor.kind != "person":
                return span
    return None


def _appositive_person(doc: Doc, token: Token) -> Span | None:
    """"The director of X, Sergei Naryshkin, said": the appositive person is the speaker; so in
    "a resident, X, said" (``person_common_nouns``) and "one of its members, X, said"."""
    if token.lemma_.lower() not in PERSON_NOUNS | PERSON_COMMON and not (
            token.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of"
                                          for c in token.children)):
        return None
    actors = doc._.actors or {}
    for t in token.subtree:
        hit = containing(doc, t) if t.dep_ == "appos" else None
        if hit is not None and getattr(actors.get(hit._.actor_id), "kind", "") == "person":
            return hit
    return None


def _close_apposition(doc: Doc, head: Token) -> Span | None:
    """"The website Newsvane.com reported", "the group Vigil said": a name set right after
    a common noun, with no comma, is what the noun names."""
    if head.pos_ != "NOUN":
        return None
    name = next((c for c in head.children if c.dep_ == "appos" and c.left_edge.i == head.i + 1
                 and c.pos_ == "PROPN"), None)
    return containing(doc, name) if name is not None else None


_NOT_GROUPS = ("person", "civilians")


def _resolve_they(doc: Doc, token: Token, previous: Span | None) -> Span | None:
    """"They" as a speaker: the previous quote's speaker when that is an organisation,
    state or group named in this sentence or the one before ("The Red Cross appealed for
    calm. They said ..."); plural people and things stay unresolved."""
    if previous is None or previous.start >= token.i:
        return None
    actor = (doc._.actors or {}).get(previous._.actor_id)
    if getattr(actor, "kind", "person") in _NOT_GROUPS:
        return None
    sent = token.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    if previous.start < first:
        return None
    return linked(doc, token.i, token.i + 1, previous, "pronoun")



def _resolve_pronoun(doc: Doc, token: Token) -> Span | None:
    spans = list(doc.spans.get(SPANS_KEY, []))
    actors = doc._.actors or {}
    known = []
    for span in spans:
        actor = actors.get(span._.actor_id)
        if actor is not None:
            title = (span._.data or {}).get("title")
            known.append(Known(span.start, span.end, actor, is_subject(doc, span.start, span.end),
                               0, title if isinstance(title, str) else None))
    resolver = Resolver(doc, [])
    for k in known:
        k.sent = resolver.sent(k.start)
        resolver.add(k)
    hit = resolver.pronoun(token)
    if hit is None:
        return None
    span = Span(doc, token.i, token.i + 1, label="ACTOR")
    span._.actor_id = hit.actor.id
    span._.link = "pronoun"
    a = doc[hit.start:hit.end]
    span._.data = {"kind": hit.actor.kind, "antecedent": (a.start_char, a.end_char)}
    return span


@collector("rashomon_actors")
def collect(doc: Doc) -> list[object]:
    out: list[object] = list((doc._.actors or {}).values())
    for span in doc.spans.get(SPANS_KEY, []):
        s, e = sentence_bounds(doc, span.start_char, span.end_char)
        out.append(Mention(
            id=content_id(doc._.article_id, "mention", span.start_char, span.end_char),
            article_id=doc._.article_id, actor_id=span._.actor_id, text=span.text,
            start=span.start_char, end=span.end_char, link=span._.link or "",
            sent_start=s, sent_end=e,
        ))
    return out


__all__ = [
    "SPANS_KEY",
    "ActorLinker",
    "collect",
    "mention_at",
    "resolve_possessive",
    "resolve_speaker",
    "ruler_patterns",
]
