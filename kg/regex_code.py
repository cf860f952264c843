"""Compiled regular expressions kept on disk: a start-up compiles each regex in one C call.

CPython's ``re.compile`` parses a pattern and generates its matcher code in pure Python, then
hands the code to ``_sre.compile``; for the rule pack's large alternations the Python part costs
more than reading an article. ``compile`` keeps the generated code per user (kg.resources.cache_dir)
and gives it straight to ``_sre.compile`` on the next start.

Why this is sound: the file is keyed by the exact interpreter (its version string, ``_sre.MAGIC``,
the code word size), each entry by the pattern's exact text and flags; the file carries a SHA-256
of its content, so a truncated or altered file is not read; and ``_sre.compile`` validates any
code it is given (RuntimeError "invalid SRE code"). Any mismatch, corruption, unreadable file,
refused code or unknown interpreter means the pattern is compiled as ``re.compile`` does.
New entries are written once, at exit, atomically.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from array import array
from pathlib import Path

try:  # the hash alone, without hashlib's OpenSSL (see kg/lazy_regex.py)
    from _sha256 import sha256
except ImportError:  # pragma: no cover - other Python versions
    from hashlib import sha256

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
_MAX_ENTRIES = 4096  # old rule packs' regexes are dropped, oldest first, past this many


class CodeCache:
    """{(flags, pattern): what _sre.compile takes}, read from and saved to ``path``."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[tuple[int, str], tuple] = _read(path)
        self.dirty = False
        self.hits = 0  # patterns compiled from the cache (the tests check it is used)

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(source, flags)``, from the cached code when there is some."""
        flags = int(flags)
        if not USABLE or flags & _OWN_WAY or not isinstance(source, str):
            return re.compile(source, flags)
        key = (flags, source)
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
        self.entries.pop(key, None)  # re-inserted last: the newest entries are the ones kept
        self.entries[key] = entry
        self.dirty = True
        return pattern

    def save(self) -> None:
        """Write the entries, with those another process saved meanwhile, if any were added;
        a folder that cannot be written is left as it is."""
        if not self.dirty or self.path is None:
            return
        entries = {**_read(self.path), **self.entries}
        entries = dict(list(entries.items())[-_MAX_ENTRIES:])
        payload = marshal.dumps((INTERPRETER, entries))
        if write_atomically(self.path, sha256(payload).digest() + payload):
            self.dirty = False


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
    digest, payload = data[:32], data[32:]
    if sha256(payload).digest() != digest:
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

    build = sha256(repr(INTERPRETER).encode("utf-8")).hexdigest()[:12]
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
