"""The event classes, read from one table (kg/data/event_classes.tsv).

Every list of classes that the extractor, the merge step, the mapper and the validator use is
derived from this table: adding a class is a row there, not an edit here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import RulePackError
from kg.resources import DATA_DIR

COUNT_KINDS = ("troops", "deaths", "injured", "arrests")
TIMINGS = ("lasting", "instant")
TAKES_PART = ("states", "organisations", "persons")
# The kind of participant each entity type is (kg/model.py's entity types).
PARTICIPANT_KIND = {"Country": "states", "Organization": "organisations", "Person": "persons"}
DISTINCT_BY = ("target", "person", "trigger", "-")
_COLUMNS = ("class", "label", "timing", "takes_part", "counts", "distinct_by", "role")


@dataclass(frozen=True)
class EventClass:
    name: str  # local name of the kg: class
    label: str
    timing: str  # lasting | instant
    takes_part: frozenset[str]  # of TAKES_PART; empty: nobody is stated as taking part
    counts: tuple[tuple[str, int], ...]  # (count kind, tier)
    distinct_by: str  # target | person | trigger | -
    arrival: bool = False  # troops go into a place
    departure: bool = False  # troops leave a place
    ends: str | None = None  # the class of the event this one ends
    sides: bool = False  # fought between two sides
    agent_takes_part: bool = False  # "dismissed by the president": the person after "by" takes part
    # "a Russian missile strike", "shelled by Malian troops": only the forces that did it take part,
    # never a state merely named in the sentence (the one struck, the victims' nationality).
    perpetrator: bool = False
    # The model class it is a finer kind of (MODEL.md: every event is typed with one of the model's
    # classes directly; a finer class stands beside it, never instead): a coup is an Attack.
    within: str | None = None
    # A class whose reports take in the unsided events of another: in a report of unrest,
    # "clashes with security forces" naming no other armed side are the unrest's, not a fight.
    absorbs: str | None = None

    @property
    def movement(self) -> bool:
        return self.arrival or self.departure

    def describe(self, who: str | None, where: str | None, when: str | None) -> str:
        """An event's label: "Military deployment by X in Y (2022-01-06)"."""
        return (self.label + (f" by {who}" if who else "") + (f" in {where}" if where else "")
                + (f" ({when})" if when else ""))

    def admits(self, entity_type: str) -> bool:
        """Whether an entity of this type may be a participant (wdt:P710) of the class."""
        return PARTICIPANT_KIND.get(entity_type) in self.takes_part

    @property
    def lasting(self) -> bool:
        return self.timing == "lasting"

    def tier(self, kind: str) -> int | None:
        return next((t for k, t in self.counts if k == kind), None)


@dataclass(frozen=True)
class EventClasses:
    """The table, in its row order (which orders events of one sentence position)."""

    classes: tuple[EventClass, ...]
    # The first class of each name, and the count tiers asked for: the extractor looks classes up
    # for every trigger and count, so not by walking the table.
    _by_name: dict[str, EventClass] = field(init=False, repr=False, compare=False)
    _tiers: dict[tuple[str, bool], tuple[tuple[str, ...], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        by_name: dict[str, EventClass] = {}
        for c in self.classes:
            by_name.setdefault(c.name, c)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_tiers", {})

    def __iter__(self):
        return iter(self.classes)

    def __contains__(self, name: object) -> bool:
        try:
            return name in self._by_name
        except TypeError:  # an unhashable name names no class
            return False

    def __getitem__(self, name: str) -> EventClass:
        try:
            return self._by_name[name]
        except TypeError:
            raise KeyError(name) from None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.classes)

    @property
    def model_names(self) -> tuple[str, ...]:
        """The classes an event is typed with exactly one of (those that are no finer kind of another)."""
        return tuple(c.name for c in self.classes if c.within is None)

    def types_of(self, name: str) -> tuple[str, ...]:
        """The classes an event of class ``name`` is typed with: its model class, then itself."""
        within = self[name].within
        return (within, name) if within else (name,)

    def most_specific(self, names) -> str | None:
        """Of the class names an event is typed with, the finest (a Coup rather than its Attack)."""
        known = [n for n in names if n in self]
        return next((n for n in known if self[n].within), known[0] if known else None)

    def index(self, name: str) -> int:
        return self.names.index(name)

    def where(self, **attrs) -> frozenset[str]:
        """Names of the classes whose attributes equal ``attrs`` (``where(timing="lasting")``)."""
        return frozenset(c.name for c in self.classes
                         if all(getattr(c, k) == v for k, v in attrs.items()))

    def names_where(self, test) -> frozenset[str]:
        """Names of the classes for which ``test(event_class)`` is true."""
        return frozenset(c.name for c in self.classes if test(c))

    def count_tiers(self, kind: str, of_people: bool = False) -> tuple[tuple[str, ...], ...]:
        """The classes a count of ``kind`` is offered to, tier by tier, each tier in row order.

        ``of_people``: the count names office holders ("three members of parliament detained"),
        people one by one, so the classes whose participants are persons come first."""
        known = self._tiers.get((kind, of_people))
        if known is None:
            known = self._tiers[(kind, of_people)] = self._count_tiers(kind, of_people)
        return known

    def _count_tiers(self, kind: str, of_people: bool) -> tuple[tuple[str, ...], ...]:
        tiers: dict[int, list[str]] = {}
        for c in self.classes:
            t = c.tier(kind)
            if t is not None:
                tiers.setdefault(t, []).append(c.name)
        ordered = tuple(tuple(tiers[t]) for t in sorted(tiers))
        if of_people:
            ordered = tuple(sorted(ordered, key=lambda tier: not any(self[n].admits("Person") for n in tier)))
        return ordered

    def ending(self, name: str) -> frozenset[str]:
        """The classes whose events end an event of class ``name``."""
        return frozenset(c.name for c in self.classes if c.ends == name)


def parse_event_classes(text: str, source: str = "event_classes.tsv") -> EventClasses:
    """The table from its text; a malformed row is a RulePackError naming the file and line."""
    rows: list[EventClass] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{source}:{lineno}"
        cells = line.split("\t")
        if len(cells) != len(_COLUMNS):
            raise RulePackError(f"{where}: expected {len(_COLUMNS)} tab-separated columns "
                                f"({', '.join(_COLUMNS)}), found {len(cells)}")
        name, label, timing, takes_part, counts, distinct_by, role = (c.strip() for c in cells)
        if not name.isidentifier() or not name[0].isupper():
            raise RulePackError(f"{where}: class name {name!r} must be a capitalised identifier")
        if any(r.name == name for r in rows):
            raise RulePackError(f"{where}: class {name} is listed twice")
        for value, allowed, column in ((timing, TIMINGS, "timing"), (distinct_by, DISTINCT_BY, "distinct_by")):
            if value not in allowed:
                raise RulePackError(f"{where}: {column} {value!r} is not one of {', '.join(allowed)}")
        rows.append(EventClass(name, label, timing, _takes_part(takes_part, where), _counts(counts, where), distinct_by,
                               *_role(role, where)))
    names = {r.name for r in rows}
    for r in rows:
        if r.ends is not None and r.ends not in names:
            raise RulePackError(f"{source}: class {r.name} ends an unknown class {r.ends}")
        if r.absorbs is not None and r.absorbs not in names:
            raise RulePackError(f"{source}: class {r.name} absorbs an unknown class {r.absorbs}")
        if r.within is not None and (r.within not in names or next(x for x in rows if x.name == r.within).within):
            raise RulePackError(f"{source}: class {r.name} is within {r.within}, which is no class of the model")
    if not rows:
        raise RulePackError(f"{source}: no event classes")
    return EventClasses(tuple(rows))


def _takes_part(cell: str, where: str) -> frozenset[str]:
    if cell == "none":
        return frozenset()
    kinds = [k.strip() for k in cell.split(",")]
    for k in kinds:
        if k not in TAKES_PART:
            raise RulePackError(f"{where}: takes_part {k!r} is not one of {', '.join(TAKES_PART)} (or none)")
    return frozenset(kinds)


def _counts(cell: str, where: str) -> tuple[tuple[str, int], ...]:
    if cell == "-":
        return ()
    out = []
    for item in cell.split(","):
        kind, _, tier = item.strip().partition(":")
        if kind not in COUNT_KINDS:
            raise RulePackError(f"{where}: unknown count kind {kind!r} (known: {', '.join(COUNT_KINDS)})")
        if not tier.isdigit() or int(tier) < 1:
            raise RulePackError(f"{where}: count {kind} needs a tier, a whole number from 1 ({item.strip()!r})")
        if any(k == kind for k, _ in out):
            raise RulePackError(f"{where}: count {kind} is listed twice")
        out.append((kind, int(tier)))
    return tuple(out)


def _role(cell: str, where: str) -> tuple[bool, bool, str | None, bool, bool, bool, str | None, str | None]:
    flags = {"arrival": False, "departure": False, "sides": False, "agent": False, "perpetrator": False}
    ends = within = absorbs = None
    for item in ([] if cell == "-" else cell.split(",")):
        item = item.strip()
        if item in flags:
            flags[item] = True
        elif item.startswith("ends:") and item[5:]:
            ends = item[5:]
        elif item.startswith("within:") and item[7:]:
            within = item[7:]
        elif item.startswith("absorbs:") and item[8:]:
            absorbs = item[8:]
        else:
            raise RulePackError(f"{where}: unknown role {item!r} (known: arrival, departure, ends:CLASS, sides, agent, "
                                "perpetrator, within:CLASS, absorbs:CLASS)")
    if flags["arrival"] and flags["departure"]:
        raise RulePackError(f"{where}: a class is an arrival or a departure, not both")
    return (flags["arrival"], flags["departure"], ends, flags["sides"], flags["agent"], flags["perpetrator"], within,
            absorbs)


def load_event_classes(path: Path | None = None) -> EventClasses:
    path = path or DATA_DIR / "event_classes.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{path}: cannot read the event classes ({exc.__class__.__name__})") from None
    return parse_event_classes(text, str(path))


@lru_cache(maxsize=1)
def event_classes() -> EventClasses:
    """The packaged table, read once."""
    return load_event_classes()
