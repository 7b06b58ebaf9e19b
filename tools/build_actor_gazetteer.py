"""Generate ``src/rashomon/nlp/gazetteers/actors_countries.tsv`` from pycountry + countryinfo.

One row per ISO 3166-1 country: canonical name, aliases (official and alternative
names), capitals as metonyms, demonyms (adjectives) and the plural nouns for its
people. Press usage the libraries miss comes from ``tools/actor_gazetteer_overrides.tsv``.

Regenerate after upgrading either library or editing the overrides::

    python tools/build_actor_gazetteer.py
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "rashomon" / "nlp" / "gazetteers" / "actors_countries.tsv"
OVERRIDES = Path(__file__).resolve().parent / "actor_gazetteer_overrides.tsv"
COLUMNS = ["id", "name", "kind", "country", "sectors", "aliases", "metonyms",
           "demonyms", "people", "parent", "gender", "roles"]


def _latin(text: str) -> bool:
    """True when every letter is Latin script (drops native names in other scripts)."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


# Native names that are an English word or a common surname in English text: Iceland's
# "Island" made "Parris Island" Iceland; the Isle of Man's "Mann" would make Thomas Mann a state.
NOT_NAMES = frozenset({"Island", "Mann"})


def _usable(name: str | None) -> bool:
    # Inverted ISO names ("Korea, Republic of") and bare codes ("AZ") are not press usage.
    if not name or "," in name or "(" in name or not _latin(name) or name in NOT_NAMES:
        return False
    return not (len(name) <= 3 and name.isupper())


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _plural(demonym: str) -> str | None:
    # "Armenian" -> "Armenians", "Israeli" -> "Israelis"; "-ese"/"-ish" forms have none.
    return demonym + "s" if demonym[-1:] in ("n", "i") else None


def _info(alpha3: str) -> dict:
    try:
        return CountryInfo(alpha3).info()
    except (ValueError, KeyError, LookupError):  # countryinfo lacks a few territories
        return {}


def build() -> list[dict[str, str]]:
    rows: dict[str, dict[str, list[str] | str]] = {}
    population: dict[str, int] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        info = _info(code)
        population[code] = int(info.get("population") or 0)
        common = getattr(country, "common_name", None)
        names = [common, info.get("name"), country.name, getattr(country, "official_name", None),
                 *(info.get("altSpellings") or [])]
        names = [_strip_the(n) for n in names if _usable(n)]
        preferred = [n for n in (common, info.get("name"), country.name) if _usable(n)]
        canonical = _strip_the(preferred[0]) if preferred else min(names or [country.name], key=len)
        capital = (info.get("capital") or "").replace(" D.C.", "").strip()
        capitals = [c.strip() for c in capital.split("/") if c.strip() and c.strip() != canonical]
        demonyms = [d.strip() for d in (info.get("demonym") or "").replace(" and ", ",").split(",")
                    if d.strip()]
        rows[code] = {
            "name": canonical,
            "aliases": [n for n in dict.fromkeys(names) if n != canonical],
            "metonyms": [c for c in capitals if _usable(c)],
            "demonyms": demonyms,
            "people": [p for p in (_plural(d) for d in demonyms) if p],
        }
    _apply_overrides(rows)
    _drop_shared(rows, population)
    out = []
    for code in sorted(rows):
        row = rows[code]
        out.append({
            "id": code, "name": str(row["name"]), "kind": "state", "country": code,
            "sectors": "GOV",
            **{k: "|".join(dict.fromkeys(row[k])) for k in ("aliases", "metonyms", "demonyms", "people")},
            "parent": "", "gender": "", "roles": "",
        })
    return out


def _apply_overrides(rows: dict[str, dict]) -> None:
    for line in OVERRIDES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, field, values = line.split("\t")
        if field == "name":
            rows[code]["name"] = values
        else:
            rows[code][field] = list(rows[code][field]) + values.split("|")


def _drop_shared(rows: dict[str, dict], population: dict[str, int]) -> None:
    """A demonym or capital shared by several rows stays with the most populous one.

    "French" is the demonym of France and of the French Southern Territories; a
    news text means France.
    """
    for field in ("demonyms", "people", "metonyms", "aliases"):
        owners: dict[str, list[str]] = defaultdict(list)
        for code, row in rows.items():
            for value in row[field]:
                owners[value].append(code)
        for value, codes in owners.items():
            if len(codes) > 1:
                keep = max(codes, key=lambda c: population.get(c, 0))
                for code in codes:
                    if code != keep:
                        rows[code][field] = [v for v in rows[code][field] if v != value]


def main() -> int:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by tools/build_actor_gazetteer.py from pycountry and countryinfo; "
                 "do not edit by hand.\n")
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
