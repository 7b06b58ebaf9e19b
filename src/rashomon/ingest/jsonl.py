"""JSON Lines / JSON: one article per line or per object.

Fields: ``text`` or ``body`` (required), optional ``title``, ``url``, ``outlet``,
``published``. A malformed line is a failure for that line only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rashomon.config import Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest import register
from rashomon.ingest.base import RawDoc, ReadResult, decode_text, read_bytes

_OPTIONAL = ("title", "url", "outlet", "published", "language")


def record_to_doc(obj: Any, source: str, line: int) -> RawDoc:
    """A RawDoc from one decoded JSON object, checking field types."""
    if not isinstance(obj, dict):
        raise InputError(Errors.R015.format(source=f"{source}#{line}", field="(record)",
                                            got=type(obj).__name__, expected="object"))
    text = obj.get("text", obj.get("body"))
    if not isinstance(text, str) or not text.strip():
        if text is not None and not isinstance(text, str):
            raise InputError(Errors.R015.format(source=f"{source}#{line}", field="text",
                                                got=type(text).__name__, expected="string"))
        raise InputError(Errors.R007.format(source=source, line=line))
    extra: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(Errors.R015.format(source=f"{source}#{line}", field=key,
                                                got=type(value).__name__, expected="string"))
        extra[key] = value.strip() if isinstance(value, str) and value.strip() else None
    published = extra["published"]
    return RawDoc(
        source=f"{source}#{line}", text=text, reader="jsonl", title=extra["title"],
        outlet=extra["outlet"], published=published[:10] if published else None,
        url=extra["url"], language=extra["language"], structured=True,
    )


@register("jsonl", (".jsonl", ".ndjson", ".json"))
def read(path: Path, source: str, limits: Limits) -> ReadResult:
    text = decode_text(read_bytes(path, source, limits), source)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(Errors.R006.format(source=source, line=exc.lineno, reason=exc.msg)) from exc
        items = data if isinstance(data, list) else [data]
        for n, obj in enumerate(items[: limits.max_records], start=1):
            try:
                yield record_to_doc(obj, source, n)
            except InputError as exc:
                yield exc
        return
    count = 0
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        count += 1
        if count > limits.max_records:
            break
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(Errors.R006.format(source=source, line=n, reason=exc.msg))
            continue
        try:
            yield record_to_doc(obj, source, n)
        except InputError as exc:
            yield exc
