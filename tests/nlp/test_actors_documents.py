"""A text that speaks ("the letter states") is not the person it was sent to."""

from __future__ import annotations

from tests.nlp.quote_helpers import quotes


def test_the_letter_is_not_its_addressee(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("A group of nearly 90 teachers has sent Orsk, R-Wis., a letter saying he misused "
            "the doctrine.\n\n“We appreciate your willingness to talk about the doctrine,” the "
            "letter states.")
    q = next(q for q in quotes(qnlp, body) if q.kind == "direct")
    assert q.speaker_text == "the letter"
    assert q.speaker != "Orsk" and q.speaker_id is None
