"""Names the gazetteer does not know: people and bodies that stay honestly unlinked."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.link.normalize import slugify
from kg.model import Entity
from kg.rules import Rules, default_rules


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    entity: Entity
    titled: bool  # a title ("President", "Gen.") stood before it


def unlinked(label: str, type_: str) -> Entity:
    # One slug for every unlinked entity, the gazetteer's qid-less places included.
    return Entity(key=f"{type_.lower()}/{slugify(label)}", label=label, type=type_)


def find_person_names(text: str, taken: list[tuple[int, int]], rules: Rules | None = None) -> list[NameMention]:
    """Capitalised runs of two to four words that look like people's names.

    ``taken`` are spans the gazetteer already linked; a run overlapping one is not a new name.
    """
    p = (rules or default_rules()).pattern
    function_word, calendar_word, title_word = p("function_word"), p("calendar_word"), p("title_word")
    out: list[NameMention] = []
    overlaps = _overlap_finder(taken)
    for m in p("person_name").finditer(text):
        start, end, words = m.start(), m.end(), m.group(0).split()
        lead = True
        # "On Monday Amina Farah": a date after a leading preposition is not part of the name.
        while words and (function_word.fullmatch(words[0]) or (not lead and calendar_word.match(words[0]))):
            lead = False
            start += len(words[0]) + 1
            words = words[1:]
            while start < end and text[start].isspace():
                start += 1
        # "Finance Minister Petra Lind": everything up to the last title word is the title.
        titles = [i for i, w in enumerate(words[:-2]) if title_word.match(w)]
        for w in words[:titles[-1] + 1] if titles else []:
            start += len(w)
            while start < end and text[start].isspace():
                start += 1
        words = words[titles[-1] + 1:] if titles else words
        if len(words) < 2 or p("not_person").search(" ".join(words)):
            continue
        if overlaps(start, end):
            continue
        label = p("possessive_end").sub("", text[start:end])
        titled = bool(p("title_before").search(text[max(0, start - 40):start]))
        out.append(NameMention(start, start + len(label), unlinked(label, "Person"), titled))
    return out


def _overlap_finder(spans: list[tuple[int, int]]):
    """A test of whether [start, end) overlaps any of the spans, by bisection over them sorted by
    start (a scan of every span for every name made long articles quadratic). The spans may
    overlap each other; the longest end so far bounds every span that starts earlier."""
    from bisect import bisect_left
    from itertools import accumulate

    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(start: int, end: int) -> bool:
        i = bisect_left(starts, end) - 1  # the spans that start before ``end``
        return i >= 0 and reach[i] > start

    return overlaps


def find_surnames(text: str, people: list[NameMention], taken: list[tuple[int, int]]) -> list[NameMention]:
    """Later mentions of a named person by surname alone ("Massimov was detained")."""
    out: list[NameMention] = []
    # The characters already named, as a set: a check per match costs the same however long the
    # article (a list of spans made this quadratic).
    covered = {i for s, e in [(p.start, p.end) for p in people] + taken for i in range(s, e)}
    seen: set[str] = set()
    for p in people:
        if p.entity.key in seen:  # a person named again finds the same surnames, already taken
            continue
        seen.add(p.entity.key)
        surname = p.entity.label.split()[-1]
        if len(surname) < 3:
            continue
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
            if m.start() in covered:
                continue
            covered.update(range(m.start(), m.end()))
            out.append(NameMention(m.start(), m.end(), p.entity, False))
    return out
