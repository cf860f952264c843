"""The report's rows: what the page shows, read from a graph into frozen dataclasses.

Resolved events (``kg:ResolvedEvent``, written by ``kg resolve``) are shown when the graph has
them, the article events otherwise. Each event row carries what the page draws without asking the
graph again: its class, its period and how precise it is, its counts, its countries and places
(with coordinates where the gazetteer has them), every fact with who claimed it and the verbatim
words it was read from, and the disputes between its sources (``kg:Conflict``).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from kg.event_classes import event_classes
from kg.resolve import Dispute, disputes_in
from kg.validate import date_bounds
from kg.vocab import ENTITY_CLASS, KG, OA, PROPERTY, PROV, RESOLVED_EVENT, SCHEMA, WD

# A fact property's IRI -> the name the page shows (the names of kg.vocab.PROPERTY).
FACT_NAMES: dict[URIRef, str] = {iri: name for name, iri in PROPERTY.items()}
# The counts a timeline bar is labelled with, in this order.
COUNTS = ("troops", "deaths", "injured", "arrests")
# One end of an event: its exact value, then the window that bounds it when the day is not known.
_ENDS = {"start": ("start", "earliestStart", "latestStart"),
         "end": ("end", "earliestEnd", "latestEnd"),
         "date": ("date", "earliestDate", "latestDate")}
_PRECISION = {XSD.date: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}
_TYPE_OF = {cls: name for name, cls in ENTITY_CLASS.items()}


@dataclass(frozen=True)
class Period:
    """When an event happened, as the page draws it: from ``first`` to ``last`` (ISO days).

    ``precision`` says what the text gave: "day", "month" or "year" (a month is drawn as the whole
    month), "window" (a date known only between two days), or "span" (a start and an end)."""

    first: str
    last: str
    precision: str
    text: str


@dataclass(frozen=True)
class Place:
    """A country or place of an event. A country's coordinates are those of a point inside it
    (see :func:`gazetteer_coords`), by which the page finds its shape on the base map."""

    iri: str
    label: str
    type: str  # Country, City, Place (kg.vocab.ENTITY_CLASS)
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Evidence:
    """One statement of a fact: who claimed it, in which article, in which words."""

    claimant: str | None  # an entity's label or a literal; None: the article itself
    article: str  # the article's IRI
    quote: str | None
    start: int | None
    end: int | None
    rule: str | None


@dataclass(frozen=True)
class FactRow:
    property: str  # participant, country, start, deaths, ... (kg.vocab.PROPERTY)
    value: str  # a label, a date or a figure
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ArticleRow:
    iri: str
    url: str | None
    title: str | None
    published: str | None


@dataclass(frozen=True)
class EventRow:
    iri: str
    cls: str  # the event class's name (kg/data/event_classes.tsv)
    label: str
    when: Period | None
    counts: tuple[tuple[str, str], ...]  # (count name, figure); figures in dispute joined by "/"
    countries: tuple[Place, ...]
    places: tuple[Place, ...]
    facts: tuple[FactRow, ...]
    articles: tuple[str, ...]  # article IRIs
    disputes: tuple[Dispute, ...]


@dataclass(frozen=True)
class ReportData:
    events: tuple[EventRow, ...]
    articles: tuple[ArticleRow, ...]
    resolved: bool  # the events are resolved events (else article events)
    notes: tuple[str, ...]  # what the page should say about gaps in the data


def report_rows(data: Graph, coords: Callable[[str], tuple[float, float] | None] | None = None) -> ReportData:
    """The report of ``data`` (article graphs, with or without the resolved graph of ``kg resolve``).

    ``coords`` maps a QID to (lat, lon) or None (default: the packaged gazetteer, see
    :func:`gazetteer_coords`)."""
    if isinstance(data, Dataset):
        data.default_union = True
    coords = coords if coords is not None else gazetteer_coords()
    resolved = set(data.subjects(RDF.type, RESOLVED_EVENT))
    classes = event_classes()
    typed: dict[URIRef, list[str]] = {}
    for name in classes.names:
        for e in data.subjects(RDF.type, KG[name]):
            if (e in resolved) == bool(resolved):
                typed.setdefault(e, []).append(name)
    # A coup is typed Attack and Coup: it is drawn once, as the finer class.
    nodes = sorted(((e, classes.most_specific(names)) for e, names in typed.items()), key=lambda x: str(x[0]))
    statements = _statements_by_subject(data)
    conflicts = {d.event: d.disputes for d in disputes_in(data, data)} if resolved else {}
    places: dict[URIRef, Place] = {}
    events = []
    quoted: dict[URIRef, tuple] = {}  # evidence node -> (exact, start, end)
    for e, name in nodes:
        # One look-up per event and per statement: rdflib answers each one slowly, and a large
        # store has tens of thousands of events.
        own = defaultdict(set)
        for p, o in data.predicate_objects(e):
            own[p].add(o)
        accounts = sorted(own[KG.account], key=str) if resolved else [e]
        facts, values = [], defaultdict(list)
        for p, fact in FACT_NAMES.items():
            for o in sorted(own.get(p, ()), key=_order):
                values[fact].append(o)
                claims = tuple(_evidence(data, st, props, quoted) for a in accounts
                               for st, props in statements.get(a, {}).get((p, o), ()))
                facts.append(FactRow(fact, _show(data, o), tuple(sorted(claims, key=_claim_order))))
        countries = tuple(_place(data, o, places, coords) for o in values["country"] if isinstance(o, URIRef))
        located = tuple(_place(data, o, places, coords) for o in values["location"] if isinstance(o, URIRef))
        counts = tuple((c, "/".join(str(v) for v in values[c])) for c in COUNTS if values[c])
        label = str(min(own[RDFS.label], key=str, default=None) or classes[name].label)
        articles = tuple(sorted({str(a) for a in own[PROV.wasDerivedFrom]}))
        events.append(EventRow(str(e), name, label, period(values), counts, countries, located,
                               tuple(facts), articles, conflicts.get(str(e), ())))
    used = {a for ev in events for a in ev.articles}
    articles = tuple(_article(data, URIRef(a)) for a in sorted(used))
    return ReportData(tuple(events), articles, bool(resolved), _notes(events))


def _notes(events: list[EventRow]) -> tuple[str, ...]:
    if not events:
        return ("The graph has no events: nothing to draw.",)
    notes = []
    undated = sum(1 for e in events if e.when is None)
    unplaced = sum(1 for e in events if not e.countries and not e.places)
    unmapped = sum(1 for e in events if (e.countries or e.places)
                   and all(p.lat is None for p in e.countries + e.places))
    if undated:
        notes.append(f"{undated} of {len(events)} events have no date: they are in the table, not on the timeline.")
    if unplaced:
        notes.append(f"{unplaced} of {len(events)} events have no place: they are in the table, not on the map.")
    if unmapped:
        notes.append(f"{unmapped} events are in places with no known coordinates: the map shows them by country name only.")
    return tuple(notes)


def period(values: dict[str, list]) -> Period | None:
    """An event's period from its date facts (lists of literals by fact name): the narrowest
    reading of each end, a start and an end together as a span."""
    ends = {end: _narrowest(values, *props) for end, props in _ENDS.items()}
    start, end = ends["start"] or ends["date"], ends["end"]
    if start and end and end[1] >= start[0]:
        first, last = start[0], end[1]
        return Period(first.isoformat(), last.isoformat(), "span", f"{start[3]} to {end[3]}")
    one = start or end
    if one is None:
        return None
    text = one[3] if start else f"ended {one[3]}"
    return Period(one[0].isoformat(), one[1].isoformat(), one[2], text)


def _narrowest(values: dict[str, list], exact: str, low: str, high: str):
    """(first day, last day, precision, text) of the narrowest reading of one end, or None."""
    found = []
    for v in values.get(exact, ()):
        if b := date_bounds(v):
            found.append((b[0], b[1], _PRECISION.get(v.datatype, "day"), str(v)))
    lows = [b[0] for v in values.get(low, ()) if (b := date_bounds(v))]
    highs = [b[1] for v in values.get(high, ()) if (b := date_bounds(v))]
    if lows and highs and min(lows) <= max(highs):
        first, last = min(lows), max(highs)
        found.append((first, last, "window", f"between {first} and {last}"))
    return min(found, key=lambda f: (f[1] - f[0], f[0])) if found else None


def _statements_by_subject(data: Graph) -> dict[URIRef, dict[tuple, list[tuple[URIRef, dict]]]]:
    """Every rdf:Statement with its properties, by its subject and (predicate, object)."""
    out: dict[URIRef, dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
    for st in data.subjects(RDF.type, RDF.Statement):
        props = dict(data.predicate_objects(st))
        s, p, o = props.get(RDF.subject), props.get(RDF.predicate), props.get(RDF.object)
        if s is not None and p is not None and o is not None:
            out[s][p, o].append((st, props))
    return out


def _evidence(data: Graph, st: URIRef, props: dict, seen: dict) -> Evidence:
    """A statement's claim: its claimant, article, rule and quoted words (each evidence node,
    which several statements of one sentence share, read once)."""
    claimant = props.get(KG.claimedBy)
    if isinstance(claimant, URIRef):
        claimant = data.value(claimant, RDFS.label) or claimant
    ev = props.get(KG.evidence)
    if ev is not None and ev not in seen:
        quoted = dict(data.predicate_objects(ev))
        seen[ev] = tuple(quoted.get(p) for p in (OA.exact, OA.start, OA.end))
    quote, start, end = seen.get(ev, (None, None, None))
    rule = props.get(KG.rule)
    return Evidence(str(claimant) if claimant is not None else None,
                    str(props.get(PROV.wasDerivedFrom) or ""),
                    str(quote) if quote is not None else None, _int(start), _int(end),
                    str(rule) if rule is not None else None)


def _int(v) -> int | None:
    return int(v) if isinstance(v, Literal) and str(v).isdigit() else None


def _claim_order(c: Evidence):
    return (c.article, c.start if c.start is not None else -1, c.claimant or "", c.quote or "")


def _order(o):
    return (isinstance(o, Literal), str(o))


def _show(data: Graph, o) -> str:
    if isinstance(o, URIRef):
        label = data.value(o, RDFS.label)
        return str(label) if label is not None else _short(o)
    return str(o)


def _short(iri: URIRef) -> str:
    return "wd:" + str(iri)[len(str(WD)):] if str(iri).startswith(str(WD)) else str(iri)


def _place(data: Graph, o: URIRef, cache: dict[URIRef, Place], coords) -> Place:
    if o not in cache:
        kind = next((_TYPE_OF[t] for t in data.objects(o, RDF.type) if t in _TYPE_OF), "Place")
        qid = str(o)[len(str(WD)):] if str(o).startswith(str(WD)) else None
        point = coords(qid) if qid else None
        cache[o] = Place(str(o), _show(data, o), kind, *(point or (None, None)))
    return cache[o]


def _article(data: Graph, a: URIRef) -> ArticleRow:
    def text(p):
        v = data.value(a, p)
        return str(v) if v is not None else None

    return ArticleRow(str(a), text(SCHEMA.url), text(SCHEMA.headline), text(SCHEMA.datePublished))


def gazetteer_coords() -> Callable[[str], tuple[float, float] | None]:
    """QID -> (lat, lon) from the packaged gazetteer (gazetteer-coords.tsv, gazetteer-world.tsv;
    Natural Earth and the countries-states-cities database agreeing on each): a place's own
    coordinates; a country's are those of its first listed place that has some (the curated
    capitals come first), a point inside it by which the page finds its shape."""
    from kg.link.gazetteer import Gazetteer

    table: dict[str, tuple[float, float]] = {}
    inside: dict[str, tuple[float, float]] = {}
    for rec in Gazetteer.default().records():
        if rec.coords is None:
            continue
        if rec.entity.qid:
            table.setdefault(rec.entity.qid, rec.coords)
        if rec.country_qid and rec.entity.type != "Country":
            inside.setdefault(rec.country_qid, rec.coords)
    for qid, point in inside.items():
        table.setdefault(qid, point)
    return table.get
