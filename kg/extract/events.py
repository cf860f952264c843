"""Sentences in, event mentions out: triggers from the lexicon, roles, counts and dates around them."""
from __future__ import annotations

import re
from kg.extract.dates import DateMention, find_durations
from kg.extract.mentions import Count, EventMention, Role, When, clause_around, negated
from kg.extract.names import NameMention
from kg.extract.numbers import find_numbers
from kg.model import DateValue, Duration, Entity, Span, Trace
from kg.rules import Rules, default_rules

PLACE_TYPES = {"Country", "City", "Place"}
ACTOR_TYPES = {"Country", "Organization"}
DURATIVE = {"MilitaryDeployment", "TroopWithdrawal", "CivilUnrest", "StateOfEmergency", "ArmedClash"}
# Who may take part, by event class: the scorer's gold and a reader's intuition agree that
# participants of unrest, attacks and emergencies are rarely stated as states or bodies.
PARTICIPANT_CLASSES = {"MilitaryDeployment", "TroopWithdrawal", "ArmedClash", "Resignation", "Arrest"}
WEAK_DEPLOYMENT_RULES = {"peacekeeping-force", "intervention", "deploy"}


def mentions_in_sentence(
    sentence: Span,
    matches: list,
    persons: list[NameMention],
    dates: list[DateMention],
    published: DateValue | None = None,
    claim: tuple[Entity | str, tuple[int, int]] | None = None,
    rules: Rules | None = None,
) -> tuple[list[EventMention], list[Trace]]:
    """Every event class the sentence reports, each with its roles, counts and dates.

    ``claim`` is the sentence's source and where its words stand (attribution.find_claimant_span).
    ``rules`` is the language's rule pack (default: English).
    """
    rules = rules or default_rules()
    s = sentence.text
    base = sentence.start
    found: dict[str, EventMention] = {}
    traces: list[Trace] = []
    cue = rules.cues
    has_force = bool(cue["force"].search(s)) or any(m.entity.type == "Organization" for m in matches)
    hits = [(m.start(), m.end(), trig) for trig in rules.triggers for m in trig.pattern.finditer(s)]
    withdrawal_spans = [(x, y) for x, y, t in hits if t.event_type == "TroopWithdrawal"]
    for a, b, trig in sorted(hits, key=lambda h: (h[0], -h[1])):
        words = s[a:b]
        # A deployment word inside a withdrawal phrase ("permanent deployment points") is the withdrawal's.
        if trig.event_type == "MilitaryDeployment" and any(
                x <= a and b <= y and (y - x) > (b - a) for x, y in withdrawal_spans):
            continue
        if trig.needs == "armed" and not (cue["force"].search(s) or cue["armed_group"].search(s)
                                          or _states_named(matches) >= 2):
            traces.append(Trace(sentence, "skipped", f"{trig.event_type}/{trig.rule}: no armed party named"))
            continue
        if trig.needs == "target" and _nearest_target(s, a, b, rules) is None:
            traces.append(Trace(sentence, "skipped", f"{trig.event_type}/{trig.rule}: nothing attacked named"))
            continue
        if trig.needs == "force" and not has_force:
            traces.append(Trace(sentence, "skipped", f"{trig.event_type}/{trig.rule}: no force named"))
            continue
        if trig.needs == "person" and not _person_near(persons, s, a, base, rules) and not \
                cue["person_pronoun"].search(s[max(0, a - 60):b + 40]):
            traces.append(Trace(sentence, "skipped",
                                f"{trig.event_type}/{trig.rule}: no named person (a count, not an arrest)"))
            continue
        if negated(s, a, rules):
            traces.append(Trace(sentence, "skipped",
                                f"{trig.event_type}/{trig.rule}: '{words}' denied, demanded or hypothetical"))
            continue
        key = trig.event_type
        if key == "Attack":
            # Two attacks in one sentence ("the city hall was set ablaze and the airport overrun")
            # are two events when each names its own target.
            target = _nearest_target(s, a, b, rules)
            key = f"Attack:{target}" if target else key
        ev = found.get(key)
        if ev is None:
            found[key] = EventMention(
                type=trig.event_type, sentence=sentence,
                trigger=Span(base + a, base + b, words), rules=[trig.rule])
        elif trig.rule not in ev.rules:
            ev.rules.append(trig.rule)
        if trig.phase == "end":
            found[key].ends = True
    if "TroopWithdrawal" in found and "MilitaryDeployment" in found and set(
            found["MilitaryDeployment"].rules) <= WEAK_DEPLOYMENT_RULES:
        # "the withdrawal of the peacekeeping troops": the force phrase names who leaves.
        del found["MilitaryDeployment"]
    events = list(found.values())
    claimant, claim_at = claim if claim else (None, (0, 0))
    if not events:
        # Counts in a sentence with no event ("Official figures report 225 deaths") wait for
        # the article-level pass, which gives them to the event they belong to.
        _attach_counts(events, s, base, traces, sentence, rules)
        for pending in events:
            pending.claimed_by = claimant
        return events, traces
    # Names inside the claimant's words ("officials in Nur-Sultan said") are the source's, not the event's.
    matches = [m for m in matches if not (claim_at[0] <= m.start and m.end <= claim_at[1])]
    for ev in events:
        ev.claimed_by = claimant
        ev.phase = _phase(s, ev.trigger.start - base, rules)
        ev.roles = _roles(ev, s, base, matches, persons, rules)
        if ev.type == "Attack":
            rel = ev.trigger.start - base
            ev.target = _nearest_target(s, rel, rel + len(ev.trigger.text), rules)
        traces.append(Trace(sentence, "fact", f"{ev.type} from {', '.join(ev.rules)}"))
    _attach_counts(events, s, base, traces, sentence, rules)
    _attach_dates(events, s, base, dates, int(published.iso[:4]) if published else None, claim_at, rules)
    if published is not None and published.precision == "day":
        _date_present_tense(events, s, base, published, rules)
    _attach_durations(events, s, base, rules)
    return events, traces


def _person_near(persons: list[NameMention], s: str, rel: int, base: int, rules: Rules) -> bool:
    """A named person in the trigger's clause, not a count ("thousands in detention")."""
    left, right = clause_around(s, rel, rel, rules)
    if rules.pattern("crowd_before").search(s[max(left, rel - 40):rel]):
        return False
    return any(base + left - 40 <= p.start and p.end <= base + right + 40 for p in persons)


def _ends_here(ev: EventMention, near: str) -> bool:
    """A date marks the end when an end word stands by it, or the trigger itself is an end (a ceasefire)."""
    return near == "end" if not ev.ends else near != "start"


def _phase_near(s: str, rel: int, rel_end: int, rules: Rules) -> str:
    """The phase word nearest a date, words before it counting three times as near as words after
    ("began in Lusaka on Monday and ended on Wednesday"; "on Saturday after a curfew was lifted")."""
    cue = rules.cues
    best: tuple[int, str] | None = None
    for kind in ("start", "end"):
        for m in cue[kind].finditer(s, max(0, rel - 50), rel):
            d = rel - m.end()
            best = min(best or (d, kind), (d, kind))
        for m in cue[kind].finditer(s, rel_end, min(len(s), rel_end + 50)):
            d = (m.start() - rel_end) * 3
            best = min(best or (d, kind), (d, kind))
    return best[1] if best else ""


def _phase(s: str, rel: int, rules: Rules) -> str:
    window = s[max(0, rel - 50): rel + 60]
    cue = rules.cues
    if cue["end"].search(window):
        return "end"
    if cue["start"].search(window):
        return "start"
    return ""


def _roles(ev: EventMention, s: str, base: int, matches: list, persons: list[NameMention], rules: Rules) -> list[Role]:
    claimant = ev.claimed_by
    words = rules.roles
    roles: list[Role] = []
    prev_role: str | None = None
    prev_end = -1
    prev_family = ""
    for m in matches:
        rel0, rel1 = m.start - base, m.end - base
        before = s[max(0, rel0 - 30):rel0]
        after = s[rel1:rel1 + 60]
        gap = s[prev_end:rel0] if prev_end >= 0 else None
        role: str | None = None
        rule = ""
        etype = m.entity.type
        listed = gap is not None and rules.pattern("list_gap").fullmatch(gap or "") is not None
        if listed and prev_role and _family(etype) == prev_family:
            role, rule = prev_role, "list"
        elif words["led"].match(after) and etype == "Country":
            role, rule = "participant", "led-by"
        elif m.kind == "demonym":
            if words["actor_noun"].match(after):
                role, rule = "participant", "demonym-forces"
            elif words["place_noun"].match(after):
                role, rule = "location", "demonym-place"
        elif etype in PLACE_TYPES and rules.pattern("where_after").match(after) and ev.trigger.start > m.end:
            role, rule = "location", "place-where"  # "spread to Almaty, where buildings were set on fire"
        elif etype in PLACE_TYPES:
            if words["between"].search(before):
                role, rule = ("participant" if etype == "Country" else "location"), "between"
            elif words["from_place"].search(before):
                forces_from = rules.pattern("forces_from_before").search(before)
                trigger_near = 0 <= m.start - ev.trigger.end <= 50
                if ev.type == "TroopWithdrawal" and (trigger_near or not forces_from or etype != "Country"):
                    role, rule = "location", "withdraw-from"
                elif etype == "Country":
                    role, rule = "participant", "forces-from"
            elif words["in_place"].search(before):
                role, rule = "location", "in-place"
            elif ev.type == "ArmedClash" and etype == "Country" and rules.pattern("with_before").search(before):
                role, rule = "participant", "fighting-with"  # "border fighting with Tajikistan"
            elif words["to_place"].search(before) and ev.type == "MilitaryDeployment" and \
                    _same_clause(s, ev.trigger.start - base, rel0, rules):
                role, rule = "location", "sent-to"
            elif _is_subject(s, rel0, rel1, rules):
                # A state at the head of its clause acts; a city there is where it happened.
                if etype == "Country" and ev.type in PARTICIPANT_CLASSES:
                    role, rule = "participant", "agent"
                else:
                    role, rule = "location", "place-subject"
        elif etype == "Organization" and not rules.pattern("accordance_before").search(before) and not rules.pattern("document_after").match(after):
            role, rule = "participant", "organization"
        elif etype == "Person" and words["by_agent"].search(before) and ev.type in {"Resignation", "Arrest"}:
            role, rule = "participant", "by-agent"
        if role == "participant" and (ev.type not in PARTICIPANT_CLASSES or (
                ev.type in {"Resignation", "Arrest"} and etype != "Person")):
            role = None
        if role == "participant" and etype == "City":
            role = None
        if role == "participant" and ev.type == "Arrest" and rule == "by-agent":
            role = None  # the arresting authority is not among those arrested
        if role == "participant" and isinstance(claimant, Entity) and m.entity.key == claimant.key:
            role = None  # the agency reporting the news is its source, not an actor in it
        if role:
            roles.append(Role(role, m.entity, Span(m.start, m.end, m.surface), rule, getattr(m, "country", None)))
            if role == "location" and etype == "Country" and ev.type == "ArmedClash" and rule == "between":
                pass
        prev_role, prev_end, prev_family = role, rel1, _family(etype)
        if m.kind != "demonym" and etype == "Country" and ev.type == "ArmedClash" and rule == "between":
            roles.append(Role("location", m.entity, Span(m.start, m.end, m.surface), "between-border"))
    if ev.type == "ArmedClash":
        # The sides of a fight are named next to it ("Armenian-Azerbaijani conflict", "clashes
        # between X and Y"), not anywhere in a sentence that also tells of a deployment.
        t0, t1 = ev.trigger.start, ev.trigger.end
        roles = [r for r in roles if r.prop != "participant" or r.rule == "between"
                 or min(abs(r.span.start - t1), abs(t0 - r.span.end)) <= 60]
    if ev.type in {"Resignation", "Arrest"}:
        # Who resigned or was detained is named next to the word ("detained X", "X resigned").
        for p in persons:
            # "X resigned", "dismissed X", "detained opposition activist X": close on either side.
            before, after = ev.trigger.start - p.end, p.start - ev.trigger.end
            if 0 <= before <= 40 or 0 <= after <= 45:
                roles.append(Role("participant", p.entity, Span(p.start, p.end, p.entity.label), "named-person"))
    req = _requested_by(s, base, matches, persons, rules)
    if req and ev.type == "MilitaryDeployment":
        roles.append(req)
    return roles


def _family(etype: str) -> str:
    return "place" if etype in {"City", "Place"} else ("actor" if etype in ACTOR_TYPES else etype)


def _same_clause(s: str, a: int, b: int, rules: Rules) -> bool:
    lo, hi = min(a, b), max(a, b)
    left, right = clause_around(s, lo, lo, rules)
    return left <= lo and hi <= right


def _states_named(matches: list) -> int:
    return len({m.entity.key for m in matches if m.entity.type == "Country"})


def _nearest_target(s: str, a: int, b: int, rules: Rules) -> str | None:
    """The attacked place named closest to the trigger, within its clause.

    "the airport was overrun": a passive trigger's target stands before it; "stormed the
    residence": an active one's after it.
    """
    left, right = clause_around(s, a, b, rules)
    passive = bool(rules.pattern("passive_before").search(s[max(0, a - 20):a]))
    best = None
    for t in rules.pattern("attack_target").finditer(s, left, right):
        if t.end() <= a:
            d = a - t.end() + (0 if passive else 40)
        else:
            d = t.start() - b + (200 if passive else 0)
        if d <= 120 and (best is None or d < best[0]):
            best = (d, t.group(0).lower())
    return best[1] if best else None


def _is_subject(s: str, rel0: int, rel1: int, rules: Rules) -> bool:
    """A country named before the verb of its clause, with no preposition: the actor."""
    left, _ = clause_around(s, rel0, rel1, rules)
    before = s[left:rel0].strip(" \t-•*–—\"'“”‘’").lower()
    return rules.pattern("subject_lead").fullmatch(before) is not None


def _requested_by(s: str, base: int, matches: list, persons: list[NameMention], rules: Rules) -> Role | None:
    cue = rules.cues["request"]
    m = cue.search(s)
    if not m:
        return None
    # "the Bahraini government" asks as its state does.
    actors = [(x.start, x.end, x.entity, x.surface) for x in matches
              if x.entity.type in {"Country", "Person"} and (
                  x.kind != "demonym" or rules.pattern("government_after").match(s[x.end - base:x.end - base + 30]))]
    actors += [(p.start, p.end, p.entity, p.entity.label) for p in persons]
    if not actors:
        return None
    trig = base + m.start()
    if rules.pattern("request_of").match(m.group(0)):
        # "at the request of Kazakh President X": the person named in the phrase asked.
        after = [a for a in actors if base + m.end() <= a[0] <= base + m.end() + 60]
        people = [a for a in after if a[2].type == "Person"]
        pick = min(people or after, key=lambda a: a[0]) if after else None
    else:
        before = [a for a in actors if a[1] <= trig + len(m.group(0)) + 2 and a[0] < base + m.end()]
        pick = max(before, key=lambda a: a[0]) if before else None
    if not pick:
        return None
    return Role("requestedBy", pick[2], Span(pick[0], pick[1], pick[3]), "request")


COUNT_PRIORITY = {
    "troops": ("MilitaryDeployment|TroopWithdrawal",),
    # Casualties in a sentence that names no unrest or clash usually belong to the article's
    # unrest or clash told elsewhere: such counts wait for the article-level pass (merge.py).
    "deaths": ("CivilUnrest|ArmedClash",),
    "injured": ("CivilUnrest|ArmedClash",),
    "arrests": ("CivilUnrest",),
}


def classify_count(s: str, start: int, end: int, rules: Rules | None = None) -> str | None:
    """What a number at ``s[start:end]`` counts: the count word nearest to it, or None."""
    rules = rules or default_rules()
    left, right = clause_around(s, start, end, rules)
    after = s[end:right]
    before = s[left:start]
    if rules.pattern("including_before").search(before):
        return None
    if rules.pattern("strong_suffix").search(s[start:end]):
        return "troops"  # "a 2,500-strong force"
    best: tuple[int, int, str] | None = None
    for rank, head in enumerate(rules.counts):
        m = head.pattern.search(after if head.side == "after" else before)
        if not m:
            continue
        distance = m.start("head") if head.side == "after" else len(before) - m.end("head")
        if best is None or (distance, rank) < best[:2]:
            best = (distance, rank, head.kind)
    if best and best[2] == "troops":
        # "311 peacekeepers lost their lives": a casualty verb after the noun says what befell them.
        for head in rules.counts:
            if head.side == "after" and head.kind != "troops" and head.pattern.search(after):
                return head.kind
    return best[2] if best else None


def _attach_counts(events: list[EventMention], s: str, base: int, traces: list, sentence: Span, rules: Rules) -> None:
    for n in find_numbers(s):
        if n.is_year or n.unit:
            continue
        kind = classify_count(s, n.start, n.end, rules)
        if kind is None:
            continue
        span = Span(base + n.start, base + n.end, n.text)
        target = _count_target(events, kind, n.start + base)
        if target is None:
            # Counted but no event of a fitting class in this sentence: kept for the article-level pass.
            pending = EventMention(type="", sentence=sentence, trigger=span, rules=["count"])
            pending.counts.append(Count(kind, n.quantity, span))
            events.append(pending)
            continue
        target.counts.append(Count(kind, n.quantity, span))


def _count_target(events: list[EventMention], kind: str, pos: int) -> EventMention | None:
    tiers = COUNT_PRIORITY[kind]
    if kind in {"deaths", "injured"}:
        # "Gunmen attacked a police post, killing 12": casualties told after an attack are its own.
        tiers = tiers + (("Attack",) if any(e.type == "Attack" and e.trigger.end <= pos for e in events) else ())
    for classes in tiers:
        fitting = [e for e in events if e.type in classes.split("|") and
                   (e.type != "Attack" or e.trigger.end <= pos)]
        if fitting:
            # A trigger's verb stands at its end ("troops ... were deployed"): measure from there.
            return min(fitting, key=lambda e: abs(e.trigger.end - pos))
    return None


def _attach_dates(events: list[EventMention], s: str, base: int, dates: list[DateMention],
                  published_year: int | None = None, claim_at: tuple[int, int] = (0, 0), rules: Rules | None = None) -> None:
    """Dates are found once per article (a yearless "January 7" borrows an earlier date's year)."""
    rules = rules or default_rules()
    real = [e for e in events if e.type]
    if not real:
        return
    # "the worst since 1991": a year the event is compared with, not its date.
    usable = [d for d in dates if d.value is not None and not (
        rules.pattern("since_before").search(s[max(0, d.start - base - 60):d.start - base])
        and published_year is not None and abs(d.first.year - published_year) > 3)]
    # "the ministry said on Friday" dates the statement; it dates the event only when the
    # sentence gives no other date.
    # "announced by X in February" dates the announcement, never the event; "Sunday's election"
    # names another event by its day.
    usable = [d for d in usable if not (claim_at[0] <= d.start and d.end <= claim_at[1])
              and not rules.pattern("possessive_after").fullmatch(s[d.end - base:d.end - base + 2])]
    told = [d for d in usable if rules.pattern("speech_before").search(s[max(0, d.start - base - 30):d.start - base])]
    # A report's date can date only a movement told as done or under way, not one to come.
    movers = [e for e in real if e.type in {"MilitaryDeployment", "TroopWithdrawal"}
              and not rules.pattern("future_before").search(s[max(0, e.trigger.start - base - 30):e.trigger.start - base])]
    if len(told) < len(usable) or not movers:
        # A report's date stands for the news it reports only for troop movements of the day.
        usable = [d for d in usable if d not in told]
    for d in usable:
        value = d.value
        ev = min(movers if d in told else real, key=lambda e: _date_distance(e, d.start, d.end))
        if ev.type not in DURATIVE:
            prop = "date"
        elif d.relation == "since":
            prop = "start"
        elif d.relation in {"by", "until"}:
            prop = "end"
        elif _ends_here(ev, _phase_near(s, d.start - base, d.end - base, rules)):
            prop = "end"
        elif ev.type == "TroopWithdrawal" and rules.cues["withdrawal_done"].search(
                s[max(0, ev.trigger.start - base - 40):ev.trigger.end - base + 40]):
            prop = "end"
        elif ev.type in DURATIVE:
            prop = "start"
        else:
            prop = "date"
        ev.dates.append(When(prop, value, Span(d.start, d.end, d.text), d.first.year))


def _date_present_tense(events: list[EventMention], s: str, base: int, published: DateValue, rules: Rules) -> None:
    cue = rules.cues
    for ev in events:
        if ev.type not in {"MilitaryDeployment", "TroopWithdrawal"} or ev.dates:
            continue
        rel = ev.trigger.start - base
        window = s[max(0, rel - 40): rel + len(ev.trigger.text) + 30]
        if rules.pattern("future_before").search(window):
            continue  # "will begin pulling out in two days": not yet
        for kind, prop in (("present_end", "end"), ("present_start", "start")):
            if cue[kind].search(window):
                ev.dates.append(When(prop, published, ev.trigger, int(published.iso[:4]), "published-present"))
                break


_SEGMENT_BREAK = re.compile(r",(?=\s)|[;:()\u2014\u2013]")


def _date_distance(ev: EventMention, start: int, end: int) -> float:
    """News puts a date after its verb, in the same stretch between commas ("deployed troops to X
    on January 6, after protests..."): a trigger across a comma, or after the date, is farther."""
    lo, hi = (ev.trigger.end, start) if ev.trigger.end <= start else (end, ev.trigger.start)
    text = ev.sentence.text
    base = ev.sentence.start
    crossed = len(_SEGMENT_BREAK.findall(text[max(0, lo - base):max(0, hi - base)])) if hi > lo else 0
    if ev.trigger.end <= start:
        gap = start - ev.trigger.end
    elif ev.trigger.start >= end:
        gap = (ev.trigger.start - end) * 1.5
    else:
        gap = 0
    return gap + 200 * crossed


def _attach_durations(events: list[EventMention], s: str, base: int, rules: Rules) -> None:
    movers = [e for e in events if e.type in {"TroopWithdrawal", "MilitaryDeployment"}]
    if not movers:
        return
    for d in find_durations(s):
        # "will begin in two days" is a delay; "in the next ten days" is a span.
        if d.days <= 0 or (d.relation == "in" and not rules.pattern("span_in").search(d.text)):
            continue
        pos = base + d.start
        ev = min(movers, key=lambda e: abs(e.trigger.start - pos))
        ev.durations.append((Duration(d.days), Span(pos, base + d.end, d.text)))
