"""Danish working days: weekends and public holidays (``holidays``' Denmark calendar) skipped.

Christmas Eve, New Year's Eve and Constitution Day are not statutory holidays but public
offices close on them, so they count as holidays here.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays

_EXTRA_CLOSED_DAYS = {(12, 24), (12, 31), (6, 5)}


@cache
def _danish_holidays(year: int) -> frozenset[dt.date]:
    days = set(holidays.country_holidays("DK", years=year).keys())
    days |= {dt.date(year, month, day) for month, day in _EXTRA_CLOSED_DAYS}
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _danish_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (or before, if negative)."""
    step = 1 if days >= 0 else -1
    current, remaining = start, abs(days)
    while remaining:
        current += dt.timedelta(days=step)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if end is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    count, current = 0, start
    while current < end:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
