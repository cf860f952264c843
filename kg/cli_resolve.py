"""``kg resolve``: one node per real-world event across articles (kg/resolve.py)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from kg.cli_options import GraphStoreEndpoint, QueryEndpoint, SparqlEndpoint, StoreDir, UpdateEndpoint


class DisputeFormat(str, Enum):
    text = "text"
    json = "json"


def resolve_command(
    files: Optional[List[Path]] = typer.Argument(None, help="Article graphs written by kg extract (.ttl .trig .nq .jsonld).", show_default=False),
    output: str = typer.Option(None, "-o", "--output", help="Write the resolved graph here instead of standard output."),
    fmt: str = typer.Option(None, "--format", "-f", help="trig (default), nquads, turtle or jsonld; else taken from -o's suffix."),
    store: StoreDir = None,
    endpoint: GraphStoreEndpoint = None,
    update_endpoint: UpdateEndpoint = None,
    query_endpoint: QueryEndpoint = None,
) -> None:
    """Merge the reports of one real-world event across articles into one resolved event."""
    from kg import api

    result = api.resolve(files or (), store=store, output=output, fmt=fmt, endpoint=endpoint,
                         update_endpoint=update_endpoint, query_endpoint=query_endpoint)
    where = f" in {store or endpoint or update_endpoint}" if (store or endpoint or update_endpoint) else ""
    typer.echo(f"resolved {len(result.accounts)} article events into {len(result.clusters)} events{where}",
               err=True)


def conflicts_command(
    files: Optional[List[Path]] = typer.Argument(None, help="Article graphs written by kg extract.", show_default=False),
    store: StoreDir = None,
    endpoint: SparqlEndpoint = None,
    fmt: DisputeFormat = typer.Option(DisputeFormat.text, "--format", "-f", help="text for people, json for programs."),
) -> None:
    """Print, per real-world event, the articles that report it and the figures they dispute."""
    from kg import api
    from kg.resolve import render_disputes

    typer.echo(render_disputes(api.conflicts(files or (), store=store, query_endpoint=endpoint), fmt.value),
               nl=False)


def register(app: typer.Typer) -> None:
    app.command("resolve")(resolve_command)
    app.command("conflicts")(conflicts_command)
