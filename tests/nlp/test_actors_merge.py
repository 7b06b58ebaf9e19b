"""Cross-article merging of provisional people."""

from __future__ import annotations

from rashomon.nlp.actors.match import provisional
from rashomon.nlp.actors.merge import merge_provisional
from rashomon.records import Actor, Mention


def _mention(actor_id: str, n: int) -> list[Mention]:
    return [Mention(id=f"{actor_id}{i}", article_id="a", actor_id=actor_id, text="x", start=0,
                    end=1, link="provisional") for i in range(n)]


def test_a_bare_surname_joins_the_only_full_name() -> None:
    short, full = provisional("Wrenfield", "person"), provisional("Tobias Wrenfield", "person")
    other = provisional("Ada Brook", "person")
    assert merge_provisional([short, full, other]) == {short.id: full.id}


def test_ambiguous_surnames_stay_apart_unless_one_dominates() -> None:
    short = provisional("Brook", "person")
    ada, ben = provisional("Ada Brook", "person"), provisional("Ben Brook", "person")
    assert merge_provisional([short, ada, ben], _mention(ada.id, 2) + _mention(ben.id, 2)) == {}
    assert merge_provisional([short, ada, ben], _mention(ada.id, 5) + _mention(ben.id, 1)) == \
        {short.id: ada.id}


def test_gazetteer_people_can_absorb_provisional_surnames() -> None:
    short = provisional("Pashinyan", "person")
    known = Actor(id="person.nikol_pashinyan", name="Nikol Pashinyan", kind="person")
    org = provisional("Pashinyan", "other")
    assert merge_provisional([short, known, org]) == {short.id: known.id}


def test_name_suffixes_do_not_hide_the_surname() -> None:
    short = provisional("Comeaux", "person")
    full = provisional("Arcade Joseph Comeaux Jr.", "person")
    assert merge_provisional([short, full]) == {short.id: full.id}
