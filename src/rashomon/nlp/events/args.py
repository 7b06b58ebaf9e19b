"""Who did what to whom: source/target actors, date and place of an event trigger.

Arguments come from the dependency parse: subject (or ``by`` agent) is the source, object
(or passive subject, or the object of ``with/against/on/to ...``) the target. Each argument's
head token is turned into actor mentions with :func:`rashomon.nlp.actors.mention_at`
(pronouns through :func:`resolve_speaker`); conjuncts give several actors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data
from rashomon.nlp.actors.component import (
    SPANS_KEY,
    mention_at,
    resolve_possessive,
    resolve_speaker,
)
from rashomon.nlp.events.find import MENTIONS, crosses_break, purpose_of, shares_passive
from rashomon.records import Actor

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
TARGET_PREPS = {"to", "with", "against", "on", "at", "into", "toward", "towards", "upon", "onto"}
NOUN_TARGET_PREPS = {"on", "against", "of", "at", "into", "upon", "toward", "towards", "with", "to",
                     "for"}
RELATIVE = {"who", "that", "which", "whom"}
RECIPROCAL = {"other", "another"}  # "each other", "one another"
# Children searched for an actor when the head noun itself is none ("the Turkish military").
_MODIFIERS = ("poss", "compound", "amod", "nmod", "appos", "npadvmod")


# Prepositions whose event-noun object is done by the governing verb's subject.
_DOER_PREPS = {"in", "during", "with", "through", "by"}
# Where a bare demonym modifies the head of an argument phrase ("Indian proposal").
_DEMONYM_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}  # npadvmod: "Turkish-backed"

# Relatives: the one they are named after is someone else ("Brown's parents")
KIN = data.word_list("kin_nouns") | data.word_list("kin_female") | data.word_list("kin_male")
_INDEX = MENTIONS  # doc.user_data key of the per-doc index
_ORDERED = "rashomon_events.ordered"  # the indexed mentions by start token
# Dependencies a phrase may hang from on its way up to the trigger and still be the
# trigger's own argument (not a clause of its own: advcl, ccomp, relcl end the walk).
_ARG_PATH = {"dobj", "pobj", "prep", "dative", "attr", "oprd", "npadvmod", "appos", "conj",
             "cc", "amod", "compound", "nmod", "poss", "nummod", "det", "acomp", "xcomp"}


_SETS = "rashomon_events.sets"  # doc.user_data key: word sets of the lexicon (weapon, ...)
# Prepositions whose object is where someone or something comes from: a place named there
# is never the event's target ("mercenaries *from Syria*").
# (Coders code "lifted a curfew *in Montenegro*" as on Montenegro: "in" stays.)
ORIGIN_PREPS = {"from", "out"}
# "fight with/alongside C" in the purpose of a move ("sent X to fight with C"): C is the side.
ALLY_PREPS = {"with", "alongside", "for", "beside"}
# Prepositions whose object does what the verb's infinitive says: "called *on X* to withdraw",
# "pressed *upon X* to", "waited *for X* to"; "to X" only after verbs of appeal.
CONTROL_PREPS = {"on", "upon", "for"}
# Prepositions whose object says when ("under President X", "since X's election"): no party.
# (Not "during": "stones thrown during protests *against X*" target X.)
TIME_PREPS = {"under", "since", "until", "till"}
# Prepositions of when or amid what something was done ("*during* a dinner at X").
CIRCUMSTANCE_PREPS = {"during", "after", "before", "amid", "amidst", "following", "despite"}
APPEAL_VERBS = {"appeal", "plead", "write", "signal", "look", "turn", "petition"}


def common_words(span: Span, lowered: set[str]) -> bool:
    """A name the linker only guessed at that is made of common words: no word of it
    capitalized ("marijuana arrests", "distributes marijuana", which the small model tags as
    people), or one capitalized word opening its sentence that the text also writes in lower
    case ("Marijuana flows across the border"). It takes no part as an event's source or target.
    (The mention stays an actor mention: the claims ledger's anchors were measured with it.)"""
    if not any(t.text[:1].isupper() for t in span):
        return True
    return len(span) == 1 and span[0].is_sent_start and span[0].lower_ in lowered


def index_mentions(doc: Doc, demonyms: Mapping[str, Actor] | None = None,
                   sets: Mapping[str, frozenset[str]] | None = None) -> None:
    """Index the actor mentions by token once per doc (the longest covering mention, as
    :func:`mention_at` picks): scanning the span group for every argument is slow.

    With ``demonyms`` (demonym → country actor), a demonym that only modifies a noun ("an
    *Indian* proposal", "*Israeli* air raids") and is no mention of its own stands for its
    country as an event argument: coders code "rejected an Indian proposal" as a rejection of
    India. Such spans exist only here (link ``modifier``), not in the actors' span group.
    """
    index: dict[int, Span] = {}
    # a name the actors component only guessed at that the places component reads as a place
    # ("the provincial capital Herat") is where something happened, not who did it
    places = {(p.start, p.end) for p in doc.spans.get("rashomon_places", [])
              if (p._.data or {}).get("role") == "literal"}
    lowered: set[str] | None = None
    for span in doc.spans.get(SPANS_KEY, []):
        if span._.link == "provisional" and (span.start, span.end) in places:
            continue
        if span._.link in {"provisional", "surname"}:
            if lowered is None:
                lowered = {t.lower_ for t in doc if t.is_lower}
            if common_words(span, lowered):
                continue  # "marijuana arrests", tagged a person, acts on no one
        for i in range(span.start, span.end):
            if i not in index or len(span) > len(index[i]):
                index[i] = span
    if demonyms:
        actors = None
        for ent in doc.ents:  # entities, not tokens: cheap on huge documents
            if ent.start in index or ent.label_ not in ("NORP", "GPE"):
                continue
            actor = demonyms.get(ent.text)
            if actor is None:
                continue
            if ent.label_ == "NORP" and ent.root.dep_ not in _DEMONYM_DEPS and not (
                    ent.root.dep_ == "conj" and ent.root.head.dep_ in _DEMONYM_DEPS):
                continue  # (a conjoined modifier counts: "the Turkish and *Greek* sides")
            if ent.label_ == "GPE" and ent.root.dep_ != "pobj":
                continue
            span = Span(doc, ent.start, ent.end, label="ACTOR")
            span._.actor_id = actor.id
            # a capital named as a place ("bombs in Kabul"): coders code its country
            span._.link = "modifier" if ent.label_ == "NORP" else "locative"
            for i in range(ent.start, ent.end):
                index[i] = span
            if actors is None:
                actors = dict(doc._.actors or {})
            actors.setdefault(actor.id, actor)
        if actors is not None:
            doc._.actors = actors
    doc.user_data[_INDEX] = index
    doc.user_data[_SETS] = sets or {}
    doc.user_data[_ORDERED] = sorted({id(sp): sp for sp in index.values()}.values(),
                                     key=lambda sp: sp.start)


def mention_index(doc: Doc) -> dict[int, Span]:
    """The per-doc token → mention index :func:`index_mentions` built."""
    return doc.user_data[_INDEX]


def reorder_mentions(doc: Doc) -> None:
    """Refresh the ordered view after spans were added to :func:`mention_index`."""
    index = doc.user_data[_INDEX]
    doc.user_data[_ORDERED] = sorted({id(sp): sp for sp in index.values()}.values(),
                                     key=lambda sp: sp.start)


def forget_mentions(doc: Doc) -> None:
    doc.user_data.pop(_INDEX, None)
    doc.user_data.pop(_ORDERED, None)
    doc.user_data.pop(_SETS, None)
    doc.user_data.pop("rashomon_events.breaks", None)


def _mention(doc: Doc, tok: Token) -> Span | None:
    if tok.pos_ == "PRON":
        if tok.lower_ in RELATIVE:
            clause = _relative_clause(tok)
            if clause is not None:  # "X, *who* ...", "X, many of *whom* ...": X
                return _mention(doc, clause.head)
        if tok.lower_ in FIRST_PERSON and tok.dep_ in {"nsubj", "nsubjpass"}:
            return _quoted_self(doc, tok)
        return resolve_speaker(doc, tok) or _reporter(doc, tok)
    return _indexed(doc, tok) or _description(doc, tok)


# Where a definite description stands as an event's own party ("*the congressman* vowed").
_DESCRIBED_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj"}


def _description(doc: Doc, tok: Token) -> Span | None:
    """"Missouri Rep. X ... *the Republican congressman* vowed to stay": a definite description
    standing as an argument is the actor the article described so before, as the actors
    component resolves it for speakers (:func:`resolve_speaker`); only a singular common noun
    with "the" ("the governor", "the committee"), never a name or a plural group."""
    if tok.tag_ != "NN" or tok.dep_ not in _DESCRIBED_DEPS \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    found = resolve_speaker(doc, doc[tok.left_edge.i:tok.i + 1])
    return found if found is not None and found._.actor_id is not None \
        and (found._.data or {}).get("antecedent") is not None else None


def _relative_clause(pron: Token, hops: int = 4) -> Token | None:
    """The relative clause a relative pronoun opens, also from inside a phrase of it
    ("many *of whom* oppose"): the head of the clause, whose head is the noun it describes."""
    cur = pron
    for _ in range(hops):
        if cur.head.i == cur.i:
            return None
        if cur.head.dep_ in {"relcl", "acl"} and cur.dep_ in SUBJ | PASS_SUBJ | {
                "dobj", "pobj", "prep", "nsubj", "attr", "dative", "poss"}:
            return cur.head
        if cur.dep_ not in {"pobj", "prep", "nsubj", "nsubjpass", "poss"}:
            return None
        cur = cur.head
    return None


# First-person subjects only: "my staff" is not the speaker, and an object "us" may be the
# speaker's side while the linker reads another party as the subject.
FIRST_PERSON = frozenset({"i", "we"})
_QUOTES = "rashomon_quotes"  # the quotes component's span group (it runs before events)


def _direct_quote(doc: Doc, tok: Token) -> dict | None:  # type: ignore[type-arg]
    """The data of the direct quote whose words hold ``tok``, if any."""
    at = tok.idx
    for span in doc.spans.get(_QUOTES, []):
        if span.label_ != "direct" or not span.start_char <= at < span.end_char:
            continue
        data = doc.user_data.get(("rashomon_quotes.data", span.start_char, span.end_char)) \
            or span._.data or {}
        segments = data.get("segments") or [(span.start_char, span.end_char)]
        if any(a <= at < b for a, b in segments):
            return data
    return None


def _quoted_self(doc: Doc, pron: Token) -> Span | None:
    """"*I* would like to thank my staff," Farenthold said: a first-person subject inside a
    direct quote is its speaker (the speaker's mention, when the quote found one); outside a
    quote, or in one with no named speaker, it names no one."""
    data = _direct_quote(doc, pron)
    if data is not None:
        s, e = data.get("speaker_start"), data.get("speaker_end")
        if s is None or e is None or not data.get("speaker_id"):
            return None
        return mention_at(doc, s, e)
    return None


# Pronouns of a reported clause that stand for the reporter, and the tags their antecedent
# may have ("the rebels said *they* will ...", "Serbs said *their* forces ...").
_REPORTER_PRONOUNS = {
    "they": {"NNS", "NNPS", "NNP"}, "their": {"NNS", "NNPS", "NNP"}, "them": {"NNS", "NNPS", "NNP"},
    "we": {"NNS", "NNPS", "NNP"}, "our": {"NNS", "NNPS", "NNP"}, "my": {"NN", "NNP"},
    "it": {"NN", "NNP"}, "its": {"NN", "NNP"},
}


def _reporter(doc: Doc, pron: Token) -> Span | None:
    """"X said *they* would ...": a pronoun the actors component left unresolved, inside the
    reported clause of a report verb whose subject is a noun of the same number, is that
    subject; "it" never a person, nor "they" one person alone, and neither the speaker of a
    direct quote holding it (who says "I" or "we")."""
    tags = _REPORTER_PRONOUNS.get(pron.lower_)
    if tags is None or pron.lower_ in _NEUTER | _PLURAL and _direct_quote(doc, pron) is not None:
        return None  # ""*They* shelled us," X said": quoted, X names others in the third person
    reports = word_set(doc, "report")
    cur = pron
    for _ in range(6):
        if cur.dep_ in {"ccomp", "parataxis"} and cur.head.i != cur.i \
                and cur.head.lemma_.lower() in reports:
            subj = _child(cur.head, SUBJ)
            if subj is None or subj.pos_ == "PRON" or subj.tag_ not in tags:
                return None
            found = _indexed(doc, subj) or next(iter(actors_at(doc, subj)), None)
            if found is not None and (pron.lower_ in _NEUTER or pron.lower_ in _PLURAL
                                      and not subj.conjuncts) and _is_person(doc, found):
                return None  # "the office disclosed *its* intent, X said": a person is no "it"
            return found
        if cur.head.i == cur.i or cur.dep_ in {"relcl", "acl", "advcl"}:
            return None
        cur = cur.head
    return None


_NEUTER = {"it", "its"}
_PLURAL = {"they", "their", "them"}


def _is_person(doc: Doc, span: Span) -> bool:
    actor = (doc._.actors or {}).get(span._.actor_id or "")
    return getattr(actor, "kind", None) == "person" or span.root.ent_type_ == "PERSON"


def _indexed(doc: Doc, tok: Token) -> Span | None:
    index = doc.user_data.get(_INDEX)
    if index is not None:
        return index.get(tok.i)
    return mention_at(doc, tok.idx, tok.idx + len(tok.text))


def actors_at(doc: Doc, head: Token | None, depth: int = 2) -> list[Span]:
    """Mentions naming the phrase headed by ``head`` (and its conjuncts), nearest first; for a
    relative pronoun whose noun is no mention itself, those of the noun's phrase ("a
    *British* journalist, *who* was arrested")."""
    if head is not None and head.pos_ == "PRON" and head.lower_ in RELATIVE \
            and _mention(doc, head) is None:
        clause = _relative_clause(head)
        if clause is not None and clause.head.i != clause.i and clause.head.pos_ != "PRON":
            head = clause.head
    if head is None or is_instrument(head):
        return []
    out: list[Span] = []
    heads = [head, *head.conjuncts]
    for child in head.children:  # "The US, Russia, and France met": a list parsed as apposition
        if child.dep_ == "appos" and child.conjuncts and child.pos_ == "PROPN":
            # (not "X, *the daughter of A and niece of B*,": a description, not a list)
            heads += [child, *child.conjuncts]
    for h in heads:
        found = _mention(doc, h)
        listed: list[Span] = []
        if found is not None:  # "Hungarian and Romanian officials": the other conjoined modifier
            for child in h.children:
                if child.dep_ in {"amod", "compound"} and child.i < found.start and child.conjuncts:
                    for c in (child, *child.conjuncts):
                        m = _mention(doc, c)
                        if m is not None and m.start != found.start \
                                and all(m.start != s.start for s in out):
                            out.append(m)
        if found is None and depth > 0:
            # "Hungarian and Romanian officials": every modifier; a name in apposition first
            # ("his Turkish counterpart Mevlut Cavusoglu" is Cavusoglu, not Turkey)
            for bare in (False, True):
                # a possessor names the owner, not the phrase: "bin Laden's *al-Qaeda* network";
                # a name in apposition comes before the modifiers ("GOP nominee *Mitt Romney*")
                for child in sorted(h.children, key=lambda c: (c.dep_ == "poss",
                                                               c.dep_ != "appos")):
                    if child.dep_ == "poss" and h.lemma_.lower() in KIN:
                        continue  # "Brown's *parents*", "his wife": someone else
                    if child.dep_ in _MODIFIERS:
                        for c in (child, *child.conjuncts):
                            m = _mention(doc, c)
                            if m is None or (m._.link == "modifier") != bare \
                                    or _served(doc, m, h):
                                continue
                            if all(m.start != s.start for s in out):
                                out.append(m)
                                found = found or m
                        if found is not None:
                            break
                if found is not None:
                    break
            if found is None:  # "the government of Armenia", "rebels in Ivory Coast",
                # "leaders of the US, France and Russia": every member of the list
                for child in h.children:
                    if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
                        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                        sub = actors_at(doc, pobj, depth - 1) if pobj is not None else []
                        if sub:
                            found = sub[0]
                            listed = sub[1:]
                            break
        if found is not None and all(found.start != s.start for s in out):
            out.append(found)
            if found[-1].dep_ == "pobj" and found[-1].i > found.root.i and \
                    found[-1].head.lower_ in {"from", "of", "in"}:
                # "mercenaries from Syria *and Libya*": the origin list of a group
                listed += [m for c in found[-1].conjuncts if c.i >= found.end
                           for m in [_indexed(doc, c)] if m is not None and
                           m._.actor_id != found._.actor_id and m.label_ == found.label_ and
                           _same_kind(doc, m, found)]
        out += [m for m in listed if all(m.start != s.start for s in out)]
    return out


# Nouns for someone who works for or sides with the person named before them ("a Clinton
# *aide*", "Trump *supporters*"): that someone, not the person named.
SERVING_NOUNS = frozenset({"aide", "adviser", "advisor", "lawyer", "attorney", "staffer",
                           "assistant", "associate", "strategist", "operative", "surrogate",
                           "confidant", "employee", "bodyguard"}) | data.word_list("follower_nouns")


def _served(doc: Doc, mention: Span, head: Token) -> bool:
    """Whether ``mention`` is a person named as a modifier of a noun for one who serves or
    follows them ("accused *a former Clinton aide*": the aide, whom the phrase does not name)."""
    actor = (doc._.actors or {}).get(mention._.actor_id or "")
    return getattr(actor, "kind", None) == "person" and mention.root.dep_ == "compound" \
        and head.lemma_.lower() in SERVING_NOUNS


def word_set(doc: Doc, name: str) -> frozenset[str]:
    return doc.user_data.get(_SETS, {}).get(name, frozenset())


def is_instrument(tok: Token) -> bool:
    """A weapon phrase is the means, never an actor: "use *Turkish F-16 jets*" is no
    event on Turkey."""
    return tok.pos_ in {"NOUN", "PROPN"} and (
        tok.lemma_.lower() in word_set(tok.doc, "weapon") or tok.lower_ in {"f-16", "f-16s"})


def is_eventive(tok: Token) -> bool:
    """Whether a noun names an event (a trigger noun of the lexicon: "attack", "explosion",
    "fighting") or a weapon: something that happens or is used, never an actor."""
    return tok.pos_ == "NOUN" and (
        tok.lemma_.lower() in word_set(tok.doc, "event_noun") or is_instrument(tok))


def is_medium(doc: Doc, span: Span) -> bool:
    """A news medium named as where something was said ("pledged X *in an op-ed in the Post*",
    "*in an interview with* CNN", "*on* Fox News"): the channel, not a party."""
    actor = (doc._.actors or {}).get(span._.actor_id or "")
    return getattr(actor, "kind", None) == "media" and span.root.dep_ == "pobj" \
        and span.root.head.lower_ in {"in", "on", "to", "with"}


def is_origin(span: Span) -> bool:
    """A place the phrase comes from ("jihadists from Syria and Libya")."""
    root = span.root
    for _ in range(5):
        if root.dep_ != "conj" or root.head.i == root.i:
            break
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in ORIGIN_PREPS and _placelike(span)


def _placelike(span: Span) -> bool:
    return span.root.ent_type_ in {"GPE", "LOC", "FAC"} or span._.link == "locative"


def purpose_side(doc: Doc, verb: Token) -> list[Span]:
    """"deploy X from A *to fight with C*": the side C a move serves (its target)."""
    for comp in verb.children:
        if comp.dep_ not in {"advcl", "xcomp"} or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            continue
        for c in comp.children:
            if c.dep_ == "prep" and c.lower_ in ALLY_PREPS:
                found = actors_at(doc, _pobj(c))
                if found:
                    return found
    return []


def is_purpose_of_move(verb: Token) -> bool:
    """Whether ``verb`` is the purpose infinitive of a move ("sent X *to fight*")."""
    return purpose_of(verb, word_set(verb.doc, "move"))


def _child(tok: Token, deps: set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)


def subject(verb: Token, hops: int = 4) -> Token | None:
    """The doer of ``verb``: its subject, or the one it shares (xcomp, conj, relative clause)."""
    cur = verb
    for _ in range(hops):
        subj = _own_subject(cur) or next((s for a in cur.children if a.dep_ in {
            "aux", "auxpass"} for s in a.children if s.dep_ in SUBJ), None)
        # (the parser sometimes hangs the subject on the auxiliary: "X *is* opposed to Y")
        if subj is not None:
            if subj.lower_ in RELATIVE and cur.dep_ == "relcl":
                if _issued(cur.head):  # "X unveiled a plan *that calls for* ...": X does
                    cur = cur.head.head
                    continue
                return cur.head
            return subj
        agent = _child(cur, {"agent"})
        if agent is not None:  # passive, or a participle: "a truce brokered by X"
            return _pobj(agent)
        patient = _child(cur, PASS_SUBJ) if cur.i != verb.i else None
        if patient is not None:  # "X was suspended for pointing a rifle, then *cursing*": X
            return patient
        if cur.tag_ == "VBN" and cur.dep_ == "amod":  # "US-brokered", "Turkish-backed"
            return _child(cur, {"npadvmod", "compound"})
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and _issued(cur.head):
            cur = cur.head.head  # "X issued a statement *decrying* ...": X decries
            continue
        if cur.dep_ in {"relcl", "acl"} and cur.head.dep_ == "attr" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            named = _own_subject(cur.head.head)
            if named is not None:
                return named  # "X was the first senator *to call* for ...": X calls
        if cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.tag_ == "VBG"):
            return cur.head
        if cur.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            pressed = next((_pobj(c) for c in cur.head.children if c.dep_ == "prep"
                            and c.lower_ in {"on", "upon"} and c.i < cur.i), None)
            if pressed is not None and pressed.pos_ in {"NOUN", "PROPN", "PRON"}:
                return pressed  # "pressure *on X* to resign", "its call on X to withdraw": X
            owner = _child(cur.head, {"poss"})  # "*the White House's* plan to withdraw"
            if owner is not None:
                return owner
        if cur.dep_ not in {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acl", "acomp"} \
                or cur.head.i == cur.i or crosses_break(cur, cur.head):
            return None
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in word_set(cur.doc, "report"):
            return None  # ""Shame on X for *failing* to fund it," Y said": Y only reports
        if cur.dep_ == "pcomp":  # "accused X of shelling": X did it; "by sending": the subject did
            prep = cur.head
            governor = prep.head
            adverbial = governor.dep_ in {"advmod", "acomp", "prt"} and governor.pos_ in {
                "ADV", "ADJ", "ADP"} and governor.head.i != governor.i
            if adverbial:
                governor = governor.head  # "stopped *short* of endorsing": the verb's subject
            if prep.lower_ == "of" and governor.dep_ in {"dobj", "nsubjpass"}:
                return governor  # "accused [the military] of shooting" (of attached to the noun)
            obj = _child(governor, {"dobj"} | PASS_SUBJ)
            reproach = obj is not None and (is_eventive(obj) or obj.lemma_.lower() in _REPROACHES)
            aimed = _aimed_at(governor, obj, prep) if prep.lower_ == "for" and reproach \
                and governor.pos_ == "VERB" else None
            if aimed is not None:
                return aimed  # "took a swipe *at X* for declining", "an attack on X for ...": X
            if prep.lower_ in {"of", "for"} and obj is not None and governor.pos_ == "VERB" \
                    and not adverbial and not any(c.dep_ == "advmod" for c in prep.children) \
                    and not is_eventive(obj):  # ("drew *criticism* for rejecting": the subject)
                # (not "*instead of* negotiating, X imposed sanctions": X's alternative)
                return obj  # "mocked *him* for opposing", "thanked X for helping": X did it
            cur = governor
            continue
        if cur.dep_ == "xcomp" or is_purpose_of_move(cur):
            # "urged X to withdraw": object control; "sent jihadists to fight": they fight
            obj = _child(cur.head, {"dobj"} | PASS_SUBJ)
            if obj is not None and not _named_again(cur, obj):
                return obj
        if cur.dep_ in {"xcomp", "advcl"} and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            # "called on X to withdraw", "appealed to X to reopen": X is asked, X does it
            preps = CONTROL_PREPS if cur.dep_ == "xcomp" else CONTROL_PREPS - {"for"}
            # the nearest such phrase before the infinitive ("*On Fox News*, she called on
            # the Obamas to rebuke X": the Obamas)
            asked = next((_pobj(c) for c in reversed(list(cur.head.children)) if c.dep_ == "prep"
                          and (c.lower_ in preps or c.lower_ == "to"
                               and cur.head.lemma_.lower() in APPEAL_VERBS) and c.i < cur.i), None)
            if asked is not None and asked.pos_ in {"NOUN", "PROPN", "PRON"}:
                return asked
        cur = cur.head
    return None


# Nouns of "took a swipe/jab at X": a reproach aimed with a light verb.
_REPROACHES = {"aim", "swipe", "jab", "potshot", "dig", "shot"}
# Prepositions naming whom a reproach is aimed at ("a swipe *at* X", "an attack *on* X").
_AIMED_PREPS = {"at", "on", "against"}


def _aimed_at(governor: Token, noun: Token, reason: Token) -> Token | None:
    """Whom a light verb's event noun is aimed at before the "for" phrase giving the reason
    ("took a swipe *at X* for declining", "launched an attack *on X* for refusing"): X did
    what it is blamed for, not the one who blames."""
    for head in (noun, governor):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _AIMED_PREPS and c.i < reason.i:
                pobj = _pobj(c)
                if pobj is not None and pobj.pos_ in {"NOUN", "PROPN", "PRON"}:
                    return pobj
    return None


def _named_again(clause: Token, obj: Token) -> bool:
    """Whether a pronoun object of ``clause`` stands for ``obj`` ("called Brewer to urge *her*
    to veto it"): a pronoun never names its own clause's subject, so ``obj`` is not that
    subject (the caller is)."""
    doc = clause.doc
    named = _mention(doc, obj)
    if named is None or named._.actor_id is None:
        return False
    return any(c.dep_ in {"dobj", "dative"} and c.pos_ == "PRON" and not c.lower_.endswith(
        ("self", "selves")) and getattr(_mention(doc, c), "_", None) is not None
        and _mention(doc, c)._.actor_id == named._.actor_id for c in clause.children)


def _issued(noun: Token) -> bool:
    """Whether ``noun`` is a statement, letter or resolution a verb's subject put out ("X
    *issued a statement* decrying", "X adopted a resolution condemning"): what it says, its
    author says."""
    words = word_set(noun.doc, "publication") | word_set(noun.doc, "proposal")
    return noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.lemma_.lower() in words


_DASHES = {"—", "–", "--", "-", ":"}


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject; not a dateline the parser reads as one ("WASHINGTON — President X
    will ..."): a subject right before a dash, when another follows it."""
    subjects = [c for c in verb.children if c.dep_ in SUBJ]
    if len(subjects) > 1:
        doc = verb.doc
        kept = [c for c in subjects if not (c.i + 1 < len(doc) and doc[c.i + 1].text in _DASHES)]
        subjects = kept or subjects
    return subjects[0] if subjects else None


def verb_arguments(
    doc: Doc, verb: Token, content_object: bool, noun: Token | None = None
) -> tuple[list[Span], list[Span]]:
    """(sources, targets) of a verbal trigger.

    Args:
        content_object: the object says *what* was done ("send troops"), not to whom.
        noun: the event noun carried by a light verb ("launched strikes on X").
    """
    passive = _child(verb, PASS_SUBJ)
    agent = _child(verb, {"agent"})
    if passive is None and (_child(verb, {"auxpass"}) is not None or shares_passive(verb)) \
            and _child(verb, SUBJ) is None:
        # "Turkey is an ally ... and has been accused of", "X sued after *being forced* to
        # sell": the shared subject is passive here, the one done to
        passive = _shared_passive_subject(verb, agent)
    sources: list[Span] = []
    targets: list[Span] = []
    if passive is not None:
        agent = agent or _stray_agent(verb)
        if agent is not None:
            doer = _pobj(agent)  # "attacked by *Syrian jets*": the weapon's own side
            sources = noun_arguments(doc, doer)[0] if doer is not None and is_eventive(doer) \
                else actors_at(doc, doer)
        elif verb.lemma_.lower() in word_set(doc, "move"):
            sources = _backer(doc, passive)  # "Turkish-backed fighters were flown out"
        if not content_object and (noun is None or passive.i != noun.i):
            targets = actors_at(doc, passive) or first_in_phrase(doc, passive)
            if passive.i == verb.head.i:  # "the convoy being attacked *by X*": X is no target
                targets = [t for t in targets
                           if not verb.left_edge.i <= t.start <= verb.right_edge.i]
        if not sources and verb.dep_ == "xcomp" and _child(verb.head, {"auxpass"} | PASS_SUBJ):
            # "X was forced to retreat by Y" (not "X has yet to be punished": X is punished)
            sources = actors_at(doc, subject(verb.head)) if verb.head.i != verb.i else []
    else:
        subj = subject(verb)
        eventive = subj is not None and is_eventive(subj)
        # "a car bomb *in Baghdad* killed", "the attack *on the embassy* killed": an event or
        # a weapon as subject acts for whoever its own phrase names as doing it, no one else
        sources = noun_arguments(doc, subj)[0] if eventive else actors_at(doc, subj)
        if not sources and subj is not None and subj.dep_ == "poss" and subj.pos_ == "PRON":
            owner = _owner(doc, subj)  # "*her* plans to plead": as for an event noun
            sources = [owner] if owner is not None else []
        # "the *Benghazi* attack killed ...": a place naming where the subject happened acts not
        places = [m for m in sources if m.root.dep_ == "compound" and m.root.head.i == (
            subj.i if subj is not None else -1) and _literal_place(doc, m)]
        sources = [m for m in sources if m not in places]
        if not sources and subj is not None and not places and not eventive:
            # "thousands of workers affiliated with X union"
            sources = first_in_phrase(doc, subj)
        if subj is not None and verb.dep_ in {"relcl", "acl"} and subj.i == verb.head.i:
            # "those of us *who stood by Israel*", "signs *urging X to resign*": the modifying
            # clause's own actors are its arguments, not the noun it describes
            sources = [m for m in sources if not verb.left_edge.i <= m.start <= verb.right_edge.i]
        if sources and subj is not None and subj.head.i == verb.i:
            sources += _split_list(doc, verb, subj, sources, SUBJ)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "fighters sent by Ankara"
            targets = [] if content_object else actors_at(doc, verb.head)
    moves = verb.lemma_.lower() in word_set(doc, "move")  # the object is what is moved
    dative = _child(verb, {"dative"})
    if not targets and dative is not None and dative.pos_ in {"NOUN", "PROPN"}:
        # "offered *the prime minister* a meeting", "gave *Kenya* $5 million": the one given to
        targets = actors_at(doc, dative) or first_in_phrase(doc, dative)
    if not targets:
        obj = _child(verb, {"dobj"})
        if obj is not None and (noun is None or obj.i != noun.i) and not content_object \
                and not moves:
            if obj.lower_ in RECIPROCAL or obj.lower_ in {"each", "one"} and any(
                    c.lower_ in RECIPROCAL for c in obj.children):
                targets = list(sources)  # "accused each other" (not "pressured *other* Democrats")
            else:
                targets = actors_at(doc, obj) or [
                    m for m in first_in_phrase(doc, obj) if not _topic(m, obj)]
    if not targets:
        preps = TARGET_PREPS - ALLY_PREPS if is_purpose_of_move(verb) else TARGET_PREPS
        obj = _child(verb, {"dobj"})
        if obj is not None and obj.lemma_.lower() in INFORMATION_NOUNS:
            preps = preps - TOPIC_PREPS  # "promised dirt *on X*": what it is about
        targets = _prep_targets(doc, verb, preps)
    if not targets:  # "called for *Maduro* to resign": the one asked is the clause's subject
        asked = next((_child(c, {"nsubj"}) for c in verb.children
                      if c.dep_ in {"advcl", "ccomp", "xcomp"} and any(
                          m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
        targets = actors_at(doc, asked)
    if not targets and moves:
        targets = purpose_side(doc, verb)
    if not targets:
        for holder in (noun, _child(verb, {"dobj"}), passive):  # "evidence *against X* was"
            if holder is not None:
                # (not the topic of a thing given or told: "promised dirt *on X*")
                preps = NOUN_TARGET_PREPS if holder is noun or is_eventive(holder) \
                    else NOUN_TARGET_PREPS - TOPIC_PREPS
                targets = _prep_targets(doc, holder, preps)
                if targets:
                    break
    if passive is not None and targets and passive.head.i == verb.i and all(
            passive.left_edge.i <= t.start <= passive.right_edge.i for t in targets):
        targets += _split_list(doc, verb, passive, targets, PASS_SUBJ)  # "sanctions on A, B and C"
    return sources, targets


# Prepositions whose object, after a noun naming no event, is what it is about ("dirt *on*
# X", "details *about* X"): the topic, not the party the verb's act is done to.
TOPIC_PREPS = {"on", "about", "regarding", "concerning"}
# What is given or told, whose "on X" the parser may hang on the verb: a topic even there.
INFORMATION_NOUNS = data.word_list("document_nouns") | {
    "dirt", "information", "detail", "details", "intelligence", "data", "evidence", "file",
    "files", "record", "records", "briefing", "update", "research", "material", "materials"}


def _topic(span: Span, obj: Token) -> bool:
    """Whether ``span`` is named in a topic phrase of the object ``obj`` ("promised dirt *on
    X*" is promised to someone else; but "imposed sanctions *on X*": an event noun's party)."""
    if is_eventive(obj):
        return False
    tok = span.root
    for _ in range(MAX_HOPS):
        if tok.head.i == tok.i or tok.i == obj.i:
            return False
        if tok.dep_ == "prep" and tok.head.i == obj.i:
            return tok.lower_ in TOPIC_PREPS
        tok = tok.head
    return False


# Third-person possessives, with the subject pronouns of the same person.
_OWNER_OF = {"his": {"he"}, "her": {"she"}, "its": {"it"}, "their": {"they"}}


def _stray_agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive that the parser hung on a noun of its complement, when it
    ends the clause: "was invited to speak at a session of the council *by Governor X*" (not
    the agent of an event noun, "attacks *by X*", nor of a participle, "a session *disrupted
    by X*", which are their own)."""
    last = verb.right_edge
    while last.is_punct and last.i > verb.i:
        last = last.nbor(-1)
    for tok in (last, *last.ancestors):
        if tok.i <= verb.i:
            return None
        if tok.lower_ == "by" and tok.dep_ == "prep" and tok.head.pos_ == "NOUN" \
                and not is_eventive(tok.head) and tok.right_edge.i == last.i:
            return tok if _in_complement(tok.head, verb) else None
    return None


def _in_complement(noun: Token, verb: Token, hops: int = 8) -> bool:
    """Whether only prepositional phrases and the verb's own complement lie between ``noun``
    and ``verb`` (no clause of its own that a "by" phrase might belong to)."""
    tok = noun
    for _ in range(hops):
        if tok.head.i == verb.i:
            return tok.dep_ in {"xcomp", "prep", "dobj"}
        if tok.dep_ not in {"pobj", "prep", "xcomp"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def object_owner(doc: Doc, verb: Token) -> list[Span]:
    """Whose the direct object is when a pronoun says so: "criticized *his* position" is aimed
    at him (resolved as the actors component resolves possessives). For reactions to a
    stance or a deed, whose owner is their target."""
    obj = _child(verb, {"dobj"})
    poss = _child(obj, {"poss"}) if obj is not None else None
    if obj is None or poss is None or poss.lower_ not in _OWNER_OF or obj.lemma_.lower() in KIN:
        return []  # ("criticized *his* wife": someone else; "*our* principles": the speaker's)
    subj = subject(verb)
    if subj is not None and subj.lower_ in _OWNER_OF[poss.lower_]:
        return []  # "*she* waived *her* right": her own
    owner = _owner(doc, poss)
    return [owner] if owner is not None else []


def unnamed_addressee(verb: Token) -> bool:
    """"urged *states* to allow more armed officers": the one asked is the object, whether or
    not it names an actor, and the actors of what it is asked to do are not the target."""
    obj = _child(verb, {"dobj"})
    return obj is not None and obj.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ in {"xcomp", "ccomp", "advcl"} and c.i > obj.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children)


def _shared_passive_subject(verb: Token, agent: Token | None) -> Token | None:
    """Who undergoes a passive verb with no subject of its own: a conjunct's shared subject,
    the noun a passive participle describes ("the convoy *being attacked* by X": the convoy,
    never the agent X), else the subject the verb shares (:func:`subject`), unless that is
    only its own agent."""
    if verb.dep_ == "conj":
        return _child(verb.head, SUBJ | PASS_SUBJ)
    if verb.dep_ == "acl" and verb.head.i != verb.i:
        return verb.head
    shared = subject(verb)
    if agent is not None and shared is not None and shared.head.i == agent.i:
        return None
    return shared


def _split_list(doc: Doc, verb: Token, subj: Token, found: list[Span], deps: set[str]
                ) -> list[Span]:
    """The rest of a subject list the parser split into a second subject: in "leaders of A,
    B and C called" ("sanctions on A, B and C were lifted"), B comes out as another subject
    of the verb; its actors join those ``found`` in the first subject."""
    out: list[Span] = []
    for other in verb.children:
        if other.dep_ in deps and other.i > subj.right_edge.i and other.i < verb.i \
                and doc[other.i - 1].is_punct and doc[other.i - 2].i == subj.right_edge.i:
            out += [m for m in actors_at(doc, other)
                    if all(m.start != s.start for s in found + out)]
    return out


def _backer(doc: Doc, moved: Token) -> list[Span]:
    """Who stands behind people moved in the passive with no agent: "*Turkish*-backed
    fighters", "fighters, who were recruited *by Turkey*"."""
    of = next((c for c in moved.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = _pobj(of) if of is not None and moved.pos_ in {"NOUN", "NUM"} else None
    for child in [*moved.children, *(counted.children if counted is not None else ())]:
        if child.dep_ == "amod" and child.tag_ == "VBN":
            found = actors_at(doc, _child(child, {"npadvmod", "compound", "nmod"}), depth=0)
            if found:
                return found
        if child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in word_set(doc, "move"):
            agent = _child(child, {"agent"})
            if agent is not None:
                found = actors_at(doc, _pobj(agent))
                if found:
                    return found
    return []


def complement_target(doc: Doc, verb: Token, sources: list[Span]) -> list[Span]:
    """Target of "threatened to cut ties *with X*", "demanded that *X* withdraw"."""
    doers = {m._.actor_id for m in sources}
    for comp in verb.children:
        if comp.dep_ == "prep" and comp.lower_ in {"of", "for", "on", "against"}:
            comp = next((c for c in comp.children if c.dep_ in {"pcomp", "pobj"}), comp)
        if comp.dep_ not in {"xcomp", "ccomp", "pcomp", "pobj", "advcl"}:
            continue
        candidates = []
        if comp.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in comp.children):
            comp_subject = _child(comp, SUBJ | PASS_SUBJ)  # "... unless Israel rescinds"
            found = _first_other([actors_at(doc, comp_subject)], doers)
            if found:
                return found
            continue
        for sub in comp.children:  # "threatened to use jets *if Armenia attacked*"
            if sub.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in sub.children):
                candidates.append(actors_at(doc, _child(sub, SUBJ | PASS_SUBJ)))
        if comp.dep_ == "ccomp":
            candidates.append(actors_at(doc, _child(comp, SUBJ | PASS_SUBJ)))
            if any(m.dep_ == "mark" and m.lower_ in {"whether", "if"} for m in comp.children):
                # "probing *whether* the campaign coordinated with X": whoever is suspected,
                # not the other party of what is suspected
                found = _first_other(candidates[-1:], doers)
                if found:
                    return found
                continue
        candidates.extend(_act_parties(doc, comp))
        found = _first_other(candidates, doers)
        if found:
            return found
    return []


def _first_other(candidates: Iterable[list[Span]], doers: set[str]) -> list[Span]:
    """The first list of candidates that names someone besides ``doers``, without them."""
    for found in candidates:
        found = [m for m in found if m._.actor_id not in doers]
        if found:
            return found
    return []


def _act_parties(doc: Doc, act: Token) -> list[list[Span]]:
    """Who an act named in a complement is done to, in order of preference: its object or
    its "to/on/against" phrase, then its object's ("to cut *ties with X*")."""
    if act.lemma_.lower() in word_set(doc, "move"):
        # "refused to deploy peacekeepers *in Iraq*": what is moved is no target
        out = [_prep_targets(doc, act, TARGET_PREPS | {"in"})]
    else:
        out = [actors_at(doc, _child(act, {"dobj", "dative"})),
               _prep_targets(doc, act, TARGET_PREPS)]
    obj = _child(act, {"dobj"})
    if obj is not None:
        out.append(_prep_targets(doc, obj, NOUN_TARGET_PREPS))
    return out


def infinitive_target(doc: Doc, act: Token, sources: list[Span]) -> list[Span]:
    """Whom a threat or an offer named by a noun is aimed at: the party of the act its
    infinitive names ("Trump's threat to impose tariffs *on China*"), not its doers."""
    return _first_other(_act_parties(doc, act), {m._.actor_id for m in sources})


# What a complaint or protest is about: its target, rather than the audience of "to".
GRIEVANCE_PREPS = {"over", "about", "against"}


def grievance_target(doc: Doc, verb: Token, sources: list[Span]) -> list[Span]:
    """Who a complaint is about: "complained to the UN *over Israeli air raids*" is coded
    against Israel (the UN only hears it); "(staged a strike) *in protest against* abuses
    *by* the police" against the doers of what is protested."""
    doers = {m._.actor_id for m in sources}
    heads = [verb] + [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                      for p in [_pobj(c)] if p is not None and p.lemma_.lower() in _GRIEVANCE_NOUNS]
    objs = [c for c in verb.children if c.dep_ == "dobj"]  # "stopped *work* over X"
    for head in heads + objs:
        # "in defiance *of* X", "in protest *at* X": the noun's own preposition names X
        preps = GRIEVANCE_PREPS if head is verb or head in objs else \
            GRIEVANCE_PREPS | {"of", "at", "to"}
        for child in head.children:
            pobj = _pobj(child) if child.dep_ == "prep" and child.lower_ in preps else None
            if pobj is None:
                continue
            found = actors_at(doc, pobj) or _agent_of(doc, pobj)
            found = [m for m in found if m._.actor_id not in doers]
            if found:
                return found
    return []


_GRIEVANCE_NOUNS = {"protest", "response", "retaliation", "reaction", "opposition", "defiance"}


def _agent_of(doc: Doc, noun: Token) -> list[Span]:
    """The doer named with "by" after a noun ("violations *by* the army", "a bill *signed
    by* the minister")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return actors_at(doc, _pobj(child))
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = _child(child, {"agent"})
            if agent is not None:
                return actors_at(doc, _pobj(agent))
    return []


def _prep_targets(doc: Doc, head: Token, preps: set[str]) -> list[Span]:
    for child in head.children:
        if child.dep_ == "dative" and child.pos_ != "ADP":  # "gave Armenia aid"
            found = actors_at(doc, child)
            if found:
                return found
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            pobj = _pobj(child)
            if pobj is not None:
                # ("*on CNN*, X called on Y": the medium is where it was said, read on)
                found = [m for m in actors_at(doc, pobj) if not is_medium(doc, m)]
                if found:
                    return with_list(doc, found[0]) + [m for m in found[1:] if all(
                        m.start != o.start for o in with_list(doc, found[0]))]
    return []


def noun_arguments(doc: Doc, noun: Token, given: bool = False) -> tuple[list[Span], list[Span]]:
    """(sources, targets) of a nominal trigger ("Azerbaijan's shelling of Stepanakert").

    With ``given`` the noun names something one side gives or says to another ("support,
    criticism, aid *from X*"): X, when it can act (not a town named as where), is the source;
    otherwise "from" names where (a withdrawal *from X*) and is left to the callers.
    """
    sources: list[Span] = []
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    doers = [m for m in actors_at(doc, _pobj(by)) if not _literal_place(doc, m)] \
        if by is not None and _pobj(by) is not None else []
    undergoer: list[Span] = []
    for child in noun.children:
        if child.dep_ == "poss" and doers:
            # "Romney's endorsement *by McCain*": the agent acts, the possessor undergoes it
            undergoer = actors_at(doc, child, depth=0)
            continue
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            sources = actors_at(doc, child, depth=0)
            if child.dep_ == "compound":
                # "the *Newtown* shooting": a one-word name the linker only guessed at, in
                # front of an event noun, says where it happened, not who did it
                sources = [m for m in sources if not (m._.link == "provisional" and len(m) == 1)
                           and not _literal_place(doc, m)]  # "the *Libya* attack": where
            if not sources and child.dep_ == "poss" and child.pos_ == "PRON":
                owner = _owner(doc, child)  # "*his* refusal", "*my* visit"
                sources = [owner] if owner is not None else []
            if sources:
                break
        if child.dep_ == "prep" and (child.lower_ == "by" or given and child.lower_ == "from"):
            pobj = _pobj(child)
            sources = actors_at(doc, pobj) if pobj is not None else []
            sources = [m for m in sources if not _literal_place(doc, m)]
            if sources:
                break
    forces = word_set(doc, "force")
    if not sources:  # "the deployment/withdrawal *of Israeli troops*": the forces' side acts
        for child in noun.children:
            pobj = _pobj(child) if child.dep_ == "prep" and child.lower_ == "of" else None
            if pobj is not None and pobj.lemma_.lower() in forces:
                sources = actors_at(doc, pobj)
                break
    between = _prep_targets(doc, noun, {"between"})
    if not sources:  # "talks *between A and B*": both sides act, each on the other
        sources, between = between, []
    preps = NOUN_TARGET_PREPS - {"of"} if sources and not _has_poss(noun) else NOUN_TARGET_PREPS
    targets = undergoer or _prep_targets(doc, noun, preps) or between
    # ("X's mediation *between A and B*": its targets)
    targets = [t for t in targets if all(t.start != s.start for s in sources)]
    return sources, targets


def _literal_place(doc: Doc, span: Span) -> bool:
    """Whether the places component reads ``span`` as a city, district or landmark named as
    where ("in Benghazi") or as a modifier ("the *Benghazi* attack"), not as a government
    standing for it. A country or region modifier may be a party ("the *Iran* deal",
    "*Idaho* officials")."""
    return any(p.start <= span.start < p.end and (p._.data or {}).get("role") in {
        "literal", "modifier"} and (p._.data or {}).get("feature") in _TOWNS
        for p in doc.spans.get("rashomon_places", []))


_TOWNS = {"city", "district", "landmark"}  # place features that never stand for a government


def _owner(doc: Doc, pron: Token) -> Span | None:
    """Who a possessive pronoun before an event noun names: his/her/its/their through the
    actors component; my/our the speaker of the report verb around it, else the subject of
    its sentence's main clause."""
    found = resolve_possessive(doc, pron) or _reporter(doc, pron)
    if found is not None or pron.lower_ not in {"my", "our"}:
        return found
    root = pron.sent.root
    subj = _child(root, SUBJ)
    return next(iter(actors_at(doc, subj, depth=1)), None) if subj is not None else None


def _has_poss(noun: Token) -> bool:
    return any(c.dep_ in {"poss", "compound", "amod", "nmod"} for c in noun.children)


LOCATIVE = {"in", "near", "at", "outside", "around", "across", "inside", "on", "into", "from",
            "throughout", "along", "within", "over", "toward", "towards"}


def is_locative(span: Span, trigger: Token) -> bool:
    """Whether a place span is where something happens ("in X", "shelled X"), not an adjective."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return True
    return root.dep_ in {"dobj", "nsubjpass", "conj", "appos"} and root.head.i == trigger.i


# clauses of their own: a date or place inside one tells when or where its own verb happened;
# a modifier clause counts when it has a subject of its own ("after he was charged last
# month"), not a participle that shares the main clause's time ("speaking in X", "a tweet
# posted later Sunday"), nor one that sets its scene ("shot him while he was in X")
_OWN_CLAUSES = frozenset({"relcl", "ccomp", "csubj"})
_MODIFIER_CLAUSES = frozenset({"advcl", "acl"})
_MEANWHILE = frozenset({"while", "as", "when", "where"})
CLAUSE_HOPS = 12  # heads walked up from a date or place (a parse of a huge sentence is deep)


def _in_other_clause(span: Span, trigger: Token) -> bool:
    """Whether the span sits in a clause of its own that does not hold the trigger ("X, who was
    charged *last month*, attended the meeting": last month is the charge's date)."""
    for hops, anc in enumerate(span.root.ancestors):
        if anc.i == trigger.i or hops >= CLAUSE_HOPS:
            return False
        own = anc.dep_ in _OWN_CLAUSES or (anc.dep_ in _MODIFIER_CLAUSES and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in anc.children) and not any(
            c.dep_ == "mark" and c.lower_ in _MEANWHILE for c in anc.children))
        if own and not anc.left_edge.i <= trigger.i <= anc.right_edge.i:
            return True
    return False


PLACE_NOUNS = data.word_list("place_nouns")  # lexicons/word_lists.tsv


def event_place(places: list[Span], trigger: Token, sent: Span, argument_tokens: set[int],
                mentions: set[tuple[int, int]]) -> Span | None:
    """Where the trigger's event happened: of the sentence's places inside the trigger's
    phrase or in a locative phrase of it, not one of its parties, and not an actor unless
    it is a preposition's object ("in Osk"; not "Osk's envoy"), the one attached to its
    clause, else the nearest (:func:`nearest_in_sentence`). The most specific place of "the
    Valdoran town of Osk" is Osk."""
    subtree = range(trigger.left_edge.i, trigger.right_edge.i + 1)
    fits = [p for p in places
            if (p.start in subtree or is_locative(p, trigger))
            and not argument_tokens.intersection(range(p.start, p.end))
            and ((p.start, p.end) not in mentions or p.root.dep_ == "pobj")]
    named = {p.root.i for p in fits}
    fits = [p for p in fits if not _outer_of(p, named)]
    return nearest_in_sentence(fits, trigger, sent)


def _outer_of(place: Span, named: set[int]) -> bool:
    """"The West Bank town of Ramallah": the outer place modifies a place noun whose "of"
    names another place of the sentence."""
    head = place.root.head
    if place.root.dep_ not in ("compound", "amod", "nmod") or head.lemma_.lower() not in PLACE_NOUNS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.i in named for g in c.children)
               for c in head.children)


def nearest_in_sentence(spans: list[Span], trigger: Token, sent: Span) -> Span | None:
    """The span of ``spans`` in ``sent`` attached to the trigger's clause, else the closest
    one outside the clauses of its own that do not hold the trigger."""
    inside = [s for s in spans if sent.start <= s.start and s.end <= sent.end]
    if len(inside) > 8:  # very long sentences: only look near the trigger
        inside = sorted(inside, key=lambda s: abs(s.start - trigger.i))[:8]
    inside = [s for s in inside if not _in_other_clause(s, trigger)]
    if not inside:
        return None
    for span in inside:  # "on Sunday", "in Stepanakert" hanging off the trigger
        head = span.root.head
        for _ in range(3):
            if head.i == trigger.i:
                return span
            if head.head.i == head.i:
                break
            head = head.head
    return min(inside, key=lambda s: abs(s.start - trigger.i))


def phrase_target(doc: Doc, trigger: Token, sources: list[Span], hops: int = 5,
                  content: bool = False, verbal: bool = False) -> list[Span]:
    """The first actor inside the trigger's own object and prepositional phrases, after it,
    else in its passive subject. With ``content`` the object says what was done ("joined
    *forces*"), and is no target. With ``verbal`` (an act in words) a phrase of when or amid
    what it was done names no party ("endorsed the plan *during a dinner at the White House*";
    but stones thrown "during protests *against X*" are thrown at X).

    The fallback when the patterns above find no target ("lifted a curfew *in Montenegro*",
    "granted asylum to five *Panamanian* army officers"), as one-event coders take the first
    actor of the verb phrase. Clauses of their own (advcl, ccomp, relcl) are not searched.
    """
    ordered = doc.user_data.get(_ORDERED)
    if not ordered:
        return []
    doers = {m._.actor_id for m in sources}
    ally = is_purpose_of_move(trigger)
    moves = trigger.lemma_.lower() in word_set(doc, "move")
    lo = _first_after(ordered, trigger.i + 1)
    right = trigger.right_edge.i
    for span in ordered[lo:lo + 12]:
        if span.start > right:
            break
        if span._.actor_id in doers or span._.actor_id is None or is_origin(span) \
                or is_medium(doc, span) or _kin_owner(span) or _attribute(doc, span):
            continue
        if ally and span.root.dep_ == "pobj" and span.root.head.lower_ in ALLY_PREPS:
            continue  # "sent X to fight *with C*": C is the side, not the enemy
        if (moves or content) and span.root.head.i == trigger.i \
                and span.root.dep_ in {"dobj"} | PASS_SUBJ:
            continue  # "dispatched mercenaries from X": what is moved is no target
        head = span.root
        for _ in range(hops):
            if head.dep_ not in _ARG_PATH or head.head.i == head.i or is_instrument(head):
                break  # "use Turkish F-16 jets": the jets' maker is no target
            if head.dep_ == "pobj" and (head.head.lower_ in TIME_PREPS or (
                    verbal and head.head.lower_ in CIRCUMSTANCE_PREPS)):
                break  # "*under* Presidents X and Y": when, not whom
            if head.dep_ == "conj" and head.pos_ in {"VERB", "AUX"} and not _dangling(
                    doc[trigger.i:head.left_edge.i]):
                # "traveled to Ohio and *criticized X*": a clause of its own (but "established
                # ties with and opened an embassy in X" shares X)
                break
            head = head.head
            if head.i == trigger.i:
                return with_list(doc, span)
    passive = _child(trigger, PASS_SUBJ)
    if passive is not None and not moves:
        # the passive subject is the object: "the *Chinese* envoy was expelled (by X)"
        return [m for m in actors_at(doc, passive) or first_in_phrase(doc, passive)
                if m._.actor_id not in doers]
    return []


def _dangling(span: Span) -> bool:
    """Whether a preposition in ``span`` has no object ("ties *with* and ...")."""
    return any(t.dep_ == "prep" and not any(c.dep_ in {"pobj", "pcomp"} for c in t.children)
               for t in span)


def purpose_target(doc: Doc, verb: Token, sources: list[Span], participles: bool = True
                   ) -> list[Span]:
    """The first actor of the clause that says what the event is for, when the event names no
    target of its own: "opened fire *to disperse Islamist demonstrators*", "blocked roads
    *demanding the resignation of the Algerian president*" (coders code the protest or the
    shooting against them). The clause must share the event's subject (no subject of its own).
    Without ``participles`` only a "to"-infinitive counts: the participle beside a spoken act
    says how it was said ("voiced support, *echoing X's view*"), not whom it was for."""
    ordered = doc.user_data.get(_ORDERED)
    if not ordered:
        return []
    doers = {m._.actor_id for m in sources}
    for comp in verb.children:
        if comp.dep_ not in {"advcl", "xcomp"} or comp.pos_ != "VERB" or \
                _child(comp, SUBJ | PASS_SUBJ | {"mark"}) is not None:
            continue
        if (comp.tag_ != "VBG" or not participles) and not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            continue
        lo = _first_after(ordered, comp.left_edge.i)
        for span in ordered[lo:lo + 12]:
            if span.start > comp.right_edge.i:
                break
            if span._.actor_id is None or span._.actor_id in doers or is_origin(span) \
                    or is_instrument(span.root):
                continue
            return [span]
    return []


def withdrawn_from(doc: Doc, verb: Token, sources: list[Span],
                   targets: list[Span]) -> list[Span]:
    """The country a withdrawal leaves ("withdrew its troops *from Lebanon*"): its government
    is the other party, as coders code it. A town, district or region left is no party
    (PLOVER codes RETREAT against the adversary, else none), nor is a country named only
    around it ("from Kalbajar, *a district near X*"), a capital or region standing for a
    government, or the withdrawing side's own country. Only when the event has no target, or
    its target is the withdrawing side's own forces (the moved object, not a party)."""
    actors = doc._.actors or {}

    def country(span: Span) -> str | None:
        return getattr(actors.get(span._.actor_id or ""), "country", None)

    own = {country(m) for m in sources} - {None}
    if targets and not all(country(t) in own for t in targets):
        return []
    left: list[Token] = []  # the places left
    obj = _child(verb, {"dobj"})
    if obj is not None and verb.lemma_.lower() in PLACE_LEFT_VERBS:
        left.append(obj)  # "leave X's territories"
    for holder in (verb, obj):
        if holder is None:
            continue
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ORIGIN_PREPS:
                pobj = _pobj(child)
                if pobj is not None and pobj.lower_ == "of":  # "out of X"
                    pobj = _pobj(pobj)
                if pobj is not None:
                    left.append(pobj)
    for place in left:
        heads = [place, *place.conjuncts]
        heads += [c for h in heads for c in h.children if c.dep_ == "poss"]  # "X's territories"
        found = [m for m in (_mention(doc, h) for h in heads)
                 if m is not None and _country_named(m, actors)
                 and (country(m) not in own or not own)]
        if found:
            return found
    return []


# Withdrawal verbs whose object is the place left ("left X's territories").
PLACE_LEFT_VERBS = frozenset({"leave", "evacuate", "vacate", "quit", "abandon"})


def _country_named(span: Span, actors: Mapping[str, Actor]) -> bool:
    """A country's government named by its own name (not a capital or region standing for it,
    nor a modifier)."""
    actor = actors.get(span._.actor_id or "")
    return actor is not None and actor.kind == "state" and \
        span._.link not in {"metonym", "modifier", "group", "locative"}


def place_target(doc: Doc, trigger: Token, countries: Mapping[str, Actor],
                 sources: list[Span]) -> list[Span]:
    """The country of a place attacked or acted in, when the event names no actor as its
    target: coders code "shelled *Juba*" and "exploded bombs *in Kabul*" as on that country.

    Args:
        countries: ISO 3166-1 alpha-2 code -> the country's actor.
    """
    doers = {m._.actor_id for m in sources}
    subtree = range(trigger.left_edge.i, trigger.right_edge.i + 1)
    for place in doc.spans.get("rashomon_places", []):
        data = place._.data or {}
        if data.get("role") != "literal" or place.start not in subtree or is_origin(place) \
                or not is_locative(place, trigger) and not _object_apposition(place, trigger):
            continue
        actor = countries.get(str(data.get("country") or ""))
        if actor is None or actor.id in doers:
            continue
        span = Span(doc, place.start, place.end, label="ACTOR")
        span._.actor_id = actor.id
        span._.link = "locative"
        actors = dict(doc._.actors or {})
        actors.setdefault(actor.id, actor)
        doc._.actors = actors
        return [span]
    return []


def _object_apposition(place: Span, trigger: Token) -> bool:
    """ "shelled the regional capital *Juba*", "in the capital *Kabul*": a name in apposition
    to the trigger's object or to a locative preposition's object."""
    root = place.root
    if root.dep_ not in {"appos", "compound"}:
        return False
    head = root.head
    return (head.dep_ in {"dobj", "nsubjpass"} and head.head.i == trigger.i) or (
        head.dep_ == "pobj" and head.head.lower_ in LOCATIVE and head.head.head.i == trigger.i)


def _first_after(ordered: list[Span], start: int) -> int:
    lo, hi = 0, len(ordered)
    while lo < hi:
        mid = (lo + hi) // 2
        if ordered[mid].start < start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _same_kind(doc: Doc, a: Span, b: Span) -> bool:
    actors = doc._.actors or {}
    kind = getattr(actors.get(a._.actor_id or ""), "kind", None)
    return kind is not None and kind == getattr(actors.get(b._.actor_id or ""), "kind", None)


def with_list(doc: Doc, span: Span) -> list[Span]:
    """``span`` and the other members of the list it heads ("on *Iran*, Libya and Sudan").

    The parser often hangs the rest of a list ending a phrase on the phrase's head
    ("sanctions on Iran, *Libya* and *Sudan*": Libya a conjunct of "sanctions"); conjuncts of
    that head after ``span`` that name actors of the same kind count as members too."""
    out = [span, *(m for m in actors_at(doc, span.root, 0) if m.start != span.start)]
    root = span.root
    if root.dep_ == "pobj" and root.head.head.i != root.head.i and \
            _indexed(doc, root.head.head) is None:
        kinds = doc._.actors or {}
        kind = getattr(kinds.get(span._.actor_id or ""), "kind", None)
        for c in root.head.head.conjuncts:
            m = _indexed(doc, c)
            if c.i > span.end and m is not None and all(m._.actor_id != o._.actor_id for o in out) \
                    and getattr(kinds.get(m._.actor_id or ""), "kind", None) == kind:
                out.append(m)
    return out


def first_in_phrase(doc: Doc, head: Token) -> list[Span]:
    """The first actor mention inside the phrase headed by ``head`` (its whole subtree), with
    the members of its list ("sanctions on *Iran, Libya and Sudan*"); not inside a relative
    clause of it, whose actors are that clause's own ("the board *that examined the Libya
    attack*": Libya is what was examined; "Democrats, many of whom *criticized X*": not X)."""
    ordered = doc.user_data.get(_ORDERED)
    if not ordered or head.pos_ == "PRON":
        return []
    left, right = head.left_edge.i, head.right_edge.i
    lo = _first_after(ordered, left)
    for span in ordered[lo:lo + 8]:
        if span.start > right:
            break
        if span.end <= right + 1 and span._.actor_id is not None and not is_origin(span) \
                and not _in_relative(span.root, head) and not _other_person(doc, span, head) \
                and not _in_participle(span, head) and not _kin_owner(span) \
                and not _attribute(doc, span):
            return with_list(doc, span)
    return []


def _kin_owner(span: Span) -> bool:
    """Whether ``span`` only names whose relatives they are ("*Brown's* parents")."""
    root = span.root
    return root.dep_ == "poss" and root.head.lemma_.lower() in KIN


def _in_participle(span: Span, head: Token) -> bool:
    """Whether ``span`` is, inside the phrase of ``head``, the agent or the object of a
    participle that describes it or a place that participle happens in ("hackers *angered by*
    the cartoons of X", "the committee *probing* the Benghazi attacks", "the Red Cross
    *operating in* Iraq"), or the backer in a hyphenated modifier ("a *Kremlin*-backed
    lawyer"): the participle's own argument, not who the phrase names (but "workers
    *affiliated with* X union" are X's, and a "*Saudi*-led coalition" is led by them)."""
    tok, prev = span.root, None
    for _ in range(MAX_HOPS):
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "acl" and tok.tag_ in {"VBN", "VBG"} and prev is not None and (
                prev.dep_ in {"agent", "dobj"} or prev.dep_ == "prep" and prev.lower_ in LOCATIVE
                and _placelike(span)):
            return True
        if _backs(tok, prev):
            return True
        prev, tok = tok, tok.head
    return False


def _backs(tok: Token, prev: Token | None) -> bool:
    """Whether ``prev`` is the first part of the hyphenated modifier ``tok`` ("*Kremlin*-backed")."""
    return tok.dep_ == "amod" and tok.lemma_.lower() in BACKING and prev is not None \
        and prev.dep_ in {"npadvmod", "compound"} and prev.i < tok.i and prev.head.i == tok.i


def _attribute(doc: Doc, span: Span) -> bool:
    """Whether ``span`` names someone only in an attribute of the noun it modifies: the backer
    of "a *Kremlin*-backed lawyer", the one served by "a *Clinton* aide"."""
    root = span.root
    return _backs(root.head, root) or _served(doc, span, root.head)


def _other_person(doc: Doc, span: Span, head: Token) -> bool:
    """A person named in a description of a name ("Rahm Emanuel, *Mr. Obama's* former chief
    of staff"): someone else. (An organisation there may be whom the named one acts for.)"""
    actor = (doc._.actors or {}).get(span._.actor_id or "")
    if getattr(actor, "kind", None) != "person" or head.pos_ != "PROPN":
        return False
    tok = span.root
    for _ in range(MAX_HOPS):
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "appos" and tok.head.i == head.i:
            return True
        tok = tok.head
    return False


def _in_relative(tok: Token, head: Token) -> bool:
    """Whether ``tok`` lies in a relative clause inside the phrase of ``head``, other than as
    the subject of one that has the noun as its object ("actions *the president* could
    take": the president's actions)."""
    prev = tok
    for _ in range(MAX_HOPS):
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "relcl" and not (prev.dep_ in SUBJ and prev.head.i == tok.i
                                        and prev.lower_ not in RELATIVE):
            return True
        prev, tok = tok, tok.head
    return False


MAX_HOPS = 12  # steps climbed from a token to the head of its phrase
# Participles of a hyphenated modifier whose first part names a backer, not the one
# modified ("a Kremlin-*backed* lawyer"); "-led" names the leader, who acts through it.
BACKING = {"back", "fund", "finance", "sponsor", "link", "connect", "tie", "align", "support",
           "own", "appoint", "allied", "ally", "affiliate", "friendly"}


def governor_subject(doc: Doc, noun: Token) -> tuple[list[Span], Token | None]:
    """The doer of an event noun that is the object of a verb, or of a preposition hanging
    off one ("their forces completed *their withdrawal*", "X were engaged in *cleansing*",
    "youths threw stones during *demonstrations*"): the verb's subject, and the verb."""
    gov = None
    if noun.dep_ == "dobj":
        gov = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in _DOER_PREPS:
        gov = noun.head.head
    if gov is None or gov.pos_ not in ("VERB", "AUX") or crosses_break(noun, gov):
        return [], None
    passive = _child(gov, PASS_SUBJ)
    if passive is not None and _child(gov, {"agent"}) is None and noun.dep_ == "pobj":
        return actors_at(doc, passive), gov  # "X were engaged in cleansing"
    return actors_at(doc, subject(gov)), gov

