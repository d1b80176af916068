"""Slips in words of Latin, Cyrillic and Devanagari scripts: a word of a
query that no indexed text has is corrected to the indexed words nearest to
it by edit distance ("festivel" → festival, "переводчк" → переводчик).

The indexed words are kept in their own table (``SearchTerm``), written with
the entries. Candidates are the words that share a trigram with the typed
one (PostgreSQL's pg_trgm index serves the ``LIKE``s and ranks them by its
similarity; SQLite reads the small table); the edit distance decides.
"""

import re

from django.db import connections, router

from ..models.search import SearchTerm
from .entries import WORD_LENGTH

MIN_LENGTH = 4
CANDIDATES = 50
TABLE = SearchTerm._meta.db_table


# Latin, Cyrillic and Devanagari words of MIN_LENGTH letters or more.
_FUZZY_WORD = re.compile(f"[a-z\u0400-\u04ff\u0900-\u097f]{{{MIN_LENGTH},}}")


def fuzzy_script(word):
    """Whether slips in the word are forgiven by edit distance."""
    return _FUZZY_WORD.fullmatch(word) is not None


def allowed_edits(word):
    return 1 if len(word) < 8 else 2


def edit_distance(a, b):
    """Damerau-Levenshtein distance (adjacent swaps count once)."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous = previous, current
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost
            )
            if (
                before
                and i > 1
                and j > 1
                and a[i - 1] == b[j - 2]
                and a[i - 2] == b[j - 1]
            ):
                current[j] = min(current[j], before[j - 2] + 1)
    return current[-1]


def _cursor():
    return connections[router.db_for_read(SearchTerm)].cursor()


def known(words):
    """The words that some indexed text has as a word."""
    words = list(words)
    if not words:
        return set()
    with _cursor() as cursor:
        marks = ", ".join(["%s"] * len(words))
        cursor.execute(f"SELECT word FROM {TABLE} WHERE word IN ({marks})", words)
        return {word for (word,) in cursor.fetchall()}


def candidates(word):
    """Indexed words that share a trigram with the word (a pair, in a word
    of five letters or fewer: one slip there leaves few or no trigrams) and
    are about as long."""
    size = 2 if len(word) <= 5 else 3
    trigrams = list(
        dict.fromkeys(word[i : i + size] for i in range(len(word) - size + 1))
    )
    likes = " OR ".join(["word LIKE %s"] * len(trigrams))
    params = [f"%{trigram}%" for trigram in trigrams]
    edits = allowed_edits(word)
    params += [max(len(word) - edits, MIN_LENGTH), len(word) + edits]
    with _cursor() as cursor:
        vendor = cursor.db.vendor
        order = "ORDER BY similarity(word, %s) DESC " if vendor == "postgresql" else ""
        cursor.execute(
            f"SELECT word FROM {TABLE} WHERE ({likes}) "
            f"AND length(word) BETWEEN %s AND %s {order}LIMIT {CANDIDATES}",
            params + ([word] if order else []),
        )
        # The list holds every word of the coded entries too (entries.py).
        return [found for (found,) in cursor.fetchall() if fuzzy_script(found)]


def corrections(words):
    """For each word no indexed text has, the indexed words nearest to it
    (within one edit, two for words of eight letters or more), nearest first."""
    words = [word for word in dict.fromkeys(words) if fuzzy_script(word)]
    found = {}
    for word in set(words) - known(words):
        scored = [(edit_distance(word, other), other) for other in candidates(word)]
        scored = [(d, other) for d, other in scored if 0 < d <= allowed_edits(word)]
        if scored:
            best = min(d for d, _other in scored)
            found[word] = tuple(sorted(o for d, o in scored if d == best))[:3]
    return found


def words_of(entries):
    """The words of the entries' texts that slips are corrected to, and every
    word of the entries indexed by their words' codes (``entries.py``)."""
    return frozenset(
        word
        for entry in entries
        for word in entry["words"].split()
        if fuzzy_script(word) and len(word) <= WORD_LENGTH
    ) | frozenset(word for entry in entries for word in entry.get("listed", ()))


def remember(words):
    """Add the words (``words_of`` the entries written) to the indexed words."""
    if not words:
        return
    connection = connections[router.db_for_write(SearchTerm)]
    words = sorted(words)
    with connection.cursor() as cursor:
        for start in range(0, len(words), 1000):
            batch = words[start : start + 1000]
            cursor.execute(
                f"INSERT INTO {TABLE} (word, code) VALUES "
                f"{', '.join(['(%s, %s)'] * len(batch))} ON CONFLICT DO NOTHING",
                [value for word in batch for value in (word, SearchTerm.code_of(word))],
            )


def forget_all():
    """Empty the indexed words (before every text is indexed anew)."""
    SearchTerm.objects.all()._raw_delete(SearchTerm.objects.db)
