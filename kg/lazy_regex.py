"""Regular expressions compiled on first use, and what is known of them without compiling.

A rule pack names a few hundred regexes, many of them large alternations; compiling them all costs
more than reading an article. A ``LazyRegex`` compiles when first used, and carries its necessary
literals (kg/literals.py) so that a text none of them occurs in is skipped before any compiling.

Loading a pack still checks every regex (a malformed pack is an error naming its line): a regex
checked once is recorded in ``Checked``, a cache on disk keyed by a hash of its text, flags and the
Python version, with its literals and group names. A missing, unreadable, corrupt or read-only
cache only means the regexes are compiled again.
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from kg.fold import fold

try:  # the hash alone, without hashlib's OpenSSL, which costs more to import than a warm start spends
    from _sha256 import sha256
except ImportError:  # pragma: no cover - other Python versions
    from hashlib import sha256

__all__ = ["Checked", "LazyPatterns", "LazyRegex", "RegexIndex", "fold"]


@dataclass(frozen=True)
class LazyRegex:
    source: str
    flags: int
    # Any text it matches holds (folded) a string of each of these sets (kg/literals.py).
    literals: tuple[tuple[str, ...], ...] | None = None
    groups: tuple[str, ...] = field(default=(), compare=False)  # its named groups

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.source, self.flags)

    def worth_compiling(self, folded: str) -> bool:
        """False when the regex is not compiled yet and cannot match the text folded as
        ``folded``; once compiled, an anchored regex fails faster than its literals are looked up."""
        return "compiled" in self.__dict__ or self.may_match(folded)

    def may_match(self, folded: str) -> bool:
        """False when the regex cannot match the text whose ``fold`` is ``folded``."""
        if self.literals is None:
            return True
        for options in self.literals:
            for lit in options:
                if lit in folded:
                    break
            else:
                return False
        return True


class RegexIndex:
    """Which of many regexes may match a text, found by looking each distinct literal up once
    rather than each regex's literals in turn."""

    def __init__(self, regexes: Sequence[LazyRegex]):
        self.regexes = tuple(regexes)
        self._always = [i for i, r in enumerate(self.regexes) if r.literals is None]
        by_literal: dict[str, list[int]] = {}
        for i, r in enumerate(self.regexes):
            for lit in (r.literals or ((),))[0]:
                by_literal.setdefault(lit, []).append(i)
        self._by_literal = by_literal
        # The literals by their first two characters: only those whose pair the text holds are
        # looked for (a one-character literal is always looked for).
        by_pair: dict[str, list[str]] = {}
        for lit in by_literal:
            by_pair.setdefault(lit[:2], []).append(lit)
        self._by_pair = by_pair

    def candidates(self, folded: str) -> list[int]:
        """The indices, in order, of the regexes that may match the text whose fold is ``folded``."""
        hit = set(self._always)
        by_literal, by_pair = self._by_literal, self._by_pair
        pairs = {folded[i:i + 2] for i in range(len(folded) - 1)}
        pairs.update(folded)  # and each character alone, for one-character literals
        for pair in pairs.intersection(by_pair):
            for lit in by_pair[pair]:
                if lit in folded:
                    hit.update(by_literal[lit])
        out = []
        for i in sorted(hit):
            for options in (self.regexes[i].literals or ())[1:]:
                for lit in options:
                    if lit in folded:
                        break
                else:
                    break
            else:
                out.append(i)
        return out


class LazyPatterns(Mapping[str, re.Pattern[str]]):
    """A read-only {name: compiled regex} that compiles each on first lookup."""

    def __init__(self, regexes: Mapping[str, LazyRegex]):
        self._regexes = dict(regexes)

    def __getitem__(self, name: str) -> re.Pattern[str]:
        return self._regexes[name].compiled

    def __iter__(self) -> Iterator[str]:
        return iter(self._regexes)

    def __len__(self) -> int:
        return len(self._regexes)

    def lazy(self, name: str) -> LazyRegex:
        return self._regexes[name]

    def search(self, name: str, text: str, folded: str | None = None, pos: int = 0,
               endpos: int | None = None) -> re.Match[str] | None:
        """``self[name].search(text, pos, endpos)``, skipped when the regex's literals are not in
        ``text`` (``folded`` is its fold, when the caller has it)."""
        regex = self._regexes[name]
        if regex.literals is not None and not regex.may_match(fold(text) if folded is None else folded):
            return None
        return regex.compiled.search(text, pos, len(text) if endpos is None else endpos)


class Checked:
    """Regexes known to compile, with their literals and groups; loaded from and saved to ``path``."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, list] = _read(path)
        self.dirty = False

    def regex(self, source: str, flags: int) -> LazyRegex:
        """The regex, checked: raises re.error when it does not compile."""
        key = _key(source, flags)
        entry = self.entries.get(key)
        if _valid(entry):
            lits, groups = entry
            return LazyRegex(source, flags, tuple(map(tuple, lits)) if lits is not None else None, tuple(groups))
        from kg.literals import necessary_literals  # parsing regexes: only for one not seen before

        compiled = re.compile(source, flags)
        lits = necessary_literals(source, flags)
        regex = LazyRegex(source, flags, lits, tuple(compiled.groupindex))
        self.entries[key] = [[list(o) for o in lits] if lits is not None else None, list(regex.groups)]
        self.dirty = True
        return regex

    def save(self) -> None:
        """Write the entries if any were added; a folder that cannot be written is left as it is."""
        if not self.dirty or self.path is None:
            return
        import tempfile  # only here: it costs more to import than a warm start spends
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".regex-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(self.entries, f, separators=(",", ":"))
                os.replace(tmp, self.path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            return
        self.dirty = False


def cache_path() -> Path | None:
    """Where the checked regexes are kept: per Python version, since its re module decides what
    compiles, and per version of kg/literals.py, which decides the literals."""
    from kg.resources import cache_dir

    try:
        deriver = sha256(Path(__file__).with_name("literals.py").read_bytes()).hexdigest()[:12]
        return cache_dir() / f"regex-py{sys.version_info[0]}.{sys.version_info[1]}-{deriver}.json"
    except (OSError, RuntimeError):  # no source to read, or no home folder to expand "~" in
        return None


def _key(source: str, flags: int) -> str:
    return sha256(f"{flags}\0{source}".encode("utf-8")).hexdigest()[:32]


def _valid(entry) -> bool:
    return (isinstance(entry, list) and len(entry) == 2
            and (entry[0] is None or (isinstance(entry[0], list) and entry[0]
                                      and all(isinstance(o, list) and o and all(map(_literal, o)) for o in entry[0])))
            and isinstance(entry[1], list) and all(isinstance(x, str) for x in entry[1]))


def _literal(x) -> bool:
    return isinstance(x, str) and x != "" and x.isascii() and x == x.lower()


def _read(path: Path | None) -> dict[str, list]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
