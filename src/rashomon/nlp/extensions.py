"""Every custom attribute rashomon puts on spaCy objects, registered once, here.

Doc attributes are set by :func:`rashomon.nlp.pipeline.make_doc` before the
components run; span attributes are written by the components.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_DOC = {
    "article_id": None,  # str
    "published": None,  # "YYYY-MM-DD" or None: anchors relative dates and role look-ups
    "outlet": None,  # str or None
    "actors": None,  # dict[str, Actor]: actors met in this doc (gazetteer + provisional)
    "data": None,  # dict[str, object]: per-component scratch results (e.g. collected records)
}
_SPAN = {
    "actor_id": None,  # mentions: the canonical actor
    "link": None,  # mentions: how the mention was linked
    "data": None,  # component-specific details (a dict), see each component's docstring
}


def register() -> None:
    """Register the extensions; safe to call more than once."""
    for name, default in _DOC.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def sentence_bounds(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    """Character bounds of the sentence(s) holding ``[start_char, end_char)``."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return 0, len(doc.text)
    first = span[0].sent
    last = span[-1].sent if len(span) else first
    return first.start_char, last.end_char


register()
