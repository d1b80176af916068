"""A team and its services share their entries, each indexed once.

A service found through its team's names borrows them: its entry of that
priority (``entries.VIA_DIVISION``) holds no text, and a search tests and
ranks it by its team's own name entries (``entries.division_entries``). A
team answers for its services' numbers through the services' own number
entries: they are not indexed again on the team. A team's names in 13
languages, and a number that hundreds of its services share, are so each
indexed once (docs/benchmarks.md, "A team's names indexed once").

The ranking statements (``statements.py``) find those records through the
entries they have ranked already (``lending``): a team's services through
its name (``borrowed``), a team through its services' numbers
(``answered``), each ranked as the entry it came through, one priority
lower. The search page's entries, which it filters and counts, are a
queryset: there a borrowing entry matches when its team's name entries do,
and a team's name entry when its services' numbers do (``through_teams``),
and each ranks as the best of those (``ranked_through_teams``); those teams
and their ranks are read first, and the queryset names them.
"""

from django.db import connection

from ...models import Division, SearchEntry
from ..entries import DIVISION, ITEMS, NAME, VIA_DIVISION
from .conditions import TIERS, Condition, filled, unindexed_kind

# The entries that borrow: a service's of that priority without a key (its
# fax, of the same priority, has its number as key).
BORROWS = f"({{priority}} = {int(VIA_DIVISION)} AND {{key}} = '')"
TEAM = "team"
NUMBER = "number"
KIND = SearchEntry.Kind.DIVISION.value
SERVICE = SearchEntry.Kind.SERVICE.value
# The columns of a ranked entry that say what else it finds (``LENDS``: its
# team's services, its team, or nothing) and its team (``TEAM_ID``).
LENDS, TEAM_ID = "lends", "team"
LENDS_SERVICES, LENDS_TEAM = 1, 2
# One sector's span of ``entries.document_position``.
SECTOR_SPAN = 1000 * ITEMS


def quote(name):
    return connection.ops.quote_name(name)


def table():
    return quote(SearchEntry._meta.db_table)


def columns_of(alias):
    return {
        field.name: f"{alias}.{quote(field.column)}"
        for field in SearchEntry._meta.concrete_fields
    }


def placeholders():
    """The columns as a condition names them, for the caller to fill."""
    return {
        field.name: f"{{{field.name}}}" for field in SearchEntry._meta.concrete_fields
    }


def as_borrowing(columns):
    """A team name entry's columns, but those it is tested by as the entry of
    a service through it: its priority and kind."""
    return {**columns, "priority": str(int(VIA_DIVISION)), "kind": f"'{SERVICE}'"}


def as_answering(columns):
    """A service's number entry's columns, but those it is tested by as the
    entry of its team answering for the number."""
    return {**columns, "priority": str(int(DIVISION)), "kind": f"'{KIND}'"}


def team_name(columns):
    """Whether the entry is a team's own name (or search words)."""
    return (
        f"{columns['kind']} = '{KIND}' AND {columns['priority']} = {int(DIVISION)} "
        f"AND {columns['service']} IS NULL"
    )


def own_number(columns):
    """Whether the entry is a service's own number (only numbers have no
    character pairs)."""
    # Read by the numbers' own index (``key`` where ``grams`` is empty).
    kind = unindexed_kind(columns["kind"])
    return (
        f"{kind} = '{SERVICE}' AND {columns['priority']} = {int(NAME)} "
        f"AND {columns['grams']} = ''"
    )


def has_digits(condition):
    """Whether the condition may match a number: a number's key is digits,
    which a test of text without any digit never matches."""
    return any(
        isinstance(param, str) and any(ch.isdigit() for ch in param)
        for param in condition.params
    )


def team_names_sql(condition, rank=None):
    """SQL and parameters of the teams whose name entries pass the condition
    as a service's through them would: their ids, or with ``rank``, each with
    the best rank of those entries as that service's."""
    teams = columns_of(TEAM)
    source = f"{table()} {TEAM} WHERE {team_name(teams)}"
    return grouped(teams["object_id"], source, as_borrowing(teams), condition, rank)


def answering_sql(condition, rank=None):
    """SQL and parameters of the teams whose services' own numbers pass the
    condition as the team's would: their ids, or with ``rank``, each with the
    best rank of those numbers as the team's."""
    numbers = columns_of(NUMBER)
    source = f"{table()} {NUMBER} WHERE {own_number(numbers)}"
    return grouped(numbers["division"], source, as_answering(numbers), condition, rank)


def grouped(team, source, columns, condition, rank):
    rows = f"{source} AND {filled(condition, columns)}"
    if rank is None:
        return f"SELECT DISTINCT {team} FROM {rows}", condition.params
    return (
        f"SELECT {team}, MIN({filled(rank, columns)}) FROM {rows} GROUP BY {team}",
        [*rank.params, *condition.params],
    )


def through_teams(condition, read, first=False):
    """The condition, or (but of the first priorities alone) a borrowing
    entry's team's names pass it, or (of a condition that may match a
    number) a team name entry's services' numbers do.

    The teams are read first (``read(sql, params)`` gives the rows) and
    named in the condition as constants (``among``), which PostgreSQL looks
    up in a hash (and an index serves), where it compared each of a national
    directory's borrowing entries with every team of an array worked out in
    the statement (15,000 teams with "담당": seconds)."""
    arms = [] if first else [(BORROWS, "{division}", team_names_sql)]
    if has_digits(condition):
        arms.append((team_name(placeholders()), "{object_id}", answering_sql))
    found = condition
    for test, column, teams_sql in arms:
        teams = [team for (team,) in read(*teams_sql(condition))]
        # No test of no team: SQLite would read every entry for "or false".
        if teams:
            found |= Condition(f"({test} AND {among(column, teams)})")
    return found


def among(column, ids):
    """Whether the column is one of the ids (integers the database gave,
    one at least)."""
    listed = ",".join(str(int(pk)) for pk in ids)
    if connection.vendor == "postgresql":
        # One constant to parse: as a list, 15,000 teams took 45 ms to plan.
        # Its braces doubled: a condition's SQL is a template (``filled``).
        return f"{column} = ANY('{{{{{listed}}}}}'::bigint[])"
    return f"{column} IN ({listed})"


def by_rank(column, ranks):
    """SQL of the rank that ``ranks`` ((id, rank) rows) gives the column's
    id, NULL for another: one test per rank, of which a query has a few."""
    ids = {}
    for pk, rank in ranks:
        ids.setdefault(rank, []).append(pk)
    if not ids:
        return "CAST(NULL AS INTEGER)"
    cases = " ".join(
        f"WHEN {among(column, pks)} THEN {int(rank)}"
        for rank, pks in sorted(ids.items())
    )
    return f"CASE {cases} END"


def ranked_through_teams(rank, condition, read):
    """The rank, of a borrowing entry as its team's best matching name entry
    ranks; of a team's name entry (when the query may be a number), the
    better of its own and its services' best matching number's, as the
    team's. Those ranks are read first (``read``, as ``through_teams``)."""
    names = by_rank("{division}", read(*team_names_sql(condition, rank)))
    own = f"COALESCE(CASE WHEN {BORROWS} THEN {names} END, {rank.sql})"
    if not has_digits(condition):
        return Condition(own, *rank.params)
    numbers = by_rank("{object_id}", read(*answering_sql(condition, rank)))
    least = "LEAST" if connection.vendor == "postgresql" else "MIN"
    return Condition(
        f"CASE WHEN {team_name(placeholders())} THEN "
        f"{least}({rank.sql}, COALESCE({numbers}, {rank.sql})) ELSE {own} END",
        *rank.params,
        *rank.params,
        *rank.params,
    )


def lending(condition, columns, first=False):
    """SQL of what else a matching entry (its ``columns``) finds, and its
    parameters: a team's own name entry its services (``LENDS_SERVICES``), a
    service's own number its team (``LENDS_TEAM``), if the condition holds
    for the entry it stands for too (a condition of the first priorities
    alone holds for no service through its team)."""
    cases, params = [], []
    for test, value, stands_for in [
        (team_name(columns), LENDS_SERVICES, as_borrowing),
        (own_number(columns), LENDS_TEAM, as_answering),
    ]:
        if "{priority}" in condition.sql:
            test += f" AND {filled(condition, stands_for(columns), first)}"
            params += condition.params
        cases.append(f"WHEN {test} THEN {value}")
    return f"CASE {' '.join(cases)} ELSE 0 END", params


def borrowed(ranked):
    """SQL of the services found through the lending team names among the
    rows ``ranked`` (a table of ranked entries with ``LENDS``): each ranks
    as its team's name, a priority lower; ``statements.CANDIDATES`` at most,
    the best first."""
    from .statements import CANDIDATES, RANKED

    kind, object_id, search_rank, position = map(quote, RANKED)
    service = columns_of("t")
    borrows = BORROWS.format(**service)
    return (
        f"SELECT * FROM (SELECT '{SERVICE}' AS {kind}, "
        f"{service['object_id']} AS {object_id}, "
        f"r.{search_rank} + {2 * TIERS} AS {search_rank}, "
        f"{service['position']} AS {position} "
        f"FROM {ranked} r JOIN {table()} t ON {service['division']} = r.{object_id} "
        f"AND {borrows} WHERE r.{quote(LENDS)} = {LENDS_SERVICES} "
        f"ORDER BY 3, 4, 2 LIMIT {CANDIDATES}) borrowed_rows"
    )


def answered(ranked):
    """SQL of the teams that answer for the numbers among the rows
    ``ranked`` (with ``LENDS`` and ``TEAM_ID``), as ranked rows: each ranks
    as the number, a priority lower, at its own place in the document (in
    the sector of the service whose number it is); they lend nothing."""
    from .statements import RANKED

    kind, object_id, search_rank, position = map(quote, RANKED)
    team = quote(TEAM_ID)
    return (
        f"SELECT '{KIND}' AS {kind}, r.{team} AS {object_id}, "
        f"r.{search_rank} + {2 * TIERS} AS {search_rank}, "
        f"(r.{position} / {SECTOR_SPAN}) * {SECTOR_SPAN} + d.{quote('position')} "
        f"AS {position}, 0 AS {quote(LENDS)}, r.{team} AS {team} "
        f"FROM {ranked} r JOIN {quote(Division._meta.db_table)} d "
        f"ON d.{quote('id')} = r.{team} WHERE r.{quote(LENDS)} = {LENDS_TEAM}"
    )
