"""The claims ledger merges one fact across outlets and keeps each outlet's stance."""

from __future__ import annotations

from rashomon.crossref.claims import agree, build_ledger, events_match
from rashomon.crossref.corpus import Corpus
from tests.crossref.ledger_fixtures import (
    ACTORS,
    KESTRIA,
    MARBEC,
    VALDORA,
    article,
    event,
    figure,
    quote,
    story_of,
)

A = article("a1", "Harbor Ledger", "Marbec sent hundreds of fighters to Valdora. Shelling went on.")
B = article("b1", "Northern Wire",
            "Kestria has accused Marbec of sending fighters to Valdora. Marbec denies it.")
C = article("c1", "Plain Dispatch", "Marbec denied that it sent any fighters to Valdora. Talks resumed.")


def _fighters_corpus() -> Corpus:
    events = [
        event(A, "Marbec sent hundreds of fighters to Valdora.", "AID", "asserted", MARBEC, VALDORA,
              trigger="sent"),
        event(B, "Kestria has accused Marbec of sending fighters to Valdora.", "AID", "alleged",
              MARBEC, VALDORA, claimant=KESTRIA, trigger="sending"),
        event(C, "Marbec denied that it sent any fighters to Valdora.", "AID", "denied", MARBEC,
              VALDORA, claimant=MARBEC, trigger="sent"),
        # same actors, another type: a different fact
        event(A, "Shelling went on.", "ASSAULT", "asserted", VALDORA, KESTRIA, trigger="shelling"),
    ]
    return Corpus(articles=[A, B, C], actors=ACTORS, events=events)


def test_one_fact_three_outlets_three_stances() -> None:
    ledger = build_ledger(story_of(A, B, C), _fighters_corpus())
    top = ledger.claims[0]
    assert top.kind == "event"
    assert {s.article_id: s.stance for s in top.stances} == {
        "a1": "asserts", "b1": "attributes", "c1": "reports_denial"}
    assert top.statement.startswith("Marbec gave aid to Valdora")
    assert len(ledger.claims) == 2  # the shelling stays apart


def test_stance_evidence_points_into_the_body() -> None:
    ledger = build_ledger(story_of(A, B, C), _fighters_corpus())
    bodies = {a.id: a.body for a in (A, B, C)}
    for claim in ledger.claims:
        for st in claim.stances:
            assert bodies[st.article_id][st.start:st.end] == st.evidence
            assert st.outlet in {"Harbor Ledger", "Northern Wire", "Plain Dispatch"}


def test_events_with_conflicting_actors_do_not_merge() -> None:
    e1 = event(A, "Marbec sent hundreds of fighters to Valdora.", "AID", "asserted", MARBEC, VALDORA)
    e2 = event(B, "Kestria has accused Marbec of sending fighters to Valdora.", "AID", "asserted",
               KESTRIA, VALDORA)
    assert not events_match(e1, e2)
    assert events_match(e1, e1)


def test_denial_quote_joins_the_event_claim() -> None:
    d = article("d1", "Coast Monitor", "Officials in Marbec rejected reports that fighters were sent to Valdora.")
    corpus = _fighters_corpus()
    corpus.articles.append(d)
    corpus.events = corpus.events[:1]
    corpus.quotes = [quote(d, "reports that fighters were sent to Valdora", MARBEC, cue="reject")]
    ledger = build_ledger(story_of(A, d), corpus)
    aid = next(c for c in ledger.claims if c.kind == "event")
    assert {s.article_id: s.stance for s in aid.stances} == {"a1": "asserts", "d1": "reports_denial"}


def test_same_statement_quoted_by_two_outlets_is_one_claim() -> None:
    x = article("x1", "Harbor Ledger", "The minister said the border will stay closed until May.")
    y = article("y1", "Northern Wire", "Valdora's minister said that the border would stay closed until May.")
    z = article("z1", "Plain Dispatch", "The minister said grain exports would double.")
    corpus = Corpus(articles=[x, y, z], actors=ACTORS, quotes=[
        quote(x, "the border will stay closed until May", VALDORA),
        quote(y, "the border would stay closed until May", VALDORA),
        quote(z, "grain exports would double", VALDORA),
    ])
    ledger = build_ledger(story_of(x, y, z), corpus)
    quotes = [c for c in ledger.claims if c.kind == "quote"]
    assert sorted(len(c.stances) for c in quotes) == [1, 2]
    assert all(s.stance == "attributes" for c in quotes for s in c.stances)


def test_figures_same_unit_merge_and_disagreeing_value_disputes() -> None:
    x = article("x2", "Harbor Ledger", "The ministry said 286 soldiers were killed.")
    y = article("y2", "Northern Wire", "At least 280 soldiers died, the ministry said.")
    z = article("z2", "Plain Dispatch", "A total of 310 soldiers were killed so far.")
    corpus = Corpus(articles=[x, y, z], actors=ACTORS, figures=[
        figure(x, "286 soldiers", 286, "deaths", claimed_by="Valdora"),
        figure(y, "At least 280 soldiers", 280, "deaths", claimed_by="Valdora", qualifier="at least"),
        figure(z, "310 soldiers", 310, "deaths"),
    ])
    ledger = build_ledger(story_of(x, y, z), corpus)
    (claim,) = [c for c in ledger.claims if c.kind == "figure"]
    stances = {s.article_id: s.stance for s in claim.stances}
    assert stances == {"x2": "attributes", "y2": "attributes", "z2": "disputes"}


def test_approximate_figures_do_not_dispute() -> None:
    x = article("x4", "Harbor Ledger", "The ministry said 286 soldiers were killed.")
    z = article("z4", "Plain Dispatch", "Some 300 soldiers were killed.")
    corpus = Corpus(articles=[x, z], actors=ACTORS, figures=[
        figure(x, "286 soldiers", 286, "deaths", claimed_by="Valdora"),
        figure(z, "Some 300 soldiers", 300, "deaths", qualifier="some"),
    ])
    (claim,) = build_ledger(story_of(x, z), corpus).claims
    assert "disputes" not in {s.stance for s in claim.stances}


def test_qualifiers_make_intervals() -> None:
    x = article("x3", "A", "at least 280 and 300 and nearly 250")
    at_least = figure(x, "at least 280", 280, "deaths", qualifier="at least")
    exact = figure(x, "300", 300, "deaths")
    nearly = figure(x, "nearly 250", 250, "deaths", qualifier="nearly")
    assert agree(at_least, exact)
    assert not agree(nearly, exact)


def test_the_denier_is_the_actor_when_no_source_was_found() -> None:
    d = article("d2", "Coast Monitor", "Marbec denied sending fighters to Valdora.")
    corpus = _fighters_corpus()
    denial = event(d, d.body, "AID", "denied", None, VALDORA, claimant=MARBEC)
    corpus.articles.append(d)
    corpus.events = [corpus.events[0], denial]
    ledger = build_ledger(story_of(A, d), corpus)
    aid = next(c for c in ledger.claims if c.kind == "event")
    assert {s.article_id: s.stance for s in aid.stances} == {"a1": "asserts", "d2": "reports_denial"}
