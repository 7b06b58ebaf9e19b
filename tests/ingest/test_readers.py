"""Every reader, on input we write ourselves, and every kind of bad input."""

from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

import pytest

from rashomon.config import Limits
from rashomon.errors import InputError
from rashomon.ingest import RawDoc, expand_paths, read_path

HTML = """<html><head><title>Talks resume in Valdor | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2023-05-02T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Talks resume in Valdor</h1>
<p>Negotiators from both sides met in the capital on Tuesday for the first time in a year, officials said.</p>
<p>"We are here to listen," the chief negotiator told reporters after the session ended late in the evening.</p>
</article><footer>Share on Facebook</footer></body></html>"""


def _read(path: Path, limits: Limits | None = None) -> list[RawDoc | InputError]:
    return list(read_path(path, limits or Limits()))


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_reader_reads_plain_text(tmp_path: Path, suffix: str) -> None:
    p = tmp_path / f"a{suffix}"
    p.write_text("Headline here\n\nA body sentence that is long enough to be kept.\n", encoding="utf-8")
    [doc] = _read(p)
    assert isinstance(doc, RawDoc) and "body sentence" in doc.text


def test_html_reader_extracts_main_text_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    [doc] = _read(p)
    assert isinstance(doc, RawDoc)
    assert "Negotiators from both sides" in doc.text
    assert "Home | World" not in doc.text
    assert doc.published == "2023-05-02"
    assert doc.outlet == "The Example Times"


def test_jsonl_reader_keeps_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": "First article body.", "outlet": "A", "published": "2024-01-02T00:00:00"}),
             "{not json",
             json.dumps({"body": "Second article body.", "title": "T"}),
             json.dumps({"text": 42}),
             json.dumps({"title": "no text"})]
    p.write_text("\n".join(lines), encoding="utf-8")
    out = _read(p)
    docs = [o for o in out if isinstance(o, RawDoc)]
    errors = [o for o in out if isinstance(o, InputError)]
    assert [d.text for d in docs] == ["First article body.", "Second article body."]
    assert docs[0].published == "2024-01-02" and docs[0].outlet == "A"
    assert {e.code for e in errors} == {"R006", "R015", "R007"}
    assert all(str(p) in e.message for e in errors)


def test_jsonl_reader_reads_the_field_names_other_exports_use(tmp_path: Path) -> None:
    p = tmp_path / "export.jsonl"
    p.write_text(json.dumps({"content": "Talks resumed in Valdor on Monday.", "headline": "Talks",
                             "date": "2013-01-16", "link": "https://example.org/a",
                             "source_name": "The Example Times"}) + "\n"
                 + json.dumps({"text": "Body.", "publishedAt": 7}), encoding="utf-8")
    out = _read(p)
    doc = next(o for o in out if isinstance(o, RawDoc))
    assert (doc.text, doc.title, doc.published, doc.url, doc.outlet) == (
        "Talks resumed in Valdor on Monday.", "Talks", "2013-01-16", "https://example.org/a",
        "The Example Times")
    (error,) = [o for o in out if isinstance(o, InputError)]
    assert error.code == "R015" and "publishedAt" in error.message  # named as the file names it


def test_warc_reader_reads_html_responses(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with p.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record("https://example.org/a", "response",
                                        payload=io.BytesIO(HTML.encode()), http_headers=headers)
        writer.write_record(rec)
    [doc] = _read(p)
    assert isinstance(doc, RawDoc) and doc.url == "https://example.org/a" and "Negotiators" in doc.text


def test_truncated_warc_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    p = tmp_path / "bad.warc.gz"
    p.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + b"x" * 500)[:60])
    out = _read(p)
    assert out and all(isinstance(o, InputError) for o in out)
    first = out[0]
    assert isinstance(first, InputError) and first.code in {"R008", "R009"} and str(p) in first.message


def test_feed_reader_reads_entries(tmp_path: Path) -> None:
    p = tmp_path / "feed.rss"
    p.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>One</title><link>https://e.org/1</link><pubDate>Tue, 02 May 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The first entry &amp;amp; its summary.&lt;/p&gt;</description></item>
<item><title>Two</title><description>Second entry text.</description></item></channel></rss>""")
    docs = _read(p)
    assert [d.title for d in docs if isinstance(d, RawDoc)] == ["One", "Two"]
    assert docs[0].published == "2023-05-02" and docs[0].outlet == "Example Wire"  # type: ignore[union-attr]
    assert "first entry & its summary" in docs[0].text  # type: ignore[union-attr]


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html", ".rss"])
@pytest.mark.parametrize(
    "content, code",
    [(b"", "R001"), (b"   \n\n", "R001"), (b"\x00\x01\x02binary\x00\xff", "R002"),
     (b"caf\xe9 \xff\xfe\xfd\x81\x8d\x8f\x90\x9d invalid", "R003"),
     # a BOM alone decodes to nothing (found by fuzz.py: the file left no row at all)
     (codecs.BOM_UTF8, "R001"), (codecs.BOM_UTF32_LE, "R001"), ("\u2028 \u3000".encode(), "R001")],
)
def test_bad_text_files_get_specific_errors(tmp_path: Path, content: bytes, code: str, suffix: str) -> None:
    p = tmp_path / f"bad{suffix}"
    p.write_bytes(content)
    [err] = _read(p)
    assert isinstance(err, InputError) and str(p) in err.message
    assert err.code == code or (code == "R003" and err.code in {"R002", "R003"})


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000)
    [err] = _read(p, Limits(max_bytes=100))
    assert isinstance(err, InputError) and err.code == "R004" and "100" in err.message


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes("A headline\n\nAn article body that was saved as UTF-16.".encode("utf-16"))
    [doc] = _read(p)
    assert isinstance(doc, RawDoc) and "UTF-16" in doc.text


def test_unknown_suffix_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "photo.jpg"
    p.write_bytes(b"\xff\xd8\xff")
    [err] = _read(p)
    assert isinstance(err, InputError) and err.code == "R010"


def test_expand_paths_walks_folders_and_globs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.html", "sub/c.jsonl"):
        (tmp_path / name).write_text("x")
    assert len(expand_paths([str(tmp_path)])) == 3
    assert [p.name for p in expand_paths([str(tmp_path / "sub" / "*.html")])] == ["b.html"]
    with pytest.raises(InputError) as err:
        expand_paths([str(tmp_path / "missing")])
    assert err.value.code == "R401"


@pytest.mark.parametrize("encoding, bom", [("utf-32", b""), ("utf-32-be", codecs.BOM_UTF32_BE),
                                           ("utf-32-le", codecs.BOM_UTF32_LE)])
def test_utf32_with_a_bom_is_decoded_not_called_binary(tmp_path: Path, encoding: str, bom: bytes) -> None:
    p = tmp_path / "u32.txt"
    p.write_bytes(bom + "A headline\n\nAn article body saved as UTF-32 — with a dash.".encode(encoding))
    [doc] = _read(p)
    assert isinstance(doc, RawDoc) and doc.text.endswith("saved as UTF-32 — with a dash.") and not doc.notes


def test_windows_1252_is_decoded_and_the_guess_is_noted(tmp_path: Path) -> None:
    from rashomon.clean import clean

    p = tmp_path / "legacy.txt"
    p.write_bytes(b"Caf\xe9 owners protest\n\nThe owners of the caf\xe9 said \x93enough\x94 on Monday, "
                  b"in a letter to the mayor of the town.\n")
    [doc] = _read(p)
    assert isinstance(doc, RawDoc) and "\u201cenough\u201d" in doc.text
    assert [InputError(n).code for n in doc.notes] == ["R103"] and "windows-1252" in doc.notes[0]
    article, _ = clean(doc)
    assert article.note and "[R103]" in article.note and "windows-1252" in article.note
    assert str(tmp_path) not in article.note and "legacy.txt" in article.note  # the note is shown on the web
    utf8 = tmp_path / "modern.txt"
    utf8.write_text("Caf\u00e9 owners protest\n\nA body.\n", encoding="utf-8")
    [doc] = _read(utf8)
    assert isinstance(doc, RawDoc) and doc.notes == ()


@pytest.mark.parametrize("value", ["9999-99-99", "2024-02-30", "9999-12-31", "not a date at all"])
def test_an_invalid_published_date_is_dropped_and_noted(tmp_path: Path, value: str) -> None:
    from rashomon.clean import clean

    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "The council met on Friday and approved the budget.", "published": value}))
    [doc] = _read(p)
    assert isinstance(doc, RawDoc)
    article, _ = clean(doc)
    assert article.published is None
    assert article.note and "[R104]" in article.note and value in article.note


def test_a_valid_published_date_is_kept_without_a_note(tmp_path: Path) -> None:
    from rashomon.clean import clean

    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "The council met on Friday.", "published": "2024-02-29T08:00:00Z"}))
    [doc] = _read(p)
    article, _ = clean(doc)  # type: ignore[arg-type]
    assert article.published == "2024-02-29" and not article.note


@pytest.mark.parametrize("page", [
    "<html><body><noscript>" + "var message = 'the talks resume on Monday'; render(message); " * 30
    + "</noscript></body></html>",
    "<html><head><script>" + "document.write('the talks resume on Monday in the capital'); " * 30
    + "</script><style>p { color: red }</style></head><body></body></html>",
])
def test_a_script_only_page_is_refused_with_a_reason(tmp_path: Path, page: str) -> None:
    p = tmp_path / "script.html"
    p.write_text(page)
    [err] = _read(p)
    assert isinstance(err, InputError) and err.code in {"R020", "R009"} and str(p) in err.message


def test_noscript_text_is_not_an_article(tmp_path: Path) -> None:
    p = tmp_path / "noscript.html"
    p.write_text("<html><body><noscript>" + "var m = 'x'; render(m); " * 40 + "</noscript></body></html>")
    [err] = _read(p)
    assert isinstance(err, InputError) and err.code == "R020"


def test_text_in_html_nested_too_deep_for_lxml_is_recovered(tmp_path: Path) -> None:
    sentence = "Floodwater reached the centre of the town on Monday, officials said. "
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * 20_000 + "<p>" + sentence * 45 + "</p>" + "</div>" * 20_000
                 + "</body></html>")
    [doc] = _read(p)
    assert isinstance(doc, RawDoc) and doc.text.count("Floodwater reached") == 45  # ~3,000 characters
    assert "<div>" not in doc.text


def test_records_past_the_cap_are_counted_in_a_failure(tmp_path: Path) -> None:
    p = tmp_path / "many.jsonl"
    p.write_text("\n".join(json.dumps({"text": f"Article number {i}."}) for i in range(7)) + "\n\n")
    out = _read(p, Limits(max_records=3))
    assert [o.text for o in out if isinstance(o, RawDoc)] == [f"Article number {i}." for i in range(3)]
    [err] = [o for o in out if isinstance(o, InputError)]
    assert err.code == "R019" and "4 records" in err.message and str(p) in err.message
    whole = tmp_path / "many.json"
    whole.write_text(json.dumps([{"text": f"Article {i}."} for i in range(5)]))
    errors = [o for o in _read(whole, Limits(max_records=2)) if isinstance(o, InputError)]
    assert [e.code for e in errors] == ["R019"] and "3 records" in errors[0].message


def test_warc_records_past_the_cap_are_counted_in_a_failure(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc.gz"
    _write_warc(p, [HTML] * 4)
    out = _read(p, Limits(max_records=1))
    assert sum(isinstance(o, RawDoc) for o in out) == 1
    [err] = [o for o in out if isinstance(o, InputError)]
    assert err.code == "R019" and "3 records" in err.message


def test_feed_entries_past_the_cap_are_counted_in_a_failure(tmp_path: Path) -> None:
    p = tmp_path / "feed.rss"
    items = "".join(f"<item><title>T{i}</title><description>Entry {i}.</description></item>" for i in range(4))
    p.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>')
    out = _read(p, Limits(max_records=1))
    assert sum(isinstance(o, RawDoc) for o in out) == 1
    assert [o.code for o in out if isinstance(o, InputError)] == ["R019"]


def _write_warc(path: Path, pages: list[str], gzip: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for i, page in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                          payload=io.BytesIO(page.encode()),
                                                          http_headers=headers))


def test_a_feed_entry_with_control_characters_is_read_not_a_crash(tmp_path: Path) -> None:
    # found by benchmarks/fuzz.py: lxml refused to set a tail holding \x01 and the run died
    p = tmp_path / "feed.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>One</title>'
                 "<description>&lt;p&gt;First&lt;/p&gt;\x01second part</description></item></channel></rss>")
    [doc] = _read(p)
    assert isinstance(doc, RawDoc) and doc.text.split() == ["First", "second", "part"]


def test_an_xhtml_page_with_an_xml_declaration_is_an_article(tmp_path: Path) -> None:
    # the script-only check must see this page's text too (lxml refuses such a str)
    p = tmp_path / "page.xhtml"
    p.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + HTML.replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">'))
    [doc] = _read(p)
    assert isinstance(doc, RawDoc) and "Negotiators from both sides" in doc.text


def test_a_feed_without_entries_leaves_a_row(tmp_path: Path) -> None:
    p = tmp_path / "empty.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>')
    [err] = _read(p)
    assert isinstance(err, InputError) and err.code == "R011" and "no entries" in err.message
