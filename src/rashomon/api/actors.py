"""What the actor page shows: one actor's mentions, quotes, events and quoting outlets."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from rashomon.api import queries
from rashomon.api.db import Reader, Row

ACTOR_ROWS = 500  # per list on the actor page; counts say how many there are


def actor_view(reader: Reader, actor_id: str) -> dict[str, Any]:
    """One actor: its mentions, quotes, events as source and as target, outlets quoting it."""
    row = queries.one(reader, "actors", actor_id, "actor")
    ids = [actor_id]

    def rows(table: str, cond: str, n_params: int) -> list[Row]:
        if not reader.has(table):
            return []
        return reader.rows(table, f'SELECT * FROM {table} WHERE {cond} '
                           'ORDER BY article_id, "start", id LIMIT ?',
                           [*([ids] * n_params), ACTOR_ROWS])

    def ends(side: str) -> tuple[str, int]:
        cols = reader.columns("events")
        conds = [f"list_contains(?, {side}_id)"]
        if f"{side}_ids" in cols:
            conds.append(f"list_has_any({side}_ids, ?)")
        return " OR ".join(conds), len(conds)

    mentions = rows("mentions", "list_contains(?, actor_id)", 1)
    quotes = rows("quotes", "list_contains(?, speaker_id)", 1)
    as_source = rows("events", *ends("source")) if reader.has("events") else []
    as_target = rows("events", *ends("target")) if reader.has("events") else []
    found = (*mentions, *quotes, *as_source, *as_target)
    queries.with_article(found, queries.article_meta(reader, [r["article_id"] for r in found]),
                         {"outlet": "outlet_label", "published": "published", "title": "title",
                          "story_id": "story_id"})
    quoting: dict[str, Counter[str]] = defaultdict(Counter)
    for q in quotes:
        quoting[q["outlet"] or "?"][q["article_id"]] += 1
    mentioning: Counter[str] = Counter(m["outlet"] or "?" for m in mentions)
    outlets = sorted(({"outlet": o, "quotes": sum(c.values()), "articles": len(c),
                       "mentions": mentioning.get(o, 0)} for o, c in quoting.items()),
                     key=lambda o: (-o["quotes"], o["outlet"]))
    return {"actor": row, "mentions": mentions, "quotes": quotes,
            "events_as_source": as_source, "events_as_target": as_target,
            "outlets": outlets,
            "mentioned_by": [{"outlet": o, "mentions": n}
                             for o, n in sorted(mentioning.items(), key=lambda kv: -kv[1])]}
