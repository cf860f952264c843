"""One node per real-world event across articles: ``kg resolve`` (MODEL.md, "Across articles").

Reads the article events of many graphs, groups the accounts of one real-world event, and writes
the resolved graph: each ``kg:ResolvedEvent`` names its accounts (``kg:account``), states every
fact they give, and a ``kg:Conflict`` for each property on which they disagree.

Accounts are merged when they are the same class, their countries meet (either may name none),
the people arrested or resigning meet (for classes told apart by person), and their periods lie
within a tolerance of each other: the event's own date or window when it has one, else the days
before the article's publication. Candidates are blocked by class and compared in date order, so
resolving N articles never compares all pairs.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from kg.event_classes import event_classes
from kg.validate import date_bounds
from kg.vocab import KG, KGR, PROV, RESOLVED_EVENT, RESOLVED_GRAPH, SCHEMA, WDT

# The facts a resolved event restates from its accounts.
FACTS = (WDT.P710, WDT.P276, WDT.P17, WDT.P580, WDT.P582, WDT.P585, WDT.P1132, WDT.P1120, WDT.P1339,
         KG.arrestCount, KG.plannedDuration, KG.requestedBy, KG.earliestStart, KG.latestStart,
         KG.earliestEnd, KG.latestEnd, KG.earliestDate, KG.latestDate)
# Properties with one true value per event: distinct values from the accounts are a conflict.
SINGLE_VALUED = (WDT.P580, WDT.P582, WDT.P585, WDT.P1132, WDT.P1120, WDT.P1339, KG.arrestCount,
                 KG.plannedDuration)
# How far apart the periods of two accounts of one event may lie, by timing.
TOLERANCE = {"instant": dt.timedelta(days=2), "lasting": dt.timedelta(days=7)}
# An undated account is about the days before its article was published.
UNDATED_SPAN = dt.timedelta(days=7)
# A lasting event known by one end only is taken to run this long from it.
OPEN_END = dt.timedelta(days=14)
# The farthest two accounts of one event can be apart, and the longest period indexed by week.
SLACK = TOLERANCE["lasting"] + UNDATED_SPAN
MAX_WEEKS = 600


@dataclass(frozen=True)
class Account:
    """One article's event: what resolution compares."""

    iri: URIRef
    type: str
    article: URIRef
    countries: frozenset[URIRef]
    persons: frozenset[URIRef]
    first: dt.date | None  # the days it may have lasted over (one day for an instant event)
    last: dt.date | None
    dated: bool  # the period comes from the text, not from the publication date


@dataclass(frozen=True)
class Resolution:
    accounts: tuple[Account, ...]
    clusters: tuple[tuple[Account, ...], ...]
    graph: Graph


def read_accounts(data: Dataset) -> list[Account]:
    """Every article event of ``data`` (any graph), in IRI order."""
    classes = event_classes()
    accounts = []
    seen: set[URIRef] = set()
    # Finer classes first: a coup, typed Attack and Coup, is read as the Coup it is.
    for name in sorted(classes.names, key=lambda n: classes[n].within is None):
        for e in data.subjects(RDF.type, KG[name]):
            if e in seen or (e, RDF.type, RESOLVED_EVENT) in data:
                continue
            seen.add(e)
            article = data.value(e, PROV.wasDerivedFrom)
            if article is None:
                continue
            countries = frozenset(data.objects(e, WDT.P17))
            persons = frozenset(p for p in data.objects(e, WDT.P710) if (p, RDF.type, KG.Person) in data)
            start = _narrowest(data, e, (WDT.P580, WDT.P585), (KG.earliestStart, KG.latestStart),
                               (KG.earliestDate, KG.latestDate))
            end = _narrowest(data, e, (WDT.P582,), (KG.earliestEnd, KG.latestEnd))
            dated = bool(start or end)
            if start and end and end[1] >= start[0]:
                first, last = start[0], end[1]
            elif start:
                first, last = start[0], start[1] + (OPEN_END if classes[name].lasting else dt.timedelta(0))
            elif end:
                first, last = end[0] - OPEN_END, end[1]
            else:
                published = [p for v in data.objects(article, SCHEMA.datePublished) if (p := date_bounds(v))]
                first, last = (published[0][1] - UNDATED_SPAN, published[0][1]) if published else (None, None)
            accounts.append(Account(e, name, article, countries, persons, first, last, dated))
    return sorted(_with_article_time(accounts), key=lambda a: str(a.iri))


def _with_article_time(accounts: list[Account]) -> list[Account]:
    """An undated account happened when its article's latest dated event did, when it has one: a
    retrospective published years later still tells of its own time, not of its publication."""
    latest: dict[URIRef, Account] = {}
    for a in accounts:
        if a.dated and a.last is not None and (a.article not in latest or a.last > latest[a.article].last):
            latest[a.article] = a
    out = []
    for a in accounts:
        ref = latest.get(a.article)
        if not a.dated and ref is not None:
            a = Account(a.iri, a.type, a.article, a.countries, a.persons, ref.first, ref.last, False)
        out.append(a)
    return out


def _narrowest(data: Dataset, e: URIRef, points: tuple, *windows: tuple) -> tuple[dt.date, dt.date] | None:
    """The narrowest period the event's facts give for one end of it: a day beats its month."""
    periods = [p for prop in points for v in data.objects(e, prop) if (p := date_bounds(v))]
    for lo_p, hi_p in windows:
        lows = [p[0] for v in data.objects(e, lo_p) if (p := date_bounds(v))]
        highs = [p[1] for v in data.objects(e, hi_p) if (p := date_bounds(v))]
        if lows and highs:
            periods.append((min(lows), max(highs)))
    return min(periods, key=lambda p: (p[1] - p[0], p)) if periods else None


def _gap(a: Account, b: Account) -> dt.timedelta | None:
    if a.first is None or b.first is None:
        return None
    return max(a.first, b.first) - min(a.last, b.last) if not (
        a.first <= b.last and b.first <= a.last) else dt.timedelta(0)


def _agree(a: Account, b: Account) -> bool:
    """Nothing the two accounts state rules out one event: class, article, country, person."""
    cls = event_classes()[a.type]
    if a.type != b.type or a.article == b.article:
        return False
    if a.persons and b.persons:
        if a.persons & b.persons:
            return True  # the same person detained or resigning: one event, whatever place is named
        if cls.takes_part == {"persons"}:
            return False
    return not (a.countries and b.countries and not a.countries & b.countries and not cls.sides)


def _tolerance(a: Account, b: Account) -> dt.timedelta:
    tolerance = TOLERANCE[event_classes()[a.type].timing]
    return tolerance if a.dated and b.dated else tolerance + UNDATED_SPAN


def cluster_accounts(accounts: list[Account]) -> list[tuple[Account, ...]]:
    """Accounts grouped by real-world event; deterministic, blocked by class and by week.

    Dated accounts first, in date order: each joins the cluster whose members all agree with it
    and whose nearest member is closest in time (within the tolerance), else starts its own.
    Undated accounts then join the closest agreeing cluster the same way. Only clusters with a
    member in the weeks around an account are compared with it, so the work grows with the
    number of accounts, not with its square.
    """
    by_class: dict[str, list[Account]] = defaultdict(list)
    for a in accounts:
        by_class[a.type].append(a)
    out: list[tuple[Account, ...]] = []
    for name in sorted(by_class):
        clusters: list[list[Account]] = []
        by_week: dict[int, set[int]] = defaultdict(set)  # week number -> clusters with a member then
        ordered = sorted(by_class[name], key=lambda a: (not a.dated, a.first or dt.date.max, str(a.iri)))
        for a in ordered:
            if a.first is None:
                candidates = range(len(clusters))
            else:
                lo, hi = _week(a.first - SLACK), _week(a.last + SLACK)
                candidates = sorted({i for w in range(lo, hi + 1) for i in by_week.get(w, ())})
            best: tuple[tuple, int] | None = None
            for i in candidates:
                c = clusters[i]
                if not all(_agree(a, b) for b in c):
                    continue
                gaps = [g for b in c if (g := _gap(a, b)) is not None and g <= _tolerance(a, b)]
                if not gaps and any(_gap(a, b) is not None for b in c):
                    continue
                rank = (min(gaps) if gaps else dt.timedelta.max, -len(c), i)
                if best is None or rank < best[0]:
                    best = (rank, i)
            if best is None:
                clusters.append([a])
                home = len(clusters) - 1
            else:
                home = best[1]
                clusters[home].append(a)
            if a.first is not None:
                for w in range(_week(a.first), min(_week(a.last), _week(a.first) + MAX_WEEKS) + 1):
                    by_week[w].add(home)
        out.extend(tuple(sorted(c, key=lambda a: str(a.iri))) for c in clusters)
    return sorted(out, key=lambda c: str(c[0].iri))


def _week(day: dt.date) -> int:
    return day.toordinal() // 7


def resolved_iri(cluster: tuple[Account, ...]) -> URIRef:
    digest = hashlib.sha256("|".join(str(a.iri) for a in cluster).encode()).hexdigest()[:16]
    return KGR[f"resolved/{digest}"]


def build_graph(data: Dataset, clusters: list[tuple[Account, ...]]) -> Graph:
    """The resolved graph (MODEL.md): one kg:ResolvedEvent per cluster, its facts and conflicts."""
    g = Graph(identifier=RESOLVED_GRAPH, bind_namespaces="none")
    for prefix, ns in (("kg", KG), ("kgr", KGR), ("wdt", WDT), ("prov", PROV), ("rdfs", RDFS),
                       ("xsd", XSD), ("rdf", RDF)):
        g.bind(prefix, ns)
    node_of = {a.iri: resolved_iri(c) for c in clusters for a in c}
    classes = event_classes()
    for c in clusters:
        r = node_of[c[0].iri]
        g.add((r, RDF.type, RESOLVED_EVENT))
        for name in classes.types_of(c[0].type):
            g.add((r, RDF.type, KG[name]))
        for a in c:
            g.add((r, KG.account, a.iri))
            g.add((r, PROV.wasDerivedFrom, a.article))
        values: dict[URIRef, set] = defaultdict(set)
        told: Counter = Counter()  # (property, value) -> how many accounts state it
        ended: Counter = Counter()  # resolved deployment -> accounts that end it
        for a in c:
            for p in FACTS:
                for o in set(data.objects(a.iri, p)):
                    g.add((r, p, o))
                    values[p].add(o)
                    told[p, o] += 1
            for d in data.objects(a.iri, KG.withdrawalOf):
                if d in node_of:
                    ended[node_of[d]] += 1
        if ended:
            # One deployment a withdrawal ends: the one most accounts name.
            g.add((r, KG.withdrawalOf, min(ended, key=lambda d: (-ended[d], str(d)))))
        g.add((r, RDFS.label, Literal(_label(data, classes[c[0].type], values, told), lang="en")))
        for p in SINGLE_VALUED:
            if _disagree(values[p]):
                _add_conflict(g, data, r, p, c)
    return g


def _disagree(values: set) -> bool:
    """Distinct figures disagree; dates only when their periods do not meet ("2022-01" and
    "2022-01-06" agree at different precision)."""
    if len(values) < 2:
        return False
    periods = [date_bounds(v) for v in values]
    if all(periods):
        return any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(periods) for b in periods[i + 1:])
    return True


def _add_conflict(g: Graph, data: Dataset, r: URIRef, p: URIRef, cluster: tuple[Account, ...]) -> None:
    """A kg:Conflict naming the article statements that give distinct values for ``p``."""
    claims = sorted({st for a in cluster for st in data.subjects(RDF.subject, a.iri)
                     if (st, RDF.predicate, p) in data and data.value(st, RDF.object) is not None},
                    key=str)
    digest = hashlib.sha256(f"{r}|{p}".encode()).hexdigest()[:16]
    conflict = KGR[f"conflict/{digest}"]
    g.add((r, KG.conflict, conflict))
    g.add((conflict, RDF.type, KG.Conflict))
    g.add((conflict, KG.property, p))
    for st in claims:
        g.add((conflict, KG.claim, st))


def _label(data: Dataset, cls, values: dict[URIRef, set], told: Counter) -> str:
    def name(p: URIRef) -> str | None:
        """The value most accounts state (then the first by name)."""
        named = [(-told[p, o], str(data.value(o, RDFS.label))) for o in values.get(p, ())
                 if data.value(o, RDFS.label)]
        return min(named)[1] if named else None

    who, where = name(WDT.P710), name(WDT.P276) or name(WDT.P17)
    # The date most accounts state, the most precise first ("2022-01-06" before "2022-01").
    when = [str(v) for _, _, v in sorted((-told[p, v], -len(str(v)), str(v))
                                         for p in (WDT.P580, WDT.P585) for v in values.get(p, ()))]
    return cls.describe(who, where, when[0] if when else None)


def resolve_dataset(data: Dataset, validate: bool = True) -> Resolution:
    """Resolve the events of every graph of ``data`` (read as their union). The resolved graph is
    checked against the shapes with the statements its facts rest on; a violation raises
    ValidationFailed and nothing is returned."""
    data.default_union = True
    accounts = read_accounts(data)
    clusters = cluster_accounts(accounts)
    graph = build_graph(data, clusters)
    if validate:
        _validate(graph, data, accounts)
    return Resolution(tuple(accounts), tuple(clusters), graph)


def _validate(graph: Graph, data: Dataset, accounts: list[Account]) -> None:
    from kg.errors import ValidationFailed
    from kg.validate import validate_graph

    # The resolved graph with the article graphs its facts rest on: statements and evidence.
    check = Graph()
    for t in data.triples((None, None, None)):
        check.add(t)
    check += graph
    report = validate_graph(check)
    if not report.conforms:
        raise ValidationFailed(f"the resolved graph has {len(report.violations)} SHACL violation(s); "
                               f"nothing written", report)


def load_files(paths: list[Path]) -> Dataset:
    """The article graphs of ``paths`` in one dataset; a file that cannot be read is an InputError."""
    from kg.validate import read_rdf

    data = Dataset(default_union=True)
    for path in paths:
        for t in read_rdf(Path(path)):
            data.add(t)
    return data


def serialize_resolved(graph: Graph, fmt: str = "trig") -> str:
    """The resolved graph as its own named graph (TriG, N-Quads) or as plain triples."""
    from kg.rdf import serialize

    return serialize(graph, fmt, RESOLVED_GRAPH)


def store_dataset(store, resolved: bool = False) -> Dataset:
    """The article graphs of a store (embedded or remote: any kg.store.Store) as one dataset; its
    resolved graph too when ``resolved`` (to read it, not to resolve again)."""
    from rdflib import BNode, Literal as RLiteral, URIRef as RURI

    def term(t):
        if t.kind == "uri":
            return RURI(t.value)
        if t.kind == "bnode":
            return BNode(t.value)
        return RLiteral(t.value, lang=t.lang, datatype=None if t.lang else (RURI(t.datatype) if t.datatype else None))

    keep = "" if resolved else f"FILTER(?g != <{RESOLVED_GRAPH}>)"
    answer = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } " + keep + " }")
    data = Dataset(default_union=True)
    for s_, p_, o_ in answer.triples:
        data.add((term(s_), term(p_), term(o_)))
    return data


def resolve_store(store) -> Resolution:
    """Resolve the article graphs of a store and replace its resolved graph (never duplicated)."""
    import pyoxigraph as ox

    result = resolve_dataset(store_dataset(store))
    nt = result.graph.serialize(format="nt")
    triples = [q.triple for q in ox.parse(nt.encode(), ox.RdfFormat.N_TRIPLES)] if nt.strip() else []
    store.replace_graph(str(RESOLVED_GRAPH), triples)
    return result


@dataclass(frozen=True)
class Claim:
    value: str
    claimant: str  # who said so: an entity's label, a literal, or "the article"
    article: str  # its URL, else its IRI
    published: str | None


@dataclass(frozen=True)
class Dispute:
    property: str  # the fact property's IRI
    claims: tuple[Claim, ...]

    @property
    def kind(self) -> str:
        """'revised' when the figures come from different days (a toll raised over days), else 'disputed'."""
        days = {c.published for c in self.claims}
        return "revised" if len(days) > 1 and len({c.value for c in self.claims}) == len(days) else "disputed"


@dataclass(frozen=True)
class EventDisputes:
    event: str  # the resolved event's IRI
    label: str
    articles: tuple[str, ...]
    disputes: tuple[Dispute, ...]


def disputes(data: Dataset, result: Resolution) -> list[EventDisputes]:
    """Per resolved event with a kg:Conflict: the articles that report it and the figures in dispute."""
    return disputes_in(data, result.graph)


def disputes_in(data: Graph, g: Graph) -> list[EventDisputes]:
    """The disputes of the resolved graph ``g`` (already written, e.g. read back from a store or a
    file), their statements read from the article graphs of ``data``."""
    if isinstance(data, Dataset):
        data.default_union = True
    out = []
    for r in sorted(set(g.subjects(KG.conflict, None)), key=str):
        articles = sorted({_article_name(data, a) for a in g.objects(r, PROV.wasDerivedFrom)})
        found = []
        for conflict in sorted(g.objects(r, KG.conflict), key=str):
            prop = g.value(conflict, KG.property)
            claims = []
            for st in sorted(g.objects(conflict, KG.claim), key=str):
                article = data.value(st, PROV.wasDerivedFrom)
                claimant = data.value(st, KG.claimedBy)
                who = (str(data.value(claimant, RDFS.label) or claimant) if claimant is not None
                       else "the article")
                published = data.value(article, SCHEMA.datePublished) if article is not None else None
                claims.append(Claim(str(data.value(st, RDF.object)), who, _article_name(data, article),
                                    str(published) if published is not None else None))
            claims.sort(key=lambda c: (c.published or "", c.value, c.claimant, c.article))
            found.append(Dispute(str(prop), tuple(claims)))
        out.append(EventDisputes(str(r), str(g.value(r, RDFS.label)), tuple(articles), tuple(found)))
    return out


def _article_name(data: Dataset, article) -> str:
    url = data.value(article, SCHEMA.url) if article is not None else None
    return str(url or article)


def render_disputes(reports: list[EventDisputes], fmt: str = "text") -> str:
    """A readable report, or JSON for machines."""
    from kg.vocab import PREFIXES

    def short(iri: str) -> str:
        for prefix, ns in PREFIXES.items():
            if iri.startswith(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    if fmt == "json":
        import json
        from dataclasses import asdict

        return json.dumps([{**asdict(r), "disputes": [{**asdict(d), "kind": d.kind} for d in r.disputes]}
                           for r in reports], indent=2, ensure_ascii=False) + "\n"
    lines = []
    for r in reports:
        lines.append(f"{r.label}  ({len(r.articles)} articles)")
        for a in r.articles:
            lines.append(f"  reported by {a}")
        for d in r.disputes:
            lines.append(f"  {short(d.property)} {d.kind}:")
            for c in d.claims:
                lines.append(f"    {c.value:>10}  {c.claimant}  ({c.published or 'undated'}, {c.article})")
    lines.append(f"# {len(reports)} resolved events with figures in dispute")
    return "\n".join(lines) + "\n"
