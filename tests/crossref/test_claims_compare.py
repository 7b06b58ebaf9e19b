"""`rashomon compare` prints the ledger, contradictions and framing of one story."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rashomon.cli.compare import command
from rashomon.crossref.ledger import build_ledger
from rashomon.crossref.contradictions import find_contradictions
from rashomon.crossref.corpus import Corpus
from tests.crossref.ledger_fixtures import ACTORS, MARBEC, VALDORA, article, event, story_of


def _db(tmp_path: Path) -> Path:
    from rashomon.store.db import Store

    a = article("a1", "Harbor Ledger", "Marbec sent fighters to Valdora across the northern pass.")
    c = article("c1", "Plain Dispatch", "Marbec denied sending fighters to Valdora across the pass.")
    corpus = Corpus(articles=[a, c], actors=ACTORS, events=[
        event(a, a.body, "AID", "asserted", MARBEC, VALDORA, trigger="sent"),
        event(c, c.body, "AID", "denied", MARBEC, VALDORA, claimant=MARBEC, trigger="sending"),
    ])
    story = story_of(a, c)
    ledger = build_ledger(story, corpus)
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        store.insert("articles", corpus.articles)
        store.insert("stories", [story])
        store.insert("claims", ledger.claims)
        store.insert("contradictions", find_contradictions(story, ledger, ACTORS))
    return path


def test_compare_shows_who_asserts_and_who_reports_the_denial(tmp_path: Path) -> None:
    db = _db(tmp_path)
    out = CliRunner().invoke(command, ["--db", str(db)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "Marbec sent fighters to Valdora" in out.output
    assert "Harbor Ledger" in out.output and "Plain Dispatch" in out.output
    assert "denied by Marbec" in out.output


def test_compare_lists_stories_and_rejects_unknown_ids(tmp_path: Path) -> None:
    db = _db(tmp_path)
    listed = CliRunner().invoke(command, ["--db", str(db), "--list"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "Stories" in listed.output
    missing = CliRunner().invoke(command, ["--db", str(db), "--story", "nope"])
    assert missing.exit_code != 0 and "R403" in missing.output


def test_compare_has_help_with_an_example() -> None:
    out = CliRunner().invoke(command, ["--help"])
    assert out.exit_code == 0 and "Example" in out.output


def test_compare_on_a_narrow_terminal_shows_each_outlets_sentence(tmp_path: Path) -> None:
    db = _db(tmp_path)
    out = CliRunner().invoke(command, ["--db", str(db)], env={"COLUMNS": "90"})
    assert out.exit_code == 0, out.output
    text = " ".join(out.output.split())
    assert "#1 [2 outlets" in text
    assert "Harbor Ledger asserts Marbec sent fighters to Valdora across the northern pass." in text
    assert "reports denial via Marbec: Marbec denied sending fighters" in text
    # the table is still there when asked for
    table = CliRunner().invoke(command, ["--db", str(db), "--layout", "table"],
                               env={"COLUMNS": "90"})
    assert table.exit_code == 0 and "Claims ledger" in table.output and "#1 [" not in table.output
