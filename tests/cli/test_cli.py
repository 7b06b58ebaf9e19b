"""Every command has help with an example; the CLI reports errors clearly."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rashomon.cli.main import cli


def _commands() -> list[str]:
    import click

    ctx = click.Context(cli)
    return cli.list_commands(ctx)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_missing_path_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "R401" in result.output and "nope" in result.output


def test_export_of_missing_db_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "R303" in result.output


def test_an_internal_crash_has_its_own_exit_status(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import rashomon.analyze

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug")

    monkeypatch.setattr(rashomon.analyze, "analyze", crash)
    (tmp_path / "a.txt").write_text("x")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 3, result.output
    assert "internal error" in result.output


def test_analyze_help_documents_the_exit_statuses() -> None:
    out = CliRunner().invoke(cli, ["analyze", "--help"]).output
    assert "Exit status" in out and "3  the run stopped" in out and "130" in out


def test_the_demo_ends_with_its_largest_storys_top_facts_and_next_steps(
        demo_db, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from rashomon.cli.main import _print_next

    _print_next(str(demo_db))
    out = " ".join(capsys.readouterr().out.split())
    assert "The largest story" in out and "#1 [" in out and "#3 [" in out and "#4 [" not in out
    assert "asserts" in out or "attributes" in out
    assert f"rashomon compare --db {demo_db}" in out and "rashomon report" in out
