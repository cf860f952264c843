"""Why a fact is there or missing: each fact with its sentence and the rule that produced it."""
from __future__ import annotations

from kg.model import DateValue, Duration, Entity, EventRef, Extraction, Quantity


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


def render_explanation(ex: Extraction) -> str:
    lines = [f"# {len(ex.events)} events, {len(ex.memberships)} memberships, "
             f"{len({m.entity.key for m in ex.mentions})} entities"]
    for ev in ex.events:
        lines.append(f"\n{ev.key}  [{ev.type}]  {ev.label}")
        for f in ev.facts:
            who = f" (claimed by {_value(f.claimed_by) if isinstance(f.claimed_by, Entity) else f.claimed_by})" if f.claimed_by else ""
            lines.append(f"  {f.prop:<16} {_value(f.value)}{who}   rule={f.rule}")
            lines.append(f"      \u201c{f.evidence.text[:160]}\u201d @{f.evidence.start}")
    for ms in ex.memberships:
        lines.append(f"\nmember  {ms.member.label} -> {ms.organization.label}")
        lines.append(f"      \u201c{ms.evidence.text[:160]}\u201d")
    skipped = [t for t in ex.traces if t.outcome == "skipped"]
    if skipped:
        lines.append("\n# sentences and words that looked like events but gave none")
        for t in skipped:
            lines.append(f"  - {t.detail}: \u201c{t.sentence.text[:120]}\u201d")
    return "\n".join(lines) + "\n"
