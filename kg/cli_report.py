"""``kg report``: the events on a timeline, a map and a table, in one HTML page (kg/report/)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli_options import SparqlEndpoint, StoreDir


def report_command(
    files: Annotated[list[Path] | None, typer.Argument(
        metavar="FILE", show_default=False,
        help="Graphs written by kg extract and kg resolve (.ttl .trig .nq .jsonld).")] = None,
    output: Annotated[str | None, typer.Option(
        "-o", "--output", metavar="FILE", help="Write the page here instead of standard output.")] = None,
    store: StoreDir = None,
    endpoint: SparqlEndpoint = None,
    title: Annotated[str, typer.Option("--title", help="The page's title.")] = "kg-loader report",
) -> None:
    """Write one self-contained HTML page of the events: timeline, map, table, evidence, conflicts."""
    from kg import api

    rows = api.report(files or (), store=store, query_endpoint=endpoint, output=output, title=title)
    kind = "resolved events" if rows.resolved else "events"
    n = len(rows.articles)
    typer.echo(f"reported {len(rows.events)} {kind} from {n} article{'' if n == 1 else 's'}"
               + (f" in {output}" if output and output != "-" else ""), err=True)


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
