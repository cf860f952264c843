"""Validation of a graph against the SHACL shapes in ``shapes/`` (pyshacl) and report rendering.

Four checks that SHACL Core cannot express are done here in Python and reported exactly like
pyshacl's results (same fields, same report graph, ``sh:sourceShape`` naming the shape in
``shapes/`` that documents them). Each runs only when the shapes graph declares its shape, so a
``--shapes DIR`` of someone else's shapes gets only what it declares:

- ``kgsh:TruthyFactStatementShape``: every truthy event fact and membership has its statement.
  A join on (subject, predicate, object); as per-event SHACL-SPARQL it makes pyshacl run one
  query per event (see ``bench/validate_bench.py``), here it is one pass over the graph.
- ``kgsh:EventTimeOrderShape``: an end is not before a start, comparing dates of different
  precision as intervals ("2022" is not before "2022-01-06").
- ``kgsh:EventDateWindowShape``: a window's earliest day is not after its latest and each has its
  partner, paired by the words both were read from (an event may carry several windows).
- ``kgsh:EvidenceLengthShape``: ``oa:end - oa:start`` is the length of ``oa:exact``.
"""
from __future__ import annotations

import os

import datetime as dt
import json
import logging
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.dates_util import date_bounds as _day_bounds
from kg.errors import InputError, RDFSyntaxError, RulePackError, one_line
from kg.formats import BY_SUFFIX, by_suffix
from kg.resources import shapes_dir as default_shapes_dir
from kg.vocab import (ARTICLE, END, FACT_PROPERTIES, KG, KGSH, MEMBER_OF, OA, PREFIXES,
                      PROPERTY, PROV, RESOLVED_EVENT, START, WITHDRAWAL_OF, event_classes)

EVENT_CLASSES = event_classes()  # kg:Event and every class of kg/data/event_classes.tsv
PYTHON_COMPONENT = KGSH.CheckedInPython  # sh:sourceConstraintComponent of the Python checks

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_RANK = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Issue:
    """One validation result: what is wrong (or doubtful), where, and which shape said so."""

    focus: str  # the node's IRI, or "_:id" for a blank node
    path: str | None
    message: str
    severity: str  # "Violation" | "Warning" | "Info"
    value: str | None = None
    shape: str | None = None


@dataclass(frozen=True, init=False)
class Report:
    conforms: bool  # no Violation; warnings never block
    issues: tuple[Issue, ...]
    _graph: Graph | None = field(compare=False, repr=False)

    def __init__(self, conforms: bool, issues: tuple[Issue, ...], report_graph: Graph | None = None):
        """``report_graph`` None stands for the report of a graph that conforms without results,
        made when first read: a batch that only asks whether each graph conforms never reads it."""
        if report_graph is None and (issues or not conforms):
            raise ValueError("a report with issues needs its report graph")
        object.__setattr__(self, "conforms", conforms)
        object.__setattr__(self, "issues", issues)
        object.__setattr__(self, "_graph", report_graph)

    @property
    def report_graph(self) -> Graph:
        """The SHACL validation report as an RDF graph (sh:ValidationReport)."""
        if self._graph is None:
            object.__setattr__(self, "_graph", _conforming_report())
        return self._graph

    @property
    def violations(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "Violation")

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "Warning")


# ---------------------------------------------------------------------------------------------
# Reading shapes and data


def load_shapes(shapes_dir: Path | None = None) -> Graph:
    """All ``*.ttl`` in ``shapes_dir`` (default: the project's ``shapes/``) as one graph.

    Cached per directory: callers must not modify the returned graph.
    """
    if shapes_dir is None:
        return _default_shapes()
    return _load_shapes(str(Path(shapes_dir).resolve()))


@lru_cache(maxsize=1)
def _default_shapes() -> Graph:
    # Resolved once: a batch validates every article against them.
    return _load_shapes(str(Path(default_shapes_dir()).resolve()))


@lru_cache(maxsize=8)
def _load_shapes(directory: str) -> Graph:
    path = Path(directory)
    if not path.is_dir():
        raise InputError(f"shapes folder not found: {path}")
    files = sorted(path.glob("*.ttl"))
    if not files:
        raise InputError(f"no shapes (*.ttl) in {path}")
    # Only the shapes' own prefixes: the report graph of every validation binds them all.
    graph = Graph(bind_namespaces="none")
    for f in files:
        _parse_shapes(graph, f)
    _check_event_targets(graph, path)
    return graph


def _parse_shapes(graph: Graph, path: Path) -> None:
    """One Turtle file into ``graph``: parsed by pyoxigraph (rdflib's parser takes ~10x as long,
    which every ``kg extract`` would pay), by rdflib when it fails, for its error message."""
    from kg.rdf import converted, rdflib_term

    try:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()))
    except (SyntaxError, ValueError, OSError, UnicodeDecodeError):
        _parse_into(graph, path, "turtle")
        return
    for triple in converted(((t.subject, t.predicate, t.object) for t in triples), rdflib_term):
        graph.add(triple)


def _check_event_targets(shapes: Graph, path: Path) -> None:
    """Shapes that check events must check every class of the table: a class added to the table
    alone would otherwise be exported unchecked."""
    event_shapes = set(shapes.subjects(SH.targetClass, KG.Event))
    for shape in sorted(event_shapes):
        missing = [c for c in EVENT_CLASSES if (shape, SH.targetClass, c) not in shapes]
        if missing:
            names = ", ".join(shorten(str(c)) for c in missing)
            raise RulePackError(f"{path}: {shorten(str(shape))} does not target the event classes {names} "
                                f"of kg/data/event_classes.tsv; add them to its sh:targetClass")


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def for_pyshacl(shapes: Graph) -> Graph:
    """The same shapes, rearranged for speed: property shapes of a targeted node shape get its targets.

    pyshacl validates a node shape's ``sh:property`` shapes once per focus node, but a property
    shape with targets of its own once for all of them: on a 50,000-triple graph that is ~4x
    faster (bench/validate_bench.py). The results are the same because a property shape of a
    node shape validates exactly that shape's focus nodes. Node shapes that other shapes
    reference (``sh:node``, ``sh:or``, ...) or that are deactivated are left as they are.
    """
    referenced = set(shapes.objects(None, SH.node)) | set(shapes.objects(None, SH.qualifiedValueShape))
    for logical in (SH["or"], SH["and"], SH.xone):
        for members in shapes.objects(None, logical):
            referenced.update(shapes.items(members))
    referenced.update(shapes.objects(None, SH["not"]))
    out = Graph(bind_namespaces="none")
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns)
    out += shapes
    for node in set(shapes.subjects(SH.property, None)):
        targets = [(p, o) for p in _TARGETS for o in shapes.objects(node, p)]
        if not targets or node in referenced or (node, SH.deactivated, None) in shapes:
            continue
        for prop in list(shapes.objects(node, SH.property)):
            out.remove((node, SH.property, prop))
            out.add((prop, RDF.type, SH.PropertyShape))
            out.add((prop, _PART_OF, node))  # so that reports still name the node shape
            for p, o in targets:
                out.add((prop, p, o))
    return out


_PART_OF = KGSH.propertyOf
_FAST_SHAPES: dict[int, tuple[Graph, int, Graph]] = {}


def _fast(shapes: Graph) -> Graph:
    hit = _FAST_SHAPES.get(id(shapes))
    if hit is None or hit[0] is not shapes or hit[1] != len(shapes):
        hit = (shapes, len(shapes), for_pyshacl(shapes))
        _FAST_SHAPES[id(shapes)] = hit
    return hit[2]


def read_rdf(path: Path) -> Graph:
    """Parse one RDF file (format from its extension; ``-``: standard input, TriG or JSON-LD);
    named graphs are merged into one graph."""
    if str(path) == "-":
        import tempfile

        from kg.store.rdfio import read_stdin_rdf, stdin_format

        data = read_stdin_rdf()
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / f"stdin{stdin_format(data).suffixes[0]}"
            copy.write_bytes(data)
            try:
                return read_rdf(copy)
            except InputError as exc:
                raise type(exc)(str(exc).replace(str(copy), "-")) from None
    path = Path(path)
    found = by_suffix(path)
    if found is None:
        raise InputError(f"{path}: unknown RDF format (expected one of {', '.join(sorted(BY_SUFFIX))})")
    _check_readable(path)
    _check_bounded(path, found.name)
    fmt = found.rdflib
    if found.dataset:  # may hold named graphs: validated as their union
        ds = rdflib.Dataset()
        _parse_into(ds, path, fmt)
        return _union(ds)
    return _parse_into(Graph(), path, fmt)


def _check_bounded(path: Path, fmt_name: str) -> None:
    """What rdflib would expand, fetch or choke on is refused first (kg.rdfguard); pyoxigraph,
    whose buffers are bounded, reads the literals' sizes before rdflib sees the file."""
    from kg.formats import by_name
    from kg.rdfguard import parse_bounded

    try:
        parse_bounded(path.read_bytes(), by_name(fmt_name).ox(), str(path), base_iri=path.resolve().as_uri())
    except (SyntaxError, ValueError, UnicodeDecodeError):
        pass  # rdflib's parse below reports it with its line


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    try:
        head = path.read_bytes()[:65536]
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not head.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in head:
        raise InputError(f"{path}: binary file, not RDF")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a cut multi-byte character at the end is fine
            raise InputError(f"{path}: binary file, not RDF (not UTF-8)") from None


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    # rdflib logs a full traceback for every ill-typed literal ("2022-13-01"^^xsd:date); the
    # shapes report those as violations, so the log is noise that must not reach users.
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _parse_into(graph: Graph, path: Path, fmt: str) -> Graph:
    try:
        with _quiet_rdflib():
            graph.parse(str(path), format=fmt)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    except Exception as exc:  # each rdflib parser raises its own exception types
        raise RDFSyntaxError(f"{path}: {_syntax_message(exc, path, fmt)}") from None
    return graph


def _syntax_message(exc: Exception, path: Path, fmt: str) -> str:
    """One line: 'line N: what is wrong', from whichever parser raised."""
    line: int | None = None
    why = str(exc)
    if hasattr(exc, "lines") and hasattr(exc, "_why"):  # rdflib's Turtle/TriG/N3 BadSyntax
        text, pos = getattr(exc, "_str", None), getattr(exc, "_i", None)
        # the offset of the error is more exact than the line the statement started on
        line = text[:pos].count(b"\n") + 1 if isinstance(text, bytes) and isinstance(pos, int) \
            else int(exc.lines) + 1
        why = str(exc._why)
    elif callable(getattr(exc, "getLineNumber", None)):  # RDF/XML (SAX)
        line, why = exc.getLineNumber(), str(getattr(exc, "getMessage", lambda: why)())
    elif isinstance(getattr(exc, "lineno", None), int):  # JSON
        line, why = exc.lineno, str(getattr(exc, "msg", why))
    else:
        m = re.search(r"line (\d+)", why)
        line = int(m.group(1)) if m else _first_bad_line(path, fmt)
    why = one_line(why, 160, "...")
    return f"line {line}: {why}" if line else why or type(exc).__name__


def _first_bad_line(path: Path, fmt: str) -> int | None:
    # rdflib's N-Triples/N-Quads parser does not say which line failed; these formats are one
    # statement per line, so on this (error) path each line is parsed on its own.
    if fmt not in ("nt", "nquads"):
        return None
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            for n, text in enumerate(f, 1):
                if text.strip() and not text.lstrip().startswith("#"):
                    try:
                        (rdflib.Dataset() if fmt == "nquads" else Graph()).parse(data=text, format=fmt)
                    except Exception:
                        return n
    except OSError:
        pass
    return None


def _union(data: Graph) -> Graph:
    if isinstance(data, rdflib.ConjunctiveGraph) or isinstance(data, rdflib.Dataset):
        union = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return data


# ---------------------------------------------------------------------------------------------
# Validating


def _once_per_shapes(cache: dict[int, tuple[Graph, object]], shapes: Graph, make):
    """``make(shapes)``, made once per shapes graph (the graphs live as long as the process:
    load_shapes caches them)."""
    hit = cache.get(id(shapes))
    if hit is None or hit[0] is not shapes:
        hit = cache[id(shapes)] = (shapes, make(shapes))
    return hit[1]


_COMPILED: dict[int, tuple[Graph, object]] = {}


def _compiled(engine, shapes: Graph):
    """pyshacl-turbo compiles shapes once for many graphs; pyshacl takes them on every call."""
    if not hasattr(engine, "compile_shapes"):
        return engine
    return _once_per_shapes(_COMPILED, shapes, lambda g: engine.compile_shapes(g, advanced=True))


def shacl_engine():
    """The SHACL engine: pyshacl-turbo (a Rust engine with pyshacl's API, ~10x faster) when
    installed, else pyshacl. ``KG_SHACL_ENGINE=pyshacl`` or ``=turbo`` chooses one."""
    choice = os.environ.get("KG_SHACL_ENGINE", "auto").lower()
    if choice in {"auto", "turbo", "pyshacl-turbo"}:
        try:
            import pyshacl_turbo

            return pyshacl_turbo
        except ImportError:
            if choice != "auto":
                raise InputError("KG_SHACL_ENGINE=turbo but pyshacl-turbo is not installed") from None
    import pyshacl  # ~0.3 s to import: only when validating

    return pyshacl


def validate_graph(data, shapes: Graph | None = None, *, warnings: bool = True,
                   nquads: str | None = None) -> Report:
    """Validate ``data`` against ``shapes`` (default: the project's shapes/).

    ``data`` is an rdflib graph (a Dataset is validated as the union of its graphs), pyoxigraph
    triples (what kg.rdf.to_triples makes) or a pyoxigraph Store (its graphs' union). With
    ``warnings=False`` the shapes of severity Warning or Info are not run: a batch that only
    asks whether a graph conforms is spared them. ``nquads`` is ``data`` already written as
    N-Quads (kg.rdf.nquads, what kg ingest loads): pyshacl-turbo reads that text instead of
    one written for it.
    """
    engine = shacl_engine()
    shapes = load_shapes() if shapes is None else shapes
    triples = data_triples(data)
    fast = _for_engine(engine, shapes, warnings)
    index = TripleIndex(triples)
    rows = [(row, check_shape) for check_shape, check in _python_checks(shapes) for row in check(index)]
    if not warnings and core_shapes(shapes).certainly_conforms(index):
        # Only whether the graph conforms was asked, and every shape was checked to hold
        # (kg/shacl_core.py): the engine would return a report without results.
        if not rows:
            return Report(conforms=True, issues=())
        report_graph = _conforming_report()
    else:
        report_graph = _engine_report(engine, fast, triples, nquads)
    found = [_result_row(report_graph, fast, r) for r in report_graph.objects(None, SH.result)]
    for row, check_shape in rows:
        _add_result(report_graph, row, check_shape)
        found.append(_issue(*row, shape=check_shape))
    issues = tuple(sorted(set(found), key=_sort_key))
    conforms = not any(i.severity == "Violation" for i in issues)
    report_node = next(report_graph.subjects(RDF.type, SH.ValidationReport), None)
    if report_node is not None and issues:
        report_graph.set((report_node, SH.conforms, Literal(conforms)))
        for prefix, ns in PREFIXES.items():
            report_graph.bind(prefix, ns, override=True)
    return Report(conforms=conforms, issues=issues, report_graph=report_graph)


def _engine_report(engine, fast: Graph, triples: list[tuple], nquads: str | None = None) -> Graph:
    """The SHACL engine's report graph of ``triples`` (written as ``nquads`` when given) against
    the shapes ``fast``."""
    with _quiet_rdflib():
        runner = _compiled(engine, fast)
        if runner is engine and engine.__name__ == "pyshacl":  # pyshacl reads rdflib graphs only
            from kg.rdf import triples_graph

            target = triples_graph(triples)
        else:
            target = _text_input(triples, nquads)
        _, report_graph, _ = runner.validate(
            target, **({} if runner is not engine else {"shacl_graph": fast, "advanced": True}),
            inference="none",
            # never in place: what SHACL rules would infer must not reach the Python checks
            # below, and writing it back costs more than the validation itself
            inplace=False, allow_warnings=True, abort_on_first=False)
    if not isinstance(report_graph, Graph):  # pyshacl's ValidationFailure: the shapes are bad
        raise InputError(f"invalid shapes: {one_line(str(report_graph), 160, '...')}")
    return report_graph


def _conforming_report() -> Graph:
    """The report graph a SHACL engine gives for a graph that conforms."""
    report = Graph(bind_namespaces="none")  # bound only if results are added (validate_graph)
    node = BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(True)))
    return report


_CHECKS: dict[int, tuple[Graph, object]] = {}


def _python_checks(shapes: Graph) -> tuple:
    """The checks in Python (_PYTHON_CHECKS) whose shapes ``shapes`` holds; once per shapes graph."""
    return _once_per_shapes(_CHECKS, shapes, lambda g: tuple(
        (shape, check) for shape, check in _PYTHON_CHECKS if (shape, None, None) in g))


_CORE: dict[int, tuple[Graph, object]] = {}


def core_shapes(shapes: Graph):
    """``shapes`` without those of severity Warning or Info, compiled for
    kg.shacl_core.certainly_conforms; once per shapes graph."""
    from kg.rdf import converted, ox_term
    from kg.shacl_core import compile_shapes

    return _once_per_shapes(_CORE, shapes, lambda g: compile_shapes(
        list(converted(iter(_violations_only(g)), ox_term))))


def _text_input(triples: list[tuple], nquads: str | None):
    """The data as pyshacl-turbo's native engine reads it: text it parses itself. (Given a
    pyoxigraph Store, turbo dumps it to N-Quads first; given an rdflib graph, it walks it in
    Python.) Blank node labels are kept, so the report names the data's blank nodes."""
    from pyshacl_turbo.rdf import Input

    if nquads is not None:
        return Input(nquads, "oxigraph-nquads", None, {}, preserve_ids=True)
    text = ox.serialize((ox.Triple(*t) for t in triples), format=ox.RdfFormat.N_QUADS)
    return Input(text.decode("utf-8"), "oxigraph-nquads", None, {}, preserve_ids=True)


def data_triples(data) -> Sequence[tuple]:
    """The distinct triples of ``data`` (an rdflib graph, a pyoxigraph Store or triples of
    pyoxigraph terms; named graphs merged) as pyoxigraph terms."""
    if isinstance(data, ox.Store):
        return list(dict.fromkeys((q.subject, q.predicate, q.object) for q in data))
    if isinstance(data, Graph):
        from kg.rdf import converted, ox_term

        triples = data.quads((None, None, None, None)) if isinstance(data, rdflib.ConjunctiveGraph) else data
        return list(dict.fromkeys(converted((t[:3] for t in triples), ox_term)))
    from kg.rdf import DistinctTriples

    return data if isinstance(data, DistinctTriples) else list(dict.fromkeys(data))


class TripleIndex:
    """Triples of pyoxigraph terms, looked up as the Python checks need them."""

    def __init__(self, triples: list[tuple]) -> None:
        out: dict = {}  # subject -> predicate -> objects
        by_p: dict = {}  # predicate -> (subject, object)
        for t in triples:
            s, p, o = t
            props = out.get(s)
            if props is None:
                out[s] = {p: [o]}
            elif p in props:
                props[p].append(o)
            else:
                props[p] = [o]
            if p in by_p:
                by_p[p].append((s, o))
            else:
                by_p[p] = [(s, o)]
        self.out, self.by_p = out, by_p
        # predicate -> object -> subjects, made for a predicate when first asked (few are)
        self.by_po: dict = {}

    def objects(self, s, p) -> list:
        found = self.out.get(s)
        return found.get(p, []) if found else []

    def subjects(self, p, o) -> list:
        by_o = self.by_po.get(p)
        if by_o is None:
            by_o = self.by_po[p] = {}
            for s, obj in self.by_p.get(p, ()):
                if obj in by_o:
                    by_o[obj].append(s)
                else:
                    by_o[obj] = [s]
        return by_o.get(o, [])

    def pairs(self, p) -> list[tuple]:
        return self.by_p.get(p, [])

    def properties(self, s) -> dict:
        return self.out.get(s) or {}


def _for_engine(engine, shapes: Graph, warnings: bool = True) -> Graph:
    """The shapes as ``engine`` runs them fastest: pyshacl with property shapes targeted
    (for_pyshacl); pyshacl-turbo as written, which it runs in two thirds of the time."""
    prepared = _fast(shapes) if engine.__name__ == "pyshacl" else shapes
    return prepared if warnings else _violations_only(prepared)


def warm_shapes(shapes: Graph) -> None:
    """Prepare ``shapes`` for validation ahead of the first graph (a forkserver does it once for
    all its workers). The SHACL engine's compiled form is left to each process: it is native."""
    _for_engine(shacl_engine(), shapes, warnings=False)
    core_shapes(shapes)


_VIOLATIONS_ONLY: dict[int, tuple[Graph, Graph]] = {}


def _violations_only(shapes: Graph) -> Graph:
    """The shapes without those of severity Warning or Info (and what hangs from them)."""
    return _once_per_shapes(_VIOLATIONS_ONLY, shapes, _without_doubts)


def _without_doubts(shapes: Graph) -> Graph:
    doubts = {s for level in (SH.Warning, SH.Info) for s in shapes.subjects(SH.severity, level)}
    out = Graph(bind_namespaces="none")
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns)
    for s, p, o in shapes:
        if s not in doubts and o not in doubts:
            out.add((s, p, o))
    return out


def validate_files(paths: list[Path], shapes_dir: Path | None = None) -> Report:
    """Read every file (as one graph) and validate it against ``shapes_dir`` (default ``shapes/``)."""
    if not paths:
        raise InputError("no input files")
    shapes = load_shapes(shapes_dir)
    data = Graph()
    for path in paths:
        graph = read_rdf(Path(path))
        if len(data) == 0:
            data = graph
        else:
            data += graph
    return validate_graph(data, shapes)


def _sort_key(issue: Issue) -> tuple:
    return (_RANK.get(issue.severity, 9), issue.focus, issue.path or "", issue.message,
            issue.value or "", issue.shape or "")


def _term_str(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _issue(focus, path, value, message: str, severity: str, shape=None) -> Issue:
    return Issue(focus=_term_str(focus) or "", path=_term_str(path) if isinstance(path, (URIRef, ox.NamedNode)) else None,
                 message=message, severity=severity, value=_term_str(value), shape=_term_str(shape))


def _result_row(report: Graph, shapes: Graph, result) -> Issue:
    shape = report.value(result, SH.sourceShape)
    # A property shape is usually anonymous: name the node shape that holds it instead.
    if isinstance(shape, BNode):
        shape = shapes.value(shape, _PART_OF) or next(shapes.subjects(SH.property, shape), shape)
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    component = report.value(result, SH.sourceConstraintComponent)
    message = "; ".join(messages) or (str(component).rsplit("#", 1)[-1] if component else "")
    return _issue(report.value(result, SH.focusNode), report.value(result, SH.resultPath),
                  report.value(result, SH.value), message,
                  SEVERITIES.get(report.value(result, SH.resultSeverity), "Violation"), shape)


def _add_result(report: Graph, row: tuple, shape: URIRef) -> None:
    from kg.rdf import rdflib_term

    focus, path, value, message, severity = (rdflib_term(x) if isinstance(x, _OX_TERMS) else x for x in row)
    node = next(report.subjects(RDF.type, SH.ValidationReport))
    result = BNode()
    report.add((node, SH.result, result))
    report.add((result, RDF.type, SH.ValidationResult))
    report.add((result, SH.focusNode, focus))
    if path is not None:
        report.add((result, SH.resultPath, path))
    if value is not None:
        report.add((result, SH.value, value))
    report.add((result, SH.resultMessage, Literal(message)))
    report.add((result, SH.resultSeverity, SH[severity]))
    report.add((result, SH.sourceShape, shape))
    report.add((result, SH.sourceConstraintComponent, PYTHON_COMPONENT))


# ---------------------------------------------------------------------------------------------
# The checks SHACL Core cannot express, over the data's triples (TripleIndex). Each
# yields (focus, path, value, message, severity), pyoxigraph terms.

_OX_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal)
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = (ox.NamedNode(str(x)) for x in (RDF.type, RDF.subject, RDF.predicate, RDF.object))
_ARTICLE, _DERIVED, _EVIDENCE, _MEMBER_OF = (ox.NamedNode(str(x)) for x in (ARTICLE, PROV.wasDerivedFrom, KG.evidence, MEMBER_OF))
_EXACT, _START, _END = (ox.NamedNode(str(x)) for x in (OA.exact, OA.start, OA.end))
_RESOLVED, _ACCOUNT, _WITHDRAWAL_OF = (ox.NamedNode(str(x)) for x in (RESOLVED_EVENT, KG.account, WITHDRAWAL_OF))
_FACTS = frozenset(ox.NamedNode(str(p)) for p in FACT_PROPERTIES)
_EVENT_CLASSES = tuple(ox.NamedNode(str(c)) for c in EVENT_CLASSES)
_P580, _P582 = ox.NamedNode(str(START)), ox.NamedNode(str(END))


def _events(g: TripleIndex) -> set:
    return {s for cls in _EVENT_CLASSES for s in g.subjects(_TYPE, cls)}


def _statement_is_complete(g: TripleIndex, st, articles: set) -> bool:
    if not any(a in articles for a in g.objects(st, _DERIVED)):
        return False
    return any(all(g.objects(sel, p) for p in (_EXACT, _START, _END)) for sel in g.objects(st, _EVIDENCE))


def check_fact_statements(g: TripleIndex) -> Iterator[tuple]:
    """Every truthy event fact and membership has a complete rdf:Statement."""
    articles = set(g.subjects(_TYPE, _ARTICLE))
    statements: dict[tuple, list] = defaultdict(list)
    for st, s in g.pairs(_SUBJECT):
        for p in g.objects(st, _PREDICATE):
            for o in g.objects(st, _OBJECT):
                statements[(s, p, o)].append(st)
    facts = [(e, p, o) for e in sorted(_events(g), key=str)
             for p, objects in g.properties(e).items() if p in _FACTS for o in objects]
    facts += [(s, _MEMBER_OF, o) for s, o in g.pairs(_MEMBER_OF)]
    # A resolved event (kg resolve) states its accounts' facts: their statements back it.
    accounts = {r: g.objects(r, _ACCOUNT) for r in g.subjects(_TYPE, _RESOLVED)}
    for s, p, o in facts:
        found = [st for x in accounts.get(s) or [s]
                 for o2 in (accounts.get(o) or [o] if p == _WITHDRAWAL_OF else [o])
                 for st in statements.get((x, p, o2), ())]
        if not found:
            yield (s, p, o, "fact has no rdf:Statement with this rdf:subject, rdf:predicate and "
                   "rdf:object", "Violation")
        elif not any(_statement_is_complete(g, st, articles) for st in found):
            yield (s, p, o, "the fact's rdf:Statement lacks prov:wasDerivedFrom a kg:Article or "
                   "kg:evidence with oa:exact, oa:start and oa:end", "Violation")


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:Z|[+-]\d{2}:\d{2})?$")
_PRECISION = {str(XSD.date): 3, str(XSD.gYearMonth): 2, str(XSD.gYear): 1}


def date_bounds(value) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date, year-month or year literal (rdflib's or pyoxigraph's) can
    denote (None if not one)."""
    if isinstance(value, ox.Literal):
        lexical, datatype = value.value, value.datatype.value
    elif isinstance(value, Literal) and value.datatype is not None:
        lexical, datatype = str(value), str(value.datatype)
    else:
        return None
    precision = _PRECISION.get(datatype)
    m = _DATE.match(lexical) if precision else None
    if not m or sum(g is not None for g in m.groups()) != precision:
        return None
    try:
        return _day_bounds(*(int(x) for x in m.groups() if x))
    except ValueError:
        return None


def check_time_order(g: TripleIndex) -> Iterator[tuple]:
    """An end (wdt:P582) is not before a start (wdt:P580). A resolved event's accounts may
    disagree on dates: that is stated as a kg:Conflict, not checked here."""
    resolved = set(g.subjects(_TYPE, _RESOLVED))
    for event in _events(g) - resolved:
        for end in g.objects(event, _P582):
            end_bounds = date_bounds(end)
            for start in g.objects(event, _P580):
                start_bounds = date_bounds(start)
                if end_bounds and start_bounds and end_bounds[1] < start_bounds[0]:
                    yield (event, _P582, end, f"end {end.value} is before start {start.value}", "Violation")


_WINDOWS = tuple((ox.NamedNode(str(PROPERTY[f"earliest{x}"])), ox.NamedNode(str(PROPERTY[f"latest{x}"])))
                 for x in ("Start", "End", "Date"))


_WINDOW_PROPS = frozenset(p for pair in _WINDOWS for p in pair)


def _read_from(g: TripleIndex, event) -> dict:
    """The values of each window property of ``event`` by the span they were read from (start,
    end offsets). One pass over the event's statements: most events have no window at all."""
    found: dict = {}
    for st in g.subjects(_SUBJECT, event):
        props = [p for p in g.objects(st, _PREDICATE) if p in _WINDOW_PROPS]
        if not props:
            continue
        spans = [(_one(g, sel, _START), _one(g, sel, _END)) for sel in g.objects(st, _EVIDENCE)]
        for prop in props:
            by_span = found.setdefault(prop, defaultdict(set))
            for value in g.objects(st, _OBJECT):
                for span in spans:
                    by_span[span].add(value)
    return found


def _one(g: TripleIndex, s, p):
    return next((o.value for o in g.objects(s, p)), None)


def check_date_windows(g: TripleIndex) -> Iterator[tuple]:
    """A window's earliest day is not after its latest day, and neither comes without the other.
    The two halves of one window are read from the same words, which pairs them when an event has
    several. A resolved event's windows are its accounts' (checked there)."""
    resolved = set(g.subjects(_TYPE, _RESOLVED))
    for event in _events(g) - resolved:
        windows = _read_from(g, event)
        if not windows:
            continue
        for earliest_prop, latest_prop in _WINDOWS:
            earliest, latest = windows.get(earliest_prop, {}), windows.get(latest_prop, {})
            for span in sorted(set(earliest) ^ set(latest), key=str):
                prop, partner = ((earliest_prop, latest_prop) if span in earliest
                                 else (latest_prop, earliest_prop))
                for value in sorted((earliest.get(span) or latest[span]), key=str):
                    yield (event, prop, value, f"{shorten(prop.value)} {value.value} has no "
                           f"{shorten(partner.value)} read from the same words", "Violation")
            for span in set(earliest) & set(latest):
                for first in earliest[span]:
                    for last in latest[span]:
                        a, b = date_bounds(first), date_bounds(last)
                        if a and b and a[0] > b[1]:
                            yield (event, earliest_prop, first, f"window starts {first.value}, after "
                                   f"its last day {last.value}", "Violation")


# The XSD integer types, whose values rdflib reads as Python ints.
_INTEGERS = frozenset(str(XSD[t]) for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte"))


def check_evidence_length(g: TripleIndex) -> Iterator[tuple]:
    """oa:exact is text[start:end], so its length is end - start."""
    for sel in {o for _, o in g.pairs(_EVIDENCE)}:
        exact, start, end = (g.objects(sel, p) for p in (_EXACT, _START, _END))
        if len(exact) != 1 or len(start) != 1 or len(end) != 1:
            continue  # cardinality is the shapes' business
        s, e = _integer(start[0]), _integer(end[0])
        if s is not None and e is not None and e - s != len(exact[0].value):
            yield (sel, _EXACT, exact[0], f"oa:exact has {len(exact[0].value)} characters but "
                   f"oa:end - oa:start is {e - s}", "Violation")


def _integer(term) -> int | None:
    if not isinstance(term, ox.Literal) or not term.datatype or term.datatype.value not in _INTEGERS:
        return None
    try:
        return int(term.value)
    except ValueError:
        return None


_PYTHON_CHECKS = (
    (KGSH.TruthyFactStatementShape, check_fact_statements),
    (KGSH.EventTimeOrderShape, check_time_order),
    (KGSH.EventDateWindowShape, check_date_windows),
    (KGSH.EvidenceLengthShape, check_evidence_length),
)


# ---------------------------------------------------------------------------------------------
# Rendering


def shorten(iri: str | None) -> str:
    """An IRI in prefixed form when a known prefix fits (``kgr:event/…``), else as given."""
    if iri is None:
        return "-"
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>" if "://" in iri else iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def render_text(report: Report) -> str:
    lines = []
    for i in report.issues:
        where = shorten(i.focus) + (f"  {shorten(i.path)}" if i.path else "")
        value = f" (value: {shorten(i.value)})" if i.value is not None and i.value != i.focus else ""
        lines.append(f"{i.severity:<9}  {where}\n           {i.message}{value}")
    n_v, n_w = len(report.violations), len(report.warnings)
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{verdict}: {n_v} violation{'s' * (n_v != 1)}, {n_w} warning{'s' * (n_w != 1)}")
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    return json.dumps({
        "conforms": report.conforms,
        "violations": len(report.violations),
        "warnings": len(report.warnings),
        "issues": [{"severity": i.severity, "focus": i.focus, "path": i.path, "message": i.message,
                    "value": i.value, "shape": i.shape} for i in report.issues],
    }, indent=2, ensure_ascii=False) + "\n"


def render(report: Report, fmt: str = "text") -> str:
    if fmt == "text":
        return render_text(report)
    if fmt == "json":
        return render_json(report)
    if fmt == "turtle":
        return report.report_graph.serialize(format="turtle")
    raise InputError(f"unknown report format {fmt!r} (expected text, turtle or json)")
