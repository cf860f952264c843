"""One name -> ranked candidates from every source: gazetteer, cache, and (if asked) the API."""
from __future__ import annotations

from kg.link.gazetteer import SLOT_TYPES, Candidate, Gazetteer
from kg.errors import InputError


def link_candidates(name: str, type: str | None = None, *, online: bool = False,
                    client=None, gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """Ranked candidates for ``name``. The gazetteer (verified) comes first at equal score;
    answers cached by earlier online lookups are included offline; ``online`` asks the API."""
    if not name.strip():
        raise InputError("empty name")
    if type is not None and type not in SLOT_TYPES:
        raise InputError(f"unknown type {type!r} (expected place, person or organization)")
    gaz = gazetteer or Gazetteer.default()
    found = gaz.lookup(name, type)
    if client is None:
        from kg.link.wikidata import WikidataClient

        client = WikidataClient(offline=not online)
    remote = client.candidates(name, type)
    by_key = {c.key: c for c in found}
    for c in remote:
        if c.key not in by_key:
            by_key[c.key] = c
    order = {"gazetteer": 0, "cache": 1, "api": 2}
    return sorted(by_key.values(), key=lambda c: (-c.score, order.get(c.source, 3)))
