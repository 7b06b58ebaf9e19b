"""Shared by the quote tests: what the pipeline with actors and quotes (the ``qnlp`` fixture,
``tests/nlp/conftest.py``) finds in a text."""

from __future__ import annotations

from rashomon.records import Article, Quote


def quotes(qnlp, body: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import collect, make_doc

    art = Article(id="t1", source="t", outlet=None, title=None, published=None,
                  language="en", body=body)
    return collect(qnlp(make_doc(qnlp, art)), qnlp).quotes


def pieces(body: str, q: Quote) -> list[str]:
    return [body[a:b] for a, b in (q.segments or ((q.start, q.end),))]
