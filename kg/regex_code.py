"""Compiled regular expressions kept on disk: a start-up compiles each regex in one C call.

CPython's ``re.compile`` parses a pattern and generates its matcher code in pure Python, then
hands the code to ``_sre.compile``; for the rule pack's large alternations the Python part costs
more than reading an article. ``compile`` keeps the generated code per user (kg.resources.cache_dir)
and gives it straight to ``_sre.compile`` on the next start.

Why this is sound: the file is keyed by the exact interpreter (its version string, ``_sre.MAGIC``,
the code word size), each entry by the pattern's exact text and flags; the file carries a CRC-32
of its content, so a truncated or damaged file is not read; and ``_sre.compile`` validates any
code it is given (RuntimeError "invalid SRE code"), so no file can make it run code it refuses.
Any mismatch, corruption, unreadable file, refused code or unknown interpreter means the pattern
is compiled as ``re.compile`` does.
New entries are written at exit, atomically, with the entries this process used kept first
when the file outgrows its budget (old rule packs' regexes go).
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path

try:
    import _sre
except ImportError:  # pragma: no cover - not CPython
    _sre = None

__all__ = ["CodeCache", "compile"]

# What decides the code a pattern compiles to; a file made under anything else is not read.
INTERPRETER = (sys.implementation.name, sys.version, getattr(_sre, "MAGIC", None),
               getattr(_sre, "CODESIZE", None), sys.maxunicode, marshal.version)
_WORD = "I" if array("I").itemsize == getattr(_sre, "CODESIZE", 0) else "L"
USABLE = (sys.implementation.name == "cpython" and _sre is not None
          and array(_WORD).itemsize == _sre.CODESIZE)
# Flags that make re.compile print (DEBUG) or warn (TEMPLATE): left to re.compile.
_OWN_WAY = re.DEBUG | getattr(re, "TEMPLATE", 0)
# Bytes of code and pattern text the file keeps (the English pack's regexes take about 0.5 MB):
# reading it costs about 3 ms per MB.
BUDGET = 1_500_000


class CodeCache:
    """{(flags, pattern): what _sre.compile takes}, read from and saved to ``path``."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[tuple[int, str], tuple] = _read(path)
        self.dirty = False
        self.used: dict[tuple[int, str], None] = {}  # the keys this process compiled, in order
        self.hits = 0  # patterns compiled from the cache (the tests check it is used)

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(source, flags)``, from the cached code when there is some."""
        flags = int(flags)
        if not USABLE or flags & _OWN_WAY or not isinstance(source, str):
            return re.compile(source, flags)
        key = (flags, source)
        self.used[key] = None
        entry = self.entries.get(key)
        if entry is not None:
            try:
                final_flags, code, groups, groupindex, indexgroup = entry
                pattern = _sre.compile(source, final_flags, array(_WORD, code).tolist(), groups,
                                       groupindex, indexgroup)
                self.hits += 1
                return pattern
            except Exception:  # refused or malformed: compiled again below, and replaced
                pass
        try:
            pattern, entry = _generate(source, flags)
        except Exception:  # a malformed pattern (raised again below) or re's internals changed
            return re.compile(source, flags)
        self.entries[key] = entry
        self.dirty = True
        return pattern

    def save(self) -> None:
        """Write the entries, with those another process saved meanwhile, if any were added;
        a folder that cannot be written is left as it is."""
        if not self.dirty or self.path is None:
            return
        payload = marshal.dumps((INTERPRETER, within_budget({**_read(self.path), **self.entries}, self.used)))
        if write_atomically(self.path, zlib.crc32(payload).to_bytes(4, "big") + payload):
            self.dirty = False


def within_budget(entries: dict, used, budget: int = BUDGET) -> dict:
    """The entries to keep: those ``used`` last (most recent), the oldest others dropped first
    while the whole is over ``budget`` bytes; a malformed one is dropped."""
    sizes = {k: _size(k, e) for k, e in entries.items()}
    ordered = [k for k in entries if k not in used and sizes[k]] + [k for k in used if sizes.get(k)]
    total = sum(sizes[k] for k in ordered)
    start = 0
    while total > budget and start < len(ordered):
        total -= sizes[ordered[start]]
        start += 1
    return {k: entries[k] for k in ordered[start:]}


def _size(key, entry) -> int:
    """Bytes of pattern text and code, 0 for what is not an entry."""
    if not (isinstance(key, tuple) and len(key) == 2 and isinstance(key[1], str)
            and isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[1], bytes)):
        return 0
    return len(key[1]) + len(entry[1])


def write_atomically(path: Path, data: bytes) -> bool:
    """Write a cache file whole or not at all (readers never see half of one); False when its
    folder cannot be written, which only means the cache is not kept."""
    import tempfile  # only here: it costs more to import than a warm start spends

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False
    return True


def _generate(source: str, flags: int) -> tuple[re.Pattern[str], tuple]:
    """What re._compiler.compile does (CPython 3.11 to 3.13), keeping the arguments it gives
    _sre.compile: the pattern, and its cache entry."""
    from re import _compiler, _parser

    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    pattern = _sre.compile(source, *args)
    return pattern, (args[0], array(_WORD, code).tobytes(), *args[2:])


def _read(path: Path | None) -> dict[tuple[int, str], tuple]:
    if path is None:
        return {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    digest, payload = data[:4], data[4:]
    if len(digest) != 4 or zlib.crc32(payload) != int.from_bytes(digest, "big"):
        return {}
    try:
        interpreter, entries = marshal.loads(payload)
    except Exception:  # marshal's errors for a payload that is not its own: ValueError, EOFError, TypeError
        return {}
    return entries if interpreter == INTERPRETER and isinstance(entries, dict) else {}


def cache_path() -> Path | None:
    """One file per interpreter build: two Pythons of the same minor version sharing a home
    folder keep their own."""
    from kg.resources import cache_dir

    build = f"{zlib.crc32(repr(INTERPRETER).encode('utf-8')):08x}"
    try:
        return cache_dir() / f"regex-code-{sys.implementation.cache_tag}-{build}.bin"
    except RuntimeError:  # no home folder to expand "~" in
        return None


_cache: CodeCache | None = None


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's twin
    """``re.compile(source, flags)`` through the per-user cache of compiled code."""
    global _cache
    if _cache is None:
        _cache = CodeCache(cache_path())
        atexit.register(_cache.save)
    return _cache.compile(source, flags)
