"""WARC / WARC.gz: HTML response records go through the HTML reader.

warcio never sees the compressed file: :class:`_Inflated` gunzips it here, member
after member, counting every byte it hands over. So the archive costs at most
``Limits.max_decompressed`` bytes of work, and no line (a record header, or the
filler after a record that lies about its length) grows past ``Limits.max_bytes``
in memory; a gzip member cut short, or a record shorter than its declared length,
is a truncated archive: the partial record is dropped and the damage recorded.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import BinaryIO

from rashomon.config import Limits
from rashomon.errors import Errors, InputError
from rashomon.ingest import register
from rashomon.ingest.base import ReadResult, decode, encoding_notes
from rashomon.ingest.html import extract_html

CHUNK = 1 << 20  # warcio's read size too: its readline appends block by block


class _Inflated:
    """A file's bytes (gunzipped if it is gzip), read in bounded chunks.

    Raises from ``read``:
        InputError: R012 past ``max_decompressed`` in all, or for a run of bytes
            without a newline longer than ``max_bytes`` (no record could hold it);
            R008 at the end of a gzip member cut short.
    """

    def __init__(self, fh: BinaryIO, source: str, limits: Limits) -> None:
        self.fh, self.source, self.limits = fh, source, limits
        self.gzip = fh.read(2) == b"\x1f\x8b"
        fh.seek(0)
        self.unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.fed = False  # the current gzip member has started
        self.pending = b""  # compressed bytes not yet fed
        self.total = 0  # bytes handed over
        self.run = 0  # bytes since the last newline

    def tell(self) -> int:
        return self.total

    def read(self, size: int | None = -1) -> bytes:
        size = CHUNK if size is None or size < 0 else min(size, CHUNK)
        data = self._inflate(size) if self.gzip else self.fh.read(size)
        self.total += len(data)
        if self.total > self.limits.max_decompressed:
            raise InputError(Errors.R012.format(source=self.source, limit=self.limits.max_decompressed))
        newline = data.rfind(b"\n")
        self.run = len(data) - newline - 1 if newline >= 0 else self.run + len(data)
        if self.run > self.limits.max_bytes:
            raise InputError(Errors.R012.format(source=self.source, limit=self.limits.max_bytes))
        return data

    def _inflate(self, size: int) -> bytes:
        while True:
            chunk = self.unzip.unconsumed_tail or self.pending or self.fh.read(CHUNK)
            self.pending = b""
            if not chunk:
                if self.fed:  # the file ended inside a gzip member
                    raise InputError(Errors.R008.format(
                        source=self.source, reason="the archive ends in the middle of a record"))
                return b""
            if not self.fed and not chunk.strip(b"\x00"):
                return b""  # zero padding after the last member
            self.fed = True
            out = self.unzip.decompress(chunk, size)
            if self.unzip.eof:  # next member
                self.pending = self.unzip.unused_data
                self.unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self.fed = False
            if out:
                return out


@register("warc", (".warc", ".warc.gz"))
def read(path: Path, source: str, limits: Limits) -> ReadResult:
    from warcio.archiveiterator import ArchiveIterator  # here: other formats never pay for it

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
    with fh:
        try:
            for record in ArchiveIterator(_Inflated(fh, source, limits), block_size=CHUNK):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in ctype.lower():
                    continue
                n += 1
                if n > limits.max_records:
                    continue  # counted, not read: reported below
                url = record.rec_headers.get_header("WARC-Target-URI")
                stream = record.content_stream()
                body = stream.read(limits.max_bytes + 1)
                rec_source = f"{source}#{n}"
                if len(body) > limits.max_bytes:
                    yield InputError(Errors.R012.format(source=rec_source, limit=limits.max_bytes))
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
                    yield InputError(Errors.R008.format(source=rec_source, reason="the record is cut short"))
                    continue
                try:
                    html, encoding = decode(body, rec_source)
                    yield extract_html(html, rec_source, url=url, reader="warc",
                                       notes=encoding_notes(encoding, rec_source))
                except InputError as exc:
                    yield exc
        except InputError as exc:
            yield exc
        except Exception as exc:  # warcio/zlib raise many kinds on damaged archives
            yield InputError(Errors.R008.format(source=source, reason=f"{type(exc).__name__}: {exc}"[:200]))
    if n > limits.max_records:
        yield InputError(Errors.R019.format(source=source, count=n - limits.max_records, limit=limits.max_records))
    if n == 0:
        yield InputError(Errors.R009.format(source=source))
