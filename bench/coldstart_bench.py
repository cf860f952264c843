"""Issue 16 point 3 alone: a cold ``kg extract`` of the bundled example against
``python -c 'import rdflib'`` in the same environment, in wall time and in CPU time.

    .venv/bin/python bench/coldstart_bench.py [-n 15] [--kg PATH ...]

bench/speed_bench.py section 2 measures wall time only; on a machine whose cores are shared, the
CPU time of the child (user + system, from getrusage of the children) is the steadier figure.
Runs are interleaved so that the machine's load falls on every command alike; each figure is the
median of ``-n`` runs. ``--kg`` adds other builds' kg executables (e.g. a main checkout's) to
compare, each against import rdflib in its own environment.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"
EXAMPLE = ROOT / "examples" / "csto-kazakhstan.json"
# As users run it: with bytecode caches (the warm-up run of each command writes them).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # From a neutral folder: started in a checkout, python would import that checkout's kg.
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tempfile.gettempdir(), env=ENV)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[-400:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=15, help="runs of each command (default 15)")
    ap.add_argument("--kg", type=Path, action="append", default=[], help="another build's kg executable")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-cold-") as name:
        out = Path(name) / "example.ttl"
        commands = {}
        for kg in (KG, *args.kg):
            commands[f"{kg} extract"] = [str(kg), "extract", str(EXAMPLE), "-o", str(out)]
            commands[f"{kg.parent / 'python'} -c 'import rdflib'"] = [str(kg.parent / "python"), "-c", "import rdflib"]
        for cmd in commands.values():  # writes the bytecode and regex caches
            timed(cmd)
        seen: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
        for _ in range(args.n):
            for label, cmd in commands.items():
                seen[label].append(timed(cmd))
    medians = {label: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for label, runs in seen.items()}
    labels = list(commands)
    print(f"median of {args.n} runs, wall / CPU (user+sys) ms:")
    for extract, rdflib in zip(labels[::2], labels[1::2]):
        (ew, ec), (rw, rc) = medians[extract], medians[rdflib]
        print(f"  {extract}\n    {ew * 1000:5.0f} / {ec * 1000:5.0f} ms = {ew / rw:.2f}x / {ec / rc:.2f}x "
              f"import rdflib ({rw * 1000:.0f} / {rc * 1000:.0f} ms) (target <= 2)")


if __name__ == "__main__":
    main()
