"""``kg load`` and ``kg query``: put graphs into a store and ask it questions."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

STORE_HELP = ("Embedded store folder (default: $KG_STORE, else "
              "~/.local/share/kg-loader/store).")


class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    turtle = "turtle"


def _fail(exc) -> None:
    # Handled here as well as in kg.cli.main so the exit code is right under CliRunner too.
    typer.echo(f"kg: error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def load_command(
    files: List[Path] = typer.Argument(..., help="RDF files from `kg extract` (.ttl .trig .nq .nt .jsonld); one named graph per article.", show_default=False),
    store: Optional[Path] = typer.Option(None, "--store", help=STORE_HELP, show_default=False),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", help="SPARQL Graph Store Protocol endpoint (Oxigraph: http://HOST:7878/store; Fuseki: http://HOST:3030/DATASET/data). One PUT per article.", show_default=False),
    update_endpoint: Optional[str] = typer.Option(None, "--update-endpoint", help="SPARQL 1.1 Update endpoint, for stores without the Graph Store Protocol.", show_default=False),
    validate: bool = typer.Option(False, "--validate", help="SHACL-validate each file before loading (for files not made by `kg extract`)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="RDF format of the files (default: from the extension).", show_default=False),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds to wait for each HTTP request to an endpoint."),
    retries: int = typer.Option(3, "--retries", help="Retries (with backoff) after a dropped connection or a 5xx answer."),
) -> None:
    """Load RDF files into a store; loading an article again replaces its graph."""
    from kg.errors import InputError, KgError
    from kg.store import open_store
    from kg.store.rdfio import read_graphs

    try:
        if endpoint and update_endpoint:
            raise InputError("give --endpoint or --update-endpoint, not both")
        remote = {"timeout": timeout, "retries": retries} if (endpoint or update_endpoint) else {}
        # Every file is parsed before anything is written: one bad file loads nothing.
        parsed = [read_graphs(f, fmt) for f in files]
        if validate:
            from kg.store.rdfio import validate_parsed

            for p in parsed:
                validate_parsed(p)
        with open_store(store=store, endpoint=endpoint, update_endpoint=update_endpoint,
                        **remote) as target:
            where = endpoint or update_endpoint or str(target.path)
            total = graphs = 0
            for p in parsed:
                result = target.load_parsed(p)
                total += result.triples
                graphs += len(result.graphs)
                if len(result.graphs) == 1:
                    g = result.graphs[0]
                    again = "  (replaced)" if g.replaced else ""
                    typer.echo(f"{p.path}  <{g.graph_iri}>  {g.triples:,} triples{again}")
                else:
                    typer.echo(f"{p.path}  {len(result.graphs):,} graphs  {result.triples:,} triples")
    except KgError as exc:
        _fail(exc)
    from kg.store.remote import mask_url

    s = "s" * (graphs != 1)
    typer.echo(f"loaded {total:,} triples in {graphs:,} graph{s} from {len(parsed)} "
               f"file{'s' * (len(parsed) != 1)} into {mask_url(where)}")


def query_command(
    sparql: str = typer.Argument(..., help="A SPARQL query, or @FILE.rq to read it from a file.", show_default=False),
    store: Optional[Path] = typer.Option(None, "--store", help=STORE_HELP, show_default=False),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", help="SPARQL query endpoint (Oxigraph: http://HOST:7878/query; Virtuoso: http://HOST:8890/sparql).", show_default=False),
    fmt: ResultFormat = typer.Option(ResultFormat.table, "--format", "-f", help="table, csv, json (SPARQL results JSON), or turtle for CONSTRUCT/DESCRIBE."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds to wait for an endpoint."),
    retries: int = typer.Option(3, "--retries", help="Retries (with backoff) after a dropped connection or a 5xx answer."),
) -> None:
    """Run a SPARQL query against a store and print the results."""
    from kg.errors import KgError, StoreError
    from kg.store import open_store
    from kg.store.embedded import default_store_path
    from kg.store.results import query_text

    try:
        text = query_text(sparql)
        if not endpoint:
            folder = store or default_store_path()
            if not folder.is_dir():
                raise StoreError(f"no store at {folder} (run `kg load` first, or give --store)")
        remote = {"timeout": timeout, "retries": retries} if endpoint else {}
        with open_store(store=store, query_endpoint=endpoint, **remote) as source:
            result = source.query(text)
        if fmt is ResultFormat.table and sys.stdout.isatty():
            from rich.console import Console

            Console().print(result.to_rich())
            return
        typer.echo(result.render(fmt.value), nl=False)
    except KgError as exc:
        _fail(exc)


def register(app: typer.Typer) -> None:
    app.command("load")(load_command)
    app.command("query")(query_command)
