"""The vocabulary, once: every namespace, prefix and IRI kg-loader writes, checks or queries.

The mapper, the validator, the stores, the result printer, ingest and explain all take their IRIs
from here; nothing else spells one. Event classes come from the class table
(``kg/data/event_classes.tsv``, see :mod:`kg.event_classes`).
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

KG = Namespace("https://w3id.org/kg-loader/ontology#")
KGR = Namespace("https://w3id.org/kg-loader/id/")  # minted IRIs (``kg extract --base`` changes it)
KGSH = Namespace("https://w3id.org/kg-loader/shapes#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")

# The prefixes bound in every graph kg extract writes (MODEL.md), in this order.
GRAPH_PREFIXES: dict[str, Namespace] = {
    "kg": KG, "kgr": KGR, "wd": WD, "wdt": WDT, "schema": SCHEMA, "prov": PROV, "oa": OA,
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD}
# Every prefix kg-loader shows IRIs with (reports, query results) or declares for a query.
PREFIXES: dict[str, str] = {
    **{p: str(ns) for p, ns in GRAPH_PREFIXES.items()},
    "kgsh": str(KGSH), "owl": str(OWL), "sh": str(SH)}
# What a SPARQL query may use undeclared and what query results are shortened with.
QUERY_PREFIXES: dict[str, str] = {p: ns for p, ns in PREFIXES.items() if p != "kgsh"}

# Terms used by name outside the mapper.
ARTICLE = KG.Article
TEXT_SHA256 = KG.textSha256
EXTRACTOR_VERSION = KG.extractorVersion  # the kg-loader version that extracted an article
EVENT = KG.Event
MEMBER_OF = WDT.P463
UNLINKED = KG.Unlinked

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
# The properties of an event whose every value needs its rdf:Statement (what the validator checks).
FACT_PROPERTIES: tuple[URIRef, ...] = tuple(
    PROPERTY[name] for name in ("participant", "location", "country", "start", "end", "date",
                                "troops", "deaths", "injured", "arrests", "plannedDuration",
                                "withdrawalOf", "requestedBy", "earliestStart", "latestStart",
                                "earliestEnd", "latestEnd", "earliestDate", "latestDate"))
# The resolved graph of kg resolve (MODEL.md, "Across articles").
RESOLVED_GRAPH = KGR["graph/resolved"]
STDIN_GRAPH = KGR["graph/stdin"]  # default-graph content read from standard input that names no article
RESOLVED_EVENT = KG.ResolvedEvent
WITHDRAWAL_OF = KG.withdrawalOf
START, END = PROPERTY["start"], PROPERTY["end"]

# An entity's type (kg.model.Entity.type) -> its class.
ENTITY_CLASS: dict[str, URIRef] = {
    "Country": KG.Country, "City": KG.City, "Place": KG.Place,
    "Organization": KG.Organization, "Person": KG.Person,
    # A named event the article mentions (a war) is not one of the events it reports.
    "Event": SCHEMA.Event}


def event_class(name: str) -> URIRef:
    """The IRI of an event class of the table (``TroopWithdrawal`` -> kg:TroopWithdrawal)."""
    return KG[name]


def event_classes() -> tuple[URIRef, ...]:
    """kg:Event and every class of the event-class table, in table order."""
    from kg.event_classes import event_classes as table

    return (EVENT, *(event_class(n) for n in table().names))
