from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ART

from kg.errors import InputError
from kg.store.embedded import EmbeddedStore
from kg.store.results import QueryResult, Term, query_text, shorten, with_prefixes


@pytest.fixture
def store(tmp_path: Path, two_articles_trig: Path):
    with EmbeddedStore(tmp_path / "store") as s:
        s.load_file(two_articles_trig)
        yield s


Q = ("SELECT ?a ?n ?label WHERE { GRAPH ?a { ?e wdt:P1132 ?n ; rdfs:label ?label } } "
     "ORDER BY ?a")


def test_table_is_aligned_and_prefixed(store):
    text = store.query(Q).to_text()
    lines = text.splitlines()
    assert lines[0].split() == ["a", "n", "label"]
    assert lines[2].split() == ["kgr:article/bb01", "2030", "Deployment", "bb01"]
    assert lines[-1] == "(2 rows)"
    assert len({line.index("2030") for line in lines[2:4]}) == 1  # columns line up


def test_csv_has_full_iris(store):
    rows = list(csv.reader(io.StringIO(store.query(Q).to_csv())))
    assert rows[0] == ["a", "n", "label"]
    assert rows[1] == [ART + "bb01", "2030", "Deployment bb01"]


def test_json_is_sparql_results_json(store):
    doc = json.loads(store.query(Q).to_json())
    assert doc["head"]["vars"] == ["a", "n", "label"]
    first = doc["results"]["bindings"][0]
    assert first["a"] == {"type": "uri", "value": ART + "bb01"}
    assert first["n"] == {"type": "literal", "value": "2030",
                          "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert first["label"] == {"type": "literal", "value": "Deployment bb01", "xml:lang": "en"}
    # and it reads back into the same result
    assert QueryResult.parse(store.query(Q).to_json(), "json") == store.query(Q)


def test_ask_and_construct(store):
    assert store.query("ASK { GRAPH ?g { ?s a kg:Article } }").to_text().split() == ["ask", "----", "true"]
    assert json.loads(store.query("ASK { ?s ?p 'nothing' }").to_json()) == {"head": {}, "boolean": False}
    ttl = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ART}bb01> {{ ?s a kg:Article ; ?p ?o }} }}").to_turtle()
    assert "@prefix kg:" in ttl and "Troops arrive" in ttl
    with pytest.raises(InputError):
        store.query("ASK {}").to_turtle()


def test_unbound_cells_are_empty(store):
    result = store.query("SELECT ?x ?y WHERE { VALUES (?x ?y) { (1 UNDEF) } }")
    assert result.rows == (("1", ""),)
    assert json.loads(result.to_json())["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]


def test_virtuoso_typed_literal_json_is_read():
    doc = {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {
        "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "2"}}]}}
    (row,) = QueryResult.parse(json.dumps(doc), "json").bindings
    assert row == (Term("literal", "2", datatype="http://www.w3.org/2001/XMLSchema#integer"),)


def test_shorten_and_prefixes():
    assert shorten(ART + "ab") == "kgr:article/ab"
    assert shorten("http://www.wikidata.org/entity/Q232") == "wd:Q232"
    assert shorten("http://example.org/x y") == "<http://example.org/x y>"
    q = with_prefixes("SELECT * WHERE { ?s wdt:P17 wd:Q232 }")
    assert "PREFIX wdt: <http://www.wikidata.org/prop/direct/>" in q and "PREFIX wd:" in q
    assert "PREFIX kg:" not in q
    own = "PREFIX wd: <http://example.org/> SELECT * WHERE { ?s ?p wd:x }"
    assert with_prefixes(own) == own


def test_query_text_from_file(tmp_path: Path):
    f = tmp_path / "q.rq"
    f.write_text("ASK {}")
    assert query_text(f"@{f}") == "ASK {}"
    assert query_text("ASK {}") == "ASK {}"
    with pytest.raises(InputError, match="no such query file"):
        query_text(f"@{tmp_path}/missing.rq")
    with pytest.raises(InputError, match="empty"):
        query_text("  ")


def test_awkward_terms_survive_the_serializers(store):
    q = ('SELECT ?x ?y ?z WHERE { VALUES (?x ?y) { ("tab\\there, \\"quoted\\"\\nnew line"@en UNDEF) '
         '(<http://example.org/a> "2"^^xsd:decimal) } BIND(BNODE("b") AS ?z) }')
    result = store.query(q)
    assert QueryResult.parse(result.to_json(), "json").bindings[0][:2] == result.bindings[0][:2]
    again = QueryResult.parse(result.to_json(), "json")
    assert again.variables == ("x", "y", "z") and again.bindings[1][:2] == result.bindings[1][:2]
    assert all(row[2].kind == "bnode" for row in again.bindings)
    rows = list(csv.reader(io.StringIO(result.to_csv())))
    assert rows[0] == ["x", "y", "z"] and rows[1][:2] == ['tab\there, "quoted"\nnew line', ""]
    assert rows[2][:2] == ["http://example.org/a", "2"] and rows[2][2].startswith("_:")
