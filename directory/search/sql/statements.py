"""Whole statements: the entries ranked, and what a result shows of the
records found."""

from django.conf import settings
from django.db import connection
from modeltranslation.utils import build_localized_fieldname

from standards.models import Commitment, PolicyArea, Sector

from ...models import (
    Contact,
    Division,
    HelpLine,
    SearchEntry,
    Service,
    ServicePhone,
)
from .conditions import FIRST_PRIORITY, LATER_PRIORITY, filled
from .teams import LENDS, TEAM_ID, answered, borrowed, lending


class Table:
    """A model's table under an alias: ``t`` in FROM and JOIN, ``t["field"]``
    for a column, ``t.texts("field", language)`` for a translated field's."""

    def __init__(self, model, alias):
        self.model, self.alias = model, alias
        self.fields = model._meta.concrete_fields
        # Each search composes a few hundred column names: worked out once.
        self.columns = {}

    def __str__(self):
        return f"{connection.ops.quote_name(self.model._meta.db_table)} {self.alias}"

    def __getitem__(self, field):
        key = (connection.vendor, field)
        if key not in self.columns:
            column = self.model._meta.get_field(field).column
            self.columns[key] = f"{self.alias}.{connection.ops.quote_name(column)}"
        return self.columns[key]

    def texts(self, field, language):
        """The field in Korean, then in ``language`` (Korean again if none, or
        if the content is not translated into it yet)."""
        if language not in settings.MODELTRANSLATION_LANGUAGES:
            language = settings.LANGUAGE_CODE
        return ", ".join(
            self[build_localized_fieldname(field, code)]
            for code in (settings.LANGUAGE_CODE, language)
        )


ENTRY = Table(SearchEntry, "e")
# The entries' ranked columns, as the statements name them.
RANKED = ["kind", "object_id", "search_rank", "position"]


def ranked_order():
    """The ranked columns' order: best first, ties in document order."""
    return ", ".join(map(connection.ops.quote_name, [*RANKED[2:], *RANKED[:2]]))


# The most entries of each part of the index (the first priorities, the
# others) that one statement ranks: the first its scan gives (on PostgreSQL
# in the table's order: that of the last rebuild, then what was saved since),
# and every help line besides. A word in tens of thousands of names ("korean",
# a Thai piece) would otherwise have every one read and ranked, to show ten
# (docs/benchmarks.md).
CANDIDATES = 500
# The kind whose every match is ranked, whatever the others: a help line is
# often the number that answers (entries.py), and help lines are few.
ALWAYS_RANKED = "helpline"


def candidates(condition, columns, first=False, later=False):
    """SQL of the entries the condition matches that are ranked, under the
    entries' alias, and its parameters: ``CANDIDATES`` at most of each part
    (of the first priorities only, with ``first``; of the others only, with
    ``later``), and every help line. Each part is read by a scan of its own
    (on PostgreSQL, of one partition, by one process): which entries come
    first must not depend on how parallel workers shared out the reading."""
    parts = [(FIRST_PRIORITY, True), (LATER_PRIORITY, False)]
    if first or later:
        parts = [parts[0] if first else parts[1]]
    entries = f"SELECT {ENTRY.alias}.* FROM {ENTRY} WHERE"
    kind = ENTRY["kind"]
    selects, params = [], []
    for number, (part, in_first) in enumerate(parts):
        test = condition & part
        selects.append(
            f"SELECT * FROM ({entries} {filled(test, columns, in_first)} "
            f"AND {kind} <> %s LIMIT %s) capped_{number}"
        )
        params += [*test.params, ALWAYS_RANKED, CANDIDATES]
    lines = condition & parts[0][0] if len(parts) == 1 else condition
    selects.append(f"{entries} {filled(lines, columns, first)} AND {kind} = %s")
    params += [*lines.params, ALWAYS_RANKED]
    return f"({' UNION ALL '.join(selects)}) {ENTRY.alias}", params


def ranked_entries(condition, rank, first=False, later=False):
    """SQL and parameters of the entries the condition matches (of the first
    priorities only, with ``first``; of the others, with ``later``), best
    first, ties in document order: their kind, object_id, search_rank and
    position, then what else each finds and its team (``teams.LENDS``,
    ``teams.TEAM_ID``). Of a condition that matches more than
    ``CANDIDATES`` entries, the best of those ``candidates`` gives. The
    teams that answer for the numbers found are among the first
    priorities' rows (``teams.answered``); of every entry's (neither
    ``first`` nor ``later``), the services found through their team's names
    too (``teams.borrowed``), and the rows are the ranked columns alone."""
    columns = {field.name: ENTRY[field.name] for field in ENTRY.fields}
    names = dict(zip(RANKED, map(connection.ops.quote_name, RANKED), strict=True))
    source, source_params = candidates(condition, columns, first, later)
    lends, lends_params = ("0", []) if later else lending(condition, columns, first)
    select = (
        f"SELECT {ENTRY['kind']} AS {names['kind']}, "
        f"{ENTRY['object_id']} AS {names['object_id']}, "
        f"{filled(rank, columns, first)} AS {names['search_rank']}, "
        f"{ENTRY['position']} AS {names['position']}, "
        f"{lends} AS {connection.ops.quote_name(LENDS)}, "
        f"{ENTRY['division']} AS {connection.ops.quote_name(TEAM_ID)} "
        f"FROM {source}"
    )
    params = [*rank.params, *lends_params, *source_params]
    if later:
        order = (
            f"{names['search_rank']}, {ENTRY['position']}, "
            f"{ENTRY['kind']}, {ENTRY['object_id']}"
        )
        return f"{select} ORDER BY {order}", params
    found = f"WITH entry_rows AS MATERIALIZED ({select}) "
    if first:
        return (
            f"{found}SELECT * FROM entry_rows UNION ALL {answered('entry_rows')} "
            f"ORDER BY {ranked_order()}",
            params,
        )
    ranked = ", ".join(names.values())
    return (
        f"{found}SELECT {ranked} FROM entry_rows UNION ALL "
        f"SELECT {ranked} FROM ({answered('entry_rows')}) answered_rows UNION ALL "
        f"{borrowed('entry_rows')} ORDER BY {ranked_order()}",
        params,
    )


def first_or_every_statement(condition, rank, rows):
    """One statement for the best ``rows`` entries the condition matches: of
    the first priorities', and only if they are fewer, of every entry's;
    each row leads with 0 or 1 for which gave it.

    The second is limited to no rows when the first filled them, and neither
    database reads a query limited to no rows; when it is read, the first
    priorities' rows are those already ranked (they are all there, being
    fewer than asked for), and only the other entries are read. One
    statement rather than two: most attempts match few entries (the
    answer's fallbacks, none), and each statement costs a round trip and
    planning.
    """
    first_sql, first_params = ranked_entries(condition, rank, first=True)
    later_sql, later_params = ranked_entries(condition, rank, later=True)
    columns = ", ".join(map(connection.ops.quote_name, RANKED))
    order = ranked_order()
    return (
        f"WITH first_rows AS MATERIALIZED ({first_sql} LIMIT %s) "
        f"SELECT part, {columns} FROM ("
        f"SELECT 0 AS part, {columns} FROM first_rows UNION ALL "
        f"SELECT 1, {columns} FROM ("
        f"SELECT {columns} FROM first_rows UNION ALL "
        f"SELECT {columns} FROM ({later_sql}) later_rows UNION ALL "
        # The teams' services: their teams' names are all in first_rows.
        f"{borrowed('first_rows')} "
        f"ORDER BY {order} LIMIT (SELECT CASE WHEN "
        "count(*) < %s THEN %s ELSE 0 END FROM first_rows)) every_rows"
        f") ranked_rows ORDER BY part, {order}",
        [*first_params, rows, *later_params, rows, rows],
    )


# What the search page counts the matching records by, in this order.
FACETS = ["sector", "area", "division", "kind"]


def facets_statement(found_sql):
    """One statement for the records counted per value of each facet: rows
    of (facet's number in ``FACETS``, value, kind, records), from
    ``found_sql``, which selects the distinct object_id and ``FACETS``
    columns of the matching entries (the kind facet's value is the kind).
    A record is its kind and id, so each facet counts per kind. The matches
    are read once for all four: a common word is tens of thousands of
    entries to read again for each."""
    record, *columns = map(connection.ops.quote_name, ["object_id", *FACETS])
    kind = columns.pop()
    return f"WITH found ({record}, {', '.join(columns)}, {kind}) AS ({found_sql}) " + (
        " UNION ALL ".join(
            f"SELECT {number}, value, {kind}, COUNT(*) FROM (SELECT {column} AS value, "
            f"{kind}, {record} FROM found GROUP BY 1, 2, 3) facet_{number} "
            "GROUP BY 2, 3"
            for number, column in enumerate([*columns, "0"])
        )
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


# An area result shows the teams and numbers of its first services, as its
# page's table begins: an area of a national standard has hundreds.
AREA_SERVICES = 6


def areas_sql(language):
    first = f"""
        SELECT id FROM (
            SELECT {SERVICE["id"]} AS id, ROW_NUMBER() OVER (
                PARTITION BY {SERVICE["area"]} ORDER BY {SERVICE["position"]}
            ) AS nth
            FROM {SERVICE} WHERE {SERVICE["area"]} IN ({{ids}})
        ) ranked WHERE nth <= {AREA_SERVICES}
        """
    return f"""
        SELECT {AREA["id"]}, {AREA.texts("title", language)},
            {DIVISION["id"]}, {DIVISION.texts("name", language)}, NULL, NULL, {TAIL}
        FROM {AREA}
        LEFT JOIN {SERVICE} ON {SERVICE["area"]} = {AREA["id"]}
            AND {SERVICE["id"]} IN ({first})
        LEFT JOIN {DIVISION} ON {DIVISION["id"]} = {SERVICE["division"]}
        {NUMBERS}
        WHERE {AREA["id"]} IN ({{ids}})
        ORDER BY {SERVICE["position"]}, {LINK["position"]}
        """


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
