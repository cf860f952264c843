"""Dates for events whose own sentence gives none: the narrative's date, else "just happened".

Runs on the article's clusters after they are formed (pipeline.py), so an event told several
times is dated by any of its mentions first. The rules, in order:

- Relative to another date: "left on Thursday, a week after troops were sent in" dates the
  sending a week before Thursday; "has now reopened, a week after it was attacked" a week before
  the publication day. A week is stated as a window of three days around it, never a guessed day.
- Narrative time: a date set in an earlier sentence of the same paragraph carries into the
  sentences that follow it ("On 3 May the council dissolved parliament. It also imposed a
  curfew."), until another date is named.
- News of the day: told in the present perfect or present ("the cabinet has resigned", "troops
  are patrolling", "a state of emergency has been declared", a headline's "the president
  resigns"), it took place on the publication day; a lasting event whose lede tells its end so
  ("has lifted the curfew imposed on May 2") ended that day.
- Just happened: the lede's news with no date of its own ("police fired tear gas") took place on
  the publication day or the day before: that window is stated, never an invented day. Further
  down an article, or told as background ("a week after it was attacked"), it is left undated.

- The crisis's end: "the situation had eased by 9 March" ends the last unrest or clash told
  before it; a lasting event known only by its end started in its paragraph's period.

A sentence that gives a date to another event dates nothing else here ("sent troops last month
and on Friday declared the mission over": Friday is the end's, not the deployment's).
"""
from __future__ import annotations

import datetime as dt

from kg.event_classes import event_classes
from kg.extract.dates import DateMention
from kg.extract.events import date_of, noun_forms, offset_clauses, situation_date
from kg.extract.mentions import EventMention, When
from kg.extract.numbers import parse_number_word
from kg.extract.spans import sentence_of, sentences_before
from kg.model import DateValue, DateWindow, Span
from kg.rules import Rules, default_rules

CLASSES = event_classes()
LEDE_SENTENCES = 3  # the headline and the first sentences tell the news of the day


def date_undated(clusters, sentences: tuple[Span, ...], dates: list[DateMention], text: str,
                 published: DateValue | None, rules: Rules | None = None) -> None:
    """Give each undated cluster a narrative date or the just-happened window (in place)."""
    rules = rules or default_rules()
    _situation_ends(clusters, sentences, dates, text, rules)
    # How long a lasting event has run ("after a week of protests") is no date of its sentence.
    dated_sentences = {m.sentence.start for c in clusters for m in c.mentions
                       if any(w.rule != "day-count" for w in m.dates)}
    for c in clusters:
        if any(m.dates for m in c.mentions):
            _end_told_as_now(c, sentences, published, rules)
            _start_before_end(c, sentences, dates, text, rules)
            continue
        if all(_in_future(m, rules) for m in c.mentions if m.type):
            continue  # not yet happened
        if any(m.ongoing for m in c.mentions):
            continue  # under way before it was told: its start is not the news of the day
        prop = "start" if CLASSES[c.type].lasting else "date"
        relative = next(((m, r) for m in c.mentions if m.type
                         and (r := _relative(m, dates, published, rules)) is not None), None)
        if relative is not None:
            m, (value, evidence) = relative
            year = int(value.first[:4] if isinstance(value, DateWindow) else value.iso[:4])
            m.dates.append(When(prop, value, evidence, year, "relative"))
            continue
        # The first mention told in a sentence that dates nothing else.
        # ("said he will resign ... His resignation comes after ...": the one told as done.)
        free = [m for m in c.mentions if m.type and m.sentence.start not in dated_sentences
                and not _in_future(m, rules)]
        if not free:
            continue
        first = min(free, key=lambda m: m.trigger.start)
        before = _words_before(first)
        if rules.patterns.search("background_before", before):
            continue
        carrier = _narrative(first, sentences, dates, text, prop, rules)
        if carrier is not None:
            c.mentions.append(carrier)
            continue
        if published is None or published.precision != "day":
            continue
        day = dt.date.fromisoformat(published.iso)
        # Any telling of it as news of the day will do ("condemned the attack ... The attack comes
        # as ..."), unless told as an aside.
        now = next((m for m in sorted(free, key=lambda m: m.trigger.start) if _told_as_now(m, sentences, rules)
                    and not rules.patterns.search("background_before", _words_before(m))), None)
        if now is not None:
            # "has lifted the state of emergency": the news of the day is the end.
            now_prop = "end" if prop == "start" and (now.ends or now.phase == "end") else prop
            now.dates.append(When(now_prop, published, now.trigger, day.year, "published-present"))
        elif _in_lede(first, sentences) and not any(
                first.sentence.start <= d.start and d.end <= first.sentence.end and d.relation in ("before", "after")
                for d in dates):  # "arrested before May 7": a bound, so no news-of-the-day window
            # "..., officials said on Sunday": news told on that day happened then or the day before.
            told = _told_day(first, dates, day, rules) or day
            window = DateWindow((told - dt.timedelta(days=1)).isoformat(), told.isoformat())
            first.dates.append(When(prop, window, first.trigger, told.year, "just-happened"))


def _told_day(m: EventMention, dates: list[DateMention], published: dt.date, rules: Rules) -> dt.date | None:
    """The single day, up to publication, on which the sentence says its news was told."""
    text, base = m.sentence.text, m.sentence.start
    for d in dates:
        if m.sentence.start <= d.start and d.end <= m.sentence.end and d.precision == "day" \
                and d.first == d.last and d.first <= published \
                and rules.pattern("speech_before").search(text[max(0, d.start - base - 30):d.start - base]):
            return d.first
    return None




def _first_day(value: DateValue | DateWindow) -> dt.date:
    if isinstance(value, DateWindow):
        return dt.date.fromisoformat(value.first)
    parts = [int(p) for p in value.iso.split("-")]
    return dt.date(parts[0], *(parts[1:] + [1, 1])[:2])


def _start_before_end(c, sentences: tuple[Span, ...], dates: list[DateMention], text: str, rules: Rules) -> None:
    """A lasting event known only by its end ("lifted the state of emergency on January 19"), told
    in a paragraph set in a period ("In January 2022, ..."), was in force in that period before
    it ended: its start is the window from the period's first day to the day before the end."""
    if not CLASSES[c.type].lasting or any(w.prop == "start" for m in c.mentions for w in m.dates):
        return
    ended = next(((m, w) for m in c.mentions for w in m.dates if w.prop == "end"
                  and isinstance(w.value, DateValue) and len(w.value.iso) == 10), None)
    if ended is None:
        return
    m, end = ended
    carrier = _narrative(m, sentences, dates, text, "start", rules)
    if carrier is None:
        return
    told = carrier.dates[0]
    first, last = _first_day(told.value), dt.date.fromisoformat(end.value.iso) - dt.timedelta(days=1)
    if first <= last:
        carrier.dates[0] = When("start", DateWindow(first.isoformat(), last.isoformat()), told.span, first.year,
                                "narrative")
        c.mentions.append(carrier)


def _situation_ends(clusters, sentences: tuple[Span, ...], dates: list[DateMention], text: str,
                    rules: Rules) -> None:
    """ "The situation had eased by 9 March", "order was restored on Friday": the end of the
    crisis told last before it (a lasting event whose deaths are its own: unrest, a clash) that
    has no end yet."""
    for d in dates:
        sentence = sentence_of(sentences, d)
        if sentence is None:
            continue
        base, s = sentence.start, sentence.text
        if date_of(d) is None or not situation_date(d, s, base, rules) or not (
                d.relation in {"by", "until"} or rules.cues["end"].search(s[:d.end - base])):
            continue
        crises = [(m.trigger.start, c) for c in clusters if CLASSES[c.type].lasting
                  and ("deaths", 1) in CLASSES[c.type].counts
                  and not any(w.prop == "end" for x in c.mentions for w in x.dates)
                  for m in c.mentions if m.type and m.trigger.end <= base]
        if crises:
            at, c = max(crises, key=lambda t: t[0])
            m = next(m for m in c.mentions if m.type and m.trigger.start == at)
            # The evidence runs from the crisis's telling to the date's sentence, as a narrative date's.
            end = base + len(s)
            carrier = EventMention(type=m.type, sentence=Span(m.sentence.start, end, text[m.sentence.start:end]),
                                   trigger=m.trigger, rules=["situation-date"], claimed_by=m.claimed_by)
            carrier.dates.append(When("end", date_of(d), Span(d.start, d.end, d.text), d.first.year, "situation"))
            c.mentions.append(carrier)


def _relative(m: EventMention, dates: list[DateMention], published: DateValue | None, rules: Rules):
    """(value, evidence span) when ``m``'s trigger follows "N days/weeks after/before" in its clause."""
    base = m.sentence.start
    # "set fire to parliament on Tuesday, a day after 19 were killed in clashes": any of the
    # class's words may be the one the offset tells of.
    offsets = [p for t in [m.trigger, *m.later] for p in offset_clauses(m, m.sentence.text, base, rules, t)]
    for p in offsets:
        n = 1 if p.group("the") or p.group("n").lower() in rules.number_words["article"] \
            else parse_number_word(p.group("n"), rules)
        if not n:
            continue
        anchor = _anchor(m, p.start() + base, dates, published, rules)
        if anchor is None:
            return None
        unit = p.group("unit").lower().rstrip("s")
        sign = -1 if p.group("dir").lower() == "after" else 1
        days = n * {"day": 1, "week": 7, "month": 30}[unit]
        day = anchor + dt.timedelta(days=sign * days)
        evidence = Span(base + p.start(), base + p.end(), p.group(0))
        if unit == "day":
            return DateValue(day.isoformat()), evidence
        slack = dt.timedelta(days=1 if unit == "week" else 7 * n)
        return DateWindow((day - slack).isoformat(), (day + slack).isoformat()), evidence
    return None


def _anchor(m: EventMention, offset_at: int, dates: list[DateMention], published: DateValue | None,
            rules: Rules):
    """The day the offset counts from: a day named before it in the sentence, else "now"."""
    named = [d for d in dates if m.sentence.start <= d.start and d.end <= offset_at
             and d.precision == "day" and d.first == d.last]
    if named:
        return named[-1].first
    if published is not None and published.precision == "day" and rules.pattern("now").search(
            m.sentence.text[:offset_at - m.sentence.start]):
        return dt.date.fromisoformat(published.iso)
    return None


def _end_told_as_now(c, sentences: tuple[Span, ...], published: DateValue | None, rules: Rules) -> None:
    """A lasting event dated only by its start whose lede tells its end as news ("has lifted the
    state of emergency imposed on 18 October") ended on the publication day."""
    if published is None or published.precision != "day" or not CLASSES[c.type].lasting \
            or any(w.prop == "end" for m in c.mentions for w in m.dates):
        return
    for m in c.mentions:
        if m.type and (m.ends or m.phase == "end") and _in_lede(m, sentences) and _told_as_now(m, sentences, rules) \
                and not _in_future(m, rules):
            m.dates.append(When("end", published, m.trigger, int(published.iso[:4]), "published-present"))
            return


def _told_as_now(m: EventMention, sentences: tuple[Span, ...], rules: Rules) -> bool:
    """Told in the present perfect or present ("has resigned", "troops are patrolling", "a state of
    emergency has been declared"), or a headline's simple present ("the minister resigns")."""
    if rules.pattern("present_perfect_before").search(_words_before(m)):
        return True
    rel = m.trigger.start - m.sentence.start
    if rules.pattern("present_from_trigger").match(m.sentence.text[rel:rel + len(m.trigger.text) + 40]):
        return True
    # One word: a phrase trigger ending in a plural noun ("sent troops") is no verb in -s; nor is
    # a noun's plural the pack knows ("Kenya protests turn deadly").
    # A headline's bare participle is its passive: "Opposition leader detained" has been detained;
    # only in a headline proper (no full stop), where a past tense is never used.
    verb = (rules.pattern("present_simple_word").match(m.trigger.text) is not None
            and m.trigger.text.lower() not in noun_forms(rules)) \
        or (rules.pattern("headline_participle").match(m.trigger.text) is not None
            and not m.sentence.text.rstrip().endswith((".", "!", "?")))
    return bool(sentences) and m.sentence.start == sentences[0].start and verb \
        and rules.pattern("present_simple_subject").search(_words_before(m)) is not None


def _words_before(m: EventMention) -> str:
    rel = m.trigger.start - m.sentence.start
    return m.sentence.text[max(0, rel - 40):rel]


def _in_lede(m: EventMention, sentences: tuple[Span, ...]) -> bool:
    return any(s.start == m.sentence.start for s in sentences[:LEDE_SENTENCES])


def _in_future(m: EventMention, rules: Rules) -> bool:
    rel = m.trigger.start - m.sentence.start
    rel_end = m.trigger.end - m.sentence.start
    # Searched only where its necessary literals are (most windows hold none).
    search = rules.patterns.search
    return bool(search("future_before", m.sentence.text[max(0, rel - 30):rel])
                or search("future_before", m.sentence.text[rel_end:rel_end + 12]))


def _narrative(m: EventMention, sentences: tuple[Span, ...], dates: list[DateMention], text: str,
               prop: str, rules: Rules) -> EventMention | None:
    """A mention carrying the date of the paragraph's last dated sentence before ``m``'s."""
    reached = m.sentence.start  # text[s.end:m.sentence.start] is checked a piece at a time
    for s in reversed(sentences_before(sentences, m.sentence.start)):
        if "\n" in text[s.end:reached]:
            return None  # another paragraph: another episode
        reached = s.end
        # "the president told parliament on Friday" dates the telling, not the narrative.
        in_s = [d for d in dates if s.start <= d.start and d.end <= s.end and date_of(d) is not None
                and not rules.pattern("speech_before").search(text[max(s.start, d.start - 30):d.start])]
        if not in_s:
            continue
        d = in_s[-1]
        span = Span(s.start, m.sentence.end, text[s.start:m.sentence.end])
        carrier = EventMention(type=m.type, sentence=span, trigger=m.trigger, rules=["narrative-date"],
                               claimed_by=m.claimed_by)
        carrier.dates.append(When(prop, date_of(d), Span(d.start, d.end, d.text), d.first.year, "narrative"))
        return carrier
    return None
