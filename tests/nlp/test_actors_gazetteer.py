"""The actor gazetteer: generated countries, curated actors, user files, role look-ups."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from rashomon.errors import ConfigError
from rashomon.nlp.actors.gazetteer import ENV_VAR, load_gazetteer, normalize, user_paths


def test_every_country_is_a_state_actor() -> None:
    gaz = load_gazetteer()
    for country in pycountry.countries:
        actor = gaz.actors[country.alpha_3]
        assert actor.kind == "state" and actor.country == country.alpha_3


def test_demonyms_capitals_and_aliases_come_from_the_country_data() -> None:
    gaz = load_gazetteer()
    assert gaz.demonyms["Azerbaijani"] == "AZE" and gaz.demonyms["Azeri"] == "AZE"
    assert gaz.metonyms["Ankara"] == "TUR" and gaz.metonyms["Washington"] == "USA"
    assert gaz.lookup("Russian Federation") == {"RUS"}
    # "French" is also the demonym of a French territory; news means France
    assert gaz.demonyms["French"] == "FRA"


def test_a_native_name_that_is_an_english_word_is_no_alias() -> None:
    gaz = load_gazetteer()
    # Iceland's "Island" made "Parris Island" a state; Man's "Mann" is a surname
    assert gaz.lookup("Island") != {"ISL"} and gaz.lookup("Mann") != {"IMN"}
    assert gaz.lookup("Republic of Iceland") == {"ISL"} and gaz.lookup("Mannin") == {"IMN"}


def test_normalize_folds_diacritics_case_and_articles() -> None:
    assert normalize("Mevlüt Çavuşoğlu") == normalize("mevlut cavusoglu")
    assert normalize("İlham Əliyev") == "ilham eliyev"
    assert normalize("the Kremlin's") == "kremlin"


def test_role_holders_depend_on_the_date() -> None:
    gaz = load_gazetteer()
    assert gaz.holders("foreign minister", "TUR", "2020-10-06") == ["person.mevlut_cavusoglu"]
    assert gaz.holders("foreign minister", "TUR", "2024-01-10") == ["person.hakan_fidan"]
    # no date: the holder still in office first
    assert gaz.holders("foreign minister", "TUR", None)[0] == "person.hakan_fidan"


def test_child_actors_hang_under_their_state() -> None:
    gaz = load_gazetteer()
    ministry = next(t for t in gaz.terms if t.key == "ministry.defense")
    army = next(t for t in gaz.terms if t.type == "military")
    child = gaz.child("AZE", ministry)
    assert (child.id, child.parent_id, child.kind) == ("AZE.ministry.defense", "AZE", "ministry")
    assert gaz.child("AZE", army).sectors == ("MIL",)
    # a curated row replaces the built one
    assert gaz.child("USA", next(t for t in gaz.terms if t.key == "ministry.foreign")).name == \
        "U.S. Department of State"


def _user_file(tmp_path: Path) -> Path:
    path = tmp_path / "my_actors.tsv"
    path.write_text(
        "# my story\n"
        "id\tname\tkind\tcountry\tsectors\taliases\tmetonyms\tdemonyms\tgender\troles\n"
        "DRV\tDravia\tstate\t\tGOV\tRepublic of Dravia\tLissen\tDravian\t\t\n"
        "person.elena_marek\tElena Marek\tperson\t\t\t\t\t\tf\tpresident@DRV:2019-01-01..\n"
        "TUR\tTurkey\tstate\tTUR\tGOV\tTurkish Republic\t\t\t\t\n",
        encoding="utf-8",
    )
    return path


def test_a_user_file_adds_actors_and_refines_shipped_ones(tmp_path: Path) -> None:
    gaz = load_gazetteer((str(_user_file(tmp_path)),))
    assert gaz.metonyms["Lissen"] == "DRV" and gaz.demonyms["Dravian"] == "DRV"
    assert gaz.holders("president", "DRV", "2024-06-03") == ["person.elena_marek"]
    assert gaz.actors["person.elena_marek"].gender == "f"
    turkey = gaz.actors["TUR"]
    assert "Turkish Republic" in turkey.aliases and "Türkiye" in turkey.aliases


def test_the_environment_variable_lists_extra_files(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = _user_file(tmp_path)
    monkeypatch.setenv(ENV_VAR, str(path))
    assert user_paths(["a.tsv"]) == ("a.tsv", str(path))


def test_bad_rows_and_missing_files_raise_coded_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tname\tkind\nx\tX\tplanet\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"R016\] .*bad.tsv:2: .*planet"):
        load_gazetteer((str(bad),))
    with pytest.raises(ConfigError, match="R401"):
        load_gazetteer((str(tmp_path / "missing.tsv"),))


def test_csv_files_work_too(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("id,name,kind,aliases\ngrp.valley_guard,Valley Guard,armed_group,VG|the Guard\n",
                    encoding="utf-8")
    gaz = load_gazetteer((str(path),))
    assert gaz.lookup("VG") == {"grp.valley_guard"}
