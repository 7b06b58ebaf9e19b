"""Definite descriptions: "the congressman", "the New York Democrat", "the woman", "the
site" as the one actor the article described so before.

:func:`described` is what ``resolve_speaker`` (``component.py``) asks for a noun phrase that
names no one. What describes a mention (:func:`descriptors`) comes from the nouns set beside
it ("nominee X", "X, the nominee"), its titles ("Rep. X" is the congressman: ``title_forms``),
a party label ("X (D-N.Y.)"), a web address ("the site"), and for "the woman" / "the man"
its gender (gazetteer, honorific or a resolved pronoun). Word lists live in
``lexicons/word_lists.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from rashomon.nlp import data
from rashomon.nlp.actors.coref import HONORIFICS, PERSON_NOUNS, SUBJECT_DEPS
from rashomon.nlp.actors.spans import linked
from rashomon.nlp.extensions import MENTIONS as SPANS_KEY

DOCUMENT_NOUNS = data.word_list("document_nouns")
_TITLE_NOUNS = PERSON_NOUNS | data.word_list("title_words")
# nouns that describe an organisation or a group, not a person: "the site", "the group"
ORGANISATION_NOUNS = data.word_list("organisation_nouns")
ORGANISATION_WINDOW = 3  # sentences back; people are described for the whole article
_NOT_ORGANISATIONS = frozenset({"state", "civilians"})  # "America Rising, a group": not America
_DESCRIBING = ("compound", "amod", "appos", "nmod", "attr")


def described(doc: Doc, head: Token) -> Span | None:
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
        heads, words = descriptors(span)
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
        return linked(doc, head.left_edge.i, head.i + 1, hit, "description") if hit else None
    start = head.left_edge.i
    return linked(doc, start, head.i + 1, next(iter(fits.values())), "description")


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


def descriptors(span: Span) -> tuple[set[str], set[str]]:
    """What describes a mention, as lowercase lemmas: the head nouns set beside it
    ("nominee X", "X, the nominee", "X is the nominee", its title, the descriptions its
    titles earn: "Rep. X" is "the congressman", :func:`_title_heads`; a web address is "the
    site") and every word of those phrases with the mention's own (for modifiers:
    "presumptive", "Republican")."""
    root = span.root
    near = [root]
    if root.dep_ == "appos" or (root.dep_ in SUBJECT_DEPS and root.head.lemma_ == "be"):
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

