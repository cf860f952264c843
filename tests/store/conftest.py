"""Fixtures for the store tests: small model-shaped RDF files and real servers on free ports."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/servers.py

import servers  # noqa: E402

KG = "https://w3id.org/kg-loader/ontology#"
ART = "https://w3id.org/kg-loader/id/article/"


def article_turtle(hexid: str, headline: str = "Troops arrive", troops: int = 2030,
                   sha: str | None = None, named: bool = False) -> str:
    """A tiny article graph shaped like MODEL.md (our own words, synthetic numbers); ``named``
    names the statement and its evidence by IRIs, as `kg extract` does, instead of blank nodes."""
    sha = sha or (hexid * 8)[:64]
    selector = f'a oa:TextQuoteSelector ; oa:exact "about {troops} soldiers" ; oa:start 10 ; oa:end 31'
    statement, evidence, tail = ((f"kgr:statement\\/{hexid}-1", f"kgr:evidence\\/{hexid}-10-31",
                                  f"kgr:evidence\\/{hexid}-10-31 {selector} .") if named
                                 else ("[]", f"[ {selector} ]", ""))
    return f"""@prefix kg: <{KG}> .
@prefix kgr: <https://w3id.org/kg-loader/id/> .
@prefix schema: <http://schema.org/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

kgr:article\\/{hexid} a kg:Article , schema:NewsArticle ;
    schema:headline "{headline}" ;
    schema:datePublished "2022-01-07"^^xsd:date ;
    kg:textSha256 "{sha}" .

kgr:event\\/dep-{hexid} a kg:MilitaryDeployment ;
    rdfs:label "Deployment {hexid}"@en ;
    wdt:P1132 {troops} ;
    prov:wasDerivedFrom kgr:article\\/{hexid} .

{statement} a rdf:Statement ;
    rdf:subject kgr:event\\/dep-{hexid} ; rdf:predicate wdt:P1132 ; rdf:object {troops} ;
    prov:wasDerivedFrom kgr:article\\/{hexid} ;
    kg:evidence {evidence} .
{tail}
"""


# Triples in article_turtle(): 4 article + 4 event + 6 statement + 1 evidence link + 4 selector
ARTICLE_TRIPLES = 19


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    p = tmp_path / "one.ttl"
    p.write_text(article_turtle("aa01"), encoding="utf-8")
    return p


@pytest.fixture
def two_articles_trig(tmp_path: Path) -> Path:
    """Two article graphs in one TriG file, each named by its article IRI."""
    import pyoxigraph as ox

    quads = []
    for hexid in ("bb01", "bb02"):
        g = ox.NamedNode(ART + hexid)
        quads += [ox.Quad(q.subject, q.predicate, q.object, g) for q in
                  ox.parse(article_turtle(hexid), format=ox.RdfFormat.TURTLE)]
    p = tmp_path / "two.trig"
    p.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    return p


def _server(tmp_path_factory, missing, start, name: str):
    reason = missing()
    if reason:
        pytest.skip(reason)
    server = start(tmp_path_factory.mktemp(name))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    yield from _server(tmp_path_factory, servers.oxigraph_missing, servers.start_oxigraph, "oxigraph")


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    yield from _server(tmp_path_factory, servers.virtuoso_missing, servers.start_virtuoso, "virtuoso")
