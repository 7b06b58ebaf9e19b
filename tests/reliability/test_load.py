"""A bounded load test on loopback: a client polls the API while `analyze` runs.

Readers must never starve the writer (they read the snapshot the run publishes,
or get a 503 at once), and the run must end equal to a clean one. Bounded in
count (at most MAX_REQUESTS) and time (TIME_LIMIT_S).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from .test_crash_safety import _corpus, _snapshot

MAX_REQUESTS = 1500
TIME_LIMIT_S = 400.0
POLL_S = 0.2  # four times as often as the client that used to stop `analyze`


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _analyze(corpus: Path, db: Path) -> subprocess.Popen:  # type: ignore[type-arg]
    return subprocess.Popen([sys.executable, "-m", "rashomon.cli.main", "analyze", str(corpus), "--db", str(db),
                             "--no-progress", "-j", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


@pytest.mark.model
@pytest.mark.slow
def test_polling_the_api_never_stops_analyze(tmp_path: Path) -> None:
    from rashomon.store.db import Store

    corpus = _corpus(tmp_path / "corpus", n=40)
    clean_db = tmp_path / "clean.duckdb"
    assert _analyze(corpus, clean_db).wait(timeout=TIME_LIMIT_S) in (0, 1)
    expected = _snapshot(clean_db)

    db = tmp_path / "served.duckdb"
    Store(db).close()  # `serve` needs the file to exist
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "rashomon.cli.main", "serve", "--db", str(db),
                               "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    statuses: dict[int, int] = {}
    slowest: dict[int, float] = {}
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=10) as client:
            for _ in range(100):  # the server is up
                try:
                    client.get("/api/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            run = _analyze(corpus, db)
            started = time.monotonic()
            requests = 0
            seen_articles = set()
            while run.poll() is None:
                assert requests < MAX_REQUESTS and time.monotonic() - started < TIME_LIMIT_S, "load test bound hit"
                for url in ("/api/health", "/api/stories"):
                    t0 = time.monotonic()
                    resp = client.get(url)
                    took = time.monotonic() - t0
                    slowest[resp.status_code] = max(slowest.get(resp.status_code, 0.0), took)
                    requests += 1
                    statuses[resp.status_code] = statuses.get(resp.status_code, 0) + 1
                    if resp.status_code == 503:
                        assert resp.json()["error"]["code"] == "R302"
                    else:
                        assert resp.status_code == 200, resp.text
                        if url == "/api/health":
                            seen_articles.add(resp.json()["counts"].get("articles", 0))
                time.sleep(POLL_S)
            _out, err = run.communicate()
            assert run.returncode in (0, 1), err
            after = client.get("/api/health").json()["counts"]["articles"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert _snapshot(db) == expected  # the run completed, equal to a clean one
    assert after == len(expected["articles"])
    assert statuses.get(200, 0) > statuses.get(503, 0)  # readers were served during the run
    assert len(seen_articles) >= 2  # ... and saw it progress
    # A 503 comes at once; an answer is never queued behind the writer (the bound
    # is loose for a loaded machine: before, requests waited 11-49 s).
    assert slowest.get(503, 0.0) < 3.0 and max(slowest.values()) < 10.0, slowest
    print(f"load: {sum(statuses.values())} requests during the run, statuses {statuses}, "
          f"slowest by status {slowest}, article counts seen {sorted(seen_articles)}")
