"""A number's schedule and state in words, in the active language:
"Mon–Fri 09:00–18:00 (lunch break 12:00–13:00)", "Open now · closes at 18:00"."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .hours import seoul_time


def day_name(index, short=True):
    if short:
        return [
            pgettext("weekday", "Mon"),
            pgettext("weekday", "Tue"),
            pgettext("weekday", "Wed"),
            pgettext("weekday", "Thu"),
            pgettext("weekday", "Fri"),
            pgettext("weekday", "Sat"),
            pgettext("weekday", "Sun"),
        ][index]
    return [
        pgettext("weekday", "Monday"),
        pgettext("weekday", "Tuesday"),
        pgettext("weekday", "Wednesday"),
        pgettext("weekday", "Thursday"),
        pgettext("weekday", "Friday"),
        pgettext("weekday", "Saturday"),
        pgettext("weekday", "Sunday"),
    ][index]


def days_text(days):
    """Mon–Fri, Sat, Sun or Mon, Wed: runs of three days or more joined."""
    runs = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    if len(days) == 7:
        return _("Every day")
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{day_name(run[0])}–{day_name(run[-1])}")
        else:
            parts.extend(day_name(day) for day in run)
    return ", ".join(parts)


def clock(mins):
    return f"{mins // 60:02d}:{mins % 60:02d}"


def lines(schedule):
    """The schedule in the active language, one line per period."""
    found = []
    for period in schedule.periods:
        if period.opens == 0 and period.closes == 1440:
            times = _("24 hours")
        else:
            times = f"{clock(period.opens)}–{clock(period.closes)}"
        text = f"{days_text(period.days)} {times}"
        if period.lunch:
            text += " (" + _("lunch break %(start)s–%(end)s") % {
                "start": clock(period.lunch[0]),
                "end": clock(period.lunch[1]),
            }
            text += ")"
        found.append(text)
    if found:
        found.append(
            _("Open on public holidays")
            if schedule.open_on_holidays
            else _("Closed on public holidays")
        )
    return found


def state_text(schedule, at=None):
    """ "Open now · closes at 18:00" or "Closed · opens Monday 09:00"."""
    at = seoul_time(at)
    is_open, closes, opens = schedule.state(at)
    if is_open is None:
        return ""
    if is_open:
        if closes is None:
            return _("Open now · 24 hours")
        return _("Open now · closes at %(time)s") % {"time": clock_of(closes)}
    if opens is None:
        return _("Closed")
    day = day_name(opens.weekday(), short=False)
    if opens.date() - at.date() > datetime.timedelta(days=6):
        day = f"{day} {opens.date():%Y-%m-%d}"
    return _("Closed · opens %(day)s %(time)s") % {"day": day, "time": clock_of(opens)}


def clock_of(moment):
    return f"{moment:%H:%M}"
