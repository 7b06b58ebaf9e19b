"""``rashomon_quotes`` on sentences written for these tests (loads the model)."""

from __future__ import annotations

import pytest

from rashomon.records import Article, Quote

pytestmark = pytest.mark.model


def quotes(qnlp, body: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc

    art = Article(id="t1", source="t", outlet=None, title=None, published=None,
                  language="en", body=body)
    doc = qnlp(make_doc(qnlp, art))
    return collect(doc, qnlp).quotes


def one(found: list[Quote], kind: str | None = None) -> Quote:
    picked = [q for q in found if kind is None or q.kind == kind]
    assert len(picked) == 1, found
    return picked[0]


def test_quote_split_by_attribution_is_one_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ('"We will hold the line," Defence Minister Ana Petrova said on Monday. '
            '"Nobody will cross it."')
    q = one(quotes(qnlp, body), "direct")
    assert q.speaker_text is not None and "Petrova" in q.speaker_text
    assert q.cue == "say" and q.cue_type == "speech"
    assert len(q.segments) == 2
    assert body[q.segments[0][0]:q.segments[0][1]].startswith("We will hold")
    assert body[q.segments[1][0]:q.segments[1][1]].startswith("Nobody will")
    assert body[q.cue_start:q.cue_end] == "said"


def test_colon_introduced_quote_in_next_paragraph_with_medium(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Mayor Tomas Brenner said in an interview with Radio Kestrel:\n\n"
            "\u201cWe are ready for talks. Our terms have not changed.\u201d")
    q = one(quotes(qnlp, body), "direct")
    assert "Brenner" in (q.speaker or "")
    assert q.text.startswith("We are ready") and q.text.endswith("changed.")
    assert q.medium == "Radio Kestrel"


def test_multi_paragraph_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The doctor, Lena Ostrova, described the night.\n\n"
            "\u201cWe waited for hours in the basement.\n\n"
            "\u201cThen the shelling began and nobody slept,\u201d she said.")
    q = one(quotes(qnlp, body), "direct")
    assert "We waited" in q.text and "nobody slept" in q.text
    assert q.speaker_text == "she"


def test_brackets_inside_a_quote(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = '"It [the treaty] is dead and buried," the envoy told reporters.'
    q = one(quotes(qnlp, body), "direct")
    assert "[the treaty]" in q.text
    assert q.speaker_text == "the envoy"
    assert q.cue == "tell" and q.medium == "reporters"


@pytest.mark.parametrize(("body", "cue", "speaker", "content"), [
    ("The ministry denied that its troops had crossed the border.",
     "deny", "The ministry", "that its troops had crossed the border"),
    ("General Ivo Marek warned that the ceasefire would not last.",
     "warn", "General Ivo Marek", "that the ceasefire would not last"),
    ("The opposition accused the government of hiding the casualty figures.",
     "accuse", "The opposition", "the government of hiding the casualty figures"),
    ("The senator called for an independent inquiry into the shooting.",
     "call for", "The senator", "an independent inquiry into the shooting"),
    ("Officials claimed the rebels had fired first.",
     "claim", "Officials", "the rebels had fired first"),
    ("The port will reopen next week, the harbour authority said.",
     "say", "the harbour authority", "The port will reopen next week"),
])
def test_indirect_speech(qnlp, body, cue, speaker, content) -> None:  # type: ignore[no-untyped-def]
    q = one(quotes(qnlp, body), "indirect")
    assert (q.cue, q.speaker_text, q.text) == (cue, speaker, content)
    assert body[q.speaker_start:q.speaker_end] == speaker
    assert q.sent_start == 0 and q.sent_end == len(body)
    if cue == "deny":
        assert q.cue_type == "denial"


def test_according_to(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "According to the health ministry, 40 people were injured in the blast."
    q = one(quotes(qnlp, body))
    assert q.cue == "according to"
    assert q.speaker_text == "the health ministry"
    assert q.text == "40 people were injured in the blast"


def test_told_news_agency_is_the_medium(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "Marek told state news agency Vesti that the army would not retreat."
    q = one(quotes(qnlp, body))
    assert q.medium == "state news agency Vesti"
    assert q.text == "that the army would not retreat"


def test_scare_quotes_are_not_speech(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The council approved its 'historic' plan and the so-called \u201cpeace tax\u201d on Monday."
    assert quotes(qnlp, body) == []


def test_partial_quote_stays_inside_indirect_speech(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = "The envoy said the talks were \u201ca waste of time\u201d and left the room."
    q = one(quotes(qnlp, body))
    assert q.kind == "indirect" and "a waste of time" in q.text


def test_unbalanced_marks_and_apostrophes_never_crash(qnlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The army\u2019s chief said \u201cwe won\u2019t stop. 'Really' he said.\n\n"
            "Rock \u2019n\u2019 roll \u201990s \" stray \u201d end '")
    found = quotes(qnlp, body)
    for q in found:
        assert 0 <= q.start < q.end <= len(body)


def test_types_config_keeps_only_those_cues(qnlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import make_doc
    from rashomon.nlp.quotes.component import SPANS_KEY, QuoteFinder

    body = ("The ministry denied that its troops had crossed the border. "
            "The mayor said the bridge was closed.")
    art = Article(id="t2", source="t", outlet=None, title=None, published=None,
                  language="en", body=body)
    doc = qnlp(make_doc(qnlp, art))
    assert {s._.data["cue"] for s in doc.spans[SPANS_KEY]} == {"deny", "say"}
    QuoteFinder(types=["denial"])(doc)
    assert [s._.data["cue"] for s in doc.spans[SPANS_KEY]] == ["deny"]
