from django.db import connection
from django.test import TestCase


class PostgresTrigramTests(TestCase):
    def test_database_splits_hangul_into_trigrams(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        with connection.cursor() as cursor:
            # Under LC_CTYPE=C Hangul is no letter: no trigrams, no index use.
            cursor.execute("SELECT cardinality(show_trgm('가족지원'))")
            (count,) = cursor.fetchone()
        self.assertEqual(count, 5)

    def test_planner_knows_the_directory_is_in_memory(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        with connection.cursor() as cursor:
            cursor.execute("SHOW random_page_cost")
            (cost,) = cursor.fetchone()
        # At the default of 4, a team's numbers were joined by scanning
        # every service phone and every contact (see config/settings.py).
        self.assertEqual(float(cost), 1.1)

    def test_test_database_is_created_in_an_explicit_locale(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT datctype, datcollate, pg_encoding_to_char(encoding) "
                "FROM pg_database WHERE datname = current_database()"
            )
            self.assertEqual(cursor.fetchone(), ("C.UTF-8", "C.UTF-8", "UTF8"))
        creation = connection.creation_class(connection)
        suffix = creation.sql_table_creation_suffix()
        self.assertIn("LC_CTYPE 'C.UTF-8'", suffix)
        self.assertIn('TEMPLATE "template0"', suffix)


class SqliteMirrorTests(TestCase):
    """SQLite's FTS mirror of the entries stays in step after a migration
    that copies the entries' table (which drops its triggers)."""

    def test_dropped_triggers_come_back_and_the_mirror_is_rebuilt(self):
        from directory.search.fts import FTS, TRIGGERS, ensure_triggers
        from directory.search.sql import like

        if connection.vendor != "sqlite":
            self.skipTest("SQLite only")
        with connection.cursor() as cursor:
            for name in TRIGGERS:
                cursor.execute(f"DROP TRIGGER {name}")
            cursor.execute(
                "INSERT INTO directory_searchentry (kind, object_id, priority, "
                "position, key, words, initials, grams) VALUES "
                "('area', 1, 3, 1, '우주여행안내', ' 우주여행안내 ', '', '')"
            )
            test = like("key", "%우주여행%")
            query = f"SELECT count(*) FROM {FTS} WHERE key LIKE %s"
            cursor.execute(query, test.params)
            self.assertEqual(cursor.fetchone(), (0,))
            self.assertTrue(ensure_triggers(connection))
            cursor.execute(query, test.params)
            self.assertEqual(cursor.fetchone(), (1,))
            # Kept in step again: a deleted entry leaves the mirror.
            cursor.execute(
                "DELETE FROM directory_searchentry WHERE key = %s", ["우주여행안내"]
            )
            cursor.execute(query, test.params)
            self.assertEqual(cursor.fetchone(), (0,))
        self.assertFalse(ensure_triggers(connection))
