"""The report page: the rows of kg.report.data as JSON in one self-contained HTML page.

The page is the Jinja2 template ``templates/report.html.j2`` with everything it needs inline: the
vendored d3 and topojson-client builds and the world-atlas base map (``static/``, see its
SOURCES.md for versions and licences), our own ``report.js``/``report.css``, and the data. It opens
from disk with no network. The same rows always give the same bytes (no timestamp).
"""
from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from rdflib import URIRef

from kg.report.data import FACT_NAMES, ReportData

HERE = Path(__file__).parent
STATIC = HERE / "static"
VENDORED = ("d3.min.js", "topojson-client.min.js")
BASE_MAP = "countries-110m.json"


def payload(report: ReportData, title: str) -> dict:
    """The JSON the page reads: places, articles and quotes listed once and referred to by index
    (a sentence often backs several facts; 10,000 events stay a few megabytes)."""
    from kg.event_classes import event_classes

    places: dict[str, int] = {}
    place_rows: list[dict] = []
    quotes: dict[str, int] = {}
    articles = {a.iri: i for i, a in enumerate(report.articles)}

    def place(p) -> int:
        if p.iri not in places:
            places[p.iri] = len(place_rows)
            place_rows.append(asdict(p))
        return places[p.iri]

    def quote(q: str | None) -> int | None:
        if q is None:
            return None
        return quotes.setdefault(q, len(quotes))

    events = []
    for e in report.events:
        events.append({
            "id": e.iri, "cls": e.cls, "label": e.label,
            "when": asdict(e.when) if e.when else None,
            "counts": [list(c) for c in e.counts],
            "countries": [place(p) for p in e.countries],
            "places": [place(p) for p in e.places],
            "facts": [[f.property, f.value,
                       [[c.claimant, articles.get(c.article), quote(c.quote), c.start, c.end, c.rule]
                        for c in f.evidence]] for f in e.facts],
            "articles": [articles[a] for a in e.articles if a in articles],
            "disputes": [{"property": FACT_NAMES.get(URIRef(d.property), d.property), "kind": d.kind,
                          "claims": [asdict(c) for c in d.claims]} for d in e.disputes],
        })
    return {
        "title": title,
        "resolved": report.resolved,
        "notes": list(report.notes),
        "classes": [{"name": c.name, "label": c.label} for c in event_classes()],
        "articles": [asdict(a) for a in report.articles],
        "places": place_rows,
        "quotes": list(quotes),
        "events": events,
    }


def render_html(report: ReportData, title: str = "kg-loader report") -> str:
    """The whole page as one string."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                             autoescape=jinja2.select_autoescape(["html", "j2"]),
                             keep_trailing_newline=True)
    assets = _assets()
    return env.get_template("report.html.j2").render(
        title=title,
        css=Markup(assets["report.css"]),
        scripts=[Markup(assets[name]) for name in (*VENDORED, "report.js")],
        world=Markup(assets[BASE_MAP]),
        data=Markup(_script_json(payload(report, title))),
    )


def _script_json(value) -> str:
    """JSON that is safe inside a <script> element: no '<' can close it or open a comment."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    out = {}
    for name in (*VENDORED, "report.js", "report.css", BASE_MAP):
        text = (STATIC / name).read_text(encoding="utf-8")
        # Inlined code must not end its own <script>/<style> element early.
        if "</script" in text.lower() or "</style" in text.lower():
            raise RuntimeError(f"{name} cannot be inlined: it contains a closing tag")
        out[name] = text
    return out
