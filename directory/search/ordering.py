"""The order a reader gets the numbers in: first the one that will answer.

The engine ranks records by how well they match the query, whatever their
kind. Among the records that carry numbers, one whose number answers in the
reader's language comes before one that does not, then one open now before
one that is closed; ties keep the engine's order. Records without a number
(an area, a commitment) keep their places. Korean readers keep the engine's
order: every number answers in Korean.

A help line that answers only in few languages may name the line that takes
its callers in other languages (``HelpLine.interpreted_by``, as its source
says): found alone, it brings that line along, just before it.
"""

from functools import partial

from django.conf import settings
from django.utils import translation

from ..hours import seoul_time
from ..models import HelpLine
from . import engine
from .results import Kind, records


def numbers_of(record):
    """A result's phones; a help line (the model) is a number itself."""
    return getattr(record, "phones", None) or (
        [record] if isinstance(record, HelpLine) else []
    )


def answers(record, language):
    return any(number.answers_in(language) for number in numbers_of(record))


def open_now(record, at):
    return any(number.schedule.is_open(at) for number in numbers_of(record))


def ordered(found, language, at=None):
    """The records, reordered for a reader of ``language`` at ``at``."""
    if not language or language == settings.LANGUAGE_CODE:
        return list(found)
    at = seoul_time(at)
    found = list(found)
    slots = [i for i, record in enumerate(found) if numbers_of(record)]
    with_numbers = sorted(
        (found[i] for i in slots),
        key=lambda r: (not answers(r, language), not open_now(r, at)),
    )
    result = list(found)
    for slot, record in zip(slots, with_numbers, strict=True):
        result[slot] = record
    return result


def with_interpreting_lines(rows, language):
    """The ranked (kind, id) rows, with before each help line that does not
    answer in ``language`` the line its source names for other languages,
    if that one does."""
    if not language or language == settings.LANGUAGE_CODE:
        return rows
    lines = [pk for kind, pk in rows if kind == Kind.HELPLINE]
    others = {
        pk: other
        for pk, other, codes, other_codes in HelpLine.objects.filter(
            pk__in=lines, interpreted_by__isnull=False
        ).values_list("pk", "interpreted_by", "languages", "interpreted_by__languages")
        if language not in codes and language in other_codes
    }
    found = []
    for kind, pk in rows:
        if kind == Kind.HELPLINE and pk in others:
            found.append((kind, others[pk]))
        found.append((kind, pk))
    return list(dict.fromkeys(found))


def best_for_reader(attempt, entries, limit, language, at=None, rows=None):
    """The best ``limit`` records of the entries (of every entry the attempt
    matches, if None), all kinds mixed by how well they match, ordered for
    the reader (``ordered``); or of the ranked ``rows``, if given."""
    if rows is None:
        rows = engine.best(attempt, limit, entries) if attempt else []
    rows = with_interpreting_lines(rows, language)
    return ordered(records(rows, language), language, at)[:limit]


def best_for_text(text, limit, language=None, at=None):
    """The API's answer to a query (``engine.best_records``), ordered alike."""
    _attempt, rows = engine.answer(
        engine.parse_query(text), partial(engine.best, limit=limit)
    )
    rows = with_interpreting_lines(rows or [], language)
    if not language:
        return records(rows)[:limit]
    # Links lead to the pages in the asker's language.
    with translation.override(language):
        return ordered(records(rows, language), language, at)[:limit]
