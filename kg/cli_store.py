"""``kg load`` and ``kg query``: put graphs into a store and ask it questions."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Callable, Iterator, List, Optional

import typer

from kg import cli_options as opt
from kg.formats import FORMATS


class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    turtle = "turtle"


def load_command(
    files: List[Path] = typer.Argument(..., help="RDF files from `kg extract` (.ttl .trig .nq .nt .jsonld); one named graph per article.", show_default=False),
    store: opt.StoreDir = None,
    endpoint: opt.GraphStoreEndpoint = None,
    update_endpoint: opt.UpdateEndpoint = None,
    validate: bool = typer.Option(False, "--validate", help="SHACL-validate each file before loading (for files not made by `kg extract`)."),
    fmt: Optional[str] = typer.Option(None, "--format", show_default=False, help=(
        f"RDF format of the files: {', '.join(f.name for f in FORMATS)} (default: from the extension).")),
    timeout: opt.Timeout = 30.0,
    retries: opt.Retries = 3,
    replace: opt.Replace = False,
) -> None:
    """Load RDF files into a store; loading an article again replaces its graph (but an undated
    article never replaces a dated one without --replace)."""
    # kg.store.loading, not kg.api (whose load calls it): kg.api imports rdflib, ~0.2 s of CPU
    # that a load into the embedded store does not otherwise need.
    from kg.store.loading import load_files

    with _progress(len(files)) as tick:
        where, loaded = load_files(files, store=store, endpoint=endpoint, update_endpoint=update_endpoint,
                                   validate=validate, fmt=fmt, timeout=timeout, retries=retries,
                                   replace=replace, progress=tick)
    for result in loaded:
        if len(result.graphs) == 1:
            g = result.graphs[0]
            again = "  (replaced)" if g.replaced else ""
            typer.echo(f"{result.path}  <{g.graph_iri}>  {g.triples:,} triples{again}")
        else:
            typer.echo(f"{result.path}  {len(result.graphs):,} graphs  {result.triples:,} triples")
    n, graphs = len(loaded), sum(len(r.graphs) for r in loaded)
    typer.echo(f"loaded {sum(r.triples for r in loaded):,} triples in {graphs:,} graph{'s' * (graphs != 1)} "
               f"from {n} file{'s' * (n != 1)} into {where}")


@contextmanager
def _progress(files: int) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on standard error when it is a terminal and there is more than one file."""
    if files < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("load"), BarColumn(), MofNCompleteColumn(), TextColumn("(parse, then write)"),
                   TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    task = bar.add_task("load", total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total)


def query_command(
    sparql: str = typer.Argument(..., help="A SPARQL query, @FILE.rq to read it from a file, or - for standard input.",
                                 show_default=False),
    store: opt.StoreDir = None,
    endpoint: opt.SparqlEndpoint = None,
    fmt: ResultFormat = typer.Option(ResultFormat.table, "--format", "-f", help="table, csv, json (SPARQL results JSON), or turtle for CONSTRUCT/DESCRIBE."),
    timeout: opt.Timeout = 30.0,
    retries: opt.Retries = 3,
) -> None:
    """Run a SPARQL query against a store and print the results."""
    from kg import api

    result = api.query(sparql, store=store, endpoint=endpoint, timeout=timeout, retries=retries)
    if endpoint and result.kind == "select" and not result.bindings:
        # The article graphs are named graphs: a server whose default graph is not their union
        # answers a query without GRAPH with nothing.
        typer.echo("kg: 0 rows. Article graphs are named graphs: start the server with its default graph "
                   "as their union (oxigraph serve --union-default-graph; Virtuoso does so already) or "
                   "query GRAPH ?g { … }", err=True)
    if fmt is ResultFormat.table and sys.stdout.isatty():
        from rich.console import Console

        Console().print(result.to_rich())
        return
    typer.echo(result.render(fmt.value), nl=False)


def register(app: typer.Typer) -> None:
    app.command("load")(load_command)
    app.command("query")(query_command)
