"""A number as HSDS phones: its type, extension, languages and schedules.

``phone_languages`` and ``phone_schedules`` are the one place that reads
what languages a number answers in and when (``directory.hours``);
everything else builds on their answers.
"""

import unicodedata

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext as _

from ..hours import DAYS
from ..hours_text import days_text
from .hsds_ids import language_id

# Django's codes with a script or region (zh-hans) whose name stands for the
# ISO 639 code alone.
DJANGO_CODES = {"zh": "zh-hans"}
# Korean time, as HSDS asks times to carry: an offset from UTC.
UTC_OFFSET = 9
OFFSET = f"+{UTC_OFFSET:02d}:00"


def iso_code(code):
    """The ISO 639 code of a Django language code: its script or region
    (zh-hans, pt-br) is no part of ISO 639."""
    return code.split("-")[0]


def phone_languages(number):
    """ISO 639 codes of the languages a Contact or HelpLine answers in."""
    return list(dict.fromkeys(iso_code(code) for code in number.languages or []))


def phone_schedules(number):
    """When a Contact or HelpLine answers, as HSDS schedule fields (no ids).

    Each period of its weekly schedule is a weekly rule in Korean time; a
    lunch break splits a period in two, and a whole day is said, not given
    as 00:00-24:00. Whether it answers on public holidays, which no rule can
    say, is in each description; the source's own words are one more.
    """
    data = number.schedule.data
    holidays = (
        _("Open on public holidays")
        if data.get("open_on_holidays")
        else _("Closed on public holidays")
    )
    schedules = []
    for period in data.get("periods", []):
        days = days_text([DAYS.index(day) for day in period["days"]])
        rule = {
            "freq": "WEEKLY",
            "byday": ",".join(day[:2].upper() for day in period["days"]),
            "wkst": "MO",
            "timezone": UTC_OFFSET,
        }
        if (period["opens"], period["closes"]) == ("00:00", "24:00"):
            description = f"{_('24 hours')}, {days}; {holidays}"
            schedules.append({**rule, "description": description})
            continue
        cuts = [period["opens"], *period.get("lunch", []), period["closes"]]
        for opens, closes in zip(cuts[::2], cuts[1::2], strict=True):
            schedules.append(
                {
                    **rule,
                    "opens_at": opens + OFFSET,
                    # HH:MM has no 24:00: the last minute of the day stands for it.
                    "closes_at": ("23:59" if closes == "24:00" else closes) + OFFSET,
                    "description": f"{opens}–{closes}, {days}; {holidays}",
                }
            )
    if number.hours_note:
        schedules.append({"description": number.hours_note})
    return schedules


def language_name(code):
    """The language named in its own script, as the pages name it (in NFC:
    Django spells some names in decomposed Unicode)."""
    info = LANG_INFO.get(DJANGO_CODES.get(code, code), {})
    return info.get("name_local") and unicodedata.normalize("NFC", info["name_local"])


def language_records(owner_id, codes, link, note=""):
    """HSDS languages of a phone or service; ``link`` names the owner.

    ``note`` is the source's own words, kept on each language (or alone, when
    no language is known as data yet).
    """
    records = []
    for code in codes:
        record = {"id": language_id(owner_id, code), **link, "code": code}
        name = language_name(code)
        if name:
            record["name"] = name
        if note:
            record["note"] = note
        records.append(record)
    if note and not records:
        records.append({"id": language_id(owner_id, ""), **link, "note": note})
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
