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

# Each command group registers itself here (one line each).
# -- register: begin --
# -- register: end --


def main() -> None:
    try:
        app(standalone_mode=False)
    except KgError as exc:
        typer.echo(f"kg: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("kg: aborted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Exit):
            sys.exit(exc.exit_code)
        raise
