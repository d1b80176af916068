"""Which tests the PostgreSQL run of scripts/test.sh takes (--database-tests-only)."""

from pathlib import Path
from types import SimpleNamespace

from django.test import SimpleTestCase, TestCase, TransactionTestCase

from tests.conftest import (
    DATABASE_SPECIFIC,
    portable_or_database_specific,
    uses_database,
)


def item(case=None, fixtures=(), marked=False, nodeid="tests/test_x.py::test"):
    """A collected test as the hook sees it."""
    return SimpleNamespace(
        nodeid=nodeid,
        cls=case,
        fixturenames=list(fixtures),
        get_closest_marker=lambda name: object() if marked else None,
    )


class WithDatabase(SimpleTestCase):
    databases = {"default"}


class DatabaseSelectionTests(SimpleTestCase):
    def test_django_test_cases_by_their_databases(self):
        self.assertFalse(uses_database(item(SimpleTestCase)))
        self.assertTrue(uses_database(item(WithDatabase)))
        self.assertTrue(uses_database(item(TestCase)))
        self.assertTrue(uses_database(item(TransactionTestCase)))

    def test_pytest_tests_by_their_fixtures_or_mark(self):
        self.assertFalse(uses_database(item(fixtures=["tmp_path", "settings"])))
        self.assertTrue(uses_database(item(fixtures=["db"])))
        # The browser tests reach it through their seeded site.
        self.assertTrue(uses_database(item(fixtures=["site", "django_db_setup"])))
        self.assertTrue(uses_database(item(fixtures=["live_server"])))
        self.assertTrue(uses_database(item(marked=True)))

    def test_sqlite_pass_takes_portable_tests_and_database_specific_ones(self):
        search = "tests/directory/search/test_sql.py::SqlTests::test_x"
        admin = "tests/directory/admin/test_history.py::HistoryTests::test_x"
        self.assertTrue(
            portable_or_database_specific(item(SimpleTestCase, nodeid=admin))
        )
        self.assertTrue(portable_or_database_specific(item(TestCase, nodeid=search)))
        self.assertFalse(portable_or_database_specific(item(TestCase, nodeid=admin)))

    def test_every_database_specific_path_exists(self):
        # A renamed module would else leave SQLite untested without a word.
        root = Path(__file__).resolve().parent.parent
        for prefix in DATABASE_SPECIFIC:
            folder, _, start = prefix.rpartition("/")
            self.assertTrue(
                any(path.name.startswith(start) for path in (root / folder).iterdir()),
                prefix,
            )
