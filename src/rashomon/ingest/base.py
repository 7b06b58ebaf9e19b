"""What every reader yields, and the checks they share (size, encoding, binary)."""

from __future__ import annotations

import codecs
import os
import stat
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
    notes: tuple[str, ...] = ()  # coded warnings about how it was read (kept in the article's note)


ReadResult = Iterator[RawDoc | InputError]
Reader = Callable[[Path, str, Limits], ReadResult]


def read_bytes(path: Path, source: str, limits: Limits) -> bytes:
    """The file's bytes, refusing empty, oversized and unreadable files.

    Opened without following a link and without blocking, and refused unless it is a
    regular file: a link swapped in after :func:`~rashomon.ingest.read_path` looked,
    or a named pipe, cannot make the run read elsewhere or hang.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(Errors.R005.format(source=source, reason=exc.strerror or exc)) from exc
    with os.fdopen(fd, "rb") as fh:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise InputError(Errors.R018.format(source=source, kind="not a regular file"))
            if st.st_size > limits.max_bytes:
                raise InputError(Errors.R004.format(source=source, size=st.st_size, limit=limits.max_bytes))
            data = fh.read(limits.max_bytes + 1)
        except OSError as exc:
            raise InputError(Errors.R005.format(source=source, reason=exc.strerror or exc)) from exc
    if len(data) > limits.max_bytes:  # grew while being read
        raise InputError(Errors.R004.format(source=source, size=len(data), limit=limits.max_bytes))
    if not data.strip():
        raise InputError(Errors.R001.format(source=source))
    return data


# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes as text: BOMs honoured, UTF-8 first, strict Windows-1252 second.

    Returns:
        The text and the encoding used (``"utf-8"``, ``"utf-16"``, ``"windows-1252"``...).

    Raises:
        InputError: R002 for binary content, R003 when no encoding fits.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_binary(data.decode(codec), source), codec.removesuffix("-sig")
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        raise InputError(Errors.R002.format(source=source))
    try:
        return _check_binary(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError as exc:
        pos = exc.start
    # Legacy web pages are mostly Windows-1252; it leaves five bytes undefined, so a
    # strict decode still rejects random bytes instead of inventing text.
    try:
        return _check_binary(data.decode("cp1252"), source), "windows-1252"
    except UnicodeDecodeError:
        raise InputError(Errors.R003.format(source=source, pos=pos)) from None


def decode_text(data: bytes, source: str) -> str:
    """The text of :func:`decode`, without the encoding."""
    return decode(data, source)[0]


def encoding_notes(encoding: str, source: str) -> tuple[str, ...]:
    """A coded note when the text was not UTF-8 (or a UTF BOM) and the encoding was guessed."""
    return (Errors.R103.format(source=source, encoding=encoding),) if encoding == "windows-1252" else ()


def _check_binary(text: str, source: str) -> str:
    if not text.strip():  # a BOM alone, or Unicode spaces only
        raise InputError(Errors.R001.format(source=source))
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if "\x00" in sample or (sample and controls / len(sample) > 0.05):
        raise InputError(Errors.R002.format(source=source))
    return text.replace("\x00", "")
