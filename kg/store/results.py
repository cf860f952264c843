"""SPARQL results, the same object from the embedded store and from a remote endpoint.

Rendered as an aligned text table (or a rich table on a terminal), CSV, SPARQL 1.1 JSON
results, and for CONSTRUCT/DESCRIBE as Turtle.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal as Kind

import pyoxigraph as ox

from kg.errors import InputError
from kg.vocab import (ARTICLE_IRI, DATE_PUBLISHED_IRI, EXTRACTOR_VERSION_IRI, QUERY_PREFIXES,
                      RDF_LANG_STRING_IRI, TEXT_SHA256_IRI, XSD_STRING_IRI)

_STRING = XSD_STRING_IRI
_ARTICLE, _TEXT_SHA256 = ARTICLE_IRI, TEXT_SHA256_IRI
_PLAIN = {_STRING, RDF_LANG_STRING_IRI}
_RESULTS_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                    "tsv": ox.QueryResultsFormat.TSV}

# Shown as prefixed names in tables and Turtle, and declared for queries that use them undeclared.
PREFIXES = QUERY_PREFIXES
# Longest namespace first, so kgr: (…/id/) is never shadowed by a shorter one.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-./]*$")


@dataclass(frozen=True)
class Term:
    kind: Kind["uri", "literal", "bnode"]
    value: str
    datatype: str | None = None
    lang: str | None = None

    @classmethod
    def from_ox(cls, term) -> "Term":
        if isinstance(term, ox.NamedNode):
            return cls("uri", term.value)
        if isinstance(term, ox.BlankNode):
            return cls("bnode", term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return cls("literal", term.value, lang=term.language)
            return cls("literal", term.value, datatype=term.datatype.value)
        return cls("literal", str(term))  # RDF-star triple terms: shown as text

    def to_ox(self):
        if self.kind == "uri":
            return ox.NamedNode(self.value)
        if self.kind == "bnode":
            return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", self.value))
        if self.lang:
            return ox.Literal(self.value, language=self.lang)
        return ox.Literal(self.value, datatype=ox.NamedNode(self.datatype or _STRING))

    def short(self) -> str:
        """For people: prefixed IRIs, bare literal values."""
        if self.kind == "uri":
            return shorten(self.value)
        if self.kind == "bnode":
            return f"_:{self.value}"
        return self.value


def shorten(iri: str) -> str:
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


@dataclass(frozen=True)
class QueryResult:
    kind: Kind["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    bindings: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Term, Term, Term], ...] = ()

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def from_ox(cls, result) -> "QueryResult":
        if isinstance(result, ox.QueryBoolean):
            return cls("ask", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            return cls.from_triples(result)
        names = tuple(v.value for v in result.variables)
        rows = tuple(tuple(None if sol[n] is None else Term.from_ox(sol[n]) for n in names)
                     for sol in result)
        return cls("select", variables=names, bindings=rows)

    @classmethod
    def parse(cls, data: bytes | str, fmt: str = "json") -> "QueryResult":
        """SPARQL 1.1 query results (``json``, ``xml`` or ``tsv``), read by pyoxigraph; raises
        ValueError or SyntaxError when they are malformed."""
        return cls.from_ox(ox.parse_query_results(data, _RESULTS_FORMATS[fmt]))

    @classmethod
    def from_triples(cls, triples) -> "QueryResult":
        """From pyoxigraph Triples (a CONSTRUCT/DESCRIBE answer)."""
        return cls("graph", variables=("subject", "predicate", "object"), triples=tuple(
            (Term.from_ox(t.subject), Term.from_ox(t.predicate), Term.from_ox(t.object))
            for t in triples))

    # -- reading ----------------------------------------------------------------------------
    @property
    def rows(self) -> tuple[tuple[str, ...], ...]:
        """Every cell as a short string ('' when unbound)."""
        if self.kind == "ask":
            return (("true" if self.boolean else "false",),)
        source = self.triples if self.kind == "graph" else self.bindings
        return tuple(tuple("" if t is None else t.short() for t in row) for row in source)

    @property
    def columns(self) -> tuple[str, ...]:
        return ("ask",) if self.kind == "ask" else self.variables

    def __len__(self) -> int:
        return len(self.rows)

    # -- rendering --------------------------------------------------------------------------
    def to_text(self) -> str:
        """An aligned plain-text table with a row count, for pipes and tests."""
        header, rows = self.columns, self.rows
        widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]

        def line(cells) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

        out = [line(header), line("-" * w for w in widths)] + [line(r) for r in rows]
        if self.kind != "ask":
            out.append(f"({len(rows)} row{'s' * (len(rows) != 1)})")
        return "\n".join(out) + "\n"

    def to_rich(self):
        from rich.table import Table

        table = Table(*self.columns, caption=None if self.kind == "ask" else f"{len(self)} rows")
        for r in self.rows:
            table.add_row(*r)
        return table

    def solutions(self):
        """The result as pyoxigraph query results, whose serializers write CSV and JSON."""
        if self.kind == "ask":
            # pyoxigraph makes no QueryBoolean from Python: parse the smallest answer that is one
            return ox.parse_query_results(f'{{"boolean":{str(bool(self.boolean)).lower()}}}',
                                          ox.QueryResultsFormat.JSON)
        # A select or graph result as SPARQL TSV, whose cells are terms in N-Triples syntax.
        rows = self.triples if self.kind == "graph" else self.bindings
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        lines += ["\t".join("" if t is None else str(t.to_ox()) for t in row) for row in rows]
        return ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV results: IRIs in full, literals as their lexical form."""
        return self.solutions().serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (a graph result is given as s/p/o bindings), indented."""
        compact = self.solutions().serialize(format=ox.QueryResultsFormat.JSON)
        return json.dumps(json.loads(compact), indent=2, ensure_ascii=False) + "\n"

    def to_turtle(self) -> str:
        if self.kind != "graph":
            raise InputError("only CONSTRUCT and DESCRIBE results can be written as Turtle")
        triples = [ox.Triple(s.to_ox(), p.to_ox(), o.to_ox()) for s, p, o in self.triples]
        used = {k: v for k, v in PREFIXES.items()
                if any(t.value.startswith(v) for tr in self.triples for t in tr if t.kind == "uri")}
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used).decode("utf-8")

    def render(self, fmt: str = "table") -> str:
        renderers = {"table": self.to_text, "text": self.to_text, "csv": self.to_csv,
                     "json": self.to_json, "turtle": self.to_turtle}
        try:
            return renderers[fmt]()
        except KeyError:
            raise InputError(f"unknown result format {fmt!r}; use table, csv, json or turtle") from None


def with_prefixes(sparql: str) -> str:
    """Declare the project's usual prefixes (kg:, wd:, wdt:, schema:, …) that the query uses
    without declaring, so that short queries work on any endpoint."""
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:", sparql)}
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()
               if p.lower() not in declared and re.search(rf"(?<![\w<#/?]){p}:", sparql)]
    return "\n".join(missing + [sparql]) if missing else sparql


_PROLOGUE = re.compile(r"""(?isx)
    \s+ | \#[^\n]* | BASE\s*<[^>]*> | PREFIX\s+[\w.-]*:\s*<[^>]*>""")


def first_keyword(sparql: str) -> str:
    """The first word after comments and the prologue, lower-cased: a query's form, or an
    update's first operation."""
    pos = 0
    while (m := _PROLOGUE.match(sparql, pos)) and m.end() > pos:
        pos = m.end()
    word = re.match(r"[A-Za-z]+", sparql[pos:])
    return word.group(0).lower() if word else ""


def query_form(sparql: str) -> str:
    """'select', 'ask', 'construct' or 'describe' (after comments and the prologue)."""
    form = first_keyword(sparql)
    return form if form in ("select", "ask", "construct", "describe") else "select"


def query_text(arg: str, what: str = "query") -> str:
    """A query (or update) given inline, as ``@FILE``, or ``-`` (standard input)."""
    if arg == "-":
        import sys

        text = sys.stdin.read()
    elif arg.startswith("@"):
        path = Path(arg[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"{path}: no such {what} file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read the {what}: {exc}") from None
    else:
        text = arg
    if not text.strip():
        raise InputError(f"the SPARQL {what} is empty")
    return text


@dataclass(frozen=True)
class StoredArticle:
    graph: str
    sha256: str
    version: str | None  # kg:extractorVersion; None for graphs from before it was recorded
    published: str | None  # schema:datePublished


class ArticleQueries:
    """What every store answers with plain SPARQL; a store class supplies ``query``."""

    def query(self, sparql: str) -> QueryResult:  # pragma: no cover - supplied by the store
        raise NotImplementedError

    def graph_count(self, graph_iri: str) -> int:
        from kg.store.rdfio import check_iri

        result = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{check_iri(graph_iri)}> "
                            "{ ?s ?p ?o } }")
        return int(result.bindings[0][0].value) if result.bindings else 0

    def graph_hashes(self) -> list[tuple[str, str]]:
        """(graph IRI, kg:textSha256) of every article graph: what ingest needs to resume."""
        result = self.query(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?a a <{_ARTICLE}> ; "
                            f"<{_TEXT_SHA256}> ?h }} }}")
        return [(g.value, h.value) for g, h in result.bindings if g is not None and h is not None]

    def stored_articles(self) -> list[StoredArticle]:
        """Every article graph's text hash, extractor version and publication date: what ingest
        needs to skip, re-extract or refuse to replace an article."""
        result = self.query(
            f"SELECT ?g ?h ?v ?d WHERE {{ GRAPH ?g {{ ?a a <{_ARTICLE}> ; <{_TEXT_SHA256}> ?h "
            f"OPTIONAL {{ ?a <{EXTRACTOR_VERSION_IRI}> ?v }} OPTIONAL {{ ?a <{DATE_PUBLISHED_IRI}> ?d }} }} }}")
        return [StoredArticle(g.value, h.value, v.value if v is not None else None, d.value if d is not None else None)
                for g, h, v, d in result.bindings if g is not None and h is not None]

    def content_hash(self, graph_iri: str) -> str | None:
        """The kg:textSha256 of the article stored in that graph (None when it is not there)."""
        from kg.store.rdfio import check_iri

        result = self.query(
            f"SELECT ?h WHERE {{ GRAPH <{check_iri(graph_iri)}> {{ ?a a <{_ARTICLE}> ; "
            f"<{_TEXT_SHA256}> ?h }} }} LIMIT 1")
        return result.bindings[0][0].value if result.bindings else None

    def all_quads(self) -> list[ox.Quad]:
        """Every quad of the store's named graphs."""
        result = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [ox.Quad(s.to_ox(), p.to_ox(), o.to_ox(), g.to_ox())
                for s, p, o, g in result.bindings if None not in (s, p, o, g)]
