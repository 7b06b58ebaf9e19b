"""Filtered, paginated listings of the store's tables.

Every SQL fragment here is a code constant chosen from a fixed table of specs;
values a user typed only ever travel as bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rashomon.api.db import Reader, Row
from rashomon.errors import ConfigError, Errors, NotFound
from rashomon.store.export import public_source

MAX_LIMIT = 200
DEFAULT_LIMIT = 50

_IN_STORY = "article_id IN (SELECT id FROM articles WHERE story_id = ?)"
_IN_OUTLET = "article_id IN (SELECT id FROM articles WHERE outlet = ?)"
_PUB_FROM = "article_id IN (SELECT id FROM articles WHERE published >= ?)"
_PUB_TO = "article_id IN (SELECT id FROM articles WHERE substr(published, 1, 10) <= ?)"


@dataclass(frozen=True)
class Filters:
    """Validated query parameters (validation happens in the routes)."""

    story: str | None = None
    outlet: str | None = None
    actor: str | None = None
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0


@dataclass(frozen=True)
class Spec:
    """How one table answers each filter: a SQL condition with one ``?`` each."""

    order: str
    story: str | None = _IN_STORY
    outlet: str | None = _IN_OUTLET
    actor: tuple[tuple[str, str], ...] = ()  # (column, condition) pairs, OR-ed
    type: str | None = None
    date_from: str | None = _PUB_FROM
    date_to: str | None = _PUB_TO
    omit: tuple[str, ...] = field(default=())  # heavy columns left out of listings


SPECS: dict[str, Spec] = {
    "stories": Spec(
        order="first_date NULLS LAST, id",
        story="id = ?",
        outlet="list_contains(outlets, ?)",
        date_from="COALESCE(last_date, first_date) >= ?",
        date_to="substr(first_date, 1, 10) <= ?",
    ),
    "articles": Spec(
        order="published NULLS LAST, outlet, id",
        story="story_id = ?",
        outlet="outlet = ?",
        date_from="published >= ?",
        date_to="substr(published, 1, 10) <= ?",
        omit=("body", "removed", "offset_map"),
    ),
    "actors": Spec(
        order="name, id",
        story="id IN (SELECT actor_id FROM mentions WHERE " + _IN_STORY + ")",
        outlet="id IN (SELECT actor_id FROM mentions WHERE " + _IN_OUTLET + ")",
        actor=(("id", "id = ?"),),
        type="kind = ?",
        date_from=None,
        date_to=None,
    ),
    "mentions": Spec(order='article_id, "start"', actor=(("actor_id", "actor_id = ?"),)),
    "quotes": Spec(order='article_id, "start"', actor=(("speaker_id", "speaker_id = ?"),),
                   type="kind = ?"),
    "events": Spec(
        order='date NULLS LAST, article_id, "start"',
        actor=(
            ("source_id", "source_id = ?"), ("target_id", "target_id = ?"),
            ("claimant_id", "claimant_id = ?"),
            ("source_ids", "list_contains(source_ids, ?)"),
            ("target_ids", "list_contains(target_ids, ?)"),
        ),
        type="type = ?",
        date_from="date >= ?",
        date_to="substr(date, 1, 10) <= ?",
    ),
    "figures": Spec(order='article_id, "start"',
                    actor=(("claimed_by_id", "claimed_by_id = ?"),), type="unit = ?"),
    "places": Spec(order='article_id, "start"', type="feature = ?"),
    "dates": Spec(order='article_id, "start"', type="type = ?"),
    "claims": Spec(order="story_id, id", story="story_id = ?", outlet=None, type="kind = ?",
                   date_from=None, date_to=None),
    "contradictions": Spec(order="story_id, id", story="story_id = ?", outlet=None,
                           type="kind = ?", date_from=None, date_to=None),
    "framing": Spec(order="story_id, outlet, kind, score DESC, id", story="story_id = ?",
                    outlet="outlet = ?", type="kind = ?", date_from=None, date_to=None),
}

# Which filters each listing accepts; asking for another is a clear R404 error.
SUPPORTED: dict[str, set[str]] = {
    name: {
        f for f in ("story", "outlet", "actor", "type", "date_from", "date_to")
        if (spec.actor if f == "actor" else getattr(spec, f))
    }
    for name, spec in SPECS.items()
}


def where(reader: Reader, table: str, flt: Filters) -> tuple[str, list[Any]]:
    """The WHERE clause and its parameters for ``flt`` on ``table``."""
    spec = SPECS[table]
    conds: list[str] = []
    params: list[Any] = []
    for name in ("story", "outlet", "type", "date_from", "date_to"):
        value = getattr(flt, name)
        if value is None:
            continue
        cond = getattr(spec, name)
        if cond is None:
            raise _unsupported(table, name)
        if "articles" in cond and not reader.has("articles"):
            return " WHERE false", []
        conds.append(cond)
        params.append(value)
    if flt.actor is not None:
        if not spec.actor:
            raise _unsupported(table, "actor")
        cols = reader.columns(table)
        usable = [cond for col, cond in spec.actor if col in cols]
        conds.append("(" + " OR ".join(usable or ["false"]) + ")")
        params.extend([flt.actor] * len(usable))
    if table == "actors" and flt.story is not None and not reader.has("mentions"):
        return " WHERE false", []
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _unsupported(table: str, name: str) -> ConfigError:
    return ConfigError(Errors.R404.format(name=name, reason=f"{table} cannot be filtered by it"))


def listing(reader: Reader, table: str, flt: Filters) -> dict[str, Any]:
    """One page of ``table`` rows matching ``flt``, with the total count."""
    if not reader.has(table):
        return {"items": [], "total": 0, "limit": flt.limit, "offset": flt.offset}
    spec = SPECS[table]
    cond, params = where(reader, table, flt)
    cols = [c for c in _ordered_columns(reader, table) if c not in spec.omit]
    select = ", ".join(f'"{c}"' for c in cols)
    total = reader.scalar(f"SELECT count(*) FROM {table}{cond}", params)
    rows = reader.rows(
        table,
        f"SELECT {select} FROM {table}{cond} ORDER BY {spec.order} LIMIT ? OFFSET ?",
        [*params, flt.limit, flt.offset],
    )
    return {"items": public(table, rows), "total": int(total or 0), "limit": flt.limit,
            "offset": flt.offset}


def public(table: str, rows: list[Row]) -> list[Row]:
    """Rows as they may leave the machine: an article's ``source`` without its local path."""
    if table == "articles":
        for row in rows:
            for key in ("source", "url"):
                if row.get(key):
                    row[key] = public_source(row[key])
    return rows


def _ordered_columns(reader: Reader, table: str) -> list[str]:
    from dataclasses import fields

    from rashomon.records import RECORD_TYPES

    present = reader.columns(table)
    known = [f.name for f in fields(RECORD_TYPES[table]) if f.name in present]
    # Columns the store has that our records.py does not know yet stay visible.
    return known + sorted(present - set(known))


def one(reader: Reader, table: str, record_id: str, what: str) -> Row:
    """The row of ``table`` with this id, or NotFound (R403)."""
    rows = reader.rows(table, f"SELECT * FROM {table} WHERE id = ?", [record_id])
    if not rows:
        raise NotFound(Errors.R403.format(what=f"{what} {record_id}"))
    return public(table, rows)[0]


def by_articles(reader: Reader, table: str, article_ids: list[str]) -> list[Row]:
    """All rows of an article-keyed table for these articles, in text order."""
    if not article_ids or not reader.has(table):
        return []
    return reader.rows(
        table,
        f'SELECT * FROM {table} WHERE list_contains(?, article_id) ORDER BY article_id, "start"',
        [article_ids],
    )


def by_story(reader: Reader, table: str, story_id: str) -> list[Row]:
    """All rows of a story-keyed table (claims, contradictions, framing)."""
    return reader.rows(table, f"SELECT * FROM {table} WHERE story_id = ? ORDER BY id", [story_id])


def search(reader: Reader, text: str, limit: int) -> dict[str, list[Row]]:
    """Case-insensitive substring search over article titles/bodies and quotes.

    DuckDB's full-text extension is downloaded on first use, which an offline
    machine cannot do, so this is a plain ILIKE scan (fast enough for one
    analyst's corpus of thousands of articles).
    """
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    articles = reader.rows(
        "articles",
        "SELECT id, outlet, title, published, story_id, body FROM articles "
        "WHERE title ILIKE ? ESCAPE '\\' OR body ILIKE ? ESCAPE '\\' "
        "ORDER BY published NULLS LAST, id LIMIT ?",
        [pattern, pattern, limit],
    )
    for row in articles:
        row["snippet"] = snippet(row.pop("body") or "", text)
    quotes = reader.rows(
        "quotes",
        "SELECT id, article_id, text, speaker, speaker_id, kind, \"start\", \"end\" FROM quotes "
        "WHERE text ILIKE ? ESCAPE '\\' OR speaker ILIKE ? ESCAPE '\\' "
        "ORDER BY article_id, \"start\" LIMIT ?",
        [pattern, pattern, limit],
    )
    return {"articles": articles, "quotes": quotes}


def snippet(body: str, text: str, width: int = 90) -> str:
    """A window of ``body`` around the first case-insensitive hit of ``text``."""
    at = body.lower().find(text.lower())
    if at < 0:
        return body[: 2 * width]
    lo, hi = max(0, at - width), min(len(body), at + len(text) + width)
    return ("…" if lo else "") + body[lo:hi] + ("…" if hi < len(body) else "")
