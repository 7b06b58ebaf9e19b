"""Held-out check of actor consistency on ECB+ human participants (real news text).

ECB+ (Cybulska & Vossen 2014, CC BY 3.0, ``../shared/data/ecbplus``) marks the human
participants of each document (``HUMAN_PART_*``: "Lindsay Lohan", "the actress", "she",
"police") and links them into cross-document chains. Each document is rebuilt from its
tokens and linked; every gold participant mention in the officially annotated sentences
that belongs to a cross-document chain gets the actor id of the mention overlapping it
(or a singleton label when nothing is linked there).

Scores (mention-level B³, Bagga & Baldwin 1998): precision, recall and F1 of the
actor-id clustering against the gold chains, plus coverage (mentions linked at all).
A baseline clusters mentions by their lower-cased words, so the numbers can be read
against something. "named" restricts to mentions containing a capitalised word other
than a pronoun or article (the part a gazetteer/NER linker is expected to cover).
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import ConfigError, Errors
from rashomon.eval.coref_metrics import b_cubed
from rashomon.records import Article

DEFAULT_DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "ecbplus"
_ATTACH_LEFT = {".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve",
                "'ll", "'d", "'m", "'"}
_ATTACH_RIGHT = {"(", "[", "{", "$"}
_NOT_NAMES = {"The", "A", "An", "He", "She", "It", "They", "His", "Her", "Their", "We", "I"}


@dataclass(frozen=True)
class GoldMention:
    doc: str
    start: int  # char offsets in the rebuilt text
    end: int
    chain: str
    text: str


@dataclass
class EcbResult:
    n: int = 0
    linked: int = 0
    b3: tuple[float, float, float] = (0.0, 0.0, 0.0)
    baseline: tuple[float, float, float] = (0.0, 0.0, 0.0)
    named_n: int = 0
    named_linked: int = 0
    named_b3: tuple[float, float, float] = (0.0, 0.0, 0.0)
    named_baseline: tuple[float, float, float] = (0.0, 0.0, 0.0)
    merged_b3: tuple[float, float, float] = (0.0, 0.0, 0.0)  # after merge_provisional
    named_merged_b3: tuple[float, float, float] = (0.0, 0.0, 0.0)


def rebuild(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from ``(t_id, word, sentence)`` tokens and each token's char span."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos, prev_sent, prev_word = 0, None, ""
    for t_id, word, sent in tokens:
        if parts:
            sep = "\n" if sent != prev_sent else (
                "" if word in _ATTACH_LEFT or prev_word in _ATTACH_RIGHT else " ")
            parts.append(sep)
            pos += len(sep)
        spans[t_id] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_sent, prev_word = sent, word
    return "".join(parts), spans


def _sentences(data: Path) -> set[tuple[str, str, int]]:
    out = set()
    with (data / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.add((row["Topic"], row["File"], int(row["Sentence Number"])))
    return out


def read(path: Path, annotated: set[tuple[str, str, int]]) -> tuple[Article, list[GoldMention]]:
    """One document: the rebuilt article and its gold participant mentions in chains."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.text or "", int(t.get("sentence", "0")))
              for t in root.iter("token")]
    text, spans = rebuild(tokens)
    sent_of = {t_id: s for t_id, _, s in tokens}
    topic, name = path.parent.name, path.stem.split("_", 1)[1]
    markables = {m.get("m_id"): m for m in root.find("Markables") or []}
    chain: dict[str, str] = {}
    for rel in root.find("Relations") or []:
        if rel.tag != "CROSS_DOC_COREF":
            continue
        for src in rel.findall("source"):
            chain[src.get("m_id", "")] = rel.get("note", "")
    gold = []
    for m_id, mark in markables.items():
        anchors = [a.get("t_id", "") for a in mark.findall("token_anchor")]
        if not mark.tag.startswith("HUMAN_PART") or not anchors or m_id not in chain:
            continue
        if (topic, name, sent_of[anchors[0]]) not in annotated:
            continue
        start, end = spans[anchors[0]][0], spans[anchors[-1]][1]
        gold.append(GoldMention(path.name, start, end, chain[m_id], text[start:end]))
    article = Article(id=path.name, source=str(path), outlet=None, title=None, published=None,
                      language="en", body=text)
    return article, gold


DEV_TOPICS = 5  # the first five topics (by number) were used while building; the rest is test


def score(data: Path = DEFAULT_DATA, split: str = "test", nlp=None) -> EcbResult:  # type: ignore[no-untyped-def]
    """Link and score the ``dev`` (first five topics), ``test`` (the rest) or ``all`` split."""
    from rashomon.nlp.pipeline import load_nlp, make_doc

    folder = data / "ECB+"
    if not folder.is_dir():
        raise ConfigError(Errors.R501.format(path=data, expected="ECB+/ and the sentence list"))
    annotated = _sentences(data)
    topic_dirs = sorted((p for p in folder.iterdir() if p.is_dir()), key=lambda p: int(p.name))
    chosen = {"dev": topic_dirs[:DEV_TOPICS], "test": topic_dirs[DEV_TOPICS:]}.get(split, topic_dirs)
    paths = [f for d in chosen for f in sorted(d.glob("*.xml"))]
    docs = [read(p, annotated) for p in paths]
    if nlp is None:
        nlp = load_nlp(extractors=["rashomon_actors"])
    from rashomon.nlp.actors.merge import merge_provisional
    from rashomon.records import Actor, Mention

    gold_labels, pred_labels, base_labels, named = [], [], [], []
    linked = 0
    actors: dict[str, Actor] = {}
    mentions: list[Mention] = []
    for (article, gold), doc in zip(docs, nlp.pipe(make_doc(nlp, a) for a, _ in docs)):
        spans = list(doc.spans["rashomon_mentions"])
        actors.update(doc._.actors or {})
        mentions += [Mention(id="", article_id="", actor_id=s._.actor_id, text="", start=0, end=0,
                             link="") for s in spans]
        for g in gold:
            hits = [s for s in spans if s.start_char < g.end and g.start < s.end_char]
            hit = max(hits, key=len) if hits else None
            linked += hit is not None
            gold_labels.append(g.chain)
            pred_labels.append(hit._.actor_id if hit is not None else f"none:{g.doc}:{g.start}")
            base_labels.append(g.text.lower())
            named.append(any(w[:1].isupper() and w not in _NOT_NAMES for w in g.text.split()))
    result = EcbResult(n=len(gold_labels), linked=linked)
    result.b3 = b_cubed(gold_labels, pred_labels)
    result.baseline = b_cubed(gold_labels, base_labels)
    keep = [i for i, flag in enumerate(named) if flag]
    result.named_n = len(keep)
    result.named_linked = sum(1 for i in keep if not pred_labels[i].startswith("none:"))
    result.named_b3 = b_cubed([gold_labels[i] for i in keep], [pred_labels[i] for i in keep])
    result.named_baseline = b_cubed([gold_labels[i] for i in keep], [base_labels[i] for i in keep])
    mapping = merge_provisional(actors.values(), mentions)
    merged = [mapping.get(p, p) for p in pred_labels]
    result.merged_b3 = b_cubed(gold_labels, merged)
    result.named_merged_b3 = b_cubed([gold_labels[i] for i in keep], [merged[i] for i in keep])
    return result


def report(result: EcbResult, out) -> None:  # type: ignore[no-untyped-def]
    def prf(t: tuple[float, float, float]) -> str:
        return f"P {100 * t[0]:.1f} R {100 * t[1]:.1f} F1 {100 * t[2]:.1f}"

    out(f"ecbplus participants: {result.n} gold mentions in cross-document chains, linked "
        f"{result.linked} ({100 * result.linked / max(result.n, 1):.1f}%); "
        f"B³ {prf(result.b3)}; after merging provisional surnames across documents "
        f"{prf(result.merged_b3)}; same-words baseline {prf(result.baseline)}")
    out(f"  named mentions: {result.named_n}, linked {result.named_linked} "
        f"({100 * result.named_linked / max(result.named_n, 1):.1f}%); B³ {prf(result.named_b3)}; "
        f"merged {prf(result.named_merged_b3)}; baseline {prf(result.named_baseline)}")


__all__ = ["EcbResult", "b_cubed", "read", "rebuild", "report", "score"]
