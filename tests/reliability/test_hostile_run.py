"""A whole run over a hostile folder: every good file stored, every bad path one coded row.

Issue 13's cases that used to end or hang a run: a file name that is not UTF-8, a
JSON line too deep or with a 5,000-digit number, a link to a file outside the folder,
a named pipe. The run must store the good articles and account for the rest.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import duckdb
import pytest

BODY = ("Flooding hits {town} as river rises\n\nFloodwater reached the centre of {town} on Monday, forcing "
        "{n} families from their homes, the regional governor said. Rescue teams arrived on Tuesday.\n")


@pytest.mark.model
def test_a_hostile_folder_stores_the_good_files_and_records_the_rest(tmp_path: Path) -> None:
    from rashomon.analyze import analyze

    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    towns = ["Amberville", "Birchton", "Cedarford", "Dunmore"]
    for i, town in enumerate(towns):
        (corpus / f"{i}.txt").write_text(BODY.format(town=town, n=100 + i))
    (corpus / os.fsdecode(b"r\xe9sum\xe9-\xff.txt")).write_text(BODY.format(town="Elmstead", n=7))
    (corpus / "lines.jsonl").write_text("\n".join([
        json.dumps({"text": BODY.format(town="Firwood", n=8)}),
        '{"text": "x", "n": ' + "9" * 5_000 + "}",
        "[" * 100_000 + "]" * 100_000,
    ]) + "\n")
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (corpus / "passwd.txt").symlink_to(outside / "secret.txt")
    os.mkfifo(corpus / "pipe.txt")

    def hang(*_: object) -> None:
        raise TimeoutError("the run blocked")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(300)
    try:
        db = tmp_path / "r.duckdb"
        summary = analyze([str(corpus)], db, crossref=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)

    con = duckdb.connect(str(db), read_only=True)
    sources = sorted(r[0] for r in con.execute("SELECT source FROM articles").fetchall())
    failures = sorted(con.execute("SELECT source, code FROM failures").fetchall())
    messages = " ".join(r[0] for r in con.execute("SELECT message FROM failures").fetchall())
    con.close()
    assert summary.new_articles == 6
    assert [Path(s).name for s in sources] == ["0.txt", "1.txt", "2.txt", "3.txt", "lines.jsonl#1",
                                               "r\\xe9sum\\xe9-\\xff.txt"]
    assert failures == sorted([(f"{corpus}/lines.jsonl", "R006"), (f"{corpus}/lines.jsonl", "R006"),
                               (f"{corpus}/passwd.txt", "R017"), (f"{corpus}/pipe.txt", "R018")])
    assert "lines.jsonl: line 2:" in messages and "lines.jsonl: line 3:" in messages
