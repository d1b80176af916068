"""Answering a query: how it reads, which entries match and how they rank.

Every match is a substring of a precomputed key (``sql``), one code path
for SQLite and PostgreSQL, served by trigram indexes (PostgreSQL's pg_trgm
for ``LIKE``, SQLite's FTS5 for ``MATCH``); one- and two-character queries
look up the space-separated character pairs instead. Ranking reads the
entries of the first priorities alone while they fill the page (``best``).

A query is read once into attempts (``reading.parse_query``); ``answer``
takes the first of those attempts that finds anything.
"""

import operator
from collections import Counter
from functools import partial, reduce

from django.db import connections, router
from django.db.models import BooleanField, IntegerField, Q
from django.utils import translation

from ..models import SearchEntry
from . import misses, sql
from .reading import parse_query
from .results import records


def answer(reading, find):
    """The first attempt for which ``find`` finds anything, and what it found.

    Each attempt is tried once, with what the caller needs of it (its ranked
    records, or whether it matches): testing first whether an attempt matches
    would find its matches twice. (None, None) if nothing matched.
    """
    for attempt in reading.tried():
        found = find(attempt)
        if found:
            return attempt, found
    return None, None


def matches(text):
    """The search page's answer: the attempt that matches anything, if any,
    and its entries (which the page filters, counts and ranks by kind)."""
    found, entries = answer(parse_query(text), matching_entries)
    misses.record(text, found)
    return found, entries[0] if entries else matching(None)


def matching_entries(attempt):
    """The attempt's entries in a list, if it matches any (a queryset's own
    truth would read them all)."""
    entries = matching(attempt)
    return [entries] if entries.exists() else None


def best_records(text, limit, language=None):
    """The API's answer: the best ``limit`` records, each attempt ranked once."""
    attempt, rows = answer(parse_query(text), partial(best, limit=limit))
    misses.record(text, attempt, language)
    if not language:
        return records(rows or [], language)
    # Links lead to the pages in the asker's language.
    with translation.override(language):
        return records(rows or [], language)


def matching(attempt, first=False):
    """The entries the attempt matches (none without an attempt); with
    ``first``, those of the first priorities only."""
    if attempt is None:
        return SearchEntry.objects.none()
    # With what is found through a team (sql/teams.py).
    condition = sql.through_teams(attempt.condition, fetched, first)
    if first:
        condition &= sql.FIRST_PRIORITY
    return SearchEntry.objects.filter(
        sql.RowSQL(SearchEntry, condition, BooleanField(), first)
    )


def of_kind(entries, kind):
    """The entries of one kind (``sql.kind_is``)."""
    return entries.filter(sql.RowSQL(SearchEntry, sql.kind_is(kind), BooleanField()))


def ranked(attempt, entries=None, first=False):
    """(kind, id, rank, position) of the attempt's entries (or of
    ``entries``), best first, ties in document order; a record comes once per
    entry that matched. With ``first``, of the first priorities' entries."""
    entries = matching(attempt, first) if entries is None else entries
    # What is found through a team, as what it was found through ranks.
    rank = sql.ranked_through_teams(
        rank_of(attempt), attempt.condition, partial(fetched, using=entries.db)
    )
    return (
        entries.annotate(
            search_rank=sql.RowSQL(SearchEntry, rank, IntegerField(), first)
        )
        .order_by("search_rank", "position", "kind", "object_id")
        .values_list("kind", "object_id", "search_rank", "position")
    )


def rank_of(attempt):
    """How an entry ranks for the attempt."""
    return sql.rank(attempt.keys, attempt.alternatives, attempt.groups)


def best(attempt, limit, entries=None):
    """(kind, id) of the best ``limit`` records.

    One row per entry, not per record: sorting the entries and skipping a
    record's further entries is cheaper than grouping every match. The
    entries of the first priorities rank before all others: while they
    alone fill the rows asked for, no other entry is read (a two-syllable
    word is in the team names on thousands of services).

    But not where the words an entry lacks count first: of three words, an
    entry that lacks one ranks before any that lacks two. (Of two, every
    entry found lacks one: what had both was an attempt of its own before,
    ``parse_query``.) And a slip's are ranked at once: its candidates (the entries
    with either side of it) are many more than its matches, and would be
    read twice when the first priorities run out.
    """
    if entries is None:
        for narrower in attempt.narrowed():
            found = best(narrower, limit)
            if len(found) >= limit:
                return found
    fetch = limit * 4
    first = entries is None and len(attempt.groups) < 3 and not attempt.approximate
    while True:
        if first:
            rows, first = first_or_every(attempt, fetch)
        elif entries is None:
            rows = every_ranked(attempt, fetch)
        else:
            rows = list(ranked(attempt, entries)[:fetch])
        found = list(dict.fromkeys(row[:2] for row in rows))
        if len(found) >= limit or len(rows) < fetch:
            return found[:limit]
        fetch *= 4


def every_ranked(attempt, fetch):
    """The best ``fetch`` rows of every entry's (of the ``CANDIDATES``)."""
    rank = rank_of(attempt)
    statement, params = sql.ranked_entries(attempt.condition, rank)
    return fetched(f"{statement} LIMIT %s", [*params, fetch])


def fetched(statement, params, using=None):
    with connections[using or router.db_for_read(SearchEntry)].cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall()


def first_or_every(attempt, fetch):
    """The best ``fetch`` rows, in one statement: of the first priorities'
    entries, or if they are fewer, of every entry; and whether the first
    priorities' filled them."""
    rank = rank_of(attempt)
    rows = fetched(*sql.first_or_every_statement(attempt.condition, rank, fetch))
    every = [row[1:] for row in rows if row[0]]
    if every or len(rows) < fetch:
        return every, False
    return [row[1:] for row in rows], True


def of_records(entries, rows):
    """The entries of the records ``rows`` ((kind, id) pairs) alone.

    For a weak attempt (part of what was typed), its best records: every
    entry with any word of a sentence, or any piece of a phrase, is tens of
    thousands at national size, few of them answers; counting and filtering
    them cost more than ranking them, to say nothing useful."""
    if not rows:
        return entries.none()
    kinds = {}
    for kind, pk in rows:
        kinds.setdefault(kind, []).append(pk)
    records = reduce(
        operator.or_, (Q(kind=kind, object_id__in=pks) for kind, pks in kinds.items())
    )
    # Their entries first, then which of them match: tested together with
    # the attempt's condition, SQLite read every entry that condition
    # matches, then kept these. The matching ones are then named by id, so
    # that counting and filtering them does not test the condition again.
    ids = SearchEntry.objects.using(entries.db).filter(records).values_list("id")
    found = entries.filter(id__in=[pk for (pk,) in ids]).values_list("id")
    return SearchEntry.objects.using(entries.db).filter(id__in=[pk for (pk,) in found])


def facets(entries):
    """How many records match for each sector, area, division and kind, in
    one statement (``sql.facets_statement``)."""
    counts = {name: Counter() for name in sql.FACETS}
    if entries.query.is_empty():
        # No attempt matched: there is no statement to read.
        return counts
    found = entries.order_by().values_list("object_id", *sql.FACETS).distinct()
    statement, params = found.query.get_compiler(using=found.db).as_sql()
    rows = fetched(sql.facets_statement(statement), params, found.db)
    for number, value, kind, n in rows:
        name = sql.FACETS[number]
        if name == "kind":
            counts[name][kind] += n
        elif value is not None:
            counts[name][value] += n
    return counts


def counted(entries, field):
    """Matching records per value of the field (an entry is one text of one):
    the records found first, then counted. Grouped by the column itself,
    SQLite read every entry through its index (the kind's: all services')
    and tested the query on each."""
    counts = Counter()
    if entries.query.is_empty():
        return counts
    found = entries.order_by().values_list(field, "kind", "object_id").distinct()
    statement, params = found.query.get_compiler(using=found.db).as_sql()
    rows = fetched(
        f"WITH found (value, kind, record) AS ({statement}) "
        "SELECT value, COUNT(*) FROM found WHERE value IS NOT NULL GROUP BY value",
        params,
        found.db,
    )
    counts.update(dict(rows))
    return counts
