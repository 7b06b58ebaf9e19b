"""A big story is aligned in blocks: by date window, then halved along its sentence vectors.

``BLOCK_UNITS`` is lowered here so a few hand-made units make a "big" story.
"""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.crossref.corpus import Corpus
from rashomon.crossref.ledger import anchors, build_ledger
from rashomon.crossref.ledger import blocks as blocks_module
from rashomon.crossref.ledger.blocks import split_blocks
from rashomon.crossref.ledger.frame import Frame
from rashomon.crossref.ledger.units import Unit
from tests.crossref.ledger_fixtures import ACTORS, KESTRIA, VALDORA, article, event, story_of


def _unit(aid: str, start: int, published: str | None = "2031-04-02",
          denial: bool = False) -> Unit:
    return Unit(article_id=aid, outlet=aid, start=start, end=start + 10, text=f"{aid} {start}",
                published=published, frame=Frame(denial=denial))


def test_a_story_of_at_most_block_units_is_one_block() -> None:
    units = [_unit(f"a{i}", 0) for i in range(5)]
    assert split_blocks(units, np.ones((5, 3))) == [[0, 1, 2, 3, 4]]


def test_date_windows_split_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocks_module, "BLOCK_UNITS", 4)
    days = ["2031-04-01", "2031-04-02", "2031-04-20", "2031-04-21", "2031-04-03", None]
    units = [_unit(f"a{i}", 0, d) for i, d in enumerate(days)]
    found = split_blocks(units, np.zeros((6, 3)))
    # days 1-3 are one window (the undated unit joins the biggest), days 20-21 another
    assert sorted(found) == [[0, 1, 4, 5], [2, 3]]


def test_halving_keeps_close_sentences_together(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocks_module, "BLOCK_UNITS", 4)
    rng = np.random.default_rng(0)
    centres = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 6.0, 0.0]])
    which = [0, 1, 2, 0, 1, 2, 2, 1, 0, 0, 1, 2]  # three facts of four tellings, interleaved
    vectors = centres[which] + rng.normal(scale=0.01, size=(12, 3))
    units = [_unit(f"a{i}", 0) for i in range(12)]
    found = split_blocks(units, vectors)
    assert all(len(b) <= 4 for b in found)
    assert sorted(found) == sorted([i for i, w in enumerate(which) if w == k] for k in range(3))


def test_a_denial_stays_with_the_sentence_before_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocks_module, "BLOCK_UNITS", 2)
    units = [_unit("a", 0), _unit("a", 20, denial=True), _unit("b", 0), _unit("c", 0)]
    vectors = np.array([[0.0, 1.0], [5.0, 0.0], [0.0, 1.1], [5.0, 0.1]])  # the denial lies apart
    found = split_blocks(units, vectors)
    assert next(b for b in found if 0 in b) == [0, 1, 2]
    assert [3] in found


def test_the_ledger_aligns_a_big_story_block_by_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocks_module, "BLOCK_UNITS", 4)
    seen: list[int] = []
    scores = anchors.anchor_scores_both

    def spy(units, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(len(units))
        return scores(units, *args, **kwargs)

    monkeypatch.setattr(anchors, "anchor_scores_both", spy)
    closed = "Kestria closed its border with Valdora on Monday."
    shelled = "Kestria shelled the Valdoran town of Osk at night."
    arts = [article(f"a{i}", f"Outlet {i}", closed) for i in range(4)]
    arts += [article(f"b{i}", f"Outlet {i}", shelled, published="2031-05-20") for i in range(4)]
    events = [event(a, closed, "BLOCK", "asserted", KESTRIA, VALDORA) for a in arts[:4]]
    events += [event(a, shelled, "ASSAULT", "asserted", KESTRIA, VALDORA) for a in arts[4:]]
    ledger = build_ledger(story_of(*arts), Corpus(articles=arts, actors=ACTORS, events=events))
    assert seen and max(seen) <= 4  # no alignment saw the whole story
    rows = {frozenset(s.article_id for s in c.stances) for c in ledger.claims}
    assert frozenset(a.id for a in arts[:4]) in rows  # each window's fact is still one row
    assert frozenset(a.id for a in arts[4:]) in rows
