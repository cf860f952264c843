"""Dates and durations as news text writes them, resolved against the publication date.

``find_dates`` returns the calendar period each expression denotes. Rules (words in
kg/data/en/date_words.tsv):

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
- Seasons are northern meteorological ones: "the fall of 2020" is 2020-09-01..2020-11-30,
  precision "season"; "the early 1990s" is 1990-1993 (mid: 4-6, late: 7-9), precision "decade".
- What needs a finer publication date than known is left out: weekdays, "yesterday" and weeks
  need a day; "last month" a month; "last year" a year. Absolute dates need nothing.
- Expressions relative to other events ("a week after") are not dates and are skipped.

``DateMention.relation`` comes from the word before ("since", "until", "by", "before", "after");
the span then includes that word. "on"/"in" are left outside the span.

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

from kg.extract.numbers import (
    CARDINAL_RE, MONTH_RE, MONTHS, PLURAL_NOUN_AFTER, YEAR_CONTEXT_BEFORE, alternation, parse_number_word,
)
from kg.model import DateValue
from kg.rules import default_rules

__all__ = ["DateMention", "DurationMention", "find_dates", "find_durations"]

_D = default_rules().date_words
_W = default_rules().number_words


WEEKDAYS: dict[str, int] = {}
for _w, _v in _D["weekday"].items():
    WEEKDAYS[_w] = WEEKDAYS[_w.upper()] = int(_v)
_WEEKDAY_RE = alternation(WEEKDAYS)
_MONTH_NOT_MAY = alternation(w for w in MONTHS if w.lower() != "may")
_RELATION: dict[str, str] = {w.lower(): v for w, v in _D["relation"].items()}
_SEASON: dict[str, str] = _D["season"]
_RELDAY: dict[str, int] = {w: int(v) for w, v in _D["relday"].items()}
_RELPERIOD: dict[str, str] = _D["relperiod"]
_TIMEUNIT: dict[str, int] = {w: int(v) for w, v in _W["timeunit"].items()}

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"

_DATE = re.compile(
    rf"""
    (?:(?P<rel>(?i:{alternation(_RELATION)}))\s+(?:(?i:on|in|the)\s+)?)?
    (?:
        (?:(?:{_WEEKDAY_RE}),?\s+)?(?P<mA>{MONTH_RE})\.?\s+(?P<dA>{_DAY})(?:\s*[-–]\s*(?P<dA2>{_DAY}))?
            (?![\d,]\d)(?:,?\s+(?P<yA>{_YEAR})(?!\d))?\b
      | (?:(?:{_WEEKDAY_RE}),?\s+)?(?:the\s+)?(?<![\w.,])(?P<dB>{_DAY})(?:\s*[-–]\s*(?P<dB2>{_DAY}))?\s+(?:of\s+)?
            (?P<mB>{MONTH_RE})\b\.?(?:,?\s+(?P<yB>{_YEAR})(?!\d))?
      | (?P<mC>{MONTH_RE})\.?,?\s+(?P<yC>{_YEAR})(?!\d)
      | (?<![\w.])(?P<nd>\d{{1,2}})\.(?P<nm>\d{{1,2}})\.(?P<ny>\d{{4}}|\d{{2}})(?![\w.]\d|\d)
      | (?<![\w.])(?P<iy>{_YEAR})-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)
      | (?:(?i:the)\s+)?(?P<season>(?i:{alternation(_SEASON)}))\s+(?:of\s+)?(?P<sy>{_YEAR})(?!\d)
      | (?:(?i:the)\s+)?(?:(?P<dmod>(?i:early|mid|late))[\s-]+)?(?<![\w.,])(?P<decade>1[5-9]\d0|20\d0)'?s\b
      | (?P<relday>(?i:{alternation(_RELDAY)}))\b
      | (?P<relperiod>(?i:{alternation(_RELPERIOD)}))\b
      | (?P<ago>(?i:{CARDINAL_RE}|an?))\s+(?P<agounit>(?i:days?|weeks?|months?|years?))\s+ago\b
      | (?:(?P<wdmod>(?i:last|next|this|overnight|early|late)(?:\s+on)?)\s+)?(?P<wd>{_WEEKDAY_RE})\b
            (?:\s+(?i:night|morning|afternoon|evening))?
      | (?P<mD>{_MONTH_NOT_MAY})\b
      | (?<![\w.,])(?P<yE>{_YEAR})(?![\w]|[.,]\d)
    )
    """,
    re.VERBOSE,
)
# A bare month or year is a date only after a word like "in"/"since"/"the"; a bare number never.
_BARE_MONTH_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|through|during|before|after|of|early|late|last|this|next|"
    r"mid|In|Since|By|Until|From|Through|During|Before|After|Early|Late|Last|This|Next)|mid-)\s*$"
)
_PROPER_AFTER = re.compile(r"\s+[A-Z][a-z]")
_ART_BEFORE = re.compile(r"\b(?:the|The|a|A)\s+$")

_TOKEN = re.compile(r"[^\W\d_]+|\d")
_STARTERS = frozenset(
    {w.split()[0].lower() for w in [*_RELATION, *_SEASON, *_RELDAY, *_RELPERIOD]}
    | {"the", "early", "mid", "late", "last", "next", "this", "overnight", "a", "an"}
    | {w.split()[0].lower() for w in (*_W["unit"], *_W["teen"], *_W["tens"])}
)
_CASED_STARTERS = frozenset(MONTHS) | frozenset(WEEKDAYS)

_EXPLICIT_YEAR = ("yA", "yB", "yC", "ny", "iy")
_ANCHOR_DAYS = 92


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    first: dt.date
    last: dt.date
    precision: str  # "day" | "week" | "month" | "season" | "year" | "decade"
    relation: str = "at"  # "at" | "since" | "until" | "by" | "before" | "after"

    @property
    def value(self) -> DateValue | None:
        """The period as a DateValue when it is exactly one day, month or year."""
        f, l = self.first, self.last
        if self.precision == "day" and f == l:
            return DateValue(f.isoformat())
        if self.precision == "month" and (f.year, f.month) == (l.year, l.month):
            return DateValue(f"{f.year:04d}-{f.month:02d}")
        if self.precision == "year" and f.year == l.year:
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
class _Ref:
    """What is known of the publication date."""

    year: int | None = None
    month: int | None = None
    day: dt.date | None = None

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
        return None
    horizon = latest + dt.timedelta(days=7)
    for y in (latest.year + 1, latest.year, latest.year - 1):
        d = _safe_date(y, month, day)
        if d is not None and d <= horizon:
            return y
    return None


Period = tuple[dt.date, dt.date, str]


def _month_day(month: int, d1: str, d2: str | None, year: str | None, ref: _Ref,
               anchor: dt.date | None) -> Period | None:
    a, b = _day(d1), _day(d2) if d2 else _day(d1)
    y = int(year) if year else _infer_year(month, a, ref, anchor)
    if y is None or b < a:
        return None
    first, last = _safe_date(y, month, a), _safe_date(y, month, b)
    return (first, last, "day") if first and last else None


def _weekday(m: re.Match, ref: _Ref) -> Period | None:
    if ref.day is None:
        return None
    wd = WEEKDAYS[m.group("wd")]
    mod = (m.group("wdmod") or "").lower().split()[0] if m.group("wdmod") else ""
    if mod == "next":
        ahead = (wd - ref.day.weekday()) % 7 or 7
        d = ref.day + dt.timedelta(days=ahead)
    else:
        back = (ref.day.weekday() - wd) % 7
        if mod == "last" and back == 0:
            back = 7
        d = ref.day - dt.timedelta(days=back)
    return d, d, "day"


def _relperiod(phrase: str, ref: _Ref) -> Period | None:
    unit, offset, part = _RELPERIOD[phrase].split(":")
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
        last = ref.day
    elif part == "later" and ref.day:
        first = ref.day
    return first, last, precision


def _ago(m: re.Match, ref: _Ref) -> Period | None:
    word = m.group("ago")
    n = 1 if word.lower() in ("a", "an") else parse_number_word(word)
    unit = m.group("agounit").lower().rstrip("s")
    if n is None:
        return None
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


def _season(name: str, year: int) -> Period:
    a, b = _SEASON[name.lower()].split("/")
    (am, ad), (bm, bd) = (map(int, a.split("-")), map(int, b.split("-")))
    end_year = year + 1 if (bm, bd) < (am, ad) else year
    bd = min(bd, calendar.monthrange(end_year, bm)[1])
    return dt.date(year, am, ad), dt.date(end_year, bm, bd), "season"


def _decade(start_year: int, mod: str | None) -> Period:
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get((mod or "").lower(), (0, 9))
    return dt.date(start_year + lo, 1, 1), dt.date(start_year + hi, 12, 31), "decade"


def _resolve(text: str, m: re.Match, ref: _Ref, anchor: dt.date | None) -> Period | None:
    g = m.group
    before = text[max(0, m.start() - 20):m.start()]
    if g("mA"):
        return _month_day(MONTHS[g("mA")], g("dA"), g("dA2"), g("yA"), ref, anchor)
    if g("mB"):
        return _month_day(MONTHS[g("mB")], g("dB"), g("dB2"), g("yB"), ref, anchor)
    if g("mC"):
        y, mo = int(g("yC")), MONTHS[g("mC")]
        return dt.date(y, mo, 1), _month_end(y, mo), "month"
    if g("nd"):
        y = int(g("ny")) + (2000 if len(g("ny")) == 2 else 0)
        d = _safe_date(y, int(g("nm")), int(g("nd")))
        return (d, d, "day") if d else None
    if g("iy"):
        d = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
        return (d, d, "day") if d else None
    if g("season"):
        return _season(g("season"), int(g("sy")))
    if g("decade"):
        return _decade(int(g("decade")), g("dmod"))
    if g("relday"):
        if ref.day is None or (g("relday") == "Today" and re.search(r"[A-Z]\w*\s+$", before)):
            return None  # "USA Today" is a newspaper
        d = ref.day + dt.timedelta(days=_RELDAY[g("relday").lower()])
        return d, d, "day"
    if g("relperiod"):
        return _relperiod(re.sub(r"\s+", " ", g("relperiod").lower()), ref)
    if g("ago"):
        return _ago(m, ref)
    if g("wd"):
        if _ART_BEFORE.search(before) and _PROPER_AFTER.match(text, m.end()):
            return None  # "the Sunday Times"
        return _weekday(m, ref)
    if g("mD"):
        if not (g("rel") or _BARE_MONTH_BEFORE.search(before)):
            return None
        mo = MONTHS[g("mD")]
        y = _infer_year(mo, 1, ref, anchor)
        return (dt.date(y, mo, 1), _month_end(y, mo), "month") if y else None
    if g("yE"):
        if not (g("rel") or YEAR_CONTEXT_BEFORE.search(before)) or PLURAL_NOUN_AFTER.match(text, m.end()):
            return None
        y = int(g("yE"))
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    return None


def find_dates(text: str, published: DateValue | None, base: int = 0) -> list[DateMention]:
    """Every date expression in ``text`` that resolves; offsets are ``base`` + index into ``text``."""
    ref = _ref(published)
    # A narrative that names a year ("In January 2021, ...") keeps it for the month-days that follow.
    anchor: dt.date | None = None
    found: list[DateMention] = []
    pos = 0
    for tok in _TOKEN.finditer(text):
        start, word = tok.start(), tok.group()
        if start < pos or not (word[0].isdigit() or word in _CASED_STARTERS or word.lower() in _STARTERS):
            continue
        m = _DATE.match(text, start)
        if m is None or m.end() == start:
            continue
        period = _resolve(text, m, ref, anchor)
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
        relation = _RELATION.get(re.sub(r"\s+", " ", m.group("rel").lower()), "at") if m.group("rel") else "at"
        found.append(DateMention(start + base, m.end() + base, text[start:m.end()], first, last,
                                 precision, relation))
    return sorted(found + _days_later(text, found, base), key=lambda d: d.start)


_DAYS_LATER = re.compile(
    r"\b(?:(?P<n>[A-Za-z]+|\d{1,2})\s+days?\s+later|(?:a|one)\s+day\s+later|"
    r"the\s+(?:next|following)\s+day|the\s+day\s+after|(?P<same>the\s+same\s+day|that\s+same\s+day))\b", re.I)


def _days_later(text: str, found: list[DateMention], base: int) -> list[DateMention]:
    """ "Three days later", "the next day", "the same day": counted from the last single day named before."""
    out = []
    for m in _DAYS_LATER.finditer(text):
        before = [d for d in sorted(found + out, key=lambda d: d.start)
                  if d.end - base <= m.start() and d.precision == "day" and d.first == d.last]
        if not before:
            continue
        word = m.group("n")
        n = 1 if word is None else (int(word) if word.isdigit() else parse_number_word(word.lower()))
        if m.group("same"):
            n = 0
        elif not n or n > 60:
            continue
        day = before[-1].first + dt.timedelta(days=n)
        out.append(DateMention(m.start() + base, m.end() + base, m.group(0), day, day, "day", "at"))
    return out


_DURATION = re.compile(
    rf"""
    \b(?P<rel>(?i:within|for|in|over|during|takes?|took|taking|lasts?|lasted|lasting|spent|spends?|spending))
    (?:\s+(?i:us|them|him|her|it|me|you))?
    (?:\s+(?i:the|a\s+period\s+of))?
    (?:\s+(?i:next|coming|following|past|last|first|initial|further|another|additional))?
    (?:\s+(?i:about|around|some|roughly|approximately|nearly|almost|less\s+than|more\s+than|no\s+more\s+than|no\s+longer\s+than|not\s+more\s+than|up\s+to|at\s+least|at\s+most|just|only))?
    \s+(?P<num>(?i:{CARDINAL_RE}|an?))\s+(?P<unit>(?i:{alternation(_TIMEUNIT)}))\b
    (?!\s*(?:ago|later|earlier|after|before|from\s+now|old|-?old)\b)(?!-)
    """,
    re.VERBOSE,
)
_DURATION_REL = {"within": "within", "in": "in", "over": "over", "during": "over"}


def find_durations(text: str, base: int = 0) -> list[DurationMention]:
    """Stated lengths of time in whole days ("within 10 days" -> 10, relation "within")."""
    found: list[DurationMention] = []
    for m in _DURATION.finditer(text):
        word = m.group("num")
        n = 1 if word.lower() in ("a", "an") else parse_number_word(word)
        unit = m.group("unit").lower()
        if n is None:
            continue
        if unit.startswith("hour"):
            if n % 24:
                continue
            days = n // 24
        else:
            days = n * _TIMEUNIT[unit]
        if days <= 0:
            continue
        relation = _DURATION_REL.get(m.group("rel").lower(), "for")
        found.append(DurationMention(m.start() + base, m.end() + base, m.group(), days, relation))
    return found
