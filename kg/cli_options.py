"""Options that several ``kg`` commands share, declared once (typing.Annotated aliases)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


StoreDir = Annotated[Optional[Path], typer.Option(
    "--store", metavar="DIR", show_default=False,
    help="Embedded store folder (created if missing; default: $KG_STORE, else "
         "~/.local/share/kg-loader/store).")]
GraphStoreEndpoint = Annotated[Optional[str], typer.Option(
    "--endpoint", metavar="URL", show_default=False,
    help="SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph: http://HOST:7878/store; "
         "Fuseki: http://HOST:3030/DATASET/data). One PUT per article.")]
UpdateEndpoint = Annotated[Optional[str], typer.Option(
    "--update-endpoint", metavar="URL", show_default=False,
    help="SPARQL 1.1 Update endpoint, for stores without the Graph Store Protocol.")]
QueryEndpoint = Annotated[Optional[str], typer.Option(
    "--query-endpoint", metavar="URL", show_default=False,
    help="The remote store's query endpoint, to find articles already loaded "
         "(default: guessed from the other endpoint).")]
SparqlEndpoint = Annotated[Optional[str], typer.Option(
    "--endpoint", metavar="URL", show_default=False,
    help="SPARQL query endpoint (Oxigraph: http://HOST:7878/query; Virtuoso: http://HOST:8890/sparql).")]
Timeout = Annotated[float, typer.Option(
    "--timeout", help="Seconds to wait for each HTTP request to an endpoint.")]
Retries = Annotated[int, typer.Option(
    "--retries", help="Retries (with backoff, or as long as Retry-After asks, up to a minute) after a dropped "
    "connection, a timeout or an outage answer (408, 425, 429, 500, 502, 503, 504).")]
Validate = Annotated[bool, typer.Option(
    "--validate/--no-validate", help="Check each graph against shapes/ before writing or loading.")]
Published = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date YYYY-MM-DD (relative dates resolve against it).")]
Online = Annotated[bool, typer.Option(
    "--online", help="Also link names the gazetteer lacks through the Wikidata API (answers are cached).")]
AllowPrivateUrls = Annotated[bool, typer.Option(
    "--allow-private-urls", help="Fetch URLs on loopback, private and link-local addresses too (intranet use; "
    "refused by default). Same as KG_ALLOW_PRIVATE_URLS=1.")]
MaxBytes = Annotated[Optional[int], typer.Option(
    "--max-bytes", min=1, metavar="N", help="Refuse an input (file, record, standard input or download) over N bytes "
    "(default 5 MiB: 5242880).")]
Replace = Annotated[bool, typer.Option(
    "--replace", help="Let an article without a publication date replace its stored graph that has one "
    "(refused by default: its relative dates would lose their anchor).")]
# Credentials for endpoints are never options (they would show in `ps`): KG_ENDPOINT_USER and
# KG_ENDPOINT_PASSWORD, or ~/.netrc (kg.store.remote.auth_from_env).
