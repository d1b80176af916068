"""A number as HSDS phones: its type, extension, languages and schedules.

``phone_languages`` and ``phone_schedules`` are the one place that reads
what languages a number answers in and when: adapt these two alone when the
models change (``Contact.languages`` becoming a list of ISO 639 codes,
weekly schedules stored as data); everything else builds on their answers.
"""

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext as _

from ..models import Contact
from .hsds_ids import language_id

WEEKDAYS = "MO,TU,WE,TH,FR"
EVERY_DAY = "MO,TU,WE,TH,FR,SA,SU"

# The names staff type today in Contact.languages ("한국어, 영어").
KOREAN_NAMES = {
    "한국어": "ko",
    "영어": "en",
    "중국어": "zh",
    "베트남어": "vi",
    "러시아어": "ru",
    "태국어": "th",
    "우즈베크어": "uz",
    "우즈베키스탄어": "uz",
    "캄보디아어": "km",
    "크메르어": "km",
    "필리핀어": "fil",
    "타갈로그어": "tl",
    "네팔어": "ne",
    "몽골어": "mn",
    "라오스어": "lo",
    "라오어": "lo",
    "일본어": "ja",
    "인도네시아어": "id",
    "프랑스어": "fr",
    "독일어": "de",
    "스페인어": "es",
    "아랍어": "ar",
    "벵골어": "bn",
    "우르두어": "ur",
    "미얀마어": "my",
    "키르기스어": "ky",
    "카자흐어": "kk",
    "싱할라어": "si",
}
# Django's language codes that are no ISO 639 code.
ISO_CODES = {"zh-hans": "zh", "zh-hant": "zh"}
DJANGO_CODES = {"zh": "zh-hans"}


def iso_code(word):
    """The ISO 639 code of a language named by code or name, or None."""
    word = word.strip()
    if word in KOREAN_NAMES:
        return KOREAN_NAMES[word]
    lowered = word.lower()
    if lowered in LANG_INFO and "name" in LANG_INFO[lowered]:
        return ISO_CODES.get(lowered, lowered)
    for code, info in LANG_INFO.items():
        names = {info.get("name", "").lower(), info.get("name_local", "").lower()}
        if lowered in names:
            return ISO_CODES.get(code, code)
    return None


def phone_languages(number):
    """ISO 639 codes of the languages a Contact or HelpLine answers in.

    A Contact's are free text for now; a name this table does not know is
    left out rather than published as a wrong code.
    """
    words = number.languages.split(",")
    codes = [iso_code(word) for word in words if word.strip()]
    return list(dict.fromkeys(code for code in codes if code))


def phone_schedules(number):
    """When a Contact or HelpLine answers, as HSDS schedule fields (no ids).

    A Contact's hours are free text for now: a description alone. A help
    line's opening times are data: a weekly rule.
    """
    if isinstance(number, Contact):
        return [{"description": number.hours}] if number.hours else []
    days = EVERY_DAY if number.every_day else WEEKDAYS
    day_words = _("every day") if number.every_day else _("weekdays")
    schedule = {"freq": "WEEKLY", "byday": days, "wkst": "MO"}
    if number.around_the_clock:
        schedule["description"] = f"{_('24 hours')}, {day_words}"
        return [schedule]
    opens, closes = number.opens.strftime("%H:%M"), number.closes.strftime("%H:%M")
    schedule.update(
        opens_at=opens, closes_at=closes, description=f"{opens}–{closes}, {day_words}"
    )
    return [schedule]


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
