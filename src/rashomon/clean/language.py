"""Language identification (langdetect, seeded so results are repeatable).

langdetect costs a few milliseconds an article (3.6 % of a run's CPU), almost all of
it spent confirming English. A text whose words are at least 15 % English function
words that other Latin-script languages do not use is English without asking it.

langdetect's own start builds a table of 180,000 n-gram probabilities over its 55 language
profiles, ~0.4 s of every process that asks it once (any short article does). Here the
table fills in on use: an n-gram's probabilities are computed the first time a text
needs them, with langdetect's own formula, so the answers are the same.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from langdetect import DetectorFactory, LangDetectException
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.language import Language

DetectorFactory.seed = 0

SAMPLE = 3000  # characters looked at
# Frequent in English, not words of other languages written in Latin script ("will" is
# German, "in"/"is"/"was" Dutch and German, "a" everywhere; "of" is Dutch for "or", but
# not frequent enough alone to reach the share below).
ENGLISH_WORDS = frozenset({"the", "and", "of", "to", "that", "with", "which", "said", "have",
                           "has", "were", "from", "this", "would", "their", "they", "been"})
MIN_WORDS = 40  # fewer words: the share is too noisy, langdetect decides
ENGLISH_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure."""
    sample = text[:SAMPLE]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    if is_clearly_english(sample):
        return "en"
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return best.lang if best.prob >= 0.8 else None


class _NgramTable(dict):  # type: ignore[type-arg]
    """langdetect's n-gram -> per-language probabilities, every n-gram listed at once
    (lookups stay dict-fast) and its probabilities computed on first use."""

    def __init__(self) -> None:
        super().__init__()
        self.profiles: list[tuple[dict[str, int], list[int]]] = []

    def __getitem__(self, word: str) -> list[float]:
        probs = dict.__getitem__(self, word)
        if probs is None:  # langdetect's DetectorFactory.add_profile, for this n-gram
            n = len(word)
            probs = [1.0 * freq[word] / n_words[n - 1] if 1 <= n <= 3 and word in freq else 0.0
                     for freq, n_words in self.profiles]
            self[word] = probs
        return probs  # type: ignore[no-any-return]


class _Factory(DetectorFactory):  # type: ignore[misc]
    """langdetect's factory over the lazy table (same profiles, same order)."""

    def __init__(self) -> None:
        super().__init__()
        self.word_lang_prob_map = _NgramTable()

    def add_profile(self, profile: Any, index: int, langsize: int) -> None:
        self.langlist.append(profile.name)
        self.word_lang_prob_map.profiles.append((profile.freq, profile.n_words))
        self.word_lang_prob_map.update(dict.fromkeys(profile.freq))  # nothing computed yet


@lru_cache(maxsize=1)
def _factory() -> _Factory:
    factory = _Factory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def detect_langs(text: str) -> list[Language]:
    """langdetect's ``detect_langs``: the likely languages, most probable first."""
    detector = _factory().create()
    detector.append(text)
    return detector.get_probabilities()  # type: ignore[no-any-return]


def is_clearly_english(sample: str) -> bool:
    """Whether English function words make up enough of the sample's words."""
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return False
    return sum(w in ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words)
