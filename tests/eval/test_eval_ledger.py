"""`rashomon eval ledger`: gold stored as offsets, resolved at run time, scored per fact."""

from __future__ import annotations

import json
from pathlib import Path

from rashomon.eval import ledger as ev
from rashomon.records import Claim, Contradiction, Stance


def test_the_gold_holds_references_not_text() -> None:
    gold = json.loads(ev.GOLD.read_text(encoding="utf-8"))
    assert len(gold["stories"]) >= 4  # the demo corpus and three or more BASIL triplets
    for story in gold["stories"]:
        for claim in story["claims"]:
            for told in claim["cells"].values():
                if told == "not_mentioned":
                    continue
                for stance, start, end in told:
                    assert set(stance.split("|")) <= {"asserts", "attributes", "reports_denial",
                                                      "disputes"}
                    assert isinstance(start, int) and isinstance(end, int) and start < end


def test_demo_evidence_resolves_to_sentences(tmp_path: Path) -> None:
    gold = json.loads(ev.GOLD.read_text(encoding="utf-8"))
    gold["stories"] = [s for s in gold["stories"] if s["root"] == "demo"]
    (tmp_path / "gold.json").write_text(json.dumps(gold))
    (demo,) = ev.load(tmp_path, tmp_path / "gold.json")
    evidence = [c.evidence for g in demo.claims for c in g.cells if c.evidence]
    assert evidence and all(e[0].isupper() or e[0] in "\"“" for e in evidence)


def test_document_text_of_a_basil_article(tmp_path: Path) -> None:
    path = tmp_path / "x_1.json"
    path.write_text(json.dumps({"body-paragraphs": [["One.", "Two."], ["Three."]]}))
    assert ev.document_text(path) == "One. Two.\n\nThree."


def test_scoring_counts_merges_stances_and_wrong_joins() -> None:
    story = ev.GoldStory("s", {}, [
        ev.GoldClaim("fact", "", [ev.Cell("a", ("asserts",), "Marbec sent fighters to Valdora."),
                                  ev.Cell("b", ("attributes",), "Kestria says Marbec sent fighters."),
                                  ev.Cell("c", ("not_mentioned",))]),
        ev.GoldClaim("other", "", [ev.Cell("a", ("asserts",), "Talks resumed in Lissen on Monday.")]),
    ], [{"kind": "denial", "claim": "fact"}])
    keys = {"a": ["A"], "b": ["B"], "c": ["C"]}

    def st(article: str, stance: str, text: str) -> Stance:
        return Stance(article, None, stance, text, 0, len(text))

    claim = Claim("c1", "s", "x", (st("A", "asserts", "Marbec sent fighters to Valdora."),
                                   st("B", "asserts", "Kestria says Marbec sent fighters."),
                                   st("A", "asserts", "Talks resumed in Lissen on Monday.")))
    found = ev.score_story(story, keys, [claim], [
        Contradiction("x", "s", "denial", "", (), claim_id="c1", claim_ids=("c1",))])
    assert (found["facts"], found["found"], found["merged"]) == (1, 1, 3)
    assert found["right"] == 3  # a asserts, c not mentioned; "other" is in the same claim
    # counted from both facts: "fact" holds the talks, "other" holds the two fighters sentences
    assert found["wrongly_joined"] == 3 and found["contradictions_found"] == 1


def test_row_precision_counts_every_multi_article_claim() -> None:
    story = ev.GoldStory("s", {}, [
        ev.GoldClaim("fact", "", [
            ev.Cell("a", ("asserts",), "Marbec sent fighters to Valdora."),
            ev.Cell("b", ("attributes",), "Kestria says Marbec sent fighters.")]),
        ev.GoldClaim("other", "", [
            ev.Cell("c", ("asserts",), "Talks resumed in Lissen on Monday.")]),
    ], [])
    keys = {"a": ["A"], "b": ["B"], "c": ["C"]}

    def st(article: str, text: str) -> Stance:
        return Stance(article, None, "asserts", text, 0, len(text))

    good = Claim("c1", "s", "x", (st("A", "Marbec sent fighters to Valdora."),
                                  st("B", "Kestria says Marbec sent fighters.")))
    bad = Claim("c2", "s", "x", (st("A", "Marbec sent fighters to Valdora."),
                                 st("C", "Talks resumed in Lissen on Monday."),
                                 st("B", "An unannotated sentence about the weather today.")))
    found = ev.score_story(story, keys, [good, bad], [])
    assert (found["pairs"], found["pairs_right"], found["unjudged"]) == (2, 1, 2)
    assert (found["rows"], found["rows_pure"]) == (2, 1)


def test_the_ledger_on_its_development_gold_floor(shared: Path) -> None:
    """The demo corpus and three BASIL triplets, annotated by hand: floors that only move up."""
    total = ev.evaluate(shared / "data" / "basil")
    assert total["wrongly_joined"] == 0  # measured 0 of 58 joins
    assert total["found"] >= 20 and total["merged"] >= 53  # of 29 facts, 74 cells
    assert total["right"] >= 71  # of 114 stances
    # impure rows, not pure ones, have a ceiling: two pure rows of one statement that join make
    # one pure row (24 of 27 rows pure -> 23 of 26 when the retold-quote join merged two)
    assert total["pairs_right"] >= 36 and total["rows"] - total["rows_pure"] <= 3  # of 39 pairs
    assert total["contradictions_found"] >= 3  # of 4
