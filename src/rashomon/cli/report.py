"""``rashomon report``: one self-contained HTML file of a story page."""

from __future__ import annotations

from pathlib import Path

import click

from rashomon.errors import RashomonError


def build(db: Path, story_id: str) -> str:
    """The report HTML for ``story_id`` in the database ``db``."""
    from rashomon.api import views
    from rashomon.api.db import Database
    from rashomon.web import render

    with Database(db).connect() as reader:
        view = views.story(reader, story_id)
        articles = [views.article(reader, a["id"]) for a in view["articles"]]
    return render.report(view, articles)


@click.command("report")
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="DuckDB file written by `rashomon analyze`.")
@click.option("--story", "story_id", required=True,
              help="Story id (see `rashomon serve` or the stories table).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("report.html"), show_default=True, help="HTML file to write.")
def command(db: Path, story_id: str, out: Path) -> None:
    """Write the story page as one HTML file that opens offline.

    \b
    CSS, JavaScript, the data and the articles' text are all inline; a
    Content-Security-Policy in the file allows only that inline code.
    \b
    Example:
      rashomon report --db story.duckdb --story 3f2a9c0d1b2e4f56 --out story.html
    """
    try:
        html = build(db, story_id)
    except RashomonError as exc:
        raise click.ClickException(exc.message) from exc
    out.write_text(html, encoding="utf-8")
    click.echo(f"rashomon: wrote {out} ({len(html.encode('utf-8')) // 1024} KiB)")
