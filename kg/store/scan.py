"""Checking an RDF file for `kg load` in one strict parse, without keeping what needs no keeping.

A file all of whose graphs are new to the store is written by one native bulk load of its bytes
(kg.store.embedded), so its check needs only what the load reports and decides on: the graphs
and how many quads each gets, and where default-graph content goes. Quads are kept only for the
graphs asked for (those already in the store, whose rewrite compares triples), so a first load
builds no Python object per quad beyond the parser's own, and frees them as it goes.

The same refusals as kg.store.rdfio.parse_bytes, in the same order: syntax first (the whole file
is parsed), then the literal limit, then an empty file, then a graph named by a blank node.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import count, groupby
from operator import attrgetter

import pyoxigraph as ox

from kg.errors import InputError
from kg.rdfguard import (MAX_LITERAL_CHARS, check_literals, checked_parser, literals_within_limit,
                         no_cyclic_gc, token_limit)
from kg.store.rdfio import GraphData, ParsedFile, RdfInput, article_iris, syntax_errors

_GRAPH_NAME = attrgetter("graph_name")


@dataclass(frozen=True)
class ScannedFile:
    """A file parsed once, strictly: its graphs with their numbers of quads (in order of first
    appearance, as rdfio.group_quads orders them), and the quads of the graphs that were kept."""

    source: RdfInput
    counts: tuple[tuple[str, int], ...]
    default_graph: str | None  # the graph default-graph content goes to; None when there is none
    kept: tuple[GraphData, ...]

    @property
    def graph_iris(self) -> tuple[str, ...]:
        return tuple(iri for iri, _ in self.counts)

    def plan(self) -> "ScannedFile | ParsedFile":
        """What to write: this file itself when no graph was kept (every one is new: one bulk load
        of its bytes), its parsed graphs when every one was kept, else the file parsed again
        (some graphs new, some stored: rare, a file partly loaded before)."""
        if not self.kept:
            return self
        if len(self.kept) == len(self.counts):
            return ParsedFile(self.source.path, self.kept)
        return self.source.parsed()


def scan(source: RdfInput, keep: Callable[[str], bool]) -> ScannedFile:
    """Parse ``source`` strictly (RDFSyntaxError, InputError as rdfio.parse_bytes raises them),
    keeping the quads of the graphs for which ``keep(graph IRI)`` is true."""
    quads: Iterable[ox.Quad] = checked_parser(source.data, source.format, source.name, source.base_iri,
                                              rename_blank_nodes=True)
    too_long: list[ox.Literal] = []
    if not literals_within_limit(source.data, source.format):
        quads = _watch_literals(quads, too_long)
    counts: dict[str, int] = {}
    kept: dict[str, list[ox.Quad]] = {}
    decided: dict[str, bool] = {}
    default: list[ox.Quad] = []
    blank_graph = False
    with syntax_errors(source.name), token_limit(source.name), no_cyclic_gc():
        # A graph's quads come in runs (a TriG block, N-Quads lines in order): one look per run.
        for g, run in groupby(quads, _GRAPH_NAME):
            kind = type(g)
            if kind is ox.NamedNode:
                iri = g.value
                keeping = decided.get(iri)
                if keeping is None:
                    keeping = decided[iri] = keep(iri)
                if keeping:
                    into = kept.setdefault(iri, [])
                    before = len(into)
                    into.extend(run)
                    n = len(into) - before
                else:
                    n = _count(run)
                counts[iri] = counts.get(iri, 0) + n
            elif kind is ox.DefaultGraph:
                default.extend(run)
            else:
                blank_graph = True
                _count(run)  # parse on: a syntax error later in the file is the one reported
    check_literals(too_long, source.name)
    if not (counts or default or blank_graph):
        raise InputError(f"{source.name}: holds no RDF triples")
    if blank_graph:
        raise InputError("a graph named by a blank node cannot be loaded; name it with an IRI")
    target = None
    if default:
        articles = article_iris(default)
        target = articles[0] if len(articles) == 1 else source.fallback_graph
        keeping = decided.get(target)
        if keeping is None:
            keeping = keep(target)
        if keeping:
            node = ox.NamedNode(target)
            kept.setdefault(target, []).extend(ox.Quad(q.subject, q.predicate, q.object, node)
                                               for q in default)
        counts[target] = counts.get(target, 0) + len(default)
    return ScannedFile(source, tuple(counts.items()), target,
                       tuple(GraphData(iri, tuple(kept[iri])) for iri in counts if iri in kept))


def _count(items: Iterable[object]) -> int:
    """How many items, consumed in C (no Python frame per item)."""
    counter = count()
    deque(zip(items, counter), maxlen=0)
    return next(counter)


def _watch_literals(quads: Iterable[ox.Quad], too_long: list[ox.Literal]) -> Iterator[ox.Quad]:
    """The quads, each literal object over the limit noted in ``too_long`` (checked once the
    whole file has parsed, as rdfio.parse_bytes does)."""
    literal = ox.Literal
    for q in quads:
        o = q.object
        if type(o) is literal and len(o.value) > MAX_LITERAL_CHARS:
            too_long.append(o)
        yield q
