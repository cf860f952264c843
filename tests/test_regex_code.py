"""kg/regex_code.py: a regex compiled from the cached code behaves exactly as re.compile's, and a
cache that is corrupt, forged, of another interpreter or unwritable only means compiling again.

Every regex the English pack and its date and number grammars compile for the examples (and the
shared corpus, read from ../shared/corpus when it is there) goes through one cache, is saved,
read back by a new cache as another process would, and compared with re.compile's on those texts
and on fuzzed text: same matches (spans and groups) by search, match and fullmatch, same
groupindex, groups, flags and pattern.
"""
from __future__ import annotations

import marshal
import os
import random
import re
import zlib
from pathlib import Path

import pytest

from kg import regex_code
from kg.regex_code import INTERPRETER, USABLE, CodeCache

pytestmark = pytest.mark.skipif(not USABLE, reason="not CPython: re.compile is used as it is")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"


def _texts() -> list[str]:
    from kg.api import read

    paths = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".json", ".txt", ".html"))
    if CORPUS.is_dir():
        paths += sorted(p for split in ("seed", "dev", "dev2") for p in (CORPUS / split).glob("*.json")
                        if not p.name.endswith(".gold.json"))
    return [read(str(p)).text for p in paths]


def _fuzzed(texts: list[str], seed: int = 16) -> list[str]:
    """Words of the texts shuffled, with digits, case changes, punctuation and other scripts
    between them: text on which the regexes' alternatives, classes and anchors all get tried."""
    rng = random.Random(seed)
    words = sorted({w for t in texts for w in t.split()})
    odd = ["", " ", "  ", "\n", "\t", ",", ".", "-", "'", "\u2019", "\u00a0", "$", "%", "(", ")", "12", "1,500",
           "2022", "III", "\u00e9", "\u0416", "\u4e2d", "\U0001f600", "\ufffd", "s", "—"]
    out = []
    for _ in range(40):
        parts = []
        for _ in range(400):
            w = rng.choice(words)
            w = rng.choice([w, w.lower(), w.upper(), w.title(), w[: max(1, len(w) // 2)]])
            parts.append(w + rng.choice(odd) + rng.choice([" ", " ", "\n", ""]))
        out.append("".join(parts))
    return out


def _behaviour(pattern: re.Pattern[str], texts: list[str]) -> list:
    seen: list = [pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), repr(pattern)]
    for text in texts:
        seen.append([(m.span(), m.groups(), m.lastindex) for m in pattern.finditer(text)])
        for line in text.splitlines()[:60]:
            m = pattern.match(line)
            seen.append(m and (m.span(), m.groups()))
            for word in line.split()[:12]:
                m = pattern.fullmatch(word)
                seen.append(m and m.groups())
    return seen


def _compile_everything(rules, texts: list[str]) -> None:
    """Every regex of the pack, its date and number grammars, and what extracting the texts compiles."""
    from kg.extract.dates import find_dates
    from kg.extract.numbers import number_grammar
    from kg.model import Article
    from kg.pipeline import extract

    for regex in [*(t.regex for t in rules.triggers), *(c.regex for c in rules.counts),
                  *(d.regex for d in rules.debris)]:
        regex.compiled
    for patterns in (rules.cues, rules.roles, rules.patterns):
        for name in patterns:
            patterns[name]
    grammar = number_grammar(rules)
    for name in rules.templates:
        if name in ("date", "duration", "nth_day"):  # filled with the date grammar's slots too
            continue
        grammar.template(name)
    find_dates(texts[0], None, rules=rules)  # builds the date grammar
    for text in texts[:6]:
        extract(Article(text=text, source="test"), rules=rules)


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> tuple[Path, list[str]]:
    from kg.rules import load_rules

    texts = _texts()
    path = tmp_path_factory.mktemp("regex-code") / "codes.bin"
    first = CodeCache(path)
    mp = pytest.MonkeyPatch()
    mp.setattr(regex_code, "_cache", first)
    try:
        _compile_everything(load_rules("en"), texts)  # a pack of its own: its regexes compile now
    finally:
        mp.undo()
    assert len(first.entries) > 150
    first.save()
    return path, texts


def test_cached_regexes_behave_as_re_compile(saved):
    path, texts = saved
    texts = texts + _fuzzed(texts)
    cache = CodeCache(path)  # read back, as the next process does
    keys = list(cache.entries)
    assert len(keys) > 150
    for flags, source in keys:
        cached = cache.compile(source, flags)
        re.purge()
        assert _behaviour(cached, texts) == _behaviour(re.compile(source, flags), texts), source[:200]
    assert cache.hits == len(keys)  # every one from the cached code, none compiled again
    assert not cache.dirty


def test_a_new_regex_is_added_and_saved_once(tmp_path):
    path = tmp_path / "codes.bin"
    cache = CodeCache(path)
    pattern = cache.compile(r"(?P<n>\d+)\s+(?P<unit>days?|weeks?)", re.I)
    assert pattern.groupindex == {"n": 1, "unit": 2} and cache.hits == 0 and cache.dirty
    cache.save()
    assert not cache.dirty
    again = CodeCache(path)
    assert again.compile(r"(?P<n>\d+)\s+(?P<unit>days?|weeks?)", re.I).match("3 Weeks").groupdict() == \
        {"n": "3", "unit": "Weeks"}
    assert again.hits == 1
    again.save()  # nothing new: the file is not written
    assert not again.dirty


def _one_entry_file(path: Path, entry_for) -> tuple[str, int]:
    """A cache file, with a valid digest, whose one entry is ``entry_for(real entry)``."""
    source, flags = r"(?P<year>\d{4})-(\d\d)", 0
    cache = CodeCache(path)
    cache.compile(source, flags)
    cache.save()
    _write(path, INTERPRETER, {(flags, source): entry_for(cache.entries[(flags, source)])})
    return source, flags


def _write(path: Path, interpreter, entries) -> None:
    payload = marshal.dumps((interpreter, entries))
    path.write_bytes(zlib.crc32(payload).to_bytes(4, "big") + payload)


def _same_as_re(cache: CodeCache, source: str, flags: int) -> None:
    text = "in 2021-03 and 1999-12, not 12-1999"
    assert _behaviour(cache.compile(source, flags), [text]) == _behaviour(re.compile(source, flags), [text])


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty"])
def test_a_corrupt_file_is_not_read(tmp_path, damage):
    path = tmp_path / "codes.bin"
    source, flags = _one_entry_file(path, lambda e: e)
    data = path.read_bytes()
    path.write_bytes({"garbage": os.urandom(len(data)), "truncated": data[: len(data) // 2],
                      "flipped": data[:-5] + bytes([data[-5] ^ 0x01]) + data[-4:], "empty": b""}[damage])
    cache = CodeCache(path)
    assert cache.entries == {}
    _same_as_re(cache, source, flags)
    assert cache.hits == 0 and cache.dirty  # compiled again, and saved at exit


def test_code_sre_refuses_is_compiled_again(tmp_path):
    path = tmp_path / "codes.bin"

    def broken(entry):  # the digest is right, the code is not: _sre.compile's own check refuses it
        code = bytearray(entry[1])
        code[-8:] = b"\xff" * 8
        return (entry[0], bytes(code), *entry[2:])

    source, flags = _one_entry_file(path, broken)
    cache = CodeCache(path)
    forged = cache.entries[(flags, source)]
    _same_as_re(cache, source, flags)
    assert cache.hits == 0 and cache.dirty
    assert cache.entries[(flags, source)] != forged  # replaced by the code re makes


@pytest.mark.parametrize("entry", [None, (), ("x",), (0, "not bytes", 1, {}, ()), (0, b"\x00" * 3, 1, {}, ())])
def test_a_malformed_entry_is_compiled_again(tmp_path, entry):
    path = tmp_path / "codes.bin"
    source, flags = _one_entry_file(path, lambda e: entry)
    cache = CodeCache(path)
    _same_as_re(cache, source, flags)
    assert cache.hits == 0


def test_another_interpreters_file_is_not_read(tmp_path):
    path = tmp_path / "codes.bin"
    source, flags = _one_entry_file(path, lambda e: e)
    _write(path, INTERPRETER[:1] + ("3.11.0 (other build)",) + INTERPRETER[2:], CodeCache(path).entries)
    assert CodeCache(path).entries == {}


def test_a_malformed_regex_raises_as_re_compile_does(tmp_path):
    cache = CodeCache(tmp_path / "codes.bin")
    with pytest.raises(re.error) as ours:
        cache.compile(r"(?P<a>x)(?P<a>y)")
    with pytest.raises(re.error) as theirs:
        re.compile(r"(?P<a>x)(?P<a>y)")
    assert str(ours.value) == str(theirs.value)
    assert cache.entries == {}


def test_debug_flag_is_left_to_re_compile(tmp_path, capsys):
    cache = CodeCache(tmp_path / "codes.bin")
    cache.compile("a+b", re.DEBUG)
    assert capsys.readouterr().out  # re.compile printed the code, as it does
    assert cache.entries == {}


def test_an_unwritable_folder_is_left_alone(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        cache = CodeCache(folder / "codes.bin")
        cache.compile("a+b")
        cache.save()  # no error
        assert not (folder / "codes.bin").exists() or os.geteuid() == 0
    finally:
        folder.chmod(0o700)


def test_the_file_keeps_what_was_used_last_within_its_budget(tmp_path):
    path = tmp_path / "codes.bin"
    old = CodeCache(path)
    sources = [rf"(?:{w}|{w}s)\d+" for w in ("alpha", "beta", "gamma", "delta")]
    for source in sources:
        old.compile(source)
    old.save()
    new = CodeCache(path)
    new.compile(sources[0])  # used by this process: kept, as the newest
    new.compile(r"epsilon\w+")  # new: the file is written
    entries = {**regex_code._read(path), **new.entries}
    expected = [sources[2], sources[3], sources[0], r"epsilon\w+"]  # the oldest unused one goes
    budget = sum(regex_code._size((0, s), entries[(0, s)]) for s in expected)
    assert [s for _, s in regex_code.within_budget(entries, new.used, budget)] == expected
    assert [s for _, s in regex_code.within_budget(entries, new.used, budget - 1)] == expected[1:]
    assert regex_code.within_budget({(0, "x"): None, **new.entries}, new.used) == new.entries  # malformed: dropped
