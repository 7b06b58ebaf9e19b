"""How each outlet frames one story: names, words, voices, omissions, alignment.

``compute_framing(story, corpus, claims)`` is a pure function over records; the
cross-outlet stage calls it once per story. Every row is a
:class:`~rashomon.records.Framing` with ``detail`` as JSON text (counts per
article and character offsets as evidence). The kinds:

- ``term``: a naming choice. ``key`` is the referent, ``value`` the name, ``score``
  how often the outlet used it (see :mod:`rashomon.crossref.framing.terms`).
- ``vocabulary``: with key ``distinctive words``, a word whose ``score`` is its
  log-odds z-score against the story's other outlets
  (:mod:`rashomon.crossref.framing.words`); with key ``loaded language``, a loaded
  word no other outlet of the story used, ``score`` its count
  (:mod:`rashomon.crossref.framing.loaded`).
- ``voice``: ``key`` the speaker's side, ``value`` the speaker, ``score`` quotes.
- ``omission``: ``key`` the claim's statement, ``value`` its id, ``score`` how many
  other outlets report it.
- ``alignment``: ``key`` the side the outlet leans to (or "balanced"), ``score``
  the lean (share points over the story's mix) or 1.0 when labelled by the user.

Docs: ``docs/framing.md``.
"""

from __future__ import annotations

import weakref
from collections import Counter

from rashomon.crossref.corpus import Corpus
from rashomon.crossref.framing.lexicon import (
    Sides,
    TermGroup,
    default_sides,
    load_lexicon,
    load_sides,
)
from rashomon.crossref.framing.loaded import loaded_vocabulary
from rashomon.crossref.framing.terms import discovered_terms, lexicon_terms
from rashomon.crossref.framing.view import StoryView
from rashomon.crossref.framing.voices import alignment, omissions, voices
from rashomon.crossref.framing.words import distinctive_vocabulary, tokenize
from rashomon.records import Claim, Framing, Story

_background: tuple[weakref.ref[Corpus], int, Counter[str]] | None = None


def _corpus_background(corpus: Corpus) -> Counter[str]:
    """Corpus-wide word counts, computed once per corpus (stories share the prior)."""
    global _background
    if _background is None or _background[0]() is not corpus or _background[1] != len(
        corpus.articles
    ):
        counts: Counter[str] = Counter()
        for article in corpus.articles:
            counts.update(tokenize(article.body))
        _background = (weakref.ref(corpus), len(corpus.articles), counts)
    return _background[2]


def compute_framing(
    story: Story,
    corpus: Corpus,
    claims: list[Claim],
    *,
    sides: Sides | None = None,
    groups: tuple[TermGroup, ...] | None = None,
) -> list[Framing]:
    """Every framing row for one story.

    Args:
        story: the story; its ``article_ids`` select the articles from ``corpus``.
        corpus: all records of the per-article stage.
        claims: the claims ledger (only this story's claims are used).
        sides: user-labelled sides; ``$RASHOMON_SIDES`` when None.
        groups: competing-name groups; the built-in lexicon plus ``$RASHOMON_FRAMING`` when None.
    """
    view = StoryView.build(story, corpus)
    if not view.articles:
        return []
    sides = default_sides() if sides is None else sides
    groups = load_lexicon() if groups is None else groups
    terms = lexicon_terms(view, groups) + discovered_terms(view, groups)
    voice_rows = voices(view, sides)
    rows = terms
    rows += distinctive_vocabulary(view, _corpus_background(corpus))
    rows += loaded_vocabulary(view)
    rows += voice_rows
    rows += omissions(view, claims)
    rows += alignment(view, voice_rows, terms, sides)
    # Two referents can share a display name (two actors called alike): keep the
    # first row per id so the store's primary key holds.
    seen: set[str] = set()
    unique = []
    for row in rows:
        if row.id not in seen:
            seen.add(row.id)
            unique.append(row)
    return unique


__all__ = ["Sides", "compute_framing", "load_lexicon", "load_sides"]
