"""kg.ingest and `kg ingest`: sources, parallel workers, error log, resume, exit codes.

The articles are written here for the tests (conflict-news style, real country names that are
in kg/data/gazetteer.tsv). Stores are embedded, in tmp folders; URLs are served on 127.0.0.1.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.errors import InputError, StoreError, ValidationFailed
from kg.ingest import (IngestAborted, IngestInterrupted, Source, count_sources, ingest, iter_sources, process_source,
                       Known, known_articles)

from kg.store.embedded import EmbeddedStore


def deployment(n: int) -> str:
    return (f"Romania sends {100 + n} troops to Moldova\n\n"
            f"Romania deployed {100 + n} soldiers to Moldova on Monday after protests in Chisinau. "
            f"Officials said {n + 2} people were killed and {n + 10} were injured in the unrest.\n")


def clash(n: int) -> str:
    return (f"Armenia and Azerbaijan troops clash\n\n"
            f"Troops of Armenia and Azerbaijan clashed on the border on Tuesday, killing {n + 3} soldiers. "
            f"Police in Yerevan arrested {n + 20} protesters the next day.\n")


def record(n: int) -> str:
    return json.dumps({"text": (f"Poland sent {200 + n} police officers to Lithuania on Friday after "
                                f"riots in Vilnius left {n + 1} people dead."),
                       "title": "Police sent to Lithuania", "published": "2023-05-12"})


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with nested articles, a JSON Lines file and things ingest must ignore."""
    root = tmp_path / "news"
    (root / "east").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for i in range(3):
        (root / f"deploy-{i}.txt").write_text(deployment(i), encoding="utf-8")
    (root / "east" / "clash.txt").write_text(clash(1), encoding="utf-8")
    (root / "east" / "clash.json").write_text(
        json.dumps({"text": clash(2), "published": "2022-09-13"}), encoding="utf-8")
    (root / "east" / "batch.jsonl").write_text("\n".join(record(i) for i in range(3)) + "\n\n",
                                               encoding="utf-8")
    (root / ".hidden" / "skip.txt").write_text(deployment(50), encoding="utf-8")
    (root / ".skip.txt").write_text(deployment(51), encoding="utf-8")
    (root / "notes.md").write_text(deployment(52), encoding="utf-8")
    return root


def store_size(path: Path) -> int:
    with EmbeddedStore(path) as store:
        return store.count()


def graph_names(path: Path) -> set[str]:
    with EmbeddedStore(path) as store:
        return set(store.graphs())


# ---------------------------------------------------------------------------------------------
# Sources


def test_iter_sources_walks_folders_in_order_and_skips_hidden_and_other_suffixes(corpus):
    names = [s.name for s in iter_sources([corpus])]
    root = str(corpus)
    assert names == [
        f"{root}/deploy-0.txt", f"{root}/deploy-1.txt", f"{root}/deploy-2.txt",
        f"{root}/east/batch.jsonl:1", f"{root}/east/batch.jsonl:2", f"{root}/east/batch.jsonl:3",
        f"{root}/east/clash.json", f"{root}/east/clash.txt",
    ]
    assert count_sources([corpus]) == 8


def test_url_lists_by_suffix_or_by_content(tmp_path):
    urls = tmp_path / "list.urls"
    urls.write_text("# a comment\nhttp://127.0.0.1:1/a\n\nhttps://127.0.0.1:1/b\n")
    as_txt = tmp_path / "links.txt"
    as_txt.write_text("http://127.0.0.1:1/c\nhttp://127.0.0.1:1/d\n")
    prose = tmp_path / "prose.txt"
    prose.write_text("http://127.0.0.1:1/e\nTroops were sent to Georgia on Monday.\n")
    sources = list(iter_sources([urls, as_txt, prose]))
    assert [(s.kind, s.location) for s in sources] == [
        ("url", "http://127.0.0.1:1/a"), ("url", "https://127.0.0.1:1/b"),
        ("url", "http://127.0.0.1:1/c"), ("url", "http://127.0.0.1:1/d"),
        ("file", str(prose)),
    ]


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_sources([tmp_path / "nope"]))


# ---------------------------------------------------------------------------------------------
# One article (in-process)


def test_process_source_extracts_to_nquads_in_the_article_graph():
    import pyoxigraph as ox

    out = process_source(Source("r:1", "record", "r", record=record(7)))
    assert out.status == "extracted"
    assert out.graph_iri.endswith(out.sha256[:16])
    quads = list(ox.parse(out.data, format=ox.RdfFormat.N_QUADS))
    assert len(quads) == out.triples > 10
    assert {q.graph_name.value for q in quads} == {out.graph_iri}
    assert any(isinstance(q.object, ox.Literal) and q.object.value == out.sha256 for q in quads)


def test_process_source_skips_known_text_without_extracting(monkeypatch):
    import kg.api

    def extractor(*args, **kwargs):
        raise RuntimeError("extracted")

    monkeypatch.setattr(kg.api, "process_article", extractor)
    first = process_source(Source("r:1", "record", "r", record=record(8)))
    assert first.message.endswith("RuntimeError: extracted")  # the patch bites when not known
    import hashlib

    sha = hashlib.sha256(json.loads(record(8))["text"].encode()).hexdigest()
    out = process_source(Source("r:1", "record", "r", record=record(8)), known=Known(current=frozenset({sha})))
    assert (out.status, out.sha256) == ("skipped", sha)


@pytest.mark.parametrize("raised, stage, words", [
    (ValidationFailed("the graph of x has 1 SHACL violation(s); nothing written"), "validate", "SHACL"),
    (RuntimeError("boom"), "extract", "internal error: RuntimeError: boom"),
])
def test_process_source_names_the_failing_stage(monkeypatch, raised, stage, words):
    import kg.api

    def fail(*args, **kwargs):
        raise raised

    monkeypatch.setattr(kg.api, "process_article", fail)
    out = process_source(Source("r:1", "record", "r", record=record(9)))
    assert (out.status, out.stage) == ("failed", stage)
    assert words in out.message


def test_malformed_record_fails_at_read():
    out = process_source(Source("batch.jsonl:4", "record", "batch.jsonl", record="{not json"))
    assert (out.status, out.stage) == ("failed", "read")
    assert out.message.startswith("batch.jsonl:4: malformed JSON")


# ---------------------------------------------------------------------------------------------
# Batches into an embedded store


def test_ingest_loads_each_article_as_its_own_graph(corpus, tmp_path):
    db = tmp_path / "db"
    with EmbeddedStore(db) as store:
        summary = ingest([corpus], store, workers=2)
        hashes = known_articles(store).current
    assert (summary.loaded, summary.skipped, summary.failed) == (8, 0, 0)
    assert summary.ok and summary.rate > 0
    assert len(hashes) == 8
    assert store_size(db) == summary.triples
    assert len(graph_names(db)) == 8


def test_rerun_skips_everything_and_changes_nothing(corpus, tmp_path):
    db = tmp_path / "db"
    with EmbeddedStore(db) as store:
        first = ingest([corpus], store, workers=2)
    before = store_size(db)
    with EmbeddedStore(db) as store:
        again = ingest([corpus], store, workers=2)
    assert (again.loaded, again.skipped, again.failed, again.triples) == (0, 8, 0, 0)
    assert store_size(db) == before == first.triples


def test_interrupted_ingest_is_finished_by_a_rerun(corpus, tmp_path):
    db = tmp_path / "db"
    with EmbeddedStore(db) as store:
        ingest([corpus / "east"], store, workers=1)  # the part done before an interruption
        rest = ingest([corpus], store, workers=2)
    assert (rest.loaded, rest.skipped) == (3, 5)
    full = tmp_path / "full"
    with EmbeddedStore(full) as store:
        ingest([corpus], store, workers=2)
    assert store_size(db) == store_size(full)
    assert graph_names(db) == graph_names(full)


def test_embedded_store_is_written_in_batches(corpus, tmp_path, monkeypatch):
    import kg.ingest

    class CountingStore(EmbeddedStore):
        batches: list[int] = []

        def load_nquads(self, graphs):
            self.batches.append(len(graphs))
            return super().load_nquads(graphs)

    monkeypatch.setattr(kg.ingest._Loader, "BATCH", 3)
    with CountingStore(tmp_path / "db") as store:
        summary = ingest([corpus], store, workers=2)
    assert CountingStore.batches == [3, 3, 2]
    assert summary.loaded == 8 and store_size(tmp_path / "db") == summary.triples


def test_ctrl_c_keeps_whole_articles_and_a_rerun_finishes(corpus, tmp_path):
    def stop_after_three(tick):
        if tick.done == 3:
            raise KeyboardInterrupt

    db = tmp_path / "db"
    with EmbeddedStore(db) as store:
        with pytest.raises(IngestInterrupted) as info:
            ingest([corpus], store, workers=2, progress=stop_after_three)
        assert isinstance(info.value, KeyboardInterrupt)
        assert info.value.summary.loaded == 3  # the extracted ones were written before stopping
        assert len(store.graphs()) == 3
        rest = ingest([corpus], store, workers=2)
    assert (rest.loaded, rest.skipped) == (5, 3)


def test_same_text_twice_in_one_batch_is_loaded_once(tmp_path):
    (tmp_path / "a.txt").write_text(deployment(3))
    (tmp_path / "b.txt").write_text(deployment(3))
    with EmbeddedStore(tmp_path / "db") as store:
        summary = ingest([tmp_path / "a.txt", tmp_path / "b.txt"], store, workers=2)
    assert (summary.loaded, summary.skipped) == (1, 1)


def test_bad_articles_are_logged_and_the_batch_goes_on(corpus, tmp_path):
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.html").write_bytes(b"\x00\x01\x02PNG" * 50)
    with (corpus / "east" / "batch.jsonl").open("a") as fh:
        fh.write('{"title": "no text here"}\n')
    log = tmp_path / "errors.jsonl"
    with EmbeddedStore(tmp_path / "db") as store:
        summary = ingest([corpus], store, workers=2, error_log=log)
    assert (summary.loaded, summary.failed) == (8, 3)
    rows = [json.loads(line) for line in log.read_text().splitlines()]
    by_article = {Path(r["article"]).name: r for r in rows}
    assert set(by_article) == {"empty.txt", "binary.html", "batch.jsonl:5"}
    assert all(r["stage"] == "read" for r in rows)
    assert "empty" in by_article["empty.txt"]["message"]
    assert "binary" in by_article["binary.html"]["message"]


def test_progress_ticks_once_per_article_with_a_total(corpus, tmp_path):
    ticks = []
    with EmbeddedStore(tmp_path / "db") as store:
        ingest([corpus], store, workers=2, progress=ticks.append)
    assert [t.done for t in ticks] == list(range(1, 9))
    assert {t.total for t in ticks} == {8}


class FlakyStore:
    """A store that dies after two graphs, as a remote server stopped mid-ingest would."""

    batch_writes = False

    def __init__(self):
        self.graphs: dict[str, int] = {}

    def stored_articles(self):
        return []

    def replace_graph(self, iri, triples):
        if len(self.graphs) == 2:
            raise StoreError("http://127.0.0.1:9/store: cannot connect (Connection refused)")
        self.graphs[str(iri)] = len(list(triples))


def test_store_failure_stops_the_batch_with_whole_articles_only(corpus, tmp_path):
    store = FlakyStore()
    log = tmp_path / "errors.jsonl"
    with pytest.raises(IngestAborted, match="loading stopped: .*Connection refused") as info:
        ingest([corpus], store, workers=2, error_log=log)
    assert info.value.summary.loaded == 2 and len(store.graphs) == 2
    assert isinstance(info.value, StoreError)
    assert json.loads(log.read_text().splitlines()[-1])["stage"] == "load"


# ---------------------------------------------------------------------------------------------
# URLs


class ArticleServer(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        if self.path.startswith("/story/"):
            n = int(self.path.rsplit("/", 1)[1])
            body = f"<html><body><article><p>{deployment(n)}</p></article></body></html>".encode()
            ctype = "text/html; charset=utf-8"
            self.send_response(200)
        else:
            body, ctype = b"gone", "text/plain"
            self.send_response(404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), ArticleServer)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_list_is_fetched_and_a_dead_link_is_logged(server, tmp_path):
    urls = tmp_path / "today.urls"
    urls.write_text(f"{server}/story/1\n{server}/story/2\n{server}/missing\n")
    log = tmp_path / "errors.jsonl"
    with EmbeddedStore(tmp_path / "db") as store:
        summary = ingest([urls], store, workers=2, error_log=log, allow_private_urls=True)
    assert (summary.loaded, summary.failed) == (2, 1)
    row = json.loads(log.read_text())
    assert row == {"article": f"{server}/missing", "stage": "read",
                   "message": f"{server}/missing: HTTP 404 Not Found"}


# ---------------------------------------------------------------------------------------------
# The command


@pytest.fixture
def run():
    from kg.cli import app

    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, ["ingest", *map(str, args)])

    return invoke


def test_cli_ingest_then_rerun(run, corpus, tmp_path):
    db = tmp_path / "db"
    first = run(corpus, "--store", db, "--workers", "2")
    assert first.exit_code == 0, first.output
    assert "loaded 8, skipped 0, failed 0" in first.output
    again = run(corpus, "--store", db, "--workers", "2")
    assert again.exit_code == 0
    assert "loaded 0, skipped 8, failed 0; 0 triples" in again.output


def test_cli_exits_1_when_some_fail_and_writes_the_log(run, corpus, tmp_path):
    (corpus / "empty.txt").write_text("   \n")
    log = tmp_path / "errors.jsonl"
    result = run(corpus, "--store", tmp_path / "db", "--errors", log, "--workers", "2")
    assert result.exit_code == 1
    assert "loaded 8, skipped 0, failed 1" in result.output
    assert json.loads(log.read_text())["stage"] == "read"


def kg_command(*args: str) -> "subprocess.CompletedProcess[str]":
    """The installed `kg` script, so that errors go through its one-line handler and exit code."""
    import subprocess
    import sys

    kg = Path(sys.executable).parent / "kg"
    if not kg.exists():
        pytest.skip("the kg script is not installed in this environment")
    return subprocess.run([str(kg), *map(str, args)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, words", [
    (["--store", "DB", "--endpoint", "http://127.0.0.1:9/store"], "not both"),
    (["--store", "DB", "--workers", "0"], "Invalid value for '--workers'"),
])
def test_cli_unusable_arguments_exit_2(corpus, tmp_path, args, words):
    args = [tmp_path / "db" if a == "DB" else a for a in args]
    proc = kg_command("ingest", corpus, *args)
    assert proc.returncode == 2
    assert words in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "db").exists()


def test_cli_missing_path_exits_2_with_one_line(tmp_path):
    proc = kg_command("ingest", tmp_path / "nope", "--store", tmp_path / "db")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"kg: error: {tmp_path / 'nope'}: no such file or folder"


# ---------------------------------------------------------------------------------------------
# A real remote store: `oxigraph serve` on 127.0.0.1 (tests/servers.py; skipped when missing)


@pytest.fixture
def oxigraph(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import servers

    if servers.oxigraph_missing():
        pytest.skip(servers.oxigraph_missing())
    started = [servers.start_oxigraph(tmp_path / "oxigraph")]

    def restart():
        started.append(servers.start_oxigraph(tmp_path / "oxigraph"))  # same data folder
        return started[-1]

    yield started[0], restart
    for server in started:
        server.stop()


def per_graph_counts(store) -> dict[str, int]:
    return {g: store.count(g) for g in store.graphs()}


def assert_remote_ingest_matches_the_embedded_store(corpus, tmp_path, server, protocol):
    """The same ingest gives the same triple counts, graph by graph; a rerun skips every article."""
    from kg.store import open_store

    with EmbeddedStore(tmp_path / "db") as store:
        ingest([corpus], store, workers=2)
        expected = per_graph_counts(store)
    endpoints = ({"endpoint": server.gsp} if protocol == "gsp" else {"update_endpoint": server.update})
    with open_store(query_endpoint=server.query, **endpoints) as remote:
        first = ingest([corpus], remote, workers=2)
        again = ingest([corpus], remote, workers=2)
        counts = {g: remote.count(g) for g in expected}  # Virtuoso also holds graphs of its own
    assert counts == expected
    assert (first.loaded, again.skipped, again.loaded) == (len(expected), len(expected), 0)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_remote_ingest_matches_the_embedded_store(corpus, tmp_path, oxigraph, protocol):
    assert_remote_ingest_matches_the_embedded_store(corpus, tmp_path, oxigraph[0], protocol)


def test_server_stopped_mid_ingest_leaves_whole_articles_and_a_rerun_completes(corpus, tmp_path, oxigraph):
    from kg.store import open_store

    server, restart = oxigraph
    with EmbeddedStore(tmp_path / "db") as store:
        ingest([corpus], store, workers=2)
        expected = per_graph_counts(store)

    def stop_after_three(tick):
        if tick.loaded == 3:
            server.stop()

    with open_store(endpoint=server.gsp, retries=1, backoff=0.05, timeout=5) as remote:
        with pytest.raises(IngestAborted, match="loading stopped") as info:
            ingest([corpus], remote, workers=2, progress=stop_after_three)
    assert info.value.summary.loaded == 3
    again = restart()
    with open_store(endpoint=again.gsp) as remote:
        partial = per_graph_counts(remote)
        assert len(partial) == 3
        assert all(expected[g] == n for g, n in partial.items())  # whole articles only
        rest = ingest([corpus], remote, workers=2)
        assert (rest.loaded, rest.skipped) == (5, 3)
        assert per_graph_counts(remote) == expected


@pytest.fixture
def virtuoso(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import servers

    if servers.virtuoso_missing():
        pytest.skip(servers.virtuoso_missing())
    server = servers.start_virtuoso(tmp_path / "virtuoso")
    yield server
    server.stop()


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_virtuoso_ingest_matches_the_embedded_store(corpus, tmp_path, virtuoso, protocol):
    assert_remote_ingest_matches_the_embedded_store(corpus, tmp_path, virtuoso, protocol)


def test_urls_on_loopback_are_refused_unless_allowed(server, tmp_path, monkeypatch, run):
    monkeypatch.delenv("KG_ALLOW_PRIVATE_URLS", raising=False)
    urls = tmp_path / "intranet.urls"
    urls.write_text(f"{server}/story/1\n")
    log = tmp_path / "errors.jsonl"
    result = run(urls, "--store", tmp_path / "db", "--workers", "1", "--errors", log)
    assert result.exit_code == 1
    assert "refused: 127.0.0.1 is a private, loopback or link-local address" in log.read_text()
    result = run(urls, "--store", tmp_path / "db", "--workers", "1", "--allow-private-urls")
    assert result.exit_code == 0, result.output
    assert "loaded 1" in result.output


def test_a_symlink_out_of_the_folder_is_not_read_unless_asked(tmp_path):
    outside = tmp_path / "private.txt"
    outside.write_text("Troops were sent to Chad on Friday.")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Troops were sent to Mali on Monday.")
    (folder / "b.txt").symlink_to(outside)
    (folder / "c.txt").symlink_to(folder / "a.txt")  # inside the folder: read
    log = tmp_path / "errors.jsonl"
    with EmbeddedStore(tmp_path / "db") as store:
        summary = ingest([folder], store, workers=1, error_log=log)
    assert (summary.loaded, summary.skipped, summary.failed) == (1, 1, 1)
    assert "a symbolic link out of" in log.read_text()
    with EmbeddedStore(tmp_path / "db") as store:
        summary = ingest([folder], store, workers=1, follow_symlinks=True)
    assert (summary.loaded, summary.skipped, summary.failed) == (1, 2, 0)


@pytest.mark.parametrize("log_name", ["batch.jsonl", "news/errors.txt"])
def test_an_error_log_that_is_an_input_is_refused_before_any_work(tmp_path, run, log_name):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"text": "Troops were sent to Mali on Monday."}) + "\n")
    (tmp_path / "news").mkdir()
    before = batch.read_text()
    result = run(batch, tmp_path / "news", "--store", tmp_path / "db", "--errors", tmp_path / log_name)
    assert result.exit_code == 2
    assert "would overwrite an input" in result.output
    assert batch.read_text() == before
    assert not (tmp_path / "db").exists()


def test_a_file_name_that_is_not_utf8_is_logged_readably(tmp_path):
    import os

    folder = tmp_path / "news"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"bad\xff.txt")
    with open(bad, "wb") as fh:
        fh.write(b"\x00\x01 binary")
    log = tmp_path / "errors.jsonl"
    with EmbeddedStore(tmp_path / "db") as store:
        summary = ingest([folder], store, workers=1, error_log=log)
    assert summary.failed == 1
    row = json.loads(log.read_text())
    assert row["article"].endswith("bad\ufffd.txt") and row["stage"] == "read"


def test_without_an_error_log_the_summary_names_the_failed_articles(tmp_path, run):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text("Troops were sent to Mali on Monday.")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    result = run(folder, "--store", tmp_path / "db", "--workers", "1")
    assert result.exit_code == 1
    assert "failed (read):" in result.output and "broken.txt: looks like a binary file" in result.output


# ---------------------------------------------------------------------------------------------
# Re-extraction after an upgrade, and dated graphs


def _set_stored_version(db: Path, version: str, graphs: str = "?g") -> None:
    """Pretend an older kg-loader extracted the stored articles (all, or the given graph)."""
    v = "<https://w3id.org/kg-loader/ontology#extractorVersion>"
    with EmbeddedStore(db) as store:
        store.run_update(f'DELETE {{ GRAPH {graphs} {{ ?a {v} ?old }} }} '
                         f'INSERT {{ GRAPH {graphs} {{ ?a {v} "{version}" }} }} '
                         f'WHERE {{ GRAPH {graphs} {{ ?a {v} ?old }} }}')


def test_articles_from_another_extractor_version_are_extracted_again(corpus, tmp_path, run):
    from kg.rdf import article_iri, extractor_version

    db = tmp_path / "db"
    run(corpus, "--store", db, "--workers", "1")
    with EmbeddedStore(db, read_only=True) as store:
        versions = {a.version for a in store.stored_articles()}
        graph = str(article_iri(store.stored_articles()[0].sha256))
    assert versions == {extractor_version()}
    _set_stored_version(db, "0.0.1", f"<{graph}>")
    again = run(corpus, "--store", db, "--workers", "1")
    assert again.exit_code == 0, again.output
    assert "loaded 1 (1 re-extracted), skipped 7, failed 0" in again.output
    with EmbeddedStore(db, read_only=True) as store:
        assert {a.version for a in store.stored_articles()} == {extractor_version()}
    forced = run(corpus, "--store", db, "--workers", "1", "--force")
    assert "loaded 8 (8 re-extracted), skipped 0, failed 0" in forced.output
    assert len(graph_names(db)) == 8


def test_an_undated_article_does_not_replace_its_dated_graph_unless_asked(tmp_path, run):
    text = deployment(7)
    dated = tmp_path / "dated.json"
    dated.write_text(json.dumps({"text": text, "published": "2023-03-06"}), encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text(text, encoding="utf-8")
    db = tmp_path / "db"
    assert run(dated, "--store", db, "--workers", "1").exit_code == 0
    # Same text, same version: skipped, whatever its date.
    assert "skipped 1" in run(undated, "--store", db, "--workers", "1").output
    _set_stored_version(db, "0.0.1")
    refused = run(undated, "--store", db, "--workers", "1")
    assert refused.exit_code == 1
    assert "failed (dated)" in refused.output and "--replace" in refused.output
    with EmbeddedStore(db, read_only=True) as store:
        assert [a.published for a in store.stored_articles()] == ["2023-03-06"]
    replaced = run(undated, "--store", db, "--workers", "1", "--replace")
    assert replaced.exit_code == 0 and "loaded 1 (1 re-extracted)" in replaced.output
    with EmbeddedStore(db, read_only=True) as store:
        assert [a.published for a in store.stored_articles()] == [None]


def test_remote_ingest_re_extracts_articles_of_another_version(corpus, tmp_path, oxigraph):
    from kg.store import open_store

    server = oxigraph[0]
    with open_store(query_endpoint=server.query, update_endpoint=server.update) as remote:
        first = ingest([corpus], remote, workers=1)
        v = "<https://w3id.org/kg-loader/ontology#extractorVersion>"
        remote.run_update(f'DELETE {{ GRAPH ?g {{ ?a {v} ?old }} }} INSERT {{ GRAPH ?g {{ ?a {v} "0.0.1" }} }} '
                          f'WHERE {{ GRAPH ?g {{ ?a {v} ?old }} }}')
        again = ingest([corpus], remote, workers=1)
        versions = {a.version for a in remote.stored_articles()}
    assert (first.loaded, again.loaded, again.reextracted, again.skipped) == (8, 8, 8, 0)
    from kg.rdf import extractor_version

    assert versions == {extractor_version()}


def test_batches_shrink_once_every_article_is_handed_out(tmp_path):
    # The batch written after the last article overlaps nothing: it is kept small.
    import kg.ingest

    with EmbeddedStore(tmp_path / "db") as store:
        loader = kg.ingest._Loader(store, None, None, None)
        loader.draining(2000)
        assert loader.batch == kg.ingest._Loader.BATCH
        loader.draining(100)
        assert loader.batch == 25
        loader.draining(3)
        assert loader.batch == 10
        loader.draining(500)  # never grows again
        assert loader.batch == 10
