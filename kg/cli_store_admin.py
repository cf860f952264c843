"""``kg store info|drop|export`` and ``kg update``: look after a store's graphs."""
from __future__ import annotations

import json
from typing import Optional

import typer

from kg import cli_options as opt

store_app = typer.Typer(no_args_is_help=True, help="What a store holds: info, drop a graph, export it all.")


@store_app.command("info")
def info_command(
    store: opt.StoreDir = None,
    endpoint: opt.SparqlEndpoint = None,
    fmt: str = typer.Option("text", "--format", "-f", help="text (default) or json."),
    timeout: opt.Timeout = 30.0,
    retries: opt.Retries = 3,
) -> None:
    """Graphs, triples and articles in a store, and the extractor versions the articles came from."""
    from kg import api
    from kg.errors import InputError

    if fmt not in ("text", "json"):
        raise InputError(f"unknown format {fmt!r} (choose text or json)")
    info = api.store_info(store=store, endpoint=endpoint, timeout=timeout, retries=retries)
    if fmt == "json":
        typer.echo(json.dumps(info.to_dict(), indent=2))
        return
    typer.echo(f"store     {info.where}")
    typer.echo(f"graphs    {info.graphs:,}")
    typer.echo(f"triples   {info.triples:,}")
    typer.echo(f"articles  {info.articles:,}")
    for version, n in info.extractor_versions:
        typer.echo(f"  extracted by {'kg-loader ' + version if version else 'an unrecorded version'}: {n:,}")


@store_app.command("drop")
def drop_command(
    graph: Optional[str] = typer.Argument(None, metavar="GRAPH", help="The IRI of the named graph to drop.",
                                          show_default=False),
    article: Optional[str] = typer.Option(None, "--article", metavar="URL-OR-IRI", show_default=False,
                                          help="Drop the graph of this article, given by its URL or its IRI."),
    store: opt.StoreDir = None,
    endpoint: opt.GraphStoreEndpoint = None,
    update_endpoint: opt.UpdateEndpoint = None,
    query_endpoint: opt.QueryEndpoint = None,
    timeout: opt.Timeout = 30.0,
    retries: opt.Retries = 3,
) -> None:
    """Drop one named graph (an article's); a graph the store does not hold is an error."""
    from kg import api

    dropped = api.store_drop(graph, article=article, store=store, endpoint=endpoint,
                             update_endpoint=update_endpoint, query_endpoint=query_endpoint,
                             timeout=timeout, retries=retries)
    typer.echo(f"dropped <{dropped}>")


@store_app.command("export")
def export_command(
    output: str = typer.Option("-", "-o", "--output", help="Write here (.nq or .trig); - for standard output."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", show_default=False,
                                      help="nquads (default) or trig; else taken from -o's suffix."),
    store: opt.StoreDir = None,
    endpoint: opt.SparqlEndpoint = None,
    timeout: opt.Timeout = 30.0,
    retries: opt.Retries = 3,
) -> None:
    """Write every graph of a store as sorted N-Quads or TriG (the same store, the same bytes)."""
    from kg import api

    api.store_export(output, fmt=fmt, store=store, endpoint=endpoint, timeout=timeout, retries=retries)


def update_command(
    sparql: str = typer.Argument(..., metavar="UPDATE", show_default=False,
                                 help="A SPARQL update, @FILE.ru to read it from a file, or - for standard input."),
    store: opt.StoreDir = None,
    endpoint: opt.UpdateEndpoint = None,
    timeout: opt.Timeout = 30.0,
    retries: opt.Retries = 3,
) -> None:
    """Run a SPARQL 1.1 Update (DELETE WHERE, INSERT DATA, DROP GRAPH, ...) on a store. Each
    article is a named graph: say GRAPH ?g { ... } to reach its triples."""
    from kg import api

    api.update(sparql, store=store, endpoint=endpoint, timeout=timeout, retries=retries)
    typer.echo("updated", err=True)


def serve_command(
    store: opt.StoreDir = None,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(7878, "--port", min=0, max=65535, help="Port to listen on (0: any free one)."),
) -> None:
    """Serve the embedded store as a read-only SPARQL endpoint (GET/POST /query) for YASGUI and
    other SPARQL tools; its default graph is the union of the article graphs. Ctrl-C stops it."""
    from kg import api
    from kg.store.embedded import default_store_path

    def ready(url: str) -> None:
        typer.echo(f"serving {store or default_store_path()} read-only at {url} (Ctrl-C stops)", err=True)
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo("kg serve: anyone who reaches this address can query the store (no authentication)",
                       err=True)

    try:
        api.serve(store, host=host, port=port, ready=ready)
    except KeyboardInterrupt:
        typer.echo("kg serve: stopped", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(store_app, name="store")
    app.command("update")(update_command)
    app.command("serve")(serve_command)
