"""Facts that alignment by wording misses: referring denials and figures of one thing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.crossref.ledger.figures import comparable, days_close
from rashomon.crossref.ledger.units import Unit, headline_like
from rashomon.records import Actor, Figure

# A denial that names its object only by reference ("denied the reports") denies the fact told
# just before it in the same article.
_DENY = r"(?:den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w+)"
_AUX = r"(?:is|was|has|had|have|were|are|will|would|could|did|does)"
_CLAIMS = r"(?:reports?|allegations?|accusations?|claims?|charges?|accounts?)"
# "denied it", "denies the allegations", "rejected these reports", "dismissed allegations." —
# but not "denied accusations it is involved" or "denied that it sent fighters": those say what.
_ANAPHOR = re.compile(
    rf"(?i)\b{_DENY}\s+(?:(?:it|them)\b(?!\s+{_AUX}\b)"
    rf"|(?:\w+\s+)?(?:the|these|those|such|this|that)\s+(?:\w+\s+)?{_CLAIMS}\b"
    rf"|{_CLAIMS}\s*(?:[.,;]|$))")
ANAPHOR_REACH = 2  # how many units back a referring denial may look
DENIAL_SHARED = 2  # content words a denial must share with the fact just before it


def told_before(units: Sequence[Unit], i: int) -> int | None:
    """The unit before ``i`` in its article, within ``ANAPHOR_REACH``, that is no denial: the
    fact a denial at ``i`` can point back to. The nearest one, unless a farther one names the
    denier, who is the one accused ("X said *the lieutenant governor* had threatened her. She
    also said she was interviewed. *The lieutenant governor* denied the allegations")."""
    found = []
    for j in range(i - 1, max(-1, i - 1 - ANAPHOR_REACH), -1):
        if units[j].article_id != units[i].article_id:
            break
        if not units[j].frame.denial:
            found.append(j)
    denier = _denier_words(units[i])
    named = [j for j in found if denier & set(_WORD.findall(units[j].text.lower()))
             or units[i].frame.source_id in units[j].actors]
    return (named or found or [None])[0]


_WORD = re.compile(r"[a-z][a-z'-]{3,}")


def _denier_words(u: Unit) -> set[str]:
    """The words naming who denies: the sentence before its first denial word, adverbs left
    out ("The lieutenant governor, Kim Guadagno, emphatically denied" → lieutenant, governor,
    kim, guadagno)."""
    m = re.search(rf"(?i)\b{_DENY}", u.text)
    head = u.text[:m.start()] if m else ""
    return {w for w in _WORD.findall(head.lower()) if not w.endswith("ly")} - _NOT_NAMES


_NOT_NAMES = frozenset({"also", "have", "has", "been", "both", "they", "their", "them", "this",
                        "that", "which", "who", "said", "says", "however", "meanwhile", "later"})


def antecedents(units: list[Unit]) -> dict[int, int]:
    """Referring denial -> the unit telling the fact it denies (same article, just before)."""
    out = {}
    for i, u in enumerate(units):
        if u.frame.denial and _ANAPHOR.search(u.text) and (j := told_before(units, i)) is not None:
            out[i] = j
    return out


def attach_anaphora(units: list[Unit], labels: list[int]) -> list[int]:
    """Give a referring denial the label of the fact told just before it (same article)."""
    out = list(labels)
    for i, j in antecedents(units).items():
        out[i] = out[j]
    return out


# A sentence that opens by pointing back at what was just reported ("These statements ...",
# "Such claims ...", "That report ..."): it speaks of that fact.
_SUMMARY = re.compile(rf"(?i)^\W*(?:these|those|such|this|that)\s+(?:\w+\s+)?"
                      rf"(?:{_CLAIMS}|statements?|remarks?|comments?|findings?|assertions?)\b")
SUMMARY_REACH = 3  # how many units back such a sentence may look for its fact


def attach_summaries(units: list[Unit], labels: list[int]) -> list[int]:
    """A sentence left alone that opens by pointing back at what was just reported ("These
    statements were later confirmed by the ministry", "Such claims remain unproven") joins the row,
    told by two articles or more, of the nearest of the ``SUMMARY_REACH`` units before it in its
    article: it confirms, reports or qualifies that fact. A denial that refers back is joined by
    :func:`attach_anaphora`."""
    out = list(labels)
    size = Counter(out)
    told: dict[int, set[str]] = {}
    for k, u in enumerate(units):
        told.setdefault(out[k], set()).add(u.article_id)
    for i, u in enumerate(units):
        if size[out[i]] > 1 or u.frame.denial or not _SUMMARY.match(u.text):
            continue
        for j in range(i - 1, max(-1, i - 1 - SUMMARY_REACH), -1):
            if units[j].article_id != u.article_id:
                break
            if len(told[out[j]]) > 1:
                out[i] = out[j]
                break
    return out


CONTINUE_REACH = 3  # how many following sentences may continue one source's statement


def _same_source(a: Unit, b: Unit) -> bool:
    """Both sentences credit one named source (the same actor, or the same words)."""
    fa, fb = a.frame, b.frame
    if fa.sourcing != "named" or fb.sourcing != "named":
        return False
    if fa.source_id and fb.source_id:
        return fa.source_id == fb.source_id
    return bool(fa.source) and (fa.source or "").lower() == (fb.source or "").lower()


QUOTED_SHARE = 0.5  # share of a sentence in direct speech for it to be speech, whatever it tells


def spoken(u: Unit) -> bool:
    """Whether the sentence is speech only: it tells no event of its own, or is mostly a direct
    quote ("We are disappointed by the government's decision," said the statement). Reported
    speech that tells an act ("he also warned that Azerbaijan will go to the end", "threatened
    to use F-16s") is a fact of its own."""
    if not u.events:
        return True
    quoted = sum(q.end - q.start for q in u.quotes if q.kind == "direct")
    return quoted >= QUOTED_SHARE * max(u.end - u.start, 1)


def attach_continuations(units: list[Unit], labels: list[int]) -> list[int]:
    """A statement told over several sentences is one fact: the sentences right before or after
    a unit of a fact that two or more articles tell, in the same article and credited to the
    same named source ("The statement said ...", "he said"), join that fact when alignment left
    them alone (up to ``CONTINUE_REACH`` in a row, each continuing its neighbour). Both must be
    speech only (:func:`spoken`): a sentence that tells an act is a fact of its own, and its
    speaker's words next to it may be about something else; nor does one dated to another
    occasion (:func:`_other_occasion`)."""
    out = list(labels)
    size: dict[int, int] = {}
    arts: dict[int, set[str]] = {}
    for u, lab in zip(units, labels):
        size[lab] = size.get(lab, 0) + 1
        arts.setdefault(lab, set()).add(u.article_id)
    for i, u in enumerate(units):
        if len(arts[labels[i]]) < 2 or not spoken(u):
            continue  # a sentence that tells an act ends its speaker's statement
        for step in (1, -1):
            prev = u
            for j in range(i + step, i + step * (1 + CONTINUE_REACH), step):
                if not 0 <= j < len(units):
                    break
                v = units[j]
                if v.article_id != u.article_id or size[labels[j]] > 1 or out[j] != labels[j] \
                        or not (spoken(v) and _same_source(prev, v)) or _other_occasion(prev, v):
                    break
                out[j] = labels[i]
                prev = v
    return out


def _other_occasion(a: Unit, b: Unit) -> bool:
    """Whether two sentences of one speaker are dated to different years, so to different
    occasions ("he had misspoken at the 2008 event" / "In a televised March debate [2010], he
    stated clearly ..."): both name a year and none is the same."""
    from rashomon.crossref.ledger.anchors import years_of

    ya, yb = ({y for v in u.dates for y in years_of(v)} for u in (a, b))
    return bool(ya and yb and not ya & yb)


HEADLINE_OVERLAP = 0.5  # share of the headline's content words its body sentence must repeat
LEAD_OVERLAP = 0.3  # ... or its article's lead, which tells the headline's fact in other words


def is_headline(u: Unit) -> bool:
    """A headline or subhead (:func:`~rashomon.crossref.ledger.units.headline_like`)."""
    return headline_like(u.text)


def _retelling(units: list[Unit], i: int, leads: frozenset[tuple[str, int, int]],
               told: dict[int, set[str]]) -> int | None:
    """The body unit of headline ``i``'s article that tells its fact again: the one repeating
    most of its content words, at least ``HEADLINE_OVERLAP`` of them; else its article's lead
    (``leads``) when that repeats ``LEAD_OVERLAP`` of them and tells its fact as done. ``told``
    caches each unit's tokens across calls."""
    from rashomon.crossref.ledger.anchors import tokens

    u = units[i]
    words = {t for t in tokens(u) if t.startswith("w:")}
    if not words:
        return None
    best, share = None, HEADLINE_OVERLAP
    lead = None
    for j, v in enumerate(units):
        if j == i or v.article_id != u.article_id:
            continue
        if j not in told:  # each unit's tokens once, however many headlines compare to it
            told[j] = tokens(v)
        got = len(words & told[j]) / len(words)
        if got >= share:
            best, share = j, got
        if v.key in leads and got >= LEAD_OVERLAP and v.frame.modality == "actual":
            lead = j
    return best if best is not None else lead


def attach_headlines(units: list[Unit], labels: list[int],
                     leads: frozenset[tuple[str, int, int]] = frozenset()) -> list[int]:
    """A headline or subhead tells its article's story again: when alignment left it alone, it
    joins the fact of its body's retelling (:func:`_retelling`: the body sentence in its own
    article that repeats most of its content words, "Parliament calls on X to form a task
    force" / "Meanwhile the parliament on Sunday called on X to form a task force …"; else its
    article's lead, ``leads``, when that tells its fact as done: "Minister asks the world to
    support X in its bid" / "Turkey called for the world to back X this week …")."""
    out = list(labels)
    size: dict[int, int] = {}
    for lab in labels:
        size[lab] = size.get(lab, 0) + 1
    told: dict[int, set[str]] = {}
    for i, u in enumerate(units):
        if not is_headline(u) or size[labels[i]] > 1:
            continue
        best = _retelling(units, i, leads, told)
        if best is not None:
            out[i] = labels[best]
    return out


def join_headline_rows(units: list[Unit], labels: list[int],
                       leads: frozenset[tuple[str, int, int]] = frozenset()) -> list[int]:
    """Headlines that alignment put in one row with each other move to the row holding their
    bodies' retellings (:func:`_retelling`), when the retellings of at least two of them, and of
    half the row's headlines, sit in one other row: the outlets' headlines and their leads tell
    one fact ("Champion stops challenger in sixth round" / "The champion stopped the challenger
    in the sixth round on Saturday"), and two rows of it would split it by where it is told.
    Only the headlines whose own retelling is in that row move."""
    out = list(labels)
    rows: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        rows.setdefault(lab, []).append(i)
    told: dict[int, set[str]] = {}
    for lab, idx in rows.items():
        heads = [i for i in idx if is_headline(units[i])]
        if len({units[i].article_id for i in heads}) < 2:
            continue
        goes = {i: labels[j] for i in heads
                if (j := _retelling(units, i, leads, told)) is not None and labels[j] != lab
                and not is_headline(units[j])}
        votes = Counter(goes.values())
        if not votes:
            continue
        row, n = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= 2 and 2 * n >= len(heads):
            for i, to in goes.items():
                if to == row:
                    out[i] = row
    return out


def side_of(actor_id: str, actors: Mapping[str, Actor]) -> str:
    """The party an actor speaks or acts for: its country, else its parent, else itself.

    A defence ministry, a president's aide and the state itself are one side.
    """
    actor = actors.get(actor_id)
    if actor is None:
        return actor_id
    if actor.country:
        return "country:" + actor.country
    return actor.parent_id or actor_id


def _names_by_need(actors: Mapping[str, Actor]) -> Callable[[], dict[str, str]]:
    """Actor ids by lowercased name, built on first use: a story with no denial never reads
    the whole corpus's actors (the cost would grow with stories × actors)."""
    names: dict[str, str] = {}

    def get() -> dict[str, str]:
        if not names and actors:
            names.update((a.name.lower(), a.id) for a in actors.values())
        return names
    return get


def _credited_side(u: Unit, actors: Mapping[str, Actor], names: dict[str, str]) -> str | None:
    """The side of whoever the unit credits (a denier read off the text is looked up by name)."""
    f = u.frame
    if f.source_id:
        return side_of(f.source_id, actors)
    found = names.get((f.source or "").lower())
    return side_of(found, actors) if found else None


def attach_denials(units: list[Unit], labels: list[int],
                   actors: Mapping[str, Actor] | None = None) -> list[int]:
    """A denial with words of its own ("rejected accusations that its army shelled …") that no
    other outlet's sentence matched joins the fact told just before it in its article, when the
    two share a content word beyond the frame's: the denial answers it. Not when the fact just
    before is told by the denier's own side (Turkey's minister says Turkey will help; "Turkey
    rejected allegations it is already involved" denies something else)."""
    from rashomon.crossref.ledger.anchors import content_stems, frame_stems

    actors = actors or {}
    by_name = _names_by_need(actors)
    out = list(labels)
    size: dict[int, int] = {}
    for lab in labels:
        size[lab] = size.get(lab, 0) + 1
    for i, u in enumerate(units):
        if not u.frame.denial or size[labels[i]] > 1:
            continue
        words, names = content_stems(_denied_words(u))
        mine = (words - frame_stems(u.text)) | names
        for j in range(i - 1, max(-1, i - 1 - ANAPHOR_REACH), -1):
            prev = units[j]
            if prev.article_id != u.article_id:
                break
            told = set().union(*content_stems(prev.text))
            mine_side = _credited_side(u, actors, by_name())
            if mine_side and mine_side == _credited_side(prev, actors, by_name()):
                continue
            if not prev.frame.denial and len(mine & told) >= DENIAL_SHARED:
                out[i] = out[j]
                break
    return out


def _denied_words(u: Unit) -> str:
    """What a denial denies, as far as the records say: the words of the quote that credits
    its denier ("tried to play down *any split between Democrats and the president*"), else the
    whole sentence. A denier described in the same sentence ("the leader who plans to support
    the override effort") shares words with the fact before it that the denial does not touch."""
    denier = u.frame.source_id or u.frame.source
    said = [q.text for q in u.quotes if q.text and (q.speaker_id or q.speaker) == denier
            and (q.cue or "") == (u.frame.cue or "")]
    return " ".join(said) or u.text


ROW_DENIAL_SHARED = 3  # content words a lone denial shares with one sentence of the row it joins


def join_denials(units: list[Unit], labels: list[int],
                 actors: Mapping[str, Actor] | None = None) -> list[int]:
    """A denial still alone (no other outlet's sentence matched it, no fact just before it)
    joins the row of two or more articles it answers: it shares ``DENIAL_SHARED`` content
    words beyond the frame's with every sentence of the row from other articles and
    ``ROW_DENIAL_SHARED`` with one ("rejected accusations that its army shelled civilians in
    Port Aren" / "shelled the border town of Port Aren, killing civilians"). Its own article
    may already tell the fact there: the denial is the other side of it. Not a row whose every
    sentence is credited to the denier's own side; of several rows, the one sharing most."""
    from rashomon.crossref.ledger.anchors import content_stems, frame_stems

    actors = actors or {}
    by_name = _names_by_need(actors)
    rows: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        rows.setdefault(lab, []).append(i)
    told = [set().union(*content_stems(u.text)) for u in units]
    out = list(labels)
    for i, u in enumerate(units):
        if not u.frame.denial or len(rows[labels[i]]) > 1:
            continue
        words, names = content_stems(u.text)
        mine = (words - frame_stems(u.text)) | names
        side = _credited_side(u, actors, by_name())
        best: tuple[int, int] | None = None
        for lab, idx in rows.items():
            others = [j for j in idx if units[j].article_id != u.article_id]
            if len({units[j].article_id for j in idx}) < 2 or not others:
                continue
            if side and all(_credited_side(units[j], actors, by_name()) == side for j in idx):
                continue
            shared = [len(mine & told[j]) for j in others]
            if min(shared) >= DENIAL_SHARED and max(shared) >= ROW_DENIAL_SHARED \
                    and (best is None or sum(shared) > best[0]):
                best = (sum(shared), lab)
        if best is not None:
            out[i] = best[1]
    return out


def _same_date(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b), 10)
    return a[:n] == b[:n]


# a share counts nothing by itself: "the top 2 percent" of earners and "2.1 percent" growth
# are two things, "2 percent" and "2.1 percent" growth one
_SHARE_UNITS = frozenset({"percent", "per cent", "%", "percentage points", "points", "percentage"})
_NEAR = 40  # characters either side of a figure that say what it counts
_NEAR_WORD = re.compile(r"[a-z]{4,}")


def _near_words(u: Unit, f: Figure) -> set[str]:
    """The content words (five-letter stems) next to a figure in its sentence."""
    a, b = max(f.start - u.start - _NEAR, 0), max(f.end - u.start + _NEAR, 0)
    return {w[:5] for w in _NEAR_WORD.findall(u.text[a:b].lower())
            if w not in STOP_WORDS and not w.startswith("percent")}


def counts_alike(a: Unit, fa: Figure, b: Unit, fb: Figure) -> bool:
    """Whether two figures of one unit count the same thing: always for a count ("deaths",
    "USD"); for a share (``_SHARE_UNITS``), only when a content word beside each is the same."""
    if (fa.unit or "").lower() not in _SHARE_UNITS:
        return True
    return bool(_near_words(a, fa) & _near_words(b, fb))


def join_figures(units: list[Unit], labels: list[int]) -> list[int]:
    """One fact for figures of the same thing told by different outlets: the same unit of count,
    values of one order, the same period and compatible places (their values may disagree:
    that is the point of showing them in one row).

    Complete link: two facts join only when every pair of their units, across articles, holds
    comparable figures, so a toll never drags in the sentences aligned with one of its tellings.
    """
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(lab, []).append(i)

    def same_thing(i: int, j: int) -> bool:
        a, b = units[i], units[j]
        if a.article_id == b.article_id:
            return False
        return any(comparable(fi, fj) and (fi.unit or "").lower() == (fj.unit or "").lower()
                   and _same_date(fi.date, fj.date) and counts_alike(a, fi, b, fj)
                   for fi in a.figures for fj in b.figures) \
            and days_close(a.published, b.published) \
            and not (a.places and b.places and not a.places & b.places)

    keys = sorted(lab for lab, idx in groups.items() if any(units[i].figures for i in idx))
    for x, a in enumerate(keys):
        for b in keys[x + 1:]:
            if a not in groups or b not in groups:
                continue
            ga, gb = groups[a], groups[b]
            if {units[i].article_id for i in ga} & {units[i].article_id for i in gb}:
                continue
            if all(same_thing(i, j) for i in ga for j in gb):
                groups[a] = ga + gb
                del groups[b]
    out = list(labels)
    for lab, idx in groups.items():
        for i in idx:
            out[i] = lab
    return out


def components(n: int, pairs: Sequence[tuple[int, int]]) -> list[int]:
    """For each of ``n`` items, the first item of the group ``pairs`` link it to (itself when
    alone), by scipy's connected components."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix(([1] * len(pairs), ([a for a, _ in pairs], [b for _, b in pairs])),
                       shape=(n, n))
    _, component = connected_components(graph, directed=False)
    first: dict[int, int] = {}
    for i, c in enumerate(component.tolist()):
        first.setdefault(c, i)
    return [first[c] for c in component.tolist()]


__all__ = ["antecedents", "attach_anaphora", "attach_denials", "components", "counts_alike",
           "is_headline", "join_figures", "join_headline_rows", "side_of"]
