"""The text indexes of the search entries: SQLite's FTS5 trigram table that
mirrors their keys, and PostgreSQL's pg_trgm GIN indexes on the same columns.

Its triggers belong to ``directory_searchentry``: a migration that rebuilds
that table on SQLite (any ``AlterField`` does: SQLite copies the table and
drops the old one) drops them with it, and the mirror would silently go
stale. ``ensure_triggers`` puts them back and fills the mirror anew; it runs
after every migration (``post_migrate``), so a future migration cannot forget.
"""

from contextlib import contextmanager

FTS = "directory_searchentry_fts"
TABLE = "directory_searchentry"
COLUMNS = "key, initials, grams"
NEW = "new.id, new.key, new.initials, new.grams"
OLD = "'delete', old.id, old.key, old.initials, old.grams"
TRIGGERS = {
    f"{FTS}_insert": f"AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES ({NEW}); END",
    f"{FTS}_delete": f"AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ({OLD}); END",
    f"{FTS}_update": f"AFTER UPDATE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ({OLD}); "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES ({NEW}); END",
}


def ensure_triggers(connection):
    """Re-create missing triggers and rebuild the mirror (SQLite only); True
    if anything was missing."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT type, name FROM sqlite_master WHERE name = %s OR name IN "
            f"({', '.join(['%s'] * len(TRIGGERS))})",
            [FTS, *TRIGGERS],
        )
        present = {name for _type, name in cursor.fetchall()}
        if FTS not in present or present >= {FTS, *TRIGGERS}:
            return False
        for name, body in TRIGGERS.items():
            if name not in present:
                cursor.execute(f"CREATE TRIGGER {name} {body}")
        cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
    return True


def restore_after_migrate(sender, using, **kwargs):
    """``post_migrate``: whatever the migrations did to the entries' table."""
    from django.db import connections

    ensure_triggers(connections[using])


@contextmanager
def built_afterwards(connection):
    """Drop the indexes while every entry is written anew, and build them
    once at the end (inside the caller's transaction).

    Built in one pass, PostgreSQL's GIN indexes took a fraction of the time
    and of the room that inserting row by row took (pages filled, not split);
    SQLite's mirror is rebuilt from the table in one statement. Searches wait
    for the rebuild to commit, as they would for its rows.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Every index but the primary key's.
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = current_schema() AND tablename = %s "
                "AND indexdef NOT LIKE %s",
                [TABLE, "CREATE UNIQUE %"],
            )
            indexes = cursor.fetchall()
            for name, _definition in indexes:
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        elif connection.vendor == "sqlite":
            for name in TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The rows' deferred foreign key checks first: PostgreSQL builds
            # no index on a table with checks pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _name, definition in indexes:
                cursor.execute(definition)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    ensure_triggers(connection)
