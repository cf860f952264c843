"""Looking after a store: what it holds, dropping a graph, exporting it all, SPARQL updates.

Everything here is plain SPARQL over a kg.store.Store (embedded or remote), except where the
embedded store can answer directly. Exports are sorted, so the same store gives the same bytes.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import InputError, one_line
from kg.store import Store
from kg.store.rdfio import ParsedFile, check_iri
from kg.store.results import first_keyword, with_prefixes
from kg.vocab import ARTICLE_IRI, DATE_PUBLISHED_IRI, EXTRACTOR_VERSION_IRI, GRAPH_PREFIX_IRIS, URL_IRI


_DATE_PUBLISHED = ox.NamedNode(DATE_PUBLISHED_IRI)


@dataclass(frozen=True)
class StoreInfo:
    where: str  # the folder or endpoint, credentials masked
    graphs: int
    triples: int  # in named graphs
    articles: int
    # (extractor version, articles) per version; None for articles that record none
    extractor_versions: tuple[tuple[str | None, int], ...]

    def to_dict(self) -> dict:
        return {"where": self.where, "graphs": self.graphs, "triples": self.triples,
                "articles": self.articles,
                "extractor_versions": [{"version": v, "articles": n} for v, n in self.extractor_versions]}


def store_info(store: Store, where: str) -> StoreInfo:
    def number(sparql: str) -> int:
        rows = store.query(sparql).bindings
        return int(rows[0][0].value) if rows and rows[0][0] is not None else 0

    graphs = number("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    triples = number("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    rows = store.query(
        f"SELECT ?v (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?g {{ ?a a <{ARTICLE_IRI}> "
        f"OPTIONAL {{ ?a <{EXTRACTOR_VERSION_IRI}> ?v }} }} }} GROUP BY ?v").bindings
    versions = sorted(((v.value if v is not None else None, int(n.value)) for v, n in rows if n is not None),
                      key=lambda vn: (vn[0] is None, vn[0] or ""))
    return StoreInfo(where, graphs, triples, sum(n for _, n in versions), tuple(versions))


def find_article_graph(store: Store, article: str) -> str:
    """The graph of an article given by its IRI (kgr:article/…) or its URL (schema:url)."""
    iri = check_iri(article.strip())
    rows = store.query(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a a <{ARTICLE_IRI}> OPTIONAL {{ ?a <{URL_IRI}> ?u }} "
        f"FILTER(?a = <{iri}> || STR(?u) = \"{iri}\") }} }} ORDER BY ?g").bindings
    found = [r[0].value for r in rows if r[0] is not None]
    if not found:
        raise InputError(f"no article {article} in the store (kg store info lists what it holds)")
    if len(found) > 1:
        raise InputError(f"{article} is in {len(found)} graphs ({', '.join(found[:3])}); drop them by graph IRI")
    return found[0]


def check_dated(store: Store, parsed: Iterable[ParsedFile]) -> None:
    """InputError when a graph whose article has no publication date would replace a stored
    graph whose article has one: its relative dates ("on Friday") would silently lose their
    anchor. Nothing is written either way."""
    undated = {g.iri: p.path for p in parsed for g in p.graphs
               if not any(q.predicate == _DATE_PUBLISHED for q in g.quads)}
    if not undated or getattr(store, "query_endpoint", True) is None:
        return  # nothing to check, or a remote store with no query endpoint to ask
    iris = list(undated)
    for start in range(0, len(iris), 500):
        values = " ".join(f"<{check_iri(i)}>" for i in iris[start:start + 500])
        rows = store.query(f"SELECT ?g ?d WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?a a <{ARTICLE_IRI}> ; "
                           f"<{DATE_PUBLISHED_IRI}> ?d }} }} LIMIT 1").bindings
        if rows:
            graph, date = rows[0][0].value, rows[0][1].value
            raise InputError(f"{undated[graph]}: its article has no publication date, and the store holds it "
                             f"dated {date} in <{graph}>; extract it with --published {date}, or load with "
                             "--replace to replace the dated graph")


def has_graph(store: Store, graph_iri: str) -> bool:
    return bool(store.query(f"ASK {{ GRAPH <{check_iri(graph_iri)}> {{ ?s ?p ?o }} }}").boolean)


def drop(store: Store, graph: str | None = None, article: str | None = None) -> str:
    """Drop one named graph (by its IRI, or the graph of an article); returns its IRI.
    InputError when it is not in the store."""
    if (graph is None) == (article is None):
        raise InputError("give a graph IRI or --article, one of them")
    if article is not None:
        graph = find_article_graph(store, article)
    elif not has_graph(store, graph):
        raise InputError(f"no graph <{graph}> in the store (kg store info lists what it holds)")
    store.drop_graph(graph)
    return graph


def export(store: Store, fmt: str = "nquads") -> bytes:
    """Every quad of the store as N-Quads (sorted lines) or TriG (graphs, then statements, in
    sorted order): the same store always gives the same bytes."""
    quads = sorted(store.all_quads(), key=lambda q: (str(q.graph_name), str(q.subject),
                                                     str(q.predicate), str(q.object)))
    if fmt == "nquads":
        text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        return b"".join(sorted(line + b"\n" for line in text.split(b"\n") if line.strip()))
    if fmt == "trig":
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=GRAPH_PREFIX_IRIS)
    raise InputError(f"kg store export writes nquads or trig, not {fmt!r}")


# -- SPARQL Update ---------------------------------------------------------------------------

UPDATE_WORDS = frozenset({"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add",
                          "with"})


def is_update(sparql: str) -> bool:
    return first_keyword(sparql) in UPDATE_WORDS


def check_update_syntax(sparql: str) -> None:
    """InputError (one line) when the update does not parse. Parsed by running it on an empty
    in-memory store; an update that would fetch (LOAD, SERVICE) is left to the real store."""
    if re.search(r"(?i)\b(LOAD|SERVICE)\b", sparql):
        return
    try:
        ox.Store().update(sparql)
    except SyntaxError as exc:
        raise InputError(f"SPARQL update syntax error: {one_line(exc)}") from None
    except (OSError, ValueError, RuntimeError):
        pass  # parsed; failing on an empty store is the real store's business


def update(store: Store, sparql: str) -> None:
    """Run a SPARQL 1.1 update (all or nothing on the embedded store; one request to a remote
    update endpoint, checked here first). A malformed update is an InputError and changes nothing."""
    if not sparql.strip():
        raise InputError("the SPARQL update is empty")
    word = first_keyword(sparql)
    if word in ("select", "ask", "construct", "describe"):
        raise InputError(f"this is a SPARQL query ({word.upper()}), not an update; run it with kg query")
    store.run_update(with_prefixes(sparql))
