"""The days a date of some precision can denote: "2022" is 2022-01-01..2022-12-31."""
from __future__ import annotations

import calendar
from datetime import date


def date_bounds(year: int, month: int | None = None, day: int | None = None) -> tuple[date, date]:
    """The first and last day of a year, a month or a day; ValueError when there is no such date."""
    if day is not None:
        first = date(year, month, day)
        return first, first
    if month is not None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def iso_bounds(iso: str) -> tuple[date, date]:
    """The bounds of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (what kg.model.DateValue.iso holds)."""
    return date_bounds(*(int(x) for x in iso.split("-")))
