"""Senses, status and roles of rashomon_events in US political and policy news (the audit of
round 8: domestic stories, where legal and everyday senses of diplomatic verbs abound), checked
with the real parser on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import all_events, coded
from tests.nlp.event_helpers import top_events as events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    # declining to comment is no rejection of anything (CAMEO files it with statements)
    ("The spokeswoman declined to comment on the lawsuit.", []),
    ("A lawyer for the mayor refused to elaborate.", []),
    ("The company declined comment.", []),
    ("The union declined to join the strike.", [("REJECT", "asserted")]),
    # recognition of a marriage, a licence or a fact is no diplomatic recognition
    ("Many employers do not recognize civil unions.", []),
    ("Out-of-state licences will be recognized by the board.", []),
    ("The board recognized the importance of the vote.", []),
    ("Turkey recognized the new government in Kabul.", [("SUPPORT", "asserted")]),
    # a domestic or civil partnership is a legal union, not cooperation
    ("Couples in domestic partnerships will not qualify for the credit.", []),
    # offering support, condolences or praise is support; offering a deal an offer
    ("The governor offered support for the bill.", [("SUPPORT", "asserted")]),
    ("The envoy offered condolences to the families.", [("SUPPORT", "asserted")]),
    # what a law or ruling assures is no pledge of an actor
    ("The new statute assures depositors that their money is protected.", []),
    # a view of how a matter should be settled is no demand on anyone
    ("The governor believes the question must be settled by voters.", []),
    ("The candidate argued the dispute should be handled by each county.", []),
    ("The mayor said the police must withdraw from the square.", [("REQUEST", "asserted")]),
    # needing something is no request
    ("Officials will need more data before they decide.", []),
])
def test_sense(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def test_what_someone_opposes_has_not_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {e.trigger: e.status for e in all_events(nlp, "The governor opposes lifting the curfew.")}
    assert found == {"opposes": "asserted", "lifting": "hypothetical"}


def test_what_someone_is_reluctant_to_do_has_not_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    assert all(e.status != "asserted" for e in events(
        nlp, "The allies are reluctant to withdraw their troops from the border."))


def test_an_act_beside_a_speech_act_is_no_content_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {e.trigger: e for e in events(
        nlp, "Maria Lopez criticized the bill and urged her followers to call their senators.")}
    assert found["criticized"].status == "asserted"
    urged = [e for e in all_events(nlp, "Maria Lopez criticized the bill and urged her "
                                         "followers to call their senators.")
             if e.trigger == "urged"]
    assert urged and urged[0].status == "asserted" and urged[0].source == "Maria Lopez"


def test_what_happened_before_a_lawsuit_is_told_not_alleged(nlp) -> None:  # type: ignore[no-untyped-def]
    (forced,) = [e for e in all_events(
        nlp, "Maria Lopez sued the county after being forced to sell her farm.")
        if e.trigger == "forced"]
    # the one forced is the target of the passive gerund, not its doer
    assert forced.status == "asserted" and forced.target == "Maria Lopez" and not forced.source


def test_a_description_in_apposition_names_no_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    (criticism,) = events(nlp, "Maria Lopez, the daughter of Senator John Lopez (D) and niece "
                               "of Governor Ann Lopez, criticized the bill in a radio interview, "
                               "the Boston Globe reported.")
    assert criticism.source == "Maria Lopez"


@pytest.mark.parametrize(("text", "expected"), [
    # violence verbs used of plans, bills and rivals in politics are words, not force
    ("Democrats torched the Republican plan as a giveaway to the rich.", [("ACCUSE", "asserted")]),
    ("The senator killed the bill in committee.", [("REJECT", "asserted")]),
    ("The campaign launched a blistering attack on the governor.", [("ACCUSE", "asserted")]),
    ("The mayor's plan came under fire from council members.", [("ACCUSE", "asserted")]),
    ("The convoy came under fire near the border.", [("ASSAULT", "asserted")]),
    ("Kamala Harris fired back at her critics on Twitter.", [("ACCUSE", "asserted")]),
    ("Soldiers fired back at the gunmen.", [("ASSAULT", "asserted")]),
    ("The two candidates clashed over taxes in Tuesday's debate.", [("ACCUSE", "asserted")]),
    # "was met with" is a reaction or repression, never a meeting
    ("The marchers were met with tear gas.", [("COERCE", "asserted")]),
    ("The delegation was met by the foreign minister at the airport.", [("CONSULT", "asserted")]),
    # a phrasal verb alone is none of its phrasal senses
    ("After the verdict, the focus turned to the police chief.", []),
])
def test_figurative_sense(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def test_the_one_called_on_does_what_is_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {e.trigger: e for e in all_events(nlp, "Turkey called on Russia to withdraw its troops.")}
    assert (found["called"].source, found["called"].target) == ("Turkey", "Russia")
    assert (found["withdraw"].source, found["withdraw"].status) == ("Russia", "hypothetical")
    found = {e.trigger: e for e in all_events(nlp, "Germany appealed to France to reopen the border.")}
    assert found["reopen"].source == "France"


def test_calling_for_someone_to_act_is_a_request_of_them(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {e.trigger: e for e in all_events(nlp, "The opposition called for Maduro to resign.")}
    assert (found["called"].type, found["called"].target) == ("REQUEST", "Nicolás Maduro")
    assert found["resign"].status == "hypothetical"


@pytest.mark.parametrize(("text", "expected"), [
    # agreeing with nothing named, or as commentators do, is an opinion
    ('"Repost it if you agree," the actress wrote.', []),
    ("Most economists agree that the tax will raise prices.", []),
    ("The two sides agreed on Tuesday.", [("AGREE", "asserted")]),
    ("The unions agreed to the new contract.", [("AGREE", "asserted")]),
])
def test_agreeing(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def test_roles_in_domestic_news(nlp) -> None:  # type: ignore[no-untyped-def]
    # an officer placed on leave is no deployment
    assert coded(nlp, "The officer was placed on paid leave by the department.") == []
    assert coded(nlp, "The army placed its troops on high alert.") == [("MOBILIZE", "asserted")]
    # the medium where something was said is no party
    (pledge,) = events(nlp, "Chuck Schumer pledged a vote on the bill in an interview with "
                            "The Washington Post.")
    assert pledge.target is None
    # those one marches with are companions
    (march,) = events(nlp, "Senator Cory Booker marched with the demonstrators in Newark.")
    assert march.type == "PROTEST" and march.target is None
    # praise met with or drawn: those praised are the target
    (applause,) = events(nlp, "Nancy Pelosi was met with applause at the convention.")
    assert (applause.type, applause.target) == ("SUPPORT", "Nancy Pelosi")


@pytest.mark.parametrize(("text", "expected"), [
    # courts and chambers void and stop things; workers walk off; governors call out the Guard
    ("An appeals court struck down the city's ban on short-term rentals.", [("REJECT", "asserted")]),
    ("House Republicans blocked a vote on the impeachment articles.", [("REJECT", "asserted")]),
    ("Nurses walked off the job at three hospitals.", [("PROTEST", "asserted")]),
    ("The governor activated the National Guard after the storm.", [("MOBILIZE", "asserted")]),
    # jabs and barbs are words; killing jobs harms no one in particular
    ("The mayor took a jab at the governor during the briefing.", [("ACCUSE", "asserted")]),
    ("The candidates traded accusations over the tax plan.", [("ACCUSE", "asserted")]),
    ("Opponents say the tariff will kill thousands of jobs.", []),
])
def test_domestic_rows(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a debate's barrages, bombardments and shots are words
    ("The moderator bombarded the candidates with questions about taxes.", []),
    ("Artillery bombarded the town overnight.", [("ASSAULT", "asserted")]),
    ("Her interruptive barrage annoyed the panel.", []),
    ('Mitt Romney shot back: "That is simply not true."', [("ACCUSE", "asserted")]),
    # what a campaign wins back is no territory
    ("The challenger sought to recapture the momentum after the debate.", []),
    # asking questions requests nothing; appealing to voters attracts them
    ("Reporters asked where the governor had spent the weekend.", []),
    ("The anchor asked numerous questions about the deficit.", []),
    ("The plan could appeal to suburban voters.", []),
    # certain, not pledged
    ("The speech was guaranteed to anger the party's base.", []),
    # a phrasal-only verb with an object but none of its particles is its plain sense
    ("The rivals turned the debate into a shouting match.", []),
])
def test_a_debate_in_words(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def test_a_reproach_of_the_past_is_no_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, "Democrats said the president should have acted sooner.") == []


def test_the_one_blamed_or_thanked_for_an_act_did_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {e.trigger: e for e in all_events(
        nlp, "Nancy Pelosi mocked Kevin McCarthy for blocking the bill.")}
    assert found["blocking"].source == "Kevin McCarthy"


def test_a_participle_guaranteed_to_is_certainty(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, "It was a speech by the senator guaranteed to anger the base.") == []


def test_a_participle_beside_a_spoken_act_names_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    (support,) = events(nlp, "Joe Biden voiced support for the law, echoing Hillary Clinton's "
                             "view of the matter.")
    assert support.type == "SUPPORT" and support.target is None


@pytest.mark.parametrize(("text", "expected"), [
    # battles in courts, budgets and markets are no fighting
    ("The retailer is fighting an uphill battle against rising rents.", []),
    ("The custody battle dragged on for two years.", []),
    ("The county is fighting the ruling in court.", []),
    ("Troops fought a fierce battle with the rebels.", [("ASSAULT", "asserted")]),
])
def test_battles_in_words_and_courts(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # markets rally and rates are raised with no actor acting; storms slam into coasts
    ("Stocks rallied on Wall Street after the jobs report.", []),
    ("The central bank raised interest rates for the third time.", []),
    ("The tornado slammed into the town late Sunday.", []),
    ("Voters punished the governor at the ballot box.", []),
    ("The ruling handed the mayor a stinging defeat.", []),
    # concerns raised are disapproval; what one is under pressure to do has not happened
    ("Several senators raised concerns about the nominee.", [("ACCUSE", "asserted")]),
    ("The chief is under pressure to resign.", [("RETREAT", "hypothetical")]),
])
def test_everyday_idioms(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, text) == expected


def test_a_quoted_name_is_no_act(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, 'Florida passed its "stand your ground" law in 2005.') == []
    assert [t for t, _ in coded(nlp, 'She opposed the "arrest first, ask later" policy.')] \
        == ["REJECT"]  # (opposing a policy refuses it)
    # quoted speech followed by its speaker stays speech with its events
    assert coded(nlp, '"Russia attacked our towns," the mayor of Kharkiv said.') == \
        [("ASSAULT", "alleged")]


def test_what_is_received(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, "Retirees will receive larger pension checks next year.") == []
    assert coded(nlp, "The nurse received a standing ovation from the crowd.") == \
        [("SUPPORT", "asserted")]


def test_a_political_base_is_no_post(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, "Few senators will abandon their evangelical base on abortion.") == []
    assert coded(nlp, "The rebels abandoned their base in the hills.") == \
        [("RETREAT", "asserted")]


def test_offering_products_or_policies_is_no_offer_to_a_side(nlp) -> None:  # type: ignore[no-untyped-def]
    assert coded(nlp, "The airline offered discounts to students over the summer.") == []
    assert coded(nlp, "The rebels offered a ceasefire.") == [("AGREE", "asserted")]
