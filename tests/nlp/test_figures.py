"""rashomon_figures: numeric claims, their units and claimants (sentences written for these tests)."""

from __future__ import annotations

import pytest

from rashomon.nlp.figures.lexicon import load, parse_number


def test_parse_number() -> None:
    assert parse_number(["30,000"]) == 30000
    assert parse_number(["1.5", "million"]) == 1_500_000
    assert parse_number(["twenty", "-", "five"]) == 25
    assert parse_number(["a", "dozen"]) == 12
    assert parse_number(["two", "hundred"]) == 200
    assert parse_number(["soldiers"]) is None


def test_lexicon_reads_every_kind() -> None:
    lex = load()
    assert lex.unit_of("fatality") == ("casualty", "deaths")
    assert lex.unit_of("civilian") == ("person", "civilians")
    assert lex.vague["hundreds"] == (200, 999)
    assert lex.qualifier["at least"] == "at least"
    assert lex.currency["$"] == "USD"


def test_lexicon_is_extensible(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "units.tsv"
    extra.write_text("# mine\nthing\tferry\tferries\n", encoding="utf-8")
    assert load(extra).unit_of("ferry") == ("thing", "ferries")


def figures(nlp, text: str):  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc
    from rashomon.records import Article

    article = Article(id="t", source="t", outlet=None, title=None, published="2021-03-10",
                      language="en", body=text)
    found = collect(nlp(make_doc(nlp, article)), nlp).figures
    for f in found:
        assert text[f.start:f.end] == f.text
    return found


@pytest.mark.model
@pytest.mark.parametrize("text, words, value, low, high, unit, qualifier", [
    ("The Velmar health ministry said 132 people died in the floods.", "132 people", 132, None, None, "deaths", None),
    ("Rescuers found more than 80 fighters dead near the pass.", "more than 80 fighters", 80, None, None, "fighter deaths", "more than"),
    ("The militia said it paid recruits between $500 and $900 a month.", "$500 and $900 a month", None, 500, 900, "USD per month", None),
    ("The storm left hundreds of deaths across the coast.", "hundreds of deaths", None, 200, 999, "deaths", None),
    ("Officials reported at least 12 civilians killed in the raid.", "at least 12 civilians", 12, None, None, "civilian deaths", "at least"),
    ("The camp now shelters some 30,000 refugees.", "some 30,000 refugees", 30000, None, None, "refugees", "about"),
    ("The epidemic has claimed nearly 300 lives.", "nearly 300 lives", 300, None, None, "deaths", "nearly"),
    # what political and legal news counts: measures, votes, charges, documents
    ("The governor signed 14 executive actions on Monday.", "14 executive actions", 14, None, None, "actions", None),
    # a hyphen before a scale word multiplies: no range from 2 to 12
    ("The governor signed nearly two-dozen measures.", "nearly two-dozen measures", 24, None, None, "measures", "nearly"),
    ("The nominee needs 60 votes in the Orsk senate.", "60 votes", 60, None, None, "votes", None),
    ("Prosecutors filed 20 counts of fraud against the mayor.", "20 counts", 20, None, None, "counts", None),
    ("The ministry released roughly 6,000 emails last week.", "roughly 6,000 emails", 6000, None, None, "emails", "about"),
])
def test_figures_with_units(nlp, text, words, value, low, high, unit, qualifier) -> None:  # type: ignore[no-untyped-def]
    got = {f.text: f for f in figures(nlp, text)}
    assert words in got, got
    f = got[words]
    assert (f.value, f.low, f.high, f.unit, f.qualifier) == (value, low, high, unit, qualifier)


@pytest.mark.model
def test_total_with_included_group_and_claimants(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Velmar interior ministry reported a total of 57 deaths since the storm began, "
            "including 9 children. According to the Red Crescent, 240 fatalities among rebel fighters "
            "were recorded, with at least two reported dead by local journalist Mira Tosk.")
    got = {f.text: f for f in figures(nlp, text)}
    assert got["a total of 57 deaths"].unit == "deaths"
    assert got["9 children"].unit == "child deaths"
    assert "velmar" in (got["9 children"].claimed_by or "").lower()  # the reporting subject
    assert got["240 fatalities"].unit == "fighter deaths"
    assert "Red Crescent" in (got["240 fatalities"].claimed_by or "")
    assert "Mira Tosk" in (got["at least two reported dead"].claimed_by or "")


@pytest.mark.model
def test_dates_ordinals_and_durations_are_not_figures(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("On 12 March 2019, the third convoy waited for two weeks, and a 45-year-old driver "
            "said it was the first time since 1994.")
    assert figures(nlp, text) == []


@pytest.mark.model
def test_figure_takes_the_date_of_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    got = figures(nlp, "Shelling killed 14 soldiers on Sunday, the army said.")
    assert [(f.value, f.unit, f.date) for f in got] == [(14, "military deaths", "2021-03-07")]
    assert got[0].claimed_by is not None and "army" in got[0].claimed_by.lower()


@pytest.mark.model
def test_tolls_and_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Two people familiar with the talks said the deal was close. Casualties rose to 57, "
            "the ministry said. The war claimed 30,000 lives.")
    got = {f.text: f for f in figures(nlp, text)}
    assert "Two people" not in got  # who speaks is not a claim
    assert got["57"].unit == "casualties" and "ministry" in (got["57"].claimed_by or "")
    assert got["30,000 lives"].unit == "deaths" and got["30,000 lives"].claimed_by is None


def test_a_figure_inside_the_agent_is_not_claimed_by_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The plan was drafted by a 12-person panel, called the Harbor Watch Group, led by "
            "Mira Tosk. Nine deaths were confirmed by the Osk health ministry.")
    got = {f.text: f for f in figures(nlp, text)}
    assert got["12-person"].claimed_by is None
    assert "ministry" in (got["Nine deaths"].claimed_by or "")  # a count governed by its agent


@pytest.mark.model
def test_putting_a_plan_on_the_table_vouches_for_no_number_in_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # "put X at N" gives a number; "put a proposal on the table that included N" does not
    text = ("The mayor last week put a counter-proposal on the table that included $800 million "
            "in new taxes. Officials put the number of dead at 52 people.")
    got = {f.text: f for f in figures(nlp, text)}
    assert got["$800 million"].claimed_by is None
    assert got["52 people"].claimed_by == "Officials"
