"""On the real seed articles (read at run time), the story's places land where they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.nlp.places.geocode import haversine

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

# Reference points (public coordinates of each place), and how far off counts as right:
# ~50 km for towns, a few hundred km for a country's central point.
TRUTH = {
    "Stepanakert": ("AZ", 39.815, 46.752, 50), "Ganja": ("AZ", 40.683, 46.361, 50),
    "Terter": ("AZ", 40.342, 46.932, 50), "Lachin": ("AZ", 39.637, 46.547, 50),
    "Jabrayil": ("AZ", 39.399, 47.028, 50), "Baku": ("AZ", 40.409, 49.867, 50),
    "Yerevan": ("AM", 40.181, 44.514, 50), "Ankara": ("TR", 39.934, 32.860, 50),
    "Moscow": ("RU", 55.756, 37.617, 50), "Syria": ("SY", 35.0, 38.5, 400),
    "Libya": ("LY", 27.0, 17.0, 400),
}


@pytest.mark.shared
@pytest.mark.model
def test_seed_places_resolve_to_the_right_coordinates() -> None:
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is not available")
    from rashomon.nlp.pipeline import collect, load_nlp, make_doc
    from rashomon.records import Article

    nlp = load_nlp(extractors=["rashomon_places"])
    seen: dict[str, list] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        art = Article(id=path.stem, source=str(path), outlet=None, title=None, published=None,
                      language="en", body=path.read_text(encoding="utf-8"))
        for place in collect(nlp(make_doc(nlp, art)), nlp).places:
            seen.setdefault(place.text, []).append(place)
    for name, (country, lat, lon, km) in TRUTH.items():
        assert name in seen, f"{name} not found in the seeds"
        for place in seen[name]:
            assert place.country == country, (name, place)
            assert haversine(place.lat, place.lon, lat, lon) <= km, (name, place)
