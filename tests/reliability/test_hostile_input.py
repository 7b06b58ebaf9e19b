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
