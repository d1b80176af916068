"""A service found through its team's names borrows them: its entry of that
priority (``entries.VIA_DIVISION``) holds no text, and a search tests and
ranks it by its team's own name entries (``entries.division_entries``).

A team's names in 13 languages are so indexed once, not once again on each
of its services (a team has hundreds at national size: docs/benchmarks.md).

The ranking statements (``statements.py``) find those services through the
team name entries they have ranked already (``lending``, ``borrowed``): a
service ranks as its team does, one priority lower. The search page's
entries, which it filters and counts, are a queryset: there a borrowing
entry matches when its team's entries do (``through_teams``), and ranks as
the best of them (``ranked_through_teams``).
"""

from django.db import connection

from ...models import SearchEntry
from ..entries import DIVISION, VIA_DIVISION
from .conditions import TIERS, Condition, filled

# The entries that borrow: a service's of that priority without a key (its
# fax, of the same priority, has its number as key).
BORROWS = f"({{priority}} = {int(VIA_DIVISION)} AND {{key}} = '')"
TEAM = "team"
KIND = SearchEntry.Kind.DIVISION.value


def quote(name):
    return connection.ops.quote_name(name)


def columns_of(alias):
    return {
        field.name: f"{alias}.{quote(field.column)}"
        for field in SearchEntry._meta.concrete_fields
    }


def as_borrowing(columns):
    """A team name entry's columns, but those it is tested by as the entry of
    a service through it: its priority and kind."""
    return {**columns, "priority": str(int(VIA_DIVISION)), "kind": "'service'"}


def team_name(columns):
    """Whether the entry is a team's own name (or search words): not one of
    the numbers it answers for, which its services own (entries.py)."""
    return (
        f"{columns['kind']} = '{KIND}' AND {columns['priority']} = {int(DIVISION)} "
        f"AND {columns['service']} IS NULL"
    )


def on_teams(condition, where):
    """SQL from the team name entries (``where`` of their columns) for which
    the condition holds, its placeholders filled but the FTS mirror's."""
    columns = columns_of(TEAM)
    table = quote(SearchEntry._meta.db_table)
    test = condition.sql.format(mirror="{mirror}", **as_borrowing(columns))
    return f"FROM {table} {TEAM} WHERE {team_name(columns)} AND {where} AND {test}"


def through_teams(condition):
    """The condition, or a borrowing entry's team passes it. On PostgreSQL the
    teams are an array worked out once, which the borrowing entries' own
    index looks up (``IN`` a subquery is no index condition there)."""
    teams = f"SELECT {TEAM}.{quote('object_id')} " + on_teams(condition, "TRUE")
    if connection.vendor == "postgresql":
        found = f"{{division}} = ANY(ARRAY({teams}))"
    else:
        found = f"{{division}} IN ({teams})"
    return condition | Condition(f"({BORROWS} AND {found})", *condition.params)


def ranked_through_teams(rank):
    """The rank, of a borrowing entry as its team's best name entry ranks."""
    team = as_borrowing(columns_of(TEAM))
    best = f"SELECT MIN({rank.sql.format(mirror='{mirror}', **team)}) "
    best += on_teams(Condition("TRUE"), f"{TEAM}.{quote('object_id')} = {{division}}")
    return Condition(
        f"COALESCE(CASE WHEN {BORROWS} THEN ({best}) END, {rank.sql})",
        *rank.params,
        *rank.params,
    )


# The column of a ranked entry that says whether it lends its team's name
# to the team's services (1) or not (0).
LENDS = "lends"


def lending(condition, columns, first=False):
    """SQL of whether a matching entry (its ``columns``) lends its name to
    its team's services, and its parameters: a team's own name entry, of
    which the condition holds for a service's entry through it too (a
    condition of the first priorities alone holds for no such entry)."""
    team = team_name(columns)
    if "{priority}" not in condition.sql:
        # The entry matched the condition: so would a service through it.
        return f"CASE WHEN {team} THEN 1 ELSE 0 END", []
    test = filled(condition, as_borrowing(columns), first)
    return f"CASE WHEN {team} AND {test} THEN 1 ELSE 0 END", condition.params


def borrowed(ranked):
    """SQL of the services found through the lending team names among the
    rows ``ranked`` (a table of ranked entries with ``LENDS``): each ranks
    as its team's name, a priority lower; ``statements.CANDIDATES`` at most,
    the best first."""
    from .statements import CANDIDATES, RANKED

    kind, object_id, search_rank, position = map(quote, RANKED)
    table = quote(SearchEntry._meta.db_table)
    return (
        f"SELECT * FROM (SELECT 'service' AS {kind}, t.{object_id} AS {object_id}, "
        f"r.{search_rank} + {2 * TIERS} AS {search_rank}, "
        f"t.{position} AS {position} "
        f"FROM {ranked} r JOIN {table} t ON t.{quote('division_id')} = r.{object_id} "
        f"AND t.{quote('priority')} = {int(VIA_DIVISION)} AND t.{quote('key')} = '' "
        f"WHERE r.{quote(LENDS)} = 1 "
        f"ORDER BY 3, 4, 2 LIMIT {CANDIDATES}) borrowed_rows"
    )
