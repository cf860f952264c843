"""Counts as journalists write them: "2,500-strong", "more than 2,000", "a dozen", "dozens".

``find_numbers`` reports every number-like span that is not part of a date, a time, an ordinal or
an identifier ("Resolution 2100", "Il-76", "COVID-19"). Spans that are numbers but not counts are
still reported, flagged, so the caller can skip them: years and decades (``is_year``), and
percentages, money, ages and durations (``unit``). ``NumberMention.is_count`` combines the flags.

The words and patterns live in the rule pack (kg/data/en/number_words.tsv, and the templates in
patterns.tsv whose ``{=slot}`` placeholders are filled from those words); ``number_grammar`` builds
them once per ``Rules`` object, and every function takes ``rules`` (default: the English pack).

How a qualifier shapes the ``Quantity``:

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
from functools import lru_cache

from kg import regex_code
from kg.model import Quantity
from kg.rules import Rules, default_rules, fill

__all__ = ["NumberMention", "find_numbers", "parse_number_word", "number_grammar", "NumberGrammar",
           "alternation"]


def alternation(words) -> str:
    """A regex alternation of literal phrases, longest first ("tens of thousands" before "thousands").
    Phrases of one length are in alphabetical order: from a set, the same words then make the same
    regex in every process, which the cache of compiled code (kg/regex_code.py) is keyed by.

    The alternation is led by a lookahead for the phrases' first characters: tried where none
    starts (a digit, for a date's month or relation words), it fails at once instead of trying
    every phrase in turn. The lookahead is read under the alternation's own flags, so it admits
    every character the phrases' first ones match (a case-insensitive "K" admits the Kelvin sign)."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    if not ordered or "" in ordered:
        return "|".join(re.escape(w) for w in ordered)
    firsts = "".join(re.escape(c) for c in sorted({w[0] for w in ordered}))
    return f"(?=[{firsts}])(?:{'|'.join(re.escape(w) for w in ordered)})"


def _cased(words) -> str:
    """Capitalised or UPPER-CASE forms only: "May" and "MAY", never "may"."""
    forms = {f for w in words for f in (w, w.upper())}
    return alternation(forms)


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:\.\d+)?"
_CUR = r"US\$|C\$|A\$|\$|€|£|¥|₽|₸|USD\s?|EUR\s?"
# Trying the big pattern at every character is slow; try it only where a number could begin.
_TOKEN = re.compile(r"[^\W\d_]+|\d|[$€£¥₽₸]")
_COMPOUND_AFTER = re.compile(r"-[A-Za-z]")


class NumberGrammar:
    """One rule pack's number words and patterns (templates from patterns.tsv filled from its
    word tables), built once per ``Rules`` object by ``number_grammar``."""

    def __init__(self, rules: Rules):
        w, d = rules.number_words, rules.date_words
        self.rules = rules
        self.words = w
        self.small: dict[str, int] = {x: int(v) for k in ("unit", "teen", "tens") for x, v in w[k].items()}
        self.kind: dict[str, str] = {x: k for k in ("unit", "teen", "tens", "scale", "dozen") for x in w[k]}
        self.scale: dict[str, int] = {x: int(v) for x, v in w["scale"].items()}
        self.scale.update({x: int(v) for x, v in w["dozen"].items()})
        self.vague: dict[str, int] = {x: int(v) for x, v in w["vague"].items()}
        self.qual: dict[str, str] = {x: k for k in ("approx", "min", "max", "upto", "below") for x in w[k]}
        self.timeunit: dict[str, int] = {x: int(v) for x, v in w["timeunit"].items()}
        self.article = frozenset(w["article"])  # "a hundred": one
        self.connector = frozenset(w["connector"])  # "one hundred and five"
        self.hourunit: dict[str, int] = {x: int(v) for x, v in w["hourunit"].items()}  # "48 hours": 2 days
        # "day" and "days" are one unit, named by its plural.
        self.unit_canon: dict[str, str] = {
            x: x if f"{x}s" not in self.timeunit else f"{x}s" for x in self.timeunit}
        self.months: dict[str, int] = {}
        for x, v in d["month"].items():
            self.months[x] = self.months[x.upper()] = int(v)
        self.month_re = _cased(d["month"])
        self.scale_re = alternation(self.scale)
        self.slots: dict[str, str] = {
            "digits": _DIGITS,
            "number_word": alternation(set(self.small) | set(self.scale)),
            "scale": self.scale_re,
            "qual": alternation(self.qual),
            "vague": alternation(self.vague),
            "few": alternation(w["few"]),
            "currency_sign": _CUR,
            "currency": alternation(w["currency"]),
            "timeunit": alternation(self.timeunit),
            "idprefix": alternation(w["idprefix"]),
            "yearprep": alternation(w["yearprep"]),
            "month": self.month_re,
        }
        t = self.template
        self.master = t("number")
        self.date_parts = t("date_parts")
        self.currency_after = t("number_currency_after")
        self.unit_after = t("number_unit_after")
        self.idprefix_before = t("number_idprefix_before")
        self.year_context_before = t("year_context_before")
        p = rules.pattern
        self.couple = p("couple_phrase")
        self.one = p("number_one")
        self.start = p("number_start")
        self.time_after = p("number_time_after")
        self.percent_after = p("number_percent_after")
        self.age_after = p("number_age_after")
        self.age_before = p("number_age_before")
        self.strength_after = p("number_strength_after")
        self.noncount_one_before = p("number_noncount_one_before")
        self.from_before = p("number_from_before")
        self.plural_noun_after = p("plural_noun_after")
        self.digits_scaled = re.compile(rf"({_DIGITS})(?:\s*({self.scale_re}))?", re.I)
        self.starters = frozenset(
            x.split()[0].lower()
            for x in [*self.small, *self.scale, *self.vague, *self.qual, *w["few"], "USD", "EUR", "US", "C", "A"]
        )
        self._starter_memo: dict[str, bool] = {}  # words seen, as is_starter found them

    def template(self, name: str, flags: int = 0) -> re.Pattern[str]:
        """The pack's template ``name`` with its slots filled, compiled."""
        return regex_code.compile(fill(self.rules.template(name), self.slots), flags)

    def is_starter(self, word: str) -> bool:
        known = self._starter_memo.get(word)
        if known is None:
            low = word.lower()
            known = low in self.starters or self.start.fullmatch(low) is not None
            remember(self._starter_memo, word, known)
        return known


_MEMO_SIZE = 50_000  # words a memo keeps: a text's vocabulary, bounded for a text of any size


def remember(memo: dict, key, value) -> None:
    """``memo[key] = value``, the memo emptied first when full."""
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value


@lru_cache(maxsize=8)
def _grammar(rules: Rules) -> NumberGrammar:
    return NumberGrammar(rules)


def number_grammar(rules: Rules | None = None) -> NumberGrammar:
    """The number grammar of ``rules`` (default the English pack), built once per pack."""
    return _grammar(rules or default_rules())


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


def _parse_words(tokens: list[str], g: NumberGrammar) -> int | None:
    """Cardinal words to an int; None unless every token is used grammatically."""
    total, current, last, last_scale = 0, 0, "", 10**12
    seen_any = False
    for i, tok in enumerate(tokens):
        if tok in g.article and i == 0:
            current, last = 1, "unit"
            continue
        if tok in g.connector:
            if last != "scale":
                return None
            continue
        kind = g.kind.get(tok)
        if kind is None:
            return None
        seen_any = True
        if kind in ("unit", "teen"):
            if last in ("unit", "teen") or (last == "tens" and kind == "teen"):
                return None
            current += g.small[tok]
        elif kind == "tens":
            if last in ("unit", "teen", "tens"):
                return None
            current += g.small[tok]
        else:  # scale or dozen
            mult = g.scale[tok]
            if last == "scale" and mult >= 1000 and current == 0:
                return None
            if mult == 100 or tok in g.words["dozen"]:
                current = (current or 1) * mult
            else:
                if mult >= last_scale:
                    return None
                total += (current or 1) * mult
                current, last_scale = 0, mult
            kind = "scale"
        last = kind
    return total + current if seen_any else None


# No count in the news runs to 16 digits; longer runs are identifiers, hashes or noise.
_MAX_DIGITS = 15


def _parse_digits(s: str, g: NumberGrammar) -> float | None:
    m = g.digits_scaled.fullmatch(s.strip())
    if not m:
        return None
    digits = re.sub(r"[,\s\u00a0\u202f]", "", m.group(1))
    if len(digits) > _MAX_DIGITS:
        return None
    value = float(digits)
    if m.group(2):
        value *= g.scale[m.group(2).lower()]
    return value if value < 10 ** _MAX_DIGITS else None


def parse_number_word(s: str, rules: Rules | None = None) -> int | None:
    """"eleven" -> 11, "a dozen" -> 12, "2,500" -> 2500, "1.5 million" -> 1500000; else None."""
    g = number_grammar(rules)
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit():
        value = _parse_digits(s, g)
        return None if value is None else round(value)
    if g.couple.fullmatch(s):
        return 2
    return _parse_words(_tokens(s), g)


def _in_date(text: str, start: int, end: int, g: NumberGrammar) -> bool:
    """Whether [start, end) touches a written date; only a window around it is searched (speed)."""
    for d in g.date_parts.finditer(text, max(0, start - 16), min(len(text), end + 18)):
        if d.start() < end and start < d.end():
            return True
    return False


def _qualified(value: int, qual: str | None, g: NumberGrammar) -> Quantity:
    kind = g.qual.get(re.sub(r"\s+", " ", qual.lower())) if qual else None
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


def _classify(text: str, m: re.Match, start: int, end: int, g: NumberGrammar) -> tuple[str | None, bool, int]:
    """(unit, is_year, new_end) for a single number, from the words around it."""
    n1 = m.group("n1")
    after = text[end:end + 40]
    before = text[max(0, start - 30):start]
    if m.group("cur") or g.currency_after.match(after):
        cm = g.currency_after.match(after)
        return "currency", False, end + (cm.end() if cm else 0)
    if (pm := g.percent_after.match(after)):
        return "percent", False, end + pm.end()
    if (am := g.age_after.match(after)):
        return "age", False, end + am.end()
    if g.age_before.search(before):
        return "age", False, end
    if (um := g.unit_after.match(after)):
        return f"duration:{g.unit_canon[um.group('u').lower()]}", False, end + um.end()
    if n1 and _is_year_like(n1) and not m.group("qual") and not m.group("plus"):
        if g.year_context_before.search(before) or not g.plural_noun_after.match(after):
            return None, True, end
    return None, False, end


def find_numbers(text: str, base: int = 0, rules: Rules | None = None) -> list[NumberMention]:
    """Every number in ``text``; offsets are ``base`` + index into ``text``; ``rules`` is the
    language's rule pack (default English)."""
    g = number_grammar(rules)
    found: list[NumberMention] = []
    pos = 0
    # The memo's answer without a call per word: a sentence has a dozen words per number.
    known = g._starter_memo.get
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        if word[0] not in "0123456789$€£¥₽₸":
            starts = known(word)
            if not (g.is_starter(word) if starts is None else starts):
                continue
        start = tok.start()
        if start < pos:
            continue
        m = g.master.match(text, start)
        if m is None:
            continue
        end = m.end()
        pos = max(end, start + 1)
        if _in_date(text, start, end, g):
            # A count right before a date ("164 on January 6") still counts: retry without the date.
            if not (m.group("n1") and not _in_date(text, m.start("n1"), m.end("n1"), g)):
                continue
            m = g.master.match(text, start, m.end("n1"))
            if m is None:
                continue
        mention = _mention(text, m, g)
        if mention is None:
            continue
        s, e = mention[0], mention[1]
        # A rejected range ("from 164 to 225") gives its first number; the second is read next.
        pos = min(pos, e) if e > start else pos
        found.append(NumberMention(s + base, e + base, text[s:e], *mention[2:]))
    return found


def _mention(text: str, m: re.Match, g: NumberGrammar):
    start, end = m.span()
    qual = m.group("qual")
    if m.group("b1"):
        lo, hi = parse_number_word(m.group("b1"), g.rules), parse_number_word(m.group("b2"), g.rules)
        if lo is None or hi is None:
            return None
        return start, end, Quantity(approximate=True, min_value=min(lo, hi), max_value=max(lo, hi)), False, None
    if m.group("v1"):
        low = g.vague[re.sub(r"\s+", " ", m.group("v1").lower())]
        return start, end, Quantity(approximate=True, min_value=low), False, None
    if m.group("few"):
        scale = g.scale[m.group("fewscale").lower()]
        low = int(g.words["few"][re.sub(r"\s+", " ", m.group("few").lower())]) * scale
        return start, end, Quantity(approximate=True, min_value=low), False, None
    if m.group("couple"):
        return start, end, Quantity(value=2, approximate=True), False, None

    if m.group("decade"):
        # "the 1990s": a decade, reported as a year so that callers skip it.
        return start, end, Quantity(value=int(m.group("decade"))), True, "decade"
    n1 = m.group("n1")
    if g.idprefix_before.search(text[max(0, m.start("n1") - 20):m.start("n1")]):
        return None
    if g.time_after.match(text, m.end("n1")) and n1[0].isdigit():
        return None
    if g.one.fullmatch(n1.lower()) and g.noncount_one_before.search(text[max(0, start - 10):start]):
        return None
    v1 = parse_number_word(n1, g.rules)
    if v1 is None:
        return None

    n2 = m.group("n2")
    if n2 is not None:
        v2 = parse_number_word(n2, g.rules)
        sep = m.group("rsep").strip().lower()
        plausible = v2 is not None and v2 > v1 and not (sep == "to" and g.from_before.search(text[max(0, start - 12):start]))
        if sep == "or" and not (n1[0].isdigit() == n2[0].isdigit()):
            plausible = False
        if plausible and _is_year_like(n1) and _is_year_like(n2) and sep != "or":
            return start, end, Quantity(approximate=True, min_value=v1, max_value=v2), True, None
        if plausible:
            unit, _, end2 = _classify(text, m, start, end, g)
            return start, end2, Quantity(approximate=True, min_value=v1, max_value=v2), False, unit
        end = m.end("n1")  # not a range: keep the first number only

    if m.group("plus"):
        quantity = Quantity(value=v1, approximate=True, min_value=v1)
    else:
        quantity = _qualified(v1, qual, g)
    if g.strength_after.match(text, end):
        sm = g.strength_after.match(text, end)
        return start, sm.end(), quantity, False, None
    unit, is_year, end = _classify(text, m, start, end, g)
    if unit is None and not is_year and _COMPOUND_AFTER.match(text, end):
        return None  # "five-member", "one-sided": an adjective, not a count
    if unit is None and not is_year and n1[0].isdigit() and "." in n1.replace(",", "") and not re.search(
            g.scale_re, n1, re.I):
        # A bare decimal ("3.5") is a measure or a score, never a count of people.
        return None
    return start, end, quantity, is_year, unit
