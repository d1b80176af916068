"""What an entry matches and how it ranks: tests of its columns as SQL."""

import operator
from functools import lru_cache, reduce

from django.db import connection, connections, router
from django.db.models import Expression

from core.cache import current_generation

from ...models.search import SearchTerm
from ..entries import SEPARATOR as SEP
from ..entries import SYLLABIC
from ..fts import FIRST, FIRST_PRIORITIES, FTS
from ..text import INITIALS_MARK, has_hangul, is_hangul, is_initials, is_whole_number

# Ranks within one priority: exact, prefix, whole word, part of a word; each
# once for the words typed and once for a synonym or a reading of them.
TIERS = 8
# What one more word of a query that an entry matches is worth: more than any
# priority and tier (the priorities are 0-4).
WORD_WEIGHT = 100


class Condition:
    """A test of a row's columns as SQL, the columns named in braces.

    On SQLite, a test that the FTS table answers keeps its FTS5 query
    (``fts``, with ``joins``: the operator that joined its parts, if any):
    such tests joined by AND or OR become one query of that table, which
    intersects and unites the row ids itself.
    """

    def __init__(self, sql, *params, fts=None, joins=None, codes=None):
        self.sql, self.params = sql, list(params)
        self.fts, self.joins = fts, joins
        # A test of coded words alone (``coded_test``): the codes it looks for.
        self.codes = codes
        # Of tests joined by OR, each of them: a later OR unites their coded
        # words' arrays into one, looked up once in the GIN index.
        self.disjuncts = [self]

    def join(self, other, operator):
        # "a OR b OR c" rather than nested brackets: SQLite's parser and FTS5
        # give up at about a hundred (a slip has one test per syllable).
        if self.fts and other.fts:
            parts = [
                test.fts if test.joins in (None, operator) else f"({test.fts})"
                for test in (self, other)
            ]
            return in_fts(f" {operator} ".join(parts), joins=operator)
        if operator != "OR":
            return joined(self, other, operator=operator)
        tests = [*self.disjuncts, *other.disjuncts]
        codes = [test.codes for test in tests if test.codes is not None]
        if len(codes) > 1:
            tests = [test for test in tests if test.codes is None]
            tests.append(coded_test(frozenset().union(*codes)))
        if len(tests) == 1:
            return tests[0]
        found = joined(*tests, operator=operator)
        found.disjuncts = tests
        return found

    def __or__(self, other):
        return self.join(other, "OR")

    def __and__(self, other):
        return self.join(other, "AND")


def joined(*tests, operator):
    """The tests joined by the operator, each test's own brackets dropped
    where it joined its parts by the same operator."""
    parts = [
        test.sql[1:-1] if test.joins == operator and not test.fts else test.sql
        for test in tests
    ]
    return Condition(
        f"({f' {operator} '.join(parts)})",
        *(param for test in tests for param in test.params),
        joins=operator,
    )


def coded_test(codes):
    """Whether a coded entry has any of the codes (``coded``)."""
    return Condition(
        "{word_codes} && %s::integer[]", sorted(codes), codes=frozenset(codes)
    )


def in_fts(query, joins=None):
    """The entries whose FTS row matches the FTS5 query (SQLite only); the
    mirror is named by ``RowSQL``."""
    return Condition(
        "{id} IN (SELECT rowid FROM {mirror} WHERE {mirror} MATCH %s)",
        query,
        fts=query,
        joins=joins,
    )


def phrase(name, text):
    """An FTS5 query for the text in the named column: a phrase of its
    trigrams, which is the substring itself."""
    quoted = text.replace('"', '""')
    return f'{name} : "{quoted}"'


# The entries of the first priorities, which rank before all others (on
# SQLite their own mirror answers, when ``RowSQL`` is told ``first``).
FIRST_PRIORITY = Condition(f"{{priority}} < {FIRST_PRIORITIES}")
LATER_PRIORITY = Condition(f"{{priority}} >= {FIRST_PRIORITIES}")


class RowSQL(Expression):
    """A ``Condition`` (or a ranking built of them) on the rows of ``model``;
    with ``first``, of the rows of the first priorities only."""

    def __init__(self, model, condition, output_field, first=False):
        super().__init__(output_field=output_field)
        self.model, self.condition, self.first = model, condition, first

    def as_sql(self, compiler, connection):
        quote = compiler.quote_name_unless_alias
        table = quote(compiler.query.get_initial_alias())
        columns = {
            field.name: f"{table}.{quote(field.column)}"
            for field in self.model._meta.concrete_fields
        }
        return filled(self.condition, columns, self.first), self.condition.params


def filled(condition, columns, first=False):
    """The condition's SQL with its braces filled: the columns (by field
    name), and the FTS mirror of every entry or of the first priorities'."""
    return condition.sql.format(mirror=FIRST if first else FTS, **columns)


def unindexed_kind(column):
    """The kind's column as SQLite reads no index for (a unary plus is no
    column): by the kind's index, it read every entry of a kind (all
    services') and tested the rest of a condition on each, where the other
    tests' own indexes find the few that pass."""
    return f"+{column}" if connection.vendor == "sqlite" else column


def kind_is(kind):
    """Whether an entry is of the kind, tested on what the rest of a
    condition finds (``unindexed_kind``)."""
    return Condition(f"{unindexed_kind('{kind}')} = %s", kind)


def column(key):
    """The placeholder of the column a key is matched against."""
    return "{initials}" if is_initials(key) else "{key}"


def contains(name, text):
    """Whether the named column has the text (or, of an entry of coded
    words, a word does as that column would)."""
    if connection.vendor == "sqlite" and len(text) >= 3:
        return in_fts(phrase(name, text))
    # On SQLite, text too short for a trigram (a query of one character; two
    # are looked up as a pair) is read from the table: FTS5 finds no row for
    # it, not even through its LIKE.
    test = Condition(f"{{{name}}} LIKE %s", f"%{text}%")
    pattern = coded_pattern(name, text)
    return either(test, pattern and coded(pattern))


def either(test, other):
    """The test, or the other if there is one."""
    return test | other if other else test


def codable(text):
    """Whether a query's text may be a coded entry's (``entries.CODED``,
    PostgreSQL only): no Hangul, and no initial consonants."""
    return (
        connection.vendor == "postgresql"
        and not has_hangul(text)
        and not is_initials(text.strip().lstrip(INITIALS_MARK))
    )


# More codes than this are left to the statement to read from the list.
MAX_CODES = 1000


@lru_cache(maxsize=4096)
def listed_codes(pattern, generation):
    """The codes of the listed words like the pattern (None if more than
    ``MAX_CODES``), read once while the directory is unchanged
    (``generation``: every save moves it on, and so does a rebuild)."""
    with connections[router.db_for_read(SearchTerm)].cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT code FROM {SearchTerm._meta.db_table} "
            f"WHERE word LIKE %s ORDER BY code LIMIT {MAX_CODES + 1}",
            [pattern],
        )
        codes = tuple(code for (code,) in cursor.fetchall())
    return None if len(codes) > MAX_CODES else codes


def coded(pattern, negated=False, whole=False):
    """Whether an entry indexed by its words' codes has a listed word like
    the pattern (``whole``: the word itself; ``negated``: a text of it starts
    so), or None if no listed word is. The codes are read first and named
    in the statement as one array, whose rows the entries' GIN index gives
    (and whose frequency the planner knows from the column's statistics:
    a subquery's array it cannot see, and read every entry of a common word
    rather than those of a rare one)."""
    sign = -1 if negated else 1
    if whole:
        codes = (SearchTerm.code_of(pattern),)
    else:
        codes = listed_codes(pattern, current_generation())
    if codes == ():
        return None
    if codes is None:
        return Condition(
            f"{{word_codes}} && (SELECT array_agg({'-' if negated else ''}code) "
            f"FROM {SearchTerm._meta.db_table} WHERE word LIKE %s)",
            pattern,
        )
    return coded_test({sign * code for code in codes})


def every_word(words):
    """Whether a coded entry has each of the words (as a part of one of its
    words), or None where that cannot be: a query's words typed together,
    as a text's key holds them side by side (``reading.parse_query``)."""
    if len(words) < 2 or not all(map(codable, words)):
        return None
    tests = [coded(f"%{word}%") for word in words]
    if not all(tests):
        return None
    return reduce(operator.and_, tests)


def coded_pattern(name, text):
    """The listed words a test of the named column by the text stands for in
    a coded entry, as a pattern: a part of a word, for the key; for the
    character pairs (a query of one or two characters), a word's start, or a
    part of one in a script where a character or two are a word."""
    word = text.strip()
    if name == "initials" or not codable(text):
        return None
    if name == "grams" and not SYLLABIC.search(word):
        return f"{word}%"
    return f"%{word}%"


def number_prefix(key):
    """Whether an entry's key starts with the digits, which the key's B-tree
    index serves: through the trigrams, every number shares 031's. SQLite's
    ``LIKE`` ignores case and so no index serves it, its ``GLOB`` does
    (digits are no wildcard of either)."""
    # The index holds the numbers only (``grams`` is empty for them alone).
    if connection.vendor == "sqlite":
        return Condition("({key} GLOB %s AND {grams} = '')", f"{key}*")
    return Condition("({key} LIKE %s AND {grams} = '')", f"{key}%")


def key_condition(key):
    """Whether an entry matches the key: one test an index can serve."""
    if is_whole_number(key):
        # A number typed with its area code starts the key of the number it
        # is (whole, or but for its last digits).
        return number_prefix(key)
    if is_initials(key) and len(key) < 3:
        # One or two initials say too little to match anywhere in a name: they
        # match its beginning, as in the 가나다 index (``grams`` keeps it).
        return contains("grams", f" {INITIALS_MARK}{key}")
    if len(key) >= 3:
        return contains(column(key).strip("{}"), key)
    # Too short for trigrams: a whole word of the space-separated pairs.
    if len(key) == 2:
        return contains("grams", f" {key} ")
    return contains("grams", f" {key}")


def unindexed(condition):
    """The same test, served by no index (PostgreSQL): of tests joined by AND,
    the planner then reads the entries through the others' indexes and
    checks this one on each. Its estimates of a substring's matches are far
    off ("visa" in 53 entries for 2,581): it would otherwise read every
    entry with a common word and test the rare one on each."""
    if connection.vendor != "postgresql":
        return condition
    sql = condition.sql
    for name in ("key", "grams", "initials"):
        sql = sql.replace(f"{{{name}}}", f"({{{name}}} || '')")
    sql = sql.replace("{word_codes}", "({word_codes} || '{{}}'::integer[])")
    return Condition(sql, *condition.params, joins=condition.joins)


def any_of(keys, test=key_condition):
    """Whether any of the (non-empty) keys passes the test."""
    return reduce(operator.or_, map(test, keys))


def words_missed(groups):
    """How many of a query's words (each a group of keys) an entry lacks."""
    missed = " + ".join(
        f"CASE WHEN {any_of(group).sql} THEN 0 ELSE 1 END" for group in groups
    )
    params = [param for group in groups for param in any_of(group).params]
    return Condition(f"({missed})", *params)


def rank(keys, alternatives, groups=()):
    """An entry's rank: the words of the query it lacks (with ``groups``, the
    keys of each word), then priority, then the tier of its best match.

    ``keys`` (as typed) rank before ``alternatives``; either may be empty.
    """
    # An entry of several texts keeps each between separators (``entries``).
    tests = [
        lambda key: Condition(
            f"({column(key)} = %s OR {column(key)} LIKE %s)", key, f"%{SEP}{key}{SEP}%"
        ),
        starts_with,
        whole_word,
        key_condition,
    ]
    if not alternatives:
        # Every entry matched the keys themselves: the last test needs no checking.
        tests.pop()
    whens = [
        (any_of(group, test), 2 * tier + offset)
        for tier, test in enumerate(tests)
        for offset, group in enumerate([keys, alternatives])
        if group
    ]
    default = TIERS - (1 if alternatives else 2)
    cases = " ".join(f"WHEN {test.sql} THEN {tier}" for test, tier in whens)
    params = [param for test, _tier in whens for param in test.params]
    order = Condition(f"{{priority}} * {TIERS} + {default}")
    if whens:
        order = Condition(
            f"{{priority}} * {TIERS} + CASE {cases} ELSE {default} END", *params
        )
    # At equal strength, a record with a number to call comes first.
    order = Condition(
        f"({order.sql}) * 2 + CASE WHEN {{kind}} IN ('commitment', 'area') "
        "THEN 1 ELSE 0 END",
        *order.params,
    )
    if not groups:
        return order
    missed = words_missed(groups)
    return Condition(
        f"{missed.sql} * {WORD_WEIGHT} + {order.sql}", *missed.params, *order.params
    )


def starts_with(key):
    """Whether a text of the entry starts with the key."""
    test = Condition(
        f"({column(key)} LIKE %s OR {column(key)} LIKE %s)", f"{key}%", f"%{SEP}{key}%"
    )
    return either(test, codable(key) and coded(f"{key}%", negated=True))


def whole_word(key):
    """Whether the key is a word of the entry's texts."""
    test = Condition("{words} LIKE %s", f"% {key} %")
    return either(test, codable(key) and coded(key, whole=True))


def slips(key):
    """Entries with the key but for one mistyped syllable (four or more)."""
    if len(key) < 4 or not all(map(is_hangul, key)):
        return None
    pieces = [(key[:i], key[i + 1 :]) for i in range(len(key))]
    if connection.vendor == "sqlite":
        # FTS5 has no wildcard for one character: the mirror finds the
        # entries with both sides of a slip (of any: they hold when any slip
        # does), then the table's LIKE tests the slips themselves.
        return any_of(pieces, sides) & any_of(pieces, slip)
    return any_of(pieces, narrowed_slip)


def slip(piece):
    return Condition("{key} LIKE %s", "%{}_{}%".format(*piece))


def narrowed_slip(piece):
    """PostgreSQL's trigrams serve the slip's LIKE; but a side of one or two
    syllables holds no whole trigram, so the index would return every entry
    with the other side (a common word, often): its pair narrows it too."""
    left, right = piece
    test = slip(piece)
    if len(left) == 2:
        test &= contains("grams", f" {left} ")
    if len(right) in (1, 2):
        test &= contains("grams", f" {right}")
    return test


def sides(piece):
    """Whether an entry has both sides of a slip, as far as the mirror
    tells: a side of three syllables or more by its trigrams, of two by its
    pair in ``grams``. One syllable is no FTS5 phrase (the pairs it starts
    have two characters): the other side, two or more, narrows alone."""
    tests = [
        contains("key", side) if len(side) >= 3 else contains("grams", f" {side} ")
        for side in piece
        if len(side) >= 2
    ]
    return reduce(operator.and_, tests)
