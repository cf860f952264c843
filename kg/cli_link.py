"""``kg link``, ``kg cache`` and ``kg gazetteer``: parse arguments, call kg.link, print."""
from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

from kg.cli_output import EntityKind, Format, ListingFormat, echo_json


def register(app: typer.Typer) -> None:
    app.command("link")(link_cmd)
    cache_app = typer.Typer(no_args_is_help=True, help="The on-disk cache of Wikidata answers.")
    cache_app.command("info")(cache_info_cmd)
    cache_app.command("clear")(cache_clear_cmd)
    app.add_typer(cache_app, name="cache")
    gaz_app = typer.Typer(no_args_is_help=True, help="The offline gazetteer of Wikidata entities.")
    gaz_app.command("build")(gazetteer_build_cmd)
    gaz_app.command("info")(gazetteer_info_cmd)
    app.add_typer(gaz_app, name="gazetteer")


def link_cmd(
    name: str = typer.Argument(..., help="The name to look up, e.g. 'Tokayev'."),
    type: Optional[EntityKind] = typer.Option(None, "--type", "-t", help="Only candidates of this kind."),
    online: bool = typer.Option(False, "--online", help="Also ask the Wikidata API (answers are cached)."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="Print at most this many candidates."),
    fmt: Format = ListingFormat.table,
) -> None:
    """Print ranked Wikidata candidates for NAME: QID, label, type, score, source, description."""
    from kg import api

    cands = api.link(name, type and type.value, online=online, limit=limit)
    if fmt is ListingFormat.json:
        echo_json(cands)
    if not cands:
        typer.echo(f"kg link: no candidate for {name!r}" + ("" if online else " (try --online)"), err=True)
        raise typer.Exit(1)
    if fmt is ListingFormat.json:
        return
    for i, c in enumerate(cands, 1):
        qid = c.qid or "-"
        typer.echo(f"{i:>2}  {qid:<11} {c.label}  [{c.type}]  score={c.score:.2f}  source={c.source}"
                   + (f"  - {c.description}" if c.description else ""))


def cache_info_cmd(fmt: Format = ListingFormat.table) -> None:
    """Where the cache is and how much it holds."""
    from kg import api

    info = api.cache_info()
    if fmt is ListingFormat.json:
        echo_json(info)
        return
    typer.echo(f"path: {info.path}")
    typer.echo(f"entries: {info.entries}")
    typer.echo(f"size: {info.size_bytes} bytes")
    if info.oldest is not None:
        fmt = lambda t: _dt.datetime.fromtimestamp(t, _dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")  # noqa: E731
        typer.echo(f"oldest: {fmt(info.oldest)}")
        typer.echo(f"newest: {fmt(info.newest)}")


def cache_clear_cmd() -> None:
    """Forget every cached Wikidata answer."""
    from kg import api

    n = api.cache_clear()
    typer.echo(f"removed {n} cached answers")


def gazetteer_build_cmd(
    files: List[Path] = typer.Argument(..., help="Wikidata JSON dump files or slices (.json, .json.gz, .json.bz2)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="Gazetteer TSV to grow (default: the user gazetteer, see `kg gazetteer info`)."),
    type: Optional[EntityKind] = typer.Option(None, "--type", "-t",
                                              help="Kind of every entity whose classes are unknown."),
) -> None:
    """Grow a gazetteer from Wikidata's JSON dump format, streaming."""
    from kg import api

    with _build_progress() as tick:
        out, stats = api.gazetteer_build(files, output, type=type and type.value, progress=tick)
    typer.echo(f"{out}: {stats.added} entries added ({stats.read} read, {stats.skipped} skipped"
               + (f", {stats.bad_lines} malformed lines" if stats.bad_lines else "") + ")")


@contextmanager
def _build_progress() -> Iterator[Callable | None]:
    """A progress bar on standard error when it is a terminal (as kg ingest draws); else none."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    bar = Progress(TextColumn("gazetteer"), BarColumn(), DownloadColumn(),
                   TextColumn("{task.fields[read]:,} entities, {task.fields[added]:,} added"),
                   TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True))
    task = bar.add_task("build", total=None, read=0, added=0)

    def tick(p) -> None:
        bar.update(task, completed=p.bytes_done, total=p.bytes_total, read=p.read, added=p.added)

    with bar:
        yield tick


def gazetteer_info_cmd(fmt: Format = ListingFormat.table) -> None:
    """How many entries the gazetteer has and where the user gazetteer lives."""
    from kg import api

    info = api.gazetteer_info()
    if fmt is ListingFormat.json:
        echo_json(info, user_gazetteer_exists=info.user_path.is_file())
        return
    typer.echo(f"entries: {info.entries} ({info.linked} linked)")
    for t, n in info.by_type.items():
        typer.echo(f"  {t}: {n}")
    user = info.user_path
    typer.echo(f"user gazetteer: {user}" + ("" if user.is_file() else " (absent)"))
