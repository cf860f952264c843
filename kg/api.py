"""The public API: one call per thing a user does. The CLI is a thin layer over these.

    from kg import api
    done = api.process("examples/csto-kazakhstan.json")     # read, extract, map, validate
    done.write("csto.ttl")                                   # or done.serialize("trig")
    api.load(["csto.ttl"], store="kg-store")
    print(api.query("SELECT ...", store="kg-store").to_text())

Every function raises a kg.errors.KgError (one line, with an exit code) on bad input.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError, ValidationFailed
from kg.model import Article, Extraction

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

    from kg.explain import Explanation
    from kg.ingest import IngestSummary, Tick
    from kg.link.cache import CacheInfo
    from kg.link.dump import BuildProgress, DumpStats
    from kg.link.gazetteer import Candidate
    from kg.store import Store
    from kg.store import LoadResult
    from kg.store.results import QueryResult
    from kg.validate import Report


@dataclass(frozen=True)
class ProcessedArticle:
    """One article extracted, mapped and (unless skipped) validated: ready to write or load."""

    article: Article
    extraction: Extraction
    triples: tuple  # kg.rdf.Triple: pyoxigraph terms
    graph_iri: URIRef
    report: object | None  # kg.validate.Report when validated
    base: str | None = None  # the base of minted IRIs, when not the default one
    # nquads() as validation already wrote it (the SHACL engine reads that text)
    written: str | None = field(default=None, repr=False, compare=False)

    @cached_property
    def graph(self) -> Graph:
        """The triples as an rdflib graph, with the prefixes of MODEL.md bound."""
        from kg.rdf import triples_graph

        return triples_graph(self.triples, self.base)

    @property
    def sha256(self) -> str:
        return self.article.sha256

    def serialize(self, fmt: str = "turtle") -> str:
        from kg.rdf import serialize

        return serialize(self.graph, fmt, self.graph_iri)

    def nquads(self) -> str:
        """The triples as sorted N-Quads in the article's named graph, without rdflib (what
        kg ingest loads)."""
        if self.written is not None:
            return self.written
        from kg.rdf import nquads

        return nquads(self.triples, str(self.graph_iri))

    def write(self, output: str | None = None, fmt: str | None = None) -> None:
        """Write the graph to ``output`` (standard output for None or ``-``), atomically; the
        format is ``fmt``, else the one ``output``'s suffix names, else Turtle."""
        if fmt is None and output and output != "-":
            from kg.formats import DEFAULT, WRITABLE, by_suffix

            found = by_suffix(output, writable=True)
            if found is None and Path(output).suffix:
                names = sorted({s for f in WRITABLE.values() for s in f.suffixes})
                raise InputError(f"{output}: kg extract does not write {Path(output).suffix!r} files; "
                                 f"use one of {', '.join(names)} or --format")
            fmt = (found or DEFAULT).name
        write_text(self.serialize(fmt or "turtle"), output)


def read(source: str, allow_private_urls: bool | None = None, max_bytes: int | None = None,
         **metadata: str | None) -> Article:
    """An Article from a path, ``-`` or a URL; ``published``/``url``/``title`` override the input's.
    URLs on private, loopback and link-local addresses are refused unless ``allow_private_urls``."""
    from kg.read import read_article

    return read_article(source, allow_private_urls=allow_private_urls, max_bytes=max_bytes, **metadata)


def _article(article: Article | str, **metadata) -> Article:
    return article if isinstance(article, Article) else read(article, **metadata)


def extract(article: Article | str, rules=None, online: bool = False, **metadata: str | None) -> Extraction:
    """The events, memberships and mentions of an article (or of the source ``read`` reads);
    ``rules`` is a language's rule pack (kg.rules.load_rules), default the packaged English one.
    ``online`` also links, through the Wikidata API and its cache, the names the gazetteer lacks."""
    from kg.pipeline import extract as _extract

    extraction = _extract(_article(article, **metadata), rules=rules)
    if online:
        from kg.link.online import link_unlinked
        from kg.link.wikidata import WikidataClient

        extraction = link_unlinked(extraction, WikidataClient())
    return extraction


def explanation(article: Article | str, base: str | None = None, **metadata: str | None) -> Explanation:
    """Why each fact is there (its sentence and rule), the sentences that gave none, and the IRIs
    the events get under ``base``: a kg.explain.Explanation (what ``kg explain -f json`` prints)."""
    from kg.explain import explanation as _explanation

    return _explanation(extract(article, **metadata), base)


def explain(article: Article | str, base: str | None = None, **metadata: str | None) -> str:
    """``explanation`` as the text ``kg explain`` prints."""
    from kg.explain import render_explanation

    return render_explanation(explanation(article, base, **metadata))


def process(article: Article | str, validate: bool = True, base: str | None = None, rules=None,
            online: bool = False, **metadata: str | None) -> ProcessedArticle:
    """Read (when given a source), extract, map to RDF and validate: what ``kg extract`` does.
    Raises ValidationFailed (with its report) on a violation."""
    return process_article(_article(article, **metadata), validate=validate, base=base, rules=rules,
                           online=online)


def process_article(article: Article, validate: bool = True, base: str | None = None,
                    rules=None, online: bool = False, warnings: bool = True) -> ProcessedArticle:
    """Extract, map to RDF and validate. Raises ValidationFailed (with its report) on a violation.
    ``warnings=False`` runs only the shapes that can fail a graph (the report lists no warnings)."""
    from kg.rdf import article_iri, to_triples

    extraction = extract(article, rules=rules, online=online)
    triples = to_triples(extraction, base=base)
    graph_iri = article_iri(extraction.article.sha256)
    report = written = None
    if validate:
        from kg.rdf import nquads
        from kg.validate import validate_graph

        # One serialisation for the SHACL engine and for kg ingest, which loads these N-Quads.
        written = nquads(triples, str(graph_iri))
        report = validate_graph(triples, warnings=warnings, nquads=written)
        if not report.conforms:
            n = len(report.violations)
            raise ValidationFailed(f"the graph of {article.source} has {n} SHACL violation(s); nothing written",
                                   report)
    article = extraction.article  # as the pipeline checked it
    return ProcessedArticle(article, extraction, triples, graph_iri, report, base, written)


def write_text(text: str, out: str | None) -> None:
    """Write to a file atomically (never a half-written file), or to standard output."""
    import sys

    if out in (None, "-"):
        sys.stdout.write(text)
        return
    path = Path(out)
    if path.is_dir():
        raise InputError(f"{out}: is a folder; give a file name")
    if path.is_symlink():
        path = path.resolve()  # write what the link points to; the link stays a link
    if path.exists() and not path.is_file():  # a FIFO or a device: stream into it, never replace it
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            raise InputError(f"{out}: cannot write ({exc.strerror})") from None
        return
    if path.parent and not path.parent.exists():
        raise InputError(f"{out}: folder {path.parent} does not exist")
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, mode)  # mkstemp makes it 0600; the file gets the mode any other would
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def validate(files: Sequence[str | Path], shapes: str | Path | None = None) -> Report:
    """SHACL-validate RDF files, read together as one graph, against ``shapes`` (default: the
    project's shapes/). The report's ``conforms`` is False on a violation; warnings never block."""
    from kg.validate import validate_files

    return validate_files([Path(f) for f in files], shapes_dir=Path(shapes) if shapes else None)


def open_store(store: str | Path | None = None, endpoint: str | None = None,
               update_endpoint: str | None = None, query_endpoint: str | None = None,
               **options) -> Store:
    """The embedded store (folder ``store``, default $KG_STORE or the user's data folder), or a
    remote one when an endpoint is given. Use as a context manager."""
    from kg.store import open_store as _open

    return _open(store=Path(store) if store is not None else None, endpoint=endpoint,
                 update_endpoint=update_endpoint, query_endpoint=query_endpoint, **options)


@dataclass(frozen=True)
class LoadSummary:
    where: str  # the store folder or endpoint, credentials masked
    files: tuple[LoadResult, ...]

    @property
    def triples(self) -> int:
        return sum(f.triples for f in self.files)

    @property
    def graphs(self) -> int:
        return sum(len(f.graphs) for f in self.files)


def load(files: Sequence[str | Path], store: str | Path | None = None, endpoint: str | None = None,
         update_endpoint: str | None = None, validate: bool = False, fmt: str | None = None,
         timeout: float = 30.0, retries: int = 3, replace: bool = False,
         progress: Callable[[int, int], None] | None = None) -> LoadSummary:
    """Load RDF files into a store, one named graph per article; loading an article again
    replaces its graph, except that a graph whose article has a publication date is not
    replaced by one without unless ``replace`` (InputError, nothing loaded). Every file is
    parsed (and, with ``validate``, checked) before anything is written, so one bad file loads
    nothing. ``progress(done, total)`` is called after each file is parsed and after each is
    written."""
    from kg.store.loading import load_files

    where, results = load_files(files, store=store, endpoint=endpoint, update_endpoint=update_endpoint,
                                validate=validate, fmt=fmt, timeout=timeout, retries=retries,
                                replace=replace, progress=progress)
    return LoadSummary(where, results)


def query(sparql: str, store: str | Path | None = None, endpoint: str | None = None,
          timeout: float = 30.0, retries: int = 3) -> QueryResult:
    """Run a SPARQL query (text, or ``@FILE.rq``) over a store's article graphs."""
    from kg.store.admin import is_update
    from kg.store.results import query_text

    text = query_text(sparql)
    if is_update(text):
        raise InputError("this is a SPARQL update, not a query; run it with kg update")
    if not endpoint:
        _existing_store(store)
    # Embedded: opened read-only, so a query runs while an ingest holds the store.
    options = {"timeout": timeout, "retries": retries} if endpoint else {"read_only": True}
    with open_store(store, query_endpoint=endpoint, **options) as source:
        return source.query(text)


def _existing_store(store: str | Path | None) -> Path:
    from kg.errors import StoreError
    from kg.store.embedded import default_store_path

    folder = Path(store).expanduser() if store is not None else default_store_path()
    if not folder.is_dir():
        raise StoreError(f"no store at {folder} (run `kg load` first, or give --store)")
    return folder


def store_info(store: str | Path | None = None, endpoint: str | None = None,
               timeout: float = 30.0, retries: int = 3):
    """What a store holds (kg.store.admin.StoreInfo): graphs, triples, articles and the
    extractor versions they came from. ``endpoint`` is a SPARQL query endpoint."""
    from kg.store.admin import store_info as _info
    from kg.store.remote import mask_url

    if endpoint:
        with open_store(query_endpoint=endpoint, timeout=timeout, retries=retries) as source:
            return _info(source, mask_url(endpoint))
    folder = _existing_store(store)
    with open_store(folder, read_only=True) as source:
        return _info(source, str(folder))


def store_drop(graph: str | None = None, article: str | None = None, store: str | Path | None = None,
               endpoint: str | None = None, update_endpoint: str | None = None,
               query_endpoint: str | None = None, timeout: float = 30.0, retries: int = 3) -> str:
    """Drop one named graph, given by its IRI or by its article (IRI or URL); returns the
    graph's IRI. InputError when the store does not hold it."""
    from kg.store.admin import drop

    if endpoint or update_endpoint or query_endpoint:
        with open_store(endpoint=endpoint, update_endpoint=update_endpoint, query_endpoint=query_endpoint,
                        timeout=timeout, retries=retries) as target:
            return drop(target, graph=graph, article=article)
    with open_store(_existing_store(store)) as target:
        return drop(target, graph=graph, article=article)


def store_export(output: str | None = None, fmt: str | None = None, store: str | Path | None = None,
                 endpoint: str | None = None, timeout: float = 30.0, retries: int = 3) -> None:
    """Write every quad of a store to ``output`` (standard output for None or ``-``) as N-Quads
    or TriG (``fmt``, else ``output``'s suffix, else N-Quads), sorted: the same store gives the
    same bytes."""
    from kg.formats import by_name, by_suffix
    from kg.store.admin import export

    found = by_name(fmt) if fmt else (by_suffix(output) if output and output != "-" else by_name("nquads"))
    if found is None or found.name not in ("nquads", "trig"):
        raise InputError(f"kg store export writes N-Quads (.nq) or TriG (.trig), not {fmt or output!r}")
    if endpoint:
        with open_store(query_endpoint=endpoint, timeout=timeout, retries=retries) as source:
            data = export(source, found.name)
    else:
        with open_store(_existing_store(store), read_only=True) as source:
            data = export(source, found.name)
    write_text(data.decode("utf-8"), output)


def update(sparql: str, store: str | Path | None = None, endpoint: str | None = None,
           timeout: float = 30.0, retries: int = 3) -> None:
    """Run a SPARQL 1.1 Update (text, ``@FILE.ru`` or ``-``) on the embedded store, where it is
    one transaction, or on a remote update ``endpoint``. A malformed update changes nothing."""
    from kg.store.admin import update as _update
    from kg.store.results import query_text

    text = query_text(sparql, what="update")
    if endpoint:
        with open_store(update_endpoint=endpoint, timeout=timeout, retries=retries) as target:
            _update(target, text)
        return
    with open_store(store) as target:
        _update(target, text)


def serve(store: str | Path | None = None, host: str = "127.0.0.1", port: int = 7878,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve the embedded store read-only as a SPARQL endpoint at http://HOST:PORT/query until
    interrupted (kg.store.serve); ``ready(url)`` is called once it listens."""
    from kg.store.serve import make_server

    server = make_server(_existing_store(store), host, port)
    try:
        if ready is not None:
            shown = f"[{host}]" if ":" in host else host
            ready(f"http://{shown}:{server.server_address[1]}/query")
        server.serve_forever()
    finally:
        server.server_close()


def ingest(paths: Sequence[str | Path], store: str | Path | None = None, endpoint: str | None = None,
           update_endpoint: str | None = None, query_endpoint: str | None = None,
           workers: int | None = None, validate: bool = True, errors: str | Path | None = None,
           progress: Callable[[Tick], None] | None = None, resolve: bool = False,
           online: bool = False, allow_private_urls: bool | None = None,
           follow_symlinks: bool = False, max_bytes: int | None = None, cluster: str | None = None,
           chunk_size: int | None = None, force: bool = False, replace: bool = False) -> IngestSummary:
    """Extract, validate and load many articles, each its own named graph; articles already in
    the store with the same text, extracted by this kg-loader version, are skipped (``force``
    extracts them again). An article stored with a publication date is not replaced by one read
    without a date unless ``replace``. URLs on private, loopback and link-local addresses
    are refused unless ``allow_private_urls``. With ``resolve``, the store's resolved graph is then
    rebuilt (kg resolve). With ``cluster`` (``tcp://HOST:8786``, ``local``, ``local:N``), Dask
    workers do the work, ``chunk_size`` articles per task. Raises IngestAborted / IngestInterrupted
    (each with its summary) when the store fails or the run is interrupted."""
    from kg.ingest import check_paths, ingest as _ingest

    check_paths(paths)
    if errors is not None:
        from kg.ingest import check_error_log

        check_error_log(errors, paths)  # before a store is opened or created
    if resolve and (endpoint or update_endpoint):
        raise InputError("--resolve works with the embedded store only; run kg resolve on the article files")
    with ExitStack() as stack:
        client = None
        if cluster is not None:  # before the store: a bad address leaves no store folder behind
            from kg.cluster import connect, parse_cluster

            client = stack.enter_context(connect(parse_cluster(cluster, workers)))
        else:
            from kg.workers import start_forkserver

            start_forkserver()  # its warm-up runs while the store opens
        target = stack.enter_context(open_store(store, endpoint=endpoint, update_endpoint=update_endpoint,
                                                query_endpoint=query_endpoint))
        summary = _ingest(paths, target, workers=None if client else workers, validate=validate,
                          error_log=errors, progress=progress, online=online, cluster=client,
                          chunk_size=chunk_size, allow_private_urls=allow_private_urls,
                          follow_symlinks=follow_symlinks, max_bytes=max_bytes, force=force,
                          replace=replace)
        if resolve:
            from kg.resolve import resolve_store

            resolve_store(target)
        return summary


def link(name: str, type: str | None = None, online: bool = False, limit: int | None = None
         ) -> list[Candidate]:
    """Ranked Wikidata candidates for a name (gazetteer first; ``online`` asks the Wikidata API)."""
    from kg.link.resolve import link_candidates

    return link_candidates(name, type, online=online)[:limit]


def cache_info() -> CacheInfo:
    """Where the cache of Wikidata answers is and how much it holds."""
    from kg.link.cache import Cache

    return Cache().info()


def cache_clear() -> int:
    """Forget every cached Wikidata answer; returns how many there were."""
    from kg.link.cache import Cache

    return Cache().clear()


@dataclass(frozen=True)
class GazetteerInfo:
    entries: int
    linked: int
    by_type: dict[str, int]
    user_path: Path


def gazetteer_info() -> GazetteerInfo:
    """How many entries the gazetteer has, of which kinds, and where the user gazetteer lives."""
    from collections import Counter

    from kg.link.gazetteer import Gazetteer, user_gazetteer_path

    records = Gazetteer.default().records()
    counts = Counter(r.entity.type for r in records)
    return GazetteerInfo(len(records), sum(1 for r in records if r.entity.qid),
                         dict(sorted(counts.items())), user_gazetteer_path())


def gazetteer_build(files: Iterable[str | Path], output: str | Path | None = None,
                    type: str | None = None, progress: Callable[[BuildProgress], None] | None = None,
                    ) -> tuple[Path, DumpStats]:
    """Grow a gazetteer TSV (default: the user gazetteer) from Wikidata JSON dump files;
    ``progress`` is called every few hundred entities and after each file."""
    from kg.link.dump import build_stats
    from kg.link.gazetteer import user_gazetteer_path

    out = Path(output) if output is not None else user_gazetteer_path()
    return out, build_stats(files, out, default_type=type, progress=progress)


def resolve(files: Sequence[str | Path] = (), store: str | Path | None = None,
            output: str | None = None, fmt: str | None = None, endpoint: str | None = None,
            update_endpoint: str | None = None, query_endpoint: str | None = None):
    """One node per real-world event across articles (kg.resolve.Resolution).

    From article files: the resolved graph is written to ``output`` (standard output for None or
    ``-``; TriG unless ``fmt`` or the suffix says otherwise). From an embedded ``store``: its
    resolved graph is replaced, never duplicated.
    """
    from kg.resolve import load_files, resolve_dataset, resolve_store, serialize_resolved

    if store is not None or endpoint or update_endpoint:
        with open_store(store, endpoint=endpoint, update_endpoint=update_endpoint,
                        query_endpoint=query_endpoint) as st:
            return resolve_store(st)
    if not files:
        raise InputError("give the article files to resolve, or --store DIR, or --endpoint URL")
    result = resolve_dataset(load_files([Path(f) for f in files]))
    if fmt is None:
        from kg.formats import by_suffix

        found = by_suffix(output, writable=True) if output and output != "-" else None
        fmt = found.name if found else "trig"
    write_text(serialize_resolved(result.graph, fmt), output)
    return result


def conflicts(files: Sequence[str | Path] = (), store: str | Path | None = None,
              query_endpoint: str | None = None):
    """Per resolved event, the articles that report it and the figures in dispute
    (kg.resolve.EventDisputes), from article files or an embedded store's article graphs."""
    from kg.resolve import disputes, resolve_dataset

    data = _graphs(files, store, query_endpoint)
    return disputes(data, resolve_dataset(data))


def _graphs(files: Sequence[str | Path], store: str | Path | None, query_endpoint: str | None,
            resolved: bool = False):
    """The graphs of article files, or of a store's article graphs (its resolved graph too when
    ``resolved``), as one rdflib Dataset."""
    from kg.resolve import load_files, store_dataset

    if store is not None or query_endpoint:
        if store is not None and not query_endpoint and not Path(store).is_dir():
            from kg.errors import StoreError

            raise StoreError(f"no store at {store} (run `kg load` first)")
        with open_store(store, query_endpoint=query_endpoint, read_only=not query_endpoint) as st:
            return store_dataset(st, resolved=resolved)
    if files:
        return load_files([Path(f) for f in files])
    raise InputError("give the article files, or --store DIR, or --endpoint URL")


def report(files: Sequence[str | Path] = (), store: str | Path | None = None,
           query_endpoint: str | None = None, output: str | None = None,
           title: str = "kg-loader report"):
    """An HTML page of the events on a timeline, a map and a table (kg.report), from the graphs
    ``kg extract`` and ``kg resolve`` wrote, or a store's. Resolved events are shown when there
    are any, article events otherwise. Written to ``output`` (standard output for None or ``-``);
    returns the report's rows (kg.report.ReportData)."""
    from kg.report import render_html, report_rows

    rows = report_rows(_graphs(files, store, query_endpoint, resolved=True))
    write_text(render_html(rows, title), output)
    return rows
