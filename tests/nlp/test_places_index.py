"""The place index file: the SQLite-backed gazetteer reads what the in-memory one holds."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from rashomon.nlp.places import geocode, index
from rashomon.nlp.places.geocode import Entry, Gazetteer


def tiny() -> Gazetteer:
    gaz = Gazetteer()
    gaz.start()
    ru = gaz.add(Entry(2017370, "Russia", "RU", "country", 60.0, 100.0, 144_000_000, ""), ["Russia"])
    gaz.add(Entry(524901, "Moscow", "RU", "city", 55.75, 37.62, 10_000_000, "RU.48"), ["Moscow"])
    gaz.add(Entry(5601538, "Moscow", "US", "city", 46.73, -117.0, 25_000, "US.ID"), ["Moscow"])
    gaz.add(Entry(5596512, "Idaho", "US", "region", 45.3, -114.2, 1_700_000, "US.ID"), ["Idaho"])
    gaz.add(Entry(None, "Ganja", "AZ", "city", 40.68, 46.36, 330_000, "AZ.24"), ["Ganja", "Gyandzha"])
    gaz.finish()
    gaz.matchable.update({"Russia", "Moscow", "Idaho", "Ganja"})
    gaz.demonyms.update({"Russian": ru})
    return gaz


@pytest.fixture()
def stored(tmp_path: Path) -> tuple[Gazetteer, Gazetteer]:
    gaz = tiny()
    gaz.capitals = frozenset({1})
    path = tmp_path / "places.sqlite"
    index.write(path, gaz)
    return gaz, Gazetteer(**index.open_index(path))


def test_places_index_reads_what_was_written(stored: tuple[Gazetteer, Gazetteer]) -> None:
    mem, disk = stored
    assert len(disk.rows) == len(mem.rows)
    assert [disk.rows[i] for i in range(len(mem.rows))] == [tuple(r) for r in mem.rows]
    for key in ("Moscow", "Russia", "Idaho", "Nowhere"):
        assert disk.ids(key) == mem.ids(key)
        assert (key in disk.matchable) == (key in mem.matchable)
    assert disk.lookup("the Moscow's") == mem.lookup("the Moscow's")
    assert disk.demonyms == mem.demonyms and disk.capitals == mem.capitals
    assert disk.by_gid[524901] == mem.by_gid[524901] and 1 not in disk.by_gid
    assert disk.is_primary("Moscow", 1) and not disk.is_primary("Nowhere", 1)


def test_places_index_copy_takes_user_rows_without_leaking(
    stored: tuple[Gazetteer, Gazetteer], tmp_path: Path
) -> None:
    _, disk = stored
    table = tmp_path / "mine.tsv"
    table.write_text("name\tcountry\tfeature\tlat\tlon\taliases\n"
                     "Fort Nowhere\tAZ\tlandmark\t40.1\t47.1\tFt Nowhere\n"
                     "Moskva\t\t\t\t\t\n", encoding="utf-8")
    mine = disk.copy()
    mine.add_rows(geocode.read_table(table))
    (idx,) = mine.ids("Ft Nowhere")
    assert mine.entry(idx).name == "Fort Nowhere" and "Fort Nowhere" in mine.matchable
    assert idx in mine.curated and len(mine.rows) == len(disk.rows) + 1
    assert disk.ids("Ft Nowhere") == () and "Fort Nowhere" not in disk.matchable


def test_places_index_survives_pickling(stored: tuple[Gazetteer, Gazetteer]) -> None:
    _, disk = stored
    again = pickle.loads(pickle.dumps(disk))
    assert again.ids("Moscow") == disk.ids("Moscow")


def test_places_index_same_inputs_same_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    index.write(a, tiny())
    index.write(b, tiny())
    assert a.read_bytes() == b.read_bytes()
