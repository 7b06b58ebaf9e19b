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

import re
from bisect import bisect_right
from collections.abc import Sequence

import numpy
from spacy.attrs import DEP, LOWER
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data
from rashomon.nlp.actors.affiliation import assign_affiliations
from rashomon.nlp.actors.coref import (
    HONORIFICS,
    PERSON_COMMON,
    PRONOUNS,
    Known,
    Resolver,
    is_subject,
)
from rashomon.nlp.actors.gazetteer import load_gazetteer, user_paths
from rashomon.nlp.actors.link import Pending, find_mentions
from rashomon.nlp.actors.match import ActorMatcher, Candidate
from rashomon.nlp.actors.ruler import RULER, ruler_patterns
from rashomon.nlp.extensions import MENTIONS, sentence_bounds
from rashomon.nlp.registry import collector
from rashomon.records import Actor, Mention, content_id

SPANS_KEY = MENTIONS
# Nouns for a person whose name may follow as an appositive ("the director ..., X, said").
PERSON_NOUNS = data.word_list("person_nouns")  # lexicons/word_lists.tsv
DOCUMENT_NOUNS = data.word_list("document_nouns")
_TITLE_NOUNS = PERSON_NOUNS | data.word_list("title_words")
# nouns that describe an organisation or a group, not a person: "the site", "the group"
ORGANISATION_NOUNS = data.word_list("organisation_nouns")
ORGANISATION_WINDOW = 3  # sentences back; people are described for the whole article
_NOT_ORGANISATIONS = frozenset({"state", "civilians"})  # "America Rising, a group": not America
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


@Language.factory(
    "rashomon_actors",
    default_config={"extra": []},
    requires=["doc._.article_id", "doc.ents", "token.dep", "token.tag", "token.lemma", "doc.sents",
              "doc._.published", "doc._.data"],
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
    deps = [strings.add(d) for d in _SUBJECT_DEPS]
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
    article described so before (see :func:`_described`). Otherwise the mention nearest
    the phrase's head within its subtree ("Turkey's top diplomat, who ..." -> the
    diplomat's mention), and for a pronoun the component did not resolve (not a
    subject), a fresh resolution.
    """
    if isinstance(token, Span):
        root = token.root
        if _follows(root):
            return None
        hit = _appositive_person(doc, root) or _containing(doc, root) \
            or _close_apposition(doc, root)
        if hit is None and _someone_of(doc, root):
            return None  # "Grimm's lawyer said": the lawyer speaks, not Grimm
        if hit is None and root.lower_ == "they":
            hit = _resolve_they(doc, root, previous)
        if hit is None and (root.pos_ == "NOUN" or is_party_noun(root)):
            hit = _described(doc, root)
        if hit is None and _named_group(root):
            return None  # "House Republicans": the Republicans speak, not the House
        return hit or mention_at(doc, token.start_char, token.end_char)
    hit = _containing(doc, token)
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
        hit = _containing(doc, t) if t.dep_ == "appos" else None
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
    return _containing(doc, name) if name is not None else None


_NOT_GROUPS = ("person", "civilians")
_DESCRIBING = ("compound", "amod", "appos", "nmod", "attr")


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
    return _linked(doc, token.i, token.i + 1, previous, "pronoun")


def _described(doc: Doc, head: Token) -> Span | None:
    """A definite description ("the presumptive Republican nominee", "the Democratic
    candidate", "the congressman", "the site") is the actor the article described with that
    noun and those modifiers before ("presumptive Republican nominee X", "X, the Republican
    nominee", "X is the nominee", "Rep. X", "the website X.com"), when exactly one actor
    fits: an organisation or group (named in the last ``ORGANISATION_WINDOW`` sentences) for
    ``organisation_nouns``, a person for any other noun; of several, the one named lately
    (:func:`_named_lately`). A party or nationality among the modifiers ("the Republican
    congressman") is not asked of one the article gave none. "The woman" and "the man" are
    the one person of that gender named before (see :func:`_of_gender`). A text or
    recording ("the letter", ``document_nouns``) is never a description, even where a parse
    set "a letter" beside a name."""
    if not (head.tag_ == "NN" or is_party_noun(head)) \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    lemma = PARTY_FORMS.get(head.lower_, head.lemma_.lower())
    if lemma in DOCUMENT_NOUNS:  # "the letter states": a text, whoever it names
        return None
    mods = [c for c in head.children if c.dep_ in ("amod", "compound")]
    want = {c.lemma_.lower() for c in mods} | {lemma}
    # modifiers naming a party or a place, by type ("the New York Democrat")
    unasked = {c.lemma_.lower(): c.ent_type_ for c in mods if c.ent_type_ in ("NORP", "GPE")}
    told = _words_by_type(doc, set(unasked.values()))
    people = lemma not in ORGANISATION_NOUNS
    actors = doc._.actors or {}
    fits: dict[str, Span] = {}
    loose: dict[str, Span] = {}
    starts = [st.start for st in doc.sents]
    for span in doc.spans.get(SPANS_KEY, []):
        kind = getattr(actors.get(span._.actor_id), "kind", "")
        if span.end > head.left_edge.i or not kind or (kind == "person") != people \
                or kind in _NOT_ORGANISATIONS:
            continue
        if not people and bisect_right(starts, head.i) - bisect_right(starts, span.start) \
                > ORGANISATION_WINDOW:
            continue  # "the group" far from the one so described may be another, unnamed
        heads, words = _descriptors(span)
        if lemma not in heads:
            continue
        if want <= words:
            fits[span._.actor_id] = span
        elif want - words <= set(unasked) and not any(
                words & told[unasked[w]] for w in want - words):
            loose[span._.actor_id] = span  # "Rep. X" … "the Republican congressman"
    fits = fits or loose
    if len(fits) > 1:
        fits = _named_lately(doc, head, fits, starts)
    if len(fits) != 1:
        hit = _of_gender(doc, head) if not fits and want == {lemma} else None
        return _linked(doc, head.left_edge.i, head.i + 1, hit, "description") if hit else None
    start = head.left_edge.i
    return _linked(doc, start, head.i + 1, next(iter(fits.values())), "description")


LATELY = 1  # sentences back


def _named_lately(doc: Doc, head: Token, fits: dict[str, Span], starts: list[int]
                  ) -> dict[str, Span]:
    """Of several actors a description fits ("Gov. Patrick" … "Gov. Haley" … "Mr. Patrick
    was asked …" "the governor replied"), those named (or referred to) in the description's
    sentence or the ``LATELY`` sentences before it."""
    here = bisect_right(starts, head.i)
    recent = {s._.actor_id for s in doc.spans.get(SPANS_KEY, [])
              if s.end <= head.left_edge.i and here - bisect_right(starts, s.start) <= LATELY}
    return {k: v for k, v in fits.items() if k in recent}


FEMALE_NOUNS = data.word_list("female_nouns")
MALE_NOUNS = data.word_list("male_nouns")
_PRONOUN_GENDERS = {"he": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}


def _of_gender(doc: Doc, head: Token) -> Span | None:
    """"The woman" / "the man": the one person the article showed to be a woman / a man
    before (by the gazetteer, an honorific, or a pronoun resolved to them), when no one of
    unknown gender is named after that person's last mention and no unnamed one ("a woman")
    came in (``female_nouns``, ``male_nouns``)."""
    lemma = head.lemma_.lower()
    gender = "f" if lemma in FEMALE_NOUNS else "m" if lemma in MALE_NOUNS else None
    if gender is None:
        return None
    nouns = FEMALE_NOUNS if gender == "f" else MALE_NOUNS
    if any(t.lemma_.lower() in nouns and t.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in t.children)
           for t in doc[:head.i]):
        return None  # "a woman approached him … the woman said": maybe not anyone named
    actors = doc._.actors or {}
    before = [s for s in doc.spans.get(SPANS_KEY, []) if s.end <= head.left_edge.i
              and getattr(actors.get(s._.actor_id), "kind", "") == "person"]
    genders = _genders(doc, before)
    match = {s._.actor_id for s in before if genders.get(s._.actor_id) == gender}
    if len(match) != 1:
        return None
    last = [s for s in before if s._.actor_id in match][-1]
    if any(s.start > last.start and s._.actor_id not in genders for s in before):
        return None  # someone named since, whose gender the article never told
    return last


def _genders(doc: Doc, spans: Sequence[Span]) -> dict[str, str]:
    """The gender the gazetteer, an honorific ("Ms. X") or a resolved pronoun gives each
    mention's actor."""
    actors = doc._.actors or {}
    out: dict[str, str] = {}
    for s in spans:
        actor = actors.get(s._.actor_id)
        word = doc[s.start - 1].text.rstrip(".").lower() if s.start else ""
        gender = (getattr(actor, "gender", None) or HONORIFICS.get(word)
                  or (_PRONOUN_GENDERS.get(s.text.lower()) if s._.link == "pronoun" else None))
        if gender:
            out.setdefault(s._.actor_id, gender)
    return out


def _words_by_type(doc: Doc, types: set[str]) -> dict[str, set[str]]:
    """Lower-case lemmas of the doc's entities of each type ("NORP": "republican", "GPE":
    "ohio"), with the party nouns their forms stand for ("democratic": "democrat") and, for
    places, the words of the US states' names ("D-N.Y." tells "new", "york")."""
    out: dict[str, set[str]] = {t: set() for t in types}
    for tok in doc:
        if tok.ent_type_ in out:
            out[tok.ent_type_].add(tok.lemma_.lower())
            if tok.lower_ in PARTY_FORMS:
                out[tok.ent_type_].add(PARTY_FORMS[tok.lower_])
    if "GPE" in out:
        out["GPE"] |= _STATE_WORDS
    return out


PARTY_FORMS = dict(data.word_pairs("party_forms"))
# "New York" for "N.Y.": the US states' abbreviations in the places table
US_STATES = {alias.lower(): row["name"].lower()
             for _, row in data.records(data.GAZETTEERS / "places_aliases.tsv")
             if row.get("feature") == "region" and row.get("country") == "US"
             for alias in row.get("aliases", "").split("|") if alias}
_STATE_WORDS = {w for name in US_STATES.values() for w in name.split()}
_PARTY_TAG = re.compile(r"^([A-Z])-(.+)$")  # "D-N.Y." read as one token


def is_party_noun(tok: Token) -> bool:
    """"Democrat", "Republican" as a noun for one person ("the New York Democrat")."""
    return tok.tag_ == "NNP" and tok.ent_type_ == "NORP" and tok.lower_ in PARTY_FORMS \
        and tok.dep_ not in ("compound", "amod")


def _party_label(span: Span) -> tuple[set[str], set[str]]:
    """The party and the state a label after a name gives ("X (D-N.Y.)", "X, R-Ohio,"):
    ({"democrat"}, {"new", "york"}); empty sets without one."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text in ("(", ","):
        i += 1
    if i >= len(doc):
        return set(), set()
    one = _PARTY_TAG.match(doc[i].text)
    if one is not None:
        letter, state = one.group(1), one.group(2)
    elif i + 2 < len(doc) and doc[i + 1].text == "-":
        letter, state = doc[i].text, doc[i + 2].text
    else:
        return set(), set()
    party = PARTY_FORMS.get(letter.lower()) if len(letter) == 1 and letter.isupper() else None
    if party is None:
        return set(), set()
    name = US_STATES.get(state.lower(), state.lower() if state.isalpha() else "")
    return {party}, set(name.split())


def _descriptors(span: Span) -> tuple[set[str], set[str]]:
    """What describes a mention, as lowercase lemmas: the head nouns set beside it
    ("nominee X", "X, the nominee", "X is the nominee", its title, the descriptions its
    titles earn: "Rep. X" is "the congressman", :func:`_title_heads`; a web address is "the
    site") and every word of those phrases with the mention's own (for modifiers:
    "presumptive", "Republican")."""
    root = span.root
    near = [root]
    if root.dep_ == "appos" or (root.dep_ in _SUBJECT_DEPS and root.head.lemma_ == "be"):
        near.append(root.head)
    words = {t.lemma_.lower() for t in span}
    heads: set[str] = _title_heads(root) | _site_heads(span)
    party, place = _party_label(span)  # "X (D-N.Y.)": the New York Democrat
    heads |= party
    words |= party | place
    title = (span._.data or {}).get("title")
    if isinstance(title, str) and title.split():
        words.update(title.lower().split())
        heads.add(title.lower().split()[-1])
    for tok in near:
        if tok is not root:
            heads.add(tok.lemma_.lower())
        # the name's own compounds, also under its first name ("nominee Donald Trump")
        kids = [c for c in tok.children if c.dep_ in _DESCRIBING]
        kids += [g for c in kids if c.pos_ == "PROPN" for g in c.children
                 if g.dep_ in ("compound", "amod")]  # "Democratic Rep. X"
        nouns = [c for c in kids if c.pos_ == "NOUN"]
        # "X, a New York Democrat", "Democratic Rep. X": the Democrat
        heads.update(PARTY_FORMS[c.lower_] for c in kids
                     if c.ent_type_ == "NORP" and c.lower_ in PARTY_FORMS)
        before = [c for c in nouns if c.dep_ == "compound" and c.i < tok.i]
        # "campaign chairman X": only the noun next to the name is its head
        if tok is root:  # beside "the chairman" in "X, the campaign chairman," only it heads
            heads.update(c.lemma_.lower() for c in [c for c in nouns if c not in before]
                         + before[-1:])
        for c in kids:
            words.update(t.lemma_.lower() for t in c.subtree
                         if t == c or t.dep_ in ("amod", "compound"))
    words |= heads
    return heads, words


TITLE_FORMS: dict[str, set[str]] = {}
for _form, _title in data.word_pairs("title_forms"):  # word_lists.tsv: 'rep=congressman'
    TITLE_FORMS.setdefault(_form, set()).add(_title)


def _title_heads(root: Token) -> set[str]:
    """The descriptions the titles before a name earn it: "Rep. X" is the representative,
    the congressman and the lawmaker (``title_forms``), "Attorney General X" the general,
    "Sheriff X" the sheriff (``person_nouns``, ``title_words``)."""
    out: set[str] = set()
    for t in root.doc[root.left_edge.i:root.i]:
        if t.dep_ != "compound" or root not in t.ancestors or _second(t):
            continue  # "Lt. Gov. X" is not "the governor"
        word = t.lower_.rstrip(".")
        out |= TITLE_FORMS.get(word, set())
        if word in _TITLE_NOUNS:
            out.add(word)
    return out


# words before a title that make its holder a second, not the title's holder
_SECONDS = frozenset({"lt", "lieutenant", "vice", "deputy", "assistant", "associate", "under"})


def _second(title: Token) -> bool:
    """Whether the word before a title makes its holder a second ("Lt. Gov.", "Vice Adm.")."""
    i = title.i - 1
    while i >= 0 and title.doc[i].text == ".":  # "Lt" "." "Gov." as three tokens
        i -= 1
    return i >= 0 and title.doc[i].lower_.rstrip(".") in _SECONDS


_WEB_ADDRESS = re.compile(r"\w\.(?:com|org|net|gov|edu|info|us|co\.uk)$", re.IGNORECASE)


def _site_heads(span: Span) -> set[str]:
    """A name that is a web address ("Newsvane.com") is a site and a website."""
    return {"site", "website"} if _WEB_ADDRESS.search(span.text) else set()


def _linked(doc: Doc, start: int, end: int, antecedent: Span, link: str) -> Span:
    """A new mention span over ``[start, end)`` for the antecedent's actor."""
    span = Span(doc, start, end, label="ACTOR")
    span._.actor_id = antecedent._.actor_id
    span._.link = link
    actor = (doc._.actors or {}).get(antecedent._.actor_id)
    span._.data = {"kind": getattr(actor, "kind", None),
                   "antecedent": (antecedent.start_char, antecedent.end_char)}
    return span


def _containing(doc: Doc, token: Token) -> Span | None:
    hits = [s for s in doc.spans.get(SPANS_KEY, []) if s.start <= token.i < s.end]
    return max(hits, key=len) if hits else None


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
