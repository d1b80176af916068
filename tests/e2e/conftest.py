"""End-to-end tests: Debian's Chromium, driven by Playwright, against a live server."""

import os
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections

from tests.base import load_seed

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(settings.BASE_DIR, "artifacts", "screenshots")

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = pytest.mark.skipif(
    not shutil.which(CHROMIUM), reason=f"Chromium is not installed at {CHROMIUM}"
)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Korean browser: others are sent to their language on a first visit."""
    return {**browser_context_args, "locale": "ko-KR"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # The machine has no network: keep Chromium from trying to reach Google.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's helper without its ``transactional_db``: the browser
    tests share the seeded database of ``_seeded`` instead of emptying the
    database after each test."""
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


def _empty_database():
    """What ``TransactionTestCase`` leaves after a test: no rows but those
    that migrations create (content types, permissions)."""
    call_command("flush", interactive=False, verbosity=0)


def _restore_seed():
    _empty_database()
    load_seed()


# Searching counts the searches without a good answer: a log of the visit,
# not data a test changes.
LOGS = {"directory_searchmiss"}


def _row_counts():
    """The number of rows in each table (but the logs), in one query."""
    tables = sorted(
        {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
        - LOGS
    )
    quote = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


@pytest.fixture(scope="package")
def _seeded(django_db_setup, django_db_blocker):
    """The seed, committed once for the browser tests that run one after
    another in this process (the live server's thread reads what is
    committed), and the database emptied after them for the other tests."""
    with django_db_blocker.unblock():
        load_seed()
    yield
    with django_db_blocker.unblock():
        _empty_database()
        connections.close_all()


@pytest.fixture
def site(request, _seeded, live_server, django_db_blocker):
    """The live server with the seed data.

    A test marked ``changes_data`` finds the seed restored after it. One that
    adds or removes rows without the mark fails, and the seed is restored.
    (``_seeded`` comes first so that the test database is made before the
    live server starts and destroyed after it stops.)
    """
    changes_data = request.node.get_closest_marker("changes_data") is not None
    with django_db_blocker.unblock():
        before = None if changes_data else _row_counts()
        yield live_server.url
        if changes_data:
            _restore_seed()
            # As TransactionTestCase does: a connection left open keeps the
            # test database from being dropped.
            connections.close_all()
            return
        changed = {
            table: (before[table], count)
            for table, count in _row_counts().items()
            if count != before[table]
        }
        connections.close_all()
        if changed:
            _restore_seed()
            pytest.fail(f"rows changed, but no mark changes_data: {changed}")


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take


def log_in_as_staff(site, page):
    """A new superuser signed in to the admin in ``page``."""
    from django.contrib.auth.models import User

    User.objects.create_superuser("staff-e2e", password="staff-e2e-password-1")
    page.goto(site + "/admin/login/")
    page.fill("#id_username", "staff-e2e")
    page.fill("#id_password", "staff-e2e-password-1")
    page.click("input[type=submit]")
