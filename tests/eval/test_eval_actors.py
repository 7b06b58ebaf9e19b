"""``rashomon eval actors``: gold loading, scoring, and the floors on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon.eval import actors as ev
from rashomon.records import Article, Segment, content_id


def _gold(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "gold.tsv"
    path.write_text("# base: " + body + "\ndoc\tsurface\toccurrence\tstart\texpected\n"
                    "a.txt\tLissen\t1\t30\tDRV\n"
                    "a.txt\tOrsk\t0\t0\tp:Pavel Orsk\n"
                    "a.txt\tLissen\t0\t12\t-\n", encoding="utf-8")
    return path


def test_gold_rows_and_provisional_ids(tmp_path: Path) -> None:
    base, rows = ev.load_gold(_gold(tmp_path, "body"))
    assert base == "body" and len(rows) == 3 and rows[0].occurrence == 1
    assert ev.expected_id("p:Pavel Orsk") == content_id("pavel orsk", prefix="p:")
    assert ev.expected_id("TUR") == "TUR"


def test_scoring_counts_correct_wrong_missed_and_false_links(tmp_path: Path) -> None:
    body = "Orsk stayed in Lissen while Lissen said no."
    article = Article(id="a", source="a.txt", outlet=None, title=None, published=None,
                      language="en", body=body)
    _, rows = ev.load_gold(_gold(tmp_path, "body"))
    preds = {"a.txt": [(28, 34, "DRV", "metonym"), (15, 21, "DRV", "metonym")]}
    result = ev.score(rows, {"a.txt": (body, article)}, preds, "body")
    assert [o.status for o in result.outcomes] == ["correct", "missed", "false_link"]
    assert result.accuracy == pytest.approx(0.5)


def test_raw_offsets_map_through_the_cleaning_offset_map() -> None:
    # raw text: "MENU\nOrsk said so." -> the menu line is cleaned away
    article = Article(id="a", source="a.txt", outlet=None, title=None, published=None,
                      language="en", body="Orsk said so.",
                      offset_map=(Segment(start=0, orig_start=5, length=13),))
    assert ev.to_body(article, 5, 4) == 0
    assert ev.to_body(article, 0, 4) is None  # removed with the menu line


def test_the_command_has_help_with_an_example() -> None:
    result = CliRunner().invoke(ev.command, ["--help"])
    assert result.exit_code == 0 and "Example" in result.output


PEOPLE = ("person.mevlut_cavusoglu", "person.sergey_lavrov", "person.mike_pompeo",
          "person.ilham_aliyev", "person.nikol_pashinyan", "person.recep_tayyip_erdogan",
          "person.sergey_naryshkin", "person.jeyhun_bayramov", "person.emmanuel_macron")


@pytest.mark.model
@pytest.mark.shared
def test_seed_linking_floor_and_the_issue_checklist(seeds: Path) -> None:
    result = ev.evaluate("seeds", data=seeds)
    # measured 99.3% (285/287) with the seeds run through rashomon.clean; floor below it
    assert result.accuracy >= 0.96
    scored = [o for o in result.outcomes if o.status in ("correct", "wrong", "missed")]
    for o in scored:
        g = o.gold
        named_person = g.expected in PEOPLE and o.link != "pronoun"
        capital = g.surface in ("Ankara", "Baku", "Yerevan", "Moscow", "Washington")
        military = g.surface in ("Azerbaijani forces", "Armenian troops")
        if named_person or capital or military:
            assert o.status == "correct", (g, o.predicted)
    # every one of the nine people appears, under one id, in the scored gold
    assert {o.gold.expected for o in scored} >= set(PEOPLE)


def test_ecbplus_documents_are_rebuilt_with_gold_chains(tmp_path: Path) -> None:
    from rashomon.eval import actors_ecb

    folder = tmp_path / "ECB+" / "7"
    folder.mkdir(parents=True)
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n7,1ecbplus,0\n", encoding="utf-8")
    (folder / "7_1ecbplus.xml").write_text(
        '<Document doc_name="7_1ecbplus.xml">'
        '<token t_id="1" sentence="0">Ada</token><token t_id="2" sentence="0">Brook</token>'
        '<token t_id="3" sentence="0">said</token><token t_id="4" sentence="0">she</token>'
        '<token t_id="5" sentence="0">left</token><token t_id="6" sentence="0">.</token>'
        '<token t_id="7" sentence="1">Brook</token><token t_id="8" sentence="1">won</token>'
        '<Markables><HUMAN_PART_PER m_id="1"><token_anchor t_id="1"/><token_anchor t_id="2"/>'
        '</HUMAN_PART_PER><HUMAN_PART_PER m_id="2"><token_anchor t_id="4"/></HUMAN_PART_PER>'
        '<HUMAN_PART_PER m_id="3"><token_anchor t_id="7"/></HUMAN_PART_PER></Markables>'
        '<Relations><CROSS_DOC_COREF r_id="9" note="HUM1"><source m_id="1"/><source m_id="2"/>'
        '<source m_id="3"/><target m_id="4"/></CROSS_DOC_COREF></Relations></Document>',
        encoding="utf-8")
    article, gold = actors_ecb.read(folder / "7_1ecbplus.xml",
                                    actors_ecb._sentences(tmp_path))
    assert article.body == "Ada Brook said she left.\nBrook won"
    # the mention in sentence 1 is outside the annotated sentences
    assert [(g.text, g.chain) for g in gold] == [("Ada Brook", "HUM1"), ("she", "HUM1")]


def test_b_cubed_rewards_one_cluster_per_chain() -> None:
    from rashomon.eval.actors_ecb import b_cubed

    assert b_cubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1.0)
    p, r, _ = b_cubed(["a", "a", "b"], ["x", "y", "z"])
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1) / 3)


@pytest.mark.model
def test_demo_linking_floor() -> None:
    result = ev.evaluate("demo")
    # measured 99.1% (105/106) with the demo's own actor file; floor below it
    assert result.accuracy >= 0.95
    assert result.count("false_link") <= 1
