"""PolNeAR loader and scorer (definitions of shared/eval/peers/RESULTS.md section 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.eval import polnear

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "polnear"


def write_split(root: Path) -> None:
    text = 'Rain is coming, the forecaster said. "It will pour," she added. Odd.'
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / "a1.txt").write_text(text, encoding="utf-8")
    ann = [
        "T1\tContent 0 14\tRain is coming",
        "T2\tSource 16 30\tthe forecaster",
        "T3\tCue 31 35\tsaid",
        "T4\tAttribution 31 35\tsaid",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        "T5\tContent 38 51\tIt will pour,",
        "T6\tSource 53 56\tshe",
        "T7\tCue 57 62\tadded",
        "T8\tAttribution 57 62\tadded",
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
    ]
    (root / "dev" / "attributions" / "a1_x.ann").write_text("\n".join(ann) + "\n")
    # a second annotator's file for the same text is ignored (alphabetically later)
    (root / "dev" / "attributions" / "a1_y.ann").write_text("")


def test_load_reads_units_and_marks_direct_ones(tmp_path: Path) -> None:
    write_split(tmp_path)
    (doc,) = polnear.load(tmp_path, "dev")
    assert [g.direct for g in doc.gold] == [False, True]
    assert doc.gold[1].source == [(53, 56)]
    assert doc.text[38:51] == "It will pour,"


def test_gold_fed_back_scores_100_and_empty_scores_0(tmp_path: Path) -> None:
    write_split(tmp_path)
    docs = polnear.load(tmp_path, "dev")
    docs[0].pred = [polnear.Pred(g.content, g.source, g.cue) for g in docs[0].gold]
    sc = polnear.score(docs)
    for subset in polnear.SUBSETS:
        for mode in polnear.MODES:
            assert sc[(subset, mode)].prf == (1.0, 1.0, 1.0)  # type: ignore[attr-defined]
        assert sc[(subset, "speaker")] == sc[(subset, "speaker")][:1] * 2  # type: ignore[index]
    docs[0].pred = []
    assert polnear.score(docs)[("all", "overlap")].prf == (0.0, 0.0, 0.0)  # type: ignore[attr-defined]


def test_match_modes_ignore_punctuation_and_quote_marks(tmp_path: Path) -> None:
    write_split(tmp_path)
    docs = polnear.load(tmp_path, "dev")
    # the direct quote with its marks (37..52) is still an exact match; half of it overlaps
    docs[0].pred = [polnear.Pred([(37, 52)], [(53, 56)]), polnear.Pred([(0, 4)], [(0, 4)])]
    sc = polnear.score(docs)
    exact, overlap, half = (sc[("all", m)] for m in polnear.MODES)
    assert (exact.tp_gold, overlap.tp_gold, half.tp_gold) == (1, 2, 1)  # type: ignore[attr-defined]
    assert sc[("all", "speaker")] == (2, 1)  # "Rain" prediction's speaker is wrong
    # a prediction touching only non-direct gold is ignored in the direct subset
    assert sc[("direct", "overlap")].n_pred == 1  # type: ignore[attr-defined]


def test_is_direct() -> None:
    text = 'He said "we go," and then "we stay." It was \u201cfine\u201d for him.'
    assert polnear.is_direct(text, [(9, 14), (26, 34)])
    assert not polnear.is_direct(text, [(0, 14)])


@pytest.mark.shared
@pytest.mark.model
def test_dev_subset_floor() -> None:
    """The first 12 dev texts: scores must not drop below what was measured."""
    if not (DATA / "dev").is_dir():
        pytest.skip("PolNeAR not available")
    from rashomon.eval.quotes import predict

    docs = polnear.load(DATA, "dev", limit=12)
    predict(docs)
    sc = polnear.score(docs)
    _, _, f_overlap = sc[("all", "overlap")].prf  # type: ignore[attr-defined]
    _, _, f_exact = sc[("all", "exact")].prf  # type: ignore[attr-defined]
    _, _, f_direct = sc[("direct", "overlap")].prf  # type: ignore[attr-defined]
    n, ok = sc[("all", "speaker")]  # type: ignore[misc]
    assert f_overlap >= FLOOR["overlap"]
    assert f_exact >= FLOOR["exact"]
    assert f_direct >= FLOOR["direct"]
    assert ok / n >= FLOOR["speaker"]


FLOOR = {"overlap": 0.88, "exact": 0.55, "direct": 0.80, "speaker": 0.85}  # measured 0.903 0.576 0.825 0.876
