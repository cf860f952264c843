"""The embedded store: Oxigraph (pyoxigraph) on disk, one named graph per article.

Location: ``--store DIR``, else ``$KG_STORE``, else ``$XDG_DATA_HOME/kg-loader/store``
(``~/.local/share/kg-loader/store`` when XDG_DATA_HOME is unset).

Writes never leave half an article: a file is parsed completely before anything is written;
graphs new to the store go in with one atomic bulk load (fast, and all or nothing), and a graph
already there is replaced by one SPARQL update, which Oxigraph runs as a single transaction: it
deletes and inserts only the triples that changed (none when the graph is the same), or, when
either version has blank nodes, drops the graph and inserts it whole. Loading the same file again
therefore changes nothing.

A file whose every graph is new (kg.store.scan) is bulk-loaded from its bytes by pyoxigraph,
which parses them again natively: no Python object per quad. Oxigraph's bulk loader (0.5, both
bulk_load and bulk_extend) writes sorted files aside and ingests them all in one step at the end,
whatever the number of quads (checked with 1.1 million, two of its batches): a full disk or any
error leaves the store as it was, and a killed process at worst leaves those files in the store
folder, unused. The same as the bulk_extend of parsed quads it replaces.
"""
from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, StoreError, one_line
from kg.store import GraphLoad, LoadResult
from kg.store.rdfio import (GraphData, ParsedFile, change_update, drop_operation, read_graphs, read_input,
                            nquads_graphs, to_quads, validate_parsed)
from kg.store.results import ArticleQueries, QueryResult, with_prefixes
from kg.store.scan import ScannedFile, scan

# Formats whose lenient parse (no IRI or language-tag validation) gives the same quads as the
# strict one for input the strict one accepted: oxttl's. JSON-LD and RDF/XML take other branches
# when lenient, so they are bulk-loaded strictly (they are small files in practice).
_LENIENT_SAFE = frozenset({ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE,
                           ox.RdfFormat.TRIG})


def default_store_path() -> Path:
    if os.environ.get("KG_STORE"):
        return Path(os.environ["KG_STORE"]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "kg-loader" / "store"


class EmbeddedStore(ArticleQueries):
    """An Oxigraph store on disk (a kg.store.Store). Use as a context manager."""

    batch_writes = True  # one bulk load of many new graphs is ~4x faster and all or nothing

    def __init__(self, path: Path | None = None, read_only: bool = False):
        self.path = Path(path).expanduser() if path is not None else default_store_path()
        self.read_only = read_only
        try:
            if read_only:
                if not self.path.is_dir():
                    raise StoreError(f"no store at {self.path} (load something into it first)")
                # A folder that holds no store yet reads as an empty one (nothing to lock).
                fresh = not (self.path / "CURRENT").exists()
                self._store = ox.Store() if fresh else ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            hint = " (is another kg process using it?)" if "lock" in str(exc).lower() else ""
            raise StoreError(f"cannot open the store at {self.path}: {one_line(exc)}{hint}") from None

    # -- lifecycle --------------------------------------------------------------------------
    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        store = getattr(self, "_store", None)
        if store is not None and not self.read_only:
            try:
                store.flush()
            except OSError:
                pass
        self._store = None  # pyoxigraph releases the database lock when the object goes

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise StoreError("the store is closed")
        return self._store

    # -- writing ----------------------------------------------------------------------------
    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only")
        return self.store

    def replace_graph(self, graph_iri: str, quads_or_triples: Iterable) -> int:
        """Make ``graph_iri`` hold exactly these triples, atomically; returns their number."""
        quads = to_quads(graph_iri, quads_or_triples)
        self._replace(GraphData(graph_iri, quads))
        return len(quads)

    def _replace(self, g: GraphData) -> bool:
        """Write one graph in one transaction; True when it was in the store before."""
        store = self._writable()
        node = ox.NamedNode(g.iri)
        if store.contains_named_graph(node):
            self._rewrite(store, g, node)
            return True
        try:
            store.extend(g.quads)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot write graph <{g.iri}>: {one_line(exc)}") from None
        return False

    def _rewrite(self, store: ox.Store, g: GraphData, node: ox.NamedNode) -> None:
        """Make a stored graph hold exactly ``g``, in one transaction (rdfio.change_update)."""
        try:
            update = change_update(g, store.quads_for_pattern(None, None, None, node))
            if update is not None:
                store.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot write graph <{g.iri}>: {one_line(exc)}") from None

    def load_parsed(self, parsed: ParsedFile) -> LoadResult:
        """Write already-parsed graphs: new ones in one atomic bulk load, others replaced."""
        store = self._writable()
        new: list[GraphData] = []
        loads: list[GraphLoad] = []
        for g in parsed.graphs:
            node = ox.NamedNode(g.iri)
            stored = store.contains_named_graph(node)
            if stored:
                self._rewrite(store, g, node)
            else:
                new.append(g)
            loads.append(GraphLoad(g.iri, len(g), stored))
        if new:
            try:
                # bulk_extend writes sorted files and ingests them at the end: all or nothing,
                # and ~4x faster than a transactional extend.
                store.bulk_extend(chain.from_iterable(g.quads for g in new))
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.path}: {one_line(exc)}") from None
        return LoadResult(path=parsed.path, graphs=tuple(loads))

    def has_graph(self, graph_iri: str) -> bool:
        return self.store.contains_named_graph(ox.NamedNode(graph_iri))

    def load_scanned(self, scanned: ScannedFile) -> LoadResult:
        """Write a checked file none of whose graphs is in the store: one native bulk load of the
        bytes the check parsed (not the file again: it may have changed since)."""
        src = scanned.source
        data: bytes | io.BytesIO = src.data
        if b"_:" in data:
            # From bytes, pyoxigraph parses N-Quads in chunks on 4 or more cores, each chunk
            # renaming blank nodes on its own: one node whose lines straddle two chunks would
            # become two. Read as a stream, the file is one document, as kg's parse saw it.
            data = io.BytesIO(data)
        to_graph = ox.NamedNode(scanned.default_graph) if scanned.default_graph else None
        self.bulk_load_new(data, src.format, src.base_iri, to_graph)
        return LoadResult(path=src.path, graphs=tuple(GraphLoad(iri, n, False) for iri, n in scanned.counts))

    def bulk_load_new(self, data: bytes | io.RawIOBase | io.BytesIO, fmt: ox.RdfFormat,
                      base_iri: str | None = None, to_graph: ox.NamedNode | None = None) -> None:
        """One native bulk load of checked RDF (bytes or a stream read to its end) whose graphs
        are all new: all or nothing. An exception the stream raises comes out as it is."""
        try:
            # The strict check has accepted these bytes: a lenient parse skips validating every
            # IRI again (~0.45 s of CPU of ~3.3 on the 217,000-quad file of bench/load_bench.py).
            self._writable().bulk_load(input=data, format=fmt, base_iri=base_iri, to_graph=to_graph,
                                       lenient=fmt in _LENIENT_SAFE)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write to the store at {self.path}: {one_line(exc)}") from None

    def load_checked(self, plan: ScannedFile | ParsedFile) -> LoadResult:
        """Write what ScannedFile.plan chose: a file of new graphs natively, parsed graphs else."""
        return self.load_scanned(plan) if isinstance(plan, ScannedFile) else self.load_parsed(plan)

    def load_nquads(self, graphs: Sequence[tuple[str, str]]) -> None:
        """Graphs new to the store go in with one native bulk load of their text (pyoxigraph
        parses it without a Python object per quad; all or nothing); stored ones are rewritten
        as load_parsed does. Text with blank nodes is parsed first: bulk-loaded together, the
        same label in two graphs would be one node."""
        store = self._writable()
        stored: list[tuple[str, str]] = []
        new: list[tuple[str, str]] = []
        for g in graphs:
            (stored if store.contains_named_graph(ox.NamedNode(g[0])) else new).append(g)
        if stored:
            self.load_parsed(ParsedFile(Path("kg ingest"), nquads_graphs(stored)))
        text = "".join(nq for _, nq in new)
        if "_:" in text:
            self.load_parsed(ParsedFile(Path("kg ingest"), nquads_graphs(new)))
        elif text:
            try:
                store.bulk_load(input=text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            except (OSError, SyntaxError) as exc:
                raise StoreError(f"cannot write to the store at {self.path}: {one_line(exc)}") from None

    def load_file(self, path: Path, validate: bool = False, fmt: str | None = None) -> LoadResult:
        """Parse a whole RDF file, optionally SHACL-validate it, then load it graph by graph."""
        self._writable()
        if validate:
            parsed = read_graphs(Path(path), fmt)
            validate_parsed(parsed)
            return self.load_parsed(parsed)
        return self.load_checked(scan(read_input(Path(path), fmt), keep=self.has_graph).plan())

    def drop_graph(self, graph_iri: str) -> None:
        self._writable().update(drop_operation(graph_iri))

    def run_update(self, sparql: str) -> None:
        """A SPARQL update, run as one transaction: a failed one changes nothing."""
        try:
            # No local name for the database: a caller that keeps the error (and so this frame)
            # must not keep the store's lock with it.
            self._writable().update(sparql)
        except SyntaxError as exc:
            raise InputError(f"SPARQL update syntax error: {one_line(exc)}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"update failed: {one_line(exc)}") from None

    # -- reading ----------------------------------------------------------------------------
    def query(self, sparql: str) -> QueryResult:
        try:
            # Each article is a named graph: a query sees their union as its default graph.
            result = self.store.query(with_prefixes(sparql), use_default_graph_as_union=True)
            return QueryResult.from_ox(result)
        except SyntaxError as exc:
            raise InputError(f"SPARQL syntax error: {one_line(exc)}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"query failed: {one_line(exc)}") from None

    def count(self, graph_iri: str | None = None) -> int:
        """Triples in one named graph, or quads in the whole store."""
        if graph_iri is None:
            return len(self.store)
        return self.graph_count(graph_iri)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def all_quads(self) -> list[ox.Quad]:
        """Every quad, the default graph's too."""
        return list(self.store.quads_for_pattern(None, None, None, None))
