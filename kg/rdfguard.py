"""Bounds on RDF input: a file someone hands to `kg load` or `kg validate` may be hostile.

No parser here ever touches the network or expands a document into more than it holds: RDF/XML
with a DTD (entity declarations: "billion laughs", external entities) and JSON-LD with a remote
@context are refused before parsing, and a literal longer than MAX_LITERAL_CHARS is refused (no
fact of a news graph is that long; it is a sign of a bomb or of a broken file).
"""
from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from operator import attrgetter

from kg.errors import InputError

MAX_LITERAL_CHARS = 1_000_000

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def check_rdf_bytes(data: bytes, fmt_name: str, name: str) -> None:
    """Refuse, in one line, what a parser would expand or fetch. ``fmt_name`` is kg's format name
    (kg.formats: "xml", "jsonld", ...)."""
    if fmt_name == "xml" and _DTD.search(data):
        raise InputError(f"{name}: RDF/XML with a DTD (entity declarations) is refused: "
                         "entities can expand without bound or read local files")
    if fmt_name == "jsonld":
        remote = _remote_context(data, name)
        if remote:
            raise InputError(f"{name}: a remote JSON-LD @context ({remote[:80]}) is not fetched; "
                             "embed the context in the file")


def parse_bounded(data: bytes, fmt, name: str, base_iri: str | None = None,
                  rename_blank_nodes: bool = False) -> list:
    """pyoxigraph's quads of ``data`` (``fmt``: a pyoxigraph.RdfFormat), once check_rdf_bytes
    lets it through and with every literal under the limit. A token over pyoxigraph's bounded
    buffer (16 MB) is an InputError; syntax errors pass through as pyoxigraph raises them."""
    quads_of = checked_parser(data, fmt, name, base_iri, rename_blank_nodes)
    with token_limit(name), no_cyclic_gc():
        quads = list(quads_of)
    if not literals_within_limit(data, fmt):
        import pyoxigraph as ox

        literal = ox.Literal
        check_literals([o for o in map(_OBJECT, quads) if type(o) is literal], name)
    return quads


def checked_parser(data: bytes, fmt, name: str, base_iri: str | None = None,
                   rename_blank_nodes: bool = False):
    """pyoxigraph's quad iterator over ``data``, once check_rdf_bytes lets it through. Iterate
    it inside token_limit(name); the literal limit is the caller's (literals_within_limit)."""
    import pyoxigraph as ox

    from kg.formats import by_oxigraph

    known = by_oxigraph(fmt)
    check_rdf_bytes(data, known.name if known else "", name)
    return ox.parse(input=data, format=fmt, base_iri=base_iri, rename_blank_nodes=rename_blank_nodes)


@contextmanager
def token_limit(name: str) -> Iterator[None]:
    """A token over pyoxigraph's bounded buffer is an InputError."""
    try:
        yield
    except MemoryError as exc:
        from kg.errors import one_line

        raise InputError(f"{name}: a token is too large to parse ({one_line(exc)})") from None


def literals_within_limit(data: bytes, fmt) -> bool:
    """True when ``data`` cannot hold a literal over MAX_LITERAL_CHARS, without parsing it (the
    line shortcut below); False means each literal must be looked at."""
    from kg.formats import by_oxigraph

    known = by_oxigraph(fmt)
    return bool(known and known.name in _LINE_FORMATS and lines_within(data, MAX_LITERAL_CHARS))


# N-Triples and N-Quads: a literal never holds a raw line break, and an escape only shortens it,
# so no literal is longer than the longest line.
_LINE_FORMATS = frozenset({"nt", "nquads"})


def lines_within(data: bytes, limit: int) -> bool:
    """True when no line of ``data`` is over ``limit`` bytes (without looking at every line:
    each step jumps to the last line break within ``limit`` bytes)."""
    start = 0
    while len(data) - start > limit:
        brk = data.rfind(b"\n", start, start + limit + 1)
        if brk < 0:
            return False
        start = brk + 1
    return True


_OBJECT = attrgetter("object")


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """The cycle collector paused: every parsed quad is a tracked object that holds no cycle, and
    collections rescanning a growing list of them cost a third of the parse of a large file."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_literals(values: Iterable[object], name: str) -> None:
    """Refuse a literal over MAX_LITERAL_CHARS (pyoxigraph or rdflib terms)."""
    for term in values:
        value = getattr(term, "value", term)
        if isinstance(value, str) and len(value) > MAX_LITERAL_CHARS:
            raise InputError(f"{name}: a literal of {len(value):,} characters is over the "
                             f"{MAX_LITERAL_CHARS:,}-character limit")


def _remote_context(data: bytes, name: str) -> str | None:
    from kg.read import load_json

    try:
        doc = load_json(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        return None  # the parser reports it
    except InputError as exc:
        if "nested too deeply" in str(exc):
            raise
        return None
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    for ctx in value if isinstance(value, list) else [value]:
                        if isinstance(ctx, str):
                            return ctx
                        stack.append(ctx)
                elif key == "@import" and isinstance(value, str):
                    return value
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return None
