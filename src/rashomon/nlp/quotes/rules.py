"""Attributions from the dependency parse: cue word, reported content and medium.

``find_cues`` turns every cue word of the lexicon (verb, noun, adjective) into an
:class:`Attribution` (speaker, content clause or object, medium); ``as_put_it``,
``according_to`` and ``labelled_lines`` handle "as X put it", "according to X, ..." and
"NAME: ..." lines. Who speaks comes from :mod:`quotes_speakers`, the content's character
ranges from :mod:`quotes_content`. Direct quotes are attached to these in ``quotes_attach``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data
from rashomon.nlp.quotes.acts import (
    AUDIENCES,
    declined_act,
    is_person,
    names_time,
    naming,
    phoning,
    rivalry,
    sides_with,
    withholding,
)
from rashomon.nlp.quotes.content import (
    around_cue,
    as_clause,
    char_range,
    clip_end,
    clip_to_line,
    comma_conj_content,
    content_end,
    outer_act,
    split_tail_content,
    trim_range,
    trivial,
)
from rashomon.nlp.quotes.cues import Cue, Lexicon
from rashomon.nlp.quotes.marks import has_double_mark
from rashomon.nlp.quotes.speakers import (
    CLAUSE_DEPS,
    NAMED_ENTS,
    SUBJ_DEPS,
    appositive_source,
    find_subject,
    late_source,
    name_before,
    name_ending_phrase,
    says_nothing,
    speaker_span,
)

# Who the speaker told: "told reporters", "told state news agency Anadolu".
_ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "brief"}
MEDIUM_NOUNS = {"interview", "statement", "speech", "post", "tweet", "letter", "press",
                 "conference", "briefing", "address", "remarks", "op-ed", "article", "video",
                 "message", "call", "meeting", "broadcast", "show", "program", "programme"}
_MEDIUM_PREPS = {"in", "on", "to", "during", "at", "with"}
# Prepositions whose object is what a cue with no clause or object was about, by cue type.
_TOPIC_PREPS = {
    "criticism": ("about", "against", "over"), "warning": ("about", "against", "of"),
    "stance": ("about", "against", "for"), "denial": ("about",),
    "appeal": ("about", "for"), "praise": ("about", "for"),
}


@dataclass
class Attribution:
    """A found attribution before it becomes a ``Quote`` record."""

    cue: Token | None  # head word of the cue; None for a quote continuing an earlier one
    cue_span: tuple[int, int] | None  # token range of the whole cue ("called for", "according to")
    lemma: str  # "say", "call for", "according to"
    type: str
    speaker: Span | None
    content: list[tuple[int, int]] = field(default_factory=list)  # char segments
    kind: str = "indirect"
    medium: str | None = None
    marks: list[int] = field(default_factory=list)  # indexes of attached quote marks

    @property
    def start(self) -> int:
        return self.content[0][0] if self.content else 0

    @property
    def end(self) -> int:
        return self.content[-1][1] if self.content else 0


def _medium(verb: Token, lemma: str) -> str | None:
    """Where or to whom it was said: "in an interview with X", "told X"."""
    for child in verb.children:
        if lemma in _ADDRESSEE_VERBS and child.dep_ in ("dobj", "dative"):
            end = child.i + 1
            for r in child.rights:  # "agency Anadolu" (appos), not ", who ..."
                if r.dep_ in ("appos", "compound", "flat") and r.i == end:
                    end = r.right_edge.i + 1
            # "told state news agency Anadolu": the parser often hangs the name off the verb
            nxt = child.doc[end] if end < len(child.doc) else None
            if nxt is not None and nxt.head == verb and nxt.pos_ == "PROPN":
                end = nxt.right_edge.i + 1
            return child.doc[child.left_edge.i : end].text
        if child.dep_ == "prep" and child.lower_ in _MEDIUM_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if pobj.lemma_.lower() in MEDIUM_NOUNS:
                inner = next((c for c in pobj.children if c.dep_ == "prep"
                              and c.lower_ in ("with", "on", "to")), None)
                if inner is not None:
                    obj = next((c for c in inner.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return child.doc[obj.left_edge.i : obj.right_edge.i + 1].text
                return child.doc[child.i : pobj.right_edge.i + 1].text
            if child.lower_ == "to" and lemma in ("say", "speak", "write", "explain"):
                return child.doc[pobj.left_edge.i : pobj.right_edge.i + 1].text
    return None


def _told_to(verb: Token, lemma: str) -> bool:
    """"X told/reminded Y to do Z": an addressee and an infinitive, an instruction."""
    return lemma in _ADDRESSEE_VERBS and any(c.dep_ in ("dobj", "dative") for c in verb.children) \
        and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                for c in verb.children)  # not "told CNN in an interview taped on Monday"


def _content_children(verb: Token, cue: Cue, lemma: str) -> list[Token]:
    out = []
    for child in verb.children:
        dep = child.dep_
        if dep == "nsubjpass":
            # "X is thought to be ...": X is part of the content; "a solution may be
            # found" reports nothing: a finding or belief cue takes only clauses; "X was
            # asked if …", "X was told that …": X is the one addressed
            if cue.type == "question" and any(c.dep_ in ("ccomp", "advcl") and _asks(c)
                                              for c in verb.children) \
                    or lemma in _ADDRESSEE_VERBS and _addressee(child):
                continue
            if (cue.type not in ("report", "belief") or cue.object != "clause") \
                    and cue.object != "act" or any(
                    c.dep_ in CLAUSE_DEPS or c.dep_ == "oprd" for c in verb.children):
                out.append(child)
        elif dep in CLAUSE_DEPS and not (dep == "xcomp" and cue.type == "speech" and lemma != "say"
                                     and not _told_to(verb, lemma) and not _gerund(child)):
            if dep == "ccomp" and child.i < verb.i and _bare_participle(child):
                continue  # "In a letter posted on her site, X recalled …": no clause said
            if dep == "ccomp" and _absolute(child):
                continue  # "…,” she said, her voice rising: how she said it
            out.append(child)  # "told Lavrov to warn Armenia ...": what he was told to do
        elif dep == "advcl" and cue.type == "appeal" and _infinitive_after_object(verb, child):
            out.append(child)  # "exhorted his players to defend": not a purpose clause
        elif dep == "advcl" and cue.type == "question" and child.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children):
            out.append(child)  # "asked if he was ever bullied": the question
        elif dep in ("dobj", "dative") and lemma in _ADDRESSEE_VERBS:
            continue  # the addressee, not what was said
        elif dep == "dobj" and cue.object != "act" and (
                cue.object != "clause" or cue.type in ("appeal", "question")):
            if lemma == "ask" and _asked_person(child) \
                    and not any(c.dep_ == "xcomp" for c in verb.children):
                continue  # `"…?" she asked the officer`: who was asked, not what
            out.append(child)  # includes "of"/"for" cues: "accused him of", "blamed X for"
        elif dep in ("prep", "prt") and (child.lower_ == cue.object or (
                " " in cue.lemma and child.lower_ == cue.lemma.split()[1])):
            # "called for X": X is the content, the preposition belongs to the cue
            # ("called on police to …": the parser may make "on" a particle)
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    if not out and cue.object != "act":
        # "talked about X", "warned against Y": with nothing else said, what it was about
        out.extend(p for c in verb.children if c.dep_ == "prep" and c.i > verb.i
                   and c.lower_ in _TOPIC_PREPS.get(cue.type, ("about",))
                   for p in c.children if p.dep_ in ("pobj", "pcomp"))
    # "X: Republicans said they …": a left clause is content only when nothing
    # follows the cue (content-first "…, officials said")
    if any(c.i > verb.i for c in out):
        out = [c for c in out if c.i > verb.i or c.dep_ == "nsubjpass"]
    # "accused him of ...", "urged him to ...": the object belongs to the content
    # only together with a clause or preposition after it; "called her vote a
    # mistake", "considers X a threat": object + predicate.
    has_more = any(c.dep_ != "dobj" for c in out)
    pred = any(c.dep_ == "oprd" for c in verb.children)
    if pred:
        out.extend(c for c in verb.children if c.dep_ == "oprd" and c not in out)
    if lemma not in _ADDRESSEE_VERBS and (pred or (has_more and cue.type in (
            "accusation", "appeal", "criticism", "praise", "belief", "speech"))):
        out.extend(c for c in verb.children if c.dep_ == "dobj" and c not in out)
    if any(c.dep_ == "ccomp" and (_asks(c) and cue.type == "question" or _that(c))
           for c in out):
        # "asked Sanders how he felt", "warned voters that …": who was asked or
        # warned is not part of what was said
        out = [c for c in out if c.dep_ not in ("dobj", "dative")
               or not (cue.type == "question" or _addressee(c))]
    # "said that A, and that B": a second that-clause the parser joined to the cue itself
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in out):
        out.extend(c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and _that(c))
    # "wants to triple X, grow Y and create Z": bare infinitives the parser hung from the cue
    # verb continue its "to" clause
    if verb.tag_ != "VB" and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in out):
        out.extend(c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VB"
                   and c.i > verb.i and c not in out and not any(
                       a.dep_ in SUBJ_DEPS or a.dep_ in ("aux", "auxpass") for a in c.children))
    # "criticized X for Y", "cited X as an example": a preposition right after an
    # object content belongs to it, unless it says when, where or through what
    objs = [c for c in out if c.dep_ in ("dobj", "pobj")]  # "referred to X | as Y"
    if objs and not any(c.dep_ in CLAUSE_DEPS for c in out):
        last = max(c.right_edge.i for c in out)
        for c in verb.children:
            if c.dep_ == "prep" and c.i == last + 1 and c not in out and _complement_prep(c):
                out.append(c)
                last = c.right_edge.i
        # "defended his call to raise X", "called for the state to fund Y": an infinitive
        # the parser hung from the cue right after its object goes on with the object when
        # the cue asks for it or the noun takes one (not "cited the numbers to hide X")
        obj = max(objs, key=lambda c: c.right_edge.i)
        if cue.type == "appeal" or obj.lemma_.lower() in _INFINITIVE_NOUNS:
            out.extend(c for c in verb.children if c.dep_ == "advcl" and c not in out
                       and c.left_edge.i == last + 1 and c.left_edge.lower_ == "to")
    return out


# nouns whose infinitive is part of them: "his call to ban X", "efforts to find Y"
_INFINITIVE_NOUNS = frozenset({
    "call", "effort", "propensity", "plan", "proposal", "bid", "push", "demand", "decision",
    "attempt", "refusal", "promise", "pledge", "vow", "move", "willingness", "amendment",
    "ability", "order", "request", "campaign", "threat", "desire", "commitment",
    "intention", "initiative", "legislation", "bill", "measure", "failure", "reluctance"})


_WH = frozenset({"if", "whether", "how", "what", "why", "when", "where", "who", "which"})


def _addressee(obj: Token) -> bool:
    """Whether an object names someone spoken to (a person, group or pronoun), not a thing
    ("echoed statements by X that …")."""
    return obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in NAMED_ENTS \
        or obj.lemma_.lower() in AUDIENCES


def _bare_participle(verb: Token) -> bool:
    """"(a letter) posted on her site" parsed as a clause: a past form with no subject
    or auxiliary of its own before the verb it hangs from describes a noun; it says nothing."""
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ == "ccomp" and verb.i < verb.head.i and not any(
        c.dep_ in SUBJ_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children)


def _absolute(clause: Token) -> bool:
    """"her voice rising" set off after the cue: a subject with a bare participle (no
    auxiliary, no "that") describes the saying; a reported clause has a finite verb."""
    doc = clause.doc
    return clause.tag_ == "VBG" and clause.i > clause.head.i \
        and doc[clause.left_edge.i - 1].text == "," \
        and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in clause.children) \
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)


def _gerund(clause: Token) -> bool:
    """"recalled being booed": a passive gerund is what was told (not an active one, which
    PolNeAR reads with its object: "suggested looking at X", "cited improving Y")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "being" for c in clause.children)


def _asked_person(obj: Token) -> bool:
    """Whether the object of "ask" is who was asked: a person, group or pronoun,
    or someone's own people ("asked his players"; not "asked her question")."""
    return is_person(obj) or obj.lemma_.lower() != "question" and any(
        c.dep_ == "poss" for c in obj.children)


def _clause_mark(verb: Token) -> Token | None:
    """"calling for the state to fund …": the "for" opening the clause right after a
    verb, which a multi-word cue ("call for") may claim as its particle."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.dep_ == "mark" and nxt.lower_ == "for" and nxt.head.head == verb:
        return nxt
    return None


def _that(clause: Token) -> bool:
    """Whether a clause is opened by "that" ("… that the plan failed")."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _asks(clause: Token) -> bool:
    """Whether a clause is an indirect question ("if …", "whether …", "how …")."""
    return clause.doc[clause.left_edge.i].lower_ in _WH


def _infinitive_after_object(verb: Token, clause: Token) -> bool:
    """"urged residents to stay": an infinitive right after the verb's object."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children) and any(
        c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i for c in verb.children)


def _complement_prep(prep: Token) -> bool:
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None and prep.lower_ == "as":
        return any(c.dep_ in ("amod", "acomp", "advmod") for c in prep.children)  # "as historic"
    if pobj is None or prep.lower_ in ("on", "at", "during", "after", "before", "since"):
        return False
    if prep.lower_ == "in" and (pobj.lower_ in MEDIUM_NOUNS or pobj.lower_ in _WHEN_NOUNS
                                or any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                       for c in pobj.children)):
        return False  # "in remarks", "in a ruling released Monday", "in the past": how or
        # when it was said; "backed her in the race", "his record in the Senate" go on
    return pobj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC") and \
        pobj.lemma_.lower() not in MEDIUM_NOUNS


_WHEN_NOUNS = frozenset({"past", "future", "end", "meantime"})


def _adjective_cue(tok: Token, cue: Cue) -> Attribution | None:
    """"Voters are worried about X", "she is confident that ...": the subject of the
    copula holds the stance, the clause or the preposition's object is its content."""
    if tok.dep_ not in ("acomp", "ROOT", "oprd"):
        return None
    verb = tok.head if tok.dep_ != "ROOT" else tok
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in ("it", "there", "this", "that"):
        return None
    content = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i]
    if not content:
        content = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == cue.object
                   for p in c.children if p.dep_ in ("pobj", "pcomp")]
    rng = char_range(tok.doc, content) if content else None
    if rng is None:
        return None
    lo = tok.i
    while lo > 0 and tok.doc[lo - 1].head == tok and tok.doc[lo - 1].dep_ in ("advmod", "neg"):
        lo -= 1
    return Attribution(tok, (lo, tok.i + 1), cue.lemma, cue.type, speaker_span(subj, tok), [rng])


def _noun_cue(tok: Token, cue: Cue, lexicon: Lexicon) -> Attribution | None:
    """A cue noun: "his claim that ...", "her call to ...", "their criticism of X" (the
    possessor speaks), or a document that holds a finding: "In a new poll, X leads"."""
    doc = tok.doc
    if cue.object == "in":
        return _in_document(tok, cue, lexicon)
    clause = [c for c in tok.children if (c.dep_ in ("ccomp", "acl") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children))]
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    holder = _holder(tok, lexicon) if poss is None and not clause else None
    if not clause and (poss is not None or holder is not None):
        # "his call to ban ...", "her criticism of the plan"; "Teachers voiced concern
        # about the schedule": the noun's holder is the subject of the verb it is the
        # object of
        clause = [c for c in tok.children if c.dep_ == "acl" and c.i > tok.i
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        if not clause and cue.object not in ("clause", "object"):
            preps = _TOPIC_ALIASES.get(cue.object, (cue.object,)) if cue.type == "speech" \
                else (cue.object,)
            clause = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                      for p in c.children if p.dep_ in ("pobj", "pcomp")]
    if not clause:
        return None
    content = char_range(doc, clause)
    if content is None:
        return None
    if poss is None:
        # "But Trump claims that …" tagged as a noun: its subject still speaks, also
        # when the name was read as the noun's compound
        poss = next((c for c in tok.children if c.dep_ == "nsubj"), None) \
            or _name_as_compound(tok)
    if poss is None:
        poss = holder or _holder(tok, lexicon)
    elif poss.pos_ == "PRON" and tok.dep_ == "dobj" and verb_lemma(tok.head, lexicon) in _VOICING:
        # "the minister offered his first comments on X": the one who voices them speaks
        poss = next((c for c in tok.head.children if c.dep_ == "nsubj"), poss)
    elif poss.pos_ == "PRON":
        poss = _owner_named(tok, poss)
    return Attribution(tok, (tok.i, tok.i + 1), cue.lemma, cue.type,
                       speaker_span(poss) if poss is not None else None, [content])


# a speech noun's topic may come with either ("comments about X", "his first comments on
# X"; not "skepticism on climate change", a stance held)
_TOPIC_ALIASES = {"about": ("about", "on")}


_OWNERS = {"his": "Sing", "her": "Sing", "their": "Plur"}


def _owner_named(noun: Token, poss: Token) -> Token:
    """"Some voters shared their concerns about X", "the senators are not mincing words in
    their opposition to X": a cue noun in the predicate whose owner is a pronoun is held by
    the subject it stands for (a noun of its number before it; for his or her a person),
    who is named."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return poss
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < noun.i), None)
    number = _OWNERS.get(poss.lower_)
    if subj is None or number is None or verb.pos_ not in ("VERB", "AUX") \
            or subj.pos_ not in ("NOUN", "PROPN") and subj.lower_ not in _SOME:
        return poss
    plural = subj.tag_ in ("NNS", "NNPS") or subj.lower_ in _SOME \
        or any(c.dep_ == "conj" for c in subj.children)
    if number == "Sing" and not (subj.pos_ == "PROPN" or is_person(subj)):
        return poss  # "his" is someone's: not "the report repeated his criticism"
    return subj if plural == (number == "Plur") else poss


_SOME = frozenset({"some", "many", "most", "all", "both", "several", "others"})


def _name_as_compound(noun: Token) -> Token | None:
    """"Trump claims that …" read as one noun phrase: a verb form in -s ("claims",
    "warns") with no determiner, whose compound is a name, was a verb with its subject."""
    if noun.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "amod") for c in noun.children):
        return None
    name = next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1), None)
    if name is None or not (name.pos_ == "PROPN" or name.ent_type_ in NAMED_ENTS):
        return None
    return name


# cue verbs whose object noun is the subject's own ("expressed concern that …", "offered
# his first comments on X"), unlike
# "denied accusations that …", where others accused
_VOICING = frozenset({"express", "voice", "reiterate", "repeat", "offer"})


def _holder(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who holds a cue noun with no possessor: "warnings from his attorney that …", the
    subject of the (non-cue) verb it is the object of: "Republicans have expressed concern
    that …", "Democrats persisted in arguments that …", or the one it describes: "Smith, a
    critic of X", "the mayor is a supporter of X"."""
    source = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                   for p in c.children if p.dep_ == "pobj"), None)
    if source is not None:
        return source
    verb = noun.head
    if noun.dep_ == "appos" and verb.pos_ in ("PROPN", "NOUN", "PRON"):
        return verb  # "Smith, a longtime critic of the plan"
    if noun.dep_ == "attr" and verb.lemma_ == "be":  # "the mayor is a supporter of X"
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    lemma = verb_lemma(verb, lexicon)
    if verb.pos_ != "VERB" or lemma in lexicon.verbs and lemma not in _VOICING \
            or lemma in data.word_list("receiving_verbs"):
        return None  # "the mayor faces accusations that …": the accused is no speaker
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _in_document(tok: Token, cue: Cue, lexicon: Lexicon) -> Attribution | None:
    """"In a poll released Monday, 50 percent chose X": the document is the source of
    the clause the "in" phrase opens (not when a cue verb already reports it)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    head = prep.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in lexicon.verbs:
        return None
    doc = tok.doc
    lo, hi = prep.left_edge.i, prep.right_edge.i + 1
    clause_lo, clause_hi = head.left_edge.i, content_end(head)
    closing = head.dep_ == "ROOT" and all(t.is_punct or t.is_space for t in doc[hi:clause_hi])
    if lo != head.sent.start and not (lo > 0 and doc[lo - 1].text == ",") and not closing:
        # an opening, set-off or closing phrase of the sentence's main clause ("X leads Y in
        # the latest poll"), not one inside it or closing a relative clause ("who leads in …")
        return None
    pieces = [trim_range(doc, clause_lo, lo) if lo > clause_lo else None,
              trim_range(doc, hi, clause_hi) if clause_hi > hi else None]
    segs = [p for p in pieces if p]
    if not segs:
        return None
    return Attribution(prep, (prep.i, prep.i + 1), "in", cue.type,
                       doc[tok.left_edge.i:tok.right_edge.i + 1], segs)


def _impression(verb: Token, cue: Cue, lexicon: Lexicon) -> Attribution | None:
    """"The plan seems to work", "Voters appear unmoved": the writer reports an
    impression; its subject and complement are the content, nobody is quoted. A person
    who seems to hold a view ("The mayor seemed to recognize the risk", "Voters appear to
    be worried about X": a belief cue in the infinitive) is its source (PolNeAR: ``The
    mayor | seemed to recognize | the risk``) and the complement alone is the content."""
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp", "ccomp", "attr", "oprd")
                 and c.i > verb.i), None)
    if comp is None:
        return None
    lo = verb.i
    while lo > 0 and doc[lo - 1].head == verb and doc[lo - 1].dep_ in ("aux", "neg", "advmod"):
        lo -= 1
    segs = []
    # "it seems that …" has no subject to speak of; "it appeared to hold off X" has one
    infinitive = comp.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                              for a in comp.children)
    holder = subj if subj is not None and infinitive and _holds_view(subj, verb) \
        and _believes(comp, lexicon) else None
    if holder is None and subj is not None and subj.i < verb.i and subj.lower_ != "there" \
            and (subj.lower_ != "it" or infinitive):
        segs.append(trim_range(doc, subj.left_edge.i, lo))  # up to the verb: the whole subject
    segs.append(trim_range(doc, comp.left_edge.i, content_end(comp)))
    segs = [x for x in segs if x]
    if not segs:
        return None
    speaker = speaker_span(holder, verb) if holder is not None else None
    return Attribution(verb, (verb.i, verb.i + 1), cue.lemma, cue.type, speaker, segs)


def _believes(comp: Token, lexicon: Lexicon) -> bool:
    """Whether an infinitive names a view: a belief cue ("to recognize", "to hope"), or
    "to be" with one ("to be worried about")."""
    if comp.lemma_ == "be":
        return any(c.dep_ == "acomp" and (cue := lexicon.adjectives.get(c.lower_)) is not None
                   and cue.type == "belief" for c in comp.children)
    return any(cue.type == "belief" for cue in lexicon.verbs.get(verb_lemma(comp, lexicon), ()))


_NOT_HOLDERS = frozenset({"it", "this", "that", "there", "what", "which", "something",
                          "everything", "nothing", "anything"})


def _holds_view(subj: Token, verb: Token) -> bool:
    """Whether the subject before an impression verb is someone (a name, a person, a group
    or a pronoun for one), not a thing ("the plan", "it")."""
    return subj.i < verb.i and subj.lower_ not in _NOT_HOLDERS and not says_nothing(subj) \
        and (subj.pos_ == "PROPN" or is_person(subj))


def _adverb_cue(tok: Token, cue: Cue) -> Attribution | None:
    """"The group is reportedly spending $1 million": the clause the adverb modifies,
    without it, is reported by someone unnamed."""
    verb = tok.head
    if tok.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX"):
        return None
    doc = tok.doc
    segs = [trim_range(doc, verb.left_edge.i, tok.i), trim_range(doc, tok.i + 1, content_end(verb))]
    segs = [x for x in segs if x]
    if not segs:
        return None
    return Attribution(tok, (tok.i, tok.i + 1), cue.lemma, cue.type, None, segs)


def _that_clause(verb: Token) -> Token | None:
    """The verb's complement clause opened by "that" ("... that the plan failed")."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return c
    return None


_ASIDE_MARKS = {",", "\u2014", "\u2013", "--"}


def _aside_subject(verb: Token) -> Token | None:
    """The subject of a parenthetical "X continued" / "she went on" set off by commas (or
    dashes) inside a sentence, before the main clause's verb: a verb with nothing but its
    subject (a name, a pronoun or a noun for a person), a particle and adverbs. The parser
    may hang it from the main verb or, as a relative clause, from the subject before it."""
    doc = verb.doc
    main = verb.head if verb.dep_ == "parataxis" else verb.head.head \
        if verb.dep_ == "relcl" and verb.head.dep_ in SUBJ_DEPS else None
    if main is None or main.pos_ not in ("VERB", "AUX") or main.i < verb.i \
            or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    # its commas may hang from it; a "verb" the tagger read in a punctuation token is its own span
    words = [t.i for t in verb.subtree if not t.is_punct] or [verb.i]
    lo, hi = min(words), max(words)
    if lo <= verb.sent.start + 1 or hi + 1 >= len(doc) or doc[lo - 1].text not in _ASIDE_MARKS \
            or doc[hi + 1].text not in _ASIDE_MARKS:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    rest = [c for c in verb.children if c.dep_ not in ("nsubj", "prt", "advmod", "punct")]
    if len(subj) != 1 or rest or not (subj[0].pos_ in ("PROPN", "PRON") or is_person(subj[0])):
        return None
    # not a filler ("… — I mean, …", "you know") or a thing
    return subj[0] if subj[0].lower_ not in ("i", "you", "it", "this", "that", "there") else None


def _around_aside(verb: Token, subj: Token, text: str) -> list[tuple[int, int]]:
    """The sentence on both sides of an aside ("That plan | suggests …"); none when the
    sentence quotes (the quotation marks decide) or a side is missing."""
    doc, sent = verb.doc, verb.sent
    if has_double_mark(text[sent.start_char:sent.end_char]):
        return []
    hi = max((t.i for t in verb.subtree if not t.is_punct), default=verb.i)
    pieces = [trim_range(doc, sent.start, subj.left_edge.i), trim_range(doc, hi + 1, sent.end)]
    return [p for p in pieces if p is not None] if all(pieces) else []


def verb_lemma(tok: Token, lexicon: Lexicon) -> str:
    """The lemma of a cue word, mended when spaCy cuts a listed verb wrong ("hoped" ->
    "hop"): a listed verb the word form inflects regularly wins over an unlisted lemma."""
    lemma = tok.lemma_.lower()
    if lemma in lexicon.verbs or tok.pos_ not in ("VERB", "AUX"):
        return lemma
    word = tok.lower_
    for suffix, add in (("ed", "e"), ("es", "e"), ("ing", "e"), ("ed", ""), ("s", "")):
        stem = word[:-len(suffix)] + add if word.endswith(suffix) else ""
        if stem in lexicon.verbs:
            return stem
    return lemma


def _repeated_cue(verb: Token, lexicon: Lexicon) -> Token | None:
    """The cue whose clause a subject-less conjoined cue was parsed into: in "X said A
    and said B" the second "said" hangs from A's verb, and X says both."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJ_DEPS for c in verb.children):
        return None
    head = verb.head
    while head.dep_ == "conj":
        head = head.head
    outer = head.head
    if head.dep_ not in CLAUSE_DEPS or outer == head or outer.pos_ not in ("VERB", "AUX") \
            or verb_lemma(outer, lexicon) not in lexicon.verbs:
        return None
    return outer


# cue types that report a view or a wish, not a new utterance: conjoined to a reported
# clause, they go on with that clause's subject
_HELD = frozenset({"belief", "stance", "appeal", "agreement"})


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _gap_noun(verb: Token, children: list[Token]) -> tuple[int, int] | None:
    """The noun a cue in a relative clause or participle describes, when it is the subject
    of the cue's infinitive: in "a fight it expects to last into May", "a year expected to
    bring record turnout" the fight is to last and the year to bring (PolNeAR: ``a fight |
    to last into May``, and so in "a plan she wants to pass"); not with a relative pronoun
    ("a group that wants to …": it speaks) or an object of the cue's own."""
    head = verb.head
    if verb.dep_ not in ("relcl", "acl") or head.i > verb.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.dep_ == "acl" and verb.tag_ != "VBN":
        return None
    if any(c.dep_ in ("dobj", "dative", "nsubjpass", "ccomp") for c in verb.children) \
            or any(t.tag_ in _RELATIVE_TAGS for t in verb.subtree):
        return None  # "a plan which she wants to pass": the pronoun stands for it
    if verb.dep_ == "relcl" and not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if not any(c.dep_ == "xcomp" and c.i > verb.i and any(a.lower_ == "to" and a.dep_ == "aux"
                                                         for a in c.children)
               and not any(a.dep_ in SUBJ_DEPS for a in c.children) for c in children):
        return None
    return trim_range(verb.doc, head.left_edge.i, head.i + 1)


def _own_act(verb: Token) -> bool:
    """A verb whose only complement is its subject's own infinitive ("refused to drop
    it", "wants to win"): what the subject does, not what someone says."""
    deps = {c.dep_ for c in verb.children}
    return "xcomp" in deps and not deps & {"ccomp", "dobj", "dative", "prep"}


def as_put_it(doc: Doc) -> list[Attribution]:
    """"…, as a memo put it": *put it* after *as* is a cue for the clause it hangs from."""
    out = []
    for tok in doc:
        if tok.lemma_ != "put" or not any(c.dep_ == "dobj" and c.lower_ == "it"
                                          for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        segs = as_clause(tok)
        if subj is None or not segs:
            continue
        it = next(c for c in tok.children if c.lower_ == "it")
        out.append(Attribution(tok, (tok.i, it.i + 1), "put", "speech",
                               speaker_span(subj, tok), segs))
    return out


def find_cues(doc: Doc, lexicon: Lexicon, text: str | None = None) -> list[Attribution]:
    """One attribution per cue verb/noun in the doc (content may be empty: a bare cue).

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it on every access).
    """
    out = []
    cuts: dict[int, int] = {}  # cue token -> char offset its content ends before
    text = doc.text if text is None else text
    for tok in doc:
        lemma = verb_lemma(tok, lexicon)
        if tok.pos_ in ("VERB", "AUX") and lemma in lexicon.verbs:
            # "called the governor on Sunday" is no "call on" ("weighed in Friday" may be
            # parsed with "in" over the day: it stays a particle)
            particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")
                         and not (c.lower_ == "on" and names_time(c))}
            mark = _clause_mark(tok)
            if mark is not None:
                particles.add(mark.lower_)  # "calling for the state to fund …"
            cue = lexicon.verb(lemma, particles,
                               frozenset(c.lower_ for c in tok.children if c.dep_ == "prt"))
            if cue is None:
                continue
            end = tok.i + 1
            if " " in cue.lemma:
                part = next((c for c in tok.children if c.lower_ == cue.lemma.split()[1]),
                            mark)
                end = max(end, part.i + 1)
            elif end < len(doc) and doc[end].lower_ == cue.object and doc[end].head == tok:
                end += 1  # "was accused of X", "blamed for X": the preposition is the cue's
            if cue.object == "subject":
                found = _impression(tok, cue, lexicon)
                if found is not None:
                    out.append(found)
                continue
            if sides_with(tok, cue) or rivalry(tok, cue) or naming(tok, lemma) \
                    or declined_act(tok, cue, lexicon.verbs) or withholding(tok, lemma) \
                    or phoning(tok, lemma) or _bare_participle(tok):
                continue
            outer = _repeated_cue(tok, lexicon)
            if outer is not None and (cue.type in _HELD or cue.type != "speech" and _own_act(tok)) \
                    and outer_act(outer, tok.head) != tok:
                # "Police say the man posed a threat and refused to …", "she said she was a
                # Republican and would back X": the clause's subject refuses and backs
                outer = None
            if outer is not None:
                # "X said A and said B": B's cue has X for speaker and cuts A's content
                subj = find_subject(outer)
                cuts[outer.i] = doc[tok.i - 1].idx if doc[tok.i - 1].dep_ == "cc" else tok.idx
            else:
                subj = find_subject(tok)
            children = _content_children(tok, cue, lemma)
            content = char_range(doc, children) if children else None
            act = next((a for c in children if c.dep_ in ("ccomp", "xcomp")
                        and (a := outer_act(tok, c)) is not None), None)
            if content is not None and act is not None:
                # "X says she will not vote and considers him a risk": A ends before "and"
                first = min((c.i for c in act.lefts if c.dep_ in ("aux", "auxpass", "neg")),
                            default=act.i)
                cc = doc[first - 1] if doc[first - 1].dep_ == "cc" else doc[first]
                content = clip_end(text, content[0], min(content[1], cc.idx))
            if content is not None:
                content = clip_to_line(text, content, tok.idx)
            if content is not None and mark is not None and end > mark.i and content[0] == mark.idx:
                # the cue's particle opened the clause: "called for | X to do Y"
                content = trim_range(doc, end, doc.char_span(
                    content[0], content[1], alignment_mode="expand").end)
            if content is not None and trivial(doc, content):
                content = None
            if content is None and cue.object != "act":
                content = comma_conj_content(tok) or split_tail_content(tok)
            lead = name_before(tok) or name_ending_phrase(tok) \
                if subj is None and content is not None else None
            if lead is not None:  # `"…," Tulsa police Chief Jordan said`, *Tulsa* a verb
                subj = lead.root
                if content[0] < lead.start_char:  # content first: it ends before the name
                    content = clip_end(text, content[0], min(content[1], lead.start_char))
            # "…, as X said": speech, not "As the crowd cheered, …"
            as_segs = as_clause(tok) if content is None and subj is not None \
                and cue.type in ("speech", "report", "belief") else []
            late = late_source(tok)
            if late is not None:  # "A happened, reported the ministry": the ministry speaks
                subj, content = late, trim_range(doc, tok.sent.start, tok.i - 1)
                lead = None
            appos = appositive_source(tok, subj)
            if appos is not None:  # "A happened, killing B, a journalist reported"
                subj, content = appos, trim_range(doc, tok.sent.start, appos.left_edge.i - 1)
                lead = None
            if content is not None and subj is not None and tok.dep_ == "conj" \
                    and content[1] <= tok.idx and tok.head.i < doc.char_span(
                        content[0], content[1], alignment_mode="expand").start:
                # "A, but B, a source said" parsed with "said" joined to A: the source says both
                wider = trim_range(doc, tok.head.left_edge.i, subj.left_edge.i)
                content = (wider[0], content[1]) if wider is not None else content
            segs = around_cue(doc, content, tok, end) if content else as_segs
            gap = _gap_noun(tok, children) if segs else None
            if gap is not None:  # "a fight it expects | to last": the fight is to last
                segs = [gap, *segs]
                if tok.dep_ == "acl" and subj is not None and subj.head != tok:
                    subj = lead = None  # "a year expected to …": by no one named
            # a subject-less cue with no content is noise ("as said", imperatives), and
            # so is an action verb with no clause ("Baku requested aid")
            if subj is not None and subj.lower_ in ("it", "there") and subj.dep_ == "nsubj" \
                    and subj.head != tok and any(c.dep_ == "aux" and c.lower_ == "to"
                                                 for c in tok.children):
                continue  # "it would be easy to think that …": nobody thinks it
            if not segs and (subj is None or cue.object == "act"):
                continue
            if outer is not None and not segs and any(c.dep_ == "dobj" for c in tok.children):
                # "it would cut revenue but would eventually add $84 billion": an object that
                # is not speech; no second attribution, A goes on
                cuts.pop(outer.i, None)
                continue
            speaker = lead or (speaker_span(subj, tok) if subj is not None else None)
            if speaker is not None and speaker.start <= tok.i < speaker.end - 1:
                speaker = doc[tok.i + 1:speaker.end]  # "Said Jones": the cue is not the name
            out.append(Attribution(
                tok, (tok.i, end), cue.lemma, cue.type, speaker,
                segs, "indirect", _medium(tok, lemma),
            ))
        elif tok.pos_ == "VERB" and _that_clause(tok) is not None:
            # an unlisted verb with a that-clause and a subject ("X warns that",
            # "X bets that"): what it reports is the clause
            subj = find_subject(tok)
            content = char_range(doc, [_that_clause(tok)])
            if subj is None or content is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") \
                    or subj.lower_ in ("it", "this", "that", "which", "there"):
                continue
            out.append(Attribution(
                tok, (tok.i, tok.i + 1), lemma, "speech", speaker_span(subj, tok), [content]))
        elif tok.pos_ == "VERB" and (subj := _aside_subject(tok)) is not None:
            # "That plan, Smith continued, suggests …": an unlisted verb set off inside the
            # sentence with only its subject says the sentence around it
            prt = next((c for c in tok.children if c.dep_ == "prt"), None)
            end = prt.i + 1 if prt is not None else tok.i + 1
            out.append(Attribution(
                tok, (tok.i, end), doc[tok.i:end].lemma_.lower(), "speech",
                speaker_span(subj, tok), _around_aside(tok, subj, text)))
        elif tok.pos_ == "ADJ" and lemma in lexicon.adjectives:
            found = _adjective_cue(tok, lexicon.adjectives[lemma])
            if found is not None:
                out.append(found)
        elif tok.pos_ == "ADV" and tok.lower_ in lexicon.adverbs:
            found = _adverb_cue(tok, lexicon.adverbs[tok.lower_])
            if found is not None:
                out.append(found)
        elif tok.pos_ == "NOUN" and lemma in lexicon.nouns:
            found = _noun_cue(tok, lexicon.nouns[lemma], lexicon)
            if found is not None:
                out.append(found)
    for att in out:
        if att.cue is not None and att.cue.i in cuts:
            at = cuts[att.cue.i]
            att.content = [p for a, b in att.content if (p := clip_end(text, a, min(b, at)))]
    out.extend(as_put_it(doc))
    out.extend(according_to(doc))
    turns = labelled_lines(doc, text)
    # a transcript turn ("PENCE: Well, I think …") is the labelled speaker's own words:
    # a cue inside it is not an attribution of the article's
    spoken = [seg for t in turns if t.speaker is not None and t.speaker.text.isupper()
              for seg in t.content]
    out = [a for a in out if a.cue is None or not any(s <= a.cue.idx < e for s, e in spoken)]
    return out + turns


# "WALLACE: Let's start …" (transcripts), "Kerry: talks will go on" (headlines)
_LABEL = re.compile(r"^[ \t]*[\"\u201c]?[ \t]*((?:[A-Z][\w.'\u2019-]*[ \t]?){1,4}):[ \t]+\S",
                    re.MULTILINE)


# page labels that look like a transcript speaker
_NOT_SPEAKERS = frozenset({
    "CLARIFICATION", "CORRECTION", "UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE",
    "EDITOR\u2019S NOTE", "READ MORE", "WATCH", "RELATED", "PHOTOS", "PHOTO", "VIDEO",
    "BREAKING", "EXCLUSIVE", "ADVERTISEMENT", "SOURCE", "SOURCES", "CREDIT", "Q", "A",
    "BYLINE",
})
_SUBHEAD_WORDS = 4  # "Kasich: Now or never." in a story's body: a section head, not speech
_TALLY = re.compile(r"[\d.,%$ ]+\.?")  # "Clinton: 1,769.": a count, not speech


def labelled_lines(doc: Doc, text: str) -> list[Attribution]:
    """A line that opens with a name and a colon: the name speaks the rest of the line."""
    out = []
    for hit in _LABEL.finditer(text):
        name_start, name_end = hit.span(1)
        name = doc.char_span(name_start, name_end, alignment_mode="expand")
        colon = doc.char_span(name_end, name_end + 1, alignment_mode="expand")
        if name is None or colon is None:
            continue
        # a speaker, not "Note:" or "Read more:": an entity or an all-caps name
        headline = text[:name_start].strip() == ""  # "Poll: X leads", "Mayor: we stay"
        if not (any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in name)
                or (name.text.isupper() and len(name.text) > 2)
                or (headline and any(t.pos_ in ("NOUN", "PROPN") for t in name))):
            continue
        if name.text.upper().rstrip(".") in _NOT_SPEAKERS \
                or name[-1].text.upper().rstrip(".") in _NOT_SPEAKERS:  # "Delegate Update:"
            continue
        if not headline and all(t.ent_type_ in ("GPE", "LOC") for t in name):
            continue  # "Iowa: Tim Albrecht, Brad Anderson, …": a list under a place
        line_end = text.find("\n", name_end)
        line_end = len(text) if line_end < 0 else line_end
        seg = (name_end + 1, line_end)
        body = text[seg[0]:seg[1]]
        seg = (seg[0] + len(body) - len(body.lstrip()), seg[1] - (len(body) - len(body.rstrip())))
        if seg[1] <= seg[0] or _TALLY.fullmatch(text[seg[0]:seg[1]]):
            continue
        if not headline and not name.text.isupper() and not has_double_mark(body) \
                and len(body.split()) <= _SUBHEAD_WORDS:
            continue  # "Clinton: Keep it", "Rubio: Finish second.": a section head
        out.append(Attribution(colon[0], (colon.start, colon.end), ":", "speech", name, [seg]))
    return out


def _aside_piece(text: str) -> bool:
    """A lone adverb ("basically") or a relative clause about the source ("which …")."""
    words = text.split()
    return not words or words[0].lower() in ("which", "who", "whom") or (
        len(words) == 1 and words[0].isalpha() and words[0].lower().endswith("ly"))


def _clause_as_apposition(according: Token, pobj: Token) -> Token | None:
    """"According to X, the plan reeks of fear" parsed with no verb ("reeks" a noun): the
    phrase is the sentence's root and what was reported hangs from X as an apposition set
    off by a comma and running to the sentence's end."""
    if according.head != according:
        return None
    doc, end = according.doc, according.sent.end
    while end > according.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # a clause, not a title ("According to Ann Lee, a radio host."): four words at least
    return next((c for c in pobj.rights if c.dep_ == "appos" and c.right_edge.i + 1 >= end
                 and doc[c.left_edge.i - 1].text == "," and end - c.left_edge.i >= 4), None)


def according_to(doc: Doc) -> list[Attribution]:
    """ "According to X, ..." : X is the source, the rest of the clause the content."""
    out = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        phrase_lo = tok.i
        phrase_hi = pobj.right_edge.i + 1
        sent = tok.sent
        head = tok.head if tok.head != tok else sent.root
        while head.dep_ == "conj" and head.head != head:
            head = head.head  # "X was paid $1; Y was paid $2, according to Z": all of it
        clause_lo = min(head.left_edge.i, sent.start) if head.dep_ == "ROOT" else head.left_edge.i
        clause_hi = sent.end if head.dep_ == "ROOT" else head.right_edge.i + 1
        tail = _clause_as_apposition(tok, pobj)
        if tail is not None:  # "According to X, the plan reeks of …" read as one noun phrase
            phrase_hi = tail.left_edge.i
        for i in range(phrase_lo - 1, clause_lo - 1, -1):
            if doc[i].text in (":", ";"):
                clause_lo = i + 1  # "At the same time, X: <content>, according to Y"
                break
        pieces = []
        if phrase_lo > clause_lo:
            pieces.append(trim_range(doc, clause_lo, phrase_lo))
        if clause_hi > phrase_hi:
            pieces.append(trim_range(doc, phrase_hi, clause_hi))
        # not a lone word ("basically, according to X") or a clause about the source
        # ("according to X, which classifies him as …")
        text = doc.text
        # on the phrase's own line: a parse may run over a time stamp or a head above it
        pieces = [clip_to_line(text, p, tok.idx) if p else None for p in pieces]
        segs = [p for p in pieces if p and not _aside_piece(text[p[0]:p[1]])]
        if not segs:
            continue
        out.append(Attribution(
            tok, (tok.i, tok.i + 2), "according to", "report",
            speaker_span(pobj), segs,
        ))
    return out
