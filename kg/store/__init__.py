"""Stores for the graphs: embedded Oxigraph on disk, or a remote SPARQL endpoint.

    from kg.store import open_store
    with open_store(store=Path("kg-store")) as s:          # or endpoint="http://host:7878/store"
        s.load_file(Path("article.ttl"))
        print(s.query("SELECT ...").to_text())

Both stores implement the protocol ``Store`` below (what ``kg load``, ``kg query`` and
``kg ingest`` need). See embedded.py and remote.py for what is atomic where.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from kg.errors import InputError

if TYPE_CHECKING:
    from kg.store.rdfio import ParsedFile
    from kg.store.results import QueryResult


@dataclass(frozen=True)
class GraphLoad:
    graph_iri: str
    triples: int
    replaced: bool  # the graph was in the store before and has been replaced


@dataclass(frozen=True)
class LoadResult:
    path: Path
    graphs: tuple[GraphLoad, ...]

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


@runtime_checkable
class Store(Protocol):
    """A store of per-article named graphs: the embedded Oxigraph store, or a remote one spoken
    to by the Graph Store Protocol or SPARQL Update. Use as a context manager."""

    #: Several graphs at once (``load_parsed``) are cheaper than one by one, and all or nothing.
    batch_writes: bool

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc) -> None: ...

    def close(self) -> None: ...

    def replace_graph(self, graph_iri: str, quads_or_triples: Iterable) -> int:
        """Make ``graph_iri`` hold exactly these triples; returns their number."""

    def load_parsed(self, parsed: "ParsedFile") -> LoadResult:
        """Write already-parsed graphs, each replacing the graph of that name."""

    def load_nquads(self, graphs: "Sequence[tuple[str, str]]") -> None:
        """Write graphs given as (IRI, N-Quads text all in that graph), each replacing the graph
        of that name: what kg ingest's workers send."""

    def load_file(self, path: Path, validate: bool = False, fmt: str | None = None) -> LoadResult:
        """Parse a whole RDF file (optionally SHACL-validate it), then load it."""

    def drop_graph(self, graph_iri: str) -> None: ...

    def run_update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update (kg update)."""

    def query(self, sparql: str) -> "QueryResult":
        """Run a SPARQL query over the union of the article graphs."""

    def count(self, graph_iri: str | None = None) -> int: ...

    def graphs(self) -> list[str]: ...

    def graph_hashes(self) -> list[tuple[str, str]]:
        """(graph IRI, kg:textSha256) of every article graph: what ingest needs to resume."""

    def stored_articles(self) -> list:
        """kg.store.results.StoredArticle of every article graph: hash, extractor version, date."""

    def content_hash(self, graph_iri: str) -> str | None: ...

    def all_quads(self) -> list:
        """Every quad of the named graphs, as pyoxigraph Quads (kg store export)."""


def open_store(store: Path | None = None, endpoint: str | None = None,
               update_endpoint: str | None = None, query_endpoint: str | None = None,
               read_only: bool = False, **remote_options) -> "Store":
    """The embedded store at ``store`` (default: $KG_STORE or the user's data folder), or a
    remote store when any endpoint is given."""
    if store is not None and (endpoint or update_endpoint or query_endpoint):
        raise InputError("give either a store folder or an endpoint, not both")
    if endpoint or update_endpoint or query_endpoint:
        from kg.store.remote import RemoteStore

        return RemoteStore(gsp_endpoint=endpoint, update_endpoint=update_endpoint,
                           query_endpoint=query_endpoint, **remote_options)
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(store, read_only=read_only)


__all__ = ["GraphLoad", "LoadResult", "Store", "open_store"]
