"""The example-phrase fallback of rashomon_events (a sentence no trigger row covers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span

from rashomon.errors import RashomonError
from rashomon.nlp.events import examples as events_examples
from rashomon.nlp.events.component import EventCoder, collect
from rashomon.records import Actor
from rashomon.vocab import PLOVER
from tests.nlp.test_events import build

# "Ruritania complimented Freedonia ." ("compliment" is in no trigger row)
LAUDED = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"),
    ("complimented", 1, "ROOT", "VERB", "compliment"),
    ("Freedonia", 1, "dobj", "PROPN", "Freedonia"), (".", 1, "punct", "PUNCT", "."),
]
# "Officials said Ruritania complimented Freedonia ."
SAID_LAUDED = [
    ("Officials", 1, "nsubj", "NOUN", "official"), ("said", 1, "ROOT", "VERB", "say"),
    ("Ruritania", 3, "nsubj", "PROPN", "Ruritania"),
    ("complimented", 1, "ccomp", "VERB", "compliment"),
    ("Freedonia", 3, "dobj", "PROPN", "Freedonia"), (".", 1, "punct", "PUNCT", "."),
]
# "Ruritania sat down ." : no event, and no example close enough
WALKED = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("sat", 1, "ROOT", "VERB", "sit"),
    ("down", 1, "prt", "ADP", "down"), (".", 1, "punct", "PUNCT", "."),
]


def test_every_type_has_examples_and_no_gold_text() -> None:
    ex = events_examples.load()
    assert set(ex.types) == set(PLOVER)
    assert ex.vectors.shape[0] == len(ex.phrases)
    assert events_examples.head_words("pulled out its forces") == "pulled out"
    assert events_examples.head_words("attacked") == "attacked"


def test_nearest_example_generalises_to_an_unlisted_verb() -> None:
    ex = events_examples.load()
    best = ex.nearest("complimented")
    assert best is not None and best.type == "SUPPORT" and best.score > 0.6 and best.lead > 0
    assert ex.nearest("") is None


def test_uncovered_main_verb_takes_the_example_type() -> None:
    coder = EventCoder(threshold=0.6)  # unlisted verbs sit lower than the shipped threshold
    events = collect(coder(build(LAUDED)))
    assert [(e.type, e.source, e.target, e.status) for e in events] == \
        [("SUPPORT", "Ruritania", "Freedonia", "asserted")]
    assert collect(EventCoder(use_examples=False, threshold=0.6)(build(LAUDED))) == []
    assert collect(EventCoder()(build(LAUDED))) == []  # 0.64 < THRESHOLD


def test_fallback_looks_through_a_report_verb_and_keeps_its_status() -> None:
    events = collect(EventCoder(threshold=0.6)(build(SAID_LAUDED)))
    assert [(e.type, e.trigger, e.status) for e in events] == \
        [("SUPPORT", "complimented", "alleged")]


def test_no_event_when_no_example_is_close() -> None:
    assert collect(EventCoder()(build(WALKED))) == []


# "Ruritania expressed interest ." : "expressed" heads examples of AGREE and SUPPORT
EXPRESSED = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("expressed", 1, "ROOT", "VERB", "express"),
    ("interest", 1, "dobj", "NOUN", "interest"), (".", 1, "punct", "PUNCT", "."),
]


def test_no_guess_for_a_verb_that_heads_examples_of_two_types() -> None:
    best = events_examples.load().nearest("expressed")
    assert best is not None and best.score > 0.99 and best.lead < events_examples.MARGIN
    assert collect(EventCoder(margin=0.0)(build(EXPRESSED)))  # the tie once went to AGREE
    assert collect(EventCoder()(build(EXPRESSED))) == []


def test_user_examples_and_malformed_rows(tmp_path: Path) -> None:
    good = tmp_path / "mine.tsv"
    good.write_text("# mine\nASSAULT\tstrafed the convoy\n", encoding="utf-8")
    ex = events_examples.load([good])
    assert ex.types == ("ASSAULT",) and ex.nearest("strafed").type == "ASSAULT"  # type: ignore[union-attr]
    bad = tmp_path / "bad.tsv"
    bad.write_text("FIGHTING\tfought\n", encoding="utf-8")
    with pytest.raises(RashomonError, match="R016"):
        events_examples.load([bad])


# "Ruritania opened fire to disperse Freedonia ." : the target is in the purpose clause
PURPOSE = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("opened", 1, "ROOT", "VERB", "open"),
    ("fire", 1, "dobj", "NOUN", "fire"), ("to", 4, "aux", "PART", "to"),
    ("disperse", 1, "advcl", "VERB", "disperse"), ("Freedonia", 4, "dobj", "PROPN", "Freedonia"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_target_from_the_purpose_clause() -> None:
    events = collect(EventCoder()(build(PURPOSE)))
    assert [(e.type, e.source, e.target) for e in events][:1] == \
        [("ASSAULT", "Ruritania", "Freedonia")]


# "The rebels said they attacked Freedonia ." with "rebels" a Ruritanian actor mention
SAID_THEY = [
    ("The", 1, "det", "DET", "the"), ("rebels", 2, "nsubj", "NOUN", "rebel"),
    ("said", 2, "ROOT", "VERB", "say"), ("they", 4, "nsubj", "PRON", "they"),
    ("attacked", 2, "ccomp", "VERB", "attack"), ("Freedonia", 4, "dobj", "PROPN", "Freedonia"),
    (".", 2, "punct", "PUNCT", "."),
]


def test_pronoun_of_a_reported_clause_is_the_reporter() -> None:
    doc = build(SAID_THEY)
    doc[1].tag_ = "NNS"
    rebels = Span(doc, 1, 2, label="ACTOR")
    rebels._.actor_id, rebels._.link = "rur.reb", "test"
    doc._.actors["rur.reb"] = Actor(id="rur.reb", name="Ruritanian rebels", kind="group",
                                    country="RUR", sectors=("REB",))
    doc.spans["rashomon_mentions"] = [rebels, *doc.spans["rashomon_mentions"]]
    events = collect(EventCoder()(doc))
    assert [(e.type, e.source, e.target, e.status) for e in events] == \
        [("ASSAULT", "Ruritanian rebels", "Freedonia", "alleged")]


# "Ruritania withdrew its troops from Freedonia ."
WITHDREW_FROM = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania"), ("withdrew", 1, "ROOT", "VERB", "withdraw"),
    ("its", 3, "poss", "PRON", "its"), ("troops", 1, "dobj", "NOUN", "troop"),
    ("from", 1, "prep", "ADP", "from"), ("Freedonia", 4, "pobj", "PROPN", "Freedonia"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_withdrawal_targets_the_place_left() -> None:
    events = collect(EventCoder()(build(WITHDREW_FROM)))
    assert [(e.type, e.source, e.target) for e in events] == \
        [("RETREAT", "Ruritania", "Freedonia")]
