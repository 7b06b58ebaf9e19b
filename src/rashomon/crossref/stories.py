"""Group articles into stories: the same unfolding event told by many outlets.

An article joins the story whose centroid it is most similar to, when the score
clears a threshold; otherwise it opens a new story. The score is the cosine
between the article's embedding and the story centroid, plus a bonus for shared
actors and places, minus a penalty when the dates are far apart. Articles of
stories that already exist (``previous``) keep their story, so adding articles
never reclusters the old ones; each new article is compared with story
centroids only (one matrix product per article, restricted to stories active
near its date), so cost grows with articles × live stories, not all pairs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from rashomon.clean.dating import day_number
from rashomon.crossref.corpus import Corpus
from rashomon.crossref.embed import Embedder, get_embedder
from rashomon.records import Article, Story, content_id


@dataclass(frozen=True)
class StoryParams:
    """Knobs of the clusterer (defaults tuned on ECB+; see docs/crossref.md)."""

    threshold: float | None = None  # minimum score to join a story (None: per backend)
    entity_weight: float = 0.15  # bonus × share of the article's actors/places the story has
    window_days: int = 30  # beyond this gap from a story's dates, a penalty applies
    date_penalty: float = 0.15
    refine_rounds: int = 3  # passes re-assigning new articles to the final centroids
    lead_chars: int = 2000  # the lead of the body that is embedded


# Join thresholds per embedding backend, tuned on ECB+ (cosines differ in scale).
THRESHOLDS = {"static": 0.85, "minilm": 0.6, "tfidf": 0.15}
# TF-IDF is fitted on the corpus itself: in a handful of articles every word is rare, so two
# tellings of one story share a smaller part of their weight (measured on BASIL triplets analysed
# alone: half of them split at the ECB+ threshold). The threshold falls to SMALL_TFIDF for
# SMALL_N articles or fewer, rising linearly in log size to the ECB+ value at BIG_N.
SMALL_TFIDF, SMALL_N, BIG_N = 0.1, 5, 30


def join_threshold(embedder: str, n: int) -> float:
    """The join threshold of a backend for a corpus of ``n`` articles."""
    top = THRESHOLDS.get(embedder, 0.5)
    if embedder != "tfidf":
        return top
    share = (np.log(max(n, SMALL_N)) - np.log(SMALL_N)) / (np.log(BIG_N) - np.log(SMALL_N))
    return float(SMALL_TFIDF + (top - SMALL_TFIDF) * min(share, 1.0))


def article_text(article: Article, lead_chars: int = 2000) -> str:
    """What is embedded: the title and the lead of the body."""
    return f"{article.title or ''}\n{article.body[:lead_chars]}".strip()


def story_day(article: Article) -> int | None:
    """The day the clusterer places an article on (its own publication date)."""
    return day_number(article.published)


def article_keys(corpus: Corpus) -> dict[str, set[str]]:
    """Actors and places each article names, as comparable keys."""
    keys: dict[str, set[str]] = {a.id: set() for a in corpus.articles}
    for mention in corpus.mentions:
        actor = corpus.actors.get(mention.actor_id)
        if actor is not None and actor.kind in ("civilians", "media"):
            continue  # too generic to tell stories apart
        keys.setdefault(mention.article_id, set()).add("a:" + mention.actor_id)
    for place in corpus.places:
        name = place.name or place.text
        keys.setdefault(place.article_id, set()).add("p:" + name.lower())
    return keys


BUCKET_DAYS = 7  # stories are indexed by the weeks they span, to find those near a date


def reach_weeks(day: int, window_days: int) -> range:
    """The weeks whose stories an article of ``day`` is scored against."""
    reach = window_days + BUCKET_DAYS
    return range((day - reach) // BUCKET_DAYS, (day + reach) // BUCKET_DAYS + 1)


def in_reach(stories: list[Story], days: list[int | None], window_days: int = 30) -> list[Story] | None:
    """The stories that articles of these ``days`` may join: the clusterer's own candidate
    rule (undated stories, and those whose weeks meet an article's reach), so clustering the
    articles against these stories alone gives what clustering them against all would.
    None when an article is undated (it is scored against every story)."""
    if any(d is None for d in days):
        return None
    weeks = {w for d in set(days) for w in reach_weeks(d, window_days)}  # type: ignore[arg-type]
    out = []
    for story in stories:
        first, last = day_number(story.first_date), day_number(story.last_date)
        if first is None or last is None or any(
                w in weeks for w in range(first // BUCKET_DAYS, last // BUCKET_DAYS + 1)):
            out.append(story)
    return out


class _Clusters:
    """Story centroids as one growing matrix, with inverted indexes of keys and weeks.

    An article is scored only against candidate stories: those active within the date
    window of its date (by week buckets), plus undated stories; an undated article is scored
    against all. Norms are kept up to date on each change, so a score costs O(candidates).
    """

    def __init__(self, dim: int, window_days: int = 30) -> None:
        self.totals = np.zeros((16, dim), dtype=np.float32)
        self.norms = np.zeros(16, dtype=np.float32)
        self.size = 0
        self.members: list[list[int]] = []
        self.key_index: dict[str, Counter] = {}
        self.first = np.full(16, np.iinfo(np.int64).max, dtype=np.int64)
        self.last = np.full(16, np.iinfo(np.int64).min, dtype=np.int64)
        self.window = window_days
        self.weeks: dict[int, set[int]] = {}
        self.undated: set[int] = set()

    def new(self) -> int:
        if self.size == len(self.totals):
            self.totals = np.vstack([self.totals, np.zeros_like(self.totals)])
            self.norms = np.concatenate([self.norms, np.zeros_like(self.norms)])
            self.first = np.concatenate([self.first, np.full_like(self.first, np.iinfo(np.int64).max)])
            self.last = np.concatenate([self.last, np.full_like(self.last, np.iinfo(np.int64).min)])
        self.members.append([])
        self.undated.add(self.size)
        self.size += 1
        return self.size - 1

    def add(self, j: int, i: int, vec: np.ndarray, keys: set[str], day: int | None) -> None:
        self.members[j].append(i)
        self.totals[j] += vec
        self.norms[j] = np.linalg.norm(self.totals[j])
        for key in keys:
            self.key_index.setdefault(key, Counter())[j] += 1
        if day is not None:
            old = (int(self.first[j]), int(self.last[j])) if self.first[j] <= self.last[j] else None
            self.first[j] = min(self.first[j], day)
            self.last[j] = max(self.last[j], day)
            self.undated.discard(j)
            lo, hi = int(self.first[j]) // BUCKET_DAYS, int(self.last[j]) // BUCKET_DAYS
            had = range(old[0] // BUCKET_DAYS, old[1] // BUCKET_DAYS + 1) if old else range(0)
            for week in range(lo, hi + 1):
                if week not in had:
                    self.weeks.setdefault(week, set()).add(j)

    def remove(self, j: int, i: int, vec: np.ndarray, keys: set[str]) -> None:
        self.members[j].remove(i)
        self.totals[j] -= vec
        self.norms[j] = np.linalg.norm(self.totals[j])
        for key in keys:
            counts = self.key_index[key]
            counts[j] -= 1
            if not counts[j]:
                del counts[j]  # a key's counter holds only the stories that have it

    def candidates(self, day: int | None) -> np.ndarray:
        """Stories an article of this date may join (see the class docstring)."""
        if day is None:
            return np.arange(self.size)
        found = set(self.undated)
        for week in reach_weeks(day, self.window):
            found |= self.weeks.get(week, set())
        return np.fromiter(sorted(found), dtype=np.int64, count=len(found))

    def scores(self, vec: np.ndarray, keys: set[str], day: int | None,
               params: StoryParams) -> tuple[np.ndarray, np.ndarray]:
        """(candidate story indexes, their join scores) for one article."""
        cand = self.candidates(day)
        if not len(cand):
            return cand, np.zeros(0, dtype=np.float32)
        norms = self.norms[cand].copy()
        norms[norms == 0] = 1.0
        scores = self.totals[cand] @ vec / norms
        if keys:
            scores += params.entity_weight * self.shared(cand, keys) / len(keys)
        if day is not None:
            first, last = self.first[cand], self.last[cand]
            dated = first <= last
            gap = np.where(day < first, first - day, np.where(day > last, day - last, 0))
            scores -= params.date_penalty * (dated & (gap > params.window_days))
        return cand, scores

    def shared(self, cand: np.ndarray, keys: set[str]) -> np.ndarray:
        """How many of ``keys`` each candidate story has. A key is walked over its own
        stories or over the candidates, whichever is fewer: a common key ("p:london") is
        held by stories of every month, the candidates are only those near the date."""
        shared = np.zeros(len(cand), dtype=np.float32)
        pos = np.full(self.size, -1, dtype=np.int64)
        pos[cand] = np.arange(len(cand))
        listed: list[int] | None = None
        for key in keys:
            counts = self.key_index.get(key)
            if not counts:
                continue
            if len(counts) < len(cand):
                hit = pos[np.fromiter(counts, dtype=np.int64, count=len(counts))]
                shared[hit[hit >= 0]] += 1
            else:
                listed = cand.tolist() if listed is None else listed
                shared += np.fromiter((j in counts for j in listed), dtype=np.float32,
                                      count=len(listed))
        return shared

    def best(self, vec: np.ndarray, keys: set[str], day: int | None,
             params: StoryParams) -> tuple[int, float]:
        """The best story for an article and its score ((-1, -inf) when there is none)."""
        cand, scores = self.scores(vec, keys, day, params)
        if not len(cand):
            return -1, float("-inf")
        k = int(np.argmax(scores))
        return int(cand[k]), float(scores[k])


def cluster(
    vecs: np.ndarray,
    keys: list[set[str]],
    days: list[int | None],
    seeds: list[list[int]] | None = None,
    params: StoryParams | None = None,
) -> list[int]:
    """Assign a cluster label to every row; rows in ``seeds`` keep their group.

    Args:
        vecs: L2-normalised embeddings, one row per article.
        keys: actor/place keys per article.
        days: date ordinals per article (None when unknown).
        seeds: groups of row indices that already form stories.
        params: thresholds and weights.

    Returns:
        A label per row; labels of seed groups are their index in ``seeds``.
    """
    params = params or StoryParams()
    if params.threshold is None:
        params = replace(params, threshold=0.5)
    n = len(vecs)
    labels = [-1] * n
    store = _Clusters(vecs.shape[1] if n else 1, params.window_days)
    for group in seeds or []:
        j = store.new()
        for i in group:
            store.add(j, i, vecs[i], keys[i], days[i])
            labels[i] = j
    fresh = sorted((i for i in range(n) if labels[i] < 0), key=lambda i: (days[i] or 0, i))
    for i in fresh:
        j, score = store.best(vecs[i], keys[i], days[i], params)
        if j < 0 or score < params.threshold:
            j = store.new()
        store.add(j, i, vecs[i], keys[i], days[i])
        labels[i] = j
    for _ in range(params.refine_rounds):
        moved = 0
        for i in fresh:  # k-means-like pass: move new articles to a clearly better story
            own = labels[i]
            store.remove(own, i, vecs[i], keys[i])
            j, score = store.best(vecs[i], keys[i], days[i], params)
            if j < 0 or score < params.threshold:
                j = own  # nothing clears the bar: stay
            moved += j != own
            store.add(j, i, vecs[i], keys[i], days[i])
            labels[i] = j
        if not moved:
            break
    return _compact(labels, len(seeds or []))


def _compact(labels: list[int], n_seeds: int) -> list[int]:
    """Renumber labels densely, seed groups first."""
    order: dict[int, int] = {k: k for k in range(n_seeds)}
    out = []
    for label in labels:
        if label not in order:
            order[label] = len(order)
        out.append(order[label])
    return out


def build_stories(
    corpus: Corpus,
    previous: list[Story] | None = None,
    embedder: Embedder | None = None,
    params: StoryParams | None = None,
) -> tuple[list[Story], dict[str, str]]:
    """Stories over the corpus, keeping ``previous`` stories' members in place.

    Articles with ``duplicate_of`` set follow their original into its story
    (they get a ``story_of`` entry) but are not listed or counted in it.

    Returns:
        The stories and a map article id -> story id.
    """
    params = params or StoryParams()
    embedder = embedder or get_embedder()
    originals = [a for a in corpus.articles if not a.duplicate_of]
    if params.threshold is None:
        params = replace(params, threshold=join_threshold(embedder.name, len(originals)))
    index = {a.id: i for i, a in enumerate(originals)}
    seeds: list[list[int]] = []
    seed_ids: list[str] = []
    for story in previous or []:
        group = [index[a] for a in story.article_ids if a in index]
        if group:
            seeds.append(group)
            seed_ids.append(story.id)
    if len(originals) > 1:
        vecs = embedder.encode([article_text(a, params.lead_chars) for a in originals])
    else:  # a lone article is its own story whatever its vector: nothing to compare, no embedder
        vecs = np.ones((len(originals), 1), dtype=np.float32)
    keys_of = article_keys(corpus)
    keys = [keys_of.get(a.id, set()) for a in originals]
    days = [story_day(a) for a in originals]
    labels = cluster(vecs, keys, days, seeds, params) if originals else []
    groups: dict[int, list[Article]] = {}
    for article, label in zip(originals, labels):
        groups.setdefault(label, []).append(article)
    stories: list[Story] = []
    story_of: dict[str, str] = {}
    for label, members in sorted(groups.items()):
        sid = seed_ids[label] if label < len(seed_ids) else None
        story = make_story(members, vecs[[index[a.id] for a in members]], sid)
        stories.append(story)
        for article in members:
            story_of[article.id] = story.id
    for article in corpus.articles:
        if article.duplicate_of and article.duplicate_of in story_of:
            story_of[article.id] = story_of[article.duplicate_of]
    return stories, story_of


def make_story(members: list[Article], vecs: np.ndarray, story_id: str | None = None) -> Story:
    """A Story record: id from its first article, title of its most central article."""
    ordered = sorted(members, key=lambda a: (a.published or "9999", a.id))
    centroid = vecs.mean(axis=0)
    central = members[int(np.argmax(vecs @ centroid))]
    title = central.title or central.body[:80].split("\n")[0]
    dated = sorted(a.published for a in members if a.published)
    return Story(
        id=story_id or content_id(ordered[0].id, "story", prefix="s"),
        title=title,
        article_ids=tuple(a.id for a in ordered),
        outlets=tuple(sorted({a.outlet for a in members if a.outlet})),
        first_date=dated[0] if dated else None,
        last_date=dated[-1] if dated else None,
    )
