"""Search over services, divisions and the standard's text.

All normalisation of what is indexed and of what people type lives here, so
that both sides are treated the same way.
"""

import re
import unicodedata

from django.db.models import Q

from standards.models import Commitment

from .models import Division, Service

MAX_QUERY_LENGTH = 100
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
# A 가나다 index files double consonants under their plain letter.
INDEX_LETTERS = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_PLAIN = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_query(text):
    """What people typed, NFC-normalised, without control characters."""
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text or ""))
    return " ".join(text.split())


def digits(text):
    return "".join(ch for ch in text if ch.isdigit())


def index_letter(name):
    """The 가나다 index heading of a name: its first initial consonant."""
    first = (name or " ")[0]
    code = ord(first)
    if HANGUL_FIRST <= code <= HANGUL_LAST:
        initial = INITIALS[(code - HANGUL_FIRST) // 588]
        return _PLAIN.get(initial, initial)
    return "A–Z" if first.isascii() and first.isalpha() else "#"


def services_matching(query):
    """Services whose name, division, commitments or numbers match the query."""
    match = (
        Q(name__icontains=query)
        | Q(division__name__icontains=query)
        | Q(commitments__title__icontains=query)
    )
    number = digits(query)
    if len(number) >= 3:
        match |= Q(service_phones__contact__number__contains=number.lstrip("0"))
        match |= Q(fax__number__contains=number.lstrip("0"))
    return Service.objects.filter(match).distinct().with_contacts()


def divisions_matching(query):
    return Division.objects.filter(name__icontains=query).with_services()


def commitments_matching(query):
    return (
        Commitment.objects.filter(
            Q(title__icontains=query) | Q(pledges__text__icontains=query)
        )
        .distinct()
        .select_related("area")
        .prefetch_related("pledges")
    )
