"""The mapper: an Extraction into RDF following MODEL.md (its IRIs come from kg.vocab).

The mapping is made of pyoxigraph terms: a batch writes N-Quads and validates without building
an rdflib graph (issue 16); ``to_graph`` gives the same triples as an rdflib graph for the
Turtle, TriG and JSON-LD writers and for library users.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Union

import pyoxigraph as ox

from kg.event_classes import event_classes as _event_classes
from kg.model import DateValue, Duration, Entity, EventRef, Extraction, Fact, Quantity, Span
from kg.vocab import (ARTICLE, ENTITY_CLASS, EXTRACTOR_VERSION, GRAPH_PREFIXES, KG, KGR, MEMBER_OF, OA,
                      PROPERTY, PROV, RDF, RDFS, SCHEMA, TEXT_SHA256, UNLINKED, WD, XSD, article_graph_iri,
                      event_class)

if TYPE_CHECKING:
    from rdflib import Graph, Namespace, URIRef

Term = Union[ox.NamedNode, ox.Literal]
Triple = tuple[ox.NamedNode, ox.NamedNode, Term]


# The vocabulary's terms the mapper writes, as pyoxigraph terms (made once).
_KG_approximate, _KG_claimedBy, _KG_evidence, _KG_linkStatus, _KG_maxValue, _KG_minValue, _KG_rule = (
    ox.NamedNode(str(KG[x]))
    for x in ("approximate", "claimedBy", "evidence", "linkStatus", "maxValue", "minValue", "rule"))
_OA_TextPositionSelector, _OA_TextQuoteSelector, _OA_end, _OA_exact, _OA_start = (
    ox.NamedNode(str(OA[x])) for x in ("TextPositionSelector", "TextQuoteSelector", "end", "exact", "start"))
_PROV_wasDerivedFrom = ox.NamedNode(str(PROV.wasDerivedFrom))
_RDF_Statement, _RDF_object, _RDF_predicate, _RDF_subject, _RDF_type = (
    ox.NamedNode(str(RDF[x])) for x in ("Statement", "object", "predicate", "subject", "type"))
_RDFS_label = ox.NamedNode(str(RDFS.label))
_SCHEMA_NewsArticle, _SCHEMA_datePublished, _SCHEMA_headline, _SCHEMA_mentions, _SCHEMA_url = (
    ox.NamedNode(str(SCHEMA[x])) for x in ("NewsArticle", "datePublished", "headline", "mentions", "url"))
_ARTICLE = ox.NamedNode(str(ARTICLE))
_EXTRACTOR_VERSION = ox.NamedNode(str(EXTRACTOR_VERSION))
_MEMBER_OF = ox.NamedNode(str(MEMBER_OF))
_UNLINKED = ox.NamedNode(str(UNLINKED))
_PROPERTY = {name: ox.NamedNode(str(iri)) for name, iri in PROPERTY.items()}
_ENTITY_CLASS = {name: ox.NamedNode(str(iri)) for name, iri in ENTITY_CLASS.items()}
_ENTITY = ox.NamedNode(str(KG.Entity))
_XSD_INTEGER, _XSD_DURATION, _XSD_GYEAR = (ox.NamedNode(str(x)) for x in (XSD.integer, XSD.duration, XSD.gYear))
_DATE_TYPES = {"day": ox.NamedNode(str(XSD.date)), "month": ox.NamedNode(str(XSD.gYearMonth))}


def extractor_version() -> str:
    """The kg-loader version that extracts (recorded on each article: ingest re-extracts an
    article whose stored graph came from another version)."""
    from kg import __version__

    return __version__


def article_iri(extraction_or_sha: Extraction | str, base: Namespace | str = KGR) -> URIRef:
    from rdflib import URIRef

    sha = extraction_or_sha if isinstance(extraction_or_sha, str) else extraction_or_sha.article.sha256
    return URIRef(_article_iri(sha, str(base)))


def event_iri(sha: str, key: str, base: Namespace | str = KGR) -> URIRef:
    from rdflib import URIRef

    return URIRef(_event_iri(sha, key, str(base)))


def entity_iri(entity: Entity, base: Namespace | str = KGR) -> URIRef:
    from rdflib import URIRef

    return URIRef(_entity_iri(entity, str(base)))


def _article_iri(sha: str, base: str) -> str:
    return article_graph_iri(sha, base)


def _event_iri(sha: str, key: str, base: str) -> str:
    return f"{base}event/{sha[:16]}/{key}"


def _entity_iri(entity: Entity, base: str) -> str:
    return f"{WD}{entity.qid}" if entity.qid else f"{base}entity/{entity.key}"


def check_base(base: str) -> str:
    """A base for minted IRIs: an absolute http(s) IRI ending in "/" or "#" (else the local
    names would be glued onto its last segment); InputError otherwise."""
    from kg.errors import InputError
    from kg.read import check_url

    check_url(base, "--base")
    if not base.endswith(("/", "#")):
        raise InputError(f"--base: {base!r} must end with '/' or '#' (minted IRIs are appended to it)")
    return base


@lru_cache(maxsize=4096)
def _node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError:
        from kg.errors import InputError

        raise InputError(f"not an IRI: {iri!r}") from None


class DistinctTriples(tuple):
    """Triples each stated once, as to_triples returns them: what reads them (validation's
    index) need not remove duplicates first."""

    __slots__ = ()


class _Triples:
    """The triples of one article, each once, in the order the mapping makes them."""

    def __init__(self, base: str, sha: str) -> None:
        self.base, self.sha = base, sha
        self.article = _node(_article_iri(sha, base))
        self.seen: dict[Triple, None] = {}

    def add(self, s, p, o) -> None:
        self.seen[(s, p, o)] = None


def to_triples(extraction: Extraction, base: str | None = None) -> DistinctTriples:
    """The RDF triples of one article, as MODEL.md describes them, as pyoxigraph terms."""
    ns = check_base(base) if base else str(KGR)
    art = extraction.article
    out = _Triples(ns, art.sha256)
    add, a, n = out.add, out.article, _node
    a_type = _RDF_type
    add(a, a_type, _ARTICLE)
    add(a, a_type, _SCHEMA_NewsArticle)
    add(a, n(str(TEXT_SHA256)), ox.Literal(art.sha256))
    add(a, _EXTRACTOR_VERSION, ox.Literal(extractor_version()))
    if art.url:
        add(a, _SCHEMA_url, n(art.url))
    if art.title:
        add(a, _SCHEMA_headline, ox.Literal(art.title))
    if art.published:
        add(a, _SCHEMA_datePublished, date_term(DateValue(art.published)))

    entities: dict[str, Entity] = {}
    mentions = _SCHEMA_mentions
    for m in extraction.mentions:
        entities.setdefault(m.entity.key, m.entity)
        if m.entity.linked:
            add(a, mentions, n(_entity_iri(m.entity, ns)))

    event_iris = {e.key: n(_event_iri(out.sha, e.key, ns)) for e in extraction.events}
    classes = _event_classes()
    label, derived = _RDFS_label, _PROV_wasDerivedFrom
    for ev in extraction.events:
        s = event_iris[ev.key]
        for name in classes.types_of(ev.type):  # a finer class stands beside its model class
            add(s, a_type, n(str(event_class(name))))
        add(s, label, ox.Literal(ev.label, language="en"))
        add(s, derived, a)
        for fact in ev.facts:
            for ent in (fact.value, fact.claimed_by):
                if isinstance(ent, Entity):
                    entities.setdefault(ent.key, ent)
            _add_fact(out, s, fact, event_iris)

    member_of = _MEMBER_OF
    for ms in extraction.memberships:
        entities.setdefault(ms.member.key, ms.member)
        entities.setdefault(ms.organization.key, ms.organization)
        s, o = n(_entity_iri(ms.member, ns)), n(_entity_iri(ms.organization, ns))
        add(s, member_of, o)
        _add_statement(out, s, member_of, o, ms.evidence, ms.claimed_by, "membership")

    status, unlinked = _KG_linkStatus, _UNLINKED
    for ent in entities.values():
        iri = n(_entity_iri(ent, ns))
        add(iri, label, ox.Literal(ent.label, language="en"))
        add(iri, a_type, _ENTITY_CLASS.get(ent.type, _ENTITY))
        if not ent.linked:
            add(iri, status, unlinked)
    return DistinctTriples(out.seen)


def _add_fact(out: _Triples, s: ox.NamedNode, fact: Fact, event_iris: dict[str, ox.NamedNode]) -> None:
    p = _PROPERTY[fact.prop]
    value = fact.value
    if isinstance(value, Quantity) and value.value is None:
        # A vague amount ("dozens") is stated on its statement only: no invented point value.
        st = _add_statement(out, s, p, None, fact.evidence, fact.claimed_by, fact.rule,
                            salt=f"{value.min_value}-{value.max_value}")
        _add_bounds(out, st, value)
        return
    o = _object(value, out.base, event_iris)
    out.add(s, p, o)
    st = _add_statement(out, s, p, o, fact.evidence, fact.claimed_by, fact.rule)
    if isinstance(value, Quantity):
        if value.approximate:
            out.add(st, _KG_approximate, ox.Literal(True))
        _add_bounds(out, st, value)


def _add_bounds(out: _Triples, st: ox.NamedNode, value: Quantity) -> None:
    if value.min_value is not None:
        out.add(st, _KG_minValue, ox.Literal(value.min_value))
    if value.max_value is not None:
        out.add(st, _KG_maxValue, ox.Literal(value.max_value))


def _object(value, base: str, event_iris: dict[str, ox.NamedNode]) -> Term:
    if isinstance(value, Entity):
        return _node(_entity_iri(value, base))
    if isinstance(value, DateValue):
        return date_term(value)
    if isinstance(value, Quantity):
        return ox.Literal(str(value.value), datatype=_XSD_INTEGER)
    if isinstance(value, Duration):
        return ox.Literal(value.iso, datatype=_XSD_DURATION)
    if isinstance(value, EventRef):
        return event_iris[value.key]
    return ox.Literal(str(value))


def _add_statement(out: _Triples, s: ox.NamedNode, p: ox.NamedNode, o: Term | None, evidence: Span,
                   claimed_by, rule: str, salt: str = "") -> ox.NamedNode:
    claimant = claimed_by.key if isinstance(claimed_by, Entity) else (claimed_by or "")
    # The digest reads the terms' lexical forms (an IRI, a literal's text): the statement IRIs
    # of earlier releases stay the same.
    obj = o.value if o is not None else None
    digest = hashlib.sha256(f"{s.value}|{p.value}|{obj}|{claimant}|{salt}".encode()).hexdigest()[:16]
    n, add = _node, out.add
    st = n(f"{out.base}statement/{out.sha[:16]}/{digest}")
    a_type = _RDF_type
    add(st, a_type, _RDF_Statement)
    add(st, _RDF_subject, s)
    add(st, _RDF_predicate, p)
    if o is not None:
        add(st, _RDF_object, o)
    add(st, _PROV_wasDerivedFrom, out.article)
    if isinstance(claimed_by, Entity):
        add(st, _KG_claimedBy, n(_entity_iri(claimed_by, out.base)))
    elif claimed_by:
        add(st, _KG_claimedBy, ox.Literal(claimed_by))
    if rule:
        add(st, _KG_rule, ox.Literal(rule))
    sel = n(f"{out.base}evidence/{out.sha[:16]}/{evidence.start}-{evidence.end}")
    add(st, _KG_evidence, sel)
    add(sel, a_type, _OA_TextQuoteSelector)
    add(sel, a_type, _OA_TextPositionSelector)
    add(sel, _OA_exact, ox.Literal(evidence.text))
    add(sel, _OA_start, ox.Literal(evidence.start))
    add(sel, _OA_end, ox.Literal(evidence.end))
    return st


def date_term(value: DateValue) -> ox.Literal:
    return ox.Literal(value.iso, datatype=_DATE_TYPES.get(value.precision, _XSD_GYEAR))


def rdflib_term(term):
    """A pyoxigraph term as the rdflib term that rdflib itself would have made for it (a plain
    string literal has no datatype)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"no rdflib term for {term!r}")


def ox_term(term):
    """An rdflib term as the pyoxigraph term (the inverse of ``rdflib_term``)."""
    from rdflib import BNode, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype) if term.datatype else None)


def converted(triples: Iterable[tuple], convert) -> Iterator[tuple]:
    """Each triple with its terms passed through ``convert`` (rdflib_term, ox_term), each
    distinct term converted once."""
    memo: dict = {}

    def one(term):
        try:
            return memo[term]
        except KeyError:
            memo[term] = found = convert(term)
            return found

    for s, p, o in triples:
        yield one(s), one(p), one(o)


_XSD_STRING = str(XSD.string)


def to_graph(extraction: Extraction, base: str | None = None) -> Graph:
    """The RDF graph of one article, as MODEL.md describes it (``to_triples`` as an rdflib graph)."""
    return triples_graph(to_triples(extraction, base), base)


def triples_graph(triples: Iterable[Triple], base: str | None = None) -> Graph:
    """An rdflib graph of pyoxigraph triples, with the prefixes of MODEL.md bound."""
    from rdflib import Graph, Namespace

    g = Graph(bind_namespaces="none")
    for prefix, namespace in GRAPH_PREFIXES.items():
        g.bind(prefix, namespace)
    if base:
        g.bind("kgr", Namespace(base), replace=True)
    for triple in converted(triples, rdflib_term):
        g.add(triple)
    return g


def nquads(triples: Iterable[Triple], graph_name: str) -> str:
    """The triples as N-Quads in the named graph ``graph_name``, one line each, sorted."""
    # A pyoxigraph term prints in its N-Triples form, escapes and all, which is what its N-Quads
    # writer puts on the line (tests/test_rdf.py compares the two); joined here, without a
    # quad object per triple and without splitting the writer's text again.
    tail = f" {_node(graph_name)} .\n"
    return "".join(sorted([f"{s} {p} {o}{tail}" for s, p, o in triples]))


def serialize(graph: Graph, fmt: str = "turtle", graph_name: URIRef | None = None) -> str:
    """Text in the chosen format; TriG and N-Quads put the article in its own named graph."""
    from kg.formats import by_name

    found = by_name(fmt, writable=True)
    if found is None:
        from kg.errors import InputError

        raise InputError(f"unknown format {fmt!r} (choose turtle, trig, nquads or jsonld)")
    name = found.rdflib
    if name in {"trig", "nquads"}:
        from rdflib import Dataset, URIRef

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
