"""rashomon eval structure: the reference-only test set and its scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.errors import ConfigError
from rashomon.eval import structure


def test_test_set_is_references_only_and_large_enough() -> None:
    lines = [ln for ln in structure.GOLD.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    header, rows = lines[0].split("\t"), [ln.split("\t") for ln in lines[1:]]
    assert header[:7] == ["file", "sent_start", "sent_end", "sha", "trigger", "polarity", "modality"]
    assert len({(r[0], r[1]) for r in rows}) >= 100  # real sentences
    for r in rows:  # offsets and labels, never words of the texts
        assert not r[0].startswith("seeds") and r[1].isdigit() and r[4].isdigit()
        assert r[5] in {"positive", "negated"} and r[6] in structure.MODALITIES


def test_changed_text_is_reported(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    (tmp_path / "a.txt").write_text("Ruritania did not attack.", encoding="utf-8")
    gold.write_text("file\tsent_start\tsent_end\tsha\ttrigger\tpolarity\tmodality\tsource\ttarget\n"
                    "a.txt\t0\t25\t0000000000\t18\tnegated\tactual\t\t\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="R502"):
        structure.load(tmp_path, gold)


def test_scorer_counts_labels_and_roles() -> None:
    a = structure.Item("f", 0, 10, "x", 3, "negated", "actual", 0, -1)
    a.pred = {"polarity": "negated", "modality": "future",
              "event": {"status": "negated", "sources": [(0, 2, "r")], "targets": []}}
    b = structure.Item("f", 0, 10, "x", 5, "positive", "actual", None, None)
    b.pred = {"polarity": "positive", "modality": "actual", "event": None}
    s = structure.score([a, b])
    assert (s["polarity_ok"], s["modality_ok"], s["both_ok"]) == (2, 1, 1)
    assert s["labels"]["negated"] == (1, 1, 1) and s["labels"]["future"] == (0, 1, 0)
    assert s["negated_not_asserted"] == 1
    assert s["roles"]["source_ok"] == 1 and s["roles"]["target_ok"] == 1


@pytest.mark.shared
@pytest.mark.model
def test_structure_floor(shared: Path) -> None:
    items = structure.load(shared / "data")
    structure.predict(items)
    s = structure.score(items)
    assert s["polarity_ok"] / s["n"] >= 0.95  # 96.6% when set up
    assert s["modality_ok"] / s["n"] >= 0.90  # 92.8%
