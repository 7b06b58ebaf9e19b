"""Stance cues and features of rashomon.crossref.stance (written examples, no gold data)."""

from __future__ import annotations

from rashomon.crossref.stance import find_cues, rule_stance


def test_debunking_words_refute() -> None:
    claim = "A giant eel was seen in the harbour"
    for headline in ("Harbour giant eel photo is bogus", "Giant eel in the harbour? An urban legend",
                     "Paper retracts giant eel story", "Experts doubt the harbour eel sighting"):
        assert rule_stance(headline, claim) == "against", headline


def test_unproven_is_a_hedge() -> None:
    assert dict(find_cues("Unproven reports of a giant eel")).get("unproven") == "hedge"
