"""Speed of `kg ingest`: N synthetic articles (bench/make_articles.py) into a fresh embedded store,
the whole read, extract, validate and load path, timed from outside as a user would run it.

Issue 5's target: 1,000 articles at 100 articles/s on 2 cores.

    .venv/bin/python bench/ingest_bench.py [-n 1000] [--workers N] [--format txt|jsonl]
                                           [--no-validate] [--profile N]

--profile N also runs N articles in this process under cProfile (one core, no pool) and prints
where the time goes, grouped by module.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_articles import make_articles, write_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"


def run_ingest(source: Path, store: Path, *args: str) -> tuple[float, str]:
    """`kg ingest SOURCE --store STORE ARGS...`: its wall clock and its summary line."""
    cmd = [str(KG), "ingest", str(source), "--store", str(store), *args]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"kg ingest {' '.join(args)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return seconds, proc.stderr.strip().splitlines()[-1]


def ingest_args(workers: int | None, validate: bool) -> list[str]:
    return (["--workers", str(workers)] if workers else []) + ([] if validate else ["--no-validate"])


def profile(n: int, validate: bool) -> None:
    from kg.api import process_article
    from kg.model import Article

    from kg.errors import ValidationFailed

    articles = [Article(text=r["text"], title=r["title"], published=r.get("published"), source=f"bench:{i}")
                for i, r in enumerate(make_articles(n, seed=11))]
    process_article(articles[0], validate=validate)  # warm caches: lexicons, gazetteer, shapes
    prof = cProfile.Profile()
    started = time.perf_counter()
    prof.enable()
    failed = 0
    for a in articles:
        try:
            process_article(a, validate=validate).serialize("nt")
        except ValidationFailed:
            failed += 1  # counted, as kg ingest would log it
    prof.disable()
    seconds = time.perf_counter() - started
    print(f"\nprofile: {n} articles in one process: {seconds / n * 1000:.1f} ms per article "
          f"({n / seconds:.1f} articles/s on one core under cProfile; {failed} failed validation)")
    stats = pstats.Stats(prof)
    by_area: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_area[_area(filename)] += tottime
    total = sum(by_area.values())
    print("self time by area:")
    for area, t in sorted(by_area.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {area:<28} {t / n * 1000:7.2f} ms/article  {t / total:6.1%}")
    print("top functions by cumulative time:")
    stats.sort_stats("cumulative").print_stats(r"kg[/\\]|pyshacl[/\\](validate|shape)\.py|rdflib[/\\]graph", 18)


def _area(filename: str) -> str:
    path = filename.replace("\\", "/")
    for marker in ("/kg/", "/pyshacl/", "/rdflib/", "/pyoxigraph", "/re/", "/owlrl/"):
        if marker in path:
            rest = path.split(marker, 1)[1]
            head = rest.split("/", 1)[0] if "/" in rest else rest
            return f"{marker.strip('/')}/{head}"
    return "other" if filename.startswith("/") else filename


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    ap.add_argument("--no-validate", action="store_true")
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    args = ap.parse_args()
    validate = not args.no_validate
    with tempfile.TemporaryDirectory(prefix="kg-ingest-bench-") as tmp:
        target = Path(tmp) / ("articles.jsonl" if args.format == "jsonl" else "articles")
        source = write_articles(target, args.n, args.format)
        store = Path(tmp) / "store"
        seconds, summary = run_ingest(source, store, *ingest_args(args.workers, validate))
        print(f"kg ingest: {args.n} articles ({args.format}), {args.workers or os.cpu_count()} workers, "
              f"validate={'on' if validate else 'off'}")
        print(f"  {summary}")
        print(f"  wall clock including start-up: {seconds:.1f} s = {args.n / seconds:.1f} articles/s "
              f"(target 100 articles/s)")
        rerun, summary = run_ingest(source, store, *ingest_args(args.workers, validate))
        print(f"  rerun (all skipped): {rerun:.1f} s; {summary}")
    if args.profile:
        profile(args.profile, validate)


if __name__ == "__main__":
    main()
