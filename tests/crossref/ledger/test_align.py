"""The aligner on hand-written sentences: paraphrases meet, different facts stay apart."""

from __future__ import annotations

import pytest

from rashomon.crossref.ledger import align as align_module
from rashomon.crossref.ledger.align import AlignUnit, align, probability


def unit(text: str, group: str, actors: tuple[str, ...] = (), numbers: tuple[str, ...] = (),
         places: tuple[str, ...] = ()) -> AlignUnit:
    return AlignUnit(text, group, actors=frozenset(actors), numbers=frozenset(numbers),
                     places=frozenset(places))


def test_paraphrases_sharing_entities_are_merged() -> None:
    units = [
        unit("Turkey is sending Syrian fighters to Azerbaijan.", "a", ("TUR", "SYR", "AZE")),
        unit("Ankara has been deploying Syrian mercenaries to fight for Azerbaijan.", "b",
             ("TUR", "SYR", "AZE")),
        unit("Russia offered to mediate talks between the two sides in Moscow.", "c", ("RUS",),
             places=("524901",)),
    ]
    labels = align(units)
    assert labels[0] == labels[1] != labels[2]


def test_facts_differing_only_in_numbers_stay_apart() -> None:
    units = [
        unit("The ministry said 12 soldiers were killed in the attack.", "a", ("ARM",), ("12",)),
        unit("The ministry said 300 soldiers were killed in the attack.", "b", ("ARM",), ("300",)),
    ]
    labels = align(units)
    assert labels[0] != labels[1]
    same = [unit(u.text, u.group, ("ARM",), ("12",)) for u in units[:1]] + [
        unit("The ministry said twelve soldiers were killed in the attack.", "b", ("ARM",), ("12",))]
    assert len(set(align(same))) == 1


def test_facts_differing_only_in_actors_stay_apart() -> None:
    units = [
        unit("France condemned the shelling of civilian areas.", "a", ("FRA",)),
        unit("Germany condemned the shelling of civilian areas.", "b", ("DEU",)),
    ]
    labels = align(units)
    assert labels[0] != labels[1]


def test_event_mentions_merge_by_head_word_and_context() -> None:
    def ev(text: str, group: str, lemma: str, trigger: str) -> AlignUnit:
        return AlignUnit(text, group, actors=frozenset({"lohan"}), anchor=lemma, anchor_text=trigger)

    units = [
        ev("Lindsay Lohan checked into rehab on Friday.", "a", "check", "checked"),
        ev("Lohan entered a rehab facility in Malibu.", "b", "enter", "entered"),
        ev("Lohan checked into the Betty Ford clinic, her rep said.", "c", "check", "checked"),
        ev("Lohan checked into the Betty Ford clinic, her rep said.", "c", "say", "said"),
    ]
    labels = align(units)
    assert labels[0] == labels[2]
    assert labels[3] not in (labels[0], labels[1])


def test_contract_shapes() -> None:
    assert align([]) == []
    assert align([unit("One sentence.", "a")]) == [0]
    prob = probability([unit("A quake hit Nepal.", "a"), unit("An earthquake struck Nepal.", "b")])
    assert prob.shape == (2, 2) and prob[0, 0] == 1.0 and 0.0 <= prob[0, 1] <= 1.0


def test_large_inputs_take_the_blocked_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align_module, "MAX_ALL_PAIRS", 3)
    units = [unit("Turkey is sending Syrian fighters to Azerbaijan.", "a", ("TUR",)),
             unit("Turkey is sending Syrian fighters to Azerbaijan, officials say.", "b", ("TUR",)),
             unit("A storm flooded the coast of Florida.", "c", ("USA",)),
             unit("Heavy rain flooded the Florida coast.", "d", ("USA",)),
             unit("The central bank raised interest rates.", "e")]
    labels = align(units)
    assert len(labels) == 5
    assert labels[0] == labels[1] and labels[0] != labels[2]
