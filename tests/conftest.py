import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import SimpleTestCase, override_settings
from django.utils import translation

# The fixtures through which a pytest-style test reaches the test database.
DATABASE_FIXTURES = {"django_db_setup", "db", "transactional_db", "live_server"}


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="run only the tests that use the test database: scripts/test.sh "
        "runs the others once, in its SQLite pass",
    )


def uses_database(item):
    """Whether the test reaches the test database (a Django test case that
    declares databases, or a test marked or fixtured for it)."""
    case = getattr(item, "cls", None)
    if case is not None and issubclass(case, SimpleTestCase):
        return bool(case.databases)
    return bool(
        item.get_closest_marker("django_db")
        or DATABASE_FIXTURES & set(item.fixturenames)
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("database_tests_only"):
        return
    others = [item for item in items if not uses_database(item)]
    if others:
        config.hook.pytest_deselected(items=others)
        items[:] = [item for item in items if uses_database(item)]


@pytest.fixture(autouse=True, scope="session")
def test_settings():
    """Static files without a collectstatic manifest, and fast password hashing."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(STORAGES=storages, PASSWORD_HASHERS=hashers):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages and no rate-limit counters."""
    cache.clear()


@pytest.fixture(autouse=True)
def korean_first():
    """Each test starts in Korean: a request leaves its language active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
