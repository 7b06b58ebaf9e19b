"""Fusion cost: story clustering + claim merging at 1k, 10k and 100k articles.

Usage::

    python benchmarks/fusion.py                       # 1k, 10k, 100k
    python benchmarks/fusion.py --sizes 1000 10000 --timeout 600
    python benchmarks/fusion.py --sizes 10000 --add 1000   # incremental step

Real extraction records first: ``--base N`` real benchmark articles
(``benchmarks/corpus.py``) go through ``rashomon analyze`` once. Synthetic
variants then scale them up: story ``s`` is told by ``--outlets`` outlets, each
a copy of base article ``s mod N`` with a new id and its own outlet. Round
``c = s // N`` of the base articles replaces every content word (2+ letters, not a stop word)
and number in title and body by a pseudo-word of the same length (so each round is a new set
of stories, and every record offset stays valid), except the words found in at least
``COMMON_SHARE`` of the base articles ("said", "president", "party"): news shares its common
vocabulary across months. (With private forms of it, a round read as one topic to the story
clusterer's TF-IDF: at 100k, 84 rounds, each round's 150 base articles fell into about 17
stories of 70 articles; keeping them, at 10k each round falls into about 65 stories of 18,
and at 1k, the real round's first 125 articles into 51 of 20.) A round's dates move ``ROUND_DAYS`` (60) on, beyond the clusterer's reach (30 days,
widened to whole weeks: up to 44), so no story of one round is a candidate for an article of
the next and the actor and place keys the rounds share cannot glue them (45 days, used
before, left rounds 43 days apart: in reach). Each size runs
``rashomon.crossref.cross_reference`` over a ``Corpus`` of those records in a
fresh process, with wall time, CPU time (the figure to compare on a shared
machine) and CPU time by stage (stories, claims, contradictions, framing); a
size that exceeds ``--timeout`` is reported as such, with the last progress
line of the run. ``--add N`` then adds N more articles to each size and
times the incremental step over only the stories in their date reach (what
``rashomon.run.crossref`` reads from a store), without store I/O.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import pickle
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

TABLES = ("mentions", "quotes", "events", "figures", "places", "dates")


def base_records(n: int, cache: Path) -> dict[str, Any]:
    """Records of ``n`` real articles (analyzed once, cached as a pickle)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from rashomon.analyze import analyze
    from rashomon.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        corpus.build(folder, n)
        db = Path(tmp) / "base.duckdb"
        analyze([str(folder)], db, processes=min(2, os.cpu_count() or 1), crossref=False)
        with Store(db, read_only=True) as store:
            data = {t: store.read(t) for t in ("articles", "actors", *TABLES)}
    cache.write_bytes(pickle.dumps(data))
    return data


_WORD = re.compile(r"[A-Za-z]{2,}|[0-9]+")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
try:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as _STOP
except ImportError:  # pragma: no cover - sklearn comes with the tfidf embedder
    _STOP = frozenset()


ROUND_DAYS = 60  # days between rounds: more than the clusterer's reach (see the docstring)
COMMON_SHARE = 0.05  # a word in this share of the base articles is common vocabulary: kept


def common_words(articles: list[Any], share: float = COMMON_SHARE) -> frozenset[str]:
    """Lower-cased words found in at least ``share`` of the articles (title or body)."""
    df: dict[str, int] = defaultdict(int)
    for a in articles:
        for word in {w.lower() for w in _WORD.findall(f"{a.title or ''} {a.body or ''}")}:
            df[word] += 1
    return frozenset(w for w, c in df.items() if c >= share * len(articles))


def _pseudo(word: str, cycle: int, memo: dict[tuple[str, int], str],
            keep: frozenset[str] = frozenset()) -> str:
    key = (word.lower(), cycle)
    if key[0] in _STOP or key[0] in keep:  # rounds differ in content, not in grammar or common words
        return word
    if key not in memo:
        digest = hashlib.blake2b(f"{cycle}:{key[0]}".encode(), digest_size=32).digest()
        alphabet = "0123456789" if word.isdigit() else _LETTERS
        memo[key] = "".join(alphabet[digest[i % 32] % len(alphabet)] for i in range(len(word)))
    fake = memo[key]
    return "".join(f.upper() if w.isupper() else f for w, f in zip(word, fake))


def scramble(text: str | None, cycle: int, memo: dict[tuple[str, int], str],
             keep: frozenset[str] = frozenset()) -> str | None:
    """Same-length pseudo-words for round ``cycle`` (round 0: the real text); the words in
    ``keep`` (lower-cased) stay."""
    if not text or cycle == 0:
        return text
    return _WORD.sub(lambda m: _pseudo(m.group(0), cycle, memo, keep), text)


def synthesize(base: dict[str, Any], size: int, outlets: int) -> Any:
    """A Corpus of ``size`` articles: stories of ``outlets`` variants of a base article."""
    from rashomon.crossref import Corpus

    articles = [a for a in base["articles"] if not a.duplicate_of and a.language in (None, "en")]
    by_article: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for table in TABLES:
        for r in base[table]:
            by_article[r.article_id][table].append(r)
    out: dict[str, list[Any]] = {t: [] for t in ("articles", *TABLES)}
    day0 = dt.date(2020, 1, 1)
    memo: dict[tuple[str, int], str] = {}
    keep = common_words(articles)
    bodies: dict[tuple[int, int], tuple[str | None, str | None]] = {}
    for n in range(size):
        story, outlet = divmod(n, outlets)
        cycle, b = divmod(story, len(articles))
        src = articles[b]
        if (b, cycle) not in bodies:
            bodies = {(b, cycle): (scramble(src.title, cycle, memo, keep),
                                    scramble(src.body, cycle, memo, keep))}
        title, body = bodies[b, cycle]
        aid = f"a{n:07d}"
        date = (day0 + dt.timedelta(days=ROUND_DAYS * cycle + outlet % 3)).isoformat()
        out["articles"].append(dataclasses.replace(
            src, id=aid, source=f"synthetic/{n}", outlet=f"outlet-{outlet}", published=date,
            title=title, body=body, duplicate_of=None, story_id=None))
        for table in TABLES:
            for r in by_article[src.id][table]:
                out[table].append(dataclasses.replace(r, id=f"{r.id}-{n}", article_id=aid))
    return Corpus(articles=out["articles"], actors={a.id: a for a in base["actors"]},
                  **{t: out[t] for t in TABLES})


def _timed(module: Any, name: str, totals: dict[str, float]) -> None:
    fn = getattr(module, name)
    calls = [0]

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.process_time() - t0
            calls[0] += 1
            if calls[0] % 100 == 1:  # progress on stderr: what a size that times out got through
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"{name} x{calls[0]}: " + "  ".join(f"{k} {v:.0f} cpu s" for k, v in totals.items())
                      + f"  peak RSS {rss:.0f} MB", file=sys.stderr, flush=True)

    setattr(module, name, wrapper)


def _add(base: dict[str, Any], size: int, add: int, outlets: int, stories: list[Any]) -> dict[str, Any]:
    """Add ``add`` articles to the ``size`` already clustered: the incremental step reads only
    the stories in the new articles' date reach (as ``rashomon.run.crossref`` does from a store)."""
    from rashomon.crossref import Corpus, cross_reference
    from rashomon.crossref.stories import in_reach, story_day

    more = synthesize(base, size + add, outlets)
    new = more.articles[size:]
    reach = in_reach(stories, [story_day(a) for a in new])
    if reach is None:
        raise SystemExit("an added article is undated: the step would read every story")
    ids = {i for s in reach for i in s.article_ids} | {a.id for a in new}
    scoped = Corpus(articles=[a for a in more.articles if a.id in ids], actors=more.actors,
                    **{t: [r for r in getattr(more, t) if r.article_id in ids] for t in TABLES})
    t0 = time.process_time()
    result = cross_reference(scoped, reach, changed={a.id for a in new})
    return {"cpu": time.process_time() - t0, "articles_read": len(scoped.articles),
            "stories_read": len(reach), "recomputed": len(result.recomputed or [])}


def _child(cache: Path, size: int, outlets: int, add: int = 0) -> dict[str, Any]:
    from rashomon.crossref import contradictions, cross_reference, ledger, stories

    totals: dict[str, float] = {}
    _timed(stories, "build_stories", totals)
    _timed(ledger, "build_ledger", totals)
    _timed(contradictions, "find_contradictions", totals)
    try:
        from rashomon.crossref import framing

        _timed(framing, "compute_framing", totals)
    except ImportError:
        pass
    base = pickle.loads(cache.read_bytes())
    data = synthesize(base, size, outlets)
    records = sum(len(getattr(data, t)) for t in TABLES)
    t0, c0 = time.perf_counter(), time.process_time()
    result = cross_reference(data)
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = {"size": size, "records": records, "seconds": total, "cpu": cpu, "stages": dict(totals),
           "stories": len(result.stories), "claims": len(result.claims),
           "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if add:
        del data
        out["add"] = _add(base, size, add, outlets, result.stories)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--base", type=int, default=150, help="real articles to analyze as the base")
    ap.add_argument("--outlets", type=int, default=8, help="articles per synthetic story")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds allowed per size")
    ap.add_argument("--cache", type=Path, default=None, help="keep the base records here (pickle)")
    ap.add_argument("--add", type=int, default=0,
                    help="then add this many articles and time the incremental step")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    cache = args.cache or Path(tempfile.gettempdir()) / f"rashomon-fusion-base-{args.base}.pkl"
    if args.child:
        print(json.dumps(_child(cache, args.child, args.outlets, args.add)))
        return
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    t0 = time.perf_counter()
    base = base_records(args.base, cache)
    print(f"base: {len(base['articles'])} real articles analyzed in {time.perf_counter() - t0:.0f} s "
          f"(cached in {cache}); stories of {args.outlets} outlets each\n", flush=True)
    prev: dict[str, Any] | None = None
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--child", str(size), "--outlets", str(args.outlets),
               "--base", str(args.base), "--cache", str(cache), "--add", str(args.add)]
        try:
            out = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired as exc:
            err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else exc.stderr or ""
            last = err.strip().splitlines()[-1:] or ["(no progress line)"]
            print(f"{size:>7} articles: did not finish in {args.timeout:.0f} s; last progress: {last[0]}",
                  flush=True)
            break
        except subprocess.CalledProcessError as exc:
            print(f"{size:>7} articles: failed: {exc.stderr.strip().splitlines()[-1:]}", flush=True)
            break
        r = json.loads(out.stdout.strip().splitlines()[-1])
        stages = "  ".join(f"{k} {v:.1f}" for k, v in sorted(r["stages"].items()))
        growth = ""
        if prev:
            ratio = (r["cpu"] / prev["cpu"]) / (size / prev["size"])
            growth = f"  CPU cost/article x{ratio:.2f} vs {prev['size']}"
        print(f"{size:>7} articles ({r['records']} records): {r['seconds']:8.1f} s wall, "
              f"{r['cpu']:.1f} s CPU ({r['cpu'] / size * 1000:.1f} ms/article)  {r['stories']} stories, "
              f"{r['claims']} claims, peak RSS {r['rss_mb']:.0f} MB{growth}\n"
              f"          CPU s by stage: {stages}", flush=True)
        if "add" in r:
            a = r["add"]
            print(f"          +{args.add} articles: {a['cpu']:.1f} s CPU "
                  f"({a['cpu'] / args.add * 1000:.1f} ms/article); read {a['articles_read']} articles "
                  f"in {a['stories_read']} stories, recomputed {a['recomputed']} of "
                  f"{r['stories']}+ stories", flush=True)
        prev = r
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
