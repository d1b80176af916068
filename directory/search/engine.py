"""Answering a query: which entries match, how they rank and what they show.

Every match is a ``LIKE`` on a precomputed key, one code path for SQLite and
PostgreSQL. On PostgreSQL, trigram indexes serve queries of three characters
or more directly; one- and two-character queries look up the space-separated
character pairs instead (" 상담 " is a whole word there, which a trigram index
finds, where '%상담%' would scan every row).

A query of two or three syllables (or initials) can still match a tenth of
the directory, and ranking every match then costs more than everything else:
such queries read their ranked matches from ``SearchGram`` instead, the same
ranking precomputed.
"""

import operator
from collections import Counter
from functools import reduce

from django.core.cache import cache
from django.db.models import (
    BooleanField,
    Count,
    Expression,
    IntegerField,
)

from core.cache import current_generation

from ..models import SearchEntry, SearchGram, Synonym
from .results import LOADERS, Result, Section
from .text import (
    clean_query,
    is_gram,
    is_hangul,
    is_initials,
    is_whole_number,
    keyboard_readings,
    search_key,
    typed_number,
)

Kind = SearchEntry.Kind
MAX_ALTERNATIVES = 5
# Ranks within one priority: exact, prefix, whole word, part of a word; each
# once for the words typed and once for a synonym or a correction of them.
TIERS = 8


class Condition:
    """A test of a row's columns as SQL, the columns named in braces.

    Conditions combine with ``|`` and ``&``. A query's tests are many small
    lookups (a search with three synonyms has over thirty), and the ORM
    resolved each anew for every query, which took longer than PostgreSQL
    took to answer it; these are written once and only rendered.
    """

    def __init__(self, sql, *params):
        self.sql, self.params = sql, list(params)

    def __or__(self, other):
        return Condition(f"({self.sql} OR {other.sql})", *self.params, *other.params)

    def __and__(self, other):
        return Condition(f"({self.sql} AND {other.sql})", *self.params, *other.params)


class RowSQL(Expression):
    """A ``Condition`` (or a ranking built of them) on the rows of ``model``."""

    def __init__(self, model, condition, output_field):
        super().__init__(output_field=output_field)
        self.model, self.condition = model, condition

    def as_sql(self, compiler, connection):
        quote = compiler.quote_name_unless_alias
        table = quote(compiler.query.get_initial_alias())
        columns = {
            field.name: f"{table}.{quote(field.column)}"
            for field in self.model._meta.concrete_fields
        }
        return self.condition.sql.format(**columns), self.condition.params


def matching(condition):
    return SearchEntry.objects.filter(RowSQL(SearchEntry, condition, BooleanField()))


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


def synonyms_of(key):
    """The key with each word staff listed as a synonym swapped for its pair."""
    found = []
    for term, synonym in synonym_pairs():
        for word, other in ((term, synonym), (synonym, term)):
            if word and other and word in key:
                found.append(key.replace(word, other))
    return [alt for alt in dict.fromkeys(found) if alt != key][:MAX_ALTERNATIVES]


def _column(key):
    """The placeholder of the column a key is matched against."""
    return "{initials}" if is_initials(key) else "{key}"


def _matches(key):
    if is_whole_number(key):
        # A number typed with its area code starts the key of the number it
        # is (whole, or but for its last digits): a prefix, which a B-tree
        # index finds where a substring search would read every number.
        return Condition("{key} LIKE %s", f"{key}%")
    if is_initials(key) and len(key) < 3:
        # One or two initials say too little to match anywhere in a name: they
        # match its beginning, as in the 가나다 index.
        return Condition("{initials} LIKE %s", f"{key}%")
    if len(key) >= 3:
        return Condition(f"{_column(key)} LIKE %s", f"%{key}%")
    if len(key) == 2:
        return Condition("{grams} LIKE %s", f"% {key} %")
    return Condition("{grams} LIKE %s", f"% {key}%")


def _any(keys, test):
    """Whether any of the (non-empty) keys passes the test."""
    return reduce(operator.or_, map(test, keys))


def _rank(keys, alternatives):
    """Priority first (names, divisions, the standard's text), then match tier.

    Keys and alternatives hold no ``%`` or ``_`` (``search_key`` drops them),
    so they go into ``LIKE`` patterns as they are.
    """
    tests = [
        lambda key: Condition(f"{_column(key)} = %s", key),
        lambda key: Condition(f"{_column(key)} LIKE %s", f"{key}%"),
        lambda key: Condition("{words} LIKE %s", f"% {key} %"),
        _matches,
    ]
    if not alternatives:
        # Every entry matched the key itself: the last test needs no checking.
        tests.pop()
    whens = []
    for tier, test in enumerate(tests):
        whens.append((_any(keys, test), 2 * tier))
        if alternatives:
            whens.append((_any(alternatives, test), 2 * tier + 1))
    default = TIERS - (1 if alternatives else 2)
    cases = " ".join(f"WHEN {test.sql} THEN {tier}" for test, tier in whens)
    params = [param for test, _tier in whens for param in test.params]
    rank = f"{{priority}} * {TIERS} + CASE {cases} ELSE {default} END"
    return RowSQL(SearchEntry, Condition(rank, *params), IntegerField())


def _ranked_grams(keys, alternatives):
    """``_rank``'s order, read from the pieces (for keys that ``is_gram`` accepts)."""
    grams = SearchGram.objects.filter(gram__in=[*keys, *alternatives])
    tier = "tier"
    if keys and alternatives:
        typed = " OR ".join(["{gram} = %s"] * len(keys))
        tier = Condition(f"{{tier}} * 2 + CASE WHEN {typed} THEN 0 ELSE 1 END", *keys)
        tier = RowSQL(SearchGram, tier, IntegerField())
    # An entry has one row per piece: with alternatives it may come twice,
    # and its first row is its best.
    order = ["priority", tier, "position", "kind", "object_id"]
    return grams.order_by(*order).values_list("kind", "object_id")


def _slips(key):
    """Entries with the key but for one mistyped syllable (four or more)."""
    if len(key) < 4 or not all(map(is_hangul, key)):
        return None
    slips = []
    for i in range(len(key)):
        left, right = key[:i], key[i + 1 :]
        slip = Condition("{key} LIKE %s", f"%{left}_{right}%")
        # A side of one or two syllables holds no whole trigram, so the index
        # would return every entry with the other side (a common word, often):
        # its character pair narrows the search as well.
        if len(left) == 2:
            slip &= Condition("{grams} LIKE %s", f"% {left} %")
        if len(right) in (1, 2):
            slip &= Condition("{grams} LIKE %s", f"% {right}%")
        slips.append(slip)
    return reduce(operator.or_, slips)


class Search:
    """The answer to one query: the matching entries and how to rank them.

    When nothing matches as typed, the query is read as Hangul typed with an
    English keyboard layout, then with one syllable mistyped; ``corrected``
    and ``approximate`` tell which reading answered.
    """

    def __init__(self, text):
        self.text = clean_query(text)
        self._corrected, self._approximate = "", False
        self.key = typed_number(self.text) or search_key(self.text)
        self.keys = [self.key] if self.key else []
        self.alternatives = synonyms_of(self.key) if self.key else []
        self._entries = SearchEntry.objects.none()
        if self.key:
            self._entries = matching(_any([self.key, *self.alternatives], _matches))
        # The keys to read ranked from the pieces, if they are pieces.
        self._grams = (self.keys, self.alternatives)
        self._settled = not self.key

    @property
    def entries(self):
        """The matching entries, after the fallbacks if nothing matched as typed."""
        if not self._settled and not self._entries.exists():
            self._fall_back(lambda: self._entries.exists())
        self._settled = True
        return self._entries

    @property
    def corrected(self):
        """The Hangul reading of a query typed in English mode, if it answered."""
        return self.entries is not None and self._corrected

    @property
    def approximate(self):
        """Whether only names with one syllable mistyped matched."""
        return self.entries is not None and self._approximate

    def _fallbacks(self):
        """The other readings of the query, likeliest first.

        Each is (entries, alternatives, corrected, approximate); the query as
        typed matched nothing, so only the alternatives count in ranking.
        """
        readings = keyboard_readings(self.text)
        for reading in readings:
            alternatives = [reading, *synonyms_of(reading)]
            found = matching(_any(alternatives, _matches))
            yield found, alternatives, reading, False
        for candidate in [self.key, *readings]:
            slips = _slips(candidate)
            if slips:
                yield matching(slips), [], "", True

    def _fall_back(self, found):
        """Take the first reading for which ``found()`` is true, if any."""
        typed = self._entries, self.alternatives, self._grams
        self._settled = True
        for entries, alternatives, corrected, approximate in self._fallbacks():
            self._entries, self.alternatives = entries, alternatives
            self._grams = None if approximate else ([], alternatives)
            if found():
                self._corrected, self._approximate = corrected, approximate
                return
        self._entries, self.alternatives, self._grams = typed

    def ranked(self, entries=None):
        """(kind, id) of matching entries, best first, ties in document order.

        One row per entry, not per record: sorting the entries and skipping a
        record's further entries is cheaper than grouping every match.
        """
        if entries is None and self._grams:
            keys, alternatives = self._grams
            if keys + alternatives and all(map(is_gram, keys + alternatives)):
                return _ranked_grams(keys, alternatives)
        entries = self._entries if entries is None else entries
        return entries.order_by(
            _rank(self.keys, self.alternatives), "position", "kind", "object_id"
        ).values_list("kind", "object_id")

    def _best(self, entries, limit):
        fetch = limit * 4
        while True:
            rows = list(self.ranked(entries)[:fetch])
            best = list(dict.fromkeys(rows))
            if len(best) >= limit or len(rows) < fetch:
                return best[:limit]
            fetch *= 4

    def best(self, entries=None, limit=20):
        """(kind, id) of the best ``limit`` records, after the fallbacks."""
        if not self.keys:
            return []
        rows = self._best(entries, limit)
        if not rows and entries is None and not self._settled:
            # Each reading is ranked at once: testing first whether it matches
            # would find its matches twice.
            def found():
                rows[:] = self._best(None, limit)
                return bool(rows)

            self._fall_back(found)
        self._settled = True
        return rows

    def results(self, entries=None, limit=20):
        """The best ``limit`` records, loaded with what a result shows."""
        rows = self.best(entries, limit)
        loaded = {
            kind: LOADERS[kind]([pk for k, pk in rows if k == kind])
            for kind in {kind for kind, _pk in rows}
        }
        return [
            Result(kind, loaded[kind][pk]) for kind, pk in rows if pk in loaded[kind]
        ]

    def sections(self, entries=None, limit=50):
        """The results grouped by kind (services first), each with its count."""
        entries = self.entries if entries is None else entries
        counts = _counts(entries, "kind")
        return [
            Section(kind, counts[kind], self.results(entries.filter(kind=kind), limit))
            for kind in Kind.values
            if counts[kind]
        ]

    def facets(self):
        """How many records match for each sector, area, division and kind."""
        return {
            field: _counts(self.entries, field)
            for field in ["sector", "area", "division", "kind"]
        }


def _counts(entries, field):
    """Matching records per value of the field (an entry is one text of one)."""
    counts = Counter()
    rows = entries.values_list(field, "kind").annotate(
        n=Count("object_id", distinct=True)
    )
    for value, _kind, n in rows.order_by():
        if value is not None:
            counts[value] += n
    return counts
