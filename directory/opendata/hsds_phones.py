"""A number as HSDS phones: its type, extension, languages and schedules.

``phone_languages`` and ``phone_schedules`` are the one place that reads
what languages a number answers in and when (``directory.hours``);
everything else builds on their answers.
"""

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext as _

from ..hours import DAYS
from ..hours_text import days_text
from .hsds_ids import language_id

# Django's language codes that are no ISO 639 code.
ISO_CODES = {"zh-hans": "zh", "zh-hant": "zh"}
DJANGO_CODES = {"zh": "zh-hans"}


def phone_languages(number):
    """ISO 639 codes of the languages a Contact or HelpLine answers in."""
    codes = [ISO_CODES.get(code, code) for code in number.languages or []]
    return list(dict.fromkeys(codes))


def phone_schedules(number):
    """When a Contact or HelpLine answers, as HSDS schedule fields (no ids).

    Each period of its weekly schedule is a weekly rule; a lunch break splits
    a period in two, and a whole day is said, not given as 00:00-24:00.
    """
    schedules = []
    for period in number.schedule.data.get("periods", []):
        byday = ",".join(day[:2].upper() for day in period["days"])
        days = days_text([DAYS.index(day) for day in period["days"]])
        rule = {"freq": "WEEKLY", "byday": byday, "wkst": "MO"}
        if (period["opens"], period["closes"]) == ("00:00", "24:00"):
            schedules.append({**rule, "description": f"{_('24 hours')}, {days}"})
            continue
        cuts = [period["opens"], *period.get("lunch", []), period["closes"]]
        for opens, closes in zip(cuts[::2], cuts[1::2], strict=True):
            schedules.append(
                {
                    **rule,
                    "opens_at": opens,
                    "closes_at": "23:59" if closes == "24:00" else closes,
                    "description": f"{opens}–{closes}, {days}",
                }
            )
    if number.hours_note:
        schedules.append({"description": number.hours_note})
    return schedules


def language_name(code):
    """The language named in its own script, as the pages name it."""
    info = LANG_INFO.get(DJANGO_CODES.get(code, code), {})
    return info.get("name_local")


def language_records(owner_id, codes, link):
    """HSDS languages of a phone or service; ``link`` names the owner."""
    records = []
    for code in codes:
        record = {"id": language_id(owner_id, code), **link, "code": code}
        name = language_name(code)
        if name:
            record["name"] = name
        records.append(record)
    return records


def numeric_extension(digits):
    """The extension as the number HSDS types it, where no digit is lost.

    ``0123`` would read back as 123: such an extension is given only as the
    profile's attribute (``hsds_terms.extension_attribute``), which always
    holds the exact digits.
    """
    if digits and digits.isdigit() and not digits.startswith("0"):
        return int(digits)
    return None
