"""Reading RDF files into per-article named graphs, fast (pyoxigraph) and all-or-nothing.

The model (MODEL.md): each article is one named graph whose IRI is the article's IRI, the
subject typed ``kg:Article``. A Turtle/N-Triples file from ``kg extract`` holds one article in
its default graph; a TriG/N-Quads file is already named. Default-graph content goes into the
graph of the one ``kg:Article`` it describes, or, when it describes none or several, into a graph
named after the file's absolute ``file:`` URI (so reloading that file still replaces it).

Files are parsed completely before anything is written, so a malformed file loads nothing.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, RDFSyntaxError, ValidationFailed, one_line
from kg.formats import by_name, by_suffix
from kg.rdfguard import parse_bounded
from kg.vocab import ARTICLE_IRI, RDF_TYPE_IRI, STDIN_GRAPH_IRI

_RDF_TYPE = ox.NamedNode(RDF_TYPE_IRI)
_ARTICLE = ox.NamedNode(ARTICLE_IRI)
_GRAPH_NAME = attrgetter("graph_name")


@dataclass(frozen=True)
class GraphData:
    """The quads of one named graph, every one already in graph ``iri``."""

    iri: str
    quads: tuple[ox.Quad, ...]

    def __len__(self) -> int:
        return len(self.quads)

    def ntriples(self) -> bytes:
        """The graph's triples as N-Triples (the body of a Graph Store Protocol PUT)."""
        return ox.serialize((q.triple for q in self.quads), format=ox.RdfFormat.N_TRIPLES)


@dataclass(frozen=True)
class ParsedFile:
    path: Path
    graphs: tuple[GraphData, ...]

    @property
    def triples(self) -> int:
        return sum(len(g) for g in self.graphs)


def rdf_format(path: Path, fmt: str | None = None) -> ox.RdfFormat:
    if fmt:
        found = by_name(fmt)
        if found is None:
            from kg.formats import BY_NAME

            raise InputError(f"unknown RDF format {fmt!r}; use one of: "
                             f"{', '.join(sorted(BY_NAME))}")
        return found.ox()
    found = by_suffix(path)
    if found is None:
        raise InputError(f"{path}: cannot tell the RDF format from the extension "
                         f"{path.suffix or '(none)'!r}; use .ttl, .trig, .nq, .nt or .jsonld")
    return found.ox()


def read_stdin_rdf() -> bytes:
    import sys

    data = sys.stdin.buffer.read()
    if not data.strip():
        raise InputError("-: standard input is empty")
    return data


def stdin_format(data: bytes):
    """kg.formats' format of RDF read from standard input, by its first character."""
    from kg.formats import BY_NAME

    return BY_NAME["jsonld"] if data.lstrip()[:1] in (b"{", b"[") else BY_NAME["trig"]


def file_graph_iri(path: Path) -> str:
    """The graph for default-graph content that names no single article."""
    return path.resolve().as_uri()


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an RDF file")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: is empty")


def article_iris(quads: Iterable[ox.Quad]) -> list[str]:
    """IRIs of the subjects typed kg:Article, in order of first appearance."""
    found: dict[str, None] = {}
    for q in quads:
        if q.object == _ARTICLE and q.predicate == _RDF_TYPE and isinstance(q.subject, ox.NamedNode):
            found.setdefault(q.subject.value, None)
    return list(found)


def group_quads(quads: Iterable[ox.Quad], fallback_graph: str) -> tuple[GraphData, ...]:
    """Named-graph quads stay where they are; default-graph ones go to their article's graph."""
    named: dict[str, list[ox.Quad]] = {}
    default: list[ox.Quad] = []
    # A graph's quads come in runs (a TriG block, N-Quads lines in order), so the graph is looked
    # at once per run rather than once per quad.
    for g, run in groupby(quads, _GRAPH_NAME):
        if isinstance(g, ox.DefaultGraph):
            default.extend(run)
        elif isinstance(g, ox.NamedNode):
            named.setdefault(g.value, []).extend(run)
        else:  # a blank-node graph name cannot be addressed again, so it could never be replaced
            raise InputError("a graph named by a blank node cannot be loaded; name it with an IRI")
    if default:
        articles = article_iris(default)
        target = articles[0] if len(articles) == 1 else fallback_graph
        node = ox.NamedNode(target)
        named.setdefault(target, []).extend(ox.Quad(q.subject, q.predicate, q.object, node)
                                            for q in default)
    return tuple(GraphData(iri, tuple(qs)) for iri, qs in named.items())


@dataclass(frozen=True)
class RdfInput:
    """A file's bytes as read, and how to parse them: what is checked is what gets written."""

    path: Path
    data: bytes
    format: ox.RdfFormat
    name: str  # in messages
    fallback_graph: str  # for default-graph content that names no single article
    base_iri: str | None

    def parsed(self) -> ParsedFile:
        return ParsedFile(path=self.path, graphs=parse_bytes(self.data, self.format, self.fallback_graph,
                                                             name=self.name, base_iri=self.base_iri))


@contextmanager
def syntax_errors(name: str) -> Iterator[None]:
    """pyoxigraph's parse errors as one-line RDFSyntaxErrors naming the input."""
    try:
        yield
    except SyntaxError as exc:
        raise RDFSyntaxError(f"{name}: malformed RDF: {one_line(exc)}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise RDFSyntaxError(f"{name}: cannot parse: {one_line(exc)}") from None


def parse_bytes(data: bytes, fmt: ox.RdfFormat, fallback_graph: str, name: str = "input",
                base_iri: str | None = None) -> tuple[GraphData, ...]:
    """Parse serialized RDF fully, then group it by article; RDFSyntaxError on bad input, and
    InputError on input a parser would expand or fetch (kg.rdfguard)."""
    with syntax_errors(name):
        # Blank nodes are renamed so that `_:b0` of two files never becomes one node in a store.
        quads = parse_bounded(data, fmt, name, base_iri=base_iri, rename_blank_nodes=True)
    if not quads:
        raise InputError(f"{name}: holds no RDF triples")
    return group_quads(quads, fallback_graph)


def read_input(path: Path, fmt: str | None = None) -> RdfInput:
    """Read a whole RDF file (nothing parsed yet); ``-`` reads standard input (TriG, which holds
    Turtle and N-Triples too, JSON-LD when it starts with "{" or "[", unless ``fmt`` says)."""
    if str(path) == "-":
        data = read_stdin_rdf()
        rdf_fmt = rdf_format(Path("stdin"), fmt) if fmt else stdin_format(data).ox()
        return RdfInput(Path("-"), data, rdf_fmt, "-", STDIN_GRAPH_IRI, None)
    path = Path(path)
    rdf_fmt = rdf_format(path, fmt)
    _check_readable(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return RdfInput(path, data, rdf_fmt, str(path), file_graph_iri(path), path.resolve().as_uri())


def read_graphs(path: Path, fmt: str | None = None) -> ParsedFile:
    """Parse a whole RDF file into per-article graphs (nothing is written anywhere); ``-`` reads
    standard input (see read_input)."""
    return read_input(path, fmt).parsed()


def nquads_graphs(graphs: Iterable[tuple[str, str]]) -> tuple[GraphData, ...]:
    """Named graphs given as (IRI, N-Quads text all in that graph), parsed."""
    return tuple(GraphData(iri, tuple(ox.parse(nq, format=ox.RdfFormat.N_QUADS))) for iri, nq in graphs)


def to_quads(graph_iri: str, quads_or_triples: Iterable[ox.Quad | ox.Triple]) -> tuple[ox.Quad, ...]:
    """Put triples (or quads from any graph) into ``graph_iri``, with fresh blank nodes: a
    store shares blank nodes across graphs, so two articles' `_:b0` must not meet."""
    node = ox.NamedNode(check_iri(graph_iri))
    fresh: dict[str, ox.BlankNode] = {}

    def own(term):
        if isinstance(term, ox.BlankNode):
            return fresh.setdefault(term.value, ox.BlankNode())
        return term

    return tuple(ox.Quad(own(t.subject), t.predicate, own(t.object), node)
                 for t in quads_or_triples)


def check_iri(value: str) -> str:
    """An IRI safe to put between <> in SPARQL text."""
    if not value or any(c in value for c in '<>"{}|^`\\ \n\r\t'):
        raise InputError(f"not a usable graph IRI: {value!r}")
    return value


def drop_operation(graph_iri: str) -> str:
    return f"DROP SILENT GRAPH <{check_iri(graph_iri)}>"


def _bnodes(t: ox.Triple) -> list[str]:
    return [x.value for x in (t.subject, t.object) if isinstance(x, ox.BlankNode)]


def insert_operation(graph_iri: str, triples: list[ox.Triple], portable: bool = True) -> str:
    """A SPARQL INSERT of these triples into one graph. ``portable=False`` always uses INSERT
    DATA, which Oxigraph accepts with blank nodes and runs faster."""
    g = check_iri(graph_iri)
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if portable and any(_bnodes(t) for t in triples):
        # Virtuoso refuses blank nodes in INSERT DATA; a template with an empty WHERE is the
        # standard form every store accepts, and it makes fresh blank nodes all the same.
        return f"INSERT {{ GRAPH <{g}> {{\n{body}}} }} WHERE {{}}"
    return f"INSERT DATA {{ GRAPH <{g}> {{\n{body}}} }}"


def replace_update(graph_iri: str, triples: list[ox.Triple], portable: bool = True) -> str:
    """One SPARQL update request that replaces a graph."""
    return f"{drop_operation(graph_iri)} ;\n{insert_operation(graph_iri, triples, portable)}"


def change_update(g: GraphData, stored: Iterable[ox.Quad]) -> str | None:
    """One SPARQL update (Oxigraph's, one transaction) that makes the stored graph hold exactly
    ``g``'s triples, or None when it already does. Without blank nodes on either side it deletes
    and inserts only the triples that differ: a transactional write costs per triple, and an
    article extracted again mostly keeps its triples. A blank node cannot be named in DELETE
    DATA, nor matched to the one read back, so a graph with any is dropped and written whole."""
    new = set(g.quads)
    if not _ground(new) or not _ground(old := set(stored)):
        return replace_update(g.iri, [q.triple for q in g.quads], portable=False)
    gone, added = old - new, new - old
    ops = []
    if gone:
        body = ox.serialize([q.triple for q in gone], format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        ops.append(f"DELETE DATA {{ GRAPH <{check_iri(g.iri)}> {{\n{body}}} }}")
    if added:
        ops.append(insert_operation(g.iri, [q.triple for q in added], portable=False))
    return " ;\n".join(ops) or None


_PLAIN = (ox.NamedNode, ox.Literal)


def _ground(quads: Iterable[ox.Quad]) -> bool:
    """No blank node anywhere (a quoted triple may hide one, so it counts as one)."""
    return all(type(q.subject) is ox.NamedNode and type(q.object) in _PLAIN for q in quads)


def batches(triples: list[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """Split triples into batches of about ``size``, never splitting triples that share a blank
    node (a blank node label is scoped to one update operation, so a split would cut the node
    in two). Order is kept otherwise."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for t in triples:
        nodes = _bnodes(t)
        for other in nodes[1:]:
            parent[find(nodes[0])] = find(other)
    groups: dict[object, list[ox.Triple]] = {}
    for i, t in enumerate(triples):
        nodes = _bnodes(t)
        groups.setdefault(find(nodes[0]) if nodes else i, []).append(t)
    out: list[list[ox.Triple]] = [[]]
    for group in groups.values():
        if out[-1] and len(out[-1]) + len(group) > size:
            out.append([])
        out[-1].extend(group)
    return out


def validate_parsed(parsed: ParsedFile) -> None:
    """SHACL-validate every graph of a parsed file; ValidationFailed names the first failure."""
    import rdflib

    from kg.validate import validate_graph  # pyshacl is slow to import: only when asked

    for g in parsed.graphs:
        graph = rdflib.Graph()
        graph.parse(data=g.ntriples().decode("utf-8"), format="nt")
        report = validate_graph(graph)
        if not report.conforms:
            n = len(getattr(report, "violations", ()))
            raise ValidationFailed(f"{parsed.path}: graph <{g.iri}> does not conform to the shapes "
                                   f"({n} violation{'s' * (n != 1)}); nothing was loaded", report)
