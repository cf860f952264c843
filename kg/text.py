"""Cleaning and sentence splitting that never move a character: every span indexes the original text.

Debris (page furniture, captions, credits, comment notices, datelines) is not deleted; it is
left out of the sentences that extraction reads, so offsets stay valid for the evidence.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.lazy_regex import RegexIndex, fold
from kg.model import Span
from kg.rules import Rules, default_rules

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9–—-])")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class CleanText:
    text: str
    sentences: tuple[Span, ...]  # the sentences extraction reads
    dropped: tuple[Span, ...]  # debris, with why in the explain trace
    dateline: Span | None = None
    # ``fold(text)`` (kg/fold.py), made of the folds of its lines, which cleaning takes anyway:
    # whitespace parts lines and has no case, so the parts fold as the whole does.
    folded: str = ""


def clean(text: str, rules: Rules | None = None) -> CleanText:
    """Split ``text`` into sentences, leaving debris out; offsets index ``text`` unchanged."""
    lines = list(_lines(text))
    repeated = Counter(t.strip() for _, _, t in lines if len(t.strip()) > 30)
    sentences: list[Span] = []
    dropped: list[Span] = []
    dateline: Span | None = None
    rules = rules or default_rules()
    debris = rules.debris
    index = _debris_index(rules)
    pieces: list[str] = []  # the text's fold: the whitespace between lines, and each line's fold
    done = 0
    for start, end, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        s0, s1 = start + lead, start + lead + len(stripped)
        # A debris pattern none of whose necessary words the line holds is not run (nor compiled):
        # even compiled, a large one fails slower than its literals are looked up.
        folded = fold(stripped)
        pieces += (text[done:s0], folded)
        done = s1
        found = [debris[i] for i in index.candidates(folded)]
        # A caption is printed under its photo and again in the gallery: a repeated line is furniture.
        if repeated[stripped] > 1 or any(p.kind == "line" and p.pattern.fullmatch(stripped) for p in found):
            dropped.append(Span(s0, s1, stripped))
            continue
        for p in found:
            if p.kind != "prefix":
                continue
            m = p.pattern.match(stripped)
            if m and m.end() < len(stripped):
                dropped.append(Span(s0, s0 + m.end(), stripped[: m.end()]))
                if dateline is None:
                    dateline = Span(s0, s0 + m.end(), stripped[: m.end()])
                s0 += m.end()
                stripped = stripped[m.end():]
                break
        sentences.extend(split_sentences(text, s0, s1, rules))
    pieces.append(text[done:])
    return CleanText(text, tuple(sentences), tuple(dropped), dateline, "".join(pieces))


@lru_cache(maxsize=8)
def _debris_index(rules: Rules) -> RegexIndex:
    """Which debris patterns a line may match, found in one scan of it (kg/lazy_regex.py)."""
    return RegexIndex([p.regex for p in rules.debris])


def split_sentences(text: str, start: int, end: int, rules: Rules | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` (one paragraph), as spans into ``text``."""
    abbreviation = (rules or default_rules()).pattern("abbreviation")
    chunk = text[start:end]
    out: list[Span] = []
    last = 0
    for m in _SENTENCE_END.finditer(chunk):
        before = _WORD_BEFORE.search(chunk[last:m.start()])
        word = before.group(1).lower().rstrip(".") if before else ""
        if chunk[m.start()] == "." and (abbreviation.fullmatch(word) or (len(word) == 1 and word.isalpha())):
            continue
        cut = m.end()
        _append(out, text, start + last, start + cut)
        last = cut
    _append(out, text, start + last, end)
    return out


def _append(out: list[Span], text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Span(s, e, text[s:e]))


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)
