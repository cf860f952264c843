"""Where spans lie among the sentences, found by bisection: per-item scans of every sentence made
long articles quadratic. Sentences are in text order and do not overlap (kg.text.clean)."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from kg.model import Span


def sentence_index(sentences: Sequence[Span], start: int, end: int) -> int | None:
    """The index of the sentence that holds [start, end), or None."""
    i = bisect_right(sentences, start, key=lambda s: s.start) - 1
    return i if i >= 0 and end <= sentences[i].end else None


def sentence_of(sentences: Sequence[Span], item) -> Span | None:
    """The sentence that holds an item (anything with start and end), or None."""
    i = sentence_index(sentences, item.start, item.end)
    return None if i is None else sentences[i]


def by_sentence(items: list, sentences: Sequence[Span]) -> list[list]:
    """The items that lie within each sentence, one list per sentence, in one pass."""
    out: list[list] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for item in items:
        i = bisect_right(starts, item.start) - 1
        if i >= 0 and item.end <= sentences[i].end:
            out[i].append(item)
    return out


def sentences_before(sentences: Sequence[Span], pos: int) -> Sequence[Span]:
    """The sentences that end at or before ``pos``."""
    return sentences[:bisect_right(sentences, pos, key=lambda s: s.end)]
