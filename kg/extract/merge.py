"""One event per real-world event: mentions of one deployment merge, distinct attacks stay apart."""
from __future__ import annotations

from bisect import bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from kg.dates_util import iso_bounds
from kg.event_classes import event_classes
from kg.extract.mentions import EventMention, Role
from kg.model import DateValue, DateWindow, Entity, EventRef, Fact, Span, Event

CLASSES = event_classes()
WINDOW_PROPS = {"start": ("earliestStart", "latestStart"), "end": ("earliestEnd", "latestEnd"),
                "date": ("earliestDate", "latestDate")}


@dataclass
class Cluster:
    type: str
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0].trigger.start

    def countries(self) -> set[str]:
        return {k for m in self.mentions for k in _countries_of(m)}

    def years(self) -> set[int]:
        return {d.year for m in self.mentions for d in m.dates}

    def periods(self) -> list[tuple[date, date]]:
        """When its mentions say it began or happened (a year, a month or a day each); an end
        date says how long it ran, not which episode it is."""
        return [p for m in self.mentions for p in _periods_of(m)]

    def targets(self) -> set[str]:
        return {m.target for m in self.mentions if m.target}

    def persons(self) -> set[str]:
        return {k for m in self.mentions for k in _persons_of(m)}


def _countries_of(m: EventMention) -> set[str]:
    out = set()
    for r in m.roles:
        if r.prop == "location":
            c = r.country if r.entity.type != "Country" else r.entity
            if c is not None:
                out.add(c.key)
    return out


def _periods_of(m: EventMention) -> list[tuple[date, date]]:
    return [(iso_bounds(d.value.first)[0], iso_bounds(d.value.last)[1]) if isinstance(d.value, DateWindow)
            else iso_bounds(d.value.iso) for d in m.dates if d.prop != "end"]


def _persons_of(m: EventMention) -> set[str]:
    return {r.entity.key for r in m.roles if r.rule == "named-person"}


@dataclass
class _Merging:
    """What merging asks of a cluster for every new mention, kept up to date as mentions join it
    (recomputing it from all of a cluster's mentions each time made long articles quadratic)."""

    countries: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    periods: list[tuple[date, date]] = field(default_factory=list)
    targets: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)

    def add(self, m: EventMention) -> "_Merging":
        self.countries |= _countries_of(m)
        self.years.update(d.year for d in m.dates)
        self.periods += _periods_of(m)
        if m.target:
            self.targets.add(m.target)
        self.persons |= _persons_of(m)
        self.rules.update(m.rules)
        return self


HISTORICAL_YEARS = 3  # a dated mention this far from publication is another, older event
# How far apart two dated mentions of one event may lie: an instant event is told by its day
# (give or take a report's lag); a lasting one runs on, but a rally in autumn and unrest in
# spring are two episodes.
EPISODE_GAP_DAYS = {"instant": 3, "lasting": 45}


def _apart(a: list[tuple[date, date]], b: list[tuple[date, date]], days: int) -> bool:
    """Every dated period of one lies more than ``days`` from every period of the other."""
    return bool(a and b) and all(max(x0, y0) - min(x1, y1) > timedelta(days=days)
                                 for x0, x1 in a for y0, y1 in b)


def _historical(years: set[int], pub_year: int | None) -> bool:
    return bool(years) and pub_year is not None and all(abs(y - pub_year) > HISTORICAL_YEARS for y in years)


def _compatible(c: _Merging, m: EventMention, pub_year: int | None, tmp: _Merging | None = None) -> bool:
    """Whether mention ``m`` (summarised by ``tmp``, when the caller has it) may join the cluster
    summarised by ``c``."""
    tmp = tmp if tmp is not None else _Merging().add(m)
    ca, cb = c.countries, tmp.countries
    # A border clash is told from both sides: its places may lie in either state.
    if ca and cb and not ca & cb and not CLASSES[m.type].sides:
        return False
    ea, eb = c.years, tmp.years
    if ea and eb:
        if not any(abs(a - b) <= 1 for a in ea for b in eb):
            return False
        # The same person held is one arrest however its dates are told, unless told as again.
        same_person = bool(c.persons & tmp.persons)
        if (m.repeat or not same_person) and _apart(c.periods, tmp.periods,
                                                    EPISODE_GAP_DAYS[CLASSES[m.type].timing]):
            return False
    elif _historical(ea, pub_year) or _historical(eb, pub_year):
        # An undated mention is about the news of the day, not the war of 2010 the article recalls.
        return False
    distinct_by = CLASSES[m.type].distinct_by
    if distinct_by == "target" and c.targets and tmp.targets and not c.targets & tmp.targets:
        return False
    # "a curfew was imposed in X on Saturday" beside the state of emergency: two measures. One
    # told in passing, with no place or day of its own ("later augmented with curfews"), is read
    # as part of the measure it came with.
    if distinct_by == "trigger" and not c.rules & set(m.rules) \
            and (m.dates or any(r.prop == "location" for r in m.roles)):
        return False
    # "X's colleagues were also detained": more people held in the same sweep.
    if distinct_by == "person" and c.persons and tmp.persons and not c.persons & tmp.persons \
            and not m.also:
        return False
    return True


def absorbed_mentions(mentions: list[EventMention], pub_year: int | None, armed_group) -> list[Cluster]:
    """The clusters of ``mentions``, after the events a class absorbs are told as that class's
    (event_classes.tsv, absorbs:CLASS): in a report of unrest, "dozens were killed in clashes with
    security forces", naming no other armed side (no state, body or armed group), tells the
    unrest's clashes, not a fight between armed parties."""
    clusters = cluster_mentions(mentions, pub_year)
    absorber = {CLASSES[c.type].absorbs: c.type for c in clusters if CLASSES[c.type].absorbs}
    unsided = [c for c in clusters if c.type in absorber
               and not any(r.prop == "participant" for m in c.mentions for r in m.roles)
               and not any(armed_group.search(m.sentence.text) for m in c.mentions if m.type)]
    if not unsided:
        return clusters
    for c in unsided:
        for m in c.mentions:
            if m.type:
                m.type = absorber[c.type]
                m.roles = [r for r in m.roles if r.prop != "participant" or CLASSES[m.type].admits(r.entity.type)]
    return cluster_mentions(mentions, pub_year)


def cluster_mentions(mentions: list[EventMention], pub_year: int | None) -> list[Cluster]:
    clusters: list[Cluster] = []
    merging: dict[int, _Merging] = {}  # id(cluster) -> its summary, while mentions join
    pending: list[EventMention] = []
    for m in sorted(mentions, key=lambda x: x.trigger.start):
        if not m.type:
            pending.append(m)
            continue
        alone = _Merging().add(m)  # once per mention, not once per cluster it is compared with
        home = next((c for c in clusters if c.type == m.type and _compatible(merging[id(c)], m, pub_year, alone)),
                    None)
        if home is None:
            home = Cluster(m.type, [m])
            clusters.append(home)
            merging[id(home)] = _Merging()
        else:
            home.mentions.append(m)
        merging[id(home)].add(m)
    # "A ceasefire took hold": the end of a fight the article never tells of is no event of its own.
    clusters = [c for c in clusters if not all(m.only_end for m in c.mentions)]
    # Where a count read outside any fitting event's sentence goes, tier by tier: the nearest
    # earlier event of the first tier that has one.
    starts_of: dict[int, list[int]] = {}  # each cluster's trigger starts, sorted, kept up to date
    for p in pending:
        for count in p.counts:
            target = next((c for tier in CLASSES.count_tiers(count.kind, count.of_people)
                           if (c := _nearest_before(clusters, tier, p.trigger.start, starts_of)) is not None),
                          None)
            if target is not None:
                carrier = EventMention(type=target.type, sentence=p.sentence, trigger=p.trigger,
                                       rules=["count-in-context"], claimed_by=p.claimed_by)
                carrier.counts.append(count)
                target.mentions.append(carrier)
                if id(target) in starts_of:
                    insort(starts_of[id(target)], p.trigger.start)
    return clusters


def _nearest_before(clusters: list[Cluster], classes: tuple[str, ...], pos: int,
                    starts_of: dict[int, list[int]]) -> Cluster | None:
    best: tuple[int, Cluster] | None = None
    for c in clusters:
        if c.type not in classes:
            continue
        starts = starts_of.get(id(c))
        if starts is None:
            starts = starts_of[id(c)] = sorted(m.trigger.start for m in c.mentions)
        i = bisect_right(starts, pos) - 1
        if i >= 0:
            d = pos - starts[i]
            if best is None or d < best[0]:
                best = (d, c)
    if best:
        return best[1]
    fitting = [c for cls in classes for c in clusters if c.type == cls]
    return fitting[0] if fitting else None


def build_events(clusters: list[Cluster], focus: tuple[Entity, Span] | None) -> list[Event]:
    clusters = sorted(clusters, key=lambda c: (c.first, CLASSES.index(c.type)))
    keys: dict[int, str] = {}
    counter: Counter[str] = Counter()
    for c in clusters:
        counter[c.type] += 1
        keys[id(c)] = f"{c.type[0].lower() + c.type[1:]}-{counter[c.type]}"
    own = {id(c): _facts(c) for c in clusters}
    deployment_of: dict[int, Cluster] = {}  # withdrawal -> the deployment it ends
    withdrawals_of: dict[int, list[Cluster]] = {}
    countries = {id(c): c.countries() for c in clusters}  # once each: a long article has many of both
    of_type: dict[str, list[Cluster]] = {}
    for c in clusters:
        of_type.setdefault(c.type, []).append(c)
    for c in clusters:
        ends = CLASSES[c.type].ends
        deployments = of_type.get(ends, []) if ends else []
        if deployments:
            mine = countries[id(c)]
            best = max(deployments, key=lambda d: (len(countries[id(d)] & mine), -abs(d.first - c.first)))
            if not (countries[id(best)] and mine) or countries[id(best)] & mine:
                deployment_of[id(c)] = best
                withdrawals_of.setdefault(id(best), []).append(c)
    events = []
    for c in clusters:
        deployment = deployment_of.get(id(c))
        withdrawals = withdrawals_of.get(id(c), [])
        partner = deployment or (withdrawals[0] if withdrawals else None)
        facts = list(own[id(c)])
        if partner is not None and not _has_location(c):
            # A withdrawal with no place named leaves from where its deployment went.
            facts.extend(f for f in _with_focus(own[id(partner)], partner, focus)
                         if f.prop in {"location", "country"})
        else:
            facts = _with_focus(facts, c, focus)
        if deployment is not None:
            facts.append(Fact("withdrawalOf", EventRef(keys[id(deployment)]), c.mentions[0].sentence,
                              None, "withdrawal-of"))
            facts.extend(_borrowed(own[id(deployment)], "participant", "from-deployment"))
        for w in withdrawals:
            facts.extend(_borrowed(own[id(w)], "participant", "from-withdrawal"))
            # A deployment ends when its withdrawal is completed.
            facts.extend(_borrowed(own[id(w)], "end", "ended-by-withdrawal"))
            if not any(f.prop == "troops" for f in facts):
                facts.extend(_borrowed(own[id(w)], "troops", "withdrawing-force"))
        if CLASSES[c.type].sides:
            facts.extend(_border_sides(facts))
        facts = _without_hosts(c.type, _without_regions(facts))
        if any(m.domestic for m in c.mentions):
            facts.extend(_own_state(facts))
        facts = _dedupe(_in_time_order(facts))
        events.append(Event(
            key=keys[id(c)], type=c.type, label=_label(c.type, facts),
            facts=tuple(facts), evidence=tuple(_unique_spans(m.sentence for m in c.mentions)),
        ))
    return events


def _own_state(facts: list[Fact]) -> list[Fact]:
    """Troops on their own streets, with no other state or body named, are their state's own."""
    if any(f.prop == "participant" for f in facts):
        return []
    return [Fact("participant", f.value, f.evidence, f.claimed_by, "participant:own-state")
            for f in facts if f.prop == "country" and isinstance(f.value, Entity)][:1]


def _border_sides(facts: list[Fact]) -> list[Fact]:
    """A clash placed in two states, with at most one side named, was fought between them."""
    sides = {f.value.key for f in facts if f.prop == "participant" and isinstance(f.value, Entity)}
    states = {f.value.key: f for f in facts if f.prop == "country" and isinstance(f.value, Entity)}
    if len(states) != 2 or len(sides) > 1:
        return []
    return [Fact("participant", f.value, f.evidence, f.claimed_by, "participant:border-sides")
            for key, f in states.items() if key not in sides]


def _in_time_order(facts: list[Fact]) -> list[Fact]:
    """Drop an end read as before a start: two dates misread together must not make an impossible event."""
    starts = [iso_bounds(f.value.iso)[0] for f in facts if f.prop == "start" and isinstance(f.value, DateValue)]
    if not starts:
        return facts
    latest = max(starts)
    return [f for f in facts if not (f.prop == "end" and isinstance(f.value, DateValue)
                                     and iso_bounds(f.value.iso)[1] < latest)]


REGION_RULE = "location-region"
FORCE_OF_RULE = "participant:force-of"  # a state standing behind its named force


def _is_region(e: Entity) -> bool:
    """A linked region in no one country ("Central Asia"): too vague to say where something happened."""
    return e.type == "Place" and e.linked


def _has_location(c: Cluster) -> bool:
    return any(r.prop == "location" and not (_is_region(r.entity) and r.country is None)
               for m in c.mentions for r in m.roles)


def _without_regions(facts: list[Fact]) -> list[Fact]:
    """"Central Asia" yields to any state or city named for the same event."""
    places = [f for f in facts if f.prop in {"location", "country"}]
    if all(f.rule.startswith(REGION_RULE) for f in places):
        return facts
    return [f for f in facts if not f.rule.startswith(REGION_RULE)]


def _without_hosts(event_type: str, facts: list[Fact]) -> list[Fact]:
    """The state troops are sent to hosts them; it is where, not who, of the deployment. When the
    host is the only actor named ("the South African government is deploying troops"), or its own
    force is named ("the SANDF deployed troops to KwaZulu-Natal"), the troops are its own and it
    stays."""
    if not CLASSES[event_type].movement:
        return facts
    hosts = {f.value.key for f in facts if f.prop == "country" and isinstance(f.value, Entity)}
    kept = [f for f in facts if not (f.prop == "participant" and isinstance(f.value, Entity)
                                     and f.value.key in hosts and not f.rule.startswith(FORCE_OF_RULE))]
    return kept if any(f.prop == "participant" for f in kept) else facts


def _borrowed(source: list[Fact], prop: str, rule: str) -> list[Fact]:
    return [Fact(f.prop, f.value, f.evidence, f.claimed_by, rule) for f in source if f.prop == prop]


def _size(q) -> int:
    return q.value if q.value is not None else (q.min_value or q.max_value or 0)


def _superseded(c: Cluster) -> set[int]:
    """Counts a later toll replaced: "2 killed ... the toll rose to 35" makes 35 the event's
    figure and every smaller one of that kind told before it a step on the way (ids of Counts)."""
    counts = [n for m in c.mentions for n in m.counts]
    rising = [r for r in counts if r.rising]
    return {id(n) for n in counts for r in rising
            if r.kind == n.kind and r.span.start > n.span.start and _size(r.quantity) > _size(n.quantity)}


def _facts(c: Cluster) -> list[Fact]:
    facts: list[Fact] = []
    replaced = _superseded(c)
    windowed: set[tuple[str, int, int]] = set()
    for m in c.mentions:
        for r in m.roles:
            facts.extend(_role_facts(r, m))
        for n in m.counts:
            if id(n) in replaced:
                continue
            facts.append(Fact(n.kind, n.quantity, m.sentence, m.claimed_by,
                              f"count:{n.kind}"))
        for d in m.dates:
            rule = f"date:{d.rule or d.prop}"
            if isinstance(d.value, DateWindow):
                # "last week": the window's first and last day, never an invented day. A window's
                # halves are paired by the words they were read from, so one sentence gives an
                # event one window of each kind: the first read.
                key = (d.prop, m.sentence.start, m.sentence.end)
                if key in windowed:
                    continue
                windowed.add(key)
                earliest, latest = WINDOW_PROPS[d.prop]
                facts.append(Fact(earliest, DateValue(d.value.first), m.sentence, m.claimed_by, rule))
                facts.append(Fact(latest, DateValue(d.value.last), m.sentence, m.claimed_by, rule))
            else:
                facts.append(Fact(d.prop, d.value, m.sentence, m.claimed_by, rule))
        for dur, _span in m.durations:
            facts.append(Fact("plannedDuration", dur, m.sentence, m.claimed_by, "planned-duration"))
    return facts


def _with_focus(facts: list[Fact], c: Cluster, focus: tuple[Entity, Span] | None) -> list[Fact]:
    """An event with no place named happened in the country the article is about."""
    if focus is None or any(f.prop in {"location", "country"} for f in facts):
        return facts
    return facts + [Fact("country", focus[0], c.mentions[0].sentence, None, "article-focus-country")]


def _role_facts(r: Role, m: EventMention) -> list[Fact]:
    claimed = m.claimed_by
    if r.prop == "location":
        if r.entity.type == "Country":
            return [Fact("country", r.entity, m.sentence, claimed, f"location:{r.rule}")]
        kind = REGION_RULE if _is_region(r.entity) and r.country is None else "location"
        out = [Fact("location", r.entity, m.sentence, claimed, f"{kind}:{r.rule}")]
        if r.country is not None:
            out.append(Fact("country", r.country, m.sentence, claimed, f"location-country:{r.rule}"))
        return out
    out = [Fact(r.prop, r.entity, m.sentence, claimed, f"{r.prop}:{r.rule}")]
    if r.prop == "participant" and r.entity.qid is None and r.entity.type == "Organization" \
            and r.country is not None:
        # An unlinked national force ("the SANDF", "PLA troops") acts for its state.
        out.append(Fact("participant", r.country, m.sentence, claimed, f"{FORCE_OF_RULE}:{r.rule}"))
    return out


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per (property, value, claimant): the first sentence that states it is its evidence."""
    seen: set[tuple] = set()
    out = []
    for f in facts:
        value = f.value.key if isinstance(f.value, Entity) else f.value
        claimant = f.claimed_by.key if isinstance(f.claimed_by, Entity) else f.claimed_by
        k = (f.prop, value, claimant)
        if k in seen:
            continue
        seen.add(k)
        out.append(f)
    return out


def _unique_spans(spans) -> list[Span]:
    seen, out = set(), []
    for s in spans:
        if s.start not in seen:
            seen.add(s.start)
            out.append(s)
    return out


def _label(type_: str, facts: list[Fact]) -> str:
    def first(prop: str) -> str | None:
        return next((f.value.label for f in facts if f.prop == prop and isinstance(f.value, Entity)), None)

    who = first("participant")
    where = first("location") or first("country")
    when = next((f.value.iso for f in facts if f.prop in {"start", "date", "end"}), None)
    return CLASSES[type_].describe(who, where, when)

