"""Speed of `kg ingest --cluster` (Dask) against the process pool, on the same generated articles
(bench/make_articles.py), each run into a fresh embedded store and timed from outside.

    .venv/bin/python bench/cluster_bench.py [-n 600] [--chunk-size 100] [--repeat 1]
                                            [--chunk-sweep 1,10,100] [--tasks 400] [--stores]

Parts:
1. articles per second: `kg ingest --workers 1|2` (process pool) and `--cluster local:1|local:2`;
   the wall clock includes start-up (imports, worker processes, for Dask a LocalCluster);
2. --chunk-sweep: `--cluster local:2` with several chunk sizes (too small a chunk pays the
   scheduler per article);
3. scheduling overhead per chunk: --tasks empty chunks (process_chunk of no article) through a
   LocalCluster of 2 workers, one at a time (round trip) and with kg's in-flight window;
4. --stores: the write side for the 10-million-article plan, with the N-Quads of the same
   articles: the embedded store written by the client in kg's batches, Graph Store Protocol PUTs
   (one per article) to `oxigraph serve` from 1 and 2 writers, and `oxigraph load` (the bulk
   loader) of one N-Quads file of the same graphs.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_bench import run_ingest  # noqa: E402
from make_articles import write_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def ingest_rates(source: Path, tmp: Path, n: int, chunk: int, repeat: int) -> None:
    print(f"1. kg ingest of {n} generated articles, embedded store, validation on "
          f"(wall clock including start-up; {repeat} round(s), runs interleaved so that a busy "
          f"moment of a shared machine does not fall on one kind only):")
    runs = [("process pool, 1 worker", ["--workers", "1"]),
            ("process pool, 2 workers", ["--workers", "2"]),
            (f"dask local:1, chunk {chunk}", ["--cluster", "local:1", "--chunk-size", str(chunk)]),
            (f"dask local:2, chunk {chunk}", ["--cluster", "local:2", "--chunk-size", str(chunk)])]
    best: dict[str, float] = {}
    for r in range(repeat):
        for i, (label, args) in enumerate(runs):
            seconds, summary = run_ingest(source, tmp / f"store-{r}-{i}", *args)
            best[label] = max(best.get(label, 0.0), n / seconds)
            print(f"  {label:<28} {n / seconds:6.1f} articles/s ({seconds:5.1f} s)   {summary}")
    if repeat > 1:
        print("  best of the rounds: " + "; ".join(f"{label} {rate:.1f}" for label, rate in best.items()))


def chunk_sweep(source: Path, tmp: Path, n: int, sizes: list[int]) -> None:
    print(f"2. dask local:2 by chunk size ({n} articles):")
    for size in sizes:
        seconds, summary = run_ingest(source, tmp / f"sweep-{size}", "--cluster", "local:2",
                                      "--chunk-size", str(size))
        print(f"  chunk {size:<5} {n / seconds:6.1f} articles/s ({seconds:5.1f} s)   {summary}")


def scheduling_overhead(tasks: int) -> None:
    from distributed import Client, LocalCluster, as_completed

    from kg.cluster import CHUNKS_PER_THREAD, process_chunk

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=40) as cluster, Client(cluster) as client:
        [known] = client.scatter([frozenset()], broadcast=True, hash=False)
        client.submit(process_chunk, [], known, True, False, None, pure=False).result()  # warm

        started = time.perf_counter()
        for _ in range(tasks):
            client.submit(process_chunk, [], known, True, False, None, pure=False).result()
        one = (time.perf_counter() - started) / tasks

        window = CHUNKS_PER_THREAD * sum(client.nthreads().values())
        started = time.perf_counter()
        running, submitted = as_completed(), 0
        while submitted < min(window, tasks):
            running.add(client.submit(process_chunk, [], known, True, False, None, pure=False))
            submitted += 1
        for future in running:
            future.result()
            if submitted < tasks:
                running.add(client.submit(process_chunk, [], known, True, False, None, pure=False))
                submitted += 1
        windowed = (time.perf_counter() - started) / tasks
    print(f"3. scheduling overhead per chunk ({tasks} empty chunks, LocalCluster of 2 workers):")
    print(f"  one at a time (submit, run, result): {one * 1000:.1f} ms per chunk")
    print(f"  kg's window of {window} in flight:   {windowed * 1000:.1f} ms per chunk "
          f"({1 / windowed:.0f} chunks/s through one client)")


def store_rates(source: Path, tmp: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    import servers

    from kg.ingest import _Loader, iter_sources, process_source, write_graphs
    from kg.store.embedded import EmbeddedStore
    from kg.store.remote import RemoteStore

    graphs = [(o.graph_iri, o.data) for o in map(process_source, iter_sources([source]))
              if o.status == "extracted"]
    quads = sum(data.count("\n") for _, data in graphs)
    size = sum(len(data.encode("utf-8")) for _, data in graphs)
    print(f"4. writing the same {len(graphs)} article graphs ({quads} quads, "
          f"{quads / len(graphs):.0f} per article, {size / len(graphs) / 1000:.0f} kB of N-Quads per article):")

    started = time.perf_counter()
    with EmbeddedStore(tmp / "embedded") as store:
        for i in range(0, len(graphs), _Loader.BATCH):
            write_graphs(store, graphs[i:i + _Loader.BATCH])
    _rate("embedded store, client in batches of 200", len(graphs), quads, time.perf_counter() - started)

    if servers.oxigraph_missing():
        print(f"  (no PUT or bulk figures: {servers.oxigraph_missing()})")
        return
    for writers in (1, 2):
        server = servers.start_oxigraph(tmp / f"oxigraph-{writers}")
        try:
            stores = [RemoteStore(server.gsp) for _ in range(writers)]
            parts = [graphs[i::writers] for i in range(writers)]
            started = time.perf_counter()
            with ThreadPoolExecutor(writers) as pool:
                list(pool.map(lambda sp: [write_graphs(sp[0], [g]) for g in sp[1]], zip(stores, parts)))
            _rate(f"oxigraph serve, GSP PUT per article, {writers} writer(s)", len(graphs), quads,
                  time.perf_counter() - started)
            for s in stores:
                s.close()
        finally:
            server.stop()

    nq = tmp / "all.nq"
    nq.write_text("".join(data for _, data in graphs), encoding="utf-8")
    binary = servers.oxigraph_binary()
    started = time.perf_counter()
    subprocess.run([binary, "load", "--location", str(tmp / "bulk"), "--file", str(nq)],
                   check=True, capture_output=True)
    _rate("oxigraph load (bulk) of one N-Quads file", len(graphs), quads, time.perf_counter() - started)


def _rate(label: str, articles: int, quads: int, seconds: float) -> None:
    print(f"  {label:<52} {articles / seconds:7.0f} articles/s  {quads / seconds:9.0f} quads/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=600)
    ap.add_argument("--chunk-size", type=int, default=100)
    ap.add_argument("--chunk-sweep", default="", help="comma-separated chunk sizes, e.g. 1,10,100")
    ap.add_argument("--tasks", type=int, default=400, help="empty chunks for the overhead figure")
    ap.add_argument("--stores", action="store_true", help="also the store write rates")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of part 1")
    ap.add_argument("--skip-ingest", action="store_true")
    args = ap.parse_args()
    print(f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="kg-cluster-bench-") as name:
        tmp = Path(name)
        source = write_articles(tmp / "articles", args.n, "txt")
        if not args.skip_ingest:
            ingest_rates(source, tmp, args.n, args.chunk_size, args.repeat)
        if args.chunk_sweep:
            chunk_sweep(source, tmp, args.n, [int(x) for x in args.chunk_sweep.split(",")])
        if args.tasks:
            scheduling_overhead(args.tasks)
        if args.stores:
            store_rates(source, tmp)


if __name__ == "__main__":
    main()
