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


def test_lemma_pair_counts_are_symmetric_smoothed_log_odds() -> None:
    from rashomon.crossref.ledger.align import LemmaPairs, load_lemma_pairs

    table = LemmaPairs({"earthquake|quake": (20, 20), "hit|quake": (0, 30)}, prior=4.0)
    assert table.logodds("quake", "earthquake") == table.logodds("earthquake", "quake") > 2.0
    assert table.logodds("quake", "hit") < -2.0
    assert table.logodds("quake", "flood") is None  # unseen: no evidence either way
    shipped = load_lemma_pairs()
    assert shipped.counts and all(0 <= same <= seen for same, seen in shipped.counts.values())


def test_mention_features_use_the_sentence_context_arguments_and_lemma_pair() -> None:
    from rashomon.crossref.ledger.align import LemmaPairs, features

    said = "A quake hit Nepal on Saturday, officials said."

    def ev(text: str, group: str, lemma: str, args: tuple[str, ...], context: str) -> AlignUnit:
        return AlignUnit(text, group, anchor=lemma, anchor_text=lemma, context=context,
                         arguments=frozenset(args))

    units = [ev(said, "a", "quake", ("nepal",), "A quake hit Nepal"),
             ev(said, "a", "say", ("official",), "Saturday, officials said."),
             ev("An earthquake struck Nepal.", "b", "earthquake", ("nepal",), "An earthquake struck Nepal.")]
    table = LemmaPairs({"earthquake|quake": (20, 20)})
    f = features(units, table)
    assert f["same_sentence"][0, 1] == 1.0 and f["same_sentence"][0, 2] == 0.0
    assert f["arguments"][0, 2] == 1.0 and f["argument_clash"][0, 1] == 1.0
    assert f["pair_seen"][0, 2] == 1.0 and f["pair_seen"][0, 1] == 0.0
    assert f["pair_logodds"][0, 2] == pytest.approx(table.logodds("quake", "earthquake"))
    assert f["context_cos"][0, 2] > f["context_cos"][0, 1]
    learned = probability(units, pairs=table)[0, 2]
    assert learned > probability(units, pairs=LemmaPairs({}))[0, 2]  # the learned pair adds evidence


def test_lemma_and_centred_context_features() -> None:
    from rashomon.crossref.ledger.align import features

    def ev(group: str, lemma: str, written: str, context: str) -> AlignUnit:
        return AlignUnit(context, group, anchor=lemma, anchor_text=written, context=context)

    units = [ev("a", "check", "Checks", "Actress Checks Into Rehab Clinic"),
             ev("b", "check", "checked", "the actress checked into a rehab clinic"),
             ev("c", "check", "checked", "the actress checked into a rehab clinic"),
             ev("d", "vote", "voted", "lawmakers voted on the budget bill today"),
             AlignUnit("No trigger here.", "e")]
    f = features(units)
    # the lemma's vector is one whatever the trigger's case or inflection; no anchor: no cosine
    assert f["lemma_cos"][0, 1] == pytest.approx(1.0, abs=1e-5)
    assert f["anchor_cos"][0, 1] < 0.99
    assert f["lemma_cos"][0, 3] < 0.9 and not f["lemma_cos"][4].any()
    # centred on the mean context of the call: the two alike contexts stay alike, the odd one
    # is pushed further from them than the raw cosine says
    centred, raw = f["context_centred"], f["context_cos"]
    assert centred[1, 2] == pytest.approx(1.0, abs=1e-5)
    assert centred[1, 3] < raw[1, 3] and not centred[4].any()


def test_sentence_units_need_no_lemma_table() -> None:
    from rashomon.crossref.ledger.align import features

    f = features([unit("Rain fell.", "a"), unit("Rain fell.", "b")])
    assert not f["pair_seen"].any() and not f["context_cos"].any() and not f["same_sentence"][0, 1]
    assert not f["lemma_cos"].any() and not f["context_centred"].any()


def test_clusters_merge_on_mean_log_odds() -> None:
    import numpy as np

    from rashomon.crossref.ledger.align import _average_link

    def logit(p: float) -> float:
        return float(np.log(p / (1 - p)))

    def pairs(ab: float, ac: float, bc: float) -> np.ndarray:
        return np.array([[0.0, logit(ab), logit(ac)], [logit(ab), 0.0, logit(bc)],
                         [logit(ac), logit(bc), 0.0]], dtype=np.float32)

    # C is near-certainly A and undecided about B: mean log odds 2.3 ≥ logit(0.85) = 1.7 joins
    # it (mean probability 0.745 would not)
    assert len(set(_average_link(pairs(0.99, 0.99, 0.5), 0.85))) == 1
    # near-certainly apart from B: the certain link to A no longer carries it
    labels = _average_link(pairs(0.99, 0.99, 0.01), 0.85)
    assert labels[0] == labels[1] != labels[2] or labels[0] == labels[2] != labels[1]
    assert len(set(_average_link(pairs(0.6, 0.6, 0.6), 0.85))) == 3  # nothing reaches the cut


def test_event_lexicon_pairs_trigger_lemmas_of_one_type_and_mode() -> None:
    def ev(lemma: str) -> AlignUnit:
        return AlignUnit(f"Someone did {lemma}.", lemma, anchor=lemma, anchor_text=lemma)

    units = [ev("kill"), ev("murder"), ev("arrest"), ev("kill"), ev("zzyzx")]
    feats = align_module.features(units, align_module.LemmaPairs({}))
    same, clash = feats["lexicon_same"], feats["lexicon_clash"]
    assert same[0, 1] == same[1, 0] == 1.0 and clash[0, 1] == 0.0  # both ASSAULT, no mode
    assert clash[0, 2] == 1.0 and same[0, 2] == 0.0  # ASSAULT against COERCE
    assert same[0, 3] == clash[0, 3] == 0.0  # one lemma: left to the lemma features
    assert not same[4].any() and not clash[4].any()  # a lemma the lexicon lacks
    sentences = [AlignUnit("Police arrested him.", "a"), AlignUnit("He was killed.", "b")]
    assert not align_module.features(sentences)["lexicon_clash"].any()  # no anchors, no lexicon


def test_the_static_model_is_the_default_and_runs_no_transformer(monkeypatch: pytest.MonkeyPatch) -> None:
    from rashomon.crossref.ledger import contextual

    def fail(mentions: object) -> None:
        raise AssertionError("the transformer ran")

    monkeypatch.setattr(contextual, "trigger_vectors", fail)
    for value in ("", "tfidf", "static"):
        monkeypatch.setenv("RASHOMON_EMBEDDER", value)
        model = align_module.default_model(anchored=True)
        assert model == align_module.load_model(mode="anchor")
        assert not any(model.weights.get(f) for f in align_module.CONTEXTUAL)
    units = [AlignUnit("Lohan checked into rehab.", "a", anchor="check", anchor_text="checked"),
             AlignUnit("Lohan entered rehab.", "b", anchor="enter", anchor_text="entered")]
    align(units)
    assert "ctx_trigger_cos" not in align_module.features(units)


def test_minilm_switch_needs_the_optional_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from rashomon.crossref.ledger import contextual
    from rashomon.errors import ConfigError

    monkeypatch.setenv("RASHOMON_EMBEDDER", "minilm")
    monkeypatch.setattr(contextual, "available", lambda: False)
    with pytest.raises(ConfigError, match="minilm"):
        align_module.default_model(anchored=True)
    assert align_module.default_model(anchored=False) == align_module.load_model(mode="sentence")


def test_minilm_switch_adds_the_trigger_cosine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plumbing, with made-up trigger vectors in place of the transformer (no torch here)."""
    import numpy as np

    from rashomon.crossref.ledger import contextual

    shipped = align_module.load_model(align_module.WEIGHTS_MINILM, "anchor")
    assert shipped.weights["ctx_trigger_cos"] > 0
    assert set(shipped.weights) == set(align_module.FEATURES + align_module.CONTEXTUAL)
    fake = {"checked": [1.0, 0.0], "entered": [1.0, 0.0], "foiled": [0.0, 1.0]}

    def vectors(units: list[AlignUnit]) -> np.ndarray:
        rows = np.zeros((len(units), contextual.DIM), dtype=np.float32)
        rows[:, :2] = [fake.get(u.anchor_text, [0.6, 0.8]) for u in units]
        return rows

    monkeypatch.setenv("RASHOMON_EMBEDDER", "minilm")
    monkeypatch.setattr(contextual, "available", lambda: True)
    monkeypatch.setattr(contextual, "trigger_vectors", vectors)
    assert align_module.default_model(anchored=True) == shipped
    units = [AlignUnit("Lohan checked into rehab.", "a", anchor="check", anchor_text="checked"),
             AlignUnit("Lohan entered rehab.", "b", anchor="enter", anchor_text="entered"),
             AlignUnit("Police foiled the plot.", "c", anchor="foil", anchor_text="foiled"),
             AlignUnit("No trigger here.", "d")]
    cos = align_module.features(units, align_module.LemmaPairs({}), contextual=True)["ctx_trigger_cos"]
    assert cos[0, 1] == pytest.approx(1.0) and cos[0, 2] == 0.0 and not cos[3].any()
    odds = align_module.log_odds(units[:3], pairs=align_module.LemmaPairs({}))
    static = align_module.log_odds(units[:3], model=align_module.load_model(mode="anchor"),
                                   pairs=align_module.LemmaPairs({}))
    assert odds[0, 1] - odds[0, 2] > static[0, 1] - static[0, 2]  # the close triggers gain


def test_trigger_is_found_by_offset_or_else_by_its_words() -> None:
    from rashomon.crossref.ledger.contextual import _trigger_span

    text = "He said it and she said no."
    assert _trigger_span(AlignUnit(text, "a", anchor_text="said", anchor_start=19)) == (19, 23)
    assert _trigger_span(AlignUnit(text, "a", anchor_text="said")) == (3, 7)  # first occurrence
    assert _trigger_span(AlignUnit(text, "a", anchor_text="told")) == (-1, -1)
