"""Questions and answers, titles and openings: who asked, who answered, and what of the
sentence around a cue was said. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.quote_helpers import pieces, quotes

pytestmark = pytest.mark.model


@pytest.mark.parametrize("body", [
    '"Do you want to try it?" the coach asked his players.',
    '"Can we go home now?" Ms. Ortiz asked the officer.',
])
def test_who_was_asked_is_not_the_question(qnlp, body) -> None:  # type: ignore[no-untyped-def]
    found = [q for q in quotes(qnlp, body) if q.cue == "ask"]
    assert len(found) == 1
    assert found[0].kind == "direct"
    assert pieces(body, found[0]) == [body[1:body.index("?") + 1]]


def test_a_short_answer_is_not_more_of_the_question(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = '"Will you run again?" a reporter asked. "No."'
    found = quotes(qnlp, body)
    asked = [q for q in found if q.cue == "ask"]
    assert len(asked) == 1 and pieces(body, asked[0]) == ["Will you run again?"]
    answer = [q for q in found if "No." in pieces(body, q)]
    assert answer and answer[0].speaker_text != "a reporter"


def test_a_longer_quote_after_a_question_goes_on_in_the_same_voice(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = '"Why would I quit now?" the senator asked. "We are winning this fight."'
    found = [q for q in quotes(qnlp, body) if q.cue == "ask"]
    assert len(found) == 1
    assert pieces(body, found[0]) == ["Why would I quit now?", "We are winning this fight."]


def test_a_one_word_quote_right_after_said_is_what_was_said(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = 'Asked whether he would run again, the mayor said "No."'
    found = [q for q in quotes(qnlp, body) if q.cue == "say"]
    assert len(found) == 1
    assert found[0].speaker_text == "the mayor"
    assert pieces(body, found[0]) == ["No."]


def test_a_titled_piece_speaks_its_title(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('The fans drew plenty of attention, including a magazine piece titled "Why The '
            'Fans Are Always Right."')
    found = [q for q in quotes(qnlp, body) if q.cue == "title"]
    assert len(found) == 1 and found[0].speaker_text == "a magazine piece"


def test_an_opening_phrase_is_not_what_was_recalled(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("In a note to the players posted on the team website, Ms. Varga recalled being "
            "booed by fans years ago for a missed penalty.")
    found = [q for q in quotes(qnlp, body) if q.cue == "recall"]
    assert len(found) == 1
    assert pieces(body, found[0]) == ["being booed by fans years ago for a missed penalty"]


def test_a_clause_between_speaker_and_cue_is_not_set_off(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('On Tuesday, the league came out against the proposal, stating, "We cannot support '
            'a plan that hurts small clubs and their fans."')
    found = [q for q in quotes(qnlp, body) if q.cue == "state"]
    assert len(found) == 1
    assert not any("Tuesday" in p for p in pieces(body, found[0]))


def test_a_relative_pronoun_after_a_description_speaks_for_the_name(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Enter Mr. Kowal, a former league media officer who describes himself on his blog "
            'as loving trains, jazz and "all things blue and gold!"')
    found = [q for q in quotes(qnlp, body) if q.cue == "describe"]
    assert len(found) == 1 and "Kowal" in (found[0].speaker or "")


def test_tallies_lists_and_section_heads_are_not_labelled_speech(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Poll update: the race tightens.\n\nThe count so far, by candidate.\n\n"
            "Lena Ostrova: 1,204.\n\nPaul Idris: 988.\n\n"
            "Ohio: Maria Kohl, Dan Reyes, Tom Hale and Ann Varga.\n\n"
            "Ostrova: Hold the line.\n\nThe rivals had different plans.\n\nHALE: Yes.\n\n"
            'Idris: "We will win this state, and then we will win the next one."')
    found = quotes(qnlp, body)
    assert sorted(q.speaker_text for q in found) == ["HALE", "Idris"]


def test_a_participle_read_as_a_clause_is_neither_cue_nor_content(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("In a letter to Dana and Mia posted on her website, Ms. Varga recalled being "
            "criticized by a reporter decades ago for the dress she wore to a reception.")
    found = [q for q in quotes(qnlp, body) if q.cue in ("recall", "post")]
    assert [q.cue for q in found] == ["recall"]
    assert pieces(body, found[0])[0].startswith("being criticized")
