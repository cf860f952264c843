"""`kg store info|drop|export` and `kg update`, on a real embedded store and a real `oxigraph serve`."""
from __future__ import annotations

import json

import pyoxigraph as ox
from conftest import ART, ARTICLE_TRIPLES, article_turtle
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
KG = "https://w3id.org/kg-loader/ontology#"


def kg(*args: str):
    return runner.invoke(app, list(args))


def _loaded(tmp_path, *hexids: str) -> str:
    store = str(tmp_path / "s")
    for hexid in hexids:
        f = tmp_path / f"{hexid}.ttl"
        f.write_text(article_turtle(hexid), encoding="utf-8")
        assert kg("load", str(f), "--store", store).exit_code == 0
    return store


def test_info_counts_graphs_triples_articles_and_versions(tmp_path):
    store = _loaded(tmp_path, "cc01", "cc02")
    r = kg("store", "info", "--store", store, "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert (doc["graphs"], doc["triples"], doc["articles"]) == (2, 2 * ARTICLE_TRIPLES, 2)
    assert doc["extractor_versions"] == [{"version": None, "articles": 2}]
    text = kg("store", "info", "--store", store).stdout
    assert "articles  2" in text and store in text


def test_info_of_a_missing_store_is_one_line(tmp_path):
    r = kg("store", "info", "--store", str(tmp_path / "none"))
    assert r.exit_code == 1 and r.output.startswith("kg: error: no store at") and r.output.count("\n") == 1


def test_drop_by_graph_and_by_article_and_absent(tmp_path):
    store = _loaded(tmp_path, "cc01", "cc02", "cc03")
    assert kg("store", "drop", ART + "cc01", "--store", store).stdout == f"dropped <{ART}cc01>\n"
    r = kg("store", "drop", "--article", ART + "cc02", "--store", store)
    assert r.exit_code == 0 and ART + "cc02" in r.stdout
    absent = kg("store", "drop", ART + "cc01", "--store", store)
    assert absent.exit_code == 2 and absent.output.count("\n") == 1 and "no graph" in absent.output
    nobody = kg("store", "drop", "--article", "https://example.org/never", "--store", store)
    assert nobody.exit_code == 2 and "no article" in nobody.output
    assert json.loads(kg("store", "info", "--store", store, "-f", "json").stdout)["graphs"] == 1


def test_drop_by_article_url(tmp_path):
    store = str(tmp_path / "s")
    f = tmp_path / "u.ttl"
    f.write_text(article_turtle("cc04").replace(
        'schema:headline "Troops arrive"', 'schema:headline "Troops arrive" ; schema:url <https://example.org/a/4>'))
    assert kg("load", str(f), "--store", store).exit_code == 0
    r = kg("store", "drop", "--article", "https://example.org/a/4", "--store", store)
    assert r.exit_code == 0 and r.stdout == f"dropped <{ART}cc04>\n"


def test_export_is_sorted_deterministic_and_loads_back(tmp_path):
    store = _loaded(tmp_path, "cc02", "cc01")
    out = tmp_path / "all.nq"
    assert kg("store", "export", "--store", store, "-o", str(out)).exit_code == 0
    lines = out.read_text().splitlines()
    assert len(lines) == 2 * ARTICLE_TRIPLES and lines == sorted(lines)
    assert kg("store", "export", "--store", store).stdout == out.read_text()  # `-`: standard output
    trig = tmp_path / "all.trig"
    assert kg("store", "export", "--store", store, "-o", str(trig)).exit_code == 0
    quads = list(ox.parse(trig.read_bytes(), ox.RdfFormat.TRIG))
    assert {q.graph_name.value for q in quads} == {ART + "cc01", ART + "cc02"}
    copy = str(tmp_path / "copy")
    assert kg("load", str(out), "--store", copy).exit_code == 0
    assert json.loads(kg("store", "info", "--store", copy, "-f", "json").stdout)["triples"] == 2 * ARTICLE_TRIPLES
    bad = kg("store", "export", "--store", store, "-o", str(tmp_path / "x.ttl"))
    assert bad.exit_code == 2 and "N-Quads" in bad.output


def test_update_runs_and_a_bad_update_changes_nothing(tmp_path):
    store = _loaded(tmp_path, "cc01", "cc02")
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s schema:headline ?h }"
    assert kg("query", q, "--store", store, "-f", "csv").stdout.split() == ["n", "2"]
    delete = 'DELETE WHERE { GRAPH ?g { ?s schema:headline ?h } }'
    told = kg("query", delete, "--store", store)
    assert told.exit_code == 2 and "kg update" in told.output and told.output.count("\n") == 1
    before = kg("store", "export", "--store", store).stdout
    bad = kg("update", 'DELETE WHERE { GRAPH ?g { ?s schema:headline ', "--store", store)
    assert bad.exit_code == 2 and bad.output.startswith("kg: error: SPARQL update syntax error")
    assert bad.output.count("\n") == 1
    assert kg("store", "export", "--store", store).stdout == before
    ru = tmp_path / "d.ru"
    ru.write_text(delete)
    assert kg("update", f"@{ru}", "--store", store).exit_code == 0
    assert kg("query", q, "--store", store, "-f", "csv").stdout.split() == ["n", "0"]
    insert = f'INSERT DATA {{ GRAPH <{ART}cc01> {{ <{ART}cc01> schema:headline "back" }} }}'
    assert runner.invoke(app, ["update", "-", "--store", store], input=insert).exit_code == 0
    assert kg("query", q, "--store", store, "-f", "csv").stdout.split() == ["n", "1"]
    asked = kg("update", "SELECT * {}", "--store", store)
    assert asked.exit_code == 2 and "kg query" in asked.output


def test_remote_info_drop_export_and_update(oxigraph_server, tmp_path):
    f = tmp_path / "r.ttl"
    f.write_text(article_turtle("dd01"), encoding="utf-8")
    assert kg("load", str(f), "--endpoint", oxigraph_server.gsp).exit_code == 0
    info = json.loads(kg("store", "info", "--endpoint", oxigraph_server.query, "-f", "json").stdout)
    graphs = kg("query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a kg:Article } }",
                "--endpoint", oxigraph_server.query, "-f", "csv").stdout.split()[1]
    assert info["articles"] == int(graphs) >= 1
    nq = kg("store", "export", "--endpoint", oxigraph_server.query).stdout
    assert sum(f"<{ART}dd01> .\n" in line + "\n" for line in nq.splitlines()) == ARTICLE_TRIPLES
    up = kg("update", f'INSERT DATA {{ GRAPH <{ART}dd01> {{ <{ART}dd01> <{KG}note> "x" }} }}',
            "--update-endpoint", oxigraph_server.update)
    assert up.exit_code == 0, up.output
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ART}dd01> {{ ?s ?p ?o }} }}"
    assert kg("query", count, "--endpoint", oxigraph_server.query, "-f", "csv").stdout.split()[1] == str(
        ARTICLE_TRIPLES + 1)
    bad = kg("update", "INSERT DATA { GRAPH", "--update-endpoint", oxigraph_server.update)
    assert bad.exit_code == 2 and bad.output.count("\n") == 1
    r = kg("store", "drop", "--article", ART + "dd01", "--endpoint", oxigraph_server.gsp)
    assert r.exit_code == 0, r.output
    assert kg("query", count, "--endpoint", oxigraph_server.query, "-f", "csv").stdout.split()[1] == "0"
    again = kg("store", "drop", ART + "dd01", "--endpoint", oxigraph_server.gsp)
    assert again.exit_code == 2 and "no graph" in again.output
