"""HTML pages: main text and metadata via trafilatura, the date via htmldate."""

from __future__ import annotations

import logging
from pathlib import Path

from rashomon.config import Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest import register
from rashomon.ingest.base import RawDoc, ReadResult, decode, encoding_notes, read_bytes
from rashomon.ingest.flat import flat_text, tree_text

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def extract_html(html: str, source: str, url: str | None = None, reader: str = "html",
                 notes: tuple[str, ...] = ()) -> RawDoc:
    """One RawDoc from an HTML string.

    Raises:
        InputError: R009 when no main text is found, R020 when the only text is in
            scripts and styles (trafilatura would return the script as the article).
    """
    import trafilatura  # here: a run of text files never pays for these imports
    from htmldate import find_date

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        text = _text_lost_by_the_tree(html)
        if text is None:
            raise InputError(Errors.R009.format(source=source))
        doc = None
    else:
        seen = tree_text(html)
        if seen is not None and 2 * len(seen.split()) < len(text.split()):
            raise InputError(Errors.R020.format(source=source))
    try:
        # original_date: the article's own publication date, not the last update
        published = find_date(html, original_date=True, extensive_search=False, url=url)
    except Exception:  # htmldate raises on pathological markup; a missing date is fine
        published = None
    published = published or getattr(doc, "date", None)
    return RawDoc(
        source=source, text=text, reader=reader, title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        published=published, url=url or getattr(doc, "url", None), structured=doc is not None, notes=notes,
    )


def _text_lost_by_the_tree(html: str) -> str | None:
    """The flat text of a page whose tree lost most of it (markup nested too deep for
    lxml), or None when the tree held the text and trafilatura simply found no article."""
    flat = flat_text(html)
    words = len(flat.split())
    if words >= 20 and words > 2 * len((tree_text(html) or "").split()):
        return flat
    return None


@register("html", (".html", ".htm", ".xhtml"))
def read(path: Path, source: str, limits: Limits) -> ReadResult:
    html, encoding = decode(read_bytes(path, source, limits), source)
    yield extract_html(html, source, notes=encoding_notes(encoding, source))
