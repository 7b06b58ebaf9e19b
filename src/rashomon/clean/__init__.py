"""Cleaning: raw text → :class:`~rashomon.records.Article` with chrome removed and metadata.

``clean(raw)`` walks the lines once. Each removed line is kept with its reason
(``Article.removed``) and every kept line maps back to the original text
(``Article.offset_map``), so offsets into the clean body can be traced to the
source. Kept lines are joined with blank lines: one paragraph per line.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import PurePath

from rashomon.clean.boilerplate import (
    is_caption_like, is_policy_paragraph, judge_line, normalize,
)
from rashomon.clean.language import detect_language
from rashomon.clean.metadata import (
    is_site_name, looks_like_title, normalize_date, outlet_from_dateline, outlet_from_line,
    outlet_from_url, parse_date_line, split_title_suffix,
)
from rashomon.config import DEFAULT_LIMITS, Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest.base import RawDoc
from rashomon.records import Article, Removed, Segment, content_id

__all__ = ["clean", "article_id"]

_BODY_LINE = re.compile(r"[.!?\"\u201d]\s*$")


def article_id(raw: RawDoc) -> str:
    """The article's content hash: same input, same id (re-runs add nothing)."""
    return content_id(raw.text, raw.title, raw.outlet, raw.url, raw.published, prefix="a")


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


def clean(raw: RawDoc, limits: Limits = DEFAULT_LIMITS) -> tuple[Article, list[InputError]]:
    """Remove page chrome, find title/outlet/date/language; return the article and warnings.

    Raises:
        InputError: R101 when nothing is left after cleaning.
    """
    warnings = [InputError(note) for note in raw.notes]  # from the reader (e.g. the encoding it guessed)
    lines = _lines(raw.text)
    verdict: list[str | None] = [None] * len(lines)  # None = keep, else the reason
    nonblank = [i for i, (_, s) in enumerate(lines) if s.strip()]
    # The header zone ends at the first line that reads like a body paragraph.
    first_body = next((i for i in nonblank if len(lines[i][1].split()) >= 12
                       and _BODY_LINE.search(lines[i][1].strip())), len(lines))

    title, outlet = raw.title, raw.outlet
    title_idx = None
    if title is None:
        for i in nonblank:
            if i > first_body:
                break
            s = lines[i][1].strip()
            if judge_line(s).keep and parse_date_line(s)[0] is None and looks_like_title(s) \
                    and not is_caption_like(s) and len(s.split()) >= 4:
                title, title_idx = s, i
                break
    if title is not None:
        title, suffix = split_title_suffix(title)
        outlet = outlet or suffix

    date_lines: list[tuple[int, str, bool]] = []
    seen: set[str] = set()
    title_key = normalize(title) if title else None
    in_comments = False
    for i in nonblank:
        s = lines[i][1].strip()
        words = s.split()
        if in_comments:
            verdict[i] = "comment section"
            outlet = outlet or outlet_from_line(s)
            continue
        if i == title_idx:
            verdict[i] = "headline"
            seen.add(normalize(s))
            continue
        v = judge_line(s)
        if not v.keep:
            verdict[i] = v.reason
            in_comments = v.reason == "comment section"
            outlet = outlet or outlet_from_line(s)
            continue
        if is_policy_paragraph(s) and len(words) <= 120 and re.search(r"\bcomment", s, re.I):
            verdict[i] = "comment policy"
            outlet = outlet or outlet_from_line(s)
            continue
        date, labelled = parse_date_line(s)
        if date is not None:
            date_lines.append((i, date, labelled))
            after_title = title_idx is not None and i > title_idx
            verdict[i] = "date line" if (after_title or labelled) else "page header date (not the article's)"
            continue
        key = normalize(s)
        if title_key and (key == title_key or split_title_suffix(s)[0].casefold() == title_key.casefold()):
            verdict[i] = "repeated headline"
            continue
        if i < first_body and is_caption_like(s):
            verdict[i] = "image caption"
            seen.add(key)
            continue
        if key in seen and len(words) >= 3:
            verdict[i] = "repeated line"
            continue
        if i < first_body and i != first_body and is_site_name(s) and title is not None:
            verdict[i] = "section label" if outlet else "site name"
            outlet = outlet or s
            continue
        if i < first_body and len(words) <= 3 and not re.search(r"[.!?:;,\"]", s) and title_idx is not None:
            verdict[i] = "section label"
            continue
        if i <= first_body:
            outlet = outlet or outlet_from_dateline(s)
        seen.add(key)

    published = normalize_date(raw.published)
    if raw.published and published is None:
        warnings.append(InputError(Errors.R104.format(source=raw.source, value=raw.published[:40])))
    if published is None:
        for i, date, labelled in date_lines:
            if labelled or (title_idx is not None and i > title_idx):
                published = date
                break
    outlet = outlet or outlet_from_url(raw.url)

    body_parts: list[str] = []
    segments: list[Segment] = []
    removed: list[Removed] = []
    pos = 0
    for i, (offset, line) in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if verdict[i] is not None:
            removed.append(Removed(text=s, reason=verdict[i] or "", line=i))
            continue
        if body_parts:
            pos += 2
        lead = len(line) - len(line.lstrip())
        segments.append(Segment(start=pos, orig_start=offset + lead, length=len(s)))
        body_parts.append(s)
        pos += len(s)
    body = "\n\n".join(body_parts)
    aid = article_id(raw)
    if not body.strip():
        raise InputError(Errors.R101.format(source=raw.source))
    if len(body) > limits.max_article:
        warnings.append(InputError(Errors.R014.format(source=raw.source, size=len(body), limit=limits.max_article)))
        body = body[: limits.max_article].rstrip()
        cut = len(body)
        segments = [dataclasses.replace(g, length=min(g.length, cut - g.start)) for g in segments if g.start < cut]
    language = raw.language or detect_language(body)
    if language not in (None, "en"):
        warnings.append(InputError(Errors.R102.format(source=raw.source, lang=language)))
    # Warnings travel with the stored article (not in ``failures``, which lists
    # what could not be stored). The note is shown on web pages, so it names the file,
    # not where it lies on this machine.
    name = PurePath(raw.source).name
    note = " ".join(w.message.replace(raw.source, name) for w in warnings) or None
    article = Article(
        id=aid, source=raw.source, outlet=outlet, title=title, published=published,
        language=language, body=body, removed=tuple(removed), url=raw.url, reader=raw.reader,
        offset_map=tuple(segments), note=note, words=len(body.split()),
    )
    return article, warnings
