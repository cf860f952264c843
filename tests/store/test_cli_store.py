"""`kg load` and `kg query` end to end through the Typer app."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import servers
from conftest import ART, ARTICLE_TRIPLES
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def kg(*args: str, **env: str):
    return runner.invoke(app, list(args), env=env or None)


def test_load_prints_graphs_and_total_then_query(tmp_path, article_file, two_articles_trig):
    store = str(tmp_path / "s")
    r = kg("load", str(article_file), str(two_articles_trig), "--store", store)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == f"{article_file}  <{ART}aa01>  {ARTICLE_TRIPLES} triples"
    assert lines[1] == f"{two_articles_trig}  2 graphs  {2 * ARTICLE_TRIPLES} triples"
    assert lines[2] == f"loaded {3 * ARTICLE_TRIPLES} triples in 3 graphs from 2 files into {store}"

    again = kg("load", str(article_file), "--store", store)
    assert again.output.splitlines()[0].endswith("(replaced)")

    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    table = kg("query", q, "--store", store)
    assert table.exit_code == 0
    assert table.output.splitlines()[2].split() == ["kgr:article/aa01", str(ARTICLE_TRIPLES)]
    assert table.output.splitlines()[-1] == "(3 rows)"
    rows = list(csv.reader(io.StringIO(kg("query", q, "--store", store, "--format", "csv").output)))
    assert rows[1] == [ART + "aa01", str(ARTICLE_TRIPLES)]
    doc = json.loads(kg("query", q, "--store", store, "--format", "json").output)
    assert len(doc["results"]["bindings"]) == 3


def test_store_from_kg_store_and_query_from_file(tmp_path, article_file):
    store = str(tmp_path / "env-store")
    assert kg("load", str(article_file), KG_STORE=store).exit_code == 0
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?h WHERE { GRAPH ?g { ?a kg:textSha256 ?h } }")
    r = kg("query", f"@{rq}", KG_STORE=store)
    assert r.exit_code == 0 and r.output.splitlines()[-1] == "(1 row)"


@pytest.mark.parametrize("content, code", [(None, 2), (b"", 2), (b"\x00\x01\xff" * 50, 2),
                                           (b"<http://a> <http://b> .\n", 2)])
def test_bad_files_give_one_line_and_load_nothing(tmp_path, article_file, content, code):
    bad = tmp_path / "bad.ttl"
    if content is not None:
        bad.write_bytes(content)
    store = tmp_path / "s"
    r = kg("load", str(article_file), str(bad), "--store", str(store))
    assert r.exit_code == code
    assert r.output.count("\n") == 1 and r.output.startswith("kg: error: ")
    assert "Traceback" not in r.output
    # the good file before it was not loaded either: nothing half-written
    assert not store.exists() or kg("query", "ASK { GRAPH ?g { ?s ?p ?o } }", "--store",
                                    str(store)).output.split()[-1] == "false"


def test_dead_endpoint_is_one_line_and_nonzero(article_file):
    r = kg("load", str(article_file), "--endpoint", servers.dead_url("/store"), "--timeout", "2",
           "--retries", "0")
    assert r.exit_code == 1
    assert r.output.startswith("kg: error: http://127.0.0.1:") and r.output.count("\n") == 1
    q = kg("query", "ASK {}", "--endpoint", servers.dead_url("/query"), "--retries", "0")
    assert q.exit_code == 1 and "connection refused" in q.output


def test_unusable_arguments(tmp_path, article_file):
    both = kg("load", str(article_file), "--store", str(tmp_path), "--endpoint", "http://x/store")
    assert both.exit_code == 2 and "not both" in both.output
    missing = kg("query", "ASK {}", "--store", str(tmp_path / "none"))
    assert missing.exit_code == 1 and "no store at" in missing.output
    assert kg("query", "SELEC", "--store", str(tmp_path)).exit_code == 2


def test_load_and_query_through_oxigraph_server(oxigraph_server, two_articles_trig):
    r = kg("load", str(two_articles_trig), "--endpoint", oxigraph_server.gsp)
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[-1].endswith(f"into {oxigraph_server.gsp}")
    q = kg("query", f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ART}bb02> {{ ?s ?p ?o }} }}",
           "--endpoint", oxigraph_server.query, "--format", "csv")
    assert q.output.splitlines() == ["n", str(ARTICLE_TRIPLES)]


def test_load_through_virtuoso_update_endpoint(virtuoso_server, article_file):
    r = kg("load", str(article_file), "--update-endpoint", virtuoso_server.update)
    assert r.exit_code == 0, r.output
    q = kg("query", f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ART}aa01> {{ ?s ?p ?o }} }}",
           "--endpoint", virtuoso_server.query, "--format", "csv")
    assert q.output.splitlines() == ["n", str(ARTICLE_TRIPLES)]


def test_installed_kg_command_exits_nonzero_on_dead_endpoint(article_file):
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("kg")
    if not exe.exists():
        pytest.skip("kg console script not installed in this environment")
    done = subprocess.run([str(exe), "load", str(article_file), "--endpoint",
                           servers.dead_url("/store"), "--timeout", "2", "--retries", "1"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith("kg: error: ") and done.stderr.count("\n") == 1
    assert done.stdout == ""


def test_a_query_reads_the_store_while_a_writer_holds_it(tmp_path):
    """`kg query` opens the embedded store read-only: it runs during an ingest."""
    import subprocess
    import sys

    import pyoxigraph as ox

    folder = tmp_path / "db"
    writer = ox.Store(str(folder))
    writer.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                       ox.Literal("o"), ox.NamedNode("http://example.org/g")))
    writer.flush()
    result = subprocess.run([sys.executable, "-m", "kg", "query",
                             "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", str(folder)],
                            capture_output=True, text=True, timeout=120)
    del writer
    assert result.returncode == 0, result.stderr
    assert "1" in result.stdout.split()


def test_an_empty_remote_answer_says_why(oxigraph_server, two_articles_trig):
    assert kg("load", str(two_articles_trig), "--endpoint", oxigraph_server.gsp).exit_code == 0
    # The test server keeps its default graph apart from the named article graphs.
    r = kg("query", "SELECT ?s WHERE { ?s a <https://w3id.org/kg-loader/ontology#Article> }",
           "--endpoint", oxigraph_server.query, "--format", "csv")
    assert r.exit_code == 0
    assert "Article graphs are named graphs" in r.stderr and "--union-default-graph" in r.stderr
    r = kg("query", "SELECT ?s WHERE { GRAPH ?g { ?s a <https://w3id.org/kg-loader/ontology#Article> } }",
           "--endpoint", oxigraph_server.query, "--format", "csv")
    assert r.exit_code == 0 and "named graphs" not in r.stderr


def test_an_undated_article_does_not_replace_its_dated_graph_without_replace(tmp_path):
    from conftest import article_turtle

    dated = tmp_path / "dated.ttl"
    dated.write_text(article_turtle("ee01"), encoding="utf-8")
    undated = tmp_path / "undated.ttl"
    undated.write_text(article_turtle("ee01").replace('schema:datePublished "2022-01-07"^^xsd:date ;', ""),
                       encoding="utf-8")
    store = str(tmp_path / "s")
    assert kg("load", str(dated), "--store", store).exit_code == 0
    r = kg("load", str(undated), "--store", store)
    assert r.exit_code == 2 and r.output.count("\n") == 1
    assert f"dated 2022-01-07 in <{ART}ee01>" in r.output and "--replace" in r.output
    dates = "SELECT ?d WHERE { ?a schema:datePublished ?d }"
    assert kg("query", dates, "--store", store, "-f", "csv").stdout.split() == ["d", "2022-01-07"]
    assert kg("load", str(undated), "--store", store, "--replace").exit_code == 0
    assert kg("query", dates, "--store", store, "-f", "csv").stdout.split() == ["d"]
    assert kg("load", str(dated), "--store", store).exit_code == 0  # a dated one replaces any


def test_load_draws_a_progress_bar_on_a_terminal(tmp_path, two_articles_trig, article_file):
    """Standard error a terminal and several files: a bar; otherwise no bar."""
    import os
    import pty
    import subprocess
    import sys

    store = str(tmp_path / "s")
    cmd = [sys.executable, "-m", "kg", "load", str(article_file), str(two_articles_trig), "--store", store]
    main, other = pty.openpty()
    try:
        done = subprocess.run(cmd, stderr=other, stdout=subprocess.PIPE, timeout=120)
        os.close(other)
        err = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
    finally:
        os.close(main)
    assert done.returncode == 0
    assert b"load" in err and b"4/4" in err
    plain = subprocess.run(cmd, capture_output=True, timeout=120)
    assert plain.returncode == 0 and plain.stderr == b""
