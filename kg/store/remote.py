"""Remote SPARQL stores over HTTP: Graph Store Protocol, SPARQL 1.1 Update and Protocol.

Writing, one named graph per article:
- ``gsp_endpoint`` (SPARQL 1.1 Graph Store HTTP Protocol, e.g. Oxigraph ``/store``, Fuseki
  ``/DATASET/data``, Virtuoso ``/sparql-graph-crud``): one ``PUT ?graph=<iri>`` per article. The
  store swaps the graph in one request, so reloading replaces it and a failed request leaves the
  old graph as it was.
- ``update_endpoint`` (SPARQL 1.1 Update, for stores without the protocol):
  ``DROP SILENT GRAPH`` and the first ``INSERT`` in one request, then further ``INSERT`` requests
  of at most ``batch_size`` triples. A normal article (a few hundred triples) is one request,
  atomic wherever the store runs a request as a transaction. A graph larger than one batch
  that fails between batches may be left partial until it is loaded again; each retry starts
  that graph over from its DROP, so a retry never doubles blank-node triples.

Reading: ``query_endpoint`` speaks the SPARQL 1.1 Protocol (form-encoded POST).

Every request has a timeout; TLS certificates are verified; dropped connections, timeouts and
outages (``_RETRY_STATUS``) are retried with exponential backoff, honouring ``Retry-After`` (urllib3's
Retry on the session, kg.retry); any other 4xx or 5xx answer is an EndpointError at once.
Credentials come from ``KG_ENDPOINT_USER``/``KG_ENDPOINT_PASSWORD`` (HTTP Basic, or Digest with
``KG_ENDPOINT_AUTH=digest``) or else from ``~/.netrc`` (requests reads it when no auth is
given). They are never printed: URLs in messages have any user:password masked.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests
from urllib3.exceptions import MaxRetryError

from kg.errors import EndpointError, InputError, StoreError, one_line
from kg.store import GraphLoad, LoadResult
from kg.store.rdfio import (GraphData, ParsedFile, batches,
                            drop_operation, insert_operation, read_graphs,
                            nquads_graphs, to_quads, validate_parsed)
from kg.retry import attempts_of, retry_policy, retrying_session
from kg.store.results import ArticleQueries, QueryResult, query_form, with_prefixes
from kg.vocab import TEXT_SHA256

RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.5"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
# Outages worth another try; 501 (not implemented), 505 and the like would answer the same again.
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_TEXT_SHA256 = ox.NamedNode(str(TEXT_SHA256))


class _Retryable(Exception):
    """A failure another try may cure: a dropped connection, a timeout, an outage status."""


_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")
_AUTH_HEADER = re.compile(r"(?i)\b((?:proxy-)?authorization|cookie|x-api-key)(\W{1,3})[^\r\n,;}\]]{0,200}")


def mask_url(url: str) -> str:
    """The URL with any user:password replaced, for messages (never parsed: a URL whose port is
    not a number must be masked too)."""
    return _USERINFO.sub(r"\1***@", url)


def secrets_of(url: str | None, auth: object) -> tuple[str, ...]:
    """The strings a message must never show: the URL's password and user:password, the
    environment's credentials, and their Basic token."""
    import base64
    from urllib.parse import unquote

    pairs = []
    m = _USERINFO.match(url or "")
    if m:
        userinfo = (url or "")[len(m.group(1)):m.end() - 1]
        user, _, password = userinfo.partition(":")
        pairs.append((unquote(user), unquote(password)))
    if auth is not None and getattr(auth, "password", None):
        pairs.append((str(getattr(auth, "username", "")), str(auth.password)))
    out: list[str] = []
    for user, password in pairs:
        if password:
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            out += [f"{user}:{password}", token, password]
    return tuple(s for s in out if len(s) >= 3)


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """A message with credentials masked: the given secrets and any echoed auth header."""
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, "***")
    return _AUTH_HEADER.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


def auth_from_env() -> requests.auth.AuthBase | None:
    """Credentials from the environment; None lets requests fall back to ~/.netrc."""
    user = os.environ.get("KG_ENDPOINT_USER")
    if not user:
        return None
    password = os.environ.get("KG_ENDPOINT_PASSWORD", "")
    if os.environ.get("KG_ENDPOINT_AUTH", "basic").lower() == "digest":
        return requests.auth.HTTPDigestAuth(user, password)
    return requests.auth.HTTPBasicAuth(user, password)


def guess_query_endpoint(url: str | None) -> str | None:
    """The query endpoint that usually sits beside a graph-store or update endpoint."""
    if not url:
        return None
    parts = urlsplit(url)
    path = parts.path
    for tail, repl in (("/store", "/query"), ("/data", "/query"), ("/update", "/query"),
                       ("/sparql-graph-crud-auth", "/sparql"), ("/sparql-graph-crud", "/sparql"),
                       ("/statements", ""), ("/sparql", "/sparql")):
        if path.rstrip("/").endswith(tail):
            new = path.rstrip("/")[: -len(tail)] + repl
            return urlunsplit((parts.scheme, parts.netloc, new, "", ""))
    return None


def _check_url(url: str) -> str:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        raise InputError(f"not a valid endpoint URL (bad host or port): {mask_url(url)}") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"not an http(s) endpoint URL: {mask_url(url)}")
    return url


@dataclass(frozen=True)
class _Answer:
    status: int
    content_type: str
    body: bytes


class RemoteStore(ArticleQueries):
    """A SPARQL store reached over HTTP (a kg.store.Store). Use as a context manager (it owns an
    HTTP session)."""

    batch_writes = False  # one request per graph: a failed request leaves whole articles only

    def __init__(self, gsp_endpoint: str | None = None, update_endpoint: str | None = None,
                 query_endpoint: str | None = None, timeout: float = 30, retries: int = 3,
                 batch_size: int = 5000, backoff: float = 0.5,
                 session: requests.Session | None = None):
        self.gsp_endpoint = gsp_endpoint and _check_url(gsp_endpoint)
        self.update_endpoint = update_endpoint and _check_url(update_endpoint)
        self.query_endpoint = (_check_url(query_endpoint) if query_endpoint else
                               guess_query_endpoint(gsp_endpoint or update_endpoint))
        self.timeout = timeout
        self.retries = max(0, retries)
        self.batch_size = max(1, batch_size)
        self.backoff = backoff
        self.policy = retry_policy(self.retries, backoff, _RETRY_STATUS)
        self.session = retrying_session(self.policy, session)
        # A graph written in several update requests is retried whole, from its DROP (a batch
        # sent again after a lost answer would double its blank nodes): those requests go
        # through a session that never retries on its own.
        self._single = requests.Session()
        for each in (self.session, self._single):
            each.auth = auth_from_env()  # None: requests reads ~/.netrc per request
            each.headers["User-Agent"] = "kg-loader (+https://w3id.org/kg-loader)"

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.session.close()
        self._single.close()

    # -- HTTP -------------------------------------------------------------------------------
    def _request(self, method: str, url: str, session: requests.Session | None = None, **kw) -> _Answer:
        """One request; the session's urllib3 Retry has retried outages and dropped connections."""
        session = session or self.session
        try:
            r = session.request(method, url, timeout=self.timeout, verify=True, **kw)
        except requests.exceptions.SSLError as exc:
            raise EndpointError(f"{mask_url(url)}: TLS error: {one_line(exc, 160)}") from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            tries = self.retries + 1 if session is self.session else 1  # Retry gives up when spent
            raise _Retryable(f"{mask_url(url)}: {_connection_reason(exc)}{_after(tries)}") from None
        except requests.RequestException as exc:
            raise EndpointError(f"{mask_url(url)}: {one_line(exc, 160)}") from None
        if r.status_code in _RETRY_STATUS:
            raise _Retryable(f"{mask_url(url)}: HTTP {r.status_code} {r.reason}: "
                             f"{self._snippet(r.content, url)}{_after(attempts_of(r))}")
        if r.status_code >= 400:
            raise EndpointError(f"{mask_url(url)} refused the request: HTTP {r.status_code} "
                                f"{r.reason}: {self._snippet(r.content, url)}".rstrip(": "))
        return _Answer(r.status_code, r.headers.get("Content-Type", ""), r.content)

    def _send(self, method: str, url: str, **kw) -> _Answer:
        try:
            return self._request(method, url, **kw)
        except _Retryable as exc:  # retried already: the endpoint is down
            raise EndpointError(str(exc)) from None

    def _snippet(self, body: bytes, url: str) -> str:
        """The start of an error body, with credentials masked: a server may echo the request."""
        return redact(_snippet(body), secrets_of(url, self.session.auth))

    # -- writing ----------------------------------------------------------------------------
    def replace_graph(self, graph_iri: str, quads_or_triples: Iterable) -> int:
        """Make ``graph_iri`` hold exactly these triples; returns their number."""
        g = GraphData(graph_iri, to_quads(graph_iri, quads_or_triples))
        self._replace(g)
        return len(g)

    def _replace(self, g: GraphData) -> None:
        if self.gsp_endpoint:
            self._send("PUT", self.gsp_endpoint, params={"graph": g.iri}, data=g.ntriples(),
                       headers={"Content-Type": "text/turtle; charset=utf-8"})
        elif self.update_endpoint:
            self._replace_by_update(g)
        else:
            raise StoreError("no endpoint to write to: give a graph store or an update endpoint")

    def _replace_by_update(self, g: GraphData) -> None:
        url = self.update_endpoint
        # An article larger than one batch is written in several requests; a client killed
        # between them leaves a partial graph. Its content hash (what ingest trusts to skip an
        # article) goes in the last batch, so a partial graph is never taken for a whole one and
        # a rerun replaces it.
        triples = [q.triple for q in g.quads]
        triples.sort(key=lambda t: t.predicate == _TEXT_SHA256)
        parts = batches(triples, self.batch_size)
        first = drop_operation(g.iri)  # sent with the first batch: one request for an article
        headers = {"Content-Type": "application/sparql-update; charset=utf-8"}
        if len(parts) == 1:  # DROP and INSERT in one request: safe to repeat as it is
            self._send("POST", url, data=f"{first} ;\n{insert_operation(g.iri, parts[0])}".encode("utf-8"),
                       headers=headers)
            return
        retry = self.policy.new(other=self.retries)  # a failed batch counts as an "other" error
        while True:
            try:
                for i, part in enumerate(parts):
                    op = insert_operation(g.iri, part)
                    self._request("POST", url, self._single, headers=headers,
                                  data=(f"{first} ;\n{op}" if i == 0 else op).encode("utf-8"))
                return
            except _Retryable as exc:
                try:
                    retry = retry.increment("POST", url, error=exc)
                except MaxRetryError:
                    raise EndpointError(f"{exc}{_after(retry.attempts)}") from None
                retry.sleep()

    def load_parsed(self, parsed: ParsedFile) -> LoadResult:
        loads = []
        for g in parsed.graphs:
            self._replace(g)
            loads.append(GraphLoad(g.iri, len(g), replaced=False))  # a remote store does not say
        return LoadResult(path=parsed.path, graphs=tuple(loads))

    def load_nquads(self, graphs: Sequence[tuple[str, str]]) -> None:
        for g in nquads_graphs(graphs):
            self._replace(g)

    def load_file(self, path: Path, validate: bool = False, fmt: str | None = None) -> LoadResult:
        parsed = read_graphs(Path(path), fmt)
        if validate:
            validate_parsed(parsed)
        return self.load_parsed(parsed)

    def drop_graph(self, graph_iri: str) -> None:
        if self.gsp_endpoint:
            try:
                self._send("DELETE", self.gsp_endpoint, params={"graph": graph_iri})
            except EndpointError as exc:
                if "HTTP 404" not in str(exc):
                    raise
        elif self.update_endpoint:
            self._send("POST", self.update_endpoint,
                       data=drop_operation(graph_iri).encode("utf-8"),
                       headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        else:
            raise StoreError("no endpoint to write to: give a graph store or an update endpoint")

    def run_update(self, sparql: str) -> None:
        """A SPARQL update, in one request to the update endpoint; a malformed one is an
        InputError before anything is sent."""
        from kg.store.admin import check_update_syntax

        if not self.update_endpoint:
            raise InputError("a SPARQL update needs an update endpoint: give --update-endpoint "
                             "(Oxigraph: http://HOST:7878/update)")
        check_update_syntax(sparql)
        self._request("POST", self.update_endpoint, data=sparql.encode("utf-8"),
                      headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    # -- reading ----------------------------------------------------------------------------
    def query(self, sparql: str) -> QueryResult:
        url = self.query_endpoint
        if not url:
            raise StoreError("no SPARQL query endpoint known for this store; give one "
                             "(Oxigraph: http://HOST:7878/query)")
        graph = query_form(sparql) in ("construct", "describe")
        answer = self._send("POST", url, data={"query": with_prefixes(sparql)},
                            headers={"Accept": GRAPH_ACCEPT if graph else RESULTS_ACCEPT})
        result = parse_answer(answer.content_type, answer.body, mask_url(url))
        if graph and result.kind == "select" and len(result.variables) == 3:
            # some stores answer CONSTRUCT with s/p/o bindings whatever is asked for
            return QueryResult("graph", ("subject", "predicate", "object"),
                               triples=tuple(r for r in result.bindings if None not in r))
        return result

    def count(self, graph_iri: str | None = None) -> int:
        """Triples in one named graph, or in all named graphs (a server may have its own)."""
        if graph_iri is not None:
            return self.graph_count(graph_iri)
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(result.bindings[0][0].value) if result.bindings else 0

    def graphs(self) -> list[str]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row[0].value for row in result.bindings if row[0] is not None)


def parse_answer(content_type: str, body: bytes, where: str = "endpoint") -> QueryResult:
    """A SPARQL Protocol answer (JSON/XML results or RDF) as a QueryResult."""
    mime = content_type.split(";")[0].strip().lower()
    try:
        if mime in ("application/sparql-results+json", "application/json"):
            return QueryResult.parse(body, "json")
        if mime in ("application/sparql-results+xml", "application/xml", "text/xml"):
            return QueryResult.parse(body, "xml")
        from kg.formats import BY_MEDIA_TYPE

        found = BY_MEDIA_TYPE.get(mime)
        rdf = found.ox() if found is not None else None
        if rdf is not None:
            return QueryResult.from_triples(q.triple for q in ox.parse(body, rdf))
    except (ValueError, SyntaxError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise EndpointError(f"{where} answered unreadable results: {one_line(exc, 120)}") from None
    raise EndpointError(f"{where} answered {mime or 'no content type'}, not SPARQL results")


def _snippet(body: bytes, limit: int = 160) -> str:
    text = body.decode("utf-8", "replace")
    if "<html" in text[:200].lower():  # an error page: its words, as kg reads any page
        from kg.read import html_text

        text = html_text(text) or text
    return one_line(text, limit)


def _after(attempts: int) -> str:
    return f" (after {attempts} attempts)" if attempts > 1 else ""


def _connection_reason(exc: Exception) -> str:
    text = str(exc)
    if isinstance(exc, requests.Timeout) or "timed out" in text.lower():  # a read timeout retried
        return "timed out"
    if "refused" in text.lower():
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text or "resolve" in text:
        return "host not found"
    return "connection failed: " + one_line(re.sub(r"<[^>]*object at 0x[0-9a-f]+>", "", text), 120)
