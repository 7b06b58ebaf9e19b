"""Hand-made records about an invented conflict (Valdora vs Kestria) for ledger tests.

Outlets and actors are fictional; the sentences were written for these tests.
"""

from __future__ import annotations

from rashomon.records import Actor, Article, Event, Figure, Quote, Story


def article(aid: str, outlet: str, body: str, published: str = "2031-04-02") -> Article:
    return Article(id=aid, source=f"{aid}.txt", outlet=outlet, title=body.split(".")[0],
                   published=published, language="en", body=body)


def event(art: Article, sentence: str, type_: str, status: str, source: tuple[str, str] | None,
          target: tuple[str, str] | None = None, claimant: tuple[str, str] | None = None,
          trigger: str | None = None) -> Event:
    start = art.body.index(sentence)
    polarity = "negated" if status == "negated" else "positive"  # as the nlp side sets both
    return Event(
        id=f"e-{art.id}-{start}-{status}", article_id=art.id, sentence=sentence, type=type_,
        mode=None, source=source[1] if source else None, source_id=source[0] if source else None,
        target=target[1] if target else None, target_id=target[0] if target else None,
        date=None, place=None, status=status, start=start, end=start + 5,
        source_ids=(source[0],) if source else (), target_ids=(target[0],) if target else (),
        trigger=trigger, claimant=claimant[1] if claimant else None,
        claimant_id=claimant[0] if claimant else None, sent_start=start,
        sent_end=start + len(sentence), polarity=polarity)


def figure(art: Article, text: str, value: float, unit: str, claimed_by: str | None = None,
           qualifier: str | None = None) -> Figure:
    start = art.body.index(text)
    sent_start = art.body.rfind(".", 0, start) + 1
    sent_end = art.body.find(".", start) + 1
    return Figure(id=f"f-{art.id}-{start}", article_id=art.id, text=text, value=value, low=None,
                  high=None, unit=unit, claimed_by=claimed_by, start=start, end=start + len(text),
                  qualifier=qualifier, sent_start=sent_start, sent_end=sent_end)


def quote(art: Article, text: str, speaker: tuple[str, str], cue: str = "say") -> Quote:
    start = art.body.index(text)
    return Quote(id=f"q-{art.id}-{start}", article_id=art.id, text=text, kind="indirect",
                 speaker=speaker[1], speaker_id=speaker[0], speaker_text=speaker[1], cue=cue,
                 start=start, end=start + len(text), sent_start=start, sent_end=start + len(text))


VALDORA = ("act-valdora", "Valdora")
KESTRIA = ("act-kestria", "Kestria")
MARBEC = ("act-marbec", "Marbec")  # a third state said to send fighters
ACTORS = {
    VALDORA[0]: Actor(id=VALDORA[0], name="Valdora", kind="state"),
    KESTRIA[0]: Actor(id=KESTRIA[0], name="Kestria", kind="state"),
    MARBEC[0]: Actor(id=MARBEC[0], name="Marbec", kind="state"),
}


def story_of(*articles: Article) -> Story:
    return Story(id="s-test", title="test", article_ids=tuple(a.id for a in articles),
                 outlets=tuple(sorted({a.outlet or "" for a in articles})))
