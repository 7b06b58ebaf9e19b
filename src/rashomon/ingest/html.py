"""HTML pages: main text and metadata via trafilatura, the date via htmldate."""

from __future__ import annotations

import logging
from pathlib import Path

import trafilatura
from htmldate import find_date

from rashomon.config import Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest import register
from rashomon.ingest.base import RawDoc, ReadResult, decode_text, read_bytes

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def extract_html(html: str, source: str, url: str | None = None, reader: str = "html") -> RawDoc:
    """One RawDoc from an HTML string.

    Raises:
        InputError: R009 when trafilatura finds no main text.
    """
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(Errors.R009.format(source=source))
    try:
        # original_date: the article's own publication date, not the last update
        published = find_date(html, original_date=True, extensive_search=False, url=url)
    except Exception:  # htmldate raises on pathological markup; a missing date is fine
        published = None
    published = published or getattr(doc, "date", None)
    return RawDoc(
        source=source, text=text, reader=reader, title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        published=published, url=url or getattr(doc, "url", None), structured=True,
    )


@register("html", (".html", ".htm", ".xhtml"))
def read(path: Path, source: str, limits: Limits) -> ReadResult:
    html = decode_text(read_bytes(path, source, limits), source)
    yield extract_html(html, source)
