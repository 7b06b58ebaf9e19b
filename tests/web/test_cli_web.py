"""`rashomon serve` and `rashomon report` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon.cli.report import command as report_cmd
from rashomon.cli.serve import command as serve_cmd
from rashomon.cli.serve import is_loopback


@pytest.mark.parametrize(("host", "loop"), [
    ("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("[::1]", True),
    ("localhost", True), ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False),
])
def test_is_loopback(host: str, loop: bool) -> None:
    assert is_loopback(host) is loop


def test_serve_refuses_public_address_without_token(db_path: Path) -> None:
    res = CliRunner().invoke(serve_cmd, ["--db", str(db_path), "--host", "0.0.0.0"])
    assert res.exit_code != 0 and "R405" in res.output


def test_serve_refuses_missing_db(tmp_path: Path) -> None:
    res = CliRunner().invoke(serve_cmd, ["--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code != 0 and "R303" in res.output


def test_report_writes_one_file(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    res = CliRunner().invoke(report_cmd, ["--db", str(db_path), "--story", "s1",
                                          "--out", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text("utf-8")
    assert html.startswith("<!doctype html>") and "Claims ledger" in html


def test_report_unknown_story(db_path: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(report_cmd, ["--db", str(db_path), "--story", "nope",
                                          "--out", str(tmp_path / "r.html")])
    assert res.exit_code != 0 and "R403" in res.output
    assert not (tmp_path / "r.html").exists()


def test_serve_command_answers_on_loopback(db_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from rashomon.cli.serve import command; command()",
         "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        assert resp.status_code == 200 and resp.json()["counts"]["stories"] == 2
        assert "content-security-policy" in resp.headers
    finally:
        proc.terminate()
        proc.wait(10)
