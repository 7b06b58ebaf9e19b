"""Publication windows for undated articles (rashomon.clean.dating): clues written for these tests."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from rashomon.clean.dating import (
    HORIZON_DAYS,
    Clue,
    apply,
    bound_by_peers,
    date_from_story,
    infer_publication,
    parse_window,
)
from rashomon.records import Article, Claim, Stance


def art(aid: str, published: str | None = None, **kw: object) -> Article:
    return Article(id=aid, source=f"{aid}.txt", outlet=None, title=None, published=published,
                   language="en", body="text", **kw)  # type: ignore[arg-type]


def day(text: str, sentence: int, y: int, m: int, d: int, tense: str | None = "past",
        weekday: int | None = None) -> Clue:
    return Clue("day", text, sentence, tense, y, m, d, weekday=weekday)


def test_latest_date_named_with_its_weekday_starts_the_window() -> None:
    got = infer_publication("a1", [
        day("May 3, 2019", 2, 2019, 5, 3),
        day("Sunday, September 27, 2020", 4, 2020, 9, 27, weekday=7),
    ])
    assert got is not None
    assert got.day == "2020-09-27"
    assert got.window == f"2020-09-27/{(date(2020, 9, 27) + timedelta(days=HORIZON_DAYS)).isoformat()}"
    assert "latest date mentioned: 2020-09-27" in got.evidence and "sentence 4" in got.evidence


def test_a_bare_weekday_moves_the_likely_day_into_the_week_after_the_date() -> None:
    # "Fighting broke out on Sunday, September 27, 2020 ... On Tuesday, Baku said ..."
    got = infer_publication("a1", [day("Sunday, September 27, 2020", 1, 2020, 9, 27, weekday=7),
                                   Clue("weekday", "Tuesday", 3, "past", weekday=2)])
    assert got is not None and got.day == "2020-09-29"
    lo, hi = parse_window(got.window)  # type: ignore[misc]
    assert lo == date(2020, 9, 27) and hi == date(2020, 9, 29) + timedelta(days=HORIZON_DAYS)
    assert "'Tuesday' (sentence 3)" in got.evidence


def test_a_weekday_in_the_same_sentence_makes_the_date_this_weeks() -> None:
    got = infer_publication("a1", [day("October 2, 2020", 5, 2020, 10, 2),
                                   Clue("weekday", "Friday", 5, "past", weekday=5)])
    assert got is not None and got.day == "2020-10-02"


def test_a_full_date_alone_is_only_a_lower_bound() -> None:
    # News names the days of its own week by weekday; "Sept. 11, 2001" is usually history.
    got = infer_publication("a1", [day("Sept. 11, 2001", 6, 2001, 9, 11),
                                   Clue("weekday", "Friday", 1, "past", weekday=5)])
    assert got is not None and got.day is None
    assert got.window == "2001-09-11/.."
    assert parse_window(got.window) == (date(2001, 9, 11), date.max)


def test_a_month_day_takes_the_year_of_the_full_date() -> None:
    got = infer_publication("a1", [day("Sunday, September 27, 2020", 1, 2020, 9, 27, weekday=7),
                                   Clue("monthday", "October 1", 4, "past", None, 10, 1),
                                   Clue("weekday", "Thursday", 4, "past", weekday=4)])
    assert got is not None and got.day == "2020-10-01"


def test_future_dates_do_not_raise_the_lower_bound_but_cut_the_window() -> None:
    got = infer_publication("a1", [
        day("Sunday, September 27, 2020", 1, 2020, 9, 27, weekday=7),
        day("October 1, 2020", 7, 2020, 10, 1, tense="future"),  # "talks will resume on ..."
    ])
    assert got is not None and got.window == "2020-09-27/2020-10-01"
    assert "ahead" in got.evidence


def test_year_mentions_are_weak_evidence() -> None:
    got = infer_publication("a1", [Clue("year", "1994", 2, "past", 1994), Clue("year", "2016", 5, "past", 2016)])
    assert got is not None and got.day is None and got.window == "2016-01-01/.."
    assert "weak" in got.evidence


def test_no_dates_no_window() -> None:
    assert infer_publication("a1", [Clue("weekday", "Sunday", 1, "past", weekday=7)]) is None
    assert infer_publication("a1", [Clue("monthday", "the 27th of September", 1, "past", None, 9, 27)]) is None


def test_dated_peers_bound_an_undated_article() -> None:
    undated = art("u", published_window="1994-09-27/..", published_evidence="not before 1994-09-27")
    got = bound_by_peers(undated, [art("p1", "2020-09-30"), art("p2", "2020-10-01")])
    assert got.published is None
    assert got.published_window == "2020-09-27/2020-10-04"
    assert got.published_inferred == "2020-10-01"
    assert got.published_evidence == ("not before 1994-09-27; story: 2 dated article(s) on the same events, "
                                      "2020-09-30 to 2020-10-01")
    again = bound_by_peers(got, [art("p1", "2020-09-30"), art("p2", "2020-10-01")])
    assert again == got  # re-running the cross-outlet stage changes nothing


def test_text_wins_when_peers_disagree() -> None:
    undated = art("u", published_inferred="2020-11-02", published_window="2020-11-01/2020-11-09",
                  published_evidence="latest date mentioned: 2020-11-01")
    assert bound_by_peers(undated, [art("p", "2020-09-30")]) == undated
    assert bound_by_peers(undated, [art("q")]) == undated  # peers without dates say nothing


def test_story_peers_are_articles_sharing_facts_else_the_story_bounds_loosely() -> None:
    def claim(cid: str, kind: str, *ids: str) -> Claim:
        return Claim(cid, "s1", "x", tuple(Stance(i, None, "asserts", "e", 0, 1) for i in ids), kind=kind)

    articles = [art("u"), art("v"), art("w"), art("d1", "2020-09-30"), art("d2", "2020-10-20")]
    changed = {a.id: a for a in date_from_story(
        articles, [claim("c1", "event", "u", "d1"), claim("c2", "statement", "v", "d2")])}
    assert changed["u"].published_window == "2020-09-27/2020-10-03"  # a shared fact: ±3 days
    assert changed["v"].published_window == "2020-10-17/2020-10-23"
    # "w" shares no fact: only the story's dated span, ±14 days, and the evidence says so
    assert changed["w"].published_window == "2020-09-16/2020-11-03"
    assert "in the same story" in (changed["w"].published_evidence or "")
    assert all(a.published is None for a in changed.values())


_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@given(published=st.one_of(st.none(), _days.map(date.isoformat)),
       peers=st.lists(st.one_of(st.none(), _days.map(date.isoformat)), max_size=4),
       inferred=st.one_of(st.none(), _days.map(date.isoformat)))
def test_published_is_never_changed(published: str | None, peers: list[str | None], inferred: str | None) -> None:
    from rashomon.records import InferredDate

    a = art("a", published)
    guess = InferredDate("a", inferred, f"{inferred or '2000-01-01'}/..", "why")
    for got in (apply(a, guess), bound_by_peers(apply(a, guess), [art(f"p{i}", p) for i, p in enumerate(peers)])):
        assert got.published == published
        if published is not None:  # a dated article gains nothing
            assert got == a
        elif got.published_window is not None:
            window = parse_window(got.published_window)
            assert window is not None
            if got.published_inferred:
                assert window[0] <= date.fromisoformat(got.published_inferred) <= window[1]


def test_apply_ignores_another_articles_date() -> None:
    from rashomon.records import InferredDate

    a = art("a")
    assert apply(a, InferredDate("b", "2020-01-01", "2020-01-01/2020-01-08", "x")) == a
    assert dataclasses.replace(apply(a, InferredDate("a", "2020-01-01", "2020-01-01/2020-01-08", "x")),
                               published_inferred=None, published_window=None, published_evidence=None) == a


def test_pubdates_scorer_counts_windows_days_and_errors() -> None:
    from rashomon.eval.pubdates import score

    arts = [art("a", published_inferred="2020-10-01", published_window="2020-09-27/2020-10-04"),
            art("b", published_window="2019-01-01/.."), art("c")]
    s = score(arts, ["2020-09-30", "2020-10-02", "2020-10-02"])
    assert (s["articles"], s["with_window"], s["with_day"]) == (3, 2, 1)
    assert s["in_window"] == 1.0 and s["median_error_days"] == 1 and s["within_3_days"] == 1.0
