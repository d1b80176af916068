"""Reading a query: the attempts it is tried as, in order (``parse_query``).

As typed (its words joined, as Korean is often spaced either way), then, for
a query of several words, each word on its own: first what has every word,
then what has any, most words first. Then, in case nothing matched, as Hangul
typed with the keyboard in English mode, then with one syllable mistyped.
English and Russian words are looked for by their stem, and Latin text
without its accents too (``text.py``).
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, partial, reduce
from itertools import combinations
from operator import and_, or_

from django.core.cache import cache

from core.cache import current_generation

from ..models import Synonym
from . import fuzzy, sample, sql
from .keyboard import keyboard_readings
from .sentences import content_words, ngrams
from .text import (
    clean_query,
    is_hangul,
    search_key,
    stem,
    typed_number,
    unaccented,
)

MAX_ALTERNATIVES = 5
# At most this many sets of words are tested at once (``Attempt.narrowed``).
MAX_WORD_SETS = 10


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
            tests = [sql.any_of(group) for group in groups]
            rare = sample.rare_word(groups)
            if rare is not None:
                # The index reads the entries with the rare word, and the
                # common ones are checked on those (``sql.unindexed``).
                tests = [
                    test if i == rare else sql.unindexed(test)
                    for i, test in enumerate(tests)
                ]
            return cls(keys, others, reduce(and_, tests), groups=groups)
        return cls(keys, others, sql.any_of(keys + others), groups=groups, weak=True)

    def narrowed(self):
        """Of an attempt that takes any of three words or more: attempts that
        take entries with all but one of them, then all but two, ... (as
        long as they are few combinations). Entries that have more of the
        words rank first, so while the narrower attempt fills the rows asked
        for, its answer is this attempt's; and the index finds entries with
        two rare words at once, rather than every entry that has a common one
        ("han" is in a tenth of all names)."""
        if not self.weak or self.approximate or len(self.groups) < 3:
            return
        words = [sql.any_of(group) for group in self.groups]
        for size in range(len(words) - 1, 1, -1):
            sets = list(combinations(words, size))
            if len(sets) > MAX_WORD_SETS:
                return
            condition = reduce(or_, (reduce(and_, tests) for tests in sets))
            yield replace(self, condition=condition, weak=False)

    @classmethod
    def of_pieces(cls, pieces):
        """What shares a third of the pieces of a phrase written without
        spaces (of a Korean one, two at least), most pieces first.

        What shares ``needed`` pieces has one of any ``len - needed + 1`` of
        them: the index looks up that many, the rarest (``sample``)."""
        groups = tuple((piece,) for piece in pieces)
        korean = all(map(is_hangul, "".join(pieces)))
        needed = max(2 if korean else 1, -(-len(pieces) // 3))
        looked_up = sample.rarest(pieces, len(pieces) - needed + 1)
        condition = sql.any_of(looked_up) & sql.Condition(
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


def parse_query(text):
    """The reading of a query, worked out once: no database but the synonyms,
    for words no indexed text has, their nearest indexed words, and (on
    PostgreSQL) the codes of the listed words a part of a word matches.

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
    # Words typed together, which a text's key holds side by side, are a
    # coded entry's words (PostgreSQL: ``entries.CODED``) if it has them all.
    typed_words = [word for word in map(search_key, text.split()) if word]
    together = not number and sql.every_word(typed_words)
    if together:
        typed = replace(typed, condition=typed.condition | together)
    return Reading(text, (typed,), partial(later, text, number, key, pairs))


def later(text, number, key, pairs):
    """The attempts after the one as typed (``parse_query``)."""
    attempts = []
    # The groups of a number (031 8030 4655) are no words: "031" alone is
    # in every number of the province, and ranking them all is slow.
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
