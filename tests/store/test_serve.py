"""`kg serve`: a read-only SPARQL endpoint over the embedded store, started in a subprocess."""
from __future__ import annotations

import csv
import io
import json
import sys

import pytest
import requests
import servers
from conftest import ART, ARTICLE_TRIPLES
from typer.testing import CliRunner

from kg.cli import app
from kg.store.serve import negotiate

runner = CliRunner()
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # no GRAPH: the union of the article graphs


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """`kg serve` on a free port over a store holding two articles; its /query URL."""
    root = tmp_path_factory.mktemp("serve")
    store = root / "store"
    trig = root / "two.trig"
    import pyoxigraph as ox
    from conftest import article_turtle

    quads = []
    for hexid in ("ff01", "ff02"):
        g = ox.NamedNode(ART + hexid)
        quads += [ox.Quad(q.subject, q.predicate, q.object, g)
                  for q in ox.parse(article_turtle(hexid), format=ox.RdfFormat.TURTLE)]
    trig.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    assert runner.invoke(app, ["load", str(trig), "--store", str(store)]).exit_code == 0
    server = _serve(store, root)
    yield server.query
    server.stop()


def _serve(store, root) -> servers.Server:
    port = servers.free_port()
    base = f"http://127.0.0.1:{port}"
    log = root / "serve.log"
    proc = servers._spawn([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port)],
                          root, log)
    server = servers.Server("kg serve", proc, root, base, gsp="", query=f"{base}/query", update=f"{base}/update",
                            log=log)
    servers._wait_http(server, f"{base}/query?query=ASK%7B%7D", timeout=60)
    return server


def test_get_and_post_answer_in_the_negotiated_format(endpoint):
    r = requests.get(endpoint, params={"query": COUNT}, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/sparql-results+json")
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert r.json()["results"]["bindings"][0]["n"]["value"] == str(2 * ARTICLE_TRIPLES)
    r = requests.post(endpoint, data={"query": "SELECT ?a WHERE { ?a a kg:Article } ORDER BY ?a"},
                      headers={"Accept": "text/csv"}, timeout=30)
    assert r.headers["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(r.text))) == [["a"], [ART + "ff01"], [ART + "ff02"]]
    tsv = requests.post(endpoint, data="ASK { ?a a kg:Article }", timeout=30, headers={
        "Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values, */*;q=0.1"})
    assert tsv.headers["Content-Type"].startswith("text/tab-separated-values") and "true" in tsv.text
    xml = requests.get(endpoint, params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+xml"},
                       timeout=30)
    assert "<boolean>true</boolean>" in xml.text


def test_construct_gives_turtle_or_ntriples(endpoint):
    q = f"CONSTRUCT WHERE {{ <{ART}ff01> a ?c }}"
    ttl = requests.get(endpoint, params={"query": q}, timeout=30)
    assert ttl.headers["Content-Type"].startswith("text/turtle")
    nt = requests.get(endpoint, params={"query": q}, headers={"Accept": "application/n-triples"}, timeout=30)
    assert nt.headers["Content-Type"].startswith("application/n-triples")
    assert len(nt.text.strip().splitlines()) == 2  # kg:Article and schema:NewsArticle
    refused = requests.get(endpoint, params={"query": q}, headers={"Accept": "text/csv"}, timeout=30)
    assert refused.status_code == 406


def test_updates_are_refused_and_bad_queries_are_400(endpoint):
    update = f"DROP GRAPH <{ART}ff01>"
    assert requests.post(endpoint, data={"update": update}, timeout=30).status_code == 403
    assert requests.post(endpoint, data={"query": update}, timeout=30).status_code == 403
    assert requests.post(endpoint.replace("/query", "/update"), data={"update": update}, timeout=30
                         ).status_code == 403
    assert requests.put(endpoint, data=b"", timeout=30).status_code == 405
    still = requests.get(endpoint, params={"query": COUNT}, timeout=30).json()
    assert still["results"]["bindings"][0]["n"]["value"] == str(2 * ARTICLE_TRIPLES)
    bad = requests.get(endpoint, params={"query": "SELEC"}, timeout=30)
    assert bad.status_code == 400 and bad.text.startswith("SPARQL syntax error")
    preflight = requests.options(endpoint, headers={"Origin": "http://yasgui.example",
                                                    "Access-Control-Request-Method": "POST"}, timeout=30)
    assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == "*"


def test_kg_query_reads_it_as_an_endpoint(endpoint):
    r = runner.invoke(app, ["query", COUNT, "--endpoint", endpoint, "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["results"]["bindings"][0]["n"]["value"] == str(2 * ARTICLE_TRIPLES)


def test_serving_a_missing_store_or_a_taken_port_is_one_line(tmp_path, endpoint):
    r = runner.invoke(app, ["serve", "--store", str(tmp_path / "none")])
    assert r.exit_code == 1 and r.output.startswith("kg: error: no store at") and r.output.count("\n") == 1
    (tmp_path / "s").mkdir()
    port = endpoint.split(":")[2].split("/")[0]
    taken = runner.invoke(app, ["serve", "--store", str(tmp_path / "s"), "--port", port])
    assert taken.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in taken.output


@pytest.mark.parametrize("accept, expected", [
    ("", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("image/png", None),
])
def test_negotiate(accept, expected):
    from kg.store.serve import _RESULTS

    assert negotiate(accept, _RESULTS) == expected


def test_what_is_loaded_while_serving_is_seen(tmp_path, article_file):
    store = tmp_path / "s"
    store.mkdir()
    server = _serve(store, tmp_path)
    try:
        before = requests.get(server.query, params={"query": COUNT}, timeout=30).json()
        assert before["results"]["bindings"][0]["n"]["value"] == "0"
        assert runner.invoke(app, ["load", str(article_file), "--store", str(store)]).exit_code == 0
        after = requests.get(server.query, params={"query": COUNT}, timeout=30).json()
        assert after["results"]["bindings"][0]["n"]["value"] == str(ARTICLE_TRIPLES)
    finally:
        server.stop()


def test_the_view_sees_what_a_writer_that_stays_open_adds(tmp_path):
    import pyoxigraph as ox

    from kg.store.serve import ReadOnlyView

    writer = ox.Store(str(tmp_path / "db"))
    graph, p = ox.NamedNode(ART + "ff09"), ox.NamedNode("http://example.org/p")
    writer.add(ox.Quad(ox.NamedNode("http://example.org/a"), p, ox.Literal("1"), graph))
    view = ReadOnlyView(tmp_path / "db")
    assert len(list(view.store().quads_for_pattern(None, None, None, None))) == 1
    writer.update(f'INSERT DATA {{ GRAPH <{graph.value}> {{ <http://example.org/b> <{p.value}> "2" }} }}')
    assert len(list(view.store().quads_for_pattern(None, None, None, None))) == 2
    del writer
