"""A small fictional story in a DuckDB file, shaped like the store writes it.

The outlets, people and places are invented. One article carries HTML/JS payloads
in its title, outlet name and body so every view can be checked for escaping.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rashomon.records import (
    Actor, Article, Claim, Contradiction, DateRef, Event, Figure, Framing,
    Mention, Place, Quote, Removed, Side, Stance, Story, content_id,
)
from rashomon.store.db import Store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '<img src=x onerror="alert(2)">'
EVIL_OUTLET = 'The "Evil" <b>Gazette</b>'

BODIES = {
    "a1": (
        "Varden army shelled the town of Kestrel on Monday, officials in Lorin said. "
        "\"We will not accept this aggression,\" said Mara Voss, the Lorin foreign minister. "
        "At least 12 civilians were killed in the shelling, the ministry said. "
        "The Varden defence ministry denied that its forces shelled Kestrel."
    ),
    "a2": (
        "Lorin forces attacked positions near Ostrov on Sunday, the Varden defence ministry "
        "said. \"Our troops repelled the attack,\" said Ivo Brandt, a ministry spokesman. "
        "Lorin said 4 soldiers died near Ostrov."
    ),
    "a3": (
        "Diplomats met in Genval on Tuesday to discuss a ceasefire between Lorin and Varden. "
        "Mara Voss said the talks were useful. Varden army shelled the town of Kestrel, "
        "according to Lorin."
    ),
    "a4": (
        f"Readers wrote {XSS_SCRIPT} and {XSS_IMG} into the comments about Kestrel. "
        "\"Nothing happened there,\" said Ivo Brandt."
    ),
}

OUTLETS = {"a1": "Northern Ledger", "a2": "Harbor Times", "a3": "Valley Courier",
           "a4": EVIL_OUTLET}
TITLES = {"a1": "Shelling hits Kestrel", "a2": "Border clash near Ostrov",
          "a3": "Ceasefire talks open in Genval", "a4": f"Comment storm {XSS_SCRIPT}"}
DATES = {"a1": "2031-03-04", "a2": "2031-03-03", "a3": "2031-03-05", "a4": "2031-03-06"}


def _span(aid: str, text: str, nth: int = 0) -> tuple[int, int]:
    body = BODIES[aid]
    at = -1
    for _ in range(nth + 1):
        at = body.index(text, at + 1)
    return at, at + len(text)


def _sent(aid: str, start: int) -> tuple[int, int]:
    body = BODIES[aid]
    lo = body.rfind(". ", 0, start)
    lo = 0 if lo < 0 else lo + 2
    hi = body.find(". ", start)
    hi = len(body) if hi < 0 else hi + 1
    return lo, hi


def build_records() -> dict[str, list[Any]]:
    """The fictional story as records, keyed by table."""
    ids = {k: content_id("article", k) for k in BODIES}
    arts = [
        Article(id=ids[k], source=f"fixture/{k}.txt", outlet=OUTLETS[k], title=TITLES[k],
                published=DATES[k], language="en", body=BODIES[k],
                removed=(Removed(text=f"Subscribe now {XSS_IMG}", reason="boilerplate",
                                 line=0),) if k in ("a1", "a4") else (),
                story_id="s1", url=f"https://example.org/{k}", reader="text",
                words=len(BODIES[k].split()))
        for k in BODIES
    ]
    other = Article(id=content_id("article", "b1"), source="fixture/b1.txt", outlet="Harbor Times",
                    title="Harbour festival opens", published="2031-02-01", language="en",
                    body="The harbour festival opened with music.", story_id="s2", words=6)
    arts.append(other)
    varden = Actor(id="A-VARDEN", name="Varden", kind="state", country="VAR")
    lorin = Actor(id="A-LORIN", name="Lorin", kind="state", country="LOR")
    voss = Actor(id="A-VOSS", name="Mara Voss", kind="person", country="LOR")
    brandt = Actor(id="A-BRANDT", name="Ivo Brandt", kind="person", country="VAR")
    actors = [varden, lorin, voss, brandt]

    mentions = []
    for k, name, actor in [("a1", "Varden", varden), ("a1", "Mara Voss", voss),
                           ("a2", "Ivo Brandt", brandt), ("a2", "Lorin", lorin),
                           ("a3", "Mara Voss", voss), ("a4", "Ivo Brandt", brandt)]:
        s, e = _span(k, name)
        mentions.append(Mention(id=content_id(ids[k], "mention", s, e), article_id=ids[k],
                                actor_id=actor.id, text=name, start=s, end=e, link="gazetteer"))

    def quote(k: str, text: str, speaker: Actor) -> Quote:
        s, e = _span(k, text)
        ss, se = _span(k, speaker.name, 0)
        lo, hi = _sent(k, s)
        return Quote(id=content_id(ids[k], "quote", s, e), article_id=ids[k], text=text,
                     kind="direct", speaker=speaker.name, speaker_id=speaker.id,
                     speaker_text=speaker.name, cue="say", start=s, end=e,
                     speaker_start=ss, speaker_end=se, sent_start=lo, sent_end=hi)

    quotes = [
        quote("a1", "We will not accept this aggression,", voss),
        quote("a2", "Our troops repelled the attack,", brandt),
        quote("a3", "the talks were useful", voss),
        quote("a4", "Nothing happened there,", brandt),
    ]

    def event(k: str, trigger: str, typ: str, src: Actor, tgt: Actor | None, date: str | None,
              status: str = "asserted", latlon: tuple[float, float] | None = None,
              place: str | None = None, nth: int = 0) -> Event:
        s, e = _span(k, trigger, nth)
        lo, hi = _sent(k, s)
        return Event(id=content_id(ids[k], "event", s, e, typ), article_id=ids[k],
                     sentence=BODIES[k][lo:hi], type=typ, mode=None, source=src.name,
                     source_id=src.id, target=tgt.name if tgt else None,
                     target_id=tgt.id if tgt else None, date=date, place=place, status=status,
                     start=s, end=e, trigger=trigger,
                     lat=latlon[0] if latlon else None, lon=latlon[1] if latlon else None,
                     sent_start=lo, sent_end=hi)

    events = [
        event("a1", "shelled", "ASSAULT", varden, lorin, "2031-03-03",
              latlon=(41.2, 45.1), place="Kestrel"),
        event("a1", "denied", "REJECT", varden, lorin, "2031-03-04"),
        event("a2", "attacked", "ASSAULT", lorin, varden, "2031-03-02", status="alleged",
              latlon=(41.9, 44.2), place="Ostrov"),
        event("a3", "met", "CONSULT", lorin, varden, "2031-03-05",
              latlon=(46.5, 6.6), place="Genval"),
        event("a3", "shelled", "ASSAULT", varden, lorin, None, status="alleged"),
    ]

    def figure(k: str, text: str, value: float, unit: str, by: Actor | None) -> Figure:
        s, e = _span(k, text)
        lo, hi = _sent(k, s)
        return Figure(id=content_id(ids[k], "figure", s, e), article_id=ids[k], text=text,
                      value=value, low=value, high=None, unit=unit,
                      claimed_by=by.name if by else None, start=s, end=e,
                      claimed_by_id=by.id if by else None, sent_start=lo, sent_end=hi)

    figures = [figure("a1", "At least 12 civilians", 12, "civilian deaths", lorin),
               figure("a2", "4 soldiers", 4, "deaths", lorin)]

    def place(k: str, text: str, lat: float, lon: float, nth: int = 0) -> Place:
        s, e = _span(k, text, nth)
        return Place(id=content_id(ids[k], "place", s, e), article_id=ids[k], text=text,
                     name=text, country="XX", lat=lat, lon=lon, start=s, end=e, feature="city")

    places = [place("a1", "Kestrel", 41.2, 45.1), place("a2", "Ostrov", 41.9, 44.2),
              place("a3", "Genval", 46.5, 6.6), place("a3", "Kestrel", 41.2, 45.1),
              place("a4", "Kestrel", 41.2, 45.1)]
    s, e = _span("a1", "Monday")
    dates = [DateRef(id=content_id(ids["a1"], "date", s, e), article_id=ids["a1"], text="Monday",
                     value="2031-03-03", start=s, end=e)]

    stories = [
        Story(id="s1", title="Shelling of Kestrel and ceasefire talks",
              article_ids=tuple(ids[k] for k in BODIES),
              outlets=tuple(OUTLETS[k] for k in BODIES),
              first_date="2031-03-03", last_date="2031-03-06"),
        Story(id="s2", title="Harbour festival", article_ids=(other.id,),
              outlets=("Harbor Times",), first_date="2031-02-01", last_date="2031-02-01"),
    ]

    def stance(k: str, st: str, text: str) -> Stance:
        s, e = _span(k, text)
        return Stance(article_id=ids[k], outlet=OUTLETS[k], stance=st, evidence=text,
                      start=s, end=e)

    claims = [
        Claim(id="c1", story_id="s1", statement="Varden shelled Kestrel",
              stances=(stance("a1", "asserts", "Varden army shelled the town of Kestrel"),
                       stance("a1", "reports_denial", "The Varden defence ministry denied"),
                       stance("a3", "attributes", "according to Lorin"),
                       stance("a4", "disputes", "Nothing happened there")),
              kind="event", key="ASSAULT|Varden|Lorin"),
        Claim(id="c2", story_id="s1", statement=f"Lorin attacked Ostrov {XSS_IMG}",
              stances=(stance("a2", "attributes", "the Varden defence ministry said"),),
              kind="event", key="ASSAULT|Lorin|Varden"),
    ]
    s1, e1 = _span("a4", "Nothing happened there")
    contradictions = [
        Contradiction(id="x1", story_id="s1", kind="denial",
                      description="Lorin says Varden shelled Kestrel; Varden denies it",
                      sides=(Side(label="Lorin", article_id=ids["a1"], outlet=OUTLETS["a1"],
                                  evidence="Varden army shelled the town of Kestrel",
                                  start=0, end=39),
                             Side(label="Varden", article_id=ids["a4"], outlet=EVIL_OUTLET,
                                  evidence="Nothing happened there", start=s1, end=e1)),
                      claim_id="c1"),
    ]
    framing = [
        Framing(id="f1", story_id="s1", outlet="Northern Ledger", kind="term", key="attack",
                value="aggression", score=1.0),
        Framing(id="f2", story_id="s1", outlet="Northern Ledger", kind="alignment", key="Lorin",
                value="Lorin", score=2.0),
        Framing(id="f3", story_id="s1", outlet="Harbor Times", kind="alignment", key="Varden",
                value="Varden", score=1.5),
        Framing(id="f4", story_id="s1", outlet=EVIL_OUTLET, kind="term", key="x",
                value=XSS_SCRIPT, score=0.5),
        Framing(id="f5", story_id="s1", outlet="Northern Ledger", kind="voice", key="Lorin",
                value="Mara Voss", score=1.0),
        Framing(id="f6", story_id="s1", outlet="Harbor Times", kind="omission",
                key="Varden shelled Kestrel", value="c1", score=3.0),
        Framing(id="f7", story_id="s1", outlet="Valley Courier", kind="alignment",
                key="balanced", value="balanced", score=0.1),
    ]
    return {"articles": arts, "actors": actors, "mentions": mentions, "quotes": quotes,
            "events": events, "figures": figures, "places": places, "dates": dates,
            "stories": stories, "claims": claims, "contradictions": contradictions,
            "framing": framing, "failures": []}


def write_db(path: Path, tables: dict[str, list[Any]]) -> Path:
    """Writes records through the real store (one table per record type)."""
    with Store(path) as store, store.transaction():
        for table, rows in tables.items():
            store.insert(table, rows)
    return path


@pytest.fixture(scope="session")
def records() -> dict[str, list[Any]]:
    return build_records()


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory, records: dict[str, list[Any]]) -> Path:
    return write_db(tmp_path_factory.mktemp("web") / "story.duckdb", records)
