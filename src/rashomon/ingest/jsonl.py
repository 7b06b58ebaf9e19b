"""JSON Lines / JSON: one article per line or per object.

Fields: ``text`` or ``body`` (required), optional ``title``, ``url``, ``outlet``,
``published``, ``language``; the names other exports give these fields are read too
(``_ALIASES``: ``content``, ``date``, ``published_at``, ``datePublished``, ``link``,
``source_name`` ...), the first one present winning. A malformed line is a failure for that line only: that includes a
record nested deeper than ``Limits.max_json_depth`` or holding a number too long to
convert, which would otherwise raise out of the parser and end the whole run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from rashomon.config import Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest import register
from rashomon.ingest.base import RawDoc, ReadResult, decode, encoding_notes, read_bytes

_OPTIONAL = ("title", "url", "outlet", "published", "language")
# Other names of the same fields in common news exports (scrapers, news APIs, crawls).
_ALIASES = {
    "text": ("text", "body", "content", "article", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source_name", "site_name", "publisher"),
    "published": ("published", "date", "published_at", "publishedAt", "pubdate", "pub_date",
                  "publish_date", "date_publish", "datePublished"),
    "language": ("language", "lang"),
}


def _field(obj: dict[str, Any], key: str) -> tuple[str, Any]:
    """(the name found, its value) for ``key`` or its first alias present in ``obj``."""
    for name in _ALIASES[key]:
        if obj.get(name) is not None:
            return name, obj[name]
    return key, None
# A string (to its closing quote, or to the end when unclosed, so no position is tried
# twice: linear on any line) or one bracket.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')


def record_to_doc(obj: Any, source: str, line: int, notes: tuple[str, ...] = ()) -> RawDoc:
    """A RawDoc from one decoded JSON object, checking field types."""
    if not isinstance(obj, dict):
        raise InputError(Errors.R015.format(source=f"{source}#{line}", field="(record)",
                                            got=type(obj).__name__, expected="object"))
    name, text = _field(obj, "text")
    if not isinstance(text, str) or not text.strip():
        if text is not None and not isinstance(text, str):
            raise InputError(Errors.R015.format(source=f"{source}#{line}", field=name,
                                                got=type(text).__name__, expected="string"))
        raise InputError(Errors.R007.format(source=source, line=line))
    extra: dict[str, str | None] = {}
    for key in _OPTIONAL:
        name, value = _field(obj, key)
        if value is not None and not isinstance(value, str):
            raise InputError(Errors.R015.format(source=f"{source}#{line}", field=name,
                                                got=type(value).__name__, expected="string"))
        extra[key] = value.strip() if isinstance(value, str) and value.strip() else None
    return RawDoc(
        source=f"{source}#{line}", text=text, reader="jsonl", title=extra["title"],
        outlet=extra["outlet"], published=_date_part(extra["published"]),
        url=extra["url"], language=extra["language"], structured=True, notes=notes,
    )


def _date_part(value: str | None) -> str | None:
    """``2024-01-02T10:00:00`` → ``2024-01-02``; other forms as given (cleaning validates dates)."""
    return value[:10] if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else value


def _too_deep(text: str, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than ``limit`` (checked before parsing,
    so a hostile record costs one scan, not a RecursionError)."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return True
        elif token in "]}":
            depth -= 1
    return False


def parse_record(text: str, source: str, line: int, limits: Limits) -> Any:
    """One JSON value, or R006 naming the line: malformed, too deep, or a number too long."""
    if _too_deep(text, limits.max_json_depth):
        raise InputError(Errors.R006.format(source=source, line=line,
                                            reason=f"nested deeper than {limits.max_json_depth} levels"))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.R006.format(source=source, line=line + exc.lineno - 1, reason=exc.msg)) from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer over Python's 4,300-digit limit
        reason = str(exc).split(";")[0][:200] or type(exc).__name__
        raise InputError(Errors.R006.format(source=source, line=line, reason=reason)) from None


@register("jsonl", (".jsonl", ".ndjson", ".json"))
def read(path: Path, source: str, limits: Limits) -> ReadResult:
    text, encoding = decode(read_bytes(path, source, limits), source)
    notes = encoding_notes(encoding, source)
    if path.suffix.lower() == ".json":
        data = parse_record(text, source, 1, limits)
        items = data if isinstance(data, list) else [data]
        for n, obj in enumerate(items[: limits.max_records], start=1):
            try:
                yield record_to_doc(obj, source, n, notes)
            except InputError as exc:
                yield exc
        if len(items) > limits.max_records:
            yield InputError(Errors.R019.format(source=source, count=len(items) - limits.max_records,
                                                limit=limits.max_records))
        return
    count = 0
    lines = text.splitlines()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        count += 1
        if count > limits.max_records:
            rest = sum(1 for s in lines[n - 1 :] if s.strip())
            yield InputError(Errors.R019.format(source=source, count=rest, limit=limits.max_records))
            break
        try:
            yield record_to_doc(parse_record(line, source, n, limits), source, n, notes)
        except InputError as exc:
            yield exc
