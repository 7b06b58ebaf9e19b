"""Every custom attribute rashomon puts on spaCy objects, registered once, here.

Components declare what they read and write in their factory's ``requires`` and
``assigns`` with these names, so ``nlp.analyze_pipes()`` checks the pipeline:

- ``doc._.<attr>`` for the doc attributes below;
- ``doc._.<span key>`` for each span group: a read-only view of ``doc.spans[key]``
  (empty when no component wrote it). spaCy's declarations know ``doc.spans`` only as a
  whole, so each group gets its own name to be declared by;
- ``span._.<attr>`` for the span attributes.

The article fields are set by :func:`rashomon.nlp.pipeline.make_doc`; the
``rashomon_article`` component is their declared source (and gives a doc made by
``nlp(text)`` an empty scratch dict).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token

# Span groups, by key: the component writing them is in the comment.
MENTIONS = "rashomon_mentions"  # rashomon_actors
DATES = "rashomon_dates"  # rashomon_dates
PLACES = "rashomon_places"  # rashomon_places
QUOTES = "rashomon_quotes"  # rashomon_quotes
SCARE_QUOTES = "rashomon_scare_quotes"  # rashomon_quotes
FIGURES = "rashomon_figures"  # rashomon_figures
EVENTS = "rashomon_events"  # rashomon_events
SPAN_GROUPS = (MENTIONS, DATES, PLACES, QUOTES, SCARE_QUOTES, FIGURES, EVENTS)

_DOC = {
    "article_id": None,  # str
    "published": None,  # "YYYY-MM-DD" or None: anchors relative dates and role look-ups
    "outlet": None,  # str or None
    "actors": None,  # dict[str, Actor]: actors met in this doc (gazetteer + provisional)
    "demonyms": None,  # dict[str, Actor]: demonym/metonym -> country actor (the actors' gazetteer)
    "line_breaks": None,  # tuple[int, ...]: tokens after a line break made sentence starts
    "data": None,  # dict[str, object]: per-component scratch results and per-doc caches
}
_SPAN = {
    "actor_id": None,  # mentions: the canonical actor
    "link": None,  # mentions: how the mention was linked
    "data": None,  # component-specific details (a dict), see each component's docstring
}
# The article fields, as declared by rashomon_article.
ARTICLE_ATTRS = ["doc._.article_id", "doc._.published", "doc._.outlet", "doc._.data"]


def _group_getter(key: str):  # type: ignore[no-untyped-def]
    def get(doc: Doc) -> SpanGroup | tuple[()]:
        return doc.spans[key] if key in doc.spans else ()

    return get


def register() -> None:
    """Register the extensions; safe to call more than once."""
    for name, default in _DOC.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for key in SPAN_GROUPS:
        if not Doc.has_extension(key):
            Doc.set_extension(key, getter=_group_getter(key))
    for name, default in _SPAN.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


@Language.component("rashomon_article", assigns=ARTICLE_ATTRS)
def article(doc: Doc) -> Doc:
    """The declared source of the article fields (set by ``make_doc``): a doc made by
    ``nlp(text)`` gets the empty scratch dict the per-doc caches below use."""
    if doc._.data is None:
        doc._.data = {}
    return doc


def sentence_bounds(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    """Character bounds of the sentence(s) holding ``[start_char, end_char)``."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return 0, len(doc_text(doc))
    first = sent_bounds_of(span[0])[0]
    last = sent_bounds_of(span[-1])[1] if len(span) else first
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)


def sent_bounds_of(token: Token) -> tuple[int, int]:
    """Token bounds ``(start, end)`` of the token's sentence, in O(1) after one pass per doc.

    ``Token.sent`` scans outwards for the sentence edges on every call, which makes
    per-token loops quadratic on long sentences; this caches the edges in
    ``doc._.data["sent_bounds"]``.
    """
    doc = token.doc
    data = doc._.data
    bounds = data.get("sent_bounds") if data is not None else None
    if bounds is None or len(bounds) != len(doc):
        if not doc.has_annotation("SENT_START"):  # O(n): only reached once per doc
            return 0, len(doc)
        if data is None:
            sent = token.sent
            return sent.start, sent.end
        bounds = [(0, 0)] * len(doc)
        for sent in doc.sents:
            edge = (sent.start, sent.end)
            for i in range(sent.start, sent.end):
                bounds[i] = edge
        data["sent_bounds"] = bounds
    return bounds[token.i]


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached: spaCy rebuilds the string from every token on each access,
    so ``doc.text[a:b]`` inside a loop is quadratic."""
    data = doc._.data
    if data is None:
        return doc.text
    text = data.get("text")
    if text is None:
        text = data["text"] = doc.text
    return text


def sent_of(token: Token) -> Span:
    """``token.sent`` without the per-call scan (see :func:`sent_bounds_of`)."""
    start, end = sent_bounds_of(token)
    return token.doc[start:end]


register()
