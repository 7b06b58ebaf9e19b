"""rashomon.nlp.quotes.voice: own voice vs quoted voice over Quote records."""

from __future__ import annotations

from rashomon.nlp.quotes.voice import Voices, voice_at
from rashomon.records import Quote

BODY = ('The ministry said "Artsakh forces repelled the attack" on Monday. '
        'Critics called the so-called "regime" illegitimate, officials said.')


def quote(start: int, end: int, kind: str, speaker: str, segments=()) -> Quote:  # type: ignore[no-untyped-def]
    return Quote(id=f"q{start}", article_id="a", text=BODY[start:end], kind=kind,
                 speaker=speaker, speaker_id=speaker.lower(), speaker_text=speaker, cue="say",
                 start=start, end=end, segments=segments)


def test_term_inside_a_direct_quote_is_the_speakers() -> None:
    s = BODY.index("Artsakh")
    q = quote(BODY.index("Artsakh"), BODY.index('" on'), "direct", "Ministry")
    v = voice_at([q], s, s + len("Artsakh"), BODY)
    assert (v.kind, v.speaker, v.own) == ("direct", "Ministry", False)


def test_outlet_words_are_own_and_scare_quotes_are_marked() -> None:
    voices = Voices([], BODY)
    s = BODY.index("Monday")
    assert voices.at(s, s + 6).own
    r = BODY.index("regime")
    assert voices.at(r, r + 6).kind == "scare"


def test_innermost_quote_and_segments() -> None:
    outer = quote(BODY.index("Critics"), BODY.index(", officials"), "indirect", "Officials")
    r = BODY.index("illegitimate")
    split = quote(0, 10, "direct", "Other", segments=((0, 5), (BODY.index("Critics"), len(BODY))))
    voices = Voices([outer, split])
    assert voices.at(r, r + 5).speaker == "Officials"  # the narrower content wins
    assert voices.at(6, 9).own  # between two segments of the split quote
