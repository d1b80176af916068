from django.db import connection
from django.db.models import BooleanField
from django.test import TestCase

from directory.models import SearchEntry
from directory.search.engine import matching, of_kind
from directory.search.entries import VIA_DIVISION
from directory.search.fts import FIRST, FIRST_PRIORITIES, FTS, TRIGGERS, ensure_triggers
from directory.search.reading import parse_query
from directory.search.sql import (
    Condition,
    RowSQL,
    any_of,
    first_or_every_statement,
    key_condition,
    number_prefix,
    phrase,
    rank,
)


class PostgresTrigramTests(TestCase):
    def test_database_splits_hangul_into_trigrams(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        with connection.cursor() as cursor:
            # Under LC_CTYPE=C Hangul is no letter: no trigrams, no index use.
            cursor.execute("SELECT cardinality(show_trgm('가족지원'))")
            (count,) = cursor.fetchone()
        self.assertEqual(count, 5)

    def test_connections_tune_the_planner_for_searches(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('random_page_cost'), current_setting('jit')"
            )
            cost, jit = cursor.fetchone()
        # At the default of 4, a team's numbers were joined by scanning
        # every service phone and every contact (see config/backends.py).
        self.assertEqual(float(cost), 1.1)
        # Compiling an overestimated trigram scan took longer than running it.
        self.assertEqual(jit, "off")

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

    def test_first_priorities_are_read_from_their_own_partition(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")

        def plan(first):
            entries = matching(parse_query("상담").attempts[0], first)
            sql, params = entries.query.sql_with_params()
            with connection.cursor() as cursor:
                # A handful of rows is scanned whole; the question is which
                # index can serve the query when one must.
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(f"EXPLAIN {sql}", params)
                return " ".join(row[0] for row in cursor.fetchall())

        # Which of a partition's indexes serves the scan is the planner's
        # choice on a table this small (the key's, or the priority's).
        every, first = plan(first=False), plan(first=True)
        for partition in ("first", "rest"):
            self.assertRegex(every, rf" on directory_searchentry_{partition}\b")
        self.assertRegex(first, r" on directory_searchentry_first\b")
        self.assertNotIn("directory_searchentry_rest", first)

    def test_every_entry_is_ranked_without_reading_the_first_partition_again(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        attempt = parse_query("상담").attempts[0]
        order = rank(attempt.keys, attempt.alternatives, attempt.groups)
        statement, params = first_or_every_statement(attempt.condition, order, 80)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {statement}", params)
            lines = [row[0] for row in cursor.fetchall()]
        [start] = [i for i, line in enumerate(lines) if "on every_rows" in line]
        every = " ".join(lines[start:])
        # The first priorities' rows are those of the first part, all of
        # them when they are fewer than asked for; the services found
        # through their teams' names among them are read by the index of
        # the entries that borrow those names (sql/teams.py).
        self.assertIn("CTE Scan on first_rows", every)
        self.assertRegex(every, r" on directory_searchentry_rest\b")
        self.assertNotIn("directory_searchentry_first", every)
        self.assertRegex(every, r"using directory_searchentry_rest_division_id_idx\b")


def sqlite_only(test):
    if connection.vendor != "sqlite":
        test.skipTest("SQLite only")


class SqliteMirrorTests(TestCase):
    """SQLite's FTS mirrors of the entries stay in step after a migration
    that copies the entries' table (which drops its triggers)."""

    def add_entry(self, key, priority):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO directory_searchentry (kind, object_id, priority, "
                "position, key, words, initials, grams) VALUES "
                "('area', 1, %s, 1, %s, '', '', '')",
                [priority, key],
            )

    def mirrored(self, fts, text):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM {fts} WHERE {fts} MATCH %s",
                [phrase("key", text)],
            )
            return cursor.fetchone()[0]

    def test_dropped_triggers_come_back_and_the_mirrors_are_refilled(self):
        sqlite_only(self)
        with connection.cursor() as cursor:
            for name in TRIGGERS:
                cursor.execute(f"DROP TRIGGER {name}")
        self.add_entry("우주여행안내", 3)
        self.add_entry("우주여행상담", 0)
        self.assertEqual(self.mirrored(FTS, "우주여행"), 0)
        self.assertTrue(ensure_triggers(connection))
        self.assertEqual(self.mirrored(FTS, "우주여행"), 2)
        # The first priorities' mirror holds only their entries.
        self.assertEqual(self.mirrored(FIRST, "우주여행"), 1)
        self.assertEqual(self.mirrored(FIRST, "우주여행상담"), 1)
        # Kept in step again: a deleted entry leaves the mirrors, a changed
        # priority moves it out of the first's.
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM directory_searchentry WHERE key = %s", ["우주여행안내"]
            )
            cursor.execute(
                "UPDATE directory_searchentry SET priority = 2 WHERE key = %s",
                ["우주여행상담"],
            )
        self.assertEqual(self.mirrored(FTS, "우주여행"), 1)
        self.assertEqual(self.mirrored(FIRST, "우주여행"), 0)
        self.assertFalse(ensure_triggers(connection))

    def test_a_mirror_not_created_yet_is_left_alone(self):
        sqlite_only(self)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {FIRST}")
            for name, (fts, _body) in TRIGGERS.items():
                if fts == FIRST:
                    cursor.execute(f"DROP TRIGGER {name}")
            self.assertFalse(ensure_triggers(connection))
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE %s", [FIRST + "%"]
            )
            self.assertEqual(cursor.fetchone(), (0,))


class FirstPrioritiesTests(TestCase):
    def test_first_priorities_end_where_services_are_found_through_others(self):
        # A service found through its team's name or its fax ranks later.
        self.assertEqual(FIRST_PRIORITIES, VIA_DIVISION)


class FtsQueryTests(TestCase):
    """On SQLite, tests the mirror answers, joined by AND and OR, are one
    FTS5 query of it: the mirror intersects and unites the rows itself."""

    def test_tests_of_the_mirror_join_into_one_query(self):
        sqlite_only(self)
        either = any_of(["고려인", "다문화", "ㅊㅅ"])
        self.assertEqual(
            either.fts, 'key : "고려인" OR key : "다문화" OR grams : " ^ㅊㅅ"'
        )
        both = either & key_condition("상담")
        self.assertEqual(both.fts, f'({either.fts}) AND grams : " 상담 "')
        self.assertEqual(both.params, [both.fts])
        self.assertEqual(both.sql.count("MATCH"), 1)

    def test_a_test_of_the_table_joins_as_sql(self):
        sqlite_only(self)
        joined = key_condition("고려인") & Condition("{priority} < 2")
        self.assertIsNone(joined.fts)
        self.assertEqual(joined.params, ['key : "고려인"'])
        self.assertIn("AND {priority} < 2", joined.sql)

    def test_tests_joined_alike_are_not_nested(self):
        def equal(key):
            return Condition("{key} = %s", key)

        either = any_of(["a", "b", "c"], equal)
        self.assertEqual(either.sql, "({key} = %s OR {key} = %s OR {key} = %s)")
        self.assertEqual(either.params, ["a", "b", "c"])
        both = either & equal("d") & equal("e")
        self.assertEqual(both.sql, f"({either.sql} AND {{key}} = %s AND {{key}} = %s)")

    def test_quotes_cannot_end_a_phrase(self):
        self.assertEqual(phrase("key", 'a"b OR c'), 'key : "a""b OR c"')

    def plan(self, query):
        sql, params = query.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return " ".join(str(row) for row in cursor.fetchall())

    def test_a_kind_is_tested_on_the_matches_not_looked_up(self):
        # Through the kind's index, SQLite read every service's entries and
        # tested the query on each (engine.of_kind).
        sqlite_only(self)
        test = key_condition("고려인")
        matches = SearchEntry.objects.filter(RowSQL(SearchEntry, test, BooleanField()))
        self.assertIn("kind", self.plan(matches.filter(kind="service")))
        plan = self.plan(of_kind(matches, "service"))
        self.assertNotIn("kind", plan)
        self.assertIn(FTS, plan)

    def test_a_whole_number_is_looked_up_by_the_b_tree_index(self):
        sqlite_only(self)
        test = number_prefix("03180304655")
        query = SearchEntry.objects.filter(RowSQL(SearchEntry, test, BooleanField()))
        sql, params = query.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        self.assertIn("directory_searchentry_key_like", plan)
