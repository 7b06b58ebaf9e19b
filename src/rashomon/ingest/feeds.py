"""RSS / Atom feed files: one article per entry, from its content or summary."""

from __future__ import annotations

import re
import time
from pathlib import Path

from rashomon.config import Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest import register
from rashomon.ingest.base import RawDoc, ReadResult, decode, encoding_notes, read_bytes
from rashomon.ingest.flat import flat_text

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _html_to_text(html: str) -> str:
    import lxml.html  # trafilatura's dependency; entries are small fragments

    html = _NOT_XML.sub("", html)  # lxml refuses to hold control characters
    try:
        root = lxml.html.fromstring(html)
        for br in root.iter("br", "p", "div", "li"):
            br.tail = ("\n\n" + br.tail) if br.tail else "\n\n"
        return str(root.text_content())
    except (ValueError, lxml.etree.ParserError):  # not markup lxml can hold: read it flat
        return flat_text(html)


@register("feeds", (".rss", ".atom", ".xml"))
def read(path: Path, source: str, limits: Limits) -> ReadResult:
    import feedparser  # here: a run of other formats never pays for this import

    text, encoding = decode(read_bytes(path, source, limits), source)
    notes = encoding_notes(encoding, source)
    # resolve_relative_uris/sanitize keep feedparser from trusting entry markup
    feed = feedparser.parse(text, sanitize_html=True, resolve_relative_uris=False)
    if not feed.entries:  # a file that yields nothing must still leave a row
        reason = str(feed.bozo_exception)[:200] if feed.bozo else "it has no entries"
        raise InputError(Errors.R011.format(source=source, reason=reason))
    outlet = feed.feed.get("title") if hasattr(feed, "feed") else None
    for n, entry in enumerate(feed.entries[: limits.max_records], start=1):
        content = ""
        if entry.get("content"):
            content = " ".join(c.get("value", "") for c in entry.content)
        content = content or entry.get("summary", "")
        body = _html_to_text(content).strip() if content else ""
        if not body:
            yield InputError(Errors.R007.format(source=source, line=n))
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", parsed) if parsed else None
        yield RawDoc(source=f"{source}#{n}", text=body, reader="feeds", title=entry.get("title"),
                     outlet=outlet, published=published, url=entry.get("link"), structured=True,
                     notes=notes)
    if len(feed.entries) > limits.max_records:
        yield InputError(Errors.R019.format(source=source, count=len(feed.entries) - limits.max_records,
                                            limit=limits.max_records))
