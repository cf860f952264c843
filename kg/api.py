"""The public API: one call per thing a user does. The CLI is a thin layer over these."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from kg.errors import InputError, ValidationFailed
from kg.model import Article, Extraction


@dataclass(frozen=True)
class ProcessedArticle:
    """One article extracted, mapped and (unless skipped) validated: ready to write or load."""

    article: Article
    extraction: Extraction
    graph: Graph
    graph_iri: URIRef
    report: object | None  # kg.validate.Report when validated

    @property
    def sha256(self) -> str:
        return self.article.sha256

    def serialize(self, fmt: str = "turtle") -> str:
        from kg.rdf import serialize

        return serialize(self.graph, fmt, self.graph_iri)


def read(source: str, **metadata: str | None) -> Article:
    """An Article from a path, ``-`` or a URL; ``published``/``url``/``title`` override the input's."""
    from kg.read import read_article

    return read_article(source, **metadata)


def extract(article: Article) -> Extraction:
    from kg.pipeline import extract as _extract

    return _extract(article)


def process_article(article: Article, validate: bool = True, base: str | None = None) -> ProcessedArticle:
    """Extract, map to RDF and validate. Raises ValidationFailed (with its report) on a violation."""
    from kg.rdf import article_iri, to_graph

    extraction = extract(article)
    graph = to_graph(extraction, base=base)
    report = None
    if validate:
        from kg.validate import validate_graph

        report = validate_graph(graph)
        if not report.conforms:
            n = len(report.violations)
            raise ValidationFailed(f"the graph of {article.source} has {n} SHACL violation(s); nothing written",
                                   report)
    return ProcessedArticle(article, extraction, graph, article_iri(article.sha256), report)


def write_text(text: str, out: str | None) -> None:
    """Write to a file atomically (never a half-written file), or to standard output."""
    import sys

    if out in (None, "-"):
        sys.stdout.write(text)
        return
    path = Path(out)
    if path.parent and not path.parent.exists():
        raise InputError(f"{out}: folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
