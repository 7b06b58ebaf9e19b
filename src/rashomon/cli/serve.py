"""``rashomon serve``: the web UI and JSON API over a story database."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from rashomon.errors import Errors


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


@click.command("serve")
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="DuckDB file written by `rashomon analyze`.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="RASHOMON_TOKEN", default=None,
              help="Require this token on every request (env RASHOMON_TOKEN). Browsers: open "
                   "the URL once with ?token=... and a cookie keeps it.")
def command(db: Path, host: str, port: int, token: str | None) -> None:
    """Serve the web UI and the read-only JSON API for DB.

    \b
    Opens the database read-only per request; while `rashomon analyze` writes
    to it, requests read the run's published snapshot and never block it.
    \b
    Example:
      rashomon serve --db story.duckdb            # http://127.0.0.1:8000/
      rashomon serve --db story.duckdb --host 0.0.0.0 --token "$(openssl rand -hex 16)"
    """
    import uvicorn

    from rashomon.api.app import create_app

    if not db.is_file():
        raise click.ClickException(Errors.R303.format(path=db))
    if not is_loopback(host) and not token:
        raise click.ClickException(Errors.R405)
    app = create_app(db, token=token)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"rashomon: serving {db} on http://{shown}:{port}/ (API docs at /api/docs)")
    if token:
        click.echo("rashomon: a token is required (open the page once with ?token=...)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
