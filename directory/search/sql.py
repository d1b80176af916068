"""The SQL of search that the ORM cannot compose fast enough, in one place.

Invariant: every piece here is SQL text built only from the models' table and
column names (quoted by the connection) and fixed words; whatever comes from
a query travels as a parameter (``%s``), never inside the text. Keys hold no
``%`` or ``_`` (``search_key`` drops them), so they go into ``LIKE`` patterns
as they are. The SQL is the same on SQLite and PostgreSQL but for where a
substring is looked up: PostgreSQL's trigram indexes serve ``LIKE`` on the
entries' own columns; on SQLite the same ``LIKE`` goes to the FTS5 trigram
table that mirrors them (``FTS_TABLE``, kept in step by triggers).

Why not the ORM: a query's tests are many small lookups (a search with three
synonyms has over thirty), and the ORM resolved each anew for every query,
which took longer than PostgreSQL took to answer; the API's records took
6–15 ms composed by the ORM, about 3 ms written out (docs/benchmarks.md).
"""

import operator
from functools import reduce

from django.conf import settings
from django.db import connection
from django.db.models import Expression
from modeltranslation.utils import build_localized_fieldname

from standards.models import Commitment, PolicyArea, Sector

from ..models import Contact, Division, HelpLine, Service, ServicePhone
from .text import INITIALS_MARK, is_hangul, is_initials, is_whole_number

# Ranks within one priority: exact, prefix, whole word, part of a word; each
# once for the words typed and once for a synonym or a reading of them.
TIERS = 8
# What one more word of a query that an entry matches is worth: more than any
# priority and tier (the priorities are 0-4).
WORD_WEIGHT = 100
FTS_TABLE = "directory_searchentry_fts"


class Condition:
    """A test of a row's columns as SQL, the columns named in braces."""

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


def column(key):
    """The placeholder of the column a key is matched against."""
    return "{initials}" if is_initials(key) else "{key}"


def like(name, pattern):
    """``column LIKE pattern``, served by a trigram index on either database."""
    if connection.vendor == "sqlite":
        return Condition(
            f"{{id}} IN (SELECT rowid FROM {FTS_TABLE} WHERE {name} LIKE %s)", pattern
        )
    return Condition(f"{{{name}}} LIKE %s", pattern)


def matches(key):
    """Whether an entry matches the key: one ``LIKE`` an index can serve."""
    if is_whole_number(key):
        # A number typed with its area code starts the key of the number it
        # is (whole, or but for its last digits).
        return like("key", f"{key}%")
    if is_initials(key) and len(key) < 3:
        # One or two initials say too little to match anywhere in a name: they
        # match its beginning, as in the 가나다 index (``grams`` keeps it).
        return like("grams", f"% {INITIALS_MARK}{key}%")
    if len(key) >= 3:
        return like(column(key).strip("{}"), f"%{key}%")
    # Too short for trigrams: a whole word of the space-separated pairs.
    if len(key) == 2:
        return like("grams", f"% {key} %")
    return like("grams", f"% {key}%")


def any_of(keys, test=matches):
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
    tests = [
        lambda key: Condition(f"{column(key)} = %s", key),
        lambda key: Condition(f"{column(key)} LIKE %s", f"{key}%"),
        lambda key: Condition("{words} LIKE %s", f"% {key} %"),
        matches,
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
    if not groups:
        return order
    missed = words_missed(groups)
    return Condition(
        f"{missed.sql} * {WORD_WEIGHT} + {order.sql}", *missed.params, *order.params
    )


def slips(key):
    """Entries with the key but for one mistyped syllable (four or more)."""
    if len(key) < 4 or not all(map(is_hangul, key)):
        return None
    found = []
    for i in range(len(key)):
        left, right = key[:i], key[i + 1 :]
        slip = like("key", f"%{left}_{right}%")
        # A side of one or two syllables holds no whole trigram, so the index
        # would return every entry with the other side (a common word, often):
        # its character pair narrows the search as well.
        if len(left) == 2:
            slip &= like("grams", f"% {left} %")
        if len(right) in (1, 2):
            slip &= like("grams", f"% {right}%")
        found.append(slip)
    return reduce(operator.or_, found)


class Table:
    """A model's table under an alias: ``t`` in FROM and JOIN, ``t["field"]``
    for a column, ``t.texts("field", language)`` for a translated field's."""

    def __init__(self, model, alias):
        self.model, self.alias = model, alias

    def __str__(self):
        return f"{connection.ops.quote_name(self.model._meta.db_table)} {self.alias}"

    def __getitem__(self, field):
        column = self.model._meta.get_field(field).column
        return f"{self.alias}.{connection.ops.quote_name(column)}"

    def texts(self, field, language):
        """The field in Korean, then in ``language`` (Korean again if none, or
        if the content is not translated into it yet)."""
        if language not in settings.MODELTRANSLATION_LANGUAGES:
            language = settings.LANGUAGE_CODE
        return ", ".join(
            self[build_localized_fieldname(field, code)]
            for code in (settings.LANGUAGE_CODE, language)
        )


SERVICE, DIVISION = Table(Service, "s"), Table(Division, "d")
HELPLINE = Table(HelpLine, "h")
LINK, PHONE, FAX = Table(ServicePhone, "sp"), Table(Contact, "p"), Table(Contact, "f")
AREA, SECTOR = Table(PolicyArea, "a"), Table(Sector, "sc")
COMMITMENT = Table(Commitment, "c")
FULFILS = Table(Service.commitments.through, "sc_link")
# What a result shows of a number: the number, then the facts beside it.
NUMBER_FIELDS = ["number", "extension", "hours", "languages", "last_verified"]
# Each query's columns: the record's key, its names, its division's id and
# names, its area's titles, then its fax and one phone (a row per phone).
TAIL = ", ".join(table[field] for table in (FAX, PHONE) for field in NUMBER_FIELDS)
NUMBERS = f"""
    LEFT JOIN {LINK} ON {LINK["service"]} = {SERVICE["id"]}
    LEFT JOIN {PHONE} ON {PHONE["id"]} = {LINK["contact"]}
    LEFT JOIN {FAX} ON {FAX["id"]} = {SERVICE["fax"]}
"""
# The services of a division or a commitment in the order of the document.
IN_ORDER = f"""
    LEFT JOIN {AREA} ON {AREA["id"]} = {SERVICE["area"]}
    LEFT JOIN {SECTOR} ON {SECTOR["id"]} = {AREA["sector"]}
    {NUMBERS}
"""
ORDER = (
    f"{SECTOR['position']}, {AREA['number']}, {SERVICE['position']}, {LINK['position']}"
)


def services_sql(language):
    return f"""
        SELECT {SERVICE["id"]}, {SERVICE.texts("name", language)},
            {DIVISION["id"]}, {DIVISION.texts("name", language)},
            {AREA.texts("title", language)}, {TAIL}
        FROM {SERVICE} JOIN {DIVISION} ON {DIVISION["id"]} = {SERVICE["division"]}
        JOIN {AREA} ON {AREA["id"]} = {SERVICE["area"]}
        {NUMBERS}
        WHERE {SERVICE["id"]} IN ({{ids}})
        ORDER BY {LINK["position"]}
        """


def divisions_sql(language):
    # Its names twice: as the record's, and as the division answering.
    return f"""
        SELECT {DIVISION["id"]}, {DIVISION.texts("name", language)},
            {DIVISION["id"]}, {DIVISION.texts("name", language)}, NULL, NULL, {TAIL}
        FROM {DIVISION}
        LEFT JOIN {SERVICE} ON {SERVICE["division"]} = {DIVISION["id"]}
        {IN_ORDER}
        WHERE {DIVISION["id"]} IN ({{ids}})
        ORDER BY {ORDER}
        """


def commitments_sql(language):
    """Its key is (id, area): its address is a part of its area's page."""
    return f"""
        SELECT {COMMITMENT["id"]}, {COMMITMENT["area"]},
            {COMMITMENT.texts("title", language)},
            {DIVISION["id"]}, {DIVISION.texts("name", language)}, NULL, NULL, {TAIL}
        FROM {COMMITMENT}
        LEFT JOIN {FULFILS} ON {FULFILS["commitment"]} = {COMMITMENT["id"]}
        LEFT JOIN {SERVICE} ON {SERVICE["id"]} = {FULFILS["service"]}
        LEFT JOIN {DIVISION} ON {DIVISION["id"]} = {SERVICE["division"]}
        {IN_ORDER}
        WHERE {COMMITMENT["id"]} IN ({{ids}})
        ORDER BY {ORDER}
        """


def areas_sql(language):
    nothing = ", ".join(["NULL"] * (5 + 2 * len(NUMBER_FIELDS)))
    return (
        f"SELECT {AREA['id']}, {AREA.texts('title', language)}, {nothing} "
        f"FROM {AREA} WHERE {AREA['id']} IN ({{ids}})"
    )


def helplines_sql(language):
    """Its number as a phone's (as dialled: 1345), with the languages answered."""
    nothing = ", ".join(["NULL"] * (5 + len(NUMBER_FIELDS)))
    return (
        f"SELECT {HELPLINE['id']}, {HELPLINE.texts('name', language)}, {nothing}, "
        f"{HELPLINE['number']}, NULL, NULL, {HELPLINE['languages']}, NULL "
        f"FROM {HELPLINE} WHERE {HELPLINE['id']} IN ({{ids}})"
    )


QUERIES = {
    "service": services_sql,
    "division": divisions_sql,
    "commitment": commitments_sql,
    "area": areas_sql,
    "helpline": helplines_sql,
}
