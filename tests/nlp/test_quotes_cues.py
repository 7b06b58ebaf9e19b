"""The cue lexicon is data: documented columns, extensible by extra files."""

from __future__ import annotations

from pathlib import Path

from rashomon.nlp.quotes import cues as quotes_cues


def test_default_lexicon_has_speech_event_and_multiword_cues() -> None:
    lex = quotes_cues.default()
    assert lex.verb("say", set()).type == "speech"  # type: ignore[union-attr]
    deny = lex.verb("deny", set())
    assert deny is not None and deny.type == "denial" and deny.event
    # "call for" wins over plain "call" when the preposition is there
    assert lex.verb("call", {"for"}).lemma == "call for"  # type: ignore[union-attr]
    assert lex.verb("call", set()).lemma == "call"  # type: ignore[union-attr]
    assert lex.verb("eat", set()) is None
    # a particle no row names makes another verb: "showed up" is no "show"
    assert lex.verb("show", {"up"}, frozenset({"up"})) is None
    assert lex.verb("point", {"out"}, frozenset({"out"})).lemma == "point out"  # type: ignore[union-attr]


def test_extra_file_adds_cues(tmp_path: Path) -> None:
    extra = tmp_path / "more.tsv"
    extra.write_text("# my cues\nlemma\tpos\ttype\tevent\tobject\n"
                     "grumble\tVERB\tcriticism\tno\tclause\n", encoding="utf-8")
    lex = quotes_cues.read((quotes_cues.DEFAULT, extra))
    assert lex.verb("grumble", set()).type == "criticism"  # type: ignore[union-attr]
    assert lex.verb("say", set()) is not None
