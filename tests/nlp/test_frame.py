"""rashomon.nlp.frame: polarity, modality, sourcing and speakers on hand-built parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from rashomon.nlp.frame import Frame, can_speak, frame_of, read, sourcing_of
from rashomon.records import Actor

VOCAB = spacy.blank("en").vocab


def build(rows: list[tuple[str, int, str, str, str]], ents: list[str] | None = None) -> Doc:
    """A parsed doc from (word, head, dep, pos, lemma) rows."""
    words, heads, deps, pos, lemmas = (list(col) for col in zip(*rows))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


def tok(doc: Doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


FELL_SHORT = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("fell", 1, "ROOT", "VERB", "fall"),
    ("short", 1, "advmod", "ADV", "short"), ("of", 2, "prep", "ADP", "of"),
    ("condemning", 3, "pcomp", "VERB", "condemn"), ("Freedonia", 4, "dobj", "PROPN", "Freedonia"),
    (".", 1, "punct", "PUNCT", "."),
]
STEPPED_BACK = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("stepped", 1, "ROOT", "VERB", "step"),
    ("back", 1, "advmod", "ADV", "back"), ("from", 2, "prep", "ADP", "from"),
    ("giving", 3, "pcomp", "VERB", "give"), ("support", 4, "dobj", "NOUN", "support"),
    (".", 1, "punct", "PUNCT", "."),
]
NEVER = [
    ("Ruritania", 2, "nsubj", "PROPN", "Ruritania"), ("never", 2, "neg", "ADV", "never"),
    ("considered", 2, "ROOT", "VERB", "consider"), ("Freedonia", 4, "nsubj", "PROPN", "Freedonia"),
    ("ally", 2, "ccomp", "NOUN", "ally"), (".", 2, "punct", "PUNCT", "."),
]
FAILED = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("failed", 1, "ROOT", "VERB", "fail"),
    ("to", 3, "aux", "PART", "to"), ("condemn", 1, "xcomp", "VERB", "condemn"),
    ("Freedonia", 3, "dobj", "PROPN", "Freedonia"), (".", 1, "punct", "PUNCT", "."),
]
DID_NOT_FAIL = [
    ("Ruritania", 3, "nsubj", "PROPN", "Ruritania"), ("did", 3, "aux", "AUX", "do"),
    ("not", 3, "neg", "PART", "not"), ("fail", 3, "ROOT", "VERB", "fail"),
    ("to", 5, "aux", "PART", "to"), ("condemn", 3, "xcomp", "VERB", "condemn"),
    (".", 3, "punct", "PUNCT", "."),
]
SAID_NOT = [  # the negation of the reported clause is not the speaker's
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("said", 1, "ROOT", "VERB", "say"),
    ("Freedonia", 5, "nsubj", "PROPN", "Freedonia"), ("did", 5, "aux", "AUX", "do"),
    ("not", 5, "neg", "PART", "not"), ("attack", 1, "ccomp", "VERB", "attack"),
    (".", 1, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("rows, word, expected", [
    (FELL_SHORT, "condemning", Frame("negated", "actual")),
    (STEPPED_BACK, "giving", Frame("negated", "actual")),
    (NEVER, "considered", Frame("negated", "actual")),
    (FAILED, "condemn", Frame("negated", "actual")),
    (DID_NOT_FAIL, "condemn", Frame("positive", "actual")),
    (SAID_NOT, "attack", Frame("negated", "actual")),
    (SAID_NOT, "said", Frame("positive", "actual")),
])
def test_negation_must_govern_the_predicate(rows, word, expected) -> None:  # type: ignore[no-untyped-def]
    doc = build(rows)
    assert frame_of(tok(doc, word)) == expected


THREAT = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("threatened", 1, "ROOT", "VERB", "threaten"),
    ("to", 3, "aux", "PART", "to"), ("use", 1, "xcomp", "VERB", "use"),
    ("jets", 3, "dobj", "NOUN", "jet"), (".", 1, "punct", "PUNCT", "."),
]
WOULD_IF = [
    ("Ruritania", 2, "nsubj", "PROPN", "Ruritania"), ("would", 2, "aux", "AUX", "would"),
    ("retaliate", 2, "ROOT", "VERB", "retaliate"), ("if", 5, "mark", "SCONJ", "if"),
    ("Freedonia", 5, "nsubj", "PROPN", "Freedonia"), ("attacked", 2, "advcl", "VERB", "attack"),
    (".", 2, "punct", "PUNCT", "."),
]
WILL_NOT = [
    ("Ruritania", 3, "nsubj", "PROPN", "Ruritania"), ("wo", 3, "aux", "AUX", "will"),
    ("n't", 3, "neg", "PART", "not"), ("withdraw", 3, "ROOT", "VERB", "withdraw"),
    (".", 3, "punct", "PUNCT", "."),
]
ASKED_WHETHER = [
    ("Reporters", 1, "nsubj", "NOUN", "reporter"), ("asked", 1, "ROOT", "VERB", "ask"),
    ("whether", 4, "mark", "SCONJ", "whether"), ("Ruritania", 4, "nsubj", "PROPN", "Ruritania"),
    ("attacked", 1, "ccomp", "VERB", "attack"), (".", 1, "punct", "PUNCT", "."),
]
DID_QUESTION = [
    ("Did", 2, "aux", "AUX", "do"), ("Ruritania", 2, "nsubj", "PROPN", "Ruritania"),
    ("attack", 2, "ROOT", "VERB", "attack"), ("?", 2, "punct", "PUNCT", "?"),
]


@pytest.mark.parametrize("rows, word, modality", [
    (THREAT, "use", "future"),
    (THREAT, "threatened", "actual"),
    (WOULD_IF, "retaliate", "hypothetical"),
    (WOULD_IF, "attacked", "hypothetical"),
    (WILL_NOT, "withdraw", "future"),
    (ASKED_WHETHER, "attacked", "question"),
    (ASKED_WHETHER, "asked", "actual"),
    (DID_QUESTION, "attack", "question"),
])
def test_modality(rows, word, modality) -> None:  # type: ignore[no-untyped-def]
    assert frame_of(tok(build(rows), word)).modality == modality


WOULD_LIKE = [
    ("I", 2, "nsubj", "PRON", "I"), ("would", 2, "aux", "AUX", "would"),
    ("like", 2, "ROOT", "VERB", "like"), ("to", 4, "aux", "PART", "to"),
    ("thank", 2, "xcomp", "VERB", "thank"), ("my", 6, "poss", "PRON", "my"),
    ("staff", 4, "dobj", "NOUN", "staff"), (".", 2, "punct", "PUNCT", "."),
]
WOULD_LIKE_VISIT = [(w if w != "thank" else "visit", h, d, p, lem if lem != "thank" else "visit")
                    for w, h, d, p, lem in WOULD_LIKE]


def test_a_polite_wish_to_thank_is_the_thanking_itself() -> None:
    assert frame_of(tok(build(WOULD_LIKE), "thank")).modality == "actual"
    # a wish to do something else is still a wish
    assert frame_of(tok(build(WOULD_LIKE_VISIT), "visit")).modality == "hypothetical"


def test_wont_is_future_and_negated() -> None:
    assert frame_of(tok(build(WILL_NOT), "withdraw")) == Frame("negated", "future")


def test_no_determiner_negates_the_passive() -> None:
    doc = build([
        ("No", 1, "det", "DET", "no"), ("troops", 3, "nsubjpass", "NOUN", "troop"),
        ("were", 3, "auxpass", "AUX", "be"), ("sent", 3, "ROOT", "VERB", "send"),
        (".", 3, "punct", "PUNCT", "."),
    ])
    assert frame_of(doc[3]).polarity == "negated"


def test_content_frame_stays_within_its_span() -> None:
    doc = build(FAILED)  # the content "to condemn Freedonia" does not inherit "failed"
    assert frame_of(doc[3], within=(2, 5)).polarity == "positive"


def test_user_lexicon_adds_a_negating_verb(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "extra.tsv"
    extra.write_text("cue\tkind\tnote\nshun\tnegating\t-\n", encoding="utf-8")
    lex = read([extra])
    doc = build([
        ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("shunned", 1, "ROOT", "VERB", "shun"),
        ("to", 3, "aux", "PART", "to"), ("sign", 1, "xcomp", "VERB", "sign"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    assert frame_of(doc[3], lex).polarity == "negated"
    assert frame_of(doc[3]).polarity == "positive"


def phrase(rows: list[tuple[str, int, str, str, str]], ents: list[str] | None = None) -> Span:
    doc = build(rows, ents)
    return doc[:]


@pytest.mark.parametrize("rows, ents, ok", [
    ([("Fierce", 1, "amod", "ADJ", "fierce"), ("clashes", 1, "ROOT", "NOUN", "clash")], None, False),
    ([("Recent", 1, "amod", "ADJ", "recent"), ("evidence", 1, "ROOT", "NOUN", "evidence")], None, False),
    ([("the", 1, "det", "DET", "the"), ("world", 1, "ROOT", "NOUN", "world")], None, False),
    ([("more", 1, "amod", "ADJ", "more"), ("than", 2, "quantmod", "ADP", "than"),
      ("80", 3, "nummod", "NUM", "80"), ("fighters", 3, "ROOT", "NOUN", "fighter")], None, False),
    ([("the", 1, "det", "DET", "the"), ("fighters", 1, "ROOT", "NOUN", "fighter")], None, True),
    ([("Officials", 0, "ROOT", "NOUN", "official")], None, True),
    ([("Ruritania", 0, "ROOT", "PROPN", "Ruritania")], ["B-GPE"], True),
    ([("the", 1, "det", "DET", "the"), ("region", 1, "ROOT", "NOUN", "region")], None, False),
    ([("Tuesday", 0, "ROOT", "PROPN", "Tuesday")], ["B-DATE"], False),
    ([("a", 1, "det", "DET", "a"), ("number", 1, "ROOT", "NOUN", "number"),
      ("of", 1, "prep", "ADP", "of"), ("experts", 2, "pobj", "NOUN", "expert")], None, True),
    ([("she", 0, "ROOT", "PRON", "she")], None, True),
    # an election's outcome cannot speak: "Orsk's loss recalled the defeat of ..." is the outlet's
    ([("Orsk", 2, "poss", "PROPN", "Orsk"), ("'s", 0, "case", "PART", "'s"),
      ("loss", 2, "ROOT", "NOUN", "loss")], None, False),
    # nor a hearing: "the hearings did little to explain why ..." is the outlet's judgement
    ([("the", 1, "det", "DET", "the"), ("hearings", 1, "ROOT", "NOUN", "hearing")], None, False),
])
def test_speakers_that_can_speak(rows, ents, ok) -> None:  # type: ignore[no-untyped-def]
    assert can_speak(phrase(rows, ents)) is ok


def test_sourcing_kinds() -> None:
    officials = phrase([("Turkish", 1, "amod", "ADJ", "turkish"),
                        ("officials", 1, "ROOT", "NOUN", "official")])
    assert sourcing_of(officials) == "unnamed_official"
    reports = phrase([("Reports", 0, "ROOT", "NOUN", "report")])
    assert sourcing_of(reports) == "anonymous"
    assert sourcing_of(None) == "anonymous"
    reuters = phrase([("Reuters", 0, "ROOT", "PROPN", "Reuters")])
    assert sourcing_of(reuters) == "medium"
    agency = phrase([("state", 2, "compound", "NOUN", "state"), ("news", 2, "compound", "NOUN", "news"),
                     ("agency", 2, "ROOT", "NOUN", "agency"), ("Anadolu", 2, "appos", "PROPN", "Anadolu")])
    assert sourcing_of(agency) == "medium"
    minister = phrase([("Minister", 1, "compound", "PROPN", "Minister"),
                       ("Smith", 1, "ROOT", "PROPN", "Smith")])
    person = Actor(id="p", name="Ann Smith", kind="person")
    assert sourcing_of(minister, person) == "named"
    paper = Actor(id="m", name="The Daily Planet", kind="media")
    assert sourcing_of(phrase([("Planet", 0, "ROOT", "PROPN", "Planet")]), paper) == "medium"


def test_people_described_but_not_named_are_an_unnamed_source() -> None:
    those = phrase([("those", 0, "ROOT", "PRON", "those"), ("briefed", 0, "acl", "VERB", "brief")])
    assert sourcing_of(those) == "unnamed_official"
    people = phrase([("people", 0, "ROOT", "NOUN", "people"), ("familiar", 0, "amod", "ADJ", "familiar")])
    assert sourcing_of(people) == "unnamed_official"


def test_a_group_the_outlet_does_not_name_is_an_unnamed_source() -> None:
    sheriffs = phrase([("Some", 1, "det", "DET", "some"), ("sheriffs", 1, "ROOT", "NOUN", "sheriff")])
    assert sourcing_of(sheriffs) == "unnamed_official"
    advocates = phrase([("Water", 1, "compound", "PROPN", "Water"),  # capitalized: first word
                        ("advocates", 1, "ROOT", "NOUN", "advocate")])
    assert sourcing_of(advocates) == "unnamed_official"
    # a definite group points back to someone named; a named body is named
    states = phrase([("the", 2, "det", "DET", "the"), ("two", 2, "nummod", "NUM", "two"),
                     ("states", 2, "ROOT", "NOUN", "state")])
    assert sourcing_of(states) == "named"
    assert sourcing_of(phrase([("the", 1, "det", "DET", "the"),
                               ("ministry", 1, "ROOT", "NOUN", "ministry")])) == "named"


def test_subheads_are_short_unpunctuated_paragraphs() -> None:
    from rashomon.nlp.frame import in_subhead, subheads

    text = "Ruritania attacked Freedonia.\n\nFight till the end\n\nFreedonia said it would resist."
    doc = Doc(VOCAB, words=text.replace("\n\n", " \n\n ").split(" "))
    body = doc.text
    (start, end), = subheads(doc)
    assert body[start:end].strip() == "Fight till the end"
    assert in_subhead(next(t for t in doc if t.text == "till"))
    assert not in_subhead(doc[0])


REFUSAL_TO_MEET = [
    ("His", 1, "poss", "PRON", "his"), ("refusal", 4, "nsubj", "NOUN", "refusal"),
    ("to", 3, "aux", "PART", "to"), ("meet", 1, "acl", "VERB", "meet"),
    ("angered", 4, "ROOT", "VERB", "anger"), ("voters", 4, "dobj", "NOUN", "voter"),
    (".", 4, "punct", "PUNCT", "."),
]
OFFERED_MEETING = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("offered", 1, "ROOT", "VERB", "offer"),
    ("a", 3, "det", "DET", "a"), ("meeting", 1, "dobj", "NOUN", "meeting"),
    (".", 1, "punct", "PUNCT", "."),
]
HELD_MEETING = [(w, h, "dobj" if w == "meeting" else d, p, "hold" if w == "offered" else lem)
                for w, h, d, p, lem in OFFERED_MEETING]
ROLE_TO_PLAY = [
    ("a", 1, "det", "DET", "a"), ("role", 1, "ROOT", "NOUN", "role"),
    ("to", 3, "aux", "PART", "to"), ("play", 1, "acl", "VERB", "play"),
]


def test_a_noun_governs_its_infinitive_and_an_offer_its_object() -> None:
    assert frame_of(tok(build(REFUSAL_TO_MEET), "meet")).polarity == "negated"
    assert frame_of(tok(build(REFUSAL_TO_MEET), "angered")).polarity == "positive"
    assert frame_of(tok(build(OFFERED_MEETING), "meeting")).modality == "future"
    assert frame_of(tok(build(HELD_MEETING), "meeting")).modality == "actual"
    assert frame_of(tok(build(ROLE_TO_PLAY), "play")) == Frame("positive", "actual")
