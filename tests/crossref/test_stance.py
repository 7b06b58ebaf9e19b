"""Stance cues and features of rashomon.crossref.stance (written examples, no gold data)."""

from __future__ import annotations

import pytest

from rashomon.crossref.stance import find_cues, rule_stance


def test_debunking_words_refute() -> None:
    claim = "A giant eel was seen in the harbour"
    for headline in ("Harbour giant eel photo is bogus", "Giant eel in the harbour? An urban legend",
                     "Paper retracts giant eel story", "Experts doubt the harbour eel sighting"):
        assert rule_stance(headline, claim) == "against", headline


def test_unproven_is_a_hedge() -> None:
    assert dict(find_cues("Unproven reports of a giant eel")).get("unproven") == "hedge"


def test_probabilities_are_for_equal_priors_and_shift_back_to_the_training_shares() -> None:
    import numpy as np

    from rashomon.crossref.stance import LABELS, StanceModel, shift_prior

    claim = "A cat was elected mayor"
    heads = ["Cat elected mayor", "Cat wins mayor race", "Cat mayor sworn in", "Cat takes office as mayor",
             "Cat mayor story is fake", "Cat reportedly elected"]
    labels = ["for", "for", "for", "for", "against", "observing"]
    model = StanceModel(embed=False).fit(heads * 3, [claim] * 18, labels * 3)
    assert list(model.prior) == pytest.approx([4 / 6, 1 / 6, 1 / 6])  # LABELS order: for, against, observing
    tests = ["Town denies cat mayor", "Cat may be mayor", "Cat mayor celebrates", "Cat mayor rumour"]
    proba = model.probabilities(tests, [claim] * 4)
    assert proba.sum(axis=1) == pytest.approx(np.ones(4))
    assert shift_prior(proba, dict(zip(LABELS, model.prior))) == model.predict(tests, [claim] * 4)
