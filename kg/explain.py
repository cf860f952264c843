"""Why a fact is there or missing: each fact with its sentence and the rule that produced it."""
from __future__ import annotations

from dataclasses import dataclass

from kg.model import (DateValue, Duration, Entity, Event, EventRef, Extraction, Membership,
                      Quantity, Trace)


@dataclass(frozen=True)
class ExplainedEvent:
    """An event of the article with the IRI it gets in the graph (under ``--base``)."""

    iri: str
    event: Event


@dataclass(frozen=True)
class Explanation:
    """What ``kg explain`` shows: the article's events and memberships with their evidence and
    rules, and the sentences that looked like events but gave none (``skipped``)."""

    article_iri: str
    entities: int
    events: tuple[ExplainedEvent, ...]
    memberships: tuple[Membership, ...]
    skipped: tuple[Trace, ...]


def explanation(ex: Extraction, base: str | None = None) -> Explanation:
    from rdflib import Namespace

    from kg.rdf import article_iri, check_base, event_iri
    from kg.vocab import KGR

    ns = Namespace(check_base(base)) if base else KGR
    sha = ex.article.sha256
    return Explanation(
        article_iri=str(article_iri(sha, ns)),
        entities=len({m.entity.key for m in ex.mentions}),
        events=tuple(ExplainedEvent(str(event_iri(sha, ev.key, ns)), ev) for ev in ex.events),
        memberships=ex.memberships,
        skipped=tuple(t for t in ex.traces if t.outcome == "skipped"),
    )


def _value(v) -> str:
    if isinstance(v, Entity):
        return f"{v.label} ({v.qid or 'unlinked'})"
    if isinstance(v, DateValue):
        return v.iso
    if isinstance(v, Duration):
        return v.iso
    if isinstance(v, EventRef):
        return v.key
    if isinstance(v, Quantity):
        if v.value is None:
            return f"between {v.min_value} and {v.max_value or '?'} (vague)"
        return f"{'~' if v.approximate else ''}{v.value}"
    return str(v)


def render_explanation(ex: Extraction | Explanation) -> str:
    if isinstance(ex, Extraction):
        ex = explanation(ex)
    lines = [f"# {len(ex.events)} events, {len(ex.memberships)} memberships, {ex.entities} entities",
             f"# article <{ex.article_iri}>"]
    for explained in ex.events:
        ev = explained.event
        lines.append(f"\n{ev.key}  [{ev.type}]  {ev.label}")
        for f in ev.facts:
            who = f" (claimed by {_value(f.claimed_by) if isinstance(f.claimed_by, Entity) else f.claimed_by})" if f.claimed_by else ""
            lines.append(f"  {f.prop:<16} {_value(f.value)}{who}   rule={f.rule}")
            lines.append(f"      \u201c{f.evidence.text[:160]}\u201d @{f.evidence.start}")
    for ms in ex.memberships:
        lines.append(f"\nmember  {ms.member.label} -> {ms.organization.label}")
        lines.append(f"      \u201c{ms.evidence.text[:160]}\u201d")
    if ex.skipped:
        lines.append("\n# sentences and words that looked like events but gave none")
        for t in ex.skipped:
            lines.append(f"  - {t.detail}: \u201c{t.sentence.text[:120]}\u201d")
    return "\n".join(lines) + "\n"
