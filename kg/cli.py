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
from kg import cli_validate; cli_validate.register(app)  # noqa: E402,E702
from kg import cli_link; cli_link.register(app)  # noqa: E402,E702
from kg import cli_ingest; cli_ingest.register(app)  # noqa: E402,E702
from kg import cli_store; cli_store.register(app)  # noqa: E402,E702
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


@app.command("extract")
def extract_cmd(
    source: str = typer.Argument(..., metavar="INPUT", help="A .txt, .html or .json article, '-' for standard input, or a URL."),
    output: str = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
    fmt: str = typer.Option(None, "--format", "-f", help="turtle (default), trig, nquads or jsonld; else taken from -o's suffix."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (relative dates resolve against it)."),
    url: str = typer.Option(None, "--url", help="The article's URL."),
    title: str = typer.Option(None, "--title", help="The article's headline."),
    validate: bool = typer.Option(True, "--validate/--no-validate", help="Check the graph against shapes/ before writing."),
    base: str = typer.Option(None, "--base", help="Base IRI for minted nodes (default https://w3id.org/kg-loader/id/)."),
    explain: bool = typer.Option(False, "--explain", help="Also print, on standard error, each fact with its sentence and rule."),
) -> None:
    """Extract one article into a validated, Wikidata-linked RDF graph."""
    from kg import api
    from kg.errors import ValidationFailed

    article = api.read(source, published=published, url=url, title=title)
    try:
        done = api.process_article(article, validate=validate, base=base)
    except ValidationFailed as exc:
        from kg.validate import render_text

        typer.echo(render_text(exc.report), err=True)
        raise
    if explain:
        from kg.explain import render_explanation

        typer.echo(render_explanation(done.extraction), err=True)
    if fmt is None and output:
        from kg.formats import DEFAULT, by_suffix

        fmt = (by_suffix(output, writable=True) or DEFAULT).name
    api.write_text(done.serialize(fmt or "turtle"), output)


@app.command("explain")
def explain_cmd(
    source: str = typer.Argument(..., metavar="INPUT"),
    published: str = typer.Option(None, "--published"),
) -> None:
    """Show why each fact is there: its sentence and rule; and sentences that gave none, with the reason."""
    from kg import api
    from kg.explain import render_explanation

    typer.echo(render_explanation(api.extract(api.read(source, published=published))))


@app.command("version")
def version() -> None:
    """Print the version."""
    from importlib.metadata import version as _v

    typer.echo(_v("kg-loader"))


def _one_line_errors(fn):
    """Wrap a command so any KgError ends it with one line and its exit code, however it is invoked."""
    import functools

    @functools.wraps(fn)
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            typer.echo(f"kg: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None

    return run


def _guard(typer_app: typer.Typer) -> None:
    for command in typer_app.registered_commands:
        if command.callback is not None and not getattr(command.callback, "__wrapped__", None):
            command.callback = _one_line_errors(command.callback)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _guard(group.typer_instance)


_guard(app)
