"""The NLP task, run by any executor: one loaded pipeline per process, kept.

:func:`extract_batch` is what the runner submits, to a process pool, to Dask
workers or inline; the pipeline loads on a process's first batch and stays.
"""

from __future__ import annotations

import threading
from typing import Any

from rashomon.records import Article, Failure

_NLP: Any = None
_NLP_KEY: str | None = None
_LOCK = threading.Lock()  # one pipeline per process; threads (Dask) take turns


def pipeline(model: str, config: dict[str, dict[str, Any]] | None) -> Any:
    """This process's loaded pipeline (loaded once, again only if the settings change)."""
    global _NLP, _NLP_KEY
    from rashomon.nlp.pipeline import load_nlp

    key = repr((model, config))
    if _NLP is None or key != _NLP_KEY:
        _NLP, _NLP_KEY = load_nlp(model, config=config), key
    return _NLP


def extract_articles(nlp: Any, articles: list[Article]) -> list[Any]:
    """Extractions of a batch; a batch that fails is retried article by article."""
    from rashomon.nlp.pipeline import extract

    try:
        return list(extract(nlp, articles))
    except Exception:  # noqa: BLE001 - one bad article must not end the run
        out: list[Any] = []
        for article in articles:
            try:
                out.extend(extract(nlp, [article]))
            except Exception as one:  # noqa: BLE001 - recorded as a failure row
                out.append(Failure(article.source, "nlp", "R201",
                                   f"[R201] {article.source}: the NLP pipeline failed: "
                                   f"{type(one).__name__}: {one}"[:500]))
        return out


def extract_batch(articles: list[Article], model: str, config: dict[str, dict[str, Any]] | None) -> list[Any]:
    """The task: extraction records (or Failures) of ``articles``, in order."""
    if not articles:
        return []
    with _LOCK:
        return extract_articles(pipeline(model, config), articles)
