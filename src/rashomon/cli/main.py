"""``rashomon``: the command line, a thin layer over importable functions."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import click

from rashomon.cli.lazy import LazyGroup
from rashomon.errors import RashomonError, RunStopped

LAZY = {
    "eval": "rashomon.cli.eval_cmd:eval_group",
    "compare": "rashomon.cli.compare:command",
    "serve": "rashomon.cli.serve:command",
    "report": "rashomon.cli.report:command",
}


@click.group(cls=LazyGroup, lazy=LAZY, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rashomon")
def cli() -> None:
    """rashomon: reconstruct one news story from many outlets, fact by fact.

    \b
    Example:
      rashomon demo                       # analyze the bundled sample corpus
      rashomon analyze articles/ --db story.duckdb
      rashomon export --db story.duckdb --format jsonl --out out/
    """


def _fail(exc: RashomonError) -> None:
    click.echo(f"error: {exc.message}", err=True)
    sys.exit(EXIT_ERROR)


def _print_summary(summary: object, db: str, counts: bool = True) -> None:
    from rich.console import Console
    from rich.table import Table

    s = summary  # an rashomon.analyze.Summary
    console = Console(stderr=False)
    console.print(
        f"[bold]{s.files}[/] files, [bold]{s.new_articles}[/] new articles "  # type: ignore[attr-defined]
        f"({s.already_stored} already stored, {s.duplicates} near-duplicates, "  # type: ignore[attr-defined]
        f"{s.non_english} not English), [bold]{s.failed}[/] failed, "  # type: ignore[attr-defined]
        f"{s.seconds:.1f} s → {db}"  # type: ignore[attr-defined]
    )
    if counts:
        table = Table("table", "rows", title="database contents")
        for name, n in s.counts.items():  # type: ignore[attr-defined]
            table.add_row(name, str(n))
        console.print(table)
    for f in s.failures[:20]:  # type: ignore[attr-defined]
        console.print(f"[red]failed[/] {f.stage}: {f.message}", markup=False, highlight=False)
    if s.failed > 20:  # type: ignore[attr-defined]
        console.print(f"... and {s.failed - 20} more (see the failures table)")  # type: ignore[attr-defined]


def _config(actors: tuple[str, ...], places: tuple[str, ...]) -> dict[str, dict[str, object]] | None:
    config: dict[str, dict[str, object]] = {}
    if actors:
        config["rashomon_actors"] = {"extra": [str(Path(p).resolve()) for p in actors]}
    if places:
        config["rashomon_places"] = {"extra": [str(Path(p).resolve()) for p in places]}
    return config or None


EXIT_FAILED_FILES = 1  # some files could not be read (see the failures table)
EXIT_ERROR = 2  # bad arguments, or the database could not be opened
EXIT_CRASH = 3  # the run stopped: a worker died, or an internal error (a bug: please report it)
EXIT_INTERRUPTED = 130  # Ctrl-C


def _run_analyze(run: Callable[[], object], db: str) -> object:
    """Run ``run`` and map every way it can end to a message and an exit status."""
    import signal

    def terminate(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt  # `kill` stops a run as Ctrl-C does: workers ended, groups kept

    previous = None
    with suppress(ValueError):  # only the main thread may set handlers
        previous = signal.signal(signal.SIGTERM, terminate)
    try:
        return _report_run(run, db)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _report_run(run: Callable[[], object], db: str) -> object:
    import traceback

    from rashomon.store.db import WRITER_WAIT_S, writer_active

    if writer_active(Path(db)):
        click.echo(f"rashomon: another run is writing {db}; waiting for it to finish "
                   f"(up to {WRITER_WAIT_S / 60:.0f} min)", err=True)
    try:
        return run()
    except RunStopped as exc:
        summary = exc.summary
        if summary is not None:
            _print_summary(summary, db, counts=False)
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(EXIT_INTERRUPTED if exc.code == "R204" else EXIT_CRASH)
    except RashomonError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo(f"error: interrupted; what was stored in {db} stays (whole groups); "
                   "run the same command again to finish", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception:  # noqa: BLE001 - a bug: say so, with a status of its own
        traceback.print_exc()
        click.echo(f"error: internal error (a bug, please report it); what was stored in {db} stays "
                   "(whole groups)", err=True)
        sys.exit(EXIT_CRASH)
    raise AssertionError("unreachable")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="rashomon.duckdb", show_default=True, help="DuckDB file to write.")
@click.option("--processes", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for the NLP stage (default: the machine's cores; one per "
                   "200 KB of input at most, so a small job starts no workers).")
@click.option("--max-bytes", type=int, default=None, help="Refuse input files larger than this.")
@click.option("--actors", multiple=True, type=click.Path(exists=True), help="Extra actor gazetteer file (repeatable).")
@click.option("--places", multiple=True, type=click.Path(exists=True), help="Extra place alias file (repeatable).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the NLP stage runs: a local process pool or Dask distributed (docs/performance.md).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster of -j workers).")
def analyze(paths: tuple[str, ...], db: str, processes: int | None, max_bytes: int | None,
            actors: tuple[str, ...], places: tuple[str, ...], progress: bool | None,
            engine: str = "local", scheduler: str | None = None) -> None:
    """Analyze articles (files, folders recursively, globs) into a database.

    Reads .txt/.md, .html, .jsonl/.json, .warc(.gz) and RSS/Atom files. Articles
    already stored are skipped, so re-running adds nothing. Files that cannot be
    read are listed in the `failures` table; the run goes on with the rest.
    While it runs, `rashomon serve` on the same database shows the latest
    snapshot the run publishes between groups.

    \b
    Exit status:
      0  done
      1  done, but some files failed (see the failures table)
      2  bad arguments, or the database could not be opened
      3  the run stopped: a worker process died, or an internal error;
         whole groups stay stored and running the command again finishes
      130  interrupted (Ctrl-C or SIGTERM), likewise

    \b
    Example:
      rashomon analyze ../shared/seeds news/*.html --db story.duckdb
    """
    import dataclasses

    from rashomon.analyze import analyze as run
    from rashomon.config import DEFAULT_LIMITS

    limits = DEFAULT_LIMITS if max_bytes is None else dataclasses.replace(DEFAULT_LIMITS, max_bytes=max_bytes)
    show = sys.stderr.isatty() if progress is None else progress
    summary = _run_analyze(lambda: run(paths, db, processes=processes, limits=limits,
                                       config=_config(actors, places), progress=show, engine=engine,
                                       scheduler=scheduler), db)
    _print_summary(summary, db)
    sys.exit(EXIT_FAILED_FILES if summary.failed else 0)  # type: ignore[attr-defined]


@cli.command()
@click.option("--db", default="rashomon.duckdb", show_default=True, help="DuckDB file to write.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
def demo(db: str, progress: bool | None) -> None:
    """Analyze the bundled sample corpus; print a summary, the top facts of its largest
    story across outlets, and the commands that show the rest.

    The sample is a fictional story told by several fictional outlets with
    opposing slants, written for rashomon (no real outlet's text). Its invented
    actors and places come from demo/actors.tsv and demo/places.tsv, the same
    files a user writes for a new story (--actors/--places).

    \b
    Example:
      rashomon demo --db demo.duckdb && rashomon serve --db demo.duckdb
    """
    from rashomon.analyze import analyze as run
    from rashomon.demo import corpus_path, extension_files

    show = sys.stderr.isatty() if progress is None else progress
    summary = _run_analyze(lambda: run([str(corpus_path())], db, progress=show,
                                       config=extension_files()), db)  # type: ignore[arg-type]
    _print_summary(summary, db)
    _print_next(db)


def _print_next(db: str, top: int = 3) -> None:
    """The largest story's first facts across outlets, and the commands that show the rest."""
    from rich.console import Console
    from rich.text import Text

    from rashomon.cli.compare import ledger_rows, load_story, outlet_labels, plain

    _, story, claims, _, _ = load_story(Path(db), None)
    console = Console(emoji=False, highlight=False)
    if story is not None and claims:
        console.print(Text(f"\nThe largest story, {plain(story.title)!r} ({plain(story.id)}):",
                           style="bold"))
        console.print(ledger_rows(claims, top, console.width, outlet_labels(Path(db), story.id)))
    story_id = plain(story.id) if story is not None else "STORY"
    console.print(Text(
        f"\nNext (the whole ledger; the web UI; one offline page):"
        f"\n  rashomon compare --db {db}\n  rashomon serve --db {db}"
        f"\n  rashomon report --db {db} --story {story_id}"))


@cli.command()
@click.option("--db", default="rashomon.duckdb", show_default=True, help="DuckDB file to read.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt-like"]), default="jsonl",
              show_default=True, help="Output format.")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
def export(db: str, fmt: str, out: str) -> None:
    """Export every table (one file each) per the export contract (docs/schema.md).

    \b
    Example:
      rashomon export --db story.duckdb --format parquet --out exports/
    """
    from rashomon.store.db import Store
    from rashomon.store.export import export as run

    try:
        with Store(db, read_only=True) as store:
            files = run(store, fmt, out)
    except RashomonError as exc:
        _fail(exc)
        return
    for f in files:
        click.echo(str(f))


if __name__ == "__main__":
    cli()
