"""rashomon_dates on undated articles: relative dates anchored on an inferred day, flagged.

Hand-written texts, no trained model: a blank English pipeline with a sentencizer (so
no tense; the component treats unknown tense as past for weekdays).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from rashomon.nlp.dates.component import DateTagger, collect
from rashomon.records import DateRef, InferredDate

TEXT = ("Fighting broke out on Sunday, September 27, 2020, along the line of contact. "
        "On Tuesday, shelling hit the regional capital. "
        "The ministry said yesterday that talks would follow.")


@pytest.fixture(scope="module")
def tagger() -> DateTagger:
    return DateTagger(dateparser=False)


def run(tagger: DateTagger, text: str, published: str | None) -> tuple[Doc, dict[str, DateRef], list[InferredDate]]:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    doc._.article_id, doc._.published, doc._.data, doc._.actors = "a1", published, {}, {}
    tagger(doc)
    records = collect(doc)
    return (doc, {r.text: r for r in records if isinstance(r, DateRef)},
            [r for r in records if isinstance(r, InferredDate)])


def test_undated_article_gets_an_inferred_day_and_flagged_relative_dates(tagger: DateTagger) -> None:
    doc, dates, inferred = run(tagger, TEXT, None)
    assert doc._.published is None  # never faked
    assert len(inferred) == 1 and inferred[0].day == "2020-09-29"
    assert inferred[0].window.startswith("2020-09-27/")
    assert "latest date mentioned: 2020-09-27" in inferred[0].evidence
    assert (dates["Tuesday"].value, dates["Tuesday"].anchor) == ("2020-09-29", "inferred")
    assert (dates["yesterday"].value, dates["yesterday"].anchor) == ("2020-09-28", "inferred")
    absolute = dates["Sunday, September 27, 2020"]
    assert (absolute.value, absolute.anchor) == ("2020-09-27", None)


def test_dated_article_anchors_on_its_own_date(tagger: DateTagger) -> None:
    _, dates, inferred = run(tagger, TEXT, "2020-09-30")
    assert inferred == []
    assert (dates["Tuesday"].value, dates["Tuesday"].anchor) == ("2020-09-29", "published")
    assert dates["Sunday, September 27, 2020"].anchor is None


def test_without_evidence_relative_dates_stay_unresolved(tagger: DateTagger) -> None:
    _, dates, inferred = run(tagger, "On Tuesday, shelling hit the capital. Talks resumed yesterday.", None)
    assert inferred == []
    assert (dates["Tuesday"].value, dates["Tuesday"].anchor) == (None, None)


def test_history_alone_gives_an_open_window_and_anchors_nothing(tagger: DateTagger) -> None:
    _, dates, inferred = run(tagger, "The ceasefire was signed on May 12, 1994. On Tuesday, shelling resumed.", None)
    assert [(i.day, i.window) for i in inferred] == [(None, "1994-05-12/..")]
    assert dates["Tuesday"].value is None


def test_a_day_inferred_later_resolves_what_was_left_open() -> None:
    from rashomon.nlp.dates.anchor import reanchor

    dates = [DateRef("1", "a1", "Tuesday", None, 3, 10), DateRef("2", "a1", "yesterday", None, 20, 29),
             DateRef("3", "a1", "May 12, 1994", "1994-05-12", 40, 52),
             DateRef("4", "a1", "Monday", "2020-09-21", 60, 66, anchor="inferred"),
             DateRef("5", "a1", "three days", "P3D", 70, 80, type="DURATION")]
    got = {d.text: (d.value, d.anchor) for d in reanchor(dates, "2020-09-30")}
    assert got == {"Tuesday": ("2020-09-29", "inferred"), "yesterday": ("2020-09-29", "inferred"),
                   "Monday": ("2020-09-28", "inferred")}
