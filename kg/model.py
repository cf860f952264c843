"""Plain immutable data passed between the pipeline's stages.

Offsets (``start``/``end``) always index ``Article.text``: the exact text whose sha256 the
graph records, so every quote can be checked against its source.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal, Union

EntityType = Literal["Country", "City", "Place", "Organization", "Person", "Event", "Thing"]


@dataclass(frozen=True)
class Article:
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date "2022-01-13", or partial "2023-04" / "2023"
    source: str = "-"  # where it was read from: a path, a URL or "-"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str  # == article.text[start:end]


@dataclass(frozen=True)
class Entity:
    """A real-world thing: linked to Wikidata (``qid``) or honestly unlinked."""

    key: str  # the QID when linked, else a stable slug of the label
    label: str
    type: str  # one of EntityType
    qid: str | None = None
    description: str | None = None

    @property
    def linked(self) -> bool:
        return self.qid is not None


@dataclass(frozen=True)
class Mention:
    span: Span
    entity: Entity
    kind: str = "name"  # name | acronym | demonym | alias


@dataclass(frozen=True)
class DateValue:
    """A calendar value at day, month or year precision."""

    iso: str  # "2022-01-06", "2022-01" or "2022"

    @property
    def precision(self) -> str:
        return {10: "day", 7: "month"}.get(len(self.iso.lstrip("-")), "year")


@dataclass(frozen=True)
class DateWindow:
    """A date known only to lie within a window of days ("last week"): its first and last day.

    Stated as kg:earliestStart/kg:latestStart (or ...End, ...Date), never as an invented day.
    """

    first: str  # ISO day "2022-01-03"
    last: str


@dataclass(frozen=True)
class Quantity:
    """A count as written: a point value, possibly approximate, or a vague range."""

    value: int | None = None
    approximate: bool = False
    min_value: int | None = None
    max_value: int | None = None


@dataclass(frozen=True)
class Duration:
    days: int

    @property
    def iso(self) -> str:
        return f"P{self.days}D"


@dataclass(frozen=True)
class EventRef:
    """Points from one event to another event of the same extraction."""

    key: str


FactValue = Union[Entity, DateValue, DateWindow, Quantity, Duration, EventRef, str]

FactProperty = Literal[
    "participant", "location", "country", "start", "end", "date",
    "earliestStart", "latestStart", "earliestEnd", "latestEnd", "earliestDate", "latestDate",
    "troops", "deaths", "injured", "arrests", "plannedDuration",
    "withdrawalOf", "requestedBy",
]


@dataclass(frozen=True)
class Fact:
    """One statement about an event, with the words it was read from and who said so."""

    prop: str  # one of FactProperty
    value: FactValue
    evidence: Span
    claimed_by: Entity | str | None = None
    rule: str = ""  # the lexicon entry or pattern that produced it (for --explain)


@dataclass(frozen=True)
class Event:
    key: str  # deterministic within the article
    type: str  # a class of kg/data/event_classes.tsv
    label: str
    facts: tuple[Fact, ...] = ()
    evidence: tuple[Span, ...] = ()  # the trigger sentences


@dataclass(frozen=True)
class Membership:
    member: Entity
    organization: Entity
    evidence: Span
    claimed_by: Entity | str | None = None


@dataclass(frozen=True)
class Trace:
    """Why a sentence did or did not give a fact: for ``kg explain``."""

    sentence: Span
    outcome: str  # "fact" | "skipped"
    detail: str


@dataclass(frozen=True)
class Extraction:
    article: Article
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    memberships: tuple[Membership, ...] = ()
    traces: tuple[Trace, ...] = field(default=(), compare=False)

    @property
    def entities(self) -> tuple[Entity, ...]:
        seen: dict[str, Entity] = {}
        for m in self.mentions:
            seen.setdefault(m.entity.key, m.entity)
        return tuple(sorted(seen.values(), key=lambda e: e.key))
