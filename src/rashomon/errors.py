"""One catalogue of coded messages and one exception tree.

Messages are templates; ``Errors.R010.format(...)`` fills them. The code travels
with the message (``[R010] ...``) into logs, the ``failures`` table and the API's
JSON error shape, so a user can search for it.
"""

from __future__ import annotations


class _Coded(type):
    def __getattribute__(cls, name: str) -> str:
        value = super().__getattribute__(name)
        if name.startswith("R") and name[1:].isdigit():
            return f"[{name}] {value}"
        return value


class Errors(metaclass=_Coded):
    # reading (R0xx)
    R001 = "{source}: file is empty"
    R002 = "{source}: looks binary (NUL bytes or undecodable control characters), not text"
    R003 = "{source}: not valid UTF-8 at byte {pos} and no other encoding fits"
    R004 = "{source}: {size} bytes is over the size limit of {limit} bytes (--max-bytes)"
    R005 = "{source}: cannot read: {reason}"
    R006 = "{source}: line {line}: malformed JSON: {reason}"
    R007 = "{source}: line {line}: no 'text' or 'body' string in the record"
    R008 = "{source}: truncated or corrupt WARC/gzip: {reason}"
    R009 = "{source}: no article text could be extracted from the HTML"
    R010 = "{source}: no reader for this file type ({suffix})"
    R011 = "{source}: feed could not be parsed: {reason}"
    R012 = "{source}: decompressed size is over the limit of {limit} bytes"
    R013 = "{source}: a line of {size} characters is over the line limit of {limit}"
    R014 = "{source}: article body of {size} characters is over the limit of {limit}; truncated"
    R015 = "{source}: field '{field}' has the wrong type ({got}); expected {expected}"
    R016 = "{path}: malformed data file: {reason}"
    # cleaning and language (R1xx)
    R101 = "{source}: nothing left after removing page chrome"
    R102 = "{source}: language is '{lang}', not English: stored, skipped by the English pipeline"
    # NLP (R2xx)
    R201 = "{source}: the NLP pipeline failed: {reason}"
    R202 = "spaCy model '{model}' is not installed; install the project as the README says"
    R203 = ("a worker process died ({reason}: killed, or out of memory); the run stopped with {stored} new "
            "articles stored in whole groups; run the same command again to finish")
    R204 = ("interrupted; the run stopped with {stored} new articles stored in whole groups; "
            "run the same command again to finish")
    # store (R3xx)
    R301 = "{path}: cannot open the database: {reason}"
    R302 = "{path}: the database is locked by another process (is `rashomon analyze` running?)"
    R303 = "{path}: no such database; run `rashomon analyze` or `rashomon demo` first"
    # CLI / API (R4xx)
    R401 = "{path}: no such file or directory"
    R402 = "unknown export format '{fmt}'; choose one of {choices}"
    R403 = "not found: {what}"
    R404 = "invalid parameter {name}: {reason}"
    R405 = "a token is required when serving on a non-loopback address"
    R406 = "unauthorized: missing or wrong token"
    R407 = "method {method} not allowed: the API is read-only"
    R408 = "internal server error ({reason}); see the server log"
    # evaluation (R5xx)
    R501 = "{path}: gold data not found (expected {expected})"


class RashomonError(Exception):
    """Base of every error rashomon raises on purpose."""

    code: str = "R000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        if message.startswith("[R") and "]" in message:
            self.code = message[1 : message.index("]")]
        self.message = message


class InputError(RashomonError):
    """A source file could not become an article; recorded in ``failures``."""


class StoreError(RashomonError):
    """The database could not be opened or written."""


class ConfigError(RashomonError):
    """Bad arguments, missing models, missing gold data."""


class NotFound(RashomonError):
    """A requested record does not exist (API 404)."""


class RunStopped(RashomonError):
    """A run stopped before the end (a worker died, or Ctrl-C); ``summary`` says what it stored."""

    def __init__(self, message: str, summary: object = None) -> None:
        super().__init__(message)
        self.summary = summary


__all__ = ["ConfigError", "Errors", "InputError", "NotFound", "RashomonError", "RunStopped", "StoreError"]
