"""The framing data files: built-in lexicons, user extensions, the sides file."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.crossref.framing.lexicon import load_lexicon, load_sides, parse_groups
from rashomon.crossref.framing.loaded import compile_loaded, load_loaded, parse_loaded
from rashomon.errors import ConfigError


def _labels(group, text):
    return [(v.label, text[s:e]) for v, s, e in group.find(text)]


def test_builtin_lexicon_loads_and_matches_wildcards() -> None:
    groups = {g.key: g for g in load_lexicon(())}
    control = groups["territorial control"]
    assert _labels(control, "They vowed to liberate the town; critics called it an occupation.") \
        == [("liberate", "liberate"), ("occupy", "occupation")]
    fighters = groups["foreign fighters"]
    assert _labels(fighters, "Mercenaries and foreign fighters") == [
        ("mercenaries", "Mercenaries"), ("foreign fighters", "foreign fighters")]


def test_short_name_does_not_match_inside_the_long_one() -> None:
    group = parse_groups({"groups": [{"key": "K", "variants": [
        {"label": "Nagorno-Karabakh", "forms": ["Nagorno-Karabakh"]},
        {"label": "Karabakh", "forms": [r"re:(?<![-\w])Karabakh\b"]},
    ]}]})[0]
    assert _labels(group, "Nagorno-Karabakh, or Karabakh") == [
        ("Nagorno-Karabakh", "Nagorno-Karabakh"), ("Karabakh", "Karabakh")]


def test_user_file_adds_and_replaces_groups(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "groups:\n"
        "  - key: territorial control\n"
        "    variants:\n"
        "      - {label: reunify, forms: ['reunif*']}\n"
        "      - {label: seize, forms: ['seiz*']}\n"
        "  - key: Zembla\n"
        "    variants:\n"
        "      - {label: Zembla, forms: [Zembla]}\n"
        "      - {label: Nova Zembla, forms: [Nova Zembla]}\n",
        encoding="utf-8",
    )
    groups = {g.key: g for g in load_lexicon((str(extra),))}
    assert "Zembla" in groups and "foreign fighters" in groups
    assert [v.label for v in groups["territorial control"].variants] == ["reunify", "seize"]


def test_sides_file(tmp_path: Path) -> None:
    path = tmp_path / "sides.yaml"
    path.write_text(
        "sides:\n"
        "  Northern side:\n"
        "    countries: [nrt]\n"
        "    outlets: [The Northern Star]\n"
        "    actors: [General Ivo Marsh]\n"
        "  Southern side:\n"
        "    countries: [STH, ALY]\n",
        encoding="utf-8",
    )
    sides = load_sides(path)
    assert sides.countries == {"NRT": "Northern side", "STH": "Southern side", "ALY": "Southern side"}
    assert sides.outlet_side("the northern star") == "Northern side"
    assert sides.actors["general ivo marsh"] == "Northern side"


@pytest.mark.parametrize("text", ["sides: [a, b]\n", "groups: {}\n", ": : :\n"])
def test_bad_sides_file_is_a_coded_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "sides.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_sides(path)
    assert err.value.code in {"R404"}


def test_missing_file_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load_sides(tmp_path / "absent.yaml")
    assert err.value.code == "R401"


def test_loaded_lexicon_longest_hit_and_exclusions() -> None:
    lexicon = compile_loaded(parse_loaded([
        "# comment", "", "took a swipe\tspeech", "swipe*\tspeech", "claim*\tepistemic",
        "claims\texclude",
    ]))
    hits = lexicon.find("She took a swipe at his claims and claimed victory.")
    assert [(h.text, h.category) for h in hits] == [("took a swipe", "speech"),
                                                     ("claimed", "epistemic")]


def test_loaded_lexicon_bad_line() -> None:
    with pytest.raises(ConfigError):
        parse_loaded(["no tab here"])


def test_builtin_loaded_lexicon_loads() -> None:
    hits = load_loaded(()).find("Critics slammed the so-called reform as a stunning blunder.")
    assert [h.text for h in hits] == ["slammed", "so-called", "stunning", "blunder"]


def test_phrase_index_wildcards_multiword_and_hyphen_parts() -> None:
    from rashomon.crossref.framing.index import PhraseIndex, longest_first
    index = PhraseIndex([("lash* out", "a"), ("lash*", "b"), ("terrorist*", "c"),
                         (r"re:\bZarn\b", "d")])
    text = "He lashed out at anti-terrorists in Zarn."
    hits = longest_first((s, e, 0, p) for s, e, p in index.matches(text))
    assert [(text[s:e], p) for s, e, p in hits] == [
        ("lashed out", "a"), ("terrorists", "c"), ("Zarn", "d")]
