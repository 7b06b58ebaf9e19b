"""Polarity, modality and sourcing of a predicate, from the dependency parse.

Shared by ``rashomon_events`` (the trigger) and ``rashomon_quotes`` (the cue and the
content's head). The cue words are data (``lexicons/frame.tsv``); scope is syntactic: a
negation or modal counts only when it governs the predicate — it hangs off the predicate
itself, or off a governor reached through the predicate's own complement chain (``xcomp``,
``pcomp`` of a preposition, shared conjuncts), never across a reported clause (``ccomp``),
an adverbial or a relative clause.

- :func:`frame_of` → :class:`Frame` (``polarity`` positive|negated, ``modality``
  actual|hypothetical|future|question);
- :func:`sourcing_of` → named|unnamed_official|anonymous|medium for a speaker phrase;
- :func:`can_speak`: whether a phrase can be a speaker at all (not "Fierce clashes").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data
from rashomon.records import Actor
from rashomon.vocab import MODALITIES, POLARITIES, SOURCE_KINDS

DEFAULT = data.LEXICONS / "frame.tsv"

SOURCINGS = SOURCE_KINDS
# Stronger modality wins when several govern one predicate ("would plan to" is hypothetical).
_MODAL_RANK = {"actual": 0, "future": 1, "hypothetical": 2, "question": 3}
# Steps climbed from the predicate through its complement chain; real chains are short.
MAX_CLIMB = 8
_MEDIUM_KINDS = {"media"}
# Entity types that never speak (a poll's "63 percent" and "the two" do).
_NO_SPEAKER_ENTS = {"LOC", "FAC", "EVENT", "DATE", "TIME", "MONEY", "QUANTITY", "LANGUAGE"}
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "january", "february", "march", "april", "june", "july", "august", "september",
             "october", "november", "december"}
# "a number of experts", "one of the attorneys", "74 percent of voters": the "of" phrase speaks.
_PARTITIVE = {"number", "percent", "one", "two", "three", "dozen", "dozens", "hundreds",
              "thousands", "some", "many", "most", "majority", "all", "half", "none", "each",
              "several", "few", "group", "%"}


@dataclass(frozen=True)
class Frame:
    """How a predicate is put: ``negated`` when it did not happen or was not said."""

    polarity: str = "positive"
    modality: str = "actual"

    @property
    def asserted(self) -> bool:
        return self.polarity == "positive" and self.modality == "actual"


@dataclass(frozen=True)
class FrameLexicon:
    kinds: dict[str, frozenset[str]]  # kind -> cues (single words)
    phrases: dict[str, frozenset[tuple[str, str]]]  # kind -> (head lemma, particle)

    def has(self, kind: str, word: str) -> bool:
        return word in self.kinds.get(kind, frozenset())

    def phrase(self, kind: str, head: Token) -> bool:
        """Whether ``head`` + one of its children spells a multi-word cue ("fall short")."""
        pairs = self.phrases.get(kind, frozenset())
        if not pairs:
            return False
        lemma = head.lemma_.lower()
        return any((lemma, c.lower_) in pairs for c in head.children)


KINDS = {"negator", "negating", "hypothetical", "future", "intent", "condition", "question",
         "unnamed", "anonymous", "medium", "nonspeaker", "counted"}


def read(paths: Iterable[Path | str] = (DEFAULT,)) -> FrameLexicon:
    """Read one or more frame cue files (later files add to earlier ones); ``R016`` on a
    malformed row."""
    kinds: dict[str, set[str]] = {}
    phrases: dict[str, set[tuple[str, str]]] = {}
    for path in paths:
        for n, row in data.records(path, required=("cue", "kind")):
            cue, kind = row["cue"].lower(), row["kind"]
            if not cue:
                continue
            if kind not in KINDS:
                raise data.malformed(path, n, f"unknown kind {kind!r}")
            parts = cue.split()
            if len(parts) == 2:
                phrases.setdefault(kind, set()).add((parts[0], parts[1]))
            elif len(parts) == 1:
                kinds.setdefault(kind, set()).add(cue)
            else:
                raise data.malformed(path, n, "a cue is one word, or a head and one particle")
    return FrameLexicon({k: frozenset(v) for k, v in kinds.items()},
                        {k: frozenset(v) for k, v in phrases.items()})


@lru_cache(maxsize=1)
def default() -> FrameLexicon:
    return read()


def _word(tok: Token) -> str:
    return tok.lower_


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() or tok.lower_


def _own_cues(tok: Token, lex: FrameLexicon, first: bool) -> tuple[int, str]:
    """Negations (count) and the strongest modality hanging off ``tok`` itself."""
    neg = 0
    modality = "actual"

    def bump(m: str) -> None:
        nonlocal modality
        if _MODAL_RANK[m] > _MODAL_RANK[modality]:
            modality = m

    for c in tok.children:
        dep = c.dep_
        word = _word(c)
        if dep == "neg" or (dep == "advmod" and lex.has("negator", word)
                            and word not in {"nor", "neither", "without"}):
            neg += 1
        elif dep in {"aux", "auxpass"}:
            if lex.has("future", word) or lex.has("future", _lemma(c)):
                bump("future")
            elif lex.has("hypothetical", word) or lex.has("hypothetical", _lemma(c)):
                bump("hypothetical")
        elif dep == "advmod" and lex.has("hypothetical", word):
            bump("hypothetical")
        elif dep == "mark":
            if lex.has("question", word) or (word == "if" and tok.dep_ == "ccomp"):
                bump("question")
            elif lex.has("condition", word):
                bump("hypothetical")
        elif dep in {"nsubj", "nsubjpass", "dobj"} and (any(
                d.dep_ in {"det", "preconj"} and _word(d) in {"no", "neither"} for d in c.children)
                or dep != "dobj" and word in {"neither", "none", "nobody", "nothing"}):
            neg += 1  # "no troops were sent", "sent no troops", "neither side showed"
        elif first and dep == "advcl" and any(
                m.dep_ == "mark" and lex.has("condition", _word(m)) for m in c.children):
            bump("hypothetical")  # the main clause of a conditional
    if tok.pos_ in {"NOUN", "PROPN"} and any(
            c.dep_ == "det" and _word(c) == "no" for c in tok.children):
        neg += 1  # a nominal predicate: "there was no shelling"
    return neg, modality


def _negating(gov: Token, lex: FrameLexicon) -> bool:
    return lex.has("negating", _lemma(gov)) or lex.phrase("negating", gov)


def frame_of(tok: Token, lex: FrameLexicon | None = None,
             within: tuple[int, int] | None = None) -> Frame:
    """The polarity and modality of the predicate headed by ``tok``.

    "did not attack", "never considered", "failed to condemn", "fell short of condemning",
    "stepped back from giving" are negated; "would/could/may attack", "if X attacks" are
    hypothetical; "will attack", "plans/threatened to attack" future; "asked whether X
    attacked", "Did X attack?" questions. Double negations cancel ("did not fail to").
    With ``within`` (token bounds), governors outside it are not climbed to: the frame of a
    quote's content is its own, not its cue's.
    """
    lex = lex or default()
    neg, modality = _own_cues(tok, lex, True)
    cur = tok
    for _ in range(MAX_CLIMB):
        dep, head = cur.dep_, cur.head
        if head.i == cur.i:
            break
        gov: Token | None = None
        if performed_in_saying(cur):
            break  # "I would like to thank ...": the thanking is done in the saying
        if dep == "xcomp":
            gov = head
            if head.tag_ == "VBG" and _lemma(head) == "go":
                modality = _max(modality, "future")  # "is going to send"
            elif lex.has("intent", _lemma(head)) or lex.has("intent", _word(head)):
                modality = _max(modality, "future")
        elif dep == "pcomp" and head.dep_ == "prep":
            if lex.has("negator", _word(head)):  # "without firing a shot"
                neg += 1
                break
            gov = head.head
            if gov.dep_ in {"advmod", "acomp", "prt"} and gov.head.i != gov.i and \
                    gov.pos_ in {"ADV", "ADJ", "ADP"} and (
                        within is None or within[0] <= gov.head.i < within[1]):
                # "fell short of", "stepped back from": the preposition hangs off the particle
                particle = gov
                gov = gov.head
                if (_lemma(gov), _word(particle)) in lex.phrases.get("negating", frozenset()):
                    neg += 1
                    cur = gov
                    n, m = _own_cues(gov, lex, False)
                    neg, modality = neg + n, _max(modality, m)
                    continue
                break
            if not _negating(gov, lex):
                break  # "with both sides vowing ...": an adjunct, outside the governor's scope
        elif dep == "conj" and (within is None or within[0] <= head.i < within[1]) and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children) \
                and not any(c.dep_ == "cc" and _word(c) == "but" for c in head.children):
            # "did not attack or shell": the conjunct shares the first verb's auxiliaries
            gov = head
            n, m = _own_cues(gov, lex, False)
            neg, modality = neg + n, _max(modality, m)
            cur = gov
            continue
        elif dep == "dobj" and cur.pos_ == "NOUN" and head.pos_ == "VERB" \
                and lex.has("negating", _lemma(head)) \
                and (within is None or within[0] <= head.i < within[1]):
            # "is *forgoing* the customary tour", "avoided a confrontation": not held (a
            # negating verb by itself: "held joint drills *off* the coast" is no "hold off")
            gov = head
        elif _noun_complement(cur) and (within is None or within[0] <= head.i < within[1]):
            # "his refusal *to meet*", "the plan *to withdraw*", "offered *a meeting*": the
            # noun or the offer governs the event like the verb would ("refused to meet")
            gov = head
            if lex.has("intent", _lemma(head)):
                modality = _max(modality, "future")
        if gov is None or gov.pos_ not in {"VERB", "AUX", "ADJ", "NOUN"} or (
                gov.pos_ == "NOUN" and not _noun_complement(cur)):
            break
        if within is not None and not within[0] <= gov.i < within[1]:
            break
        if _negating(gov, lex):
            neg += 1
        if gov.pos_ == "ADJ" and lex.has("hypothetical", _word(gov)):
            modality = _max(modality, "hypothetical")  # "is likely to"
        n, m = _own_cues(gov, lex, False)
        neg, modality = neg + n, _max(modality, m)
        cur = gov
    if modality != "question" and _ends_in_question(cur):
        modality = "question"
    return Frame("negated" if neg % 2 else "positive", modality)


def _noun_complement(tok: Token) -> bool:
    """An infinitive completing a noun ("the plan *to withdraw*") or an event noun offered,
    proposed or planned ("offered *a meeting*"): both lie in the governor's scope."""
    head = tok.head
    if tok.dep_ in {"acl", "relcl"} and head.pos_ == "NOUN":  # the parser says either
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return tok.dep_ == "dobj" and tok.pos_ == "NOUN" and head.pos_ == "VERB" \
        and _lemma(head) in _OFFER_VERBS


# Speech acts done by saying them, and the polite wish that frames them ("I would like to
# thank ...", "we would like to apologize"): the act is actual, not hypothetical.
_PERFORMATIVE = frozenset({"thank", "apologize", "apologise", "congratulate", "welcome",
                           "commend", "acknowledge", "express", "extend", "salute"})
_POLITE_WISH = frozenset({"like", "love", "wish"})


def performed_in_saying(tok: Token) -> bool:
    """A speech act under a polite wish ("I would like to *thank* ..."): done in the saying, so
    the wish's "would" does not make it hypothetical."""
    head = tok.head
    return tok.dep_ == "xcomp" and _lemma(tok) in _PERFORMATIVE and _lemma(head) in _POLITE_WISH \
        and any(c.dep_ == "aux" and _word(c) in {"would", "'d"} for c in head.children)

# Verbs whose noun object is an event that has not happened yet ("offered talks").
_OFFER_VERBS = frozenset({"offer", "propose", "promise", "pledge", "plan", "threaten", "seek",
                          "want", "suggest"})


def _max(a: str, b: str) -> str:
    return a if _MODAL_RANK[a] >= _MODAL_RANK[b] else b


def _ends_in_question(tok: Token) -> bool:
    """A main-clause predicate of a sentence ending in "?" ("Did Turkey send fighters?")."""
    if tok.dep_ not in {"ROOT"}:
        return False
    last = tok.right_edge
    doc = tok.doc
    i = last.i
    while i + 1 < len(doc) and doc[i + 1].is_punct and doc[i + 1].head.i == tok.i:
        i += 1
    while i > tok.i and (doc[i].is_space or doc[i].text in {'"', "\u201d", "'", "\u2019", ")"}):
        i -= 1
    return doc[i].text == "?"


SUBHEAD_MAX_WORDS = 8
_SUBHEADS = "rashomon_frame.subheads"  # doc.user_data key: sorted (start, end) char ranges
_LINE_END = set('.!?:;,"\u201d\u2019\u2026)]')


def subheads(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Character ranges of section subheads: a paragraph of its own, at most eight words,
    with no closing punctuation ("Fight till the end"), and no speaker label before a
    colon ("Minister: we stay" is an attribution). They are neither quotes nor events.

    Computed once per doc; pass ``text`` when the caller holds ``doc.text`` already (spaCy
    rebuilds it on every access)."""
    cached = doc.user_data.get(_SUBHEADS)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    text = doc.text if text is None else text
    out: list[tuple[int, int]] = []
    if text.count("\n") < 2:  # a lone sentence or headline is what is to be read
        doc.user_data[_SUBHEADS] = out
        return out
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        body = line.strip()
        label, colon, said = body.partition(": ")  # "Poll: X leads Y", "Minister: we stay"
        if colon and said.strip() and body[0].isupper() and len(label.split()) <= 3:
            start = end + 1
            continue  # a speaker label and what it said: an attribution, not a subhead
        if body and len(body.split()) <= SUBHEAD_MAX_WORDS and body[-1] not in _LINE_END \
                and body[0] not in "\"\u201c\u2018'(-\u2022*|" and any(c.isalpha() for c in body):
            out.append((start, end))
        start = end + 1
    doc.user_data[_SUBHEADS] = out
    return out


def in_subhead(tok: Token) -> bool:
    """Whether a token lies on a subhead line (see :func:`subheads`)."""
    i = tok.idx
    return any(s <= i < e for s, e in subheads(tok.doc))


def can_speak(speaker: Span, lex: FrameLexicon | None = None) -> bool:
    """Whether a phrase can say something: a person, organisation, government, medium or
    unnamed source — not an event ("Fierce clashes"), a place, a weapon, evidence or a count
    ("more than 80 fighters")."""
    lex = lex or default()
    root = speaker.root
    for _ in range(3):
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None or _lemma(root) not in _PARTITIVE and _word(root) not in _PARTITIVE:
            break
        root = pobj
    if root.pos_ == "PRON" or _full_name(root):
        return True
    lemma, word = _lemma(root), _word(root)
    if lex.has("nonspeaker", lemma) or lex.has("nonspeaker", word):
        return False
    if lex.has("counted", lemma) and any(c.dep_ in {"nummod", "quantmod"} for c in root.children):
        return False
    if root.pos_ == "PROPN":  # the small model's entity types on names are too noisy
        return word not in _CALENDAR
    return root.ent_type_ not in _NO_SPEAKER_ENTS


def _full_name(root: Token) -> bool:
    """A person's name of several capitalised words ("Khin Mo Win", "Ann Price"), whose last
    word may also be a common noun the lexicon says cannot speak (*win*, *price*)."""
    return root.pos_ == "PROPN" and root.ent_type_ == "PERSON" and root.is_title and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title for c in root.lefts)


def sourcing_of(speaker: Span | None, actor: Actor | None = None,
                lex: FrameLexicon | None = None) -> str:
    """How a statement is sourced: ``named`` (on record), ``unnamed_official`` ("officials",
    "a source close to ..."), ``anonymous`` ("reports", no speaker at all) or ``medium``
    (another medium cited: Reuters, "state news agency Anadolu")."""
    lex = lex or default()
    if speaker is None or not len(speaker):
        return "anonymous"
    if actor is not None and actor.kind in _MEDIUM_KINDS:
        return "medium"
    root = speaker.root
    lemma = _lemma(root)
    if lex.has("medium", lemma) or lex.has("medium", _word(root)):
        return "medium"
    if root.pos_ == "PROPN" and any(lex.has("medium", _word(t)) for t in speaker):
        return "medium"
    if lex.has("anonymous", lemma) or lex.has("anonymous", _word(root)):
        return "anonymous"
    if root.pos_ != "PROPN" and lex.has("unnamed", lemma) and actor is None or (
            actor is not None and actor.kind != "person" and lex.has("unnamed", lemma)
            and root.pos_ != "PROPN"):
        return "unnamed_official"
    if root.pos_ == "PRON" and actor is None and _word(root) in {"they", "some", "others"}:
        return "anonymous"
    if actor is None and _word(root) in _UNNAMED_PEOPLE and root.pos_ in (
            "PRON", "DET", "ADJ", "NOUN"):
        return "unnamed_official"  # "those briefed on the plan", "people familiar with it"
    if actor is None and _indefinite_group(speaker):
        return "unnamed_official"  # "some sheriffs", "marijuana advocates", "two aides"
    return "named"


# People an outlet describes but does not name ("those familiar with", "many in the party")
_UNNAMED_PEOPLE = frozenset({"those", "people", "many", "several"})
_FOLLOWERS = data.word_list("follower_nouns")  # lexicons/word_lists.tsv
_DEFINITE = frozenset({"the", "these", "those", "this", "that", "its", "their", "his", "her", "our"})


def _indefinite_group(speaker: Span) -> bool:
    """A speaker told only by a common noun, plural or counted and not made definite: the
    outlet names no one ("some sheriffs", "marijuana advocates", "two aides to the mayor"), or
    a group named by whom it backs or fights ("supporters of Mr. Orsk"); "the ministry" or "the
    two states" point back to someone named."""
    root = speaker.root
    if root.pos_ == "NOUN" and _lemma(root) in _FOLLOWERS:
        return True  # "supporters of Mr. Orsk": a group named by whom it backs
    # a sentence's first word is capitalized whatever it is ("Marijuana advocates say")
    if root.pos_ != "NOUN" or any(t.pos_ == "PROPN" and not t.is_sent_start for t in speaker):
        return False
    dets = {_word(c) for c in root.children if c.dep_ in {"det", "poss"}}
    if dets & _DEFINITE:
        return False
    counted = any(c.dep_ == "nummod" for c in root.children)
    plural = root.tag_ == "NNS" or _word(root) != _lemma(root)  # "sheriffs" / "sheriff"
    return plural or counted or bool(dets & {"a", "an", "some", "several", "many"})


__all__ = [
    "MODALITIES",
    "POLARITIES",
    "SOURCINGS",
    "Frame",
    "FrameLexicon",
    "can_speak",
    "default",
    "frame_of",
    "in_subhead",
    "performed_in_saying",
    "read",
    "sourcing_of",
    "subheads",
]
