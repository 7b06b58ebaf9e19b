"""Inferred publication dates on the seed articles (read from ../shared at run time).

Four of the five seeds state no date of their own; they cover the 2020 Nagorno-Karabakh
war (from 27 September 2020). Ranges, not per-seed answers, are asserted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rashomon.clean.dating import parse_window
from rashomon.store.db import Store

pytestmark = [pytest.mark.shared, pytest.mark.model]

# The war began on 27 September; an article bounded only by its story (no shared fact with a
# dated one) gets the loose story window, two weeks either side of the dated articles.
WAR = date(2020, 9, 13), date(2020, 10, 31)


def test_undated_seeds_get_windows_in_the_weeks_of_the_war(seeds_db: Path, seeds: Path) -> None:
    from rashomon.clean import clean
    from rashomon.crossref.dating import story_dates
    from rashomon.ingest import read_path

    with Store(seeds_db, read_only=True) as store:
        articles, stories = store.read("articles"), store.read("stories")
        claims, dates = store.read("claims"), store.read("dates")
    changed, resolved = story_dates(articles, stories, claims, dates)
    final = {a.id: a for a in articles} | {a.id: a for a in changed}
    # ``published`` is the cleaner's, never changed by inference.
    cleaned = {}
    for path in sorted(seeds.glob("0*.txt")):
        raw = next(iter(read_path(path)))
        assert not isinstance(raw, Exception)
        a, _ = clean(raw)
        cleaned[a.id] = a.published
    assert {aid: a.published for aid, a in final.items()} == cleaned
    undated = [a for a in final.values() if a.published is None]
    assert len(undated) == 4
    for a in undated:
        window = parse_window(a.published_window)
        assert window is not None, a.source
        assert WAR[0] <= window[0] <= window[1] <= WAR[1], (a.source, a.published_window)
        assert a.published_inferred and window[0] <= date.fromisoformat(a.published_inferred) <= window[1]
        assert a.published_evidence
    stored = {d.id: d for d in dates} | {d.id: d for d in resolved}
    inferred = [d for d in stored.values() if d.anchor == "inferred"]
    assert inferred, "relative dates of undated seeds are resolved against the inferred day"
    for d in inferred:
        assert final[d.article_id].published is None
        assert d.value and d.value.startswith("2020"), (d.text, d.value)
        if len(d.value) >= 10 and d.value[7] == "-":  # a day ("2020-09-27", "2020-09-29TMO")
            assert WAR[0] <= date.fromisoformat(d.value[:10]) <= WAR[1], (d.text, d.value)
