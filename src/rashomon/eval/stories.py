"""``rashomon eval stories``: story clustering against ECB+ document clusters.

Scores B³ (Bagga & Baldwin 1998: per-document precision/recall of its predicted
cluster against its gold cluster, averaged over documents) and pairwise
precision/recall/F1 (over all document pairs put in one cluster).
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import click

from rashomon.crossref.corpus import Corpus
from rashomon.eval import ecbplus
from rashomon.eval.metrics import f1


def b_cubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of predicted labels against gold labels."""
    n = len(gold)
    if n == 0:
        return 0.0, 0.0, 0.0
    joint = Counter(zip(gold, pred))
    gold_size = Counter(gold)
    pred_size = Counter(pred)
    p = sum(joint[g, q] / pred_size[q] for g, q in zip(gold, pred)) / n
    r = sum(joint[g, q] / gold_size[g] for g, q in zip(gold, pred)) / n
    return p, r, f1(p, r)


def pairwise(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 over same-cluster document pairs."""

    def pairs(counter: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())

    both = pairs(Counter(zip(gold, pred)))
    in_pred = pairs(Counter(pred))
    in_gold = pairs(Counter(gold))
    p = both / in_pred if in_pred else 0.0
    r = both / in_gold if in_gold else 0.0
    return p, r, f1(p, r)


def evaluate(
    data: Path, embedder: str | None = None, threshold: float | None = None,
) -> dict[str, float]:
    """Cluster every ECB+ document with ``build_stories`` and score it."""
    from rashomon.crossref.embed import get_embedder
    from rashomon.crossref.stories import StoryParams, build_stories

    docs = ecbplus.load(data)
    params = StoryParams() if threshold is None else StoryParams(threshold=threshold)
    model = get_embedder(embedder)
    started = time.perf_counter()
    _, story_of = build_stories(Corpus(articles=[d.article for d in docs]), None, model, params)
    seconds = time.perf_counter() - started
    gold = [d.cluster for d in docs]
    pred = [story_of[d.article.id] for d in docs]
    bp, br, bf = b_cubed(gold, pred)
    pp, pr, pf = pairwise(gold, pred)
    return {
        "documents": len(docs), "gold_clusters": len(set(gold)), "predicted": len(set(pred)),
        "b3_p": bp, "b3_r": br, "b3_f1": bf, "pair_p": pp, "pair_r": pr, "pair_f1": pf,
        "seconds": seconds, "embedder": model.name,  # type: ignore[dict-item]
    }


@click.command("stories")
@click.option("--data", type=click.Path(path_type=Path), default=Path("../shared/data/ecbplus"),
              show_default=True, help="Folder of the ECB+ gold set.")
@click.option("--embedder", type=click.Choice(["auto", "tfidf", "static", "minilm"]),
              default="auto", show_default=True, help="Embedding backend.")
@click.option("--threshold", type=float, default=None, help="Override the join threshold.")
def command(data: Path, embedder: str, threshold: float | None) -> None:
    """Score story clustering (B³ and pairwise P/R/F1) on ECB+'s 86 clusters.

    \b
    Example:
      rashomon eval stories --data ../shared/data/ecbplus --embedder tfidf
    """
    from rich.console import Console
    from rich.table import Table

    result = evaluate(data, embedder, threshold)
    table = Table(title=f"Stories on ECB+ ({result['embedder']} embeddings)")
    for col in ("metric", "P", "R", "F1"):
        table.add_column(col, justify="right" if col != "metric" else "left")
    table.add_row("B³", *(f"{100 * result[k]:.1f}" for k in ("b3_p", "b3_r", "b3_f1")))
    table.add_row("pairwise", *(f"{100 * result[k]:.1f}" for k in ("pair_p", "pair_r", "pair_f1")))
    console = Console()
    console.print(table)
    console.print(
        f"{result['documents']} documents, {result['gold_clusters']} gold stories, "
        f"{result['predicted']} predicted; embedding + clustering took {result['seconds']:.1f} s"
    )
