"""Batches: many articles, each extracted, validated and loaded as its own named graph.

Worker processes read, extract, validate and serialize (N-Triples text); the parent process is
the one writer to the store (an embedded store cannot be opened by several processes, and one
writer keeps each graph replacement whole). One bad article is logged and the batch goes on.

Inputs (``iter_sources``):
- a file ``.txt``, ``.html``/``.htm`` or ``.json``: one article;
- a file ``.jsonl``: one JSON article record per non-empty line;
- a file ``.urls``: one http(s) URL per non-empty line (lines starting with ``#`` are comments);
- a ``.txt`` file whose every non-empty line is an http(s) URL without spaces: a URL list too
  (an article is prose, so it never looks like that);
- a folder: every file with one of the suffixes above below it, recursively, in sorted order,
  skipping hidden files and folders (names starting with ``.``).

Resume: the content hashes already in the store are read once (``Known``); a worker that reads
an article whose text has one of those hashes, extracted by this same kg-loader version
(kg:extractorVersion), reports it skipped without extracting it. The graph name is derived from
that hash, so a rerun loads exactly the articles that are missing, and after an upgrade it
extracts again the articles an older version extracted (``force`` extracts every one again).
An article stored with a publication date is not replaced by one read without a date (its
relative dates would lose their anchor) unless ``replace``: it fails at the "dated" stage.
"""
from __future__ import annotations

import json
import os
import re
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator

from kg.errors import InputError, KgError, StoreError, ValidationFailed, one_line
from kg.read import scrub
from kg.workers import start_forkserver, worker_context

if TYPE_CHECKING:
    from kg.store import Store

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json"})
LIST_SUFFIXES = frozenset({".jsonl", ".urls"})
_URL_LINE = re.compile(r"^https?://\S+$", re.I)


# ---------------------------------------------------------------------------------------------
# What to ingest


@dataclass(frozen=True)
class Source:
    """One article to ingest: a file, one record of a JSON Lines file, or a URL."""

    name: str  # how logs name it: a path, "path:line" or a URL
    kind: str  # "file" | "record" | "url"
    location: str  # the path or URL
    record: str | None = None  # the JSON text of a JSON Lines record
    problem: str | None = None  # set when the source could not even be listed


def iter_sources(paths: Iterable[str | Path], follow_symlinks: bool = False) -> Iterator[Source]:
    """Every article the paths hold, lazily, in a stable order. Missing paths raise InputError.
    A symbolic link inside a folder that leads out of it is not read unless ``follow_symlinks``
    (a folder of articles from elsewhere must not make ingest read /etc/...)."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise InputError(f"{p}: no such file or folder")
        if path.is_dir():
            root = path.resolve()
            for file in _walk(path):
                if not follow_symlinks and file.is_symlink() and not file.resolve().is_relative_to(root):
                    name = _shown(file)
                    yield Source(name, "file", str(file),
                                 problem=f"{name}: a symbolic link out of {_shown(path)}; not read "
                                         "(--follow-symlinks reads it)")
                    continue
                yield from _sources_of_file(file)
        else:
            yield from _sources_of_file(path, explicit=True)


def _shown(path: Path | str) -> str:
    """A path as messages show it: bytes that are not UTF-8 in its name become U+FFFD."""
    return scrub(str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def check_paths(paths: Iterable[str | Path]) -> None:
    """Fail fast, before any work, on a path that does not exist."""
    for p in paths:
        if not Path(p).exists():
            raise InputError(f"{p}: no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):  # does not follow symlinked folders: no loops
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            suffix = os.path.splitext(name)[1].lower()
            if not name.startswith(".") and (suffix in ARTICLE_SUFFIXES or suffix in LIST_SUFFIXES):
                yield Path(root, name)


def _sources_of_file(path: Path, explicit: bool = False) -> Iterator[Source]:
    suffix = path.suffix.lower()
    name = _shown(path)
    try:
        if suffix == ".jsonl":
            yield from _records(path)
        elif suffix == ".urls" or (suffix == ".txt" and _is_url_list(path)):
            yield from _urls(path)
        else:
            yield Source(name, "file", str(path))
    except OSError as exc:
        yield Source(name, "file", name, problem=f"{name}: cannot read ({exc.strerror})")
    except UnicodeDecodeError:
        yield Source(name, "file", name, problem=f"{name}: not UTF-8 text")


def _records(path: Path) -> Iterator[Source]:
    with path.open(encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                yield Source(f"{_shown(path)}:{lineno}", "record", str(path), record=line)


def _urls(path: Path) -> Iterator[Source]:
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            url = line.strip()
            if url and not url.startswith("#"):
                yield Source(url, "url", url)


def _is_url_list(path: Path) -> bool:
    """Whether a .txt file is a list of URLs; reads past the first line only when it is a URL."""
    seen = False
    with path.open("rb") as fh:
        for raw in fh:
            line = raw.strip()
            if not line:
                continue
            try:
                text = line.decode("utf-8-sig")
            except UnicodeDecodeError:
                return False
            if not _URL_LINE.match(text):
                return False
            seen = True
    return seen


def count_sources(paths: Iterable[str | Path], follow_symlinks: bool = False) -> int:
    """How many articles the paths hold (a cheap first pass, for a progress bar's total)."""
    return sum(1 for _ in iter_sources(paths, follow_symlinks))


# ---------------------------------------------------------------------------------------------
# One article in a worker process


@dataclass(frozen=True)
class Outcome:
    """What happened to one article. ``data`` is its graph as N-Quads text when extracted."""

    source: str
    status: str  # "extracted" | "skipped" | "failed" | "loaded" (once the parent or a cluster worker wrote it)
    stage: str | None = None  # where it failed: read | extract | validate | load
    message: str | None = None
    graph_iri: str | None = None
    sha256: str | None = None
    data: str | None = None
    triples: int = 0
    reextracted: bool = False  # the store held this article from another extractor version


@dataclass(frozen=True)
class Known:
    """What the store already holds, as the workers need it."""

    current: frozenset[str] = frozenset()  # text hashes stored by this extractor version: skipped
    stored: frozenset[str] = frozenset()  # every stored text hash (to count re-extractions)
    dated: frozenset[str] = frozenset()  # text hashes whose stored article has a publication date
    replace: bool = False  # let an undated article replace its dated graph


_KNOWN = Known()
_VALIDATE = True
_ONLINE = False
_LIMITS: "ReadLimits" = None  # type: ignore[assignment]


@dataclass(frozen=True)
class ReadLimits:
    """What a worker may read: URLs on private addresses or not, and how many bytes an input
    (a file, a record, a download) may hold."""

    allow_private_urls: bool | None = None
    max_bytes: int | None = None


def _init_worker(known: Known, validate: bool, online: bool = False,
                 limits: ReadLimits | None = None) -> None:
    import signal

    global _KNOWN, _VALIDATE, _ONLINE, _LIMITS
    _KNOWN, _VALIDATE, _ONLINE, _LIMITS = known, validate, online, limits or ReadLimits()
    # Ctrl-C goes to the whole process group: only the parent decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_source(source: Source, known: Known = Known(), validate: bool = True,
                   online: bool = False, limits: ReadLimits | None = None) -> Outcome:
    """Read, hash, and unless already loaded extract, validate and serialize one article.

    Never raises for a bad article: the failure is the Outcome."""
    from kg.api import process_article
    from kg.rdf import article_iri

    if source.problem:
        return Outcome(source.name, "failed", "read", source.problem)
    try:
        article = _read(source, limits or ReadLimits())
    except KgError as exc:
        return Outcome(source.name, "failed", "read", _one_line(str(exc)))
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
        return Outcome(source.name, "failed", "read", _internal(exc))
    sha = article.sha256
    iri = str(article_iri(sha))
    if sha in known.current:
        return Outcome(source.name, "skipped", graph_iri=iri, sha256=sha)
    if sha in known.dated and not article.published and not known.replace:
        return Outcome(source.name, "failed", "dated", _one_line(
            f"{source.name}: the store holds this article with a publication date in <{iri}> and this "
            "input has none; give it one, or pass --replace to replace the dated graph"), iri, sha)
    try:
        # Only whether the graph conforms counts here: the shapes that can only warn are not run.
        done = process_article(article, validate=validate, online=online, warnings=False)
        data = done.nquads()
    except ValidationFailed as exc:
        return Outcome(source.name, "failed", "validate", _validation_message(exc), iri, sha)
    except KgError as exc:
        return Outcome(source.name, "failed", "extract", _one_line(str(exc)), iri, sha)
    except Exception as exc:  # noqa: BLE001 - an extractor bug must not stop the batch
        return Outcome(source.name, "failed", "extract", _internal(exc), iri, sha)
    return Outcome(source.name, "extracted", graph_iri=str(done.graph_iri), sha256=sha, data=data,
                   triples=len(done.triples), reextracted=sha in known.stored)


def _worker_task(sources: list[Source]) -> list[Outcome]:
    return [process_source(source, _KNOWN, _VALIDATE, _ONLINE, _LIMITS) for source in sources]


def _read(source: Source, limits: ReadLimits):
    from kg.read import DEFAULT_MAX_BYTES, article_from_record, check_size, load_json, read_article

    if source.kind == "record":
        check_size(len(source.record or ""), limits.max_bytes or DEFAULT_MAX_BYTES, source.name)
        return article_from_record(load_json(source.record or "", source.name), source.name)
    return read_article(source.location, allow_private_urls=limits.allow_private_urls,
                        max_bytes=limits.max_bytes)


def _validation_message(exc: ValidationFailed) -> str:
    first = next(iter(getattr(exc.report, "violations", ()) or ()), None)
    detail = f" (first: {first.message} at {first.focus})" if first is not None else ""
    return _one_line(f"{exc}{detail}")


def _internal(exc: Exception) -> str:
    return _one_line(f"internal error: {type(exc).__name__}: {exc}")


_one_line = partial(one_line, limit=500)  # an error-log message


# ---------------------------------------------------------------------------------------------
# The batch, in the parent process


FAILURES_KEPT = 20


@dataclass(frozen=True)
class IngestSummary:
    loaded: int
    skipped: int
    failed: int
    triples: int  # triples written by this run
    seconds: float
    # The first failures (article, stage, message), so a summary can name them without an error
    # log; at most FAILURES_KEPT, however many failed.
    failures: tuple[tuple[str, str, str], ...] = ()
    reextracted: int = 0  # of the loaded: articles the store held from another extractor version

    @property
    def articles(self) -> int:
        return self.loaded + self.skipped + self.failed

    @property
    def rate(self) -> float:
        """Articles handled per second (loaded, skipped or failed)."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        return self.failed == 0


@dataclass(frozen=True)
class Tick:
    """Progress after one more article, for a progress bar."""

    done: int
    loaded: int
    skipped: int
    failed: int
    total: int | None
    elapsed: float
    last: Outcome


class IngestAborted(StoreError):
    """The store failed mid-batch: the articles loaded so far are whole, the rest were not tried."""

    def __init__(self, message: str, summary: IngestSummary):
        super().__init__(message)
        self.summary = summary


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during a batch: what was loaded is whole and stays; a rerun finishes the job."""

    def __init__(self, summary: IngestSummary):
        super().__init__("interrupted")
        self.summary = summary


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    workers: int | None = None,
    validate: bool = True,
    error_log: str | Path | IO[str] | None = None,
    progress: Callable[[Tick], None] | None = None,
    online: bool = False,
    allow_private_urls: bool | None = None,
    follow_symlinks: bool = False,
    max_bytes: int | None = None,
    cluster: str | object | None = None,
    chunk_size: int | None = None,
    force: bool = False,
    replace: bool = False,
) -> IngestSummary:
    """Extract, validate and load every article under ``paths`` into ``store``, one named graph
    each. ``store`` is any kg.store.Store (EmbeddedStore, RemoteStore).

    Failed articles are written to ``error_log`` (JSON Lines: article, stage, message) and
    counted; a store failure stops the batch with IngestAborted (a StoreError).

    Articles already stored from the same text by this kg-loader version are skipped; ``force``
    extracts them again too. An article stored with a publication date is not replaced by one
    read without a date unless ``replace`` (it fails at the "dated" stage).

    Workers are started with multiprocessing's forkserver (spawn where there is none), so a
    script that calls this must do so under ``if __name__ == "__main__":``.

    URLs on private, loopback and link-local addresses are refused unless ``allow_private_urls``
    (default: the KG_ALLOW_PRIVATE_URLS environment variable of this process). An input (file,
    record or download) over ``max_bytes`` (default 5 MB) fails on its own.

    With ``cluster`` (``tcp://HOST:PORT``, ``local``, ``local:N`` or a distributed.Client), Dask
    workers do the work in chunks of ``chunk_size`` articles instead (kg/cluster.py)."""
    paths = list(paths)
    check_paths(paths)
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be at least 1, not {workers}")
    if error_log is not None and not hasattr(error_log, "write"):
        check_error_log(error_log, paths)
    if cluster is not None:
        from kg.cluster import cluster_runner

        run = cluster_runner(cluster, store, chunk_size, workers)
    else:
        start_forkserver()
        run = partial(_run, n_workers=workers or os.cpu_count() or 1)
    total = count_sources(paths, follow_symlinks) if progress else None
    known = known_articles(store, force=force, replace=replace)
    log, close_log = _open_log(error_log)
    loader = _Loader(store, log, progress, total)
    try:
        if allow_private_urls is None:
            from kg.fetch import private_urls_allowed

            allow_private_urls = private_urls_allowed()
        limits = ReadLimits(allow_private_urls, max_bytes)
        local = {} if cluster is not None else {"draining": loader.draining}
        run(iter_sources(paths, follow_symlinks), known=known, validate=validate, settle=loader.settle,
            online=online, limits=limits, **local)
        loader.flush()
    except KeyboardInterrupt:
        loader.flush()  # keep the work already done; the store stays whole either way
        raise IngestInterrupted(loader.summary()) from None
    finally:
        close_log()
    return loader.summary()


class _Loader:
    """The parent's side: counts, the error log, progress, and writes in batches.

    Into an embedded store, new graphs are written BATCH at a time with one bulk load: Oxigraph's
    bulk path costs half as much per quad as a transaction per article, and the parent is the
    one writer, so its time is the batch's ceiling. A batch is all or nothing, so the store still
    holds only whole articles; an interruption loses at most one batch of work, which a rerun
    redoes. Remote stores get one request per article (their protocol's unit of atomicity)."""

    BATCH = 200
    MAX_WAIT = 2.0  # seconds an extracted article may wait for its batch (slow sources: URLs)

    def __init__(self, store: Store, log: IO[str] | None, progress: Callable[[Tick], None] | None,
                 total: int | None):
        self.store, self.log, self.progress, self.total = store, log, progress, total
        self.batch = self.BATCH if store.batch_writes else 1
        self.pending: list[Outcome] = []
        self.pending_since = 0.0
        self.seen: set[str] = set()  # texts extracted this run
        self.counts = {"loaded": 0, "skipped": 0, "failed": 0, "triples": 0, "done": 0, "reextracted": 0}
        self.failures: list[tuple[str, str, str]] = []
        self.started = time.monotonic()

    def summary(self) -> IngestSummary:
        c = self.counts
        return IngestSummary(c["loaded"], c["skipped"], c["failed"], c["triples"],
                             time.monotonic() - self.started, tuple(self.failures), c["reextracted"])

    def _failed(self, outcome: Outcome) -> None:
        _log_failure(self.log, outcome)
        if len(self.failures) < FAILURES_KEPT:
            self.failures.append((scrub(outcome.source), outcome.stage or "", scrub(outcome.message or "")))

    def settle(self, outcome: Outcome) -> None:
        if outcome.status in ("extracted", "loaded") and outcome.sha256 in self.seen:
            # The same text twice in one run: one graph; the first to finish wins.
            outcome = Outcome(outcome.source, "skipped", graph_iri=outcome.graph_iri, sha256=outcome.sha256)
        if outcome.status == "extracted":
            self.seen.add(outcome.sha256 or "")
            if not self.pending:
                self.pending_since = time.monotonic()
            self.pending.append(outcome)
        else:
            if outcome.status == "failed":
                self._failed(outcome)
            self.counts[outcome.status] += 1
            if outcome.status == "loaded":  # written by a cluster worker itself (kg/cluster.py)
                self.seen.add(outcome.sha256 or "")
                self.counts["triples"] += outcome.triples
                self.counts["reextracted"] += outcome.reextracted
            elif outcome.stage == "load":
                raise IngestAborted(f"loading stopped: {outcome.message}", self.summary())
        self.counts["done"] += 1
        if len(self.pending) >= self.batch or (
                self.pending and time.monotonic() - self.pending_since > self.MAX_WAIT):
            self.flush()
        self._tick(outcome)

    def draining(self, remaining: int) -> None:
        """Every source is handed out and ``remaining`` are still to come: batches shrink to a
        quarter of that (at least 10), so the batch written after the last article, which
        nothing else overlaps, is a small one."""
        if self.batch > 1:
            self.batch = min(self.batch, max(10, remaining // 4))
            if len(self.pending) >= self.batch:
                self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            write_graphs(self.store, [(o.graph_iri or "", o.data or "") for o in batch])
        except KgError as exc:
            message = _one_line(str(exc))
            for o in batch:
                self._failed(Outcome(o.source, "failed", "load", message))
            self.counts["failed"] += len(batch)
            raise IngestAborted(f"loading stopped: {message}", self.summary()) from None
        self.counts["loaded"] += len(batch)
        self.counts["triples"] += sum(o.triples for o in batch)
        self.counts["reextracted"] += sum(o.reextracted for o in batch)

    def _tick(self, outcome: Outcome) -> None:
        if self.progress:
            c = self.counts
            self.progress(Tick(c["done"], c["loaded"], c["skipped"], c["failed"], self.total,
                               time.monotonic() - self.started, outcome))


CHUNK = 8  # most sources handed to a worker at once


def _run(sources: Iterator[Source], known: Known, validate: bool,
         settle: Callable[[Outcome], None], online: bool = False,
         limits: ReadLimits | None = None, *, n_workers: int,
         draining: Callable[[int], None] | None = None) -> None:
    """Feed the workers a bounded number of sources at a time (a huge JSON Lines file is never
    held in memory) and settle each outcome in the parent as it arrives."""
    from concurrent.futures.process import BrokenProcessPool

    ctx = worker_context()
    pool = ProcessPoolExecutor(n_workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(known, validate, online, limits))
    # Enough queued that the workers keep going while the parent writes a batch to the store:
    # with only a few, they would wait out every write.
    in_flight = max(n_workers * 4, _Loader.BATCH)
    pending: dict = {}  # future -> how many sources it carries
    queued = submitted = 0
    chunk = 1  # sources per task: grows to CHUNK once every worker has work, which saves
    exhausted = False  # the pool's per-task cost without leaving a short batch to one worker
    try:
        while True:
            while not exhausted and queued < in_flight:
                part = list(islice(sources, chunk))
                exhausted = len(part) < chunk
                if part:
                    pending[pool.submit(_worker_task, part)] = len(part)
                    queued += len(part)
                    submitted += len(part)
                    chunk = min(CHUNK, 1 + submitted // (n_workers * 16))
            if not pending:
                break
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                queued -= pending.pop(future)
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    raise StoreError("a worker process stopped unexpectedly (out of memory? in a script, "
                                     "call ingest() under `if __name__ == '__main__':`)") from None
                for outcome in outcomes:
                    settle(outcome)
            if exhausted and draining is not None:
                draining(queued)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def check_error_log(error_log: str | Path, paths: Iterable[str | Path]) -> None:
    """The error log is written from scratch, so it must not be one of the inputs (or a file an
    input folder holds), nor a folder, FIFO or device."""
    log = Path(error_log)
    if log.exists() and not log.is_file():
        raise InputError(f"{error_log}: the error log must be a regular file")
    target = log.resolve()
    for p in paths:
        source = Path(p).resolve()
        if target == source or (source.is_dir() and target.is_relative_to(source)
                                and target.suffix.lower() in ARTICLE_SUFFIXES | LIST_SUFFIXES):
            raise InputError(f"{error_log}: the error log would overwrite an input ({p}); choose another file")


def _open_log(error_log: str | Path | IO[str] | None) -> tuple[IO[str] | None, Callable[[], None]]:
    if error_log is None:
        return None, lambda: None
    if hasattr(error_log, "write"):
        return error_log, lambda: None  # type: ignore[return-value]
    try:
        fh = open(error_log, "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        raise InputError(f"{error_log}: cannot write the error log ({exc.strerror})") from None
    return fh, fh.close


def _log_failure(log: IO[str] | None, outcome: Outcome) -> None:
    if log is None:
        return
    log.write(json.dumps({"article": scrub(outcome.source), "stage": outcome.stage,
                          "message": scrub(outcome.message or "")}, ensure_ascii=False) + "\n")
    log.flush()  # an interrupted batch still leaves its log


# ---------------------------------------------------------------------------------------------
# The store, as ingest needs it


def known_articles(store: Store, force: bool = False, replace: bool = False) -> Known:
    """The article graphs already in the store (whose name matches their text hash), as Known:
    with ``force`` none counts as current, so every article is extracted again."""
    from kg import __version__ as version  # kg.rdf.extractor_version, without the mapper's imports
    from kg.vocab import article_graph_iri

    rows = [r for r in store.stored_articles() if r.graph == article_graph_iri(r.sha256)]
    current = frozenset() if force else frozenset(r.sha256 for r in rows if r.version == version)
    return Known(current=current, stored=frozenset(r.sha256 for r in rows),
                 dated=frozenset(r.sha256 for r in rows if r.published), replace=replace)


def write_graphs(store: Store, graphs: list[tuple[str, str]]) -> None:
    """Replace each named graph with its N-Quads (all in that graph); one batch is all or nothing
    when the store writes batches (``Store.batch_writes``), else each graph is."""
    load = getattr(store, "load_nquads", None)
    if load is not None:
        load(graphs)
        return
    from kg.store.rdfio import nquads_graphs  # a Store written before load_nquads existed

    for g in nquads_graphs(graphs):
        store.replace_graph(g.iri, g.quads)
