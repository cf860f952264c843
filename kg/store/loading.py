"""`kg load` (kg.api.load): check every file, then write them, into the embedded or a remote store.

Here rather than in kg.api so that the command imports neither rdflib nor the extraction model:
into the embedded store, a load needs pyoxigraph only.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path

from kg.errors import InputError
from kg.store import LoadResult, Store, open_store

Progress = Callable[[int, int], None]


def load_files(files: Sequence[str | Path], store: str | Path | None = None, endpoint: str | None = None,
               update_endpoint: str | None = None, validate: bool = False, fmt: str | None = None,
               timeout: float = 30.0, retries: int = 3, replace: bool = False,
               progress: Progress | None = None) -> tuple[str, tuple[LoadResult, ...]]:
    """What kg.api.load does (see there); returns where it loaded (credentials masked) and a
    LoadResult per file."""
    if endpoint and update_endpoint:
        raise InputError("give --endpoint or --update-endpoint, not both")
    tick = progress or (lambda done, total: None)
    if endpoint or update_endpoint or validate:
        return _load_parsed(files, store, endpoint, update_endpoint, validate, fmt, timeout, retries,
                            replace, tick)
    return _load_embedded(files, store, fmt, replace, tick)


def _load_parsed(files, store, endpoint, update_endpoint, validate, fmt, timeout, retries, replace,
                 tick: Progress) -> tuple[str, tuple[LoadResult, ...]]:
    """Every file parsed into Python quads (and SHACL-validated), then written graph by graph:
    for a remote store, or with --validate."""
    from kg.store.rdfio import read_graphs, validate_parsed

    remote = {"timeout": timeout, "retries": retries} if (endpoint or update_endpoint) else {}
    total = 2 * len(files)  # each file is parsed, then written
    parsed = []
    for f in files:
        parsed.append(read_graphs(Path(f), fmt))
        if validate:
            validate_parsed(parsed[-1])
        tick(len(parsed), total)
    with open_store(store, endpoint=endpoint, update_endpoint=update_endpoint, **remote) as target:
        if remote:  # kg.store.remote imports requests: 50 ms that a local load does not need
            from kg.store.remote import mask_url

            where = mask_url(endpoint or update_endpoint)
        else:
            where = str(target.path)
        _check_dated(target, parsed, replace)
        results = []
        for p in parsed:
            results.append(target.load_parsed(p))
            tick(len(parsed) + len(results), total)
    return where, tuple(results)


def _load_embedded(files, store, fmt, replace: bool, tick: Progress) -> tuple[str, tuple[LoadResult, ...]]:
    """Every file checked by one strict parse (kg.store.scan) that keeps Python quads only for
    graphs already in the store or in an earlier file, then written: a file of new graphs by a
    native bulk load of its bytes, any other as parsed graphs, each graph replacing its namesake."""
    from kg.store import overlap
    from kg.store.embedded import EmbeddedStore, default_store_path
    from kg.store.rdfio import ParsedFile, read_input
    from kg.store.scan import scan

    folder = Path(store).expanduser() if store is not None else default_store_path()
    total = 2 * len(files)
    only = read_input(Path(files[0]), fmt) if len(files) == 1 else None  # read once, whichever way
    if only is not None and overlap.eligible(only):
        done = _load_while_checking(folder, only)
        if done is not None:
            tick(total, total)
            return done
    with ExitStack() as stack:
        # A store that is there now is opened first: its graphs decide which quads the check keeps.
        # One that is not is made only once every file has passed, so a bad file leaves no folder.
        target = stack.enter_context(EmbeddedStore(folder)) if (folder / "CURRENT").exists() else None
        earlier: set[str] = set()  # graphs of earlier files: a later file replaces them, as before

        def keep(iri: str) -> bool:
            return iri in earlier or (target is not None and target.has_graph(iri))

        scanned = []
        for f in files:
            scanned.append(scan(only if only is not None else read_input(Path(f), fmt), keep))
            earlier.update(scanned[-1].graph_iris)
            tick(len(scanned), total)
        if target is None:
            target = stack.enter_context(EmbeddedStore(folder))
        plans = [s.plan() for s in scanned]
        _check_dated(target, [p for p in plans if isinstance(p, ParsedFile)], replace)
        results = []
        for p in plans:
            results.append(target.load_checked(p))
            tick(len(scanned) + len(results), total)
        return str(target.path), tuple(results)


def _load_while_checking(folder: Path, source) -> tuple[str, tuple[LoadResult, ...]] | None:
    """One large N-Quads file of new graphs, checked while it loads (kg.store.overlap); None when
    that way did not load it (nothing was written, and a store folder it made is gone again)."""
    from kg.store import overlap
    from kg.store.embedded import EmbeddedStore

    made = _first_missing(folder)
    with EmbeddedStore(folder) as target:
        result = overlap.load_while_checking(target, source)
    if result is not None:
        return str(target.path), (result,)
    if made is not None:
        shutil.rmtree(made, ignore_errors=True)
    return None


def _first_missing(folder: Path) -> Path | None:
    """The outermost folder of ``folder``'s path that does not exist yet (None if it exists)."""
    missing = None
    for p in (folder, *folder.parents):
        if p.exists():
            break
        missing = p
    return missing


def _check_dated(target: Store, parsed: list, replace: bool) -> None:
    """kg.store.admin.check_dated unless ``replace``. A file none of whose graphs is in the store
    needs no check (it replaces nothing), so only parsed files are given."""
    if not replace:
        from kg.store.admin import check_dated

        check_dated(target, parsed)
