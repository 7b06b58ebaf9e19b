"""JSON endpoints under ``/api`` (read-only, paginated, validated parameters)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from rashomon.api import actors, models, queries, views
from rashomon.api.queries import MAX_LIMIT, SUPPORTED, Filters
from rashomon.errors import ConfigError, Errors

router = APIRouter(prefix="/api", tags=["api"])

ID = r"^[\w.:@+\-]{1,160}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
TYPE = r"^[\w .\-]{1,60}$"

IdPath = Annotated[str, Path(pattern=ID, description="record id")]

# The query parameters each listing may take: (type, default, Query keywords).
PARAMS: dict[str, tuple[Any, Any, dict[str, Any]]] = {
    "story": (str | None, None, {"pattern": ID, "description": "story id"}),
    "outlet": (str | None, None, {"min_length": 1, "max_length": 200,
                                  "description": "outlet name, any case"}),
    "actor": (str | None, None, {"min_length": 1, "max_length": 200,
                                 "description": "actor id, name or alias, any case"}),
    "type": (str | None, None, {"pattern": TYPE,
                                "description": "event type / kind / unit, by table; an "
                                               "unknown value is an error listing the known"}),
    "date_from": (str | None, None, {"pattern": DATE, "description": "YYYY[-MM[-DD]], inclusive"}),
    "date_to": (str | None, None, {"pattern": DATE, "description": "YYYY[-MM[-DD]], inclusive"}),
    "limit": (int, queries.DEFAULT_LIMIT, {"ge": 1, "le": MAX_LIMIT, "description": "page size"}),
    "offset": (int, 0, {"ge": 0, "le": 1_000_000, "description": "rows to skip"}),
}


def _listing(table: str) -> Callable[..., dict[str, Any]]:
    """A list endpoint for ``table`` taking exactly the filters the table supports."""

    def endpoint(request: Request, **kw: Any) -> dict[str, Any]:
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ConfigError(Errors.R404.format(
                name=unknown[0], reason=f"{table} takes only {', '.join(sorted(allowed))}"))
        with request.app.state.db.connect() as reader:
            return queries.listing(reader, table, Filters(**kw))

    names = [n for n in PARAMS if n in SUPPORTED[table]]
    params = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                annotation=Request)]
    for name in [*names, "limit", "offset"]:
        tp, default, kw = PARAMS[name]
        params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                        annotation=Annotated[tp, Query(**kw)]))
    allowed = {*names, "limit", "offset"}
    endpoint.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    endpoint.__name__ = f"list_{table}"
    endpoint.__doc__ = (f"A page of {table}, filtered by {', '.join(names) or 'nothing'}. "
                        f"Returns items, total, limit and offset.")
    return endpoint


for _table in ("stories", "articles", "actors", "mentions", "quotes", "events", "figures",
               "places", "dates", "claims", "contradictions", "framing"):
    router.add_api_route(f"/{_table}", _listing(_table), methods=["GET"],
                         name=f"list_{_table}", summary=f"List {_table}",
                         response_model=None, responses=models.responses(models.page_of(_table)))


@router.get("/stories/{story_id}", summary="One story", response_model=None,
            responses=models.responses(models.record_model("stories")))
def get_story(request: Request, story_id: IdPath) -> dict[str, Any]:
    """The story record."""
    with request.app.state.db.connect() as reader:
        return queries.one(reader, "stories", story_id, "story")


@router.get("/stories/{story_id}/view", summary="Everything the story page shows",
            response_model=None, responses=models.responses(models.StoryView))
def story_view(request: Request, story_id: IdPath) -> dict[str, Any]:
    """Outlets side by side, claims ledger, contradictions, timeline, map, network, figures."""
    with request.app.state.db.connect() as reader:
        return views.story(reader, story_id)


@router.get("/articles/{article_id}", summary="One article with its extractions",
            response_model=None, responses=models.responses(models.ArticleView))
def get_article(request: Request, article_id: IdPath) -> dict[str, Any]:
    """The article (clean body, removed chrome) with quotes, events, figures, places, dates."""
    with request.app.state.db.connect() as reader:
        return views.article(reader, article_id)


@router.get("/actors/{actor_id}", summary="One actor", response_model=None,
            responses=models.responses(models.record_model("actors")))
def get_actor(request: Request, actor_id: IdPath) -> dict[str, Any]:
    """The actor record."""
    with request.app.state.db.connect() as reader:
        return queries.one(reader, "actors", actor_id, "actor")


@router.get("/actors/{actor_id}/view", summary="Everything the actor page shows",
            response_model=None, responses=models.responses(models.ActorView))
def actor_view(request: Request, actor_id: IdPath) -> dict[str, Any]:
    """Its mentions, quotes, events as source and as target, and the outlets quoting it."""
    with request.app.state.db.connect() as reader:
        return actors.actor_view(reader, actor_id)


@router.get("/search", summary="Search quotes and articles", response_model=None,
            responses=models.responses(models.SearchPage))
def search(
    request: Request,
    q: Annotated[str, Query(min_length=2, max_length=200, description="text to find")],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="hits to skip")] = 0,
) -> dict[str, Any]:
    """Case-insensitive substring search: quotes first, then articles, in one paged list."""
    unknown = sorted(set(request.query_params) - {"q", "limit", "offset"})
    if unknown:
        raise ConfigError(Errors.R404.format(name=unknown[0],
                                             reason="search takes only q, limit, offset"))
    with request.app.state.db.connect() as reader:
        return {**queries.search(reader, q, limit, offset), "q": q}


@router.get("/health", summary="Is the database readable", response_model=None,
            responses=models.responses(models.Health))
def health(request: Request) -> dict[str, Any]:
    """Table row counts; fails with R302/R303 when the database cannot be opened."""
    with request.app.state.db.connect() as reader:
        counts = {t: int(reader.scalar(f"SELECT count(*) FROM {t}") or 0)
                  for t in sorted(SUPPORTED) if reader.has(t)}
    return {"ok": True, "counts": counts}
