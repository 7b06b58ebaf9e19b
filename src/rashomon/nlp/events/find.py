"""Find event triggers in a sentence and decide each event's status.

A trigger is a verb or noun in the lexicon whose conditions hold, or a light verb carrying an
event noun ("launched strikes"). Status comes from the path from the trigger up to the sentence
root: the first governing trigger with an ``embed`` effect (accuse → alleged, threaten/agree/
request → hypothetical), report verb (alleged, its subject is the claimant), denial verb
(denied), plus modals, ``if`` clauses, intent verbs, hedges and "according to".
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from rashomon.nlp import frame
from rashomon.nlp.events.lexicon import (
    Lexicon,
    Trigger,
    antecedent,
    infinitives,
    lemma_of,
    objects,
    subjects,
    thing_antecedent,
)
from rashomon.vocab import QUAD_OF_TYPE

# Where a nominal event stands on its own ("clashes erupted", "there was shelling", "amid
# fighting"); elsewhere a noun is an argument ("signed the truce") or background.
_NOUN_KEEP = {"nsubj", "nsubjpass", "ROOT", "attr", "appos", "dep"}
_NOUN_KEEP_PREPS = {"with", "amid", "after", "following", "during", "despite", "in", "since"}
_SUBJECT_SIDE = {"nsubj", "csubj", "expl"}
_CLAUSE_BREAK = {"ccomp", "advcl", "parataxis", "relcl", "acl", "pcomp"}
_REPORTED = {"ccomp", "xcomp", "dobj", "nsubjpass", "parataxis", "pcomp", "advcl"}
# Governors further up than this are not looked for: real clauses nest a few levels deep, and
# a runaway chain of conjuncts (thousands in one "sentence") must not make this quadratic.
MAX_CLIMB = 30
STATUS_RANK = {"asserted": 0, "alleged": 1, "hypothetical": 2, "denied": 3, "negated": 4}


@dataclass
class Found:
    """An event found in a sentence, before it becomes a span and a record."""

    token: Token  # the trigger head (a verb, or the event noun)
    row: Trigger
    noun: Token | None = None  # the event noun when a light verb carries it
    status: str = "asserted"
    claimant: Token | None = None  # head of who alleges / denies
    parent: int | None = None  # token index of the governing trigger
    denies: Found | None = None  # for "X denied the allegation": the event denied
    sources: list[Span] = field(default_factory=list)
    targets: list[Span] = field(default_factory=list)
    mode: str | None = None
    depth: int = 0
    sent: Span | None = None  # the sentence (computing token.sent is slow in long sentences)
    polarity: str = "positive"  # rashomon.nlp.frame
    modality: str = "actual"

    @property
    def nominal(self) -> bool:
        return self.noun is not None and self.noun.i == self.token.i


_BREAKS = "rashomon_events.breaks"  # doc.user_data key: sorted line-break token indices
MENTIONS = "rashomon_events.mentions"  # doc.user_data key: token -> actor mention (args.py)


_TIME_ENTS = {"DATE", "TIME"}


def index_breaks(doc: Doc) -> None:
    """Remember where the line breaks are, once per doc (see :func:`crosses_break`)."""
    doc.user_data[_BREAKS] = [t.i for t in doc if t.is_space and "\n" in t.text]


def crosses_break(a: Token, b: Token) -> bool:
    """Whether a line break lies between two tokens: a head across it is a parse error
    (headlines and bullet lines without a full stop get glued to the next sentence)."""
    lo, hi = sorted((a.i, b.i))
    breaks = a.doc.user_data.get(_BREAKS)
    if breaks is None:
        return any(t.is_space and "\n" in t.text for t in a.doc[lo:hi])
    n = bisect_left(breaks, lo)
    return n < len(breaks) and breaks[n] < hi


_QUOTES = {'"', "“", "”", "'", "‘", "’"}
_NAME_SPAN = 6  # words a quoted name runs to on either side of the trigger


def _quoted_name(tok: Token) -> bool:
    """Whether ``tok`` stands in a short quotation that names the noun right after it (the
    "arrest first, *ask* later" policy, a "*stand* your ground" law): a name, not an act. A
    quotation closed by punctuation ("'We will attack,' he said") is speech."""
    doc = tok.doc
    lo, hi = max(tok.i - _NAME_SPAN, 0), min(tok.i + _NAME_SPAN, len(doc) - 1)
    opening = next((t.i for t in reversed(doc[lo:tok.i]) if t.text in _QUOTES), None)
    closing = next((t.i for t in doc[tok.i + 1:hi + 1] if t.text in _QUOTES), None)
    if opening is None or closing is None or closing + 1 >= len(doc):
        return False
    after = doc[closing + 1]
    return not doc[closing - 1].is_punct and after.pos_ in {"NOUN", "PROPN"} and not any(
        t.is_sent_start for t in doc[opening + 1:closing + 2])


# What a source asks for itself when it will not be named ("officials, who *asked* not to be
# identified", "asked to remain anonymous"): a condition of speaking, no request of anyone.
_ANONYMOUS = {"identify", "name", "quote", "anonymous", "unnamed"}
# Dependents that say what or whom "ask" asks (the rest are times, places, adverbs).
_ASKED = {"dobj", "dative", "xcomp", "ccomp", "advcl", "nsubjpass", "prep", "parataxis"}


def asks_no_one(verb: Token) -> bool:
    """An "ask" that requests nothing of anyone: a question put, with nothing asked for
    ("'Why now?' X *asked*", "X asked." after the quoted question, "*Asked* about it, X
    said"), or a source's own wish not to be named."""
    if lemma_of(verb) != "ask":
        return False
    if _quoted_question(verb):
        return True  # "asked point-blank, 'Is that you?'": a reporter's question
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
            c.dep_ in {"nsubjpass", "xcomp", "ccomp", "dobj"} for c in verb.children):
        return True  # "*Asked* about it, X said", "when asked, X declined": a reporter's question
    if not any(c.dep_ in _ASKED for c in verb.children):
        # a main clause only: "if X *asks*" asks for what the sentence is about
        return verb.dep_ in {"ROOT", "parataxis"}
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False  # "asked the police not to name him": a request of the police
    return any(lemma_of(c) in _ANONYMOUS or any(
        a.dep_ in {"acomp", "oprd"} and lemma_of(a) in _ANONYMOUS for a in c.children)
        for c in infinitives(verb))


# Words a quoted question may stand apart from its "ask" by ("asked *him point-blank*,"), and
# how far; a plea put as a question ("*Could you* send help?") still asks for something.
_QUESTION_GAP = 8
_PLEAS = {"can", "could", "would"}


def _quoted_question(verb: Token) -> bool:
    """Whether ``verb`` puts the question quoted right after it ("asked point-blank, 'Is that
    picture you?'", "the reporter asked: 'Did you send it?'"), whatever the parser made of
    the words between: a question put, no request, unless it is a plea ("'Could you help?'")."""
    doc = verb.doc
    opening = next((t for t in doc[verb.i + 1:verb.i + 1 + _QUESTION_GAP]
                    if t.text in _QUOTES or t.pos_ in {"VERB", "AUX"} or t.is_sent_start), None)
    if opening is None or opening.text not in _QUOTES or opening.is_sent_start:
        return False
    closing = next((t for t in doc[opening.i + 1:opening.i + 60] if t.text in _QUOTES), None)
    if closing is None or closing.i < opening.i + 3 or doc[closing.i - 1].text != "?":
        return False
    first, second = doc[opening.i + 1], doc[opening.i + 2]
    return not (first.lower_ in _PLEAS and second.lower_ == "you")


# Word sets of the lexicon, and words, that name what no one can strike, kill or raid but in
# a figure of speech ("raided the trust *fund*", "could destroy the *plan*"); ``@prospect``
# names what someone hopes for or stands to lose, which no one threatens or helps but in a
# figure of speech either ("threatening his *dream*", "does not help her *case*").
_UNHARMED_SETS = ("claim", "prospect", "publication", "info")
_UNHARMED = {"fund", "money", "budget", "right", "freedom", "reputation", "credibility",
             "chance", "hope", "career", "argument", "case", "image", "brand", "plan",
             "proposal", "bill", "deal", "agreement", "policy", "idea", "theory", "narrative",
             "economy", "recovery", "voice", "tape", "email", "e-mail", "mail", "message",
             "paper", "file"}
# Types whose object is the party they are done to, when the row does not name it: a threat
# or help aimed at a prospect is a figure of speech, as an attack on a fund is.
_AIMED = {"ASSAULT", "THREATEN", "AID"}


def _figurative(verb: Token, row: Trigger, lex: Lexicon) -> bool:
    """Whether an assault, threat or aid verb is aimed at a thing no one can physically harm
    or help ("raided the trust fund", "the ruling could destroy the plan", "an episode
    threatening his dream", "doesn't help his case"): a figure of speech, no event. A row
    that names its objects ("sent *money*") is not read so."""
    if row.type not in _AIMED or row.type != "ASSAULT" and any(
            c.key == "obj" and c.values and not c.negate and c.values != {"*"}
            for c in row.when):
        return False
    objs = [o for o in objects(verb) if o.pos_ == "NOUN"]
    return bool(objs) and all(
        lemma_of(o) in _UNHARMED or any(lemma_of(o) in lex.sets.get(name, frozenset())
                                        for name in _UNHARMED_SETS) for o in objs)


def _thing_threatens(verb: Token, row: Trigger, lex: Lexicon) -> bool:
    """Whether a threat verb's subject is a thing, no one who can act ("the scandal
    *threatens* his career", "an episode *threatening* his hopes", "the dispute threatens
    to sink the plan"): a risk, not a threat (PLOVER's threat is an actor's). A verb of
    saying ("warn") is not read so: a statement or a letter speaks for its author."""
    if row.type != "THREATEN" or any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return False
    if lex.cue(verb, "report") is not None:
        return False  # "an e-mail *warning* them": a message speaks for whoever sent it
    doers = [c for c in verb.children if c.dep_ == "csubj"] or subjects(verb)
    return bool(doers) and all(s.dep_ == "csubj" or _thing(s, lex) for s in doers)


# Pronouns that stand for a thing: as a verb's only object they tell nothing of its class
# ("I did not send *this*"), and no one is let act by them ("allow *it* to happen"; with
# the relative and interrogative ones, ``LET_PRONOUNS``).
THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those"})
LET_PRONOUNS = THING_PRONOUNS | {"which", "what"}
# Word sets of the lexicon that name matters, views, prospects and affairs: what befalls
# people, never someone who acts (documents, which speak for their authors, are not here).
_THING_SETS = ("rule", "claim", "notion", "proceeding", "prospect", "affair")


def _thing_let(verb: Token, row: Trigger, lex: Lexicon) -> bool:
    """Whether a permission with an infinitive lets a thing do something ("would not *allow*
    the incident to distract him", "won't allow this to dominate the race") or is given by
    a thing ("a status that would *allow* you to work"): no concession by or to anyone (a
    row that names what is let happen, "allowed the rally to go ahead", is not read so)."""
    if row.type != "CONCEDE" or not any(c.key == "xcomp" for c in row.when):
        return False
    comps = infinitives(verb)
    if not comps:
        return False
    let = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] or [
        s for c in comps for s in c.children if s.dep_ == "nsubj"]
    if let and all(s.lower_ in LET_PRONOUNS or _made_thing(s, lex) for s in let):
        return True
    # "a status that will *allow* you to work", "such a deal would allow Iran to ...": a thing
    # that makes something possible, no one who concedes it
    givers = [thing_antecedent(antecedent(s)) for s in subjects(verb) if s.dep_ == "nsubj"]
    return bool(givers) and all(_made_thing(s, lex) for s in givers)


def _rule_says(verb: Token, row: Trigger, lex: Lexicon) -> bool:
    """Whether a coercion verb only tells what a law, a deal or a document says ("the
    legislation *prohibits* cities from ...", "the bill *bans* ...", "whether this statement
    will *prevent* him from ..."): its subjects are all made things, not an event noun ("the
    blockade prevented aid" stays), and what a rule says is no one's act."""
    if row.type != "COERCE" or any(c.dep_ in {"nsubjpass", "auxpass", "agent"}
                                   for c in verb.children):
        return False
    givers = [thing_antecedent(antecedent(s)) for s in subjects(verb) if s.dep_ == "nsubj"]
    return bool(givers) and all(
        _made_thing(s, lex) and (lemma_of(s), "N") not in lex.triggers for s in givers)



# Word sets of the lexicon that name things made: documents, rules, pacts, programmes.
_MADE_SETS = ("thing", "publication", "rule", "pact", "proposal")


def _made_thing(tok: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` names a thing, made or befalling (:func:`_thing`, or a document, a
    rule, a pact or a programme of the lexicon: "the *bill*", "a *status*", "the *deal*")."""
    return _thing(tok, lex) or tok.pos_ == "NOUN" and not agentive(tok, lex) and any(
        lemma_of(tok) in lex.sets.get(name, frozenset()) for name in _MADE_SETS)


def _thing(tok: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` (a subject, or who is let do something) names a thing that befalls
    people, no one who acts: an affair, a matter, a prospect or an event noun of the
    lexicon ("the *scandal*", "a side *issue*", "the *attack*"), or "this" or "that"; not
    a word it does not know ("the *cartel*"), which may well be people."""
    if tok.lower_ in {"this", "that"}:
        return True
    if tok.pos_ != "NOUN" or agentive(tok, lex):
        return False
    lemma = lemma_of(tok)
    return matter(tok, lex) or (lemma, "N") in lex.triggers or any(
        lemma in lex.sets.get(name, frozenset()) for name in _THING_SETS)


# Verbs of pledging that also say what is likely ("the race *promises to be* close", "the
# dispute *threatens to become* a crisis"), with the infinitives that make them so.
_LIKELY = {"promise", "threaten"}
_BECOMING = {"be", "become", "prove", "turn", "get", "grow", "remain"}


def _likely(verb: Token) -> bool:
    """Whether a pledge or threat verb only says what is likely ("promises to be close")."""
    return lemma_of(verb) in _LIKELY and any(
        lemma_of(c) in _BECOMING for c in infinitives(verb))


def _optative(verb: Token) -> bool:
    """A wish in the subjunctive ("God *help* us", "God bless America"): a bare verb right
    after a bare singular name, its subject, which would make it take "-s" in a statement,
    with no auxiliary, in a main clause or a quote before its cue. (After "demanded", "asked
    that", "saw", the same form is what is asked for or seen: "demanded Schiff step down".)"""
    if verb.tag_ not in {"VB", "VBP"} or verb.i == 0 or not (
            verb.dep_ == "ROOT" or verb.dep_ == "ccomp" and verb.head.i > verb.i):
        return False
    subj = verb.doc[verb.i - 1]
    return subj.dep_ == "nsubj" and subj.head.i == verb.i and subj.tag_ == "NNP" \
        and not any(subj.children) and not any(
            c.dep_ in {"aux", "auxpass"} or c.dep_ == "nsubj" and c.i != subj.i
            for c in verb.children)


# Possessive pronouns that make a thing the speaker's or the subject's own ("*his* views").
_OWN = frozenset({"his", "her", "their", "its", "my", "our", "your"})
# Prepositions whose object is what "stand by / stand behind" backs.
_BACKED_PREPS = frozenset({"by", "behind"})


def _self_defence(verb: Token, row: Trigger, lex: Lexicon) -> bool:
    """Whether a verb of support backs only its own doer ("defended *himself* against the
    report", "stood by *his* comments", "defends *her* record"): one's own person or
    one's own words, views and acts (a possessive pronoun and a noun of the ``@abstract``
    set) are no one else, and support no party; "defended *Obama's* policy" and "defended
    *his* wife" (no abstract noun) still back someone."""
    if row.type != "SUPPORT":
        return False
    backed = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ in _BACKED_PREPS
        for o in c.children if o.dep_ == "pobj"]
    abstract = lex.sets.get("abstract", frozenset())
    return bool(backed) and all(
        o.lower_.endswith(("self", "selves")) or lemma_of(o) in abstract and any(
            c.dep_ == "poss" and c.lower_ in _OWN for c in o.children) for o in backed)


def ruled_out(verb: Token, row: Trigger | None, lex: Lexicon) -> bool:
    """Whether a verb the lexicon knows is no event in this use, whatever its row (or a
    guess from examples) says: a question put, a source's wish not to be named, what a
    source is not allowed to say, a likelihood, a wish, a figure of speech, a thing that
    threatens, lets or is let do something (see :func:`asks_no_one`,
    :func:`_licensed_speech`, :func:`_likely`, :func:`_optative`, :func:`_figurative`,
    :func:`_thing_threatens`, :func:`_thing_let`, :func:`_rule_says`,
    :func:`_self_defence`)."""
    return asks_no_one(verb) or _licensed_speech(verb) or _likely(verb) or _optative(verb) or (
        row is not None and (_figurative(verb, row, lex) or _thing_threatens(verb, row, lex)
                             or _thing_let(verb, row, lex) or _rule_says(verb, row, lex)
                             or _self_defence(verb, row, lex)))


# Verbs of speaking, and the words of the sourcing formula that license it ("not *authorized*
# to discuss the case", "asked not to be *identified* discussing it").
_SPEAKING = {"discuss", "speak", "talk", "comment"}
_LICENCES = {"authorize", "authorise", "identify", "name", "clear", "empower"}


def _licensed_speech(verb: Token) -> bool:
    """Whether ``verb`` is the speaking of the anonymous-source formula: whether a source may
    discuss something, not talks held ("officials not *authorized to discuss* the case")."""
    head = verb.head
    return lemma_of(verb) in _SPEAKING and head.i != verb.i and \
        verb.dep_ in {"xcomp", "advcl", "ccomp"} and lemma_of(head) in _LICENCES


# Participles that make a preposition with the word before them.
_FIXED_PREPOSITIONS = {("as", "opposed"), ("as", "compared"), ("when", "compared")}


def candidates(sent: Span, lex: Lexicon) -> dict[int, Found]:
    """Trigger tokens of a sentence by token index."""
    found: dict[int, Found] = {}
    carried: set[int] = set()
    for tok in sent:
        if tok.ent_type_ in _TIME_ENTS:
            continue  # "mid-*March*", "*May* 5": a date, not a march
        if tok.dep_ == "amod" and tok.tag_ in {"VBG", "VBN"}:
            continue  # a participle as adjective: "the *opposing* party", "a *captured* agency"
        if _quoted_name(tok):
            continue  # the "arrest first, *ask* later" policy, a "stand your ground" law
        if tok.i > 0 and (tok.doc[tok.i - 1].lower_, tok.lower_) in _FIXED_PREPOSITIONS:
            continue  # "*as opposed* to", "*as compared* with": a preposition, no act
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            row = lex.trigger(tok, "V")
            if lex.cue(tok, "deny") is not None and (row is None or not any(
                    c.key == "obj" and c.values and not c.negate for c in row.when)):
                continue  # "rejected the allegations" is a denial; "denied *permission*" not
            if row is None and lex.cue(tok, "light") is not None:
                for obj in objects(tok):
                    noun_row = lex.trigger(obj, "N")
                    if noun_row is not None:
                        found[tok.i] = Found(tok, noun_row, noun=obj)
                        carried.add(obj.i)
                        break
            elif row is not None and not ruled_out(tok, row, lex):
                found[tok.i] = Found(tok, row)
        elif tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "compound":
            row = lex.trigger(tok, "N")
            if row is not None:
                found[tok.i] = Found(tok, row, noun=tok)
        if tok.pos_ == "VERB" and tok.i not in found:
            demand = _reported_obligation(tok, lex)
            if demand is not None:
                found[tok.i] = Found(tok, demand)
    for tok in sent:
        if tok.i not in found and tok.pos_ == "VERB":
            threat = _own_threat(tok, found, lex)
            if threat is not None:
                found[tok.i] = Found(tok, threat)
    for i in carried:
        found.pop(i, None)
    for i, f in list(found.items()):  # "denied the accusations": the content is denied, below
        tok = f.token
        if tok.dep_ == "conj":
            tok = tok.head
        if f.nominal and tok.dep_ == "dobj" and lex.cue(tok.head, "deny") is not None:
            del found[i]
    # a light verb's noun stands for its event: "staged a strike *in protest*"
    carrier = {f.noun.i: f for f in found.values() if f.noun is not None and f.noun.i != f.token.i}
    for i, f in list(found.items()):
        if not f.nominal:
            continue
        # A noun that is the subject or object of a verbal trigger is its argument; one in a
        # prepositional phrase of it ("discussed ... in a phone call") is its manner.
        tok = f.token
        head = tok.head
        if tok.dep_ == "nsubj" and lex.cue(head, "report") is not None:
            # the filing or report that speaks ("the lawsuit says", "the complaint argues")
            # is who tells, not an event told again
            del found[i]
            continue
        if tok.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        elif tok.dep_ not in {"dobj", "nsubjpass", "nsubj"}:
            continue
        governor = found.get(head.i) or carrier.get(head.i)
        if governor is not None and not governor.nominal:
            del found[i]
    return found


# Verbs of warning and vowing: a warning or a vow of one's own harmful act is a threat
# ("warned it would strike", "vowed that they would retaliate"); a warning of what others
# will do, or of a risk, only informs.
_WARNING_VERBS = {"warn", "caution", "vow", "swear"}
# Modals of what the warner will do.
_WILL = {"will", "would", "shall", "'ll", "'d", "wo"}
# Types whose act, announced as one's own, threatens: the material conflicts and a rejection
# ("warned it would veto the bill").
_THREATENED_TYPES = {t for t, quad in QUAD_OF_TYPE.items() if quad == 4} | {"REJECT"}
_OWN_PRONOUNS = {"i", "we", "he", "she", "it", "they"}


def _own_threat(verb: Token, found: dict[int, Found], lex: Lexicon) -> Trigger | None:
    """ "X warned (that) it would strike": a warning or a vow whose clause says its maker (a
    personal pronoun) will do a harmful act the lexicon codes (an event of
    ``_THREATENED_TYPES`` in ``found``) is a threat by X, with that act as its hypothetical
    content (PLOVER's THREATEN: the threat is the event, not the act threatened)."""
    if lemma_of(verb) not in _WARNING_VERBS or not subjects(verb):
        return None
    for comp in verb.children:
        if comp.dep_ != "ccomp" or comp.i not in found \
                or found[comp.i].row.type not in _THREATENED_TYPES:
            continue
        subj = next((c for c in comp.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.lower_ in _OWN_PRONOUNS and any(
                c.dep_ == "aux" and c.lower_ in _WILL for c in comp.children):
            return Trigger(lemma_of(verb), "V", "THREATEN", None, (), "hypothetical")
    return None


# Entity classes and word sets of the lexicon that name someone who can act.
_AGENT_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_AGENT_SETS = ("person", "politician", "protester", "force", "opiner", "group", "body")
# Endings of plural nouns for people by what they do ("providers", "regulators", "activists").
_DOERS = ("er", "or", "ist", "ian", "ant", "ent")


def agentive(tok: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` (a subject) names someone who can act: a name, a pronoun, an
    actor mention or group noun of the events' index, a word of the lexicon for people or
    bodies ("the governor", "police", "the committee") or a plural of doers ("providers");
    not a thing ("the stadium", "its development", "federal law")."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in _AGENT_ENTS:
        return True
    if tok.pos_ == "PRON":  # ("it" is often a country or a company: "X said *it* will ...")
        return tok.lower_ not in {"this", "that", "what", "which"}
    if tok.i in tok.doc.user_data.get(MENTIONS, {}):
        return True
    lemma = lemma_of(tok)
    if tok.tag_ == "NNS" and lemma.endswith(_DOERS):
        return True
    return any(lemma in lex.sets.get(name, frozenset()) for name in _AGENT_SETS)


# Word sets of the lexicon that name matters, rules and views: no one who acts.
_MATTER_SETS = ("rule", "claim")


def matter(tok: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` (a subject) names a matter, a rule or a view, no one who could act
    ("federal *law* prohibits it", "the *issue* raised doubts")."""
    if tok.pos_ != "NOUN":
        return False
    lemma = lemma_of(tok)
    return lemma in _MATTERS or any(lemma in lex.sets.get(name, frozenset())
                                    for name in _MATTER_SETS)


# Verbs that say nothing of what happened: a clause headed by one codes no event by itself.
_EMPTY_VERBS = {"be", "have", "do", "become", "seem", "appear", "get", "make", "take", "go",
                "come", "include", "remain", "continue", "begin", "start", "need"}
# Subjects that name a question, not an actor ("X said *the issue* must be decided by ..."):
# what must happen to one is an opinion, not a demand on anyone.
_MATTERS = {"matter", "issue", "question", "case", "problem", "decision", "choice", "debate",
            "answer", "outcome", "dispute", "thing", "it", "this", "that"}
# Verbs of attempting: what the sentence reports is the act tried ("tried *to link* X to Y").
_ATTEMPTS = {"try", "attempt"}


def main_predicate(sent: Span, lex: Lexicon) -> Token | None:
    """The verb that says what the sentence reports: its root, or the complement of a report,
    intent or attempt verb ("X said it *would hand over*", "X plans to *visit*", "X tried *to
    link*"), also of an intent adjective after "be" ("X said it was ready *to join*")."""
    verb = sent.root
    for _ in range(3):
        adjective = next((c for c in verb.children if c.dep_ == "acomp"
                          and lex.cue(c, "intent") is not None), None) \
            if lemma_of(verb) == "be" else None
        if adjective is not None:
            verb = adjective  # "was *ready* to join": the adjective's infinitive is the act
        elif lex.cue(verb, "report") is None and lex.cue(verb, "intent") is None \
                and lemma_of(verb) not in _ATTEMPTS:
            break
        comp = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}), None)
        if comp is None:
            return None  # plain speech is a quote, not an event
        verb = comp
    if verb.pos_ != "VERB" or lemma_of(verb) in _EMPTY_VERBS or any(
            lex.cue(verb, kind) is not None for kind in ("deny", "light", "modal", "hedge")):
        return None
    return verb


def _reported_obligation(tok: Token, lex: Lexicon) -> Trigger | None:
    """"X said Y must withdraw": a report verb whose complement says what another must do."""
    if lex.cue(tok, "report") is None:
        return None
    for comp in tok.children:
        if comp.dep_ != "ccomp" or not any(
            c.dep_ == "aux" and lex.cue(c, "obligation") is not None for c in comp.children
        ) or any(c.dep_ == "aux" and lemma_of(c) == "have" for c in comp.children):
            continue  # (not "X said Y should *have* acted": a reproach of the past)
        subj = next((c for c in comp.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None or subj.pos_ == "PRON":  # "we must ...": a pledge, not a demand
            continue
        if lemma_of(subj) in _MATTERS or lemma_of(subj) in lex.sets.get("thing", frozenset()):
            continue  # "the dispute should be settled by voters": a view, no one's task
        if not agentive(subj, lex) or lemma_of(comp) == "be":
            # "X said the stadium should be built elsewhere", "... parents should be the ones
            # in charge": what should become of a thing, or what someone should be, is a view
            continue
        return Trigger(lemma_of(tok), "V", "REQUEST", None, (), "hypothetical")
    return None


def _claimant_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in {"nsubj", "csubj"}:
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _according_to(tok: Token) -> Token | None:
    for c in tok.children:
        if c.lower_ == "according" and c.dep_ == "prep":
            to = next((p for p in c.children if p.lower_ == "to"), None)
            if to is not None:
                return next((p for p in to.children if p.dep_ == "pobj"), None)
    return None


def assign_status(f: Found, found: dict[int, Found], lex: Lexicon) -> None:
    """Set ``status``, ``claimant``, ``parent`` and ``depth`` of ``f`` from its governors."""
    hypothetical = False
    alleged = False
    claimant: Token | None = None
    denied = False
    # modals only count within the trigger's own clause chain, and not for a definite event
    # noun whose clause says what it did, not whether it happens ("*the* endorsement could
    # prove helpful"; but "the vote could take place", "the attack could kill thousands")
    same_clause = not _presupposed(f.token, lex.sets.get("happen", frozenset()))
    modifier = False
    described = False  # passed a past-tense clause describing a noun (a deed told, no plan)
    purpose = False
    circumstance = False  # on the way up, inside a time or cause phrase of a verb
    prevented = False  # the gerund of "kept X from doing": it did not happen
    fact = False  # passed a past-tense time clause ("after X was indicted"): told as a fact
    own_hypothetical = False  # whether the event was hypothetical below that clause
    cur = f.token
    depth = 0
    if _unattributed_passive(f):
        alleged = True  # "Turkey has been accused of ...": by whom, the text does not say
    while True:
        for c in cur.children:
            if same_clause and c.dep_ in {"aux", "auxpass"} and lex.cue(c, "modal") is not None:
                hypothetical = True
            if c.dep_ == "mark" and lex.cue(c, "condition") is not None:
                hypothetical = True
            if cur.i == f.token.i and c.dep_ == "advcl" and any(
                m.dep_ == "mark" and lex.cue(m, "condition") is not None for m in c.children
            ):
                hypothetical = True  # main clause of a conditional
            if c.dep_ == "advmod" and lex.cue(c, "hedge") is not None:
                alleged = True
        source = _according_to(cur)
        if source is not None and source.left_edge.i <= f.token.i <= source.right_edge.i:
            source = None  # "according to *those briefed on it*": who tells, not what is told
        if source is not None and claimant is None:
            alleged, claimant = True, source  # also names who accuses in "X is accused of"
        head = cur.head
        if head.i == cur.i or depth >= MAX_CLIMB or crosses_break(cur, head):
            break
        if frame.performed_in_saying(cur):
            break  # "I would like to thank ...": actual, whatever "would" governs the wish
        dep = cur.dep_
        hung = _completed_noun(cur, found) if cur.i == f.token.i else None
        if hung is not None:
            head, dep = hung, "acl"  # "his threats *to declare* ...", hung on the verb above
        depth += 1
        if _hearsay(cur, lex):
            # "the allegation *that the army attacked*", "gave the impression that he was
            # endorsing it": what a claim or a belief says is alleged, by its holder
            alleged = True
            if claimant is None:
                claimant = _holder(head)
            break
        if dep == "relcl" and _aside(cur):
            # "Ferguson, *where* a teenager was shot": a relative clause set off by a comma is
            # the writer's aside, not part of what is reported, wished or supposed around it
            depth += _height(head)
            break
        if dep == "advcl" and not fact and _circumstance(cur) and _past(cur):
            # "urged X to cancel the summit *after* indictments *were announced*": a past event
            # told as the time of a wish is a fact, whatever is wished above it
            fact, own_hypothetical = True, hypothetical
        if _circumstance(cur):
            circumstance = True  # in a time or cause phrase, until a clause of its own
        elif cur.pos_ in {"VERB", "AUX"} and cur.i != f.token.i:
            circumstance = False
        if dep in {"relcl", "acl"} and cur.i == f.token.i and (
                _generic(head) or _habitual(cur, head)):
            hypothetical = True  # "*anyone who promises* a job", "ignores *those who ask*":
            # whoever might, no one did
        if dep in {"pobj", "pcomp"} and head.lower_ in {"of", "about", "over"} \
                and lemma_of(head.head) in _PROSPECTS and head.head.pos_ == "NOUN":
            hypothetical = True  # "the possibility *of an attack*", "fears of a strike"
        if dep == "pcomp" and head.lower_ in _TOPIC_PREPS and _talked_of(head, lex):
            hypothetical = True  # "conversations *about easing* sanctions": talked of, not done
        if dep in {"ccomp", "parataxis"} and lemma_of(head) == "ask" and _quoted_question(head):
            hypothetical = True  # "asked, 'How do you *impeach* him?'": asked, not told
        if dep == "pcomp" and head.lower_ == "from" and lemma_of(head.head) in _PREVENTERS:
            prevented = True  # "stopped the gunman *from killing*": kept from happening
        if dep in {"relcl", "acl"} and not _noun_infinitive(cur) and hung is None:
            modifier = True  # "a truce brokered by X": asserted, not the content of the governor
            if cur.tag_ in {"VBD", "VBN"}:
                # "is to deliver a lecture named for a dean *who was killed*", "plans to buy
                # arms that were banned": a past deed describing a noun is no one's plan
                described = True
        governor = None if modifier else found.get(head.i)
        if governor is not None and purpose_of(cur, lex.sets.get("move", frozenset())):
            # "sent fighters *to fight*", "dispatched X to join the fighting": the purpose of
            # a coded move is intended, not an event of its own; a sub-event of the move
            hypothetical, purpose = True, True
            f.parent = head.i
            break
        if purpose_of(cur, lex.sets.get("travel", frozenset())) and _journey(head):
            # "is heading to X *to meet* Y", "travelled to Gaza *to negotiate*": the purpose
            # of a journey lies ahead of it; a sub-event when the journey is an event
            hypothetical, purpose = True, True
            if governor is not None:
                f.parent = head.i
                break
        if governor is not None and dep == "advcl" and f.parent is None:
            # "staged rallies *demanding* ...", "opened fire, *killing* one": a sub-event of
            # the governing event; its status still comes from further up.
            f.parent = head.i
        if governor is not None and governor.row.embed and dep not in _SUBJECT_SIDE and (
                dep == "conj" or _circumstance(cur)):
            # "criticized X and *urged* Y", "sued after *being forced* to sell": an act beside
            # the governor or its circumstance, told with it (a sub-event) but not what it
            # says or wants; its status still comes from further up
            if f.parent is None:
                f.parent = head.i
        elif governor is not None and governor.row.embed and dep not in _SUBJECT_SIDE:
            f.parent = head.i
            embed = governor.row.embed
            if embed == "alleged":
                alleged, claimant = True, _claimant_of(head)
            elif embed == "denied":
                denied, claimant = True, _claimant_of(head)
            else:
                hypothetical = True
            break
        if dep == "ccomp" and _subjunctive(cur):
            hypothetical = True  # "suggested that the minister *refuse*": proposed, not done
        if dep not in _SUBJECT_SIDE or head.pos_ != "VERB":
            if lex.cue(head, "deny") is not None:
                denied, claimant = True, _claimant_of(head)
                break
            # ("said *during a discussion*", "*when Congress cut funding*, X said", "a month
            # *after the massacre*, X said": when it was said, not what)
            complement = ((dep in _REPORTED and not _manner(cur) and not _purpose(cur)) or (
                f.nominal and dep not in _SUBJECT_SIDE)) and not circumstance
            if complement and lex.cue(head, "report") is not None:
                alleged = True
                if claimant is None:
                    claimant = _claimant_of(head)
                break
            if (dep in {"xcomp", "ccomp", "acomp"} or _noun_infinitive(cur)) and not described \
                    and lex.cue(head, "intent") is not None:
                hypothetical = True  # "plans to withdraw", "the plan to withdraw"
            if dep == "pcomp" and head.dep_ == "prep" and head.lower_ in _ATTITUDE_PREPS \
                    and lex.cue(head.head, "intent") is not None:
                # "is interested *in working* with X", "a rationale *for opposing* X", "no
                # intention *of resigning*", "believes *in negotiating*": wanted, not done
                hypothetical = True
            if _noun_infinitive(cur) and not _ordinal(head):
                hypothetical = True  # "rejected calls *to resign*", "efforts to ban"
        if not f.nominal and _unsupported(cur, head):
            hypothetical = True  # "no evidence that X objected", "did not show that X …"
        if dep in _CLAUSE_BREAK or dep == "conj" and (
                any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children)
                or any(c.dep_ == "cc" and c.lower_ == "but" for c in head.children)):
            # (a clause of its own, or a contrast: "X would not go that far *but said* ...":
            # the first verb's "would" is not the second's)
            same_clause = False
        cur = head
    if fact:
        hypothetical = own_hypothetical  # what is wished above a past fact is not the fact's
    f.depth = depth
    f.claimant = claimant
    fr = frame.frame_of(f.token)
    if f.noun is not None and f.noun.i != f.token.i and fr.polarity == "positive":
        fr = frame.Frame(frame.frame_of(f.noun).polarity, fr.modality)  # "launched no attack"
    if not f.nominal and imperative(f.token):
        hypothetical = True  # "Don't allow X to ...", "Stop the war": asked for, not done
    if _not_so(f.token):  # "has yet to endorse", "it is not true that X attacked"
        fr = frame.Frame("positive" if fr.polarity == "negated" else "negated", fr.modality)
    elif _forgone(f.token) or prevented or _excessive(f.token):
        # "*instead of* negotiating, X imposed sanctions", "too early *to discuss*"
        fr = frame.Frame("negated", fr.modality)
    f.polarity, f.modality = fr.polarity, fr.modality
    if purpose and fr.modality == "actual":
        f.modality = "hypothetical"
    if fr.modality != "actual":
        hypothetical = True
    if fr.polarity == "negated":
        f.status = "negated"  # a negated event is never asserted, whoever reports it
    elif denied:
        f.status = "denied"
    elif hypothetical:
        f.status = "hypothetical"
    elif alleged:
        f.status = "alleged"


_SINGULAR_PRONOUNS = {"he", "she", "it"}
# Prepositions by which an intent word takes the gerund of what is wanted ("interested *in*
# working", "a reason *for* leaving", "the intention *of* resigning").
_ATTITUDE_PREPS = {"in", "for", "of"}


def _excessive(verb: Token) -> bool:
    """Whether ``verb`` is the infinitive after "too" + adjective or adverb ("it is too
    early *to discuss* a deal", "too weak to strike"): what is said not to happen (not after a
    negated "too": "not too late to negotiate")."""
    head = verb.head
    if verb.dep_ not in {"xcomp", "advcl"} or head.i == verb.i or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    # the parser hangs the infinitive on the adjective or on "be" beside it ("it's too early
    # at this stage to discuss"), as a complement or an adverbial clause
    degrees = [head] if head.pos_ in {"ADJ", "ADV"} else [
        c for c in head.children if c.dep_ in {"acomp", "advmod"} and c.pos_ in {"ADJ", "ADV"}
        and c.i < verb.i]
    return any(any(c.dep_ == "advmod" and c.lower_ == "too" for c in d.children)
               for d in degrees) and not any(
        c.dep_ == "neg" for d in degrees for c in (*d.children, *d.head.children))


def _subjunctive(verb: Token) -> bool:
    """Whether a complement clause's verb is a bare form after a singular third-person subject,
    with no auxiliary ("suggested that the minister *refuse*", "proposed that he *be* heard"):
    the mandative subjunctive of what someone wants done, not a fact told. (The tagger calls
    the bare form VBP as often as VB; the subject's agreement tells it from the indicative.)"""
    if verb.tag_ not in {"VB", "VBP"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and (subj.tag_ in {"NN", "NNP"} or subj.lower_ in _SINGULAR_PRONOUNS) \
        and not any(c.dep_ == "conj" for c in subj.children)


_DEFINITE = {"the", "this", "that", "these", "those"}
# Whoever might do something: a clause about one of them tells of no one's act.
_ANYONE = {"anyone", "anybody", "everyone", "everybody", "whoever", "whomever", "anything"}
# Nouns whose "of" (or "about") phrase may happen, or is feared: it has not happened.
_PROSPECTS = {"possibility", "prospect", "risk", "danger", "likelihood", "chance", "fear",
              "concern", "worry", "anxiety", "spectre", "specter", "hope", "expectation",
              "probability", "odds"}
# Verbs whose "from" + gerund says what was kept from happening.
_PREVENTERS = {"stop", "prevent", "keep", "bar", "block", "ban", "prohibit", "deter",
               "discourage", "dissuade", "restrain", "forbid", "preclude", "refrain", "spare"}


# Prepositions that name what talks are about ("talks *on* lifting sanctions").
_TOPIC_PREPS = {"about", "on", "over"}


def _talk(tok: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` is a noun of talks (the lexicon's ``@talks``: "conversation",
    "negotiations") or a verb of speaking ("talked", "spoke"): a gerund after its "about" is
    a topic, which may never happen."""
    lemma = lemma_of(tok)
    if tok.pos_ == "NOUN":
        return lemma in lex.sets.get("talks", frozenset())
    return tok.pos_ == "VERB" and lemma in _SPEAKING


def _talked_of(prep: Token, lex: Lexicon) -> bool:
    """Whether ``prep`` ("about", "on") names the topic of talks: it hangs on a noun of talks
    or a verb of speaking, or on a party to talks the parser hung it on instead
    ("conversations he had *with the ambassador about* easing sanctions")."""
    tok = prep.head
    for _ in range(4):
        if _talk(tok, lex):
            return True
        if tok.dep_ not in {"pobj", "prep", "relcl"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _generic(noun: Token) -> bool:
    """Whether ``noun`` is anyone at all ("anyone", "any official", "every candidate")."""
    return noun.lower_ in _ANYONE or any(
        c.dep_ == "det" and c.lower_ in {"any", "every"} for c in noun.children)
# Pronouns for whoever does what their relative clause says ("*those* who ask").
_WHOEVER = {"those", "whoever", "whomever"}


def _habitual(clause: Token, noun: Token) -> bool:
    """Whether a relative clause in the simple present describes "those" at all ("ignores
    *those who ask* for details"): whoever does it, not an act anyone did (but "those who
    *asked*", "those who *have* asked" are someone)."""
    return noun.lower_ in _WHOEVER and clause.tag_ in {"VBP", "VBZ"} \
        and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)


# Nouns whose "that" clause says what someone claims, believes or suspects, beside the
# lexicon's claim words (@claim: allegation, accusation, report, rumor, ...).
_BELIEFS = {"impression", "speculation", "notion", "belief", "perception", "suspicion",
            "theory", "assumption", "assertion", "contention", "insinuation", "innuendo"}


def _hearsay(clause: Token, lex: Lexicon) -> bool:
    """Whether ``clause`` is the "that" clause of a claim or belief noun ("the allegation
    *that X attacked*", "the impression that he was endorsing it")."""
    noun = clause.head
    if clause.dep_ not in {"acl", "ccomp", "relcl"} or noun.pos_ != "NOUN" or noun.i > clause.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False
    lemma = lemma_of(noun)
    return lemma in _BELIEFS or lemma in lex.sets.get("claim", frozenset())


def _holder(noun: Token) -> Token | None:
    """Who holds a claim or belief: its possessor ("*X's* claim that"), else the subject of
    the verb it is the object of ("*critics* voiced the suspicion that")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    return _claimant_of(noun.head) if noun.dep_ == "dobj" else None


def _presupposed(tok: Token, happen: frozenset[str]) -> bool:
    """A definite event noun as the subject of a verb other than one of happening."""
    if tok.pos_ != "NOUN" or tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.i == tok.i:
        return False
    definite = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _DEFINITE
                   for c in tok.children)
    return definite and lemma_of(tok.head) not in happen


def _aside(relcl: Token) -> bool:
    """A non-restrictive relative clause: after a comma, not opened by "that"."""
    left = relcl.left_edge
    return left.i > 0 and relcl.doc[left.i - 1].text == "," and left.lower_ != "that"


def _height(tok: Token) -> int:
    """Steps from ``tok`` up to its sentence root (at most ``MAX_CLIMB``)."""
    n = 0
    while tok.head.i != tok.i and n < MAX_CLIMB:
        tok, n = tok.head, n + 1
    return n


_OPENERS = {'"', "“", "‘", "'", ":", "—", "-", "(", "--"}


def imperative(verb: Token) -> bool:
    """A command ("*Stop* the war", "“Don't *allow* it,” X said", "X said: *withdraw*"): a bare
    verb opening its sentence, a quotation or what follows a colon, with no subject and no
    auxiliary but "do" (and "not")."""
    if verb.tag_ != "VB" or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "mark"} or c.dep_ in {
            "aux", "auxpass"} and lemma_of(c) != "do" for c in verb.children):
        return False
    first = min((c.i for c in verb.children if c.dep_ in {"aux", "neg"}), default=verb.i)
    before = verb.doc[first - 1] if first > 0 else None
    return before is None or before.is_sent_end or before.text in _OPENERS or (
        verb.doc[first].is_sent_start)


# Adjectives that say whether a "that" clause holds ("it is not *true* that ...", "it is
# *false* that ...").
_TRUE = {"true", "correct", "accurate", "right", "so"}
_FALSE = {"false", "untrue", "inaccurate", "wrong", "baseless", "groundless"}


# Words before a clause or noun that name the alternative not taken ("*instead of* talks",
# "*rather than* attack"); the parser hangs them in several ways, so they are read in order.
_FORGONE = {("instead", "of"), ("rather", "than")}
_SKIPPED_TAGS = {"DT", "JJ", "PRP$", "RB", "TO"}  # between them and the trigger: "of *the* talks"


def _forgone(tok: Token) -> bool:
    """Whether ``tok`` follows "instead of" or "rather than": the event that did not happen
    in place of the one that did."""
    i = tok.i - 1
    while i >= 0 and tok.i - i <= 3 and tok.doc[i].tag_ in _SKIPPED_TAGS \
            and tok.doc[i].lower_ not in {"instead", "rather"}:
        i -= 1
    return i >= 1 and (tok.doc[i - 1].lower_, tok.doc[i].lower_) in _FORGONE


def _not_so(tok: Token) -> bool:
    """Whether the clause of ``tok`` is said not to have happened by words frame cues do not
    read: "has *yet to* endorse", "is yet to withdraw" (not yet), "it is *not true* that X
    attacked", "it is *false* that ..."."""
    head = tok.head
    if head.i == tok.i or lemma_of(head) not in {"be", "have"}:
        return False
    if tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
    if tok.dep_ != "ccomp" or not any(m.dep_ == "mark" and m.lower_ == "that" for m in tok.children):
        return False
    for adj in (c for c in head.children if c.dep_ == "acomp" and c.i < tok.i):
        word = adj.lower_
        negated = _negated(head) or _negated(adj)
        return (word in _TRUE and negated) or (word in _FALSE and not negated)
    return False


# Nouns and verbs of evidence: what they do not show is not asserted.
_EVIDENCE_NOUNS = {"evidence", "proof", "sign", "indication", "suggestion", "record", "trace"}
_EVIDENCE_VERBS = {"show", "prove", "indicate", "suggest", "confirm", "establish",
                   "demonstrate", "reveal", "find"}


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _unsupported(cur: Token, head: Token) -> bool:
    """Whether ``cur`` (on the way up from a verbal trigger) is what a negated piece of
    evidence does not show: the clause after "no evidence/sign/proof" ("there is no evidence
    *that X objected*", also when the parser hangs the clause lower in the noun's phrase) or
    the complement of a negated verb of evidence ("did not show *that …*")."""
    lemma = head.lemma_.lower()
    if head.pos_ in {"NOUN", "PROPN"} and lemma in _EVIDENCE_NOUNS and cur.i > head.i:
        governor = head.head if head.dep_ in {"dobj", "attr", "nsubj"} else head
        return _negated(head) or governor is not head and _negated(governor)
    return head.pos_ in {"VERB", "AUX"} and lemma in _EVIDENCE_VERBS and \
        cur.dep_ in {"ccomp", "dobj"} and _negated(head)


def purpose_of(tok: Token, moves: frozenset[str]) -> bool:
    """Whether ``tok`` is the purpose infinitive of a move ("sent X *to fight*"), ``moves``
    the lemmas of the moving verbs (the lexicon's ``@move`` set)."""
    head = tok.head
    return tok.dep_ in {"advcl", "xcomp"} and head.i != tok.i and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
        head.lemma_.lower() in moves


_PLACE_ADVERBS = {"home", "abroad", "there", "here", "back", "overseas"}


def _journey(verb: Token) -> bool:
    """Whether a verb of travel names where it goes ("heading *to Mexico*", "flew *home*"): a
    journey, not "rushed to condemn" or "went on to win", where the infinitive is the act."""
    return any(c.dep_ == "prep" and any(p.dep_ == "pobj" for p in c.children)
               or c.dep_ == "advmod" and c.lower_ in _PLACE_ADVERBS for c in verb.children)


# Prepositions and marks of a clause that says when or why something happened.
_CIRCUMSTANCES = {"after", "before", "since", "during", "until", "till", "despite", "following",
                  "amid", "amidst", "while", "when", "whenever", "because", "once", "as"}


def _circumstance(tok: Token) -> bool:
    """Whether ``tok`` (on the way up to a governor) opens a time or cause phrase: "*after*
    being forced", "*when* she challenged": the phrase is not the governor's content."""
    if tok.dep_ == "prep":
        return tok.lower_ in _CIRCUMSTANCES
    return tok.dep_ == "advcl" and any(  # ("*when* she challenged" is an advmod to spaCy)
        c.dep_ in {"mark", "advmod"} and c.lower_ in _CIRCUMSTANCES and c.i < tok.i
        for c in tok.children)


def _past(clause: Token) -> bool:
    """Whether a clause is told in the past: a past-tense verb ("after X *accused*") or a past
    auxiliary ("after X *were* announced", "*had* met"), and no modal."""
    auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return clause.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _purpose(tok: Token) -> bool:
    """ "wrote a column *to defend* his wife", "quoted a film to defend her": a "to"-infinitive
    adverbial clause says why the speaker spoke, not what was reported."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _manner(tok: Token) -> bool:
    """ "wrote to X *asking* for ...", "said, *calling* for calm": a participle clause with no
    mark says what the speaker did in speaking, not what was reported."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(
        c.dep_ in {"mark", "nsubj"} for c in tok.children)


# "the first leader *to visit*", "the only country to vote against": done, not wanted.
_ORDINALS = {"first", "last", "only", "second", "third", "next", "latest"}


def _ordinal(noun: Token) -> bool:
    return noun.lower_ in _ORDINALS or any(
        c.dep_ in {"amod", "advmod"} and c.lower_ in _ORDINALS for c in noun.children)


def hung_infinitive(noun: Token) -> Token | None:
    """The infinitive right after a noun that the parser hung on a verb above the noun's
    phrase ("made reference to his threats *to declare* an emergency": "declare" an adverbial
    clause of "made"), which completes the noun; else ``None``."""
    doc = noun.doc
    if noun.pos_ != "NOUN" or noun.i + 1 >= len(doc):
        return None
    to = doc[noun.i + 1]
    verb = to.head
    if to.lower_ != "to" or to.dep_ != "aux" or verb.i <= to.i or verb.dep_ not in {
            "advcl", "xcomp"} or verb.head.i == verb.i:
        return None
    return verb if verb.head.is_ancestor(noun) and not verb.is_ancestor(noun) else None


def _completed_noun(verb: Token, found: dict[int, Found]) -> Token | None:
    """The event noun that embeds its infinitive (a threat, an offer, a call: a row with an
    ``embed`` effect) and that ``verb`` completes though the parser hung it higher up (see
    :func:`hung_infinitive`); else ``None``."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return None
    noun = verb.doc[to.i - 1]
    governor = found.get(noun.i)
    if governor is None or not governor.nominal or not governor.row.embed:
        return None
    hung = hung_infinitive(noun)
    return noun if hung is not None and hung.i == verb.i else None


def noun_complement(noun: Token) -> Token | None:
    """The "to"-infinitive that completes ``noun`` ("her threat *to block* it"), whether the
    parser hung it on the noun or on the verb above (:func:`hung_infinitive`)."""
    own = next((c for c in noun.children if _noun_infinitive(c)), None)
    return own if own is not None else hung_infinitive(noun)


def _noun_infinitive(tok: Token) -> bool:
    """ "the plan *to withdraw*": an infinitive completing a noun (the parser says acl or
    relcl)."""
    return tok.dep_ in {"acl", "relcl"} and tok.head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


# Verbs whose subject meets a reaction (ACCUSE and REJECT rows): the reacting side is "from" X,
# and the passive ("was met with criticism") is the outlet's own telling, not an allegation.
REACTION_VERBS = frozenset({"draw", "meet", "face", "come", "attract", "earn", "receive"})


def _unattributed_passive(f: Found) -> bool:
    """An accusation in the passive with no agent ("X has been accused of", "was condemned",
    "a man *accused* of spying"):
    someone made it, unnamed; the event is alleged, not the outlet's own. A request, an offer,
    a rejection or an endorsement in the passive ("more has been requested for 2013", "the
    plan was rejected") is told by the outlet, whoever made it."""
    tok = f.token
    if f.nominal or f.row.type != "ACCUSE" or f.row.lemma in REACTION_VERBS:
        return False
    return (any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
            or shares_passive(tok) or tok.dep_ == "acl" and tok.tag_ == "VBN"
            ) and not any(c.dep_ == "agent" for c in tok.children)


def shares_passive(verb: Token) -> bool:
    """A participle conjoined to a passive verb, with no subject or auxiliary of its own:
    passive too ("he was stopped and *accused* of speeding")."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.head.children)


# Types of event nouns that a "to"-infinitive makes an act told ("her threat to block it").
_INTENDED = {"THREATEN"}


def keep_noun(f: Found) -> bool:
    """Whether a nominal event stands on its own in its sentence."""
    if not f.nominal or f.parent is not None or f.status != "asserted":
        return True
    tok = f.token
    if tok.dep_ in _NOUN_KEEP:
        return True
    if f.row.type in _INTENDED and noun_complement(tok) is not None:
        return True  # "renewed *her threat* to block it": a threat made, wherever it stands
    if tok.dep_ == "pobj" and tok.head.lower_ in _NOUN_KEEP_PREPS:
        return tok.head.lower_ != "in" or tok.head.head.pos_ in {"NOUN", "VERB"}
    return False


def clause_lemmas(tok: Token) -> set[str]:
    """Lemmas of the trigger and its own dependents (not nested clauses), for mode words."""
    out = {lemma_of(tok), tok.lower_}
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if t.dep_ in {"ccomp", "advcl", "parataxis", "relcl", "acl", "conj"}:
            continue
        out.add(lemma_of(t))
        out.add(t.lower_)
        stack.extend(t.children)
    return out


def denial_object(tok: Token, lex: Lexicon) -> Token | None:
    """For "X denied the allegation(s)/reports" with no content clause: the claim noun."""
    if lex.cue(tok, "deny") is None:
        return None
    claim_words = lex.sets.get("claim", frozenset())
    for obj in objects(tok):
        is_claim = lemma_of(obj) in claim_words or obj.lower_ in claim_words
        if is_claim and not any(c.dep_ in {"acl", "ccomp"} for c in obj.children):  # no content
            return obj
    return None
