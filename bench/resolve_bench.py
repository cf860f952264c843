#!/usr/bin/env python3
"""Time and memory of kg resolve's clustering and graph over many generated article events (never a timed test).

    .venv/bin/python bench/resolve_bench.py --events 10000

Each generated article graph holds one event of a random class in one of 60 countries on a random
day of two years, with a publication date a day later, shaped as kg extract writes it; the script
resolves them all in one process and prints seconds, accounts per second and peak memory.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rdflib import RDF, RDFS, XSD, Dataset, Literal  # noqa: E402

from kg.event_classes import event_classes  # noqa: E402
from kg.resolve import resolve_dataset  # noqa: E402
from kg.vocab import KG, KGR, PROV, SCHEMA, WD, WDT  # noqa: E402


def generate(n: int, seed: int = 7) -> Dataset:
    rnd = random.Random(seed)
    names = event_classes().names
    countries = [WD[f"Q{q}"] for q in range(100, 160)]
    start = dt.date(2022, 1, 1)
    data = Dataset(default_union=True)
    for i in range(n):
        article = KGR[f"article/{i:016x}"]
        g = data.graph(article)
        day = start + dt.timedelta(days=rnd.randrange(730))
        g.add((article, RDF.type, KG.Article))
        g.add((article, SCHEMA.datePublished, Literal(day + dt.timedelta(days=1), datatype=XSD.date)))
        event = KGR[f"event/{i:016x}/e-1"]
        name = rnd.choice(names)
        g.add((event, RDF.type, KG[name]))
        g.add((event, PROV.wasDerivedFrom, article))
        g.add((event, WDT.P17, rnd.choice(countries)))
        prop = WDT.P580 if event_classes()[name].lasting else WDT.P585
        g.add((event, prop, Literal(day, datatype=XSD.date)))
        g.add((event, RDFS.label, Literal(f"{name} {i}", lang="en")))
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10000)
    # The generated events carry no statements or evidence, so the SHACL check (which kg resolve
    # runs over the article graphs too) would only report their absence: it is left out here.
    ap.add_argument("--validate", action="store_true", help="also run the SHACL check (fails on generated events)")
    args = ap.parse_args()
    data = generate(args.events)
    t0 = time.perf_counter()
    result = resolve_dataset(data, validate=args.validate)
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(result.accounts)} accounts -> {len(result.clusters)} resolved events in {seconds:.1f} s "
          f"({len(result.accounts) / seconds:.0f} accounts/s); peak memory {peak_mb:.0f} MB"
          f"{', validation included' if args.validate else ', clustering and graph only'}")


if __name__ == "__main__":
    main()
