"""The literal prefilter (kg/literals.py, kg/lazy_regex.py) is sound: a regex it skips for a text
has no match in that text. Checked for every regex of the packaged rule pack over the shared
corpus's sentences (read from ../shared when present), the examples, made-up sentences and
fuzzed variants of them all, with the characters re.IGNORECASE folds onto ASCII letters."""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

from kg.lazy_regex import Checked, LazyRegex, RegexIndex
from kg.literals import fold, necessary_literals
from kg.rules import default_rules, load_rules
from kg.text import clean

ROOT = Path(__file__).resolve().parents[1]
# ../shared next to the clone (or next to the folder of git worktrees the clone is in)
CORPUS = next((p for p in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
               if p.is_dir()), ROOT.parent / "shared" / "corpus")

MADE_UP = [
    "Russia deployed 2,000 paratroopers to Kazakhstan on Thursday at the request of its president.",
    "Troops were sent in after protests over fuel prices turned violent in Almaty.",
    "The peacekeepers began withdrawing on January 13 and completed the pullout a week later.",
    "Police arrested 5,800 people, including foreigners, the interior ministry said on Sunday.",
    "Gunmen stormed a police station, killing three officers and wounding 12, officials said.",
    "The army seized power in a coup and detained President Mohamed Bazoum on July 26.",
    "Clashes between Kyrgyz and Tajik border guards killed at least 24 people, AFP reported.",
    "A curfew was imposed from 11 p.m. to 7 a.m. and a state of emergency declared for two weeks.",
    "Protesters set fire to the mayor's office; demonstrators took to the streets of the capital.",
    "He resigned on Wednesday, three days after being sacked as head of the security council.",
    "The CSTO mission, which brought together forces from Armenia and Belarus, ended on 19 January.",
    "Soldiers fanned out across the city and set up checkpoints, witnesses told Reuters.",
    "It was not a deployment: the software update was deployed to all servers overnight.",
]
# Every character re.IGNORECASE matches with an ASCII letter other than the letter's two cases.
ODD_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _corpus_texts() -> list[str]:
    texts = []
    for folder in ("seed", "dev", "dev2"):
        for path in sorted((CORPUS / folder).glob("*.json")):
            if path.name.endswith(".gold.json"):
                continue
            try:
                texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
            except (OSError, ValueError, KeyError):
                continue
    return texts


def _example_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]


def _sentences() -> list[str]:
    rules = default_rules()
    out = list(MADE_UP)
    for text in _corpus_texts() + _example_texts():
        out += [s.text for s in clean(text, rules).sentences]
    return out


def _fuzzed(sentences: list[str], rng: random.Random, literals: list[str]) -> list[str]:
    """Variants: odd cases of i, k and s, flipped case, and literals spliced in at random."""
    out = []
    for s in sentences:
        chars = list(s)
        for i, ch in enumerate(chars):
            low = ch.lower()
            if low in ODD_CASES and rng.random() < 0.3:
                chars[i] = rng.choice(ODD_CASES[low])
            elif rng.random() < 0.1:
                chars[i] = ch.swapcase()
        out.append("".join(chars))
        words = s.split()
        for _ in range(2):
            pos = rng.randrange(len(words) + 1)
            spliced = words[:pos] + [rng.choice(literals)] + words[pos:]
            out.append(" ".join(spliced))
    return out


def _pack_regexes(rules) -> list[tuple[str, LazyRegex]]:
    out = [(f"trigger {t.rule}", t.regex) for t in rules.triggers]
    out += [(f"count {c.kind}", c.regex) for c in rules.counts]
    out += [(f"debris {d.kind}", d.regex) for d in rules.debris]
    for kind, table in (("cue", rules.cues), ("role", rules.roles), ("pattern", rules.patterns)):
        out += [(f"{kind} {name}", table.lazy(name)) for name in table]
    return out


def test_the_fold_covers_every_character_ignorecase_matches_with_an_ascii_letter():
    chars = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        for ch in re.findall(re.escape(letter), chars, re.I):
            assert fold(ch) == letter, (hex(ord(ch)), letter)
    # and str.lower() maps no other character onto ASCII, nor changes a length
    assert all(fold(ch) == ch.lower() and len(ch.lower()) == 1 and not ch.lower().isascii()
               for ch in chars if fold(ch) not in "iks")


def test_a_text_folds_as_its_characters_do_whichever_way_it_is_folded():
    import random

    rng = random.Random(5)
    alphabet = "aZ .\u201c\u201d\u2014\u00e9\u00c9\u0130\u0131\u017f\u212a\u03a3\U0001F600"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fold(text) == "".join(fold(ch) for ch in text) or "\u03a3" in text  # final sigma
        assert fold(text) == text.translate({0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}).lower()


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\bdeploy(?:ed|s)?\b", re.I, (("deploy",),)),
    (r"\b(?:troops|soldiers)\b[^.]{0,40}\bsent\b", re.I, (("soldiers", "troops"), ("sent",))),
    (r"(?<=army )units", 0, (("units",), ("army ",))),
    (r"(?!war)\w+", re.I, None),  # a negative lookahead tells nothing
    (r"a?b*", 0, None),  # can match the empty string
    (r"(?:Kiev|Kyiv) said", 0, (("kiev said", "kyiv said"),)),
    (r"x{2,5}", 0, (("x",),)),
    (r"caf\u00e9s", re.I, (("caf",), ("s",))),  # a non-ASCII letter ends the literal
])
def test_necessary_literals_of_small_patterns(pattern, flags, expected):
    assert necessary_literals(pattern, flags) == expected


def test_every_pack_regex_skipped_by_the_prefilter_has_no_match():
    rules = default_rules()
    regexes = _pack_regexes(rules)
    assert sum(r.literals is not None for _, r in regexes) > 0.8 * len(regexes)
    rng = random.Random(16)
    literals = sorted({lit for _, r in regexes for opts in (r.literals or ()) for lit in opts})
    sentences = _sentences()
    texts = sentences + _fuzzed(sentences, rng, literals) + [
        "".join(rng.choice("aeiksotnr ſKİı.,'-") for _ in range(rng.randrange(1, 80))) for _ in range(300)]
    index = RegexIndex([r for _, r in regexes])
    for text in texts:
        folded = fold(text)
        assert index.candidates(folded) == [i for i, (_, r) in enumerate(regexes) if r.may_match(folded)]
    checked = 0
    for name, regex in regexes:
        pattern = regex.compiled
        for text in texts:
            folded = fold(text)
            if not regex.may_match(folded):
                checked += 1
                assert pattern.search(text) is None, (name, text)
                # nor from any start, as the extractor searches windows of a sentence
                assert not any(pattern.match(text, i) for i in range(0, len(text), 7)), (name, text)
    assert checked > 0


def test_a_corrupt_or_unwritable_cache_only_means_compiling_again(tmp_path, monkeypatch):
    path = tmp_path / "regex.json"
    path.write_text("{not json", encoding="utf-8")
    fresh = Checked(path)
    regex = fresh.regex(r"\btroops\b", re.I)
    assert regex.literals == (("troops",),)
    fresh.save()
    again = Checked(path).regex(r"\btroops\b", re.I)
    assert again == regex and again.compiled.search("TROOPS")
    # a well-formed file with a wrong entry is ignored, entry by entry
    data = json.loads(path.read_text(encoding="utf-8"))
    data = {key: [["NOT LOWER"], []] for key in data}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert Checked(path).regex(r"\btroops\b", re.I).literals == (("troops",),)
    # a folder that cannot be written to is no error
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    unwritable = Checked(blocked / "sub" / "regex.json")
    unwritable.regex(r"\bsoldiers\b", re.I)
    unwritable.save()
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    assert load_rules().triggers == default_rules().triggers


def test_a_pattern_that_does_not_compile_fails_even_when_cached(tmp_path):
    with pytest.raises(re.error):
        Checked(tmp_path / "regex.json").regex(r"\b(x\b", re.I)


def test_a_regex_skipped_for_a_window_has_no_match_in_it():
    # The window's own characters are looked in, and those before it only when a lookbehind
    # may read them: "units" after "army " matches a window that starts at "units".
    behind = LazyRegex(r"(?<=army )units", 0, necessary_literals(r"(?<=army )units"))
    text = "the army units moved"
    assert behind.may_match_in(text, 9, len(text)) and behind.compiled.search(text, 9)
    ahead = LazyRegex(r"units(?= moved)", 0, necessary_literals(r"units(?= moved)"))
    assert not ahead.may_match_in(text, 0, 14) and ahead.compiled.search(text, 0, 14) is None
    rules = default_rules()
    rng = random.Random(17)
    sentences = _sentences()
    checked = 0
    for name, regex in _pack_regexes(rules):
        pattern = regex.compiled
        for text in rng.sample(sentences, min(40, len(sentences))):
            for _ in range(3):
                pos = rng.randrange(len(text) + 1)
                endpos = rng.randrange(pos, len(text) + 1)
                if not regex.may_match_in(text, pos, endpos):
                    checked += 1
                    assert pattern.search(text, pos, endpos) is None, (name, text, pos, endpos)
    assert checked > 0
