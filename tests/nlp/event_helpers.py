"""Shared by the event tests that read the real parser's output on sentences we wrote."""

from __future__ import annotations

from rashomon.records import Article, Event


def events(nlp, text: str) -> dict[str, Event]:  # type: ignore[no-untyped-def]
    """Events by trigger text (the first of each)."""
    from rashomon.nlp.pipeline import collect, make_doc

    art = Article(id="t", source="t", outlet="Test Wire", title=None, published="2021-03-04",
                  language="en", body=text)
    out: dict[str, Event] = {}
    for e in collect(nlp(make_doc(nlp, art)), nlp).events:
        out.setdefault(e.trigger, e)
    return out
