"""Searches that found nothing, or only part of what was asked, counted per
language and week for staff (``SearchMiss``): what people look for and the
directory does not answer yet.

Nothing personal is kept: no address, session or time finer than the week's
Monday, and no query that looks like a phone number, an e-mail address or a
person's name. Counts older than ``KEPT_WEEKS`` are deleted.
"""

import datetime
import logging
import re
import threading
import time
from collections import Counter

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import BooleanField, F
from django.utils import timezone, translation

from ..models.search import SearchEntry, SearchMiss
from . import sql
from .text import MAX_QUERY_LENGTH, clean_query, digits, is_hangul

logger = logging.getLogger(__name__)
KEPT_WEEKS = 26
# The commonest Korean family names: a word of three syllables starting with
# one of them may be a person's name (김민수), and is never kept.
SURNAMES = set("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노")
_CAPITALISED = re.compile(r"^[A-Z][a-z'’-]+$")


def personal(text):
    """Whether a query may name or reach a person: digits (a phone number, a
    date of birth, a registration number), an e-mail address, a Korean
    name, or two or more capitalised Latin words (John Smith)."""
    if len(digits(text)) >= 4 or "@" in text:
        return True
    words = text.split()
    if any(korean_name(word) for word in words):
        return True
    return sum(bool(_CAPITALISED.match(word)) for word in words) >= 2


def korean_name(word):
    """Three syllables after a common family name, and in no indexed text
    (이주민 and 한국어 start like names, and are words of the directory)."""
    if len(word) != 3 or not all(map(is_hangul, word)) or word[0] not in SURNAMES:
        return False
    condition = sql.RowSQL(SearchEntry, sql.key_condition(word), BooleanField())
    return not SearchEntry.objects.filter(condition).exists()


def week_of(day):
    return day - datetime.timedelta(days=day.weekday())


# Counts wait in the process until this many queries or seconds have
# gathered (those of a process that stops first are lost): a commit per
# search without result (its disk flush) took longer than the search.
FLUSH_EVERY, FLUSH_AFTER = 50, 60
_pending = Counter()
_lock = threading.Lock()
_last_flush = [time.monotonic()]


def record(text, attempt, language=None):
    """Count the query if it found nothing (no attempt) or only part of it
    (a weak attempt). Never fails the search that called it."""
    if attempt is not None and not attempt.weak:
        return
    text = clean_query(text)[:MAX_QUERY_LENGTH]
    if not text or personal(text):
        return
    outcome = SearchMiss.Outcome.NONE if attempt is None else SearchMiss.Outcome.WEAK
    language = language or translation.get_language() or ""
    week = week_of(timezone.localdate())
    with _lock:
        _pending[(text.casefold(), language, week, outcome)] += 1
        due = (
            len(_pending) >= FLUSH_EVERY
            or time.monotonic() - _last_flush[0] >= FLUSH_AFTER
        )
    if due:
        flush()


def flush():
    """Write the counts gathered in this process, in one transaction."""
    with _lock:
        counts = dict(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    if not counts:
        return
    try:
        with transaction.atomic():
            for (query, language, week, outcome), count in counts.items():
                add(
                    {"query": query, "language": language, "week": week},
                    outcome,
                    count,
                )
            cutoff = week_of(timezone.localdate()) - datetime.timedelta(
                weeks=KEPT_WEEKS
            )
            SearchMiss.objects.filter(week__lt=cutoff).delete()
    except DatabaseError:
        # A database that takes no writes (a replica, a fault) still answers
        # the search; the counts are lost.
        logger.warning("search misses not counted", exc_info=True)


def add(key, outcome, count):
    rows = SearchMiss.objects.filter(**key, outcome=outcome)
    if rows.update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            SearchMiss.objects.create(**key, outcome=outcome, count=count)
    except IntegrityError:
        # Another process created the row first: count these on it.
        rows.update(count=F("count") + count)
