import json
import random
import re
from pathlib import Path

import pytest

from kg.extract.numbers import alternation, find_numbers, parse_number_word
from kg.model import Quantity

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def only(text: str):
    found = find_numbers(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize("text, span, quantity", [
    ("A 1,800-strong battalion landed.", "1,800-strong", Quantity(1800)),
    ("More than 3,000 marchers gathered.", "More than 3,000", Quantity(3000, True, 3000, None)),
    ("nearly 12,000 fled", "nearly 12,000", Quantity(12000, True, None, 12000)),
    ("at least 41 were hurt", "at least 41", Quantity(41, True, 41, None)),
    ("some 1,300 police", "some 1,300", Quantity(1300, True)),
    ("around 8,000 were held", "around 8,000", Quantity(8000, True)),
    ("about 55 died", "about 55", Quantity(55, True)),
    ("4,000+ volunteers", "4,000+", Quantity(4000, True, 4000, None)),
    ("6,421 detained overnight", "6,421", Quantity(6421)),
    ("twelve officers", "twelve", Quantity(12)),
    ("a dozen lorries", "a dozen", Quantity(12)),
    ("three medics", "three", Quantity(3)),
    ("2.5 million voters", "2.5 million", Quantity(2500000)),
    ("over 5,300 arrests", "over 5,300", Quantity(5300, True, 5300, None)),
    ("up to 450 troops", "up to 450", Quantity(None, True, None, 450)),
    ("terms between 4 and 12 years", "between 4 and 12", Quantity(None, True, 4, 12)),
    ("terms between two and 9 years", "between two and 9", Quantity(None, True, 2, 9)),
    ("dozens of homes", "dozens", Quantity(None, True, 24, None)),
    ("hundreds wounded", "hundreds", Quantity(None, True, 200, None)),
    ("Thousands rallied", "Thousands", Quantity(None, True, 2000, None)),
    ("dozens, perhaps hundreds, died", "dozens, perhaps hundreds", Quantity(None, True, 24, None)),
    ("hundreds if not thousands fled", "hundreds if not thousands", Quantity(None, True, 200, None)),
    ("tens of thousands marched", "tens of thousands", Quantity(None, True, 20000, None)),
    ("several hundred sailors", "several hundred", Quantity(None, True, 200, None)),
    ("thirty-seven cadets", "thirty-seven", Quantity(37)),
    ("two hundred and six prisoners", "two hundred and six", Quantity(206)),
    ("four or five trucks", "four or five", Quantity(None, True, 4, 5)),
    ("15-20 guards", "15-20", Quantity(None, True, 15, 20)),
    ("fewer than 60 people", "fewer than 60", Quantity(None, True, None, 59)),
    ("as many as 90 died", "as many as 90", Quantity(90, True, None, 90)),
    ("a couple of tanks", "a couple of", Quantity(2, True)),
])
def test_counts(text, span, quantity):
    m = only(text)
    assert m.text == span
    assert m.quantity == quantity
    assert m.is_count and not m.is_year and m.unit is None
    assert text[m.start:m.end] == span


def test_offsets_are_shifted_by_base():
    m = find_numbers("so 77 left", base=100)[0]
    assert (m.start, m.end, m.text) == (103, 105, "77")


@pytest.mark.parametrize("text", [
    "It began on March 9.", "It began on 9 March 2021.", "Rome/04.02.21/Agency: talks",
    "Filed on Sept. 3, 2019.", "dated 2021-02-04", "She came first.", "the 3rd convoy",
    "at 8am", "at 6 p.m. local time", "by 14:45", "under Resolution 1973", "a Su-25 jet",
    "an An-124 transport", "COVID-19 rules", "the G20 summit", "no one was hurt",
    "a one-sided contest", "Mr Smith, 2.5 metres", "-0-",
])
def test_not_counts(text):
    assert [m.text for m in find_numbers(text) if m.is_count] == []


@pytest.mark.parametrize("text, span, unit", [
    ("rose 12% in a year", "12%", "percent"),
    ("about 30 per cent of voters", "about 30 per cent", "percent"),
    ("costs $640 a month", "$640", "currency"),
    ("a $2.5 billion loan", "$2.5 billion", "currency"),
    ("paid 300 euros", "300 euros", "currency"),
    ("a 31-year-old driver", "31-year-old", "age"),
    ("he was 40 years old", "40 years old", "age"),
    ("stay for 72 hours", "72 hours", "duration:hours"),
    ("a seven-year term", "seven-year", "duration:years"),
    ("in three weeks", "three weeks", "duration:weeks"),
])
def test_units_are_flagged(text, span, unit):
    m = only(text)
    assert (m.text, m.unit, m.is_count) == (span, unit, False)


@pytest.mark.parametrize("text, span", [
    ("riots in 2014 left scars", "2014"), ("since 1998", "1998"), ("the 2019 vote", "2019"),
    ("in the 1970s", "1970s"), ("the late 1960s", "1960s"), ("(2003-2008)", "2003-2008"),
])
def test_years_are_flagged(text, span):
    m = only(text)
    assert m.text == span and m.is_year and not m.is_count


def test_four_digit_count_before_a_plural_is_not_a_year():
    m = only("police held 1500 protesters")
    assert m.quantity.value == 1500 and not m.is_year


def test_rising_toll_gives_two_numbers():
    assert [m.quantity.value for m in find_numbers("lifted the toll to 318 from 207")] == [318, 207]
    assert [m.quantity.value for m in find_numbers("the toll went from 207 to 318")] == [207, 318]


def test_count_before_a_date_survives():
    found = find_numbers("Officials said 58 died on March 2, 2020.")
    assert [m.text for m in found] == ["58"]


@pytest.mark.parametrize("s, value", [
    ("eleven", 11), ("a dozen", 12), ("two dozen", 24), ("2,500", 2500), ("1.5 million", 1500000),
    ("ninety-nine", 99), ("one thousand two hundred", 1200), ("a hundred", 100), ("40", 40),
    ("Seventeen", 17), ("3 thousand", 3000),
])
def test_parse_number_word(s, value):
    assert parse_number_word(s) == value


@pytest.mark.parametrize("s", ["", "dozens", "twenty twelve", "one two", "seven and", "abc", "and five"])
def test_parse_number_word_rejects(s):
    assert parse_number_word(s) is None


def corpus_texts():
    if not CORPUS.is_dir():
        return []
    return [p for p in sorted(CORPUS.glob("*/*.json")) if not p.name.endswith(".gold.json")]


@pytest.mark.skipif(not corpus_texts(), reason="shared corpus absent")
def test_corpus_offsets_match_text():
    for path in corpus_texts():
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        for m in find_numbers(text, base=5):
            assert text[m.start - 5:m.end - 5] == m.text, (path.name, m)


def test_thousands_grouped_by_spaces_are_one_number():
    from kg.extract.numbers import find_numbers

    assert [n.quantity.value for n in find_numbers("The army sent 25 000 troops and made 1\u00a0700 arrests.")] == [25000, 1700]


def test_an_alternation_matches_as_its_phrases_do_without_the_first_character_lookahead():
    rng = random.Random(5)
    words = ["kelvin", "Sunday", "sixty", "İstanbul", "ıt", "a dozen", "€", "tens of thousands", "k"]
    plain = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    texts = [" ".join(rng.choice(words + ["\u212aelvin", "ſixty", "SUNDAY", "Kelvin", "9", "x"])
                      for _ in range(4)) for _ in range(300)]
    for flags in (0, re.I):
        guarded, unguarded = re.compile(alternation(words), flags), re.compile(plain, flags)
        for text in texts:
            assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in unguarded.finditer(text)]
    assert alternation([]) == "" and alternation(["", "a"]) == "a|"
