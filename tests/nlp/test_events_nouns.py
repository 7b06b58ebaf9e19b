"""Event nouns of rashomon_events that name a thing, not an event of their sentence (round 9:
an audit of US political stories): documents and plans beside verbs of no event, modifiers,
and the gathering sense of "retreat". Checked with the real parser on sentences written for
these tests."""

from __future__ import annotations

import pytest

from rashomon.records import Article

pytestmark = pytest.mark.model


def coded(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(trigger, type) of every event."""
    from rashomon.nlp.pipeline import collect, make_doc

    art = Article(id="t", source="t", outlet="Test Wire", title=None, published="2021-03-04",
                  language="en", body=text)
    return [(e.trigger, e.type) for e in collect(nlp(make_doc(nlp, art)), nlp).events]


@pytest.mark.parametrize(("text", "noun"), [
    # a document or a plan, the subject or object of a verb of no event
    ("The indictment is expected to be unsealed next week.", "indictment"),
    ("The new proposal would affect the sale of older rifles.", "proposal"),
    ("The plea agreement does not mention a prison term.", "plea agreement"),
    ("The ruling party will review all such requests carefully.", "requests"),
    ("The senator said the deal is not enough to lift the economy.", "deal"),
    # a noun modifying another noun
    ("The attack's aftermath was chaotic, the mayor said.", "attack"),
    # a gathering, not a withdrawal
    ("House Democrats held their annual retreat in Maryland.", "retreat"),
    ("The senators spent the weekend at a retreat in Virginia.", "retreat"),
])
def test_a_noun_that_names_a_thing_is_no_event(nlp, text: str, noun: str) -> None:  # type: ignore[no-untyped-def]
    assert noun not in {t for t, _ in coded(nlp, text)}


@pytest.mark.parametrize(("text", "noun", "type_"), [
    # it happens, it is there, it has a party of its own, it dates the clause
    ("Protests swelled across the country on Sunday.", "Protests", "PROTEST"),
    ("There were six arrests on Wednesday.", "arrests", "COERCE"),
    ("Police will not tolerate rallies by the miners' union.", "rallies", "PROTEST"),
    ("After the massacre, the governor ordered flags lowered.", "massacre", "ASSAULT"),
    ("The mayor's visit to Kyiv lasted two hours.", "visit", "CONSULT"),
    ("The navy said it began ten days of joint exercises on Monday.", "exercises", None),
    # a withdrawal from somewhere, or a hasty one, is a retreat
    ("The army's hasty retreat from Kherson surprised analysts.", "retreat", "RETREAT"),
])
def test_a_noun_that_tells_of_an_event_codes_it(nlp, text: str, noun: str,  # type: ignore[no-untyped-def]
                                               type_: str | None) -> None:
    found = dict(coded(nlp, text))
    if type_ is None:  # coded, whatever its type
        assert any(noun in t for t in found)
    else:
        assert found.get(noun) == type_


def test_fighting_a_bill_rejects_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("fighting", "REJECT") in coded(nlp, "Unions are fighting proposals to cut pensions.")
    assert ("fought", "ASSAULT") in coded(nlp, "Rebels fought government troops near the border.")


def test_inviting_criticism_invites_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "inviting" not in dict(coded(nlp, "By acting alone, the governor is inviting attacks "
                                             "from the opposition."))
    assert dict(coded(nlp, "Barack Obama invited Angela Merkel to the White House."))[
        "invited"] == "REQUEST"
