"""Tiny escaping helpers for building SVG/HTML in Python.

Every piece of text and every attribute value goes through ``markupsafe.escape``;
only strings built here are marked safe.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape


def el(tag: str, attrs: dict[str, Any] | None = None, *children: Any) -> Markup:
    """``<tag attrs>children</tag>``; str children are escaped, Markup ones kept."""
    parts = [f"<{tag}"]
    for key, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        if isinstance(value, float):
            value = f"{value:.1f}"
        parts.append(f' {key}="{escape(str(value))}"')
    if not children and tag in {"circle", "line", "path", "rect", "use", "br"}:
        return Markup("".join(parts) + "/>")
    body = "".join(str(c) if isinstance(c, Markup) else str(escape(str(c))) for c in children)
    return Markup("".join(parts) + ">" + body + f"</{tag}>")


def join(items: list[Markup] | tuple[Markup, ...]) -> Markup:
    """Concatenates already-safe fragments."""
    return Markup("".join(str(i) for i in items))


def json_for_script(value: Any) -> Markup:
    """JSON safe to place inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` are written as unicode escapes, so text such as
    ``</script>`` or ``<!--`` in the data cannot end the element; U+2028/2029 are
    escaped for old JS parsers.
    """
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    for a, b in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(a, b)
    return Markup(text)
