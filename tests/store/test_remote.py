"""RemoteStore against real servers (oxigraph serve, Virtuoso) and a scripted stub server."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
import servers
from conftest import ART, ARTICLE_TRIPLES, article_turtle

from kg.errors import EndpointError, InputError
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore, guess_query_endpoint, mask_url

GRAPHS = [ART + "aa01", ART + "bb01", ART + "bb02"]


@pytest.fixture(params=["oxigraph-gsp", "oxigraph-update", "virtuoso-gsp", "virtuoso-update"])
def remote(request):
    """A RemoteStore writing by the Graph Store Protocol or by SPARQL Update, on each server."""
    name, mode = request.param.split("-")
    server = request.getfixturevalue(f"{name}_server")
    write = {"gsp_endpoint": server.gsp} if mode == "gsp" else {"update_endpoint": server.update}
    with RemoteStore(query_endpoint=server.query, timeout=20, **write) as store:
        for g in GRAPHS:  # the servers live for the session: start each test from nothing
            store.drop_graph(g)
        yield store


def _counts(store) -> dict[str, int]:
    return {g: store.count(g) for g in GRAPHS}


def test_same_counts_as_the_embedded_store(remote, article_file, two_articles_trig, tmp_path):
    with EmbeddedStore(tmp_path / "embedded") as local:
        local.load_file(article_file)
        local.load_file(two_articles_trig)
        expected = _counts(local)
    assert expected == {g: ARTICLE_TRIPLES for g in GRAPHS}
    remote.load_file(article_file)
    remote.load_file(two_articles_trig)
    assert _counts(remote) == expected


def test_reloading_changes_nothing_and_a_new_version_replaces(remote, tmp_path: Path):
    p = tmp_path / "a.ttl"
    p.write_text(article_turtle("aa01", troops=2030, sha="cd" * 32))
    remote.load_file(p)
    remote.load_file(p)
    assert remote.count(ART + "aa01") == ARTICLE_TRIPLES
    assert remote.content_hash(ART + "aa01") == "cd" * 32
    assert (ART + "aa01", "cd" * 32) in remote.graph_hashes()
    p.write_text(article_turtle("aa01", troops=999))
    remote.load_file(p)
    rows = remote.query(f"SELECT ?n WHERE {{ GRAPH <{ART}aa01> {{ ?e wdt:P1132 ?n }} }}").rows
    assert rows == (("999",),)
    assert remote.count(ART + "aa01") == ARTICLE_TRIPLES
    assert ART + "aa01" in remote.graphs()


def test_query_results_match_the_embedded_store(remote, two_articles_trig, tmp_path):
    q = ("SELECT ?a ?n ?label WHERE { GRAPH ?a { ?e wdt:P1132 ?n ; rdfs:label ?label } "
         f"FILTER(STRSTARTS(STR(?a), '{ART}bb')) }} ORDER BY ?a")
    remote.load_file(two_articles_trig)
    with EmbeddedStore(tmp_path / "e") as local:
        local.load_file(two_articles_trig)
        assert remote.query(q).to_csv() == local.query(q).to_csv()
    assert remote.query(f"ASK {{ GRAPH <{ART}bb01> {{ ?s a kg:Article }} }}").boolean is True
    constructed = remote.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ART}bb01> "
                               "{ ?s a kg:Article ; ?p ?o } }")
    assert len(constructed.triples) == 5


def test_update_batches_keep_blank_nodes_whole(oxigraph_server, virtuoso_server):
    p = ox.NamedNode("http://example.org/p")
    triples = []
    for i in range(40):
        b = ox.BlankNode()
        triples += [ox.Triple(ox.NamedNode(f"http://example.org/s{i}"), p, b),
                    ox.Triple(b, p, ox.Literal(str(i)))]
    g = ART + "batched"
    for server in (oxigraph_server, virtuoso_server):
        with RemoteStore(update_endpoint=server.update, query_endpoint=server.query,
                         batch_size=7) as store:
            assert store.replace_graph(g, triples) == 80
            store.replace_graph(g, triples)
            assert store.count(g) == 80
            # every blank node still links its subject to its number
            linked = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> "
                                 "{ ?s ?p ?b . ?b ?p ?lit FILTER(isLiteral(?lit)) } }")
            assert linked.rows == (("40",),)


def test_dead_endpoint_is_one_line_error():
    url = servers.dead_url("/store")
    with RemoteStore(gsp_endpoint=url, retries=2, backoff=0.01) as store:
        with pytest.raises(EndpointError) as info:
            store.replace_graph(ART + "x", [])
    msg = str(info.value)
    assert "\n" not in msg and "connection refused" in msg and "3 attempts" in msg


# -- a scripted stub server: retries, 4xx, credentials ---------------------------------------


class _Stub(BaseHTTPRequestHandler):
    script: list[int] = []
    seen: list[dict] = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).seen.append({"method": self.command, "path": self.path, "body": body,
                                "auth": self.headers.get("Authorization")})
        status = type(self).script.pop(0) if type(self).script else 204
        if status == 0:  # drop the connection without answering
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.send_response(status)
        payload = b"bad request: no such thing" if status == 400 else b""
        if status == 403:  # a proxy's error page: styles, a script, entities
            payload = (b"<!DOCTYPE html><html><head><title>403</title><style>h1 { color: red }</style>"
                       b"<script>track();</script></head><body><h1>Forbidden</h1>"
                       b"<p>You &amp; your client may not write here.</p></body></html>")
        if status in (418, 599):  # a server that echoes the request's headers into its error page
            echoed = sorted(self.headers.items(), key=lambda kv: kv[0] != "Authorization")
            payload = "".join(f"{k}: {v}\n" for k, v in echoed).encode()
        self.send_header("Content-Length", str(len(payload)))
        if status == 429:
            self.send_header("Retry-After", "2")
        self.end_headers()
        self.wfile.write(payload)

    do_PUT = do_POST = do_DELETE = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def stub():
    _Stub.script, _Stub.seen = [], []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Stub
    httpd.shutdown()
    httpd.server_close()


def _triple():
    p = ox.NamedNode("http://example.org/p")
    return [ox.Triple(p, p, ox.Literal("1"))]


def test_5xx_is_retried_then_succeeds(stub):
    base, handler = stub
    handler.script = [503, 502, 201]
    with RemoteStore(gsp_endpoint=base + "/store", retries=3, backoff=0.01) as store:
        store.replace_graph(ART + "x", _triple())
    assert [s["method"] for s in handler.seen] == ["PUT"] * 3
    assert "graph=https%3A%2F%2Fw3id.org" in handler.seen[0]["path"]
    assert handler.seen[0]["body"].startswith(b"<http://example.org/p>")


def test_dropped_connection_is_retried(stub):
    base, handler = stub
    handler.script = [0, 201]
    with RemoteStore(gsp_endpoint=base + "/store", retries=2, backoff=0.01) as store:
        assert store.replace_graph(ART + "x", _triple()) == 1
    assert len(handler.seen) == 2


def test_update_retry_starts_the_graph_over_from_its_drop(stub):
    base, handler = stub
    handler.script = [204, 503]  # the second batch fails once, then everything succeeds
    p = ox.NamedNode("http://example.org/p")
    triples = [ox.Triple(p, p, ox.Literal(str(i))) for i in range(3)]
    with RemoteStore(update_endpoint=base + "/update", batch_size=2, backoff=0.01) as store:
        store.replace_graph(ART + "x", triples)
    starts = [s["body"].split(b" ", 1)[0] for s in handler.seen]
    assert starts == [b"DROP", b"INSERT", b"DROP", b"INSERT"]


def test_5xx_until_retries_run_out(stub):
    base, handler = stub
    handler.script = [500] * 5
    with RemoteStore(gsp_endpoint=base + "/store", retries=1, backoff=0.01) as store:
        with pytest.raises(EndpointError, match=r"HTTP 500.*\(after 2 attempts\)"):
            store.replace_graph(ART + "x", _triple())
    assert len(handler.seen) == 2


def test_4xx_is_not_retried(stub):
    base, handler = stub
    handler.script = [400]
    with RemoteStore(update_endpoint=base + "/update", retries=3, backoff=0.01) as store:
        with pytest.raises(EndpointError, match="refused the request: HTTP 400.*no such thing"):
            store.replace_graph(ART + "x", _triple())
    assert len(handler.seen) == 1
    assert handler.seen[0]["body"].startswith(b"DROP SILENT GRAPH <" + ART.encode())


def test_credentials_are_sent_and_never_printed(stub, monkeypatch):
    base, handler = stub
    monkeypatch.setenv("KG_ENDPOINT_USER", "analyst")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret-pw")
    handler.script = [401]
    with RemoteStore(gsp_endpoint=base + "/store", retries=0) as store:
        with pytest.raises(EndpointError) as info:
            store.replace_graph(ART + "x", _triple())
    assert handler.seen[0]["auth"].startswith("Basic ")
    assert "s3cret" not in str(info.value) and "analyst" not in str(info.value)
    url = base.replace("http://", "http://analyst:s3cret-pw@") + "/store"
    assert "s3cret" not in mask_url(url) and "analyst" not in mask_url(url)


@pytest.mark.parametrize("status", [418, 599])
def test_an_error_page_that_echoes_the_credentials_is_masked(stub, monkeypatch, status):
    base, handler = stub
    monkeypatch.setenv("KG_ENDPOINT_USER", "analyst")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret-pw")
    handler.script = [status]
    with RemoteStore(gsp_endpoint=base + "/store", retries=0) as store:
        with pytest.raises(EndpointError) as info:
            store.replace_graph(ART + "x", _triple())
    import base64

    token = base64.b64encode(b"analyst:s3cret-pw").decode()
    assert handler.seen[0]["auth"] == f"Basic {token}"
    message = str(info.value)
    assert "Authorization: ***" in message
    assert token not in message and "s3cret" not in message


def test_credentials_in_the_url_are_masked_in_echoed_bodies(stub):
    base, handler = stub
    handler.script = [418]
    url = base.replace("http://", "http://analyst:pw-in-url@") + "/store"
    with RemoteStore(gsp_endpoint=url, retries=0) as store:
        with pytest.raises(EndpointError) as info:
            store.replace_graph(ART + "x", _triple())
    assert "pw-in-url" not in str(info.value) and "analyst:" not in str(info.value)


@pytest.mark.parametrize("url", ["http://analyst:s3cret@localhost:99999/store", "http://analyst:s3cret@[::1/store"])
def test_an_endpoint_url_that_does_not_parse_is_masked(url):
    with pytest.raises(InputError) as info:
        RemoteStore(gsp_endpoint=url)
    assert "s3cret" not in str(info.value) and "***@" in str(info.value)


def test_endpoint_urls_are_checked_and_query_endpoints_guessed():
    with pytest.raises(InputError):
        RemoteStore(gsp_endpoint="ftp://example.org/store")
    assert guess_query_endpoint("http://h:7878/store") == "http://h:7878/query"
    assert guess_query_endpoint("http://h:3030/ds/data") == "http://h:3030/ds/query"
    assert guess_query_endpoint("http://h:8890/sparql-graph-crud") == "http://h:8890/sparql"
    assert guess_query_endpoint("http://h/unknown") is None


def test_resolve_on_a_remote_store_matches_the_embedded_one_and_replaces_its_graph(oxigraph_server, tmp_path):
    from kg import api
    from kg.model import Article
    from kg.vocab import RESOLVED_GRAPH

    files = []
    for name, text in (("a", "Ghana deployed 400 soldiers to Liberia on May 9."),
                       ("b", "Ghanaian troops were sent to Liberia on May 9, officials said.")):
        done = api.process_article(Article(text=text, published="2023-05-11", url=f"https://example.org/{name}"))
        files.append(tmp_path / f"{name}.trig")
        files[-1].write_text(done.serialize("trig"), encoding="utf-8")
    with RemoteStore(gsp_endpoint=oxigraph_server.gsp, query_endpoint=oxigraph_server.query, timeout=20) as store:
        for g in store.graphs():
            store.drop_graph(g)
    api.load([str(f) for f in files], endpoint=oxigraph_server.gsp)
    first = api.resolve(endpoint=oxigraph_server.gsp, query_endpoint=oxigraph_server.query)
    second = api.resolve(endpoint=oxigraph_server.gsp, query_endpoint=oxigraph_server.query)
    api.load([str(f) for f in files], store=tmp_path / "store")
    embedded = api.resolve(store=tmp_path / "store")
    assert len(first.clusters) == len(second.clusters) == len(embedded.clusters) == 1
    with RemoteStore(query_endpoint=oxigraph_server.query, timeout=20) as store:
        assert store.count(str(RESOLVED_GRAPH)) == len(embedded.graph)


# -- a client cut off between the batches of one article -------------------------------------


class _CuttingProxy(BaseHTTPRequestHandler):
    """Forwards requests to a real server until ``allow`` have passed, then drops every
    connection unanswered: a client killed between the batches of one graph."""
    target = ""
    allow = 0
    passed = 0

    def do_POST(self):  # noqa: N802 - the stdlib's name
        import requests

        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        cls = type(self)
        if cls.passed >= cls.allow:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        cls.passed += 1
        r = requests.post(cls.target + self.path, data=body,
                          headers={"Content-Type": self.headers.get("Content-Type", "")}, timeout=30)
        self.send_response(r.status_code)
        self.send_header("Content-Length", str(len(r.content)))
        self.end_headers()
        self.wfile.write(r.content)

    def log_message(self, *args):
        pass


def test_a_graph_cut_between_batches_is_not_trusted_and_a_rerun_repairs_it(oxigraph_server, tmp_path):
    from urllib.parse import urlsplit

    p = tmp_path / "a.ttl"
    p.write_text(article_turtle("cc01", troops=2030, sha="ef" * 32))
    graph = ART + "cc01"
    with RemoteStore(update_endpoint=oxigraph_server.update, query_endpoint=oxigraph_server.query) as direct:
        direct.drop_graph(graph)
    target = urlsplit(oxigraph_server.update)
    _CuttingProxy.target = f"{target.scheme}://{target.netloc}"
    _CuttingProxy.allow, _CuttingProxy.passed = 2, 0  # the hash is in the second batch as written
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _CuttingProxy)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        proxied = f"http://127.0.0.1:{httpd.server_address[1]}{target.path}"
        with RemoteStore(update_endpoint=proxied, query_endpoint=oxigraph_server.query, batch_size=3,
                         retries=0) as cut:
            with pytest.raises(EndpointError):
                cut.load_file(p)
    finally:
        httpd.shutdown()
        httpd.server_close()
    with RemoteStore(update_endpoint=oxigraph_server.update, query_endpoint=oxigraph_server.query,
                     batch_size=3) as store:
        assert 0 < store.count(graph) < ARTICLE_TRIPLES  # two batches got in ...
        assert store.content_hash(graph) is None  # ... but the graph is not taken as whole
        assert graph not in dict(store.graph_hashes())
        store.load_file(p)  # what a rerun of the ingest does for an article not yet whole
        assert store.count(graph) == ARTICLE_TRIPLES
        assert store.content_hash(graph) == "ef" * 32


def test_an_html_error_page_is_reported_as_its_words(stub):
    base, handler = stub
    handler.script = [403]
    with RemoteStore(gsp_endpoint=base + "/store", retries=0) as store:
        with pytest.raises(EndpointError) as caught:
            store.replace_graph("http://example.org/g", _triple())
    assert str(caught.value).endswith("refused the request: HTTP 403 Forbidden: Forbidden You & your client may not write here.")


def test_retries_wait_as_the_server_asks_else_back_off(stub, monkeypatch):
    from kg.retry import Backoff

    waits: list[float] = []
    monkeypatch.setattr(Backoff, "pause", staticmethod(waits.append))
    base, handler = stub
    handler.script = [503, 429, 500, 201]
    with RemoteStore(gsp_endpoint=base + "/store", retries=3, backoff=0.25) as store:
        store.replace_graph(ART + "x", _triple())
    assert waits == [0.25, 2.0, 1.0] and len(handler.seen) == 4  # Retry-After: 2 on the 429


def test_a_graph_in_several_update_requests_is_retried_whole_until_retries_run_out(stub, monkeypatch):
    from kg.retry import Backoff

    monkeypatch.setattr(Backoff, "pause", staticmethod(lambda s: None))
    base, handler = stub
    handler.script = [204, 503, 204, 503]
    p = ox.NamedNode("http://example.org/p")
    with RemoteStore(update_endpoint=base + "/update", batch_size=2, retries=1) as store:
        with pytest.raises(EndpointError, match=r"HTTP 503 .*\(after 2 attempts\)$"):
            store.replace_graph(ART + "x", [ox.Triple(p, p, ox.Literal(str(i))) for i in range(3)])
    assert [s["body"].split(b" ", 1)[0] for s in handler.seen] == [b"DROP", b"INSERT", b"DROP", b"INSERT"]


def test_501_is_not_retried(stub):
    base, handler = stub
    handler.script = [501, 501, 501]
    with RemoteStore(gsp_endpoint=base + "/store", retries=2, backoff=0.01) as store:
        with pytest.raises(EndpointError, match="refused the request: HTTP 501"):
            store.replace_graph(ART + "x", _triple())
    assert len(handler.seen) == 1
