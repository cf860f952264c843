"""The ``kg`` command: parses arguments, calls the library, prints. Nothing else lives here."""
from __future__ import annotations

import os
import sys

import typer

from kg import cli_options as opt
from kg.cli_output import ListingFormat
from kg.errors import KgError

app = typer.Typer(
    add_completion=True,  # --install-completion, --show-completion
    no_args_is_help=True,
    help="News articles in, a validated Wikidata-linked RDF knowledge graph out.",
    pretty_exceptions_enable=False,
)

def _print_version(value: bool) -> None:
    if value:
        from kg import __version__

        typer.echo(f"kg-loader {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """News articles in, a validated Wikidata-linked RDF knowledge graph out."""


# Each command group registers itself here (one line each).
# -- register: begin --
from kg import cli_validate; cli_validate.register(app)  # noqa: E402,E702
from kg import cli_link; cli_link.register(app)  # noqa: E402,E702
from kg import cli_ingest; cli_ingest.register(app)  # noqa: E402,E702
from kg import cli_store; cli_store.register(app)  # noqa: E402,E702
from kg import cli_resolve; cli_resolve.register(app)  # noqa: E402,E702
from kg import cli_report; cli_report.register(app)  # noqa: E402,E702
from kg import cli_store_admin; cli_store_admin.register(app)  # noqa: E402,E702
# -- register: end --


def main() -> None:
    # Typer handles usage errors itself (exit 2); every error kg raises on purpose is one line.
    global _PROCESS_PER_COMMAND
    _PROCESS_PER_COMMAND = True
    try:
        # `python -m kg` too: completion scripts are for the command `kg`
        app_for(sys.argv[1:], os.environ)(prog_name="kg")
    except SystemExit as done:
        if _ONE_ARTICLE_READ:
            _exit_now(done.code)
        raise
    except KgError as exc:  # raised outside a command (each command is wrapped below)
        sys.exit(_error_exit_code(exc))
    except KeyboardInterrupt:
        typer.echo("kg: interrupted", err=True)
        sys.exit(130)


def app_for(args: list[str], env) -> typer.Typer:
    """The app, or, when ``args`` start with the name of one of its commands or groups, the app
    with that one alone: typer builds the click command of every command it holds before parsing
    (~20 ms for all of kg's), and a run needs one. The usage, help and errors of that command are
    the same (tests/test_cli.py); the root's help, completion and a name kg does not know get the
    whole app, so its list of commands and its suggestions are whole."""
    if not args or any(k.startswith(("_KG_COMPLETE", "_TYPER_COMPLETE")) for k in env):
        return app
    for command in app.registered_commands:
        if command.name == args[0]:
            return _with_only(app, commands=[command])
    for group in app.registered_groups:
        if group.name == args[0]:
            return _with_only(app, groups=[group])
    return app


def _with_only(whole: typer.Typer, commands=(), groups=()) -> typer.Typer:
    import copy

    one = copy.copy(whole)  # the same callback, settings and completion options
    one.registered_commands = list(commands)
    one.registered_groups = list(groups)
    return one


# True in a `kg` process (main), where the process ends with the command; False when a test or
# another program invokes the app.
_PROCESS_PER_COMMAND = False
_ONE_ARTICLE_READ = False  # the command is one that reads one article and holds nothing open


def _ending_with_one_article() -> None:
    """In a `kg` process that reads one article and ends: no cyclic garbage collection, and an
    exit without tearing the interpreter down (``_exit_now``). The collector would trace the rule
    pack's, the gazetteer's and rdflib's objects again and again (~50 ms of CPU, a tenth of a
    cold `kg extract`) to free memory the end of the process frees; an article's own reference
    cycles are few (the same peak memory on a 1.5 MB article either way)."""
    global _ONE_ARTICLE_READ
    if _PROCESS_PER_COMMAND:
        import gc

        gc.disable()
        _ONE_ARTICLE_READ = True


def _exit_now(code) -> None:
    """End the process as Python's own exit would (the atexit functions, such as saving the
    regex cache, then standard output and error flushed) but without freeing, module by module,
    every object of the rule pack, the gazetteer and rdflib: the system frees them at once, and
    the teardown cost ~90 ms of CPU, a sixth of a cold `kg extract`. Returns, for the usual exit,
    when anything else might need it: another thread running, a flush failing, an exit that is no
    number."""
    import atexit
    import threading

    if threading.active_count() > 1 or not (code is None or isinstance(code, int)):
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or file: Python's exit reports it
        return
    os._exit(code or 0)


def _error_exit_code(exc: KgError) -> int:
    """The one place a KgError becomes output: one line on standard error, and its exit code."""
    typer.echo(f"kg: error: {exc}", err=True)
    return exc.exit_code


# --base names kg.vocab.KGR spelled out: importing kg.vocab imports rdflib (~100 ms) at every
# start, `kg --help` and each TAB completion too. tests/test_cli.py checks they agree.
@app.command("extract")
def extract_cmd(
    source: str = typer.Argument(..., metavar="INPUT", help="A .txt, .html or .json article, '-' for standard input, or a URL."),
    output: str = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
    fmt: str = typer.Option(None, "--format", "-f", help="turtle (default), trig, nquads or jsonld; else taken from -o's suffix."),
    published: opt.Published = None,
    url: str = typer.Option(None, "--url", help="The article's URL."),
    title: str = typer.Option(None, "--title", help="The article's headline."),
    validate: opt.Validate = True,
    base: str = typer.Option(None, "--base", help="Base IRI for minted nodes (default https://w3id.org/kg-loader/id/)."),
    explain: bool = typer.Option(False, "--explain", help="Also print, on standard error, each fact with its sentence and rule."),
    online: opt.Online = False,
    allow_private_urls: opt.AllowPrivateUrls = False,
    max_bytes: opt.MaxBytes = None,
) -> None:
    """Extract one article into a validated, Wikidata-linked RDF graph."""
    _ending_with_one_article()
    from kg import api
    from kg.errors import ValidationFailed

    try:
        done = api.process(source, validate=validate, base=base, published=published, url=url, title=title,
                           online=online, allow_private_urls=allow_private_urls or None, max_bytes=max_bytes)
    except ValidationFailed as exc:
        from kg.validate import render_text

        typer.echo(render_text(exc.report), err=True)
        raise
    if explain:
        from kg.explain import explanation, render_explanation

        typer.echo(render_explanation(explanation(done.extraction, base)), err=True)
    done.write(output, fmt)


@app.command("explain")
def explain_cmd(
    source: str = typer.Argument(..., metavar="INPUT", show_default=False, help=(
        "The article: a .txt, .html or .json file (a record {url, title, published, text}), "
        "'-' for standard input, or an http(s) URL.")),
    published: opt.Published = None,
    url: str = typer.Option(None, "--url", help="The article's URL (overrides the record's)."),
    title: str = typer.Option(None, "--title", help="The article's headline (overrides the record's)."),
    base: str = typer.Option(None, "--base", help="Base IRI of the events' IRIs, as kg extract --base (default https://w3id.org/kg-loader/id/)."),
    fmt: ListingFormat = typer.Option(ListingFormat.table, "--format", "-f", help=(
        "table: facts with their sentences, for people; json: kg.explain.Explanation's fields.")),
    allow_private_urls: opt.AllowPrivateUrls = False,
    max_bytes: opt.MaxBytes = None,
) -> None:
    """Show why each fact is there: its sentence, character offset and rule; and the sentences that
    looked like events but gave none, with the reason. Nothing is written or loaded."""
    _ending_with_one_article()
    from kg import api

    done = api.explanation(source, base=base, published=published, url=url, title=title,
                           allow_private_urls=allow_private_urls or None, max_bytes=max_bytes)
    if fmt is ListingFormat.json:
        from kg.cli_output import echo_json

        echo_json(done)
        return
    from kg.explain import render_explanation

    typer.echo(render_explanation(done), nl=False)


@app.command("version")
def version() -> None:
    """Print the version."""
    from kg import __version__

    typer.echo(__version__)


def _one_line_errors(fn):
    """Wrap a command so any KgError ends it with one line and its exit code, however it is invoked."""
    import functools

    @functools.wraps(fn)
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            raise typer.Exit(_error_exit_code(exc)) from None

    return run


def _guard(typer_app: typer.Typer) -> None:
    for command in typer_app.registered_commands:
        if command.callback is not None and not getattr(command.callback, "__wrapped__", None):
            command.callback = _one_line_errors(command.callback)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _guard(group.typer_instance)


_guard(app)
