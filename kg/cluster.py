"""``kg ingest --cluster``: the same ingest, with Dask distributed workers instead of a local pool.

The client lists the sources (as ``kg ingest`` does) and cuts them into chunks of many articles,
so that a task's scheduling cost (a few milliseconds) is spread over seconds of extraction. A
bounded number of chunks is in flight at once, so a huge JSON Lines file is never all in memory.
Each chunk is one Dask task: read, extract, validate and serialize each article (``process_source``,
the process pool's own function), then either

- write each article to a remote store itself, one graph per request (a Graph Store Protocol
  PUT, or a SPARQL Update request, replaces the graph in one go), when the target is a remote
  store: the store, not the client, takes the load; or
- send the N-Quads back to the client, the one writer of the embedded store (which only one
  process may open), in the process pool's batches.

A worker that dies mid-chunk loses nothing: Dask runs the chunk again on another worker. The
client writes only the chunks whose results it received; a worker writes whole graphs only, and a
rerun of the chunk replaces the graphs it wrote before it died with the same triples. A chunk
that keeps killing workers (``distributed.scheduler.allowed-failures``) stops the ingest with
whole articles stored, and rerunning ``kg ingest`` skips them (stored text hashes) and finishes.

Paths of files must be readable by the workers under the same absolute path (a shared file
system): records of ``.jsonl`` files travel inside the task, URLs are fetched by the workers.
"""
from __future__ import annotations

import os
import re
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING, Any, Callable, Iterator

from kg.errors import InputError, KgError, StoreError, one_line
from kg.ingest import Known, Outcome, ReadLimits, Source, process_source, write_graphs

if TYPE_CHECKING:
    from kg.store import Store

INSTALL = "pip install 'kg-loader[dask]'"
CHUNK_SIZE = 100  # articles per task: ~1-3 s of work per task against ~5 ms of scheduling
CHUNKS_PER_THREAD = 2  # in flight: one running and one queued per worker thread, no idle gaps
CHUNK_RETRIES = 3  # times a chunk the scheduler cancelled is sent again
_ADDRESS = re.compile(r"^(tcp|tls|ws|wss|ucx)://\S+$")
_LOCAL = re.compile(r"^local(?::(\d+))?$")


@dataclass(frozen=True)
class ClusterSpec:
    """Where to run: a scheduler's address, or a local cluster of ``local_workers`` processes."""

    address: str | None
    local_workers: int | None = None


def parse_cluster(spec: str, workers: int | None = None) -> ClusterSpec:
    """``tcp://HOST:PORT`` (any Dask address), ``local`` (``workers`` processes, default one per
    core) or ``local:N``. Raises InputError on anything else."""
    text = spec.strip()
    local = _LOCAL.match(text)
    if local:
        n = int(local.group(1)) if local.group(1) else (workers or os.cpu_count() or 1)
        if n < 1:
            raise InputError(f"--cluster {text}: a local cluster needs at least 1 worker")
        return ClusterSpec(None, n)
    if _ADDRESS.match(text):
        if workers is not None:
            raise InputError("--workers sizes a local pool or cluster; a scheduler's cluster has the workers it has")
        return ClusterSpec(text)
    raise InputError(f"--cluster {spec!r}: give a Dask scheduler address (tcp://HOST:8786), local or local:N")


def require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError(f"--cluster needs Dask distributed: {INSTALL}") from None


@contextmanager
def connect(spec: ClusterSpec) -> Iterator[Any]:
    """A distributed.Client: to the scheduler at the address, or to a local cluster started here
    (worker processes of one thread each: extraction is pure Python and holds the GIL) and
    stopped on exit. An address nobody answers at is an InputError, after Dask's connect timeout
    (``distributed.comm.timeouts.connect``, e.g. DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=10s)."""
    require_dask()
    import logging

    from distributed import Client, LocalCluster

    if spec.address is None:
        # dashboard_address ":0": a free port; Dask's 8787 may be another ingest's or cluster's.
        with _sigint_ignored():
            cluster = LocalCluster(n_workers=spec.local_workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(spec.address)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"no Dask scheduler answers at {spec.address} ({one_line(exc, 160)})") from None
    except ValueError as exc:  # an address Dask cannot parse
        raise InputError(f"--cluster {spec.address}: {one_line(exc, 160)}") from None
    try:
        yield client
    finally:
        client.close()


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Processes started meanwhile ignore SIGINT (inherited through exec, and by the workers a
    nanny restarts): Ctrl-C goes to the whole process group, and only the client decides how to
    stop, as with the process pool; else every worker prints its own KeyboardInterrupt traceback."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# ---------------------------------------------------------------------------------------------
# The worker's side


@dataclass(frozen=True)
class RemoteTarget:
    """How a worker opens the remote store itself. No credentials travel with the task: each
    worker reads KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD or ~/.netrc on its own machine."""

    gsp_endpoint: str | None
    update_endpoint: str | None
    query_endpoint: str | None
    timeout: float
    retries: int
    batch_size: int
    backoff: float

    @classmethod
    def of(cls, store: Store) -> RemoteTarget | None:
        from kg.store.remote import RemoteStore

        if not isinstance(store, RemoteStore):
            return None
        return cls(store.gsp_endpoint, store.update_endpoint, store.query_endpoint, store.timeout,
                   store.retries, store.batch_size, store.backoff)

    def open(self) -> Store:
        from kg.store.remote import RemoteStore

        return RemoteStore(self.gsp_endpoint, self.update_endpoint, self.query_endpoint, timeout=self.timeout,
                           retries=self.retries, batch_size=self.batch_size, backoff=self.backoff)


def process_chunk(sources: list[Source], known: Known, validate: bool, online: bool,
                  target: RemoteTarget | None, limits: ReadLimits | None = None) -> list[Outcome]:
    """One task: every article of the chunk, in order. With a target, each extracted article is
    written there (status "loaded", no data back); a store that fails ends the chunk with that
    article's "load" failure, and the client stops the ingest on it, as the local writer would."""
    outcomes: list[Outcome] = []
    store = None
    try:
        for source in sources:
            out = process_source(source, known, validate, online, limits)
            if target is not None and out.status == "extracted":
                store = store or target.open()
                try:
                    write_graphs(store, [(out.graph_iri or "", out.data or "")])
                except KgError as exc:
                    outcomes.append(Outcome(out.source, "failed", "load", one_line(str(exc), 500),
                                            out.graph_iri, out.sha256))
                    break
                out = replace(out, status="loaded", data=None)
            outcomes.append(out)
    finally:
        if store is not None:
            store.close()
    return outcomes


# ---------------------------------------------------------------------------------------------
# The client's side


def cluster_runner(cluster: str | ClusterSpec | Any, store: Store, chunk_size: int | None = None,
                   workers: int | None = None) -> Callable:
    """A runner for kg.ingest.ingest: ``run(sources, known, validate, settle, online, limits)``.

    ``cluster`` is a spec (``tcp://...``, ``local``, ``local:N``) or an open distributed.Client
    (then it is used as it is and left open). Checks the spec and that Dask is installed now,
    before any article is read."""
    size = CHUNK_SIZE if chunk_size is None else chunk_size
    if size < 1:
        raise InputError(f"--chunk-size must be at least 1, not {size}")
    if isinstance(cluster, str):
        cluster = parse_cluster(cluster, workers)
    if isinstance(cluster, ClusterSpec):
        require_dask()
    target = RemoteTarget.of(store)

    def run(sources: Iterator[Source], known: Known, validate: bool,
            settle: Callable[[Outcome], None], online: bool = False,
            limits: ReadLimits | None = None) -> None:
        # The client's read limits (private URLs, input size) travel with each task, not the
        # workers' environment.
        task = (validate, online, target, limits)
        if isinstance(cluster, ClusterSpec):
            with connect(cluster) as client:
                _run_chunks(client, sources, known, settle, task, size)
        else:
            _run_chunks(cluster, sources, known, settle, task, size)

    return run


def _chunks(sources: Iterator[Source], size: int) -> Iterator[list[Source]]:
    while chunk := [_absolute(s) for s in islice(sources, size)]:
        yield chunk


def _absolute(source: Source) -> Source:
    """A file's path as every worker finds it (their working folders differ); logs keep the name."""
    if source.kind == "url" or os.path.isabs(source.location):
        return source
    return replace(source, location=os.path.abspath(source.location))


def _run_chunks(client: Any, sources: Iterator[Source], known: Known,
                settle: Callable[[Outcome], None], task: tuple, size: int) -> None:
    """``task``: process_chunk's arguments after the chunk and the known hashes."""
    from distributed import as_completed

    # The stored hashes go to every worker once, not with every task: as a task's result, which
    # the scheduler can compute again if every worker holding it dies (scattered data it cannot).
    known_on_workers = client.submit(_same, known, pure=False)
    chunks = _chunks(sources, size)
    running = as_completed()
    submitted: dict = {}  # ours to cancel (as_completed's own sets change under its thread): chunk
    retried: dict = {}  # how many times a chunk's task was cancelled under us and sent again

    def send(chunk: list[Source]) -> None:
        future = client.submit(process_chunk, chunk, known_on_workers, *task, pure=False)
        submitted[future] = chunk
        running.add(future)

    def top_up() -> None:
        # Asked again each time: workers join and leave (adaptive clusters start with none).
        in_flight = max(2, CHUNKS_PER_THREAD * sum(client.nthreads().values()))
        while len(submitted) < in_flight:
            chunk = next(chunks, None)
            if chunk is None:
                return
            send(chunk)

    try:
        top_up()
        for future in running:
            chunk = submitted.pop(future)
            try:
                outcomes = _result(future)
            except CancelledError:
                # A worker killed mid-task can leave the scheduler forgetting the task ("already
                # forgotten"): the chunk is sent again (what it wrote is whole and is rewritten).
                key = id(chunk)
                retried[key] = retried.get(key, 0) + 1
                if retried[key] > CHUNK_RETRIES:
                    raise StoreError("a chunk of articles was cancelled by the Dask scheduler "
                                     f"{retried[key]} times; what was loaded is whole: run the same "
                                     "command again to finish") from None
                send(chunk)
                continue
            for outcome in outcomes:
                settle(outcome)
            future.release()
            top_up()
    finally:
        running.clear()
        for future in submitted:
            future.cancel()
        known_on_workers.release()


def _same(value: Any) -> Any:
    return value


def _result(future: Any) -> list[Outcome]:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as exc:
        # The scheduler's limit (distributed.scheduler.allowed-failures), not the client's config.
        stopped = f"{exc.allowed_failures + 1} Dask workers" if hasattr(exc, "allowed_failures") else "Dask workers"
        raise StoreError(f"a chunk of articles stopped {stopped} (out of memory?); "
                         "what was loaded is whole: run the same command again to finish") from None
    except (KgError, CancelledError):
        raise
    except Exception as exc:  # noqa: BLE001 - a lost scheduler or a bug: one line, no traceback
        raise StoreError(f"the Dask cluster failed: {type(exc).__name__}: {one_line(exc, 300)}") from None
