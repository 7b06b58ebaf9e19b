"""BASIL loader, scorer and ``rashomon eval bias`` on hand-made files in BASIL's format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon.eval import basil
from rashomon.eval.bias import command

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "basil"
EVENT = "0000-fictional-event"

# Three fictional outlets on one invented event. Outlet A's wording is loaded.
TEXTS = {
    "a": ["Mayor Okafor unveiled the budget.", "Critics slammed the bloated plan on Monday."],
    "b": ["Mayor Okafor unveiled the budget.", "Critics questioned the plan on Monday."],
    "c": ["Mayor Okafor presented a budget.", "The council will vote on the plan."],
}


def _write(root: Path) -> None:
    for n, (outlet, sentences) in enumerate(TEXTS.items(), 1):
        (root / "articles" / "2020").mkdir(parents=True, exist_ok=True)
        (root / "annotations" / "2020").mkdir(parents=True, exist_ok=True)
        article = {"title": f"Budget day {outlet}", "source": outlet.upper(), "triplet-uuid": EVENT,
                   "body-paragraphs": [sentences]}
        (root / "articles" / "2020" / f"{EVENT}_{n}.json").write_text(json.dumps(article))
        phrases = []
        if outlet == "a":
            s = sentences[1]
            phrases = [
                {"bias": "lex", "txt": "slammed", "start": s.index("slammed"),
                 "end": s.index("slammed") + 7},
                {"bias": "lex", "txt": "bloated plan", "start": s.index("bloated"),
                 "end": s.index("bloated") + 12},
                {"bias": "inf", "txt": "on Monday", "start": 0, "end": 9},
            ]
        ann = {"phrase-level-annotations": phrases}
        (root / "annotations" / "2020" / f"{EVENT}_{n}_ann.json").write_text(json.dumps(ann))


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    _write(tmp_path)
    return tmp_path


def test_load_keeps_lexical_spans_only(data: Path) -> None:
    articles = {a.outlet: a for a in basil.load(data)}
    assert set(articles) == {"a", "b", "c"}
    gold = articles["a"].gold
    assert [articles["a"].units[i][s:e] for i, s, e in gold] == ["slammed", "bloated plan"]
    assert articles["b"].gold == []


def test_split_is_by_event_and_stable() -> None:
    assert basil.split_of(EVENT) == basil.split_of(EVENT)
    assert {basil.split_of(f"event-{i}") for i in range(20)} == {"dev", "test"}


def test_detector_finds_loaded_words_and_scores(data: Path) -> None:
    articles = basil.load(data)
    basil.predict_loaded(articles)
    a = next(x for x in articles if x.outlet == "a")
    assert sorted(a.units[i][s:e] for i, s, e in a.pred) == ["bloated", "slammed"]
    scores = basil.score(articles)
    # Gold tokens: slammed, bloated, plan; predicted: slammed, bloated.
    assert scores["token"].prf == pytest.approx((1.0, 2 / 3, 0.8))
    assert scores["span overlap"].prf[:2] == (1.0, 1.0)


def test_exclusive_drops_words_every_outlet_used(data: Path) -> None:
    articles = basil.load(data)
    # "budget" is in no lexicon; a word all outlets share is dropped even if loaded.
    from rashomon.crossref.framing.loaded import compile_loaded
    lexicon = compile_loaded({"test": ["unveil*", "slam*"]})
    basil.predict_loaded(articles, lexicon, exclusive=True)
    b = next(x for x in articles if x.outlet == "b")
    assert b.pred == []  # "unveiled" is also in outlet A's article
    basil.predict_loaded(articles, lexicon, exclusive=False)
    assert [b.units[i][s:e] for i, s, e in b.pred] == ["unveiled"]


def test_command_prints_table_and_has_example(data: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(command, ["--data", str(data), "--split", "all", "--forms", "3"])
    assert out.exit_code == 0, out.output
    assert "| span overlap | 2 | 2 | 100.0 | 100.0 | 100.0 |" in out.output
    assert "Example:" in runner.invoke(command, ["--help"]).output


def test_missing_data_is_a_coded_error(tmp_path: Path) -> None:
    out = CliRunner().invoke(command, ["--data", str(tmp_path / "nope")])
    assert out.exit_code != 0
    assert "R501" in str(out.exception) or "R501" in out.output


@pytest.mark.shared
def test_basil_dev_floor() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared/data/basil not present")
    articles = basil.load(SHARED, "dev")
    basil.predict_loaded(articles)
    scores = basil.score(articles)
    # Measured on dev: token F1 29.8, span-overlap F1 31.9 (docs/framing.md).
    assert scores["token"].prf[2] >= 0.285
    assert scores["span overlap"].prf[2] >= 0.305
