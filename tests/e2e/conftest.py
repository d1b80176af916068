"""End-to-end tests: Debian's Chromium, driven by Playwright, against a live server."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

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


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the seed data loaded.

    The server thread reads what the test committed, so each test loads the
    seed anew (a copy of the first load of this process) and the database is
    emptied after it.
    """
    load_seed()
    return live_server.url


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
