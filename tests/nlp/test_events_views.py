"""rashomon_events on the words of political news that tell no event: views of what should
become of a thing, guesses whose subject cannot act, questions asked, senses of a word that
are not its event (round 12: an analyst's audit of US political stories), checked with the
real parser on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import all_events, coded
from tests.nlp.event_helpers import top_events as events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    # what should become of a thing, or what someone should be, is a view, no demand
    ("The mayor said the new stadium should be built somewhere else.", []),
    ("The coach said the players must be the ones in charge.", []),
    # what someone who can act should do is one
    ("Critics said lawmakers should reject the bill.", [("REQUEST", "asserted")]),
])
def test_a_view_of_a_thing_is_no_demand(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Federal law prohibits the sale of the drug.",
    "The dispute raised the prospect of a long trial.",
])
def test_a_guess_needs_a_subject_that_can_act(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a question put asks no one for anything, nor does a source's wish not to be named
    ('"Why now?" the senator asked.', []),
    ("Two aides asked to remain anonymous.", []),
    ("Officials, who asked not to be identified, said the talks had stalled.",
     [("CONSULT", "alleged")]),
    # asking someone, or for something, is a request
    ("The mayor asked the council to approve the budget.", [("REQUEST", "asserted")]),
    ("The governor asked for more time.", [("REQUEST", "asserted")]),
])
def test_a_question_put_is_no_request(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an attack *as* something, or a party's attack, is made in words
    ("The challenger attacked the senator as weak on crime.", [("ACCUSE", "asserted")]),
    ("Republican attacks on the governor intensified.", [("ACCUSE", "asserted")]),
    ("Israeli attacks on the camp intensified.", [("ASSAULT", "asserted")]),
])
def test_an_attack_in_words(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a participle that makes a preposition is no act
    ("The grievance stems from lax enforcement, as opposed to the choices of voters.", []),
    # idioms and matters: a living earned, a topic addressed, a revelation offered
    ("She took two jobs to make ends meet.", []),
    ("The spokesman said he could not speak to the politics of the decision.", []),
    ("The hearing offered few new revelations.", []),
    # meeting or speaking to a party is consulting it
    ("The minister spoke to his Russian counterpart on Monday.", [("CONSULT", "asserted")]),
    ("The ministers met in Geneva.", [("CONSULT", "asserted")]),
])
def test_senses_that_are_no_event(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what a claim, a belief or a guess says happened is alleged, not told by the outlet
    ("The allegation that the army attacked the village was false.", [("ASSAULT", "alleged")]),
    ("There is speculation that the president vetoed the bill.", [("REJECT", "alleged")]),
    ("The remark gave the impression that he was endorsing the plan.", [("SUPPORT", "alleged")]),
    ("Many have speculated that the company offered to pay the fine.", [("AGREE", "alleged")]),
])
def test_what_a_claim_or_guess_says_is_alleged(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def roles(nlp, text: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.source, e.target) for e in events(nlp, text)]


def test_the_one_urged_is_the_target_even_unnamed(nlp) -> None:  # type: ignore[no-untyped-def]
    # the officers are what the states are asked to allow, not whom the request is aimed at
    found = roles(nlp, "The association urged states to allow more armed officers in schools.")
    assert found == [("REQUEST", None, None)]


def test_where_words_were_spoken_is_no_party(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "President Obama appeared to endorse the project during a dinner at the White House."
    assert roles(nlp, text) == [("SUPPORT", "Barack Obama", None)]
    # material acts keep the party of the circumstance: stones thrown during clashes with X
    text = "Protesters threw stones during clashes with Israeli police."
    assert [t for _, _, t in roles(nlp, text)] == ["Israel police"]


def test_criticizing_someones_position_is_aimed_at_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Senator John Smith spoke on Monday. Republicans criticized his position."
    assert roles(nlp, text)[-1] == ("ACCUSE", "Republican Party", "John Smith")


def test_praising_ones_own_staff_is_aimed_at_no_one_else(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Jane Smith testified on Monday. She praised her staff."
    assert [t for _, _, t in roles(nlp, text)] == [None]


@pytest.mark.parametrize(("text", "expected"), [
    ("Critics launched attacks on the senator's character.", [("ACCUSE", "asserted")]),
    ("Attacks on the governor's record intensified.", [("ACCUSE", "asserted")]),
])
def test_an_attack_on_a_record_is_in_words(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The senator said the committee should release the report.",
    "The mayor said insurance providers must cover the test.",
])
def test_a_body_or_doers_can_be_asked(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == [("REQUEST", "asserted")]


@pytest.mark.parametrize(("text", "expected"), [
    # a candidate withdrawing from a race stands down; money withdrawn is aid cut off
    ("The senator withdrew from the race on Friday.", [("RETREAT", "asserted")]),
    ("The party said the money for the campaign would be withdrawn.",
     [("SANCTION", "hypothetical")]),
    ("Russia withdrew from the treaty.", [("SANCTION", "asserted")]),
    # a suit named as where something was said is no suit told
    ("He was accused of lying under oath in a federal lawsuit.", [("ACCUSE", "alleged")]),
])
def test_races_money_and_suits(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    found = all_events(nlp, text)  # nested ones too
    assert [(e.type, e.status) for e in found] == expected


@pytest.mark.parametrize(("text", "target"), [
    ("Smith dropped his Senate bid on Monday.", None),
    ("Smith ended his campaign for the House.", None),
    ("Exxon dropped its bid for Mobil.", "Mobil"),  # a company bid for is a party
])
def test_the_office_a_race_is_for_is_no_party(nlp, text: str, target: str | None) -> None:  # type: ignore[no-untyped-def]
    assert roles(nlp, text)[0][2] == target


@pytest.mark.parametrize(("text", "expected"), [
    # what someone was kept from doing did not happen
    ("Guards stopped the gunman from killing more students.", [("ASSAULT", "negated")]),
    # what anyone at all might do, no one did; what a named one did, happened
    ("Anyone who promises a job in exchange for a vote breaks the law.",
     [("AGREE", "hypothetical")]),
    ("The official who promised the job resigned.",
     [("AGREE", "asserted"), ("RETREAT", "asserted")]),
])
def test_prevented_and_generic_acts(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def test_the_first_to_act_is_the_one_named_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Scott Brown was the first Republican to call on Akin to withdraw."
    assert roles(nlp, text)[0][:2] == ("REQUEST", "Senator Scott Brown")


def test_criticism_drawn_for_an_act_names_no_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The NRA drew criticism from Democrats for rejecting gun control measures."
    assert roles(nlp, text)[1][:2] == ("REJECT", "NRA")


def test_other_members_of_a_group_are_no_reciprocal(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Republicans pressured other Democrats to take a stand."
    assert roles(nlp, text) == [("REQUEST", "Republican Party", "Democratic Party")]


@pytest.mark.parametrize(("text", "expected"), [
    # a set or package of things stands for the things
    ("Applicants who meet a strict set of criteria will get visas.", []),
    ("The council imposed a package of sanctions on the firm.", [("SANCTION", "asserted")]),
    # giving up *on* something is still hoping; giving up is conceding
    ("She never gave up on her dreams.", []),
    ("The rebels gave up after a week.", [("CONCEDE", "asserted")]),
])
def test_sets_and_giving_up(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # no one strikes a fund or a plan but in a figure of speech
    ("Lawmakers raided the trust fund to pay for the tax cut.", []),
    ("The ruling could destroy the plan.", []),
    ("The militants raided the village.", [("ASSAULT", "asserted")]),
])
def test_an_assault_on_a_thing_is_a_figure(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # whether a source may discuss something is no talks held
    ("Two officials, who were not authorized to discuss the case, confirmed the charges.", []),
    ("The envoy was authorized to negotiate with the rebels.", [("CONSULT", "asserted")]),
    # what may happen, or is feared, has not happened
    ("Officials warned of the possibility of an attack on the embassy.",
     [("ASSAULT", "hypothetical")]),
])
def test_sourcing_formulas_and_prospects(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a reporter's question is no request
    ("Asked about the plan, the senator said it was dead.", []),
    ("When asked by reporters, the mayor declined to answer.", []),
    ("He was asked to resign.", [("REQUEST", "asserted")]),
    # what a race promises or a dispute threatens to be is a likelihood, no pledge or threat
    ("The race promises to be close.", []),
    ("The dispute threatens to become a crisis.", []),
    ("The rebels threatened to attack the city.", [("THREATEN", "asserted")]),
])
def test_reporters_questions_and_likelihoods(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a known verb none of whose rows fired on a thing pronoun is no guess from examples
    ('"I can say for certain that I did not send this," Mr. Okafor told reporters.', []),
    ("The clerk sent it to the county board on Friday.", []),
    # what the rows can read still codes, and a pronoun for people is left to the examples
    ("The ministry sent aid to the flooded towns.", [("AID", "asserted")]),
    ("The rebels attacked it on Monday.", [("ASSAULT", "asserted")]),
])
def test_a_thing_pronoun_tells_no_class_of_object(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected
