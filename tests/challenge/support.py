"""What the challenge suite asks of one sentence: the events it gives and their facts, in plain terms.

Every sentence in the suite is written for it (never taken from an article). A case names the
class it must give (or None: the sentence reports no event) and any facts it must carry.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import Article, DateValue, DateWindow, Duration, Entity, Event, Quantity
from kg.pipeline import extract

PUBLISHED = "2023-05-12"  # a Friday: "on Monday" is 2023-05-08


@dataclass(frozen=True)
class Case:
    text: str
    cls: str | None  # the class the sentence reports, or None for no event at all
    facts: dict[str, set] = field(default_factory=dict)  # FactProperty -> labels, ISO dates, numbers
    published: str | None = PUBLISHED

    def __str__(self) -> str:  # pytest ids
        return self.text[:60]


def events_of(text: str, published: str | None = PUBLISHED) -> tuple[Event, ...]:
    return extract(Article(text=text, published=published)).events


def plain(value) -> object:
    if isinstance(value, Entity):
        return value.label
    if isinstance(value, DateValue):
        return value.iso
    if isinstance(value, DateWindow):
        return (value.first, value.last)
    if isinstance(value, Quantity):
        return value.value if value.value is not None else (value.min_value, value.max_value)
    if isinstance(value, Duration):
        return value.days
    return getattr(value, "key", value)


def facts_of(event: Event) -> dict[str, set]:
    found: dict[str, set] = {}
    for fact in event.facts:
        found.setdefault(fact.prop, set()).add(plain(fact.value))
    return found


def check(case: Case) -> None:
    """Assert the case: its class is among the events (or no event at all), with every fact named."""
    events = events_of(case.text, case.published)
    if case.cls is None:
        assert not events, f"no event expected, got {[e.type for e in events]}"
        return
    matching = [e for e in events if e.type == case.cls]
    assert matching, f"expected {case.cls}, got {[e.type for e in events]}"
    problems = []
    for event in matching:
        found = facts_of(event)
        problems = [f"{prop}: expected {want}, got {found.get(prop, set())}"
                    for prop, want in case.facts.items() if not want <= found.get(prop, set())]
        if not problems:
            return
    raise AssertionError("; ".join(problems))


def check_absent(text: str, cls: str, published: str | None = PUBLISHED) -> None:
    """Assert the sentence gives no event of this class (it may give others)."""
    events = events_of(text, published)
    assert not [e for e in events if e.type == cls], f"no {cls} expected, got {[e.type for e in events]}"


def check_lacks(case: Case, absent: dict[str, set]) -> None:
    """Assert the case, and that no event of its class that carries its facts states any of ``absent``
    ("Chad" is no place of a deployment its units took part in; 5 of 12 dead is no death toll)."""
    check(case)
    for event in events_of(case.text, case.published):
        found = facts_of(event)
        if event.type != case.cls or any(not want <= found.get(p, set()) for p, want in case.facts.items()):
            continue
        wrong = {prop: found.get(prop, set()) & values for prop, values in absent.items()}
        assert not any(wrong.values()), f"not expected: {wrong}"


def count_of(text: str, cls: str, published: str | None = PUBLISHED) -> int:
    """How many events of the class the text gives (one real-world event is one event)."""
    return sum(e.type == cls for e in events_of(text, published))
