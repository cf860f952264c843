"""Event mentions: what one sentence says happened, before mentions of one event are merged."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kg.model import DateValue, DateWindow, Duration, Entity, Quantity, Span
from kg.lazy_regex import fold
from kg.rules import Rules, default_rules

@dataclass(frozen=True)
class Role:
    prop: str  # participant | location | requestedBy
    entity: Entity
    span: Span  # where the name stands
    rule: str
    country: Entity | None = None  # for a location: the country it lies in


@dataclass(frozen=True)
class Count:
    kind: str  # troops | deaths | injured | arrests
    quantity: Quantity
    span: Span
    rising: bool = False  # "the toll rose to 35": a later total that replaces the smaller ones told before
    of_people: bool = False  # "three members of parliament": office holders, counted one by one


@dataclass(frozen=True)
class When:
    prop: str  # start | end | date
    value: DateValue | DateWindow
    span: Span
    year: int
    rule: str = ""


@dataclass
class EventMention:
    """One event class triggered in one sentence, with the roles read around the trigger."""

    type: str
    sentence: Span
    trigger: Span
    rules: list[str]
    roles: list[Role] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    dates: list[When] = field(default_factory=list)
    durations: list[tuple[Duration, Span]] = field(default_factory=list)
    claimed_by: Entity | str | None = None
    target: str | None = None  # what an attack struck, to tell attacks apart
    phase: str = ""  # start | end, from cue words near the trigger
    ends: bool = False  # the trigger itself marks the end (a ceasefire)
    only_end: bool = False  # told only by end words ("a truce took hold"): an end of nothing told
    also: bool = False  # "were also detained": told as more of an event already told
    repeat: bool = False  # "arrested again", "fresh riots": told as happening once more
    ongoing: bool = False  # "during ongoing protests", "detained journalist X": told as under way or done before
    domestic: bool = False  # "troops patrolled the streets": a state's own forces at home
    later: list[Span] = field(default_factory=list)  # the class's further trigger words in the sentence


def clause_around(sentence: str, start: int, end: int, rules: Rules | None = None) -> tuple[int, int]:
    """The clause of ``sentence`` (offsets relative to it) that holds ``start:end``."""
    return _clause_around(sentence, start, end, rules or default_rules())


@lru_cache(maxsize=256)
def _clause_around(sentence: str, start: int, end: int, rules: Rules) -> tuple[int, int]:
    # Kept: a sentence's trigger, names and numbers ask for the same clauses again (a third of
    # the calls), and each answer scans the sentence up to the position.
    clause_break = rules.pattern("clause_break")
    left = 0
    for m in clause_break.finditer(sentence, 0, start):
        left = m.end()
    right = len(sentence)
    m = clause_break.search(sentence, end)
    if m:
        right = m.start()
    return left, right


def negated(sentence: str, start: int, rules: Rules | None = None, end: int | None = None) -> bool:
    """A trigger whose clause denies it, or only demands or fears it, reports no event.

    With ``end``, the trigger's own words and what follows it count too: a trigger that starts
    at its noun ("troops could enter", "troops should be sent") holds its modal inside, and a
    nominalisation is made hypothetical by what is said of it ("a pullout could take months").
    """
    rules = rules or default_rules()
    left, right = clause_around(sentence, start, start, rules)
    window = sentence[max(left, start - 60):start]
    # "ordered forces to fire without warning and declared a state of emergency": a coordinated
    # verb phrase or a comma starts a new scope.
    scope = rules.patterns.lazy("scope_break")
    if scope.may_match(fold(window)):  # else it would not split the window
        window = scope.compiled.split(window)[-1]
    cue = rules.cues
    folded = fold(window)
    irrealis = cue.lazy("irrealis")
    # The window and the trigger's words together hold every literal the window does: when they
    # hold none of the irrealis cue's, neither search below can find it.
    inside = window + sentence[start:end] if end is not None else window
    folded_inside = fold(inside) if end is not None else folded
    may_irrealis = irrealis.may_match(folded_inside)
    if cue.search("negation", window, folded) or (may_irrealis and cue.search("irrealis", window, folded)):
        return True
    if end is None:
        return False
    # The words before and the trigger's own read as one ("asked the army to leave"), and a modal
    # inside the trigger speaks of it ("troops could enter"); a trigger's own words are no cue
    # ("held without charge", "were ordered to stay indoors", "soldiers blocked the roads").
    if may_irrealis and any(
            m.start() < len(window) or rules.pattern("modal_word").fullmatch(m.group(0))
            for m in irrealis.compiled.finditer(inside)):
        return True
    return bool(cue.match("irrealis_after", sentence, None, end, max(end, right)))

