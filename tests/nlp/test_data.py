"""The one loader for data files: rows, records and YAML, with ``R016`` naming file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rashomon.errors import ConfigError
from rashomon.nlp import data
from rashomon.nlp.dates.timex import load_vocab
from rashomon.nlp.figures.lexicon import load as load_figures
from rashomon.nlp.places.geocode import read_table
from rashomon.nlp.quotes.cues import read as read_cues


def _file(tmp_path: Path, text: str, name: str = "x.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_data_rows_skip_comments_and_blanks(tmp_path: Path) -> None:
    path = _file(tmp_path, "# a comment\n\n  # indented comment\na\t b \nc\n")
    assert list(data.rows(path)) == [(4, ["a", "b"]), (5, ["c"])]


def test_data_records_by_header(tmp_path: Path) -> None:
    path = _file(tmp_path, "# c\nlemma\tpos\nsay\tVERB\nclaim\n")
    assert list(data.records(path, required=["lemma"])) == [
        (3, {"lemma": "say", "pos": "VERB"}), (4, {"lemma": "claim"})]


def test_data_records_csv_quoting(tmp_path: Path) -> None:
    path = _file(tmp_path, 'id,name\nx,"Smith, John"\n', name="a.csv")
    assert list(data.records(path)) == [(2, {"id": "x", "name": "Smith, John"})]


@pytest.mark.parametrize(("text", "call", "where", "reason"), [
    ("a\tb\n1\t2\t3\n", lambda p: list(data.records(p)), ":2", "3 cells for 2 columns"),
    ("pos\nVERB\n", lambda p: list(data.records(p, required=["lemma"])), ":1", "lemma"),
    ("a\n", lambda p: list(data.rows(p, min_cols=2)), ":1", "at least 2"),
    ("month\tjanuary\tone\n", load_vocab, ":1", "needs a number"),
    ("vague\tdozens\tmany\n", load_figures, ":1", "low and a high"),
    ("name\tlat\nX\t1\t2\n", read_table, ":2", "cells"),
    ("pos\tlemma\n", lambda p: read_cues((p,)), "", ""),
])
def test_data_malformed_file_raises_r016_with_line(
    tmp_path: Path, text: str, call, where: str, reason: str  # type: ignore[no-untyped-def]
) -> None:
    path = _file(tmp_path, text)
    if not reason:  # a well-formed file: no error
        call(path)
        return
    with pytest.raises(data.DataFileError, match=rf"\[R016\] .*x\.tsv{where}: malformed data file: .*{reason}"):
        call(path)


def test_data_error_is_a_config_error_and_a_value_error(tmp_path: Path) -> None:
    path = _file(tmp_path, "a\tb\n1\t2\t3\n")
    with pytest.raises(ConfigError) as info:
        list(data.records(path))
    assert isinstance(info.value, ValueError)
    assert info.value.code == "R016" and info.value.line == 2 and info.value.path == path


def test_data_unreadable_and_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(data.DataFileError, match="cannot read"):
        list(data.rows(tmp_path / "missing.tsv"))
    bad = tmp_path / "latin1.tsv"
    bad.write_bytes("caf\xe9\n".encode("latin-1"))
    with pytest.raises(data.DataFileError, match="not UTF-8"):
        list(data.rows(bad))


def test_data_yaml_error_names_the_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "groups:\n  - key: a\n   bad: [\n", name="t.yaml")
    with pytest.raises(data.DataFileError, match=r"t\.yaml:\d+"):
        data.read_yaml(path)
    assert data.read_yaml(_file(tmp_path, "a: 1\n", name="ok.yaml")) == {"a": 1}


def test_data_word_lists_each_used_and_each_use_listed() -> None:
    src = Path(data.__file__).parent
    used = set()
    for path in src.rglob("*.py"):
        used |= set(re.findall(r'word_(?:list|pairs)\("(\w+)"\)', path.read_text(encoding="utf-8")))
    listed = set(data._word_lists(data.LEXICONS / "word_lists.tsv"))
    assert used == listed
    assert "director" in data.word_list("person_nouns")


def test_data_unknown_word_list_is_r016() -> None:
    with pytest.raises(data.DataFileError, match="no word list 'nope'"):
        data.word_list("nope")
