"""Statements planned once per database connection: the queries that read
what a result shows (``statements.QUERIES``).

Each search reads its records by one of a few fixed statements, whose
planning (six tables joined) took three times as long as their reading: on
PostgreSQL each is prepared once per connection and then executed with the
ids as one array. Elsewhere, or where connections do not last
(``CONN_MAX_AGE=0``: each request has a new one, and PgBouncer in transaction
mode may run two statements of one request on two servers), the ids are
written into the statement as before.
"""

import hashlib
import weakref

# The statements prepared on each open connection, by its driver's
# connection object: a connection Django opens anew has none.
_PREPARED = weakref.WeakKeyDictionary()
IDS = "IN ({ids})"


def lasting(connection):
    """Whether a statement prepared now may serve later requests."""
    return (
        connection.vendor == "postgresql"
        and connection.settings_dict.get("CONN_MAX_AGE") != 0
    )


def by_ids(connection, query, pks):
    """The rows of a query whose one parameter, ``{ids}``, is the list of
    ids (in ``IN ({ids})``, as often as it needs)."""
    pks = list(pks)
    with connection.cursor() as cursor:
        if not lasting(connection):
            cursor.execute(
                query.format(ids=", ".join(["%s"] * len(pks))),
                pks * query.count("{ids}"),
            )
            return cursor.fetchall()
        name = "directory_" + hashlib.sha256(query.encode()).hexdigest()[:32]
        prepared = _PREPARED.setdefault(connection.connection, set())
        if name not in prepared:
            # Not undone by a rollback: it lasts as long as the connection.
            cursor.execute(
                f"PREPARE {name} (bigint[]) AS {query.replace(IDS, '= ANY($1)')}"
            )
            prepared.add(name)
        cursor.execute(f"EXECUTE {name} (%s)", [pks])
        return cursor.fetchall()
