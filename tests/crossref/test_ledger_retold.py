"""One speaker's words retold by several outlets (crossref/ledger/retold.py)."""

from __future__ import annotations

import dataclasses

from rashomon.crossref.ledger.days import days_apart
from rashomon.crossref.ledger.frame import Frame
from rashomon.crossref.ledger.retold import join_partial_quotes, join_quoted_rows, quoted_spans
from rashomon.crossref.ledger.units import Unit
from rashomon.vocab import OWN_VOICE


def test_quoted_spans_pair_straight_marks_and_read_quotes_cut_by_the_sentence() -> None:
    assert quoted_spans('"We will rebuild," Pell said. "Not today," she added.') == [
        "We will rebuild,", "Not today,"]
    assert quoted_spans("He called it \u201cwell past the limit\u201d on Monday.") == [
        "well past the limit"]
    # a sentence that opens inside a quote, and one whose quote runs on into the next
    assert quoted_spans('the bridge is finished," Pell said.') == ["the bridge is finished,"]
    assert quoted_spans('Pell said: "The bridge is finished. The road') == [
        "The bridge is finished. The road"]
    assert quoted_spans("The 12\" pipe burst.") == []


def _said(aid: str, text: str, source: str | None) -> Unit:
    """A sentence of article ``aid`` credited to ``source`` (own voice when None)."""
    frame = Frame(sourcing="named", source=source) if source else Frame(sourcing=OWN_VOICE)
    return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text, frame=frame)


REMARK = "Those remarks went well past the limit of decent debate. They are wrong."


def test_a_few_words_of_a_longer_quote_join_its_row_said_by_the_same_speaker() -> None:
    units = [_said("a", f'"{REMARK}" said Ona Pell, the adviser.', "Ona Pell"),
             _said("b", f'"{REMARK}" Pell said on the radio.', "Pell"),
             _said("c", 'On the radio, Ona Pell called the remarks "well past the limit."',
                   "Ona Pell")]
    assert join_partial_quotes(units, [0, 0, 2]) == [0, 0, 0]


def test_a_catchphrase_another_speakers_words_or_the_outlets_own_voice_join_no_row() -> None:
    units = [_said("a", f'"{REMARK}" said Ona Pell, the adviser.', "Ona Pell"),
             _said("b", f'"{REMARK}" Pell said on the radio.', "Pell"),
             _said("c", 'Ona Pell called the remarks "past the limit."', "Ona Pell"),  # three words
             _said("d", 'Dov Arran called the remarks "well past the limit."', "Dov Arran"),
             _said("e", 'Pell apologized for calling them "well past the limit."', None)]
    assert join_partial_quotes(units, [0, 0, 2, 3, 4]) == [0, 0, 2, 3, 4]


def test_words_two_of_the_speakers_rows_hold_join_neither() -> None:
    units = [_said("a", f'"{REMARK}" said Ona Pell.', "Ona Pell"),
             _said("b", '"It went well past the limit of what we allow," Pell said of the budget.',
                   "Pell"),
             _said("c", 'Ona Pell said the plan was "well past the limit."', "Ona Pell")]
    assert join_partial_quotes(units, [0, 1, 2]) == [0, 1, 2]


FIRST = "We are saddened by the board's decision but we are not surprised by it."
REST = ("From the first day the board has run a campaign against the mayor and never a fair "
        "inquiry into what happened at the port.")


def test_two_rows_holding_one_statement_credited_to_its_document_and_its_author_join() -> None:
    # North Wire prints the lawyer's statement in one sentence credited to "the statement";
    # South Post in a longer quote credited to the lawyer; each sentence is in a row of its own
    units = [_said("a", f'"{FIRST} {REST}" said the statement from the lawyer.', "the statement"),
             _said("x", "The board met on Monday.", None),
             _said("b", f'"{REST} The mayor will be cleared," Ona Pell said.', "Ona Pell"),
             _said("y", "The board met on Monday to vote.", None)]
    assert join_quoted_rows(units, [0, 0, 2, 2]) == [0, 0, 0, 0]


def test_rows_that_share_a_short_run_or_two_speakers_do_not_join() -> None:
    units = [_said("a", f'"{FIRST} {REST}" said Ona Pell.', "Ona Pell"),
             _said("b", '"From the first day the board has run a campaign," Dov Arran said.',
                   "Dov Arran"),
             _said("c", f'"{REST}" Dov Arran said, quoting the lawyer.', "Dov Arran")]
    assert join_quoted_rows(units, [0, 1, 2]) == [0, 1, 2]


def test_a_sentence_opening_a_quote_with_no_speaker_goes_on_with_the_quote_before() -> None:
    from rashomon.crossref.ledger.units import _quote_goes_on

    units = [_said("a", '"I was talking about the port," Ona Pell said.', "Ona Pell"),
             _said("a", '"We are not here to serve the harbour board."', None),
             _said("a", "The board met on Monday.", None),
             _said("a", '"Fight to the end" was painted on the wall.', None),
             _said("b", '"We will not sell the port."', None)]
    out = _quote_goes_on(units)
    assert out[1].frame.source == "Ona Pell" and out[1].frame.sourcing == "named"
    # not after the outlet's own sentence, nor across articles
    assert [u.frame.sourcing for u in out[2:]] == [OWN_VOICE] * 3


def test_one_offices_same_words_after_two_meetings_are_two_statements() -> None:
    # the same office issued the same words after a Sunday meeting and a Thursday meeting
    words = ("The two leaders had a frank meeting today and the lines of communication between "
             "them remain open.")
    sunday = dataclasses.replace(_said("a", f'"{words}" the statement said.', "the statement"),
                                 dates=frozenset({"2031-03-09TAF"}))
    thursday = dataclasses.replace(_said("b", f'"{words}" the statement said.', "the statement"),
                                   dates=frozenset({"2031-03-13TNI"}))
    undated = _said("c", f'"{words}" the statement said.', "the statement")
    assert join_quoted_rows([sunday, thursday], [0, 1]) == [0, 1]
    assert join_quoted_rows([sunday, undated], [0, 1]) == [0, 0]


def test_days_apart_reads_the_nearest_days_and_forgives_a_weekday_a_week_off() -> None:
    def on(*values: str) -> Unit:
        return dataclasses.replace(_said("a", "They met.", None), dates=frozenset(values))

    assert days_apart(on("2031-03-09"), on("2031-03-13TNI"))
    assert not days_apart(on("2031-03-09"), on("2031-03-10TAF"))  # a day: the same night's news
    assert not days_apart(on("2031-03-09", "2031-03-13"), on("2031-03-13"))  # the nearest two
    assert not days_apart(on("2031-03-09"), on("2031-03"))  # a month is no day
    assert not days_apart(on("2031-03-09"), on())
    assert not days_apart(on("2031-03-02"), on("2031-03-09"))  # a weekday read a week off


def test_scored_pairs_dated_days_apart_are_dropped() -> None:
    from rashomon.crossref.ledger.cluster import apart_by_date

    def on(aid: str, *values: str) -> Unit:
        return dataclasses.replace(_said(aid, "The leaders met.", None), dates=frozenset(values))

    units = [on("a", "2031-03-09"), on("b", "2031-03-13"), on("c")]
    assert apart_by_date(units, {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.7}) == {(0, 2): 0.8, (1, 2): 0.7}
