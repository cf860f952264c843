"""Counts as journalists write them: "2,500-strong", "more than 2,000", "a dozen", "dozens".

``find_numbers`` reports every number-like span that is not part of a date, a time, an ordinal or
an identifier ("Resolution 2100", "Il-76", "COVID-19"). Spans that are numbers but not counts are
still reported, flagged, so the caller can skip them: years and decades (``is_year``), and
percentages, money, ages and durations (``unit``). ``NumberMention.is_count`` combines the flags.

How a qualifier shapes the ``Quantity`` (the words live in the rule pack, kg/data/en/number_words.tsv):

- exact ("164 people")                       value=164
- approx ("around 9,000", "some 1,000")       value=9000, approximate
- min ("more than 2,000", "at least 26",
  "3,000+")                                  value=2000, approximate, min_value=2000
- max ("nearly 10,000", "as many as 300")     value=10000, approximate, max_value=10000
- upto ("up to 300")                          no value, max_value=300 (a ceiling, not an estimate)
- below ("fewer than 50")                     no value, max_value=49
- range ("between 3 and 16", "10-15",
  "two or three")                            no value, min_value=3, max_value=16
- vague ("dozens", "hundreds", "tens of
  thousands")                                no value, min_value = 2 x the scale (24, 200, 20000)
- vague alternatives ("dozens, perhaps
  hundreds")                                 no value, min_value of the first, no max_value: the
                                             writer says it may be far more, so any ceiling we
                                             chose would be invented.

Non-integral values ("1.5" alone, "2.5%") are rounded: counts are whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Quantity
from kg.rules import default_rules

__all__ = ["NumberMention", "find_numbers", "parse_number_word", "date_part_spans",
           "CARDINAL_RE", "MONTHS", "MONTH_RE", "alternation", "YEAR_CONTEXT_BEFORE", "PLURAL_NOUN_AFTER"]


_W = default_rules().number_words
_D = default_rules().date_words

_SMALL: dict[str, int] = {w: int(v) for k in ("unit", "teen", "tens") for w, v in _W[k].items()}
_KIND: dict[str, str] = {w: k for k in ("unit", "teen", "tens", "scale", "dozen") for w in _W[k]}
_SCALE: dict[str, int] = {w: int(v) for w, v in _W["scale"].items()}
_SCALE.update({w: int(v) for w, v in _W["dozen"].items()})
_VAGUE: dict[str, int] = {w: int(v) for w, v in _W["vague"].items()}
_QUAL: dict[str, str] = {
    w: k for k in ("approx", "min", "max", "upto", "below") for w in _W[k]
}
_TIMEUNIT: dict[str, int] = {w: int(v) for w, v in _W["timeunit"].items()}
# "day" and "days" are one unit, named by its plural.
_UNIT_CANON: dict[str, str] = {w: w if f"{w}s" not in _TIMEUNIT else f"{w}s" for w in _TIMEUNIT}


def alternation(words) -> str:
    """A regex alternation of literal phrases, longest first ("tens of thousands" before "thousands")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cased(words) -> str:
    """Capitalised or UPPER-CASE forms only: "May" and "MAY", never "may"."""
    forms = {f for w in words for f in (w, w.upper())}
    return alternation(forms)


MONTHS: dict[str, int] = {}
for _w, _v in _D["month"].items():
    MONTHS[_w] = MONTHS[_w.upper()] = int(_v)
MONTH_RE = _cased(_D["month"])

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = alternation(set(_SMALL) | set(_SCALE))
# "a hundred", "two dozen", "twenty-five", "one hundred and twenty"
_WORDS = rf"(?:an?\s+(?=(?:{alternation(_SCALE)})\b))?(?:{_WORD})(?:(?:\s*-\s*|\s+(?:and\s+)?)(?:{_WORD}))*"
# One cardinal in digits or words, for other parsers' patterns ("within ten days").
CARDINAL_RE = rf"(?:{_DIGITS}|{_WORDS})"
_CUR = r"US\$|C\$|A\$|\$|€|£|¥|₽|₸|USD\s?|EUR\s?"
# A number: digits (optionally scaled: "1.5 million") or number words; word boundaries written
# out because "," "." "-" "/" ":" next to digits make them part of something else.
_NUM = (
    rf"(?:(?<![\w.,/:\-–])(?:{_DIGITS})(?:\s*(?:{alternation(_SCALE)})\b)?(?![\w]|[.,:/]\d)"
    rf"|(?<![\w\-])(?:{_WORDS})\b(?!-(?:\d)))"
)
# The second number of a range follows its separator directly ("10-15").
_NUM2 = _NUM.replace(r"(?<![\w.,/:\-–])", r"(?<![\w.,])", 1)
_QUALS = alternation(_QUAL)
_CONNECT = r",?\s*(?:and\s+|or\s+)?(?:perhaps|possibly|maybe|probably|even|if\s+not|or)\s+(?:even\s+)?"

_MASTER = re.compile(
    rf"""
    (?:(?P<qual>{_QUALS})\s+)?
    (?:
        between\s+(?P<b1>{_NUM})\s+and\s+(?P<b2>{_NUM})
      | (?P<v1>{alternation(_VAGUE)})\b(?:{_CONNECT}(?P<v2>{alternation(_VAGUE)})\b)?
      | (?P<few>{alternation(_W['few'])})\s+(?P<fewscale>{alternation(_SCALE)})s?\b
      | (?P<couple>a\s+couple(?:\s+of)?)\b
      | (?<![\w.,/:–])(?P<decade>1[5-9]\d0|20\d0)(?P<ds>'?s)\b
      | (?P<cur>{_CUR})?(?P<n1>{_NUM})
        (?:
            (?P<rsep>\s*[-–]\s*|\s+to\s+|\s+or\s+)(?P<n2>{_NUM2})
          | (?P<plus>\+)
        )?
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Trying the big pattern at every character is slow; try it only where a number could begin.
_TOKEN = re.compile(r"[^\W\d_]+|\d|[$€£¥₽₸]")
_STARTERS = frozenset(
    p.split()[0].lower()
    for p in [*_SMALL, *_SCALE, *_VAGUE, *_QUAL, *_W["few"], "between", "a", "an", "USD", "EUR", "US", "C", "A"]
)

# Date shapes whose numbers are not counts. Month names are case-sensitive on purpose.
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_PARTS = re.compile(
    rf"""
    (?<![\w])(?:{MONTH_RE})\.?\s+{_DAY}(?:\s*[-–]\s*{_DAY})?(?![\d,]\d)(?:,?\s+\d{{4}}\b)?
  | (?<![\w.,])\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?(?:{MONTH_RE})\b\.?(?:,?\s+\d{{4}}\b)?
  | (?<![\w])(?:{MONTH_RE})\.?,?\s+\d{{4}}\b
  | (?<![\w.])\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}(?![\w.]\d)
  | (?<![\w.])\d{{4}}-\d{{2}}-\d{{2}}\b
    """,
    re.VERBOSE,
)

_TIME_AFTER = re.compile(
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|GMT\b|UTC\b|hrs\b|h\b|o'clock\b|local time\b|Moscow time\b)"
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b|pct\b|percentage points?\b)", re.I)
_CURRENCY_AFTER = re.compile(rf"\s+(?:{alternation(_W['currency'])})\b")
_AGE_AFTER = re.compile(r"\s*-?\s*years?\s*-?\s*old\b", re.I)
_AGE_BEFORE = re.compile(r"\baged\s+$", re.I)
_UNIT_AFTER = re.compile(rf"(?P<sep>\s*-\s*|\s+)(?P<u>{alternation(_TIMEUNIT)})\b", re.I)
_STRENGTH_AFTER = re.compile(r"-(?:strong|man|men|member|person|soldier|troop)\b", re.I)
_COMPOUND_AFTER = re.compile(r"-[A-Za-z]")
_IDPREFIX_BEFORE = re.compile(rf"(?<![\w.])(?:{alternation(_W['idprefix'])})\s*$")
# A bare 4-digit number is a year after "in", "since", "the", "'s"...; a count before a plural noun.
YEAR_CONTEXT_BEFORE = re.compile(rf"(?:\b(?:{alternation(_W['yearprep'])})|'s|’s|mid-)\s*$", re.I)
PLURAL_NOUN_AFTER = re.compile(r"\s+(?!(?:was|has|is|saw|sees|marks|as|this|its|his|hers|plus)\b)[a-z]+s\b")
_NONCOUNT_ONE_BEFORE = re.compile(r"\b(?:no|any|every|each|which|this|that|the)\s+$", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|rose|raised|increased|climbed|jumped|fell|dropped)\s+$", re.I)


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    quantity: Quantity
    is_year: bool = False
    unit: str | None = None  # "percent" | "currency" | "age" | "decade" | "duration:days" ...

    @property
    def is_count(self) -> bool:
        """True for a count of things: not a year, a percentage, money, an age or a duration."""
        return not self.is_year and self.unit is None


def _tokens(s: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", s.lower()) if t]


def _parse_words(tokens: list[str]) -> int | None:
    """English cardinal words to an int; None unless every token is used grammatically."""
    total, current, last, last_scale = 0, 0, "", 10**12
    seen_any = False
    for i, tok in enumerate(tokens):
        if tok in ("a", "an") and i == 0:
            current, last = 1, "unit"
            continue
        if tok == "and":
            if last != "scale":
                return None
            continue
        kind = _KIND.get(tok)
        if kind is None:
            return None
        seen_any = True
        if kind in ("unit", "teen"):
            if last in ("unit", "teen") or (last == "tens" and kind == "teen"):
                return None
            current += _SMALL[tok]
        elif kind == "tens":
            if last in ("unit", "teen", "tens"):
                return None
            current += _SMALL[tok]
        else:  # scale or dozen
            mult = _SCALE[tok]
            if last == "scale" and mult >= 1000 and current == 0:
                return None
            if mult == 100 or tok in _W["dozen"]:
                current = (current or 1) * mult
            else:
                if mult >= last_scale:
                    return None
                total += (current or 1) * mult
                current, last_scale = 0, mult
            kind = "scale"
        last = kind
    return total + current if seen_any else None


def _parse_digits(s: str) -> float | None:
    m = re.fullmatch(rf"({_DIGITS})(?:\s*({alternation(_SCALE)}))?", s.strip(), re.I)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    if m.group(2):
        value *= _SCALE[m.group(2).lower()]
    return value


def parse_number_word(s: str) -> int | None:
    """"eleven" -> 11, "a dozen" -> 12, "2,500" -> 2500, "1.5 million" -> 1500000; else None."""
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit():
        value = _parse_digits(s)
        return None if value is None else round(value)
    if re.fullmatch(r"a\s+couple(?:\s+of)?", s, re.I):
        return 2
    return _parse_words(_tokens(s))


def date_part_spans(text: str) -> list[tuple[int, int]]:
    """Spans of calendar dates written with numbers ("Jan. 6", "6 January 2022", "13.01.22")."""
    return [m.span() for m in _DATE_PARTS.finditer(text)]


def _in_date(text: str, start: int, end: int) -> bool:
    """Whether [start, end) touches a written date; only a window around it is searched (speed)."""
    for d in _DATE_PARTS.finditer(text, max(0, start - 16), min(len(text), end + 18)):
        if d.start() < end and start < d.end():
            return True
    return False


def _qualified(value: int, qual: str | None) -> Quantity:
    kind = _QUAL.get(re.sub(r"\s+", " ", qual.lower())) if qual else None
    if kind == "approx":
        return Quantity(value=value, approximate=True)
    if kind == "min":
        return Quantity(value=value, approximate=True, min_value=value)
    if kind == "max":
        return Quantity(value=value, approximate=True, max_value=value)
    if kind == "upto":
        return Quantity(approximate=True, max_value=value)
    if kind == "below":
        return Quantity(approximate=True, max_value=value - 1)
    return Quantity(value=value)


def _is_year_like(s: str) -> bool:
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d|2100", s))


def _classify(text: str, m: re.Match, start: int, end: int) -> tuple[str | None, bool, int]:
    """(unit, is_year, new_end) for a single number, from the words around it."""
    n1 = m.group("n1")
    after = text[end:end + 40]
    before = text[max(0, start - 30):start]
    if m.group("cur") or _CURRENCY_AFTER.match(after):
        cm = _CURRENCY_AFTER.match(after)
        return "currency", False, end + (cm.end() if cm else 0)
    if (pm := _PERCENT_AFTER.match(after)):
        return "percent", False, end + pm.end()
    if (am := _AGE_AFTER.match(after)):
        return "age", False, end + am.end()
    if _AGE_BEFORE.search(before):
        return "age", False, end
    if (um := _UNIT_AFTER.match(after)):
        return f"duration:{_UNIT_CANON[um.group('u').lower()]}", False, end + um.end()
    if n1 and _is_year_like(n1) and not m.group("qual") and not m.group("plus"):
        if YEAR_CONTEXT_BEFORE.search(before) or not PLURAL_NOUN_AFTER.match(after):
            return None, True, end
    return None, False, end


def find_numbers(text: str, base: int = 0) -> list[NumberMention]:
    """Every number in ``text``; offsets are ``base`` + index into ``text``."""
    found: list[NumberMention] = []
    pos = 0
    for tok in _TOKEN.finditer(text):
        start = tok.start()
        if start < pos or not (tok.group()[0] in "0123456789$€£¥₽₸" or tok.group().lower() in _STARTERS):
            continue
        m = _MASTER.match(text, start)
        if m is None:
            continue
        end = m.end()
        pos = max(end, start + 1)
        if _in_date(text, start, end):
            # A count right before a date ("164 on January 6") still counts: retry without the date.
            if not (m.group("n1") and not _in_date(text, m.start("n1"), m.end("n1"))):
                continue
            m = _MASTER.match(text, start, m.end("n1"))
            if m is None:
                continue
        mention = _mention(text, m)
        if mention is None:
            continue
        s, e = mention[0], mention[1]
        # A rejected range ("from 164 to 225") gives its first number; the second is read next.
        pos = min(pos, e) if e > start else pos
        found.append(NumberMention(s + base, e + base, text[s:e], *mention[2:]))
    return found


def _mention(text: str, m: re.Match):
    start, end = m.span()
    qual = m.group("qual")
    if m.group("b1"):
        lo, hi = parse_number_word(m.group("b1")), parse_number_word(m.group("b2"))
        if lo is None or hi is None:
            return None
        return start, end, Quantity(approximate=True, min_value=min(lo, hi), max_value=max(lo, hi)), False, None
    if m.group("v1"):
        low = _VAGUE[re.sub(r"\s+", " ", m.group("v1").lower())]
        return start, end, Quantity(approximate=True, min_value=low), False, None
    if m.group("few"):
        scale = _SCALE[m.group("fewscale").lower()]
        low = int(_W["few"][re.sub(r"\s+", " ", m.group("few").lower())]) * scale
        return start, end, Quantity(approximate=True, min_value=low), False, None
    if m.group("couple"):
        return start, end, Quantity(value=2, approximate=True), False, None

    if m.group("decade"):
        # "the 1990s": a decade, reported as a year so that callers skip it.
        return start, end, Quantity(value=int(m.group("decade"))), True, "decade"
    n1 = m.group("n1")
    if _IDPREFIX_BEFORE.search(text[max(0, m.start("n1") - 20):m.start("n1")]):
        return None
    if _TIME_AFTER.match(text, m.end("n1")) and n1[0].isdigit():
        return None
    if n1.lower() == "one" and _NONCOUNT_ONE_BEFORE.search(text[max(0, start - 10):start]):
        return None
    v1 = parse_number_word(n1)
    if v1 is None:
        return None

    n2 = m.group("n2")
    if n2 is not None:
        v2 = parse_number_word(n2)
        sep = m.group("rsep").strip().lower()
        plausible = v2 is not None and v2 > v1 and not (sep == "to" and _FROM_BEFORE.search(text[max(0, start - 12):start]))
        if sep == "or" and not (n1[0].isdigit() == n2[0].isdigit()):
            plausible = False
        if plausible and _is_year_like(n1) and _is_year_like(n2) and sep != "or":
            return start, end, Quantity(approximate=True, min_value=v1, max_value=v2), True, None
        if plausible:
            unit, _, end2 = _classify(text, m, start, end)
            return start, end2, Quantity(approximate=True, min_value=v1, max_value=v2), False, unit
        end = m.end("n1")  # not a range: keep the first number only

    if m.group("plus"):
        quantity = Quantity(value=v1, approximate=True, min_value=v1)
    else:
        quantity = _qualified(v1, qual)
    if _STRENGTH_AFTER.match(text, end):
        sm = _STRENGTH_AFTER.match(text, end)
        return start, sm.end(), quantity, False, None
    unit, is_year, end = _classify(text, m, start, end)
    if unit is None and not is_year and _COMPOUND_AFTER.match(text, end):
        return None  # "five-member", "one-sided": an adjective, not a count
    if unit is None and not is_year and n1[0].isdigit() and "." in n1.replace(",", "") and not re.search(
            alternation(_SCALE), n1, re.I):
        # A bare decimal ("3.5") is a measure or a score, never a count of people.
        return None
    return start, end, quantity, is_year, unit
