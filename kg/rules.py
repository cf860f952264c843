"""A rule pack: one language's lexicons and patterns (kg/data/<lang>/), loaded once, validated.

The pack is data: triggers per event class, cue words, role words, count heads, debris, number and
date words, and the named regular expressions the extractor reads (patterns.tsv). ``load_rules``
reads a folder into one immutable ``Rules`` object; the pipeline passes it to every stage, as it
does the gazetteer. A malformed pack is a ``RulePackError`` naming the file and line.

Triggers name a word once, by its lemma: ``<deploy>`` in a pattern stands for every inflected
form of the verb (deploy, deploys, deployed, deploying), ``<withdrawal/n>`` for those of the noun.
The forms come from the inflection library lemminflect, cached in ``inflections.tsv``
(tools/build_inflections.py writes it) so that loading a pack does not import it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from kg.errors import RulePackError
from kg.lazy_regex import Checked, LazyPatterns, LazyRegex, cache_path
from kg.resources import DATA_DIR

TRIGGER_NEEDS = ("-", "force", "armed", "target", "person", "unarmed", "sides")
TRIGGER_PHASES = ("", "end")
COUNT_SIDES = ("after", "before")
DEBRIS_KINDS = ("line", "prefix")
# The cue and role kinds the extractor reads: a pack must give each, and nothing else.
CUE_KINDS = ("negation", "irrealis", "irrealis_after", "start", "end", "force", "armed_group", "request",
             "present_start", "present_end", "withdrawal_done", "person_pronoun", "continuation", "ongoing", "domestic",
             "unrest_side", "repeat", "two_sides")
ROLE_KINDS = ("in_place", "to_place", "from_place", "between", "by_agent", "actor_noun", "place_noun",
              "led")
NUMBER_WORD_KINDS = ("unit", "teen", "tens", "scale", "dozen", "couple", "vague", "few", "approx", "min",
                     "max", "upto", "below", "idprefix", "currency", "timeunit", "yearprep", "article",
                     "connector", "hourunit")
DATE_WORD_KINDS = ("month", "weekday", "season", "relday", "relperiod", "relation", "daypart", "weekdaymod",
                   "decadepart", "unit", "durationrel", "ordinal", "monthpart")
# The named patterns (patterns.tsv) the code reads; a pack must give each.
PATTERN_NAMES: tuple[str, ...] = (
    # kg/extract/mentions.py
    "clause_break", "scope_break",
    # kg/extract/events.py
    "attack_target", "speech_before", "including_before", "crowd_before", "list_gap", "forces_from_before",
    "accordance_before", "with_before", "where_after", "document_after", "passive_before", "struck_before", "subject_lead",
    "government_after", "request_of", "strong_suffix", "possessive_after", "future_before", "since_before",
    "span_in", "count_after", "offset", "purpose_between", "backer_before",
    "part_after", "list_item_after", "list_item_before", "either_casualty", "either_casualty_before", "toll_rise_before", "office_after",
    "modal_after", "modal_word", "attributive", "attributive_word",
    # kg/extract/timeline.py
    "present_perfect_before", "present_from_trigger", "present_simple_word", "present_simple_subject",
    "background_before", "now",
    # kg/extract/attribution.py
    "according_to", "subject_said", "said_subject", "claim_when", "relative_clause", "group_said",
    "claim_pronoun", "claim_leading", "claim_trailing", "claim_title",
    # kg/extract/membership.py
    "member_cue", "member_relative_break", "member_wants", "member_list_gap", "member_anaphor",
    "member_apposition_gap", "member_apposition_role",
    # kg/extract/names.py
    "person_name", "title_before", "not_person", "title_word", "calendar_word", "function_word",
    "possessive_end",
    # kg/text.py
    "abbreviation",
    # kg/extract/numbers.py (templates: {=slot} is filled from the word tables)
    "number", "couple_phrase", "number_one", "number_start", "number_time_after", "number_percent_after",
    "number_currency_after", "number_age_after", "number_age_before", "number_unit_after",
    "number_strength_after", "number_idprefix_before", "number_noncount_one_before", "number_from_before",
    "year_context_before", "plural_noun_after", "date_parts",
    # kg/extract/dates.py
    "date", "date_start", "bare_month_before", "article_before", "month_not_bare", "days_later",
    "offset_to_day", "duration",
    "nth_day",
    # kg/extract/events.py (dates)
    "lookback_span", "lookback_vague", "situation_before", "headline_participle", "span_of", "since_after", "day_when_after",
    "new_clause_between", "end_verb_before", "lasted_before", "coordinated_between", "when_clause_between", "reported_plan", "owned_trigger_gap",
)
# The slots a pattern template may name as {=slot}: the code fills each from the pack's word tables
# (kg/extract/numbers.py and dates.py, ``fill``).
TEMPLATE_SLOTS = ("digits", "number_word", "scale", "qual", "vague", "few", "currency_sign", "currency",
                  "timeunit", "idprefix", "yearprep", "month", "weekday", "bare_month", "relation", "season",
                  "relday", "relperiod", "ordinal", "monthpart")

LEMMA = re.compile(r"(?<!\?P)<([a-z][a-z'-]*)(?:/(n|v))?>")
_REF = re.compile(r"\{:([a-z_][a-z0-9_]*)\}")
_SLOT = re.compile(r"\{=([a-z_][a-z0-9_]*)\}")


@dataclass(frozen=True)
class Trigger:
    event_type: str
    rule: str
    regex: LazyRegex
    needs: str  # "-" | "force" | "armed" | "target" | "person" | "unarmed" | "sides"
    phase: str = ""  # "end" when the trigger itself marks the event's end

    @property
    def pattern(self) -> re.Pattern[str]:
        return self.regex.compiled


@dataclass(frozen=True)
class CountHead:
    kind: str  # troops | deaths | injured | arrests
    side: str  # after | before: where the words stand relative to the number
    regex: LazyRegex

    @property
    def pattern(self) -> re.Pattern[str]:
        return self.regex.compiled


@dataclass(frozen=True)
class Debris:
    kind: str  # "line" | "prefix"
    regex: LazyRegex

    @property
    def pattern(self) -> re.Pattern[str]:
        return self.regex.compiled


@dataclass(frozen=True, eq=False)
class Rules:
    """One language's rule pack. Immutable; compare by identity."""

    lang: str
    folder: Path
    triggers: tuple[Trigger, ...]
    cues: LazyPatterns  # a Mapping of compiled regexes, compiled on first use
    roles: LazyPatterns
    counts: tuple[CountHead, ...]
    debris: tuple[Debris, ...]
    number_words: Mapping[str, Mapping[str, str]]
    date_words: Mapping[str, Mapping[str, str]]
    patterns: LazyPatterns = field(default_factory=lambda: LazyPatterns({}))
    lemmas: tuple[tuple[str, str], ...] = ()  # every (lemma, pos) the pack's patterns use
    # the named rows with {=slot} placeholders, as text (references and lemmas expanded)
    templates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def pattern(self, name: str) -> re.Pattern[str]:
        return self.patterns[name]

    def template(self, name: str) -> str:
        return self.templates[name]

    def cue(self, kind: str) -> re.Pattern[str]:
        return self.cues[kind]

    def role(self, kind: str) -> re.Pattern[str]:
        return self.roles[kind]


# -- inflections ---------------------------------------------------------------------------------

def read_inflections(path: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """inflections.tsv: ``lemma<TAB>pos<TAB>form form ...`` as {(lemma, pos): forms}."""
    table: dict[tuple[str, str], tuple[str, ...]] = {}
    if not path.is_file():
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, forms = line.split("\t")
        table[(lemma, pos)] = tuple(forms.split())
    return table


def inflect(lemma: str, pos: str) -> tuple[str, ...]:
    """Every form of ``lemma`` (pos "v" or "n") by lemminflect, the lemma first, then sorted."""
    import lemminflect  # lazily: it imports numpy

    upos = "NOUN" if pos == "n" else "VERB"
    forms = {f for fs in lemminflect.getAllInflections(lemma, upos=upos).values() for f in fs}
    forms.discard(lemma)
    return (lemma, *sorted(forms))


class _Expander:
    def __init__(self, table: dict[tuple[str, str], tuple[str, ...]]):
        self.table = table
        self.used: dict[tuple[str, str], None] = {}

    def forms(self, lemma: str, pos: str) -> tuple[str, ...]:
        key = (lemma, pos)
        self.used[key] = None
        if key not in self.table:
            self.table[key] = inflect(lemma, pos)
        return self.table[key]

    def expand(self, pattern: str) -> str:
        def one(m: re.Match) -> str:
            forms = self.forms(m.group(1), m.group(2) or "v")
            return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"
        return LEMMA.sub(one, pattern)


# -- reading -------------------------------------------------------------------------------------

def _rows(folder: Path, name: str, columns: tuple[str, ...], optional: int = 0):
    """(where, cells) for each data line of ``name``; a wrong column count is an error."""
    path = folder / name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{path}: cannot read the rule pack file ({exc.__class__.__name__})") from None
    seen: dict[tuple[str, ...], int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path}:{lineno}"
        cells = line.split("\t")
        if not len(columns) - optional <= len(cells) <= len(columns):
            want = f"{len(columns) - optional} to {len(columns)}" if optional else str(len(columns))
            raise RulePackError(f"{where}: expected {want} tab-separated columns "
                                f"({', '.join(columns)}), found {len(cells)}")
        key = tuple(cells)
        if key in seen:
            raise RulePackError(f"{where}: duplicate row (first on line {seen[key]})")
        seen[key] = lineno
        yield where, cells


def _compile(where: str, pattern: str, flags: int, expander: _Expander | None, checked: Checked) -> LazyRegex:
    source = expander.expand(pattern) if expander is not None else pattern
    try:
        return checked.regex(source, flags)
    except re.error as exc:
        raise RulePackError(f"{where}: pattern does not compile ({exc})") from None


def _kind(where: str, value: str, allowed, what: str) -> str:
    if value not in allowed:
        raise RulePackError(f"{where}: unknown {what} {value!r} (known: {', '.join(allowed)})")
    return value


def _keyed(folder: Path, name: str, kinds: tuple[str, ...], what: str,
           expander: _Expander, checked: Checked) -> LazyPatterns:
    out: dict[str, LazyRegex] = {}
    for where, (kind, pattern) in _rows(folder, name, ("kind", "pattern")):
        _kind(where, kind, kinds, what)
        if kind in out:
            raise RulePackError(f"{where}: {what} {kind} is listed twice")
        out[kind] = _compile(where, pattern, re.I, expander, checked)
    missing = [k for k in kinds if k not in out]
    if missing:
        raise RulePackError(f"{folder / name}: no pattern for {what} {', '.join(missing)}")
    return LazyPatterns(out)


def _word_table(folder: Path, name: str, kinds: tuple[str, ...]) -> Mapping[str, Mapping[str, str]]:
    """A ``phrase<TAB>kind<TAB>value`` lexicon as {kind: {phrase: value}}."""
    table: dict[str, dict[str, str]] = {k: {} for k in kinds}
    for where, cells in _rows(folder, name, ("phrase", "kind", "value"), optional=1):
        phrase, kind, value = (cells + [""])[:3]
        _kind(where, kind, kinds, "word kind")
        if phrase in table[kind]:
            raise RulePackError(f"{where}: {phrase!r} is listed twice as {kind}")
        table[kind][phrase] = value
    return MappingProxyType({k: MappingProxyType(v) for k, v in table.items()})


def fill(template: str, slots: Mapping[str, str]) -> str:
    """A template's text with each ``{=slot}`` replaced by ``slots[slot]``."""
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def _patterns(folder: Path, expander: _Expander, checked: Checked
              ) -> tuple[LazyPatterns, Mapping[str, str]]:
    """patterns.tsv: ``name<TAB>pattern``; ``{:other}`` inserts an earlier row's text (a fragment
    whose name starts with "_" is only for that and is not compiled alone). A row with ``{=slot}``
    placeholders is a template: kept as text, checked by compiling it with each slot empty."""
    sources: dict[str, str] = {}
    out: dict[str, LazyRegex] = {}
    templates: dict[str, str] = {}
    path = folder / "patterns.tsv"
    if not path.is_file() and not PATTERN_NAMES:
        return LazyPatterns(out), MappingProxyType(templates)
    for where, (name, pattern) in _rows(folder, "patterns.tsv", ("name", "pattern")):
        if name in sources:
            raise RulePackError(f"{where}: pattern {name} is listed twice")
        if not name.startswith("_") and name not in PATTERN_NAMES:
            raise RulePackError(f"{where}: unknown pattern name {name!r}")

        def ref(m: re.Match, where=where) -> str:
            if m.group(1) not in sources:
                raise RulePackError(f"{where}: {{:{m.group(1)}}} names no earlier pattern")
            return sources[m.group(1)]

        text = _REF.sub(ref, pattern)
        sources[name] = text
        slots = _SLOT.findall(text)
        for slot in slots:
            _kind(where, slot, TEMPLATE_SLOTS, "template slot")
        if name.startswith("_"):
            continue
        if slots:
            _compile(where, _SLOT.sub("(?:)", text), 0, expander, checked)
            templates[name] = expander.expand(text)
        else:
            out[name] = _compile(where, text, 0, expander, checked)
    missing = [n for n in PATTERN_NAMES if n not in out and n not in templates]
    if missing:
        raise RulePackError(f"{path}: no pattern named {', '.join(missing)}")
    return LazyPatterns(out), MappingProxyType(templates)


def load_rules(lang: str = "en", folder: Path | str | None = None) -> Rules:
    """Read and validate the rule pack in ``folder`` (default kg/data/<lang>/)."""
    from kg.event_classes import COUNT_KINDS, event_classes

    folder = Path(folder) if folder is not None else DATA_DIR / lang
    if not folder.is_dir():
        raise RulePackError(f"{folder}: no rule pack folder for language {lang!r}")
    expander = _Expander(read_inflections(folder / "inflections.tsv"))
    # Every regex is checked here, but compiled only when an article needs it (kg/lazy_regex.py).
    checked = Checked(cache_path())
    classes = event_classes().names
    triggers = []
    for where, cells in _rows(folder, "triggers.tsv", ("class", "rule", "pattern", "needs", "phase"),
                              optional=1):
        cls, rule, pattern, needs, phase = (cells + [""])[:5]
        _kind(where, cls, classes, "event class")
        _kind(where, needs, TRIGGER_NEEDS, "trigger need")
        _kind(where, phase, TRIGGER_PHASES, "trigger phase")
        triggers.append(Trigger(cls, rule, _compile(where, pattern, re.I, expander, checked), needs, phase))
    counts = []
    for where, (kind, side, pattern) in _rows(folder, "counts.tsv", ("kind", "side", "pattern")):
        _kind(where, kind, COUNT_KINDS, "count kind")
        _kind(where, side, COUNT_SIDES, "count side")
        regex = _compile(where, pattern, re.I, expander, checked)
        if "head" not in regex.groups:
            raise RulePackError(f"{where}: a count pattern needs a group named head")
        counts.append(CountHead(kind, side, regex))
    debris = []
    for where, (kind, pattern) in _rows(folder, "debris.tsv", ("kind", "pattern")):
        debris.append(Debris(_kind(where, kind, DEBRIS_KINDS, "debris kind"),
                             _compile(where, pattern, 0, None, checked)))
    cues = _keyed(folder, "cues.tsv", CUE_KINDS, "cue kind", expander, checked)
    roles = _keyed(folder, "roles.tsv", ROLE_KINDS, "role kind", expander, checked)
    patterns, templates = _patterns(folder, expander, checked)
    checked.save()
    return Rules(
        lang=lang, folder=folder, triggers=tuple(triggers), cues=cues, roles=roles,
        counts=tuple(counts), debris=tuple(debris),
        number_words=_word_table(folder, "number_words.tsv", NUMBER_WORD_KINDS),
        date_words=_word_table(folder, "date_words.tsv", DATE_WORD_KINDS),
        patterns=patterns, templates=templates,
        lemmas=tuple(expander.used),
    )


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The packaged English pack, read once."""
    return load_rules("en")
