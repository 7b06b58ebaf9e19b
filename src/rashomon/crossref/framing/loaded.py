"""Loaded language (lexical bias): words that carry the writer's judgement.

A lexicon detector over ``nlp/lexicons/framing_loaded.tsv`` (format documented in
the file). Scored on BASIL's lexical-bias spans by ``rashomon eval bias``; in the
framing table it counts each outlet's loaded words (kind ``vocabulary``, key
``loaded language``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rashomon import config
from rashomon.crossref.framing.index import PhraseIndex, longest_first
from rashomon.crossref.framing.sense import QuoteIndex, other_sense
from rashomon.crossref.framing.view import StoryView, evidence
from rashomon.errors import ConfigError, Errors
from rashomon.records import Framing

LOADED_PATH = Path(__file__).resolve().parents[2] / "nlp" / "lexicons" / "framing_loaded.tsv"
ENV_LOADED = "RASHOMON_LOADED"
# Categories used by default: chosen on BASIL dev (see docs/framing.md, "Evaluation").
DEFAULT_CATEGORIES: frozenset[str] | None = None


@dataclass(frozen=True)
class LoadedHit:
    start: int
    end: int
    text: str
    category: str


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
EXCLUDE = "exclude"  # the category of words never flagged (pruned on BASIL dev)


def words_of(text: str) -> set[str]:
    """Lower-cased words, for the "no other outlet used it" test."""
    return {w.lower().replace("’", "'") for w in _WORDS.findall(text)}


@dataclass(frozen=True)
class LoadedLexicon:
    """Compiled loaded-language lexicon: a phrase index whose payload is the category."""

    index: PhraseIndex
    excluded: frozenset[str] = frozenset()

    @property
    def categories(self) -> frozenset[str]:
        entries = [*self.index.exact.values(), *self.index.stems.values()]
        return frozenset(str(e.payload) for group in entries for e in group)

    def find(
        self, text: str, categories: Iterable[str] | None = None,
        others: set[str] | None = None,
    ) -> list[LoadedHit]:
        """Loaded words in ``text``; where two forms overlap, the leftmost, then longest.

        Args:
            text: the text to search.
            categories: only these categories; all when None.
            others: the words of the other outlets' articles on the same story. A hit
                whose words all occur there is dropped: the same word in every outlet's
                telling is the story's vocabulary, not one outlet's choice.
        """
        wanted = set(categories) if categories is not None else None
        hits = []
        for start, end, category in longest_first(
            (s, e, 0, c) for s, e, c in self.index.matches(text)
            if wanted is None or c in wanted
        ):
            found = text[start:end]
            if " ".join(found.lower().split()) in self.excluded:
                continue
            if others and words_of(found) <= others:
                continue
            hits.append(LoadedHit(start, end, found, str(category)))
        return hits


def parse_loaded(lines: Iterable[str], source: str = "<data>") -> dict[str, list[str]]:
    """Forms by category from the TSV lines."""
    forms: dict[str, list[str]] = defaultdict(list)
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ConfigError(Errors.R404.format(
                name=f"{source}:{number}", reason="expected 'form<TAB>category'"))
        forms[parts[1].strip()].append(parts[0].strip())
    return forms


def compile_loaded(forms: dict[str, list[str]]) -> LoadedLexicon:
    """Index the forms by their first word; ``exclude`` forms become the stop list."""
    excluded = frozenset(" ".join(f.lower().split()) for f in forms.get(EXCLUDE, ()))
    entries = [(form, category) for category, items in forms.items() if category != EXCLUDE
               for form in dict.fromkeys(items)]
    return LoadedLexicon(PhraseIndex(entries), excluded)


@lru_cache(maxsize=4)
def load_loaded(extra: tuple[str, ...] | None = None) -> LoadedLexicon:
    """The built-in lexicon plus the user's files (``$RASHOMON_LOADED`` when ``extra`` is None)."""
    if extra is None:
        extra = config.loaded_files()
    forms: dict[str, list[str]] = defaultdict(list)
    for path in (str(LOADED_PATH), *extra):
        if not Path(path).is_file():
            raise ConfigError(Errors.R401.format(path=path))
        with open(path, encoding="utf-8") as handle:
            for category, items in parse_loaded(handle, path).items():
                forms[category].extend(items)
    return compile_loaded(dict(forms))


def loaded_vocabulary(view: StoryView, lexicon: LoadedLexicon | None = None) -> list[Framing]:
    """Each outlet's loaded words that no other outlet in the story used, with counts."""
    lexicon = lexicon or load_loaded()
    vocab = {outlet: set().union(*(words_of(a.body) for a in arts))
             for outlet, arts in view.by_outlet.items()}
    rows: list[Framing] = []
    for outlet, articles in view.by_outlet.items():
        others: set[str] = set().union(*(v for o, v in vocab.items() if o != outlet))
        hits: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        quoted: dict[str, Counter[str]] = defaultdict(Counter)
        category: dict[str, str] = {}
        words = 0
        for article in articles:
            words += len(article.body.split())
            quotes = QuoteIndex(view.index.quotes.get(article.id, []), article.body)
            for hit in lexicon.find(article.body, DEFAULT_CATEGORIES, others):
                if other_sense(article.body, hit.start, hit.end):
                    continue
                word = hit.text.lower()
                category[word] = hit.category
                speaker = quotes.speaker_at(hit.start, hit.end)
                if speaker:  # the speaker's word, reported: not the outlet's choice
                    quoted[word][speaker] += 1
                else:
                    hits[word].append((article.id, hit.start, hit.end))
        for word, found in sorted(hits.items()):
            extra = {"quoted": dict(sorted(quoted[word].items()))} if quoted.get(word) else {}
            rows.append(view.framing(
                "vocabulary", outlet, "loaded language", word, len(found),
                category=category[word], per_1000_words=round(1000 * len(found) / max(words, 1), 2),
                articles=dict(Counter(a for a, _, _ in found)), evidence=evidence(found), **extra,
            ))
        for word, speakers in sorted(quoted.items()):
            if word not in hits:
                rows.append(view.framing(
                    "vocabulary", outlet, "loaded language, quoted", word, sum(speakers.values()),
                    category=category[word], speakers=dict(sorted(speakers.items()))))
    return rows


__all__ = ["LoadedHit", "LoadedLexicon", "load_loaded", "loaded_vocabulary", "parse_loaded"]
