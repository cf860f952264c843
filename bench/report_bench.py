#!/usr/bin/env python3
"""Size and speed of ``kg report`` on many generated events (never a timed test).

    .venv/bin/python bench/report_bench.py --events 10000 [--browser]

Generates one article graph per event, shaped as kg extract writes it (a class, a country of the
gazetteer, a date that is a day, a month or a window, a count, each fact with its statement and
evidence), builds the report's rows and page, and prints the seconds and the page's size. With
``--browser`` it opens the page in headless Chromium and prints how long the page took to draw
everything, and to redraw with a class filter (the page records each redraw in ``data-update-ms``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rdflib import RDF, RDFS, XSD, Dataset, Literal  # noqa: E402

from kg.event_classes import event_classes  # noqa: E402
from kg.link.gazetteer import Gazetteer  # noqa: E402
from kg.report import render_html, report_rows  # noqa: E402
from kg.vocab import KG, KGR, OA, PROV, SCHEMA, WD, WDT  # noqa: E402


def generate(n: int, seed: int = 7) -> Dataset:
    rnd = random.Random(seed)
    classes = event_classes()
    places = [r.entity for r in Gazetteer.default().records() if r.entity.qid and r.entity.type in {"Country", "City"}]
    countries = [e for e in places if e.type == "Country"]
    cities = [e for e in places if e.type == "City"]
    start = dt.date(2020, 1, 1)
    data = Dataset(default_union=True)
    for i in range(n):
        article = KGR[f"article/{i:016x}"]
        g = data.graph(article)
        day = start + dt.timedelta(days=rnd.randrange(1460))
        g.add((article, RDF.type, KG.Article))
        g.add((article, SCHEMA.url, Literal(f"https://example.org/news/{i}")))
        g.add((article, SCHEMA.headline, Literal(f"Generated story {i}")))
        g.add((article, SCHEMA.datePublished, Literal(day + dt.timedelta(days=1), datatype=XSD.date)))
        event = KGR[f"event/{i:016x}/e-1"]
        name = rnd.choice(classes.names)
        g.add((event, RDF.type, KG[name]))
        g.add((event, PROV.wasDerivedFrom, article))
        g.add((event, RDFS.label, Literal(f"{classes[name].label} {i}", lang="en")))
        facts = []
        country = rnd.choice(countries)
        facts.append((WDT.P17, WD[country.qid], country))
        if rnd.random() < 0.4:
            city = rnd.choice(cities)
            facts.append((WDT.P276, WD[city.qid], city))
        kind = rnd.random()
        lasting = classes[name].lasting
        if kind < 0.7:
            facts.append((WDT.P580 if lasting else WDT.P585, Literal(day, datatype=XSD.date), None))
        elif kind < 0.85:
            facts.append((WDT.P580 if lasting else WDT.P585, Literal(day.strftime("%Y-%m"), datatype=XSD.gYearMonth), None))
        elif kind < 0.95:
            lo, hi = (KG.earliestStart, KG.latestStart) if lasting else (KG.earliestDate, KG.latestDate)
            facts.append((lo, Literal(day, datatype=XSD.date), None))
            facts.append((hi, Literal(day + dt.timedelta(days=6), datatype=XSD.date), None))
        if rnd.random() < 0.5:
            facts.append((rnd.choice((WDT.P1120, WDT.P1339, KG.arrestCount, WDT.P1132)), Literal(rnd.randrange(1, 5000)), None))
        sentence = f"Generated sentence number {i} about the event, long enough to look like one."
        for k, (p, o, entity) in enumerate(facts):
            g.add((event, p, o))
            if entity is not None:
                g.add((o, RDF.type, KG[entity.type]))
                g.add((o, RDFS.label, Literal(entity.label, lang="en")))
            st, ev = KGR[f"statement/{i:016x}/{k}"], KGR[f"evidence/{i:016x}/0-{len(sentence)}"]
            for t in ((st, RDF.type, RDF.Statement), (st, RDF.subject, event), (st, RDF.predicate, p),
                      (st, RDF.object, o), (st, PROV.wasDerivedFrom, article), (st, KG.evidence, ev),
                      (st, KG.rule, Literal("generated")), (ev, OA.exact, Literal(sentence)),
                      (ev, OA.start, Literal(0)), (ev, OA.end, Literal(len(sentence)))):
                g.add(t)
    return data


def browser(page: Path, fragment: str = "") -> tuple[float, str, str]:
    """(wall seconds, events shown, the page's own redraw time in ms) of one headless load."""
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("no chromium binary")
    with tempfile.TemporaryDirectory() as profile:
        t0 = time.perf_counter()
        run = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                              "--virtual-time-budget=60000", "--dump-dom", page.as_uri() + fragment],
                             capture_output=True, text=True, timeout=600, check=True)
        seconds = time.perf_counter() - t0
    body = re.search(r"<body([^>]*)>", run.stdout).group(1)

    def attr(name):
        m = re.search(name + r'="([^"]*)"', body)
        return m.group(1) if m else "?"

    return seconds, attr("data-shown"), attr("data-update-ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10000)
    ap.add_argument("--browser", action="store_true", help="also open the page in headless Chromium")
    ap.add_argument("-o", "--output", help="keep the page here")
    args = ap.parse_args()
    t0 = time.perf_counter()
    data = generate(args.events)
    t1 = time.perf_counter()
    rows = report_rows(data)
    t2 = time.perf_counter()
    page = render_html(rows, title=f"{args.events} generated events")
    t3 = time.perf_counter()
    print(f"generated {args.events} events in {t1 - t0:.1f} s; rows in {t2 - t1:.1f} s; "
          f"page in {t3 - t2:.1f} s; {len(page.encode()) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.output) if args.output else Path(tmp) / "report.html"
        out.write_text(page, encoding="utf-8")
        if args.browser:
            for label, fragment in (("all events", ""), ("one class", "#class=Arrest")):
                seconds, shown, ms = browser(out, fragment)
                print(f"chromium, {label}: {shown} events drawn; redraw {ms} ms in the page; "
                      f"{seconds:.1f} s to load, draw and dump")


if __name__ == "__main__":
    main()
