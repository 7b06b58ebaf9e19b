"""Mention spans the resolvers make and look up: the longest mention holding a token, and a
new mention for an antecedent's actor (a pronoun's or a description's)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from rashomon.nlp.extensions import MENTIONS as SPANS_KEY


def linked(doc: Doc, start: int, end: int, antecedent: Span, link: str) -> Span:
    """A new mention span over ``[start, end)`` for the antecedent's actor."""
    span = Span(doc, start, end, label="ACTOR")
    span._.actor_id = antecedent._.actor_id
    span._.link = link
    actor = (doc._.actors or {}).get(antecedent._.actor_id)
    span._.data = {"kind": getattr(actor, "kind", None),
                   "antecedent": (antecedent.start_char, antecedent.end_char)}
    return span


def containing(doc: Doc, token: Token) -> Span | None:
    hits = [s for s in doc.spans.get(SPANS_KEY, []) if s.start <= token.i < s.end]
    return max(hits, key=len) if hits else None

