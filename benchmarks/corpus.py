"""Benchmark corpora built at run time from the shared data (never committed).

``build(folder)`` writes real news text found in ``<repo>/../shared``: the seeds
(``.txt``, as scraped), PolNeAR articles (``.txt``, as scraped), BASIL and ECB+
articles (``.jsonl``, 50 per file, with title/outlet/date). ``articles(limit)``
yields the same texts in memory for the bare-spaCy baseline and the fusion
benchmark. The texts stay on this machine: the shared data is licensed for
local evaluation only.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
PER_FILE = 50


@dataclass(frozen=True)
class Text:
    """One source article: where it came from and its fields."""

    key: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    kind: str = "jsonl"  # how ``build`` writes it: "txt" (scraped text) or "jsonl"


def _seeds(shared: Path) -> Iterator[Text]:
    for path in sorted((shared / "seeds").glob("*.txt")):
        yield Text(f"seeds/{path.name}", path.read_text(encoding="utf-8"), kind="txt")


def _polnear(shared: Path) -> Iterator[Text]:
    root = shared / "data" / "polnear"
    meta: dict[str, dict[str, str]] = {}
    with open(root / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    for split in ("train", "dev", "test", "annotator-training"):
        for path in sorted((root / split / "text").glob("*.txt")):
            row = meta.get(path.stem, {})
            yield Text(f"polnear/{split}/{path.name}", path.read_text(encoding="utf-8"),
                       title=row.get("title"), outlet=row.get("publisher"),
                       published=row.get("publication_date"), kind="txt")


def _basil(shared: Path) -> Iterator[Text]:
    for path in sorted((shared / "data" / "basil" / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(sents) for sents in data.get("body-paragraphs", []))
        yield Text(f"basil/{path.stem}", body, title=data.get("title"),
                   outlet=str(data.get("source", "")).lower() or None, published=data.get("date"))


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def _ecbplus(shared: Path) -> Iterator[Text]:
    for path in sorted((shared / "data" / "ecbplus" / "ECB+").glob("*/*.xml"),
                       key=lambda p: (int(p.parent.name), p.name)):
        sentences: dict[int, list[str]] = {}
        for tok in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
        lines = [_detokenize(toks) for _, toks in sorted(sentences.items())]
        if len(lines) < 2:
            continue
        # ECB+ documents start with a headline (and often a date line) as sentence 0.
        yield Text(f"ecbplus/{path.name}", "\n\n".join(lines[1:]), title=lines[0], outlet="ecbplus")


SOURCES = (_seeds, _polnear, _basil, _ecbplus)


def articles(limit: int | None = None, shared: Path = SHARED) -> list[Text]:
    """Every benchmark text, interleaved across sources so a prefix mixes them all."""
    if not shared.exists():
        raise SystemExit(f"shared data not found at {shared}")
    pools = [list(src(shared)) for src in SOURCES]
    out: list[Text] = []
    for i in range(max(len(p) for p in pools)):
        for pool in pools:
            if i < len(pool):
                out.append(pool[i])
    return out[:limit] if limit else out


def build(folder: Path, limit: int | None = None) -> list[Text]:
    """Write the corpus into ``folder`` as rashomon input files; returns the texts."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = articles(limit)
    batch: list[Text] = []
    files = 0

    def flush() -> None:
        nonlocal files, batch
        if batch:
            with open(folder / f"batch_{files:04d}.jsonl", "w", encoding="utf-8") as fh:
                for t in batch:
                    fh.write(json.dumps({"text": t.text, "title": t.title, "outlet": t.outlet,
                                         "published": t.published}, ensure_ascii=False) + "\n")
            files += 1
            batch = []

    for n, t in enumerate(texts):
        if t.kind == "txt":
            (folder / f"{n:05d}_{Path(t.key).stem[:40]}.txt").write_text(t.text, encoding="utf-8")
        else:
            batch.append(t)
            if len(batch) >= PER_FILE:
                flush()
    flush()
    return texts


def words(text: str) -> int:
    """Whitespace words (the unit of every words/s figure in the benchmarks)."""
    return len(text.split())


if __name__ == "__main__":
    import sys

    texts = articles()
    by: dict[str, int] = {}
    for t in texts:
        by[t.key.split("/")[0]] = by.get(t.key.split("/")[0], 0) + 1
    print(len(texts), "articles", sum(words(t.text) for t in texts), "words", by, file=sys.stdout)
