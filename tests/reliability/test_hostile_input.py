"""Hostile and broken input: every case ends as an article or a coded failure, quickly.

Hypothesis runs a bounded number of examples per reader in CI; `benchmarks/fuzz.py`
runs the same properties at scale and reports how many inputs were tried.
"""

from __future__ import annotations

import gzip
import io
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.clean import clean
from rashomon.config import Limits
from rashomon.errors import InputError
from rashomon.ingest import RawDoc, read_path

SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".json", ".warc", ".warc.gz", ".rss", ".xml"]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def _outcomes(path: Path, limits: Limits | None = None) -> list[RawDoc | InputError]:
    out = list(read_path(path, limits or Limits()))
    for o in out:
        assert isinstance(o, (RawDoc, InputError))
        if isinstance(o, InputError):
            assert o.code.startswith("R") and str(path) in o.message
    return out


def _clean_all(docs: list[RawDoc | InputError]) -> None:
    for d in docs:
        if isinstance(d, RawDoc):
            try:
                article, _ = clean(d)
            except InputError as exc:
                assert exc.code == "R101"
                continue
            assert article.body.strip()
            for seg in article.offset_map:  # provenance stays exact whatever the input
                assert d.text[seg.orig_start : seg.orig_start + seg.length] == article.body[seg.start : seg.start + seg.length]


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes_never_crash_a_reader(tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    _clean_all(_outcomes(path))


TEXTISH = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=2000)


@FUZZ
@given(text=TEXTISH, bom=st.sampled_from(["", "\ufeff"]), encoding=st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_random_text_in_any_encoding_is_read_or_refused(tmp_path_factory: pytest.TempPathFactory, text: str,
                                                         bom: str, encoding: str) -> None:
    path = tmp_path_factory.mktemp("enc") / "t.txt"
    path.write_bytes((bom + text).encode(encoding))
    _clean_all(_outcomes(path))


@FUZZ
@given(obj=st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTISH,
                        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.sampled_from(
                            ["text", "body", "title", "url", "outlet", "published", "x"]), c, max_size=5),
                        max_leaves=12))
def test_jsonl_with_wrong_types_is_a_failure_per_line(tmp_path_factory: pytest.TempPathFactory, obj: object) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "a.jsonl"
    path.write_text(json.dumps(obj) + "\n" + json.dumps({"text": "A fine article body."}) + "\n")
    out = _outcomes(path)
    assert any(isinstance(o, RawDoc) and o.text == "A fine article body." for o in out)


def _timed(fn, limit: float = 60.0):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    assert time.perf_counter() - start < limit, "took too long: a pathological input blew up"
    return result


@pytest.mark.parametrize(
    "name, text",
    [
        ("nul.txt", "A headline\n\nText with \x00 NUL \x00 bytes inside it, which is odd."),
        ("long-line.txt", "word " * 200_000),
        ("one-sentence.txt", ("and the talks went on " * 50_000) + "."),
        ("backtrack.txt", "By " + "Aaaa " * 20_000 + "\n" + "- " * 50_000 + "\n" + "(" * 50_000),
        ("nested.html", "<div>" * 20_000 + "<p>deep text that is here</p>" + "</div>" * 20_000),
        ("malformed.html", "<html><p>unclosed <b><i>tags <table><tr><td>cell" * 2_000),
        ("entities.rss", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><rss><channel><item><title>&f;</title><description>&f;</description></item></channel></rss>'),
    ],
)
def test_pathological_files_end_quickly(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = _timed(lambda: _outcomes(path, Limits(max_line=2_000_000)))
    _timed(lambda: _clean_all(out))


def test_zip_bomb_warc_is_refused(tmp_path: Path) -> None:
    payload = b"<html><body><p>" + b"A" * 50_000_000 + b"</p></body></html>"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (len(payload) + 45))
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    path = tmp_path / "bomb.warc.gz"
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
        gz.write(head + http + payload + b"\r\n\r\n")
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 1_000_000  # small on disk, 50 MB inflated
    out = _timed(lambda: _outcomes(path, Limits(max_bytes=5_000_000, max_decompressed=10_000_000)))
    assert all(isinstance(o, InputError) for o in out)
    assert {o.code for o in out} & {"R012"}


@pytest.mark.model
def test_a_huge_single_sentence_goes_through_the_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    from rashomon.nlp.pipeline import extract
    from rashomon.records import Article

    body = "Officials said " + ", ".join(f"the {i} villages near the river were shelled" for i in range(2_000)) + "."
    article = Article(id="big", source="big.txt", outlet=None, title=None, published="2024-01-01",
                      language="en", body=body)
    [bundle] = _timed(lambda: list(extract(nlp, [article])), limit=120)
    assert bundle.article_id == "big"


# -- issue 13: hostile inputs that used to end the run or slip through --------------------------------
GOOD_LINE = json.dumps({"text": "A fine article body."})


@pytest.mark.parametrize("bad, reason", [
    ('{"text": "x", "n": ' + "9" * 5_000 + "}", "digits"),
    ("[" * 100_000 + "]" * 100_000, "nested deeper"),
    ('{"text": ' + "[" * 100_000, "nested deeper"),  # unclosed, too
    ('{"a": ' * 50_000 + "1" + "}" * 50_000, "nested deeper"),
    ('{"text": "' + '\\"' * 200_000 + "[" * 100, "Unterminated string"),  # the depth scan stays linear
])
def test_one_hostile_json_line_is_a_failure_for_that_line_only(tmp_path: Path, bad: str, reason: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(f"{GOOD_LINE}\n{bad}\n{GOOD_LINE}\n")
    out = _timed(lambda: _outcomes(path), limit=20)
    assert [type(o).__name__ for o in out] == ["RawDoc", "InputError", "RawDoc"]
    err = out[1]
    assert isinstance(err, InputError) and err.code == "R006" and f"{path}: line 2:" in err.message
    assert reason in err.message


def test_a_hostile_json_file_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    [err] = _outcomes(path)
    assert isinstance(err, InputError) and err.code == "R006"


@FUZZ
@given(depth=st.integers(0, 3_000), digits=st.integers(1, 6_000), where=st.sampled_from(["list", "dict"]))
def test_any_depth_or_number_size_leaves_the_other_lines_read(tmp_path_factory: pytest.TempPathFactory,
                                                             depth: int, digits: int, where: str) -> None:
    inner = "7" * digits
    bad = ("[" * depth + inner + "]" * depth) if where == "list" else ('{"k": ' * depth + inner + "}" * depth)
    path = tmp_path_factory.mktemp("json") / "a.jsonl"
    path.write_text(f"{GOOD_LINE}\n{bad}\n{GOOD_LINE}\n")
    out = _outcomes(path)
    assert len(out) == 3 and isinstance(out[0], RawDoc) and isinstance(out[2], RawDoc)


def _gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
        gz.write(data)
    return buf.getvalue()


def _record(page: bytes, declared: int | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (len(http) if declared is None else declared))
    return head + http + b"\r\n\r\n"


PAGE = (b"<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1><p>"
        + b"Negotiators met on Tuesday for the first time in a year, officials said. " * 6
        + b"</p><p>The last sentence of the report ends here, complete.</p></article></body></html>")


def test_a_warc_record_that_lies_about_its_length_cannot_inflate_unbounded(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from rashomon.ingest import warc

    seen: list[warc._Inflated] = []
    original = warc._Inflated.__init__

    def spy(self: warc._Inflated, *args: object) -> None:
        original(self, *args)  # type: ignore[arg-type]
        seen.append(self)

    monkeypatch.setattr(warc._Inflated, "__init__", spy)
    # declares 10 bytes of content, then 60 MB without a newline: warcio reads the filler as one line
    liar = _record(b"", declared=10)[:-len(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n\r\n\r\n")]
    liar += b"0123456789" + b"A" * 60_000_000
    path = tmp_path / "liar.warc.gz"
    path.write_bytes(_gz(_record(PAGE)) + _gz(liar))
    assert path.stat().st_size < 200_000
    limits = Limits(max_bytes=2_000_000, max_decompressed=50_000_000)
    out = _outcomes(path, limits)
    assert isinstance(out[0], RawDoc) and "Negotiators met" in out[0].text  # the honest record before it
    assert any(isinstance(o, InputError) and o.code == "R012" for o in out)
    [stream] = seen
    # reading stopped one chunk past the longest line allowed, not at the end of the filler
    assert stream.total <= limits.max_bytes + 2 * warc.CHUNK


def test_a_truncated_warc_gz_drops_the_partial_record_and_says_so(tmp_path: Path) -> None:
    import random

    rng = random.Random(3)
    words = " ".join(rng.choice(["river", "council", "budget", "flood", "mayor", "bridge"]) + str(rng.randrange(999))
                     for _ in range(3_000)).encode()
    second = _gz(_record(b"<html><body><article><p>" + words + b".</p></article></body></html>"))
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(_gz(_record(PAGE)) + second[: len(second) * 3 // 4])
    out = _outcomes(path)
    docs = [o for o in out if isinstance(o, RawDoc)]
    assert len(docs) == 1 and docs[0].text.rstrip().endswith("complete.")
    [err] = [o for o in out if isinstance(o, InputError)]
    assert err.code == "R008" and str(path) in err.message


def test_a_truncated_plain_warc_drops_the_partial_record(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    data = _record(PAGE) + _record(PAGE.replace(b"Talks", b"Second talks"))
    path.write_bytes(data[: len(data) - 120])
    out = _outcomes(path)
    assert sum(isinstance(o, RawDoc) for o in out) == 1
    assert [o.code for o in out if isinstance(o, InputError)] == ["R008"]
