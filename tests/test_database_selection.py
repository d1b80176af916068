"""Which tests the PostgreSQL run of scripts/test.sh takes (--database-tests-only)."""

from types import SimpleNamespace

from django.test import SimpleTestCase, TestCase, TransactionTestCase

from tests.conftest import uses_database


def item(case=None, fixtures=(), marked=False):
    """A collected test as the hook sees it."""
    return SimpleNamespace(
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
