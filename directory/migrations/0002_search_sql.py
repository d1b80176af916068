# The text indexes of the search entries, which the ORM cannot declare. Each
# statement is written out in full: this migration imports no app code, so it
# reads the same whatever the code becomes (directory/search/fts.py keeps the
# SQLite triggers in step after every later migration).
#
# PostgreSQL: pg_trgm GIN indexes on the entries' keys, and partial ones on
# the entries of the first priorities (a record's own names and numbers, a
# team's: priority 0 and 1), which rank before every other entry.
# SQLite: FTS5 trigram tables mirroring the same columns (external content:
# they store only their index), kept in step by triggers.
# Mistyped words are corrected against the indexed words by their trigrams:
# pg_trgm's index on PostgreSQL (SQLite reads that small table as it is).

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

POSTGRESQL = [
    "CREATE INDEX directory_searchentry_key_trgm "
    "ON directory_searchentry USING gin (key gin_trgm_ops)",
    "CREATE INDEX directory_searchentry_initials_trgm "
    "ON directory_searchentry USING gin (initials gin_trgm_ops)",
    "CREATE INDEX directory_searchentry_grams_trgm "
    "ON directory_searchentry USING gin (grams gin_trgm_ops)",
    "CREATE INDEX directory_searchentry_key_first_trgm "
    "ON directory_searchentry USING gin (key gin_trgm_ops) WHERE priority < 2",
    "CREATE INDEX directory_searchentry_initials_first_trgm "
    "ON directory_searchentry USING gin (initials gin_trgm_ops) WHERE priority < 2",
    "CREATE INDEX directory_searchentry_grams_first_trgm "
    "ON directory_searchentry USING gin (grams gin_trgm_ops) WHERE priority < 2",
    "CREATE INDEX directory_searchterm_word_trgm "
    "ON directory_searchterm USING gin (word gin_trgm_ops)",
]
POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS directory_searchentry_key_trgm",
    "DROP INDEX IF EXISTS directory_searchentry_initials_trgm",
    "DROP INDEX IF EXISTS directory_searchentry_grams_trgm",
    "DROP INDEX IF EXISTS directory_searchentry_key_first_trgm",
    "DROP INDEX IF EXISTS directory_searchentry_initials_first_trgm",
    "DROP INDEX IF EXISTS directory_searchentry_grams_first_trgm",
    "DROP INDEX IF EXISTS directory_searchterm_word_trgm",
]

SQLITE = [
    "CREATE VIRTUAL TABLE directory_searchentry_fts USING fts5("
    "key, initials, grams, content='directory_searchentry', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER directory_searchentry_fts_insert AFTER INSERT ON "
    "directory_searchentry BEGIN "
    "INSERT INTO directory_searchentry_fts(rowid, key, initials, grams) "
    "SELECT new.id, new.key, new.initials, new.grams WHERE 1; END",
    "CREATE TRIGGER directory_searchentry_fts_delete AFTER DELETE ON "
    "directory_searchentry BEGIN "
    "INSERT INTO directory_searchentry_fts(directory_searchentry_fts, rowid, "
    "key, initials, grams) "
    "SELECT 'delete', old.id, old.key, old.initials, old.grams WHERE 1; END",
    "CREATE TRIGGER directory_searchentry_fts_update AFTER UPDATE ON "
    "directory_searchentry BEGIN "
    "INSERT INTO directory_searchentry_fts(directory_searchentry_fts, rowid, "
    "key, initials, grams) "
    "SELECT 'delete', old.id, old.key, old.initials, old.grams WHERE 1; "
    "INSERT INTO directory_searchentry_fts(rowid, key, initials, grams) "
    "SELECT new.id, new.key, new.initials, new.grams WHERE 1; END",
    "CREATE VIRTUAL TABLE directory_searchentry_fts_first USING fts5("
    "key, initials, grams, content='directory_searchentry', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER directory_searchentry_fts_first_insert AFTER INSERT ON "
    "directory_searchentry BEGIN "
    "INSERT INTO directory_searchentry_fts_first(rowid, key, initials, grams) "
    "SELECT new.id, new.key, new.initials, new.grams WHERE new.priority < 2; END",
    "CREATE TRIGGER directory_searchentry_fts_first_delete AFTER DELETE ON "
    "directory_searchentry BEGIN "
    "INSERT INTO directory_searchentry_fts_first(directory_searchentry_fts_first, "
    "rowid, key, initials, grams) "
    "SELECT 'delete', old.id, old.key, old.initials, old.grams "
    "WHERE old.priority < 2; END",
    "CREATE TRIGGER directory_searchentry_fts_first_update AFTER UPDATE ON "
    "directory_searchentry BEGIN "
    "INSERT INTO directory_searchentry_fts_first(directory_searchentry_fts_first, "
    "rowid, key, initials, grams) "
    "SELECT 'delete', old.id, old.key, old.initials, old.grams "
    "WHERE old.priority < 2; "
    "INSERT INTO directory_searchentry_fts_first(rowid, key, initials, grams) "
    "SELECT new.id, new.key, new.initials, new.grams WHERE new.priority < 2; END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS directory_searchentry_fts_insert",
    "DROP TRIGGER IF EXISTS directory_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS directory_searchentry_fts_update",
    "DROP TRIGGER IF EXISTS directory_searchentry_fts_first_insert",
    "DROP TRIGGER IF EXISTS directory_searchentry_fts_first_delete",
    "DROP TRIGGER IF EXISTS directory_searchentry_fts_first_update",
    "DROP TABLE IF EXISTS directory_searchentry_fts",
    "DROP TABLE IF EXISTS directory_searchentry_fts_first",
]


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(
            run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            run({"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}),
        ),
    ]
