"""Precision-first alignment: story-level rarity, a shared predicate, no clash, complete link."""

from __future__ import annotations

from rashomon.crossref.ledger.anchors import anchor_scores, content_stems, story_anchors
from rashomon.crossref.ledger.units import Unit


def _unit(aid: str, text: str, actors: tuple[str, ...] = (), numbers: tuple[str, ...] = ()) -> Unit:
    return Unit(article_id=aid, outlet=aid, start=0, end=len(text), text=text,
                actors=frozenset(actors), numbers=frozenset(numbers))


def test_topic_actors_alone_link_nothing() -> None:
    # every sentence names the two sides; only a shared rarer word can link two of them
    units = [_unit(a, t, ("MRB", "VLD")) for a, t in [
        ("a", "Marbec and Valdora traded shelling overnight."),
        ("b", "Marbec and Valdora held talks in Lissen."),
        ("c", "Marbec and Valdora blamed each other for the shelling."),
        ("a", "Marbec and Valdora exchanged prisoners."),
        ("b", "Marbec and Valdora reported heavy rain."),
    ]]
    pairs = anchor_scores(units, story_anchors(units))
    assert (0, 2) in pairs  # "shelling" is told by two articles
    assert (0, 1) not in pairs and (1, 2) not in pairs  # nothing beyond the topic is shared


def test_numbers_that_clash_are_not_one_fact() -> None:
    units = [_unit("a", "Rebels freed 12 hostages near Osk.", numbers=("12",)),
             _unit("b", "Rebels freed 40 hostages near Osk.", numbers=("40",)),
             _unit("c", "Rebels freed the hostages near Osk.")]
    pairs = anchor_scores(units, story_anchors(units))
    assert (0, 1) not in pairs and (0, 2) in pairs and (1, 2) in pairs


def test_names_are_kept_apart_from_the_predicate() -> None:
    words, names = content_stems("Officials said Kestria deployed fighters to Valdora.")
    assert "deploy" in words and "fight" in words
    assert {"kestria", "valdora"} <= names and "kestria" not in words


def test_complete_link_does_not_chain_through_a_neighbour() -> None:
    from rashomon.crossref.ledger.cluster import complete_link

    units = [_unit(a, a) for a in ("a", "b", "c")]
    # a-b and b-c are strong, a-c was never a candidate: one pair joins, the third stays out
    labels = complete_link(units, {(0, 1): 0.9, (1, 2): 0.8}, cut=0.3)
    assert labels[0] == labels[1] and labels[2] not in (labels[0],)


def test_a_referring_denial_needs_a_referring_object() -> None:
    from rashomon.crossref.ledger.joins import _ANAPHOR

    assert _ANAPHOR.search("Kestria has fiercely denied the reports, which it called a smear.")
    assert _ANAPHOR.search("Marbec denies it.")
    assert not _ANAPHOR.search("Kestria has denied accusations it is already involved.")
    assert not _ANAPHOR.search("Marbec denied that it sent any fighters.")
