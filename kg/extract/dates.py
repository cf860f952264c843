"""Dates and durations as news text writes them, resolved against the publication date.

``find_dates`` returns the calendar period each expression denotes. Words and patterns live in the
rule pack (kg/data/en/date_words.tsv, and templates in patterns.tsv filled from those words), built
once per ``Rules`` object; every function takes ``rules`` (default: the English pack). Rules:

- A weekday ("on Thursday", "Thursday night", "overnight Wednesday") is the most recent such day
  on or before publication (the publication weekday itself means publication day); "last
  Thursday" is strictly before it, "next Thursday" strictly after.
- "last week" is the previous Monday-Sunday week (precision "week"); "earlier this month" runs
  from the 1st to publication day.
- A month and day without a year ("June 12") takes the year of the last date written with a year
  earlier in the text when it falls within 92 days after that date ("In January 2021 ... by
  January 7"); otherwise the year that puts it latest on or before publication + 7 days (a
  report may announce a date a few days ahead). So does a bare month ("in April", which needs a
  preposition before it; "May" never stands alone).
- A weekday beside a yearless day ("Monday, June 13") moves the year so guessed (or, with no
  publication date, that of the last date written with a year) by up to three years to one in
  which the day falls on that weekday.
- "late January" is its days 21-31, "early"/"mid" 1-10/11-20; "mid-2021" its months 5-8, "early"/
  "late" 1-4/9-12 (precision "part"). "last summer" is the latest one ended before publication,
  "this spring" the one of its year. "earlier this week/month/year" ends the day before publication.
- Seasons are northern meteorological ones: "the fall of 2020" is 2020-09-01..2020-11-30,
  precision "season"; "the early 1990s" is 1990-1993 (mid: 4-6, late: 7-9), precision "decade".
- What needs a finer publication date than known is left out: weekdays, "yesterday" and weeks
  need a day; "last month" a month; "last year" a year. Absolute dates need nothing.
- Expressions relative to other events ("a week after") are not dates and are skipped.

``DateMention.relation`` comes from the word before ("since", "until", "by", "before", "after");
the span then includes that word. "on"/"in" are left outside the span.

``find_day_counts`` reads which day of a lasting event a sentence tells ("a third day" is two days
after its first; "its second week" seven to thirteen).

``find_durations`` reads stated lengths ("within 10 days", "will take 10 days", "for two weeks")
as whole days: a month counts 30 days, a year 365, a decade 3650; hours only when a whole number
of days ("48 hours" = 2); minutes and seconds never. Compound adjectives ("a ten-year mission")
and offsets ("two weeks later", "a month ago") are not durations.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from functools import lru_cache

from kg import regex_code
from kg.extract.numbers import alternation, number_grammar, parse_number_word, remember
from kg.lazy_regex import fold
from kg.model import DateValue
from kg.rules import Rules, default_rules, fill

__all__ = ["DateMention", "DayCount", "DurationMention", "find_dates", "find_day_counts", "find_durations"]

_PROPER_AFTER = re.compile(r"\s+[A-Z][a-z]")
_TOKEN = re.compile(r"[^\W\d_]+|\d")


class _DateGrammar:
    """One rule pack's date words and patterns (templates from patterns.tsv filled from its word
    tables), built once per ``Rules`` object."""

    def __init__(self, rules: Rules):
        d, w = rules.date_words, rules.number_words
        self.rules = rules
        self.numbers = ng = number_grammar(rules)
        self.months = ng.months
        self.weekdays: dict[str, int] = {}
        for x, v in d["weekday"].items():
            self.weekdays[x] = self.weekdays[x.upper()] = int(v)
        self.relation: dict[str, str] = {x.lower(): v for x, v in d["relation"].items()}
        self.article = frozenset(w["article"])  # "a week ago": one
        self.weekdaymod: dict[str, str] = {x.lower(): v for x, v in d["weekdaymod"].items()}
        self.decadepart: dict[str, tuple[int, int]] = {
            x.lower(): tuple(int(n) for n in v.split("-")) for x, v in d["decadepart"].items()}
        self.unit: dict[str, str] = {x.lower(): v for x, v in d["unit"].items()}
        self.durationrel: dict[str, str] = {x.lower(): v for x, v in d["durationrel"].items()}
        self.season: dict[str, str] = d["season"]
        self.relday: dict[str, int] = {x: int(v) for x, v in d["relday"].items()}
        self.relperiod: dict[str, str] = d["relperiod"]
        self.ordinal: dict[str, int] = {x.lower(): int(v) for x, v in d["ordinal"].items()}
        # "late January": days 21-31 of the month; "mid-2021": months 5-8 of the year.
        self.monthpart: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
            x.lower(): tuple(tuple(int(n) for n in half.split("-")) for half in v.split("/"))
            for x, v in d["monthpart"].items()}
        self.timeunit = ng.timeunit
        not_bare = rules.pattern("month_not_bare")
        slots = dict(ng.slots)
        slots.update({
            "weekday": alternation(self.weekdays),
            "bare_month": alternation(x for x in self.months if not not_bare.fullmatch(x)),
            "relation": alternation(self.relation),
            "season": alternation(self.season),
            "relday": alternation(self.relday),
            "relperiod": alternation(self.relperiod),
            "ordinal": alternation(self.ordinal),
            "monthpart": alternation(self.monthpart),
        })
        # The largest regexes kg compiles: through the cache of compiled code (kg/regex_code.py).
        self.date = regex_code.compile(fill(rules.template("date"), slots))
        self.duration = regex_code.compile(fill(rules.template("duration"), slots))
        self.nth_day = regex_code.compile(fill(rules.template("nth_day"), slots))
        self.days_later = rules.pattern("days_later")
        self.offset_to_day = rules.pattern("offset_to_day")
        self.bare_month_before = rules.pattern("bare_month_before")
        self.art_before = rules.pattern("article_before")
        self.start = rules.pattern("date_start")
        self.starters = frozenset(
            {x.split()[0].lower() for x in [*self.relation, *self.season, *self.relday, *self.relperiod]}
            | {x.split()[0].lower() for x in (*w["unit"], *w["teen"], *w["tens"])}
        )
        self.cased_starters = frozenset(self.months) | frozenset(self.weekdays)
        self._starter_memo: dict[str, bool] = {}  # words seen, as is_starter found them

    def is_starter(self, word: str) -> bool:
        known = self._starter_memo.get(word)
        if known is None:
            low = word.lower()
            known = word[0].isdigit() or word in self.cased_starters or low in self.starters \
                or self.start.fullmatch(low) is not None
            remember(self._starter_memo, word, known)
        return known


@lru_cache(maxsize=8)
def _grammar(rules: Rules) -> _DateGrammar:
    return _DateGrammar(rules)


def _date_grammar(rules: Rules | None) -> _DateGrammar:
    return _grammar(rules or default_rules())


_EXPLICIT_YEAR = ("yA", "yB", "yC", "ny", "iy")
_ANCHOR_DAYS = 92


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    first: dt.date
    last: dt.date
    precision: str  # "day" | "week" | "month" | "part" (of a month or year) | "season" | "year" | "decade"
    relation: str = "at"  # "at" | "since" | "until" | "by" | "before" | "after"

    @property
    def value(self) -> DateValue | None:
        """The period as a DateValue when it is exactly one day, month or year."""
        f, l = self.first, self.last
        if self.precision == "day" and f == l:
            return DateValue(f.isoformat())
        # "earlier this month" is a month's first days, not the month: a window (events.date_of).
        if self.precision == "month" and (f.year, f.month) == (l.year, l.month) and f.day == 1 \
                and l == _month_end(l.year, l.month):
            return DateValue(f"{f.year:04d}-{f.month:02d}")
        if self.precision == "year" and f.year == l.year and (f.month, f.day, l.month, l.day) == (1, 1, 12, 31):
            return DateValue(f"{f.year:04d}")
        return None


@dataclass(frozen=True)
class DurationMention:
    start: int
    end: int
    text: str
    days: int
    relation: str  # "within" | "for" | "in" | "over"


@dataclass(frozen=True)
class DayCount:
    """ "A third day of protests": the told day is ``least``..``most`` days after the first one."""

    start: int
    end: int
    text: str
    least: int
    most: int


@dataclass(frozen=True)
class _Ref:
    """What is known of the publication date."""

    year: int | None = None
    month: int | None = None
    day: dt.date | None = None
    # With no publication date: the article's latest date with a stated year. The article was
    # written after it, so a yearless date is taken to be the first one on or after it.
    floor: dt.date | None = None

    @property
    def latest(self) -> dt.date | None:
        """The publication day, or the last day it may be when only the month is known."""
        if self.day:
            return self.day
        if self.year and self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return None


def _ref(published: DateValue | None) -> _Ref:
    if published is None:
        return _Ref()
    parts = [int(p) for p in published.iso.split("-") if p]
    try:
        if len(parts) >= 3:
            day = dt.date(parts[0], parts[1], parts[2])
            return _Ref(day.year, day.month, day)
        if len(parts) == 2 and 1 <= parts[1] <= 12:
            return _Ref(parts[0], parts[1])
        return _Ref(parts[0]) if parts else _Ref()
    except ValueError:
        return _Ref()


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + n
    return k // 12, k % 12 + 1


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, ref: _Ref, anchor: dt.date | None = None) -> int | None:
    """The anchor's year when month/day falls in the 3 months after it; else the year putting
    month/day latest on or before publication + 7 days."""
    if anchor is not None:
        d = _safe_date(anchor.year, month, day)
        if d is not None and 0 <= (d - anchor).days <= _ANCHOR_DAYS:
            return anchor.year
    latest = ref.latest
    if latest is None:
        if ref.floor is None:
            return None
        floor = ref.floor.replace(day=1)
        return next((y for y in (floor.year, floor.year + 1)
                     if (d := _safe_date(y, month, day)) is not None and d >= floor), None)
    horizon = latest + dt.timedelta(days=7)
    for y in (latest.year + 1, latest.year, latest.year - 1):
        d = _safe_date(y, month, day)
        if d is not None and d <= horizon:
            return y
    return None


Period = tuple[dt.date, dt.date, str]
_WEEKDAY_YEARS = 3


def _weekday_year(month: int, day: int, weekday: int, guess: int | None, ref: _Ref,
                  anchor: dt.date | None) -> int | None:
    """ "Monday, June 13" without a year: the year near what the text or the publication suggests
    (the guessed one first, then earlier before later) in which June 13 is a Monday."""
    base = guess or (anchor.year if anchor else None) or ref.year
    if base is None:
        return None
    for k in (0, *(x for n in range(1, _WEEKDAY_YEARS + 1) for x in (-n, n))):
        d = _safe_date(base + k, month, day)
        if d is not None and d.weekday() == weekday:
            return base + k
    return None


def _month_day(month: int, d1: str, d2: str | None, year: str | None, ref: _Ref,
               anchor: dt.date | None, weekday: int | None = None) -> Period | None:
    a, b = _day(d1), _day(d2) if d2 else _day(d1)
    y = int(year) if year else _infer_year(month, a, ref, anchor)
    if not year and weekday is not None:
        y = _weekday_year(month, a, weekday, y, ref, anchor)
    if y is None or b < a:
        return None
    first, last = _safe_date(y, month, a), _safe_date(y, month, b)
    return (first, last, "day") if first and last else None


def _weekday(m: re.Match, ref: _Ref, g: _DateGrammar) -> Period | None:
    if ref.day is None:
        return None
    wd = g.weekdays[m.group("wd")]
    mod = g.weekdaymod.get((m.group("wdmod") or "").lower().split()[0], "") if m.group("wdmod") else ""
    if mod == "next":
        ahead = (wd - ref.day.weekday()) % 7 or 7
        d = ref.day + dt.timedelta(days=ahead)
    else:
        back = (ref.day.weekday() - wd) % 7
        if mod == "last" and back == 0:
            back = 7
        d = ref.day - dt.timedelta(days=back)
    return d, d, "day"


def _relperiod(phrase: str, ref: _Ref, g: _DateGrammar) -> Period | None:
    unit, offset, part = g.relperiod[phrase].split(":")
    n = int(offset)
    if unit == "week":
        if ref.day is None:
            return None
        monday = ref.day - dt.timedelta(days=ref.day.weekday()) + dt.timedelta(weeks=n)
        first, last, precision = monday, monday + dt.timedelta(days=6), "week"
    elif unit == "month":
        if ref.month is None:
            return None
        y, mo = _add_months(ref.year, ref.month, n)
        first, last, precision = dt.date(y, mo, 1), _month_end(y, mo), "month"
    else:
        if ref.year is None:
            return None
        first, last, precision = dt.date(ref.year + n, 1, 1), dt.date(ref.year + n, 12, 31), "year"
    if part == "earlier" and ref.day:
        # "earlier this week" is before the day of the report (that would be "today").
        last = max(first, ref.day - dt.timedelta(days=1))
    elif part == "later" and ref.day:
        first = ref.day
    return first, last, precision


def _ago(m: re.Match, ref: _Ref, g: _DateGrammar) -> Period | None:
    word = m.group("ago")
    n = 1 if word.lower() in g.article else parse_number_word(word, g.rules)
    unit = g.unit.get(m.group("agounit").lower())
    if n is None or unit is None:
        return None
    if unit == "fortnight":
        n, unit = 2 * n, "week"
    if unit in ("day", "week"):
        if ref.day is None:
            return None
        d = ref.day - dt.timedelta(days=n * (7 if unit == "week" else 1))
        if unit == "day":
            return d, d, "day"
        monday = d - dt.timedelta(days=d.weekday())
        return monday, monday + dt.timedelta(days=6), "week"
    if unit == "month":
        if ref.month is None:
            return None
        y, mo = _add_months(ref.year, ref.month, -n)
        return dt.date(y, mo, 1), _month_end(y, mo), "month"
    if ref.year is None:
        return None
    return dt.date(ref.year - n, 1, 1), dt.date(ref.year - n, 12, 31), "year"


def _season(name: str, year: int, g: _DateGrammar) -> Period:
    a, b = g.season[name.lower()].split("/")
    (am, ad), (bm, bd) = (map(int, a.split("-")), map(int, b.split("-")))
    end_year = year + 1 if (bm, bd) < (am, ad) else year
    bd = min(bd, calendar.monthrange(end_year, bm)[1])
    return dt.date(year, am, ad), dt.date(end_year, bm, bd), "season"


def _month_part(days: tuple[int, int], month: int, year: str | None, ref: _Ref,
                anchor: dt.date | None) -> Period | None:
    y = int(year) if year else _infer_year(month, days[0], ref, anchor)
    if y is None:
        return None
    end = _month_end(y, month)
    return dt.date(y, month, days[0]), end.replace(day=min(days[1], end.day)), "part"


def _relative_season(mod: str, name: str, ref: _Ref, g: _DateGrammar) -> Period | None:
    """ "last summer" is the latest one ended before publication, "this spring" the one of its
    year (the one under way, for a winter), "next autumn" the first one starting after it."""
    today = ref.day
    if today is None:
        return None
    spans = [_season(name, y, g) for y in (today.year - 2, today.year - 1, today.year, today.year + 1)]
    if mod in ("last", "past"):
        done = [p for p in spans if p[1] < today]
        return done[-1] if done else None
    if mod == "next":
        ahead = [p for p in spans if p[0] > today]
        return ahead[0] if ahead else None
    current = [p for p in spans if p[0] <= today <= p[1]]
    return current[0] if current else next((p for p in spans if p[0].year == today.year), None)


def _decade(start_year: int, mod: str | None, g: _DateGrammar) -> Period:
    lo, hi = g.decadepart.get((mod or "").lower(), (0, 9))
    return dt.date(start_year + lo, 1, 1), dt.date(start_year + hi, 12, 31), "decade"


def _resolve(text: str, m: re.Match, ref: _Ref, anchor: dt.date | None, gr: _DateGrammar) -> Period | None:
    g = m.group
    months = gr.months
    before = text[max(0, m.start() - 20):m.start()]
    if g("mE"):
        return _month_part(gr.monthpart[g("mpart").lower()][0], months[g("mE")], g("yF"), ref, anchor)
    if g("yP"):
        (a, b) = gr.monthpart[g("ypart").lower()][1]
        y = int(g("yP"))
        return dt.date(y, a, 1), _month_end(y, b), "part"
    if g("rseason"):
        return _relative_season(g("smod").lower(), g("rseason").lower(), ref, gr)
    if g("mA"):
        return _month_day(months[g("mA")], g("dA"), g("dA2"), g("yA"), ref, anchor,
                          gr.weekdays[g("wdA")] if g("wdA") else None)
    if g("mB"):
        return _month_day(months[g("mB")], g("dB"), g("dB2"), g("yB"), ref, anchor,
                          gr.weekdays[g("wdB")] if g("wdB") else None)
    if g("mC"):
        y, mo = int(g("yC")), months[g("mC")]
        return dt.date(y, mo, 1), _month_end(y, mo), "month"
    if g("nd"):
        y = int(g("ny")) + (2000 if len(g("ny")) == 2 else 0)
        d = _safe_date(y, int(g("nm")), int(g("nd")))
        return (d, d, "day") if d else None
    if g("iy"):
        d = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
        return (d, d, "day") if d else None
    if g("season"):
        return _season(g("season"), int(g("sy")), gr)
    if g("decade"):
        return _decade(int(g("decade")), g("dmod"), gr)
    if g("relday"):
        if ref.day is None or (g("relday")[:1].isupper() and re.search(r"[A-Z]\w*\s+$", before)):
            return None  # a capitalised day word after a name is part of it ("USA Today" is a newspaper)
        d = ref.day + dt.timedelta(days=gr.relday[g("relday").lower()])
        return d, d, "day"
    if g("relperiod"):
        return _relperiod(re.sub(r"\s+", " ", g("relperiod").lower()), ref, gr)
    if g("ago"):
        return _ago(m, ref, gr)
    if g("wd"):
        if gr.art_before.search(before) and _PROPER_AFTER.match(text, m.end()):
            return None  # "the Sunday Times"
        return _weekday(m, ref, gr)
    if g("mD"):
        if not (g("rel") or gr.bare_month_before.search(before)):
            return None
        mo = months[g("mD")]
        y = _infer_year(mo, 1, ref, anchor)
        return (dt.date(y, mo, 1), _month_end(y, mo), "month") if y else None
    if g("yE"):
        if not (g("rel") or gr.numbers.year_context_before.search(before)) or \
                gr.numbers.plural_noun_after.match(text, m.end()):
            return None
        y = int(g("yE"))
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    return None


def find_dates(text: str, published: DateValue | None, base: int = 0,
               rules: Rules | None = None, folded: str | None = None) -> list[DateMention]:
    """Every date expression in ``text`` that resolves; offsets are ``base`` + index into ``text``;
    ``rules`` is the language's rule pack (default English); ``folded`` is ``fold(text)`` when
    the caller has it."""
    g = _date_grammar(rules)
    ref = _ref(published)
    found = _scan(text, ref, base, g)
    if published is None:
        # Every date the text gives with its year; the yearless ones resolve after the latest.
        stated = [d.first for d in found if d.precision in ("day", "month")]
        found = _scan(text, _Ref(floor=max(stated)), base, g) if stated else found
    found = _offset_to_day(text, found, base, g)
    # "three days later" is not searched for in a text that lacks its words (kg/literals.py).
    later = g.rules.patterns.lazy("days_later")
    counted = _days_later(text, found, base, g) if later.may_match(fold(text) if folded is None else folded) else []
    return sorted(found + counted, key=lambda d: d.start)


def _offset_to_day(text: str, found: list[DateMention], base: int, g: _DateGrammar) -> list[DateMention]:
    """ "Two days before the vote on May 7", "the day before Sunday's election": the day counted from
    another event's day, which is that event's and dates nothing else here."""
    out = []
    for d in found:
        # "the day before Sunday's": the date's own "before" is the offset's.
        own = d.text[:len(d.text) - len(d.text.lstrip().split(None, 1)[-1])] if d.relation in ("before", "after") else ""
        probe = text[max(0, d.start - base - 60):d.start - base] + own
        m = g.offset_to_day.search(probe) if d.precision == "day" and d.first == d.last else None
        word = m.group("n").lower() if m else ""
        n = 1 if word in ("the", *g.article) else (int(word) if word.isdigit() else parse_number_word(word, g.rules))
        if m is None or not n or n > 60:
            out.append(d)
            continue
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        day = d.first + dt.timedelta(days=-days if m.group("dir").lower() == "before" else days)
        end = d.end + (2 if text[d.end - base:d.end - base + 2] in ("'s", "’s") else 0)
        start = d.start - len(probe) + len(own) + m.start()
        out.append(DateMention(start, end, text[start - base:end - base], day, day, "day", "at"))
    return out


def _scan(text: str, ref: _Ref, base: int, g: _DateGrammar) -> list[DateMention]:
    # A narrative that names a year ("In January 2021, ...") keeps it for the month-days that follow.
    anchor: dt.date | None = None
    found: list[DateMention] = []
    pos = 0
    # The memo's answer without a call per word: a text has a hundred words per date.
    known = g._starter_memo.get
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        starts = known(word)
        if not (g.is_starter(word) if starts is None else starts):
            continue
        start = tok.start()
        if start < pos:
            continue
        m = g.date.match(text, start)
        if m is None or m.end() == start:
            continue
        period = _resolve(text, m, ref, anchor, g)
        if period is None:
            if m.group("rel"):
                # "from 164 to ...": the relation word led nowhere; let its last word start again.
                continue
            pos = m.end()
            continue
        pos = m.end()
        first, last, precision = period
        if precision in ("day", "month") and any(m.group(k) for k in _EXPLICIT_YEAR):
            anchor = first
        relation = g.relation.get(re.sub(r"\s+", " ", m.group("rel").lower()), "at") if m.group("rel") else "at"
        found.append(DateMention(start + base, m.end() + base, text[start:m.end()], first, last,
                                 precision, relation))
    return found



def _days_later(text: str, found: list[DateMention], base: int, g: _DateGrammar) -> list[DateMention]:
    """ "Three days later", "the next day", "the same day", "two days earlier", "the previous day":
    counted from the last single day named before."""
    out: list[DateMention] = []
    # The single days by where they end, swept once: the one counted from is, of those ended before
    # the phrase, the last by start (the later listed on a tie), so the sweep is linear in the text.
    days = sorted(((d.end, (d.start, i), d) for i, d in enumerate(found)
                   if d.precision == "day" and d.first == d.last), key=lambda x: x[0])
    taken = 0
    taken_out = 0
    latest: tuple[tuple[int, int], DateMention] | None = None
    for m in g.days_later.finditer(text):
        limit = m.start() + base
        while taken < len(days) and days[taken][0] <= limit:
            if latest is None or days[taken][1] > latest[0]:
                latest = (days[taken][1], days[taken][2])
            taken += 1
        while taken_out < len(out) and out[taken_out].end <= limit:  # earlier phrases' days, in order
            key = (out[taken_out].start, len(found) + taken_out)
            if latest is None or key > latest[0]:
                latest = (key, out[taken_out])
            taken_out += 1
        n = days_counted(m, g) if latest is not None else None
        if n is None:
            continue
        day = latest[1].first + dt.timedelta(days=n)
        out.append(DateMention(m.start() + base, m.end() + base, m.group(0), day, day, "day", "at"))
    return out


def days_counted(m: re.Match, g: _DateGrammar) -> int | None:
    """The days a "days_later" phrase counts, after (+) or before (-) the day named; None when
    it counts none or more than 60."""
    word = m.group("n")
    if word is None or word.lower() in g.article:
        n = 1  # "the next day"; "a day later"
    else:
        n = int(word) if word.isdigit() else parse_number_word(word.lower(), g.rules)
    if m.group("same"):
        return 0
    if not n or n > 60:
        return None
    # "two days earlier", "the previous day": before the day named
    return -n if m.group("earlier") or m.group("earlier1") or m.group("previous") else n


def find_durations(text: str, base: int = 0, rules: Rules | None = None) -> list[DurationMention]:
    """Stated lengths of time in whole days ("within 10 days" -> 10, relation "within")."""
    g = _date_grammar(rules)
    found: list[DurationMention] = []
    for m in g.duration.finditer(text):
        word = m.group("num")
        n = 1 if word.lower() in g.article else parse_number_word(word, g.rules)
        unit = m.group("unit").lower()
        if n is None:
            continue
        per_day = g.numbers.hourunit.get(unit)
        if per_day:
            if n % per_day:
                continue
            days = n // per_day
        else:
            days = n * g.timeunit[unit]
        if days <= 0:
            continue
        relation = g.durationrel.get(m.group("rel").lower(), "for")
        found.append(DurationMention(m.start() + base, m.end() + base, m.group(), days, relation))
    return found


def find_day_counts(text: str, base: int = 0, rules: Rules | None = None) -> list[DayCount]:
    """Which day (night, week) of a lasting event ``text`` tells: "raged through a third day" is two
    days after its first; "its second week" seven to thirteen."""
    g = _date_grammar(rules)
    out = []
    for m in g.nth_day.finditer(text):
        n = g.ordinal[m.group("ord").lower()] if m.group("ord") else int(m.group("num"))
        if not 1 <= n <= 60:
            continue
        least, most = ((n - 1) * 7, n * 7 - 1) if m.group("unit").lower() == "week" else (n - 1, n - 1)
        out.append(DayCount(m.start() + base, m.end() + base, m.group(), least, most))
    return out
