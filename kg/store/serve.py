"""A read-only SPARQL 1.1 Protocol endpoint over the embedded store (``kg serve``).

    GET  /query?query=...                       (also /sparql)
    POST /query  query=... (form) or an application/sparql-query body

Queries see the union of the article graphs as their default graph, as ``kg query`` does,
unless the request names ``default-graph-uri``/``named-graph-uri``. Results come in the format
the Accept header (or a ``format`` parameter) asks for: SPARQL results JSON (the default), XML,
CSV or TSV; CONSTRUCT and DESCRIBE give Turtle (the default), N-Triples, N-Quads, RDF/XML or
JSON-LD. Every answer carries ``Access-Control-Allow-Origin: *`` so that a query editor in a
browser (YASGUI) can use it. Updates are refused (403): the store is opened read-only, so
``kg load`` and ``kg ingest`` can write to it meanwhile; the server reopens it when its files
change, so each query sees what was last written.
"""
from __future__ import annotations

import os
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import InputError, one_line
from kg.store.admin import UPDATE_WORDS
from kg.store.results import first_keyword
from kg.vocab import QUERY_PREFIXES

MAX_QUERY_BYTES = 1 << 20
QUERY_PATHS = frozenset({"/query", "/sparql"})

_RESULTS = {  # media type -> pyoxigraph format; the first is the default
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
# ``format=`` parameter words (what some tools send instead of an Accept header).
_FORMAT_WORDS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                 "ttl": "text/turtle", "ntriples": "application/n-triples", "nt": "application/n-triples",
                 "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml"}


class ReadOnlyView:
    """The store, opened read-only, and opened again when its files change (a writer flushed)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._store: ox.Store | None = None

    def _files_stamp(self) -> tuple:
        """Changes when a writer adds or removes files (a flush, a bulk load) or appends to its
        write-ahead log (a transaction)."""
        logs = []
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if entry.name.endswith(".log") and entry.is_file():
                    st = entry.stat()
                    logs.append((entry.name, st.st_size, st.st_mtime_ns))
        return os.stat(self.folder).st_mtime_ns, tuple(sorted(logs))

    def store(self) -> ox.Store:
        stamp = self._files_stamp()
        with self._lock:
            if self._store is None or stamp != self._stamp:
                fresh = not (self.folder / "CURRENT").exists()
                self._store = ox.Store() if fresh else ox.Store.read_only(str(self.folder))
                self._stamp = stamp
            return self._store


def negotiate(accept: str, offered: dict) -> str | None:
    """The offered media type the Accept header prefers (the first offered for */*), or None."""
    if not accept.strip():
        return next(iter(offered))
    ranked = []
    for i, part in enumerate(accept.split(",")):
        mime, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, mime.lower()))
    for neg_q, _, mime in sorted(ranked):
        if neg_q >= 0:
            break
        if mime in offered:
            return mime
        if mime in ("*/*", "application/*", "text/*"):
            family = mime.split("/")[0]
            return next((m for m in offered if family == "*" or m.startswith(family + "/")), None)
    return None


class Answer(Exception):
    """An HTTP answer other than results: status and a one-line message."""

    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


def run_query(store: ox.Store, params: dict[str, list[str]], accept: str) -> tuple[str, bytes]:
    """(media type, body) of a SPARQL Protocol query request; Answer for anything else."""
    if "update" in params:
        raise Answer(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
    queries = params.get("query") or []
    if len(queries) != 1 or not queries[0].strip():
        raise Answer(HTTPStatus.BAD_REQUEST, "give one SPARQL query (query=...)")
    text = queries[0]
    form = first_keyword(text)
    if form in UPDATE_WORDS:
        raise Answer(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
    if params.get("format"):
        accept = _FORMAT_WORDS.get(params["format"][0].lower(), params["format"][0])
    graph_form = form in ("construct", "describe")
    offered = _GRAPHS if graph_form else _RESULTS
    mime = negotiate(accept, offered)
    if mime is None:
        raise Answer(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in {accept}; offered: {', '.join(offered)}")
    dataset: dict = {"use_default_graph_as_union": True}
    if params.get("default-graph-uri"):
        dataset = {"default_graph": [ox.NamedNode(i) for i in params["default-graph-uri"]]}
    if params.get("named-graph-uri"):
        dataset["named_graphs"] = [ox.NamedNode(i) for i in params["named-graph-uri"]]
    try:
        result = store.query(text, prefixes=QUERY_PREFIXES, **dataset)
        body = result.serialize(format=offered[mime])
    except SyntaxError as exc:
        raise Answer(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {one_line(exc)}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise Answer(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {one_line(exc)}") from None
    return mime, body or b""


def make_handler(view: ReadOnlyView) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-loader"
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
            pass  # quiet: a query editor sends many requests

        def _send(self, status: HTTPStatus, mime: str, body: bytes, allow: bool = False) -> None:
            self.send_response(status)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            if allow:
                self.send_header("Allow", "GET, POST, OPTIONS")
            self.send_header("Content-Type", mime)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, status: HTTPStatus, message: str) -> None:
            self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"),
                       allow=status == HTTPStatus.METHOD_NOT_ALLOWED)

        def _answer(self, params: dict[str, list[str]]) -> None:
            path = urlsplit(self.path).path.rstrip("/") or "/"
            if path in ("/update", "/store"):
                self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
                return
            if path not in QUERY_PATHS:
                self._error(HTTPStatus.NOT_FOUND, "not found; query at /query")
                return
            try:
                mime, body = run_query(view.store(), params, self.headers.get("Accept", ""))
            except Answer as exc:
                self._error(exc.status, str(exc))
                return
            charset = "; charset=utf-8" if not mime.startswith("application/sparql-results+xml") else ""
            self._send(HTTPStatus.OK, mime + charset, body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's names
            self._answer(parse_qs(urlsplit(self.path).query, keep_blank_values=True))

        def do_HEAD(self) -> None:  # noqa: N802
            self.do_GET()

        def do_POST(self) -> None:  # noqa: N802
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if length < 0:
                self.close_connection = True
                self._error(HTTPStatus.BAD_REQUEST, "a POST needs a Content-Length")
                return
            if length > MAX_QUERY_BYTES:
                self.close_connection = True
                self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a query may hold {MAX_QUERY_BYTES} bytes")
                return
            body = self.rfile.read(length).decode("utf-8", "replace")
            params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-query":
                params["query"] = [body]
            elif ctype == "application/sparql-update":
                self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
                return
            else:
                for key, values in parse_qs(body, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            self._answer(params)

        def do_OPTIONS(self) -> None:  # noqa: N802 - a browser's CORS preflight
            self._send(HTTPStatus.NO_CONTENT, "text/plain", b"")

        def _refuse(self) -> None:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only")

        do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

    return Handler


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """The server, bound and ready for serve_forever(); InputError when the address is taken."""
    try:
        server = ThreadingHTTPServer((host, port), make_handler(ReadOnlyView(folder)))
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    server.daemon_threads = True
    return server
