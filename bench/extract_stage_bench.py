"""The extraction stage alone (kg.api.extract: clean, names, dates, events, merge; no RDF), warm and cold.

Usage: python bench/extract_stage_bench.py [-n 300] [--repeat 5] [--cold 5]
Warm: CPU milliseconds per article (time.process_time) over -n synthetic articles from
bench/make_articles.py in one process, after one warm-up article; median and min of --repeat
passes. Cold: --cold fresh processes, each timing kg.rules.default_rules() (imports included) and
then the first extract of examples/csto-kazakhstan.txt (the stage's imports included); medians.
Cold runs read the regex cache in the user's cache folder (kg/lazy_regex.py) as a second run would.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "csto-kazakhstan.txt"

_COLD = """
import json, time
t0 = time.process_time()
import kg.rules
kg.rules.default_rules()
t1 = time.process_time()
from kg.model import Article
from kg.pipeline import extract
extract(Article(text=open({path!r}, encoding="utf-8").read(), published="2022-01-13"))
t2 = time.process_time()
print(json.dumps({{"rules_ms": (t1 - t0) * 1000, "first_extract_ms": (t2 - t1) * 1000}}))
"""


def warm(n: int, repeat: int) -> list[float]:
    sys.path.insert(0, str(ROOT / "bench"))
    from make_articles import make_articles

    from kg import api
    from kg.model import Article

    articles = [Article(text=r["text"], title=r.get("title"), published=r.get("published"))
                for r in make_articles(n)]
    api.extract(articles[0])
    runs = []
    for _ in range(repeat):
        t0 = time.process_time()
        for article in articles:
            api.extract(article)
        runs.append((time.process_time() - t0) / len(articles) * 1000)
    return runs


def cold(times: int) -> list[dict]:
    code = _COLD.format(path=str(EXAMPLE))
    out = []
    for _ in range(times):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        out.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cold", type=int, default=5)
    a = ap.parse_args()
    if a.cold:
        runs = cold(a.cold)
        print(f"cold (CPU ms, median of {a.cold}): default_rules() "
              f"{statistics.median(r['rules_ms'] for r in runs):.0f}, first extract "
              f"{statistics.median(r['first_extract_ms'] for r in runs):.0f}")
    if a.repeat:
        runs = warm(a.n, a.repeat)
        print(f"warm extract, {a.n} articles: median {statistics.median(runs):.2f} ms/article "
              f"(min {min(runs):.2f}) over {a.repeat} passes, CPU time")


if __name__ == "__main__":
    main()
