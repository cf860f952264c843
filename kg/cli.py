"""The ``kg`` command: parses arguments, calls the library, prints. Nothing else lives here."""
from __future__ import annotations

import sys

import typer

from kg.errors import KgError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="News articles in, a validated Wikidata-linked RDF knowledge graph out.",
    pretty_exceptions_enable=False,
)

@app.callback()
def _root() -> None:
    """News articles in, a validated Wikidata-linked RDF knowledge graph out."""


# Each command group registers itself here (one line each).
# -- register: begin --
# -- register: end --


def main() -> None:
    # Typer handles usage errors itself (exit 2); every error kg raises on purpose is one line.
    try:
        app()
    except KgError as exc:
        typer.echo(f"kg: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("kg: interrupted", err=True)
        sys.exit(130)


@app.command("version")
def version() -> None:
    """Print the version."""
    from importlib.metadata import version as _v

    typer.echo(_v("kg-loader"))
