"""Senses, status and roles of rashomon_events found in audits of real articles (issue 15),
checked with the real parser on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.event_helpers import top_events as events

pytestmark = pytest.mark.model


def top(nlp, text: str) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    found = events(nlp, text)
    return (found[0].type, found[0].status) if found else None


@pytest.mark.parametrize(("text", "expected"), [
    # what a speaker calls someone: a condemning label is disapproval, a praising one praise
    ("The senator called the governor a coward.", ("ACCUSE", "asserted")),
    ("The opposition leader described the budget as irresponsible.", ("ACCUSE", "asserted")),
    ("The minister called the ceasefire a breakthrough.", ("SUPPORT", "asserted")),
    ("The minister called the situation complex.", None),  # no phone call, no demand
    # agreeing with an opinion or a person is support; agreeing to a deal is AGREE
    ("Canada agreed with Mexico's position on the tariffs.", ("SUPPORT", "asserted")),
    ("Canada agreed with Mexico to cut tariffs.", ("AGREE", "asserted")),
    # a decision taken is actual, not a plan
    ("The junta decided to reopen the borders.", ("RETREAT", "asserted")),
    # disapproval named by its feeling
    ("The rebels expressed frustration at the delays.", ("ACCUSE", "asserted")),
    ("The envoy met with the rebel leaders in Osk.", ("CONSULT", "asserted")),
    # raising a threat is threatening, whatever is threatened
    ("The senator raised the threat of appointing a special prosecutor.", ("THREATEN", "asserted")),
])
def test_sense_and_status(nlp, text: str, expected: tuple[str, str] | None) -> None:  # type: ignore[no-untyped-def]
    assert top(nlp, text) == expected


def test_a_bare_group_takes_no_country_from_the_other_party(nlp) -> None:  # type: ignore[no-untyped-def]
    (freed,) = events(nlp, "Rebels freed a French hostage on Sunday.")
    assert freed.type == "RETREAT" and freed.source == "rebels" and freed.target == "France"
    (attack,) = events(nlp, "Insurgents attacked an American convoy in Kandahar province.")
    assert attack.source == "Afghanistan rebels" and attack.target == "United States"


def test_the_purpose_of_a_journey_lies_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    (meet,) = events(nlp, "The foreign minister is heading to Ankara to meet his Turkish "
                          "counterpart.")
    assert (meet.trigger, meet.status, meet.modality) == ("meet", "hypothetical", "hypothetical")
    (condemn,) = events(nlp, "The government rushed to condemn the bombing.")
    assert (condemn.type, condemn.status) == ("ACCUSE", "asserted")  # no journey: the act


def test_the_one_offered_something_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    (offer,) = events(nlp, "Germany offered Greece a loan from the European Union.")
    assert (offer.type, offer.source, offer.target) == ("AGREE", "Germany", "Greece")


def test_a_relative_clause_does_not_make_its_own_object_the_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    (stood,) = events(nlp, "The vote hurt those of us who have stood by Poland for decades.")
    assert stood.type == "SUPPORT" and stood.source is None


@pytest.mark.parametrize(("text", "expected"), [
    # a participle used as an adjective is no trigger
    ("The opposing camp approached the budget talks with suspicion.", None),
    # opposing a nominee or bill is refusing it; a reason for opposing it is no act yet
    ("Three senators opposed the nominee.", ("REJECT", "asserted")),
    ("The senators wanted a clear rationale for opposing the nominee.", ("REJECT", "hypothetical")),
    # regulatory capture is no seizure, also when the relative pronoun is the parsed subject
    ("Wealthy lobbies can capture a regulator over time.", None),
    ("Commissions that are captured by industry stop protecting consumers.", None),
    ("Rebels captured two soldiers near the border.", ("ASSAULT", "asserted")),
    # pulling something away that is no force or staff is no retreat
    ("We have to pull away that false rumor before it spreads.", None),
    ("The army pulled back its troops from the border.", ("RETREAT", "asserted")),
    ("Russia pulled out of the treaty.", ("SANCTION", "asserted")),  # as "quit/left the treaty"
    # providing an account or a performance is no aid, nor guessed as one; nor is a verb
    # whose rows need an object the parser did not find
    ("The minister provided a confident performance at the hearing.", None),
    (("The judge, who had clerked for two senators, provided the polished performance earlier "
      "nominees had delivered during their hearings; he said little."), None),
    # asking about something is a question, asking someone to do it a request
    ("The senator asked about the verdict.", None),
    ("Freedonia asked Korva to release the prisoners.", ("REQUEST", "asserted")),
    # an investigation is an event when it names what it looks into, also when the parser
    # hangs that phrase on the light verb
    ("The police completed their probe.", None),
    ("The FBI launched a probe into the senator.", ("ACCUSE", "asserted")),
    # what a law or ruling allows is a standing permission; the subject of a participle is
    # the noun it modifies, of a later conjunct that of the first
    ("The court issued rulings limiting union rights and allowing banks to mislead savers.",
     None),
    ("The new law allows police to detain suspects for a week.", ("COERCE", "hypothetical")),
    ("The junta allowed the opposition to hold a rally.", ("CONCEDE", "asserted")),
])
def test_senses_outside_conflict_news(nlp, text: str, expected: tuple[str, str] | None) -> None:  # type: ignore[no-untyped-def]
    assert top(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a particle after the object still makes the phrasal verb
    ("Lithuania pulled its ambassador out of Beijing.", ("SANCTION", "asserted")),
    # a bare infinitive with its own subject is the verb's complement
    ("The kidnappers let the three engineers go on Friday.", ("RETREAT", "asserted")),
    # "of=" on a verb reads its object's "of" phrase: a prospect of sanctions is a threat,
    # a prospect of talks none
    ("Washington raised the prospect of new sanctions against the junta.", ("THREATEN", "asserted")),
    # the subject of a controlled infinitive is its governor's: troops withdraw, not SANCTION
    ("Troops began withdrawing from the buffer zone on Saturday.", ("RETREAT", "asserted")),
    # a participle clause after a report verb is what the speaker did, not reported content
    ("Relatives wrote to the president asking for the prisoners' release.",
     ("REQUEST", "asserted")),
    # the subject of an adjective small clause is the verb's object ("freed X unharmed")
    ("The rebels freed the abducted nurses unharmed.", ("RETREAT", "asserted")),
    # a sum in a currency the entity recogniser misses is still money
    ("The government set aside 5 million euros for the flood victims.", ("AID", "asserted")),
])
def test_parse_rules_of_the_batch5_round(nlp, text: str, expected: tuple[str, str] | None) -> None:  # type: ignore[no-untyped-def]
    assert top(nlp, text) == expected


def test_a_prospect_of_talks_is_no_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    assert top(nlp, "The minister raised the prospect of a new round of talks.") != (
        "THREATEN", "asserted")


def test_a_modifier_of_a_compound_modifies_the_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.events.lexicon import load

    doc = nlp("American and Filipino marines staged joint landing drills on the coast.")
    drills = next(t for t in doc if t.lower_ == "drills")
    assert any(c.dep_ == "compound" for c in drills.children)  # the parse this test is about
    row = load().trigger(drills, "N")
    assert row is not None and row.type == "COOPERATE"  # "*joint* landing drills"


def test_roles_of_the_batch5_round(nlp) -> None:  # type: ignore[no-untyped-def]
    # an ambassador pulled "out of" a capital: its country is the other party
    (recall,) = events(nlp, "Hungary pulled its ambassador out of Kyiv on Monday.")
    assert (recall.type, recall.source, recall.target) == ("SANCTION", "Hungary", "Ukraine")
    # an extradited person is what is moved; the "to" side receives
    (extradite,) = events(nlp, "Argentina extradited a former police chief to Uruguay.")
    assert (extradite.source, extradite.target) == ("Argentina", "Uruguay")
    # sides joining forces are each other's party: neither their object ("forces") nor the
    # object of their purpose is a target
    (joint,) = events(nlp, "French and German troops joined forces to fight the jihadists.")
    assert joint.type == "COOPERATE" and joint.target is None


@pytest.mark.parametrize(("text", "expected"), [
    # a campaign ad released is a publication, not a release from captivity
    ("The campaign released a new ad on Tuesday.", None),
    ("The rebels released 20 prisoners on Tuesday.", ("RETREAT", "asserted")),
    # looking into a camera investigates nothing
    ("In the ad, the senator looks into the camera.", None),
    ("The ministry will look into the allegations.", ("ACCUSE", "hypothetical")),
    # winning control of a chamber is politics, not a seizure
    ("The party hopes to take control of the Senate in November.", None),
    ("Rebels took control of the town on Sunday.", ("COERCE", "asserted")),
])
def test_audit_senses_of_release_look_and_take_control(nlp, text: str,  # type: ignore[no-untyped-def]
                                                      expected: tuple[str, str] | None) -> None:
    assert top(nlp, text) == expected


@pytest.mark.parametrize(("text", "type_"), [
    # being met with a reaction is receiving it, not a meeting
    ("The plan was met with sharp criticism from the teachers' union.", "ACCUSE"),
    ("The idea was met with reluctance from the staff.", "REJECT"),
])
def test_being_met_with_a_reaction(nlp, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    # told by the outlet, not alleged: the passive names its reacting side with "from"
    assert [(e.type, e.status) for e in events(nlp, text)] == [(type_, "asserted")]


def test_a_guessed_name_before_an_event_noun_is_where_not_who(nlp) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in events(nlp, "After the Varna shooting, Ola Brandt announced a plan to "
                                    "put armed guards in every school.") if e.type == "ASSAULT"]
    assert found and all(e.source is None for e in found)


def test_a_reaction_met_comes_from_the_from_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(nlp, "Israel came under criticism from France.") if e.type == "ACCUSE"]
    assert (e.source, e.target) == ("France", "Israel")
    (e,) = [e for e in events(nlp, "The plan drew sharp criticism from Germany.")
            if e.type == "ACCUSE"]
    assert e.source == "Germany"


def test_targeting_voters_or_groups_for_scrutiny_is_no_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in events(nlp, "The tax office targeted conservative groups for extra "
                                       "scrutiny.") if e.type == "ASSAULT"]
    assert [e.type for e in events(nlp, "Rebels targeted a convoy near Osk.")] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "attack"), [
    # singling out people, groups or records for scrutiny is no attack, whoever does it
    ("The House committee targeted the charity for scrutiny over its foreign donations.", False),
    ("Prosecutors targeted the senator's former aides in the investigation.", False),
    ("The administration has targeted universities over their admissions policies.", False),
    # armed doers, weapons, or a military or physical target make it one
    ("Militants targeted a police station with rockets.", True),
    ("Russian missiles targeted Kyiv overnight.", True),
    ("Israel targeted Hamas commanders in Gaza.", True),
    ("The journalist was targeted by gunmen outside his home.", True),
])
def test_targeting_is_an_attack_only_with_arms_or_a_military_target(  # type: ignore[no-untyped-def]
        nlp, text: str, attack: bool) -> None:
    assert any(e.type == "ASSAULT" for e in events(nlp, text)) == attack


@pytest.mark.parametrize(("text", "expected"), [
    # a hearing on a topic is a session, not an accusation; one *into* X is an inquiry
    ("The Senate committee held a hearing on the bank's collapse.", None),
    ("The House panel held a hearing into the failed rollout on Tuesday.", ("ACCUSE", "asserted")),
    # breaking a law is no break of ties (nor guessed as one from the examples)
    ("He insisted he had not broken any laws.", None),
    ("The firm broke the law by dumping waste in the river.", None),
    ("Ruritania broke off diplomatic ties with Freedonia.", ("SANCTION", "asserted")),
    # linking someone to a scandal associates them; what was tried is what is reported
    ("Critics tried to link the senator to the bribery scandal.", None),
    ("Investigators linked the attack to a militant group.", None),
    ("Rebels tried to storm the presidential palace.", ("ASSAULT", "asserted")),
])
def test_audit_senses_of_hearing_breaking_and_linking(nlp, text: str,  # type: ignore[no-untyped-def]
                                                      expected: tuple[str, str] | None) -> None:
    assert top(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "seize on/upon" with no object is pouncing on something, no seizure
    ("Opposition senators seized on a few lines of the memo.", None),
    ("Critics seized upon the slip within hours.", None),
    ("Rebels seized the airport on Tuesday.", ("COERCE", "asserted")),
    # abuse of a thing (power, a system, rules, talking points) is no assault; of people it is
    ("The governor abused his power.", None),
    ("The new guidelines could be abused by landlords.", None),
    ("Prosecutors say the system was abused.", None),
    ("The guards abused the prisoners.", ("ASSAULT", "asserted")),
    # a figurative "beat": an institution or a rival is beaten, not a person
    ("Senators used the audit to beat the agency for failing to act.", None),
    ("Police beat protesters outside the ministry.", ("ASSAULT", "asserted")),
    ("Police beat members of the opposition party.", ("ASSAULT", "asserted")),
    ("The guidance could be abused by rivals to beat the Treasury Department over its slow response.", None),
    # releasing documents is publishing them; releasing captives is a RETREAT
    ("The ministry released the correspondence.", None),
    ("In releasing the e-mails, the cabinet hoped to quiet its critics.", None),
    ("The rebels released two hostages.", ("RETREAT", "asserted")),
    ("The court released its full judgment on Thursday.", None),
    # a warning that informs is no threat; one of the warner's own action is
    ("A memo warned him that the plan could fail.", None),
    ("Economists warned of a risk of recession.", None),
    ("Moscow warned Kyiv that it would retaliate.", ("THREATEN", "asserted")),
    ("The government warned the strikers of mass dismissals.", ("THREATEN", "asserted")),
    ("The agency issued a warning that the storm could hit the coast.", None),
    ("Economists issued a warning about rising debt.", None),
    ("The army issued a stern warning to the rebels.", ("THREATEN", "asserted")),
    # documents and light-verb notions: nothing is done
    ("The letters showed a disagreement between the two agencies.", None),
    ("The memo raises questions about the motives of the aides.", None),
    ("The book offers a brief glimpse of palace life.", None),
    ("The senator offered some early comments on the affair.", None),
    ("The final draft of the bill is stripped of the clause.", None),
    ("The governor offered his first public remarks on Friday.", None),
    ("An aide sent an e-mail to the ministers warning them that the figures were wrong.", None),
    # a bare "the release" or one of documents frees nobody; one naming the freed does
    ("The release provides a detailed picture of the negotiations.", None),
    ("The release of the memos came after weeks of pressure.", None),
    ("After his release from prison, the dissident left the country.", ("RETREAT", "asserted")),
    ("The release of the hostages came after weeks of talks.", ("RETREAT", "asserted")),
    ("The government offered to hold talks with the rebels.", ("AGREE", "asserted")),
])
def test_figurative_and_informative_senses(nlp, text: str, expected: tuple[str, str] | None) -> None:  # type: ignore[no-untyped-def]
    assert top(nlp, text) == expected


@pytest.mark.parametrize(("text", "status"), [
    # what a negated piece of evidence does not show is not asserted
    ("There is no evidence in the minutes that the chairman objected to the merger.",
     "hypothetical"),
    ("The archive holds no evidence that the mayor objected to the plan.",
     "hypothetical"),
    ("The report did not show that the police beat the protesters.", "hypothetical"),
    ("The report showed that the police beat the protesters.", "asserted"),
    ("There is evidence that the mayor objected to the plan.", "asserted"),
])
def test_what_no_evidence_shows_is_not_asserted(nlp, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    found = top(nlp, text)
    assert found is not None and found[1] == status


def test_states_of_one_country_are_parties_to_each_other(nlp) -> None:  # type: ignore[no-untyped-def]
    # a state standing for its government is a party, and a party of its own, even when
    # the other side lies in the same country (joint sources keep a target of their country)
    found = events(nlp, "Vermont and Oregon accused Idaho of flooding the valley.")[0]
    assert (found.type, found.source, found.target) == ("ACCUSE", "Vermont; Oregon", "Idaho")
    found = events(nlp, "Idaho officials criticized the dam.")[0]
    assert (found.type, found.source) == ("ACCUSE", "Idaho")
    found = events(nlp, "Officials in Idaho criticized the dam.")[0]
    assert (found.type, found.source) == ("ACCUSE", "Idaho")


def test_common_words_the_tagger_calls_people_are_no_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model tags these words PERSON: a lower-case "name", or a sentence's first word
    # the text also writes in lower case, is no event's source or target
    text = ("Sheriff Ona Pell said that marijuana arrests had doubled this year. Marijuana flows "
            "across the border, and the state distributes marijuana widely.")
    parties = {p for e in events(nlp, text) for p in (e.source, e.target) if p}
    assert not {p for p in parties if "arijuana" in p}


@pytest.mark.parametrize(("text", "expected"), [
    # travelling home is no visit; mustering votes is no mobilisation; offering a chance is no offer
    ("The senator traveled home to his district for the weekend.", None),
    ("The minister traveled to Osk for talks.", ("CONSULT", "asserted")),
    ("He could muster no more than a few dozen votes.", None),
    ("The army mustered troops at the border.", ("MOBILIZE", "asserted")),
    ("The vote would offer them the chance to regain influence.", None),
])
def test_senses_from_a_fresh_audit_of_political_news(nlp, text: str, expected: tuple[str, str] | None) -> None:  # type: ignore[no-untyped-def]
    assert top(nlp, text) == expected


def test_a_request_in_the_passive_is_told_an_accusation_is_alleged(nlp) -> None:  # type: ignore[no-untyped-def]
    # whoever asked, the outlet tells the request; an accusation with no accuser is alleged
    assert top(nlp, "Slightly more funding has been requested for next year.") == ("REQUEST", "asserted")
    assert top(nlp, "Marbec has been accused of sending fighters.")[1] == "alleged"  # type: ignore[index]
