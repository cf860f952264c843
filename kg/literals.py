"""Necessary literals of a regular expression: strings at least one of which every match holds.

A regex whose necessary literals are all absent from a text cannot match anywhere in it, so the
extractor skips it (and need not even compile it). The literals are read from the parsed pattern
(``re._parser``) and are lowercase ASCII; a text is compared in its ``fold`` form, which maps every
character that a case-insensitive ASCII letter matches onto that letter. That makes the test sound
for patterns with or without re.IGNORECASE: a case-sensitive match is also a case-insensitive one.

Lookarounds consume nothing: a positive one's literals still occur in the text (the test is on
the whole text, never on a window), a negative one's tell nothing.
"""
from __future__ import annotations

from itertools import product

from kg.fold import fold  # noqa: F401  (the form of a text the literals are compared with)

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_MAX_SET = 256  # alternatives kept per literal set: more costs more than the regex it spares
_MAX_SETS = 4  # sets kept per regex, each of which the text must hold


def necessary_literals(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Sets of lowercase ASCII strings such that any text ``pattern`` matches anywhere in holds
    (folded) at least one string of each set; None when no such set is known (then the regex
    must always run). At most ``_MAX_SETS`` sets, the most telling first."""
    tree = _p.parse(pattern, flags)
    _, reqs = _sequence(list(tree))
    sets = sorted({_minimal(r) for r in reqs}, key=_strength, reverse=True)
    # A set each of whose strings holds a string of another set makes that other set tell nothing more.
    kept = [b for b in sets if not any(a != b and all(any(y in x for y in b) for x in a) for a in sets)]
    return tuple(tuple(sorted(r)) for r in kept[:_MAX_SETS]) or None


def _minimal(lits: frozenset[str]) -> frozenset[str]:
    """The set without the strings that hold another of its strings: a text holding "army
    advisers" holds "army" too."""
    return frozenset(s for s in lits if not any(o != s and o in s for o in lits))


# Each node gives (exact, reqs): ``exact`` the set of every string it can match (None: unknown or
# too many), ``reqs`` sets of strings such that any match of it holds one string of each.

Info = tuple["frozenset[str] | None", "list[frozenset[str]]"]


def _node(op, av) -> Info:
    if op is _c.LITERAL:
        ch = chr(av)
        return (frozenset({ch.lower()}), []) if ch.isascii() else (None, [])
    if op is _c.IN:
        chars = set()
        for iop, iav in av:
            if iop is not _c.LITERAL or not chr(iav).isascii():
                return None, []
            chars.add(chr(iav).lower())
        return frozenset(chars), []
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.BRANCH:
        parts = [_sequence(list(alt)) for alt in av[1]]
        exacts = [e for e, _ in parts]
        exact = None
        if all(e is not None for e in exacts):
            union = frozenset().union(*exacts)
            exact = union if len(union) <= _MAX_SET else None
        # Each alternative's own requirements, the most telling first; a union of one of each is
        # required of the whole, so the k-th of every alternative make the k-th requirement.
        ranked = [sorted({_minimal(x) for x in _options(e, r)}, key=_strength, reverse=True) for e, r in parts]
        if not all(ranked):
            return exact, []
        if len(ranked) <= 3:  # few alternatives: every choice of one requirement from each
            choices = list(product(*(opts[:4] for opts in ranked)))
        else:
            choices = [tuple(opts[min(k, len(opts) - 1)] for opts in ranked)
                       for k in range(max(len(opts) for opts in ranked))]
        unions = {frozenset().union(*choice) for choice in choices}
        return exact, [u for u in unions if len(u) <= _MAX_SET]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        lo, hi, sub = av
        exact, reqs = _sequence(list(sub))
        if lo == 0:
            return None, []
        if lo == hi == 1:
            return exact, reqs
        return None, reqs + ([exact] if exact else [])
    if op is _c.AT:
        return frozenset({""}), []
    if op is _c.ASSERT:
        _direction, sub = av
        exact, reqs = _sequence(list(sub))
        return frozenset({""}), reqs + ([exact] if exact else [])
    if op is _c.ASSERT_NOT:
        return frozenset({""}), []
    return None, []


def _sequence(items) -> Info:
    """A concatenation: adjacent exact parts join into longer strings; every run of them and every
    part's own requirement holds for the whole."""
    reqs: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})
    whole: frozenset[str] | None = frozenset({""})
    for op, av in items:
        exact, part = _node(op, av)
        reqs.extend(part)
        if exact is None:
            reqs.append(run)
            run = frozenset({""})
            whole = None
            continue
        if len(run) * len(exact) <= _MAX_SET:
            run = frozenset(a + b for a, b in product(run, exact))
        else:
            reqs.append(run)
            run = exact
        if whole is not None:
            whole = frozenset(a + b for a, b in product(whole, exact)) \
                if len(whole) * len(exact) <= _MAX_SET else None
    reqs.append(run)
    return whole, [r for r in reqs if r and "" not in r]


def _options(exact, reqs) -> list[frozenset[str]]:
    return [s for s in [exact, *reqs] if s and "" not in s]


def _strength(lits: frozenset[str]) -> tuple[int, int, tuple[str, ...]]:
    """How rarely a set is all absent: longer shortest string first, then fewer strings (then a
    fixed order, so the choice never depends on hashing)."""
    return min(len(s) for s in lits), -len(lits), tuple(sorted(lits))
