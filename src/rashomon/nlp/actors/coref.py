"""A small, rule-based resolver for pronoun and definite-description speakers.

coreferee cannot run here (its weights download at install time), and speakers are
what matters: "he said", "It said", "the ministry said", "the foreign minister
said". The rule: the most recent compatible actor in subject position within the
last few sentences, else the most recent compatible actor at all. Compatible means
a person of a matching gender for he/she (unknown gender fits both), a
non-person actor for "it", the right kind for "the ministry"/"the army", and a
holder of the title for "the minister"/"the president".
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from rashomon.nlp import data
from rashomon.nlp.actors.gazetteer import is_second
from rashomon.records import Actor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
PRONOUNS = {"he": ("person", "m"), "she": ("person", "f"), "it": ("thing", None),
            "him": ("person", "m"), "his": ("person", "m"), "himself": ("person", "m"),
            "her": ("person", "f"), "hers": ("person", "f"), "herself": ("person", "f"),
            "its": ("thing", None), "itself": ("thing", None)}
REFLEXIVES = frozenset({"himself", "herself", "itself"})
PRONOUN_WINDOW = 3  # sentences back
DESCRIPTION_WINDOW = 5
_NOT_THINGS = frozenset({"person", "civilians"})
# Descriptions that name a title rather than a kind: "the minister", "the president".
TITLE_WORDS = data.word_list("title_words")  # lexicons/word_lists.tsv
PERSON_COMMON = data.word_list("person_common_nouns")
SAY_VERBS = data.word_list("say_verbs")
PERSON_NOUNS = data.word_list("person_nouns")
_PERSON_HEADS = PERSON_NOUNS | PERSON_COMMON | TITLE_WORDS  # "the former governor", "the man"
KIN = {**{w: "f" for w in data.word_list("kin_female")},
       **{w: "m" for w in data.word_list("kin_male")}}
# the sex a common noun for a person gives ("her husband", "the woman")
NOUN_GENDERS = {**KIN, **{w: "f" for w in data.word_list("female_nouns")},
                **{w: "m" for w in data.word_list("male_nouns")}}


@dataclass
class Known:
    """A mention already linked, as the resolver sees it."""

    start: int  # token offsets
    end: int
    actor: Actor
    subject: bool
    sent: int
    title: str | None = None  # a title the doc gave this person ("health minister")


class Resolver:
    """Antecedents over one doc's linked mentions, in token order."""

    def __init__(self, doc: Doc, known: Iterable[Known] = ()) -> None:
        self.doc = doc
        self.starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.known = sorted(known, key=lambda k: k.start)
        # genders the text gave people by the pronouns resolved to them so far ("Clinton urged
        # that *he* read the report": he is Duncan, so a later "she" is not Duncan)
        self.told: dict[str, str] = {}

    def sent(self, i: int) -> int:
        return bisect_right(self.starts, i) - 1

    def add(self, known: Known) -> None:
        insort(self.known, known, key=lambda k: k.start)

    def pronoun(self, token: Token) -> Known | None:
        """The actor a pronoun refers to, or None (also for expletive "it").

        A reflexive ("herself") is its clause's subject; an object pronoun ("told him")
        is never its own clause's subject.
        """
        want = PRONOUNS.get(token.lower_)
        if want is None or (token.lower_ == "it" and is_expletive(token)):
            return None
        kind, gender = want
        subject = _clause_subject(token)
        own = next((k for k in self.known if subject is not None and k.start <= subject.i < k.end),
                   None)

        speakers = self._speakers_of_quote(token) if kind == "person" else set()
        titled = {**self._kin_genders(), **self._honorific_genders()} if kind == "person" else {}
        participles = self._objects_of_participles(token)
        relatives = self._relatives_aside(token) if kind == "person" else set()

        def fitting(below: tuple[set[str], set[str]]) -> Callable[[Actor], bool]:
            def fits(actor: Actor) -> bool:
                if actor.id in below[0] or _surname(actor.name) in below[1] \
                        or actor.id in participles or actor.id in relatives:
                    return False
                if kind == "person":
                    return (actor.kind == "person"
                            and (actor.gender or titled.get(actor.id) or self.told.get(actor.id))
                            in (None, gender)
                            and actor.id not in speakers)
                return actor.kind not in _NOT_THINGS
            return fits

        below = self._named_below(token)
        fits = fitting(below)

        if token.lower_ in REFLEXIVES:
            return own if own is not None and fits(own.actor) else None
        quoted = _quoted_before(token)
        if kind == "person":
            quoted |= self._modifiers_before(token)
        if kind == "person" and _said_by(token) and (
                last := self._last_speaker(token, fits, quoted)) is not None:
            if gender:
                self.told.setdefault(last.actor.id, gender)
            return last
        if token.dep_ in ("dobj", "dative", "pobj") and own is not None:
            hit = self._latest(token.i, lambda a: fits(a) and a.id != own.actor.id,
                               PRONOUN_WINDOW, prefer_subject=True, skip=quoted)
        else:
            hit = None
            if kind == "person" and token.i not in _quoted_tokens(token.doc):
                # the narration's pronoun stands for someone the narration names, before someone
                # named in a speaker's quoted words ('"... Jon Stewart might have had it right."
                # He paused, then added': the speaker, not Stewart); only if no one fits outside
                hit = self._latest(token.i, fits, PRONOUN_WINDOW, prefer_subject=True,
                                   skip=quoted | _quoted_tokens(token.doc))
            if hit is None:
                hit = self._latest(token.i, fits, PRONOUN_WINDOW, prefer_subject=True, skip=quoted)
        if hit is None and kind == "person" and (
                mine := self._named_below(token, joined=False)) != below:
            hit = self._only_one(token, fitting(mine), quoted)
        if hit is not None and kind == "person" and self._unnamed_between(
                hit.end, token, _quoted_before(token), gender):
            return None  # "... the gunman was a citizen. He obtained ...": not the named one
        # a pronoun in someone's quoted words is resolved on weaker ground (the speaker may be
        # named only after the quote): it tells no one's gender
        if hit is not None and kind == "person" and gender and token.i not in _quoted_tokens(
                token.doc):
            self.told.setdefault(hit.actor.id, gender)
        return hit

    def _named_below(self, token: Token, joined: bool = True) -> tuple[set[str], set[str]]:
        """Actors (ids, surnames) named after a subject pronoun in its own clause, which it
        cannot stand for: "He called Steele's remarks inaccurate" and "She said Vesk must go"
        are not Steele's and Vesk's words. Without ``joined``, names in a clause joined to
        it with a subject of its own are left out ("He said he was hacked, and Rusk later
        apologized": see :meth:`_only_one`)."""
        if token.dep_ not in SUBJECT_DEPS:
            return set(), set()
        verb = token.head
        apart = set() if joined else {
            t.i for c in verb.children if c.dep_ in ("conj", "parataxis") and c.i > token.i
            and any(g.dep_ in SUBJECT_DEPS for g in c.children) for t in c.subtree}
        named = [k for k in self.known if token.i < k.start <= verb.right_edge.i
                 and k.start >= verb.left_edge.i and self.doc[k.start].pos_ == "PROPN"
                 and k.start not in apart]
        return ({k.actor.id for k in named},
                {_surname(self.doc[k.start:k.end].text) for k in named} - {""})

    def _only_one(self, token: Token, fits: Callable[[Actor], bool],
                  skip: frozenset[int]) -> Known | None:
        """A subject pronoun that fits no one because the one it may be is named again in a
        clause joined to its own ("Rep. Rusk spoke. He said he was hacked, and Rusk later
        apologized") is that one when no one else fits within ``PRONOUN_WINDOW`` sentences;
        with two who fit the name marks the other ("He said so, and Vesk agreed")."""
        here = self.sent(token.i)
        pool = [k for k in self.known if k.end <= token.i and here - k.sent <= PRONOUN_WINDOW
                and k.start not in skip and fits(k.actor)]
        return pool[-1] if len({k.actor.id for k in pool}) == 1 else None

    def _modifiers_before(self, token: Token) -> frozenset[int]:
        """Starts of the mentions earlier in the pronoun's sentence that only modify a common
        noun ("Asked about the Bridgeport rally, when he told": a rally's name, not someone
        the sentence is about); a person pronoun does not stand for them."""
        return frozenset(k.start for k in self.known if token.sent.start <= k.start < token.i
                         and (root := self.doc[k.start:k.end].root).dep_ == "compound"
                         and root.head.pos_ == "NOUN")

    def _objects_of_participles(self, token: Token) -> set[str]:
        """Actors named as the object of a participle opening the subject pronoun's sentence
        ("After meeting Mayor Rowe, he said", "Saying Obama was to blame, he added"): the
        participle's doer is the pronoun, so its object is someone else."""
        if token.dep_ not in SUBJECT_DEPS:
            return set()
        out = set()
        for k in self.known:
            if not token.sent.start <= k.start < token.i:
                continue
            root = self.doc[k.start:k.end].root
            verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
            if root.dep_ in ("dobj", "pobj") and verb.tag_ in ("VBG", "VBN") \
                    and verb.dep_ in ("advcl", "pcomp") and verb.i < token.i \
                    and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                out.add(k.actor.id)
        return out

    def _last_speaker(self, token: Token, fits: Callable[[Actor], bool],
                      skip: frozenset[int]) -> Known | None:
        """The speaker of the sentence before, for a pronoun that speaks at the head of its
        own ("Osei said Brandt offered him the job, and he accepted. He said there would be no
        delay": Osei, not Brandt, the latest subject). A speaker earlier in the pronoun's own
        sentence comes first ("Osei said Brandt must go, though he said Brandt had tried":
        Osei). None when the pronoun's sentence names someone else who fits before it, or the
        sentence before has no speaker who fits. Words in quotation marks (``skip``) are
        someone's speech, not the narration: no one named in them blocks or speaks, and
        after a quote of several sentences the sentence before is the one before the quote
        ('Osei said Brandt was honest. "He says so. I doubt it," he said': Osei)."""
        here = self.sent(token.i)
        before = [k for k in self.known if k.sent == here and k.end <= token.i
                  and k.start not in skip and fits(k.actor)]
        if before:
            own = [k for k in before if _said_by(self.doc[k.start])]
            return own[-1] if own else None
        first = min(skip, default=token.i)  # where the quote opens
        said = [k for k in self.known if self.sent(first) - 1 <= k.sent <= here
                and k.end <= first and k.start not in skip
                and fits(k.actor) and _said_by(self.doc[k.start])]
        return said[-1] if said else None

    def _honorific_genders(self) -> dict[str, str]:
        """Genders the doc's honorifics give people the gazetteer does not know: "Mr. Harris"
        is a man, "Ms. Carter" a woman (a "she" after "Mr. Harris asked" is not him)."""
        out: dict[str, str] = {}
        for k in self.known:
            if k.actor.kind != "person" or k.actor.gender:
                continue
            for i in (k.start, k.start - 1):
                word = self.doc[i].text.rstrip(".").lower() if 0 <= i < len(self.doc) else ""
                if word in HONORIFICS:
                    out.setdefault(k.actor.id, HONORIFICS[word])
                    break
        return out

    def _kin_genders(self) -> dict[str, str]:
        """Genders the doc's relatives' nouns give people the gazetteer does not know: "a
        daughter, Anna," and "Anna, his daughter," are a woman (``kin_female``, ``kin_male``)."""
        out: dict[str, str] = {}
        for k in self.known:
            if k.actor.kind == "person" and not k.actor.gender:
                kin = _kin_of(self.doc[k.start:k.end].root)
                if kin is not None:
                    out.setdefault(k.actor.id, KIN[kin.lemma_.lower()])
        return out

    def _relatives_aside(self, token: Token) -> set[str]:
        """People named only as someone's relative in the pronoun's sentence, which a subject
        pronoun does not stand for when a person noun before it is the sentence's subject
        ("The former governor has a son, Daniel, who is ill, and he said": the governor)."""
        if token.dep_ not in SUBJECT_DEPS:
            return set()
        sent = token.sent
        if not any(t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN" and t.i < token.i
                   and t.lemma_.lower() in _PERSON_HEADS and t.lemma_.lower() not in KIN
                   for t in sent):
            return set()
        out = set()
        for k in self.known:
            kin = _kin_of(self.doc[k.start:k.end].root, apposition_only=True) \
                if sent.start <= k.start < token.i else None
            # not one who acts in the sentence ("The senator and his wife, Anna, arrived")
            if kin is not None and kin.dep_ not in SUBJECT_DEPS and not (
                    kin.dep_ == "conj" and kin.head.dep_ in SUBJECT_DEPS):
                out.add(k.actor.id)
        return out

    def _speakers_of_quote(self, token: Token) -> set[str]:
        """The actors who speak the quoted words a third-person pronoun stands in: the subject
        of a verb of saying outside the quotation marks, in the pronoun's sentence or in the one
        before or after when that one quotes too or ends in a colon ('"... urged him to step
        aside," Romney said': him is not Romney)."""
        doc = token.doc
        inside = _quoted_tokens(doc)
        if token.i not in inside:
            return set()
        here = self.sent(token.i)

        def attributes_quote(si: int) -> bool:
            """The pronoun's sentence, or a neighbour that quotes too or opens the quote (":")."""
            if si == here:
                return True
            if abs(si - here) > 1:
                return False
            end = self.starts[si + 1] if si + 1 < len(self.starts) else len(doc)
            sent = doc[self.starts[si]:end]
            return any(t.i in inside for t in sent) or (si < here and sent.text.rstrip().endswith(":"))

        return {k.actor.id for k in self.known if attributes_quote(self.sent(k.start))
                and k.start not in inside and _said_by(doc[k.start])}

    def _unnamed_between(self, after: int, token: Token, quoted: frozenset[int],
                         gender: str | None) -> bool:
        """Whether a clause subject between ``after`` and the pronoun is an unnamed person
        ("the gunman", ``person_common_nouns``) that no known mention covers: the pronoun may
        be that person, and guessing the named one is worse than leaving it unresolved. One in
        the words the pronoun is quoted saying (``quoted``: '"My son is gone," she said') or
        of the other sex ("her husband was unarmed. She said") is not."""
        doc = token.doc
        for t in doc[after:token.i]:
            if (t.i not in quoted and t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN"
                    and t.lemma_.lower() in PERSON_COMMON and t.tag_ == "NN"
                    and (gender is None or NOUN_GENDERS.get(t.lemma_.lower()) in (None, gender))
                    and not any(k.start <= t.i < k.end for k in self.known)):
                return True
        return False

    def possessor(self, i: int) -> Known | None:
        """The state "its" at token ``i`` refers to ("its foreign ministry", "its troops")."""
        return self._latest(i, lambda a: a.kind == "state", PRONOUN_WINDOW, prefer_subject=True)

    def description(self, start: int, kind: str, key: str, title: str | None) -> Known | None:
        """The actor "the ministry" / "the defense ministry" / "the minister" refers to."""
        if title is not None:
            def fits(actor: Actor) -> bool:
                return actor.kind == "person"
            # the article's own titles for a person ("Vice President Joe Biden") stand for the
            # gazetteer's roles, which span a career ("the president" is not Biden in 2013)
            told: dict[str, set[str]] = {}
            for k in self.known:
                if k.title:
                    told.setdefault(k.actor.id, set()).add(k.title)
            known = [k for k in self.known if k.start < start and k.actor.kind == "person"
                     and _holds(k, title, told.get(k.actor.id))]
            return known[-1] if known and self.sent(start) - known[-1].sent <= DESCRIPTION_WINDOW else None
        suffix = "." + key if "." in key else None

        def fits_kind(actor: Actor) -> bool:
            return actor.kind == kind and (suffix is None or actor.id.endswith(suffix))

        return self._latest(start, fits_kind, DESCRIPTION_WINDOW, prefer_subject=False)

    def _latest(self, before: int, fits: object, window: int, prefer_subject: bool,
                skip: frozenset[int] = frozenset()) -> Known | None:
        here = self.sent(before)
        pool = [k for k in self.known if k.end <= before and here - k.sent <= window
                and k.start not in skip and fits(k.actor)]  # type: ignore[operator]
        if prefer_subject:
            # the same sentence first ("X said that it ..."), then the sentences before
            for group in ([k for k in pool if k.sent == here], [k for k in pool if k.sent < here]):
                subjects = [k for k in group if k.subject]
                if subjects or group:
                    return (subjects or group)[-1]
        return pool[-1] if pool else None


OPEN_QUOTES = frozenset({'"', "“", "``"})
CLOSE_QUOTES = frozenset({'"', "”", "''"})


def _quoted_before(token: Token) -> frozenset[int]:
    """Token indices inside quotation marks earlier in the pronoun's sentence (and the rest of a
    quote that runs into it), when the pronoun itself is outside them: a speaker is not someone
    named in their own quoted words ("'We will confirm Judge X,' he told reporters": he is not X)."""
    quoted = _quoted_tokens(token.doc)
    if token.i in quoted:
        return frozenset()
    out = {i for i in quoted if token.sent.start <= i < token.i}
    # a quote that closes in this sentence was opened in an earlier one: all of it is the
    # speaker's words ('"Nothing the president proposes ... . X is targeting ...," he said')
    if out:
        first = _quote_start(token.doc, quoted, min(out))
        out |= set(range(first, token.sent.start))
    return frozenset(out)


def _quote_start(doc: Doc, quoted: frozenset[int], i: int) -> int:
    """The first quoted token of the quote holding token ``i``, back across paragraphs: a
    paragraph that ends inside a quote (no closing mark) goes on in the next one, which opens
    with a mark again (the speaker of '"… victims.¶"The mistake I made …," he said' is the
    one who spoke the paragraph before)."""
    while True:
        while i - 1 in quoted:
            i -= 1
        j = i - 2  # before the opening mark
        while j >= 0 and doc[j].is_space:
            j -= 1
        if i < 1 or doc[i - 1].text not in OPEN_QUOTES or j < 0 or j not in quoted \
                or "\n" not in doc[j].text_with_ws + doc[j + 1].text:
            return i
        i = j


def _quoted_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens inside quotation marks, over the whole doc (a quote may run across
    sentences); a paragraph break closes an open quote. Cached on the doc."""
    cached = doc.user_data.get("rashomon_quoted_tokens")
    if cached is not None:
        return cached
    result = _within_marks(doc, paragraphs=True)[0]
    doc.user_data["rashomon_quoted_tokens"] = result
    return result


def _within_marks(tokens: Iterable[Token], paragraphs: bool = False) -> tuple[frozenset[int], bool]:
    """(indices of the tokens between quotation marks, whether a quote is still open at the
    end); with ``paragraphs``, a paragraph break closes an open quote."""
    inside, out = False, set()
    for t in tokens:
        if paragraphs and ("\n\n" in t.text_with_ws or t.is_space and "\n" in t.text):
            inside = False
        if t.text in OPEN_QUOTES and not inside:
            inside = True
        elif t.text in CLOSE_QUOTES and inside:
            inside = False
        elif inside:
            out.add(t.i)
    return frozenset(out), inside


def _surname(name: str) -> str:
    """The last word of a name, lower case, without a possessive ("Steele's" → "steele")."""
    words = name.replace("\u2019", "'").split()
    return words[-1].lower().removesuffix("'s") if words else ""


def _said_by(tok: Token) -> bool:
    """Whether a mention token is the subject of a verb of saying ("Romney said", "said Romney",
    "Romney released a statement saying")."""
    while tok.dep_ == "compound":
        tok = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    verb = tok.head
    # "Romney released a statement saying: ...": the verb of saying may hang on the main verb
    return verb.lemma_.lower() in SAY_VERBS or any(
        c.lemma_.lower() in SAY_VERBS and c.dep_ in ("advcl", "xcomp", "acl", "conj")
        for c in (*verb.children, *(g for c in verb.children if c.dep_ == "dobj"
                                    for g in c.children)))


def _kin_of(root: Token, apposition_only: bool = False) -> Token | None:
    """The relative's noun a name is set off with: "a daughter, Anna" (the name in apposition
    to the noun) or, unless ``apposition_only``, "Anna, his daughter" (the noun to the name)."""
    if root.dep_ == "appos" and root.head.lemma_.lower() in KIN and root.head.i < root.i:
        return root.head
    if apposition_only:
        return None
    return next((c for c in root.children if c.dep_ == "appos" and c.i > root.i
                 and c.lemma_.lower() in KIN), None)


def _clause_subject(token: Token) -> Token | None:
    """The subject of the verb governing ``token`` (through one preposition), or the one a
    conjoined verb shares ("X met Y and urged *him*": X)."""
    head = token.head.head if token.dep_ == "pobj" else token.head
    for _ in range(4):
        subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None or head.dep_ != "conj" or head.head.i == head.i:
            return subj
        head = head.head
    return None


def _holds(known: Known, title: str, told: set[str] | None = None) -> bool:
    """Whether a person holds a title: the doc's own titles for them (``told``) when it gives
    any, else their gazetteer roles."""
    titles = sorted(told) if told else [r.title for r in known.actor.roles]
    if title in ("minister",):
        return any("minister" in t for t in titles)
    # "foreign minister" is a minister, but a vice president is not "the president"
    return any(t == title or (t.endswith(" " + title) and not is_second(t, title)) for t in titles)


def is_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether a mention is a clause subject ("X said", "X and Y agreed", "X, who said")."""
    root = doc[start:end].root
    if root.dep_ in SUBJECT_DEPS:
        return True
    if root.dep_ in ("conj", "appos") and root.head.dep_ in SUBJECT_DEPS:
        return True
    for child in root.children:
        if child.dep_ == "relcl" and any(
            g.dep_ in SUBJECT_DEPS and g.lower_ in ("who", "which", "that") for g in child.children
        ):
            return True
    return False


_WILL_ADJECTIVES = data.word_list("intent_adjectives")  # lexicons/word_lists.tsv


def is_expletive(token: Token) -> bool:
    """ "It is hoped that ...", "it was hazardous to ...": no referent."""
    if token.dep_ == "expl":
        return True
    head = token.head
    if any(c.dep_ == "auxpass" for c in head.children):
        return True
    if head.lemma_ == "be":
        # "it is willing to ...", "it was ready to ...": an actor's stance, not an expletive
        if any(c.dep_ == "acomp" and c.lemma_ in _WILL_ADJECTIVES for c in head.children):
            return False
        return not any(c.dep_ == "attr" for c in head.children)
    return head.lemma_ in ("seem", "appear", "take", "rain")


__all__ = ["CLOSE_QUOTES", "OPEN_QUOTES", "TITLE_WORDS", "Known", "Resolver", "is_expletive", "is_subject"]
