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


def _person(pid: str, name: str, provisional: bool = True) -> Actor:
    return Actor(id=pid, name=name, kind="person", provisional=provisional)


def _mentions(*pairs: tuple[str, str]) -> list[Mention]:
    return [Mention(f"m{k}", aid, pid, "x", 0, 1, "provisional") for k, (aid, pid) in enumerate(pairs)]


def test_a_middle_initial_and_a_short_given_name_are_one_person_across_outlets() -> None:
    from rashomon.nlp.actors.merge import merge_provisional

    actors = [_person("p:a", "Edward J. Harlow"), _person("p:b", "Edward Harlow"),
              _person("p:c", "Ed Harlow"), _person("p:d", "Harlow")]
    mentions = _mentions(("a", "p:a"), ("a", "p:a"), ("b", "p:b"), ("c", "p:c"), ("c", "p:d"))
    assert merge_provisional(actors, mentions) == {"p:b": "p:a", "p:c": "p:a", "p:d": "p:a"}


def test_conflicting_middle_initials_keep_two_people_and_the_bare_name_apart() -> None:
    from rashomon.nlp.actors.merge import merge_provisional

    actors = [_person("p:a", "George H. W. Dunmore"), _person("p:b", "George W. Dunmore"),
              _person("p:c", "George Dunmore"), _person("p:d", "Georgia Dunmore")]
    assert merge_provisional(actors, _mentions(("a", "p:a"), ("b", "p:b"), ("c", "p:c"))) == {}


def test_a_suffix_and_a_known_person_decide_the_merge() -> None:
    from rashomon.nlp.actors.merge import merge_provisional

    actors = [_person("p:a", "Carl Ostrander Jr."), _person("p:b", "Carl Ostrander"),
              _person("person.ilse_varn", "Ilse Varn", provisional=False), _person("p:c", "Ilse M. Varn")]
    mentions = _mentions(("a", "p:c"), ("a", "p:c"), ("b", "person.ilse_varn"))
    assert merge_provisional(actors, mentions) == {"p:c": "person.ilse_varn"}


def test_a_given_name_alone_is_the_one_person_of_its_article_with_that_given_name() -> None:
    full = _person("p:full", "Rick Halvorsen")
    other = _person("p:other", "Richard Osk")  # another Richard, in another article only
    alone = _person("p:alone", "Richard")
    actors = {a.id: a for a in (full, other, alone)}
    mentions = _mentions(("a", "p:full"), ("a", "p:alone"), ("b", "p:other"))
    corpus = Corpus(articles=[_article("a"), _article("b")], actors=actors, mentions=mentions)
    assert {m.actor_id for m in merge_surnames(corpus).mentions if m.article_id == "a"} == {"p:full"}
    # two people of the article with that given name: no one is chosen
    both = _mentions(("a", "p:full"), ("a", "p:alone"), ("a", "p:other"))
    corpus = Corpus(articles=[_article("a")], actors=actors, mentions=both)
    assert "p:alone" in merge_surnames(corpus).actors
