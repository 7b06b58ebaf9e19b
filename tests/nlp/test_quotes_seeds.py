"""Done-when check on the seed articles (read at run time from ../shared/seeds)."""

from __future__ import annotations

import pytest

from rashomon.records import Article

pytestmark = [pytest.mark.shared, pytest.mark.model]

# (speaker surname, opening words of the direct quote): the acceptance list
EXPECTED = [
    ("Pompeo", "We now have the Turks"),
    ("Lavrov", "We have never considered Turkey"),
    ("Cavusoglu", "Diplomacy hasn't worked for the past 30 years"),
    ("Naryshkin", "These are hundreds or even thousands of radicals"),
    ("Torosyan", "I'm not ruling out"),
]


def _plain(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u2018", "'")


def _fold(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def seed_quotes(seeds):  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, load_nlp, make_doc

    nlp = load_nlp(extractors=["rashomon_actors", "rashomon_quotes"])
    out = []
    for path in sorted(seeds.glob("*.txt")):
        art = Article(id=path.stem, source=str(path), outlet=None, title=None,
                      published=None, language="en", body=path.read_text(encoding="utf-8"))
        out.extend(collect(nlp(make_doc(nlp, art)), nlp).quotes)
    return out


@pytest.mark.parametrize(("surname", "prefix"), EXPECTED)
def test_direct_quote_found_with_speaker(seed_quotes, surname: str, prefix: str) -> None:  # type: ignore[no-untyped-def]
    hits = [q for q in seed_quotes if q.kind == "direct" and _plain(q.text).startswith(prefix)]
    assert hits, f"no direct quote starting {prefix!r}"
    names = [_fold(f"{q.speaker} {q.speaker_text}") for q in hits]
    assert any(surname in n for n in names), names


def test_legal_scare_quote_is_not_speech(seed_quotes) -> None:  # type: ignore[no-untyped-def]
    assert not [q for q in seed_quotes if q.kind == "direct" and q.text.strip("'\u2018\u2019 ") == "legal"]
