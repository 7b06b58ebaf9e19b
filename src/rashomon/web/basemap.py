"""World country outlines for the map, from the ``countryinfo`` package.

``countryinfo`` (PyPI, already a rashomon dependency) ships a GeoJSON outline per
country derived from Natural Earth (about 175 countries, 1:110m detail). We read it
through the package's public API at run time, so nothing is copied into this repo and
no tile server or network access is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    rings: tuple[Ring, ...]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


@cache
def countries() -> tuple[Country, ...]:
    """All country outlines (empty if the package has no geometry)."""
    try:
        from countryinfo import CountryInfo
    except ImportError:  # the map then shows points on a graticule only
        return ()
    out = []
    for info in CountryInfo.all().values():
        geo = info.get("geoJSON") or {}
        for feat in geo.get("features") or []:
            geom = feat.get("geometry") or {}
            polys = geom.get("coordinates") or []
            if geom.get("type") == "Polygon":
                polys = [polys]
            elif geom.get("type") != "MultiPolygon":
                continue
            rings = tuple(
                tuple((float(x), float(y)) for x, y, *_ in ring)
                for poly in polys for ring in poly[:1]  # outer rings; holes are tiny here
            )
            if not rings:
                continue
            xs = [x for r in rings for x, _ in r]
            ys = [y for r in rings for _, y in r]
            out.append(Country(iso3=str(feat.get("id") or ""),
                               name=str((feat.get("properties") or {}).get("name") or ""),
                               rings=rings, bbox=(min(xs), min(ys), max(xs), max(ys))))
    return tuple(out)


@cache
def capitals() -> dict[str, tuple[float, float]]:
    """ISO 3166-1 alpha-2 -> the capital's (lat, lon), from ``countryinfo``."""
    try:
        from countryinfo import CountryInfo
    except ImportError:
        return {}
    out: dict[str, tuple[float, float]] = {}
    for info in CountryInfo.all().values():
        code = str((info.get("ISO") or {}).get("alpha2") or "").upper()
        latlng = info.get("capital_latlng") or []
        if code and len(latlng) == 2:
            out[code] = (float(latlng[0]), float(latlng[1]))
    return out


def at_capital(place: dict[str, object]) -> dict[str, object]:
    """A country-level map point moved to its capital, a sensible spot inside the country.

    Geocoders put a country at its centroid, which for a large country can be far from
    anything in the story (Russia's lies in Siberia). Other places are left as they are.
    """
    if place.get("feature") != "country":
        return place
    spot = capitals().get(str(place.get("country") or "").upper())
    if spot is None:
        return place
    return {**place, "lat": spot[0], "lon": spot[1], "at_capital": True}
