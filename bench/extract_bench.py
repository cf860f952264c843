"""Articles per second of extraction (read, extract, map, validate, serialize) in one process.

Usage: python bench/extract_bench.py [CORPUS_DIR ...] [--repeat N]
Default corpus: ../shared/corpus/dev and ../shared/corpus/seed (third-party texts read in place),
else the project's own examples/.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from kg import api

ROOT = Path(__file__).resolve().parents[1]


def articles(dirs: list[Path]) -> list[Path]:
    out = []
    for d in dirs:
        out += sorted(p for p in d.glob("*.json") if not p.name.endswith(".gold.json"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-validate", action="store_true")
    a = ap.parse_args()
    dirs = a.dirs or [d for d in (ROOT.parent / "shared/corpus/dev", ROOT.parent / "shared/corpus/seed")
                      if d.is_dir()] or [ROOT / "examples"]
    paths = articles(dirs)
    loaded = [api.read(str(p)) for p in paths]
    t0 = time.perf_counter()
    api.process_article(loaded[0], validate=not a.no_validate)  # warm-up: imports, shapes, gazetteer
    print(f"first article (imports, shapes, gazetteer): {time.perf_counter() - t0:.3f} s")
    rates = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        triples = 0
        for art in loaded:
            done = api.process_article(art, validate=not a.no_validate)
            triples += len(done.graph)
            done.serialize("turtle")
        dt = time.perf_counter() - t0
        rates.append(len(loaded) / dt)
    print(f"{len(loaded)} articles, {triples} triples per pass, validate={not a.no_validate}")
    print(f"articles/s: median {statistics.median(rates):.1f} (min {min(rates):.1f}, max {max(rates):.1f}) over {a.repeat} passes")


if __name__ == "__main__":
    main()
