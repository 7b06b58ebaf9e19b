"""Who speaks: the speaker of a cue from the dependency parse.

``find_subject`` finds the subject of a cue verb (climbing to governing verbs, passive
agents, controllers, inverted "said Jones"; ``says_nothing`` tells a time, an event or an
idea, which cannot speak); ``speaker_span`` gives the words naming it and ``resolution_target``
the phrase to resolve to an actor. ``name_before``,
``name_ending_phrase``, ``late_source`` and ``appositive_source`` find a name the parse hung
elsewhere (after a quote, closing an opening phrase, after a content-first cue, set off
before a sentence-final cue).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data

SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_DEPS = {"ccomp", "xcomp", "csubj"}
NAMED_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
# Heads we climb through to find the subject of a subject-less cue
# ("... and said", "issued a statement saying", "speaking to reporters, said").
_CLIMB = {"conj", "advcl", "xcomp", "acl", "dobj", "pobj", "prep", "relcl", "ccomp", "appos",
          "pcomp", "acomp", "dep"}  # "began by saying"; "will be unable to … and accuse"
# ("dep": "The mayor paused, then revealed why …" read with no relation the parser names)
# participles that give a work's title ("an article titled …")
_TITLES = frozenset({"title", "entitle", "headline", "subtitle"})
# nouns that name a source when they follow a cue ("..., reported the ministry")
_SOURCE_NOUNS = {"ministry", "agency", "office", "spokesman", "spokeswoman", "spokesperson",
                 "official", "source", "newspaper", "media", "outlet", "broadcaster", "channel"}


# people an outlet describes instead of naming: what follows says who they are ("those
# briefed on the plan", "people familiar with the talks", "sources close to the minister")
_DESCRIBED = {"those": "PRON", "people": "NOUN", "sources": "NOUN", "someone": "PRON",
              "officials": "NOUN"}
# focus adverbs before a speaker's phrase say how the outlet weighs the speaker, not who speaks
_FOCUS = frozenset({"even", "also", "only", "just", "still"})


def speaker_span(tok: Token, anchor: Token | None = None) -> Span:
    """The words naming the speaker: the subject's phrase, without clauses after it,
    on the line of ``anchor`` (the cue) when given."""
    doc = tok.doc
    start = tok.left_edge.i
    end = tok.i + 1
    for child in tok.rights:
        # keep "Foreign Minister X" flat names and "of State" PPs, stop at
        # commas, relative clauses and appositions ("Smith, who ...").
        if child.dep_ in ("compound", "flat", "nmod", "cc", "conj") or (
            child.dep_ == "prep" and child.text.lower() == "of"
        ) or (child.dep_ in ("acl", "amod") and _DESCRIBED.get(tok.lower_) == tok.pos_):
            end = child.right_edge.i + 1
        else:
            break
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space or (
            doc[start].lower_ in _FOCUS and doc[start].pos_ == "ADV")):
        start += 1  # "even officials there admit": the officials
    # never across a line break ("[Getty]\nTurkey said", "12:15 p.m.\nX says"):
    # keep the part on the cue's line, else the part on the subject's own line
    at = anchor.i if anchor is not None and start <= anchor.i + 1 and anchor.i < end + 8 else tok.i
    if not start <= at < end:
        at = tok.i
    return _on_line(doc, start, end, at)


def antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the unions *that* opposed it": unions)."""
    if (tok.tag_ in ("WP", "WDT") or tok.lower_ == "that") and tok.head.dep_ == "relcl" \
            and tok.head.head.pos_ in ("NOUN", "PROPN", "PRON") and tok.head.head.i < tok.i:
        return tok.head.head
    return None


def _on_line(doc: Doc, start: int, end: int, at: int) -> Span:
    """Tokens ``start:end`` cut to the line holding token ``at``."""
    lo, hi = start, end
    for i in range(at - 1, start - 1, -1):
        if "\n" in doc[i].text_with_ws:
            lo = i + 1
            break
    for i in range(at, end - 1):
        if "\n" in doc[i].text_with_ws:
            hi = i + 1
            break
    while lo < hi and doc[lo].is_space:
        lo += 1
    if hi <= lo:
        return doc[at : at + 1]
    return doc[lo:hi]


def resolution_target(speaker: Span) -> Span:
    """The phrase to resolve to an actor: a relative pronoun stands for its noun (for the
    name that noun describes, when it is that name's apposition), a description for the
    person's name set off after it."""
    noun = antecedent(speaker[-1])
    if noun is not None:
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.pos_ == "NOUN":
            noun = noun.head  # "Ms. Roe, a former aide who says …": Ms. Roe
        return speaker_span(noun)
    root = speaker.root
    name = next((c for c in root.children if c.dep_ == "appos" and c.i > root.i
                 and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                 and not any(k.dep_ == "conj" for k in c.children)), None)
    if root.tag_ == "NN" and name is not None:  # one person, not "two senators, X and Y"
        return speaker_span(name)  # "One contender, Paul Idris, …, said": Idris
    return speaker


def find_subject(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing to governing verbs when it has none; for a time,
    an event or an idea, which says nothing, its owner when the verb reports a clause ("His
    visit showed that …": his)."""
    subj = _subject(verb)
    if subj is not None and says_nothing(subj) and reports_clause(verb):
        # only for what it reports: "His visit threatens to muddy the talks" is no one's threat
        return next((c for c in subj.children if c.dep_ == "poss" and (
            c.pos_ in ("PRON", "PROPN") or c.ent_type_ in NAMED_ENTS)), subj)
    return subj


_NO_ONE = frozenset({"nothing", "something", "anything", "everything"})


def reports_clause(verb: Token) -> bool:
    """Whether a cue verb reports a clause ("showed that …"), not an infinitive ("threatens to …")."""
    return any(c.dep_ == "ccomp" for c in verb.children)


def says_nothing(tok: Token) -> bool:
    """Whether a word names a time, an event, an act or an idea ("the visit", "more time",
    "nothing"; ``abstract_nouns`` in ``lexicons/word_lists.tsv``), which cannot speak."""
    return tok.lower_ in _NO_ONE or (
        tok.pos_ == "NOUN" and tok.lemma_.lower() in data.word_list("abstract_nouns"))


def _subject(verb: Token) -> Token | None:
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
            c.dep_ in SUBJ_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children):
        # "Asked whether …, the mayor said": a passive participle; the clause's subject is
        # the one asked, the asker only an agent ("asked by reporters")
        return _agent(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in _TITLES \
            and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a magazine piece titled “…”": the piece says it, not its reader
    deps = {c.dep_ for c in verb.children}
    if "nsubjpass" in deps or "auxpass" in deps and "nsubj" not in deps:
        # (an active subject with "auxpass" is a contracted "has": "who's called for")
        # "X is expected to ...": X is what is reported; "X ... and has been accused of":
        # the shared subject is the accused, never the speaker
        return _agent(verb)
    tok = verb
    if not any(c.dep_ in SUBJ_DEPS for c in verb.children):
        obj = _controller(verb)
        if obj is not None:
            return obj
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i \
            and (verb.head.pos_ == "PROPN" or verb.head.ent_type_ in NAMED_ENTS
                 or verb.head.pos_ in ("NOUN", "PRON") and not _verbs_object(verb.head)) \
            and not any(t.is_punct for t in verb.doc[verb.head.i:verb.i]):
        # "footage of Clinton asking …", "pastors supporting X", "Anyone expecting Y" (no
        # comma): the one the participle describes does it; a thing someone issued ("issued
        # a statement calling …") speaks for its issuer, found by climbing
        return verb.head
    if _verbless_subject(verb):
        return verb.head
    for _ in range(7):  # "accuse X of being duped … and encourage Y": six steps up
        # a word, not a dash read as one; "62%" is a number and a sign
        subjects = [c for c in tok.children if c.dep_ in SUBJ_DEPS
                    and any(ch.isalnum() for ch in c.doc[c.left_edge.i:c.i + 1].text)]
        if subjects:
            # may be "who" or "that" ("a letter that says"): see resolution_target; of two
            # (a dash read as a noun, "… public ― Moreno boasted") the nearest before the verb
            before = [c for c in subjects if c.i < tok.i]
            return _same_line(before[-1] if before else subjects[0], verb)
        first = _first_in_series(tok)
        if first is not None:
            return _same_line(first, verb)
        if tok.tag_ == "VBG":
            # `"…," Mr. Obama said, not even needing to mention …` parsed with "said" as
            # a parataxis of the participle: the one who said it does the rest
            said = next((c for c in tok.children if c.dep_ == "parataxis" and c.i < tok.i
                         and any(g.dep_ == "nsubj" for g in c.children)), None)
            if said is not None:
                return next(g for g in said.children if g.dep_ == "nsubj")
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _copula_subject(tok.head) or tok.head
        if tok.dep_ == "pcomp" and tok.head.lower_ == "as":
            # "media quoted Y as saying", "Y was quoted as saying": Y speaks
            obj = next((c for c in tok.head.head.children if c.dep_ in ("dobj", "nsubjpass")),
                       None)
            if obj is not None:
                return obj
        if tok.dep_ == "agent":
            break
        if tok.dep_ not in _CLIMB and not (tok.dep_ == "advmod" and tok.pos_ == "ADV") \
                or tok.head == tok:  # "stopped short of calling": through *short*
            break
        tok = tok.head
    return _agent(verb) or _inverted(verb) or _first_of_two(verb) or _misparsed_subject(verb) \
        or _name_in_apposition(verb) or _closing_apposition(verb)


_PAST = frozenset({"VBD", "VBN"})


def _first_in_series(verb: Token) -> Token | None:
    """"The mayor summed up X, denounced Y and said Z" parsed with the first verb a clause of
    the second: a verb with no subject after a comma, whose clause before it has one and
    the same tense, shares that subject."""
    if verb.pos_ != "VERB" or any(c.dep_ in SUBJ_DEPS for c in verb.children):
        return None
    first = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if first is None or first.pos_ != "VERB" or any(c.dep_ == "mark" for c in first.children):
        return None
    if first.tag_ != verb.tag_ and not {first.tag_, verb.tag_} <= _PAST:
        return None
    gap = verb.doc[first.right_edge.i + 1:verb.i]
    if not any(t.text == "," for t in gap) or any(not t.is_punct for t in gap):
        return None
    subj = next((c for c in first.children if c.dep_ == "nsubj" and c.i < first.i), None)
    if subj is None or any(t.is_quote for t in verb.doc[first.left_edge.i:subj.i]):
        return None  # `"We had …," X said`: a quote's own subject speaks for no one
    return subj


def _verbs_object(noun: Token) -> bool:
    """Whether a noun is the object of a verb, directly or through its preposition ("a
    series of tweets", "much of his speech": the noun that holds it)."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in (
            "NOUN", "PRON", "ADJ", "NUM"):
        noun = noun.head.head
    return noun.dep_ == "dobj" or noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent") \
        and noun.head.head.pos_ in ("VERB", "AUX")


def _verbless_subject(verb: Token) -> bool:
    """"Two analysts, A and B, found in 2019 that …" parsed with no verb (the noun the root,
    the cue its modifier): a past or present form with a clause of its own, after the noun
    that roots the sentence, is that noun's verb."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") \
        and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i \
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _copula_subject(noun: Token) -> Token | None:
    """"X was the latest voice to urge …", "X is the only candidate to have pledged …": the
    noun a cue describes is the copula's complement; its subject speaks."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"
                 and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _name_in_apposition(verb: Token) -> Token | None:
    """"In a statement to the Gazette, her adviser, Tom Hale, said: …" parsed with the
    speaker as an apposition inside the opening phrase: a name set off by commas right
    before a subject-less finite cue speaks."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i - 2]
    if name.dep_ != "appos" or name.pos_ != "PROPN" or name.head.i >= name.i \
            or verb not in name.ancestors:
        return None
    return name


def _closing_apposition(verb: Token) -> Token | None:
    """"Gunmen took guests hostage, a security source said" parsed with the source as an
    apposition of *hostage*: a phrase set off by a comma inside the clause before a
    subject-less finite cue, ending right before the cue, is who speaks."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 3:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    last = doc[verb.i - 1]
    appos = next((t for t in (last, *last.ancestors) if t.dep_ == "appos"
                  and t.right_edge.i == verb.i - 1), None)
    if clause is None or appos is None or doc[appos.left_edge.i - 1].text != "," \
            or appos.pos_ not in ("NOUN", "PROPN") or clause not in appos.ancestors:
        return None
    return appos


def _misparsed_subject(verb: Token) -> Token | None:
    """"About 4 in 10 say …" parsed with the count as the verb's modifier: a number or noun
    phrase right before a finite cue with no subject is who speaks."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    return next((c for c in verb.lefts if c.dep_ in ("nummod", "npadvmod", "dep")
                 and c.pos_ in ("NUM", "NOUN", "PROPN") and c.right_edge.i == verb.i - 1), None)


_THEN = {"then", "later"}


def _first_of_two(verb: Token) -> Token | None:
    """"Kasich offered him a job, then says he will …" parsed with the first clause as
    the cue's complement: the subject of that clause, before the cue, does both."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not any(
            c.lower_ in _THEN and c.dep_ == "advmod" for c in verb.children):
        return None
    left = next((c for c in verb.children if c.dep_ in ("ccomp", "conj") and c.i < verb.i
                 and c.pos_ in ("VERB", "AUX")), None)
    subj = next((c for c in left.children if c.dep_ == "nsubj"), None) if left else None
    if subj is None or not (subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in NAMED_ENTS):
        return None
    return subj


def _controller(verb: Token) -> Token | None:
    """"forced Stumpf to admit …", "urged X to say", "held X in contempt for refusing",
    "angry at X for promising": the object of the governing word, or of its "at"/"with",
    is who speaks."""
    if verb.dep_ == "xcomp":
        if verb.head.lemma_.lower() == "call" and verb.left_edge.lower_ == "to":
            return None  # "called Ms. Roe to urge her …": the caller urges (a phone call)
        heads = [verb.head]
    elif verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        heads = [verb.head.head]
        heads += [c for c in heads[0].children if c.dep_ == "acomp"]  # "are angry at X for"
        if heads[0].dep_ == "pobj" and heads[0].head.dep_ == "prep":
            heads.append(heads[0].head.head)  # "held X in contempt for"
    else:
        return None
    kids = [c for head in heads for c in head.children if c.i < verb.i]
    obj = next((c for c in kids if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON")),
               None)
    if obj is not None and says_nothing(obj):
        return None  # "spent more time talking", "had nothing to say": the subject speaks
    if obj is None and verb.dep_ == "pcomp":  # "at X" right before "for", not "At the meeting"
        at = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("at", "with")
                   and c.right_edge.i + 1 == verb.head.i), None)
        obj = next((p for p in at.children if p.dep_ == "pobj"
                    and p.pos_ in ("PROPN", "NOUN", "PRON")), None) if at is not None else None
    return obj


def _inverted(verb: Token) -> Token | None:
    """"Said Jones: ...", "..., said Jones, a lawyer": a name right after a cue that
    opens its clause is its speaker, whatever the parse made of it."""
    doc = verb.doc
    before = doc[verb.sent.start:verb.i]
    if any(t.is_alpha for t in before) and not (verb.i > 0 and doc[verb.i - 1].is_punct):
        return None
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None:
        return None
    if nxt.pos_ != "PROPN":
        return _closing_phrase(verb)
    while nxt.i + 1 < len(doc) and doc[nxt.i + 1].pos_ == "PROPN" and nxt.head.i == nxt.i + 1:
        nxt = doc[nxt.i + 1]
    return nxt


def _closing_phrase(verb: Token) -> Token | None:
    """`"…," added another Ohio delegate.`: a phrase for a person or a group, opening right
    after the cue and closing the sentence (or set off by a comma), is who speaks, whatever
    role the parse gave it."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0 or not doc[verb.i - 1].is_punct:
        return None  # a finite cue after the quote's closing marks, not a title's "Examining …"
    noun = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj")
                 and c.left_edge.i == verb.i + 1), None)
    if noun is None or noun.right_edge.i + 1 >= len(doc) \
            or doc[noun.right_edge.i + 1].text not in (".", ","):
        return None
    lemma = noun.lemma_.lower()
    person = noun.pos_ == "PROPN" or noun.ent_type_ in NAMED_ENTS or lemma in _SOURCE_NOUNS \
        or lemma in data.word_list("person_common_nouns") or lemma in data.word_list("person_nouns")
    return noun if person else None


_DATELINE_DASHES = {"\u2014", "\u2013", "\u2015", "--", "-"}


def _same_line(subj: Token, verb: Token) -> Token:
    """A subject parsed across a line break ("The Latest:\n\nX says") is replaced by
    the last noun before the cue on the cue's own line."""
    lo, hi = sorted((subj.i, verb.i))
    between = subj.doc[lo:hi]
    dash = next((t for t in reversed(between) if t.text in _DATELINE_DASHES), None)
    if dash is not None and subj.i < dash.i and subj.is_upper:
        # "CITY, July 19 (Agency) — X told ...": the dateline is not the subject
        nouns = [t for t in subj.doc[dash.i + 1:verb.i] if t.pos_ in ("NOUN", "PROPN", "PRON")]
        heads = [t for t in nouns if not dash.i < t.head.i < verb.i or t.head.pos_ not in (
            "NOUN", "PROPN")]
        if heads:
            return heads[0]  # "WASHINGTON -- President X, opening … on Saturday, said"
    if not any("\n" in t.text_with_ws for t in between):
        return subj
    i = verb.i - 1
    best = None
    while i >= 0 and "\n" not in subj.doc[i].text_with_ws:
        if subj.doc[i].pos_ in ("NOUN", "PROPN", "PRON") and best is None:
            best = subj.doc[i]
        i -= 1
    return best if best is not None else subj


def _agent(verb: Token) -> Token | None:
    """Passive "was reported by X": the agent is the speaker."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def late_source(verb: Token) -> Token | None:
    """"A happened, reported the foreign ministry": a cue after a comma with no subject
    of its own and its object right after it names the source, not what was reported."""
    doc = verb.doc
    if verb.i - 1 <= verb.sent.start or doc[verb.i - 1].text != "," \
            or verb.tag_ not in ("VBD", "VBZ", "VBP") \
            or any(c.dep_ in SUBJ_DEPS or c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None  # not "…, telling X that …", "…, echoing X"
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ == "cc" for c in (*verb.children, *verb.head.children)):
        return None  # "arrived late, denied the charges and left": a list of acts
    named = obj.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or obj.pos_ == "PROPN"
    return obj if named or obj.lemma_.lower() in _SOURCE_NOUNS else None


def appositive_source(verb: Token, subj: Token | None) -> Token | None:
    """"Troops shelled the town, killing five people, a journalist in the city reported"
    parsed with *people* as the cue's subject and the journalist its apposition: a
    sentence-final cue hung from an earlier verb, whose subject sits inside the clause before
    it (no comma before the subject) and has an apposition set off right before the cue, is
    spoken by the apposition; what comes before its comma was reported."""
    doc = verb.doc
    if subj is None or subj.dep_ != "nsubj" or subj.head != verb or subj.i > verb.i \
            or verb.dep_ not in ("ccomp", "conj", "advcl", "parataxis") or verb.head.i > subj.i \
            or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    first = subj.left_edge.i
    if first <= verb.sent.start or doc[first - 1].is_punct:
        return None
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
    if appos is None or doc[appos.left_edge.i - 1].text != "," \
            or appos.right_edge.i + 1 != verb.i:
        return None
    if any(c.i > verb.i and (c.dep_ in CLAUSE_DEPS or c.dep_ in ("dobj", "dative"))
           for c in verb.children):
        return None  # content follows the cue: not a sentence-final attribution
    return appos


_CLOSERS = {",", "\u201d", "''", '"'}


def name_before(verb: Token) -> Span | None:
    """A subject-less cue right after a quote's closing words (`"…," Tulsa police Chief
    Jordan said`): the words between are a name the parse hung elsewhere."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and not doc[i].is_punct:
        t = doc[i]
        if not (t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") or t.is_title):
            return None
        i -= 1
    if i < 0 or i == verb.i - 1 or doc[i].text not in _CLOSERS:
        return None
    return doc[i + 1:verb.i] if doc[verb.i - 1].pos_ in ("PROPN", "NOUN") else None


def name_ending_phrase(verb: Token) -> Span | None:
    """"In a meeting with the board of the Post Trump said …" (no comma): a person's
    name closing the opening phrase, right before a subject-less cue, speaks."""
    doc = verb.doc
    prev = doc[verb.i - 1] if verb.i > verb.sent.start else None
    if prev is None or prev.ent_type_ != "PERSON":
        return None
    ent = next((e for e in doc.ents if e.start <= prev.i < e.end), None)
    if ent is None or ent.end != verb.i or ent.start <= verb.sent.start \
            or doc[ent.start - 1].is_punct or verb not in ent.root.ancestors:
        return None
    return ent

