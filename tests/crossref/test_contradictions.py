"""Contradictions list both sides with evidence: denials, figures, mutual blame."""

from __future__ import annotations

from rashomon.crossref.contradictions import find_contradictions
from rashomon.crossref.corpus import Corpus
from rashomon.crossref.ledger import build_ledger
from tests.crossref.ledger_fixtures import (
    ACTORS,
    KESTRIA,
    MARBEC,
    VALDORA,
    article,
    event,
    figure,
    story_of,
)


def _run(corpus: Corpus) -> list:
    story = story_of(*corpus.articles)
    return find_contradictions(story, build_ledger(story, corpus))


def test_asserted_fact_denied_by_its_actor() -> None:
    a = article("a1", "Harbor Ledger", "Marbec sent fighters to Valdora.")
    c = article("c1", "Plain Dispatch", "Marbec denied sending fighters to Valdora.")
    corpus = Corpus(articles=[a, c], actors=ACTORS, events=[
        event(a, "Marbec sent fighters to Valdora.", "AID", "asserted", MARBEC, VALDORA),
        event(c, "Marbec denied sending fighters to Valdora.", "AID", "denied", MARBEC, VALDORA,
              claimant=MARBEC),
    ])
    (x,) = _run(corpus)
    assert x.kind == "denial"
    assert "denied by Marbec" in x.description
    assert {(s.label, s.outlet) for s in x.sides} == {
        ("asserted", "Harbor Ledger"), ("denied by Marbec", "Plain Dispatch")}
    assert all(s.evidence for s in x.sides)


def test_figures_that_disagree_name_who_says_what() -> None:
    x = article("x1", "Harbor Ledger", "The ministry said 286 soldiers were killed.")
    z = article("z1", "Plain Dispatch", "Exactly 310 soldiers were killed so far.")
    corpus = Corpus(articles=[x, z], actors=ACTORS, figures=[
        figure(x, "286 soldiers", 286, "deaths", claimed_by="Valdora's ministry"),
        figure(z, "310 soldiers", 310, "deaths"),
    ])
    (c,) = _run(corpus)
    assert c.kind == "figures" and "cannot all be true" in c.description
    assert [s.value for s in c.sides] == ["286 soldiers", "310 soldiers"]
    assert c.sides[0].label.startswith("Valdora's ministry")
    assert c.sides[1].label == "Plain Dispatch, 2031-04-02"  # who, and the date of the report


def test_figures_that_can_both_be_true_are_a_discrepancy_not_a_conflict() -> None:
    x = article("x2", "Harbor Ledger", "At least 280 soldiers were killed.")
    z = article("z2", "Plain Dispatch", "Exactly 310 soldiers were killed so far.")
    corpus = Corpus(articles=[x, z], actors=ACTORS, figures=[
        figure(x, "At least 280 soldiers", 280, "deaths", qualifier="at least"),
        figure(z, "310 soldiers", 310, "deaths"),
    ])
    (c,) = _run(corpus)
    assert "qualifiers reconcile" in c.description


def test_the_same_figure_rounded_is_not_flagged() -> None:
    x = article("x3", "Harbor Ledger", "The ministry said 1,000 soldiers were killed.")
    z = article("z3", "Plain Dispatch", "Some 1,010 soldiers were killed so far.")
    corpus = Corpus(articles=[x, z], actors=ACTORS, figures=[
        figure(x, "1,000 soldiers", 1000, "deaths"),
        figure(z, "1,010 soldiers", 1010, "deaths"),
    ])
    assert _run(corpus) == []


def test_two_amounts_set_side_by_side_in_one_sentence_are_not_a_dispute() -> None:
    # the challenger's $200,000 and the incumbent's $1 million are two quantities: another
    # outlet's "$200,000" counts one of them, and nothing tells which
    x = article("x4", "Harbor Ledger", "Orsk raised $200,000, while Pell spent $1 million.")
    z = article("z4", "Plain Dispatch", "Orsk raised about $210,000 in all.")
    corpus = Corpus(articles=[x, z], actors=ACTORS, figures=[
        figure(x, "$200,000", 200000, "USD"), figure(x, "$1 million", 1000000, "USD"),
        figure(z, "$210,000", 210000, "USD", qualifier="about"),
    ])
    assert [c for c in _run(corpus) if c.kind == "figures"] == []
    # one amount a sentence, the same thing: still compared
    x = article("x5", "Harbor Ledger", "Orsk raised $200,000 in all.")
    z = article("z5", "Plain Dispatch", "Orsk raised exactly $350,000 in all.")
    corpus = Corpus(articles=[x, z], actors=ACTORS, figures=[
        figure(x, "$200,000", 200000, "USD"), figure(z, "$350,000", 350000, "USD")])
    assert [c.kind for c in _run(corpus)] == ["figures"]
    # amounts of money more than twice apart are two things (a fine, a sum spent)
    z = article("z6", "Plain Dispatch", "Orsk raised exactly $900,000 in all.")
    corpus = Corpus(articles=[x, z], actors=ACTORS, figures=[
        figure(x, "$200,000", 200000, "USD"), figure(z, "$900,000", 900000, "USD")])
    assert [c.kind for c in _run(corpus)] == []


def test_each_side_blames_the_other() -> None:
    a = article("a3", "Harbor Ledger", "Valdora said Kestria broke the truce overnight.")
    b = article("b3", "Northern Wire", "Kestria said Valdora violated the truce first.")
    corpus = Corpus(articles=[a, b], actors=ACTORS, events=[
        event(a, "Valdora said Kestria broke the truce overnight.", "ASSAULT", "alleged", KESTRIA,
              VALDORA, claimant=VALDORA),
        event(b, "Kestria said Valdora violated the truce first.", "ASSAULT", "alleged", VALDORA,
              KESTRIA, claimant=KESTRIA),
    ])
    (c,) = [x for x in _run(corpus) if x.kind == "mutual_blame"]
    labels = {s.label: s.outlet for s in c.sides}
    assert labels == {"Valdora blames Kestria": "Harbor Ledger",
                      "Kestria blames Valdora": "Northern Wire"}


def test_one_sided_blame_is_not_mutual() -> None:
    a = article("a4", "Harbor Ledger", "Valdora said Kestria broke the truce overnight.")
    corpus = Corpus(articles=[a], actors=ACTORS, events=[
        event(a, "Valdora said Kestria broke the truce overnight.", "ASSAULT", "alleged", KESTRIA,
              VALDORA, claimant=VALDORA),
    ])
    assert [x for x in _run(corpus) if x.kind == "mutual_blame"] == []


def test_accused_each_other_in_one_sentence_is_mutual_blame() -> None:
    a = article("a5", "Harbor Ledger", "Valdora and Kestria accused each other of breaking the truce.")
    e = event(a, "Valdora and Kestria accused each other of breaking the truce.", "ACCUSE",
              "asserted", VALDORA, KESTRIA)
    e = e.__class__(**{**e.__dict__, "source_ids": (VALDORA[0], KESTRIA[0]),
                       "target_ids": (VALDORA[0], KESTRIA[0])})
    (c,) = [x for x in _run(Corpus(articles=[a], actors=ACTORS, events=[e]))
            if x.kind == "mutual_blame"]
    assert {s.label for s in c.sides} == {"Valdora blames Kestria", "Kestria blames Valdora"}


def test_a_ministry_blames_for_its_state() -> None:
    from rashomon.records import Actor

    ministry = ("act-kes-mod", "Kestrian defence ministry")
    actors = {**ACTORS,
              VALDORA[0]: Actor(id=VALDORA[0], name="Valdora", kind="state", country="VLD"),
              KESTRIA[0]: Actor(id=KESTRIA[0], name="Kestria", kind="state", country="KST"),
              ministry[0]: Actor(id=ministry[0], name=ministry[1], kind="ministry", country="KST")}
    a = article("a6", "Harbor Ledger", "Valdora said Kestria shelled two villages.")
    b = article("b6", "Northern Wire", "The Kestrian defence ministry accused Valdora of shelling a depot.")
    corpus = Corpus(articles=[a, b], actors=actors, events=[
        event(a, "Valdora said Kestria shelled two villages.", "ASSAULT", "alleged", KESTRIA, None,
              claimant=VALDORA),
        event(b, "The Kestrian defence ministry accused Valdora of shelling a depot.", "ACCUSE",
              "asserted", ministry, VALDORA),
    ])
    story = story_of(a, b)
    (c,) = [x for x in find_contradictions(story, build_ledger(story, corpus), actors)
            if x.kind == "mutual_blame"]
    assert {s.outlet for s in c.sides} == {"Harbor Ledger", "Northern Wire"}


def test_a_denial_alone_is_not_both_sides() -> None:
    a = article("a7", "Harbor Ledger", "Marbec rejected reports that it sent fighters to Valdora.")
    sentence = a.body
    corpus = Corpus(articles=[a], actors=ACTORS, events=[
        event(a, sentence, "AID", "asserted", MARBEC, VALDORA),
        event(a, sentence, "AID", "denied", MARBEC, VALDORA, claimant=MARBEC),
    ])
    assert [x for x in _run(corpus) if x.kind == "denial"] == []


def test_a_source_saying_it_did_not_happen_sides_with_the_denial() -> None:
    # "X said the minister was never aware of any contact" and "asked about contacts, the
    # minister denied it" agree: no contradiction
    from dataclasses import replace

    from rashomon.crossref.contradictions import denials
    from rashomon.crossref.ledger import Ledger
    from rashomon.crossref.ledger.units import Unit
    from rashomon.records import Claim, Stance
    from tests.crossref.ledger_fixtures import quote

    said = "Ola Brandt said the minister was never aware of any contact with the group."
    a = article("n1", "Harbor Ledger", said)
    b = article("n2", "Plain Dispatch", "Asked about contact with the group, the minister denied it.")
    q = replace(quote(a, "the minister was never aware of any contact with the group",
                      ("p-brandt", "Ola Brandt")), content_polarity="negated")
    told = Unit(article_id=a.id, outlet=a.outlet, start=0, end=len(said), text=said, quotes=(q,))
    deny = Unit(article_id=b.id, outlet=b.outlet, start=0, end=len(b.body), text=b.body)
    stances = (Stance(a.id, a.outlet, "attributes", said, 0, len(said), source="Ola Brandt"),
               Stance(b.id, b.outlet, "reports_denial", b.body, 0, len(b.body), source="the minister"))
    claim = Claim(id="c1", story_id="s-test", statement=said, stances=stances)
    ledger = Ledger(claims=[claim], members={"c1": [(told, stances[0]), (deny, stances[1])]})
    assert denials(story_of(a, b), ledger) == []
    positive = (replace(told, quotes=(replace(q, content_polarity="positive"),)), stances[0])
    ledger = Ledger(claims=[claim], members={"c1": [positive, (deny, stances[1])]})
    assert len(denials(story_of(a, b), ledger)) == 1


def test_each_side_accused_the_other_read_from_the_sentence() -> None:
    # the extractor found the accusation but none of its arguments: the words say it goes both ways
    from rashomon.records import Mention

    text = "Valdora and Kestria signed a truce in Osk, but each side accused the other of breaking it."
    a = article("a7", "Harbor Ledger", text)
    e = event(a, text, "ACCUSE", "asserted", None)
    mentions = [Mention(id=f"m{k}", article_id=a.id, actor_id=who[0], text=who[1],
                        start=text.index(who[1]), end=text.index(who[1]) + len(who[1]),
                        link="gazetteer") for k, who in enumerate((VALDORA, KESTRIA))]
    corpus = Corpus(articles=[a], actors=ACTORS, events=[e], mentions=mentions)
    story = story_of(a)
    (c,) = [x for x in find_contradictions(story, build_ledger(story, corpus), ACTORS)
            if x.kind == "mutual_blame"]
    assert {s.label for s in c.sides} == {"Valdora blames Kestria", "Kestria blames Valdora"}
    # without the reciprocal words the same sentence blames no one
    plain = article("a8", "Harbor Ledger", text.replace("each side accused the other of breaking",
                                                        "both praised"))
    assert not [x for x in _run(Corpus(articles=[plain], actors=ACTORS,
                                       events=[event(plain, plain.body, "ACCUSE", "asserted", None)]))
                if x.kind == "mutual_blame"]


def _blame_pair(first: str, second: str, first_type: str = "ASSAULT",
                second_type: str = "ASSAULT") -> list:
    a = article("a9", "Harbor Ledger", first)
    b = article("b9", "Northern Wire", second)
    corpus = Corpus(articles=[a, b], actors=ACTORS, events=[
        event(a, first, first_type, "alleged", KESTRIA, VALDORA, claimant=VALDORA),
        event(b, second, second_type, "alleged", VALDORA, KESTRIA, claimant=KESTRIA),
    ])
    return [x for x in _run(corpus) if x.kind == "mutual_blame"]


def test_blame_for_two_different_acts_is_not_mutual() -> None:
    # Valdora blames Kestria for a broken truce; Kestria blames Valdora for funding rebels
    assert _blame_pair("Valdora said Kestria broke the truce overnight.",
                       "Kestria said Valdora paid money to rebel groups.",
                       second_type="COERCE") == []
    # the same act told in other words is mutual, and the contradiction names its rows
    (c,) = _blame_pair("Valdora said Kestria broke the truce overnight.",
                       "Kestria said Valdora violated the ceasefire at dawn.")
    assert "breach" in c.description and c.claim_id in c.claim_ids and c.claim_ids


def test_a_counterfactual_is_no_accusation() -> None:
    # "if ... had not" tells what would have been, not an act one side blames on the other
    assert _blame_pair("Valdora said Kestria broke the truce overnight.",
                       "If Valdora had not broken the truce, Kestria said, no one would have died."
                       ) == []
