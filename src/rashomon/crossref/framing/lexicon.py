"""Data files for framing: competing-name groups and the user's sides file.

Both are YAML files users can extend without code; their formats are documented
at the top of ``nlp/lexicons/framing_terms.yaml`` and in ``docs/framing.md``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from rashomon import config
from rashomon.errors import ConfigError, Errors

LEXICON_PATH = Path(__file__).resolve().parents[2] / "nlp" / "lexicons" / "framing_terms.yaml"
ENV_LEXICON = "RASHOMON_FRAMING"
ENV_SIDES = "RASHOMON_SIDES"


@dataclass(frozen=True)
class Variant:
    label: str
    used_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermGroup:
    """Competing names for one referent, compiled to one regex."""

    key: str
    variants: tuple[Variant, ...]
    pattern: re.Pattern[str]  # one named group per variant: v0, v1, ...
    note: str | None = None
    forms: tuple[tuple[str, ...], ...] = ()  # the raw forms of each variant, for indexing

    def find(self, text: str) -> list[tuple[Variant, int, int]]:
        """Every naming choice in ``text`` as (variant, start, end)."""
        found = []
        for match in self.pattern.finditer(text):
            name = match.lastgroup
            if name is None:
                continue
            found.append((self.variants[int(name[1:])], match.start(), match.end()))
        return found


@dataclass(frozen=True)
class Sides:
    """User-labelled sides of a conflict: outlet, country or actor -> side label."""

    outlets: dict[str, str] = field(default_factory=dict)  # lower-cased outlet name
    countries: dict[str, str] = field(default_factory=dict)  # ISO 3166-1 alpha-3
    actors: dict[str, str] = field(default_factory=dict)  # actor id or lower-cased name

    def __bool__(self) -> bool:
        return bool(self.outlets or self.countries or self.actors)

    def outlet_side(self, outlet: str | None) -> str | None:
        return self.outlets.get(outlet.lower()) if outlet else None


def form_regex(form: str, inline_flag: bool = True) -> str:
    """One surface form as a regex fragment (documented in framing_terms.yaml).

    A "*" ending any word of the form matches any ending of that word ("lash* out").
    With ``inline_flag`` False the fragment is left case-sensitive, for callers that
    compile a whole alternation with ``re.IGNORECASE``.
    """
    if form.startswith("re:"):
        return form[3:]
    words = [
        re.escape(word.removesuffix("*")) + (r"[\w-]*" if word.endswith("*") else "")
        for word in form.split()
    ]
    body = r"\s+".join(words)
    return rf"(?i:\b{body}\b)" if inline_flag else rf"\b{body}\b"


def _compile_group(raw: dict[str, Any], source: str) -> TermGroup:
    try:
        key = str(raw["key"])
        variants: list[Variant] = []
        parts: list[str] = []
        raw_forms: list[tuple[str, ...]] = []
        for index, item in enumerate(raw["variants"]):
            variants.append(Variant(str(item["label"]), tuple(item.get("used_by") or ())))
            # Longest forms first, so "foreign fighters" beats "fighters" inside one variant.
            forms = sorted((str(f) for f in item["forms"]), key=len, reverse=True)
            raw_forms.append(tuple(forms))
            parts.append(f"(?P<v{index}>" + "|".join(form_regex(f) for f in forms) + ")")
        # Across variants, the first variant that matches at a position wins: list the
        # more specific variants first (documented in framing_terms.yaml).
        pattern = re.compile("|".join(parts))
    except (KeyError, TypeError, re.error) as exc:
        raise ConfigError(Errors.R404.format(name=source, reason=f"bad term group: {exc}")) from exc
    return TermGroup(key=key, variants=tuple(variants), pattern=pattern, note=raw.get("note"),
                     forms=tuple(raw_forms))


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise ConfigError(Errors.R401.format(path=path))
    try:
        # libyaml's safe loader when PyYAML has it: the same data, several times faster
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(Errors.R404.format(name=str(path), reason=str(exc))) from exc


def parse_groups(data: Any, source: str = "<data>") -> list[TermGroup]:
    """Term groups from an already-parsed YAML document."""
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise ConfigError(Errors.R404.format(name=source, reason="expected a top-level 'groups' list"))
    return [_compile_group(raw, source) for raw in data["groups"]]


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] | None = None) -> tuple[TermGroup, ...]:
    """The built-in groups plus the user's files (``$RASHOMON_FRAMING`` when ``extra`` is None).

    A user group with the same key as a built-in one replaces it. Cached: loaded once.
    """
    if extra is None:
        extra = config.framing_files()
    groups: dict[str, TermGroup] = {}
    for path in (str(LEXICON_PATH), *extra):
        for group in parse_groups(_read_yaml(Path(path)), path):
            groups[group.key] = group
    return tuple(groups.values())


def parse_sides(data: Any, source: str = "<data>") -> Sides:
    """Sides from a parsed ``sides.yaml``: ``sides: {label: {outlets, countries, actors}}``."""
    if not isinstance(data, dict) or not isinstance(data.get("sides"), dict):
        raise ConfigError(Errors.R404.format(name=source, reason="expected a top-level 'sides' mapping"))
    outlets: dict[str, str] = {}
    countries: dict[str, str] = {}
    actors: dict[str, str] = {}
    for label, spec in data["sides"].items():
        spec = spec or {}
        if not isinstance(spec, dict):
            raise ConfigError(Errors.R404.format(name=source, reason=f"side '{label}' is not a mapping"))
        for outlet in spec.get("outlets") or ():
            outlets[str(outlet).lower()] = str(label)
        for country in spec.get("countries") or ():
            countries[str(country).upper()] = str(label)
        for actor in spec.get("actors") or ():
            actors[str(actor).lower()] = str(label)
    return Sides(outlets=outlets, countries=countries, actors=actors)


def load_sides(path: str | os.PathLike[str]) -> Sides:
    """Read a ``sides.yaml`` file (format in docs/framing.md)."""
    return parse_sides(_read_yaml(Path(path)), str(path))


@lru_cache(maxsize=4)
def _sides_from_env(value: str) -> Sides:
    return load_sides(value) if value else Sides()


def default_sides() -> Sides:
    """The sides file named by ``$RASHOMON_SIDES``, or no labels."""
    return _sides_from_env(config.sides_file())


__all__ = [
    "Sides", "TermGroup", "Variant", "default_sides", "load_lexicon", "load_sides",
    "parse_groups", "parse_sides",
]
