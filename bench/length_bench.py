"""Cost of extraction by article length: CPU microseconds per byte and peak memory, one fresh
process per size, so that a long article's cost shows whether any stage grows faster than the text.

Usage: python bench/length_bench.py [--sizes 10K,1M,10M] [--repeat 3]
The text of each size is synthetic articles (bench/make_articles.py) joined as paragraphs of one
article. Time is time.process_time() around kg.pipeline.extract, the median of --repeat runs (one
run above 2 MB); the first run of the 10 KB size is a warm-up and not counted. Peak RSS is the
process's (resource.getrusage) after the runs, less its RSS before the text was made.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _size(text: str) -> int:
    units = {"K": 1_000, "M": 1_000_000}
    return int(float(text[:-1]) * units[text[-1].upper()]) if text[-1].upper() in units else int(text)


def text_of(size: int) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    from make_articles import make_articles

    parts, total, n = [], 0, max(4, size // 500)
    while total < size:
        for record in make_articles(n, seed=len(parts) + 7):
            parts.append(record["text"].strip())
            total += len(parts[-1]) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def measure(size: int, repeat: int) -> dict:
    """In this process: extract a text of ``size`` characters and report the cost."""
    from kg.model import Article
    from kg.pipeline import extract

    extract(Article(text=text_of(10_000), published="2022-01-13"))  # warm-up: rules, gazetteer, compiles
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    article = Article(text=text_of(size), published="2022-01-13")
    runs = []
    for _ in range(repeat if size <= 2_000_000 else 1):
        t0 = time.process_time()
        done = extract(article)
        runs.append(time.process_time() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    nbytes = len(article.text.encode("utf-8"))
    return {"bytes": nbytes, "seconds": statistics.median(runs), "us_per_byte": statistics.median(runs) / nbytes * 1e6,
            "peak_rss_mb": peak / 1024, "rss_growth_mb": (peak - rss0) / 1024, "events": len(done.events)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10K,1M,10M")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(measure(_size(a.one), a.repeat)))
        return
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rows = []
    for size in a.sizes.split(","):
        out = subprocess.run([sys.executable, __file__, "--one", size, "--repeat", str(a.repeat)],
                             capture_output=True, text=True, env=env, check=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{r['bytes']:>11,} bytes  {r['seconds']:8.2f} s  {r['us_per_byte']:6.2f} us/byte  "
              f"peak RSS {r['peak_rss_mb']:7.1f} MB (+{r['rss_growth_mb']:.1f} MB)  {r['events']} events", flush=True)
    if len(rows) > 1:
        print(f"largest/smallest cost per byte: {rows[-1]['us_per_byte'] / rows[0]['us_per_byte']:.2f}x")


if __name__ == "__main__":
    main()
