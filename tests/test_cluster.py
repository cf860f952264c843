"""`kg ingest --cluster`: the ingest on Dask workers (kg/cluster.py) against the plain one.

Real LocalClusters of two worker processes: one serves the module, and each test that kills a
worker (by its pid, mid-ingest) has its own. The store must then hold exactly what a plain
`kg ingest` of the same articles gives, with the embedded store (the client writes) and with
`oxigraph serve` (the workers write).
The module is bounded in time: a hung cluster ends the run with a traceback after GUARD seconds.
"""
from __future__ import annotations

import faulthandler
import json
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_ingest import clash, corpus, deployment, kg_command, oxigraph, per_graph_counts  # noqa: E402,F401

from kg.cluster import ClusterSpec, parse_cluster  # noqa: E402
from kg.errors import InputError  # noqa: E402
from kg.ingest import IngestAborted, IngestInterrupted, ingest  # noqa: E402
from kg.store.embedded import EmbeddedStore  # noqa: E402

distributed = pytest.importorskip("distributed", reason="Dask distributed not installed (pip install 'kg-loader[dask]')")

GUARD = 600.0


@contextmanager
def local_cluster():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                           silence_logs=40)
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def cluster():
    faulthandler.dump_traceback_later(GUARD, exit=True)
    try:
        with local_cluster() as client:
            yield client
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def doomed():
    """A cluster of its own for a test that kills a worker: no other test waits on the restart."""
    with local_cluster() as client:
        yield client


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """Enough articles for several chunks per worker, one bad one among them."""
    root = tmp_path / "many"
    root.mkdir()
    for i in range(36):
        text = deployment(i) if i % 2 else clash(i)
        (root / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    (root / "a99-empty.txt").write_text("  \n")
    return root


def plain(paths, db: Path) -> tuple[tuple[int, int, int, int], dict[str, int]]:
    with EmbeddedStore(db) as store:
        s = ingest(paths, store, workers=2)
        return (s.loaded, s.skipped, s.failed, s.triples), per_graph_counts(store)


def counts(summary) -> tuple[int, int, int, int]:
    return summary.loaded, summary.skipped, summary.failed, summary.triples


class KillOnce:
    """A progress callback that, at the first article settled, kills a worker busy with a chunk."""

    def __init__(self, client):
        self.client, self.killed, self.ticks = client, None, []

    def __call__(self, tick) -> None:
        self.ticks.append(tick)
        if self.killed is None:
            busy = [w for w, tasks in self.client.processing().items() if tasks]
            assert busy, "no worker had a chunk to lose"
            pids = self.client.run(os.getpid, workers=busy[:1])
            self.killed = busy[0]
            os.kill(pids[busy[0]], signal.SIGKILL)


# ---------------------------------------------------------------------------------------------
# Where to run


@pytest.mark.parametrize("spec, workers, expected", [
    ("local", 3, ClusterSpec(None, 3)),
    ("local:2", None, ClusterSpec(None, 2)),
    (" tcp://10.0.0.5:8786 ", None, ClusterSpec("tcp://10.0.0.5:8786")),
    ("tls://scheduler.example:8786", None, ClusterSpec("tls://scheduler.example:8786")),
])
def test_cluster_specs(spec, workers, expected):
    assert parse_cluster(spec, workers) == expected


@pytest.mark.parametrize("spec, workers, words", [
    ("10.0.0.5:8786", None, "give a Dask scheduler address"),
    ("local:0", None, "at least 1 worker"),
    ("local:two", None, "give a Dask scheduler address"),
    ("tcp://10.0.0.5:8786", 4, "--workers sizes a local pool"),
])
def test_bad_cluster_specs(spec, workers, words):
    with pytest.raises(InputError, match=words):
        parse_cluster(spec, workers)


def test_without_dask_the_option_says_how_to_install_it(corpus, tmp_path, monkeypatch):
    from kg.cli import app

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--store", str(tmp_path / "db"), "--cluster", "local"])
    assert result.exit_code == 2
    assert result.output.strip() == "kg: error: --cluster needs Dask distributed: pip install 'kg-loader[dask]'"
    assert not (tmp_path / "db").exists()


def test_dead_scheduler_is_one_line_and_exit_2(corpus, tmp_path, monkeypatch):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import servers

    address = f"tcp://127.0.0.1:{servers.free_port()}"
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "2s")
    proc = kg_command("ingest", corpus, "--store", tmp_path / "db", "--cluster", address)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"kg: error: no Dask scheduler answers at {address} (")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "db").exists()


# ---------------------------------------------------------------------------------------------
# The embedded store: workers send N-Quads back, the client writes


def test_cluster_ingest_equals_the_plain_ingest_with_the_same_log(cluster, corpus, tmp_path):
    (corpus / "empty.txt").write_text("")
    (corpus / "dup.txt").write_text(deployment(1))  # the same text as deploy-1.txt: one graph
    expected, graphs = plain([corpus], tmp_path / "plain")
    log = tmp_path / "errors.jsonl"
    ticks = []
    with EmbeddedStore(tmp_path / "db") as store:
        summary = ingest([corpus], store, cluster=cluster, chunk_size=3, error_log=log, progress=ticks.append)
        assert per_graph_counts(store) == graphs
        again = ingest([corpus], store, cluster=cluster, chunk_size=3)
    assert counts(summary) == expected == (8, 1, 1, sum(graphs.values()))
    assert [t.done for t in ticks] == list(range(1, 11))
    assert [json.loads(line)["article"] for line in log.read_text().splitlines()] == [str(corpus / "empty.txt")]
    assert counts(again) == (0, 9, 1, 0)


def test_worker_killed_mid_ingest_loses_nothing(doomed, many, tmp_path):
    expected, graphs = plain([many], tmp_path / "plain")
    kill = KillOnce(doomed)
    with EmbeddedStore(tmp_path / "db") as store:
        summary = ingest([many], store, cluster=doomed, chunk_size=3, progress=kill)
        assert per_graph_counts(store) == graphs
    assert kill.killed is not None
    assert counts(summary) == expected == (36, 0, 1, sum(graphs.values()))
    assert sorted(Path(t.last.source).name for t in kill.ticks) == sorted(p.name for p in many.iterdir())


def test_interrupted_cluster_ingest_is_finished_by_a_rerun(cluster, many, tmp_path):
    expected, graphs = plain([many], tmp_path / "plain")

    def stop_after_five(tick):
        if tick.done == 5:
            raise KeyboardInterrupt

    with EmbeddedStore(tmp_path / "db") as store:
        with pytest.raises(IngestInterrupted) as info:
            ingest([many], store, cluster=cluster, chunk_size=3, progress=stop_after_five)
        first = info.value.summary
        rest = ingest([many], store, cluster=cluster, chunk_size=3)
        assert per_graph_counts(store) == graphs
    assert 0 < first.loaded < 36
    assert (rest.loaded + first.loaded, rest.skipped, rest.failed) == (36, first.loaded, 1)


def test_cli_cluster_local(corpus, tmp_path):
    proc = kg_command("ingest", corpus, "--store", tmp_path / "db", "--cluster", "local:1", "--chunk-size", "4")
    assert proc.returncode == 0, proc.stderr
    assert "loaded 8, skipped 0, failed 0" in proc.stderr
    with EmbeddedStore(tmp_path / "db") as store:
        assert len(per_graph_counts(store)) == 8


# ---------------------------------------------------------------------------------------------
# `oxigraph serve`: the workers write, one graph per request


def test_workers_write_the_remote_store_and_a_killed_worker_loses_nothing(doomed, many, tmp_path, oxigraph):
    from kg.store import open_store

    server, _ = oxigraph
    expected, graphs = plain([many], tmp_path / "plain")
    kill = KillOnce(doomed)
    with open_store(endpoint=server.gsp) as remote:
        summary = ingest([many], remote, cluster=doomed, chunk_size=3, progress=kill)
        assert per_graph_counts(remote) == graphs
        again = ingest([many], remote, cluster=doomed, chunk_size=3)
    assert kill.killed is not None
    assert counts(summary) == expected
    assert counts(again) == (0, 36, 1, 0)


def test_store_stopped_under_the_workers_stops_the_ingest_and_a_rerun_completes(cluster, many, tmp_path, oxigraph):
    from kg.store import open_store

    server, restart = oxigraph
    expected, graphs = plain([many], tmp_path / "plain")
    log = tmp_path / "errors.jsonl"

    def stop_after_three(tick):
        if tick.loaded == 3 and server.proc.poll() is None:
            server.stop()

    with open_store(endpoint=server.gsp, retries=1, backoff=0.05, timeout=5) as remote:
        with pytest.raises(IngestAborted, match="loading stopped: .*") as info:
            ingest([many], remote, cluster=cluster, chunk_size=3, progress=stop_after_three, error_log=log)
    assert info.value.summary.loaded >= 3
    assert "load" in {json.loads(line)["stage"] for line in log.read_text().splitlines()}
    again = restart()
    with open_store(endpoint=again.gsp) as remote:
        partial = per_graph_counts(remote)
        assert all(graphs[g] == n for g, n in partial.items())  # whole articles only
        rest = ingest([many], remote, cluster=cluster, chunk_size=3)
        assert per_graph_counts(remote) == graphs
    assert (rest.loaded + rest.skipped, rest.failed) == (36, 1)
    assert rest.skipped == len(partial)
    assert counts(rest)[3] + sum(partial.values()) == expected[3]


class Failed:
    """A finished Dask future whose task raised."""

    def __init__(self, exc: BaseException):
        self.exc = exc

    def result(self):
        raise self.exc


def test_a_chunk_that_kills_every_worker_stops_with_one_line():
    from distributed import KilledWorker

    from kg.cluster import _result
    from kg.errors import StoreError

    with pytest.raises(StoreError, match=r"^a chunk of articles stopped 4 Dask workers .*run the same command again"):
        _result(Failed(KilledWorker("process_chunk-1", "tcp://127.0.0.1:1", 3)))
    with pytest.raises(StoreError, match=r"^the Dask cluster failed: CommClosedError: in <TCP"):
        _result(Failed(distributed.comm.CommClosedError("in <TCP (closed)>: Stream is closed")))


def test_workers_get_absolute_paths_and_logs_keep_the_given_name(tmp_path, monkeypatch):
    from kg.cluster import _absolute
    from kg.ingest import Source

    monkeypatch.chdir(tmp_path)
    moved = _absolute(Source("news/a.txt", "file", "news/a.txt"))
    assert (moved.name, moved.location) == ("news/a.txt", str(tmp_path / "news" / "a.txt"))
    url = Source("http://127.0.0.1:1/a", "url", "http://127.0.0.1:1/a")
    assert _absolute(url) is url
