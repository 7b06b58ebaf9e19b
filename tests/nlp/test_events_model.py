"""rashomon_events with the real parser, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import all_events as events

pytestmark = pytest.mark.model


def test_attack_attributed_with_according_to(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Government troops shelled the village of Korva on Monday, "
                                  "according to a local official.") if e.type == "ASSAULT"]
    assert e.status == "alleged" and e.mode == "heavy-weapons"
    assert e.claimant and "official" in e.claimant


def test_two_events_in_one_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Rebels ambushed a convoy near the border and kidnapped two aid workers.")
    assert [e.type for e in found] == ["ASSAULT", "ASSAULT"]
    assert {e.mode for e in found} == {"firearms", "abduct"}


def test_phone_call_is_one_consult(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The two foreign ministers discussed the crisis in a telephone call.")
    assert [(e.type, e.mode) for e in found] == [("CONSULT", "phone")]


def test_plain_speech_is_not_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The spokesman said he was tired of the questions.") == []


def test_denial_of_sending_troops(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The ministry denied that the army had sent troops to the border.")
    assert [(e.type, e.status) for e in found] == [("MOBILIZE", "denied")]


def test_demonym_modifier_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Chile rejected a Peruvian proposal on fishing rights.")
            if e.type == "REJECT"]
    assert e.source == "Chile" and e.target == "Peru"


def test_target_inside_the_verb_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Kenya lifted the curfew in Uganda on Monday.")
            if e.type in {"CONCEDE", "RETREAT"}]
    assert e.source == "Kenya" and e.target == "Uganda"


def test_source_inside_the_subject_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Thousands of workers linked to the Chilean opposition "
                                  "demonstrated against Peru.") if e.type == "PROTEST"]
    assert e.source and "Chile" in e.source


def test_listed_participants_all_take_part(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "The US, Russia, and Chile met yesterday.")
            if e.type == "CONSULT"]
    assert {"Russia", "Chile"} <= set((e.source or "").split("; "))


def test_event_noun_done_by_the_verbs_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Chilean students threw stones during demonstrations "
                                  "against the Peruvian army.") if e.type == "PROTEST"]
    assert e.source and "Chile" in e.source and e.target and "Peru" in e.target


def test_fighters_sent_to_fight_alongside_a_side_are_military_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Moscow was sending mercenaries from Libya to fight alongside Sudanese "
                       "troops.")
    assert (e.type, e.mode, e.source) == ("AID", "military", "Russia")
    assert e.target is not None and "Sudan" in e.target and "Libya" not in e.target


def test_troops_deployed_to_a_border_stay_a_mobilization(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in events(nlp, "Iran deployed troops to the border.")] == ["MOBILIZE"]


def test_a_complaint_targets_what_it_is_about_not_its_audience(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Chile complained to the United Nations over Peruvian air "
                                   "strikes.") if e.type == "ACCUSE"]
    assert e.source == "Chile" and e.target == "Peru"


def test_a_formal_protest_is_an_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Norway lodged an official protest with Sweden over the arrests.")
    assert (e.type, e.source, e.target) == ("ACCUSE", "Norway", "Sweden")


def test_conjoined_demonyms_are_both_sides(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "The Turkish and Greek sides agreed to reopen the crossing.")
            if e.type == "AGREE"]
    assert e.source is not None
    assert "Turkey" in e.source and "Greece" in e.source


def test_a_shelled_city_stands_for_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Rebels shelled the provincial capital Herat on Sunday.")
    assert e.type == "ASSAULT" and e.target == "Afghanistan"


def test_the_phrase_names_its_actor_before_its_possessor(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Abu Sayyaf's Hamas network has threatened to attack Israel.")
            if e.type == "THREATEN"]
    assert e.source == "Hamas" and e.target == "Israel"


def test_stone_throwing_is_a_riot_and_grenades_an_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Palestinian youths threw stones at Israeli soldiers.")
    assert (e.type, e.mode) == ("PROTEST", "riot")
    (e,) = events(nlp, "Gunmen threw a grenade at a police patrol.")
    assert e.type == "ASSAULT"


def test_sending_peacekeepers_is_aid_and_an_apology_support(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Kenya sent peacekeepers to Somalia last year.")
    assert (e.type, e.mode, e.source) == ("AID", "peacekeeping", "Kenya")
    (e,) = events(nlp, "Chile apologized to Peru for the incident.")
    assert (e.type, e.source, e.target) == ("SUPPORT", "Chile", "Peru")


def test_the_side_of_the_withdrawn_forces_withdraws(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "The withdrawal of Israeli troops from Lebanon was completed.")
            if e.type == "RETREAT"]
    assert e.source is not None and "Israel" in e.source and e.target == "Lebanon"


def test_the_owner_of_a_plan_does_its_infinitive(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Russia's plan to withdraw its troops from Syria drew criticism.")
    (e,) = [e for e in found if e.type == "RETREAT"]  # "drew criticism": an ACCUSE of its own
    assert e.source == "Russia" and e.status == "hypothetical"


def test_a_month_is_no_march_and_a_released_letter_no_release(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The vote is scheduled for mid-March.") == []
    assert events(nlp, "The senator's office released a letter on Tuesday.") == []
    assert [e.type for e in events(nlp, "Iran released two Americans on Friday.")] == ["RETREAT"]


def test_a_possessive_pronoun_names_the_owner_of_an_event_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "President Amadou Diallo arrived in Bamako on Monday. "
                        "His refusal to meet the opposition angered many voters.")
    (refusal,) = [e for e in found if e.type == "REJECT"]
    assert refusal.source is not None and "Diallo" in refusal.source
    (meet,) = [e for e in found if e.type == "CONSULT" and e.start > refusal.start]
    assert meet.status == "negated" and meet.parent_id == refusal.id
    (visit,) = [e for e in events(nlp, "Chancellor Ingrid Vogel said her visit to Peru "
                                       "was a success.") if e.type == "CONSULT"]
    assert visit.source is not None and "Vogel" in visit.source and visit.target == "Peru"


def test_bare_group_nouns_are_actors_of_the_story_country(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Insurgents attacked a checkpoint near Kandahar, "
                                   "Afghan officials said.") if e.type == "ASSAULT"]
    assert e.source_ids == ("AFG.REB",)
    (e,) = [e for e in events(nlp, "Riot police fired rubber bullets at students in Nairobi.")
            if e.type == "ASSAULT"]
    assert e.source_ids == ("KEN.police",) and e.target_ids == ("KEN.CVL",)
    (e,) = [e for e in events(nlp, "Rebels ambushed a convoy.") if e.type == "ASSAULT"]
    assert e.source_ids == ("group.REB",)  # no country anywhere: the sector alone
    (e,) = [e for e in events(nlp, "Afghan rebels ambushed a convoy.") if e.type == "ASSAULT"]
    assert e.source_ids == ("AFG.REB",)  # the actors component's own phrase


def test_offers_and_refusals_hold_their_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Egypt offered Prime Minister Yair Lavi a private meeting.")
    (offer,) = [e for e in found if e.type == "AGREE"]
    assert offer.source == "Egypt" and offer.target is not None and "Lavi" in offer.target
    # the meeting is what is offered: no event of its own, and never an asserted one
    assert all(e.status == "hypothetical" for e in found if e.type == "CONSULT")
    found = events(nlp, "Chile made an offer to hold talks with Peru.")
    assert all(e.status == "hypothetical" for e in found if e.type == "CONSULT")
    assert any(e.type == "CONSULT" for e in found)
    (meet,) = [e for e in events(nlp, "Hamas refused to meet the envoy.") if e.type == "CONSULT"]
    assert meet.status == "negated"


def test_standing_by_a_country_supports_it(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Washington has always stood by Israel.")
    assert (e.type, e.source, e.target) == ("SUPPORT", "United States", "Israel")
    (e,) = [e for e in events(nlp, "Japan gave Indonesia emergency aid.") if e.type == "AID"]
    assert (e.source, e.target) == ("Japan", "Indonesia")


def test_permission_granted_or_denied(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The governor allowed the opposition leader to hold a rally.")
    assert [(e.type, e.status) for e in found] == [("CONCEDE", "asserted"),
                                                   ("PROTEST", "hypothetical")]
    found = events(nlp, "The city council denied permission for the march.")
    assert next((e.type, e.status) for e in found) == ("REJECT", "asserted")
    assert events(nlp, "Iran rejected the allegations.") == []  # a denial of nothing said


def test_staged_rallies_and_sworn_fights(nlp) -> None:  # type: ignore[no-untyped-def]
    (e, *_) = events(nlp, "Students staged rallies in Nairobi against the president.")
    assert e.type == "PROTEST" and e.source_ids == ("KEN.CVL",)
    (e,) = events(nlp, "Separatists have sworn to fight until they gain control of the region.")
    assert e.type == "THREATEN"
    (e,) = [e for e in events(nlp, "Kenya and Uganda launched war games near the border.")
            if e.type == "COOPERATE"]
    assert e.source is not None and "Kenya" in e.source


def test_a_protest_targets_the_doers_of_what_it_protests(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Amadou Diallo, a lawyer from Mali, began a hunger strike on Friday "
                        "in protest against torture by Malian soldiers.")
    assert [e.type for e in found] == ["PROTEST"]  # "in protest" is the strike's manner
    assert found[0].target_ids == ("MLI.MIL",)


def test_grievances_in_defiance_and_over_signed_bills(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Thousands of people marched through Lagos in defiance "
                                   "of the Nigerian authorities.") if e.type == "PROTEST"]
    assert e.source_ids == ("NGA.CVL",) and e.target_ids == ("NGA",)
    (e,) = [e for e in events(nlp, "Dockers in Mombasa walked out over a decree issued by "
                                   "Kenyan President William Ruto.") if e.type == "PROTEST"]
    assert e.target is not None and "Ruto" in e.target


def test_receiving_aid_reverses_the_roles(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "The Kenyan opposition received food aid from Uganda.")
    assert (e.type, e.source) == ("AID", "Uganda") and "KEN" in e.target_ids[0]
    (e,) = events(nlp, "Peru presented evidence against Chile at the tribunal.")
    assert (e.type, e.source, e.target) == ("ACCUSE", "Peru", "Chile")


def test_a_refused_deployment_targets_where_it_would_go(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Chile has refused to send soldiers into Haiti.")
            if e.type == "REJECT"]
    assert (e.source, e.target) == ("Chile", "Haiti")


def test_resigning_and_surrendering_target_only_whom_they_name(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "General Joseph Dube resigned in Harare to allow elections "
                                   "in Zimbabwe.") if e.type == "RETREAT"]
    assert e.target is None
    (e,) = events(nlp, "Five hundred rebels surrendered to Kenyan troops in Kisumu.")
    assert e.target_ids == ("KEN.MIL",)


def test_fighters_from_a_country_do_not_act_for_its_government(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Officials said Khartoum was flying jihadists from Chad to fight with "
                        "Libyan troops.")
    assert all(e.source != "Chad" for e in found)
    (fight,) = [e for e in found if e.type == "ASSAULT"]
    assert fight.source_ids == ("TCD.UAF",)


def test_the_purpose_of_a_move_is_a_hypothetical_sub_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Hundreds of Nigerien fighters were dispatched to Mali to attack the "
                        "rebels.")
    (move,) = [e for e in found if e.parent_id is None]
    purposes = [e for e in found if e.parent_id == move.id]
    assert purposes and all(
        (e.status, e.modality) == ("hypothetical", "hypothetical") for e in purposes)
    assert all(e.source_ids == ("NER.UAF",) for e in purposes)


def test_what_is_moved_is_not_the_target_of_the_move(nlp) -> None:  # type: ignore[no-untyped-def]
    (move,) = [e for e in events(nlp, "Chile dispatched mercenaries from Peru.")
               if e.parent_id is None and e.type != "ACCUSE"]
    assert move.source == "Chile" and move.target is None


def test_every_member_of_a_listed_subject_or_target_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    (call,) = [e for e in events(nlp, "Envoys of Chile, Peru and Bolivia called for new talks.")
               if e.type == "REQUEST"]
    assert set((call.source or "").split("; ")) == {"Chile", "Peru", "Bolivia"}
    (lift,) = [e for e in events(nlp, "Sanctions on Cuba, Iran and Syria were lifted in May.")
               if e.type == "RETREAT"]
    assert set((lift.target or "").split("; ")) == {"Cuba", "Iran", "Syria"}


def test_a_withdrawal_targets_a_country_left_never_a_town(nlp) -> None:  # type: ignore[no-untyped-def]
    (town,) = events(nlp, "Peruvian troops withdrew from Tumbes, a town near Ecuador.")
    assert town.type == "RETREAT" and town.target is None
    (country,) = events(nlp, "Chile withdrew its soldiers from Bolivia.")
    assert country.type == "RETREAT" and country.target == "Bolivia"


def test_fighters_named_without_a_country_are_nobodys(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Peru condemned the arrival of foreign fighters via Chile.")
            if e.type == "ACCUSE"]
    assert e.target_ids == ("group.UAF",)


def test_leaving_a_countrys_territory_targets_that_country(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Chilean troops must leave Peru's territory.")
            if e.type == "RETREAT"]
    assert e.target == "Peru"
