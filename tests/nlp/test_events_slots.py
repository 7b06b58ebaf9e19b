"""Who acts and who is acted on in rashomon_events, and which clauses tell no event (round 15:
an audit of US political stories): a participle's object or a hyphenated backer is not the
phrase's actor, congressional committees are the legislature, a topic is no target, a
question asked is no request, a subjunctive complement is proposed, not done. Checked with
the real parser on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import events

pytestmark = pytest.mark.model


def test_the_object_of_a_participle_describing_the_subject_is_not_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The review board probing the Pentagon's contracts has requested that "
                        "Hillary Clinton testify.")
    assert found["requested"].source is None
    assert found["requested"].target == "Hillary Clinton"


def test_a_backer_named_in_a_hyphenated_modifier_is_not_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "A Kremlin-backed lawyer met the campaign's chairman in June.")
    assert found["met"].source is None


def test_congressional_committees_are_the_legislature(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Congressional committees investigating the bank have subpoenaed "
                        "its records.")
    for trigger in ("investigating", "subpoenaed"):
        assert (found[trigger].source_id or "").endswith("legislature")


def test_what_a_thing_given_is_about_is_not_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The lawyer promised damaging information on Senator Jane Doe to "
                        "the campaign.")
    assert found["promised"].target is None
    # an event noun's "on" still names its party
    imposed = events(nlp, "The United States imposed new restrictions on Iran.")["imposed"]
    assert imposed.target == "Iran"


def test_asking_if_something_happened_is_a_question_not_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "When asked if he believed the mayor had flip-flopped on the issue, "
                        "Jones said it's up to the public to be the judge.")
    assert "asked" not in found


def test_a_subjunctive_complement_is_proposed_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The memo suggested that the minister refuse to testify.")
    assert found["refuse"].status == "hypothetical"
    # a present-tense report keeps its own status
    said = events(nlp, "Smith said the ministers refuse to negotiate with the rebels.")
    assert said["refuse"].status == "alleged"


def test_a_quoted_label_set_beside_the_object_is_what_it_is_called(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, 'Senator Tom Harkin called the mayor\'s speech "a cynical stunt" in a '
                        'statement.')
    assert found["called"].type == "ACCUSE"
    # the opening mark may hang on the object, not on the label
    found = events(nlp, 'Senator Tom Harkin called Ann Lee\'s plan "a reckless and cynical ploy".')
    assert found["called"].type == "ACCUSE"


def test_a_name_in_apposition_comes_before_the_modifiers_of_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Presumptive GOP presidential nominee Mitt Romney on Tuesday joined a "
                        "chorus of Republicans calling for Senator Tom Harkin to resign.")
    assert found["joined"].source == "Mitt Romney"


def test_one_who_serves_a_person_is_not_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Governor Ann Lee accused a former Romney aide of leaking the memo.")
    assert found["accused"].target is None
    found = events(nlp, "The chairman met a Kremlin-backed lawyer in June.")
    assert found["met"].target is None
    # a coalition led by a state is that state's
    found = events(nlp, "The Saudi-led coalition attacked the port.")
    assert found["attacked"].source == "Saudi Arabia"


def test_a_passives_by_phrase_hung_on_its_complement_is_its_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor was invited to speak in front of a joint session of the council by Governor Ann Lee."
    assert events(nlp, text)["invited"].source == "Ann Lee"
    # the agent of a participle inside the complement is that participle's own
    text = "The mayor was invited to speak at a session disrupted by Governor Ann Lee."
    assert events(nlp, text)["invited"].source is None


def test_what_those_who_do_something_do_is_no_ones_act(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The company ignores those who ask for details about its finances.")
    assert found["ask"].status == "hypothetical"
    # a past deed of "those who" is someone's
    found = events(nlp, "Those who attacked the convoy fled to the hills.")
    assert found["attacked"].status == "asserted"


def test_answering_a_matter_by_no_one_named_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "All of the committee's questions have been answered, the spokesman said.")
    assert "answered" not in found


def test_an_inquiry_into_whether_x_did_something_targets_x(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Investigators probing whether the campaign coordinated with Moscow "
                        "have interviewed Smith.")
    assert found["probing"].target is None
    found = events(nlp, "The FBI is investigating whether Senator Tom Harkin met with Iranian "
                        "officials.")
    assert found["investigating"].target == "Tom Harkin"


def test_information_on_someone_is_about_them_wherever_the_parser_hangs_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The attorney promised dirt on Senator Jane Doe, according to emails.")
    assert found["promised"].target is None
    found = events(nlp, "Federal investigators probing the bank have interviewed Smith.")
    assert (found["probing"].source_id or "").endswith("government")


def test_a_past_event_told_as_the_time_of_a_wish_is_a_fact(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Senators urged the president to cancel the summit after the prosecutors "
                        "accused twelve Russian officers on Friday.")
    assert found["cancel"].status == "hypothetical"
    assert found["accused"].status == "asserted"


def test_being_interested_in_doing_something_is_not_doing_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The president is interested in working with Congress on the budget.")
    assert found["working"].status == "hypothetical"
