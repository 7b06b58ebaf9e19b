"""Blocks: a big story's units cut into parts the ledger aligns one at a time.

Alignment compares every pair of a story's units that share an informative token, and in a
story of thousands of sentences about one topic that is most pairs: its cost grows with the
square of the story. A story of at most ``BLOCK_UNITS`` units is one block, aligned whole as
before. A bigger one is cut where its dates leave a gap of more than ``WINDOW_GAP_DAYS`` (a fact
is retold within days), and every part still above ``BLOCK_UNITS`` is halved along the main
direction of its sentence vectors, at the widest gap between neighbouring units near the middle,
until no part is bigger: retellings of one fact lie close together, so they fall on one side.
A denial travels with the sentence before it in its article (the fact it may answer). The
ledger's work is then O(n log n) for the cuts plus O(n · ``BLOCK_UNITS``) for alignment; the
price is that two tellings of one fact left in different blocks are not joined.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rashomon.clean.dating import day_number
from rashomon.crossref.ledger.joins import told_before
from rashomon.crossref.ledger.units import Unit

BLOCK_UNITS = 600  # the most units aligned together (denials riding with their fact aside)
WINDOW_GAP_DAYS = 3  # days without a sentence that end one window of a big story
MIDDLE = 0.3  # a halving cut falls between this share of the part and its complement
POWER_STEPS = 20  # power-iteration steps for a part's main axis (a rough one cuts well enough)


def split_blocks(units: Sequence[Unit], vectors: np.ndarray | None) -> list[list[int]]:
    """Unit indices per block, each list ascending; one block holding every unit when the story
    has at most ``BLOCK_UNITS``.

    Args:
        units: the story's units, in story order (by article, then offset).
        vectors: one row per unit (the ledger's centred sentence vectors).
    """
    n = len(units)
    if n <= BLOCK_UNITS or vectors is None:
        return [list(range(n))]
    head = _heads(units)
    leaders = [i for i in range(n) if head[i] == i]
    parts = [half for window in _windows(units, leaders) for half in _halve(window, vectors)]
    where = {i: k for k, part in enumerate(parts) for i in part}
    for i in range(n):
        if head[i] != i:
            parts[where[head[i]]].append(i)
    return [sorted(part) for part in parts]


def _heads(units: Sequence[Unit]) -> list[int]:
    """The unit each unit travels with: a denial goes with the nearest earlier unit of its
    article that is no denial (where ``antecedents`` and ``attach_denials`` look), else itself."""
    head = list(range(len(units)))
    for i, u in enumerate(units):
        if u.frame.denial and (j := told_before(units, i)) is not None:
            head[i] = j
    return head


def _windows(units: Sequence[Unit], idx: list[int]) -> list[list[int]]:
    """``idx`` cut where the dates leave a gap of more than ``WINDOW_GAP_DAYS``; undated units
    join the biggest window."""
    days = {i: day_number(units[i].published) for i in idx}
    dated = sorted((i for i in idx if days[i] is not None), key=lambda i: (days[i], i))
    windows: list[list[int]] = []
    last: int | None = None
    for i in dated:
        day = days[i]
        assert day is not None
        if last is None or day - last > WINDOW_GAP_DAYS:
            windows.append([])
        windows[-1].append(i)
        last = day
    undated = [i for i in idx if days[i] is None]
    if not windows:
        return [undated]
    max(windows, key=len).extend(undated)
    return [sorted(w) for w in windows]


def _halve(part: list[int], vectors: np.ndarray) -> list[list[int]]:
    """``part`` halved along its vectors' first principal axis until no piece has more than
    ``BLOCK_UNITS`` units; each cut at the widest gap between neighbours in its middle
    ``1 - 2·MIDDLE`` share."""
    out: list[list[int]] = []
    todo = [part]
    while todo:
        piece = todo.pop()
        if len(piece) <= BLOCK_UNITS:
            out.append(piece)
            continue
        x = vectors[piece].astype(np.float64)
        x -= x.mean(axis=0)
        proj = x @ _main_axis(x)
        order = np.argsort(proj, kind="stable")
        ranked = proj[order]
        lo = max(1, int(MIDDLE * len(piece)))
        hi = len(piece) - lo
        cut = lo + int(np.argmax(ranked[lo:hi + 1] - ranked[lo - 1:hi]))
        arr = np.asarray(piece)
        todo.append(sorted(arr[order[cut:]].tolist()))
        todo.append(sorted(arr[order[:cut]].tolist()))
    return out


def _main_axis(x: np.ndarray) -> np.ndarray:
    """The first principal axis of centred rows, by power iteration from the longest row:
    O(rows · columns) per step, where a full SVD would cost far more on big parts."""
    axis = x[int(np.argmax((x * x).sum(axis=1)))].copy()
    for _ in range(POWER_STEPS):
        axis = x.T @ (x @ axis)
        norm = np.linalg.norm(axis)
        if norm == 0:
            break
        axis /= norm
    return axis


__all__ = ["BLOCK_UNITS", "split_blocks"]
