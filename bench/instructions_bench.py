"""Work per article in an ingest worker, counted in CPU instructions (valgrind's callgrind), this
build against a baseline build: a count does not move with the machine's load, as times do on
a shared 2-core machine.

    .venv/bin/python bench/instructions_bench.py [-n 40] [--baseline-python PATH] [--stage extract]

Each build runs ``kg.ingest.process_source`` (read, extract, map, validate, N-Quads) over the
same synthetic articles (bench/make_articles.py) twice under callgrind: after 5 warm-up
articles, once with no more and once with N more; the difference over N is the count per
article. The baseline (default: bench/.baseline/02cca48, built by bench/speed_bench.py) is
given as the Python of its environment. With ``--stage extract`` only ``kg.pipeline.extract`` is
counted: every article is read before the count's difference is taken, in both runs. Needs valgrind.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_articles import write_articles  # noqa: E402
from speed_bench import BASELINE, build_baseline  # noqa: E402

WARM = 5
# Run inside each build's own Python: the same steps whatever its kg version holds.
SCRIPT = """
import sys
from kg.ingest import process_source, iter_sources
sources = list(iter_sources([sys.argv[1]]))
for s in sources[:{warm} + int(sys.argv[2])]:
    process_source(s)
"""
# The extraction stage alone: all the articles are read in both runs, so reading is no part of it.
EXTRACT_SCRIPT = """
import sys
from kg.ingest import _read, iter_sources
from kg.pipeline import extract
try:
    from kg.ingest import ReadLimits
    articles = [_read(s, ReadLimits()) for s in iter_sources([sys.argv[1]])]
except ImportError:  # an older build reads without limits
    articles = [_read(s) for s in iter_sources([sys.argv[1]])]
for article in articles[:{warm} + int(sys.argv[2])]:
    extract(article)
"""
STAGES = {"worker": SCRIPT, "extract": EXTRACT_SCRIPT}


def instructions(python: Path, folder: Path, n: int, tmp: Path, stage: str = "worker") -> int:
    script = tmp / "work.py"
    script.write_text(STAGES[stage].format(warm=WARM), encoding="utf-8")
    out = tmp / "callgrind.out"
    # The same hash seed for both builds: set and dict layouts change how much work a run does.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONHASHSEED": "0"}
    subprocess.run([str(python), str(script), str(folder), str(n)], check=True, env=env, cwd=tmp,
                   capture_output=True)  # writes bytecode and caches outside the count
    proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", str(python),
                           str(script), str(folder), str(n)], capture_output=True, text=True, env=env, cwd=tmp)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or not found:
        sys.exit(f"callgrind failed ({proc.returncode}): {proc.stderr.strip()[-400:]}")
    return int(found.group(1))


def per_article(python: Path, folder: Path, n: int, tmp: Path, stage: str = "worker") -> float:
    return (instructions(python, folder, n, tmp, stage) - instructions(python, folder, 0, tmp, stage)) / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=40, help="articles counted (default 40)")
    ap.add_argument("--baseline", default=BASELINE, help=f"baseline commit (default {BASELINE})")
    ap.add_argument("--baseline-python", type=Path, help="the baseline environment's python (else built)")
    ap.add_argument("--stage", choices=sorted(STAGES), default="worker",
                    help="the whole worker (default) or kg.pipeline.extract alone")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    base_python = args.baseline_python or build_baseline(args.baseline).parent / "python"
    with tempfile.TemporaryDirectory(prefix="kg-instructions-") as name:
        tmp = Path(name)
        folder = write_articles(tmp / "articles", WARM + args.n, "txt")
        ours = per_article(Path(sys.executable), folder, args.n, tmp, args.stage)
        theirs = per_article(base_python, folder, args.n, tmp, args.stage)
    where = "in an ingest worker" if args.stage == "worker" else "in kg.pipeline.extract"
    print(f"instructions per article {where} ({args.n} articles, callgrind):")
    print(f"   baseline ({args.baseline}) {theirs / 1e6:7.1f} M")
    print(f"   this build       {ours / 1e6:7.1f} M")
    print(f"   ratio            {theirs / ours:.2f}x (issue 16 asks 3x for the whole ingest)")


if __name__ == "__main__":
    main()
