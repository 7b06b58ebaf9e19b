"""Which trailing appositions stay in a content, on hand-built parses (no model needed).
Sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from rashomon.nlp.quotes.content import _kept_aside


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str],
         ents: list[str] | None = None) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_name_given_for_a_description_stays() -> None:
    doc = _doc(["her", "deputy", ",", "Karl", "Ostrander"], [1, 1, 1, 4, 1],
               ["poss", "ROOT", "punct", "compound", "appos"],
               ["PRON", "NOUN", "PUNCT", "PROPN", "PROPN"])
    assert _kept_aside(doc[4])


def test_a_description_of_a_name_is_background() -> None:
    doc = _doc(["Nordbank", ",", "the", "lender"], [0, 0, 3, 0],
               ["ROOT", "punct", "det", "appos"], ["PROPN", "PUNCT", "DET", "NOUN"])
    assert not _kept_aside(doc[3])


def test_an_apposition_past_a_closing_quote_mark_is_not_content() -> None:
    # `… our police,” Ostrander, a member, said`: the parse hung the speaker on the quote
    doc = _doc(["our", "police", ",", "\u201d", "Ostrander", ",", "a", "member"],
               [1, 1, 1, 4, 1, 4, 7, 4],
               ["poss", "ROOT", "punct", "punct", "appos", "punct", "det", "appos"],
               ["PRON", "NOUN", "PUNCT", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN"])
    assert not _kept_aside(doc[4])


def test_a_place_and_its_state_stay() -> None:
    doc = _doc(["Tulsa", ",", "Oklahoma"], [0, 0, 0], ["ROOT", "punct", "appos"],
               ["PROPN", "PUNCT", "PROPN"], ["B-GPE", "O", "B-GPE"])
    assert _kept_aside(doc[2])
