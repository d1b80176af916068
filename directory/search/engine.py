"""Answering a query: how it reads, which entries match and how they rank.

Every match is a substring of a precomputed key (``sql``), one code path
for SQLite and PostgreSQL, served by trigram indexes (PostgreSQL's pg_trgm
for ``LIKE``, SQLite's FTS5 for ``MATCH``); one- and two-character queries
look up the space-separated character pairs instead. Ranking reads the
entries of the first priorities alone while they fill the page (``best``).

A query is read once (``read``): as typed (its words joined, as Korean is
often spaced either way), then, for a query of several words, each word on its
own: first what has every word, then what has any, most words first. Then, in
case nothing matched, as Hangul typed with the keyboard in English mode, then
with one syllable mistyped. ``answer`` takes the first of those attempts that
finds anything. English and Russian words are looked for by their stem, and
Latin text without its accents too (``text.py``).
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial, reduce
from operator import and_

from django.core.cache import cache
from django.db import connections, router
from django.db.models import BooleanField, Count, IntegerField
from django.utils import translation

from core.cache import current_generation

from ..models import SearchEntry, Synonym
from . import fuzzy, misses, sql
from .results import records
from .sentences import content_words, ngrams
from .text import (
    clean_query,
    is_hangul,
    keyboard_readings,
    search_key,
    stem,
    typed_number,
    unaccented,
)

Kind = SearchEntry.Kind
MAX_ALTERNATIVES = 5


def synonym_pairs():
    """Staff's synonym pairs as keys, cached until any directory row changes."""
    cache_key = f"directory:synonyms:{current_generation()}"
    pairs = cache.get(cache_key)
    if pairs is None:
        pairs = [
            (search_key(term), search_key(synonym))
            for term, synonym in Synonym.objects.values_list("term", "synonym")
        ]
        cache.set(cache_key, pairs, timeout=None)
    return pairs


def synonyms_of(key, pairs):
    """The key with each word staff listed as a synonym swapped for its pair."""
    found = []
    for term, synonym in pairs:
        for word, other in ((term, synonym), (synonym, term)):
            if word and other and word in key:
                found.append(key.replace(word, other))
    return tuple(alt for alt in dict.fromkeys(found) if alt != key)[:MAX_ALTERNATIVES]


@dataclass(frozen=True)
class Attempt:
    """One reading of a query: which entries match, and which keys rank first.

    ``keys`` (as typed) rank before ``alternatives`` (synonyms, stems,
    corrected slips, or the Hangul a keyboard in English mode typed); with
    ``groups`` (the keys of each word of the query), what lacks fewer words
    ranks first. A ``weak`` attempt matches only part of what was typed.
    """

    keys: tuple
    alternatives: tuple
    condition: sql.Condition
    corrected: str = ""
    approximate: bool = False
    groups: tuple = ()
    weak: bool = False

    @classmethod
    def of(cls, keys, alternatives, corrected="", approximate=False, weak=False):
        """The attempt that matches any of the keys and alternatives."""
        condition = sql.any_of(keys + alternatives)
        return cls(keys, alternatives, condition, corrected, approximate, weak=weak)

    @classmethod
    def of_words(cls, groups, every):
        """What has every word of the query, or (not ``every``) any of them;
        each word's first key ranks before its other forms."""
        keys = tuple(dict.fromkeys(group[0] for group in groups))
        others = tuple(
            dict.fromkeys(
                key for group in groups for key in group[1:] if key not in keys
            )
        )
        if every:
            condition = reduce(and_, (sql.any_of(group) for group in groups))
            return cls(keys, others, condition, groups=groups)
        return cls(keys, others, sql.any_of(keys + others), groups=groups, weak=True)

    @classmethod
    def of_pieces(cls, pieces):
        """What shares a third of the pieces of a phrase written without
        spaces (of a Korean one, two at least), most pieces first."""
        groups = tuple((piece,) for piece in pieces)
        korean = all(map(is_hangul, "".join(pieces)))
        needed = max(2 if korean else 1, -(-len(pieces) // 3))
        condition = sql.any_of(tuple(pieces)) & sql.Condition(
            f"{sql.words_missed(groups).sql} <= %s",
            *sql.words_missed(groups).params,
            len(pieces) - needed,
        )
        if korean:
            # Korean pairs are compared with names alone: through its team's
            # name, every service of a team shares "담당"'s neighbours.
            condition &= sql.FIRST_PRIORITY
        return cls(
            tuple(pieces), (), condition, approximate=True, groups=groups, weak=True
        )


def forms(key):
    """A key's stem and its form without accents, where they differ."""
    found = [stem(key), unaccented(key), unaccented(stem(key))]
    return tuple(form for form in dict.fromkeys(found) if form and form != key)


@dataclass(frozen=True)
class Reading:
    """What was typed, cleaned, and its attempts, likeliest first.

    The attempt as typed is worked out at once; the others (which look up
    corrections of mistyped words) only when it finds nothing, as most
    queries find something as typed."""

    text: str
    first: tuple
    later: Callable = tuple

    @cached_property
    def attempts(self):
        return (*self.first, *self.later())

    def tried(self):
        """The attempts, each worked out when the ones before found nothing."""
        yield from self.first
        yield from self.attempts[len(self.first) :]


def read(text):
    """The reading of a query, worked out once: no database but the synonyms
    and, for words no indexed text has, their nearest indexed words.

    As typed first; then its content words (``sentences``): all of them,
    one mistyped Hangul syllable, any of them (most first); the pieces of a
    phrase without spaces; the keyboard's readings; corrected slips.
    """
    text = clean_query(text)
    number = typed_number(text)
    key = number or search_key(text)
    if not key:
        return Reading(text, ())
    pairs = synonym_pairs()
    alternatives = (*forms(key), *synonyms_of(key, pairs))
    typed = Attempt.of((key,), alternatives)
    return Reading(text, (typed,), partial(later, text, number, key, pairs))


def later(text, number, key, pairs):
    """The attempts after the one as typed (``read``)."""
    attempts = []
    # The groups of a number (031 8030 4655) are no words: "031" alone is
    # in every number of the province, and ranking them all took 150 ms.
    words = [] if number else content_words(text)
    fixed = fuzzy.corrections([stem(word) for word in words] + words)
    groups = tuple(
        (
            stem(word),
            *forms(stem(word))[:1],
            *synonyms_of(word, pairs)[:1],
            *fixed.get(word, fixed.get(stem(word), ()))[:2],
        )
        for word in words
    )
    if len(groups) == 1 and groups[0][0] not in (key, stem(key)):
        # One content word among fillers ("where can I learn it").
        attempts.append(Attempt.of(groups[0][:1], groups[0][1:], weak=True))
    if len(groups) > 1:
        attempts.append(Attempt.of_words(groups, every=True))
    slips = [sql.slips(key)]
    attempts += [
        Attempt((), (), slip, approximate=True, weak=True) for slip in slips if slip
    ]
    if len(groups) > 1:
        attempts.append(Attempt.of_words(groups, every=False))
    pieces = ngrams(words)
    if len(pieces) > 1:
        attempts.append(Attempt.of_pieces(pieces))
    readings = keyboard_readings(text)
    # The query as typed matched nothing when these are tried: only the
    # reading and its synonyms rank.
    attempts += [
        Attempt.of((), (reading, *synonyms_of(reading, pairs)), corrected=reading)
        for reading in readings
    ]
    slips = (sql.slips(candidate) for candidate in readings)
    attempts += [
        Attempt((), (), slip, approximate=True, weak=True) for slip in slips if slip
    ]
    corrected = tuple(word for found in fixed.values() for word in found)
    if len(groups) == 1 and corrected:
        attempts.append(Attempt.of((), corrected, approximate=True, weak=True))
    return tuple(attempts)


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
    found, _matched = answer(read(text), lambda attempt: matching(attempt).exists())
    misses.record(text, found)
    return found, matching(found)


def best_records(text, limit, language=None):
    """The API's answer: the best ``limit`` records, each attempt ranked once."""
    attempt, rows = answer(read(text), partial(best, limit=limit))
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
    condition = attempt.condition
    if first:
        condition &= sql.FIRST_PRIORITY
    return SearchEntry.objects.filter(
        sql.RowSQL(SearchEntry, condition, BooleanField(), first)
    )


def ranked(attempt, entries=None, first=False):
    """(kind, id, rank, position) of the attempt's entries (or of
    ``entries``), best first, ties in document order; a record comes once per
    entry that matched. With ``first``, of the first priorities' entries."""
    entries = matching(attempt, first) if entries is None else entries
    rank = sql.rank(attempt.keys, attempt.alternatives, attempt.groups)
    return (
        entries.annotate(
            search_rank=sql.RowSQL(SearchEntry, rank, IntegerField(), first)
        )
        .order_by("search_rank", "position", "kind", "object_id")
        .values_list("kind", "object_id", "search_rank", "position")
    )


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
    ``read``.) And a slip's are ranked at once: its candidates (the entries
    with either side of it) are many more than its matches, and would be
    read twice when the first priorities run out.
    """
    fetch = limit * 4
    first = entries is None and len(attempt.groups) < 3 and not attempt.approximate
    while True:
        if first:
            rows, first = first_or_every(attempt, fetch)
        else:
            rows = list(ranked(attempt, entries)[:fetch])
        found = list(dict.fromkeys(row[:2] for row in rows))
        if len(found) >= limit or len(rows) < fetch:
            return found[:limit]
        fetch *= 4


def first_or_every(attempt, fetch):
    """The best ``fetch`` rows, in one statement: of the first priorities'
    entries, or if they are fewer, of every entry; and whether the first
    priorities' filled them."""
    rank = sql.rank(attempt.keys, attempt.alternatives, attempt.groups)
    statement = sql.first_or_every(attempt.condition, rank, fetch)
    with connections[router.db_for_read(SearchEntry)].cursor() as cursor:
        cursor.execute(*statement)
        rows = cursor.fetchall()
    every = [row[1:] for row in rows if row[0]]
    if every or len(rows) < fetch:
        return every, False
    return [row[1:] for row in rows], True


@dataclass(frozen=True)
class Section:
    kind: str
    count: int
    results: list

    @property
    def label(self):
        return Kind(self.kind).label


def sections(attempt, entries, limit, language):
    """The records of the entries grouped by kind, with counts.

    The kind of the best record overall comes first (a help line for "비자",
    the line that answers a visa question), then services, teams and the rest.
    """
    counts = counted(entries, "kind")
    found = [
        Section(
            kind,
            counts[kind],
            records(best(attempt, limit, entries.filter(kind=kind)), language),
        )
        for kind in Kind.values
        if counts[kind]
    ]
    if len(found) > 1:
        [(first_kind, _id)] = best(attempt, 1, entries)
        found.sort(key=lambda section: section.kind != first_kind)
    return found


def facets(entries):
    """How many records match for each sector, area, division and kind."""
    return {
        field: counted(entries, field)
        for field in ["sector", "area", "division", "kind"]
    }


def counted(entries, field):
    """Matching records per value of the field (an entry is one text of one)."""
    counts = Counter()
    rows = entries.values_list(field, "kind").annotate(
        n=Count("object_id", distinct=True)
    )
    for value, _kind, n in rows.order_by():
        if value is not None:
            counts[value] += n
    return counts
