import datetime as dt
import json
from pathlib import Path

import pytest

from kg.extract.dates import find_dates, find_durations
from kg.model import DateValue

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PUB = DateValue("2021-03-11")  # a Thursday


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def one(text: str, published: DateValue | None = PUB):
    found = find_dates(text, published)
    assert len(found) == 1, [(m.text, m.first) for m in found]
    return found[0]


@pytest.mark.parametrize("text, span, first, last, precision", [
    ("Guards fired on Thursday.", "Thursday", "2021-03-11", "2021-03-11", "day"),
    ("Thursday saw clashes", "Thursday", "2021-03-11", "2021-03-11", "day"),
    ("shelling overnight Tuesday", "overnight Tuesday", "2021-03-09", "2021-03-09", "day"),
    ("riots on Monday night", "Monday night", "2021-03-08", "2021-03-08", "day"),
    ("fighting early Sunday", "early Sunday", "2021-03-07", "2021-03-07", "day"),
    ("strikes last Thursday", "last Thursday", "2021-03-04", "2021-03-04", "day"),
    ("talks next Monday", "next Monday", "2021-03-15", "2021-03-15", "day"),
    ("Police said yesterday", "yesterday", "2021-03-10", "2021-03-10", "day"),
    ("ministers met today", "today", "2021-03-11", "2021-03-11", "day"),
    ("three days ago", "three days ago", "2021-03-08", "2021-03-08", "day"),
    ("Last week, crowds grew", "Last week", "2021-03-01", "2021-03-07", "week"),
    ("met this week", "this week", "2021-03-08", "2021-03-14", "week"),
    ("earlier this month", "earlier this month", "2021-03-01", "2021-03-10", "month"),
    ("last month", "last month", "2021-02-01", "2021-02-28", "month"),
    ("last year", "last year", "2020-01-01", "2020-12-31", "year"),
    ("on Feb. 9", "Feb. 9", "2021-02-09", "2021-02-09", "day"),
    ("February 9", "February 9", "2021-02-09", "2021-02-09", "day"),
    ("on 9 February 2020", "9 February 2020", "2020-02-09", "2020-02-09", "day"),
    ("on the 9th of February", "the 9th of February", "2021-02-09", "2021-02-09", "day"),
    ("on February 9, 2019,", "February 9, 2019", "2019-02-09", "2019-02-09", "day"),
    ("on Tuesday, March 9", "Tuesday, March 9", "2021-03-09", "2021-03-09", "day"),
    ("Sept. 14", "Sept. 14", "2020-09-14", "2020-09-14", "day"),
    ("due on March 15", "March 15", "2021-03-15", "2021-03-15", "day"),
    ("March 25", "March 25", "2020-03-25", "2020-03-25", "day"),
    ("on March 3-4", "March 3-4", "2021-03-03", "2021-03-04", "day"),
    ("in October", "October", "2020-10-01", "2020-10-31", "month"),
    ("in February", "February", "2021-02-01", "2021-02-28", "month"),
    ("in March 2018", "March 2018", "2018-03-01", "2018-03-31", "month"),
    ("in May 2018", "May 2018", "2018-05-01", "2018-05-31", "month"),
    ("May 4", "May 4", "2020-05-04", "2020-05-04", "day"),
    ("in 2008", "2008", "2008-01-01", "2008-12-31", "year"),
    ("the 2016 vote", "2016", "2016-01-01", "2016-12-31", "year"),
    ("in the spring of 2019", "the spring of 2019", "2019-03-01", "2019-05-31", "season"),
    ("in the winter of 2019", "the winter of 2019", "2019-12-01", "2020-02-29", "season"),
    ("autumn 2015", "autumn 2015", "2015-09-01", "2015-11-30", "season"),
    ("in the early 1980s", "the early 1980s", "1980-01-01", "1983-12-31", "decade"),
    ("the late 1970s", "the late 1970s", "1977-01-01", "1979-12-31", "decade"),
    ("the 1960s", "the 1960s", "1960-01-01", "1969-12-31", "decade"),
    ("Oslo/04.02.21/Agency", "04.02.21", "2021-02-04", "2021-02-04", "day"),
    ("dated 2020-12-30", "2020-12-30", "2020-12-30", "2020-12-30", "day"),
    ("talks tomorrow", "tomorrow", "2021-03-12", "2021-03-12", "day"),
    ("met earlier this week", "earlier this week", "2021-03-08", "2021-03-10", "week"),
    ("in late January", "late January", "2021-01-21", "2021-01-31", "part"),
    ("in late February 2020", "late February 2020", "2020-02-21", "2020-02-29", "part"),
    ("in early March", "early March", "2021-03-01", "2021-03-10", "part"),
    ("in mid-October", "mid-October", "2020-10-11", "2020-10-20", "part"),
    ("in mid-2019", "mid-2019", "2019-05-01", "2019-08-31", "part"),
    ("in early 2020", "early 2020", "2020-01-01", "2020-04-30", "part"),
    ("last summer", "last summer", "2020-06-01", "2020-08-31", "season"),
    ("last winter", "last winter", "2020-12-01", "2021-02-28", "season"),
    ("this spring", "this spring", "2021-03-01", "2021-05-31", "season"),
    ("next autumn", "next autumn", "2021-09-01", "2021-11-30", "season"),
    ("on Monday, June 14", "Monday, June 14", "2021-06-14", "2021-06-14", "day"),
    ("on Friday, 12 March", "Friday, 12 March", "2021-03-12", "2021-03-12", "day"),
    ("on Monday, 9 March", "Monday, 9 March", "2020-03-09", "2020-03-09", "day"),
])
def test_resolved(text, span, first, last, precision):
    m = one(text)
    assert (m.text, m.first, m.last, m.precision, m.relation) == (span, d(first), d(last), precision, "at")
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, span, relation", [
    ("unrest since Sunday", "since Sunday", "since"),
    ("calm by March 2", "by March 2", "by"),
    ("in office until April 3, 2019", "until April 3, 2019", "until"),
    ("from 2012", "from 2012", "since"),
    ("before January 2020", "before January 2020", "before"),
    ("after 2015", "after 2015", "after"),
])
def test_relations(text, span, relation):
    m = one(text)
    assert (m.text, m.relation) == (span, relation)


def test_value_only_for_day_month_year():
    assert one("on Thursday").value == DateValue("2021-03-11")
    assert one("last month").value == DateValue("2021-02")
    assert one("in 2008").value == DateValue("2008")
    assert one("last week").value is None
    assert one("the 1960s").value is None
    assert one("on March 3-4").value is None


@pytest.mark.parametrize("text", [
    "You may leave.", "in May", "a week after the vote", "two months after it began",
    "the Sunday Times said", "March organisers said", "police held 1800 protesters",
    "costs 2,015 dollars", "room 2019", "May I ask",
])
def test_not_dates(text):
    assert find_dates(text, PUB) == []


def test_unknown_publication_keeps_only_absolute_dates():
    found = find_dates("On Monday and yesterday, and on July 2, 2019, and last month", None)
    assert [m.text for m in found] == ["July 2, 2019"]


def test_unknown_publication_yearless_date_follows_latest_stated_one():
    # Written after every date it names: "June 5" is the first June 5 after July 2019, and a date
    # told before the stated one in the text resolves the same way.
    found = find_dates("Talks ended on June 5. They had opened on July 2, 2019, and resumed in September.", None)
    assert [(m.text, m.first.isoformat()) for m in found] == [
        ("June 5", "2020-06-05"), ("July 2, 2019", "2019-07-02"), ("September", "2019-09-01")]
    assert find_dates("Talks ended on June 5.", None) == []


def test_month_precision_publication():
    pub = DateValue("2021-03")
    found = find_dates("on Monday; June 5; last month; in 2011", pub)
    assert [(m.text, m.first) for m in found] == [
        ("June 5", d("2020-06-05")), ("last month", d("2021-02-01")), ("2011", d("2011-01-01"))]


def test_month_day_may_be_a_few_days_after_publication():
    assert one("a vote on January 2", DateValue("2020-12-29")).first == d("2021-01-02")


def test_year_named_earlier_carries_to_month_days():
    found = find_dates("In October 2016, crowds gathered. Calm returned by October 20.", PUB)
    assert [m.first for m in found] == [d("2016-10-01"), d("2016-10-20")]


def test_offsets_with_base():
    m = find_dates("xx on June 3, 2020", PUB, base=10)[0]
    assert (m.start, m.end) == (16, 28)


@pytest.mark.parametrize("text, span, days, relation", [
    ("leave within 14 days", "within 14 days", 14, "within"),
    ("it will take 12 days for all", "take 12 days", 12, "for"),
    ("go on in the next 5 days", "in the next 5 days", 5, "in"),
    ("stayed for 72 hours", "for 72 hours", 3, "for"),
    ("for three weeks", "for three weeks", 21, "for"),
    ("for a month", "for a month", 30, "for"),
    ("over the coming two years", "over the coming two years", 730, "over"),
    ("the truce lasted six days", "lasted six days", 6, "for"),
])
def test_durations(text, span, days, relation):
    (m,) = find_durations(text)
    assert (m.text, m.days, m.relation) == (span, days, relation)
    assert text[m.start:m.end] == span


@pytest.mark.parametrize("text", [
    "for 30 hours", "within 20 minutes", "a five-year mandate", "three weeks later",
    "a month ago", "two days after the vote", "nine days",
])
def test_not_durations(text):
    assert find_durations(text) == []


def corpus_records():
    if not CORPUS.is_dir():
        return []
    paths = [p for p in sorted(CORPUS.glob("*/*.json")) if not p.name.endswith(".gold.json")]
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


@pytest.mark.skipif(not corpus_records(), reason="shared corpus absent")
def test_corpus_offsets_match_text():
    for rec in corpus_records():
        text = rec["text"]
        pub = DateValue(rec["published"]) if rec.get("published") else None
        for m in [*find_dates(text, pub, base=3), *find_durations(text, base=3)]:
            assert text[m.start - 3:m.end - 3] == m.text, (rec["id"], m)
        for m in find_dates(text, pub):
            assert m.first <= m.last


def test_the_same_day_is_the_last_day_named():
    from kg.extract.dates import find_dates
    from kg.model import DateValue

    found = find_dates("Rioters burned the town hall on January 5. Curfew was declared the same day.",
                       DateValue("2022-01-13"))
    assert [(d.text, d.value.iso) for d in found] == [("January 5", "2022-01-05"), ("the same day", "2022-01-05")]


def test_a_part_of_a_month_or_year_is_a_window_never_the_whole_period():
    from kg.extract.events import date_of
    from kg.model import DateWindow
    assert date_of(one("in late January")) == DateWindow("2021-01-21", "2021-01-31")
    assert date_of(one("earlier this month")) == DateWindow("2021-03-01", "2021-03-10")
    assert date_of(one("earlier this year")) == DateWindow("2021-01-01", "2021-03-10")
    assert date_of(one("in January")) == DateValue("2021-01")


def test_a_weekday_beside_a_day_picks_the_year_it_falls_on_near_the_text_s_year():
    # no publication date: the year of an earlier dated sentence, moved to where the weekday fits
    found = find_dates("On 3 January 2022 talks began. On Friday, 14 January, troops left.", None)
    assert [m.first for m in found] == [d("2022-01-03"), d("2022-01-14")]
    assert find_dates("On Friday, 14 January, troops left.", None) == []


def test_day_counts_say_how_long_a_lasting_event_had_run():
    from kg.extract.dates import find_day_counts
    got = [(c.text, c.least, c.most) for c in find_day_counts(
        "clashes raged through a third day; protests entered their 2nd week; a fifth straight night")]
    assert got == [("third day", 2, 2), ("2nd week", 7, 13), ("fifth straight night", 4, 4)]


def test_days_earlier_count_back_from_the_day_named_before():
    found = find_dates("Troops left Gao on March 9. Two days earlier rebels had attacked the base; "
                       "the previous day talks failed.", PUB)
    assert [(m.text, m.first) for m in found] == [("March 9", d("2021-03-09")), ("Two days earlier", d("2021-03-07")),
                                                  ("the previous day", d("2021-03-06"))]
