"""HTML pages of the web UI: stories, story, article, search, API docs."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from rashomon.api import actors, queries, views
from rashomon.api.routes import IdPath
from rashomon.web import render

router = APIRouter(include_in_schema=False)

HL = re.compile(r"^(\d{1,9})-(\d{1,9})$")
SEARCH_PAGE = 25


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request) -> str:
    with request.app.state.db.connect() as reader:
        rows = views.stories(reader)
        articles = views.loose_articles(reader)
    return render.page("stories.html", title="Stories", stories=rows, articles=articles)


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: IdPath) -> str:
    with request.app.state.db.connect() as reader:
        view = views.story(reader, story_id)
    return render.story_page(view)


@router.get("/story/{story_id}/report.html", response_class=HTMLResponse)
def story_report(request: Request, story_id: IdPath) -> Response:
    """The self-contained report file, as a download (same as `rashomon report`)."""
    with request.app.state.db.connect() as reader:
        view = views.story(reader, story_id)
        articles = [views.article(reader, a["id"]) for a in view["articles"]]
    safe = re.sub(r"[^\w.-]", "_", story_id)
    return HTMLResponse(render.report(view, articles), headers={
        "Content-Disposition": f'attachment; filename="rashomon-story-{safe}.html"'})


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: IdPath,
    hl: Annotated[str | None, Query(pattern=HL.pattern, description="start-end to mark")] = None,
) -> str:
    with request.app.state.db.connect() as reader:
        data = views.article(reader, article_id)
    target = None
    if hl and (m := HL.match(hl)):
        target = (int(m.group(1)), int(m.group(2)))
    return render.article_page(data, target)


@router.get("/actor/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: IdPath) -> str:
    with request.app.state.db.connect() as reader:
        data = actors.actor_view(reader, actor_id)
    return render.page("actor.html", title=data["actor"].get("name") or actor_id, d=data)


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> str:
    results: dict[str, Any] = {"items": [], "total": 0, "limit": SEARCH_PAGE, "offset": 0}
    text = (q or "").strip()
    if len(text) >= 2:
        with request.app.state.db.connect() as reader:
            results = queries.search(reader, text, SEARCH_PAGE, offset)
    return render.page("search.html", title="Search", q=text, results=results)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> str:
    """Endpoint reference rendered from the OpenAPI schema (no CDN-hosted Swagger UI)."""
    schema = request.app.openapi()
    ops = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"method": method.upper(), "path": path,
                        "summary": op.get("summary") or "", "doc": op.get("description") or "",
                        "params": [{"name": p["name"], "in": p["in"],
                                    "required": p.get("required", False),
                                    "desc": p.get("description") or "",
                                    "schema": _schema_text(p.get("schema") or {})}
                                   for p in op.get("parameters", [])],
                        "responses": [(code, _response_text(r, schema))
                                      for code, r in op.get("responses", {}).items()]})
    return render.page("apidocs.html", title="API", ops=ops)


def _response_text(response: dict[str, Any], spec: dict[str, Any]) -> str:
    """``Page[Event]: items, total, limit, offset`` for one documented response."""
    ref = ((response.get("content") or {}).get("application/json") or {}).get("schema") or {}
    name = str(ref.get("$ref", "")).rsplit("/", 1)[-1]
    model = (spec.get("components") or {}).get("schemas", {}).get(name, {})
    fields = ", ".join(model.get("properties") or {})
    return f"{model.get('title') or name}: {fields}" if name else response.get("description", "")


def _schema_text(schema: dict[str, Any]) -> str:
    options = schema.get("anyOf") or [schema]
    bits = []
    for s in options:
        if s.get("type") == "null":
            continue
        text = s.get("type", "")
        for key in ("pattern", "minimum", "maximum", "minLength", "maxLength"):
            if key in s:
                text += f" {key}={s[key]}"
        bits.append(text)
    if "default" in schema and schema["default"] is not None:
        bits.append(f"default={schema['default']}")
    return ", ".join(bits)
