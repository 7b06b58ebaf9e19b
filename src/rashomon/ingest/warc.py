"""WARC / WARC.gz: HTML response records go through the HTML reader.

Record content is bounded (``Limits.max_decompressed`` over the whole archive,
``Limits.max_bytes`` per record) so a zip bomb becomes a failure, and a truncated
archive keeps the records read before the damage.
"""

from __future__ import annotations

from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from rashomon.config import Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest import register
from rashomon.ingest.base import ReadResult, decode_text
from rashomon.ingest.html import extract_html


@register("warc", (".warc", ".warc.gz"))
def read(path: Path, source: str, limits: Limits) -> ReadResult:
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(Errors.R005.format(source=source, reason=exc.strerror or exc)) from exc
    if size == 0:
        fh.close()
        raise InputError(Errors.R001.format(source=source))
    if size > limits.max_bytes:
        fh.close()
        raise InputError(Errors.R004.format(source=source, size=size, limit=limits.max_bytes))
    n = 0
    inflated = 0  # bytes of record content read so far: bounds a zip bomb's cost
    with fh:
        try:
            for record in ArchiveIterator(fh):
                inflated += record.length or 0
                if inflated > limits.max_decompressed:
                    yield InputError(Errors.R012.format(source=source, limit=limits.max_decompressed))
                    return
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in ctype.lower():
                    continue
                n += 1
                if n > limits.max_records:
                    break
                url = record.rec_headers.get_header("WARC-Target-URI")
                stream = record.content_stream()
                body = stream.read(limits.max_bytes + 1)
                if len(body) > limits.max_bytes:
                    yield InputError(Errors.R012.format(source=f"{source}#{n}", limit=limits.max_bytes))
                    continue
                rec_source = f"{source}#{n}"
                try:
                    yield extract_html(decode_text(body, rec_source), rec_source, url=url, reader="warc")
                except InputError as exc:
                    yield exc
        except Exception as exc:  # warcio/zlib raise many kinds on damaged archives
            yield InputError(Errors.R008.format(source=source, reason=f"{type(exc).__name__}: {exc}"[:200]))
    if n == 0:
        yield InputError(Errors.R009.format(source=source))
