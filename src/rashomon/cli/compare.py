"""``rashomon compare``: one story across outlets, as terminal tables.

Prints the claims ledger (which outlets assert, attribute, report a denial or
dispute each claim: a table, or on a narrow terminal one line per outlet's telling with
its sentence), the contradictions with both sides, and the framing table.
Without ``--story`` it lists the stories and shows the largest one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import click

from rashomon.errors import Errors, RashomonError
from rashomon.records import Claim, Contradiction, Framing, Story

STANCE_COLUMNS = (("asserts", "asserts"), ("attributes", "attributes"),
                  ("reports_denial", "reports denial"), ("disputes", "disputes"))


def load_story(db: Path, story: str | None) -> tuple[list[Story], Story | None, list[Claim],
                                                     list[Contradiction], list[Framing]]:
    """The stories, the chosen one (id or unique id prefix) and its records."""
    from rashomon.store.db import Store

    if not db.exists():
        raise click.ClickException(Errors.R303.format(path=db))
    with Store(db, read_only=True) as store:
        stories = store.read("stories")
        chosen = pick_story(stories, story)
        if chosen is None:
            return stories, None, [], [], []
        where, params = 'WHERE "story_id" = ?', [chosen.id]
        return (stories, chosen, store.read("claims", where, params),
                store.read("contradictions", where, params), store.read("framing", where, params))


def pick_story(stories: list[Story], wanted: str | None) -> Story | None:
    """The story with this id or id prefix; the largest one when none is asked for."""
    if not stories:
        return None
    if wanted is None:
        return max(stories, key=lambda s: (len(s.article_ids), s.id))
    hits = [s for s in stories if s.id == wanted] or [s for s in stories if s.id.startswith(wanted)]
    if len(hits) != 1:
        raise click.ClickException(Errors.R403.format(what=f"story {wanted!r}"))
    return hits[0]


# C0/C1 control characters (ESC starts terminal sequences) and the bidirectional
# overrides that can make a terminal show text in another order than it is stored.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """Untrusted text made safe for a terminal: controls out, whitespace runs as one space."""
    return " ".join(_CONTROL.sub(" ", str(text or "")).split())


def _clip(text: object, n: int) -> Any:
    """A table cell: plain, clipped, and a rich ``Text`` so ``[...]`` is never read as markup."""
    from rich.text import Text

    value = plain(text)
    return Text(value if len(value) <= n else value[: n - 1] + "…")


def _outlet(value: str | None, article_id: str, labels: dict[str, str] | None = None) -> str:
    """The outlet as the web UI labels it (an unknown one by its domain or file name)."""
    return plain((labels or {}).get(article_id) or value) or article_id[:10]


def outlet_labels(db: Path, story_id: str) -> dict[str, str]:
    """Article id -> outlet label for one story's articles (see ``api.queries.outlet_label``)."""
    from rashomon.api.queries import outlet_label
    from rashomon.store.db import Store

    with Store(db, read_only=True) as store:
        rows = store.rows("articles", 'WHERE "story_id" = ?', [story_id])
    return {r["id"]: outlet_label(r) for r in rows}


def _ranked(claims: list[Claim]) -> list[Claim]:
    """The ledger's own order (rank: most outlets and disagreement first), then by outlets."""
    return sorted(claims, key=lambda c: (c.rank if c.rank is not None else 10**9,
                                         -len({s.article_id for s in c.stances}), c.id))


def ledger_table(claims: list[Claim], limit: int, labels: dict[str, str] | None = None) -> Any:
    from rich.table import Table

    table = Table(title="Claims ledger", show_lines=True)
    table.add_column("claim", ratio=3)
    table.add_column("kind")
    for _, label in STANCE_COLUMNS:
        table.add_column(label, ratio=1)
    table.add_column("leaves out", ratio=1)
    for claim in _ranked(claims)[:limit]:
        by: dict[str, set[str]] = defaultdict(set)
        for st in claim.stances:
            who = f" (via {st.source})" if st.source and st.sourcing not in (None, "own") else ""
            by[st.stance].add(_outlet(st.outlet, st.article_id, labels) + who)
        left = sorted({_outlet(None, a, labels) for a in claim.not_mentioned or ()})
        table.add_row(_clip(claim.statement, 160), _clip(claim.kind, 20),
                      *(_clip(", ".join(sorted(by.get(key, ()))), 400)
                        for key, _ in STANCE_COLUMNS), _clip(", ".join(left), 400))
    return table


ROWS_BELOW = 160  # terminal columns under which ``--layout auto`` prints claims as rows
STANCE_LABELS = dict(STANCE_COLUMNS)


def ledger_rows(claims: list[Claim], limit: int, width: int,
                labels: dict[str, str] | None = None) -> Any:
    """The ledger for a narrow terminal: each claim on its own line, then one line per telling
    (outlet, stance, whom it credits, the sentence, wrapped), then the outlets that leave it
    out."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = [Text("Claims ledger (most outlets and disagreement first)", style="bold")]
    for n, claim in enumerate(_ranked(claims)[:limit], 1):
        outlets = len({_outlet(s.outlet, s.article_id, labels) for s in claim.stances})
        head = f"#{n} [{outlets} outlet{'s' if outlets != 1 else ''}, {plain(claim.kind)}] "
        parts.append(Text.assemble((head, "bold"), _clip(claim.statement, 400)))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=min(22, max(10, width // 5)), no_wrap=True)
        grid.add_column(width=14, no_wrap=True)
        grid.add_column(ratio=1)
        for st in sorted(claim.stances, key=lambda st: (
                _outlet(st.outlet, st.article_id, labels), st.start)):
            who = f"via {plain(st.source)}: " if st.source and st.sourcing not in (None, "own") else ""
            grid.add_row(_clip(_outlet(st.outlet, st.article_id, labels), 22),
                         Text(STANCE_LABELS.get(st.stance, plain(st.stance))),
                         _clip(who + plain(st.evidence), 600))
        left = sorted({_outlet(None, a, labels) for a in claim.not_mentioned or ()})
        if left:
            grid.add_row(Text(""), Text("leaves out"), _clip(", ".join(left), 400))
        parts.append(Padding(grid, (0, 0, 0, 4)))
    return Group(*parts)


def contradictions_table(items: list[Contradiction], limit: int,
                         labels: dict[str, str] | None = None) -> Any:
    from rich.table import Table

    table = Table(title="Contradictions", show_lines=True)
    for col in ("kind", "what", "side", "outlet", "evidence"):
        table.add_column(col)
    for item in items[:limit]:
        for n, side in enumerate(item.sides):
            table.add_row(_clip(item.kind if n == 0 else "", 30),
                          _clip(item.description if n == 0 else "", 90),
                          _clip(side.label + (f" [{side.value}]" if side.value else ""), 80),
                          _clip(_outlet(side.outlet, side.article_id, labels), 60),
                          _clip(side.evidence, 120))
    return table


def contradictions_rows(items: list[Contradiction], limit: int, width: int,
                        labels: dict[str, str] | None = None) -> Any:
    """The contradictions for a narrow terminal: what disagrees, then each side's outlet,
    label (with its value) and sentence, wrapped."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = [Text("Contradictions", style="bold")]
    for item in items[:limit]:
        parts.append(Text.assemble((f"{plain(item.kind)}: ", "bold"), _clip(item.description, 400)))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=min(22, max(10, width // 5)), no_wrap=True)
        grid.add_column(ratio=1)
        for side in item.sides:
            label = plain(side.label) + (f" [{plain(side.value)}]" if side.value else "")
            grid.add_row(_clip(_outlet(side.outlet, side.article_id, labels), 22),
                         Text.assemble(_clip(label, 200), ": ", _clip(side.evidence, 600)))
        parts.append(Padding(grid, (0, 0, 0, 4)))
    return Group(*parts)


def framing_table(rows: list[Framing], limit: int) -> Any:
    from rich.table import Table

    table = Table(title="Framing", show_lines=False)
    for col in ("kind", "key", "outlet", "value", "score"):
        table.add_column(col, justify="right" if col == "score" else "left")
    by_kind: dict[str, list[Framing]] = defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row)
    for kind in sorted(by_kind):
        ranked = sorted(by_kind[kind], key=lambda r: (r.key, r.outlet or "", -r.score))
        for row in ranked[:limit]:
            table.add_row(_clip(kind, 30), _clip(row.key, 50), _clip(row.outlet, 60),
                          _clip(row.value, 50), f"{row.score:.2f}")
    return table


@click.command("compare")
@click.option("--db", type=click.Path(path_type=Path), default=Path("rashomon.duckdb"),
              show_default=True, help="The database written by `rashomon analyze`.")
@click.option("--story", "story", default=None, help="Story id (or a unique prefix).")
@click.option("--limit", type=int, default=40, show_default=True, help="Rows per table (per kind for framing).")
@click.option("--list", "list_only", is_flag=True, help="Only list the stories.")
@click.option("--layout", type=click.Choice(["auto", "table", "rows"]), default="auto",
              show_default=True,
              help="The ledger and contradictions as tables, or as rows with each outlet's "
                   f"sentence (auto: rows on a terminal under {ROWS_BELOW} columns).")
def command(db: Path, story: str | None, limit: int, list_only: bool, layout: str) -> None:
    """Compare how outlets tell one story: claims ledger, contradictions, framing.

    \b
    Examples:
      rashomon compare --db news.duckdb --list
      rashomon compare --db news.duckdb --story s3f9c2
      rashomon compare --db news.duckdb --layout rows --limit 10
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    try:
        stories, chosen, claims, contradictions, framing = load_story(db, story)
    except RashomonError as exc:
        raise click.ClickException(exc.message) from exc
    # No emoji codes or auto-highlighting: every shown string comes from articles.
    console = Console(emoji=False, highlight=False)
    if list_only or chosen is None:
        table = Table(title="Stories")
        for col in ("id", "articles", "outlets", "dates", "title"):
            table.add_column(col)
        for s in sorted(stories, key=lambda s: -len(s.article_ids)):
            table.add_row(_clip(s.id, 40), str(len(s.article_ids)),
                          _clip(", ".join(s.outlets), 50),
                          _clip(f"{s.first_date or ''}…{s.last_date or ''}", 30),
                          _clip(s.title, 70))
        console.print(table if stories else "No stories yet: run `rashomon analyze` first.")
        return
    labels = outlet_labels(db, chosen.id)
    console.print(Text.assemble((plain(chosen.title), "bold"), f"  ({plain(chosen.id)})"))
    outlets = ", ".join(plain(o) for o in sorted(set(labels.values()))) or \
        ", ".join(plain(o) for o in chosen.outlets) or "unknown outlets"
    console.print(Text(f"{len(chosen.article_ids)} articles from {outlets}; "
                       f"{plain(chosen.first_date) or '?'} – {plain(chosen.last_date) or '?'}"))
    rows = layout == "rows" or (layout == "auto" and console.width < ROWS_BELOW)
    console.print(ledger_rows(claims, limit, console.width, labels) if rows
                  else ledger_table(claims, limit, labels))
    if not contradictions:
        console.print("No contradictions found.")
    else:
        console.print(contradictions_rows(contradictions, limit, console.width, labels) if rows
                      else contradictions_table(contradictions, limit, labels))
    console.print(framing_table(framing, limit) if framing else "No framing rows.")
