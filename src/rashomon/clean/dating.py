"""A publication window for an article that states no date of its own.

The text still bounds it: an article cannot predate the newest full date it states
as past ("the fighting that broke out on September 27, 2020"), bare weekdays ("on
Tuesday") name days of the week it was written in, and a year it mentions as past
is weak evidence of the earliest year. At the cross-outlet stage the story's dated
articles that report the same events bound it further (:func:`date_from_story`).

The result is kept apart from ``Article.published`` (``published_inferred``,
``published_window``, ``published_evidence``); ``published`` is never filled in.
Evidence is plain data (:class:`Clue`), so this module needs no parser: the
``rashomon_dates`` component collects the clues with their tense and calls
:func:`infer_publication`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from rashomon.records import Article, Claim, InferredDate

__all__ = [
    "HORIZON_DAYS",
    "PEER_DAYS",
    "Clue",
    "apply",
    "bound_by_peers",
    "date_from_story",
    "day_number",
    "infer_publication",
    "parse_window",
    "window_text",
]

# Days after the newest evidence that the window still covers. News is written days,
# not weeks, after what it reports; measured on BASIL (docs/dates_figures.md).
HORIZON_DAYS = 7
# Articles reporting the same events appear within this many days of each other.
STORY_DAYS = 14  # an article of the story that shares no fact with a dated one
PEER_DAYS = 3
_STORY_NOTE = "story: "


@dataclass(frozen=True)
class Clue:
    """One date the text mentions, as the dates component read it.

    Attributes:
        kind: "day" (a full date with its year), "monthday" (no year), "month"
            (month and year), "year", "weekday" (a bare "on Tuesday") or "relday"
            ("yesterday", "today").
        text: the words, for the evidence line.
        sentence: 1-based sentence number.
        tense: "past", "present", "future" or None, of the clause holding it.
        year, month, day: what the words state (missing parts None).
        weekday: ISO weekday (1 = Monday): of a bare weekday, or named with a date.
    """

    kind: str
    text: str
    sentence: int
    tense: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None


def _future(c: Clue) -> bool:
    return c.tense == "future"


def _real(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def infer_publication(article_id: str, clues: Iterable[Clue]) -> InferredDate | None:
    """The most likely publication day, a window and why, or None without evidence.

    With a full past date, the window starts at the newest one (a hard bound) and ends
    :data:`HORIZON_DAYS` after the most likely day, or at the earliest future date the
    text announces ("talks will resume on October 12, 2020"). With weaker evidence
    (years, months) the window is open-ended and there is no most likely day.
    """
    clues = list(clues)
    past = [c for c in clues if not _future(c)]
    days = [(d, c) for c in past if c.kind == "day" and c.year and c.month and c.day
            and (d := _real(c.year, c.month, c.day))]
    if days:
        # A month-day without its year ("on October 3") takes the newest full date's year.
        year = max(d for d, _ in days).year
        days += [(d, c) for c in past if c.kind == "monthday" and c.month and c.day
                 and (d := _real(year, c.month, c.day))]
        return _closed(article_id, days, clues)
    return _open(article_id, past)


def _closed(article_id: str, days: list[tuple[date, Clue]], clues: list[Clue]) -> InferredDate | None:
    lo, clue = max(days, key=lambda dc: (dc[0], -dc[1].sentence))
    where = f"('{clue.text}', sentence {clue.sentence})"
    # A full date with its year is often history ("Sept. 11, 2001"): news names the days
    # of its own week by weekday. The newest date is taken as the article's week only
    # when the text says so: its weekday is named with it ("Sunday, September 27,
    # 2020") or a bare weekday or "yesterday"/"today" shares its sentence.
    recent = clue.weekday == lo.isoweekday() or any(
        c.kind in ("weekday", "relday") and c.sentence == clue.sentence and not _future(c) for c in clues)
    if not recent:
        return InferredDate(article_id, None, f"{lo.isoformat()}/..",
                            f"not before the latest date mentioned, {lo.isoformat()} {where}")
    why = [f"latest date mentioned: {lo.isoformat()} {where}"]
    likely = lo
    # A bare past weekday names a day of the week the article was written in; with the
    # newest stated date as the earliest it can be, it lands on or after that date.
    for c in clues:
        if c.kind == "weekday" and c.weekday and not _future(c):
            on = lo + timedelta(days=(c.weekday - lo.isoweekday()) % 7)
            if on > likely:
                likely = on
                why.append(f"'{c.text}' (sentence {c.sentence}) after it: {on.isoformat()} or later")
    hi = likely + timedelta(days=HORIZON_DAYS)
    ahead = [d for c in clues if _future(c) and c.kind == "day" and c.year and c.month and c.day
             and (d := _real(c.year, c.month, c.day)) and d >= likely]
    if ahead and min(ahead) < hi:
        hi = min(ahead)
        why.append(f"announces {hi.isoformat()} as ahead")
    return InferredDate(article_id, likely.isoformat(), window_text(lo, hi), "; ".join(why))


def _open(article_id: str, past: list[Clue]) -> InferredDate | None:
    """Weak evidence only (a month, a year, a month-day whose year is a guess): a lower
    bound, no most likely day: history ("the 1994 ceasefire") says little about when."""
    bounds = []
    years = [c.year for c in past if c.kind in ("year", "month") and c.year]
    for c in past:
        if c.kind == "month" and c.year and c.month:
            bounds.append((date(c.year, c.month, 1), c))
        elif c.kind == "year" and c.year:
            bounds.append((date(c.year, 1, 1), c))
        elif c.kind == "monthday" and years and c.month and c.day and (d := _real(max(years), c.month, c.day)):
            bounds.append((d, c))
    if not bounds:
        return None
    lo, clue = max(bounds, key=lambda dc: (dc[0], -dc[1].sentence))
    return InferredDate(article_id, None, f"{lo.isoformat()}/..",
                        f"not before {lo.isoformat()} ('{clue.text}', sentence {clue.sentence}); weak")


def window_text(lo: date, hi: date) -> str:
    """``"YYYY-MM-DD/YYYY-MM-DD"`` (an ISO 8601 interval; ``".."`` is an open end)."""
    return f"{lo.isoformat()}/{hi.isoformat()}"


def parse_window(value: str | None) -> tuple[date, date] | None:
    """``"2020-09-27/2020-10-04"`` -> the two days (``date.max`` for an open ``".."`` end);
    anything else -> None."""
    if not value or "/" not in value:
        return None
    first, last = value.split("/", 1)
    try:
        a = date.fromisoformat(first[:10])
        b = date.max if last == ".." else date.fromisoformat(last[:10])
    except ValueError:
        return None
    return (a, b) if a <= b else None


def apply(article: Article, inferred: InferredDate | None) -> Article:
    """``article`` with the inferred date set; a dated article is returned unchanged."""
    if inferred is None or article.published or inferred.article_id != article.id:
        return article
    return dataclasses.replace(article, published_inferred=inferred.day,
                               published_window=inferred.window, published_evidence=inferred.evidence)


def bound_by_peers(article: Article, peers: Iterable[Article], days: int = PEER_DAYS,
                   why: str = "on the same events") -> Article:
    """Narrow an undated article's window with dated articles reporting the same events.

    Call it at the cross-outlet stage with the story's dated articles that share
    events (claims) with ``article``: it was most likely published within ``days`` of
    them. The text's own lower bound is kept: what the article states as past still
    wins, and when peers and text disagree the text's window stays as it was.
    ``published`` is never touched; a dated ``article`` is returned unchanged.
    """
    if article.published:
        return article
    dated = sorted(d for p in peers if p.id != article.id and (d := _day(p.published)))
    if not dated:
        return article
    lo, hi = dated[0] - timedelta(days=days), dated[-1] + timedelta(days=days)
    own = parse_window(article.published_window)
    note = f"{_STORY_NOTE}{len(dated)} dated article(s) {why}, {dated[0].isoformat()}" + (
        f" to {dated[-1].isoformat()}" if dated[-1] != dated[0] else "")
    if own is not None:
        new_lo, new_hi = max(lo, own[0]), min(hi, own[1])
        if new_lo > new_hi:
            return article  # the text and the peers disagree: keep what the text says
        lo, hi = new_lo, new_hi
    likely = _day(article.published_inferred) or dated[len(dated) // 2]
    likely = min(max(likely, lo), hi)
    # Re-running the cross-outlet stage replaces the story's note rather than adding one.
    own_evidence = (article.published_evidence or "").split("; " + _STORY_NOTE)[0]
    own_evidence = "" if own_evidence.startswith(_STORY_NOTE) else own_evidence
    evidence = "; ".join(e for e in (own_evidence, note) if e)
    return dataclasses.replace(article, published_inferred=likely.isoformat(),
                               published_window=window_text(lo, hi), published_evidence=evidence)


def date_from_story(articles: Iterable[Article], claims: Iterable[Claim]) -> list[Article]:
    """The story's undated articles bounded by the dated ones that share facts with them.

    ``claims`` are the story's ledger (:class:`~rashomon.records.Claim`): two articles with a
    stance on the same claim tell the same fact, so they were most likely published within
    ``PEER_DAYS`` of each other. An undated article that shares no fact with a dated one is
    bounded, more loosely (``STORY_DAYS``), by its story's dated articles, and says so in its
    evidence. Returns only the articles whose inferred date changed; ``published`` is never
    touched.
    """
    by_id = {a.id: a for a in articles}
    peers: dict[str, set[str]] = {}
    for claim in claims:
        ids = {st.article_id for st in claim.stances if st.article_id in by_id}
        for i in ids:
            peers.setdefault(i, set()).update(ids - {i})
    story_dated = [a for a in by_id.values() if a.published]
    out = []
    for aid, art in by_id.items():
        if art.published:
            continue
        sharing = [by_id[p] for p in sorted(peers.get(aid, ())) if by_id[p].published]
        if sharing:
            new = bound_by_peers(art, sharing)
        else:
            new = bound_by_peers(art, story_dated, days=STORY_DAYS, why="in the same story")
        if new != art:
            out.append(new)
    return out


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_number(value: str | None) -> int | None:
    """The day of an ISO date or timestamp as a number (``date.toordinal``) to count days
    with; None when there is no date or it does not parse."""
    day = _day(value)
    return day.toordinal() if day else None
