"""Whether an event noun stands for an event of its sentence, or only names a thing.

A noun of the trigger lexicon ("attack", "lawsuit", "proposal", "retreat", "meeting") codes an
event where the sentence tells of the event: the noun has a doer or a party of its own
("*Russia's* attack", "the talks *with Iran*", "protests *against the bill*"), it happens
("the attack *killed* five", "protests *swelled*"; the lexicon's ``@happen`` verbs; a plan or
a pact, ``@proposal`` and ``@pact``, never does: "the proposal could *damage* X"), it is
there or not ("there were six *arrests*", "*no* curfew"), or it dates something ("*after*
the massacre"). A bare one elsewhere names a document, a plan or a matter: "*the suit* does not
seek", "the indictment is expected to be unsealed", "fighting *proposals*", "a *retreat* for
House Democrats"; and a noun that modifies another ("the *attack's* aftermath") is none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from rashomon.nlp.events.args import noun_arguments
from rashomon.nlp.events.find import Found, agentive
from rashomon.nlp.events.lexicon import Lexicon

# Where a bare event noun still stands as an event: a clause or headline of its own, an
# apposition, a predicate ("it was *an attack*", "there were *arrests*").
_OWN = {"ROOT", "appos", "dep", "attr", "oprd"}
# Modifier slots: "the *attack's* victims", "*protest* organizers" (compounds never trigger).
_MODIFIER = {"poss", "nmod", "npadvmod", "amod", "compound"}
# Prepositions whose object dates or explains the clause ("*after* the massacre", "amid
# protests"): the event happened.
_TIME_PREPS = {"amid", "amidst", "after", "following", "during", "despite", "since", "before",
               "until", "over", "in"}
# Prepositions that name a party of the noun's event, linked to an actor or not ("rallies
# *by* the Kifaya group", "talks *between* the two sides", "the lawsuit *against* the county").
_PARTY_PREPS = {"by", "of", "against", "between", "with", "from", "among", "on"}
# Nouns that count or measure what follows "of" ("ten days *of* war games", "a wave *of*
# strikes"): the counted noun stands where the measure does.
_MEASURES = {"series", "wave", "round", "spate", "string", "flurry", "volley", "barrage",
             "number", "lot", "couple", "dozen", "hundred", "thousand", "day", "week", "month",
             "year", "hour", "night", "decade", "minute", "weekend", "season", "campaign"}
# Determiners and verbs of absence: "*no* curfew", "the *lack of* talks".
_NONE = {"no", "any"}
# Types whose nouns need parties who talk: their "of" or "on" phrase names a party only if it
# names someone who can act; else it is what is talked about ("the talk *of the town*", "a
# discussion *of the budget*", "talks *on trade*").
_TALKS = {"CONSULT"}
# Predicate slots: "X became *the talk* of ...", "wants that to be *the conversation*".
_PREDICATE = {"attr", "oprd"}
# Types whose noun, as what something is called ("the vote was *a threat* to democracy", "the
# affair became *the talk* of the town"), names what talk is about or what is feared: no one's
# act unless the noun has a party of its own ("a threat *by the rebels*").
_CALLED = {"CONSULT", "THREATEN"}


def stands_as_event(doc: Doc, f: Found, happen: frozenset[str], lex: Lexicon) -> bool:
    """Whether the nominal event ``f`` tells of an event in its sentence (see the module). A
    talk or a threat with no party of its own as a predicate ("the affair became *the talk*
    of the town", "the vote was *a threat* to democracy") says what is talked about or
    feared, not who met or threatened ("there were *talks*", "the statements are *boycott
    threats*" still tell of talks and threats)."""
    tok = f.token
    slot = tok
    for _ in range(8):  # "protests and *strikes* erupted": the list's place in the clause
        if slot.dep_ == "conj" and slot.head.i != slot.i:
            slot = slot.head
        elif slot.dep_ == "pobj" and slot.head.lower_ == "of" and _measure(slot.head.head):
            slot = slot.head.head  # "launched ten days of *war games*"
        else:
            break
    dep = slot.dep_
    if dep in _MODIFIER:
        return False
    talks = f.row.type in _TALKS
    if _own_party(tok, lex if talks else None):
        return True
    sources, targets = noun_arguments(doc, tok)
    if sources or targets:
        return True
    if f.row.type in _CALLED and dep in _PREDICATE and not _existential(slot) \
            and not _act_named(tok, lex):
        return False
    if dep in _OWN or any(c.dep_ in {"det", "neg"} and c.lower_ in _NONE for c in tok.children):
        return True
    head = slot.head
    if dep in {"nsubj", "nsubjpass", "dobj"}:
        # (a bare plan or pact does not happen: "the proposal *could damage* the state" is
        # what the plan would do, not a proposal made)
        return head.lemma_.lower() in happen and not _plan(tok, lex)
    if dep == "pobj" and head.dep_ == "prep":
        return head.lower_ in _TIME_PREPS and head.head.pos_ in {"VERB", "AUX", "NOUN"}
    return False


def venue(f: Found, proceedings: frozenset[str]) -> bool:
    """Whether the nominal event ``f`` is a suit, a filing or a hearing (``proceedings``, the
    lexicon's ``@proceeding``) named with "in" as where something was said or done ("lied
    under oath *in a federal lawsuit*", "evidence put forth in the lawsuit"), not an event
    told, even inside another event."""
    tok = f.token
    return f.nominal and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
        tok.lemma_.lower() in proceedings


def _own_party(noun: Token, talks: Lexicon | None = None) -> bool:
    """A possessor or a party phrase of the noun's own ("*the group's* rallies", "rallies *by
    X*"), whether or not the actors component named an actor there. For a noun of talks
    (``talks``: the lexicon, to tell who can act) "of" and "on" name a party only if their
    object can act: "talks *of the two leaders*", not "the talk *of the town*"."""
    return any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in _PARTY_PREPS and any(
        p.dep_ == "pobj" and p.pos_ in {"NOUN", "PROPN", "PRON"} and (
            talks is None or c.lower_ not in {"of", "on"} or agentive(p, talks))
        for p in c.children)
        for c in noun.children)


# Word sets of the lexicon that name plans and pacts: things made, which do not happen.
_PLAN_SETS = ("proposal", "pact")


def _plan(noun: Token, lex: Lexicon) -> bool:
    """Whether ``noun`` names a plan, a bill or a pact (``@proposal``, ``@pact``)."""
    lemma = noun.lemma_.lower()
    return any(lemma in lex.sets.get(name, frozenset()) for name in _PLAN_SETS)


def _act_named(noun: Token, lex: Lexicon) -> bool:
    """Whether a compound names the act a threat is of ("*boycott* threats", "a *veto*
    threat"), an event noun of the lexicon: a threat made, not a danger."""
    return any(c.dep_ == "compound" and (c.lemma_.lower(), "N") in lex.triggers
               for c in noun.children)


def _existential(noun: Token) -> bool:
    """ "there were *talks*": the predicate of "there is", which says the event took place."""
    return any(c.dep_ == "expl" for c in noun.head.children)


def _measure(noun: Token) -> bool:
    return noun.pos_ in {"NOUN", "NUM"} and (noun.lemma_.lower() in _MEASURES or any(
        c.dep_ == "nummod" for c in noun.children))
