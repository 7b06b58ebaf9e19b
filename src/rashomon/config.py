"""Limits that bound what untrusted input can cost (documented in the README)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20_000_000  # one input file on disk
    max_decompressed: int = 200_000_000  # a .warc.gz once inflated
    max_line: int = 200_000  # characters in one line of text
    max_article: int = 500_000  # characters of one article body (longer is truncated)
    max_records: int = 100_000  # articles from one JSONL/WARC/feed file
    max_json_depth: int = 64  # nesting of one JSON record (deeper is a failure for that record)


DEFAULT_LIMITS = Limits()
