"""`rashomon compare` prints article text as text: no markup, no terminal escapes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rashomon.cli.compare import command, plain
from rashomon.records import Article, Claim, Contradiction, Framing, Side, Stance, Story
from rashomon.store.db import Store

HOSTILE_TITLE = "Crash [/] [bold red]fake[/bold red] \x1b[2J\x1b]0;pwned\x07 :smile: \u202eevil"


def _db(path: Path) -> Path:
    art = Article(id="a1", source="x.txt", outlet="[link=https://evil.example]Wire[/link]",
                  title=HOSTILE_TITLE, published="2031-01-01", language="en", body="Text.",
                  story_id="s1")
    stance = Stance(article_id="a1", outlet=art.outlet, stance="asserts",
                    evidence="said [/] \x1b[31mred\x1b[0m", start=0, end=4)
    with Store(path) as store, store.transaction():
        store.insert("articles", [art])
        store.insert("stories", [Story(id="s1", title=HOSTILE_TITLE, article_ids=("a1",),
                                       outlets=(art.outlet,))])
        store.insert("claims", [Claim(id="c1", story_id="s1", statement="[/] \x1b[5mclaim",
                                      stances=(stance,))])
        store.insert("contradictions", [Contradiction(
            id="x1", story_id="s1", kind="denial", description="[i]x[/i] \x9b31m",
            sides=(Side(label="[/]", article_id="a1", outlet=art.outlet, evidence="[/b]",
                        start=0, end=1, value="[red]"),))])
        store.insert("framing", [Framing(id="f1", story_id="s1", outlet=art.outlet,
                                         kind="term", key="[/]", value="\x1b[1mv")])
    return path


def test_plain_strips_controls_and_bidi() -> None:
    assert plain("a\x1b[31mb\x07\tc\u202e\x85d") == "a [31mb c d"
    assert plain(None) == ""


def test_compare_shows_markup_and_escapes_as_text(tmp_path: Path) -> None:
    db = _db(tmp_path / "h.duckdb")
    for args in (["--db", str(db)], ["--db", str(db), "--list"]):
        res = CliRunner().invoke(command, args, env={"COLUMNS": "400"})
        assert res.exit_code == 0, res.output
        assert res.exception is None
        out = res.output
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
        assert "\u202e" not in out
        assert "Crash [/] [bold red]fake[/bold red]" in out  # markup shown literally
        assert ":smile:" in out  # not turned into an emoji
    out = CliRunner().invoke(command, ["--db", str(db)], env={"COLUMNS": "400"}).output
    assert "[link=https://evil.example]Wire[/link]" in out
    assert "[/] [5mclaim" in out


def test_compare_keeps_unknown_outlets_apart(tmp_path: Path) -> None:
    arts = [Article(id=f"u{i}", source=f"/home/x/in/{name}", outlet=None, title="T",
                    published=None, language="en", body="Text.", story_id="s")
            for i, name in enumerate(("one.txt", "two.txt"))]
    claim = Claim(id="c", story_id="s", statement="Something happened",
                  stances=(Stance(article_id="u0", outlet=None, stance="asserts",
                                  evidence="Text", start=0, end=4),
                           Stance(article_id="u1", outlet=None, stance="disputes",
                                  evidence="Text", start=0, end=4)))
    db = tmp_path / "u.duckdb"
    with Store(db) as store, store.transaction():
        store.insert("articles", arts)
        store.insert("stories", [Story(id="s", title="Story", article_ids=("u0", "u1"))])
        store.insert("claims", [claim])
    out = CliRunner().invoke(command, ["--db", str(db)], env={"COLUMNS": "200"}).output
    assert "2 articles from one.txt, two.txt" in out
    assert "/home/x" not in out
