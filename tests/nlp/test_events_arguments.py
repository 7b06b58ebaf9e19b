"""Who acts and who undergoes, for rules meant to hold beyond the sentences they were tuned on
(round 11: passives, reported speech, actors that can act). Checked with the real parser on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import events

pytestmark = pytest.mark.model


def test_the_agent_of_a_passive_participle_is_not_also_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    attacked = events(nlp, "The convoy being attacked by Hamas fighters belonged to Egypt.")[
        "attacked"]
    assert attacked.source == "Hamas" and attacked.target is None


def test_a_person_reporting_is_not_what_its_stands_for(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The Justice Department has disclosed its intent to file criminal "
                        "charges against Congressman Michael Grimm, Mr. William McGinley said.")
    charges = found["file criminal charges"]
    assert charges.source is None and charges.target == "Michael Grimm"
    assert charges.claimant == "William McGinley"


def test_who_a_participle_describing_the_subject_names_does_not_act(nlp) -> None:  # type: ignore[no-untyped-def]
    defaced = events(nlp, "Muslim hackers angered by the publication of cartoons of the Prophet "
                          "Mohammed have defaced thousands of Danish websites.")["defaced"]
    assert defaced.source is None


def test_from_names_who_gives_or_says_not_where_things_go(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The criticism from Russia angered the government of Ukraine.")
    assert found["criticism"].source == "Russia"
    assert events(nlp, "Military aid from Iran reached the rebels.")["aid"].source == "Iran"
    assert events(nlp, "Criticism from Boston was loud.")["Criticism"].source is None
    withdrawal = events(nlp, "The withdrawal from Iraq was completed.")
    assert next(iter(withdrawal.values())).source is None


def test_alleging_that_someone_did_something_accuses_them(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Russia alleged on Monday that Ukrainian forces had attacked its "
                        "border posts.")
    alleged, attacked = found["alleged"], found["attacked"]
    assert (alleged.type, alleged.source, alleged.status) == ("ACCUSE", "Russia", "asserted")
    assert alleged.target == "Ukrainian armed forces"
    assert attacked.status == "alleged" and attacked.parent_id == alleged.id


def test_they_in_a_direct_quote_is_not_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    shelled = events(nlp, "“They shelled our villages all night,” the rebels said.")["shelled"]
    assert shelled.source is None and shelled.claimant == "rebels"
    # reported in the speaker's own words, "they" still names the speaker
    release = events(nlp, "The rebels said they will release the hostages.")["release"]
    assert release.source == "rebels"


def test_the_alternative_not_taken_did_not_happen(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Instead of negotiating with Iran, the United States imposed new "
                        "sanctions.")
    negotiating = found["negotiating"]
    assert negotiating.polarity == "negated" and negotiating.status == "negated"
    assert negotiating.source == "United States"
    assert found["imposed"].status == "asserted"
    attacking = events(nlp, "The rebels withdrew rather than attacking the town.")["attacking"]
    assert attacking.status == "negated"


@pytest.mark.parametrize(("text", "source"), [
    ("A car bomb in Baghdad killed twelve Iraqi soldiers.", None),
    ("The attack on the US embassy in Benghazi killed Ambassador Chris Stevens.", None),
    ("An attack by Taliban fighters killed ten Afghan policemen.", "Taliban"),
    ("Russian missiles struck Kiev on Monday.", "Russia"),
])
def test_an_event_or_weapon_as_subject_acts_only_for_its_own_doer(nlp, text: str,  # type: ignore[no-untyped-def]
                                                                  source: str | None) -> None:
    found = events(nlp, text)
    verb = next(e for e in found.values() if e.type == "ASSAULT" and e.trigger in {
        "killed", "struck"})
    assert verb.source == source


def test_an_arrest_with_no_agent_is_the_states_where_it_happens(nlp) -> None:  # type: ignore[no-untyped-def]
    detained = events(nlp, "A British journalist was detained in Tehran.")["detained"]
    assert detained.source == "Iran" and detained.target == "United Kingdom"
    # not a killing: who kills is not the country it happens in
    killed = events(nlp, "A French aid worker was killed in Mali.")["killed"]
    assert killed.source is None


def test_a_press_release_and_storming_off_are_no_events(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The ministry issued a news release criticizing the rebels.")
    assert {e.type for e in found.values()} == {"ACCUSE"}
    assert events(nlp, "The senator stormed off the stage.") == {}
    assert events(nlp, "Troops stormed the parliament building.")["stormed"].type == "ASSAULT"


def test_a_participle_joined_to_a_passive_is_passive_too(nlp) -> None:  # type: ignore[no-untyped-def]
    accused = events(nlp, "He was stopped on the highway and accused of speeding.")["accused"]
    assert accused.status == "alleged" and accused.source is None


def test_a_modifying_clause_does_not_act_on_itself(nlp) -> None:  # type: ignore[no-untyped-def]
    urging = events(nlp, "Dozens of protesters held signs urging Governor Jan Brewer to "
                         "resign.")["urging"]
    assert urging.source is None and urging.target == "Jan Brewer"
    calling = events(nlp, "Conservatives calling for Michael Steele to resign gathered in "
                          "Washington.")["calling"]
    assert calling.source is None and calling.target == "Michael Steele"
    # what a declaration put out demands, its author demands
    demanding = events(nlp, "The rebel Kurdistan Workers' Party issued a declaration demanding "
                            "that the Turkish government provide information.")["demanding"]
    assert demanding.source == "PKK" and demanding.target == "Turkey"


def test_they_can_be_several_people_reporting(nlp) -> None:  # type: ignore[no-untyped-def]
    attack = events(nlp, "Obama and Putin said they will attack Iraq.")["attack"]
    assert attack.source == "Barack Obama"


def test_a_modal_does_not_reach_past_but(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Senator Jim DeMint would not go that far but said Steele must "
                        "apologize.")
    assert found["said"].status == "asserted"
    # without a contrast the modal still covers both verbs
    found = events(nlp, "Russia would send troops and attack Ukraine.")
    assert found["attack"].status == "hypothetical"


def test_meeting_a_need_is_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The plan does not meet the needs of Ukraine.") == {}
    assert events(nlp, "Obama will meet Putin in Geneva.")["meet"].type == "CONSULT"


def test_an_aside_in_a_report_is_the_writers_not_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The minister said he visited Ferguson, where a teenager was shot by a "
                        "police officer.")
    assert found["shot"].status == "asserted" and found["shot"].claimant is None
    # a restrictive relative clause stays inside what is reported
    found = events(nlp, "The minister said the police officer who shot the teenager was "
                        "suspended.")
    assert found["shot"].status == "alleged"


def test_who_reports_a_clause_with_no_subject_does_not_do_it(nlp) -> None:  # type: ignore[no-untyped-def]
    fund = events(nlp, "“Shame on the House for failing to fund the request,” Rep. Gregory "
                       "Meeks said.")["fund"]
    assert fund.source is None and fund.claimant == "Gregory Meeks"


def test_an_adjunct_of_a_passive_is_done_by_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Senator Bob Smith was arrested after threatening Governor Jan Brewer.")
    assert found["threatening"].source == "Bob Smith"
    assert found["threatening"].target == "Jan Brewer"


def test_a_pronoun_object_is_not_its_own_clauses_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "A lobbyist from Exxon, which owns a refinery in Texas, phoned Mr. Perry "
                        "to urge him to veto it.")
    assert found["urge"].source == "Exxon" and found["urge"].target == "Perry"
    # object control still holds when the object is not named again
    found = events(nlp, "Obama urged Netanyahu to resume talks.")
    assert found["resume"].source == "Benjamin Netanyahu"


def test_pressure_or_a_call_on_someone_to_act_is_theirs_to_do(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Republicans kept up pressure on Governor Rick Perry to veto the bill.")
    assert found["veto"].source == "Rick Perry"
    found = events(nlp, "The European Union renewed its call on Israel to withdraw from the "
                        "West Bank.")
    assert found["withdraw"].source == "Israel"


def test_a_definite_event_noun_is_not_made_hypothetical_by_what_it_could_do(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Russia's invasion of Ukraine could prove costly.")
    assert found["invasion"].status == "asserted"
    found = events(nlp, "The endorsement from Senator John Smith could prove helpful to "
                        "Governor Rick Perry.")
    assert found["endorsement"].status == "asserted"


def test_a_warning_about_a_third_party_informs_and_threatens_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The embassy warned the State Department that the CIA had seen militias "
                        "near the consulate.")
    assert "warned" not in found
    found = events(nlp, "Iran warned the United States that it would retaliate.")
    assert found["warned"].type == "THREATEN"


def test_visiting_a_thing_is_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "visited" not in events(nlp, "President Obama visited a bridge in Ohio.")
    found = events(nlp, "President Obama visited another bridge in Ohio to promote his job "
                        "proposals.")
    assert "visited" not in found  # (his own proposals make him no party to his visit)
    assert events(nlp, "The pope visited Iraq last week.")["visited"].target == "Iraq"


def test_a_medium_named_first_is_neither_asked_nor_asker(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "On CNN on Sunday, Senator John McCain called on President Obama to arm "
                        "the Syrian rebels.")
    assert found["called"].target == "Barack Obama"
    assert found["arm"].source == "Barack Obama"


def test_a_relative_pronoun_names_its_nouns_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "A British journalist, who was arrested by Turkish police last week, "
                        "was released on Monday.")
    assert found["arrested"].target == "United Kingdom"


def test_a_weapon_as_agent_stands_for_its_side(nlp) -> None:  # type: ignore[no-untyped-def]
    attacked = events(nlp, "The rebels were reportedly attacked by Syrian jets.")["attacked"]
    assert attacked.source == "Syrian armed forces" and attacked.status == "alleged"


def test_a_reaction_to_a_deed_is_aimed_at_its_doer_not_its_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "France condemned the attack on the Israeli embassy.")[
        "condemned"].target is None
    assert events(nlp, "The United Nations condemned the bombing in Kabul.")[
        "condemned"].target is None
    assert events(nlp, "France condemned the Russian attack on Ukraine.")[
        "condemned"].target == "Russia"
    # words and agreements keep their parties
    assert events(nlp, "India rejected the Pakistani proposal.")["rejected"].target == "Pakistan"


def test_whose_relatives_they_are_is_not_who_they_are(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Holder met with federal officials investigating the case, as well as "
                        "Michael Brown's parents.")
    assert found["met"].target is None
    # advisers act for whom they advise
    found = events(nlp, "Obama met Netanyahu's advisers in Jerusalem.")
    assert found["met"].target == "Benjamin Netanyahu"


def test_a_participle_of_accusation_with_no_agent_is_alleged(nlp) -> None:  # type: ignore[no-untyped-def]
    accused = events(nlp, "Two Iranian diplomats accused of spying were expelled from Germany.")[
        "accused"]
    assert accused.status == "alleged" and accused.source is None and accused.target == "Iran"
