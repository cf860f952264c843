"""One large N-Quads file of new graphs into the embedded store, checked on a second core while
Oxigraph bulk-loads it.

`kg load` never writes a byte of a file before the file has passed its strict check
(kg.store.scan): a Python parse that costs about a fifth of the load. Here the check runs in a
forked process while Oxigraph's bulk loader parses the same bytes in this one. The loader reads
them through a gate that holds back the last byte until the checker has reported, and Oxigraph's
bulk loader writes nothing before its input ends (it ingests its sorted files in one step at the
end, kg/store/embedded.py). So the file's graphs reach the store only once the check has passed,
as before; only the waiting is gone.

The gate refuses that last byte when the check failed, when the checker died, when the file has
default-graph content (where it goes is the check's answer, too late for the loader), or when a
graph of the file is already in the store (its rewrite is not a bulk load). The load then stops
with nothing written, and the caller checks and loads the file the usual way, so an invalid file
is reported exactly as it always was.
"""
from __future__ import annotations

import io
import os
import pickle
import signal
from collections.abc import Callable

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store import GraphLoad, LoadResult
from kg.store.embedded import EmbeddedStore
from kg.store.rdfio import RdfInput
from kg.store.scan import scan  # imported here, not in the forked checker: a fork copies one thread

# Below this, a second process is not worth starting: the check takes a few milliseconds.
MIN_BYTES = 1 << 20


class _Refused(Exception):
    """The gate's refusal of the last byte: the bulk load must stop before it writes."""


def eligible(source: RdfInput) -> bool:
    """Whether ``source`` can be loaded while it is checked: N-Quads, large, on a system that forks."""
    return hasattr(os, "fork") and source.format == ox.RdfFormat.N_QUADS and len(source.data) >= MIN_BYTES


def load_while_checking(store: EmbeddedStore, source: RdfInput) -> LoadResult | None:
    """Bulk-load ``source`` while a forked process checks it. The LoadResult when the check passed
    and every graph was new; None when the load was stopped with nothing written."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _check_and_report(source, write_end)  # does not return
    os.close(write_end)
    checker = _Checker(pid, read_end)
    try:
        counts = None

        def release() -> bool:
            nonlocal counts
            report = checker.report()
            if report is None or report[1] is not None:  # failed, or default-graph content
                return False
            if any(store.has_graph(iri) for iri, _ in report[0]):
                return False
            counts = report[0]
            return True

        try:
            store.bulk_load_new(_Gate(source.data, release), source.format, source.base_iri)
        except (_Refused, StoreError):
            # Refused; or the loader's own lenient parse failed first (the strict check will say
            # why), or the store did (the usual way will meet it again and say so).
            return None
        if counts is None:  # the loader stopped short of the last byte without an error
            return None
        return LoadResult(path=source.path, graphs=tuple(GraphLoad(iri, n, False) for iri, n in counts))
    finally:
        checker.stop()


def _check_and_report(source: RdfInput, fd: int) -> None:
    """In the forked process: check ``source`` as kg.store.scan does, write the graphs' counts
    and the default graph (or a failure) to ``fd``, and exit without running the parent's
    clean-up (its store and its files are the parent's)."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches both processes: just end
        scanned = scan(source, lambda iri: False)
        report: tuple = (scanned.counts, scanned.default_graph)
    except BaseException:  # noqa: BLE001 - any failure is reported as one; the parent re-checks
        report = ()
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(pickle.dumps(report))
    finally:
        os._exit(0)


class _Checker:
    """The forked checker: its report, read once, and the process reaped whatever happens."""

    def __init__(self, pid: int, fd: int):
        self.pid, self.fd = pid, fd
        self.reaped = False

    def report(self) -> tuple | None:
        """(counts, default graph) when the check passed, else None. Waits for the checker."""
        with os.fdopen(self.fd, "rb") as reader:
            self.fd = -1
            data = reader.read()
        self._reap()
        try:
            report = pickle.loads(data)
        except Exception:  # noqa: BLE001 - the checker died mid-write
            return None
        return report if len(report) == 2 else None

    def stop(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if not self.reaped:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap()

    def _reap(self) -> None:
        if not self.reaped:
            os.waitpid(self.pid, 0)
            self.reaped = True


class _Gate(io.RawIOBase):
    """``data`` as a stream whose last byte is served only when ``release()`` says so."""

    def __init__(self, data: bytes, release: Callable[[], bool]):
        self.data = memoryview(data)
        self.pos = 0
        self.release = release
        self.released = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        end = len(self.data) if self.released else len(self.data) - 1
        if self.pos >= end and not self.released:
            if not self.release():
                raise _Refused()
            self.released, end = True, len(self.data)
        n = min(len(buffer), end - self.pos)
        buffer[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
