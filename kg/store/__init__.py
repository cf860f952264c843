"""Stores for the graphs: embedded Oxigraph on disk, or a remote SPARQL endpoint.

    from kg.store import open_store
    with open_store(store=Path("kg-store")) as s:          # or endpoint="http://host:7878/store"
        s.load_file(Path("article.ttl"))
        print(s.query("SELECT ...").to_text())

Both stores offer the same methods: replace_graph, load_file, load_parsed, query, count, graphs,
content_hash, drop_graph. See embedded.py and remote.py for what is atomic where.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

from kg.errors import InputError

if TYPE_CHECKING:
    from kg.store.embedded import EmbeddedStore
    from kg.store.remote import RemoteStore

    Store = Union[EmbeddedStore, RemoteStore]


def open_store(store: Path | None = None, endpoint: str | None = None,
               update_endpoint: str | None = None, query_endpoint: str | None = None,
               read_only: bool = False, **remote_options) -> "Store":
    """The embedded store at ``store`` (default: $KG_STORE or the user's data folder), or a
    remote store when any endpoint is given."""
    if store is not None and (endpoint or update_endpoint or query_endpoint):
        raise InputError("give either a store folder or an endpoint, not both")
    if endpoint or update_endpoint or query_endpoint:
        from kg.store.remote import RemoteStore

        return RemoteStore(gsp_endpoint=endpoint, update_endpoint=update_endpoint,
                           query_endpoint=query_endpoint, **remote_options)
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(store, read_only=read_only)


__all__ = ["open_store"]
