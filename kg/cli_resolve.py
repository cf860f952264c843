"""``kg resolve``: one node per real-world event across articles (kg/resolve.py)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kg.cli_options import StoreDir


def resolve_command(
    files: Optional[List[Path]] = typer.Argument(None, help="Article graphs written by kg extract (.ttl .trig .nq .jsonld).", show_default=False),
    output: str = typer.Option(None, "-o", "--output", help="Write the resolved graph here instead of standard output."),
    fmt: str = typer.Option(None, "--format", "-f", help="trig (default), nquads, turtle or jsonld; else taken from -o's suffix."),
    store: StoreDir = None,
) -> None:
    """Merge the reports of one real-world event across articles into one resolved event."""
    from kg import api

    result = api.resolve(files or (), store=store, output=output, fmt=fmt)
    where = f" in {store}" if store is not None else ""
    typer.echo(f"resolved {len(result.accounts)} article events into {len(result.clusters)} events{where}",
               err=True)


def register(app: typer.Typer) -> None:
    app.command("resolve")(resolve_command)
