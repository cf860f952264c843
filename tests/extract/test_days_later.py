"""'N days later' is counted from the last single day named before it: the one-sweep search
(kg/extract/dates.py, _days_later) finds the same day as sorting every date before each phrase did."""
from __future__ import annotations

import datetime as dt
import random

from kg.extract import dates as D
from kg.model import DateValue
from kg.rules import default_rules


def _days_later_by_sorting(text, found, base, g):
    """The former search, quadratic in the dates of a text: every date sorted before each phrase."""
    out = []
    for m in g.days_later.finditer(text):
        before = [d for d in sorted(found + out, key=lambda d: d.start)
                  if d.end - base <= m.start() and d.precision == "day" and d.first == d.last]
        n = D.days_counted(m, g)
        if before and n is not None:
            day = before[-1].first + dt.timedelta(days=n)
            out.append(D.DateMention(m.start() + base, m.end() + base, m.group(0), day, day, "day", "at"))
    return out


PIECES = ["Protests began on Monday.", "Two days later, troops arrived.", "The next day, police withdrew.",
          "On January 6 the president spoke.", "The previous day, a curfew was imposed.",
          "In March 2021, talks failed.", "A week earlier, crowds gathered.", "That same day, shops closed.",
          "Three days earlier, on 5 May, a strike began.", "Last week, the army moved in.", "Nothing happened.",
          "On Friday and Saturday, clashes went on; a day later it was calm."]


def test_days_later_finds_the_day_the_former_sort_found():
    rules = default_rules()
    g = D._date_grammar(rules)
    ref = D._ref(DateValue("2022-01-13"))
    rng = random.Random(3)
    for trial in range(200):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 12)))
        base = rng.choice([0, 17])
        found = D._offset_to_day(text, D._scan(text, ref, base, g), base, g)
        rng.shuffle(found)  # the order the dates come in must not matter more than it did
        assert D._days_later(text, found, base, g) == _days_later_by_sorting(text, found, base, g), text
