"""The text indexes of the search entries (directory/search/fts.py)."""

from django.db import connection
from django.test import TestCase

from directory.models import SearchEntry
from directory.search import fts
from directory.search.indexing import search_index, search_rebuild
from tests.factories import make_service


def mirror_ids(table, key):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [key])
        return {row[0] for row in cursor.fetchall()}


def trigger_names():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall()}


class SQLiteMirrorTests(TestCase):
    def setUp(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite's FTS5 mirrors")
        self.service = make_service(name="은하수다문화축제")

    def entry_ids(self, **filters):
        return set(
            SearchEntry.objects.filter(key__contains="은하수", **filters).values_list(
                "pk", flat=True
            )
        )

    def test_both_mirrors_follow_the_entries_by_trigger(self):
        every = self.entry_ids()
        first = self.entry_ids(priority__lt=fts.FIRST_PRIORITIES)
        self.assertTrue(first)
        self.assertEqual(mirror_ids(fts.FTS, '"은하수"'), every)
        self.assertEqual(mirror_ids(fts.FIRST, '"은하수"'), first)
        self.service.delete()
        self.assertEqual(mirror_ids(fts.FTS, '"은하수"'), set())
        self.assertEqual(mirror_ids(fts.FIRST, '"은하수"'), set())

    def test_ensure_triggers_puts_back_dropped_triggers_and_refills(self):
        with connection.cursor() as cursor:
            for name in fts.TRIGGERS:
                cursor.execute(f"DROP TRIGGER {name}")
        self.assertFalse(set(fts.TRIGGERS) & trigger_names())
        # Entries written while the triggers were gone leave the mirror stale
        # (the old entries' ids, none of the new ones)...
        search_index(SearchEntry.Kind.SERVICE, [self.service.pk])
        self.assertFalse(mirror_ids(fts.FTS, '"은하수"') & self.entry_ids())
        # ...until the triggers are put back, which refills both mirrors.
        self.assertTrue(fts.ensure_triggers(connection))
        self.assertLessEqual(set(fts.TRIGGERS), trigger_names())
        self.assertEqual(mirror_ids(fts.FTS, '"은하수"'), self.entry_ids())
        self.assertFalse(fts.ensure_triggers(connection))

    def test_a_rebuild_keeps_the_triggers_and_the_mirrors_whole(self):
        search_rebuild()
        self.assertLessEqual(set(fts.TRIGGERS), trigger_names())
        self.assertEqual(mirror_ids(fts.FTS, '"은하수"'), self.entry_ids())


class PostgreSQLIndexTests(TestCase):
    def setUp(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL's trigram indexes")

    def indexes(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = %s", [fts.TABLE]
            )
            return {row[0] for row in cursor.fetchall()}

    def parts(self):
        """Each index of the entries: whether it is valid, and its parts'
        tables (one in each partition)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT parent.indexrelid::regclass::text, parent.indisvalid, "
                "array_agg(part.indrelid::regclass::text "
                "ORDER BY part.indrelid::regclass::text) "
                "FROM pg_index parent "
                "JOIN pg_inherits ON inhparent = parent.indexrelid "
                "JOIN pg_index part ON part.indexrelid = inhrelid "
                "WHERE parent.indrelid = %s::regclass GROUP BY 1, 2",
                [fts.TABLE],
            )
            return {name: (valid, parts) for name, valid, parts in cursor.fetchall()}

    def files(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, pg_relation_filenode(oid) FROM pg_class "
                "WHERE relname IN (%s, %s)",
                [f"{fts.TABLE}_first", f"{fts.TABLE}_rest"],
            )
            return dict(cursor.fetchall())

    def references(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid), convalidated "
                "FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'",
                [fts.TABLE],
            )
            return set(cursor.fetchall())

    def test_a_rebuild_drops_and_builds_the_same_indexes_again(self):
        before, references = self.indexes(), self.references()
        self.assertIn("directory_searchentry_key_trgm", before)
        self.assertEqual(len(references), 6)
        make_service(name="은하수다문화축제")
        files = self.files()
        search_rebuild()
        self.assertEqual(self.indexes(), before)
        # Emptied (new files), not deleted row by row: the indexes built
        # afterwards would hold the deleted rows until the rebuild commits.
        self.assertTrue(set(self.files().values()).isdisjoint(files.values()))
        # Its foreign keys, dropped while the rows were written, are back.
        self.assertEqual(self.references(), references)
        # And the planner knows the new rows: ANALYZE within the rebuild
        # (autovacuum never analyzes a partitioned table as a whole).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stats WHERE tablename = %s AND inherited",
                [fts.TABLE],
            )
            self.assertGreater(cursor.fetchone()[0], 0)
        parts = self.parts()
        self.assertEqual(len(parts), len(before))
        for name, (valid, tables) in parts.items():
            with self.subTest(index=name):
                self.assertTrue(valid)
                self.assertEqual(
                    tables,
                    ["directory_searchentry_first", "directory_searchentry_rest"],
                )
        self.assertTrue(SearchEntry.objects.filter(key__contains="은하수").exists())

    def test_ensure_triggers_does_nothing_on_postgresql(self):
        self.assertFalse(fts.ensure_triggers(connection))
