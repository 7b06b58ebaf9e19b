"""What every reader yields, and the checks they share (size, encoding, binary)."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rashomon.config import Limits
from rashomon.errors import Errors, InputError


@dataclass(frozen=True)
class RawDoc:
    """One article as a reader found it, before cleaning."""

    source: str
    text: str  # plain text (readers of HTML extract it first)
    reader: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD when the source states it
    url: str | None = None
    language: str | None = None
    structured: bool = False  # title/outlet/date came from markup or fields, not guessed


ReadResult = Iterator[RawDoc | InputError]
Reader = Callable[[Path, str, Limits], ReadResult]


def read_bytes(path: Path, source: str, limits: Limits) -> bytes:
    """The file's bytes, refusing empty, oversized and unreadable files."""
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise InputError(Errors.R004.format(source=source, size=size, limit=limits.max_bytes))
        with path.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(Errors.R005.format(source=source, reason=exc.strerror or exc)) from exc
    if not data.strip():
        raise InputError(Errors.R001.format(source=source))
    return data


def decode_text(data: bytes, source: str) -> str:
    """Decode bytes as text: BOMs honoured, UTF-8 first, strict Windows-1252 second.

    Raises:
        InputError: R002 for binary content, R003 when no encoding fits.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32")):
        if data.startswith(bom):
            try:
                return _check_binary(data.decode(codec), source)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        raise InputError(Errors.R002.format(source=source))
    try:
        return _check_binary(data.decode("utf-8"), source)
    except UnicodeDecodeError as exc:
        pos = exc.start
    # Legacy web pages are mostly Windows-1252; it leaves five bytes undefined, so a
    # strict decode still rejects random bytes instead of inventing text.
    try:
        return _check_binary(data.decode("cp1252"), source)
    except UnicodeDecodeError:
        raise InputError(Errors.R003.format(source=source, pos=pos)) from None


def _check_binary(text: str, source: str) -> str:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if "\x00" in sample or (sample and controls / len(sample) > 0.05):
        raise InputError(Errors.R002.format(source=source))
    return text.replace("\x00", "")
