"""Entity linking: names in text -> Wikidata entities, or honestly unlinked.

Offline first: ``Gazetteer.default().scan(text)`` finds the names of verified entities;
``Gazetteer.lookup`` ranks candidates for one name. The online path (``kg.link.wikidata``)
asks the Wikidata API and caches every answer on disk; it is imported only when used,
so the offline path never pays for ``requests``.
"""
from __future__ import annotations

from kg.link.gazetteer import Candidate, Gazetteer, GazetteerMatch, load_gazetteer

__all__ = ["Candidate", "Gazetteer", "GazetteerMatch", "load_gazetteer", "WikidataClient", "resolve_online"]


def __getattr__(name: str):  # lazy: the API client pulls in requests and sqlite3
    if name in ("WikidataClient", "resolve_online"):
        from kg.link import wikidata

        return getattr(wikidata, name)
    raise AttributeError(f"module 'kg.link' has no attribute {name!r}")
