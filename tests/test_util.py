from datetime import date

import pytest

from kg.dates_util import date_bounds, iso_bounds
from kg.errors import one_line


def test_one_line_folds_whitespace_and_cuts():
    assert one_line("a\n  b\tc") == "a b c"
    assert one_line("x" * 10, 5) == "xxxx…"
    assert one_line("x" * 10, 5, "...") == "xx..."
    assert one_line(ValueError("bad\nthing")) == "bad thing"


def test_date_bounds():
    assert date_bounds(2022) == (date(2022, 1, 1), date(2022, 12, 31))
    assert date_bounds(2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
    assert iso_bounds("2022-01-06") == (date(2022, 1, 6), date(2022, 1, 6))
    with pytest.raises(ValueError):
        date_bounds(2022, 13)
