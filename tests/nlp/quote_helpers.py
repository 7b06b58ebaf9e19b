"""Shared by the quote tests: what the pipeline with actors and quotes (the ``qnlp`` fixture,
``tests/nlp/conftest.py``) finds in a text."""

from __future__ import annotations

from typing import Any

from rashomon.records import Article, Quote


def quotes(qnlp, body: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc

    art = Article(id="t1", source="t", outlet=None, title=None, published=None,
                  language="en", body=body)
    return collect(qnlp(make_doc(qnlp, art)), qnlp).quotes


def pieces(body: str, q: Quote) -> list[str]:
    return [body[a:b] for a, b in (q.segments or ((q.start, q.end),))]


def hand_parse(words: list[str], heads: list[int], deps: list[str], pos: list[str],
               **more: Any) -> Any:
    """A Doc with a parse written by hand (the parser's misreadings the rules must survive):
    one space after each word but before "," and "." and at the end; ``more`` passes ``tags``
    or ``lemmas`` on to spaCy's ``Doc``."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    spaces = [k + 1 < len(words) and words[k + 1] not in (",", ".") for k in range(len(words))]
    return Doc(English().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, **more)
