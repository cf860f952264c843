"""Text normalisation shared by the gazetteer's index and its scanner.

Matching works on *tokens*, not characters: a token is a run of letters/digits or one
punctuation mark, and it keeps its character offsets into the original text, so a match
can always be reported as a verbatim slice. Tokens are folded (diacritics removed,
curly apostrophes and dashes unified) but keep their case, because proper names are
matched on their capitalised forms only ("Chad" the country, never "chad").
"""
from __future__ import annotations

import re
import unicodedata
from itertools import accumulate
from typing import NamedTuple

# Hyphens and dashes join compounds ("Russia-led", "Guinea-Bissau" = "Guinea Bissau") and dots
# sit inside abbreviations ("U.S." = "U S"): the tokenizer treats them like spaces.
_JOINERS = ".\\-\u2010-\u2015\u2212"
_WORD = re.compile(rf"\w+|[^\w\s{_JOINERS}]")
_CHUNK = re.compile(rf"[\s{_JOINERS}]*(?:\w+|[^\w\s{_JOINERS}])")
# Decomposed text (letters followed by combining accents) needs the slower patterns.
_COMBINING = re.compile(r"[\u0300-\u036f]")
_WORD_SLOW = re.compile(rf"(?:[^\W_]|[\u0300-\u036f])+|[^\w\s{_JOINERS}\u0300-\u036f]")
_CHUNK_SLOW = re.compile(rf"[\s_{_JOINERS}]*(?:(?:[^\W_]|[\u0300-\u036f])+|[^\w\s{_JOINERS}\u0300-\u036f])")

_APOSTROPHES = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
})

# Characters NFKD leaves alone but English news spells without them.
_EXTRA_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                             "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})


class Token(NamedTuple):
    text: str  # folded, case kept
    start: int
    end: int


class Tokens(NamedTuple):
    """A text's tokens as parallel lists (cheap to build: the scanner's hot path)."""

    words: list[str]  # folded, case kept
    raw: list[str]  # as written
    ends: list[int]  # end offset of each token in the text

    def start(self, i: int) -> int:
        return self.ends[i] - len(self.raw[i])


def fold(s: str) -> str:
    """Remove diacritics and unify apostrophes/dashes; keeps case."""
    s = s.translate(_APOSTROPHES)
    if s.isascii():
        return s
    s = s.translate(_EXTRA_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def split_tokens(text: str) -> Tokens:
    word, chunk = (_WORD_SLOW, _CHUNK_SLOW) if _COMBINING.search(text) else (_WORD, _CHUNK)
    raw = word.findall(text)
    ends = list(accumulate(map(len, chunk.findall(text))))
    words = raw if text.isascii() else [w if w.isascii() else fold(w) for w in raw]
    return Tokens(words, raw, ends)


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` (folded) with their offsets into it."""
    t = split_tokens(text)
    return [Token(w, e - len(r), e) for w, r, e in zip(t.words, t.raw, t.ends)]


def key_of(surface: str) -> tuple[str, ...]:
    """The token key a surface form is indexed under (case kept)."""
    return tuple(split_tokens(surface).words)


def query_key(name: str) -> str:
    """A case-insensitive key for looking a typed name up (``kg link``)."""
    toks = [w.casefold() for w in split_tokens(name).words]
    # "the Kyrgyz Republic", "Kazakhstan's": the article and the possessive are not the name.
    if len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    if len(toks) > 2 and toks[-2] == "'" and toks[-1] == "s":
        toks = toks[:-2]
    elif len(toks) > 1 and toks[-1] == "'":
        toks = toks[:-1]
    return " ".join(toks)


def slugify(label: str) -> str:
    """A stable ASCII slug for an unlinked entity's key: "Kok-Tash" -> "kok-tash"."""
    s = fold(label).casefold()
    s = re.sub(r"[^a-z0-9]+", "-", s.encode("ascii", "ignore").decode("ascii"))
    return s.strip("-") or "unnamed"


def is_capitalised(tok: str) -> bool:
    return tok[:1].isupper()
