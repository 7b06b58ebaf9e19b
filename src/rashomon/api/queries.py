"""Filtered, paginated listings of the store's tables.

Every SQL fragment here is a code constant chosen from a fixed table of specs;
values a user typed only ever travel as bound parameters.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rashomon.api.db import Reader, Row
from rashomon.errors import ConfigError, Errors, NotFound
from rashomon.store.export import public_source
from rashomon.vocab import PLOVER_TYPES

MAX_LIMIT = 200
DEFAULT_LIMIT = 50

_IN_STORY = "article_id IN (SELECT id FROM articles WHERE story_id = ?)"
_IN_OUTLET = "article_id IN (SELECT id FROM articles WHERE lower(outlet) = lower(?))"
# Dates are ISO text, so ranges compare as strings. ``< ':'`` keeps out values that do not
# start with a digit (TIMEX codes such as ``PTXH``, ``XXXX-06``), which sort after digits;
# the upper bound is widened to the last day of a year or month (see ``_date_bounds``).
_PUB_FROM = "article_id IN (SELECT id FROM articles WHERE published >= ? AND published < ':')"
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
        outlet="list_contains(list_transform(outlets, lambda o: lower(o)), lower(?))",
        date_from="COALESCE(last_date, first_date) >= ? AND COALESCE(last_date, first_date) < ':'",
        date_to="substr(first_date, 1, 10) <= ?",
    ),
    "articles": Spec(
        order="published NULLS LAST, outlet, id",
        story="story_id = ?",
        outlet="lower(outlet) = lower(?)",
        date_from="published >= ? AND published < ':'",
        date_to="substr(published, 1, 10) <= ?",
        omit=("body", "removed", "offset_map"),
    ),
    "actors": Spec(
        order="name, id",
        story="id IN (SELECT actor_id FROM mentions WHERE " + _IN_STORY + ")",
        outlet="id IN (SELECT actor_id FROM mentions WHERE " + _IN_OUTLET + ")",
        actor=(("id", "list_contains(?, id)"),),
        type="kind = ?",
        date_from=None,
        date_to=None,
    ),
    "mentions": Spec(order='article_id, "start"', actor=(("actor_id", "list_contains(?, actor_id)"),)),
    "quotes": Spec(order='article_id, "start"',
                   actor=(("speaker_id", "list_contains(?, speaker_id)"),), type="kind = ?"),
    "events": Spec(
        order='date NULLS LAST, article_id, "start"',
        actor=(
            ("source_id", "list_contains(?, source_id)"),
            ("target_id", "list_contains(?, target_id)"),
            ("claimant_id", "list_contains(?, claimant_id)"),
            ("source_ids", "list_has_any(source_ids, ?)"),
            ("target_ids", "list_has_any(target_ids, ?)"),
        ),
        type="type = ?",
        date_from="date >= ? AND date < ':'",
        date_to="substr(date, 1, 10) <= ?",
    ),
    "figures": Spec(order='article_id, "start"',
                    actor=(("claimed_by_id", "list_contains(?, claimed_by_id)"),), type="unit = ?"),
    "places": Spec(order='article_id, "start"', type="feature = ?"),
    "dates": Spec(order='article_id, "start"', type="type = ?"),
    "claims": Spec(order="story_id, id", story="story_id = ?", outlet=None, type="kind = ?",
                   date_from=None, date_to=None),
    "contradictions": Spec(order="story_id, id", story="story_id = ?", outlet=None,
                           type="kind = ?", date_from=None, date_to=None),
    "framing": Spec(order="story_id, outlet, kind, score DESC, id", story="story_id = ?",
                    outlet="lower(outlet) = lower(?)", type="kind = ?", date_from=None, date_to=None),
}

# Which filters each listing accepts; asking for another is a clear R404 error.
SUPPORTED: dict[str, set[str]] = {
    name: {
        f for f in ("story", "outlet", "actor", "type", "date_from", "date_to")
        if (spec.actor if f == "actor" else getattr(spec, f))
    }
    for name, spec in SPECS.items()
}


# Closed vocabularies per filterable ``type`` column; values found in the store are
# accepted too (figure units and place features are open-ended).
KNOWN_TYPES: dict[str, tuple[str, ...]] = {
    "events": PLOVER_TYPES,
    "quotes": ("direct", "indirect"),
    "dates": ("DATE", "TIME", "DURATION", "SET"),
    "actors": ("person", "state", "military", "armed_group", "igo", "ngo", "media",
               "civilians", "ministry", "other"),
    "claims": ("event", "quote", "figure"),
    "contradictions": ("denial", "figures", "mutual_blame", "history"),
    "framing": ("term", "vocabulary", "voice", "omission", "alignment"),
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bounds(name: str, value: str) -> tuple[str, str]:
    """The first and last day a ``YYYY[-MM[-DD]]`` value covers, or R404 if it is no date."""
    m = _DATE.match(value)
    try:
        if not m:
            raise ValueError(value)
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        if m[3]:
            first = last = date(year, month, day)
        elif m[2]:
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        raise ConfigError(Errors.R404.format(
            name=name, reason=f"{value!r} is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ) from None
    return first.isoformat(), last.isoformat()


def resolve_type(reader: Reader, table: str, column: str, value: str) -> str:
    """The stored spelling of a type/kind/unit value, matched without case, or R404."""
    known = list(KNOWN_TYPES.get(table, ()))
    if reader.has(table) and column in reader.columns(table):
        found = reader.rows(table, f'SELECT DISTINCT "{column}" AS v FROM {table} '
                            f'WHERE "{column}" IS NOT NULL')
        known += [str(r["v"]) for r in found]
    for option in known:
        if option == value or option.lower() == value.lower():
            return option
    shown = ", ".join(sorted(set(known))[:30]) or "none stored yet"
    raise ConfigError(Errors.R404.format(
        name="type", reason=f"{table} has no {column} {value!r}; known: {shown}"))


def resolve_actor(reader: Reader, value: str) -> list[str]:
    """Actor ids for an id, a name or an alias (case-insensitive); the value itself stays."""
    ids = [value]
    if reader.has("actors"):
        cols = reader.columns("actors")
        alias = (" OR list_contains(list_transform(aliases, lambda a: lower(a)), lower(?))"
                 if "aliases" in cols else "")
        params = [value, value] + ([value] if alias else [])
        rows = reader.rows(
            "actors",
            f"SELECT id FROM actors WHERE id = ? OR lower(name) = lower(?){alias} ORDER BY id",
            params)
        ids += [r["id"] for r in rows if r["id"] != value]
    return ids


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
        if name == "type":
            value = resolve_type(reader, table, _TYPE_COLUMN[table], value)
        elif name == "date_from":
            value = date_bounds(name, value)[0][: len(value)]
        elif name == "date_to":
            value = date_bounds(name, value)[1]
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
        params.extend([resolve_actor(reader, flt.actor)] * len(usable))
    if table == "actors" and flt.story is not None and not reader.has("mentions"):
        return " WHERE false", []
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


_TYPE_COLUMN = {"actors": "kind", "quotes": "kind", "events": "type", "figures": "unit",
                "places": "feature", "dates": "type", "claims": "kind",
                "contradictions": "kind", "framing": "kind"}


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


def outlet_label(article: Row) -> str:
    """The outlet an article is shown under, never shared by accident.

    Its outlet when known; otherwise its own stand-in — the web domain of its URL, its
    file name (with ``#n`` inside a multi-article file), its title, or its id — so two
    articles of unknown origin never merge into one column.
    """
    if article.get("outlet"):
        return str(article["outlet"])
    url = str(article.get("url") or "")
    if m := re.match(r"^https?://(?:www\.)?([^/:?#@]+)", url, re.IGNORECASE):
        return m.group(1).lower()
    name = public_source(str(article.get("source") or ""))
    if name:
        return name
    title = " ".join(str(article.get("title") or "").split())
    if title:
        return "“" + (title if len(title) <= 40 else title[:39] + "…") + "”"
    return "article " + str(article.get("id") or "?")[:8]


_ARTICLE_META = "id, outlet, title, published, url, source, story_id"


def article_meta(reader: Reader, ids: list[str]) -> dict[str, Row]:
    """Title, date and outlet label of each article (for lists of hits and mentions)."""
    if not ids or not reader.has("articles"):
        return {}
    rows = reader.rows("articles", f"SELECT {_ARTICLE_META} FROM articles "
                       "WHERE list_contains(?, id)", [sorted(set(ids))])
    out = {}
    for row in public("articles", rows):
        row["outlet_label"] = outlet_label(row)
        out[row["id"]] = row
    return out


def with_article(rows: Iterable[Row], articles: dict[str, Row], fields: dict[str, str]) -> None:
    """Copy ``fields`` (row key: article key) of each row's article in ``articles``
    onto the row; None where the article or the field is unknown."""
    for row in rows:
        art = articles.get(row["article_id"], {})
        for key, source in fields.items():
            row[key] = art.get(source)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_QUOTE_HIT = "text ILIKE ? ESCAPE '\\' OR speaker ILIKE ? ESCAPE '\\'"
_ARTICLE_HIT = "title ILIKE ? ESCAPE '\\' OR body ILIKE ? ESCAPE '\\'"


def search(reader: Reader, text: str, limit: int, offset: int = 0) -> dict[str, Any]:
    """Case-insensitive substring search, one paged list: quotes first, then articles.

    Each hit carries its article's title, outlet label and date, the offsets of the hit
    in the body (for a highlighted link) and where the text matches inside ``text``.
    DuckDB's full-text extension is downloaded on first use, which an offline machine
    cannot do, so this is a plain ILIKE scan (fast enough for one analyst's corpus).
    """
    pattern = _like(text)
    n_quotes = int(reader.scalar(f"SELECT count(*) FROM quotes WHERE {_QUOTE_HIT}",
                                 [pattern, pattern]) or 0) if reader.has("quotes") else 0
    n_articles = int(reader.scalar(f"SELECT count(*) FROM articles WHERE {_ARTICLE_HIT}",
                                   [pattern, pattern]) or 0) if reader.has("articles") else 0
    items: list[Row] = []
    if offset < n_quotes:
        for q in reader.rows(
                "quotes",
                'SELECT id, article_id, text, speaker, speaker_id, kind, "start", "end" '
                f'FROM quotes WHERE {_QUOTE_HIT} ORDER BY article_id, "start", id '
                "LIMIT ? OFFSET ?", [pattern, pattern, limit, offset]):
            at = q["text"].lower().find(text.lower())
            q["quote_kind"] = q.pop("kind")
            items.append({**q, "kind": "quote",
                          "match_start": at if at >= 0 else None,
                          "match_end": at + len(text) if at >= 0 else None})
    rest = limit - len(items)
    if rest > 0 and n_articles:
        skip = max(offset - n_quotes, 0)
        for a in reader.rows(
                "articles",
                f"SELECT id, title, body FROM articles WHERE {_ARTICLE_HIT} "
                "ORDER BY published NULLS LAST, id LIMIT ? OFFSET ?",
                [pattern, pattern, rest, skip]):
            body = a.pop("body") or ""
            at = body.lower().find(text.lower())
            window, lo = snippet_at(body, at, len(text))
            items.append({"kind": "article", "id": a["id"], "article_id": a["id"],
                          "text": window,
                          "start": at if at >= 0 else None,
                          "end": at + len(text) if at >= 0 else None,
                          "match_start": at - lo if at >= 0 else None,
                          "match_end": at - lo + len(text) if at >= 0 else None})
    meta = article_meta(reader, [i["article_id"] for i in items])
    with_article(items, meta, {"title": "title", "outlet": "outlet_label",
                               "published": "published"})
    return {"items": items, "total": n_quotes + n_articles, "limit": limit, "offset": offset}


def snippet_at(body: str, at: int, length: int, width: int = 90) -> tuple[str, int]:
    """A window of ``body`` around a hit at ``at`` (the start when there is none) and its start."""
    if at < 0:
        return body[: 2 * width], 0
    lo, hi = max(0, at - width), min(len(body), at + length + width)
    return body[lo:hi], lo


def snippet(body: str, text: str, width: int = 90) -> str:
    """A window of ``body`` around the first case-insensitive hit of ``text``."""
    at = body.lower().find(text.lower())
    if at < 0:
        return body[: 2 * width]
    lo, hi = max(0, at - width), min(len(body), at + len(text) + width)
    return ("…" if lo else "") + body[lo:hi] + ("…" if hi < len(body) else "")
