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


def all_events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    """Every event record of one article whose body is ``text``, in reading order."""
    from rashomon.nlp.pipeline import collect, make_doc

    art = Article(id="t", source="t", outlet="Test Wire", title=None, published="2021-03-04",
                  language="en", body=text)
    return collect(nlp(make_doc(nlp, art)), nlp).events


def top_events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    """The events no other event holds (``parent_id`` None)."""
    return [e for e in all_events(nlp, text) if e.parent_id is None]


def coded(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(type, status) of each top-level event."""
    return [(e.type, e.status) for e in top_events(nlp, text)]
