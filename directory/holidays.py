"""The days Korean offices close: public holidays, substitute holidays and
election days from the ``holidays`` library's Korean calendar, and the
temporary public holidays (임시공휴일) that the government declares at short
notice, which staff add in the admin (``DeclaredHoliday``)."""

import datetime
from functools import lru_cache

import holidays as calendars
from django.core.cache import cache

from core.cache import current_generation


@lru_cache(maxsize=16)
def public_holidays(year):
    """The year's public holidays by the library: {date: Korean name}."""
    return dict(calendars.country_holidays("KR", years=year, language="ko"))


def declared_holidays():
    """The days staff declared, cached until any public row changes."""
    from .models import DeclaredHoliday

    key = f"directory:declared-holidays:{current_generation()}"
    days = cache.get(key)
    if days is None:
        days = dict(DeclaredHoliday.objects.values_list("date", "name"))
        cache.set(key, days, timeout=None)
    return days


def holidays_between(first, last):
    """The holidays from ``first`` to ``last`` (dates, both included)."""
    found = {
        day
        for year in range(first.year, last.year + 1)
        for day in public_holidays(year)
        if first <= day <= last
    }
    found.update(day for day in declared_holidays() if first <= day <= last)
    return found


def holiday_name(day):
    """The holiday's Korean name, or "" on a working day."""
    return declared_holidays().get(day) or public_holidays(day.year).get(day, "")


def is_holiday(day: datetime.date):
    return bool(holiday_name(day))
