"""rashomon_events: triggers, arguments and status on hand-built parses (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from rashomon.nlp.events import lexicon as events_lexicon
from rashomon.nlp.events.component import EventCoder, collect
from rashomon.records import Actor

COUNTRIES = {"Ruritania": "RUR", "Freedonia": "FRE"}
VOCAB = spacy.blank("en").vocab  # lexical attributes (lower_, is_space) need a language


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def build(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parsed doc from (word, head, dep, pos, lemma) rows; country names become actors."""
    words, heads, deps, pos, lemmas = (list(col) for col in zip(*rows))
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc._.article_id, doc._.actors, doc._.data = "art1", {}, {}
    mentions = []
    for tok in doc:
        if tok.text in COUNTRIES:
            actor = Actor(id=tok.text.lower(), name=tok.text, kind="state",
                          country=COUNTRIES[tok.text], sectors=("GOV",))
            doc._.actors[actor.id] = actor
            span = Span(doc, tok.i, tok.i + 1, label="ACTOR")
            span._.actor_id, span._.link = actor.id, "test"
            mentions.append(span)
    doc.spans["rashomon_mentions"] = mentions
    return doc


ACCUSE_THEN_DENY = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("accused", 1, "ROOT", "VERB", "accuse"),
    ("Freedonia", 1, "dobj", "PROPN", "Freedonia"), ("of", 1, "prep", "ADP", "of"),
    ("shelling", 3, "pcomp", "VERB", "shell"), ("the", 6, "det", "DET", "the"),
    ("town", 4, "dobj", "NOUN", "town"), (".", 1, "punct", "PUNCT", "."),
    ("Freedonia", 9, "nsubj", "PROPN", "Freedonia"), ("denied", 9, "ROOT", "VERB", "deny"),
    ("the", 11, "det", "DET", "the"), ("allegation", 9, "dobj", "NOUN", "allegation"),
    (".", 9, "punct", "PUNCT", "."),
]


def test_accusation_alleged_event_and_later_denial(coder: EventCoder) -> None:
    events = collect(coder(build(ACCUSE_THEN_DENY)))
    accuse, shell, denial = events
    assert (accuse.type, accuse.status, accuse.source, accuse.target) == \
        ("ACCUSE", "asserted", "Ruritania", "Freedonia")
    assert (shell.type, shell.status, shell.claimant, shell.source) == \
        ("ASSAULT", "alleged", "Ruritania", "Freedonia")
    assert shell.parent_id == accuse.id and shell.mode == "heavy-weapons"
    assert (denial.type, denial.status, denial.claimant) == ("ASSAULT", "denied", "Freedonia")
    assert denial.parent_id == shell.id and denial.sentence.startswith("Freedonia denied")
    assert accuse.quad_class == 3 and shell.quad_class == 4


def test_future_and_conditional_are_hypothetical(coder: EventCoder) -> None:
    doc = build([
        ("Freedonia", 2, "nsubj", "PROPN", "Freedonia"), ("will", 2, "aux", "AUX", "will"),
        ("send", 2, "ROOT", "VERB", "send"), ("troops", 2, "dobj", "NOUN", "troop"),
        ("if", 6, "mark", "SCONJ", "if"), ("Ruritania", 6, "nsubj", "PROPN", "Ruritania"),
        ("asks", 2, "advcl", "VERB", "ask"), (".", 2, "punct", "PUNCT", "."),
    ])
    send, ask = collect(coder(doc))
    assert (send.type, send.status, send.source) == ("MOBILIZE", "hypothetical", "Freedonia")
    assert (ask.type, ask.status, ask.source) == ("REQUEST", "hypothetical", "Ruritania")
    assert events_lexicon.coded_type(send.type, send.status) == "THREATEN"


def test_negated_event_is_kept_but_never_asserted(coder: EventCoder) -> None:
    doc = build([
        ("Freedonia", 3, "nsubj", "PROPN", "Freedonia"), ("did", 3, "aux", "AUX", "do"),
        ("not", 3, "neg", "PART", "not"), ("attack", 3, "ROOT", "VERB", "attack"),
        ("Ruritania", 3, "dobj", "PROPN", "Ruritania"), (".", 3, "punct", "PUNCT", "."),
        ("Ruritania", 7, "nsubj", "PROPN", "Ruritania"), ("said", 7, "ROOT", "VERB", "say"),
        ("nothing", 7, "dobj", "PRON", "nothing"), (".", 7, "punct", "PUNCT", "."),
    ])
    (attack,) = collect(coder(doc))  # plain speech is no event
    assert (attack.type, attack.polarity, attack.status) == ("ASSAULT", "negated", "negated")
    assert (attack.source, attack.target) == ("Freedonia", "Ruritania")


def test_reported_event_is_alleged_by_the_speaker(coder: EventCoder) -> None:
    doc = build([
        ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("said", 1, "ROOT", "VERB", "say"),
        ("Freedonia", 3, "nsubj", "PROPN", "Freedonia"), ("attacked", 1, "ccomp", "VERB", "attack"),
        ("its", 5, "poss", "PRON", "its"), ("border", 3, "dobj", "NOUN", "border"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    (attack,) = collect(coder(doc))
    assert (attack.type, attack.status, attack.claimant) == ("ASSAULT", "alleged", "Ruritania")
    assert attack.source == "Freedonia" and attack.parent_id is None


def test_phone_call_sets_consult_mode(coder: EventCoder) -> None:
    doc = build([
        ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("phoned", 1, "ROOT", "VERB", "phone"),
        ("Freedonia", 1, "dobj", "PROPN", "Freedonia"), (".", 1, "punct", "PUNCT", "."),
    ])
    (call,) = collect(coder(doc))
    assert (call.type, call.mode, call.source, call.target) == \
        ("CONSULT", "phone", "Ruritania", "Freedonia")
    assert call.trigger == "phoned" and (call.start, call.end) == (10, 16)


def test_user_lexicon_adds_a_trigger(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my triggers\njoust\tV\tASSAULT\tfirearms\t-\t-\n", encoding="utf-8")
    doc = build([
        ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("jousted", 1, "ROOT", "VERB", "joust"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    assert collect(EventCoder()(doc)) == []
    (event,) = collect(EventCoder(lexicons=[str(extra)])(doc))
    assert (event.type, event.mode) == ("ASSAULT", "firearms")


def test_malformed_lexicon_row_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("skirmish\tV\tBRAWL\t-\t-\t-\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        events_lexicon.load(triggers=[bad])
    bad.write_text("skirmish\tV\tASSAULT\t-\tweather=rain\t-\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown condition"):
        events_lexicon.load(triggers=[bad])


def test_every_plover_type_has_triggers() -> None:
    lex = events_lexicon.load()
    types = {row.type for rows in lex.triggers.values() for row in rows}
    assert types == set(events_lexicon.PLOVER)
    assert len(events_lexicon.PLOVER) == 16


def test_excluded_objects_condition(tmp_path: Path) -> None:
    extra = tmp_path / "extra.tsv"
    extra.write_text("@paper\tletter|memo\nfree\tV\tRETREAT\trelease\tobj=!@paper\t-\n",
                     encoding="utf-8")
    lex = events_lexicon.load(triggers=[events_lexicon.TRIGGERS, extra])
    (cond,) = lex.triggers[("free", "V")][-1].when
    assert cond.negate and cond.values == frozenset({"letter", "memo"})
