"""Quotation marks found from the text alone (no model)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.nlp.quotes.marks import (
    ANY_MARKS,
    DOUBLE_MARKS,
    find_double,
    find_quotes,
    find_single,
    has_double_mark,
)


def inner(text: str, m) -> str:  # type: ignore[no-untyped-def]
    return " / ".join(text[a:b] for a, b in m.pieces)


def test_straight_and_curly_double_quotes() -> None:
    text = 'He said "we stay." She said \u201cwe go.\u201d'
    marks = find_quotes(text)
    assert [inner(text, m) for m in marks] == ["we stay.", "we go."]
    assert all(m.double and m.closed for m in marks)


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    text = "\u201cThey call it a \u2018special operation\u2019, we call it war,\u201d she said."
    marks = find_quotes(text)
    assert len(marks) == 1
    assert "special operation" in inner(text, marks[0])


def test_apostrophes_are_not_quotes() -> None:
    text = "The army\u2019s chief didn\u2019t say it. The Smiths\u2019 farm and rock \u2019n\u2019 roll."
    assert find_quotes(text) == []


def test_scare_quote_in_single_marks() -> None:
    text = "The council backed its 'historic' plan and the mayor's 'new deal' on Monday."
    marks = find_single(text)
    assert [inner(text, m) for m in marks] == ["historic", "new deal"]


def test_quote_over_several_paragraphs() -> None:
    text = ("\u201cWe waited for hours.\n\n\u201cThen the shelling began,\u201d "
            "the nurse said.\n\nNext story.")
    marks = find_double(text)
    assert len(marks) == 1
    assert len(marks[0].pieces) == 2
    assert inner(text, marks[0]) == "We waited for hours. / Then the shelling began,"


def test_unclosed_quote_ends_at_paragraph() -> None:
    text = 'He said "this never ends\n\nA new paragraph with no quote.'
    marks = find_double(text)
    assert len(marks) == 1 and not marks[0].closed
    assert inner(text, marks[0]) == "this never ends"


def test_nyt_style_marks() -> None:
    text = "The report said ``we were warned.'' Then nothing."
    assert [inner(text, m) for m in find_quotes(text)] == ["we were warned."]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab '\"\u2018\u2019\u201c\u201d\n.,:`", max_size=80))
def test_any_mix_of_marks_never_crashes(text: str) -> None:
    doubles = find_double(text)  # called directly: find_quotes would hide a crash
    for m in doubles + find_single(text, doubles):
        assert 0 <= m.start < m.end <= len(text)
        for a, b in m.pieces:
            assert m.start <= a <= b <= m.end


def test_double_mark_test_knows_every_style_and_skips_apostrophes() -> None:
    for s in ('a "b"', "a \u201cb", "a \u201eb", "\u00abb\u00bb", "a ''b''", "``b"):
        assert has_double_mark(s), s
    for s in ("the army\u2019s chief", "don't", "a \u2018term\u2019"):
        assert not has_double_mark(s), s


def test_any_marks_is_the_double_marks_plus_singles_and_apostrophes() -> None:
    assert set(DOUBLE_MARKS) < set(ANY_MARKS)
    assert {"'", "`", "\u2018", "\u2019"} <= set(ANY_MARKS)


def test_nyt_double_close_after_a_single_close_ends_the_quote() -> None:
    text = ("''My job is to tell them: 'Hey, this mayor is real. She is one of us,''' Mr. Ortiz "
            "said of Ms. Lane. ''We will knock on doors,'' he added.")
    found = [text[m.inner_start:m.inner_end] for m in find_quotes(text) if m.double]
    assert found == ["My job is to tell them: 'Hey, this mayor is real. She is one of us,'",
                     "We will knock on doors,"]
