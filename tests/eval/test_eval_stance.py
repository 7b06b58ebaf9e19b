"""Stance scorer, cue rules and the Emergent loader."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rashomon.crossref.stance import StanceModel, find_cues, rule_stance
from rashomon.eval.stance import command, score


def test_score_per_class() -> None:
    s = score(["for", "against", "observing", "for"], ["for", "against", "for", "for"])
    assert s["accuracy"] == 0.75
    assert s["against_f1"] == 1.0
    assert s["observing_r"] == 0.0
    assert s["for_p"] == pytest.approx(2 / 3)


def test_rules_read_hedges_and_denials() -> None:
    claim = "The mayor of Lindqvist resigned"
    assert rule_stance("Lindqvist mayor resigns after scandal", claim) == "for"
    assert rule_stance("Lindqvist mayor reportedly resigns", claim) == "observing"
    assert rule_stance("Lindqvist mayor resigns?", claim) == "observing"
    assert rule_stance("Lindqvist mayor denies resignation rumours", claim) == "against"
    assert rule_stance("Story of mayor's resignation is a hoax", claim) == "against"


def test_negation_in_the_claim_itself_does_not_refute() -> None:
    claim = "The bridge will not reopen this year"
    assert rule_stance("Bridge will not reopen this year, city says", claim) != "against"


def test_wildcard_cues_match_word_forms() -> None:
    kinds = dict(find_cues("Minister allegedly hid the report"))
    assert kinds.get("alleg*") == "hedge"


def test_model_learns_from_examples() -> None:
    claims = ["A cat was elected mayor"] * 6
    heads = ["Cat elected mayor", "Cat wins mayor race", "Cat mayor story is fake",
             "Town denies cat mayor", "Cat reportedly elected", "Cat may be mayor, sources say"]
    labels = ["for", "for", "against", "against", "observing", "observing"]
    model = StanceModel(c=10.0).fit(heads * 3, claims * 3, labels * 3)
    assert model.predict(["Officials deny that cat is mayor"], ["A cat was elected mayor"]) == ["against"]


def test_command_has_help_with_an_example() -> None:
    result = CliRunner().invoke(command, ["--help"])
    assert result.exit_code == 0 and "Example" in result.output


@pytest.mark.shared
def test_rules_floor_on_emergent_train(shared) -> None:  # type: ignore[no-untyped-def]
    from rashomon.eval import emergent

    pairs = emergent.load(shared / "data" / "emergent", "train")
    assert len(pairs) == 2071
    s = score([p.stance for p in pairs], [rule_stance(p.headline, p.claim) for p in pairs])
    assert s["accuracy"] >= 0.815 and s["against_f1"] >= 0.855


def test_shape_reads_sources_and_questions() -> None:
    from rashomon.crossref.stance import shape

    assert shape("Minister: the bridge will close in May") == (True, False, False, False)
    assert shape("Council votes to shut the old harbour bridge in June : Gazette") == (False, True, False, False)
    assert shape("Bridge to close in June, council says") == (False, False, True, False)
    assert shape("Will the bridge close in May?")[3]
    assert shape("Bridge closes in May") == (False, False, False, False)


def test_rules_read_a_closing_source_as_observing() -> None:
    claim = "The Harbour bridge will close in June"
    assert rule_stance("Harbour bridge to close in June, council says", claim) == "observing"
    assert rule_stance("Harbour bridge to close in June", claim) == "for"


def test_masked_hides_the_claims_words() -> None:
    from rashomon.crossref.stance import masked

    assert masked("Harbour bridge reportedly closing?", "The Harbour bridge closing") == "CW CW reportedly CW ?"


def test_sibling_features_average_the_other_texts_of_a_claim() -> None:
    from rashomon.crossref.stance import features, sibling_features

    texts, claims = ["Cat is mayor", "Cat mayor is a hoax", "Dog wins race"], ["cat mayor", "cat mayor", "dog race"]
    sib = sibling_features(texts, claims)
    assert list(sib[0]) == pytest.approx(features(texts[1], claims[1]))
    assert not sib[2].any()  # no other text on its claim


def test_shift_prior_moves_close_calls_to_the_common_class() -> None:
    import numpy as np

    from rashomon.crossref.stance import LABELS, shift_prior

    proba = np.array([[0.5, 0.1, 0.4], [0.9, 0.05, 0.05]])  # columns in LABELS order
    assert LABELS == ("for", "against", "observing")
    assert shift_prior(proba, {"for": 0.2, "against": 0.1, "observing": 0.7}) == ["observing", "for"]
    assert shift_prior(proba, dict.fromkeys(LABELS, 1.0)) == ["for", "for"]


def test_model_probabilities_follow_labels_order() -> None:
    claims = ["A cat was elected mayor"] * 6
    heads = ["Cat elected mayor", "Cat wins mayor race", "Cat mayor story is fake",
             "Town denies cat mayor", "Cat reportedly elected", "Cat may be mayor, sources say"]
    labels = ["for", "for", "against", "against", "observing", "observing"]
    model = StanceModel(c=10.0).fit(heads * 3, claims * 3, labels * 3)
    proba = model.probabilities(["Officials deny that cat is mayor"], ["A cat was elected mayor"])
    assert proba.shape == (1, 3) and proba[0].argmax() == 1  # against


@pytest.mark.shared
def test_model_floor_in_cross_validation_on_emergent_train(shared) -> None:  # type: ignore[no-untyped-def]
    from rashomon.eval.stance import cross_validate

    scores = cross_validate(shared / "data" / "emergent")
    s = scores["model"]
    assert s["accuracy"] >= 0.825 and s["against_f1"] >= 0.875 and s["observing_f1"] >= 0.775
    # a claim known only by one of its headlines (FNC-1's setting), measured 81.9 / 88.1
    assert scores["headline_claim"]["accuracy"] >= 0.81 and scores["headline_claim"]["against_f1"] >= 0.87
