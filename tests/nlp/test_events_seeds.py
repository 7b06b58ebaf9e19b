"""Done-when check on the seed articles (read at run time from ../shared/seeds)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from rashomon.records import Article, Event

pytestmark = [pytest.mark.shared, pytest.mark.model]


def _fold(s: str | None) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s or "") if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def seed_events(seeds: Path, nlp) -> dict[str, list[Event]]:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import extract

    articles = [Article(id=p.stem, source=str(p), outlet=None, title=None, published=None,
                        language="en", body=p.read_text(encoding="utf-8"))
                for p in sorted(seeds.glob("*.txt"))]
    return {x.article_id: x.events for x in extract(nlp, articles)}


def _all(seed_events: dict[str, list[Event]]) -> list[Event]:
    return [e for events in seed_events.values() for e in events]


def test_us_brokered_truce(seed_events: dict[str, list[Event]]) -> None:
    assert any(e.type == "AGREE" and "United States" in (e.source or "") and e.status == "asserted"
               for e in _all(seed_events))
    assert any(e.type == "RETREAT" and e.mode == "ceasefire" for e in _all(seed_events))


def test_shelling_of_cities(seed_events: dict[str, list[Event]]) -> None:
    shelling = [e for e in _all(seed_events) if e.type == "ASSAULT" and e.mode == "heavy-weapons"]
    assert any("Stepanakert" in (e.place or "") for e in shelling)
    assert any("Stepanakert" in e.sentence and "Ganja" in e.sentence and e.status == "asserted"
               for e in shelling)


def test_fighters_sent_alleged_and_denied(seed_events: dict[str, list[Event]]) -> None:
    aid = [e for e in _all(seed_events) if e.type in {"AID", "MOBILIZE"}]
    assert any(e.status == "asserted" and e.source == "Turkey" for e in aid)
    assert any(e.status == "alleged" and e.claimant for e in aid)
    denied = [e for e in aid if e.status == "denied"]
    assert any(e.claimant == "Turkey" and e.parent_id for e in denied)


def test_lavrov_cavusoglu_phone_call(seed_events: dict[str, list[Event]]) -> None:
    calls = [e for e in _all(seed_events) if e.type == "CONSULT" and e.mode == "phone"]
    assert any("Lavrov" in e.source and "Cavusoglu" in _fold(e.source)
               for e in calls if e.source)


def test_aliyev_threat(seed_events: dict[str, list[Event]]) -> None:
    assert any(e.type == "THREATEN" and "Aliyev" in (e.source or "") and e.status == "asserted"
               and "F-16" in e.sentence for e in _all(seed_events))


def test_conditional_offer_of_support_is_hypothetical(seed_events: dict[str, list[Event]]) -> None:
    offers = [e for e in _all(seed_events) if e.type in {"AID", "SUPPORT"} and e.source == "Turkey"
              and " if " in e.sentence]
    assert offers and all(e.status == "hypothetical" for e in offers)
