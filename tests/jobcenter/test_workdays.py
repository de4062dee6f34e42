import datetime as dt

import pytest

from jobcenter.workdays import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (dt.date(2026, 4, 1), 2, dt.date(2026, 4, 8)),  # Easter: Thu, Fri, Mon are holidays
        (dt.date(2026, 11, 20), 1, dt.date(2026, 11, 23)),  # Friday -> Monday
        (dt.date(2026, 12, 23), 1, dt.date(2026, 12, 28)),  # 24-27 December closed
        (dt.date(2026, 12, 30), 1, dt.date(2027, 1, 4)),  # New Year's Eve and Day
        (dt.date(2026, 11, 23), 0, dt.date(2026, 11, 23)),
        (dt.date(2026, 4, 8), -2, dt.date(2026, 4, 1)),
    ],
)
def test_add_working_days(start, days, due):
    assert add_working_days(start, days) == due


def test_holidays_and_weekends_are_not_working_days():
    assert not is_working_day(dt.date(2026, 12, 25))
    assert not is_working_day(dt.date(2026, 5, 14))  # Ascension Day 2026
    assert not is_working_day(dt.date(2026, 11, 22))  # Sunday
    assert is_working_day(dt.date(2026, 11, 23))


def test_working_days_between():
    assert working_days_between(dt.date(2026, 4, 1), dt.date(2026, 4, 8)) == 2
    assert working_days_between(dt.date(2026, 4, 8), dt.date(2026, 4, 1)) == -2
    assert working_days_between(dt.date(2026, 11, 23), dt.date(2026, 11, 23)) == 0
