"""Which files an input names: links, pipes, devices and file names that are not UTF-8.

Every path that is skipped leaves a coded failure (R017 for a link, R018 for what is
not a regular file); nothing outside the input folder is read, and nothing blocks.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from rashomon.errors import InputError
from rashomon.ingest import RawDoc, expand_paths, read_path, source_name

BODY = "A headline about the river\n\nThe river rose by two metres overnight, the mayor said on Monday.\n"


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A read that blocks (a named pipe opened for reading) fails the test instead of hanging it."""
    def stop(*_: object) -> None:
        raise TimeoutError("a read blocked")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _read_all(paths: list[str]) -> dict[str, RawDoc | InputError]:
    out: dict[str, RawDoc | InputError] = {}
    for path in expand_paths(paths):
        for item in read_path(path):
            key = item.source if isinstance(item, RawDoc) else item.message.split("] ", 1)[1].split(": ", 1)[0]
            out[key] = item
    return out


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    inside, outside = tmp_path / "in", tmp_path / "outside"
    inside.mkdir()
    outside.mkdir()
    (inside / "good.txt").write_text(BODY)
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n" * 3)
    return inside, outside


def test_a_link_out_of_the_input_folder_is_not_read(tmp_path: Path) -> None:
    inside, outside = _tree(tmp_path)
    (inside / "passwd.txt").symlink_to(outside / "secret.txt")
    (inside / "etc").symlink_to(outside, target_is_directory=True)
    got = _read_all([str(inside)])
    assert isinstance(got[str(inside / "good.txt")], RawDoc)
    for name in ("passwd.txt", "etc"):
        err = got[str(inside / name)]
        assert isinstance(err, InputError) and err.code == "R017" and "outside the input folder" in err.message
    assert not any(isinstance(v, RawDoc) and "root:x" in v.text for v in got.values())


def test_a_glob_does_not_follow_a_linked_folder_out_of_its_tree(tmp_path: Path) -> None:
    inside, outside = _tree(tmp_path)
    (inside / "etc").symlink_to(outside, target_is_directory=True)
    (inside / "sub").mkdir()
    (inside / "sub" / "b.txt").write_text(BODY)
    # "**" does not descend into linked folders at all ...
    assert set(_read_all([str(inside / "**" / "*.txt")])) == {str(inside / "good.txt"), str(inside / "sub/b.txt")}
    # ... a "*" does, and the link that leads out is the failure
    got = _read_all([str(inside / "*" / "*.txt")])
    assert set(got) == {str(inside / "sub/b.txt"), str(inside / "etc")}
    err = got[str(inside / "etc")]
    assert isinstance(err, InputError) and err.code == "R017"


def test_a_link_inside_the_folder_is_read_once_as_its_target(tmp_path: Path) -> None:
    inside, _ = _tree(tmp_path)
    (inside / "alias.txt").symlink_to(inside / "good.txt")
    (inside / "again").symlink_to(inside, target_is_directory=True)  # a loop through a folder link
    assert expand_paths([str(inside)]) == [inside / "good.txt"]


def test_a_link_named_on_the_command_line_is_followed(tmp_path: Path) -> None:
    inside, outside = _tree(tmp_path)
    (inside / "chosen.txt").symlink_to(outside / "secret.txt")
    assert expand_paths([str(inside / "chosen.txt")]) == [outside / "secret.txt"]


def test_loops_and_dangling_links_are_failures_with_reasons(tmp_path: Path) -> None:
    inside, _ = _tree(tmp_path)
    (inside / "loop.txt").symlink_to(inside / "loop.txt")
    (inside / "gone.txt").symlink_to(inside / "deleted.txt")
    got = _read_all([str(inside)])
    assert got[str(inside / "loop.txt")].code == "R017"  # type: ignore[union-attr]
    assert "loops" in got[str(inside / "loop.txt")].message  # type: ignore[union-attr]
    assert "does not exist" in got[str(inside / "gone.txt")].message  # type: ignore[union-attr]
    assert isinstance(got[str(inside / "good.txt")], RawDoc)


def test_a_named_pipe_is_refused_unopened_in_a_folder_and_on_the_command_line(tmp_path: Path) -> None:
    inside, _ = _tree(tmp_path)
    os.mkfifo(inside / "pipe.txt")
    for paths in ([str(inside)], [str(inside / "pipe.txt")]):
        err = _read_all(paths)[str(inside / "pipe.txt")]
        assert isinstance(err, InputError) and err.code == "R018" and "named pipe" in err.message


def test_a_device_is_refused(tmp_path: Path) -> None:
    [err] = list(read_path(Path("/dev/zero")))
    assert isinstance(err, InputError) and err.code == "R018" and "character device" in err.message


def test_a_file_name_that_is_not_utf8_gets_an_escaped_storable_source(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.fsdecode(b"caf\xe9-\xff.txt")
    (folder / bad).write_text(BODY)
    [path] = expand_paths([str(folder)])
    [doc] = list(read_path(path))
    assert isinstance(doc, RawDoc) and doc.source == str(folder) + "/caf\\xe9-\\xff.txt"
    doc.source.encode("utf-8")  # storable, printable: no lone surrogates
    assert source_name(path) == doc.source
    assert source_name("plain/ascii.txt") == "plain/ascii.txt"


def test_a_folder_that_cannot_be_listed_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inside, _ = _tree(tmp_path)
    (inside / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # root reads any folder: simulate a permission error
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    got = _read_all([str(inside)])
    err = got[str(inside / "locked")]
    assert isinstance(err, InputError) and err.code == "R005" and "Permission denied" in err.message
    assert isinstance(got[str(inside / "good.txt")], RawDoc)


def test_a_recursive_glob_over_folder_links_ends(tmp_path: Path) -> None:
    # glob.glob's "**" follows links to folders: two links to "." never finished
    inside, _ = _tree(tmp_path)
    (inside / "l1").symlink_to(".", target_is_directory=True)
    (inside / "l2").symlink_to(".", target_is_directory=True)
    (inside / ".hidden.txt").write_text(BODY)
    assert expand_paths([str(inside / "**" / "*.txt")]) == [inside / "good.txt"]
    assert expand_paths([str(inside / "*" / "*.txt")]) == [inside / "good.txt"]  # l1/good.txt is good.txt
    assert expand_paths([str(inside / ".*.txt")]) == [inside / ".hidden.txt"]
