"""Render the HTML pages (live UI) and the self-contained report from view dicts.

Jinja2 autoescaping is on for every template; SVG charts come pre-escaped from
:mod:`rashomon.web.charts`; JSON for scripts goes through :func:`json_for_script`.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from rashomon.vocab import QUAD_NAMES, STANCE_NAMES, STANCES
from rashomon.web import charts
from rashomon.web.basemap import at_capital
from rashomon.web.highlight import highlight, marks
from rashomon.web.markup import json_for_script
from rashomon.web.values import figure_unit, figure_value, when

STANCE_LABELS = STANCE_NAMES


@cache
def env() -> Environment:
    """The Jinja environment (autoescape on for everything)."""
    e = Environment(loader=PackageLoader("rashomon.web", "templates"),
                    autoescape=select_autoescape(default=True, default_for_string=True),
                    trim_blocks=True, lstrip_blocks=True)
    e.filters["tojson_script"] = json_for_script
    e.filters["urlpart"] = lambda s: quote(str(s), safe="")
    e.filters["when"] = when
    e.filters["figure_value"] = figure_value
    e.filters["figure_unit"] = figure_unit
    e.globals.update(QUAD_NAMES=QUAD_NAMES, STANCES=STANCES, STANCE_LABELS=STANCE_LABELS)
    return e


@cache
def asset(name: str) -> str:
    """Text of a static asset shipped in ``rashomon/web/static``."""
    return resources.files("rashomon.web").joinpath("static", name).read_text("utf-8")


def _server_href(article_id: str, start: Any, end: Any) -> str:
    url = f"/article/{quote(str(article_id), safe='')}"
    if isinstance(start, int) and isinstance(end, int):
        return f"{url}?hl={start}-{end}#target"
    return url


def _actor_href(actor_id: str) -> str:
    """An actor's page; an actor known only by name (``name:X``) goes to a search for it."""
    if actor_id.startswith("name:"):
        return "/search?q=" + quote(actor_id[5:], safe="")
    return "/actor/" + quote(actor_id, safe="")


def _report_href(article_id: str, start: Any, end: Any) -> str:
    return f"#art-{article_id}"


def story_context(view: dict[str, Any], report: bool = False) -> dict[str, Any]:
    """Template variables for the story page."""
    href = _report_href if report else _server_href
    view["map"] = {**view["map"], "places": [at_capital(p) for p in view["map"]["places"]]}
    return {
        "v": view,
        "href": href,
        "timeline_svg": charts.timeline(view["timeline"], href),
        "timeline_actor_svg": charts.timeline(view["timeline"], href, by="actor"),
        "map_svg": charts.map_svg(view["map"], href),
        "network_svg": charts.network(view["network"], None if report else _actor_href),
        "report": report,
    }


def page(template: str, **ctx: Any) -> str:
    """A live UI page (assets linked from /static, no inline script or style)."""
    ctx.setdefault("report", False)
    return env().get_template(template).render(**ctx)


def story_page(view: dict[str, Any]) -> str:
    """The live story page."""
    return page("story.html", title=view["story"].get("title") or view["story"]["id"],
                **story_context(view))


def article_page(data: dict[str, Any], target: tuple[int, int] | None) -> str:
    """The live article page with highlights (``target`` = linked evidence range)."""
    body = data["article"].get("body") or ""
    return page("article.html", title=data["article"].get("title") or data["article"]["id"],
                d=data, body_html=highlight(body, marks(data, target)))


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def report(view: dict[str, Any], articles: list[dict[str, Any]]) -> str:
    """One self-contained HTML file: inline CSS, JS and data, no external request.

    A CSP meta tag allows exactly the inline style and script by hash, so even a
    payload that escaped escaping could not run.
    """
    css, js = asset("app.css"), asset("app.js")
    ctx = story_context(view, report=True)
    bodies = [(a, highlight(a["article"].get("body") or "", marks(a))) for a in articles]
    csp = (f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return env().get_template("story.html").render(
        title=view["story"].get("title") or view["story"]["id"],
        inline_css=Markup(css), inline_js=Markup(js),
        csp=csp, report_articles=bodies, **ctx)
