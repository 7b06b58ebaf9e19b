"""Find TIMEX3-like time expressions in plain text (recognition only).

:class:`TimexFinder` runs a set of regular-expression rules built from the
temporal vocabulary in ``lexicons/timex_words.tsv`` and keeps the longest
non-overlapping hits. Each hit is a :class:`Timex`: its extent (TimeML style:
determiners and modifiers such as "the past", "early", "more than" are inside,
prepositions such as "on" or "since" are outside), its TIMEX3 type, the rule
that found it and the parsed pieces. Turning the pieces into a TIMEX3 value
against a document creation time is :mod:`rashomon.nlp.dates.anchor`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.nlp import data

LEXICON = data.LEXICONS / "timex_words.tsv"

# Words before a bare year that make it a date rather than a count or a code.
_YEAR_CUES = {
    "in", "since", "until", "till", "by", "from", "of", "during", "before", "after",
    "between", "through", "and", "to", "early", "late", "mid", "fiscal", "year", "around",
    "summer", "spring", "winter", "autumn", "fall", "or", "as", "for", "than", "circa", "c.",
    "season", "class", "election", "census", "budget", "the", "each", "every",
}
_TZ = r"(?:GMT|UTC|EST|EDT|ET|PST|PDT|CET|CEST|BST|local\s+time)"
_DETERMINERS = {
    "the", "these", "those", "his", "her", "their", "its", "our", "my", "your", "early", "final",
    "last", "first", "old", "good", "bad", "happy", "glory", "school", "dog", "same", "other", "such",
}
_PREP_BEFORE_CLOCK = {"at", "by", "until", "till", "around", "before", "after", "from", "since", "about", "to"}


@dataclass(frozen=True)
class Vocab:
    """The temporal vocabulary, read once from a TSV lexicon."""

    month: dict[str, int] = field(default_factory=dict)
    weekday: dict[str, int] = field(default_factory=dict)
    season: dict[str, str] = field(default_factory=dict)
    unit: dict[str, str] = field(default_factory=dict)  # singular and plural forms
    number: dict[str, str] = field(default_factory=dict)
    part: dict[str, str] = field(default_factory=dict)
    ref: dict[str, str] = field(default_factory=dict)
    set: dict[str, str] = field(default_factory=dict)
    ordinal: dict[str, int] = field(default_factory=dict)
    holiday: dict[str, str] = field(default_factory=dict)


def load_vocab(path: Path | str = LEXICON) -> Vocab:
    """Read a ``kind<TAB>word<TAB>value`` lexicon (see the file's header)."""
    vocab = Vocab()
    for n, cols in data.rows(path, min_cols=3):
        kind, word, value = cols[:3]
        table = getattr(vocab, kind, None)
        if not isinstance(table, dict):
            continue  # unknown kinds are ignored so that newer lexicons stay readable
        if kind in ("month", "weekday", "ordinal"):
            if not value.isdigit():
                raise data.malformed(path, n, f"{kind} '{word}' needs a number, not '{value}'")
            table[word] = int(value)
        elif kind == "unit":
            table[word] = value
            table[word[:-1] + "ies" if word.endswith("y") and word != "day" else word + "s"] = value
        else:
            table[word] = value
    return vocab


@dataclass
class Timex:
    """One recognized expression; ``args`` are the rule's parsed pieces."""

    start: int
    end: int
    type: str  # DATE|TIME|DURATION|SET
    rule: str
    args: dict[str, Any]
    text: str = ""


def _alt(words: Any, flags: str = "") -> str:
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def number_value(text: str, vocab: Vocab) -> float | str | None:
    """``"twenty-five"`` -> 25, ``"3"`` -> 3, ``"several"`` -> ``"X"``."""
    t = re.sub(r"\s+", " ", text.lower()).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in vocab.number:
        v = vocab.number[t]
        return v if v == "X" else float(v)
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in vocab.number and parts[1] in vocab.number:
        a, b = vocab.number[parts[0]], vocab.number[parts[1]]
        if a != "X" and b != "X":
            return float(a) + float(b)
    return None


class TimexFinder:
    """Recognize time expressions with ordered regex rules; longest match wins."""

    def __init__(self, vocab: Vocab | None = None) -> None:
        self.vocab = v = vocab or load_vocab()
        mon = _alt(v.month)
        mon_full = _alt([w for w in v.month if not w.endswith(".")])
        wd = _alt(v.weekday)
        units = _alt(v.unit, "i")
        unit1 = _alt([w for w in v.unit if not w.endswith("s") or w == "s"], "i")
        num = (f"(?:(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?i:one|two|three|four|five|six|seven|eight|nine)"
               f"|{_alt(v.number, 'i')}|\\d+(?:\\.\\d+)?)")
        qual = (r"(?i:more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|approximately|"
                r"roughly|over|under|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under|only|just|barely|"
                r"some)")
        part = _alt(v.part, "i")
        season = _alt(v.season, "i")
        ordw = _alt(v.ordinal, "i")
        modx = r"(?i:(?:the\s+)?(?:start|beginning|end|middle|rest)\s+of|early|late|mid)"
        b = r"(?<![\w-])"  # left word boundary that also refuses "x-" prefixes
        e = r"(?![\w])"
        self.rules: list[tuple[str, re.Pattern[str], Callable[[re.Match[str], str], tuple[str, dict[str, Any]] | None]]] = [
            ("iso", re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?(?![\d-])"), self._iso),
            ("slash", re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"), self._slash),
            ("mdy", re.compile(rf"{b}(?:({wd}),?\s+)?(?:({modx})[\s-]+)?({mon})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.,]\d)(?:,?\s+(\d{{4}}))?(?!\d)"), self._mdy),
            ("dmy", re.compile(rf"{b}(?:({wd}),?\s+)?(?:the\s+)?(\d{{1,2}}|{ordw})(?:st|nd|rd|th)?\s+(?:of\s+)?({mon})(?:,?\s+(\d{{4}}))?(?!\d)(?!\.?\s+\d{{1,2}}(?![\d:]))"), self._dmy),
            ("my", re.compile(rf"{b}(?:({modx})[\s-]+)?({mon})(?:\s+of)?,?\s+(\d{{4}})(?!\d)"), self._my),
            ("month", re.compile(rf"{b}(?:(?i:(last|next|this|past|coming)|({modx}))[\s-]+)?({mon_full}){e}"), self._month),
            ("year", re.compile(rf"(?<!\w)(?:({modx})[\s-]+)?(?<![\d,.$£€#])(1[6-9]\d\d|20\d\d)(?!,\d)(?![\d%]){e}"), self._year),
            ("decade", re.compile(rf"{b}(?:the\s+)?(?:(?i:(early|mid|late))[\s-]+)?(?:(1\d|20)(\d)0|[’'](\d)0)(?:'s|s){e}"), self._decade),
            ("century", re.compile(rf"{b}(?:the\s+)?(?:(?i:(early|mid|late))[\s-]+)?(\d{{1,2}}(?:st|nd|rd|th)|{ordw})[\s-]+(?i:century){e}"), self._century),
            ("relday", re.compile(rf"{b}(?i:(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight))(?:\s+({part}))?{e}"), self._relday),
            ("thispart", re.compile(rf"{b}(?i:(this|last))\s+({part}){e}"), self._thispart),
            ("weekday", re.compile(rf"{b}(?:(?i:(last|next|this|coming|past|early|late))\s+)?({wd})(?:\s+({part}))?(?:\s+(?i:(last|next|week)))?{e}"), self._weekday),
            ("relunit", re.compile(rf"{b}(?i:(?:(earlier|later|early|late)\s+)?(?:(the)\s+)?(this|last|next|past|coming|previous|current|following|same|that)\s+({unit1}|{season})){e}"), self._relunit),
            ("endof", re.compile(rf"{b}(?i:(?:the\s+)?(start|beginning|end|middle|rest)\s+of\s+(?:(the|this|last|next)\s+)?({unit1})){e}"), self._endof),
            ("ago", re.compile(rf"{b}(?:{qual}\s+)?({num})[\s-]+({units})\s+(?i:(ago|hence|back)){e}"), self._ago),
            ("sameday", re.compile(rf"{b}(?i:the\s+(same|next|following|previous|preceding)\s+(day|morning|evening|night)|the\s+day\s+(before|after)){e}"), self._sameday),
            ("set_every", re.compile(rf"{b}(?i:(every|each)\s+(?:(other)\s+|({num})\s+)?({units}|morning|afternoon|evening|night))(?:{e})"), self._set_every),
            ("set_wd", re.compile(rf"{b}(?i:every|each)\s+({wd}){e}"), self._set_wd),
            ("set_times", re.compile(rf"{b}(?i:(once|twice|three\s+times|\d+\s+times)\s+(?:a|an|per|every|each)\s+({unit1})){e}"), self._set_times),
            ("set_per", re.compile(rf"{b}(?i:(?:a|per)\s+({unit1})){e}"), self._set_per),
            ("set_adv", re.compile(rf"{b}{_alt(v.set, 'i')}{e}"), self._set_adv),
            ("dur", re.compile(rf"{b}(?i:(?:(the)\s+)?(?:(past|last|next|first|coming|previous|final|following|initial|another|further|additional|remaining|recent)\s+)?)(?:{qual}\s+)?({num})[\s-]+({units})(?:[\s-]+(?i:(long|old)))?{e}"), self._dur),
            ("barepl", re.compile(rf"{b}(?i:(?:(the)\s+)?(?:(past|last|next|coming|recent)\s+)?(years|months|weeks|days|decades|centuries|hours|minutes)){e}"), self._barepl),
            ("clock", re.compile(rf"{b}(?i:(\d{{1,2}})(?:[:.](\d{{2}}))?\s*(a\.m\.|p\.m\.|am|pm)(?!\w)(?:\s*{_TZ})?|(\d{{1,2}}):(\d{{2}})(?:\s*({_TZ}))?|(noon|midday|midnight)){e}?"), self._clock),
            ("ref", re.compile(rf"{b}{_alt(v.ref, 'i')}{e}"), self._ref),
            ("quarter", re.compile(rf"{b}(?i:(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final|last|current|next|previous)\s+quarter)(?:\s+of\s+(\d{{4}}))?{e}|{b}Q([1-4])\s+(\d{{4}}){e}"), self._quarter),
            ("season", re.compile(rf"{b}(?:(?i:(early|late|mid))[\s-]+)?(?:(?i:the)\s+)?({season})(?:\s+of)?(?:\s+(\d{{4}}))?{e}"), self._season),
            ("weekend", re.compile(rf"{b}(?i:the\s+weekend){e}"), self._weekend),
        ]
        if v.holiday:
            self.rules.append(("holiday", re.compile(rf"{b}{_alt(v.holiday)}{e}"), self._holiday))
        self.triggers = self._triggers()

    def _triggers(self) -> dict[str, set[str] | None]:
        """Words one of which a text must contain for a rule to run (None: always run).

        Skipping rules that cannot match keeps the regex scan cheap on long articles.
        """
        v = self.vocab

        def words(*tables: Any) -> set[str]:
            out: set[str] = set()
            for table in tables:
                for key in table:
                    out.update(re.findall(r"[a-z]+", key.lower()))
            return out

        months, weekdays, units = words(v.month), words(v.weekday), words(v.unit)
        parts, seasons = words(v.part), words(v.season)
        digits = {"#digit"}
        return {
            "iso": digits, "slash": digits, "mdy": months, "dmy": months, "my": months,
            "month": months, "year": digits, "decade": digits, "century": {"century"},
            "relday": {"yesterday", "today", "tomorrow", "tonight"}, "thispart": parts,
            "weekday": weekdays, "relunit": units | seasons, "endof": units,
            "ago": {"ago", "hence", "back"}, "sameday": {"day", "morning", "evening", "night"},
            "set_every": {"every", "each"}, "set_wd": {"every", "each"},
            "set_times": {"once", "twice", "times"}, "set_per": units, "set_adv": words(v.set),
            "dur": units, "barepl": units, "clock": digits | {"noon", "midday", "midnight"},
            "ref": words(v.ref), "quarter": {"quarter", "q"}, "season": seasons,
            "weekend": {"weekend"}, "holiday": words(v.holiday),
        }

    # -- finding --------------------------------------------------------------

    def find(self, text: str, blocked: Callable[[int, int], bool] | None = None) -> list[Timex]:
        """Non-overlapping expressions in ``text``, in reading order.

        Args:
            text: plain text.
            blocked: optional ``(start, end) -> bool``; True rejects a bare number as
                a year (e.g. a parser says it counts something: "2000 people").
        """
        self._blocked = blocked
        present = set(re.findall(r"[a-z]+", text.lower()))
        if re.search(r"\d", text):
            present.add("#digit")
        cands: list[tuple[int, int, int, Timex]] = []
        for prio, (name, pattern, handler) in enumerate(self.rules):
            trigger = self.triggers.get(name)
            if trigger is not None and not (trigger & present):
                continue
            for m in pattern.finditer(text):
                if m.end() == m.start():
                    continue
                got = handler(m, text)
                if got is None:
                    continue
                ttype, args = got
                start, end = args.pop("_span", (m.start(), m.end()))
                cands.append((start, end, prio, Timex(start, end, ttype, name, args, text[start:end])))
        # Longest first, then rule order: a greedy interval pick.
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        taken: list[Timex] = []
        for start, end, _, tx in cands:
            if all(end <= t.start or start >= t.end for t in taken):
                taken.append(tx)
        taken.sort(key=lambda t: t.start)
        return list(_merge_clock(taken, text))

    # -- rule handlers (each returns (type, args) or None) ----------------------

    def _iso(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        if m[4]:
            return "TIME", {"y": y, "m": mo, "d": d, "hh": int(m[4]), "mm": int(m[5])}
        return "DATE", {"y": y, "m": mo, "d": d}

    def _slash(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        mo, d, y = int(m[1]), int(m[2]), int(m[3])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return "DATE", {"y": y + 2000 if y < 50 else y + 1900 if y < 100 else y, "m": mo, "d": d}

    def _mdy(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        d = int(m[4])
        if not 1 <= d <= 31:
            return None
        return "DATE", {"y": int(m[5]) if m[5] else None, "m": self.vocab.month[_key(m[3], self.vocab.month)], "d": d}

    def _dmy(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        raw = m[2]
        d = int(raw) if raw.isdigit() else self.vocab.ordinal.get(raw.lower(), 0)
        if not 1 <= d <= 31:
            return None
        return "DATE", {"y": int(m[4]) if m[4] else None, "m": self.vocab.month[_key(m[3], self.vocab.month)], "d": d}

    def _my(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        return "DATE", {"y": int(m[3]), "m": self.vocab.month[_key(m[2], self.vocab.month)], "d": None}

    def _month(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        name = m[3]
        if name == "May" and not (m[1] or m[2]) and not _prev_word(text, m.start()) in {"in", "since", "until", "by", "of", "during", "early", "late", "mid", "through", "before", "after", "from", "last", "next", "this"}:
            return None  # "May" is usually the modal verb
        if name == "March" and not (m[1] or m[2]) and _prev_word(text, m.start()) in {"the", "a", "to"}:
            return None  # "the March" (a march), "to March" is ambiguous enough
        return "DATE", {"month": self.vocab.month[name], "dir": (m[1] or "").lower() or None}

    def _year(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        y = int(m[2])
        start = m.start(2)
        prev = _prev_word(text, start if not m[1] else m.start())
        if self._blocked and self._blocked(m.start(2), m.end(2)):
            return None
        if y < 1900 and prev not in _YEAR_CUES:
            return None
        nxt = text[m.end():m.end() + 12].lstrip()
        if re.match(r"(?:people|persons|troops|soldiers|dead|times|km|miles|metres|meters|feet|tons|tonnes|members|votes|cases|units|\$|%|percent)\b", nxt, re.IGNORECASE):
            return None
        return "DATE", {"y": y}

    def _decade(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        if m[4] is not None:
            d = int(m[4])
            return "DATE", {"value": ("19" if d >= 2 else "20") + m[4]}
        return "DATE", {"value": m[2] + m[3]}

    def _century(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        raw = m[2].lower()
        n = int(raw[:-2]) if raw[:1].isdigit() else self.vocab.ordinal.get(raw, 0)
        if not 1 <= n <= 22:
            return None
        return "DATE", {"value": f"{n - 1:02d}"}

    def _relday(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        word = re.sub(r"\s+", " ", m[1].lower())
        offset = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
                  "today": 0, "tomorrow": 1, "tonight": 0}[word]
        part = self.vocab.part[m[2].lower()] if m[2] else ("NI" if word == "tonight" else None)
        return ("TIME" if part else "DATE"), {"days": offset, "part": part}

    def _thispart(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        part = self.vocab.part[m[2].lower()]
        offset = -1 if m[1].lower() == "last" else 0
        return "TIME", {"days": offset, "part": part}

    def _weekday(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        pre, post = (m[1] or "").lower(), (m[4] or "").lower()
        direction = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}.get(pre or post)
        if post == "week":
            direction = "next" if _prev_word(text, m.start()) == "next" else None
            span = (m.start(), m.end(3) if m[3] else m.end(2))
        else:
            span = (m.start(), m.end())
        part = self.vocab.part[m[3].lower()] if m[3] else None
        return ("TIME" if part else "DATE"), {"weekday": self.vocab.weekday[m[2]], "dir": direction, "part": part, "_span": span}

    def _relunit(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        the, which, word = m[2], m[3].lower(), m[4].lower()
        if word in self.vocab.season:
            return "DATE", {"season": self.vocab.season[word], "dir": which}
        unit = self.vocab.unit.get(word)
        if unit is None or unit in ("S", "MIN", "H", "D"):
            return None  # "the next day" is the sameday rule's
        if which == "that" and unit not in ("Y", "M", "W", "WE"):
            return None
        if the and which in ("past", "last", "next", "coming", "first"):
            return "DURATION", {"n": 1.0, "unit": unit}
        step = {"this": 0, "current": 0, "same": 0, "that": 0, "last": -1, "past": -1, "previous": -1,
                "next": 1, "coming": 1, "following": 1}[which]
        base = "ref" if (the or which in ("that", "same", "following", "previous")) else "dct"
        return "DATE", {"unit": unit, "step": step, "base": base}

    def _endof(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        unit = self.vocab.unit.get(m[3].lower())
        if unit not in ("W", "M", "Y", "DE"):
            return None
        step = {"the": 0, "this": 0, "last": -1, "next": 1}[(m[2] or "the").lower()]
        return "DATE", {"unit": unit, "step": step, "base": "dct"}

    def _ago(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        n = number_value(m[1], self.vocab)
        unit = self.vocab.unit.get(m[2].lower())
        if n is None or unit is None:
            return None
        word = re.sub(r"\s+", " ", m[3].lower())
        sign = -1 if word in ("ago", "earlier", "back") else 1
        base = "ref" if word in ("earlier", "later") else "dct"
        return "DATE", {"n": n, "unit": unit, "sign": sign, "base": base}

    def _sameday(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        which = (m[1] or m[3]).lower()
        step = {"same": 0, "next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}[which]
        part = self.vocab.part.get((m[2] or "").lower())
        return ("TIME" if part else "DATE"), {"days": step, "part": part, "base": "ref"}

    def _dur(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        n = number_value(m[3], self.vocab)
        unit = self.vocab.unit.get(m[4].lower())
        if n is None or unit is None:
            return None
        if m[3].lower() in ("some", "a", "an", "one") and unit in ("D", "W") and not (m[1] or m[2]):
            prev = _prev_word(text, m.start())
            if m[3].lower() in ("some", "one") and prev not in ("for", "in", "within", "than", "about", "over"):
                return None  # "one day" / "some day": an indefinite day, not a length
        if m[3][:1].isdigit() and float(n) > 1000:
            return None
        if (m[5] or "").lower() == "old":
            return None  # ages ("a 22-year-old") are not time expressions in TimeML
        end = m.end(4)  # "long" stays outside the extent
        start = m.start()
        if m[1] and not m[2] and text[m.end(3):m.start(4)] == "-":
            start = m.start(3)  # "the 24-hour truce": the determiner belongs to the noun
        return "DURATION", {"n": n, "unit": unit, "_span": (start, end)}

    def _barepl(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        prev = _prev_word(text, m.start())
        if m[1] and not m[2]:
            return None  # "the years" alone is too vague
        if not m[2] and prev in _DETERMINERS:
            return None  # "those days", "his early years": not a length of time
        unit = self.vocab.unit[m[3].lower()]
        return "DURATION", {"n": "X", "unit": unit}

    def _clock(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        if m[7]:
            word = m[7].lower()
            return "TIME", {"hh": 24 if word == "midnight" else 12, "mm": 0}
        if m[1]:
            hh, mm = int(m[1]), int(m[2] or 0)
            ampm = m[3].lower().replace(".", "")
            if not 1 <= hh <= 12 or mm > 59:
                return None
            hh = (hh % 12) + (12 if ampm == "pm" else 0)
            return "TIME", {"hh": hh, "mm": mm}
        hh, mm = int(m[4]), int(m[5])
        if hh > 24 or mm > 59:
            return None
        if not m[6] and _prev_word(text, m.start()) not in _PREP_BEFORE_CLOCK:
            return None  # "3:30" alone may be a score or a ratio
        return "TIME", {"hh": hh, "mm": mm}

    def _set_every(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        word = m[4].lower()
        if word in self.vocab.part:
            return "SET", {"value": "XXXX-XX-XXT" + self.vocab.part[word]}
        unit = self.vocab.unit.get(word)
        if unit is None:
            return None
        n = 2.0 if m[2] else (number_value(m[3], self.vocab) if m[3] else 1.0)
        return "SET", {"value": duration_value(n if n is not None else "X", unit)}

    def _set_wd(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        return "SET", {"value": f"XXXX-WXX-{self.vocab.weekday[m[1]]}"}

    def _set_times(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        unit = self.vocab.unit.get(m[2].lower())
        return ("SET", {"value": duration_value(1.0, unit)}) if unit else None

    def _set_per(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        unit = self.vocab.unit.get(m[1].lower())
        before = text[max(0, m.start() - 30):m.start()]
        # "$1,000 a month", "10 hours per day": a rate needs a quantity right before it.
        if unit is None or not re.search(r"(\d|million|billion|thousand|hundred|dollars?|euros?|pounds?)\W*$", before, re.IGNORECASE):
            return None
        return "SET", {"value": duration_value(1.0, unit)}

    def _set_adv(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        return "SET", {"value": self.vocab.set[m[0].lower()]}

    def _ref(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        key = re.sub(r"\s+", " ", m[0].lower())
        if key == "now" and re.match(r"\s+that\b", text[m.end():]) is None and _prev_word(text, m.start()) in {"from", "until", "till"}:
            return None
        return "DATE", {"value": self.vocab.ref[key]}

    def _quarter(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        if m[3]:
            return "DATE", {"quarter": int(m[3]), "y": int(m[4])}
        word = m[1].lower()
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}.get(word)
        if q is None:
            step = {"last": -1, "previous": -1, "current": 0, "next": 1}[word]
            return "DATE", {"unit": "Q", "step": step, "base": "dct"}
        return "DATE", {"quarter": q, "y": int(m[2]) if m[2] else None}

    def _season(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        word = m[2].lower()
        has_the = bool(re.search(r"(?i)\bthe\s+" + re.escape(m[2]) + "$", m[0][: m.end(2) - m.start()]))
        prev = _prev_word(text, m.start())
        if not (m[3] or m[1] or has_the or prev in {"in", "during", "by", "until", "since", "over", "last", "this", "next"}):
            return None
        if word == "fall" and not (m[3] or has_the or m[1]):
            return None  # "fall" is mostly the verb
        return "DATE", {"season": self.vocab.season[word], "y": int(m[3]) if m[3] else None, "dir": None}

    def _weekend(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        return "DATE", {"unit": "WE", "step": None, "base": "dct"}

    def _holiday(self, m: re.Match[str], text: str) -> tuple[str, dict[str, Any]] | None:
        return "DATE", {"monthday": self.vocab.holiday[_key(m[0], self.vocab.holiday)]}


def duration_value(n: float | str, unit: str) -> str:
    """TIMEX3 duration value: ``(3, "D")`` -> ``P3D``, ``(2, "H")`` -> ``PT2H``."""
    if unit in ("DE", "CE") and not isinstance(n, str):  # TimeML writes a decade as P10Y
        n, unit = float(n) * (10 if unit == "DE" else 100), "Y"
    amount = n if isinstance(n, str) else (str(int(n)) if float(n).is_integer() else f"{n:g}")
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    return f"P{amount}{unit}"


def _key(text: str, table: dict[str, Any]) -> str:
    norm = re.sub(r"\s+", " ", text)
    return norm if norm in table else next(k for k in table if k.lower() == norm.lower())


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z.]+)[\s,-]*$", text[max(0, pos - 30):pos])
    return m[1].lower().rstrip(".") if m else ""


def _merge_clock(found: list[Timex], text: str) -> Iterator[Timex]:
    """Join a clock time with an adjacent day ("Sunday at 3 p.m.", "3 p.m. Sunday")."""
    day_rules = {"iso", "slash", "mdy", "dmy", "relday", "weekday", "sameday"}
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and re.fullmatch(r"\s*,?\s*(?:on|at)?\s*", text[cur.end:nxt.start]):
            pair = {cur.rule, nxt.rule}
            has_part = bool(cur.args.get("part") or nxt.args.get("part"))  # "Sunday night at 8 PM": two
            if "clock" in pair and pair & day_rules and not has_part:
                clock, day = (cur, nxt) if cur.rule == "clock" else (nxt, cur)
                args = dict(clock.args, day=(day.rule, day.args))
                yield Timex(cur.start, nxt.end, "TIME", "clock", args, text[cur.start:nxt.end])
                i += 2
                continue
        yield cur
        i += 1
