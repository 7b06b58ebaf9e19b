"""rashomon_dates on the seed articles (read from ../shared at run time)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.shared, pytest.mark.model]


def test_seed_003_weekdays_resolve_from_its_own_date(seeds: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.clean import clean
    from rashomon.ingest import read_path
    from rashomon.nlp.pipeline import collect, make_doc

    path = next(seeds.glob("003_*.txt"))
    raw = next(iter(read_path(path)))
    assert not isinstance(raw, Exception)
    article, _ = clean(raw)
    # A missing date is a regression, not a missing prerequisite: fail, never skip.
    assert article.published == "2020-09-30", "the cleaner found no (or the wrong) publication date"
    dates = collect(nlp(make_doc(nlp, article)), nlp).dates
    by_text: dict[str, set[str | None]] = {}
    for d in dates:
        by_text.setdefault(d.text, set()).add(d.value)
    assert by_text["Sunday"] == {"2020-09-27"}
    assert by_text["Wednesday"] == {"2020-09-30"}
    for d in dates:  # provenance: offsets point at the words
        assert article.body[d.start:d.end] == d.text
