"""The vocabulary, once: every namespace, prefix and IRI kg-loader writes, checks or queries.

The mapper, the validator, the stores, the result printer, ingest and explain all take their IRIs
from here; nothing else spells one. Event classes come from the class table
(``kg/data/event_classes.tsv``, see :mod:`kg.event_classes`).

Two forms: plain strings (``*_IRI`` and the prefix tables), defined at import, and rdflib terms
(``KG``, ``ARTICLE``, ``PROPERTY``, ...), built on first use: importing rdflib costs ~0.2 s of CPU,
which `kg load` into the embedded store, `kg query` and `kg --help` never need.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import URIRef

KG_IRI = "https://w3id.org/kg-loader/ontology#"
KGR_IRI = "https://w3id.org/kg-loader/id/"  # minted IRIs (``kg extract --base`` changes it)
KGSH_IRI = "https://w3id.org/kg-loader/shapes#"
WD_IRI = "http://www.wikidata.org/entity/"
WDT_IRI = "http://www.wikidata.org/prop/direct/"
SCHEMA_IRI = "http://schema.org/"
PROV_IRI = "http://www.w3.org/ns/prov#"
OA_IRI = "http://www.w3.org/ns/oa#"
RDF_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_IRI = "http://www.w3.org/2000/01/rdf-schema#"
XSD_IRI = "http://www.w3.org/2001/XMLSchema#"
OWL_IRI = "http://www.w3.org/2002/07/owl#"
SH_IRI = "http://www.w3.org/ns/shacl#"

# The prefixes bound in every graph kg extract writes (MODEL.md), in this order.
GRAPH_PREFIX_IRIS: dict[str, str] = {
    "kg": KG_IRI, "kgr": KGR_IRI, "wd": WD_IRI, "wdt": WDT_IRI, "schema": SCHEMA_IRI,
    "prov": PROV_IRI, "oa": OA_IRI, "rdf": RDF_IRI, "rdfs": RDFS_IRI, "xsd": XSD_IRI}
# Every prefix kg-loader shows IRIs with (reports, query results) or declares for a query.
PREFIXES: dict[str, str] = {**GRAPH_PREFIX_IRIS, "kgsh": KGSH_IRI, "owl": OWL_IRI, "sh": SH_IRI}
# What a SPARQL query may use undeclared and what query results are shortened with.
QUERY_PREFIXES: dict[str, str] = {p: ns for p, ns in PREFIXES.items() if p != "kgsh"}

# Terms the stores use by name, as plain strings.
ARTICLE_IRI = KG_IRI + "Article"
TEXT_SHA256_IRI = KG_IRI + "textSha256"
EXTRACTOR_VERSION_IRI = KG_IRI + "extractorVersion"  # the kg-loader version that extracted an article
DATE_PUBLISHED_IRI = SCHEMA_IRI + "datePublished"
URL_IRI = SCHEMA_IRI + "url"
RDF_TYPE_IRI = RDF_IRI + "type"
RDF_LANG_STRING_IRI = RDF_IRI + "langString"
XSD_STRING_IRI = XSD_IRI + "string"
STDIN_GRAPH_IRI = KGR_IRI + "graph/stdin"  # default-graph content read from standard input that names no article


def article_graph_iri(sha256: str, base: str = KGR_IRI) -> str:
    """The IRI of an article (and of its named graph), from its text's hash."""
    return f"{base}article/{sha256[:16]}"


def _rdflib_terms() -> dict[str, object]:
    """The rdflib form of the vocabulary (every name this module lists in _RDFLIB_NAMES)."""
    from rdflib import Namespace, URIRef
    from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

    KG, KGR, WDT, SCHEMA = Namespace(KG_IRI), Namespace(KGR_IRI), Namespace(WDT_IRI), Namespace(SCHEMA_IRI)
    # A fact's property name (kg.model.Fact.prop) -> its IRI.
    PROPERTY: dict[str, URIRef] = {
        "participant": WDT.P710, "location": WDT.P276, "country": WDT.P17,
        "start": WDT.P580, "end": WDT.P582, "date": WDT.P585,
        "troops": WDT.P1132, "deaths": WDT.P1120, "injured": WDT.P1339, "arrests": KG.arrestCount,
        "plannedDuration": KG.plannedDuration, "withdrawalOf": KG.withdrawalOf,
        "requestedBy": KG.requestedBy,
        # A date known only within a window ("last week"): its first and last day.
        "earliestStart": KG.earliestStart, "latestStart": KG.latestStart, "earliestEnd": KG.earliestEnd,
        "latestEnd": KG.latestEnd, "earliestDate": KG.earliestDate, "latestDate": KG.latestDate,
    }
    spaces = {"kg": KG, "kgr": KGR, "wd": Namespace(WD_IRI), "wdt": WDT, "schema": SCHEMA,
              "prov": Namespace(PROV_IRI), "oa": Namespace(OA_IRI), "rdf": RDF, "rdfs": RDFS, "xsd": XSD}
    return {
        "Namespace": Namespace, "URIRef": URIRef, "OWL": OWL, "RDF": RDF, "RDFS": RDFS, "SH": SH, "XSD": XSD,
        "KG": KG, "KGR": KGR, "KGSH": Namespace(KGSH_IRI), "WD": spaces["wd"], "WDT": WDT,
        "SCHEMA": SCHEMA, "PROV": spaces["prov"], "OA": spaces["oa"],
        "GRAPH_PREFIXES": spaces,
        # Terms used by name outside the mapper.
        "ARTICLE": URIRef(ARTICLE_IRI), "TEXT_SHA256": URIRef(TEXT_SHA256_IRI),
        "EXTRACTOR_VERSION": URIRef(EXTRACTOR_VERSION_IRI), "EVENT": KG.Event, "MEMBER_OF": WDT.P463,
        "UNLINKED": KG.Unlinked,
        "PROPERTY": PROPERTY,
        # The properties of an event whose every value needs its rdf:Statement (what the validator checks).
        "FACT_PROPERTIES": tuple(
            PROPERTY[name] for name in ("participant", "location", "country", "start", "end", "date",
                                        "troops", "deaths", "injured", "arrests", "plannedDuration",
                                        "withdrawalOf", "requestedBy", "earliestStart", "latestStart",
                                        "earliestEnd", "latestEnd", "earliestDate", "latestDate")),
        # The resolved graph of kg resolve (MODEL.md, "Across articles").
        "RESOLVED_GRAPH": KGR["graph/resolved"],
        "STDIN_GRAPH": URIRef(STDIN_GRAPH_IRI),
        "RESOLVED_EVENT": KG.ResolvedEvent,
        "WITHDRAWAL_OF": KG.withdrawalOf,
        "START": PROPERTY["start"], "END": PROPERTY["end"],
        # An entity's type (kg.model.Entity.type) -> its class.
        "ENTITY_CLASS": {
            "Country": KG.Country, "City": KG.City, "Place": KG.Place,
            "Organization": KG.Organization, "Person": KG.Person,
            # A named event the article mentions (a war) is not one of the events it reports.
            "Event": SCHEMA.Event},
    }


_RDFLIB_NAMES = frozenset({
    "Namespace", "URIRef", "OWL", "RDF", "RDFS", "SH", "XSD", "KG", "KGR", "KGSH", "WD", "WDT", "SCHEMA",
    "PROV", "OA", "GRAPH_PREFIXES", "ARTICLE", "TEXT_SHA256", "EXTRACTOR_VERSION", "EVENT", "MEMBER_OF",
    "UNLINKED", "PROPERTY", "FACT_PROPERTIES", "RESOLVED_GRAPH", "STDIN_GRAPH", "RESOLVED_EVENT",
    "WITHDRAWAL_OF", "START", "END", "ENTITY_CLASS"})


def __getattr__(name: str) -> object:
    # PEP 562: called only for a name not yet in the module, so the rdflib terms are built once,
    # on the first `from kg.vocab import KG` (or kg.vocab.KG), and are plain globals after.
    if name in _RDFLIB_NAMES:
        terms = _rdflib_terms()
        globals().update(terms)
        return terms[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _RDFLIB_NAMES)


def event_class(name: str) -> "URIRef":
    """The IRI of an event class of the table (``TroopWithdrawal`` -> kg:TroopWithdrawal)."""
    from rdflib import URIRef

    return URIRef(KG_IRI + name)


def event_classes() -> tuple["URIRef", ...]:
    """kg:Event and every class of the event-class table, in table order."""
    from kg.event_classes import event_classes as table

    return (event_class("Event"), *(event_class(n) for n in table().names))
