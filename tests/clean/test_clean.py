"""Chrome removal and metadata, on text we wrote, and on the seeds read at run time."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.clean import clean
from rashomon.ingest import RawDoc, read_path

PAGE = """| Welcome to The Example Ledger
Saturday, March 4, 2034
Rebels seize hilltop town after two-day battle
Rebels seize hilltop town after two-day battle
4 min read
12 May 2021
Rebel fighters took control of the hilltop town of Varo on Sunday after two days of fighting, residents said.
Read more: Five things to know about the rebellion
"We came to protect the people," a rebel commander said.
Follow us on Facebook, Twitter and Instagram to stay connected
[Click to enlarge]
Example Ledger News Desk
COMMENTS
Great article, thanks!
"""


def _clean(text: str) -> tuple:  # type: ignore[type-arg]
    return clean(RawDoc(source="t.txt", text=text, reader="text"))


def test_chrome_lines_are_removed_with_reasons() -> None:
    article, _ = _clean(PAGE)
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["| Welcome to The Example Ledger"] == "site banner"
    assert reasons["4 min read"] == "reading time"
    assert reasons["Read more: Five things to know about the rebellion"] == "read-more link"
    assert reasons["Follow us on Facebook, Twitter and Instagram to stay connected"] == "share/follow prompt"
    assert reasons["[Click to enlarge]"] == "image prompt"
    assert reasons["Example Ledger News Desk"] == "byline"
    assert reasons["COMMENTS"] == "comment section"
    assert reasons["Great article, thanks!"] == "comment section"
    assert "Rebel fighters took control" in article.body
    assert '"We came to protect the people," a rebel commander said.' in article.body
    assert "Follow us" not in article.body and "Click to enlarge" not in article.body


def test_title_outlet_and_article_date_not_scrape_date() -> None:
    article, _ = _clean(PAGE)
    assert article.title == "Rebels seize hilltop town after two-day battle"
    assert article.outlet == "The Example Ledger"
    assert article.published == "2021-05-12"  # the banner's 2034 date is the page's "today"


def test_no_date_is_better_than_a_wrong_one() -> None:
    article, _ = _clean("Saturday, March 4, 2034\nA headline about the talks\nThe talks went on for hours, delegates said on Monday evening.\n")
    assert article.published is None


def test_offset_map_points_back_into_the_original() -> None:
    article, _ = _clean(PAGE)
    for seg in article.offset_map:
        assert PAGE[seg.orig_start : seg.orig_start + seg.length] == article.body[seg.start : seg.start + seg.length]


def test_non_english_is_flagged() -> None:
    text = ("Les négociateurs se sont réunis mardi dans la capitale pour la première fois depuis un an. "
            "Ils ont promis de revenir la semaine prochaine avec de nouvelles propositions.")
    article, warnings = _clean(text)
    assert article.language == "fr" and article.note and warnings[0].code == "R102"


@pytest.mark.shared
def test_seeds_lose_chrome_but_no_body_sentence(seeds: Path) -> None:
    articles = {}
    for path in sorted(seeds.glob("*.txt")):
        [raw] = list(read_path(path))
        article, _ = clean(raw)  # type: ignore[arg-type]
        articles[path.name[:3]] = (raw, article)
        removed = {r.text for r in article.removed}
        for line in raw.text.splitlines():  # type: ignore[union-attr]
            s = line.strip()
            # a body sentence: long, ends like a sentence, and is not a policy paragraph
            if len(s.split()) >= 15 and s.endswith((".", '"', "\u201d")) and "reserves the right" not in s:
                assert s in article.body or s == article.title, f"{path.name}: lost {s[:40]!r}"
        for chrome in ("COMMENTS", "Discussion Policy", "Back to top button", "GVS News Desk",
                       "3 min read", "[Click to enlarge]", "| Welcome to Global Village Space"):
            assert chrome not in article.body
            if chrome in raw.text:  # type: ignore[union-attr]
                assert chrome in removed
        assert "Read more:" not in article.body
        assert "Follow us on" not in article.body
    assert articles["003"][1].published == "2020-09-30"
    assert articles["002"][1].published != "2023-12-01"
    assert articles["001"][1].outlet == "Asbarez"
    assert articles["002"][1].outlet == "Global Village Space"


def test_a_page_of_date_lines_is_cleaned_in_bounded_time() -> None:
    # found by benchmarks/fuzz.py: dateparser took ~10 ms for each of 968 date lines
    from unittest import mock

    from rashomon.clean import MAX_DATE_LINES, metadata

    days = [f"{d} March {y}" for y in range(1990, 2030) for d in range(1, 29)]
    text = "A headline about the talks\n" + "\n".join(days * 2) + "\nThe talks went on for hours, delegates said.\n"
    with mock.patch("rashomon.clean.parse_date_line", wraps=metadata.parse_date_line) as parse:
        article, _ = _clean(text)
    assert parse.call_count <= MAX_DATE_LINES  # repeats are remembered, distinct ones capped
    assert "The talks went on for hours" in article.body
    assert article.published == "1990-03-01"  # the first date line under the headline


@pytest.mark.parametrize("line", ["9" * 20_000, "9 " * 100_000, "(via " * 40_000, "By " + "Aaaa " * 40_000])
def test_a_long_hostile_line_is_judged_in_linear_time(line: str) -> None:
    # found by benchmarks/fuzz.py: the reading-time rule split a run of digits every way
    import time

    from rashomon.clean.boilerplate import judge_line

    start = time.perf_counter()
    assert judge_line(line).keep
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("badge", ["4 min read", "5-10 minutes", "3 to 4 min read", "12 mins", "Reading time: 5 minutes"])
def test_reading_time_badges_are_still_chrome(badge: str) -> None:
    from rashomon.clean.boilerplate import judge_line

    assert judge_line(badge).reason == "reading time"
