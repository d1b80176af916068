from contextlib import ExitStack

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import SimpleTestCase, override_settings
from django.utils import translation

from tests.template_db import worker_databases

# The fixtures through which a pytest-style test reaches the test database.
DATABASE_FIXTURES = {"django_db_setup", "db", "transactional_db", "live_server"}


# The tests of the code whose SQL differs between SQLite and PostgreSQL
# (search, bulk loads, the report quota's lock, the migrations' own SQL):
# the SQLite pass of scripts/test.sh runs only these of the database tests.
DATABASE_SPECIFIC = (
    "tests/directory/search/",
    "tests/directory/loading/",
    "tests/directory/admin/test_import",
    "tests/directory/opendata/test_search.py",
    "tests/directory/test_models.py",
    "tests/directory/test_report",
    "tests/directory/test_search_page.py",
    "tests/directory/test_signals.py",
    "tests/test_backup.py",
    "tests/test_migrations.py",
    "tests/test_template_db.py",
)


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="run only the tests that use the test database: scripts/test.sh "
        "runs the others once, in its SQLite pass",
    )
    parser.addoption(
        "--database-specific-only",
        action="store_true",
        help="of the tests that use the test database, run only those of code "
        "whose SQL differs by database (DATABASE_SPECIFIC); the others run on "
        "PostgreSQL only",
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


def portable_or_database_specific(item):
    """Whether the SQLite pass takes the test: one that touches no database,
    or one of code whose SQL differs by database."""
    return not uses_database(item) or item.nodeid.startswith(DATABASE_SPECIFIC)


def pytest_collection_modifyitems(config, items):
    if config.getoption("database_tests_only"):
        keep = uses_database
    elif config.getoption("database_specific_only"):
        keep = portable_or_database_specific
    else:
        return
    others = [item for item in items if not keep(item)]
    if others:
        config.hook.pytest_deselected(items=others)
        items[:] = [item for item in items if keep(item)]


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """pytest-django's test databases, migrated once per run (tests/template_db.py)."""
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    if worker is None:
        databases = worker_databases(tmp_path_factory.getbasetemp(), "main")
    else:
        databases = worker_databases(tmp_path_factory.getbasetemp().parent, worker)
    with ExitStack() as stack:
        with django_db_blocker.unblock():
            stack.enter_context(databases)
        yield
        with django_db_blocker.unblock():
            stack.close()


@pytest.fixture(autouse=True, scope="session")
def test_settings(tmp_path_factory):
    """Static files without a collectstatic manifest, fast password hashing,
    and the downloads written before answering (another thread would not see
    a test's rows), in a folder of the run's own."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(
        STORAGES=storages,
        PASSWORD_HASHERS=hashers,
        DOWNLOADS_ROOT=tmp_path_factory.mktemp("downloads"),
        DOWNLOADS_IN_BACKGROUND=False,
    ):
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
