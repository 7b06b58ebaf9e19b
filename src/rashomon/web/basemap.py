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
