"""``kg report``: the events on a timeline, a map and a table, in one HTML page (kg/report/)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kg.cli_options import SparqlEndpoint, StoreDir


def report_command(
    files: Optional[List[Path]] = typer.Argument(None, help="Graphs written by kg extract and kg resolve (.ttl .trig .nq .jsonld).", show_default=False),
    output: str = typer.Option(None, "-o", "--output", help="Write the page here instead of standard output."),
    store: StoreDir = None,
    endpoint: SparqlEndpoint = None,
    title: str = typer.Option("kg-loader report", "--title", help="The page's title."),
) -> None:
    """Write one self-contained HTML page of the events: timeline, map, table, evidence, conflicts."""
    from kg import api

    rows = api.report(files or (), store=store, query_endpoint=endpoint, output=output, title=title)
    kind = "resolved events" if rows.resolved else "events"
    typer.echo(f"reported {len(rows.events)} {kind} from {len(rows.articles)} articles"
               + (f" in {output}" if output and output != "-" else ""), err=True)


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
