"""Across articles, a bare surname and the full name are one actor in the cross-outlet stage."""

from __future__ import annotations

from rashomon.crossref import merge_surnames
from rashomon.crossref.corpus import Corpus
from rashomon.records import Actor, Article, Mention, Quote


def _article(aid: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", outlet=aid.upper(), title=None, published=None,
                   language="en", body="x")


def test_surname_in_one_article_joins_the_full_name_in_another() -> None:
    full = Actor(id="p:full", name="Tomas Varga", kind="person", provisional=True)
    bare = Actor(id="p:bare", name="Varga", kind="person", provisional=True)
    corpus = Corpus(
        articles=[_article("a"), _article("b")],
        actors={full.id: full, bare.id: bare},
        mentions=[Mention("m1", "a", "p:full", "Tomas Varga", 0, 11, "provisional"),
                  Mention("m2", "b", "p:bare", "Varga", 0, 5, "provisional")],
        quotes=[Quote("q1", "b", "We will rebuild.", "direct", "Varga", "p:bare", "Varga", "say", 0, 16)],
    )
    merged = merge_surnames(corpus)
    assert set(merged.actors) == {"p:full"}
    assert {m.actor_id for m in merged.mentions} == {"p:full"}
    assert merged.quotes[0].speaker_id == "p:full"
    assert corpus.quotes[0].speaker_id == "p:bare"  # the input is not changed
