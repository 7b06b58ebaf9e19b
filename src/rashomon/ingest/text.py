"""Plain text as scraped (``.txt``, ``.md``): the cleaning step finds title, outlet and date."""

from __future__ import annotations

from pathlib import Path

from rashomon.config import Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest import register
from rashomon.ingest.base import RawDoc, ReadResult, decode, encoding_notes, read_bytes


@register("text", (".txt", ".md", ".text"))
def read(path: Path, source: str, limits: Limits) -> ReadResult:
    text, encoding = decode(read_bytes(path, source, limits), source)
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > limits.max_line:
        raise InputError(Errors.R013.format(source=source, size=longest, limit=limits.max_line))
    yield RawDoc(source=source, text=text, reader="text", notes=encoding_notes(encoding, source))
