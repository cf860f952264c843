"""The RDF formats kg-loader reads and writes, in one table: names, file suffixes, media types,
and what rdflib and pyoxigraph call them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RdfFormat:
    name: str  # the word kg uses (``kg extract --format``)
    aliases: tuple[str, ...]  # other words accepted for it
    suffixes: tuple[str, ...]  # file suffixes, the first one preferred
    media_types: tuple[str, ...]  # the first one preferred
    rdflib: str  # rdflib's parser/serializer name
    oxigraph: str  # the pyoxigraph.RdfFormat member
    dataset: bool  # may hold named graphs
    writable: bool  # `kg extract` writes it

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def ox(self):
        """The pyoxigraph.RdfFormat (pyoxigraph imported only when asked)."""
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.oxigraph)


FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("turtle", ("ttl",), (".ttl", ".turtle"), ("text/turtle",), "turtle", "TURTLE", False, True),
    RdfFormat("trig", (), (".trig",), ("application/trig",), "trig", "TRIG", True, True),
    RdfFormat("nquads", ("nq",), (".nq", ".nquads"), ("application/n-quads",), "nquads", "N_QUADS", True, True),
    RdfFormat("jsonld", ("json-ld",), (".jsonld", ".json"), ("application/ld+json",), "json-ld", "JSON_LD",
              True, True),
    RdfFormat("nt", ("ntriples",), (".nt", ".ntriples"), ("application/n-triples", "text/plain"), "nt",
              "N_TRIPLES", False, True),
    RdfFormat("xml", ("rdfxml",), (".rdf", ".xml", ".owl"), ("application/rdf+xml",), "xml", "RDF_XML",
              False, False),
    RdfFormat("n3", (), (".n3",), ("text/n3",), "n3", "N3", False, False),
)
DEFAULT = FORMATS[0]  # Turtle

BY_NAME: dict[str, RdfFormat] = {n: f for f in FORMATS for n in f.names}
BY_SUFFIX: dict[str, RdfFormat] = {s: f for f in FORMATS for s in f.suffixes}
BY_MEDIA_TYPE: dict[str, RdfFormat] = {m: f for f in FORMATS for m in f.media_types}
WRITABLE: dict[str, RdfFormat] = {n: f for n, f in BY_NAME.items() if f.writable}


def by_name(name: str, writable: bool = False) -> RdfFormat | None:
    return (WRITABLE if writable else BY_NAME).get(name.lower())


def by_oxigraph(fmt) -> RdfFormat | None:
    """The format of a pyoxigraph.RdfFormat member."""
    return next((f for f in FORMATS if f.ox() == fmt), None)


def by_suffix(path: str | Path, writable: bool = False) -> RdfFormat | None:
    fmt = BY_SUFFIX.get(Path(path).suffix.lower())
    return fmt if fmt is not None and (fmt.writable or not writable) else None
