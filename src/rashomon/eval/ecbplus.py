"""ECB+ (Cybulska & Vossen 2014) as a story-clustering gold set.

Each XML file is one tokenised news document. The gold story of a document is
its topic plus sub-topic (``1_ecb`` vs ``1_ecbplus``): 86 clusters of 3–22
documents, each topic holding a near-miss distractor event. ``doc_clusters.tsv``
(made by the data curator from the file names) lists them.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from rashomon.errors import ConfigError, Errors
from rashomon.records import Article, content_id

_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


@dataclass(frozen=True)
class GoldDoc:
    """One ECB+ document as an Article plus its gold story label."""

    article: Article
    cluster: str  # "<topic>_<ecb|ecbplus>"
    topic: str


def detokenize(tokens: list[str]) -> str:
    """Join ECB+ tokens into readable text (spaces removed before punctuation)."""
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def _published(sentence: str) -> str | None:
    """The ISO date when a whole sentence is a dateline ("May 03, 2013")."""
    if not re.fullmatch(r"[A-Za-z]{3,9}\.? \d{1,2},? \d{4}", sentence.strip()):
        return None
    import dateparser  # only for datelines; keeps the loader light otherwise

    parsed = dateparser.parse(sentence, languages=["en"])
    return parsed.date().isoformat() if parsed else None


def read_doc(path: Path) -> tuple[Article, str | None]:
    """One ECB+ XML file as an Article (ecbplus files: URL → ``url``, line 1 → title)."""
    root = ET.parse(path).getroot()
    tokens = [(int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    sentences = [[w for _, w in grp] for _, grp in groupby(tokens, key=lambda x: x[0])]
    url = None
    title = None
    published = None
    if path.name.endswith("ecbplus.xml") and sentences:
        url = "".join(sentences[0])
        sentences = sentences[1:]
        if sentences:
            title = detokenize(sentences[0])
        for sent in sentences[1:3]:
            published = published or _published(detokenize(sent))
    body = "\n".join(detokenize(s) for s in sentences)
    name = root.get("doc_name", path.name)
    outlet = None
    if url:
        match = re.match(r"https?://(?:www\.)?([^/]+)", url)
        outlet = match.group(1) if match else None
    article = Article(
        id=content_id("ecbplus", name), source=str(path), outlet=outlet, title=title,
        published=published, language="en", body=body, url=url, words=len(tokens),
    )
    return article, title


def load(data: Path, topics: set[str] | None = None) -> list[GoldDoc]:
    """The ECB+ documents listed in ``doc_clusters.tsv`` (of some topics only), in file order."""
    table = data / "doc_clusters.tsv"
    if not table.exists():
        raise ConfigError(Errors.R501.format(path=data, expected="doc_clusters.tsv and ECB+/"))
    docs: list[GoldDoc] = []
    with table.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if topics is not None and row["topic"] not in topics:
                continue
            path = data / "ECB+" / row["topic"] / row["doc_name"]
            article, _ = read_doc(path)
            docs.append(GoldDoc(article=article, cluster=row["event_cluster"], topic=row["topic"]))
    return docs
