"""``kg resolve``: one node per real-world event across articles (kg/resolve.py)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer


def resolve_command(
    files: Optional[List[Path]] = typer.Argument(None, help="Article graphs written by kg extract (.ttl .trig .nq .jsonld).", show_default=False),
    output: str = typer.Option(None, "-o", "--output", help="Write the resolved graph here (TriG by default) instead of standard output."),
    fmt: str = typer.Option(None, "--format", "-f", help="trig (default), nquads, turtle or jsonld; else taken from -o's suffix."),
    store: Optional[Path] = typer.Option(None, "--store", help="Resolve the articles of this embedded store and replace its resolved graph."),
) -> None:
    """Merge the reports of one real-world event across articles into one resolved event."""
    from kg import api
    from kg.errors import InputError
    from kg.rdf import SUFFIX_FORMAT
    from kg.resolve import load_files, resolve_dataset, resolve_store, serialize_resolved

    if store is not None:
        from kg.store.embedded import EmbeddedStore

        with EmbeddedStore(store) as st:
            result = resolve_store(st)
        typer.echo(f"resolved {len(result.accounts)} article events into {len(result.clusters)} events "
                   f"in {store}", err=True)
        return
    if not files:
        raise InputError("give the article files to resolve, or --store DIR")
    result = resolve_dataset(load_files(list(files)))
    if fmt is None:
        fmt = SUFFIX_FORMAT.get(Path(output).suffix.lower(), "trig") if output else "trig"
    api.write_text(serialize_resolved(result.graph, fmt), output)
    typer.echo(f"resolved {len(result.accounts)} article events into {len(result.clusters)} events", err=True)


def register(app: typer.Typer) -> None:
    app.command("resolve")(resolve_command)
