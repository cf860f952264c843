"""The mapper: an Extraction into RDF following MODEL.md (its IRIs come from kg.vocab)."""
from __future__ import annotations

import hashlib
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef

from kg.event_classes import event_classes as _event_classes
from kg.model import DateValue, Duration, Entity, EventRef, Extraction, Fact, Quantity, Span
from kg.vocab import (ARTICLE, ENTITY_CLASS, EXTRACTOR_VERSION, GRAPH_PREFIXES, KG, KGR, MEMBER_OF, OA,
                      PROPERTY, PROV, SCHEMA, TEXT_SHA256, UNLINKED, WD, event_class)


def extractor_version() -> str:
    """The kg-loader version that extracts (recorded on each article: ingest re-extracts an
    article whose stored graph came from another version)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg-loader")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def article_iri(extraction_or_sha: Extraction | str, base: Namespace = KGR) -> URIRef:
    sha = extraction_or_sha if isinstance(extraction_or_sha, str) else extraction_or_sha.article.sha256
    return URIRef(f"{base}article/{sha[:16]}")


def event_iri(sha: str, key: str, base: Namespace = KGR) -> URIRef:
    return URIRef(f"{base}event/{sha[:16]}/{key}")


def entity_iri(entity: Entity, base: Namespace = KGR) -> URIRef:
    return WD[entity.qid] if entity.qid else URIRef(f"{base}entity/{entity.key}")


def check_base(base: str) -> str:
    """A base for minted IRIs: an absolute http(s) IRI ending in "/" or "#" (else the local
    names would be glued onto its last segment); InputError otherwise."""
    from kg.errors import InputError
    from kg.read import check_url

    check_url(base, "--base")
    if not base.endswith(("/", "#")):
        raise InputError(f"--base: {base!r} must end with '/' or '#' (minted IRIs are appended to it)")
    return base


def to_graph(extraction: Extraction, base: str | None = None) -> Graph:
    """The RDF graph of one article, as MODEL.md describes it."""
    ns = Namespace(check_base(base)) if base else KGR
    g = Graph(bind_namespaces="none")
    for prefix, namespace in GRAPH_PREFIXES.items():
        g.bind(prefix, namespace)
    if base:
        g.bind("kgr", ns, replace=True)
    art = extraction.article
    sha = art.sha256
    a = article_iri(sha, ns)
    g.add((a, RDF.type, ARTICLE))
    g.add((a, RDF.type, SCHEMA.NewsArticle))
    g.add((a, TEXT_SHA256, Literal(sha)))
    g.add((a, EXTRACTOR_VERSION, Literal(extractor_version())))
    if art.url:
        g.add((a, SCHEMA.url, URIRef(art.url)))
    if art.title:
        g.add((a, SCHEMA.headline, Literal(art.title)))
    if art.published:
        g.add((a, SCHEMA.datePublished, date_literal(DateValue(art.published))))

    entities: dict[str, Entity] = {}
    for m in extraction.mentions:
        entities.setdefault(m.entity.key, m.entity)
        if m.entity.linked:
            g.add((a, SCHEMA.mentions, entity_iri(m.entity, ns)))

    event_iris = {e.key: event_iri(sha, e.key, ns) for e in extraction.events}
    classes = _event_classes()
    for ev in extraction.events:
        s = event_iris[ev.key]
        for name in classes.types_of(ev.type):  # a finer class stands beside its model class
            g.add((s, RDF.type, event_class(name)))
        g.add((s, RDFS.label, Literal(ev.label, lang="en")))
        g.add((s, PROV.wasDerivedFrom, a))
        for fact in ev.facts:
            for ent in (fact.value, fact.claimed_by):
                if isinstance(ent, Entity):
                    entities.setdefault(ent.key, ent)
            _add_fact(g, ns, a, sha, s, fact, event_iris)

    for ms in extraction.memberships:
        entities.setdefault(ms.member.key, ms.member)
        entities.setdefault(ms.organization.key, ms.organization)
        s, p, o = entity_iri(ms.member, ns), MEMBER_OF, entity_iri(ms.organization, ns)
        g.add((s, p, o))
        _add_statement(g, ns, a, sha, s, p, o, ms.evidence, ms.claimed_by, "membership")

    for ent in entities.values():
        iri = entity_iri(ent, ns)
        g.add((iri, RDFS.label, Literal(ent.label, lang="en")))
        g.add((iri, RDF.type, ENTITY_CLASS.get(ent.type, KG.Entity)))
        if not ent.linked:
            g.add((iri, KG.linkStatus, UNLINKED))
    return g


def _add_fact(g: Graph, ns: Namespace, article: URIRef, sha: str, s: URIRef, fact: Fact,
              event_iri: dict[str, URIRef]) -> None:
    p = PROPERTY[fact.prop]
    value = fact.value
    if isinstance(value, Quantity) and value.value is None:
        # A vague amount ("dozens") is stated on its statement only: no invented point value.
        st = _add_statement(g, ns, article, sha, s, p, None, fact.evidence, fact.claimed_by, fact.rule,
                            salt=f"{value.min_value}-{value.max_value}")
        if value.min_value is not None:
            g.add((st, KG.minValue, Literal(value.min_value)))
        if value.max_value is not None:
            g.add((st, KG.maxValue, Literal(value.max_value)))
        return
    o = _object(value, ns, event_iri)
    g.add((s, p, o))
    st = _add_statement(g, ns, article, sha, s, p, o, fact.evidence, fact.claimed_by, fact.rule)
    if isinstance(value, Quantity):
        if value.approximate:
            g.add((st, KG.approximate, Literal(True)))
        if value.min_value is not None:
            g.add((st, KG.minValue, Literal(value.min_value)))
        if value.max_value is not None:
            g.add((st, KG.maxValue, Literal(value.max_value)))


def _object(value, ns: Namespace, event_iri: dict[str, URIRef]):
    if isinstance(value, Entity):
        return entity_iri(value, ns)
    if isinstance(value, DateValue):
        return date_literal(value)
    if isinstance(value, Quantity):
        return Literal(value.value, datatype=XSD.integer)
    if isinstance(value, Duration):
        return Literal(value.iso, datatype=XSD.duration)
    if isinstance(value, EventRef):
        return event_iri[value.key]
    return Literal(str(value))


def _add_statement(g: Graph, ns: Namespace, article: URIRef, sha: str, s, p, o, evidence: Span,
                   claimed_by, rule: str, salt: str = "") -> URIRef:
    claimant = claimed_by.key if isinstance(claimed_by, Entity) else (claimed_by or "")
    digest = hashlib.sha256(f"{s}|{p}|{o}|{claimant}|{salt}".encode()).hexdigest()[:16]
    st = URIRef(f"{ns}statement/{sha[:16]}/{digest}")
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    if o is not None:
        g.add((st, RDF.object, o))
    g.add((st, PROV.wasDerivedFrom, article))
    if isinstance(claimed_by, Entity):
        g.add((st, KG.claimedBy, entity_iri(claimed_by, ns)))
    elif claimed_by:
        g.add((st, KG.claimedBy, Literal(claimed_by)))
    if rule:
        g.add((st, KG.rule, Literal(rule)))
    sel = URIRef(f"{ns}evidence/{sha[:16]}/{evidence.start}-{evidence.end}")
    g.add((st, KG.evidence, sel))
    g.add((sel, RDF.type, OA.TextQuoteSelector))
    g.add((sel, RDF.type, OA.TextPositionSelector))
    g.add((sel, OA.exact, Literal(evidence.text)))
    g.add((sel, OA.start, Literal(evidence.start)))
    g.add((sel, OA.end, Literal(evidence.end)))
    return st


def date_literal(value: DateValue) -> Literal:
    datatype = {"day": XSD.date, "month": XSD.gYearMonth}.get(value.precision, XSD.gYear)
    return Literal(value.iso, datatype=datatype)


def serialize(graph: Graph, fmt: str = "turtle", graph_name: URIRef | None = None) -> str:
    """Text in the chosen format; TriG and N-Quads put the article in its own named graph."""
    from kg.formats import by_name

    found = by_name(fmt, writable=True)
    if found is None:
        from kg.errors import InputError

        raise InputError(f"unknown format {fmt!r} (choose turtle, trig, nquads or jsonld)")
    name = found.rdflib
    if name in {"trig", "nquads"}:
        ds = Dataset()
        # rdflib's own bindings would claim "schema" for https://schema.org/ and rename ours
        # "schema1": TriG keeps the prefixes Turtle uses.
        from rdflib.namespace import NamespaceManager

        ds.namespace_manager = NamespaceManager(ds, bind_namespaces="none")
        for prefix, namespace in graph.namespaces():
            ds.bind(prefix, namespace)
        named = ds.graph(graph_name or URIRef(f"{KGR}graph/default"))
        for t in graph:
            named.add(t)
        out = ds.serialize(format=name)
        return _sorted_lines(out) if name == "nquads" else out
    if name == "json-ld":
        # Compacted with the prefixes Turtle uses, embedded (never a remote context to fetch).
        context = {str(prefix): str(ns) for prefix, ns in graph.namespaces() if prefix}
        out = graph.serialize(format=name, context=context, auto_compact=True)
    else:
        out = graph.serialize(format=name)
    if name == "nt":
        out = _sorted_lines(out)
    elif name == "json-ld":
        out = _stable_json(out)
    return out


def _sorted_lines(out: str) -> str:
    """N-Triples/N-Quads lines in a stable order. Split on "\n" only: a literal may hold U+2028,
    U+0085 or a form feed, which str.splitlines() would cut a statement at."""
    return "".join(sorted(line + "\n" for line in out.split("\n") if line.strip()))


def _stable_json(text: str) -> str:
    """JSON-LD with nodes, keys and values in a fixed order, so the same input gives the same bytes."""
    import json

    def order(value):
        if isinstance(value, dict):
            return {k: order(value[k]) for k in sorted(value)}
        if isinstance(value, list):
            items = [order(v) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
        return value

    return json.dumps(order(json.loads(text)), indent=2, ensure_ascii=False) + "\n"
