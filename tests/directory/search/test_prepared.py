from unittest import skipUnless
from unittest.mock import patch

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test.utils import CaptureQueriesContext

from directory.models import Division, HelpLine, Service
from directory.search.results import records
from directory.search.sql import QUERIES, prepared
from standards.models import Commitment, PolicyArea
from tests.base import SeededTestCase

MODELS = {
    "service": Service,
    "division": Division,
    "commitment": Commitment,
    "area": PolicyArea,
    "helpline": HelpLine,
}


def statements(context):
    return [query["sql"] for query in context.captured_queries]


def written_out(kind, pks, language="en"):
    """The rows of a kind's query with the ids written into it."""
    query = QUERIES[kind](language)
    with connection.cursor() as cursor:
        cursor.execute(
            query.format(ids=", ".join(["%s"] * len(pks))),
            pks * query.count("{ids}"),
        )
        return cursor.fetchall()


class PreparedRecordsTests(SeededTestCase):
    def setUp(self):
        # A statement is prepared once per connection: none is yet.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DEALLOCATE ALL")
        prepared._PREPARED.clear()

    def ids(self, kind):
        return list(
            MODELS[kind].objects.order_by("pk").values_list("pk", flat=True)[:5]
        )

    def test_every_kind_reads_the_rows_of_its_written_out_query(self):
        for kind in QUERIES:
            with self.subTest(kind):
                pks = self.ids(kind)
                self.assertTrue(pks)
                rows = prepared.by_ids(connection, QUERIES[kind]("en"), pks)
                self.assertTrue(rows)
                self.assertEqual(rows, written_out(kind, pks))
                # Twice: the second time by the statement prepared the first.
                again = prepared.by_ids(connection, QUERIES[kind]("en"), pks)
                self.assertEqual(again, rows)

    @skipUnless(connection.vendor == "postgresql", "statements prepared on PostgreSQL")
    def test_each_statement_is_prepared_once_per_connection(self):
        pks = self.ids("service")
        with CaptureQueriesContext(connection) as first:
            records([("service", pk) for pk in pks], "vi")
        with CaptureQueriesContext(connection) as second:
            found = records([("service", pk) for pk in pks], "vi")
        self.assertEqual(sum(s.startswith("PREPARE ") for s in statements(first)), 1)
        self.assertEqual([s[:8] for s in statements(second)], ["EXECUTE "])
        self.assertEqual([r.url for r in found], [f"/services/{pk}/" for pk in pks])
        # Another language's texts are another statement.
        with CaptureQueriesContext(connection) as other:
            records([("service", pks[0])], "th")
        self.assertTrue(statements(other)[0].startswith("PREPARE "))

    @skipUnless(connection.vendor == "postgresql", "statements prepared on PostgreSQL")
    def test_another_connection_prepares_its_own(self):
        query, pks = QUERIES["division"]("en"), self.ids("division")
        prepared.by_ids(connection, query, pks)
        other = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            with CaptureQueriesContext(other) as context:
                # The seeded rows are this test's, not yet committed: the
                # other connection reads none, by its own statement.
                self.assertEqual(prepared.by_ids(other, query, pks), [])
                self.assertEqual(prepared.by_ids(other, query, pks), [])
        finally:
            other.close()
        self.assertEqual(
            [s.split()[0] for s in statements(context)],
            ["PREPARE", "EXECUTE", "EXECUTE"],
        )

    def test_connections_that_do_not_last_write_the_ids_into_the_statement(self):
        pks = self.ids("service")
        settings = {**connection.settings_dict, "CONN_MAX_AGE": 0}
        with (
            patch.dict(connection.settings_dict, settings),
            CaptureQueriesContext(connection) as context,
        ):
            found = records([("service", pk) for pk in pks])
            self.assertFalse(prepared.lasting(connection))
        [statement] = statements(context)
        self.assertFalse(statement.startswith(("PREPARE", "EXECUTE")))
        self.assertEqual([r.url for r in found], [f"/services/{pk}/" for pk in pks])

    def test_only_postgresql_connections_that_last_prepare(self):
        self.assertEqual(
            prepared.lasting(connection),
            connection.vendor == "postgresql"
            and connection.settings_dict["CONN_MAX_AGE"] != 0,
        )
