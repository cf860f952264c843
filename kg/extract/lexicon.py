"""The extraction lexicons, read from kg/data: triggers per event class, cue words, count heads."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.resources import DATA_DIR


@dataclass(frozen=True)
class Trigger:
    event_type: str
    rule: str
    pattern: re.Pattern[str]
    needs: str  # "-" | "force" | "armed" | "target" | "person"
    phase: str = ""  # "end" when the trigger itself marks the event's end


@dataclass(frozen=True)
class CountHead:
    kind: str  # troops | deaths | injured | arrests
    side: str  # after | before: where the words stand relative to the number
    pattern: re.Pattern[str]


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    return tuple(
        Trigger(cls, rule, re.compile(pattern, re.I), needs, *rest)
        for cls, rule, pattern, needs, *rest in _rows("triggers.tsv")
    )


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(pattern, re.I) for kind, pattern in _rows("cues.tsv")}


@lru_cache(maxsize=1)
def count_heads() -> tuple[CountHead, ...]:
    return tuple(CountHead(kind, side, re.compile(pattern, re.I))
                 for kind, side, pattern in _rows("counts.tsv"))


@lru_cache(maxsize=1)
def role_words() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(pattern, re.I) for kind, pattern in _rows("roles.tsv")}
