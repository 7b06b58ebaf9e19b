"""Who acts in rashomon_events in political news (round 9: an audit of US political stories):
sources through relative clauses, auxiliaries and adverbial governors, bodies named alone,
what a report's time phrase is, and the senses of "oppose". Checked with the real parser on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import events

pytestmark = pytest.mark.model


def test_an_actor_inside_the_subjects_relative_clause_is_not_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The Democrats, many of whom criticized Barack Obama, met on Tuesday.")
    assert "Obama" not in (found["met"].source or "")
    found = events(nlp, "The review panel that examined the Syria attack met in Geneva.")
    assert found["examined"].source is None


def test_a_relative_pronoun_inside_a_phrase_names_the_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The talks included France and Germany, both of which criticized Russia.")
    assert found["criticized"].source in {"France", "France; Germany"}


def test_stopping_short_of_an_act_negates_it_and_keeps_its_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    endorsing = events(nlp, "Senator Mike Lee stopped short of endorsing Mitt Romney.")["endorsing"]
    assert endorsing.source == "Mike Lee" and endorsing.target == "Mitt Romney"
    assert endorsing.polarity == "negated" and endorsing.status != "asserted"


def test_a_body_named_alone_is_the_storys_countrys(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The White House asked for more money for embassies in Europe. "
            "Congress cut the funding for the program last year.")
    cut = events(nlp, text)["cut"]
    assert cut.source_id is not None and cut.source_id.endswith("legislature")
    # a common noun in lower case is no body's name
    assert events(nlp, "The congress of the party cut its ties with the union.")["cut"].source is None


def test_when_something_was_said_is_not_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "When Congress cut the funding last year, Mexico said the program "
                        "was over.")
    assert found["cut"].status == "asserted"
    found = events(nlp, "One month after the bombing in Kabul, the president said the "
                        "troops would stay.")
    assert found["bombing"].status == "asserted"
    # what the report says is still reported
    found = events(nlp, "The president said Russia withdrew its troops last week.")
    assert found["withdrew"].status == "alleged"


def test_who_tells_in_according_to_is_not_told(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The troops will leave by May, according to officials briefed on "
                        "the plan.")
    assert found["briefed"].status == "asserted"


@pytest.mark.parametrize(("text", "trigger", "type_"), [
    # opposing a bill, a policy or a course of action refuses it; it accuses no one
    ("Senator Mike Lee opposes the health care law.", "opposes", "REJECT"),
    ("Many Republicans oppose new limits on guns.", "oppose", "REJECT"),
    ("The governor opposed raising the minimum wage.", "opposed", "REJECT"),
    # opposing a party itself disapproves of it
    ("Senator Mike Lee opposed Barack Obama on every vote.", "opposed", "ACCUSE"),
])
def test_oppose(nlp, text: str, trigger: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, text)[trigger].type == type_


def test_being_opposed_to_something_is_opposing_it(nlp) -> None:  # type: ignore[no-untyped-def]
    opposed = events(nlp, "Germany is opposed to the Russian plan.")["opposed"]
    assert (opposed.type, opposed.source, opposed.status) == ("REJECT", "Germany", "asserted")


def test_a_statement_put_out_does_what_its_author_does(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Senator Mike Lee issued a statement on Monday condemning the raid.")
    assert found["condemning"].source == "Mike Lee"
    found = events(nlp, "Senator Mike Lee released a letter urging Barack Obama to veto the bill.")
    assert (found["urging"].source, found["urging"].target) == ("Mike Lee", "Barack Obama")


def test_the_owner_of_a_plan_does_what_it_plans(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Angela Merkel announced her plan to visit Moscow in May.")
    assert "merkel" in (found["visit"].source_id or "")


def test_a_city_naming_where_is_no_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The Benghazi attack killed four Americans.")["killed"].source is None
    # a government named for its capital still acts
    assert events(nlp, "The Kabul government condemned the raid.")["condemned"].source is not None


def test_what_a_plan_put_forward_calls_for_its_author_calls_for(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Senator Mike Lee unveiled a plan that calls for deep cuts in aid to Egypt.")
    assert found["calls"].source == "Mike Lee"


def test_what_a_noun_calls_for_has_not_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "Barack Obama rejected calls to resign.")["resign"].status == "hypothetical"
    assert events(nlp, "Angela Merkel was the first leader to visit Kyiv.")["visit"].status \
        == "asserted"


def test_a_person_in_a_description_of_a_name_is_someone_else(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Rahm Emanuel, the mayor of Springfield and Barack Obama's former "
                        "adviser, criticized the governor on Monday.")
    assert "Obama" not in (found["criticized"].source or "")


def test_party_members_and_authorities_named_bare_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The White House sent the bill to Congress. Republicans have consistently opposed the bill."
    opposed = events(nlp, text)["opposed"]
    assert opposed.source_id is not None and opposed.source_id.endswith("party.republican")
    used = events(nlp, "In Ohio, authorities arrested four protesters on Monday.")["arrested"]
    assert used.source_id is not None and used.source_id.endswith("government")



def test_a_dateline_is_no_subject() -> None:
    # "WASHINGTON — Senator Lee will endorse it", parsed with the dateline as a second subject
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from rashomon.nlp.events.args import subject

    words = ["WASHINGTON", "—", "Senator", "Lee", "will", "endorse", "it", "."]
    heads = [5, 0, 3, 5, 5, 5, 5, 5]
    deps = ["nsubj", "punct", "compound", "nsubj", "aux", "ROOT", "dobj", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    found = subject(doc[5])
    assert found is not None and found.text == "Lee"


def test_asking_a_question_is_no_request(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Asked if there was any budget reason that led her not to hire more "
                        "guards, she said: \"No.\"")
    assert "Asked" not in found
    assert events(nlp, "Senator Mike Lee asked Barack Obama to resign.")["asked"].type == "REQUEST"


def test_a_stance_participle_after_be_names_who_holds_it(nlp) -> None:  # type: ignore[no-untyped-def]
    committed = events(nlp, "Kenya is committed to opening its markets.")["committed"]
    assert (committed.source, committed.target) == ("Kenya", None)


def test_a_conjoined_clause_keeps_its_own_object(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Barack Obama traveled to Ohio and criticized Mitt Romney.")
    assert found["traveled"].target is None and found["criticized"].target == "Mitt Romney"
    # a preposition left without its object shares the next clause's
    found = events(nlp, "Kenya has established diplomatic ties with and opened an embassy in "
                        "Beijing.")
    assert found["established"].target in {"Beijing", "China"}


def test_who_rules_when_it_happens_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The program was prosecuted by the United States under Presidents "
                        "Bush and Obama.")
    assert found["prosecuted"].target is None


@pytest.mark.parametrize(("text", "trigger"), [
    ("Former Senator Tom Rowe pleaded guilty on Wednesday in federal court.", "pleaded"),
    ("Lois Lerner will plead the Fifth.", "plead"),
])
def test_a_plea_in_court_is_no_request(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert trigger not in events(nlp, text)


def test_pleading_with_someone_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "Barack Obama pleaded with Congress to pass the bill.")["pleaded"].type \
        == "REQUEST"


def test_the_house_named_alone_is_the_legislature(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Barack Obama spoke in Washington. The House voted to block the bill."
    block = events(nlp, text)["block"]
    assert block.source_id is not None and block.source_id.endswith("legislature")


def test_an_event_is_dated_by_a_date_never_by_a_duration(nlp) -> None:  # type: ignore[no-untyped-def]
    met = events(nlp, "With just three weeks left, Barack Obama and John Boehner met at the "
                      "White House.")["met"]
    assert met.date is None
    met = events(nlp, "With just three weeks left, Barack Obama and John Boehner met at the "
                      "White House on Sunday.")["met"]
    assert met.date is not None and met.date.startswith("2021-02")


def test_a_date_in_a_clause_of_its_own_is_not_the_events(nlp) -> None:  # type: ignore[no-untyped-def]
    # "last month" dates the charge in the relative clause, not the meeting
    met = events(nlp, "Ola Brandt and Ivo Kess, who was charged last month in the fraud inquiry, "
                      "also attended the meeting with the mayor.")
    assert met["attended"].date is None
    met = events(nlp, "Ola Brandt met the mayor last month, the ministry said.")["met"]
    assert met.date is not None and met.date.startswith("2021-02")
    # a clause that sets the scene shares it: "while he was in Osk on Monday"
    shot = events(nlp, "Gunmen shot Ola Brandt while he was visiting a school in Osk on Monday.")
    assert shot["shot"].date is not None


def test_a_nationality_or_a_word_of_a_name_is_no_events_place(nlp) -> None:  # type: ignore[no-untyped-def]
    threat = events(nlp, "Valdora threatened to retaliate by selling off American assets.")
    assert threat["threatened"].place is None
    met = events(nlp, "Ola Brandt met lawyers of Cambridge Analytica on Monday.")["met"]
    assert met.place is None


def test_the_place_of_a_town_named_with_its_region_is_the_town(nlp) -> None:  # type: ignore[no-untyped-def]
    attack = events(nlp, "Gunmen attacked a convoy in the Punjab city of Lahore.")["attacked"]
    assert attack.place is not None and "Lahore" in attack.place

