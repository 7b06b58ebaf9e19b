"""Cue words used for an act, not a report: the cue stays out of the attributions.

A listed cue verb can name something a speaker does rather than says: "Greece will support
Cyprus" (sides with a party), "a group called X" (naming), "Clinton challenged Sanders",
"the chairman admonished his colleagues", "the judge dismissed her and her lawyer" (turns on
a person), "X declined to testify", "declined to revel in it" (declines an act, not to
speak), "…, referring to the pipeline" (points at a thing and says nothing of it), "deny
housing to X" (withholds), "called Mr. X to urge him …" (a phone call). Each test takes the
cue token and its lexicon row.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from rashomon.nlp import data
from rashomon.nlp.quotes.cues import Cue
from rashomon.nlp.quotes.speakers import CLAUSE_DEPS, NAMED_ENTS

_PARTY_ENTS = {"GPE", "LOC"}  # not NORP: "supported Democrats" is a stance
# "challenged X to a debate / for the seat", "dismissed him as a crank": a position
_RIVAL_PREPS = {"to", "for", "about", "on", "as", "over"}
# who a speaker addresses or turns on: "warned voters that …", "admonished his colleagues"
AUDIENCES = frozenset({"voter", "reporter", "supporter", "follower", "audience", "crowd",
                       "lawmaker", "official", "member", "people", "student", "worker",
                       "journalist", "viewer", "listener", "reader", "donor", "delegate",
                       "colleague", "leader", "employee", "resident", "citizen", "investor",
                       "lawyer", "attorney", "critic", "opponent", "rival", "staff", "judge"})


def sides_with(verb: Token, cue: Cue) -> bool:
    """"Greece will support Cyprus", "Ankara backs Baku": a stance or appeal cue whose
    only complement is a state or people sides with a party; that is an act, not a claim."""
    if cue.type not in ("stance", "appeal") or cue.object == "clause":
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return len(objs) == 1 and objs[0].ent_type_ in _PARTY_ENTS \
        and objs[0].left_edge.ent_type_ != "" and not _complemented(verb)


def naming(verb: Token, lemma: str) -> bool:
    """"a group called Lashkar", "a race dubbed the Miracle Run", "so-called": a participle
    after a noun that names it, not someone calling it so."""
    doc = verb.doc
    so = verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "so"
    deps = [c.dep_ for c in verb.children]
    return lemma in ("call", "dub", "name", "label") and verb.tag_ == "VBN" and (
        so or verb.dep_ == "acl" and "agent" not in deps  # not "called Oz a quack"
        and sum(d in ("dobj", "oprd") for d in deps) < 2)


def rivalry(verb: Token, cue: Cue) -> bool:
    """"Clinton challenged Sanders", "admonished his colleagues", "dismissed her and her
    lawyer", "X was dismissed": an ``issue`` cue whose only complement is people (no
    clause, nothing "to"/"for"/"as"/… after it) turns on them, an act; "challenged the
    ruling", "challenged him to a debate", "dismissed him as a crank" report a position."""
    if cue.object != "issue" or _complemented(verb):
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        objs = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "X was dismissed"
    if len(objs) != 1 or not all(is_person(t) for t in (objs[0], *objs[0].conjuncts)):
        return False
    return not any(t.dep_ == "prep" and t.i > objs[0].i and t.lower_ in _RIVAL_PREPS
                   and not names_time(t) for t in verb.subtree)


def declined_act(verb: Token, cue: Cue, cue_verbs: Container[str]) -> bool:
    """"X declined to testify", "refused to revel in it": a denial whose only complement is
    an act of the speaker's own says nothing. A refusal to say or to take a side is speech
    ("declined to comment on X", "refused to endorse Y", "declined to specify": the
    infinitive is a cue verb, ``cue_verbs``, or in ``declined_speech`` in
    ``word_lists.tsv``), and so is a refusal to act on something ("refused to release the
    records": a position on a demand), unless ``declined_acts`` lists the act ("testify")."""
    if cue.type != "denial":
        return False
    comps = [c for c in verb.children if c.dep_ in CLAUSE_DEPS or c.dep_ == "dobj"]
    if len(comps) != 1 or comps[0].dep_ != "xcomp" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in comps[0].children):
        return False  # "did not rule out cutting X": the gerund is what is denied
    act = comps[0].lemma_.lower()
    if act in data.word_list("declined_acts"):
        return True
    return act not in cue_verbs and act not in data.word_list("declined_speech") \
        and not any(c.dep_ in ("dobj", "dative", "ccomp") for c in comps[0].children)


def bare_reference(verb: Token, lemma: str) -> bool:
    """"…, referring to the pipeline": who or what a speaker meant, not what was said of
    it; "referred to immigrants as criminals" says something (the "as")."""
    return lemma == "refer to" and not _complemented(verb) and not any(
        t.dep_ == "prep" and t.lower_ == "as" for t in verb.subtree)


# what is withheld from someone, not a claim denied: "deny housing to X", "denied him entry"
_WITHHELD = frozenset({"service", "access", "entry", "housing", "coverage", "benefit",
                       "treatment", "admission", "passage", "visa", "bail", "license"})


def withholding(verb: Token, lemma: str) -> bool:
    """"deny housing to tenants", "denied him entry": a denial that withholds something from
    someone is an act; "denied the report", "denied any role" stay."""
    if lemma != "deny":
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return any(c.dep_ == "dative" for c in verb.children) or any(
        o.lemma_.lower() in _WITHHELD for o in objs) or any(
        c.dep_ == "prep" and c.lower_ == "to" and objs and c.i > objs[0].i
        and any(is_person(p) for p in c.children if p.dep_ == "pobj") for c in verb.children)


def phoning(verb: Token, lemma: str) -> bool:
    """"called Mr. Varga to urge him …", "called the governor to ask for …": a call to a
    person for a purpose is a phone call; what is said comes with the cue of its infinitive.
    "called him a liar", "called on X to resign" stay."""
    if lemma != "call":
        return False
    people = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    return len(people) == 1 and is_person(people[0]) and any(
        c.dep_ in ("advcl", "xcomp") and c.i > people[0].i and c.left_edge.lower_ == "to"
        for c in verb.children)


def names_time(prep: Token) -> bool:
    """"on Friday", "over the weekend": a time, not a topic."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _complemented(verb: Token) -> bool:
    return any(c.dep_ in CLAUSE_DEPS or c.dep_ == "oprd" for c in verb.children)


def is_person(tok: Token) -> bool:
    """A person, group or pronoun for one ("her", "Smith", "his colleagues")."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "PRON" or tok.ent_type_ in NAMED_ENTS or lemma in AUDIENCES \
        or lemma in data.word_list("person_common_nouns") or lemma in data.word_list("person_nouns")
