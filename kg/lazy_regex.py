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
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from kg import regex_code
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
        return regex_code.compile(self.source, self.flags)

    def may_match_in(self, text: str, pos: int, endpos: int, folded: str | None = None) -> bool:
        """False when ``compiled.search(text, pos, endpos)`` (or ``match``) cannot match: only
        the window's own characters are looked in, and those before it when a lookbehind may
        read them (a lookahead cannot read past ``endpos``). ``folded`` is the fold of ``text``,
        when the caller has it (a slice of it holds the same ASCII literals as the slice's fold)."""
        if self.literals is None:
            return True
        lo = 0 if self._behind else pos
        return self.may_match(fold(text[lo:endpos]) if folded is None else folded[lo:endpos])

    @cached_property
    def _behind(self) -> bool:
        # A positive lookbehind's literals are required too, and it may find them before ``pos``.
        return "(?<=" in self.source

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
    """Which of many regexes may match a text, found by one scan of the text for the starts of
    all their literals at once rather than by looking each literal up in turn."""

    # Literals are scanned for by their first few characters: a longer trie costs more to compile
    # than it spares (the rest of a longer literal is looked up only where its start was found).
    _HEAD = 4

    def __init__(self, regexes: Sequence[LazyRegex]):
        self.regexes = tuple(regexes)
        self._always = [i for i, r in enumerate(self.regexes) if r.literals is None]
        by_literal: dict[str, list[int]] = {}
        for i, r in enumerate(self.regexes):
            for lit in (r.literals or ((),))[0]:
                by_literal.setdefault(lit, []).append(i)
        k = self._HEAD
        # The scan finds, at each position, the longest head starting there. A literal the text
        # holds at that position has its head among that head's prefixes: a short literal is
        # then there for sure, a longer one only if the rest of it is there too.
        heads = {lit[:k] for lit in by_literal}
        self._sure = {h: sorted({i for j in range(1, len(h) + 1) for i in by_literal.get(h[:j], ())})
                      for h in heads}
        longer: dict[str, list[tuple[str, list[int]]]] = {}
        for lit, ids in by_literal.items():
            if len(lit) > k:
                longer.setdefault(lit[:k], []).append((lit, ids))
        self._longer = longer
        self._heads = heads
        self._rest = {i: r.literals[1:] for i, r in enumerate(self.regexes) if r.literals and len(r.literals) > 1}

    @cached_property
    def _scan(self) -> re.Pattern[str]:
        return regex_code.compile(f"(?=({_trie(self._heads)}))") if self._heads else re.compile(r"(?!)")

    def candidates(self, folded: str) -> list[int]:
        """The indices, in order, of the regexes that may match the text whose fold is ``folded``."""
        hit = set(self._always)
        sure, longer = self._sure, self._longer
        for head in set(self._scan.findall(folded)):
            hit.update(sure[head])
            for lit, ids in longer.get(head, ()):
                if lit in folded:
                    hit.update(ids)
        out = []
        rest = self._rest
        for i in sorted(hit):
            for options in rest.get(i, ()):
                for lit in options:
                    if lit in folded:
                        break
                else:
                    break
            else:
                out.append(i)
        return out


def _trie(words) -> str:
    """A regex matching the longest of ``words`` that starts where it is tried: the words as a
    trie, so that each character is compared once whatever the number of words."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


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
        end = len(text) if endpos is None else endpos
        if regex.literals is not None and not regex.may_match_in(text, pos, end, folded):
            return None
        return regex.compiled.search(text, pos, end)

    def match(self, name: str, text: str, folded: str | None = None, pos: int = 0,
              endpos: int | None = None) -> re.Match[str] | None:
        """``self[name].match(text, pos, endpos)``, skipped as ``search`` is."""
        regex = self._regexes[name]
        end = len(text) if endpos is None else endpos
        if regex.literals is not None and not regex.may_match_in(text, pos, end, folded):
            return None
        return regex.compiled.match(text, pos, end)


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

        compiled = regex_code.compile(source, flags)
        lits = necessary_literals(source, flags)
        regex = LazyRegex(source, flags, lits, tuple(compiled.groupindex))
        self.entries[key] = [[list(o) for o in lits] if lits is not None else None, list(regex.groups)]
        self.dirty = True
        return regex

    def save(self) -> None:
        """Write the entries if any were added; a folder that cannot be written is left as it is."""
        if not self.dirty or self.path is None:
            return
        if regex_code.write_atomically(self.path, json.dumps(self.entries, separators=(",", ":")).encode()):
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
