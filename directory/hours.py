"""When a number answers: its weekly schedule, read against Korean holidays.

A schedule is stored as JSON in the ``hours`` field of both ``Contact`` and
``HelpLine``, in this one shape::

    {
        "periods": [
            {"days": ["mon", "tue", "wed", "thu", "fri"],
             "opens": "09:00", "closes": "18:00", "lunch": ["12:00", "13:00"]}
        ],
        "open_on_holidays": false
    }

- ``days``: the days a period starts on (``mon`` … ``sun``).
- ``opens`` and ``closes``: "HH:MM" in Korean time; "24:00" is the end of the
  day, so 00:00–24:00 is the whole day. A period that closes at or before it
  opens ends the next day (22:00–02:00).
- ``lunch``: optional, a break inside the period when nobody answers.
- ``open_on_holidays``: whether the periods also run on public holidays
  (``directory.holidays``); a period is kept or dropped by the day it starts.
- An empty object means the hours are not known: such a number is neither
  open nor closed.

``is_open(at)``, ``closes_at(at)`` and ``next_open(at)`` answer for any
aware time (or a naive one, read as Korean time).
"""

import datetime
import json
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .holidays import holidays_between

SEOUL = ZoneInfo("Asia/Seoul")
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WORKING_DAYS = DAYS[:5]
# How far ahead an opening is looked for: past the longest run of holidays
# (설날 or 추석 with a weekend and a substitute day).
HORIZON = datetime.timedelta(days=21)
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")


def minutes(text):
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


@dataclass(frozen=True)
class Period:
    days: tuple
    opens: int
    closes: int
    lunch: tuple = ()

    def spans(self, day):
        """The times it answers on a day it starts, lunch left out."""
        start = datetime.datetime.combine(day, datetime.time(), SEOUL)
        end_minutes = self.closes if self.closes > self.opens else self.closes + 1440
        cuts = [self.opens, *self.lunch, end_minutes]
        return [
            (
                start + datetime.timedelta(minutes=cuts[i]),
                start + datetime.timedelta(minutes=cuts[i + 1]),
            )
            for i in range(0, len(cuts), 2)
        ]


def validate_schedule(data):
    """Raise ValidationError unless ``data`` has the shape above."""
    if not isinstance(data, dict) or set(data) - {"periods", "open_on_holidays"}:
        raise ValidationError(_("Hours must be a list of periods."), code="invalid")
    periods = data.get("periods", [])
    if not isinstance(periods, list) or not isinstance(
        data.get("open_on_holidays", False), bool
    ):
        raise ValidationError(_("Hours must be a list of periods."), code="invalid")
    for period in periods:
        if not isinstance(period, dict) or set(period) - {
            "days",
            "opens",
            "closes",
            "lunch",
        }:
            raise ValidationError(_("Hours must be a list of periods."), code="invalid")
        days = period.get("days")
        if not days or not isinstance(days, list) or set(days) - set(DAYS):
            raise ValidationError(_("Choose the days of each period."), code="days")
        times = [period.get("opens"), period.get("closes"), *period.get("lunch", [])]
        if not all(isinstance(t, str) and TIME.match(t) for t in times):
            raise ValidationError(
                _("Enter times as HH:MM, such as 09:00 or 24:00."), code="time"
            )
        if minutes(times[0]) == minutes(times[1]) or minutes(times[0]) == 1440:
            raise ValidationError(
                _("A period must close at another time than it opens."), code="time"
            )
        if "lunch" in period:
            lunch = [minutes(t) for t in period["lunch"]]
            opens, closes = minutes(times[0]), minutes(times[1])
            if len(lunch) != 2 or not opens < lunch[0] < lunch[1] < closes:
                raise ValidationError(
                    _("The lunch break must fall inside its period."), code="lunch"
                )


class Schedule:
    """A number's weekly schedule, as stored (see the module's docstring)."""

    def __init__(self, data):
        # Anything but a schedule (text typed before hours were data) is unknown.
        data = data if isinstance(data, dict) else {}
        self.data = data
        self.open_on_holidays = bool(data.get("open_on_holidays"))
        self.periods = [
            Period(
                tuple(DAYS.index(day) for day in p["days"]),
                minutes(p["opens"]),
                minutes(p["closes"]),
                tuple(minutes(t) for t in p.get("lunch", [])),
            )
            for p in data.get("periods", [])
        ]

    @property
    def known(self):
        return bool(self.periods)

    def spans(self, since, until):
        """Merged (start, end) times it answers, of periods starting from the
        day before ``since`` to ``until``."""
        first, last = since.date() - datetime.timedelta(days=1), until.date()
        closed = set() if self.open_on_holidays else holidays_between(first, last)
        found = []
        day = first
        while day <= last:
            if day not in closed:
                for period in self.periods:
                    if day.weekday() in period.days:
                        found.extend(period.spans(day))
            day += datetime.timedelta(days=1)
        merged = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return [(s, e) for s, e in merged if e > since]

    def state(self, at=None):
        """(open now, closes at, next opening) at ``at``: a time that lies
        past the horizon (a line open day and night) is None."""
        at = seoul_time(at)
        if not self.known:
            return None, None, None
        until = at + HORIZON
        for start, end in self.spans(at, until):
            if start <= at < end:
                return True, (end if end <= until else None), None
            if start > at:
                return False, None, start
        return False, None, None

    def is_open(self, at=None):
        return self.state(at)[0]

    def closes_at(self, at=None):
        return self.state(at)[1]

    def next_open(self, at=None):
        return self.state(at)[2]

    def changes_between(self, since, until):
        """Whether it opens or closes between the two times."""
        return any(
            since < moment <= until
            for span in self.spans(since, until)
            for moment in span
        )


def seoul_time(at=None):
    """``at`` (default now) in Korean time; a naive time is taken as Korean."""
    if at is None:
        at = datetime.datetime.now(SEOUL)
    elif at.tzinfo is None:
        at = at.replace(tzinfo=SEOUL)
    return at.astimezone(SEOUL)


def all_schedules():
    """Every distinct schedule of a number, cached until any row changes."""
    from django.core.cache import cache

    from core.cache import current_generation

    from .models import Contact, HelpLine

    key = f"directory:schedules:{current_generation()}"
    found = cache.get(key)
    if found is None:
        texts = {
            json.dumps(hours, sort_keys=True)
            for model in (Contact, HelpLine)
            # Without order_by(), the default ordering's column would be in
            # the DISTINCT too: one row per number, not per schedule.
            for hours in model.objects.order_by()
            .values_list("hours", flat=True)
            .distinct()
            if hours
        }
        found = [json.loads(text) for text in texts]
        cache.set(key, found, timeout=None)
    return found


def changes_within(seconds, at=None):
    """Whether any number opens or closes within ``seconds`` of ``at``: a
    page cached now would then show it in the wrong state before it expires."""
    since = seoul_time(at)
    until = since + datetime.timedelta(seconds=seconds)
    return any(Schedule(data).changes_between(since, until) for data in all_schedules())


def keep_in_cache_while_current(response, at=None):
    """Mark a response uncacheable if a number's state changes before the
    page cache would let it go (``CACHE_MIDDLEWARE_SECONDS``)."""
    from django.conf import settings
    from django.utils.cache import patch_cache_control

    if changes_within(settings.CACHE_MIDDLEWARE_SECONDS, at):
        patch_cache_control(response, no_cache=True)
    return response
