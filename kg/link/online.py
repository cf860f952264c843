"""``--online`` for whole articles: names the gazetteer lacks, linked through the Wikidata client.

The offline extraction is made first, unchanged; then each entity it left unlinked (a person the
name finder found, a place known only by its country, a region named for its city) is looked up
with the same acceptance rules as ``kg link --online`` (``resolve_online``: the class must fit
the slot, the score must clear the threshold, and a tie leaves the name unlinked). Every answer
goes through the client's on-disk cache, so a rerun asks nothing and gives the same graph.
"""
from __future__ import annotations

from dataclasses import replace

from kg.model import Entity, Extraction

# Entity.type of an unlinked entity -> the slot its name is looked up as.
SLOT_OF = {"Person": "person", "Organization": "organization", "Country": "place", "City": "place",
           "Place": "place"}


def unlinked_entities(extraction: Extraction) -> list[Entity]:
    """The unlinked entities the extraction names (mentions, facts, claimants, memberships),
    once each, in key order (so the requests, and the cache, do not depend on dict order)."""
    seen: dict[str, Entity] = {}
    values: list[object] = [m.entity for m in extraction.mentions]
    for event in extraction.events:
        for fact in event.facts:
            values += [fact.value, fact.claimed_by]
    for membership in extraction.memberships:
        values += [membership.member, membership.organization]
    for value in values:
        if isinstance(value, Entity) and not value.linked and value.type in SLOT_OF:
            seen.setdefault(value.key, value)
    return [seen[k] for k in sorted(seen)]


def link_unlinked(extraction: Extraction, client) -> Extraction:
    """The extraction with each unlinked entity that the API links replaced by its Wikidata item."""
    from kg.link.wikidata import resolve_online

    found: dict[str, Entity] = {}
    for entity in unlinked_entities(extraction):
        linked = resolve_online(entity.label, SLOT_OF[entity.type], client)
        if linked is not None:
            found[entity.key] = linked
    if not found:
        return extraction

    def swap(value):
        if isinstance(value, Entity) and not value.linked:
            return found.get(value.key, value)
        return value

    events = tuple(replace(e, facts=tuple(replace(f, value=swap(f.value), claimed_by=swap(f.claimed_by))
                                          for f in e.facts))
                   for e in extraction.events)
    return replace(extraction,
                   mentions=tuple(replace(m, entity=swap(m.entity)) for m in extraction.mentions),
                   events=events,
                   memberships=tuple(replace(m, member=swap(m.member), organization=swap(m.organization))
                                     for m in extraction.memberships))
