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

from rashomon.crossref.framing.lexicon import form_regex

# Hyphens join a token ("so-called"); apostrophes end one ("Artsakh’s" -> "Artsakh").
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_PART = re.compile(r"-")
MAX_STEM = 24  # longest wildcard stem looked up
MEMO_SIZE = 200_000  # distinct words whose candidates are remembered


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
        self._stem_lengths = sorted({len(stem) for stem in self.stems if len(stem) <= MAX_STEM})
        self._memo: dict[str, tuple[_Entry, ...]] = {}

    def _candidates(self, word: str) -> tuple[_Entry, ...]:
        # News repeats its words: memoise per word. Bounded, so a huge corpus can't grow it;
        # emptied when full rather than frozen, so a long run keeps its current words cached.
        found = self._memo.get(word)
        if found is None:
            found = tuple(self.exact.get(word, ())) + tuple(
                e for k in self._stem_lengths if k <= len(word)
                for e in self.stems.get(word[:k], ())
            )
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[word] = found
        return found

    def matches(self, text: str) -> Iterator[tuple[int, int, Hashable]]:
        """Every (start, end, payload) a form matches, overlaps included."""
        for token in _TOKEN.finditer(text):
            raw, base = token.group(0), token.start()
            words = [(base, token.end())]
            if "-" in raw:
                # Forms may also match the pieces of a hyphenated token: "terrorist*" in
                # "anti-terrorist", "war" in "war-torn".
                cuts = [0, *(m.end() for m in _PART.finditer(raw)), len(raw) + 1]
                for i in range(len(cuts) - 1):
                    words.append((base + cuts[i], base + cuts[i + 1] - 1))
                    if i:
                        words.append((base + cuts[i], token.end()))
            for start, end in words:
                for entry in self._candidates(text[start:end].lower()):
                    if entry.regex is None:
                        yield start, end, entry.payload
                        continue
                    m = entry.regex.match(text, start)
                    if m is not None:
                        yield start, m.end(), entry.payload
        for pattern, payload in self.regexes:
            for m in pattern.finditer(text):
                yield m.start(), m.end(), payload


def longest_first(hits: Iterable[tuple[int, int, int, Hashable]]) -> list[tuple[int, int, Hashable]]:
    """Non-overlapping (start, end, rank, payload) hits: leftmost, then lowest rank (the
    variant listed first), then longest."""
    kept: list[tuple[int, int, Hashable]] = []
    covered = -1
    for start, end, _, payload in sorted(hits, key=lambda h: (h[0], h[2], -(h[1] - h[0]))):
        if start < covered:
            continue
        kept.append((start, end, payload))
        covered = end
    return kept


__all__ = ["PhraseIndex", "longest_first"]
