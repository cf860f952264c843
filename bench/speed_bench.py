"""Issue 16, side by side in one run: this build against a baseline build (default commit 02cca48).

    .venv/bin/python bench/speed_bench.py [-n 1000] [--baseline-kg PATH] [--repeat 2] [--skip ...]

Measures, each for both builds on the same inputs, runs interleaved so that the machine's load
falls on both alike:

1. per article: ``kg ingest`` of the same N synthetic articles (bench/make_articles.py) with
   ``--workers 1`` into a new store, validation on (target: this build 3x faster);
2. start-up: a cold ``kg extract`` of the bundled example against ``python -c 'import rdflib'``
   in the same environment (target: at most 2x);
3. scale: ``kg ingest --workers 2`` against ``--workers 1`` (target: at least 1.85x).

``kg load`` against ``oxigraph load`` is bench/load_bench.py; cost per byte by article length is
bench/length_bench.py.

Without ``--baseline-kg``, the baseline is built once into ``bench/.baseline/`` (``git archive``
of the commit and a virtual environment with its dependencies; it needs the package index).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_articles import write_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"
BASELINE = "02cca48"
EXAMPLE = ROOT / "examples" / "csto-kazakhstan.json"
# As users run it: with bytecode caches (an environment that forbids writing them would make
# every start recompile each module; the first run of each command below writes them).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def build_baseline(commit: str) -> Path:
    """The kg executable of ``commit``, built once into bench/.baseline/COMMIT."""
    home = ROOT / "bench" / ".baseline" / commit
    kg = home / ".venv" / "bin" / "kg"
    if kg.exists():
        return kg
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(home)], input=archive.stdout, check=True)
    subprocess.run([sys.executable, "-m", "venv", str(home / ".venv")], check=True)
    subprocess.run([str(home / ".venv" / "bin" / "pip"), "install", "--quiet", str(home)], check=True)
    return kg


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    # From a neutral folder: a worker process started in a checkout would import its kg package.
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tempfile.gettempdir(), env=ENV)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[-400:]}")
    return seconds


def ingest(kg: Path, source: Path, workers: int, tmp: Path) -> float:
    store = Path(tempfile.mkdtemp(dir=tmp, prefix="store-"))
    shutil.rmtree(store)
    try:
        return timed([str(kg), "ingest", str(source), "--store", str(store), "--workers", str(workers)])
    finally:
        shutil.rmtree(store, ignore_errors=True)


def cold_extract(kg: Path, tmp: Path) -> float:
    return timed([str(kg), "extract", str(EXAMPLE), "-o", str(tmp / "example.ttl")])


def import_rdflib(kg: Path) -> float:
    return timed([str(kg.parent / "python"), "-c", "import rdflib"])


def median_of(runs: int, *measures) -> list[float]:
    """Each measure run ``runs`` times, interleaved; the median of each."""
    seen: list[list[float]] = [[] for _ in measures]
    for _ in range(runs):
        for i, measure in enumerate(measures):
            seen[i].append(measure())
    return [statistics.median(s) for s in seen]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="articles to ingest (default 1000)")
    ap.add_argument("--baseline", default=BASELINE, help=f"baseline commit (default {BASELINE})")
    ap.add_argument("--baseline-kg", type=Path, help="the baseline's kg executable (else built)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each ingest (default 2)")
    ap.add_argument("--skip", nargs="*", default=[], choices=["ingest", "startup", "scale"])
    args = ap.parse_args()
    base_kg = args.baseline_kg or build_baseline(args.baseline)
    print(f"this build: {KG}\nbaseline ({args.baseline}): {base_kg}")
    with tempfile.TemporaryDirectory(prefix="kg-speed-") as name:
        tmp = Path(name)
        source = write_articles(tmp / "articles", args.n, "txt")
        if "ingest" not in args.skip:
            ours, theirs = median_of(args.repeat, lambda: ingest(KG, source, 1, tmp),
                                     lambda: ingest(base_kg, source, 1, tmp))
            print(f"\n1. kg ingest, {args.n} articles, --workers 1, validation on (median of {args.repeat}):")
            print(f"   baseline {theirs:6.2f} s ({args.n / theirs:5.1f} articles/s)")
            print(f"   this     {ours:6.2f} s ({args.n / ours:5.1f} articles/s)")
            print(f"   speed-up {theirs / ours:.2f}x (target >= 3)")
        if "startup" not in args.skip:
            for kg in (KG, base_kg):  # writes the bytecode caches
                cold_extract(kg, tmp)
            runs = 9
            ours, rdflib_ours, theirs, rdflib_theirs = median_of(
                runs, lambda: cold_extract(KG, tmp), lambda: import_rdflib(KG),
                lambda: cold_extract(base_kg, tmp), lambda: import_rdflib(base_kg))
            print(f"\n2. cold kg extract of {EXAMPLE.name} (median of {runs}):")
            print(f"   baseline {theirs * 1000:5.0f} ms = {theirs / rdflib_theirs:.2f}x import rdflib "
                  f"({rdflib_theirs * 1000:.0f} ms)")
            print(f"   this     {ours * 1000:5.0f} ms = {ours / rdflib_ours:.2f}x import rdflib "
                  f"({rdflib_ours * 1000:.0f} ms) (target <= 2)")
        if "scale" not in args.skip:
            one, two = median_of(args.repeat, lambda: ingest(KG, source, 1, tmp),
                                 lambda: ingest(KG, source, 2, tmp))
            print(f"\n3. kg ingest, {args.n} articles, this build (median of {args.repeat}):")
            print(f"   --workers 1 {one:6.2f} s, --workers 2 {two:6.2f} s: {one / two:.2f}x (target >= 1.85)")


if __name__ == "__main__":
    main()
