"""Definite descriptions as speakers ("the congressman", "the woman", "the site") resolved to
the actor the article named before. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.records import Quote
from tests.nlp.quote_helpers import quotes

pytestmark = pytest.mark.model


def _by_speaker(qnlp, body: str) -> dict[str, Quote]:  # type: ignore[no-untyped-def]
    return {q.speaker_text or "": q for q in quotes(qnlp, body)}


def test_a_representative_is_the_congressman_and_the_lawmaker(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Missouri Rep. Dale Varnum defended the vote on Monday. Party leaders urged him "
            "to quit.\n\nThe congressman said he would stay in the race. Later the lawmaker "
            "told reporters that the vote was fair.")
    found = _by_speaker(qnlp, body)
    assert found["The congressman"].speaker == "Dale Varnum"
    assert found["the lawmaker"].speaker == "Dale Varnum"


def test_a_two_word_title_before_a_name_is_its_description(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Attorney General Nora Pell announced an inquiry into the contracts on Tuesday.\n\n"
            "The attorney general said the review would take months.")
    assert _by_speaker(qnlp, body)["The attorney general"].speaker == "Nora Pell"


def test_a_party_is_not_asked_of_one_given_none(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Sen. Walt Brisco spoke in Denver on Friday. Voters cheered.\n\n"
            "The Republican senator said the bill would pass.")
    assert _by_speaker(qnlp, body)["The Republican senator"].speaker == "Walt Brisco"


def test_a_party_the_article_gave_someone_else_is_not_guessed(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Republican Sen. Walt Brisco spoke in Denver on Friday. Voters cheered.\n\n"
            "The Democratic senator said the bill would fail.")
    q = _by_speaker(qnlp, body)["The Democratic senator"]
    assert q.speaker_id is None


def test_a_lieutenant_governor_is_not_the_governor(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Gov. Ada Crane and Lt. Gov. Mara Sill toured the flooded towns on Sunday.\n\n"
            "The governor said the state would pay for the repairs.")
    assert _by_speaker(qnlp, body)["The governor"].speaker == "Ada Crane"


def test_of_two_so_titled_the_one_named_just_before(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Gov. Ada Crane of Utah signed a similar law last year. Critics sued the state. "
            "The court has not ruled. Lawyers expect a ruling in May. The case drew wide "
            "attention.\n\nIn Nevada, Gov. Ben Ruiz has not decided. Mr. Ruiz was asked "
            "whether he would sign the bill.\n\n\u201cNot yet,\u201d the governor replied.")
    assert _by_speaker(qnlp, body)["the governor"].speaker == "Ben Ruiz"


def test_the_woman_is_the_one_woman_named_before(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Lena Ostrova, a student in Ohio, said she received the message on Sunday. "
            "Tom Rusk said he never sent it.\n\n"
            "The woman told a local paper that she had never met him.")
    assert _by_speaker(qnlp, body)["The woman"].speaker == "Lena Ostrova"


def test_the_woman_after_an_unnamed_one_is_not_guessed(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Lena Ostrova, a student in Ohio, said she received the message on Sunday. "
            "Tom Rusk said he never sent it. A woman in Texas said she got one too.\n\n"
            "The woman told a local paper that she had never met him.")
    assert _by_speaker(qnlp, body)["The woman"].speaker_id is None


def test_the_site_is_the_web_address_named_before(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Newsvane.com published the photo on Friday. Tom Rusk denied sending it.\n\n"
            "The site reported that the account had been hacked.")
    assert _by_speaker(qnlp, body)["The site"].speaker == "Newsvane.com"


def test_a_name_right_after_a_noun_is_what_it_names(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The website Newsvane.com reported that the account had been hacked."
    assert _by_speaker(qnlp, body)["The website"].speaker == "Newsvane.com"


def test_the_group_is_the_organisation_described_so_just_before(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The bill was drafted by the Plains Family Council, a conservative group based in "
            "Topeka. The group says the bill protects business owners.")
    assert _by_speaker(qnlp, body)["The group"].speaker == "Plains Family Council"


def test_the_group_far_from_the_one_so_described_is_not_guessed(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The bill was drafted by the Plains Family Council, a conservative group based in "
            "Topeka. Lawmakers passed it in March. A task force studied it for weeks. Its panel "
            "met in Wichita. The panel heard from farmers.\n\nThe group says the bill protects "
            "business owners.")
    assert _by_speaker(qnlp, body)["The group"].speaker_id is None


def test_a_party_label_after_a_name_makes_the_state_s_party_member(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Rep. Tom Rusk (D-N.Y.) spoke to reporters on Monday. Critics urged him to quit.\n\n"
            "The New York Democrat said he would not resign.")
    assert _by_speaker(qnlp, body)["The New York Democrat"].speaker == "Tom Rusk"


def test_a_party_member_of_another_state_is_not_guessed(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Rep. Tom Rusk, D-N.Y., spoke to reporters on Monday. Rep. Ann Vesk, R-Ohio, urged "
            "him to quit.\n\nThe Ohio Democrat said he would not resign.")
    assert _by_speaker(qnlp, body)["The Ohio Democrat"].speaker_id is None
