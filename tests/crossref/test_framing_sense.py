"""Framing counts a term only in its framing sense, for its referent, in the outlet's voice."""

from __future__ import annotations

from rashomon.crossref.framing.sense import QuoteIndex, foreign_referents, other_sense
from rashomon.records import Quote


def _at(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def test_technical_and_prefixed_senses_are_not_the_loaded_word() -> None:
    text = "Both sides broke the ceasefire regime and called the regime illegitimate."
    assert other_sense(text, *_at(text, "regime"))
    second = text.rindex("regime")
    assert not other_sense(text, second, second + 6)
    anti = "They set up an anti-terrorist task force against terrorists."
    assert other_sense(anti, *_at(anti, "terrorist"))
    last = anti.rindex("terrorists")
    assert not other_sense(anti, last, last + 10)


def test_a_qualifier_one_outlet_alone_uses_names_another_referent() -> None:
    texts = {"a": "Kurdish rebels attacked a post.", "b": "The rebels held the hills.",
             "c": "Rebels shelled the town."}
    hits = [("A", "a", *_at(texts["a"], "rebels")), ("B", "b", *_at(texts["b"], "rebels")),
            ("C", "c", *_at(texts["c"], "Rebels"))]
    assert foreign_referents(hits, texts) == {0}


def test_words_inside_a_direct_quote_are_the_speakers() -> None:
    body = '"The regime lies," the minister said. The regime fell.'
    q = Quote(id="q", article_id="a", text="The regime lies,", kind="direct", speaker="Minister X",
              speaker_id="p.x", speaker_text="the minister", cue="say", start=1, end=17,
              sent_start=0, sent_end=37)
    index = QuoteIndex([q], body)
    assert index.speaker_at(*_at(body, "regime")) == "Minister X"
    later = body.rindex("regime")
    assert index.speaker_at(later, later + 6) is None
    indirect = Quote(**{**q.__dict__, "kind": "indirect"})
    assert QuoteIndex([indirect], body).speaker_at(*_at(body, "regime")) is None
