"""Find many lexicon forms in a text in one pass over its tokens.

A form's first word is looked up in a dict (exact words) or by its prefixes
(wildcard stems, "liberat*"); only multi-word forms run a small regex, anchored
at the candidate token. One alternation regex per group was 10–40x slower on
article-length text. ``re:`` forms (rare) are run as their own regexes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass

from rashomon.crossref.framing_lexicon import form_regex

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_PART = re.compile(r"[-'’]")
MAX_STEM = 24  # longest wildcard stem looked up


@dataclass(frozen=True)
class _Entry:
    payload: Hashable
    regex: re.Pattern[str] | None  # multi-word forms: checked at the candidate token


class PhraseIndex:
    """Forms (the syntax of ``framing_terms.yaml``) indexed by their first word."""

    def __init__(self, entries: Iterable[tuple[str, Hashable]]) -> None:
        self.exact: dict[str, list[_Entry]] = defaultdict(list)
        self.stems: dict[str, list[_Entry]] = defaultdict(list)
        self.regexes: list[tuple[re.Pattern[str], Hashable]] = []
        for form, payload in entries:
            if form.startswith("re:"):
                self.regexes.append((re.compile(form[3:]), payload))
                continue
            words = form.lower().split()
            if not words:
                continue
            regex = (re.compile(form_regex(form, inline_flag=False), re.IGNORECASE)
                     if len(words) > 1 else None)
            first = words[0]
            if first.endswith("*"):
                self.stems[first[:-1]].append(_Entry(payload, regex))
            else:
                self.exact[first].append(_Entry(payload, regex))

    def _candidates(self, word: str) -> Iterator[_Entry]:
        yield from self.exact.get(word, ())
        for k in range(1, min(len(word), MAX_STEM) + 1):
            yield from self.stems.get(word[:k], ())

    def matches(self, text: str) -> Iterator[tuple[int, int, Hashable]]:
        """Every (start, end, payload) a form matches, overlaps included."""
        for token in _TOKEN.finditer(text):
            starts = [token.start()]
            # "anti-terrorist": a form may also start after a hyphen inside a token.
            starts += [token.start() + m.end() for m in _PART.finditer(token.group(0))]
            for start in starts:
                word = text[start:token.end()].lower()
                for entry in self._candidates(word):
                    if entry.regex is None:
                        yield start, token.end(), entry.payload
                        continue
                    m = entry.regex.match(text, start)
                    if m is not None:
                        yield start, m.end(), entry.payload
        for pattern, payload in self.regexes:
            for m in pattern.finditer(text):
                yield m.start(), m.end(), payload


def longest_first(hits: Iterable[tuple[int, int, int, Hashable]]) -> list[tuple[int, int, Hashable]]:
    """Non-overlapping hits: leftmost, then longest, then lowest rank (list order)."""
    kept: list[tuple[int, int, Hashable]] = []
    covered = -1
    for start, end, _, payload in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]), h[2])):
        if start < covered:
            continue
        kept.append((start, end, payload))
        covered = end
    return kept


__all__ = ["PhraseIndex", "longest_first"]
