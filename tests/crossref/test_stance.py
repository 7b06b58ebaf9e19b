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


def test_every_nt_negation_refutes_unless_the_claim_is_negated() -> None:
    claim = "A wolf pack was seen near the school"
    for headline in ("No, a wolf pack hasn't been seen near the school", "Wolves weren't near the school",
                     "School wolf pack sighting? Police say it couldn't have happened"):
        assert rule_stance(headline, claim) == "against", headline
    assert rule_stance("Wolves haven't left the school grounds", "Wolves haven't left the school") != "against"


def test_debunking_verbs_and_phrases_refute() -> None:
    claim = "The singer died in a car crash"
    for headline in ("Police rebuff rumours the singer died in a crash", "Singer's manager puts to rest car crash story",
                     "Reports of singer's death exaggerated", "Singer alive and well after crash hoax",
                     "Fans trolled by fake singer death story"):
        assert rule_stance(headline, claim) == "against", headline


def test_a_refute_cue_the_claim_itself_says_does_not_refute() -> None:
    from rashomon.crossref.stance import refutations

    claim_words = {"viral", "shark", "photo", "fake"}
    assert refutations(find_cues("Viral shark photo is fake, says museum"), claim_words) == (0, 0)
    assert refutations(find_cues("Museum says viral shark photo is fake"), {"viral", "shark", "photo"}) == (1, 0)
    # the wildcard "doubt*" is said by the claim's "doubted"; "no" is not said by "north"
    assert refutations(find_cues("Experts doubt it"), {"doubted"}) == (0, 0)
    assert refutations(find_cues("No shark in the north sea"), {"north", "shark"}) == (0, 1)


def test_the_month_may_is_no_hedge() -> None:
    for text in ("Bridge closes in May", "Bridge to close May 5", "Works run until mid-May"):
        assert "may" not in dict(find_cues(text)), text
    assert dict(find_cues("Bridge may close in May")).get("may") == "hedge"


def test_a_negated_debunking_word_vouches_for_the_claim() -> None:
    claim = "A giant eel was seen in the harbour"
    found = dict(find_cues("Museum says the harbour eel photo is not a hoax"))
    assert found.get("not a hoax*") == "confirm" and "hoax*" not in found and "not" not in found
    assert rule_stance("Harbour eel photo is no hoax, museum says", claim) == "for"
    assert rule_stance("Harbour eel photo is a hoax, museum says", claim) == "against"


def test_a_longer_cue_overrides_a_shorter_one_of_another_kind() -> None:
    assert dict(find_cues("It's official: the harbour bridge closes")) == {"it's official": "confirm"}
    assert dict(find_cues("Mayor refuses to confirm or deny the eel story")) == {"confirm or deny": "hedge"}
    # cues of one kind inside each other both count
    assert set(dict(find_cues("The eel story is not true"))) == {"not true", "not"}


def test_saying_verbs_do_not_hedge_a_claim_that_reports_speech() -> None:
    from rashomon.crossref.stance import content_words, unsaid

    reported = "The harbour master says he saw a giant eel"
    plain = "A giant eel was seen in the harbour"
    headline = "Harbour master claims he saw giant eel"
    assert rule_stance(headline, reported) == "for"
    assert rule_stance(headline, plain) == "observing"
    assert unsaid(find_cues(headline), content_words(reported)) == []
    assert rule_stance("Harbour master reportedly saw giant eel", reported) == "observing"


def test_the_saying_cues_are_the_cues_the_saying_verbs_hold() -> None:
    from rashomon.crossref.stance import SAYING, said_by

    assert said_by("claim*", SAYING) and said_by("told", SAYING)
    assert not said_by("said to", SAYING) and not said_by("reportedly", SAYING)
    # "said to" stays a hedge for a claim that reports speech
    claim = "The harbour master says he saw a giant eel"
    assert rule_stance("Giant eel said to be in the harbour", claim) == "observing"


def test_a_negation_refutes_only_when_it_bears_on_the_claim() -> None:
    from rashomon.crossref.stance import scoped_negation

    claim = "The mayor of Ostrava has been kidnapped"
    assert scoped_negation("Ostrava mayor has not been kidnapped, police say", claim)
    assert scoped_negation("Kidnapped mayor? Police say it didn't happen that way", claim)
    assert not scoped_negation("Ostrava mayor not missing, just on a fishing trip", claim)
    assert rule_stance("Ostrava mayor has not been kidnapped", claim) == "against"
    assert rule_stance("Kidnapped Ostrava mayor was not ready for the cameras", claim) == "for"
    # a closing contrast keeps the sentence; a negation inside a longer cue is not one
    factory = "The carmaker is building its new factory in Ostrava"
    assert not scoped_negation("Carmaker will build its new factory in Ostrava, not Brno", factory)
    assert scoped_negation("Carmaker will not build its new factory in Ostrava", factory)
    assert not scoped_negation("Carmaker won't say if its new factory goes to Ostrava", factory)


def test_debunking_and_declining_phrases() -> None:
    claim = "A giant eel was seen in the harbour"
    assert rule_stance("That giant harbour eel you keep hearing about isn't real", claim) == "against"
    assert rule_stance("Aquarium makes fun of harbour eel sighting", claim) == "against"
    assert rule_stance("Port authority declines to comment on harbour eel", claim) == "observing"
    assert rule_stance("Video purports to show giant eel in the harbour", claim) == "observing"
    kidnapped = "A climber was kidnapped near the border"
    assert rule_stance("Climber feared kidnapped posts online: I'm safe and well", kidnapped) == "against"


def test_a_question_the_claim_itself_quotes_is_no_question() -> None:
    from rashomon.crossref.stance import shape

    claim = "A patient woke up during surgery and asked the nurse: am I done yet?"
    headline = "Patient wakes up mid-surgery, asks nurse: am I done yet?"
    assert shape(headline)[3] and not shape(headline, claim)[3]
    assert rule_stance(headline, claim) == "for"
    assert rule_stance("Did a patient wake up mid-surgery?", "A patient woke up during surgery") == "observing"


def test_asking_which_it_is_attributes_without_refuting() -> None:
    claim = "A giant eel was seen in the harbour"
    assert dict(find_cues("Harbour eel photo, real or fake, splits the town")) == {
        "real or": "hedge", "real or fake*": "hedge"}
    assert rule_stance("Harbour eel photo, real or fake, splits the town", claim) == "observing"


def test_general_english_debunking_words_refute_and_hedges_attribute() -> None:
    claim = "A bear was seen riding a bicycle downtown"
    for headline in ("Zoo calls downtown bicycle bear video phony", "Bicycle bear was an April Fools' stunt",
                     "Downtown bear-on-bike sighting unfounded", "Mayor scoffs at bicycle bear sighting",
                     "Bicycle bear photo shared out of context", "Zoo: bicycle bear claim has no basis"):
        assert rule_stance(headline, claim) == "against", headline
    for headline in ("Bear maybe seen on a bicycle downtown", "Unnamed witness: bear rode bicycle downtown"):
        assert rule_stance(headline, claim) == "observing", headline


def test_claim_of_keeps_the_claim_and_drops_the_headlines_stance() -> None:
    from rashomon.crossref.stance import claim_of

    assert claim_of("Report: Zoo reportedly in talks to buy a panda") == "Zoo to buy a panda"
    assert claim_of("Zoo buys a panda, keepers say") == "Zoo buys a panda"
    assert claim_of("Zoo panda photo is fake: Keepers") == "Zoo panda photo is : Keepers"
    assert claim_of("Zoo: panda arrives, keepers say?") == "Zoo: panda arrives"
    assert claim_of("Panda may arrive in May?") == "Panda arrive in May"
    assert claim_of("Zoo panda hasn’t escaped") == "Zoo panda escaped"


def test_a_headline_as_claim_does_not_hide_the_texts_cues() -> None:
    from rashomon.crossref.stance import claim_of

    headline = "Panda reportedly escaped from the zoo"
    text = "Panda reportedly escaped from the zoo overnight"
    assert rule_stance(text, headline) == "for"  # the headline's own hedge is taken for the claim's
    assert rule_stance(text, claim_of(headline)) == "observing"


def test_what_is_not_yet_confirmed_is_attributed_not_denied() -> None:
    claim = "A shark was seen in the river"
    for headline in ("Police have not confirmed the river shark sighting",
                     "River shark sighting could not be verified", "River shark: still not clear"):
        assert rule_stance(headline, claim) == "observing", headline
    assert rule_stance("Police say the river shark sighting is not true", claim) == "against"


def test_alive_refutes_only_a_claim_of_a_death() -> None:
    death = "The missing climber died on the glacier"
    assert rule_stance("Missing climber found alive in the glacier", death) == "against"
    claim = "A hiker escaped a bear by playing loud music"
    assert rule_stance("Hiker says he is only alive thanks to loud music", claim) != "against"
    assert rule_stance("Hiker escaped bear by playing loud music", claim) == "for"


def test_alleged_before_a_crime_is_courtesy_not_a_hedge() -> None:
    claim = "Villagers tied a thief to a lamppost"
    assert rule_stance("Villagers tie alleged bicycle thief to lamppost", claim) == "for"
    assert rule_stance("Shopkeeper chases man allegedly shoplifting", claim) == "for"
    assert rule_stance("Villagers allegedly tied a man to a lamppost", claim) == "observing"
    assert dict(find_cues("Video allegedly shows the thief")).get("alleg*") == "hedge"


def test_a_refutation_asked_in_an_alternative_question_hedges() -> None:
    claim = "A giant eel was seen in the harbour"
    assert dict(find_cues("Harbour monster or hoax? Eel photo baffles divers"))["hoax*"] == "hedge"
    assert rule_stance("Harbour monster or hoax? Eel photo baffles divers", claim) == "observing"
    assert rule_stance("Monster in the harbour? Divers say the eel photo is a hoax", claim) == "against"
