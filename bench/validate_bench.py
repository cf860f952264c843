"""Speed of kg.validate on article-sized and batch-sized graphs.

    .venv/bin/python bench/validate_bench.py [--sparql]

Graphs are copies of tests/fixtures/valid_article.ttl with every kgr: IRI renamed per copy, so
they look like many articles loaded together (~220 triples per copy). ``--sparql`` also times
the alternative that was rejected: the "every truthy fact has its statement" check as a
per-event SHACL-SPARQL constraint instead of the Python pass in kg/validate.py.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from rdflib import BNode, Graph, URIRef

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.validate import load_shapes, read_rdf, validate_graph  # noqa: E402

KGR = "https://w3id.org/kg-loader/id/"
FIXTURE = ROOT / "tests" / "fixtures" / "valid_article.ttl"

SPARQL_SHAPE = """
@prefix kg: <https://w3id.org/kg-loader/ontology#> .
@prefix kgsh: <https://w3id.org/kg-loader/shapes#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
kgsh:ns sh:declare [ sh:prefix "kg" ; sh:namespace "https://w3id.org/kg-loader/ontology#"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] .
kgsh:SparqlFactShape a sh:NodeShape ;
  sh:targetClass kg:MilitaryDeployment , kg:TroopWithdrawal , kg:CivilUnrest , kg:Attack ,
      kg:ArmedClash , kg:Resignation , kg:Arrest , kg:StateOfEmergency ;
  sh:sparql [ sh:prefixes kgsh:ns ; sh:message "fact without statement" ; sh:select '''
    SELECT $this ?path ?value WHERE {
      $this ?path ?value .
      FILTER (?path IN (<http://www.wikidata.org/prop/direct/P710>, <http://www.wikidata.org/prop/direct/P276>,
        <http://www.wikidata.org/prop/direct/P17>, <http://www.wikidata.org/prop/direct/P580>,
        <http://www.wikidata.org/prop/direct/P582>, <http://www.wikidata.org/prop/direct/P585>,
        <http://www.wikidata.org/prop/direct/P1132>, <http://www.wikidata.org/prop/direct/P1120>,
        <http://www.wikidata.org/prop/direct/P1339>, kg:arrestCount, kg:plannedDuration,
        kg:withdrawalOf, kg:requestedBy))
      FILTER NOT EXISTS {
        ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> $this ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?path ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?value ;
            <http://www.w3.org/ns/prov#wasDerivedFrom> ?a ; kg:evidence ?e .
        ?a a kg:Article . ?e <http://www.w3.org/ns/oa#exact> ?x ;
            <http://www.w3.org/ns/oa#start> ?s ; <http://www.w3.org/ns/oa#end> ?n . } }''' ] .
"""


def copies(n: int) -> Graph:
    base = read_rdf(FIXTURE)
    out = Graph()
    for i in range(n):
        def ren(t, i=i):
            if isinstance(t, BNode):
                return BNode(f"{t}x{i}")
            return URIRef(f"{t}-{i}") if isinstance(t, URIRef) and str(t).startswith(KGR) else t
        for s, p, o in base:
            out.add((ren(s), p, ren(o)))
    return out


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    shapes = load_shapes()
    sizes = [(3, 7), (25, 3), (230, 1)]  # ~650, ~5.4k, ~50k triples
    validate_graph(copies(1), shapes)  # warm-up: imports pyshacl, builds caches
    for n, repeat in sizes:
        g = copies(n)
        t = timed(lambda: validate_graph(g, shapes), repeat)
        print(f"python checks  {len(g):>6} triples  {t:6.3f} s  {len(g) / t:>8,.0f} triples/s")
    if "--sparql" in sys.argv:
        alt = Graph()
        for s, p, o in shapes:
            alt.add((s, p, o))
        alt.parse(data=SPARQL_SHAPE, format="turtle")
        for n, repeat in sizes[:2]:
            g = copies(n)
            t = timed(lambda: validate_graph(g, alt), repeat)
            print(f"+SHACL-SPARQL  {len(g):>6} triples  {t:6.3f} s  {len(g) / t:>8,.0f} triples/s")


if __name__ == "__main__":
    main()
