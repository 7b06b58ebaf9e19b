"""Response shapes for the OpenAPI schema: the records, the paged envelope, the error.

The endpoints return plain dicts assembled in :mod:`rashomon.api.queries` and
:mod:`rashomon.api.views`; these models describe them in ``/api/openapi.json`` (and
so in ``/api/docs``). Record models are derived from ``rashomon.records`` so they
cannot drift from the store; every field is optional because listings leave heavy
columns out, and unknown columns are allowed because a newer store may add some.
"""

from __future__ import annotations

import typing
from dataclasses import fields
from functools import cache
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from rashomon.records import RECORD_TYPES

T = TypeVar("T")


class ErrorDetail(BaseModel):
    code: str = Field(description="catalogue code, e.g. R404", examples=["R404"])
    message: str = Field(description="the message, starting with [code]",
                         examples=["[R404] invalid parameter limit: ..."])


class ErrorResponse(BaseModel):
    """The one error shape of every endpoint."""

    error: ErrorDetail


class Page(BaseModel, Generic[T]):
    """One page of a listing: every list endpoint, search included, answers this."""

    items: list[T]
    total: int = Field(description="rows matching the filters, all pages together")
    limit: int
    offset: int


@cache
def record_model(table: str) -> type[BaseModel]:
    """A pydantic model of one table's rows (all fields optional, extra allowed)."""
    cls = RECORD_TYPES[table]
    hints = typing.get_type_hints(cls)
    spec: dict[str, Any] = {f.name: (hints[f.name] | None, None) for f in fields(cls)}
    return create_model(cls.__name__, __config__=ConfigDict(extra="allow"),
                        __doc__=f"A row of `{table}` (see docs/schema.md).", **spec)


def page_of(table: str) -> type[BaseModel]:
    return Page[record_model(table)]  # type: ignore[misc]


class SearchHit(BaseModel):
    kind: str = Field(description="quote or article")
    id: str
    article_id: str
    title: str | None = None
    outlet: str | None = Field(None, description="the outlet, or the article's own label")
    published: str | None = None
    speaker: str | None = None
    quote_kind: str | None = Field(None, description="direct or indirect (quotes only)")
    speaker_id: str | None = None
    text: str | None = Field(None, description="the quote, or a window of the body")
    start: int | None = Field(None, description="offset of the hit in the body")
    end: int | None = None
    match_start: int | None = Field(None, description="where the query matches inside text")
    match_end: int | None = None


class SearchPage(Page[SearchHit]):
    q: str


class StoryView(BaseModel):
    """Everything the story page shows (see docs/web.md)."""

    model_config = ConfigDict(extra="allow")
    story: dict[str, Any]
    articles: list[dict[str, Any]]
    outlets: list[dict[str, Any]]
    ledger: dict[str, Any]
    contradictions: list[dict[str, Any]]
    timeline: Any
    map: dict[str, Any]
    network: dict[str, Any]
    figures: list[dict[str, Any]]
    framing: list[dict[str, Any]]
    counts: dict[str, int]


class ArticleView(BaseModel):
    model_config = ConfigDict(extra="allow")
    article: dict[str, Any]
    story: dict[str, Any] | None
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    places: list[dict[str, Any]]
    dates: list[dict[str, Any]]


class ActorView(BaseModel):
    """One actor with what the store says about it."""

    model_config = ConfigDict(extra="allow")
    actor: dict[str, Any]
    mentions: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    events_as_source: list[dict[str, Any]]
    events_as_target: list[dict[str, Any]]
    outlets: list[dict[str, Any]]


class Health(BaseModel):
    ok: bool
    counts: dict[str, int]


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": desc}
    for status, desc in ((401, "missing or wrong token (R406)"),
                         (404, "no such record or route (R403)"),
                         (422, "invalid parameter (R404)"),
                         (503, "database missing or locked (R302, R303)"))
}


def responses(model: Any) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: its success model and the error shape."""
    return {200: {"model": model}, **ERRORS}
