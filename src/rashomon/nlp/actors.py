"""``rashomon_actors``: link every mention of a person, government, armed group or
organisation to one canonical actor.

PROVISIONAL VERSION (foundation): links named entities to provisional actors by
exact name. The actors issue replaces the linking; the public interface below
is what other components rely on and must stay:

- ``doc.spans["rashomon_mentions"]``: mention spans with ``span._.actor_id`` and
  ``span._.link``;
- ``doc._.actors``: ``{actor_id: Actor}`` for every actor mentioned in the doc;
- :func:`mention_at` and :func:`resolve_speaker`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from rashomon.nlp.extensions import sentence_bounds
from rashomon.nlp.registry import collector
from rashomon.records import Actor, Mention, content_id

SPANS_KEY = "rashomon_mentions"
_KINDS = {"PERSON": "person", "ORG": "other", "GPE": "state", "NORP": "other"}


@Language.factory(
    "rashomon_actors",
    requires=["doc.ents", "token.dep"],
    assigns=["doc.spans", "span._.actor_id", "span._.link", "doc._.actors"],
)
def make_actors(nlp: Language, name: str) -> "ActorLinker":
    return ActorLinker()


class ActorLinker:
    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            doc._.actors = {}
        spans = []
        for ent in doc.ents:
            kind = _KINDS.get(ent.label_)
            if kind is None:
                continue
            actor = Actor(id=content_id(ent.text.lower(), prefix="p:"), name=ent.text,
                          kind=kind, provisional=True)
            doc._.actors.setdefault(actor.id, actor)
            span = Span(doc, ent.start, ent.end, label="ACTOR")
            span._.actor_id = actor.id
            span._.link = "provisional"
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


def mention_at(doc: Doc, start_char: int, end_char: int) -> Span | None:
    """The mention overlapping ``[start_char, end_char)`` (longest first), if any."""
    best = None
    for span in doc.spans.get(SPANS_KEY, []):
        if span.start_char < end_char and start_char < span.end_char:
            if best is None or len(span) > len(best):
                best = span
    return best


def resolve_speaker(doc: Doc, token: Token | Span) -> Span | None:
    """The mention that a subject token (name, title or pronoun) refers to."""
    span = token if isinstance(token, Span) else doc[token.i : token.i + 1]
    if isinstance(token, Token):
        span = doc[token.left_edge.i : token.right_edge.i + 1]
    return mention_at(doc, span.start_char, span.end_char)


@collector("rashomon_actors")
def collect(doc: Doc) -> list[object]:
    out: list[object] = list((doc._.actors or {}).values())
    for span in doc.spans.get(SPANS_KEY, []):
        s, e = sentence_bounds(doc, span.start_char, span.end_char)
        out.append(Mention(
            id=content_id(doc._.article_id, "mention", span.start_char, span.end_char),
            article_id=doc._.article_id, actor_id=span._.actor_id, text=span.text,
            start=span.start_char, end=span.end_char, link=span._.link or "",
            sent_start=s, sent_end=e,
        ))
    return out
