"""rashomon_dates: recognition, anchoring and tense (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from rashomon.nlp.dates.timex import TimexFinder, duration_value, load_vocab, number_value
from rashomon.nlp.dates.anchor import resolve

DCT = date(2020, 9, 30)  # a Wednesday


@pytest.fixture(scope="module")
def finder() -> TimexFinder:
    return TimexFinder()


def values(finder: TimexFinder, text: str, dct: date | None = DCT, tense: str | None = "past") -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, resolve(t, dct, tense=tense)) for t in finder.find(text)}


@pytest.mark.parametrize("text, expr, typ, value", [
    ("The mayor spoke on Sunday.", "Sunday", "DATE", "2020-09-27"),
    ("The mayor spoke on Wednesday.", "Wednesday", "DATE", "2020-09-30"),
    ("Shelling resumed early Saturday.", "early Saturday", "DATE", "2020-09-26"),
    ("Envoys met Tuesday morning.", "Tuesday morning", "TIME", "2020-09-29TMO"),
    ("Talks continued this week.", "this week", "DATE", "2020-W40"),
    ("Talks stalled last week.", "last week", "DATE", "2020-W39"),
    ("The truce began on the 27th of September.", "the 27th of September", "DATE", "2020-09-27"),
    ("The border has been closed since 1994.", "1994", "DATE", "1994"),
    ("The war broke out in the early 1990s.", "the early 1990s", "DATE", "199"),
    ("The council met yesterday.", "yesterday", "DATE", "2020-09-29"),
    ("The council met two days ago.", "two days ago", "DATE", "2020-09-28"),
    ("The siege lasted three days.", "three days", "DURATION", "P3D"),
    ("Prices rose for the past three years.", "the past three years", "DURATION", "P3Y"),
    ("Guards patrol every day.", "every day", "SET", "P1D"),
    ("He earns $900 a month.", "a month", "SET", "P1M"),
    ("The report came out on Sept. 4, 2019.", "Sept. 4, 2019", "DATE", "2019-09-04"),
    ("The vote was held in March 2018.", "March 2018", "DATE", "2018-03"),
    ("Refugees have been arriving for weeks.", "weeks", "DURATION", "PXW"),
    ("The town is quiet now.", "now", "DATE", "PRESENT_REF"),
    ("The monument dates from the 19th century.", "the 19th century", "DATE", "18"),
    ("The blast came at 3 p.m. Sunday.", "3 p.m. Sunday", "TIME", "2020-09-27T15:00"),
    ("Output fell in the first quarter.", "the first quarter", "DATE", "2020-Q1"),
])
def test_expressions_are_found_and_normalized(finder: TimexFinder, text: str, expr: str, typ: str, value: str) -> None:
    assert values(finder, text)[expr] == (typ, value)


def test_future_tense_points_forward(finder: TimexFinder) -> None:
    assert values(finder, "Ministers will meet on Monday.", tense="future")["Monday"][1] == "2020-10-05"
    assert values(finder, "Ministers meet next Monday.")["next Monday"][1] == "2020-10-05"
    assert values(finder, "Ministers met last Wednesday.")["last Wednesday"][1] == "2020-09-23"


def test_relative_dates_stay_unresolved_without_publication_date(finder: TimexFinder) -> None:
    got = values(finder, "The council met on Sunday and again yesterday, since 1994, for three days.", dct=None)
    assert got["Sunday"] == ("DATE", None)
    assert got["yesterday"] == ("DATE", None)
    assert got["1994"] == ("DATE", "1994")  # absolute values do not need an anchor
    assert got["three days"] == ("DURATION", "P3D")


def test_counts_ages_and_ordinals_are_not_dates(finder: TimexFinder) -> None:
    got = values(finder, "A 22-year-old man and 2,000 people attended the fourth meeting.")
    assert got == {}


def test_may_as_a_verb_is_not_a_month(finder: TimexFinder) -> None:
    assert values(finder, "May I ask? Observers may arrive.") == {}
    assert values(finder, "The vote is due in May.", tense=None)["May"][1] == "2020-05"


def test_number_words_and_durations() -> None:
    vocab = load_vocab()
    assert number_value("twenty-five", vocab) == 25
    assert number_value("several", vocab) == "X"
    assert duration_value(2, "DE") == "P20Y"
    assert duration_value(3, "H") == "PT3H"


@pytest.mark.model
def test_component_uses_tense_and_publication_date(nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import make_doc
    from rashomon.records import Article

    text = ("Officials in Varna said on Sunday that the bridge had reopened. "
            "The two mayors will meet on Friday to sign the accord.")
    article = Article(id="a1", source="t", outlet=None, title=None, published="2020-09-30",
                      language="en", body=text)
    doc = nlp(make_doc(nlp, article))
    got = {s.text: s._.data["value"] for s in doc.spans["rashomon_dates"]}
    assert got == {"Sunday": "2020-09-27", "Friday": "2020-10-02"}
    undated = nlp(make_doc(nlp, Article(id="a2", source="t", outlet=None, title=None, published=None,
                                        language="en", body=text)))
    assert [s._.data["value"] for s in undated.spans["rashomon_dates"]] == [None, None]


def _date_data(nlp, text: str, published: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """The data of each date span the pipeline finds in ``text``, published on ``published``."""
    from rashomon.nlp.pipeline import make_doc
    from rashomon.records import Article

    doc = nlp(make_doc(nlp, Article(id="a", source="t", outlet=None, title=None,
                                    published=published, language="en", body=text)))
    return [s._.data for s in doc.spans["rashomon_dates"]]


@pytest.mark.model
def test_a_weekday_owning_a_noun_in_a_present_clause_is_the_nearer_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # published on a Thursday: Wednesday's hearing was yesterday, Friday's vote is tomorrow
    found = _date_data(nlp, "Senators are questioning the minister's answers at Wednesday's "
                            "hearing. Lobbyists are crowding the halls before Friday's vote.",
                       "2013-01-24")
    assert [d["value"] for d in found] == ["2013-01-23", "2013-01-25"]
    assert [d["tense"] for d in found] == [None, None]  # no tense is stored for it


@pytest.mark.model
def test_what_came_after_a_past_event_dates_the_event_in_the_past(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Parents are demanding tighter rules after the deadly fire in December. "
            "The two mayors will sign the accord in December.")
    found = _date_data(nlp, text, "2020-04-02")
    assert [d["value"] for d in found] == ["2019-12", "2020-12"]


@pytest.mark.model
def test_a_month_and_day_that_modifies_a_noun_is_marked(nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.dates.component import collect
    from rashomon.nlp.pipeline import make_doc
    from rashomon.records import Article

    # "the March 3 floods" names what happened that day; "met on March 20" dates the meeting
    text = ("Families of the March 3 victims met the mayor on March 20. "
            "The March 3 floods destroyed the bridge in 2018. "
            "Three of the 12 March 3 marchers spoke on 4 March 2019.")
    doc = nlp(make_doc(nlp, Article(id="a", source="t", outlet=None, title=None,
                                    published="2019-04-02", language="en", body=text)))
    found = [(d.text, d.value, d.modifier) for d in collect(doc) if hasattr(d, "modifier")]
    assert found == [("March 3", "2019-03-03", True), ("March 20", "2019-03-20", False),
                     ("March 3", "2019-03-03", True), ("2018", "2018", False),
                     ("March 3", "2019-03-03", True), ("4 March 2019", "2019-03-04", False)]


@pytest.mark.model
def test_dateparser_reads_calendar_formats_the_rules_lack(nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import make_doc
    from rashomon.records import Article

    text = "The decree was signed on 27.09.2020 and filed on 2019/03/05; the score was 3.5/10."
    article = Article(id="a3", source="t", outlet=None, title=None, published="2020-09-30",
                      language="en", body=text)
    doc = nlp(make_doc(nlp, article))
    got = {s.text: s._.data["value"] for s in doc.spans["rashomon_dates"]}
    assert got == {"27.09.2020": "2020-09-27", "2019/03/05": "2019-03-05"}
