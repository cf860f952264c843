"""``kg ingest``: many articles into a store, in parallel, with progress and an error log."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator

import typer

from kg import cli_options as opt
from kg.cli_output import ListingFormat

_PLAIN_EVERY = 30.0  # seconds between progress lines when standard error is not a terminal


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cmd(
        paths: list[str] = typer.Argument(..., metavar="PATH...", help=(
            "Articles (.txt .html .json), folders (recursively), JSON Lines of article records "
            "(.jsonl), or lists of URLs (.urls, or a .txt whose every non-empty line is an http(s) URL).")),
        store_dir: opt.StoreDir = None,
        endpoint: opt.GraphStoreEndpoint = None,
        update_endpoint: opt.UpdateEndpoint = None,
        query_endpoint: opt.QueryEndpoint = None,
        workers: int = typer.Option(None, "--workers", "-w", min=1, help="Worker processes (default: the number of cores)."),
        errors: str = typer.Option(None, "--errors", metavar="FILE", help="Write failed articles here (JSON Lines: article, stage, message)."),
        validate: opt.Validate = True,
        resolve: bool = typer.Option(False, "--resolve", help="Then resolve the store's articles into one event per real-world event (kg resolve)."),
        online: opt.Online = False,
        allow_private_urls: opt.AllowPrivateUrls = False,
        max_bytes: opt.MaxBytes = None,
        follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help="Read symbolic links in a folder that lead out of it (not read by default)."),
        # "\\[": rich, which prints the help, would take "[dask]" for markup and drop it.
        cluster: str = typer.Option(None, "--cluster", metavar="ADDRESS", help=(
            "Run on Dask: a scheduler's address (tcp://HOST:8786), or local / local:N for a local "
            "cluster of N worker processes. Needs pip install 'kg-loader\\[dask]'.")),
        chunk_size: int = typer.Option(None, "--chunk-size", min=1, help=(
            "Articles per Dask task with --cluster (default 100).")),
        force: bool = typer.Option(False, "--force", help="Extract every article again, even those already loaded by this version."),
        replace: opt.Replace = False,
        fmt: ListingFormat = typer.Option(ListingFormat.table, "--format", "-f", help=(
            "The summary: table (a line on standard error), or json on standard output "
            "(kg.ingest.IngestSummary's fields, with articles, rate and ok).")),
    ) -> None:
        """Extract, validate and load many articles, each as its own named graph. Articles already
        loaded with the same text by this kg-loader version are skipped, so rerunning an
        interrupted ingest finishes it, and after an upgrade it extracts older articles again.
        Exit 0 when every article loaded or was skipped, 1 when some failed."""
        from kg import api
        from kg.ingest import IngestAborted, IngestInterrupted

        try:
            with _progress() as tick:
                summary = api.ingest(paths, store=store_dir, endpoint=endpoint,
                                     update_endpoint=update_endpoint, query_endpoint=query_endpoint,
                                     workers=workers, validate=validate, errors=errors, progress=tick,
                                     resolve=resolve, online=online,
                                     allow_private_urls=allow_private_urls or None,
                                     follow_symlinks=follow_symlinks, max_bytes=max_bytes,
                                     cluster=cluster, chunk_size=chunk_size, force=force, replace=replace)
        except IngestAborted as exc:
            _print_summary(exc.summary, fmt, named=not errors)
            raise
        except IngestInterrupted as exc:
            _print_summary(exc.summary, fmt, named=not errors)
            typer.echo("kg: interrupted; run the same command again to finish (loaded articles are skipped)",
                       err=True)
            raise typer.Exit(130) from None
        _print_summary(summary, fmt, named=not errors)
        if summary.failed and errors:
            typer.echo(f"failures are listed in {errors}", err=True)
        if not summary.ok:
            raise typer.Exit(1)


def _print_summary(summary, fmt: ListingFormat = ListingFormat.table, named: bool = True) -> None:
    if fmt is ListingFormat.json:
        from kg.cli_output import echo_json

        failures = [{"article": a, "stage": s, "message": m} for a, s, m in summary.failures]
        echo_json(summary, failures=failures, articles=summary.articles, rate=summary.rate, ok=summary.ok)
        return
    again = f" ({summary.reextracted} re-extracted)" if summary.reextracted else ""
    typer.echo(
        f"loaded {summary.loaded}{again}, skipped {summary.skipped}, failed {summary.failed}; "
        f"{summary.triples} triples in {summary.seconds:.1f} s ({summary.rate:.1f} articles/s)",
        err=True,
    )
    if named:  # without an error log, say which articles failed and why
        for article, stage, message in summary.failures:
            typer.echo(f"  failed ({stage}): {message if message.startswith(article) else article + ': ' + message}",
                       err=True)
        if summary.failed > len(summary.failures):
            typer.echo(f"  … and {summary.failed - len(summary.failures)} more (--errors FILE lists them all)",
                       err=True)


@contextmanager
def _progress() -> Iterator[Callable]:
    """A rich progress bar on a terminal; otherwise a plain line every so often."""
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TextColumn("[red]{task.fields[failed]} failed"), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False,
        )
        task = bar.add_task("ingest", total=None, rate=0.0, failed=0)

        def tick(t) -> None:
            rate = t.done / t.elapsed if t.elapsed > 0 else 0.0
            bar.update(task, completed=t.done, total=t.total, rate=rate, failed=t.failed)

        with bar:
            yield tick
        return

    last = [time.monotonic()]

    def plain(t) -> None:
        now = time.monotonic()
        if now - last[0] >= _PLAIN_EVERY:
            last[0] = now
            rate = t.done / t.elapsed if t.elapsed > 0 else 0.0
            of = f"/{t.total}" if t.total is not None else ""
            print(f"kg ingest: {t.done}{of} articles, {t.failed} failed, {rate:.1f} articles/s",
                  file=sys.stderr, flush=True)

    yield plain
