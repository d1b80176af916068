"""The text indexes of the search entries: SQLite's FTS5 trigram tables that
mirror their keys, and PostgreSQL's pg_trgm GIN indexes on the same columns
(and a GIN index of the coded entries' word codes, ``entries.CODED``, whose
words' trigrams are indexed once, in the word list).

The entries of the first priorities (``FIRST``: a record's own names and
numbers, a team's), which rank before every other entry, are apart
(migration 0002_search_sql): on PostgreSQL, in a partition of their own, whose
indexes are the parts of the table's; on SQLite, in a second mirror beside
that of every entry (``FTS``). A query whose first priorities
hold enough matches ranks those alone: the entries through which a service
is found (its team's names, on every service of the team) are as many again.

Their triggers belong to ``directory_searchentry``: a migration that rebuilds
that table on SQLite (any ``AlterField`` does: SQLite copies the table and
drops the old one) drops them with it, and the mirrors would silently go
stale. ``ensure_triggers`` puts them back and fills the mirrors anew; it runs
after every migration (``post_migrate``), so a future migration cannot forget.
"""

from contextlib import contextmanager

FTS = "directory_searchentry_fts"
FIRST = "directory_searchentry_fts_first"
TABLE = "directory_searchentry"
# Priorities below this are the first (indexing.py: NAME and DIVISION).
FIRST_PRIORITIES = 2
COLUMNS = "key, initials, grams"
# Which entries each mirror holds, as a test of a row named "{row}".
MIRRORS = {FTS: "1", FIRST: f"{{row}}.priority < {FIRST_PRIORITIES}"}


def mirror_triggers(fts, holds):
    """The triggers that keep a mirror in step, by name."""

    def insert(row, command=""):
        values = f"{row}.id, {row}.key, {row}.initials, {row}.grams"
        if command:
            return (
                f"INSERT INTO {fts}({fts}, rowid, {COLUMNS}) "
                f"SELECT '{command}', {values} WHERE {holds.format(row=row)};"
            )
        return (
            f"INSERT INTO {fts}(rowid, {COLUMNS}) "
            f"SELECT {values} WHERE {holds.format(row=row)};"
        )

    return {
        f"{fts}_insert": f"AFTER INSERT ON {TABLE} BEGIN {insert('new')} END",
        f"{fts}_delete": f"AFTER DELETE ON {TABLE} BEGIN {insert('old', 'delete')} END",
        f"{fts}_update": f"AFTER UPDATE ON {TABLE} BEGIN "
        f"{insert('old', 'delete')} {insert('new')} END",
    }


TRIGGERS = {
    name: (fts, body)
    for fts, holds in MIRRORS.items()
    for name, body in mirror_triggers(fts, holds).items()
}


def refill(cursor, fts):
    """The mirror anew from the entries it holds (external content: FTS5's
    own ``rebuild`` would take every entry)."""
    cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('delete-all')")
    cursor.execute(
        f"INSERT INTO {fts}(rowid, {COLUMNS}) SELECT id, {COLUMNS} "
        f"FROM {TABLE} entry WHERE {MIRRORS[fts].format(row='entry')}"
    )


def ensure_triggers(connection):
    """Re-create missing triggers and refill their mirrors (SQLite only);
    True if anything was missing. A mirror not created yet (by an earlier
    migration) is left alone."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        names = [*MIRRORS, *TRIGGERS]
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name IN "
            f"({', '.join(['%s'] * len(names))})",
            names,
        )
        present = {name for (name,) in cursor.fetchall()}
        stale = set()
        for name, (fts, body) in TRIGGERS.items():
            if fts in present and name not in present:
                cursor.execute(f"CREATE TRIGGER {name} {body}")
                stale.add(fts)
        for fts in MIRRORS:
            if fts in stale:
                refill(cursor, fts)
    return bool(stale)


def restore_after_migrate(sender, using, **kwargs):
    """``post_migrate``: whatever the migrations did to the entries' table."""
    from django.db import connections

    ensure_triggers(connections[using])


@contextmanager
def built_afterwards(connection):
    """Drop the indexes while every entry is written anew, and build them
    once at the end (inside the caller's transaction); on PostgreSQL, the
    entries are emptied first.

    Built in one pass, PostgreSQL's GIN indexes take less time and room than
    inserting row by row (pages filled, not split); its foreign keys are
    checked once for all rows, by one join each, not row by row (which also
    keeps staff's edits of the records they point to waiting until the
    rebuild commits). SQLite's mirrors are refilled from the table, one
    statement each. Searches wait for the rebuild to commit, as they would
    for its rows.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Every index but the primary key's, in the order of their names,
            # which is also the migration's: each partition's own index is
            # named after its column, in the order they are built.
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = current_schema() AND tablename = %s "
                "AND indexdef NOT LIKE %s ORDER BY indexname",
                [TABLE, "CREATE UNIQUE %"],
            )
            indexes = cursor.fetchall()
            for name, _definition in indexes:
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
                [TABLE],
            )
            references = cursor.fetchall()
            # Checks of rows written before, in the caller's transaction, are
            # made now: no constraint is dropped while they are pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for name, _definition in references:
                cursor.execute(
                    f"ALTER TABLE {TABLE} DROP CONSTRAINT "
                    f"{connection.ops.quote_name(name)}"
                )
            # Emptied at once, not row by row: rows deleted by the rebuild's own
            # transaction would stay in the table until it commits, and every
            # index built meanwhile would hold them too (twice the work).
            cursor.execute(f"TRUNCATE {TABLE}")
        elif connection.vendor == "sqlite":
            for name in TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Any deferred foreign key check first: PostgreSQL alters no
            # table, and builds no index, with checks pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for name, definition in references:
                cursor.execute(
                    f"ALTER TABLE {TABLE} ADD CONSTRAINT "
                    f"{connection.ops.quote_name(name)} {definition}"
                )
            # A GIN index built within memory is built in one pass.
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for _name, definition in indexes:
                # A partitioned table's index reads "ON ONLY" the table: built
                # so, it would hold no partition's part and be left invalid.
                cursor.execute(definition.replace(" ON ONLY ", " ON ", 1))
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            # The planner's statistics of the new rows at once, not when
            # autovacuum next comes by: a plan for the old rows may not fit.
            cursor.execute(f"ANALYZE {TABLE}")
    ensure_triggers(connection)
