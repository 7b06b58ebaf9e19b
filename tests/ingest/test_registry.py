"""The reader registry: built-ins always load; a user's reader for a suffix wins.

Registration order matters only in a fresh interpreter (the built-ins load lazily on
the first read), so each case runs in its own Python process.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import rashomon

SRC = Path(rashomon.__file__).resolve().parents[1]  # the package under test, in the child too


def _run(code: str, tmp_path: Path) -> list[str]:
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from rashomon.ingest import RawDoc, read_path, register

        folder = Path(sys.argv[1])
        (folder / "a.txt").write_text("A headline for the test\\n\\nA body sentence that is long enough.\\n")
        (folder / "b.notes").write_text("custom format")
    """) + textwrap.dedent(code)
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                         env=env, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_a_custom_reader_registered_first_leaves_the_built_ins_loaded(tmp_path: Path) -> None:
    got = _run("""
        @register("notes", (".notes",))
        def read_notes(path, source, limits):
            yield RawDoc(source=source, text=path.read_text(), reader="notes")

        for name in ("a.txt", "b.notes"):
            [item] = read_path(folder / name)
            print(getattr(item, "reader", None) or item.code)
    """, tmp_path)
    assert got == ["text", "notes"]  # before: R010 "no reader" for the .txt


def test_a_users_reader_overrides_the_built_in_for_its_suffix(tmp_path: Path) -> None:
    got = _run("""
        from rashomon.ingest import reader_for

        @register("mytext", (".txt",))
        def read_mine(path, source, limits):
            yield RawDoc(source=source, text="mine", reader="mytext")

        [item] = read_path(folder / "a.txt")
        print(item.reader)
        reader_for(folder / "x.html")  # the built-ins are loaded now ...
        @register("mytext2", (".txt",))  # ... and a later registration still wins
        def read_mine2(path, source, limits):
            yield RawDoc(source=source, text="mine", reader="mytext2")

        [item] = read_path(folder / "a.txt")
        print(item.reader)
        print(reader_for(folder / "x.html").name)
    """, tmp_path)
    assert got == ["mytext", "mytext2", "html"]


def test_a_users_reader_named_like_a_built_in_is_kept(tmp_path: Path) -> None:
    got = _run("""
        @register("text", (".txt",))
        def read_mine(path, source, limits):
            yield RawDoc(source=source, text="mine", reader="users-text")

        [item] = read_path(folder / "a.txt")
        print(item.reader)
    """, tmp_path)
    assert got == ["users-text"]
