"""Sentences in, event mentions out: triggers from the lexicon, roles, counts and dates around them."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from kg.event_classes import event_classes
from kg.extract.dates import DateMention, find_day_counts, find_durations
from kg.extract.mentions import Count, EventMention, Role, When, clause_around, negated
from kg.extract.names import NameMention
from kg.lazy_regex import RegexIndex, fold
from kg.extract.numbers import find_numbers, parse_number_word
from kg.model import DateValue, DateWindow, Duration, Entity, Span, Trace
from kg.rules import Rules, default_rules, read_inflections

PLACE_TYPES = {"Country", "City", "Place"}
ACTOR_TYPES = {"Country", "Organization"}
CLASSES = event_classes()
DURATIVE = CLASSES.where(timing="lasting")
# Who may take part is a column of kg/data/event_classes.tsv (EventClass.admits); troop movements
# (arrivals and departures) are dated by a report of the day and take a planned duration.
MOVEMENTS = CLASSES.names_where(lambda c: c.movement)
VAGUE_LEAST, VAGUE_MOST = 2, 9  # "a few", "several", "recent": from two up to nine days (weeks)
WEAK_DEPLOYMENT_RULES = {"peacekeeping-force", "intervention", "deploy", "deployment"}
# Roles that name who did a deed (the forces, the one after "by"), not a state merely named.
PERPETRATOR_RULES = {"demonym-forces", "possessive-forces", "by-agent", "led-by", "list", "organization-subject"}


def mentions_in_sentence(
    sentence: Span,
    matches: list,
    persons: list[NameMention],
    dates: list[DateMention],
    published: DateValue | None = None,
    claim: tuple[Entity | str, tuple[int, int]] | None = None,
    rules: Rules | None = None,
    folded: str | None = None,
) -> tuple[list[EventMention], list[Trace]]:
    """Every event class the sentence reports, each with its roles, counts and dates.

    ``claim`` is the sentence's source and where its words stand (attribution.find_claimant_span).
    ``rules`` is the language's rule pack (default: English). ``folded`` is the sentence's fold
    (kg/fold.py), when the caller has it (a slice of the article's holds the same ASCII literals).
    """
    rules = rules or default_rules()
    s = sentence.text
    base = sentence.start
    # A person the gazetteer knows is as much a person as one it does not: either can be the one
    # arrested or resigning.
    persons = sorted(persons + [NameMention(m.start, m.end, m.entity, False) for m in matches
                                if m.entity.type == "Person"], key=lambda p: p.start)
    found: dict[str, EventMention] = {}
    traces: list[Trace] = []
    cue = rules.cues
    # A regex none of whose necessary words the sentence holds cannot match it (kg/literals.py).
    folded = fold(s) if folded is None else folded
    has_force = bool(cue.search("force", s, folded)) or any(m.entity.type == "Organization" for m in matches)
    triggers = rules.triggers
    hits = [(m.start(), m.end(), triggers[i]) for i in _trigger_index(rules).candidates(folded)
            for m in triggers[i].pattern.finditer(s)]
    ending_spans = [(x, y, t.event_type) for x, y, t in hits if CLASSES[t.event_type].ends]
    for a, b, trig in sorted(hits, key=lambda h: (h[0], -h[1])):
        words = s[a:b]
        # A deployment word inside a withdrawal phrase ("permanent deployment points") is the withdrawal's.
        if any(x <= a and b <= y and (y - x) > (b - a) and CLASSES[t].ends == trig.event_type
               for x, y, t in ending_spans):
            continue
        if trig.needs == "armed" and not (cue.search("force", s, folded) or cue.search("armed_group", s, folded)
                                          or _states_named(matches) >= 2):
            traces.append(Trace(sentence, "skipped", f"{trig.event_type}/{trig.rule}: no armed party named"))
            continue
        if trig.needs == "unarmed" and _armed_before(s, a, b, rules):
            traces.append(Trace(sentence, "skipped", f"{trig.event_type}/{trig.rule}: told of forces, not of a crowd"))
            continue
        if trig.needs == "sides" and not _two_sides(s, matches, base, rules):
            traces.append(Trace(sentence, "skipped", f"{trig.event_type}/{trig.rule}: fewer than two armed sides named"))
            continue
        if trig.needs == "target" and _nearest_target(s, a, b, rules) is None:
            traces.append(Trace(sentence, "skipped", f"{trig.event_type}/{trig.rule}: nothing attacked named"))
            continue
        if CLASSES[trig.event_type].sides and cue.search("unrest_side", s, folded):
            traces.append(Trace(sentence, "skipped", f"{trig.event_type}/{trig.rule}: fighting with "
                                f"protesters or crowds is unrest, not an armed clash"))
            continue
        if trig.needs == "force" and not has_force:
            traces.append(Trace(sentence, "skipped", f"{trig.event_type}/{trig.rule}: no force named"))
            continue
        if trig.needs == "person" and not _person_near(persons, s, a, b, base, rules) and not \
                cue["person_pronoun"].search(s[max(0, a - 60):b + 40]):
            traces.append(Trace(sentence, "skipped",
                                f"{trig.event_type}/{trig.rule}: no named person (a count, not an arrest)"))
            continue
        # "a curfew would hurt trade": the trigger is what a modal speaks of, not a fact.
        if (negated(s, a, rules, b) or rules.pattern("modal_after").match(s, b)) and not (
                trig.event_type in MOVEMENTS and rules.patterns.search("reported_plan", s, folded)):
            traces.append(Trace(sentence, "skipped",
                                f"{trig.event_type}/{trig.rule}: '{words}' denied, demanded or hypothetical"))
            continue
        key = trig.event_type
        if CLASSES[key].distinct_by == "target":
            # Two attacks in one sentence ("the city hall was set ablaze and the airport overrun")
            # are two events when each names its own target.
            target = _nearest_target(s, a, b, rules)
            key = f"{key}:{target}" if target else key
        ev = found.get(key)
        if ev is None:
            found[key] = EventMention(
                type=trig.event_type, sentence=sentence,
                trigger=Span(base + a, base + b, words), rules=[trig.rule],
                also=bool(cue.search("continuation", s, folded, max(0, a - 30), a)),
                repeat=bool(cue.search("repeat", s, folded, max(0, a - 30), min(len(s), b + 20))))
        else:
            if a >= ev.trigger.end - base:
                ev.later.append(Span(base + a, base + b, words))
            if trig.rule not in ev.rules:
                ev.rules.append(trig.rule)
        if trig.phase == "end":
            found[key].ends = True
        if CLASSES[trig.event_type].lasting and cue.search("ongoing", s, folded, max(0, a - 40), a):
            found[key].ongoing = True
        # "the release of detained journalist X": what befell a person, recalled, not dated here
        # ("the count of deployed soldiers rose on Tuesday" still dates the deployment).
        if CLASSES[trig.event_type].admits("Person") and rules.pattern("attributive_word").search(words) \
                and rules.pattern("attributive").search(s[:a]):
            found[key].ongoing = True
        if CLASSES[trig.event_type].arrival and cue.search("domestic", s, folded):
            found[key].domestic = True
    for ender in [k for k in found if k in CLASSES and CLASSES[k].ends]:
        ended = CLASSES[ender].ends
        if ended in found and set(found[ended].rules) <= WEAK_DEPLOYMENT_RULES:
            # "the withdrawal of the peacekeeping troops": the force phrase names who leaves.
            del found[ended]
    events = list(found.values())
    enders = _end_rules(rules)
    for ev in events:
        ev.only_end = set(ev.rules) <= enders
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
    # Who asked for the troops is the sentence's, whichever of its arrivals it is read for.
    req = _requested_by(s, base, matches, persons, rules) if any(CLASSES[e.type].arrival for e in events) else None
    for ev in events:
        ev.claimed_by = claimant
        ev.phase = _phase(s, ev.trigger.start - base, rules)
        ev.roles = _roles(ev, s, base, matches, persons, rules, req)
        if CLASSES[ev.type].distinct_by == "target":
            rel = ev.trigger.start - base
            ev.target = _nearest_target(s, rel, rel + len(ev.trigger.text), rules)
        traces.append(Trace(sentence, "fact", f"{ev.type} from {', '.join(ev.rules)}"))
    _attach_counts(events, s, base, traces, sentence, rules)
    _attach_dates(events, s, base, dates, int(published.iso[:4]) if published else None, claim_at, rules,
                  published)
    if published is not None and published.precision == "day":
        _date_present_tense(events, s, base, published, rules)
    _attach_durations(events, s, base, rules)
    return events, traces


def _person_near(persons: list[NameMention], s: str, rel: int, rel_end: int, base: int, rules: Rules) -> bool:
    """A named person in the trigger's clause, not a count ("thousands in detention", "arrests top 6,000")."""
    left, right = clause_around(s, rel, rel, rules)
    before = s[max(left, rel - 40):rel]
    # "fired tear gas at protesters and arrested X": the crowd belongs to the verb before "and" (or
    # a comma: "before the vote on May 7, police arrested X" holds a date, not a count)
    cut = [m.end() for m in rules.pattern("new_clause_between").finditer(before)] + \
        [m.end() for m in _SEGMENT_BREAK.finditer(before)]
    before = before[max(cut):] if cut else before
    if rules.pattern("crowd_before").search(before) or \
            rules.pattern("count_after").match(s, rel_end):
        return False
    return any(base + left - 40 <= p.start and p.end <= base + right + 40 for p in persons)


def _ends_here(ev: EventMention, near: str) -> bool:
    """A date marks the end when an end word stands by it, or the trigger itself is an end (a ceasefire)."""
    return near == "end" if not ev.ends else near != "start"


def _phase_near(s: str, rel: int, rel_end: int, rules: Rules, stop: int | None = None) -> str:
    """The phase word nearest a date, words before it counting three times as near as words after
    ("began in Lusaka on Monday and ended on Wednesday"; "on Saturday after a curfew was lifted").
    Words after the next date (``stop``) are that date's ("sent troops last month and on Friday
    declared the mission over")."""
    cue = rules.cues
    best: tuple[int, str] | None = None
    for kind in ("start", "end"):
        lazy = cue.lazy(kind)
        lo = max(0, rel - 50)
        for m in lazy.compiled.finditer(s, lo, rel) if lazy.may_match_in(s, lo, rel) else ():
            d = rel - m.end()
            best = min(best or (d, kind), (d, kind))
        hi = min(len(s), rel_end + 50, stop if stop is not None else len(s))
        for m in lazy.compiled.finditer(s, rel_end, hi) if lazy.may_match_in(s, rel_end, hi) else ():
            d = (m.start() - rel_end) * 3
            best = min(best or (d, kind), (d, kind))
    return best[1] if best else ""


def _phase(s: str, rel: int, rules: Rules) -> str:
    window = s[max(0, rel - 50): rel + 60]
    cue = rules.cues
    folded = fold(window)
    if cue.search("end", window, folded):
        return "end"
    if cue.search("start", window, folded):
        return "start"
    return ""


def _roles(ev: EventMention, s: str, base: int, matches: list, persons: list[NameMention], rules: Rules,
           req: Role | None = None) -> list[Role]:
    """The roles the sentence's names play in ``ev``; ``req`` is who the sentence says asked (_requested_by)."""
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
            if words["actor_noun"].match(after) and CLASSES[ev.type].departure and words["to_place"].search(before):
                pass  # "handed over the base to the Iraqi army": who receives it does not leave
            elif words["actor_noun"].match(after):
                role, rule = "participant", "demonym-forces"
            elif words["place_noun"].match(after):
                role, rule = "location", "demonym-place"
        elif etype == "Country" and rules.pattern("possessive_after").match(after) and words["actor_noun"].match(after):
            role, rule = "participant", "possessive-forces"  # "Germany's soldiers" act as "German soldiers" do
        elif etype in ACTOR_TYPES and CLASSES[ev.type].perpetrator and words["by_agent"].search(before) \
                and not rules.pattern("backer_before").search(before):
            role, rule = "participant", "by-agent"  # "ambushed by Mali's army" (not "militias backed by X")
        elif etype in PLACE_TYPES and rules.pattern("where_after").match(after) and ev.trigger.start > m.end:
            role, rule = "location", "place-where"  # "spread to Almaty, where buildings were set on fire"
        elif etype in PLACE_TYPES:
            folded = fold(before)  # a role word none of whose literals are before the name is not searched for
            if words.search("between", before, folded):
                role, rule = ("participant" if etype == "Country" else "location"), "between"
            elif words.search("from_place", before, folded):
                forces_from = rules.pattern("forces_from_before").search(before)
                trigger_near = 0 <= m.start - ev.trigger.end <= 50
                if CLASSES[ev.type].departure and (trigger_near or not forces_from or etype != "Country"):
                    role, rule = "location", "withdraw-from"
                elif etype == "Country":
                    role, rule = "participant", "forces-from"
            elif words.search("in_place", before, folded):
                role, rule = "location", "in-place"
            elif CLASSES[ev.type].perpetrator and rules.pattern("struck_before").search(before):
                role, rule = "location", "struck-place"  # "missiles hit Kharkiv": where, never who
            elif CLASSES[ev.type].sides and etype == "Country" and rules.pattern("with_before").search(before):
                role, rule = "participant", "fighting-with"  # "border fighting with Tajikistan"
            elif words["to_place"].search(before) and CLASSES[ev.type].arrival and \
                    _same_clause(s, ev.trigger.start - base, rel0, rules):
                role, rule = "location", "sent-to"
            elif _is_subject(s, rel0, rel1, rules):
                # A state at the head of its clause acts; a city there is where it happened.
                if CLASSES[ev.type].admits(etype):
                    role, rule = "participant", "agent"
                else:
                    role, rule = "location", "place-subject"
        elif etype == "Organization" and not rules.pattern("accordance_before").search(before) and not rules.pattern("document_after").match(after):
            role, rule = "participant", "organization"
            if CLASSES[ev.type].perpetrator:
                # A body named anywhere ("told Reuters") did not strike; one heading its clause did.
                role, rule = ("participant", "organization-subject") if _is_subject(s, rel0, rel1, rules) else (None, "")
        elif etype == "Person" and words["by_agent"].search(before) and CLASSES[ev.type].agent_takes_part:
            role, rule = "participant", "by-agent"
        if role == "participant" and not CLASSES[ev.type].admits(etype):
            role = None
        if role == "participant" and isinstance(claimant, Entity) and m.entity.key == claimant.key:
            role = None  # the agency reporting the news is its source, not an actor in it
        if role:
            roles.append(Role(role, m.entity, Span(m.start, m.end, m.surface), rule, getattr(m, "country", None)))
        prev_role, prev_end, prev_family = role, rel1, _family(etype)
        if m.kind != "demonym" and etype == "Country" and CLASSES[ev.type].sides and rule == "between":
            roles.append(Role("location", m.entity, Span(m.start, m.end, m.surface), "between-border"))
    if CLASSES[ev.type].perpetrator:
        # Only the forces that struck take part: a state merely named in the sentence (the one
        # struck, the one whose citizens died, the one at the head of the clause) does not.
        # The forces are named next to the deed ("Russian missile strike", "Sudanese troops killed",
        # "shelled by Malian soldiers"), not in a clause of their own ("so that Chadian troops
        # could help ... after gunmen looted").
        t0, t1 = ev.trigger.start, ev.trigger.end
        roles = [r for r in roles if r.prop != "participant" or (
            r.rule in PERPETRATOR_RULES and (r.rule == "by-agent" or -40 <= t0 - r.span.end <= 40
                                             or 0 <= r.span.start - t1 <= 40))]
    if CLASSES[ev.type].sides:
        # The sides of a fight are named next to it ("Armenian-Azerbaijani conflict", "clashes
        # between X and Y"), not anywhere in a sentence that also tells of a deployment.
        t0, t1 = ev.trigger.start, ev.trigger.end
        roles = [r for r in roles if r.prop != "participant" or r.rule == "between"
                 or min(abs(r.span.start - t1), abs(t0 - r.span.end)) <= 60]
    if CLASSES[ev.type].admits("Person"):
        # Who resigned or was detained is named next to the word ("detained X", "X resigned").
        for p in persons:
            # "X resigned", "dismissed X", "detained opposition activist X": close on either side.
            before, after = ev.trigger.start - p.end, p.start - ev.trigger.end
            # A phrase trigger may hold the name ("removed President X from office").
            inside = ev.trigger.start <= p.start and p.end <= ev.trigger.end
            if 0 <= before <= 40 or 0 <= after <= 45 or inside:
                roles.append(Role("participant", p.entity, Span(p.start, p.end, p.entity.label), "named-person"))
    if req and CLASSES[ev.type].arrival:
        roles.append(req)
    return roles


def _family(etype: str) -> str:
    return "place" if etype in {"City", "Place"} else ("actor" if etype in ACTOR_TYPES else etype)


def _same_clause(s: str, a: int, b: int, rules: Rules) -> bool:
    lo, hi = min(a, b), max(a, b)
    left, right = clause_around(s, lo, lo, rules)
    return left <= lo and hi <= right


def _armed_before(s: str, a: int, b: int, rules: Rules) -> bool:
    """Forces or an armed group before the trigger in its clause ("soldiers marched through")."""
    left = clause_around(s, a, b, rules)[0]
    return bool(rules.cues["force"].search(s, left, a) or rules.cues["armed_group"].search(s, left, a))


def _two_sides(s: str, matches: list, base: int, rules: Rules) -> bool:
    """Two armed parties in the sentence: force nouns, armed groups, and states or bodies named other
    than as the place ("security forces in Myanmar" is one party); or one, with a word of two sides."""
    cue = rules.cues
    parties = len(cue["force"].findall(s)) + len(cue["armed_group"].findall(s))
    if not parties and _states_named(matches) < 2:
        return False
    actors = {m.entity.key for m in matches if m.entity.type in ACTOR_TYPES
              and not rules.roles["in_place"].search(s[max(0, m.start - base - 30):m.start - base])}
    return parties + len(actors) >= 2 or (parties >= 1 and bool(cue["two_sides"].search(s)))


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
    targets = rules.patterns.lazy("attack_target")
    for t in targets.compiled.finditer(s, left, right) if targets.may_match_in(s, left, right) else ():
        if t.end() <= a:
            d = a - t.end() + (0 if passive else 40)
        else:
            d = t.start() - b + (200 if passive else 0)
        if d <= 120 and (best is None or d < best[0]):
            best = (d, (t.lastgroup or t.group(0).lower()).replace("_", " "))
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


def classify_count(s: str, start: int, end: int, rules: Rules | None = None) -> str | None:
    """What a number at ``s[start:end]`` counts: the count word nearest to it, or None."""
    rules = rules or default_rules()
    left, right = clause_around(s, start, end, rules)
    after = s[end:right]
    before = s[left:start]
    # A pattern or count word none of whose necessary literals its side holds is not searched for.
    folded = {"after": fold(after), "before": fold(before)}
    pats = rules.patterns
    if pats.search("including_before", before, folded["before"]) or \
            pats.match("part_after", after, folded["after"]):
        return None  # "including 12 police officers", "40 of them": a part, not the total
    if pats.search("either_casualty", after, folded["after"], 0, min(80, len(after))) or \
            pats.search("either_casualty_before", before, folded["before"]):
        return None  # "30 soldiers were killed or wounded", "killed or wounded 30": dead and hurt together, neither count
    if rules.pattern("strong_suffix").search(s[start:end]):
        return "troops"  # "a 2,500-strong force"
    best: tuple[int, int, str] | None = None
    for rank, head in enumerate(rules.counts):
        if not head.regex.may_match(folded[head.side]):
            continue
        m = head.pattern.search(after if head.side == "after" else before)
        if not m:
            continue
        distance = m.start("head") if head.side == "after" else len(before) - m.end("head")
        if best is None or (distance, rank) < best[:2]:
            best = (distance, rank, head.kind)
    kind = best[2] if best else None
    if kind == "troops":
        # "311 peacekeepers lost their lives": a casualty verb after the noun says what befell them.
        kind = next((h.kind for h in rules.counts if h.side == "after" and h.kind != "troops"
                     and h.regex.may_match(folded["after"]) and h.pattern.search(after)), kind)
    if kind not in {None, "troops"} and (pats.match("list_item_after", after, folded["after"])
                                        or pats.search("list_item_before", before, folded["before"])):
        return None  # "killing 9 soldiers, 4 police officers and 3 civilians": each is a part
    return kind


def _attach_counts(events: list[EventMention], s: str, base: int, traces: list, sentence: Span, rules: Rules) -> None:
    for n in find_numbers(s, rules=rules):
        if n.is_year or n.unit:
            continue
        kind = classify_count(s, n.start, n.end, rules)
        if kind is None:
            continue
        span = Span(base + n.start, base + n.end, n.text)
        count = Count(kind, n.quantity, span, bool(rules.pattern("toll_rise_before").search(s[max(0, n.start - 40):n.start])),
                      bool(rules.pattern("office_after").match(s[n.end:])))
        target = _count_target(events, kind, n.start + base, count.of_people)
        if target is None:
            # Counted but no event of a fitting class in this sentence: kept for the article-level pass.
            pending = EventMention(type="", sentence=sentence, trigger=span, rules=["count"])
            pending.counts.append(count)
            events.append(pending)
            continue
        if kind == "troops":
            # One size per deployment told in a sentence: the figure nearest its verb ("sent 200
            # soldiers to join a 3,000-strong force"); the other names a force told of in passing.
            verb = target.trigger.end
            sizes = [c for c in target.counts if c.kind == "troops"]
            if sizes and abs(sizes[0].span.start - verb) <= abs(count.span.start - verb):
                continue
            target.counts[:] = [c for c in target.counts if c.kind != "troops"]
        target.counts.append(count)


def _count_target(events: list[EventMention], kind: str, pos: int, of_people: bool = False) -> EventMention | None:
    """The event of the sentence a count belongs to, by the tiers of kg/data/event_classes.tsv.

    Casualties in a sentence that names no unrest or clash usually belong to the article's unrest
    or clash told elsewhere: past the first tier only an instant event told before the count takes
    it here ("Gunmen attacked a police post, killing 12"); the rest wait for the article-level pass.
    """
    for rank, classes in enumerate(CLASSES.count_tiers(kind, of_people)):
        fitting = [e for e in events if e.type in classes and (
            (rank == 0 and CLASSES[e.type].lasting) or (not CLASSES[e.type].lasting and e.trigger.end <= pos))]
        if fitting:
            # A trigger's verb stands at its end ("troops ... were deployed"): measure from there.
            return min(fitting, key=lambda e: abs(e.trigger.end - pos))
    return None


def _attach_dates(events: list[EventMention], s: str, base: int, dates: list[DateMention],
                  published_year: int | None = None, claim_at: tuple[int, int] = (0, 0), rules: Rules | None = None,
                  published: DateValue | None = None) -> None:
    """Dates are found once per article (a yearless "January 7" borrows an earlier date's year)."""
    rules = rules or default_rules()
    # "during ongoing protests on Monday": a day during the unrest, not its start; "on Thursday, a
    # week after troops were sent": Thursday is not the sending's day (kg/extract/timeline.py).
    counted = _date_by_day_count(events, s, base, dates, published, rules)
    # "N days after ..." is not searched for in a sentence that lacks its words (kg/literals.py).
    has_offset = rules.patterns.lazy("offset").may_match(fold(s))
    real = [e for e in events if e.type and not e.ongoing and e not in counted
            and not (has_offset and after_offset(e, s, base, rules))]
    if not real:
        return
    # "the worst since 1991": a year the event is compared with, not its date.
    # The date's own "since" counts too ("for the first time since 1990").
    # (The year is compared first: the clause is read only for a year far from the report's.)
    usable = [d for d in dates if date_of(d) is not None and not (
        published_year is not None and abs(d.first.year - published_year) > 3
        and (d.relation == "since" or rules.pattern("since_before").search(
            s[max(clause_around(s, d.start - base, d.end - base, rules)[0], d.start - base - 100):d.start - base])))]
    # "the ministry said on Friday" dates the statement; it dates the event only when the
    # sentence gives no other date.
    # "announced by X in February" dates the announcement, never the event; "Sunday's election"
    # names another event by its day.
    usable = [d for d in usable if not (claim_at[0] <= d.start and d.end <= claim_at[1])]
    # "Saturday's bombing", "last week's protests": the day names the event it owns.
    owned = [d for d in usable if rules.pattern("possessive_after").fullmatch(s[d.end - base:d.end - base + 2])]
    usable = [d for d in usable if d not in owned]
    for d in owned:
        gap = rules.pattern("owned_trigger_gap")
        ev = next((e for e in real if e.trigger.start >= d.end + 2
                   and gap.fullmatch(s[d.end - base + 2:e.trigger.start - base])), None)
        if ev is not None:
            ev.dates.append(When("start" if ev.type in DURATIVE else "date", date_of(d),
                                 Span(d.start, d.end, d.text), d.first.year))
    # "on Thursday, the day after troops were sent": "the day after" counts back to the sending
    # (kg/extract/timeline.py); it is not a day of its own.
    offsets = [(p.start() + base, p.end() + base) for p in rules.pattern("offset").finditer(s)] if has_offset else []
    usable = [d for d in usable if not any(a <= d.start and d.end <= b for a, b in offsets)]
    # "Calm had returned by 9 March, so the curfew was eased": the crisis's end
    # (kg/extract/timeline.py), not the easing's.
    usable = [d for d in usable if not situation_date(d, s, base, rules)]
    # "arrested before May 7", "after Sunday": a bound, not the day it happened.
    usable = [d for d in usable if d.relation not in ("before", "after")]
    told = [d for d in usable if rules.pattern("speech_before").search(s[max(0, d.start - base - 30):d.start - base])]
    # A report's date can date only a movement told as done or under way, not one to come.
    movers = [e for e in real if e.type in MOVEMENTS
              and not rules.patterns.search("future_before", s[max(0, e.trigger.start - base - 30):e.trigger.start - base])]
    if len(told) < len(usable) or not movers:
        # A report's date stands for the news it reports only for troop movements of the day.
        usable = [d for d in usable if d not in told]
    for d in usable:
        value = date_of(d)
        following = [x.start - base for x in usable if x.start >= d.end]
        stop = min(following) if following else None
        pool = movers if d in told else real
        # a verb told before the date in its stretch between commas owns it against one after "and"
        verb_before = any(e.trigger.end <= d.start and e.trigger.text.lower() not in noun_forms(rules)
                          and not _SEGMENT_BREAK.search(s[e.trigger.end - base:d.start - base]) for e in pool)
        ev = min(pool, key=lambda e: _date_distance(e, d.start, d.end, rules, verb_before))
        if ev.type not in DURATIVE:
            prop = "date"
        elif d.relation == "since":
            # "emergency rule ends at 6 a.m. on Friday": from then on it is over.
            prop = "end" if _phase_near(s, d.start - base, d.end - base, rules, stop) == "end" else "start"
        elif d.relation in {"by", "until"}:
            prop = "end"
        elif _ends_here(ev, near := _phase_near(s, d.start - base, d.end - base, rules, stop)) or (
                not near and rules.pattern("end_verb_before").search(
                    s[max(0, ev.trigger.start - base - 40):ev.trigger.start - base])):
            # no phase word by the date: a verb ending the trigger's noun tells ("ended a days-long
            # standoff with rebels ... on Tuesday")
            prop = "end"
        elif CLASSES[ev.type].departure and rules.cues["withdrawal_done"].search(
                s[max(0, ev.trigger.start - base - 40):ev.trigger.end - base + 40]):
            prop = "end"
        elif ev.type in DURATIVE:
            prop = "start"
        else:
            prop = "date"
        ev.dates.append(When(prop, value, Span(d.start, d.end, d.text), d.first.year))
        lasted = rules.pattern("lasted_before").search(s[max(0, ev.trigger.start - base - 40):ev.trigger.start - base])
        if prop == "end" and lasted and isinstance(value, DateValue) and d.precision == "day":
            # "ended a days-long standoff on Tuesday": it began that long before its end.
            word = (lasted.group("vague") or lasted.group("unit") or lasted.group("unit1")).lower()
            unit = {"d": 1, "w": 7, "m": 30}[word[0]]
            count = (lasted.group("n") or "one").lower()
            n = 1 if count in rules.number_words["article"] else \
                int(count) if count.isdigit() else parse_number_word(count, rules)
            # "days-long": a few (two to nine); "a week-long": give or take a day, a month a week
            least, most = (VAGUE_LEAST * unit, VAGUE_MOST * unit) if lasted.group("vague") else \
                ((n * unit - _slack(unit), n * unit + _slack(unit)) if n else (0, 0))
            if most:
                at = max(0, ev.trigger.start - base - 40) + lasted.start()
                first, last = d.first - dt.timedelta(days=most), d.first - dt.timedelta(days=least)
                ev.dates.append(When("start", DateWindow(first.isoformat(), last.isoformat()),
                                     Span(base + at, ev.trigger.end, s[at:ev.trigger.end - base]), first.year, "lasted"))
        # One word that tells two events ("soldiers ousted the president": a coup and his fall;
        # "seized the state broadcaster": a coup and an attack) dates both.
        for twin in [e for e in real if e is not ev and e.type not in DURATIVE and ev.type not in DURATIVE
                     and e.trigger.start < ev.trigger.end and ev.trigger.start < e.trigger.end]:
            twin.dates.append(When("date", value, Span(d.start, d.end, d.text), d.first.year))
        # "on October 18, the day when protests erupted": the clause after it tells another event of that day.
        when = rules.pattern("day_when_after").match(s, d.end - base)
        for other in [e for e in real if e is not ev and when and e.trigger.start - base >= when.end()]:
            other.dates.append(When("start" if other.type in DURATIVE else "date", value,
                                    Span(d.start, d.end, d.text), d.first.year))
    _share_coordinated(real, s, base, dates, rules)


def _share_coordinated(events: list[EventMention], s: str, base: int, dates: list[DateMention],
                       rules: Rules) -> None:
    """ "Soldiers stormed the palace on Monday and detained the president": verbs coordinated in
    one clause tell one stretch of time, so an event with no date of its own takes the date of the
    nearest dated one it is coordinated with."""
    dated = [e for e in events if e.dates]
    for ev in [e for e in events if not e.dates]:
        partners = []
        # From a date in the dated verb's own stretch between commas. Forward ("stormed the palace
        # on Monday and detained ..."), or backward from a date told after the later verb
        # ("declared an emergency and dissolved the government on Monday"), never across the
        # date: a subject noun before the verbs ("protesters entered ... on Monday and set fire")
        # is no coordinated verb.
        for other in dated:
            forward = other.trigger.end <= ev.trigger.start
            a, b = (other.trigger, ev.trigger) if forward else (ev.trigger, other.trigger)
            between = s[a.end - base:b.start - base]
            if not forward and ("," in between or any(a.end <= d.start and d.end <= b.start for d in dates)):
                continue  # backward only within one stretch, and never across a date
            own = [w for w in other.dates if w.prop in ("start", "date") and
                   (forward or w.span.start >= other.trigger.end) and
                   _own_stretch(s[min(w.span.end, other.trigger.start) - base:
                                  max(w.span.start, other.trigger.end) - base], rules)]
            if own and 0 < len(between) <= 160 and rules.pattern("coordinated_between").search(between):
                partners.append((len(between), other))
        if not partners:
            continue
        other = min(partners, key=lambda p: p[0])[1]
        # Only when it happened: the end of one ("completed the pullout on Monday and ...") is not
        # the other's.
        for when in [w for w in other.dates if w.prop in ("start", "date")][:1]:
            ev.dates.append(When("start" if ev.type in DURATIVE else "date", when.value, when.span,
                                 when.year, "coordinated"))


def _slack(unit: int) -> int:
    """How far a stated length in days (1), weeks (7) or months (30) may be off: none, a day, a week."""
    return {1: 0, 7: 1}.get(unit, 7)


def _own_stretch(between: str, rules: Rules) -> bool:
    """No comma parts a date from its verb, unless a "when" clause joins them."""
    return "," not in between or rules.pattern("when_clause_between").match(between) is not None


def _date_by_day_count(events: list[EventMention], s: str, base: int, dates: list[DateMention],
                       published: DateValue | None, rules: Rules) -> list[EventMention]:
    """ "Clashes raged through a third day on Sunday": the lasting event nearest the count began two
    days before the sentence's day (a window for "its second week"); "arrests in the five days
    since the vote", "over the past two weeks": it began that long before publication. The events
    so dated."""
    lasting = [e for e in events if e.type in DURATIVE]
    if not lasting:
        return []
    days = [d for d in dates if d.precision == "day" and d.first == d.last and d.relation == "at"]
    counted: list[tuple[Span, dt.date, dt.date]] = []
    for count in find_day_counts(s, base, rules) if days else ():
        day = min(days, key=lambda d: abs(d.start - count.start)).first
        counted.append((Span(count.start, count.end, count.text),
                        day - dt.timedelta(days=count.most), day - dt.timedelta(days=count.least)))
    if published is not None and published.precision == "day":
        today = dt.date.fromisoformat(published.iso)
        for d in _durations(s, rules):
            if d.relation in {"over", "in", "for"} and (rules.pattern("lookback_span").search(d.text) or
                                                         rules.pattern("since_after").match(s, d.end)):
                # "the five days since" counts the first day and today: it began four or five days ago.
                counted.append((Span(base + d.start, base + d.end, d.text), today - dt.timedelta(days=d.days),
                                today - dt.timedelta(days=max(0, d.days - 1))))
        # A span the sentence lacks the words of is not searched for (kg/literals.py).
        folded = fold(s)
        patterns = rules.patterns
        # "she quits after over a week of marches": told as now, the marches began that long
        # before publication (over a week: one to two weeks). Read only once a span is found.
        told_now = None
        # With no date in the sentence, "killed in a week of unrest" counts back from the report too.
        for v in patterns["span_of"].finditer(s) if patterns.lazy("span_of").may_match(folded) else ():
            if told_now is None:
                now = rules.pattern("present_from_trigger")
                told_now = any(now.match(s[e.trigger.start - base:e.trigger.end - base + 40]) for e in events)
            if not (told_now or (not dates and any(0 <= t.start - base - v.end() <= 25
                                                   for e in lasting for t in [e.trigger, *e.later]))):
                continue
            n = 1 if v.group("n").lower() in rules.number_words["article"] else parse_number_word(v.group("n"), rules)
            unit = {"d": 1, "w": 7, "m": 30}[v.group("unit")[0].lower()]
            if not n:
                continue
            back = n * unit
            # "three days of" counts today as one; "two weeks of" is give or take a day, a month a week.
            slack = _slack(unit)
            least, most = (back + 1, 2 * back) if v.group("more") else \
                ((back - 1, back) if unit == 1 else (back - slack, back + slack))
            counted.append((Span(base + v.start(), base + v.end(), v.group(0)),
                            today - dt.timedelta(days=most), today - dt.timedelta(days=least)))
        for v in patterns["lookback_vague"].finditer(s) if patterns.lazy("lookback_vague").may_match(folded) else ():
            # "over the past few days": a few is at least two and hardly ten; no day is guessed.
            unit = 7 if v.group("unit").lower().startswith("week") else 1
            counted.append((Span(base + v.start(), base + v.end(), v.group(0)),
                            today - dt.timedelta(days=VAGUE_MOST * unit), today - dt.timedelta(days=VAGUE_LEAST * unit)))
    dated = []
    for span, first, last in counted:
        # "a third day of protests" counts the event after it; "protests raged through a third
        # day" the one told before it.
        of = s[span.end - base:span.end - base + 4].lower().startswith(" of ")
        ev = min(lasting, key=lambda e: ((e.trigger.start < span.start) == of, abs(e.trigger.start - span.start)))
        value = DateValue(first.isoformat()) if first == last else DateWindow(first.isoformat(), last.isoformat())
        ev.dates.append(When("start", value, span, first.year, "day-count"))
        dated.append(ev)
    return dated


def situation_date(d: DateMention, s: str, base: int, rules: Rules) -> bool:
    """The date's clause tells it of "the situation" (calm, order), the crisis told before."""
    left = clause_around(s, d.start - base, d.end - base, rules)[0]
    return rules.pattern("situation_before").search(s[left:d.start - base]) is not None


def offset_clauses(e: EventMention, s: str, base: int, rules: Rules, trigger: Span | None = None):
    """The "N days after ..." phrases whose clause holds the trigger's verb (at its end); ``trigger``
    is another of the class's words in the sentence."""
    rel = (trigger or e.trigger).end - base
    offset = rules.patterns.lazy("offset")
    lo = max(0, rel - 80)
    return (p for p in (offset.compiled.finditer(s, lo, rel) if offset.may_match_in(s, lo, rel) else ())
            if "," not in s[p.end():rel] and ";" not in s[p.end():rel])


def after_offset(e: EventMention, s: str, base: int, rules: Rules) -> bool:
    return any(offset_clauses(e, s, base, rules))


def date_of(d: DateMention) -> DateValue | DateWindow | None:
    """A day, month or year as such; a week, a range of days, a season or part of a month or year
    ("earlier this year") as the window it spans."""
    if d.value is not None:
        return d.value
    if d.first < d.last and d.precision in {"day", "week", "month", "part", "season", "year"}:
        return DateWindow(d.first.isoformat(), d.last.isoformat())
    return None


def _date_present_tense(events: list[EventMention], s: str, base: int, published: DateValue, rules: Rules) -> None:
    cue = rules.cues
    for ev in events:
        if ev.type not in MOVEMENTS or ev.dates:
            continue
        rel = ev.trigger.start - base
        window = s[max(0, rel - 40): rel + len(ev.trigger.text) + 30]
        if rules.patterns.search("future_before", window):
            continue  # "will begin pulling out in two days": not yet
        for kind, prop in (("present_end", "end"), ("present_start", "start")):
            if cue[kind].search(window):
                ev.dates.append(When(prop, published, ev.trigger, int(published.iso[:4]), "published-present"))
                break


_SEGMENT_BREAK = re.compile(r",(?=\s)|[;:()\u2014\u2013]")


@lru_cache(maxsize=8)
def _trigger_index(rules: Rules) -> RegexIndex:
    return RegexIndex([t.regex for t in rules.triggers])


@lru_cache(maxsize=4)
def _durations(s: str, rules: Rules) -> tuple:
    """The stated lengths of time in a sentence (offsets into it): read once for the dating of its
    lasting events and once for the durations of its troop movements."""
    return tuple(find_durations(s, rules=rules))


@lru_cache(maxsize=8)
def _end_rules(rules: Rules) -> frozenset[str]:
    """The rules of the triggers that mark an event's end."""
    return frozenset(t.rule for t in rules.triggers if t.phase == "end")


@lru_cache(maxsize=8)
def noun_forms(rules: Rules) -> frozenset[str]:
    """Every form of the nouns in the pack's inflection table (inflections.tsv)."""
    table = read_inflections(rules.folder / "inflections.tsv")
    return frozenset(f for (_, pos), forms in table.items() if pos == "n" for f in forms)


def _date_distance(ev: EventMention, start: int, end: int, rules: Rules | None = None,
                   verb_before: bool = False) -> float:
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
        # "troops moved in on Tuesday to stop the rioting": what the verb was for, or against,
        # is not dated by the verb's date.
        between = text[max(0, lo - base):max(0, hi - base)]
        if rules is not None and rules.pattern("purpose_between").search(between):
            gap += 200
        # "seized the palace on Monday and detained the president", "entered Syria on Wednesday in
        # an offensive": a verb told before the date owns it.
        elif verb_before:
            gap += 100
    else:
        gap = 0
    return gap + 200 * crossed


def _attach_durations(events: list[EventMention], s: str, base: int, rules: Rules) -> None:
    movers = [e for e in events if e.type in MOVEMENTS]
    if not movers:
        return
    for d in _durations(s, rules):
        # "will begin in two days" is a delay; "in the next ten days" is a span.
        if d.days <= 0 or (d.relation == "in" and not rules.pattern("span_in").search(d.text)):
            continue
        pos = base + d.start
        ev = min(movers, key=lambda e: abs(e.trigger.start - pos))
        ev.durations.append((Duration(d.days), Span(pos, base + d.end, d.text)))
