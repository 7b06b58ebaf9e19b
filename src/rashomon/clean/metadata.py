"""Title, outlet and publication date from the lines around the body.

The publication date must be the article's own: a date line above the headline
is usually the site's "today" banner (the day the page was scraped), so only a
date line below the headline, or one labelled "Published", counts. When unsure
the date stays ``None`` — a wrong date would mis-anchor every relative date.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlparse

import dateparser

_MONTHS = (r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
           r"sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?")
_DATE_TOKEN = re.compile(
    rf"^({_MONTHS}|mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?|"
    r"\d{1,4}(st|nd|rd|th)?|\d{1,2}:\d{2}(:\d{2})?|am|pm|a\.m\.|p\.m\.|gmt|utc|[a-z]{2,4}t|"
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}-\d{2}-\d{2}(t[\d:.+z-]*)?|on|at|of|the|-|\|)$", re.I)
_DATE_PREFIX = re.compile(r"^(published|posted|updated|last updated|first published|date)(\s+on)?\s*[:\-]?\s*", re.I)
_HAS_MONTH_OR_NUMERIC = re.compile(rf"\b({_MONTHS})\b|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}", re.I)
_TITLE_SUFFIX = re.compile(r"^(?P<title>.*\S)\s+[-|–—]\s+(?P<site>[^-|–—]{2,60})$")
_WELCOME = re.compile(r"^\|?\s*welcome to\s+(?P<site>.+?)\s*\|?\s*$", re.I)
_RESERVES = re.compile(r"\b(?P<site>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+reserves the right\b")
_COPYRIGHT_SITE = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<site>[A-Z][\w.&' -]{1,50}?)[.,]?\s*(all rights reserved)?\.?$", re.I)
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past",
             "RETURN_AS_TIMEZONE_AWARE": False}


def _date_words(line: str) -> tuple[str, bool] | None:
    """The line without its label, and whether it had one, if it is shaped like a date line."""
    s = line.strip()
    labelled = bool(_DATE_PREFIX.match(s))
    s = _DATE_PREFIX.sub("", s)
    words = re.findall(r"[^\s,]+", s)
    if not words or len(words) > 9 or not _HAS_MONTH_OR_NUMERIC.search(s):
        return None
    if not all(_DATE_TOKEN.match(w.strip(".")) or _DATE_TOKEN.match(w) for w in words):
        return None
    return s, labelled


def looks_like_date_line(line: str) -> bool:
    """Whether the line is shaped like a date line (cheap: no date parsing)."""
    return _date_words(line) is not None


def parse_date_line(line: str) -> tuple[str | None, bool]:
    """``(YYYY-MM-DD, labelled)`` if the line is nothing but a date, else ``(None, False)``."""
    shaped = _date_words(line)
    if shaped is None:
        return None, False
    s, labelled = shaped
    parsed = dateparser.parse(s, languages=["en"], settings=_SETTINGS)  # type: ignore[arg-type]
    if parsed is None:
        return None, False
    return parsed.strftime("%Y-%m-%d"), labelled


_PLAUSIBLE_YEARS = range(1800, 2200)  # wide enough for archives and fiction, not for "9999"


def normalize_date(value: str | None) -> str | None:
    """A structured date field (ISO, RFC 2822, ...) as YYYY-MM-DD, or None when it is not a
    real calendar date (``9999-99-99``, ``2024-02-30``) in a plausible year."""
    if not value:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        try:
            day = datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
        return value[:10] if day.year in _PLAUSIBLE_YEARS else None
    try:
        parsed = dateparser.parse(value[:100], languages=["en"], settings=_SETTINGS)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    return parsed.strftime("%Y-%m-%d") if parsed and parsed.year in _PLAUSIBLE_YEARS else None


def split_title_suffix(line: str) -> tuple[str, str | None]:
    """``"Headline - Site Name"`` → ``("Headline", "Site Name")`` when the suffix looks like a site."""
    m = _TITLE_SUFFIX.match(line.strip())
    if not m:
        return line.strip(), None
    site = m.group("site").strip()
    title = m.group("title").strip()
    site_words = site.split()
    if 1 <= len(site_words) <= 6 and len(title.split()) >= 4 and all(
            w[:1].isupper() or w[:1].isdigit() or w in {"of", "the", "and", "&"} for w in site_words):
        return title, site
    return line.strip(), None


def outlet_from_line(line: str) -> str | None:
    """A site name stated by a banner, a comment policy or a copyright line."""
    s = line.strip()
    for pattern in (_WELCOME, _RESERVES, _COPYRIGHT_SITE):
        m = pattern.search(s)
        if m:
            site = m.group("site").strip(" |.")
            if 1 <= len(site.split()) <= 6 and site.lower() not in {"we", "the site", "this site"}:
                return site
    return None


# Where a story was filed, as a news dateline opens its body: a place in capitals, maybe a region
# after a comma ("WASHINGTON", "HARTFORD, Conn.", "KYIV, Ukraine"); the quote finder and the
# ledger each add the wire and the dash they accept.
DATELINE_PLACE = r"[A-Z][A-Z.'\-]+(?:[ /][A-Z][A-Z.'\-]+)*(?:, [A-Z][\w.]*(?: [\w.]+){0,2})?"

_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z/ ,.'-]{2,60},\s+(?:\w+\.?\s+\d{1,2}|\d{1,2}\s+\w+)\s+\((?P<site>[^)]{2,40})\)\s*[-–—]")


def outlet_from_dateline(line: str) -> str | None:
    """``"PARIS, June 4 (Some Wire) - ..."``: the wire or outlet named in a news dateline."""
    m = _WIRE_DATELINE.match(line.strip())
    return m.group("site").strip() if m else None


def is_site_name(line: str) -> bool:
    """A standalone masthead line: two to five capitalized words, no punctuation."""
    words = line.strip().split()
    return 2 <= len(words) <= 5 and not re.search(r"[.!?:;,\"\d]", line) and all(
        w[:1].isupper() or w.lower() in {"of", "the", "and", "&"} for w in words)


def outlet_from_url(url: str | None) -> str | None:
    """``https://www.example-news.com/x`` → ``example-news.com``."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def looks_like_title(line: str) -> bool:
    """A headline: short, no sentence-final period."""
    s = line.strip()
    words = s.split()
    return 2 <= len(words) <= 30 and not s.endswith(".") and not s.startswith(("•", "-", "*"))
