"""Text an outlet introduces with a colon is credited to whom the introduction names."""

from __future__ import annotations

from rashomon.crossref.ledger.frame.intro import introduced
from rashomon.crossref.ledger.units import ArticleRecords, build_units
from rashomon.vocab import OWN_VOICE
from tests.crossref.ledger_fixtures import KESTRIA, VALDORA, article, event, quote

BODY = """LISSEN -- Valdora's trade minister defended the tariff on Monday.

Talking points were circulated on Tuesday by aides close to the minister:

- Valdora never closed the border to Kestrian grain.

- Kestria broke the trade pact first, and the tariff answers it.

Kestria recalled its trade envoy on Wednesday.

Here's an excerpt from the Lissen Courier report:

Valdora raised the tariff twice in one year.

Valdora sent the bill to parliament on Thursday.
"""


def _text(body: str, start: int, end: int) -> str:
    return body[start:end].strip()


def test_an_introduction_hands_its_list_or_its_next_paragraph_to_whom_it_names() -> None:
    found = introduced(BODY)
    assert [(x.source, x.listed) for x in found] == [("aides close to the minister", True),
                                                     ("the Lissen Courier", False)]
    points, excerpt = found
    # every point of the list, and nothing after it
    assert _text(BODY, points.start, points.end).startswith("- Valdora never closed")
    assert _text(BODY, points.start, points.end).endswith("the tariff answers it.")
    # one paragraph of text, not the outlet's next one
    assert _text(BODY, excerpt.start, excerpt.end) == "Valdora raised the tariff twice in one year."


def test_a_colon_that_hands_nothing_to_anyone_is_no_introduction() -> None:
    # no one named ("Here are the facts:"), and a list introduced by another introduction
    assert introduced("Here are the facts:\n\n- Valdora closed the border.\n") == []
    nested = "Kestria said on Monday:\n\nIts points were circulated by the ministry:\n\n- It is shut.\n"
    assert [x.source for x in introduced(nested)] == ["the ministry"]


def test_units_under_an_introduction_are_credited_to_its_source() -> None:
    a = article("t1", "North Wire", BODY)
    closed = event(a, "Valdora never closed the border to Kestrian grain.", "SANCTION", "negated",
                   VALDORA, KESTRIA)
    broke = event(a, "Kestria broke the trade pact first, and the tariff answers it.", "RETREAT",
                  "asserted", KESTRIA)
    recalled = event(a, "Kestria recalled its trade envoy on Wednesday.", "REDUCE", "asserted",
                     KESTRIA, VALDORA)
    raised = event(a, "Valdora raised the tariff twice in one year.", "SANCTION", "asserted", VALDORA)
    sent = event(a, "Valdora sent the bill to parliament on Thursday.", "CONSULT", "asserted", VALDORA)
    # a point that names a speaker of its own is still the list's author's point
    admits = quote(a, "Kestria broke the trade pact first", ("act-kestria", "Kestria"), cue="admit")
    units = build_units(ArticleRecords(article=a, events=[closed, broke, recalled, raised, sent],
                                       quotes=[admits]))
    frames = {u.text[:20]: u.frame for u in units}
    for key in ("Valdora never closed", "Kestria broke the tr"):
        assert frames[key].source == "aides close to the minister", key
        assert frames[key].sourcing != OWN_VOICE
    assert frames["Valdora raised the t"].source == "the Lissen Courier"
    assert frames["Valdora raised the t"].sourcing == "named"
    # the outlet's own sentences before and after stay its own
    for key in ("Kestria recalled its", "Valdora sent the bil"):
        assert frames[key].sourcing == OWN_VOICE, key


def test_the_source_is_the_name_not_an_opening_phrase_an_aside_or_an_adverb() -> None:
    for intro, who in (("Answering the critics, the minister wrote:", "the minister"),
                       ("The Courier, in a reply to the ministry, writes:", "The Courier"),
                       ("The Lissen Post recently reported:", "The Lissen Post")):
        found = introduced(f"{intro}\n\nThe tariff will stay.\n")
        assert [x.source for x in found] == [who], intro


def test_a_quotation_that_runs_over_paragraphs_is_handed_over_whole() -> None:
    body = ("The Courier reported:\n\n\u201cValdora raised the tariff twice.\n\n"
            "\u201cKestria answered in kind.\u201d\n\nThe minister spoke on Friday.\n")
    (span,) = introduced(body)
    assert _text(body, span.start, span.end).endswith("answered in kind.\u201d")
    # a quotation closed in its paragraph, whatever the shape of its marks, hands over one
    mixed = "The Courier reported:\n\n\u201cValdora raised the tariff.\"\n\nThe minister spoke.\n"
    (span,) = introduced(mixed)
    assert _text(mixed, span.start, span.end) == "\u201cValdora raised the tariff.\""
