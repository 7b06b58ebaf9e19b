"""One speaker's words retold by several outlets: the same quote is one fact, whatever each
outlet's sentence around it says.

Three joins read the words a sentence puts in quotation marks (:func:`quoted_spans`):

- :func:`join_retold_quotes`: a sentence left alone joins the row of another article's
  sentence that quotes most of its words, in long runs;
- :func:`join_partial_quotes`: a sentence left alone that quotes a few words of a longer quote
  ("called the remarks 'well over the line'") joins the one row that holds them, said by the
  same speaker;
- :func:`join_quoted_rows`: two rows that each hold one telling of the same quote (most of both
  sentences' quoted words, in one long run) are one statement.

A speaker is one across outlets when the actor, or the surname, is the same, or when one outlet
credits the document that carries the words ("the statement said") and the other its author.
"""

from __future__ import annotations

import re

from rashomon.crossref.ledger.days import days_apart
from rashomon.crossref.ledger.joins import components
from rashomon.crossref.ledger.units import Unit
from rashomon.vocab import OWN_VOICE

VERBATIM = 8  # words in a row, inside quotation marks, that make two sentences one quote retold
RETOLD_SHARE = 0.5  # ... when they hold this share of a sentence's quoted runs
RETOLD_RUNS = 5  # ... and this many runs at least: twelve words, more than a catchphrase
PARTIAL_WORDS = 4  # words a partial quote needs to name its quote (fewer are a catchphrase)
_MARK = re.compile("[\u201c\u201d\"]")
_OPENS_AFTER = " \t\n([{\u2014\u2013-:"
_RUN_WORD = re.compile(r"[a-z0-9']+")
# what speaks for its author: "the statement said", "the memo concluded", "the report read"
_DOCUMENT = frozenset({"statement", "statements", "memo", "memorandum", "report", "letter",
                       "release", "email", "e-mail", "filing", "complaint", "document", "note",
                       "transcript", "post", "tweet"})


def quoted_spans(text: str) -> list[str]:
    """The stretches of ``text`` inside quotation marks. A straight mark opens after a space, a
    bracket or a dash and closes otherwise; a closing mark with no opening one before it closes
    a quote the sentence began inside ("... theology," he said begins in the quote), and an
    opening mark with no closing one runs to the end (the quote goes on in the next sentence).
    A straight mark after a digit is inches."""
    spans: list[str] = []
    open_at: int | None = None
    for k, m in enumerate(_MARK.finditer(text)):
        i, mark = m.start(), m.group()
        if mark == '"' and i and text[i - 1].isdigit():
            continue  # inches: a 12" pipe
        opening = mark == "\u201c" or (mark == '"' and (i == 0 or text[i - 1] in _OPENS_AFTER))
        if opening and open_at is None:
            open_at = m.end()
        elif not opening and open_at is not None:
            spans.append(text[open_at:i])
            open_at = None
        elif not opening and k == 0:
            spans.append(text[:i])
    if open_at is not None:
        spans.append(text[open_at:])
    return [s for s in spans if s.strip()]


def _words(text: str) -> list[str]:
    return _RUN_WORD.findall(text.replace("\u2019", "'").lower())


def quoted_words(u: Unit) -> list[list[str]]:
    """The words of each span the sentence quotes, and of each of its direct quotes that the
    spans do not already hold (a quote whose marks fall outside the sentence)."""
    spans = [w for w in map(_words, quoted_spans(u.text)) if w]
    for q in u.quotes:
        words = _words(q.text) if q.kind == "direct" else []
        if words and not any(_inside(words, s) or _inside(s, words) for s in spans):
            spans.append(words)
    return spans


def _quoted_runs(u: Unit) -> set[tuple[str, ...]]:
    """The ``VERBATIM``-word runs of the words the sentence quotes."""
    out: set[tuple[str, ...]] = set()
    for words in quoted_words(u):
        out.update(tuple(words[k:k + VERBATIM]) for k in range(len(words) - VERBATIM + 1))
    return out


def _sizes(labels: list[int]) -> dict[int, int]:
    size: dict[int, int] = {}
    for lab in labels:
        size[lab] = size.get(lab, 0) + 1
    return size


def join_retold_quotes(units: list[Unit], labels: list[int]) -> list[int]:
    """A sentence left alone joins the row of another article's sentence that quotes the same
    words, credited to one speaker: ``RETOLD_SHARE`` or more of its quoted words, in runs of
    ``VERBATIM`` or more, twelve words at least (a remark every outlet repeats, "a farmer from
    Iowa who never went to law school", is quoted in passing in sentences about other facts). A
    spokesman's statement printed whole by two outlets and in part by a third is one statement,
    even where the third tells it in a sentence of its own next to the lead that alignment gave
    the statement's row (the article then holds two sentences of the row). Only a sentence
    alone moves, and only on most of its own quoted words: rows are not chained through one
    long quote that several rows retell in parts, nor is a remark joined to a sentence that
    quotes it in passing in the outlet's own voice ("apologized after calling him 'a farmer
    who never went to law school'").
    """
    size = _sizes(labels)
    runs = [_quoted_runs(u) for u in units]
    by_run: dict[tuple[str, ...], list[int]] = {}
    for j, rs in enumerate(runs):
        for run in rs:
            by_run.setdefault(run, []).append(j)
    links = []
    for i, rs in enumerate(runs):
        if not rs or size[labels[i]] > 1 or units[i].frame.sourcing == OWN_VOICE:
            continue
        shared: dict[int, int] = {}
        for run in rs:
            for j in by_run[run]:
                if units[j].article_id != units[i].article_id and labels[j] != labels[i] \
                        and one_statement(units[i], units[j]):
                    shared[labels[j]] = shared.get(labels[j], 0) + 1
        best = max(shared.items(), key=lambda kv: (kv[1], -kv[0]), default=None)
        if best is not None and best[1] >= max(RETOLD_SHARE * len(rs), RETOLD_RUNS):
            links.append((labels[i], best[0]))
    joined = components(len(units), links)
    return [joined[lab] for lab in labels]


def _inside(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is a run of ``whole``."""
    n = len(part)
    return any(whole[k:k + n] == part for k in range(len(whole) - n + 1))


def join_partial_quotes(units: list[Unit], labels: list[int]) -> list[int]:
    """A sentence left alone that quotes a few words of a longer quote ("called the remarks
    'well over the line'", four words at least: ``PARTIAL_WORDS``) joins the row of another
    article's sentence whose quoted words hold them in a row, credited to the same speaker —
    when exactly one row holds them (a phrase the speaker used in several statements names none
    of them). Not a sentence in the outlet's own voice: that tells something else about the
    words (an apology for them, a reaction to them)."""
    size = _sizes(labels)
    quoted = [quoted_words(u) for u in units]
    links = []
    for i, u in enumerate(units):
        parts = [w for w in quoted[i] if len(w) >= PARTIAL_WORDS]
        if not parts or size[labels[i]] > 1 or u.frame.sourcing == OWN_VOICE:
            continue
        rows = {labels[j] for j, v in enumerate(units)
                if v.article_id != u.article_id and labels[j] != labels[i] and quoted[j]
                and one_statement(u, v)
                and any(_inside(p, w) for p in parts for w in quoted[j])}
        if len(rows) == 1:
            links.append((labels[i], rows.pop()))
    joined = components(len(units), links)
    return [joined[lab] for lab in labels]


def _same_quote(a: list[list[str]], b: list[list[str]]) -> bool:
    """Whether two sentences quote one remark: a run of twelve words or more that holds
    ``RETOLD_SHARE`` of the quoted words of the sentence that quotes less (one outlet prints a
    statement whole in one sentence, another its first lines)."""
    least = VERBATIM + RETOLD_RUNS - 1
    for wa in a:
        runs = {tuple(wa[k:k + least]) for k in range(len(wa) - least + 1)}
        for wb in b:
            if not any(tuple(wb[k:k + least]) in runs for k in range(len(wb) - least + 1)):
                continue
            least_total = min(sum(map(len, a)), sum(map(len, b)))
            if _common_run(wa, wb) >= RETOLD_SHARE * least_total:
                return True
    return False


def _common_run(a: list[str], b: list[str]) -> int:
    """The length of the longest run of words ``a`` and ``b`` share."""
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for k, y in enumerate(b, 1):
            if x == y:
                cur[k] = prev[k - 1] + 1
                best = max(best, cur[k])
        prev = cur
    return best


def join_quoted_rows(units: list[Unit], labels: list[int]) -> list[int]:
    """Two rows that each hold one article's telling of the same quote, credited to one
    speaker (:func:`_same_quote`: most of both sentences' words, in one long run), are one
    statement, even when alignment gave each row more sentences: one outlet printed the
    statement's first lines with one sentence of another outlet, and the rest with a third."""
    quoted = [quoted_words(u) for u in units]
    # only sentences that share a run of twelve quoted words can quote one remark
    least = VERBATIM + RETOLD_RUNS - 1
    by_run: dict[tuple[str, ...], set[int]] = {}
    for j, words in enumerate(quoted):
        for w in words:
            for k in range(len(w) - least + 1):
                by_run.setdefault(tuple(w[k:k + least]), set()).add(j)
    candidates: dict[int, set[int]] = {}
    for holders in by_run.values():
        for j in holders:
            candidates.setdefault(j, set()).update(holders)
    links = []
    for i, u in enumerate(units):
        if not quoted[i] or u.frame.sourcing == OWN_VOICE:
            continue
        for j in sorted(k for k in candidates.get(i, ()) if k > i):
            v = units[j]
            if labels[j] != labels[i] and v.article_id != u.article_id \
                    and one_statement(u, v) and _same_quote(quoted[i], quoted[j]):
                links.append((labels[i], labels[j]))
    joined = components(len(units), links)
    return [joined[lab] for lab in labels]


def one_statement(a: Unit, b: Unit) -> bool:
    """Whether two sentences can tell one statement: one speaker (:func:`one_speaker`), not
    dated days apart (:func:`~rashomon.crossref.ledger.days.days_apart`: an office that issues
    the same words after two meetings made two statements)."""
    return one_speaker(a, b) and not days_apart(a, b)


def _document(source: str | None) -> bool:
    """Whether a source is a document that speaks for its author ("the statement")."""
    words = (source or "").lower().split()
    return bool(words) and words[-1] in _DOCUMENT


def one_speaker(a: Unit, b: Unit) -> bool:
    """Both sentences credit one speaker: the same actor, names that end in the same word
    ("Mark D. Sheridan" / "Mark Sheridan", which the linker may keep apart across articles), or
    a document and a named author ("the statement said" / "McGinley said")."""
    fa, fb = a.frame, b.frame
    if OWN_VOICE in (fa.sourcing, fb.sourcing):
        return False
    if fa.source_id and fa.source_id == fb.source_id:
        return True
    if (_document(fa.source) and fb.source) or (_document(fb.source) and fa.source):
        return True
    last = [(f.source or "").split()[-1:] for f in (fa, fb)]
    return bool(last[0]) and last[0][0].lower() == (last[1] or [""])[0].lower()


__all__ = ["join_partial_quotes", "join_quoted_rows", "join_retold_quotes", "one_speaker",
           "one_statement", "quoted_spans", "quoted_words"]
