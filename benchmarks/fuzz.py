"""Fuzz every reader and the cleaning step at scale; report how many inputs were tried.

    python benchmarks/fuzz.py --n 20000 [--seed 1]

Inputs are random bytes, and mutations (byte flips, truncation, splicing, repetition)
of small valid files of each format written here. Every input must end as an article or
a coded failure: any other exception is a crash, and an input taking over 10 s is a hang.
The CI suite runs the same properties with a bounded number of hypothesis examples
(tests/reliability/test_hostile_input.py).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from rashomon.clean import clean
from rashomon.errors import InputError
from rashomon.ingest import RawDoc, read_path

HTML = (b"<html><head><title>Talks resume | The Example Times</title></head><body><article><h1>Talks resume</h1>"
        b"<p>Negotiators met on Tuesday for the first time in a year, officials said.</p></article></body></html>")
TEXT = (b"| Welcome to The Example Ledger\nSaturday, March 4, 2034\nRebels seize hilltop town\n3 min read\n"
        b"Rebel fighters took the town of Varo on Sunday, residents said.\nRead more: other story\nCOMMENTS\n")
JSONL = (json.dumps({"text": "The council met on Friday.", "outlet": "A", "published": "2024-01-02"}) + "\n").encode()
RSS = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>One</title>'
       b"<description>&lt;p&gt;First entry.&lt;/p&gt;</description></item></channel></rss>")


def _warc() -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + HTML
    rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/\r\n"
           b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http)) + http + b"\r\n\r\n"
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
        gz.write(rec)
    return buf.getvalue()


TEMPLATES = {".txt": TEXT, ".html": HTML, ".jsonl": JSONL, ".rss": RSS, ".warc.gz": _warc(), ".warc": gzip.decompress(_warc())}


def mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        if op == 0 and b:
            b[rng.randrange(len(b))] = rng.randrange(256)
        elif op == 1 and b:
            del b[rng.randrange(len(b)):]
        elif op == 2:
            b[rng.randrange(len(b) + 1):0] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif op == 3 and b:
            i = rng.randrange(len(b))
            b[i:i] = b[i : i + rng.randint(1, 40)] * rng.randint(2, 500)
        elif op == 4:
            b[rng.randrange(len(b) + 1):0] = rng.choice([b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"<div>" * 200,
                                                         b"&amp;" * 100, b"\n" * 50, b'"' * 30, b"\xe2\x80\x9c"])
        else:
            b = bytearray(bytes(rng.randrange(256) for _ in range(rng.randint(0, 400))))
    return bytes(b)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="inputs to try")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    outcomes: Counter[str] = Counter()
    crashes: list[str] = []
    slowest = 0.0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.n):
            suffix, template = rng.choice(list(TEMPLATES.items()))
            path = Path(tmp) / f"in{i % 50}{suffix}"
            path.write_bytes(mutate(template, rng))
            t0 = time.perf_counter()
            try:
                for item in read_path(path):
                    if isinstance(item, InputError):
                        outcomes["failure " + item.code] += 1
                        continue
                    assert isinstance(item, RawDoc)
                    try:
                        clean(item)
                        outcomes["article"] += 1
                    except InputError as exc:
                        outcomes["failure " + exc.code] += 1
            except Exception:  # noqa: BLE001 - a crash is what we count
                crashes.append(f"{suffix}: {traceback.format_exc(limit=3)}")
            elapsed = time.perf_counter() - t0
            slowest = max(slowest, elapsed)
            if elapsed > 10:
                crashes.append(f"{suffix}: hang ({elapsed:.1f} s)")
    total = time.perf_counter() - start
    print(f"inputs tried: {args.n} in {total:.1f} s ({args.n / total:.0f}/s), slowest {slowest:.2f} s")
    for key, n in outcomes.most_common():
        print(f"  {key:14} {n}")
    print(f"crashes or hangs: {len(crashes)}")
    for c in crashes[:10]:
        print(c)
    raise SystemExit(1 if crashes else 0)


if __name__ == "__main__":
    main()
