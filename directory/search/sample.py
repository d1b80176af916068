"""How common a piece of text is among the indexed entries, told by a sample
of them: which pieces of a phrase the index need not look up
(``reading.Attempt.of_pieces``), and which word of a query the index reads
(``reading.Attempt.of_words``).

Only the speed of a search depends on it, never its answer: an entry that
shares ``needed`` pieces of a phrase has one of any ``len - needed + 1`` of
them, so the index looks those up (the rarest) and every piece still counts.
A Thai question's commonest pieces are in half the Thai names.
"""

import time

from django.db import connections, router

from ..models import SearchEntry
from ..models.search import SearchTerm
from .entries import forms_of
from .text import is_initials

# Entries read (by id, evenly spread), and for how long the sample serves.
SIZE = 3000
SECONDS = 600

COLUMNS = ("key", "initials", "grams")

_taken = {}


def texts():
    """The keys, initials and character pairs of up to ``SIZE`` entries, each
    column's joined into one text, kept per process for ``SECONDS`` (what is
    common changes with a rebuild, not with an edit)."""
    alias = router.db_for_read(SearchEntry)
    taken, joined = _taken.get(alias, (None, {}))
    if taken is not None and time.monotonic() - taken < SECONDS:
        return joined
    objects = SearchEntry.objects.using(alias).order_by()
    ids = objects.values_list("id", flat=True)
    first, last = ids.order_by("id").first(), ids.order_by("-id").first()
    joined = {}
    if first is not None:
        step = max(1, (last - first + 1) // SIZE)
        sampled = range(first, last + 1, step)[:SIZE]
        rows = objects.filter(id__in=sampled).values_list(*COLUMNS)
        columns = [list(column) for column in zip(*rows, strict=True)]
        if columns and connections[alias].vendor == "postgresql":
            # The entries indexed by their words' codes: each word as a text
            # of its own would be (``entries.forms_of``).
            for word, entries in coded_words(alias, sampled):
                for fields in forms_of(word)[:1]:
                    for column, values in zip(COLUMNS, columns, strict=True):
                        values += [fields[column]] * entries
        joined = dict(zip(COLUMNS, map("\n".join, columns), strict=True))
    _taken[alias] = (time.monotonic(), joined)
    return joined


def coded_words(alias, ids):
    """The listed words of the coded entries among those, each with how
    many of them have it."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT term.word, coded.entries FROM (SELECT code, count(*) AS entries "
            f"FROM {SearchEntry._meta.db_table}, unnest(word_codes) AS code "
            "WHERE id = ANY(%s) GROUP BY code) coded "
            f"JOIN {SearchTerm._meta.db_table} term ON term.code = coded.code",
            [list(ids)],
        )
        return cursor.fetchall()


def forget():
    """Take a new sample at the next search (tests, after a rebuild)."""
    _taken.clear()


def occurrences(piece, joined):
    """How often the sample has the piece as ``sql.key_condition`` looks it up."""
    if len(piece) >= 3:
        return joined["initials" if is_initials(piece) else "key"].count(piece)
    return joined["grams"].count(f" {piece} " if len(piece) == 2 else f" {piece}")


def rarest(pieces, count):
    """The ``count`` pieces the sample has least often, in their order."""
    joined = texts()
    if count >= len(pieces) or not joined:
        return tuple(pieces)
    seen = [occurrences(piece, joined) for piece in pieces]
    kept = sorted(range(len(pieces)), key=lambda i: (seen[i], i))[:count]
    return tuple(pieces[i] for i in sorted(kept))


# A word the sample has at least this often is common (about 1 entry in 300).
COMMON = 10


def rare_word(groups):
    """Which group of keys (a query's word and its other forms) is rare where
    another is common: the sample never has it, and has another at least
    ``COMMON`` times. None otherwise, or without a sample."""
    joined = texts()
    if len(groups) < 2 or not joined:
        return None
    seen = [sum(occurrences(key, joined) for key in group) for group in groups]
    if min(seen) > 0 or max(seen) < COMMON:
        return None
    return seen.index(0)
