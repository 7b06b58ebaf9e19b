"""Fuzz every reader and the cleaning step at scale; report inputs, crashes, hangs, rows lost.

    python benchmarks/fuzz.py --n 20000 [--seed 1]

Inputs are the hostile cases of issue 13 (deep or huge JSON, a WARC record that lies
about its length, truncated archives, links out of the folder, a named pipe, a file
name that is not UTF-8, UTF-32, Windows-1252, script-only and 20,000-deep HTML...),
then random bytes and mutations (byte flips, truncation, splicing, repetition) of
small valid files of each format written here. Every input must end as articles or
coded failures:

- a **crash** is any other exception;
- a **hang** is an input still running after ``--timeout`` seconds (stopped by an alarm);
- a **row lost** is an input that left no article and no failure at all, or a JSON
  Lines file with fewer outcomes than non-blank lines (a line dropped silently).

The CI suite runs the same properties with a bounded number of hypothesis examples
(tests/reliability/test_hostile_input.py).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import random
import shutil
import signal
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from rashomon.clean import clean
from rashomon.config import Limits
from rashomon.errors import InputError
from rashomon.ingest import RawDoc, expand_paths, read_path
from rashomon.ingest.base import decode

HTML = (b"<html><head><title>Talks resume | The Example Times</title></head><body><article><h1>Talks resume</h1>"
        b"<p>Negotiators met on Tuesday for the first time in a year, officials said.</p></article></body></html>")
TEXT = (b"| Welcome to The Example Ledger\nSaturday, March 4, 2034\nRebels seize hilltop town\n3 min read\n"
        b"Rebel fighters took the town of Varo on Sunday, residents said.\nRead more: other story\nCOMMENTS\n")
JSONL = (json.dumps({"text": "The council met on Friday.", "outlet": "A", "published": "2024-01-02"}) + "\n"
         + json.dumps({"body": "The mayor spoke on Monday.", "title": "Mayor"}) + "\n").encode()
RSS = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>One</title>'
       b"<description>&lt;p&gt;First entry.&lt;/p&gt;</description></item></channel></rss>")
FILE_LEVEL = {"R001", "R002", "R003", "R004", "R005", "R010", "R013", "R017", "R018"}


def _record(page: bytes, declared: int | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (len(http) if declared is None else declared)) + http + b"\r\n\r\n"


def _gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
        gz.write(data)
    return buf.getvalue()


TEMPLATES = {".txt": TEXT, ".html": HTML, ".jsonl": JSONL, ".json": b"[" + JSONL.replace(b"\n", b",")[:-1] + b"]",
             ".rss": RSS, ".warc.gz": _gz(_record(HTML)), ".warc": _record(HTML)}


def _hostile(folder: Path) -> list[tuple[str, Path]]:
    """Issue 13's hostile inputs, written into ``folder``: (name, path to read)."""
    out: list[tuple[str, Path]] = []

    def put(name: str, data: bytes) -> Path:
        path = folder / name
        path.write_bytes(data)
        out.append((name, path))
        return path

    good = json.dumps({"text": "A fine article body."})
    put("bigint.jsonl", f'{good}\n{{"text": "x", "n": {"9" * 5_000}}}\n{good}\n'.encode())
    put("deep.jsonl", f"{good}\n{'[' * 100_000}{']' * 100_000}\n{good}\n".encode())
    put("deep.json", b"[" * 100_000)
    liar = _record(b"", declared=10)[: -len(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n\r\n\r\n")]
    put("liar.warc.gz", _gz(_record(HTML)) + _gz(liar + b"0123456789" + b"A" * 60_000_000))
    second = _gz(_record(HTML.replace(b"Negotiators", b"Second negotiators") * 20))
    put("cut.warc.gz", _gz(_record(HTML)) + second[: len(second) * 3 // 4])
    put("cut.warc", (_record(HTML) * 2)[:-120])
    put("utf32.txt", "A headline\n\nAn article body saved as UTF-32.".encode("utf-32"))
    put("cp1252.txt", b"Caf\xe9 owners protest\n\nThe owners said \x93enough\x94 on Monday.\n")
    put("script.html", b"<html><body><noscript>" + b"var m = 'x'; render(m); " * 40 + b"</noscript></body></html>")
    put("deep.html", b"<div>" * 20_000 + b"<p>" + b"Floodwater reached the town. " * 100 + b"</p>" + b"</div>" * 20_000)
    put("date.jsonl", json.dumps({"text": "The council met.", "published": "9999-99-99"}).encode())
    outside = folder.parent / "outside-the-input"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    for name, target in (("passwd.txt", outside / "secret.txt"), ("loop.txt", folder / "loop.txt"),
                         ("gone.txt", folder / "missing.txt")):
        (folder / name).symlink_to(target)
        out.append((name, folder / name))
    os.mkfifo(folder / "pipe.txt")
    out.append(("pipe.txt", folder / "pipe.txt"))
    put(os.fsdecode(b"caf\xe9-\xff.txt"), TEXT)  # a file name that is not UTF-8
    return out


def mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(7)
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
            b[rng.randrange(len(b) + 1):0] = rng.choice([b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xff\xfe\x00\x00",
                                                         b"<div>" * 200, b"&amp;" * 100, b"\n" * 50, b'"' * 30,
                                                         b"\xe2\x80\x9c", b"[" * 2000, b"9" * 5000, b"\x93"])
        elif op == 5 and len(b) > 1:  # cut a compressed file short
            del b[rng.randrange(max(1, len(b) // 2), len(b)):]
        else:
            b = bytearray(bytes(rng.randrange(256) for _ in range(rng.randint(0, 400))))
    return bytes(b)


def _given(path: Path) -> Callable[[], list[Path]]:
    return lambda: [path]


def _written(path: Path, data: bytes) -> Callable[[], list[Path]]:
    def paths() -> list[Path]:
        path.write_bytes(data)
        return [path]

    return paths


class Hang(Exception):
    pass


def _expected(path: Path, suffix: str, outcomes: list[RawDoc | InputError]) -> int:
    """How many outcomes the input owes: one per non-blank JSON Lines line unless the whole
    file was refused; at least one for anything else."""
    if suffix != ".jsonl" or any(isinstance(o, InputError) and o.code in FILE_LEVEL for o in outcomes):
        return 1
    try:
        text, _ = decode(path.read_bytes(), "x")
    except InputError:
        return 1
    lines = sum(1 for line in text.splitlines() if line.strip())
    capped = any(isinstance(o, InputError) and o.code == "R019" for o in outcomes)
    return max(1, min(lines, Limits().max_records + 1) if capped else lines)


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in the block after ``seconds``."""
    def stop(*_: object) -> None:
        raise Hang

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def try_input(paths: list[Path], suffix: str, timeout: float, counts: Counter[str]) -> tuple[str, int]:
    """Read and clean one input: ("ok" | "crash: ..." | "hang", rows lost).

    Each step has ``timeout`` seconds: reading a file, and cleaning each of its articles
    (a file of 400 records may take longer in all without any step hanging).
    """
    lost = 0
    try:
        for path in paths:
            with _deadline(timeout):
                got = list(read_path(path))
            for item in got:
                if isinstance(item, InputError):
                    counts["failure " + item.code] += 1
                    continue
                try:
                    with _deadline(timeout):
                        clean(item)
                    counts["article"] += 1
                except InputError as exc:
                    counts["failure " + exc.code] += 1
            lost += max(0, _expected(path, suffix, got) - len(got))
        return "ok", lost
    except Hang:
        return "hang", lost
    except Exception:  # noqa: BLE001 - a crash is what we count
        return "crash: " + traceback.format_exc(limit=4), lost


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="random and mutated inputs to try (after the hostile cases)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="seconds one step (reading a file, cleaning an article) may take before it is a hang")
    ap.add_argument("--save", type=Path, help="folder to copy every input that crashed, hung or lost rows into")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    problems: list[str] = []
    crashes = hangs = lost = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        hostile_dir = Path(tmp) / "hostile"
        hostile_dir.mkdir()
        hostile = _hostile(hostile_dir)
        cases: list[tuple[str, str, Callable[[], list[Path]]]] = [
            (name, ".warc.gz" if name.endswith(".warc.gz") else Path(name).suffix, _given(path))
            for name, path in hostile]
        # the folder as a whole, walked the way `rashomon analyze` walks it
        cases.append(("hostile folder", "", lambda: expand_paths([str(hostile_dir)])))
        for i in range(args.n):
            suffix, template = rng.choice(list(TEMPLATES.items()))
            path = Path(tmp) / f"in{i % 50}{suffix}"
            data = mutate(template, rng)
            cases.append((f"random {suffix}", suffix, _written(path, data)))
        slowest = (0.0, "")
        for name, suffix, paths in cases:
            t0 = time.perf_counter()
            files = paths()
            status, n_lost = try_input(files, suffix, args.timeout, counts)
            if args.save and (n_lost or status != "ok"):
                args.save.mkdir(parents=True, exist_ok=True)
                for f in files:
                    if f.is_file() and not f.is_symlink():
                        shutil.copy(f, args.save / f"{len(problems)}-{f.name}")
            elapsed = time.perf_counter() - t0
            slowest = max(slowest, (elapsed, name))
            lost += n_lost
            if n_lost:
                problems.append(f"{name}: {n_lost} rows lost")
            if status == "hang":
                hangs += 1
                problems.append(f"{name}: hang (over {args.timeout:.0f} s)")
            elif status != "ok":
                crashes += 1
                problems.append(f"{name}: {status}")
    total = time.perf_counter() - start
    tried = len(cases)
    print(f"inputs tried: {tried} ({len(hostile) + 1} hostile cases, {args.n} random) in {total:.1f} s; "
          f"slowest {slowest[0]:.2f} s ({slowest[1]})")
    print(f"crashes: {crashes}\nhangs: {hangs}\nrows lost: {lost}")
    for key, n in counts.most_common():
        print(f"  {key:14} {n}")
    for p in problems[:10]:
        print(p)
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
